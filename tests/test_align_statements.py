"""Claims of facts told in nearly the same words (statements), and numbers grouped across
outlets whose counted nouns or units differ (issue 18: alignment recall)."""

from __future__ import annotations

import numpy as np

from report_fixture import article, facts_of
from storyline.models import ArticleFacts
from storyline.stages.analysis.align import align
from storyline.stages.analysis.statements import Meaning, find_statements


def _roots(*arts):
    return {a.id: a.duplicate_of or a.id for a in arts}


def _statements(*texts: str, **dups: str):
    arts = [article(f"s{i}", t, duplicate_of=dups.get(f"s{i}")) for i, t in enumerate(texts)]
    return arts, find_statements(arts, _roots(*arts))


def test_one_fact_in_nearly_the_same_words_is_one_statement() -> None:
    arts, found = _statements(
        "Harbour master Ilse Varno said the two groundings on successive nights were not "
        "connected and were not caused by fog.\nThe port reopened.",
        "Officials added that the two groundings on successive nights were not connected and "
        "were not caused by fog, the harbour master said.",
        "A ferry left Ostmark at dawn with forty passengers on board.",
    )
    (st,) = found
    assert {c.article for c in st.cites} == {"s0", "s1"}
    for c, said in zip(st.cites, st.texts, strict=True):
        text = next(a.text for a in arts if a.id == c.article)
        assert text[c.start : c.end] == said
        assert "not connected" in said


def test_different_values_negation_or_people_are_two_statements() -> None:
    _arts, found = _statements(
        "A magnitude 5.4 tremor shook the coastal town of Brellin early on Sunday morning.",
        "A magnitude 6.2 tremor shook the coastal town of Brellin early on Sunday morning.",
    )
    assert found == []
    _arts, found = _statements(
        "The inquiry found that the collapse of the old mill was caused by the storm.",
        "The inquiry found that the collapse of the old mill was not caused by the storm.",
    )
    assert found == []
    arts = [
        article("p0", "Police named the injured cyclist as Tomas Brandt of the northern suburb."),
        article("p1", "Police named the injured cyclist as Elin Marsh of the northern suburb."),
    ]
    persons = frozenset({"tomas", "brandt", "elin", "marsh"})
    assert find_statements(arts, _roots(*arts), persons) == []


def test_copies_alone_make_a_statement_only_of_a_value() -> None:
    sentence = "The mayor of Kestrel opened the new bridge over the river {}."
    _arts, found = _statements(
        sentence.format("with a short speech"),
        sentence.format("with a short speech"),
        s1="s0",
    )
    assert found == []  # a copy shares every sentence: no claim for each
    _arts, found = _statements(
        sentence.format("shortly after 9 a.m."),
        sentence.format("shortly after 9 a.m."),
        s1="s0",
    )
    (st,) = found
    assert len(st.cites) == 2


def test_a_paraphrase_sharing_a_specific_value_is_one_statement() -> None:
    _arts, found = _statements(
        "Varno previously chaired the 41st regional film festival in 2019, and won praise.",
        "Varno led the 41st annual regional film festival in 2019, for which she won an award.",
    )
    (st,) = found
    assert len(st.cites) == 2


def test_statement_claims_count_independent_sources() -> None:
    a = article("a1", "Investigators said the fire at the Kestrel depot started in a storage room.")
    b = article("b1", "Investigators said the fire at the Kestrel depot started in a storage room.")
    c = article(
        "c1", "The fire at the Kestrel depot started in a storage room, investigators said."
    )
    d = article("d1", "Investigators said the fire at the Kestrel depot started in a storage room.",
                duplicate_of="a1")  # fmt: skip
    facts = [ArticleFacts(x.id) for x in (a, b, c, d)]
    al = align([a, b, c, d], facts)
    (claim,) = [c for c in al.claims if c.slot == "statement"]
    assert {x.article for x in claim.cites} == {"a1", "b1", "c1", "d1"}
    assert claim.independent_sources == 3  # the copy counts once


def test_counted_nouns_outlets_swap_are_one_claim() -> None:
    a = article("a1", "A video showed 14 pirates on the deck of the trawler.")
    b = article("b1", "Radar tracked 14 brigands in two skiffs near the strait.")
    al = align([a, b], [facts_of(a, ("14 pirates", "pirates", 14, "exact")),
                        facts_of(b, ("14 brigands", "brigands", 14, "exact"))])  # fmt: skip
    (claim,) = [c for c in al.claims if c.slot in ("pirates", "brigands")]
    assert claim.independent_sources == 2


