"""Non-numeric disagreements: one slot of the story filled with different values by outlets.

A number is compared by ``align`` (``_comparable``); this module reads the slots that hold
no count but are just as checkable, each only where its structure is clear:

- ``time``: the clock time of the story's event ("about 1:30 a.m.", "shortly after 2 a.m."),
  with its hedge as a range of minutes (an unhedged quarter hour is rounded, ±5);
- ``day``: the day of one of the story's key actions (``lang.actions`` forms and
  ``frames.DAY_ACTION_FORMS`` within 10 words of a weekday or a date in one clause: "On
  November 19, the frigate sank a trawler"); a weekday and a date of the same day agree;
- ``colour``: the colour of one named or vehicle-like object ("a silver Kestrel sedan");
- ``hometown``: a person's home town in the apposition "X, 36, of Y" or "X, who lived in Y";
- ``name``: a person's surname spelled two ways by two outlets for one first name
  ("Ilse Varhol" / "Ilse Varholl", "Anna LaBrenna" / "Anna Brenna");
- ``year``: the year of an act (``lang.slots.YEAR_ACTS``) of a named institution or of the
  person named nearest before it in the sentence ("she founded the Bayou Clinic in 1990",
  "the Bayou Clinic has served the town since 1987": founded then or before); an act that
  happens once (``ONCE_ACTS``) conflicts on any two years, one that may repeat (hosting) only
  on years at most ``YEAR_GAP`` apart, and is listed at ``YEAR_SUPPORT``, never shown;
- ``nationality``: the demonyms of a counted group ("23 Somali pirates" vs "12 Somalis and
  11 Yemenis"), keyed by the group's size; groups named by two different nouns are two.

A time's person may be a pronoun ("he was driving at about 1 a.m."): the last person the
story's entities name before it, when every sentence in between refers to someone by
pronoun (``_People``).

Each reading is keyed by what it is about (the object's noun, the person's surname or first
name; the action for days; the event for times). An article that gives two different values
for one key is on no side (it tells of several things), unless the two are far apart (days
more than ``DAY_GAP`` apart, times more than ``TIME_GAP`` minutes: two events, each
compared on its own). Kept per article, not per source: a copy that edits a detail prints
its own value, while a side's support counts sources once. Two values conflict when they
cannot both hold and the sentences that give them are alike enough to tell of the same
event (TF-IDF cosine, ``align._Similarity``; for days and colours the key does
most of that work). Two times of the person the story is about (``_main_person``) compare
without alike sentences when at most ``TIME_GAP`` minutes apart. Word lists:
``lang/frames.py``.
The rules are hand-written: no library reads these slots, and spaCy's DATE/TIME entities
carry no hedge and no attachment that would be surer than the clause patterns here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz.distance import Levenshtein

from storyline.lang.actions import ACTION_OF
from storyline.lang.en import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    PERSONAL_TITLES,
    SAID_FORMS,
    WEEKDAYS,
    alternation,
)
from storyline.lang.frames import (
    COLOURED_OBJECTS,
    COLOURS,
    DAY_ACTION_FORMS,
    DAY_LATER_CUES,
    DAY_OTHER_CUES,
    DAY_OTHER_VERBS,
    HOUSE_STYLE_ENDINGS,
    NOT_GIVEN_NAMES,
    NOT_HOMETOWN,
    SURNAME_PREFIXES,
    TIME_HEDGES,
    TIME_STOP_WORDS,
)
from storyline.lang.places import region_names
from storyline.lang.slots import (
    INSTITUTION_HEADS,
    ONCE_ACTS,
    PERSON_PRONOUNS,
    STATE_ABBREVIATIONS,
    YEAR_ACTS,
)
from storyline.models import Article, ArticleId, Cite, Conflict, ConflictSide
from storyline.stages.prepare.extract.entities import load_gazetteer
from storyline.text import sentence_spans


@dataclass(slots=True, frozen=True)
class SlotReading:
    """One value an article gives a slot."""

    kind: str  # "time" | "day" | "colour" | "hometown" | "name" | "year" | "nationality"
    key: str  # what the value is about ("" for the story's event)
    value: str  # normalised value
    text: str  # as written
    low: float  # a time's range in minutes, a year's range (0 for other kinds)
    high: float
    cite: Cite
    root: ArticleId
    sentence: str
    near: frozenset[str] = frozenset()  # a time's content words close by (what happened then);
    # a day's actions; a nationality's counted noun
    people: frozenset[str] = frozenset()  # a time's sentence: its capitalised words


# Sentences at least this alike tell of the same event (TF-IDF cosine). Tuned on ECB+ train
# (no non-numeric conflict is labelled there, so: no shown one that is not one): times
# just above the one wrong pair left there (0.195: a fire's alarm call and a later moment);
# colours and dates of a key action were never wrong there at 0.1 (the key and the day gap
# already tie them to one event).
SLOT_SIMILARITY: Mapping[str, float] = {"time": 0.25, "day": 0.1, "colour": 0.1}
# What one reading of each kind lends a conflict (rules over a clear structure).
SLOT_SUPPORT: Mapping[str, float] = {
    "time": 0.7,
    "day": 0.7,
    "colour": 0.7,
    "hometown": 0.45,
    "name": 0.75,
    "nationality": 0.6,
    "year": 0.45,
}
# A home town is the weakest: without a gazetteer a borough and a neighbourhood in it ("of
# Queens" / "lived in" one of its parts) look like two places, so one outlet against one
# stays below the page's threshold (0.45); two outlets on each side clear it (0.7).
# Weekdays are compared but never shown (``WEEKDAY_SUPPORT``): on ECB+ train the weekdays of
# one action disagree mostly because one report tells a later step (a hearing, a release) or
# was filed a day later (12 such pairs, none a real disagreement).

_HEDGE = "|".join(sorted((re.escape(h) for h in TIME_HEDGES), key=len, reverse=True))
_TIME_RE = re.compile(
    rf"(?:\b(?:at\s+)?(?P<hedge>{_HEDGE})\s+)?(?:\bat\s+)?\b(?P<h>\d{{1,2}})"
    r"(?:\s?[:.]\s?(?P<m>\d{2}))?\s?(?P<ap>[ap])\.?\s?m\b\.?+(?!\s*(?:(?-i:[A-Z]{2,4})\b|\d))",
    re.I,
)
_WORD = r"[A-Z][\w'’-]+"
_NAME = rf"(?P<name>{_WORD}(?:\s+(?:[A-Z]\.|{_WORD})){{1,3}})"
_PLACE = rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}}(?:,\s+{_WORD}(?:\s+{_WORD}){{0,2}})?)"
_HOME_RES = (
    re.compile(rf"{_NAME},\s+(?:\d{{1,3}},\s+)?of\s+{_PLACE}"),
    re.compile(rf"{_NAME},?\s+who\s+(?:lived|lives|was\s+living)\s+in\s+{_PLACE}"),
)
_PERSON_RE = re.compile(r"\b(?P<first>[A-Z][a-z]{2,})\s+(?P<last>(?:[A-Z][a-z]*)?[A-Z][a-z]{2,})\b")
_COLOUR_RE = re.compile(
    r"\b(?P<c>" + "|".join(sorted(COLOURS, key=len, reverse=True)) + r")\s+"
    r"(?:(?:19|20)\d{2}\s+)?(?P<noun>(?:[A-Z][\w-]+\s+){0,2}[A-Za-z][\w-]*)",
    re.I,
)


def _minutes(m: re.Match[str]) -> tuple[float, float] | None:
    h, mins = int(m.group("h")), int(m.group("m") or 0)
    if not 1 <= h <= 12 or mins >= 60:
        return None
    t = (h % 12) * 60 + mins + (720 if m.group("ap").lower() == "p" else 0)
    hedge = (m.group("hedge") or "").lower()
    before, after = TIME_HEDGES.get(hedge, (0, 0))
    if not hedge and m.group("m") and mins % 15 == 0:
        # "at 3:30" is a rounded clock time: it holds with "3:33" (an hour "at 3 a.m." is
        # kept exact: it is no nearer to 3:05 than "about 3")
        before, after = ROUNDED_TIME, ROUNDED_TIME
    return t - before, t + after


WEEKDAY_SUPPORT = 0.15  # 1 - 0.85 ** 4 < 0.5: below the page's threshold up to 4 sources a side
DAY_GAP = 2  # days told for one event are at most this far apart (see ``_days_near``)
# a month by the first three or four letters of its name ("may" has no abbreviation)
_MONTHS = {**MONTH_ABBREVIATIONS, "may": MONTHS["may"]}
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\."
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_RE = re.compile(
    rf"\b(?:(?P<wd>{alternation(d.capitalize() for d in WEEKDAYS)})(?!\s?[’']\s?s\b)\b"
    rf"|{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('mon>', 'mon2>')}"
    rf"(?:,?\s+(?P<y2>(?:19|20)\d{{2}})\b)?)"
)
_DAY_ACTIONS: Mapping[str, str] = {
    **ACTION_OF,
    **{f: a for a, forms in DAY_ACTION_FORMS.items() for f in forms},
}
_DAY_SPAN = 10  # an action this many words either side of a day dates it (same clause)
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|[.;:!?]")


def _day_value(m: re.Match[str]) -> str | None:
    """``wd:friday``, or ``md:11-19`` / ``ymd:2008-11-19`` for a date."""
    if m.group("wd"):
        return f"wd:{m.group('wd').lower()}"
    mon = (m.group("mon") or m.group("mon2") or "").lower().rstrip(".")[:4]
    month = _MONTHS.get(mon) or _MONTHS.get(mon[:3])
    day = int(m.group("d") or m.group("d2") or 0)
    year = m.group("y") or m.group("y2")
    if month is None or not 1 <= day <= 31:
        return None
    if year:
        try:
            return f"ymd:{date(int(year), month, day).isoformat()}"
        except ValueError:
            return None
    return f"md:{month:02d}-{day:02d}"


def _day_actions(text: str, start: int, end: int, sent: tuple[int, int]) -> frozenset[str]:
    """The actions named in the day's clause: up to ``_DAY_SPAN`` words either side, not
    past a sentence mark; empty when a cue puts the day on another event ("since Monday")."""
    before = _TOKEN.findall(text[sent[0] : start])
    if before and before[-1].lower() in DAY_OTHER_CUES:
        return frozenset()
    after = _TOKEN.findall(text[end : sent[1]])
    words: list[str] = []
    # outward from the day each way, up to a sentence mark or a verb that takes the day
    # itself ("said on Friday", "rose to 14 on Saturday")
    sides = ((False, list(reversed(before[-_DAY_SPAN:]))), (True, after[:_DAY_SPAN]))
    for forward, side in sides:
        for w in side:
            low = w.lower()
            if w in ".;:!?" or low in DAY_OTHER_VERBS or (forward and low in DAY_LATER_CUES):
                break  # "on Wednesday, a day after her appointment": not the appointment's
            words.append(w)
            if low not in _DAY_ACTIONS and _other_verb(low):
                break  # "the resolution released on Friday": the day is that verb's
    return frozenset(a for w in words if (a := _DAY_ACTIONS.get(w.lower())))


def _days_compatible(a: str, b: str) -> bool:
    """Can two day values name one day? A weekday and a date agree unless the date's year
    gives it another weekday; a month-day and a full date compare on month and day."""
    ka, va = a.split(":", 1)
    kb, vb = b.split(":", 1)
    if ka == kb:
        return va == vb
    if {ka, kb} == {"md", "ymd"}:
        return (va if ka == "md" else vb) == (vb if ka == "md" else va)[5:]
    if {ka, kb} == {"wd", "ymd"}:
        wd, full = (va, vb) if ka == "wd" else (vb, va)
        return WEEKDAYS[date.fromisoformat(full).weekday()] == wd
    return True  # a weekday and a day of an unknown year: not compared


def _days_near(a: str, b: str) -> bool:
    """Are two different days at most ``DAY_GAP`` apart? Outlets that date one event
    differently are a day or two apart ("November 18" / "November 19", Thursday / Friday);
    days further apart in one story date two events (two arrests a month apart)."""
    ka, va = a.split(":", 1)
    kb, vb = b.split(":", 1)
    if ka == kb == "wd":
        gap = abs(WEEKDAYS.index(va) - WEEKDAYS.index(vb))
        return min(gap, 7 - gap) <= DAY_GAP
    if ka == "wd" or kb == "wd":
        return True  # only a full date has a weekday: compared in ``_days_compatible``
    year = va[:4] if ka == "ymd" else vb[:4] if kb == "ymd" else "2000"  # 2000 has Feb 29
    try:
        da = date.fromisoformat(va if ka == "ymd" else f"{year}-{va}")
        db = date.fromisoformat(vb if kb == "ymd" else f"{year}-{vb}")
    except ValueError:
        return False  # "February 30": no day
    return abs((da - db).days) <= DAY_GAP


ROUNDED_TIME = 5  # minutes either side of an unhedged quarter-hour time ("at 3:30")
_NEAR_WORDS = 4  # a time's clause: this many words either side of it
_CONTENT = re.compile(r"[A-Za-z][a-z-]{3,}")


def _near(text: str, start: int, end: int, sent: tuple[int, int]) -> frozenset[str]:
    """The content words right around a time ("failed breath tests soon after 3 a.m.
    on county Route 9": failed, breath, tests, route), not its hedge or a reporting verb."""
    before = text[sent[0] : start].split()[-_NEAR_WORDS:]
    after = text[end : sent[1]].split()[:_NEAR_WORDS]
    words = {m.group().lower() for w in [*before, *after] for m in _CONTENT.finditer(w)}
    return frozenset(words - TIME_STOP_WORDS)


def _short_line(text: str, pos: int) -> bool:
    """A time stamp line ("Nov 12, 2011, 05. 51AM"): too few words to be a sentence."""
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return len(re.findall(r"[A-Za-z]{3,}", text[s : e if e >= 0 else len(text)])) < 6


def person_pairs(names: Iterable[str]) -> frozenset[tuple[str, str]]:
    """(given name, surname) pairs of the story's person names ("Anthony Phillip LaSalle"
    gives ("anthony", "lasalle") and ("phillip", "lasalle"))."""
    out: set[tuple[str, str]] = set()
    for n in names:
        toks = [t.lower() for t in re.findall(r"[\w'’-]+", n)]
        out |= {(t, toks[-1]) for t in toks[:-1]}
    return frozenset(out)


_PAIR = r"(?P<first>[A-Z][a-z]{2,})\s+(?:[A-Z]\.\s+)?(?P<last>(?:[A-Z][a-z]*)?[A-Z][a-z]{2,})"
# Words that show a "First Last" pair is a person's name when the extractor did not say so:
# an age or a title before it, an age after it, "named" / "identified as" before it, a
# speech verb after it.
_PERSON_CUES = (
    re.compile(
        rf"\b(?:\d{{1,3}}-year-old|{alternation(PERSONAL_TITLES)}|named|identified as|name is)"
        rf"\.?\s+{_PAIR}\b"
    ),
    re.compile(rf"\b{_PAIR},\s+\d{{1,3}},"),
    re.compile(rf"\b{_PAIR}\s+(?:{alternation(SAID_FORMS)})\b"),
)


def person_cues(text: str) -> set[tuple[str, str]]:
    """(given name, surname) pairs that the text itself marks as a person's name."""
    return {
        (m.group("first").lower(), m.group("last").lower())
        for rx in _PERSON_CUES
        for m in rx.finditer(text)
    }


NATIONALITY_GROUPS_SUPPORT = 0.3  # two groups of one size, each of one nationality: listed
YEAR_GAP = 1  # years of an act that may repeat further apart than this date two acts
YEAR_SUPPORT = 0.15  # a year of an act that may repeat (hosted, won): listed, never shown
_YEAR_RE = re.compile(r"(?<![\d,.$£€-])\b(?P<y>(?:19|20)\d{2})\b(?![\d,.]\d|\s?(?:%|percent))")
_INSTITUTION_RE = re.compile(
    r"\b(?:[A-Z][\w'’.-]*\s+){0,6}(?:"
    + "|".join(sorted((h.title() for h in INSTITUTION_HEADS), key=len, reverse=True))
    + r")\b"
)
_NAT_RE = re.compile(
    r"\b(?P<n1>\d{1,6})\s+(?P<d1>[A-Z][a-z]+)(?:\s+and\s+(?:(?P<n2>\d{1,6})\s+)?"
    r"(?P<d2>[A-Z][a-z]+))?(?:\s+(?P<noun>[a-z]{3,}s)\b)?"
)
_PRONOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(PERSON_PRONOUNS)) + r")\b", re.I)


