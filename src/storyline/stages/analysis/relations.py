"""Relations: sentence-level observations that ``align`` turns into claims.

Input: one article, its actor mentions (from extraction) and the story's ``Focus``.
Output: ``Observation`` records, each citing the characters it was read from:

- roles: who drafts, sponsors or leads something ("X and Y are drafting a resolution");
- participation: who pledges, offers or is approached to take part ("Z pledged troops",
  "countries approached include A, B and C"), with any condition ("if the UN approves");
- descriptions of the focus, affirmed or negated ("would not be a combat mission");
- attributes of the focus: tasks, duration, command, legal basis, status, open questions.

These are hand-written patterns over sentences, not a model: no relation-extraction or
NLI model ships offline for this (see STACK.md), and each pattern is a general shape of
news English (auxiliary + verb + object, "include" lists, "tasked with", "until <year>"),
never a phrase from one story. Each pattern is conservative: a sentence that does not
match yields nothing rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.lang import CORE_SPEECH_FORMS, MONTHS, UNNAMED_SOURCES, alternation, stop_words
from storyline.lang.en import KIND_HEADS, PASSIVE_AUXILIARIES
from storyline.lang.frames import (
    CLAUSE_BREAKS,
    FRAME_OF_FORM,
    FRAME_PARTITIVE_WORDS,
    FRAME_PHRASES_BEFORE,
    MONTH_NOUNS,
    NUMBER_WORDS,
    OTHER_EVENT_CUES,
    PART_AFTER,
    PART_BEFORE,
    UPDATE_CUES,
    UPDATE_CUES_BEFORE,
)
from storyline.models import Article, Cite, EntityId
from storyline.stages.analysis.focus import Focus, KindPhrase, norm_word
from storyline.text import normalize_text, sentence_spans


@dataclass(slots=True)
class ActorMention:
    """One mention of a canonical actor in an article."""

    start: int
    end: int
    entity: EntityId


@dataclass(slots=True)
class Observation:
    """One thing a sentence says, before merging across articles."""

    kind: str  # "role" | "participation" | "description" | "attribute"
    slot: str  # "drafting resolution", "participation", "task", "duration", ...
    value: str  # label or clause shown to the reader
    text: str  # the surface wording (a claim variant)
    cite: Cite
    actors: tuple[EntityId, ...] = ()
    key: str = ""  # merge key inside the slot
    negated: bool = False
    condition: str | None = None
    condition_cite: Cite | None = None
    rank: int = 0  # strength of a participation label (higher = firmer)


# ---------------------------------------------------------------------------------------
# shared helpers
# ---------------------------------------------------------------------------------------

# Words after which a new clause (with its own subject) starts.
_CLAUSE_BOUNDARY = re.compile(
    r"(?:\b(?:that|which|who|but|although|though|while|whereas|because|after|before|when|as"
    rf"|if|unless|{alternation(CORE_SPEECH_FORMS)})\b|[;:\"“”()—])",
    re.I,
)
_ACCORDING = re.compile(r"\baccording to\b[^,.;]*,?", re.I)
# A period after a capital ("U.N.") is an abbreviation, not the end of the clause.
_CLAUSE_END = re.compile(
    r"(?<![A-Z])\.(?=\s|$)|[;!?\"“”()]|,\s|\s[—–-]\s|"
    rf"\s(?:according to|(?:{alternation(UNNAMED_SOURCES)}) said)\b"
)
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n['’]t\b", re.I)
_PRONOUN = re.compile(r"\b(?:it|they|its|their)\b", re.I)


def _clause_end(text: str, pos: int, limit: int) -> int:
    """Offset where the clause that goes on at ``pos`` ends (at most ``limit``)."""
    m = _CLAUSE_END.search(text, pos, limit)
    end = m.start() if m else limit
    while end > pos and text[end - 1] in " ,":
        end -= 1
    return end


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    """Offset where the clause containing ``pos`` starts (after the last boundary word)."""
    start = sent_start
    for m in _CLAUSE_BOUNDARY.finditer(text, sent_start, pos):
        start = m.end()
    return start


def _actors_in(
    mentions: Sequence[ActorMention], start: int, end: int, text: str
) -> list[ActorMention]:
    """Actor mentions inside ``[start, end)``, minus those in an "according to ..." aside."""
    asides = [(m.start(), m.end()) for m in _ACCORDING.finditer(text, start, end)]
    return [
        m for m in mentions
        if start <= m.start and m.end <= end and not any(s <= m.start < e for s, e in asides)
    ]  # fmt: skip


def _unique(ids: Sequence[EntityId]) -> tuple[EntityId, ...]:
    return tuple(dict.fromkeys(ids))


def _conditional(text: str, pos: int, limit: int) -> tuple[str, Cite | None, int, int] | None:
    """The first condition clause ("if ...", "unless ...", "without ...") after ``pos``."""
    m = _CONDITION.search(text, pos, limit)
    if not m:
        return None
    end = _clause_end(text, m.end(), limit)
    if end <= m.start():
        return None
    return text[m.start() : end], None, m.start(), end


_CONDITION = re.compile(
    r"\b(?:only if|if|unless|provided(?: that)?|as long as|on condition that|without|once)\s", re.I
)


# ---------------------------------------------------------------------------------------
# roles: who drafts / sponsors / leads
# ---------------------------------------------------------------------------------------

_AUX = r"(?:is|are|was|were|be|been|being|has|have|had|will|would|to|in)"
_ROLE_VERBS: dict[str, str] = {
    "drafting": (
        r"draft(?:ing|ed)?|finali[sz](?:e|ed|ing)|craft(?:ing|ed)?|prepar(?:e|ed|ing)|writ(?:e|ing)"
        r"|circulat(?:e|ed|ing)|introduc(?:e|ed|ing)|(?:co-)?sponsor(?:ed|ing)?|tabl(?:e|ed|ing)"
        r"|put(?:ting)? forward"
    ),
    "leading": r"lead(?:ing)?|led|command(?:ed|ing)?|head(?:ed|ing)?",
}
_ROLE_RE = {
    role: re.compile(rf"\b(?P<aux>{_AUX})\s+(?:\w+\s+){{0,2}}?(?P<verb>{verbs})\b", re.I)
    for role, verbs in _ROLE_VERBS.items()
}
_DRAFT_OBJECTS = r"resolution|bill|law|legislation|treaty|agreement|text|proposal|declaration|statement|plan|deal"
_OBJECT_RE = {
    "drafting": re.compile(rf"^(?:\s+[\w.'’-]+){{0,6}}?\s+(?P<obj>{_DRAFT_OBJECTS})\b", re.I),
    "leading": re.compile(
        r"^(?:\s+[\w.'’-]+){0,5}?\s+(?P<obj>"
        + "|".join(h for h, k in KIND_HEADS.items() if k == "force")
        + r")\b",
        re.I,
    ),
}


def _roles(text: str, s: int, e: int, mentions: Sequence[ActorMention]) -> list[Observation]:
    out: list[Observation] = []
    for role, rx in _ROLE_RE.items():
        for m in rx.finditer(text, s, e):
            verb = m.group("verb").lower()
            aux = m.group("aux").lower()
            passive = aux in PASSIVE_AUXILIARIES and verb.endswith(("ed", "led"))
            om = _OBJECT_RE[role].match(text[m.end() : e])
            if passive:
                om = None
                by = re.match(r"\s+by\s+", text[m.end() : e])
                if not by:
                    continue
                agent_end = _clause_end(text, m.end() + by.end(), e)
                actors = _actors_in(mentions, m.end(), agent_end, text)
                # the object of a passive role is its grammatical subject
                subj = re.search(
                    rf"\b({_DRAFT_OBJECTS}|{'|'.join(KIND_HEADS)})\b", text[s : m.start()], re.I
                )
                if not subj:
                    continue
                obj = subj.group(1).lower()
                start, end = s + subj.start(), agent_end
            else:
                if not om:
                    continue
                obj = om.group("obj").lower()
                start = _clause_start(text, s, m.start())
                actors = _actors_in(mentions, start, m.start(), text)
                if not actors:
                    continue
                start, end = actors[0].start, m.end() + om.end()
            if not actors or _NEGATION.search(text, m.start(), m.end()):
                continue
            label = "drafting" if role == "drafting" else "leading"
            out.append(
                Observation(
                    kind="role",
                    slot=f"{label} the {obj}",
                    value="",
                    text=text[start:end],
                    cite=Cite("", start, end),
                    actors=_unique([a.entity for a in actors]),
                    key=f"{label}:{obj}",
                )
            )
    return out


# ---------------------------------------------------------------------------------------
# participation: pledges, offers, approaches
# ---------------------------------------------------------------------------------------

_PARTICIPATION = re.compile(
    r"(?P<pledged>\b(?:pledg(?:e|es|ed|ing)|offer(?:s|ed|ing)?|commit(?:s|ted|ting)?|volunteer(?:s|ed)?)\b)"
    r"|(?P<ready>\b(?:ready|prepared|willing)\s+to\b)"
    r"|(?P<willing>\b(?:willingness|readiness|interest)\s+(?:in|to)\b|\binterested\s+in\b)"
    r"|(?P<approached>\b(?:approached|under\s+consideration|considering\s+participation|considered)\b)",
    re.I,
)
_PARTICIPATION_OBJECT = re.compile(
    r"\b(?:troops|soldiers|personnel|police|engineers|units|contribut\w*|participat\w*|join\w*"
    r"|take part|taking part|send\w*|deploy\w*)\b",
    re.I,
)
_GROUP_NOUN = re.compile(
    r"\b(?:nations|countries|states|governments|partners|members|allies)\b", re.I
)
_RANK = {"pledged": 4, "ready": 3, "willing": 2, "approached": 1}
_LABEL = {
    "pledged": "pledged or offered a contribution",
    "ready": "ready to take part",
    "willing": "willing to take part",
    "approached": "approached or under consideration",
}
_INCLUDE = re.compile(r"\binclud(?:e|es|ed|ing)\b", re.I)
_PARTICIPANT_TYPES = {"GPE", "ORG", "NORP", "LOC"}


def _participation(
    text: str,
    s: int,
    e: int,
    mentions: Sequence[ActorMention],
    types: dict[EntityId, str],
    focal: Sequence[tuple[int, int]],
) -> list[Observation]:
    out: list[Observation] = []
    for m in _PARTICIPATION.finditer(text, s, e):
        group = m.lastgroup or "approached"
        tail_end = _clause_end(text, m.end(), e) if group != "approached" else e
        reach = min(e, m.end() + 120)
        inc = _INCLUDE.search(text, m.end(), e) or (
            _INCLUDE.search(text, s, m.start()) if group == "approached" else None
        )
        # "countries approached by X include A, B and C": a list of states approached is
        # about taking part even without the word "troops"
        listed = (
            group == "approached"
            and inc is not None
            and _GROUP_NOUN.search(text, s, m.start())
            and len(_actors_in(mentions, inc.end(), e, text)) >= 2
        )
        if (
            not listed
            and not _PARTICIPATION_OBJECT.search(text, m.start(), reach)
            and not any(m.end() <= fs < reach for fs, _ in focal)
        ):
            continue  # an offer of something else ("offered support", "its own mission")
        if inc and inc.start() >= m.start() - 120:
            lst_end = (
                _clause_end(text, inc.end(), e) if text[inc.end() : inc.end() + 1] != "," else e
            )
            lst_end = max(lst_end, min(e, inc.end() + 1))
            actors = _actors_in(mentions, inc.end(), e, text)
            cite_start, cite_end = (
                min(m.start(), inc.start()),
                max(lst_end, actors[-1].end if actors else lst_end),
            )
        else:
            start = _clause_start(text, s, m.start())
            actors = _actors_in(mentions, start, m.start(), text)
            if not actors and _PRONOUN.search(text, start, m.start()):
                # "Chile said it is prepared": "it" is the nearest actor before the clause
                actors = _actors_in(mentions, s, start, text)[-1:]
            elif actors and _GROUP_NOUN.search(text, actors[-1].end, m.start()):
                continue  # "X met countries keen to join": the keen ones are not X
            actors = [a for a in actors if types.get(a.entity, "GPE") in _PARTICIPANT_TYPES]
            if not actors:
                continue
            cite_start, cite_end = actors[0].start, tail_end
        actors = [a for a in actors if types.get(a.entity, "GPE") in _PARTICIPANT_TYPES]
        if not actors:
            continue
        negated = bool(_NEGATION.search(text, max(s, m.start() - 25), m.start()))
        cond = _conditional(text, m.end(), e)
        cond_text, cond_cite = None, None
        if cond:
            cond_text = cond[0]
            cond_cite = Cite("", cond[2], cond[3])
            cite_end = max(cite_end, cond[3])
        words = text[m.start() : tail_end].split()
        surface = " ".join(words[:12])
        out.append(
            Observation(
                kind="participation",
                slot="participation",
                value=("will not take part" if negated else _LABEL[group]),
                text=surface,
                cite=Cite("", cite_start, cite_end),
                actors=_unique([a.entity for a in actors]),
                key="participation",
                negated=negated,
                condition=cond_text,
                condition_cite=cond_cite,
                rank=0 if negated else _RANK[group],
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# descriptions of the focus: "will not be a combat mission"
# ---------------------------------------------------------------------------------------

_NEG_COPULA = re.compile(
    r"(?:\b(?:not|never)\s+(?:\w+\s+){0,3}?be|\b(?:is|are|was|were)(?:\s+not|n['’]t))\s+(?:an?|the)?\s*$",
    re.I,
)


def _descriptions(text: str, phrases: Sequence[KindPhrase], focus: Focus) -> list[Observation]:
    out: list[Observation] = []
    mentions = {(p.article, p.start) for p in focus.mentions}
    for p in phrases:
        if not p.content:
            continue
        left = text[max(p.sentence[0], p.start - 40) : p.start]
        neg = _NEG_COPULA.search(left)
        if neg:
            # the subject of "is not a ..." must be the focus (a mention in the same clause)
            if not any(
                q.article == p.article and q.sentence == p.sentence and q.end <= p.start
                and (q.article, q.start) in mentions
                for q in focus.mentions
            ):  # fmt: skip
                continue
            start = p.start - len(left) + neg.start()
        elif (p.article, p.start) in mentions:
            start = p.start
        else:
            continue
        typ = p.mods[-1] if p.mods[-1] not in {"un", "formal", "international"} else None
        if typ is None:
            continue
        out.append(
            Observation(
                kind="description",
                slot="description",
                value=text[start : p.end],
                text=text[start : p.end],
                cite=Cite(p.article, start, p.end),
                key=typ,
                negated=bool(neg),
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# attributes of the focus
# ---------------------------------------------------------------------------------------

_TASK_VERBS = (
    r"monitor|train|support|secure|oversee|protect|stabili[sz]e|disarm|demilitari[sz]e|ensure|uphold"
    r"|help|assist|facilitate|patrol|guard|maintain|enforce|police|rebuild|deliver|keep"
)
_ATTRIBUTES: dict[str, list[re.Pattern[str]]] = {
    "task": [
        re.compile(r"\btasked\s+with\s+", re.I),
        re.compile(r"\b(?:aims?|aimed|intended|designed|mandated|meant)\s+to\s+", re.I),
        re.compile(rf"\b(?:would|will|could|should)\s+(?:also\s+)?(?=(?:{_TASK_VERBS})\b)", re.I),
        re.compile(
            r"\b(?:goal|purpose|role|mission|job|task)\s+(?:is|would be|will be)\s+to\s+", re.I
        ),
        re.compile(r"\bto\s+carry\s+out\s+", re.I),
    ],
    "duration": [
        re.compile(
            r"\b(?:until|through|till|to)\s+(?:the\s+end\s+of\s+|mid-|early\s+|late\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\b"
        ),
        re.compile(
            r"\bfor\s+(?:an?\s+)?(?:initial\s+)?(?:period\s+of\s+)?(?:\d+|one|two|three|four|five|six|twelve|eighteen)\s+(?:years?|months?)\b",
            re.I,
        ),
        re.compile(r"\b(?:expire|expires|expiring)\b[^.;,]*", re.I),
        re.compile(r"\b(?:any\s+)?renewal\b[^.;]*|\brenew(?:ed|able)\b[^.;]*", re.I),
    ],
    "command": [
        re.compile(r"\bunder\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}?command\b", re.I),
        re.compile(r"\b(?:not\s+)?(?:be\s+)?(?:led|commanded|headed)\s+by\s+", re.I),
        re.compile(
            r"\b(?:operat\w*|work\w*|act\w*)\s+in\s+(?:close\s+)?coordination\s+with\s+", re.I
        ),
        re.compile(r"\bchain\s+of\s+command\b", re.I),
    ],
    "legal basis": [
        re.compile(
            r"\b(?:(?:U\.?N\.?|United Nations)\s+)?Security Council(?:[- ][\w-]+)?\s+resolution\b",
            re.I,
        ),
        re.compile(r"\b(?:(?:clear|international|U\.?N\.?|UN|formal)\s+){1,2}mandate\b", re.I),
        re.compile(
            r"\bChapter\s+(?:\d+|[IVX]+)\b(?:\s+of\s+the\s+(?:U\.?N\.?|United Nations)\s+Charter)?"
        ),
        re.compile(r"\btake all necessary measures\b", re.I),
        re.compile(r"\binternational\s+(?:agreement|legitimacy|backing)\b", re.I),
        re.compile(r"\b(?:U\.?N\.?|United Nations)\s+authori[sz]ation\b", re.I),
    ],
    "status": [
        re.compile(
            r"\b(?:early\s+|working\s+)?drafts?\b[^.;]*?\b(?:shared|circulated|presented|submitted|introduced|distributed)\b[^.;]*",
            re.I,
        ),
        re.compile(r"\byet\s+to\s+be\s+(?:\w+\s+)?\w+ed\b", re.I),
        re.compile(
            r"\bexpected\s+to\s+(?:bring|put|submit|present|be\s+presented|be\s+put|go)\b[^.;,]*",
            re.I,
        ),
        re.compile(r"\b(?:to|for)\s+a\s+vote\b[^.;,]*", re.I),
        re.compile(
            r"\b(?:was|were|has been|have been)\s+(?:unanimously\s+)?(?:adopted|approved|passed|ratified|vetoed|rejected|signed)\b[^.;,]*",
            re.I,
        ),
    ],
    "open question": [
        re.compile(
            r"\bnot\s+yet\s+(?:been\s+)?(?:agreed|decided|clear|known|finali[sz]ed|determined|settled)\b",
            re.I,
        ),
        re.compile(
            r"\bstill\s+(?:being\s+\w+|under\s+(?:discussion|negotiation)|to\s+be\s+\w+)", re.I
        ),
        re.compile(r"\bremains?\s+(?:vague|unclear|uncertain|undecided|open)\b", re.I),
        re.compile(r"\btoo\s+early\s+to\b", re.I),
        re.compile(r"\b(?:unclear|uncertaint(?:y|ies)|lack\s+of\s+clarity)\b", re.I),
        re.compile(r"\b(?:currently\s+)?under\s+(?:discussion|negotiation)\b", re.I),
        re.compile(r"\breluctant\b", re.I),
    ],
}
# Attributes read from a short clause at the match; the rest keep the whole sentence.
_CLAUSE_SLOTS = {"task", "duration", "command", "legal basis"}
_AVOID = re.compile(
    r"\b(?:avoid\w*|rather than|instead of|oppos\w*|against|prevent\w*)\b[\w\s]{0,20}$", re.I
)


_DRAFT_WORDS = re.compile(rf"\b(?:{_DRAFT_OBJECTS}|drafts?)\b", re.I)
# Slots whose clause must have the focus as its subject ("the force would monitor").
_SUBJECT_SLOTS = {"task", "command"}
_IT = re.compile(r"\b(?:it|its)\b", re.I)


def _attributes(
    text: str,
    s: int,
    e: int,
    article_id: str,
    focal: Sequence[tuple[int, int]],
    slots: Sequence[str] | None = None,
) -> list[Observation]:
    out: list[Observation] = []
    for slot, patterns in _ATTRIBUTES.items():
        if slots is not None and slot not in slots:
            continue
        for rx in patterns:
            for m in rx.finditer(text, s, e):
                if slot in _SUBJECT_SLOTS:
                    cs = _clause_start(text, s, m.start())
                    if not any(cs <= fs and fe <= m.start() for fs, fe in focal) and not (
                        _IT.match(text, cs) or _IT.match(text[cs:].lstrip())
                    ):
                        continue
                if slot in _CLAUSE_SLOTS:
                    start = m.start()
                    if slot == "task":
                        start = m.end()
                    end = _clause_end(text, m.end(), e) if slot != "legal basis" else m.end()
                    if slot == "duration" and m.end() > end:
                        end = m.end()
                else:
                    start, end = _sentence_part(text, s, e, m.start(), m.end())
                if end - start < 3:
                    continue
                negated = slot == "legal basis" and bool(
                    _AVOID.search(text, max(s, start - 30), start)
                )
                if negated:
                    start = _AVOID.search(text, max(s, start - 30), start).start()  # type: ignore[union-attr]
                if slot == "task":
                    for ps, pe in _split_tasks(text, start, end):
                        out.append(_attr(slot, text, ps, pe, article_id))
                    continue
                out.append(_attr(slot, text, start, end, article_id, negated))
    return out


def _attr(
    slot: str, text: str, start: int, end: int, article_id: str, negated: bool = False
) -> Observation:
    value = text[start:end].strip(" ,")
    return Observation(
        kind="attribute", slot=slot, value=value, text=value,
        cite=Cite(article_id, start, end), key=_attr_key(slot, value), negated=negated,
    )  # fmt: skip


def _attr_key(slot: str, value: str) -> str:
    words = [norm_word(w) for w in re.findall(r"[\w.'-]+", value)]
    if slot == "legal basis":
        drop = {"u.n", "un", "united", "nations", "a", "an", "the", "clear", "formal", "potential"}
        words = [w for w in words if w not in drop]
    return " ".join(words)


def _split_tasks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "clearing mines and training police" into its two tasks."""
    first = re.match(r"\w+", text[start:end])
    if not first:
        return [(start, end)]
    ing = first.group(0).lower().endswith("ing")
    parts: list[tuple[int, int]] = []
    cur = start
    for m in re.finditer(r"\s+and\s+(?:also\s+)?(\w+)", text[start:end]):
        nxt = m.group(1).lower()
        if (ing and nxt.endswith("ing")) or (not ing and re.fullmatch(_TASK_VERBS, nxt)):
            parts.append((cur, start + m.start()))
            cur = start + m.start(1)
    parts.append((cur, end))
    return [(a, b) for a, b in parts if b - a > 3]