def test_one_speed_in_two_units_is_one_claim() -> None:
    a = article("a1", "The driver fled at speeds up to 100 mph before he was stopped.")
    b = article("b1", "The driver fled at speeds up to 161 km/h before he was stopped.")
    al = align([a, b], [facts_of(a, ("up to 100", "", 100, "up_to")),
                        facts_of(b, ("up to 161", "", 161, "up_to"))])  # fmt: skip
    multi = [c for c in al.claims if c.slot != "statement" and c.independent_sources == 2]
    assert len(multi) == 1
    assert {x.article for x in multi[0].cites} == {"a1", "b1"}


# -- told in other words: the caller's sentence vectors (statements.Meaning) ---------------


def _topic_vectors(*topics: str):
    """A stand-in for the engine's embedder: texts that name the same topic word get the same
    unit vector (cosine 1), others orthogonal ones (cosine 0)."""

    def encode(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(topics) + 1), dtype=np.float32)
        for i, t in enumerate(texts):
            k = next((n for n, w in enumerate(topics) if w in t), len(topics))
            out[i, k] = 1.0
        return out

    return encode


def _told(*texts: str, embedder: str = "minilm"):
    arts = [article(f"m{i}", t) for i, t in enumerate(texts)]
    meaning = Meaning(_topic_vectors("Lakeview"), embedder)
    return find_statements(arts, _roots(*arts)), find_statements(
        arts, _roots(*arts), meaning=meaning
    )


def test_one_fact_in_other_words_is_one_statement_with_sentence_vectors() -> None:
    words, meant = _told(
        "Singer Dana Kirro checked herself into the Lakeview recovery clinic on Tuesday.",
        "Her agent confirmed that Kirro was admitted to Lakeview, a recovery clinic, on Tuesday.",
        "A new album by the band is due in the spring, the label announced.",
    )
    assert words == []  # too few words in the same order
    (st,) = meant
    assert {c.article for c in st.cites} == {"m0", "m1"}


def test_alike_vectors_do_not_join_other_values_negation_or_names_only() -> None:
    # another day, a denial, or only the place's names in common: two facts however alike
    # their vectors are
    for second in (
        "Her agent confirmed that Kirro was admitted to Lakeview, a recovery clinic, on Friday.",
        "Her agent said Kirro was not admitted to the Lakeview recovery clinic on Tuesday.",
        "Lakeview Recovery Clinic in Tuesday Harbor opened its doors to Kirro fans and visitors.",
    ):
        _words, meant = _told(
            "Singer Dana Kirro checked herself into the Lakeview recovery clinic on Tuesday.",
            second,
        )
        assert meant == [], second


def test_an_embedder_with_no_measured_floor_keeps_the_word_path() -> None:
    _words, meant = _told(
        "Singer Dana Kirro checked herself into the Lakeview recovery clinic on Tuesday.",
        "Her agent confirmed that Kirro was admitted to Lakeview, a recovery clinic, on Tuesday.",
        embedder="model2vec",
    )
    assert meant == []


def test_the_engine_lends_minilm_vectors_once_per_sentence(tmp_path, monkeypatch):
    from dataclasses import replace

    import storyline.embed
    from storyline import Engine

    with Engine.open(tmp_path / "t.db", embedder="tfidf") as eng:
        assert eng._meaning() is None  # --embedder tfidf: words only
    calls: list[list[str]] = []

    class Counting:
        def encode(self, texts, threads=0, precision="fp32"):
            calls.append(list(texts))
            return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)

    monkeypatch.setattr(storyline.embed, "get_embedder", lambda name: Counting())
    with Engine.open(tmp_path / "m.db", embedder="tfidf") as eng:
        # the settings as with MiniLM installed (without it, they would say model2vec)
        eng.settings = replace(eng.settings, embedder="minilm")
        meaning = eng._meaning()
        assert meaning is not None and meaning.embedder == "minilm"
        assert meaning.encode(["one", "two", "one"]).shape == (3, 2)
        assert eng._meaning().encode(["two", "three"]).shape == (2, 2)  # type: ignore[union-attr]
    assert calls == [["one", "two"], ["three"]]  # kept per text in the process


