"""Profile: a structured, cited card of the thing a story is about.

Input: the ``Alignment`` of a story (claims, their ``ClaimInfo``, merged stances, focus).
Output: a ``Profile``: name, aliases, kind, and ``fields`` mapping a field name to cited
values. Every value comes from a claim or a stance, so every value has cites; values of
contested claims say so ("(contested)"). Fields with nothing found are left out rather
than filled with a guess.

The story's kind comes from its text (``story_kind``: cue words of ``lang.STORY_KINDS``
counted in the articles' titles and leads, the focal subject's kind counting too): force,
agreement, lawsuit, election, disaster, visit, policy, or "story" when none is clear. Each
kind has its own fields (``KIND_FIELDS``); a force gets its dossier, a lawsuit never gets
"contributors" or "size". Field names (a value is a short text):

    force: description, sponsors, legal_basis, tasks, contributors, command, size,
        duration, conditions, status, open_questions
    agreement: description, parties, terms, figures, conditions, status, open_questions,
        positions
    lawsuit: description, accusations, figures, positions, status, open_questions
    election: description, figures, positions, status, open_questions
    disaster: description, casualties, figures, aid, status, open_questions
    visit: description, participants, positions, status, open_questions
    policy: description, figures, positions, conditions, status, open_questions
    story (other): description, figures, positions, status, open_questions
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from storyline.lang import (
    CASUALTY_WORDS,
    FINITE_CUES,
    SPEECH_LEMMAS,
    STORY_KINDS,
    alternation,
    stop_words,
)
from storyline.lang.en import PRONOUNS, TITLE_ABBREVIATIONS
from storyline.models import (
    CONFIDENCE_THRESHOLD,
    Article,
    ArticleId,
    Claim,
    Profile,
    ProfileValue,
    Stance,
    Story,
    usable,
)
from storyline.stages.analysis.align import Alignment, ClaimInfo
from storyline.stages.analysis.focus import Focus
from storyline.text import normalize_text

FIELDS = (
    "description", "sponsors", "legal_basis", "tasks", "contributors", "command", "size",
    "duration", "conditions", "status", "open_questions",
)  # fmt: skip
_COMMON = ("description", "status", "open_questions")
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "force": FIELDS,
    "agreement": (
        "description", "parties", "terms", "figures", "conditions", "status", "open_questions",
        "positions",
    ),
    "lawsuit": ("description", "accusations", "figures", "positions", "status", "open_questions"),
    "election": ("description", "figures", "positions", "status", "open_questions"),
    "disaster": ("description", "casualties", "figures", "aid", "status", "open_questions"),
    "visit": ("description", "participants", "positions", "status", "open_questions"),
    "policy": ("description", "figures", "positions", "conditions", "status", "open_questions"),
    "story": ("description", "figures", "positions", "status", "open_questions"),
}  # fmt: skip
# The focal subject's kind (``lang.en.KIND_HEADS``) as a story kind.
_FOCUS_KIND = {
    "force": "force", "agreement": "agreement", "deal": "agreement", "ceasefire": "agreement",
    "law": "policy", "plan": "policy", "sanctions": "policy", "tariff": "policy",
    "summit": "visit", "election": "election",
}  # fmt: skip
# The share of a story's independent sources that must name its focal subject for the
# subject to name the profile and count towards the story's kind.
FOCUS_SHARE = 1 / 3
# In a story of no clear kind, a position is shown only when this many independent sources
# report it: one article's stance there is as often a game report's "Corner: support …".
STORY_POSITION_SOURCES = 2
MIN_KIND_CUES = 3  # cue words a kind needs in the titles and leads to be the story's kind
LEAD_CHARS = 600
MAX_FIGURES = 6
MAX_POSITIONS = 8
# stance types per field of the other kinds
_POSITION_STANCES = frozenset(
    {"support", "oppose", "reject", "demand", "warn", "threaten", "accuse"}
)
_PARTY_STANCES = frozenset({"agree", "pledge", "cooperate", "concede"})
_MEETING_STANCES = frozenset({"consult", "cooperate"})
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


def build_profile(story: Story, alignment: Alignment, articles: Sequence[Article] = ()) -> Profile:
    """Fill the profile of the story's subject from aligned claims and stances, by kind.

    Args:
        story: the story (its title names the profile when no focus was found).
        alignment: the output of ``align.align`` for the story.
        articles: the story's articles (their titles and leads give the story's kind).

    Returns:
        The ``Profile``; ``kind`` is the story kind (``story_kind``), "story" when none is
        clear, and ``fields`` only the kind's fields (``KIND_FIELDS``) that the text gives.
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
        if no_target(st.target) or no_actor(st.actor):
            continue  # "condition by law", "Sen: …": on what, whose?
        if st.condition or (
            _CONDITION_STANCE.search(st.stance) and any(alignment.is_topical(c) for c in st.cites)
        ):
            conditions.append((st.actor, ProfileValue(_stance_text(st), list(st.cites))))
    fields["conditions"] = _by_actor(conditions)
    kind = story_kind(articles, alignment)
    focus = focus if focus is not None and focal(focus, alignment, articles) else None
    if kind != "force":
        _kind_fields(kind, alignment, claims, fields, {a.id: a.text for a in articles})
    ordered = {k: fields[k] for k in KIND_FIELDS[kind] if fields.get(k)}
    if (
        focus is None
        or (kind != "story" and _FOCUS_KIND.get(focus.kind) != kind)
        or not named_by_sources(focus, alignment.roots)
    ):
        # no focal subject, one of another kind than the story ("a blockade proposal" in a
        # story of a sinking), or a bare kind noun or one outlet's phrase ("election", "a
        # world election"): the story's title names it
        return Profile(name=story.title, aliases=[], kind=kind, fields=ordered)
    return Profile(name=focus.name, aliases=list(focus.aliases), kind=kind, fields=ordered)


