"""Storyline linking by the event's kind (issue 19): what happened, next to who and when."""

from __future__ import annotations

import numpy as np

from storyline.models import Article, DateBounds
from storyline.stages.analysis import storylines as sl

UNDATED = DateBounds(None, None, True, "no date")


def _unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _event(
    sid: str,
    vec: np.ndarray,
    actors: set[str],
    kind: set[str],
    day: str | None = None,
) -> sl.EventSignal:
    dates = DateBounds(day, day, False, f"published {day}") if day else UNDATED
    return sl.EventSignal(
        sid, f"title {sid}", vec, frozenset(actors), dates, size=2, kind=frozenset(kind)
    )


def _article(aid: str, title: str, text: str) -> Article:
    return Article(id=aid, source=aid, text=text, raw=text, title=title, published=None)


# -- what happened: event_kind -----------------------------------------------------------


def test_event_kind_reads_the_common_words_of_titles_and_leads() -> None:
    one = _article(
        "a1",
        "Police arrest Tovik harbour master over smuggling",
        "The harbour master of Tovik was arrested on Monday on suspicion of smuggling "
        "tobacco through the container terminal, police said.\n"
        "Officers searched his office for six hours.\n"
        "He denies the accusations, his lawyer told reporters.\n"
        "A closing paragraph about the weather in Tovik that nobody reads.",
    )
    two = _article(
        "a2",
        "Smuggling arrest shakes Tovik port",
        "Detectives arrested the man who runs the port of Tovik in a smuggling inquiry, "
        "people familiar with the case said.\n"
        "He has run the harbour for nine years.",
    )
    three = _article(
        "a3",
        "Tovik port chief held",
        "The head of the port of Tovik was held overnight in a smuggling case.",
    )
    kind = sl.event_kind([one, two, three])
    assert "smuggl" in kind  # "smuggling" in both leads, compared by its first letters
    assert "arrest" in kind  # "arrest", "arrested": one word
    assert "tovik" not in kind  # only ever capitalised: a name, the actors' business
    assert "said" not in kind and "people" not in kind  # generic news words
    assert "weather" not in kind  # past the lead
    assert "office" not in kind  # in one member's lead only (of three)
    # two members: a word of either counts; a lone article keeps every kind word of its lead
    assert "office" in sl.event_kind([one, two])
    assert "tobacc" in sl.event_kind([one])


def test_a_title_in_title_case_counts_when_its_words_occur_in_lower_case() -> None:
    art = _article(
        "a3",
        "Flood Closes Merrow Bridge",
        "The bridge at Merrow was closed after a flood swept debris against its piers.",
    )
    kind = sl.event_kind([art])
    assert {"flood", "bridge", "closed"} <= set(kind)
    assert "merrow" not in kind
    assert "close" not in kind  # "Closes" never occurs in lower case: read as a name word


# -- linking by kind ---------------------------------------------------------------------


def test_same_kind_of_event_without_shared_actors_links_when_close_in_text() -> None:
    escape = _event("s-1", _unit(1, 0.9), {"lenk prison"}, {"escape", "inmate", "guard"})
    second = _event("s-2", _unit(1, 0.5), {"varo jail"}, {"escape", "inmate", "tunnel"})
    assert float(escape.vector @ second.vector) > sl.KIND_COSINE
    assert [t.events for t in sl.link_events([escape, second])] == [["s-1", "s-2"]]


def test_one_shared_kind_word_is_not_enough_without_actors() -> None:
    a = _event("s-1", _unit(1, 0.9), {"lenk"}, {"escape", "guard"})
    b = _event("s-2", _unit(1, 0.5), {"varo"}, {"escape", "tunnel"})
    assert len(sl.link_events([a, b])) == 2


def test_kind_words_many_events_share_are_no_evidence() -> None:
    # "murder" and "trial" in most events of a store of court news say nothing of a thread
    court = [
        _event(f"s-{k}", _unit(1, 0.6 + 0.01 * k, 0.02 * k), {f"town{k}"}, {"murder", "trial"})
        for k in range(6)
    ]
    assert len(sl.link_events(court)) == 6
    # the same pair alone in a store links
    assert len(sl.link_events(court[:2])) == 1


def test_same_kind_of_event_months_apart_stays_two_threads() -> None:
    a = _event("s-1", _unit(1, 0.9), {"lenk"}, {"escape", "inmate"}, "2031-01-10")
    b = _event("s-2", _unit(1, 0.5), {"varo"}, {"escape", "inmate"}, "2031-06-10")
    c = _event("s-3", _unit(1, 0.5), {"varo"}, {"escape", "inmate"}, "2031-01-30")
    assert len(sl.link_events([a, b])) == 2
    assert len(sl.link_events([a, c])) == 1


