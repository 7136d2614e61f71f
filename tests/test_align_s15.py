"""Session 15 (issue 18): one fact told with other verbs. A long clause's sentence vector is
mostly its background, so each clause's kernel (its subject, head verb and the phrase after
it) is embedded alone; two kernels alike enough, sharing a word after their head verbs and
no value at odds, tell one fact (``statements._same_kernel_why``)."""

from __future__ import annotations

import numpy as np

from report_fixture import article
from storyline.stages.analysis.statements import Meaning, _candidates, find_statements

CAST = (
    "Voters in Tarvia cast ballots on Sunday in a regional election hailed by the governor "
    "as a test of the new voting rules."
)
VOTED = (
    "Tarvia voted on Sunday in a regional election meant to show that the small province "
    "had left its troubled past behind."
)
# words of the clauses' tails only: a text holding one is a whole clause, not a kernel
TAILS = ("governor", "troubled", "council", "ferries")


def _kernels_alike(cos: float, topic: str = "Tarvia"):
    """A stand-in embedder: kernels (texts naming ``topic`` and none of ``TAILS``) are at
    cosine ``cos`` from one another; whole clauses and the rest are orthogonal to all."""

    def encode(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(texts) + 1), dtype=np.float32)
        for i, t in enumerate(texts):
            if topic in t and not any(w in t for w in TAILS):
                out[i, 0] = np.sqrt(cos)
                out[i, i + 1] = np.sqrt(1 - cos)
            else:
                out[i, i + 1] = 1.0
        return out

    return encode


def _told(cos: float, *texts: str, topic: str = "Tarvia") -> list[list[str]]:
    arts = [article(f"k{i}", t) for i, t in enumerate(texts)]
    meaning = Meaning(_kernels_alike(cos, topic), "minilm")
    found = find_statements(arts, {a.id: a.id for a in arts}, meaning=meaning)
    return [st.texts for st in found]


def _kernel_texts(*texts: str) -> list[str]:
    arts = [article(f"c{i}", t) for i, t in enumerate(texts)]
    out = []
    for s in _candidates(arts, {a.id: a.id for a in arts}):
        text = next(a.text for a in arts if a.id == s.article)
        k0, k1 = s.kernel
        out.append(text[s.tokens[k0].start : s.tokens[k1 - 1].end] if k1 else "")
    return out


def test_a_clause_kernel_is_its_subject_head_verb_and_phrase() -> None:
    assert _kernel_texts(
        VOTED,
        "After a long night of talks in the capital, the union of dock workers accepted the "
        "new wage offer from the port authority.",
        "The harbour board of Varden approved the new ferry timetable, which starts in May.",
    ) == [
        "Tarvia voted on Sunday in a regional election meant to show",  # "that" ends it
        "the union of dock workers accepted the new wage offer from the port authority",
        "The harbour board of Varden approved the new ferry timetable",  # the comma ends it
    ]


def test_one_fact_told_with_other_verbs_is_one_statement() -> None:
    (texts,) = _told(0.9, CAST, VOTED)
    # each cited for its kernel, not for the background after it
    assert texts == [
        "Voters in Tarvia cast ballots on Sunday in a regional election hailed by the",
        "Tarvia voted on Sunday in a regional election meant to show",
    ]


def test_kernels_below_the_floor_stay_apart() -> None:
    assert _told(0.8, CAST, VOTED) == []


def test_without_a_sentence_embedder_no_kernel_is_read() -> None:
    arts = [article("k0", CAST), article("k1", VOTED)]
    assert find_statements(arts, {a.id: a.id for a in arts}) == []


def test_kernels_with_values_at_odds_stay_apart() -> None:
    monday = VOTED.replace("Sunday", "Monday")
    assert _told(0.9, CAST, monday) == []


def test_kernels_sharing_only_the_subject_stay_apart() -> None:
    # one person, two facts: a list of won cases and a post held; the words in common are
    # all before the head verbs (the subject and its apposition)
    first = (
        "Ilse Korr, head of the Varden harbour board, had won a long string of court cases, "
        "the council said."
    )
    second = "For ten years, Ilse Korr was head of the Varden harbour board, which runs ferries."
    assert _told(0.9, first, second, topic="Varden") == []


def test_a_figure_of_the_tail_does_not_keep_kernels_apart() -> None:
    # the tails tell other facts (a season's number, games to miss): the kernels are one
    first = (
        "The Tarvia Lions benched Ivo Penn with an injury today, which ends his "
        "fourth year with the governor's club."
    )
    second = (
        "Lions running back Ivo Penn of Tarvia was benched with an injury and is set to "
        "sit out three matches, the troubled club said."
    )
    (texts,) = _told(0.9, first, second)
    assert texts == [
        "The Tarvia Lions benched Ivo Penn with an injury today",
        "Lions running back Ivo Penn of Tarvia was benched with an injury",
    ]