# -- issue 18, alignment recall (s1): clause cuts, asides, persons, figures in any order -----


def test_and_between_two_names_does_not_cut_a_clause() -> None:
    from storyline.stages.analysis.statements import _clauses

    text = "Marta Olsen kept her ABF, RBO and TKO rowing belts at the Arena in Kestrel, Norland."
    assert _clauses(text, 0, len(text)) == [(0, len(text))]
    text = (
        "The storm flooded the harbour district overnight and Police closed every road into town."
    )
    (a0, a1), (b0, b1) = _clauses(text, 0, len(text))  # a new subject after "and": two clauses
    # neither clause carries the "and" between them (its cite would end in a dangling word)
    assert text[a0:a1] == "The storm flooded the harbour district overnight"
    assert text[b0:b1] == "Police closed every road into town."


def test_a_value_in_brackets_is_an_aside_not_the_fact() -> None:
    # a record in brackets on one side: not a figure at odds with the other side's
    _arts, found = _statements(
        "Marta Olsen (31-2) kept her rowing title at the Kestrel regatta on Sunday.",
        "Marta Olsen kept her rowing title for a 3rd time at the Kestrel regatta on Sunday.",
    )
    (st,) = found
    assert len(st.cites) == 2


def test_one_person_named_in_full_and_by_surname_is_not_two_persons() -> None:
    from storyline.stages.analysis.statements import _alike

    arts = [
        article("p0", "Singer Dana Kirro died at a clinic in Lakeview after a long illness."),
        article("p1", "Kirro died at the Lakeview clinic after a long illness, Tom Abel said."),
    ]
    sents = [s for s in _candidates_of(arts)]
    persons = frozenset({"dana", "kirro", "tom", "abel"})
    assert _alike(sents[0], sents[1], persons) is not None
    other = _candidates_of(
        [article("p2", "Singer Tom Abel died at a clinic in Lakeview after a long illness.")]
    )
    assert _alike(sents[0], other[0], persons) is None  # Kirro / Abel: two persons


def _candidates_of(arts):
    from storyline.stages.analysis.statements import _candidates

    return _candidates(arts, _roots(*arts))


def test_the_same_figures_in_another_order_are_one_statement() -> None:
    _arts, found = _statements(
        "In 48 matches for Kestrel she scored 31 goals and made 17 assists, a club record.",
        "Olsen scored 31 goals with 17 assists in 48 matches after joining Kestrel last year.",
    )
    (st,) = found
    assert len(st.cites) == 2
    # one figure in common, or one-digit figures only: not enough
    _arts, found = _statements(
        "In 48 matches for Kestrel she scored 31 goals and made 17 assists, a club record.",
        "Olsen scored 31 goals with 12 assists in 40 matches after joining Kestrel last year.",
    )
    assert found == []
    _arts, found = _statements(
        "In 8 matches for Kestrel she scored 3 goals and made 7 assists, a club record.",
        "Olsen scored 3 goals with 7 assists in 8 matches after joining Kestrel last year.",
    )
    assert found == []


def test_years_and_ordinals_are_no_shared_figures() -> None:
    # a year and an ordinal street in common, the clauses telling two things: no statement
    _arts, found = _statements(
        "In 2019 the 22-year-old driver of a van on 114th Street hit a parked bus near Kestrel.",
        "The 114th Street bridge opened in 2019 after a van hit the old railings near Kestrel.",
    )
    assert found == []


def test_one_in_a_hyphenated_word_is_no_value() -> None:
    from storyline.stages.analysis.statements import _tokens

    text = "Olsen won a one-sided final in the 3rd round, one day after her one defeat."
    values = [t.value for t in _tokens(text, 0, len(text)) if t.value]
    assert values == ["3rd", "1", "1"]  # "one day", "one defeat" count; "one-sided" does not


# -- told in other words, less alike: the clauses must share their predicate -------------------


def _alike_at(cos: float, topic: str):
    """A stand-in embedder: every text naming ``topic`` is at cosine ``cos`` from every other
    one, the rest orthogonal to all."""

    def encode(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(texts) + 1), dtype=np.float32)
        for i, t in enumerate(texts):
            if topic in t:
                out[i, 0] = np.sqrt(cos)
                out[i, i + 1] = np.sqrt(1 - cos)
            else:
                out[i, i + 1] = 1.0
        return out

    return encode