def _sentence_part(text: str, s: int, e: int, ms: int, me: int) -> tuple[int, int]:
    """The whole sentence when it is short, else the clause around the match."""
    if len(text[s:e].split()) <= 35:
        return s, e
    start = s
    for m in re.finditer(r"[,;:—]\s", text[s:ms]):
        start = s + m.end()
    end = _clause_end(text, me, e)
    return start, max(end, me)


# ---------------------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------------------


def find_observations(
    article: Article,
    mentions: Sequence[ActorMention],
    types: dict[EntityId, str],
    focus: Focus | None,
    phrases: Sequence[KindPhrase] = (),
) -> list[Observation]:
    """Every observation in ``article`` (cites carry the article id).

    Args:
        article: the cleaned article.
        mentions: its actor mentions, sorted by offset.
        types: entity id -> entity type (GPE, ORG, PERSON, ...).
        focus: the story's focal subject (attributes and descriptions need it).
        phrases: the article's kind phrases (``focus.kind_phrases``).
    """
    text = article.text
    out: list[Observation] = []
    focal = sorted(
        (p.start, p.end) for p in (focus.mentions if focus else []) if p.article == article.id
    )
    for s, e in sentence_spans(text):
        out.extend(_roles(text, s, e, mentions))
        out.extend(_participation(text, s, e, mentions, types, focal))
        if focus is not None and focus.about(article.id, s, e):
            out.extend(_attributes(text, s, e, article.id, focal))
        elif focus is not None and _DRAFT_WORDS.search(text, s, e):
            # the instrument that creates the focus has a status of its own ("drafts were shared")
            out.extend(_attributes(text, s, e, article.id, focal, slots=("status",)))
    if focus is not None:
        out.extend(_descriptions(text, phrases, focus))
    # one observation per (slot, span): two patterns can match the same words
    seen: set[tuple[str, int, int]] = set()
    out = [
        o for o in out
        if (o.slot, o.cite.start, o.cite.end) not in seen
        and not seen.add((o.slot, o.cite.start, o.cite.end))  # type: ignore[func-returns-value]
    ]  # fmt: skip
    for o in out:
        o.cite = Cite(article.id, o.cite.start, o.cite.end)
        if o.condition_cite is not None:
            o.condition_cite = Cite(article.id, o.condition_cite.start, o.condition_cite.end)
        if not o.value:
            o.value = o.text
    return out