def focal(focus: Focus, alignment: Alignment, articles: Sequence[Article]) -> bool:
    """Whether the focal subject is what the story's sources speak of: named by at least
    ``FOCUS_SHARE`` of its independent sources (copies count once), and by two when the
    story has several. A phrase one article uses in passing ("a weekly program", "a six
    year deal") neither names the profile nor says what kind of story it is."""
    roots = alignment.roots
    sources = {roots.get(a.id, a.id) for a in articles}
    if not sources:
        return True  # no articles given: nothing to weigh the focus against
    naming = {roots.get(m.article, m.article) for m in focus.mentions} & sources
    return len(naming) >= max(min(2, len(sources)), FOCUS_SHARE * len(sources))


def named_by_sources(focus: Focus, roots: Mapping[ArticleId, ArticleId]) -> bool:
    """Whether the focal subject's name is a name: the words it adds to its kind noun
    ("stabilization" of "the stabilization force") written with that noun by two or more
    independent sources (one source when the story has one), or a defined acronym's
    expansion (its uses count). A bare kind noun ("election", "law") names no one thing, and a phrase one
    outlet writes ("a world election", a verb read as a modifier: "restore law") is its
    wording, not the story's subject."""
    if not focus.name_mods:
        return False
    sources = {roots.get(m.article, m.article) for m in focus.mentions}
    naming = {
        roots.get(m.article, m.article) for m in focus.mentions if focus.name_mods <= m.content
    }
    return len(naming) >= min(2, len(sources))


def story_kind(articles: Sequence[Article], alignment: Alignment) -> str:
    """What the story is about: the kind of ``lang.STORY_KINDS`` whose cue words its titles
    and leads use most (copies count once), with the focal subject's kind as three more
    cues; "story" when no kind has ``MIN_KIND_CUES``."""
    text = " ".join(
        f"{a.title}\n{a.text[:LEAD_CHARS]}" for a in articles if not a.duplicate_of
    ).lower()
    hits: Counter[str] = Counter()
    for kind, cues in STORY_KINDS.items():
        hits[kind] = len(re.findall(rf"\b(?:{alternation(cues)})\b", text))
    focus = alignment.focus
    if focus is not None and focus.kind in _FOCUS_KIND and focal(focus, alignment, articles):
        hits[_FOCUS_KIND[focus.kind]] += 3
    order = list(STORY_KINDS)
    kind, n = max(hits.items(), key=lambda kv: (kv[1], -order.index(kv[0])))
    return kind if n >= MIN_KIND_CUES else "story"