def _country_of(word: str) -> str | None:
    """The country a demonym names ("Yemenis" -> ``gpe:yemen``), from the entity gazetteer
    (its curated and ISO demonyms); "Somalian" is read as "Somali" + "an"."""
    surfaces = load_gazetteer().surfaces
    for w in (
        word,
        word[:-2] if word.endswith("an") else "",
        word[:-3] if word.endswith("ans") else "",
    ):
        hit = surfaces.get(w) if w else None
        if hit is not None and hit[1] == "demonym":
            return hit[0]
    return None


class _People:
    """Where the story's persons are named in one article (their surnames, as written), so
    that a pronoun can be taken for the last person named before it."""

    def __init__(
        self, text: str, persons: frozenset[tuple[str, str]], sents: Sequence[tuple[int, int]]
    ) -> None:
        # a pair whose words the text also writes in lower case is no person's name
        # ("Highway Patrol" tagged as one: "on highway 94")
        lower = set(re.findall(r"\b[a-z]+\b", text))
        last = {
            p[1] for p in persons
            if p[0] not in lower and p[1] not in lower and p[0] not in NOT_GIVEN_NAMES
        }  # fmt: skip
        self.at = [
            (m.start(), m.group())
            for m in re.finditer(r"\b[A-Z][\w'’-]+", text)
            if m.group().lower() in last
        ]
        self.text = text
        self.sents = sents

    def before(self, pos: int) -> str | None:
        """The surname named last before ``pos``, when every sentence in between refers to
        someone with a pronoun (the chain of "he ... he ..." is not broken by a sentence
        about something else: "a neighbour recalled ..." puts another person in between)."""
        hit = [p for p in self.at if p[0] < pos]
        if not hit:
            return None
        at, name = hit[-1]
        between = [(s, e) for s, e in self.sents if s > at and e <= pos]
        if any(_PRONOUN_RE.search(self.text, s, e) is None for s, e in between):
            return None
        return name

    def nearest(self, start: int, end: int, pos: int, chain: bool = True) -> str | None:
        """The person a word at ``pos`` in the sentence ``start..end`` is about: the person
        named or referred to (a pronoun: the last named before it; without ``chain``, only
        one named earlier in the same sentence) nearest before it in the sentence, else the
        first named after it."""
        cands = [(p, n) for p, n in self.at if start <= p < end]
        cands += [
            (m.start(), ref)
            for m in _PRONOUN_RE.finditer(self.text, start, end)
            if (ref := self.before(m.start())) is not None
            and (chain or any(start <= p < m.start() and n == ref for p, n in self.at))
        ]
        before = [c for c in cands if c[0] < pos]
        if before:
            return max(before)[1]
        after = sorted(c for c in cands if c[0] > pos)
        return after[0][1] if after else None