# ---------------------------------------------------------------------------------------
# frames of reported figures: what a number counts (killed, injured, magnitude, price ...)
# ---------------------------------------------------------------------------------------

# Tokens around a number: words (hyphenated kept whole), numbers, and the punctuation that
# ends a clause. Hand-written rather than spaCy: it must work the same in ``--extractor
# rules`` mode, and only needs the few words on either side of the figure.
_FRAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[,;:()—–]|\s[-–]\s")
_FRAME_RIGHT = 6  # tokens read after a number (its noun and verb come after it)
_FRAME_LEFT = 4  # tokens read before it ("killing 10", "injured almost 50")
_WHEN_RE = re.compile(rf"\b(?:1[89]\d\d|20\d\d|{alternation(m.title() for m in MONTHS)})\b")
_UPDATE_RE = re.compile(rf"\b(?:{alternation(UPDATE_CUES)})\b", re.I)
_UPDATE_BEFORE_RE = re.compile(rf"\b(?:{alternation(UPDATE_CUES)})\s+(?:at\s+)?$", re.I)
# "the toll is now 12", "now at least 12 dead": the latest count, read right before the figure
_NOW_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(UPDATE_CUES_BEFORE)})\s+(?:at\s+least\s+|more\s+than\s+)?$", re.I
)
_OTHER_EVENT_RE = re.compile(rf"\b(?:{alternation(OTHER_EVENT_CUES)})\b", re.I)
_PART_BEFORE_RE = re.compile(rf"\b(?:{alternation(PART_BEFORE)})\s*$", re.I)
_PHRASE_BEFORE_RE = re.compile(
    rf"\b({alternation(FRAME_PHRASES_BEFORE)})\s+(?:about|around|some|nearly|almost|roughly|"
    r"more than|over|at least|an estimated|approximately)?\s*$",
    re.I,
)
# A figure in a list opened by "including" ("arms including 12 rifles, two pistols and 19
# belts"): the list runs from the opener to the figure through items only (no clause break
# but "and", no sentence punctuation).
_LIST_RE = re.compile(
    r"\b(?:including|such\s+as|among\s+them)\s+(?:(?!\b(?:which|who|while|but|when|after|"
    r"before|as|with)\b)[^.;:!?()])*$",
    re.I,
)
# "put the march at roughly 30,000", "the magnitude was estimated at 6.1": a value given to
# the noun phrase before "at" (active: the phrase after the verb; passive: before it)
_AT_HEDGE = (
    r"(?:about|around|some|nearly|almost|roughly|more\s+than|over|at\s+least|up\s+to|"
    r"an\s+estimated|approximately)?\s*"
)
_PUT_AT_RE = re.compile(
    r"(?:\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating|"
    r"pegged|pegs|set|sets)\s+(?P<np>(?:(?!\bat\b)[^.;:!?])*?)"
    r"|(?P<np2>\b(?:the|its|their|a)\s+[\w'’ -]{1,60}?)\s+(?:was|were|is|are|has\s+been|"
    r"had\s+been)\s+(?:put|placed|estimated|pegged|set))\s+at\s+" + _AT_HEDGE + r"$",
    re.I,
)
# "Alice Smith, 58, and ..." : a figure in commas right after a name is the person's age
_AGE_BEFORE_RE = re.compile(r"\b[A-Z][A-Za-z’'-]*[a-z],\s*$")
_AGE_AFTER_RE = re.compile(r"^\s*(?:,|\)|$)")
_PART_AFTER_RE = re.compile(rf"^\s*(?:\w+\s+){{0,2}}?(?:{alternation(PART_AFTER)})\b", re.I)