def test_shared_actors_and_kind_link_events_told_in_different_words() -> None:
    # a recall, then the chief's resignation over it: the texts differ, the actors and the
    # kind of thing they are about do not
    recall = _event("s-1", _unit(1, 0), {"corlen", "nessa rowe"}, {"recall", "tablet"})
    quits = _event("s-2", _unit(1, 2.7), {"corlen", "nessa rowe"}, {"recall", "tablet"})
    cos = float(recall.vector @ quits.vector)
    assert sl.STRONG_COSINE <= cos < sl.MIN_COSINE
    assert len(sl.link_events([recall, quits])) == 1
    other = _event("s-3", _unit(1, 2.7), {"corlen", "nessa rowe"}, {"merger", "shares"})
    assert len(sl.link_events([recall, other])) == 2


def test_centroid_cosines_are_rescaled_for_embedders_that_spread_them_differently() -> None:
    # a static model puts unrelated texts close: its cosines are read above their floor
    a = _event("s-1", _unit(1, 0), {"orsk", "dalia venn"}, set())
    b = _event("s-2", _unit(1, 1.5), {"orsk", "dalia venn"}, set())  # cosine 0.55
    assert len(sl.link_events([a, b])) == 1
    floor = sl.cosine_floor("model2vec")
    assert floor > 0.5 and sl.cosine_floor("minilm") == 0.0 and sl.cosine_floor("x") == 0.0
    assert len(sl.link_events([a, b], cos_floor=floor)) == 2
    # TF-IDF cosines of related texts are low: a negative floor stretches them up
    c = _event("s-3", _unit(1, 3.0), {"orsk", "dalia venn"}, set())  # cosine 0.32
    assert len(sl.link_events([a, c])) == 2
    assert len(sl.link_events([a, c], cos_floor=sl.cosine_floor("tfidf"))) == 1


def test_one_shared_place_and_the_same_kind_of_event_link_at_a_lower_cosine() -> None:
    # a mill fire and, weeks later, a depot fire in the same valley: one name, one kind
    mill = _event("s-1", _unit(1, 0, 0), {"harrow vale", "tomas greel"}, {"fire", "mill"})
    depot = _event("s-2", _unit(1, 1.6, 0), {"harrow vale", "ilse marr"}, {"fire", "depot"})
    cos = float(mill.vector @ depot.vector)
    assert sl.PLACE_KIND_COSINE <= cos < sl.ONE_SHARED_COSINE
    assert len(sl.link_events([mill, depot])) == 1
    # the same place and cosine without a common kind of event stays two threads
    vote = _event("s-3", _unit(1, 1.6, 0), {"harrow vale", "ilse marr"}, {"ballot", "council"})
    assert len(sl.link_events([mill, vote])) == 2
    # and a kind word most events of the store share is no evidence
    many = [_event(f"s-{k}", _unit(0, 1, 0.1 * k), {f"town{k}"}, {"fire"}) for k in range(4, 24)]
    linked = sl.storyline_of(sl.link_events([mill, depot, *many]))
    assert linked["s-1"] != linked["s-2"]


def test_kind_words_compare_by_their_shortest_form() -> None:
    forms = sl.kind_forms([frozenset({"teen", "riot"}), frozenset({"teenag", "rioter", "vote"})])
    assert forms["teenag"] == forms["teen"] == "teen"
    assert forms["rioter"] == "riot"
    assert forms["vote"] == "vote"
    assert sl.kind_forms([frozenset({"arm", "armour"})])["armour"] == "armour"  # < 4 letters
    # two forms of one word now count as the two shared kind words the rule needs
    a = _event("s-1", _unit(1, 0.9), {"lenk"}, {"riot", "teen"})
    b = _event("s-2", _unit(1, 0.5), {"varo"}, {"rioter", "teenag"})
    assert float(a.vector @ b.vector) > sl.KIND_COSINE
    assert len(sl.link_events([a, b])) == 1


# -- the evidence of each link: event_links ------------------------------------------------