def _other_verb(word: str) -> bool:
    """A past form that is not an act of ``YEAR_ACTS`` ("imposed", "divorced"): a year
    beyond it belongs to that verb."""
    return len(word) >= 5 and word.endswith("ed") and word not in YEAR_ACTS


def _year_readings(
    text: str, s: int, e: int, people: _People
) -> Iterable[tuple[str, str, float, float, int, int]]:
    """(key, value, low, high, start, end) of each year of an act in the sentence ``s..e``:
    "founded the clinic in 1990" (the institution's founding), "Stewart hosted the 2008
    Oscars" (the person's act), "the clinic has served the town since 1987" (founded in
    1987 or before)."""
    sentence = text[s:e]
    # a named institution: two words or more besides an article ("the Bayou Health
    # Clinic", not "the Clinic")
    names = (
        re.sub(r"^(?:the|a)\s+", "", m.group().lower()) for m in _INSTITUTION_RE.finditer(sentence)
    )
    insts = [n for n in names if len(n.split()) >= 2]
    for m in _YEAR_RE.finditer(text, s, e):
        year = int(m.group("y"))
        before = _TOKEN.findall(text[s : m.start()])
        cue = before[-1].lower() if before else ""
        if cue == "since":
            # "has been a staple since 1987": founded then or earlier; only an institution's
            if insts and re.search(r"\b(?:has|have)\b", sentence):
                yield insts[0] + ":found", f"<={year}", 0.0, float(year), m.start(), m.end()
            continue
        if cue in DAY_OTHER_CUES:
            continue
        words: list[str] = []
        for side in (list(reversed(before[-_DAY_SPAN:])), _TOKEN.findall(text[m.end() : e])):
            for w in side[:_DAY_SPAN]:
                low = w.lower()
                words.append(low)
                if w in ".;:!?" or low in DAY_OTHER_VERBS or _other_verb(low):
                    break  # the year is another verb's: "died serving a term imposed in 1997"
        acts = {YEAR_ACTS[w] for w in words if w in YEAR_ACTS}
        for act in sorted(acts):
            if act == "found" and insts:
                key = insts[0]
            else:
                # "began modeling in 1950": a person's start of something, not a founding
                act = "begin" if act == "found" else act
                # a year's person is named in its sentence ("Stewart ... when he hosted
                # the 2007 Oscars"): "He, too, died in 2002" may be someone else's death
                who = people.nearest(s, e, m.start(), chain=False)
                if who is None:
                    continue
                key = who.lower()
            yield f"{key}:{act}", str(year), float(year), float(year), m.start(), m.end()