@dataclass(frozen=True, slots=True)
class FrameReading:
    """What one reported figure counts, read from the words of its clause.

    ``frame`` is the nearest frame word's frame ("killing 10 people" -> ``killed``),
    ``frames`` every frame named in the clause around the figure ("closed down 3.9
    percent" -> ``change`` and ``closing``), ``head`` the first word after the figure
    (its noun: "people", "km"), ``nouns`` the words of its noun phrase ("ak-47", "assault",
    "rifle"). ``part`` marks a part of another count ("30 of the 80"),
    ``other_event`` a figure placed in another event ("an earlier quake", "last year"),
    ``update`` a figure said to have moved ("the toll rose to 10"); ``when`` holds the
    years and months its sentence names ("In February, a quake ...": another time); ``sentence`` is its sentence's span.
    """

    frame: str | None
    frames: frozenset[str]
    head: str | None
    nouns: frozenset[str]
    part: bool
    other_event: bool
    update: bool
    when: frozenset[str]
    sentence: tuple[int, int]
    # in a list after "including" ("seized arms including 12 rifles, two pistols and ..."):
    # a part of the list's total, but the whole count of its own noun
    listed: bool = False


def _frames_of(token: str) -> list[str]:
    low = token.lower().strip("'’")
    if token in MONTH_NOUNS:
        return []  # "March 5": a month, not a march
    found = [FRAME_OF_FORM[low]] if low in FRAME_OF_FORM else []
    if "-" in low:
        parts = low.split("-")
        pairs = ["-".join(parts[i : i + 2]) for i in range(len(parts) - 1)]
        found += [FRAME_OF_FORM[p] for p in [*parts, *pairs] if p in FRAME_OF_FORM]
    return found


