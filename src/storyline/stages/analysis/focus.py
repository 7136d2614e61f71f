"""Focus: find the thing a story is about (a force, a treaty, a law, a deal...).

Input: the story's articles. Output: a ``Focus`` (name, aliases, kind, location) and
the ``KindPhrase`` mentions that refer to it, used by ``align`` (descriptor conflicts,
attribute claims) and ``profile`` (name, aliases, kind).

News names the thing a story is about with noun phrases headed by a small set of
"kind" nouns: *force, mission, treaty, bill, deal, ceasefire, sanctions*. The focal
subject is the kind most often mentioned across independent sources, weighted up when
it is the object of a creation verb ("a resolution to *establish* a force" is about the
force, not the resolution). The phrases are found with regular expressions over the
cleaned text rather than spaCy noun chunks: the report stage runs without the parse
(extraction facts carry no ``Doc``), and the patterns only need the few words in front
of a head noun.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storyline.lang import stop_words
from storyline.lang.en import (
    FOCUS_PLACE_PREPOSITIONS,
    GENERIC_MODS,
    KIND_HEADS,
    PHRASE_END_WORDS,
)
from storyline.models import Article, ArticleId, Cite
from storyline.text import fold_punctuation, sentence_spans


@functools.cache
def _phrase_stops() -> frozenset[str]:
    return stop_words() | PHRASE_END_WORDS


def _ends_phrase(word: str, folded: str) -> bool:
    """Whether ``word`` ends a noun phrase when walking left from its head.

    An acronym is a name, never a stop word, even when its lower case is one ("UN": "un").
    """
    return folded in _phrase_stops() and not (len(word) > 1 and word.isupper())


_HEAD_RE = re.compile(r"\b(" + "|".join(sorted(KIND_HEADS, key=len, reverse=True)) + r")\b", re.I)
_TOKEN_LEFT = re.compile(r"([A-Za-z][\w.'-]*|\d[\d,.]*)\s+$")
_PLACE_AFTER = re.compile(
    rf"^\s+(?:{'|'.join(FOCUS_PLACE_PREPOSITIONS)})\s+(?:the\s+)?([A-Z][\w-]+)"
)
_ACRONYM = re.compile(
    r"\b([A-Z][\w-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w-]*)){1,6})\s+\(([A-Z]{2,6})\)"
)
# "a resolution to establish X", "the deployment of X", "lay the groundwork for X"
_CREATION = re.compile(
    r"\b(?:establish(?:es|ed|ing|ment of)?|creat(?:e|es|ed|ing|ion of)|deploy(?:s|ed|ing|ment of)?"
    r"|set(?:ting)? up|form(?:s|ed|ing|ation of)?|launch(?:es|ed|ing)?|build(?:s|ing)?"
    r"|groundwork for|authori[sz](?:e|es|ed|ing|ation of)|adopt(?:s|ed|ing|ion of)?"
    r"|pass(?:es|ed|ing|age of)?|sign(?:s|ed|ing)?|negotiat(?:e|es|ed|ing|ion of))\s+"
    r"(?:\w+\s+){0,3}$",
    re.I,
)
# A sentence that goes on about the thing just named: "It would ...", "The cost of its ships"
_PRONOUN_START = re.compile(r"^(?:\W*[\w-]+\W+){0,3}?(?:it|its)\b", re.I)


def norm_word(word: str) -> str:
    """Fold a modifier for comparison: case, dots, British spellings ("stabilisation")."""
    w = fold_punctuation(word).lower().strip(".'")
    w = w.replace(".", "")
    if w in {"un", "united-nations"}:
        return "un"
    return re.sub(r"is(ation|ing|ed|e)$", r"iz\1", w) if len(w) > 6 else w


@dataclass(slots=True)
class KindPhrase:
    """One noun phrase headed by a kind noun ("an international stabilization force")."""

    article: ArticleId
    start: int  # first modifier (or the head when bare)
    end: int  # end of the head noun
    text: str
    head: str  # lower-case head noun
    kind: str
    mods: tuple[str, ...]  # folded modifiers, left to right
    place: str | None  # "Kosovo" in "a force in Kosovo"
    sentence: tuple[int, int]

    @property
    def content(self) -> frozenset[str]:
        """Modifiers that tell this thing apart from others of its kind."""
        return frozenset(m for m in self.mods if m not in GENERIC_MODS)

    @property
    def cite(self) -> Cite:
        return Cite(self.article, self.start, self.end)


@dataclass(slots=True)
class Focus:
    """The focal subject of a story and every phrase that names it."""

    name: str
    kind: str
    aliases: list[str]
    place: str | None
    mentions: list[KindPhrase] = field(default_factory=list)
    # per article, the sentences (start, end) that speak about the focus, directly or via "it"
    sentences: dict[ArticleId, set[tuple[int, int]]] = field(default_factory=dict)
    name_mods: frozenset[str] = frozenset()

    def about(self, article: ArticleId, start: int, end: int) -> bool:
        """True when the sentence containing ``[start, end)`` speaks about the focus."""
        return any(s <= start and end <= e for s, e in self.sentences.get(article, ()))


def kind_phrases(article: Article) -> list[KindPhrase]:
    """Every kind-headed noun phrase of ``article``, with its modifiers and place."""
    text = article.text
    out: list[KindPhrase] = []
    for s, e in sentence_spans(text):
        sent = text[s:e]
        for m in _HEAD_RE.finditer(sent):
            head = m.group(1).lower()
            if sent[m.end() : m.end() + 1] == "-":
                continue  # "mission-critical": the head is a modifier here
            mods: list[str] = []
            first = m.start()
            left = sent[: m.start()]
            while len(mods) < 4:
                tm = _TOKEN_LEFT.search(left)
                if not tm:
                    break
                word = tm.group(1)
                folded = norm_word(word)
                if _ends_phrase(word, folded) or folded.isdigit() or word.endswith(("’s", "'s")):
                    break
                if word[0].isupper() and first == m.start() and _sentence_initial(left, tm):
                    # a capitalised sentence opener ("Setting up a force") is not a modifier
                    break
                mods.insert(0, folded)
                first = tm.start(1)
                left = left[: tm.start()]
            kind = KIND_HEADS[head]
            if mods and mods[-1] in KIND_HEADS:
                kind = KIND_HEADS[mods[-1]]  # "ceasefire plan" is about the ceasefire
            pm = _PLACE_AFTER.match(sent[m.end() :])
            out.append(
                KindPhrase(
                    article=article.id,
                    start=s + first,
                    end=s + m.end(),
                    text=sent[first : m.end()],
                    head=head,
                    kind=kind,
                    mods=tuple(mods),
                    place=pm.group(1) if pm else None,
                    sentence=(s, e),
                )
            )
    return out


def _sentence_initial(left: str, tm: re.Match[str]) -> bool:
    return not left[: tm.start()].strip()


def acronyms(articles: Iterable[Article]) -> dict[str, str]:
    """Acronyms defined in the text: ``{"EUFOR": "European Union Force"}``."""
    found: dict[str, str] = {}
    for a in articles:
        for m in _ACRONYM.finditer(a.text):
            words = [w for w in re.split(r"\s+", m.group(1)) if w[:1].isupper()]
            acr = m.group(2)
            # keep the tail of the capitalised run whose initials spell the acronym
            for k in range(len(words)):
                if "".join(w[0] for w in words[k:]).upper() == acr:
                    tail = m.group(1)[m.group(1).index(words[k]) :]
                    found.setdefault(acr, tail)
                    break
    return found


def find_focus(
    articles: Sequence[Article], roots: Mapping[ArticleId, ArticleId] | None = None
) -> Focus | None:
    """Pick the story's focal subject; ``None`` when no kind phrase occurs at all.

    Args:
        articles: the story's cleaned articles.
        roots: article id -> id of the original it copies (itself when original), so a
            copy does not count as a second source.
    """
    roots = roots or {a.id: a.id for a in articles}
    phrases = [p for a in articles for p in kind_phrases(a)]
    if not phrases:
        return None
    acr = acronyms(articles)
    by_kind: dict[str, list[KindPhrase]] = defaultdict(list)
    for p in phrases:
        by_kind[p.kind].append(p)
    texts = {a.id: a.text for a in articles}
    lead = {a.id: _lead_end(a.text) for a in articles}

    def score(items: list[KindPhrase]) -> float:
        per_source: Counter[str] = Counter(roots.get(p.article, p.article) for p in items)
        total = sum(min(n, 6) for n in per_source.values())
        created = sum(
            1 for p in items if _CREATION.search(texts[p.article][max(0, p.start - 60) : p.start])
        )
        early = sum(1 for p in items if p.start < lead[p.article])
        return total + 2.0 * created + 1.5 * early + 2.0 * len(per_source)

    kind = max(sorted(by_kind), key=lambda k: score(by_kind[k]))
    items = by_kind[kind]
    name, name_mods, acronym = _pick_name(items, acr, roots)
    place = _common_place(p for p in items if p.content & name_mods)
    mentions = [p for p in items if _refers(p, name_mods, place)]
    if acronym:
        mentions.extend(_acronym_mentions(articles, acronym, kind, name_mods))
        mentions.sort(key=lambda p: (p.article, p.start))
    aliases = _aliases(mentions, name, acronym)
    focus = Focus(name=name, kind=kind, aliases=aliases, place=place, mentions=mentions,
                  name_mods=name_mods)  # fmt: skip
    _mark_sentences(focus, articles, acronym)
    return focus


def _acronym_mentions(
    articles: Sequence[Article], acronym: str, kind: str, mods: frozenset[str]
) -> list[KindPhrase]:
    """Every use of the focus's acronym ("the EUFOR would ...") as a mention of it."""
    rx = re.compile(rf"\b{re.escape(acronym)}\b")
    out: list[KindPhrase] = []
    for a in articles:
        for s, e in sentence_spans(a.text):
            for m in rx.finditer(a.text, s, e):
                out.append(
                    KindPhrase(a.id, m.start(), m.end(), m.group(0), acronym.lower(), kind,
                               tuple(sorted(mods)), None, (s, e))
                )  # fmt: skip
    return out