def read_slots(
    article: Article, root: ArticleId, persons: frozenset[tuple[str, str]] = frozenset()
) -> list[SlotReading]:
    """Every slot value the article's text gives, in a clear structure; a name is read only
    when the entities of the story know it as a person's (``persons``, from ``person_pairs``)."""
    text = article.text
    lower_words = set(re.findall(r"\b[a-z]+\b", text))
    out: list[SlotReading] = []
    sents = list(sentence_spans(text))

    people = _People(text, persons, sents)

    def add(kind: str, key: str, value: str, start: int, end: int, sent: tuple[int, int],
            low: float = 0.0, high: float = 0.0, near: frozenset[str] = frozenset()) -> None:  # fmt: skip
        near = _near(text, start, end, sent) if kind == "time" else near
        who = (
            frozenset(re.findall(r"[A-Z][\w'’-]+", text[sent[0] : sent[1]]))
            if kind == "time" else frozenset()
        )  # fmt: skip
        if kind == "time" and not any(p >= sent[0] and p < sent[1] for p, _ in people.at):
            # "he was stopped at about 1 a.m.": the person is the last one named before
            ref = people.nearest(sent[0], sent[1], start)
            who = who | {ref} if ref else who
        out.append(
            SlotReading(kind, key, value, text[start:end], low, high,
                        Cite(article.id, start, end), root, text[sent[0] : sent[1]], near, who)
        )  # fmt: skip

    for s, e in sents:
        for m in _TIME_RE.finditer(text, s, e):
            iv = _minutes(m)
            if iv is not None and not _short_line(text, m.start()):
                add("time", "", f"{iv[0]:.0f}-{iv[1]:.0f}", m.start(), m.end(), (s, e), *iv)
        for m in _DAY_RE.finditer(text, s, e):
            value = _day_value(m)
            acts = _day_actions(text, m.start(), m.end(), (s, e))
            if value is not None and acts and not _short_line(text, m.start()):
                out.append(
                    SlotReading("day", "", value, m.group(), 0.0, 0.0,
                                Cite(article.id, m.start(), m.end()), root, text[s:e], acts)
                )  # fmt: skip
        for m in _COLOUR_RE.finditer(text, s, e):
            words = m.group("noun").split()
            caps = [w for w in words if w[:1].isupper()]
            head = caps[-1] if caps else words[0]
            if not caps and head.lower() not in COLOURED_OBJECTS:
                continue
            if m.group("c")[:1].isupper() and text[s : m.start()].strip():
                continue  # "Silver Spring", "White Harbor": a name, not a colour
            end = m.start("noun") + m.group("noun").rindex(head) + len(head)
            add("colour", head.lower(), COLOURS[m.group("c").lower()], m.start(), end, (s, e))
        for key, value, low, high, ys, ye in _year_readings(text, s, e, people):
            add("year", key, value, ys, ye, (s, e), low, high)
        for m in _NAT_RE.finditer(text, s, e):
            if not (m.group("d2") or m.group("noun")):
                continue  # "23 Somalis": no group named, no breakdown
            ds = [d for d in (m.group("d1"), m.group("d2")) if d]
            countries = [_country_of(d) for d in ds]
            if any(c is None for c in countries) or len(set(countries)) < len(ds):
                continue
            total = int(m.group("n1")) + int(m.group("n2") or 0)
            if m.group("d2") and m.group("n2") is None and not m.group("noun"):
                continue  # "23 Somali and Yemeni": a noun must say who
            noun = frozenset() if m.group("n2") else frozenset({m.group("noun").rstrip("s")})
            end = (
                m.end("noun")
                if m.group("noun") and not m.group("n2")
                else m.end("d2" if m.group("d2") else "d1")
            )
            add(
                "nationality",
                str(total),
                "+".join(sorted({c for c in countries if c})),
                m.start(),
                end,
                (s, e),
                near=noun,
            )
        for rx in _HOME_RES:
            for m in rx.finditer(text, s, e):
                name, place = m.group("name").split(), m.group("place")
                # the head word of each part of the place says what it is: "of College
                # Point" is a place, "of Boston College" an affiliation
                heads = [part.split()[-1] for part in place.split(",") if part.split()]
                words = {w.lower().strip(".") for w in [*name, *heads]}
                if words & NOT_HOMETOWN:
                    continue
                add("hometown", name[-1].lower(), place, m.start("place"), m.end("place"), (s, e))
    seen: set[tuple[str, str]] = set()
    for m in _PERSON_RE.finditer(text):
        k = (m.group("first"), m.group("last"))
        if k in seen or k[0].lower() in lower_words or k[1].lower() in lower_words:
            continue  # "The Organisation", "Fire Marshal": common words, not a person's name
        if k[0].lower() in NOT_GIVEN_NAMES or (k[0].lower(), k[1].lower()) not in persons:
            continue
        seen.add(k)
        sent = next(((s, e) for s, e in sents if s <= m.start() < e), (m.start(), m.end()))
        add("name", m.group("first").lower(), m.group("last"), m.start("last"), m.end("last"), sent)
    return out