# A sentence that goes on about the previous one's subject ("It killed 612 people") is read
# with that sentence's time and event cues.
_CONTINUES_RE = re.compile(r"^(?:It|That|This|The same|Its|They)\b")


def _counted_noun(text: str, start: int, end: int, limit: int) -> list[str]:
    """The words a figure counts: the word run right after its number, its noun last
    ("seven AK-47 assault rifles" -> ak-47, assault, rifles; "10 people were killed" ->
    people)."""
    toks = [(m.group(), m.start()) for m in _FRAME_TOKEN.finditer(text, start, limit)]
    # after the figure's last number (a digit or a number word inside its own text)
    after = 0
    for i, (tok, pos) in enumerate(toks):
        if pos >= end:
            break
        if tok[:1].isdigit() or tok.lower() in NUMBER_WORDS:
            after = i + 1
    run: list[str] = []
    for tok, _pos in toks[after : after + 4]:
        word = tok.strip().lower()
        if not word[:1].isalpha() or word in stop_words() or word in FRAME_OF_FORM:
            break
        run.append(word)
    return run


def read_frame(
    text: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    previous: tuple[int, int] | None = None,
) -> FrameReading:
    """Read the frame of the figure at ``text[start:end]`` inside ``sentence`` (the
    ``previous`` sentence lends its time and event cues to one that goes on about it).

    The clause around the figure is read outwards from it, up to ``_FRAME_RIGHT`` tokens
    after and ``_FRAME_LEFT`` before, stopping at a clause break ("and", "which", a comma
    or semicolon: "killing 10 people and injuring 80" gives 10 ``killed`` and 80
    ``injured``). A comma right next to the figure is an apposition and is read through
    ("Scott Russell, 46, was injured"; "both 51, died").
    """
    s, e = sentence
    inside = [m.group() for m in _FRAME_TOKEN.finditer(text, start, end)]
    right = [(m.group(), m.start()) for m in _FRAME_TOKEN.finditer(text, end, e)]
    left = [(m.group(), m.start()) for m in _FRAME_TOKEN.finditer(text, s, start)][::-1]
    near: list[tuple[int, int, str]] = []  # (distance, side: 0 right / 1 left, frame)
    for tok in inside:
        near += [(0, 0, f) for f in _frames_of(tok)]
    run = _counted_noun(text, start, end, e)
    head = run[-1] if run else None
    # a figure with its own noun takes a frame from at most two words before it: further
    # back lies another figure's ("a magnitude 5.9 quake has leveled seven villages")
    left_limit = 2 if head and head not in FRAME_OF_FORM else _FRAME_LEFT
    for side, toks, limit in ((0, right, _FRAME_RIGHT), (1, left, left_limit)):
        n = 0
        for i, (tok, _pos) in enumerate(toks):
            word = tok.strip().lower()
            if not word[:1].isalnum():
                if i == 0 or (i == 1 and toks[0][0][:1].isdigit()):
                    continue  # an apposition comma next to the figure ("Russell, 46, was")
                break
            if word in CLAUSE_BREAKS and n > 0:
                break
            if (
                side == 0
                and n > 0
                and (word[:1].isdigit() or word in NUMBER_WORDS)
                and toks[i - 1][0].strip().lower() not in FRAME_PARTITIVE_WORDS
            ):
                break  # "cases rose to 610, with 14 deaths": the deaths are the 14's
            n += 1
            near += [(n, side, f) for f in _frames_of(tok)]
            if n >= limit:
                break
    phrase = _PHRASE_BEFORE_RE.search(text[max(s, start - 40) : start])
    if phrase:
        near.append((0, 1, FRAME_PHRASES_BEFORE[normalize_text(phrase.group(1))]))
    base = max(s, start - 120)
    listed = _LIST_RE.search(text[base:start])
    if listed and not near:
        # "seized arms including 12 rifles, two pistols": the verb that takes the list
        # frames every item of it
        back = [m.group() for m in _FRAME_TOKEN.finditer(text, s, base + listed.start())]
        for n, tok in enumerate(reversed(back[-_FRAME_LEFT:]), start=1):
            word = tok.strip().lower()
            if not word[:1].isalnum() or (word in CLAUSE_BREAKS and n > 1):
                break
            near += [(_FRAME_RIGHT + n, 1, f) for f in _frames_of(tok)]
    put = _PUT_AT_RE.search(text[max(s, start - 120) : start])
    if put:
        # "the survey put the quake's magnitude at 6.1", "the toll was put at 12": the figure
        # is the value of the noun phrase before "at", however far back its frame word is
        named = [
            f
            for tok in _FRAME_TOKEN.findall(put.group("np") or put.group("np2") or "")
            for f in _frames_of(tok)
        ]
        if named:
            near.append((0, 1, named[-1]))
    if _AGE_BEFORE_RE.search(text[max(s, start - 40) : start]) and _AGE_AFTER_RE.match(
        text[end : min(e, end + 3)]
    ):
        near = [(0, 0, "age")]
    sent = text[s:e]
    context = sent
    if previous is not None and _CONTINUES_RE.match(sent):
        # from the start of the paragraph: the previous sentence may itself be cut short
        para = text.rfind("\n", 0, previous[0]) + 1
        context = text[para:e]
    update = bool(
        _UPDATE_RE.search(sent) or _NOW_BEFORE_RE.search(text[max(s, start - 30) : start])
    )
    cue = _UPDATE_BEFORE_RE.search(text[max(s, start - 30) : start])
    if cue:
        # "the death toll from the blast rose to 14": the figure is the clause subject's
        # ("toll"), named before the verb, however far
        before = [m.group() for m in _FRAME_TOKEN.finditer(text, s, start - (len(cue.group())))]
        subject = [f for tok in before for f in _frames_of(tok) if f != "change"]
        if subject:
            near.append((0, 1, subject[-1]))
    if update and any(f != "change" for _, _, f in near):
        # "the toll rose to 14": the motion is the update, the frame is what is counted
        near = [n for n in near if n[2] != "change"]
    near.sort()
    return FrameReading(
        frame=near[0][2] if near else None,
        frames=frozenset(f for _, _, f in near),
        head=head,
        nouns=frozenset(re.sub(r"s$", "", w) for w in run),
        part=bool(_PART_BEFORE_RE.search(text[max(s, start - 30) : start]))
        or bool(_PART_AFTER_RE.match(text[end : min(e, end + 30)])),
        other_event=bool(_OTHER_EVENT_RE.search(context)),
        update=update,
        when=frozenset(m.lower() for m in _WHEN_RE.findall(context)),
        sentence=(s, e),
        listed=bool(listed),
    )