def _kind_fields(
    kind: str,
    alignment: Alignment,
    claims: Sequence[Claim],
    fields: dict[str, list[ProfileValue]],
    texts: Mapping[ArticleId, str] | None = None,
) -> None:
    """The fields of a story that is not a force: figures (casualties apart for a disaster),
    the positions, parties or participants that usable stances state, and the terms of an
    agreement. Every value is a claim's or a stance's, with its cites."""
    info = alignment.info
    for c in claims:
        i = info[c.id]
        if i.kind == "quantity" and c.subject and not c.subject.startswith("("):
            said = " ".join([c.subject, c.slot, c.value, *c.variants]).lower()
            casualty = kind == "disaster" and any(
                w in CASUALTY_WORDS for w in re.findall(r"[a-z]+", said)
            )
            name = "casualties" if casualty else "figures"
            if name == "figures" and c.independent_sources < 2:
                continue  # a figure one source gives in passing (an age, a distance) is no field
            if len(fields[name]) < MAX_FIGURES:
                fields[name].append(_value(c, i, f"{c.subject}: {_variants(c)}"))
        elif i.kind == "attribute" and kind == "agreement" and c.slot in {"duration", "task"}:
            fields["terms"].append(_value(c, i))
    for st in alignment.stances:
        if not usable(st) or st.polarity != "asserted":
            continue
        if texts is not None and (bare_verb(st, texts) or not named_in_cite(st, texts)):
            continue
        if no_target(st.target) or no_actor(st.actor):
            continue  # "accuse him for saying …", "support 2007": on what, on whom?
        value = ProfileValue(_stance_text(st), list(st.cites))
        if kind == "agreement" and st.stance in _PARTY_STANCES:
            fields["parties"].append(
                ProfileValue(f"{st.actor}: {st.stance} {st.target}", value.cites)
            )
        elif kind == "visit" and st.stance in _MEETING_STANCES:
            if not _names_someone(st.target):
                continue  # "Paul Ryan with sometime next week": a time, not a participant
            fields["participants"].append(ProfileValue(f"{st.actor} with {st.target}", value.cites))
        elif kind == "lawsuit" and st.stance == "accuse":
            fields["accusations"].append(value)
        elif kind == "disaster" and st.stance == "aid":
            fields["aid"].append(value)
        elif st.stance in _POSITION_STANCES and len(fields["positions"]) < MAX_POSITIONS:
            told = {alignment.roots.get(c.article, c.article) for c in st.cites}
            if kind == "story" and len(told) < STORY_POSITION_SOURCES:
                continue  # no kind to say what matters: only a position several sources report
            fields["positions"].append(value)
    for name in ("parties", "participants", "accusations", "aid", "positions"):
        if fields.get(name):
            fields[name] = _by_actor([(v.value.split(":", 1)[0], v) for v in fields[name]])


def bare_verb(st: Stance, texts: Mapping[ArticleId, str]) -> bool:
    """Whether a stance's target is one verb its article writes as an infinitive ("refused
    to comply": "reject comply", "wants to do": "demand do") or a clause cut after its
    subject ("would need to …"): no thing the actor takes a position on."""
    words = st.target.split()
    if len(words) <= 1 and all(w.lower() in stop_words() for w in words):
        return True  # "demand to", "support it": no thing the position is on
    if words and words[0].lower() in FINITE_CUES:
        return True  # "officers would need to …": a clause cut after its subject, no target
    if words and words[0] in _CLAUSE_SUBORDINATORS:
        return True  # "demand because they need to …": a reason cut out, no target
    if not words or not words[0].isalpha() or not words[0].islower():
        return False
    if len(words) > 1 and (words[0] in stop_words() or not words[1][:1].isalpha()):
        return False
    # "declined to speak to reporters" -> "reject speak to reporters": an infinitive's
    # verb phrase, no thing the actor takes a position on (and it reads broken)
    lead = r"\s+".join(re.escape(w) for w in words[:2])
    # "wants to “take America backward”": a quote mark may open the verb phrase
    to_verb = re.compile(rf"\bto\s+[“\"‘']?{lead}\b", re.I)
    return any(to_verb.search(texts.get(c.article, "")[c.start : c.end]) for c in st.cites)