def spelling_variants(a: str, b: str) -> bool:
    """Two surnames that are one name spelled two ways ("Rait" / "Raite"; "LaCalamita" /
    "Calamita"), not a plural or two different names."""
    x, y = a.lower(), b.lower()
    if x == y or min(len(x), len(y)) < 4:
        return False
    short, long_ = sorted((x, y), key=len)
    if long_ == short + "s":
        return False
    if _house_style(x, y):
        return False  # "Advisers" / "Advisors": one word in two house styles
    if long_.endswith(short) and long_[: len(long_) - len(short)] in SURNAME_PREFIXES:
        return True
    return Levenshtein.distance(x, y) == 1 and x[0] == y[0]


def _house_style(x: str, y: str) -> bool:
    """Do two lower-case forms differ only by a house-style ending ("advisers" /
    "advisors", "organise" / "organize")?"""
    for one, other in HOUSE_STYLE_ENDINGS:
        for a, b in ((x, y), (y, x)):
            if a.endswith(one) and b.endswith(other) and a[: -len(one)] == b[: -len(other)]:
                return True
    return False


def _town_parts(place: str) -> list[str]:
    """The parts of "Street, Town, Region" that are not a region: not a country or a
    top-level region (``lang.places.region_names``), nor a state's abbreviation ("N.Y.", "Minn")."""
    parts = [p.strip().lower() for p in place.split(",")]
    return [
        p for p in parts
        if p and p not in region_names() and re.sub(r"[. ]", "", p) not in STATE_ABBREVIATIONS
    ]  # fmt: skip


