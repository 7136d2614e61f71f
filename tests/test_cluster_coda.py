"""A violent crime's legal coda (issue 19): the charge, trial, verdict or sentence of the
person who shot or killed is told weeks or years after the crime, and ECB+ counts it as the
crime's event; its publication day is not read as the event's. Frauds, bribes and arsons
keep their charges and verdicts as events of their own (the sibling sets)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from cluster_fixture import cluster, make, partition
from storyline.embed import article_text_for_embedding, get_embedder
from storyline.stages.commit.index import StoryIndex, params_for
from storyline.stages.prepare.terms import CODA_TERM, article_terms, legal_coda

# Made-up news: a shooting at the Orvell bakery by Tamsin Greer, reported on its day, and
# her trial's verdict sixteen months later.
SHOOTING = [
    ("Gunman kills two at Orvell bakery", "2031-05-03",
     "A worker shot two colleagues at the Orvell bakery in Brenmoor on Saturday. Police "
     "named the suspect as Tamsin Greer, 41. Tamsin Greer was suspended from the Orvell "
     "bakery last week, Brenmoor police said."),
    ("Two dead in Orvell bakery shooting", "2031-05-03",
     "Two people died when Tamsin Greer opened fire at the Orvell bakery in Brenmoor, "
     "police said. Greer had been suspended from the Orvell bakery in Brenmoor."),
]  # fmt: skip
VERDICT = (
    "Greer convicted of Orvell bakery murders", "2032-09-10",
    "A Brenmoor jury convicted Tamsin Greer of murder on Friday for the shooting of two "
    "colleagues at the Orvell bakery. Greer was suspended from the Orvell bakery in "
    "Brenmoor hours before the shooting.",
)  # fmt: skip


def art(title: str, text: str) -> bool:
    return legal_coda(make(title, None, text, 0))


def test_a_legal_step_of_a_violent_crime_is_a_coda() -> None:
    assert art("Greer convicted of Orvell bakery murders", "Body.")
    assert art("Trial opens", "The trial of the man accused of shooting a guard began.")
    assert art("Orvell case", "A jury sentenced the man who stabbed a guard in Brenmoor.")
    # in the headline and the lead, but the two in one sentence only
    assert not art("Guard stabbed in Brenmoor", "A man was stabbed. His trial is far off.")


def test_no_victim_or_no_legal_step_is_no_coda() -> None:
    assert not art("Mayor charged with bribery", "The mayor of Orvell was charged.")
    assert not art("Man arrested over Orvell forest fire", "Police arrested a man.")
    assert not art("Founder jailed for fraud", "A court sentenced the Orvell founder.")
    # an arrest is told with the crime, not after it
    assert not art("Police arrest gunman after Orvell shooting", "Two were shot dead.")
    # a death is not a killing
    assert not art("Convicted boss dies in prison at 77", "He died on Monday.")


def test_a_coda_counts_as_undated() -> None:
    verdict = make(*VERDICT, 0)
    terms = article_terms(verdict)
    assert CODA_TERM in terms
    index = StoryIndex("tfidf")
    m = index._make_member(verdict, np.ones(4, dtype=np.float32), terms)
    assert m.day is None and m.eday is None
    assert CODA_TERM not in m.raw  # a feature, not a term
    off = StoryIndex("tfidf", params=replace(params_for("tfidf"), coda_undated=False))
    assert off._make_member(verdict, np.ones(4, dtype=np.float32), terms).day is not None
    shooting = make(*SHOOTING[0], 1)
    assert CODA_TERM not in article_terms(shooting)


def test_the_verdict_joins_the_crime_it_tells() -> None:
    arts = [make(t, d, x, n) for n, (t, d, x) in enumerate([*SHOOTING, VERDICT])]
    vecs = get_embedder("tfidf").encode([article_text_for_embedding(a) for a in arts])
    got = cluster(arts, vecs, StoryIndex("tfidf"))
    assert partition(got) == partition(["s", "s", "s"])
    # read as dated, the verdict sixteen months on is another story
    off = replace(params_for("tfidf"), coda_undated=False)
    got = cluster(arts, vecs, StoryIndex("tfidf", params=off))
    assert partition(got) == partition(["s", "s", "v"])
