"""Features for a learned scorer of attribution cue constructions (issue 17, branch s3).

``indirect.cue_constructions`` names each construction a verb or a noun heads (a clause, an
infinitive, a gerund, an object, a prepositional object); this module describes one by general
features (its cue lemma, construction, kind of source, tag, dependency, negation, content
length, the attribution lists the lemma is in) for the logistic regression
``bench/derive_cues.py --learn`` fits on PolNeAR train (read at run time). Kept in ``bench/``:
the scorer did not beat the cue table in the engine (see ``derive_cues.py``), so no weights
are stored in ``lang/`` and the engine does not import this.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from storyline.lang import ATTRIBUTION_NOUNS, INFINITIVE_NOUNS
from storyline.lang.attribution import GROUP_SOURCE_NOUNS, RESPONSE_PREPOSITIONS, UNSAID_CUES
from storyline.lang.en import (
    ATTRIBUTION_PREPOSITIONS,
    ATTRIBUTION_SPEECH_VERBS,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    INFINITIVE_CONTENT_VERBS,
    INTENT_VERBS,
    MEDIA_NOUNS,
    OBJECT_CONTENT_VERBS,
    PERSON_ROLE_NOUNS,
    PREDICATE_CONTENT_VERBS,
)

# (the engine's own reading of a verb's subject, through conjuncts and participles)
from storyline.stages.prepare.extract.indirect import _subject

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["cue_features", "cue_probability", "hand_covered", "subject_kind"]

_CLAUSE_CUES = ATTRIBUTION_SPEECH_VERBS | BELIEF_VERBS | INTENT_VERBS | EVIDENCE_VERBS
_PREPS = {**ATTRIBUTION_PREPOSITIONS, **RESPONSE_PREPOSITIONS}
_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("speech", frozenset(ATTRIBUTION_SPEECH_VERBS)),
    ("belief", frozenset(BELIEF_VERBS)),
    ("intent", frozenset(INTENT_VERBS)),
    ("evidence", frozenset(EVIDENCE_VERBS)),
    ("infv", frozenset(INFINITIVE_CONTENT_VERBS)),
    ("objv", frozenset(OBJECT_CONTENT_VERBS)),
    ("predv", frozenset(PREDICATE_CONTENT_VERBS)),
    ("attn", frozenset(ATTRIBUTION_NOUNS)),
    ("unsaid", frozenset(UNSAID_CUES)),
)
_THIRD = frozenset({"he", "she", "they", "it"})


def hand_covered(con: str, lemma: str) -> bool:
    """Whether the hand table (``lang/en.py``, ``lang/attribution.py``) reads this
    construction of this lemma."""
    if con in ("ccomp", "that"):
        return lemma in _CLAUSE_CUES
    if con == "ger":
        return lemma in ATTRIBUTION_SPEECH_VERBS
    if con == "inf":
        return lemma in INFINITIVE_CONTENT_VERBS
    if con == "obj":
        return lemma in OBJECT_CONTENT_VERBS or lemma in PREDICATE_CONTENT_VERBS
    if con.startswith("prep:"):
        return con[5:] in _PREPS.get(lemma, ())
    if con == "n-inf":
        return lemma in INFINITIVE_NOUNS
    if con == "n-that":
        return lemma in ATTRIBUTION_NOUNS
    if con.startswith("n-prep:"):
        return lemma in ATTRIBUTION_NOUNS and con[7:] in ("for", "to", "on", "against", "about")
    return False


def subject_kind(tok: Token) -> str:
    """The kind of source a cue has: a verb's subject, a noun's possessor or issuer."""
    if tok.pos_ == "NOUN":
        if any(c.dep_ == "poss" for c in tok.children):
            return "poss"
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            kind = subject_kind(tok.head)
            return "issuer-" + kind if kind != "none" else "none"
        return "none"
    s = _subject(tok)
    if s is None:
        return "none"
    if s.pos_ == "PRON":
        low = s.lower_
        if low in _THIRD:
            return "pron3"
        if low in ("who", "that"):
            return "rel"
        return "pron12" if low in ("i", "we", "you") else "pron-other"
    types = {x.ent_type_ for x in s.subtree if x.i <= s.i}
    if "PERSON" in types:
        return "person"
    if types & {"ORG", "NORP", "GPE"}:
        return "org"
    if s.pos_ == "PROPN":
        return "propn"
    lemma = s.lemma_.lower()
    if lemma in PERSON_ROLE_NOUNS:
        return "role"
    if lemma in GROUP_SOURCE_NOUNS:
        return "group"
    if lemma in MEDIA_NOUNS:
        return "media"
    return "noun-pl" if s.tag_ == "NNS" else "noun"


def cue_features(tok: Token, con: str, lemma: str, words: int) -> list[str]:
    """The features of one construction whose content has ``words`` words."""
    kind = subject_kind(tok)
    size = "3-5" if words <= 5 else "6-10" if words <= 10 else "11-20" if words <= 20 else "21+"
    out = [
        "bias",
        f"con={con}",
        f"lem={lemma}",
        f"lemcon={lemma}|{con}",
        f"subj={kind}",
        f"subjcon={kind}|{con}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"len={size}",
        f"lencon={size}|{con}",
    ]
    if any(c.dep_ == "neg" for c in tok.children):
        out.append("neg")
    if hand_covered(con, lemma):
        out += ["hand", f"handcon={con}"]
    for name, words_ in _CLASSES:
        if lemma in words_:
            out += [f"class={name}", f"classcon={name}|{con}"]
    return out


def cue_probability(weights: Mapping[str, float], feats: list[str]) -> float:
    """The logistic regression's probability that the construction is an attribution."""
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