def _compatible(a: SlotReading, b: SlotReading) -> bool:
    if a.kind == "time":
        # ranges that only touch do not meet: "shortly after 2" (2:00-2:20) is not "about
        # 2:30" (2:20-2:40)
        return (a.low < b.high and b.low < a.high) or a.low == b.low
    if a.kind == "day":
        return _days_compatible(a.value, b.value)
    if a.kind == "year":
        if a.key.rsplit(":", 1)[-1] not in ONCE_ACTS and abs(a.high - b.high) > YEAR_GAP:
            return True  # hosted the 1996 Grammys and the 2014 Oscars: two acts
        return a.low <= b.high and b.low <= a.high
    if a.kind == "nationality":
        # two groups of one size told with different nouns are two groups (23 pirates,
        # 23 sailors); a breakdown ("12 Somalis and 11 Yemenis") names no noun
        return a.value == b.value or bool(a.near and b.near and a.near != b.near)
    if a.kind == "hometown":
        # "of Newton Street, Millom" and "of Millom": a street in the town, one place. A
        # region ("Minnesota", "N.Y.") is left out: "Albany, N.Y." is not "Utica, N.Y.", and a
        # place named only by its region holds the other ("of Minnesota", "of Bloomington")
        xs, ys = _town_parts(a.value), _town_parts(b.value)
        if not xs or not ys:
            return True
        return any(x in y or y in x for x in xs for y in ys)
    return a.value == b.value


def _clash_free(a: SlotReading, b: SlotReading) -> bool:
    """Can one article give both readings? Days further apart than ``DAY_GAP`` date two
    events of one action ("sank a trawler on November 11 ... a second on November 19"), so
    an article may give both and still be a side for each; so are times more than ``TIME_GAP``
    minutes apart."""
    if a.kind == "day" and not _days_near(a.value, b.value):
        return True
    if a.kind == "time" and max(a.low, b.low) - min(a.high, b.high) > TIME_GAP:
        return True  # two moments of the night: stopped at 2:30, released at 6
    if a.kind == "year" and a.key.rsplit(":", 1)[-1] not in ONCE_ACTS:
        return True  # "hosted in 2008 and 2006": an act done twice
    return _compatible(a, b)


def _names(readings: Sequence[SlotReading]) -> list[SlotReading]:
    """Surnames of one first name that only spelling tells apart, each outlet using one."""
    out: list[SlotReading] = []
    by_first: dict[str, list[SlotReading]] = defaultdict(list)
    for r in readings:
        by_first[r.key].append(r)
    for items in by_first.values():
        forms: dict[ArticleId, set[str]] = defaultdict(set)
        for r in items:
            forms[r.cite.article].add(r.value)
        for r in items:
            if any(spelling_variants(r.value, v) for v in forms[r.cite.article]):
                continue  # its own outlet writes the name both ways: on no side
            if any(
                spelling_variants(r.value, o.value) and o.cite.article != r.cite.article
                for o in items
            ):
                out.append(r)
    return out