def test_kernels_dated_by_other_kinds_of_date_stay_apart() -> None:
    # a year and a month: maybe two stays at one clinic
    first = "The singer spent time at the Tarvia Clinic in 2019, the governor's office said."
    second = "The singer checked into the Tarvia Clinic in May as part of a troubled plea deal."
    assert _told(0.9, first, second) == []
    same = second.replace("in May", "in 2019")
    assert len(_told(0.9, first, same)) == 1


def test_kernels_the_rule_cannot_join_are_not_embedded() -> None:
    # values at odds (Sunday / Monday): the kernel rule would keep them apart whatever their
    # vectors, so neither kernel is embedded; the whole clauses still are
    seen: list[str] = []
    alike = _kernels_alike(0.9)

    def encode(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return alike(texts)

    arts = [article("k0", CAST), article("k1", VOTED.replace("Sunday", "Monday"))]
    meaning = Meaning(encode, "minilm")
    assert find_statements(arts, {a.id: a.id for a in arts}, meaning=meaning) == []
    assert not [t for t in seen if "Tarvia" in t and not any(w in t for w in TAILS)]
    # the pair it can join: both kernels embedded
    seen.clear()
    arts = [article("k0", CAST), article("k1", VOTED)]
    assert len(find_statements(arts, {a.id: a.id for a in arts}, meaning=meaning)) == 1
    assert len([t for t in seen if "Tarvia" in t and not any(w in t for w in TAILS)]) == 2


def test_a_kernel_the_rule_cannot_join_still_competes_for_the_nearest(monkeypatch) -> None:
    # one partner per clause: Sunday's vote is nearer to Monday's (values at odds, no join)
    # than to the cast ballots on each side, so the pair it could join is nobody's nearest
    # and stays apart, as when every kernel was embedded
    import storyline.stages.analysis.statements as st

    monkeypatch.setattr(st, "MAX_PARTNERS", 1)
    x = -0.0025 / np.sqrt(0.0975)
    rows = {
        "Monday": [1.0, 0.0, 0.0],
        "cast": [0.95, np.sqrt(0.0975), 0.0],
        "Sunday": [0.95, x, np.sqrt(0.0975 - x * x)],
    }

    def encode(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(texts) + 3), dtype=np.float32)
        for i, t in enumerate(texts):
            key = next((k for k in rows if k in t), None)
            if key is None or any(w in t for w in TAILS):
                out[i, i + 3] = 1.0
            else:
                out[i, :3] = rows[key]
        return out

    monday = VOTED.replace("Sunday", "Monday")
    arts = [article("k0", CAST), article("k1", VOTED), article("k2", monday)]
    meaning = Meaning(encode, "minilm")
    assert find_statements(arts, {a.id: a.id for a in arts}, meaning=meaning) == []
    # without the rival the two are one statement
    arts = arts[:2]
    assert len(find_statements(arts, {a.id: a.id for a in arts}, meaning=meaning)) == 1


def test_kernels_of_clauses_joined_by_their_words_are_not_embedded() -> None:
    # the same sentence in two outlets: joined by its words, so its kernels are not needed
    seen: list[str] = []
    alike = _kernels_alike(0.9)

    def encode(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return alike(texts)

    arts = [article("k0", CAST), article("k1", CAST.replace("new voting", "new ballot"))]
    meaning = Meaning(encode, "minilm")
    assert len(find_statements(arts, {a.id: a.id for a in arts}, meaning=meaning)) == 1
    assert not [t for t in seen if "Tarvia" in t and not any(w in t for w in TAILS)]


def test_a_rival_kernel_is_embedded_only_where_partners_are_crowded(monkeypatch) -> None:
    # Monday's vote joins neither clause (values at odds); with few pairs at each clause it
    # cannot push the Sunday pair out of their nearest, so its kernel is not embedded
    import storyline.stages.analysis.statements as st

    seen: list[str] = []
    alike = _kernels_alike(0.9)

    def encode(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return alike(texts)

    monday = VOTED.replace("Sunday", "Monday")
    arts = [article("k0", CAST), article("k1", VOTED), article("k2", monday)]
    meaning = Meaning(encode, "minilm")
    assert len(find_statements(arts, {a.id: a.id for a in arts}, meaning=meaning)) == 1
    kernels = [t for t in seen if "Tarvia" in t and not any(w in t for w in TAILS)]
    assert len(kernels) == 2 and not [t for t in kernels if "Monday" in t]
    # one partner each: the clauses are crowded, Monday's kernel is a rival and embedded
    monkeypatch.setattr(st, "MAX_PARTNERS", 1)
    seen.clear()
    find_statements(arts, {a.id: a.id for a in arts}, meaning=meaning)
    assert [t for t in seen if "Monday" in t and not any(w in t for w in TAILS)]