def test_event_links_give_the_clause_and_evidence_of_each_link() -> None:
    mill = _event("s-1", _unit(1, 0, 0), {"harrow vale", "tomas greel"}, {"fire", "mill"})
    depot = _event("s-2", _unit(1, 1.6, 0), {"harrow vale", "ilse marr"}, {"fire", "depot"})
    vote = _event("s-3", _unit(1, 1.6, 0), {"harrow vale", "ilse marr"}, {"ballot", "council"})
    (link,) = sl.event_links([mill, depot])
    assert (link.a, link.b, link.linked, link.rule) == ("s-1", "s-2", True, "one actor")
    assert link.actors == ("harrow vale",) and "fire" in link.kind
    assert link.needed == sl.PLACE_KIND_COSINE <= link.cosine
    # every pair, the ones left apart too, with what fell short
    pairs = {(x.a, x.b): x for x in sl.event_links([mill, depot, vote], every_pair=True)}
    assert len(pairs) == 3
    apart = pairs[("s-1", "s-3")]
    assert not apart.linked and apart.needed == sl.ONE_SHARED_COSINE > apart.cosine
    assert pairs[("s-2", "s-3")].rule == "actors" and pairs[("s-2", "s-3")].linked


def test_event_links_tell_why_kind_only_pairs_stay_apart() -> None:
    a = _event("s-1", _unit(1, 0.9), {"lenk"}, {"escape", "guard"}, "2031-01-10")
    b = _event("s-2", _unit(1, 0.5), {"varo"}, {"escape", "tunnel"}, "2031-01-12")
    c = _event("s-3", _unit(1, 0.5), {"varo"}, {"escape", "guard"}, "2033-01-12")
    links = {(x.a, x.b): x for x in sl.event_links([a, b, c], every_pair=True)}
    one_word = links[("s-1", "s-2")]
    assert (one_word.rule, one_word.needed, one_word.kind) == ("kind", None, ("escape",))
    years = links[("s-1", "s-3")]
    assert (years.rule, years.linked, years.gap_days) == ("time", False, 733)
    # the links are exactly the ones link_events threads by
    assert [x for x in links.values() if x.linked] == sl.event_links([a, b, c])
    assert len(sl.link_events([a, b, c])) == 3


def test_a_first_name_shared_by_two_different_people_is_no_shared_actor() -> None:
    # "Tomas Greel" and "Tomas Varn": one word in common, two people
    greel = _event("s-1", _unit(1, 0.5), {"tomas greel", "tomas", "greel", "orsk"}, set())
    varn = _event("s-2", _unit(1, 0.6), {"tomas varn", "tomas", "varn", "lenk"}, set())
    assert float(greel.vector @ varn.vector) > sl.ONE_SHARED_COSINE
    (link,) = sl.event_links([greel, varn], every_pair=True)
    assert link.actors == () and not link.linked
    # a name that holds the other is the same actor: the word counts
    police = _event("s-3", _unit(1, 0.5), {"harrow police", "harrow", "police"}, set())
    dept = _event("s-4", _unit(1, 0.6), {"harrow police department", "harrow", "department"}, set())
    (link,) = sl.event_links([police, dept])
    assert link.actors == ("harrow",) and link.rule == "one actor"
    # and so does a word that stands alone in one of the events
    alone = _event("s-5", _unit(1, 0.6), {"tomas", "lenk"}, set())
    assert sl.event_links([greel, alone])[0].actors == ("tomas",)


# -- a name's derived forms: _name_roots ---------------------------------------------------


def test_a_demonym_or_plural_takes_its_names_root() -> None:
    roots = sl._name_roots(frozenset({"tessaly", "tessalyan", "orvia", "orvian", "kelts", "kelt"}))
    assert roots["tessalyan"] == "tessaly"  # -an
    assert roots["orvian"] == "orvia"  # -n
    assert roots["kelts"] == "kelt"  # plural
    # a short name is no root ("ana" → "anan"), a multi-word term is its own
    short = sl._name_roots(frozenset({"ana", "anan", "orvia", "orvia port"}))
    assert short["anan"] == "anan" and short["orvia port"] == "orvia port"


def test_the_demonym_of_a_country_most_events_name_is_no_shared_actor() -> None:
    # "Orvia" is named by most events of the store; two of them, an embassy expulsion and
    # a trade fair, carry only its demonym in common: no thread
    expel = _event("s-1", _unit(1, 0.7, 0), {"orvian", "dana kell", "kell"}, {"expel"})
    fair = _event("s-2", _unit(1, 0.8, 0), {"orvian", "ivo mast", "mast"}, {"fair"})
    others = [
        _event(f"s-{k}", _unit(0, 1, 0.1 * k), {"orvia", f"town{k}"}, {f"word{k}"})
        for k in range(3, 8)
    ]
    assert float(expel.vector @ fair.vector) > sl.ONE_SHARED_COSINE
    links = {(x.a, x.b): x for x in sl.event_links([expel, fair, *others], every_pair=True)}
    assert links[("s-1", "s-2")].actors == () and not links[("s-1", "s-2")].linked
    # without the country in the other events its demonym is specific and links them
    (alone,) = sl.event_links([expel, fair])
    assert alone.actors == ("orvian",) and alone.linked