def _key_days(readings: Sequence[SlotReading]) -> list[SlotReading]:
    """The day readings of the story's key actions, keyed by each: the actions that at least
    half as many sources date as the most-dated one (and at least two); a day is told for
    the events the story is about, not for an earlier attack or a later hearing that only
    one source dates."""
    days = [r for r in readings if r.kind == "day"]
    count = Counter(a for a, _ in {(a, r.root) for r in days for a in r.near})
    top = max(count.values(), default=0)
    key = {a for a, n in count.items() if n >= max(2, top / 2)}
    return [replace(r, key=a) for r in days for a in sorted(r.near & key)]


def slot_conflicts(
    readings: Sequence[SlotReading],
    sim: Callable[[str, str], float],
    roots: Mapping[ArticleId, ArticleId],
    days: Mapping[ArticleId, str] | None = None,
    day_sim: Callable[[str, str], float] | None = None,
) -> list[Conflict]:
    """Conflicts between outlets over one slot (see the module docstring); ``day_sim``
    compares the sentences of days (fitted on them alone, so that reading days leaves the
    likeness of the other slots' sentences as it was), ``sim`` all others."""
    other_sim = sim
    main = _main_person(readings)
    groups: dict[tuple[str, str], list[SlotReading]] = defaultdict(list)
    names = [r for r in readings if r.kind == "name"]
    for r in [r for r in readings if r.kind not in ("name", "day")] + _names(names):
        groups[(r.kind, r.key)].append(r)
    for r in _key_days(readings):
        groups[(r.kind, r.key)].append(r)
    conflicts: list[Conflict] = []
    for (kind, key), items in groups.items():
        sim = day_sim if kind == "day" and day_sim is not None else other_sim
        per_article: dict[ArticleId, list[SlotReading]] = defaultdict(list)
        for r in items:
            per_article[r.cite.article].append(r)
        # an article giving two different values tells of two things: on no side. Kept per
        # article, not per source: a copy that edits a detail ("Rait" -> "Raite", "silver" ->
        # "gray") prints its own value (its side's support still counts sources once).
        clean = [
            rs for rs in per_article.values() if all(_clash_free(x, y) for x in rs for y in rs)
        ]
        if kind == "name":
            # a spelling variant is a conflict only if its own outlet never uses the other
            clean = [rs for rs in clean if len({x.value for x in rs}) == 1]
        values: dict[str, list[SlotReading]] = defaultdict(list)
        for rs in clean:
            for r in rs:
                values[r.value].append(r)
        vals = sorted(values)
        for i in range(len(vals)):
            for j in range(i + 1, len(vals)):
                a, b = values[vals[i]], values[vals[j]]
                if any(_compatible(x, y) for x in a for y in b):
                    continue
                need = SLOT_SIMILARITY.get(kind)
                best = 1.0
                if need is not None:
                    pairs = [(x, y) for x in a for y in b if _alike(x, y, sim, days, need, main)]
                    if not pairs:
                        continue
                    best = max(sim(x.sentence, y.sentence) for x, y in pairs)
                    side_a = list(dict.fromkeys(x for x, _ in pairs))
                    side_b = list(dict.fromkeys(y for _, y in pairs))
                    if kind == "day":
                        # the key action and the day gap tie a day to the event: an outlet
                        # giving the same day of the same action joins that side even when
                        # its sentence is worded apart (alike enough is asked of one pair)
                        side_a += [
                            x
                            for x in a
                            if x not in side_a and any(_alike(x, y, sim, days, 0.0) for y in side_b)
                        ]
                        side_b += [y for y in b if y not in side_b
                                   and any(_alike(x, y, sim, days, 0.0) for x in side_a)]  # fmt: skip
                else:
                    side_a, side_b = a, b
                if {x.cite.article for x in side_a} & {y.cite.article for y in side_b}:
                    continue
                conflicts.append(_conflict(kind, key, side_a, side_b, best, roots))
    return conflicts


# Reports more than this many days apart tell of two events (align.SAME_EVENT_DAYS).
SAME_EVENT_DAYS = 4


# Two times of one named person at most this many minutes apart (between their hedged
# ranges) are one moment told two ways ("shortly after 2 a.m." / "just after 2:30 a.m."); further
# apart they are two steps of the night (stopped at 2:30, released at 6).
TIME_GAP = 45


def _main_person(readings: Sequence[SlotReading]) -> str | None:
    """Whom the story's clock times are about: the capitalised word that the sentences of
    times name in the most articles, at least two and at least half of the articles that give
    a time, more than any other; a word these sentences also write in lower case ("Police",
    "State"), a month, a weekday or a title is no one."""
    times = [r for r in readings if r.kind == "time"]
    lower = {w for r in times for w in re.findall(r"\b[a-z][\w'’-]*", r.sentence)}
    skip = lower | NOT_GIVEN_NAMES | set(WEEKDAYS) | set(_MONTHS)
    count = Counter(
        w
        for w, _ in {(w, r.cite.article) for r in times for w in r.people}
        if w.lower() not in skip and w.lower()[:3] not in _MONTHS
    )
    top = count.most_common(2)
    articles = len({r.cite.article for r in times})
    if not top or top[0][1] < max(2, articles / 2) or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def _same_person_time(x: SlotReading, y: SlotReading, main: str | None) -> bool:
    """Do two times belong to the moment of the person the story is about: both sentences
    name them (``main``), and the times are at most ``TIME_GAP`` minutes apart."""
    if main is None or main not in x.people or main not in y.people:
        return False
    return max(x.low, y.low) - min(x.high, y.high) <= TIME_GAP