def _told_at(cos: float, *texts: str):
    arts = [article(f"p{i}", t) for i, t in enumerate(texts)]
    meaning = Meaning(_alike_at(cos, "Brenmoor"), "minilm")
    return find_statements(arts, _roots(*arts), meaning=meaning)


def test_less_alike_clauses_sharing_their_predicate_are_one_statement() -> None:
    first = "Retired ferry captain Tomas Vell died on Sunday at a hospital in Brenmoor."
    second = "Vell died late on Sunday in a Brenmoor hospital, his family said in a statement."
    (st,) = _told_at(0.65, first, second)
    assert {c.article for c in st.cites} == {"p0", "p1"}
    assert _told_at(0.5, first, second) == []  # below the predicate floor: nothing


def test_less_alike_clauses_with_other_predicates_stay_apart() -> None:
    # the same person, place and day, but one was arrested and the other charged
    first = "Police arrested ferry captain Tomas Vell at his Brenmoor office on Sunday."
    second = "On Sunday Vell was charged at the Brenmoor office of the public prosecutor."
    assert _told_at(0.65, first, second) == []
    assert len(_told_at(0.8, first, second)) == 1  # alike enough without a shared predicate


def test_a_relative_clause_verb_or_an_adjective_is_not_the_predicate() -> None:
    from storyline.stages.analysis.statements import _aside_spans, _tokens, _verbs, verb_lemma

    def verbs(text: str) -> list[str]:
        return list(_verbs(_tokens(text, 0, len(text)), _aside_spans(text, 0, len(text))))

    assert verbs("The man who killed two guards was sentenced on Friday.") == ["sentenc"]
    assert verbs("The suspected smuggler has finally surrendered to the coast guard.") == [
        "surrender"
    ]
    assert verbs("Vell, who founded the ferry line, died on Sunday.") == ["di"]
    assert verbs("The mayor said the bridge would reopen.") == ["reopen"]
    # a saying verb in the passive is a verb of its own
    assert verbs("Her agent admitted that Kirro was admitted to the clinic.") == ["admit"]
    assert verb_lemma("retained") == verb_lemma("retain")
    assert verb_lemma("admitted") == verb_lemma("admits")
    assert verb_lemma("hung") == verb_lemma("hanged") == "hang"


def test_a_year_is_not_a_count_at_odds_with_another_count() -> None:
    _arts, found = _statements(
        "A judge on Saturday sentenced the Brenmoor gunman to life in prison for his 2005 "
        "rampage at the courthouse.",
        "A judge on Saturday sentenced the Brenmoor gunman, who killed four people at the "
        "courthouse, to life in prison.",
    )
    assert len(found) == 1
    # a count written with a separator is a count, not a year
    _arts, found = _statements(
        "Aid workers set up 2,000 tents for the families in Brenmoor on Sunday morning.",
        "Aid workers set up 20 tents for the families in Brenmoor on Sunday morning.",
    )
    assert found == []


def test_a_no_denying_a_noun_the_other_clause_lacks_is_no_negation() -> None:
    first = "A judge in Brenmoor sentenced the ferry arsonist on Friday to two life terms."
    second = first[:-1] + " with no chance of release."
    assert len(_told_at(0.8, first, second)) == 1
    # a "no" on a noun both clauses name, or a "not", still makes two facts
    hurt = "passengers were hurt when the Brenmoor ferry ran aground on Friday."
    assert _told_at(0.8, "No " + hurt, "Two " + hurt) == []
    denied = first.replace("sentenced", "did not sentence")
    assert _told_at(0.8, first, denied) == []