def _lead_end(text: str) -> int:
    """End offset of the first two sentences (the lead)."""
    ends = [e for _, e in sentence_spans(text)][:2]
    return ends[-1] if ends else 0


def _pick_name(
    items: list[KindPhrase], acr: Mapping[str, str], roots: Mapping[ArticleId, ArticleId]
) -> tuple[str, frozenset[str], str | None]:
    """The focal name: a defined acronym's expansion if one fits, else the best phrase."""
    support: dict[tuple[frozenset[str], str], set[str]] = defaultdict(set)
    surface: dict[tuple[frozenset[str], str], Counter[str]] = defaultdict(Counter)
    for p in items:
        if not p.content:
            continue
        key = (p.content, _head_group(p.head))
        support[key].add(roots.get(p.article, p.article))
        surface[key][p.text] += 1
    for short, long in acr.items():
        words = long.split()
        if (
            words
            and words[-1].lower() in KIND_HEADS
            and KIND_HEADS[words[-1].lower()] == items[0].kind
        ):
            mods = frozenset(norm_word(w) for w in words[:-1]) - GENERIC_MODS
            return long, mods, short
    if not support:
        head = Counter(p.head for p in items).most_common(1)[0][0]
        return head, frozenset(), None
    best = max(support, key=lambda k: (len(support[k]), len(k[0]), sorted(k[0])))
    # prefer a fuller phrase with the same head naming the same thing in two sources
    fuller = [
        k for k in support
        if k[1] == best[1] and k[0] > best[0] and len(support[k]) >= 2
    ]  # fmt: skip
    if fuller:
        best = max(fuller, key=lambda k: (len(support[k]), len(k[0])))
    text = _display(surface[best])
    return text, best[0], None