# the personal pronouns a target may open with ("accuse him of …", "oppose it"): they
# stand for someone named outside the card; "her" is left out (also a possessive: "support
# her campaign" names its target)
_TARGET_PRONOUNS = frozenset(
    p for p, f in PRONOUNS.items() if f.case in ("subj", "obj") and p != "her"
)
# "saying …", "telling …": a verb of speech read as the target (closed class: speech lemmas)
_SPEECH_GERUNDS = frozenset(
    (lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma) + "ing"
    for lemma in SPEECH_LEMMAS
)


# prepositions of time, manner and role that open an adjunct, never the thing a position is
# on ("oppose as a senator from …", "demand after the attacks …", "condition by law"): the
# stance reader took the adjunct for the target (a closed class)
_ADJUNCT_PREPOSITIONS = frozenset({"as", "after", "before", "during", "since", "until", "by"})


def no_target(target: str) -> bool:
    """Whether a stance's target names no thing the card can show: it opens with a personal
    pronoun ("accuse him for saying …": whom?), with a verb of speech ("demand saying …":
    the stance reader took the attribution for the target) or with an adjunct's preposition
    ("oppose as a senator …"), is cut inside a quotation (a quote mark opened and not
    closed: "reject the story, “Now"), or has no word at all, only a figure ("support
    2007": a year left of "legislation that she supported in 2007")."""
    words = target.split()
    if not words or not any(re.search(r"[A-Za-z]{2}", w) for w in words):
        return True
    if target.count("“") != target.count("”") or target.count('"') % 2:
        return True
    first = words[0].lower().strip("“\"‘'")
    return first in _TARGET_PRONOUNS or first in _SPEECH_GERUNDS or first in _ADJUNCT_PREPOSITIONS


# adjective endings ("Jewish", "British", "Democratic"): one such word is a modifier the
# stance reader took for its actor ("Jewish groups" cut to "Jewish"), not someone ("-ic"
# alone would take surnames: "Vukovic")
_ADJECTIVE_ENDINGS = ("ish", "atic")


def no_actor(actor: str) -> bool:
    """Whether a stance's actor names no one: a title alone ("Sen" of "Sen. Roe") or one
    adjective ("Democratic" of "Democratic leaders")."""
    words = actor.replace(".", " ").split()
    if len(words) != 1:
        return not words
    word = words[0]
    return word in TITLE_ABBREVIATIONS or (
        len(word) >= 6 and word[:1].isupper() and word.lower().endswith(_ADJECTIVE_ENDINGS)
    )


# words that open a clause of reason or contrast (closed class): a target opening with one
# is a clause the stance reader cut, not a thing
_CLAUSE_SUBORDINATORS = frozenset({"because", "although", "though", "whereas", "while"})


def _names_someone(target: str) -> bool:
    """Whether a meeting's other side names someone: a capitalised word ("Ryan", "the
    House"), not only lower-case words ("sometime next week", "them")."""
    return any(w[:1].isupper() and w.lower() not in stop_words() for w in target.split())


def named_in_cite(st: Stance, texts: Mapping[ArticleId, str]) -> bool:
    """Whether a stance's cited words name its actor. An actor read from a pronoun ("he
    wants the job", "she wanted to …" inside someone's quote) is a guess the card does not
    state as that actor's position."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", st.actor) if len(w) > 2]
    cited = " ".join(texts.get(c.article, "")[c.start : c.end] for c in st.cites).lower()
    return not words or any(re.search(rf"\b{re.escape(w)}", cited) for w in words)


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