def test_verbs_of_one_class_are_one_predicate_and_a_plain_word_in_common() -> None:
    # "checked into" / "was admitted to": no verb lemma and no plain word in common, one class
    first = "Singer Mara Quill checked herself into the Brenmoor Recovery Clinic on Monday."
    second = "Quill was admitted to the Brenmoor Recovery Clinic on Monday, her agent said."
    (st,) = _told_at(0.65, first, second)
    assert {c.article for c in st.cites} == {"p0", "p1"}
    # below the predicate floor, one predicate on one named object (s6, session 11): one fact
    (st,) = _told_at(0.5, first, second)
    assert {c.article for c in st.cites} == {"p0", "p1"}
    unnamed = "Quill was admitted to a private recovery clinic on Monday, her agent said."
    assert _told_at(0.5, first, unnamed) == []  # no named object: still nothing
    # another class ("released from"): two facts of one clinic and one day
    third = "Quill was released from the Brenmoor Recovery Clinic on Monday, her agent said."
    assert _told_at(0.65, first, third) == []


def test_predicate_classes_read_their_own_verb_forms() -> None:
    from storyline.stages.analysis.statements import (
        _aside_spans,
        _tokens,
        _verbs,
        predicate_class,
        verb_lemma,
    )

    def classes(text: str) -> set[str]:
        verbs = _verbs(_tokens(text, 0, len(text)), _aside_spans(text, 0, len(text)))
        return {predicate_class(v) for v in verbs}

    # "cast" neither ends in "-ed" nor is an irregular past of the shared list
    assert (
        classes("Voters in Ostrava cast ballots on Sunday.")
        == classes("Ostrava voted on Sunday in a local election.")
        == {"vote"}
    )
    assert predicate_class(verb_lemma("slain")) == predicate_class(verb_lemma("murdered"))
    assert predicate_class(verb_lemma("hired")) == predicate_class(verb_lemma("tapped"))
    # verbs of another degree stay apart
    assert predicate_class(verb_lemma("damaged")) != predicate_class(verb_lemma("destroyed"))
    assert predicate_class(verb_lemma("arrested")) != predicate_class(verb_lemma("charged"))


# -- issue 18, alignment recall (s6, session 11): one predicate on one named object ---------


def test_one_predicate_on_one_named_object_is_one_statement() -> None:
    # few words in common, no value: only the verb and its named object tie them
    texts = (
        "The veteran striker and former captain has signed with Carrow Athletic Football Club "
        "in Northmoor, according to his agent, Pavel Dresk.",
        "Tomas Ilve has signed with Carrow Athletic Football Club, a modest side based near "
        "the coast.",
    )
    arts = [article(f"o{i}", t) for i, t in enumerate(texts)]
    persons = frozenset({"pavel", "dresk", "tomas", "ilve"})
    (st,) = find_statements(arts, _roots(*arts), persons)
    assert {c.article for c in st.cites} == {"o0", "o1"}
    # the agent named after the verb is who told it, not who signed: no two persons


def test_two_subjects_or_a_subordinate_verb_on_one_object_are_two_facts() -> None:
    persons = frozenset({"pavel", "dresk", "tomas", "ilve"})
    arts = [
        article(
            "o0",
            "Pavel Dresk has signed with Carrow Athletic Football Club in Northmoor, his agent "
            "confirmed on the radio.",
        ),
        article(
            "o1",
            "Tomas Ilve has signed with Carrow Athletic Football Club, a modest side based near "
            "the coast.",
        ),
    ]
    assert find_statements(arts, _roots(*arts), persons) == []  # Dresk / Ilve: two people
    arts = [
        article(
            "o2",
            "The crowd in Northmoor cheered loudly after the veteran striker signed with Carrow "
            "Athletic Football Club.",
        ),
        arts[1],
    ]
    # "after ... signed": background of another fact, not one fact with the other
    assert find_statements(arts, _roots(*arts), persons) == []


def test_a_verb_object_is_read_outside_relative_clauses() -> None:
    from storyline.stages.analysis.statements import _candidates

    text = (
        "He has met Senator Ivo Penn, who was chairman of the Harbour Finance Committee, and "
        "later visited Kestrel Harbour Works."
    )
    arts = [article("r0", text)]
    (s,) = _candidates(arts, _roots(*arts))
    assert [(cls, sorted(words)) for _k, cls, words in s.objects] == [
        ("meet", ["ivo", "penn", "senator"]),
        ("visit", ["harbour", "kestrel", "works"]),
    ]


