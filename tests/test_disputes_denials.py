"""One outlet tells a thing happened, another that someone denied it or said it did not
happen (stages/analysis/disputes.py, ``denial_conflicts``). Every sentence is made up for
the project (invented places and people)."""

from __future__ import annotations

from storyline.models import Article, ArticleFacts, ArticleId, Cite, Conflict, Quote
from storyline.stages.analysis.brief import _conflict_sentence
from storyline.stages.analysis.disputes import denial_conflicts

DENIED = "troops had entered the Kessel hospital"
TEXTS = {
    # told plainly
    "t": "Troops entered the Kessel hospital on Monday, witnesses in Arvello said.",
    # the denial
    "d": f"Colonel Ruth Amsel denied that {DENIED} on Monday.",
    # "did not happen", attributed
    "n": "A spokesman, Ivo Brandt, said that police did not arrest the mayor of Arvello.",
    "a": "Police arrested the mayor of Arvello at his home on Friday.",
    # a pronoun subject: whose act it denies cannot be read
    "he": "Ivo Brandt said he did not arrest the mayor of Arvello.",
    # tells the thing and the denial: it reports the dispute, on no side
    "both": f"Troops entered the Kessel hospital, residents said. Colonel Ruth Amsel denied "
    f"that {DENIED}.",
    # a claim told as a claim, a question, a condition: not told as having happened
    "acc": "The army was accused of sending troops that entered the Kessel hospital.",
    "ask": "Had troops entered the Kessel hospital?",
    "cond": "If troops entered the Kessel hospital, the talks would end.",
    # only some of the words: another thing
    "part": "Troops entered Arvello on Monday.",
    # a plan, not a deed; the words spread over a long sentence: not told
    "plan": "Troops were ordered to enter the Kessel hospital.",
    "far": "Troops from the north, who had crossed the river and the hills before dawn, "
    "entered Arvello and later the Kessel hospital.",
}


def article(i: str) -> Article:
    return Article(id=ArticleId(i), source=f"https://{i}.example/x", text=TEXTS[i], raw=TEXTS[i],
                   title="", outlet=i.upper())  # fmt: skip


def quote(i: str, words: str, speaker: str, polarity: str, at: int = 0) -> Quote:
    start = TEXTS[i].index(words, at)
    return Quote(
        text=words, speaker=speaker, speaker_entity=None, speaker_role=None, kind="indirect",
        cite=Cite(ArticleId(i), start, start + len(words)), confidence=0.66,
        polarity=polarity,  # type: ignore[arg-type]
    )  # fmt: skip


QUOTES = {
    "d": [quote("d", DENIED, "Ruth Amsel", "denied")],
    "t": [quote("t", "Troops entered the Kessel hospital on Monday", "witnesses", "asserted")],
    "n": [quote("n", "police did not arrest the mayor of Arvello", "Ivo Brandt", "asserted")],
    "he": [quote("he", "he did not arrest the mayor of Arvello", "Ivo Brandt", "asserted")],
    "both": [
        quote("both", "Troops entered the Kessel hospital", "residents", "asserted"),
        quote("both", DENIED, "Ruth Amsel", "denied"),
    ],
}


def conflicts(ids: list[str], days: dict[str, str] | None = None) -> list[Conflict]:
    arts = [article(i) for i in ids]
    facts = [ArticleFacts(ArticleId(i), quotes=QUOTES.get(i, [])) for i in ids]
    roots = {a.id: a.id for a in arts}
    return denial_conflicts(arts, facts, roots, {ArticleId(k): v for k, v in (days or {}).items()})


def test_a_thing_told_against_its_denial_is_a_denial_conflict() -> None:
    got = conflicts(["t", "d"])
    assert len(got) == 1 and got[0].kind == "denial"
    assert got[0].topic == f"Whether {DENIED}"
    assert [s.claim for s in got[0].sides] == ["happened, said witnesses", "denied by Ruth Amsel"]
    assert got[0].confidence >= 0.5
    text = _conflict_sentence(got[0], {"t": "T", "d": "D"}, ["t", "d"], TEXTS).text
    assert text == (
        f"Outlets differ on whether {DENIED}: happened, said witnesses (T) vs denied by Ruth "
        "Amsel (D)."
    )


def test_an_attributed_did_not_against_the_thing_told() -> None:
    got = conflicts(["a", "n"])
    assert len(got) == 1
    assert [s.claim for s in got[0].sides] == ["happened", "did not happen, said Ivo Brandt"]
    assert not conflicts(["a", "he"])


def test_an_outlet_telling_both_a_claim_a_question_or_a_condition_is_no_side() -> None:
    assert not conflicts(["both", "d"])
    assert not conflicts(["both", "t"])
    assert not conflicts(["acc", "d"])
    assert not conflicts(["ask", "d"])
    assert not conflicts(["cond", "d"])
    assert not conflicts(["part", "d"])
    assert not conflicts(["plan", "d"])
    assert not conflicts(["far", "d"])


def test_reports_far_apart_and_one_source_are_no_conflict() -> None:
    assert not conflicts(["t", "d"], days={"t": "2031-03-01", "d": "2031-04-20"})
    arts = [article("t"), article("d")]
    facts = [ArticleFacts(ArticleId(i), quotes=QUOTES[i]) for i in ("t", "d")]
    same = {ArticleId("t"): ArticleId("t"), ArticleId("d"): ArticleId("t")}
    assert not denial_conflicts(arts, facts, same, {})
