"""Profile: a structured, cited card of the thing a story is about.

Input: the ``Alignment`` of a story (claims, their ``ClaimInfo``, merged stances, focus).
Output: a ``Profile``: name, aliases, kind, and ``fields`` mapping a field name to cited
values. Every value comes from a claim or a stance, so every value has cites; values of
contested claims say so ("(contested)"). Fields with nothing found are left out rather
than filled with a guess.

Field names (a value is a short text):
    description, sponsors, legal_basis, tasks, contributors, command, size, duration,
    conditions, status, open_questions
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.models import (
    CONFIDENCE_THRESHOLD,
    Claim,
    Profile,
    ProfileValue,
    Stance,
    Story,
    usable,
)
from storyline.stages.analysis.align import Alignment, ClaimInfo
from storyline.text import normalize_text

FIELDS = (
    "description", "sponsors", "legal_basis", "tasks", "contributors", "command", "size",
    "duration", "conditions", "status", "open_questions",
)  # fmt: skip
CONTESTED = " (contested)"
_ATTRIBUTE_FIELD = {
    "task": "tasks",
    "legal basis": "legal_basis",
    "open question": "open_questions",
}

# Measures that count people in a force (its size, a country's pledge).
_PERSONNEL = re.compile(
    r"^(?:troop|soldier|personnel|police|officer|engineer|force|member|peacekeeper|staff)s?$", re.I
)
# Stance types that put a condition on the focus or oppose part of it.
_JOINING = frozenset({"offer", "pledge"})
_CONDITION_STANCE = re.compile(
    r"condition|demand|require|oppos|reject|refus|warn|insist|seek|want|red.?line", re.I
)


def _value(claim: Claim, info: ClaimInfo, text: str | None = None) -> ProfileValue:
    shown = text if text is not None else claim.value
    return ProfileValue(shown + (CONTESTED if info.contested else ""), list(claim.cites))


def build_profile(story: Story, alignment: Alignment) -> Profile:
    """Fill the profile of the story's focal subject from aligned claims and stances.

    Args:
        story: the story (its title names the profile when no focus was found).
        alignment: the output of ``align.align`` for the story.

    Returns:
        The ``Profile``; ``kind`` is "story" when the story has no focal subject.
    """
    focus = alignment.focus
    fields: dict[str, list[ProfileValue]] = defaultdict(list)
    info = alignment.info
    pledges: dict[str, list[Claim]] = defaultdict(list)
    contributors = {
        e
        for c in alignment.claims
        if info[c.id].kind == "participation"
        for e in info[c.id].entities
    }
    claims = [c for c in alignment.claims if c.confidence >= CONFIDENCE_THRESHOLD]
    for c in claims:
        i = info[c.id]
        if i.kind == "quantity" and i.measure and _PERSONNEL.match(i.measure.split()[-1]):
            # a force's size: numbers of people pledged by contributors, or given for no
            # named actor ("a force of up to 10,000"); not every army mentioned in passing
            if i.entities and not set(i.entities) & contributors:
                continue
            fields["size"].append(_value(c, i, f"{c.subject}: {_variants(c)}"))
            for e in i.entities:
                pledges[e].append(c)
    conditions: list[tuple[str, ProfileValue]] = []
    for c in claims:
        i = info[c.id]
        if i.kind == "role":
            name = "sponsors" if c.slot in {"drafting", "sponsoring"} else "command"
            fields[name].append(_value(c, i, f"{c.value} ({c.slot} {c.subject})"))
        elif i.kind == "participation":
            fields["contributors"].append(_contributor(c, i, pledges))
            for text, cite in i.conditions:
                conditions.append((c.subject, ProfileValue(f"{c.subject}: {text}", [cite])))
        elif i.kind == "description" and (i.negated or i.contested):
            fields["description"].append(_value(c, i))
        elif i.kind == "attribute":
            fields[_ATTRIBUTE_FIELD.get(c.slot, c.slot)].append(_value(c, i))
    for st in alignment.stances:
        if not usable(st):
            continue  # denied, questioned, hypothetical or below the threshold (docs/report.md)
        if st.stance in _JOINING and st.actor_entity in contributors:
            continue  # an offer with its condition is already under contributors
        if st.condition or (
            _CONDITION_STANCE.search(st.stance) and any(alignment.is_topical(c) for c in st.cites)
        ):
            conditions.append((st.actor, ProfileValue(_stance_text(st), list(st.cites))))
    fields["conditions"] = _by_actor(conditions)
    ordered = {k: fields[k] for k in FIELDS if fields.get(k)}
    if focus is None:
        return Profile(name=story.title, aliases=[], kind="story", fields=ordered)
    return Profile(name=focus.name, aliases=list(focus.aliases), kind=focus.kind, fields=ordered)


def _variants(c: Claim) -> str:
    """ "500 medics (up to 500 medics / 500 or more medics)" when worded differently."""
    if len(c.variants) <= 1:
        return c.variants[0] if c.variants else c.value
    return f"{c.value} ({' / '.join(c.variants)})"


def _contributor(c: Claim, i: ClaimInfo, pledges: dict[str, list[Claim]]) -> ProfileValue:
    text = f"{c.subject}: {c.value}"
    cites = list(c.cites)
    for e in i.entities:
        for q in pledges.get(e, []):
            text += f"; {_variants(q)}"
            cites += [x for x in q.cites if x not in cites]
    if i.conditions:
        text += f"; {i.conditions[0][0]}"
    return ProfileValue(text + (CONTESTED if i.contested else ""), cites)


def _stance_text(st: Stance) -> str:
    text = f"{st.actor}: {st.stance} {st.target}".strip()
    if st.condition and normalize_text(st.condition) not in normalize_text(st.target):
        # "unless …" is kept as written: it is the negation of "if", never read as one
        unless = st.condition.lower().startswith("unless ")
        text += f" ({st.condition})" if unless else f" (if: {st.condition})"
    return text


def _by_actor(items: list[tuple[str, ProfileValue]]) -> list[ProfileValue]:
    """Values grouped by actor (actors in order of first appearance), repeats dropped."""
    order: dict[str, int] = {}
    for actor, _ in items:
        order.setdefault(actor, len(order))
    seen: set[str] = set()
    out: list[ProfileValue] = []
    for _, v in sorted(items, key=lambda kv: order[kv[0]]):
        key = normalize_text(v.value)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out
