"""More attribution cues for indirect speech (issue 17, ``stages/prepare/extract/indirect.py``).

Kept apart from ``en.py``'s attribution table so that the lists added for indirect recall read
as one block; each list was drawn from the cues of the unquoted contents PolNeAR train
annotates and the parse rules missed (no VerbNet/FrameNet lexicon is installed here).
"""

from __future__ import annotations

from collections.abc import Mapping

from storyline.lang.en import (
    ATTITUDE_VERBS,
    ATTRIBUTION_PREPOSITIONS,
    ATTRIBUTION_SPEECH_VERBS,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    INFINITIVE_CONTENT_VERBS,
    INTENT_VERBS,
    OBJECT_CONTENT_VERBS,
    PREDICATE_CONTENT_VERBS,
    SPEECH_VERBS,
)

__all__ = [
    "ATTRIBUTION_CUES",
    "GROUP_SOURCE_NOUNS",
    "IRREGULAR_CUE_FORMS",
    "PARTITIVE_SOURCES",
    "RESPONSE_PREPOSITIONS",
    "attribution_cue_forms",
]

# Verbs whose content is the object of a preposition, beyond ``en.ATTRIBUTION_PREPOSITIONS``:
# a source referring to something ("referred to the audit", "alluded to the vote"); the source
# must still be a person or a body. "responded to" and "pointed to" were tried and dropped
# (PolNeAR train: about half of what they gave is not annotated as content).
RESPONSE_PREPOSITIONS: Mapping[str, tuple[str, ...]] = {
    "refer": ("to",),
    "allude": ("to",),
}

# Head words of a subject that counts a share of a group ("some of the voters", "most of her
# aides", "60 percent of Democrats", "one in four voters"): such a subject is a source when it
# names the group it counts (a plural noun or a named group after "of" or "in").
PARTITIVE_SOURCES: frozenset[str] = frozenset({
    "some", "many", "most", "all", "several", "few", "both", "half", "majority", "minority",
    "third", "quarter", "percent", "%", "one", "two", "three", "none", "each", "plurality",
    "number", "share", "portion", "dozens", "hundreds", "thousands",
})  # fmt: skip

# Common nouns for a body that acts and speaks as one ("the campaign opposed …", "authorities
# blame …"): with ``en.PERSON_ROLE_NOUNS`` (people by role, "the candidates"), a subject headed
# by one is a source for every attribution cue, not only for speech and belief.
GROUP_SOURCE_NOUNS: frozenset[str] = frozenset({
    "campaign", "administration", "government", "authority", "committee", "council",
    "party", "agency", "ministry", "department", "board", "commission", "court", "union",
    "group", "coalition", "organization", "organisation", "company", "firm", "team", "panel",
    "caucus", "delegation", "office", "legislature", "congress", "parliament", "senate",
    "voter", "critic", "opponent", "resident", "member", "lawmaker", "democrat", "republican",
    "conservative", "liberal", "progressive", "people", "protester", "advocate", "supporter",
})  # fmt: skip

# Every verb lemma that cues an attribution: ``indirect.py`` reads the content each governs, and
# ``polarity.py`` reads a negation on any of them as the content's denial ("does not think C",
# "never endorsed X", "did not call for X").
ATTRIBUTION_CUES: frozenset[str] = (
    ATTRIBUTION_SPEECH_VERBS
    | BELIEF_VERBS
    | INTENT_VERBS
    | ATTITUDE_VERBS
    | EVIDENCE_VERBS
    | OBJECT_CONTENT_VERBS
    | PREDICATE_CONTENT_VERBS
    | INFINITIVE_CONTENT_VERBS
    | frozenset(ATTRIBUTION_PREPOSITIONS)
    | frozenset(RESPONSE_PREPOSITIONS)
)

# Forms of the cues beyond the speech table that are not the lemma plus "-s"/"-d"/"-ed"
# (read without a parse; no inflection library is installed here, so the few irregular ones
# are listed).
IRREGULAR_CUE_FORMS: Mapping[str, tuple[str, ...]] = {
    "think": ("thought",),
    "know": ("knew", "known"),
    "feel": ("felt",),
    "understand": ("understood",),
    "seek": ("sought",),
    "find": ("found",),
    "choose": ("chose", "chosen"),
    "plan": ("planned",),
    "brag": ("bragged",),
    "dub": ("dubbed",),
    "prefer": ("preferred",),
    "refer": ("referred",),
    "quip": ("quipped",),
}


def _regular_forms(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma, lemma + "es", lemma + "ed")
    return (lemma, lemma + "s", lemma + "ed")


def attribution_cue_forms() -> frozenset[str]:
    """The written forms of :data:`ATTRIBUTION_CUES` (no "-ing"): the speech table's forms, the
    regular ones and the listed irregular ones (a regular guess that is no word is harmless:
    it is never written)."""
    out: set[str] = set()
    for lemma in ATTRIBUTION_CUES:
        out.update(f for f in SPEECH_VERBS.get(lemma, ()) if not f.endswith("ing"))
        out.update(_regular_forms(lemma), IRREGULAR_CUE_FORMS.get(lemma, ()))
    return frozenset(out)