def _weekday_in_reach(x: SlotReading, y: SlotReading, dx: str | None, dy: str | None) -> bool:
    """A weekday names a day of its report's week: it is compared with a full date only when
    its article's own day is known and at most 7 days from that date ("Monday" in a 2004
    report says nothing against "June 27, 2001")."""
    pairs = [(x, dx, y), (y, dy, x)]
    for wd, day, other in pairs:
        if wd.value.startswith("wd:") and other.value.startswith("ymd:"):
            try:
                gap = date.fromisoformat(other.value[4:]) - date.fromisoformat((day or "")[:10])
            except ValueError:
                return False
            return abs(gap.days) <= 7
    return True


def _alike(
    x: SlotReading, y: SlotReading, sim: Callable[[str, str], float],
    days: Mapping[ArticleId, str] | None, need: float, main: str | None = None,
) -> bool:  # fmt: skip
    """Do two readings tell of the same event: other outlets, alike sentences, reports at
    most a few days apart, and for times a word in common right around them ("began around
    8:30" and "at this point (10:30), ... dispersed" are two moments of one evening)."""
    if x.cite.article == y.cite.article:
        return False
    if x.kind == "time" and max(x.low, y.low) - min(x.high, y.high) > TIME_GAP:
        return False  # two moments of the story (voting began at 8, turnout at 4 p.m.)
    if x.kind == "time" and _same_person_time(x, y, main):
        pass  # one named person's moment, told a little apart
    elif sim(x.sentence, y.sentence) < need or (x.kind == "time" and not x.near & y.near):
        return False
    dx, dy = (days or {}).get(x.cite.article), (days or {}).get(y.cite.article)
    if x.kind == "day" and not _days_near(x.value, y.value):
        return False
    if x.kind == "day" and not _weekday_in_reach(x, y, dx, dy):
        return False
    if (
        x.kind == "day"
        and (x.value.startswith("wd:") or y.value.startswith("wd:"))
        and not (dx and dy)
    ):
        return False  # a weekday of a report whose own day is unknown names no day
    if x.kind == "day" and x.value.startswith("wd:") and y.value.startswith("wd:"):
        # reports filed days apart tell each its own latest night ("a riot Monday", "a third
        # night Wednesday"): two weekdays compare only between reports at most a day apart
        try:
            gap = date.fromisoformat((dx or "")[:10]) - date.fromisoformat((dy or "")[:10])
            if abs(gap.days) > 1:
                return False
        except ValueError:
            return False
    if dx and dy:
        try:
            if (
                abs((date.fromisoformat(dx[:10]) - date.fromisoformat(dy[:10])).days)
                > SAME_EVENT_DAYS
            ):
                return False
        except ValueError:
            pass
    return True


_TOPICS = {
    "time": "At what time it happened",
    "day": "On what day it happened ({key})",
    "colour": "The colour of the {key}",
    "hometown": "Where {key} is from",
    "name": "How the name is spelled",
    "year": "In what year ({key})",
    "nationality": "The nationalities of the {key}",
}


def _conflict(
    kind: str, key: str, a: Sequence[SlotReading], b: Sequence[SlotReading], likeness: float,
    roots: Mapping[ArticleId, ArticleId],
) -> Conflict:  # fmt: skip
    def side(rs: Sequence[SlotReading]) -> ConflictSide:
        texts = list(dict.fromkeys(r.text.strip() for r in rs))
        return ConflictSide(" / ".join(texts[:3]), [r.cite for r in rs])

    base = SLOT_SUPPORT[kind]
    if kind == "day" and any(r.value.startswith("wd:") for r in [*a, *b]):
        # weekdays of one action differ on ECB+ train mostly for two steps (a trial and its
        # verdict, a riot and a calm day): listed, never shown
        base = WEEKDAY_SUPPORT
    if kind == "nationality" and all(r.near for r in [*a, *b]):
        # "5 French tourists" vs "5 Belgian tourists" may be two groups of one size; a
        # breakdown of the whole group ("3 French and 2 Belgian") is the telling structure
        base = NATIONALITY_GROUPS_SUPPORT
    if kind == "year" and key.rsplit(":", 1)[-1] not in ONCE_ACTS:
        # an act that may repeat (hosted, won): two years may be two acts
        base = YEAR_SUPPORT
    support = min(
        1 - (1 - base) ** len({roots.get(r.cite.article, r.cite.article) for r in rs})
        for rs in (a, b)
    )
    factor = 1.0 if kind not in SLOT_SIMILARITY else 0.6 + 0.4 * min(1.0, 2 * likeness)
    if kind == "nationality":
        # "23" -> "23 pirates": the group's noun where a side names it
        nouns = sorted({n for r in [*a, *b] for n in r.near})
        key = f"{key} {nouns[0]}s" if nouns else key
    topic = _TOPICS[kind].format(key=key.title() if kind == "hometown" else key)
    return Conflict(
        topic=topic, sides=[side(a), side(b)], confidence=round(support * factor, 3), kind=kind
    )