def _head_group(head: str) -> str:
    return "force" if head in {"force", "mission", "operation"} else head


def _display(forms: Counter[str]) -> str:
    """The surface form to show: the most frequent, minus a leading generic word."""
    text = forms.most_common(1)[0][0]
    words = text.split()
    while len(words) > 1 and norm_word(words[0]) in GENERIC_MODS:
        words = words[1:]
    return " ".join(words)


def _common_place(items: Iterable[KindPhrase]) -> str | None:
    places = Counter(p.place for p in items if p.place)
    return places.most_common(1)[0][0] if places else None


def _refers(p: KindPhrase, name_mods: frozenset[str], place: str | None) -> bool:
    """Does this phrase name the focal thing (and not another thing of the same kind)?"""
    if p.place and place and p.place != place:
        return False  # "a naval force in the Baltic" vs a focus placed elsewhere
    if not p.content or p.content & name_mods:
        return True
    return bool(place and p.place == place)


def _aliases(mentions: list[KindPhrase], name: str, acronym: str | None) -> list[str]:
    seen = {_key(name)}
    out: list[str] = []
    if acronym:
        out.append(acronym)
    for p in mentions:
        if not p.content or p.text == acronym:
            continue
        shown = _display(Counter([p.text]))
        k = _key(shown)
        if k not in seen:
            seen.add(k)
            out.append(shown)
    return out


def _key(text: str) -> str:
    return " ".join(norm_word(w) for w in text.split() if norm_word(w) not in GENERIC_MODS)


def _mark_sentences(focus: Focus, articles: Sequence[Article], acronym: str | None) -> None:
    """Record the sentences that speak about the focus (a mention, or "It ..." right after one)."""
    by_article: dict[ArticleId, list[KindPhrase]] = defaultdict(list)
    for p in focus.mentions:
        by_article[p.article].append(p)
    acr_re = re.compile(rf"\b{re.escape(acronym)}\b") if acronym else None
    for a in articles:
        previous = False
        starts = {p.sentence for p in by_article.get(a.id, [])}
        for s, e in sentence_spans(a.text):
            sent = a.text[s:e]
            hit = (s, e) in starts or bool(acr_re and acr_re.search(sent))
            if hit or (previous and _PRONOUN_START.match(sent)):
                focus.sentences.setdefault(a.id, set()).add((s, e))
            previous = hit or (previous and bool(_PRONOUN_START.match(sent)))