def test_a_date_written_month_first_gives_its_day_and_year() -> None:
    # "March 9, 2021" and "9 March 2021" are one date: the comma before the year is no
    # thousands separator, so the clause's values are a day and a year, not 92021
    _arts, found = _statements(
        "The Varno harbour bridge was closed to lorries on March 9, 2021 after the storm.",
        "The Varno harbour bridge was closed to lorries on 9 March 2021 after the storm.",
    )
    (st,) = found
    assert len(st.cites) == 2
    # another day of that month is another fact
    _arts, found = _statements(
        "The Varno harbour bridge was closed to lorries on March 9, 2021 after the storm.",
        "The Varno harbour bridge was closed to lorries on 12 March 2021 after the storm.",
    )
    assert found == []


def test_a_comma_joins_a_number_only_as_thousands() -> None:
    from storyline.stages.analysis.statements import _tokens, _values_of

    text = "Crews moved 2, 000 sacks and 1,200,000 litres in rounds 3, 4 on May 2, 2020."
    toks = _tokens(text, 0, len(text))
    values = [v for t in toks for v in _values_of(text, t)]
    assert values == ["2000", "1200000", "3", "4", "m5", "2", "y2020"]


# -- issue 18, alignment recall (s5, session 13): word order, a clause telling two facts -------


def test_the_same_words_in_another_order_with_one_head_verb_are_one_statement() -> None:
    # active / passive: no shared stretch in one order holds enough words
    _arts, found = _statements(
        "A suspicious blaze gutted the chapel on Friday.",
        "The chapel was gutted by a blaze late on Friday.",
    )
    (st,) = found
    assert {c.article for c in st.cites} == {"s0", "s1"}


def test_a_shared_verb_that_is_not_the_head_verb_leaves_two_facts() -> None:
    from storyline.stages.analysis.statements import _candidates, _same_head_why

    # "as a blaze gutted": background of the watching, not the clause's own fact
    _arts, found = _statements(
        "The chapel was gutted by a blaze late on Friday.",
        "Neighbours watched as a blaze gutted the chapel late on Friday.",
    )
    assert found == []
    arts = [
        article("h0", "The chapel was gutted by a blaze late on Friday."),
        article("h1", "Neighbours watched as a blaze gutted the chapel late on Friday."),
    ]
    a, b = _candidates(arts, _roots(*arts))
    assert [v for _k, v in a.mains] == ["gut"]
    assert [v for _k, v in b.mains] == ["watch"]
    assert _same_head_why(a, b) == "other head verbs (gut / watch)"


def test_a_clause_telling_two_facts_joins_a_second_claim_for_its_other_stretch() -> None:
    from storyline.stages.analysis import statements as sm

    arts = [
        article("t0", "Kestrel Pictures has signed Ada Roe to make the film, the studio said on Monday."),
        article("t1", "Kestrel Pictures has signed Ada Roe to make the film, its spokesman said on Monday."),
        article(
            "t2",
            "Roe will direct Blue Harbor for the studio, based on the second novel in Ivo "
            "Penn's seafaring series.",
        ),
        article(
            "t3",
            "Blue Harbor, due out on Friday, is based on the second novel in Ivo Penn's "
            "seafaring series.",
        ),
    ]  # fmt: skip
    texts = {a.id: a.text for a in arts}

    def groups(other: bool) -> list[list[tuple[str, str]]]:
        sents = sm._candidates(arts, _roots(*arts))
        sm._link(sents, texts, frozenset(), None)
        # the signing told in other words: a join by sentence vectors, the whole clauses
        c0, c2 = sents[0], sents[2]
        c0.partners[2] = (0, len(c0.tokens), 0, len(c2.tokens))
        c2.partners[0] = (0, len(c2.tokens), 0, len(c0.tokens))
        c0.weak.add(2)
        c2.weak.add(0)
        old = sm.OTHER_STRETCH
        sm.OTHER_STRETCH = other
        try:
            found = sm._groups(sents, texts)
        finally:
            sm.OTHER_STRETCH = old
        return [
            [(c.article, said) for c, said in zip(st.cites, st.texts, strict=True)]
            for st in found
            if len(st.cites) > 1
        ]

    before = groups(False)
    assert [[a for a, _ in g] for g in before] == [["t0", "t1", "t2"]]  # t2 taken by one
    signing, book = groups(True)
    assert signing == before[0]
    # and cited again for its other stretch, the book, not the signing
    assert [a for a, _ in book] == ["t3", "t2"]
    said = dict(book)["t2"]
    assert "based on the second novel" in said and "direct" not in said
