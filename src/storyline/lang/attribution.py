"""More attribution cues for indirect speech (issue 17, ``stages/prepare/extract/indirect.py``).

Kept apart from ``en.py``'s attribution table so that the lists added for indirect recall read
as one block; each list was drawn from the cues of the unquoted contents PolNeAR train
annotates and the parse rules missed (no VerbNet/FrameNet lexicon is installed here).
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["GROUP_SOURCE_NOUNS", "PARTITIVE_SOURCES", "RESPONSE_PREPOSITIONS"]

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
