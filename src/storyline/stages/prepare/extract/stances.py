"""Stances: who supports, opposes, demands, offers, pledges, conditions, warns … about what.

The type set is fixed and documented in ``docs/stances.md`` (:data:`STANCE_TYPES`). It is
anchored on PLOVER (the Political Language Ontology for Verifiable Event Records), whose
verbal-cooperation and conflict categories fit what news reports actors *saying* about an
initiative, plus ``pledge``, ``offer`` and ``condition``, which PLOVER folds into AGREE
and REQUEST but which a story about a force in formation needs apart.

How a stance is found, sentence by sentence:

1. A trigger phrase from a hand-curated lexicon ("ready to", "pledged", "calls for",
   "does not want", "must", "warned", "in coordination with" …) gives the type.
2. A negation right before the trigger flips or drops it ("will not commit troops").
3. A condition clause after it ("if …", "unless …", "only if …", "provided that …",
   a negated clause's "without …", "based on …") or a leading "If …," becomes
   ``Stance.condition``: the text of what must hold, marker removed, except "unless",
   kept verbatim ("unless it is renegotiated": the negation of "if"). A negated trigger
   with "without"/"unless", a "would only … if" clause and "require" by an actor are of type
   ``condition``; an offer or pledge with an "if" keeps its type and carries the condition.
4. The actor is the grammatical subject of the trigger: with a spaCy ``Doc`` by climbing
   the dependency tree (xcomp/acomp/conj links share the subject, "which" is the noun the
   clause modifies, "it"/"they" in a reported clause is the reporter's subject); without
   one, the first entity of the clause that is not the object of a preposition. Inside a
   quotation "we"/"I" is the speaker; an unnamed source stands for its affiliation
   ("an Israeli official" -> Israel). A demand voiced as "X must …" / "it needs to …" /
   "it is crucial that …" is the speaker's demand (never X's own; with no speaker, no
   stance). An infinitive under an object-control verb ("drove farmers to demand") is the
   object's, unless the verb only asks or presses ("asked Roe to support …": Roe was only
   asked, so no one's; "asked X to …" is the asker's request); a passive trigger without its agent, a trigger used as an adverb, particle or
   prenominal modifier ("pushed back", "pledged delegates") and an actor its own target
   opens with give no stance.
5. The target is the complement of the trigger, cut at the condition and at the next
   clause, at most 25 words.

6. The polarity (``polarity.py``): a stance under a denial ("denied seeking weapons"), a
   negated report, a question, a hypothetical or a condition is marked so (``denied``,
   ``questioned``, ``hypothetical``, ``conditional``) with its type unchanged, and gets a
   confidence (``polarity.stance_confidence``).

Stances whose actor cannot be found, or is a thing rather than an actor ("a declaration
supporting …"), are dropped. Every stance cites its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from storyline.lang import (
    CORE_SPEECH_FORMS,
    NEGATION_CUES,
    PERSONAL_TITLES,
    PRONOUNS,
    QUOTE_SPEECH_FORMS,
    REFERRING_PRONOUNS,
    SPEECH_LEMMAS,
    UNSAID_VERBS,
    WEEKDAYS,
    alternation,
)
from storyline.lang.claims import CLAIM_REPORT_LEMMAS, REPORTING_BODY_NOUNS
from storyline.lang.en import (
    INDIRECT_SPEECH_FORMS,
    NOT_IN_SUBJECT_GAP,
    NOT_VERB_TRIGGER_WORDS,
    PERMISSION_ADJECTIVES,
    PERSON_ROLE_NOUNS,
    REQUIRING_MARKERS,
    SKIP_BEFORE_TRIGGER,
    SOURCING_REQUEST_OBJECTS,
    STANCE_ACTOR_MODIFIERS,
    STANCE_ACTOR_NOUNS,
    STANCE_ACTOR_PLURALS,
    STANCE_AMBIGUOUS_POSSESSOR_NOUNS,
    STANCE_CLAUSE_OPENERS,
    STANCE_CONDITION_MARKERS,
    STANCE_DETERMINERS,
    STANCE_DIRECTIVE_FORMS,
    STANCE_DIRECTIVE_VERBS,
    STANCE_NEGATION_FLIPS,
    STANCE_OBJECT_CONTROL_VERBS,
    STANCE_OF_GOVERNMENT_NOUNS,
    STANCE_PARTITIVE_SUBJECTS,
    STANCE_PREPOSITIONS,
    STANCE_TITLE_GLUE_WORDS,
    WHETHER_IF_HEADS,
    WHETHER_IF_LEMMAS,
)
from storyline.models import CONFIDENCE_THRESHOLD, Article, Cite, Entity, Stance
from storyline.stages.prepare.extract._clauses import (
    entity_at,
    np_span,
    resolve_entity,
    subject_of,
)
from storyline.stages.prepare.extract.context import ArticleContext, Sentences
from storyline.stages.prepare.extract.coref import Coref, for_context, nominal_head
from storyline.stages.prepare.extract.polarity import certainty, read_polarity, stance_confidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["STANCE_TYPES", "extract_stances"]

STANCE_TYPES: dict[str, str] = {
    "support": "Backs, endorses, welcomes or praises the target (PLOVER SUPPORT).",
    "oppose": "Is against the target, wants to avoid or prevent it, or is reluctant to accept it "
    "(PLOVER REJECT, softer: no formal refusal).",
    "reject": "Refuses, rules out or turns down the target, or says it will not do it (PLOVER REJECT).",
    "agree": "Agrees to, accepts, approves or signs the target (PLOVER AGREE).",
    "concede": "Backs down, yields or drops an objection to the target (PLOVER CONCEDE).",
    "demand": "Insists that the target happen: demands, calls for, urges, wants to ensure, "
    "says it must (PLOVER REQUEST, demanding form).",
    "request": "Asks or seeks the target without insisting (PLOVER REQUEST).",
    "condition": "Makes its action or acceptance depend on the target: will act only if, or not "
    "without, something holds; ``condition`` holds what must hold.",
    "pledge": "Commits to the target: pledges, promises, vows, commits (PLOVER AGREE to act).",
    "offer": "Says it is ready, willing or interested to do the target, or offers it "
    "(PLOVER COOPERATE/AID, offered).",
    "warn": "Warns about or against the target (PLOVER THREATEN, without a threat of its own action).",
    "threaten": "Threatens the target (PLOVER THREATEN).",
    "accuse": "Criticises, condemns, denounces, blames or accuses the target (PLOVER ACCUSE).",
    "consult": "Talks with, meets or consults the target (PLOVER CONSULT).",
    "cooperate": "Works with or coordinates with the target (PLOVER COOPERATE).",
    "aid": "Provides or sends aid, troops, funds or equipment (PLOVER AID).",
    "retreat": "Withdraws or pulls back (PLOVER RETREAT).",
}

# Negation right before a trigger ("will not commit", "doesn't back").
# "n't" is written inside its word ("hasn't", "won't"): no word boundary before it
# abbreviations whose full stop ends no target ("Mr.", "St.")
_SHORT_TITLES = alternation((*PERSONAL_TITLES, "St"))
_WORD_NEGATIONS = [c for c in NEGATION_CUES if not c.startswith(("n'", "n’"))]
# A gap word may sit in quotation marks: she is “not ready” to support (the marks quote the
# speaker's words; the negation still governs the trigger).
# "never, ever want": the comma of a repeated "ever" keeps the negation.
_NEG = re.compile(
    rf"(?:\b(?:{alternation(_WORD_NEGATIONS)})|n['’]t)(?:,\s*ever\b)?[”\"’]?\s+(?:[“\"‘]?\w+[”\"’]?\s+){{0,2}}$",
    re.I,
)
# "whether or not Kestria wants to sign": "not" offers the alternative, it negates nothing
_ALTERNATIVE_NOT = re.compile(r"\bwhether\s+or\s*$", re.I)


# A trigger inside a free relative clause ("much of what the base doesn't want to hear",
# "what Roe wants"): the clause names a thing, it states no one's stance. The parse settles
# this in spaCy mode; the rules read "what" + a few words with no clause break.
_FREE_RELATIVE = re.compile(r"\bwhat\s+(?:[\w'’.-]+\s+){0,5}$", re.I)


_GAP_WORD = re.compile(r"[\w'’]+")
# Verbs of saying between a negation and a trigger: the negation stays with the report.
_REPORTS_NOT_RAISING = frozenset(f for f in INDIRECT_SPEECH_FORMS if not f.startswith("believ"))


def _negated_before(text: str, lo: int, start: int) -> bool:
    """Whether a negation stands right before a trigger at ``start`` (``_NEG``), not the
    "or not" of "whether or not" (an alternative: "whether or not Kestria wants to sign"
    is no refusal)."""
    m = _NEG.search(text[lo:start])
    if m is None or _ALTERNATIVE_NOT.search(text[max(0, lo - 12) : lo + m.start()]):
        return False
    # "I did not say I support the dam": the negation is the report's, not the trigger's.
    # A verb of saying passes no negation down to its clause (unlike "think" / "believe":
    # "I don't believe we support it" does mean "we do not"); the report's denial is read by
    # the polarity stage, so flipping here as well would turn a denied "support" into a
    # denied "oppose".
    gap = _GAP_WORD.findall(m.group(0).lower())[1:]
    return not any(w in _REPORTS_NOT_RAISING for w in gap)


# A negation in the perfect or with "yet" says a thing has not happened, not a refusal.
_NOT_YET = re.compile(
    r"(?:\b(?:has|have|had)\s+(?:not|never)|\b(?:hasn|haven|hadn)['’]t|\byet)\s+(?:\w+\s+)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Lex:
    stance: str
    pattern: re.Pattern[str]
    keys: tuple[str, ...]  # the forms of the key word (group "k")
    words: tuple[str, ...] | None  # one of these is in every match (``_required_words``)
    negatable: bool = True
    modal: bool = False  # "must", "needs to": a demand about the clause, voiced by a speaker
    requires_condition: bool = False  # "decide whether to … based on": only with a condition
    object_target: bool = False  # the target is the trigger's object NP ("in talks with X")
    key_target: bool = False  # the target starts at the key word ("would only [join] if")


def _lx(stance: str, pattern: str, keys: str, *, words: str = "", **kw: bool) -> _Lex:
    """A lexicon entry: ``pattern`` with ``{k}`` where the key word goes, ``keys`` its forms.

    The key word (the one whose subject is the actor) becomes group "k", an alternation of
    ``keys``; ``words`` (default: ``keys``) are the words the fast path looks for.
    """
    forms = tuple(keys.split())
    rx = pattern.replace("{k}", f"(?P<k>{alternation(forms)})")
    need = _required_words(tuple(words.split()) or forms)
    return _Lex(stance, re.compile(rx, re.I), forms, need, **kw)


def _required_words(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words a sentence is checked for before a pattern is tried on it.

    Every match of an entry's pattern contains one of its key forms, so a sentence holding
    none of them is skipped (trying 83 patterns on every sentence was most of this stage's
    time). A form that contains another is dropped ("pledges" holds "pledge"); ``None``
    (always try the pattern) when a word is shorter than three letters.
    """
    low = [w.lower() for w in words]
    kept = tuple(dict.fromkeys(w for w in low if not any(o != w and o in w for o in low)))
    if not kept or min(len(w) for w in kept) < 3:
        return None
    return kept


_POSS = r"(?:its\s+|their\s+|his\s+|her\s+)?"
# One entry per trigger: its type, its pattern around the key word, the key word's forms.
_LEXICON: list[_Lex] = [
    # not "poised to": "Roe is poised to win" is the writer's forecast, no one's offer
    _lx("offer", r"\b{k}\s+to\b", "ready prepared willing"),
    _lx(
        "offer",
        rf"\b{{k}}\s+{_POSS}(?:willingness|readiness)\s+to\b",
        "express expressed expresses expressing",
        words="willingness readiness",
    ),
    _lx(
        "offer",
        rf"\b{{k}}\s+{_POSS}interest\s+in\b",
        "express expressed expresses expressing",
        words="interest",
    ),
    _lx("offer", r"\b{k}\s+in\b", "interested"),
    _lx("offer", r"\b{k}(?:\s+to)?\b", "offer offers offered offering"),
    _lx("offer", r"\b{k}\s+to\b", "volunteer volunteers volunteered"),
    _lx(
        "pledge",
        r"\b{k}(?:\s+to)?\b",
        "pledge pledges pledged pledging promise promises promised promising vow vows vowed vowing",
    ),
    _lx(
        "pledge",
        r"\b{k}(?:\s+to)?\b(?!\s+(?:a|an|the)\s+(?:crime|attack|violation))",
        "commit commits committed committing",
    ),
    _lx("demand", r"\b{k}(?:\s+that)?\b", "demand demands demanded demanding"),
    _lx("demand", r"\b{k}\s+(?:on|that)\b", "insist insists insisted insisting"),
    _lx("demand", r"\b{k}\s+for\b", "call calls called calling"),
    # "urging on the fans", "was urged on by the crowd": the phrasal verb cheers someone
    # on, no demand (a day after "on" keeps the demand: "urged on Monday that …")
    _lx(
        "demand",
        rf"\b{{k}}\b(?!\s+on\b(?!\s+(?:{alternation(WEEKDAYS)})\b))",
        "urge urges urged urging",
    ),
    _lx("demand", r"\b{k}\s+for\b", "press presses pressed pressing"),
    _lx("demand", r"\b{k}\s+(?:for|to\s+ensure|to)\b", "push pushes pushed pushing"),
    _lx(
        "demand",
        r"\b{k}\s+to\s+ensure\b",
        "want wants wanted wanting seek seeks seeking sought",
        words="ensure",
    ),
    _lx("demand", r"\b{k}\s+for\b", "aim aims aimed aiming"),
    _lx("demand", r"\b{k}\b(?!\s+to\s+ensure)", "want wants wanted"),
    _lx("demand", r"\b{k}\b(?!-)", "must", modal=True, negatable=False),
    _lx("demand", r"\b{k}\s+to\b", "need needs", modal=True, negatable=False),
    _lx(
        "demand",
        r"\b(?:it\s*(?:is|'s|’s)\s+)?{k}\s+that\b",
        "crucial essential vital imperative",
        modal=True,
        negatable=False,
    ),
    _lx("request", r"\b{k}\b", "request requests requested requesting"),
    _lx("request", r"\b{k}\s+(?:for|that)\b", "ask asks asked asking"),
    # "Holt asked Roe to resign": the asker's request, its object and infinitive the target
    _lx(
        "request",
        r"\b{k}\b(?=\s+(?:(?!(?:by|if|whether|that|about|what|how|why|when|where|who)\b)"
        r"[\w.’'-]+\s+){1,5}?to\s+[a-z])",
        "ask asks asked asking",
    ),
    _lx("request", r"\b{k}\s+(?:for|to)\b", "appeal appeals appealed appealing"),
    # "seeks a ceasefire" asks for a thing; "sought to win over the workers", "is seeking to
    # woo donors" is an attempt (as "tried to" is), no request of anyone ("seek to ensure",
    # "seek to block" are read by their own entries)
    _lx("request", r"\b{k}\b(?!\s+to\b)", "seek seeks seeking sought"),
    _lx("request", r"\b{k}\s+on\b", "call calls called calling"),
    _lx("condition", r"\b{k}\b", "require requires required requiring"),
    _lx(
        "condition",
        r"\b{k}\s+whether\s+to\b",
        "decide decides decided deciding",
        words="whether",
        requires_condition=True,
    ),
    _lx(
        "condition",
        r"\b(?:would|will|could|can)\s+only\s+(?P<k>[a-z]+)\b",
        "",
        words="only",
        key_target=True,
    ),
    _lx("oppose", r"\b{k}\b", "oppose opposes opposed opposing"),
    _lx("oppose", r"\b{k}\s+to\b", "object objects objected objecting"),
    _lx("oppose", r"\b{k}\b", "resist resists resisted resisting"),
    _lx("oppose", r"\b{k}\s+to\b", "reluctant hesitant unwilling loath"),
    _lx("oppose", r"\b{k}\b", "avoid avoids avoided avoiding"),
    _lx(
        "oppose",
        r"\b(?:(?:seek|seeks|seeking|sought|try|tries|tried|trying)\s+to\s+)?{k}\b",
        "prevent prevents prevented preventing block blocks blocked blocking",
    ),
    _lx("oppose", r"\b(?:do|does|did)\s*(?:not|n't|n’t)\s+{k}\b", "want", negatable=False),
    _lx("reject", r"\b{k}\b", "reject rejects rejected rejecting"),
    _lx("reject", r"\b{k}(?:\s+to)?\b", "refuse refuses refused refusing"),
    _lx("reject", r"\b{k}\s+out\b", "rule rules ruled ruling"),
    _lx("reject", r"\b{k}\b", "dismiss dismisses dismissed dismissing"),
    _lx("reject", r"\b{k}\s+down\b", "turn turns turned turning"),
    _lx("reject", r"\b{k}\s+to\b", "decline declines declined declining"),
    _lx("warn", r"\b{k}(?:\s+(?:against|that|of|about))?\b", "warn warns warned warning"),
    _lx("warn", r"\b{k}\s+(?:against|that)\b", "caution cautions cautioned cautioning"),
    _lx(
        "warn",
        r"\b{k}\s+(?:a\s+)?(?:\w+\s+)?warning\s+(?:against|that|about|of)\b",
        "issue issues issued issuing",
        words="warning",
    ),
    _lx("threaten", r"\b{k}(?:\s+to)?\b", "threaten threatens threatened threatening"),
    _lx("accuse", r"\b{k}\b", "accuse accuses accused accusing"),
    _lx(
        "accuse",
        r"\b{k}\b",
        "criticise criticises criticised criticising criticize criticizes criticized criticizing",
    ),
    _lx("accuse", r"\b{k}\b", "condemn condemns condemned condemning"),
    _lx("accuse", r"\b{k}\b", "denounce denounces denounced denouncing"),
    _lx("accuse", r"\b{k}\b", "blame blames blamed blaming"),
    _lx("support", r"\b{k}\b(?!\s+(?:of|from|for)\b)", "support supports supported supporting"),
    _lx(
        "support",
        r"(?<!its )(?<!their )(?<!his )(?<!her )(?<!the )(?<!pull )(?<!pulls )(?<!pulled )"
        # "pushed back against", "takes back", "came back": the particle, not the verb
        r"(?<!push )(?<!pushes )(?<!pushed )(?<!pushing )(?<!take )(?<!takes )(?<!took )"
        r"(?<!taking )(?<!come )(?<!came )(?<!bring )(?<!brought )(?<!fight )(?<!fought )"
        r"\b{k}\b(?!-)(?!\s+(?:down|off|away|out|to|in|up|by|and|from|on|home)\b)",
        "back backs backed",
    ),
    _lx("support", r"\b{k}\b", "endorse endorses endorsed endorsing"),
    _lx("support", r"\b{k}\b", "welcome welcomes welcomed welcoming"),
    _lx("support", r"\b{k}\b", "hail hails hailed hailing"),
    _lx("support", r"\b{k}\b", "praise praises praised praising"),
    _lx("support", r"\b{k}\b", "applaud applauds applauded applauding"),
    _lx("support", rf"\b{{k}}\s+{_POSS}support\s+for\b", "express expressed expresses expressing"),
    _lx("agree", r"\b{k}\s+(?:to|on|with)\b", "agree agrees agreed agreeing"),
    _lx("agree", r"\b{k}\b", "accept accepts accepted accepting"),
    _lx("agree", r"\b{k}\b", "approve approves approved approving"),
    _lx("agree", r"\b{k}\b(?=\s+(?:a|an|the|on)\b)", "sign signs signed"),
    _lx("agree", r"\b(?:wo|would|will)\s*(?:not|n't|n’t)\s+{k}\s+no\b", "say", negatable=False),
    _lx("concede", r"\b{k}\s+down\b", "back backs backed backing"),
    _lx("concede", r"\b{k}\b", "concede concedes conceded conceding"),
    _lx("concede", r"\b{k}\b", "relent relents relented relenting"),
    _lx("concede", r"\b{k}\s+in\b", "give gives gave giving"),
    _lx(
        "consult",
        r"\bin\s+{k}\s+(?:with|about|on)\b",
        "talks discussions conversations consultation consultations contact",
        object_target=True,
    ),
    _lx(
        "consult",
        r"\b{k}\s+talks\s+with\b",
        "held hold holds holding",
        words="talks",
        object_target=True,
    ),
    _lx(
        "consult",
        r"\b{k}(?:\s+with)?\b",
        "consult consults consulted consulting",
        object_target=True,
    ),
    _lx("consult", r"\b{k}\b", "debrief debriefs debriefed debriefing", object_target=True),
    _lx("consult", r"\b{k}(?:\s+with)?\b", "meet meets met", object_target=True),
    _lx("consult", r"\b{k}\b", "discuss discusses discussed discussing", object_target=True),
    _lx("cooperate", r"\bin\s+(?:close\s+)?{k}\s+with\b", "coordination", object_target=True),
    _lx(
        "cooperate",
        r"\b{k}\s+(?:closely\s+)?with\b",
        "work works worked working",
        object_target=True,
    ),
    _lx(
        "cooperate",
        r"\b{k}\s+with\b",
        "cooperate cooperates cooperated cooperating collaborate collaborates collaborated "
        "collaborating coordinate coordinates coordinated coordinating",
        object_target=True,
    ),
    _lx(
        "cooperate", r"\b{k}\s+with\b", "partner partners partnered partnering", object_target=True
    ),
    _lx(
        "aid",
        r"\b{k}\s+(?=(?:\w+\s+){0,2}(?:aid|assistance|funding|funds|troops|equipment|training|weapons|support)\b)",
        "provide provides provided providing",
    ),
    _lx(
        "aid",
        r"\b{k}\s+(?=(?:[\w,]+\s+){0,3}(?:troops|aid|forces|engineers|soldiers|supplies|weapons|police)\b)",
        "send sends sent sending",
    ),
    _lx(
        "aid",
        r"\b{k}\s+(?=(?:[\w,]+\s+){0,3}(?:troops|forces|engineers|soldiers|funds|police|personnel)\b)",
        "contribute contributes contributed contributing",
    ),
    _lx(
        "retreat", r"\b{k}\b", "withdraw withdraws withdrew withdrawn withdrawing", key_target=True
    ),
    _lx("retreat", r"\b{k}\s+(?:back|out)\b", "pull pulls pulled pulling", key_target=True),
    _lx("retreat", r"\b{k}\b", "retreat retreats retreated retreating", key_target=True),
]
_LEXICON_WORDS = tuple(lex.words for lex in _LEXICON)

# Condition markers; the condition runs from the marker to the end of its clause.
_COND = re.compile(
    r"\b(?P<m>only\s+if|only\s+when|only\s+with|only\s+after|if|unless"
    # "provided (that) the board pays", never the participle of "a document provided by"
    r"|provided(?:\s+that|(?!\s+(?:by|to|for|with|in|on|at|from|through|under|via)\b))"
    r"|on\s+(?:the\s+)?condition\s+that|as\s+long\s+as|so\s+long\s+as|based\s+on|subject\s+to"
    r"|conditional\s+(?:on|upon)|contingent\s+(?:on|upon)|depending\s+on|without)\s+",
    re.I,
)
_CORE_SPEECH = alternation(CORE_SPEECH_FORMS)
# What keeps a condition from the trigger before it: a sentence or clause break, or a later
# report with its own clause ("… and said Ada should …", "… said she …").
_OWNER_BREAK = (
    r"[;.]\s|,\s+(?:but|while|whereas)\b|\s[—–]\s"
    rf"|\band\s+(?:\w+\s+)?(?:{_CORE_SPEECH})\b"
    rf"|\b(?:{_CORE_SPEECH})\s+(?:that\s+)?(?:he|she|they|it|we|I)\b"
)
# Where a clause (and so a target or a condition) ends.
_CLAUSE_END = re.compile(
    # ", said the mayor": a report after the clause ends it, with or without words before
    r"\s*(?:[;:()\[\]]|\s[—–-]{1,2}\s|[—–]"
    r"|,[”\"’]?\s+(?=(?:which|who|whom|whose|while|whereas|but|although|though|because|since|as|according|"
    r"he|she|they|it|we|I|you|the\s+official|officials|diplomats|sources|[a-z]+ing|"
    rf"if|unless|so|yet|and\s+(?:he|she|they|it|we|the)\b|(?:[\w’'-]+\s+){{0,7}}?(?:{_CORE_SPEECH})\b)\b)"
    rf"|,[”\"’]?\s+(?=(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}\s+(?:{_CORE_SPEECH})\b)"
    r"|\s+but\s+|\s+(?:and|or)\s+(?=\w+ed\b\s+(?!by\b))|[.!?][”\"’]?\s*$|$)"
)
_ACTOR_NP = re.compile(
    rf"\b(?:(?:[A-Z][\w-]*|{'|'.join(STANCE_ACTOR_MODIFIERS)})\s+){{0,3}}"
    rf"(?:{'|'.join(STANCE_ACTOR_PLURALS)})\b"
)
_SPEECH_RX = alternation(QUOTE_SPEECH_FORMS)
_SPEECH_VERB = re.compile(rf"\b(?:{_SPEECH_RX})\b")
_SPEAKER_AFTER = re.compile(
    rf"[\s,.”\"’]*(?:(?P<a>[A-Z]?[\w.’'-]+(?:\s+[\w.’'-]+){{0,5}}?)\s+(?:{_SPEECH_RX})\b|(?:{_SPEECH_RX})\s+(?P<b>[^,.;“”\"]{{2,60}}?)(?=[,.;]|$))"
)
_SPEAKER_BEFORE = re.compile(
    rf"(?P<a>(?:[A-Z][\w.’'-]*|the|an?|one)(?:\s+[\w.’'-]+){{0,5}}?)\s+(?:{_SPEECH_RX})(?:\s+\w+){{0,3}}?\s*[:,.]?\s*[“\"]?\s*$"
)
_FIRST_PERSON = frozenset(p for p, f in PRONOUNS.items() if f.person == 1)


@dataclass(slots=True)
class _Hit:
    lex: _Lex
    start: int
    end: int
    key: int  # offset of the key word
    stance: str = ""
    negated: bool = False
    condition: tuple[int, int] | None = None
    cond_start: int = 0  # where the condition's marker starts ("if", "without")
    cond_marker: str = ""
    cond_at: int = -1  # where the marker's text starts (a leading "Unless …," too)
    raw_end: int = 0  # end of the complement before the condition is cut off


@dataclass(slots=True)
class _Ctx:
    """The article's shared context, and the speakers of its quotations found so far."""

    base: ArticleContext
    article: Article
    text: str
    doc: Doc | None
    entities: Sequence[Entity]
    sents: Sentences
    quotes: list[tuple[int, int]]
    speakers: dict[tuple[int, int], tuple[str, str | None] | None] = field(default_factory=dict)
    _coref: Coref | None = None

    @classmethod
    def of(cls, base: ArticleContext) -> _Ctx:
        return cls(
            base, base.article, base.text, base.doc, base.entities, base.sentences, base.quote_spans
        )

    def entity(self, eid: str | None) -> Entity | None:
        """The article's entity of id ``eid``, if any."""
        return next((e for e in self.entities if e.id == eid), None)

    @property
    def coref(self) -> Coref:
        """The article's resolver (``coref.py``), built on first use."""
        if self._coref is None:
            self._coref = for_context(self.base)
        return self._coref


def _clause_end(ctx: _Ctx, pos: int, limit: int) -> int:
    """End of the clause running from ``pos``; a quotation the clause starts in ends it."""
    q = _in_quote(ctx, pos)
    if q is not None:
        limit = min(limit, q[1])
    m = _CLAUSE_END.search(ctx.text, pos, limit)
    return m.start() if m else limit


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip space, punctuation and stray quote marks at both ends of a span."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-“”\"‘’'…"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-“”\"‘’'…"):
        end -= 1
    # a final period goes, unless it closes an abbreviation ("the U.N.", "Mr.")
    if (
        end > start
        and text[end - 1] == "."
        and not re.search(
            rf"(?:\b\w\.\w\.|\b[A-Z]|\b(?:{_SHORT_TITLES}))\.$", text[max(start, end - 6) : end]
        )
    ):
        end -= 1
        while end > start and text[end - 1] in ' ”"’':
            end -= 1
    # keep a quotation whole: 'as "historic"' not 'as "historic'
    span = text[start:end]
    if end < len(text) and (
        (span.count('"') % 2 == 1 and text[end] == '"')
        or (span.count("“") > span.count("”") and text[end] == "”")
    ):
        end += 1
    return start, end


def _cap_words(text: str, start: int, end: int, n: int = 25) -> int:
    words = list(re.finditer(r"\S+", text[start:end]))
    return start + words[n - 1].end() if len(words) > n else end


def _in_quote(ctx: _Ctx, pos: int) -> tuple[int, int] | None:
    for q in ctx.quotes:
        if q[0] <= pos < q[1]:
            return q
    return None


# -- actors ----------------------------------------------------------------------------------


def _name_of(ctx: _Ctx, start: int, end: int) -> tuple[str, str | None] | None:
    """Actor name and entity id for a span: its entity (an unnamed source -> affiliation).

    The entity at the last word (the head of an English noun phrase) wins: "Foreign
    Ministry spokesperson Pascal Confavreux" is the person.
    """
    last = re.search(r"[\w’'.-]+\s*$", ctx.text[start:end])
    ent = entity_at(ctx.entities, start + last.start(), end) if last else None
    ent = ent or entity_at(ctx.entities, start, end)
    if ent is not None:
        if _unintroduced(ctx, ent):
            return None
        ent = resolve_entity(ctx.entities, ent)
        return ent.name, ent.id
    phrase = ctx.text[start:end].strip()
    described = _description(ctx, phrase, start + ctx.text[start:end].find(phrase))
    if described is not None:
        return described or None
    words = re.findall(r"[\w’'-]+", phrase.lower())
    if words and (
        words[-1] in STANCE_ACTOR_NOUNS
        or (phrase[:1].isupper() and words[-1] not in REFERRING_PRONOUNS)
    ):
        phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
        return phrase, None
    return None


def _quote_speaker(ctx: _Ctx, q: tuple[int, int]) -> tuple[str, str | None] | None:
    """The speaker of a quotation: "…,” the official said / X said: “…”, in its paragraph."""
    if q in ctx.speakers:
        return ctx.speakers[q]
    text = ctx.text
    para_start = text.rfind("\n", 0, q[0]) + 1
    para_end = text.find("\n", q[1])
    para_end = len(text) if para_end < 0 else para_end
    found: tuple[int, int] | None = None
    m = _SPEAKER_AFTER.match(text, q[1], min(para_end, q[1] + 120))
    if m:
        found = m.span("a") if m.group("a") else m.span("b")
    else:
        prefix_start = max(para_start, q[0] - 160)
        mb = _SPEAKER_BEFORE.search(text, prefix_start, q[0])
        if mb:
            found = mb.span("a")
        else:
            # a second quotation in the paragraph continues the speaker of the first
            for other in sorted(ctx.quotes, reverse=True):
                if para_start <= other[0] and other[1] < q[0]:
                    res = _quote_speaker(ctx, other)
                    ctx.speakers[q] = res
                    return res
    res = None
    if found is not None:
        s, e = _trim(text, *found)
        phrase = text[s:e].lower()
        res = (
            _pronoun_actor(ctx, phrase, s)
            if phrase in ("he", "she", "they")
            else _name_of(ctx, s, e)
        )
    ctx.speakers[q] = res
    return res


def _pronoun_actor(ctx: _Ctx, pronoun: str, at: int) -> tuple[str, str | None] | None:
    """ "he", "she", "it" or "they" at ``at``: the actor ``coref.py`` resolves it to (the
    subject of the closest narrative sentence that agrees in gender and number, …), or
    ``None`` when the text does not settle it (then the stance has no actor and is left out).
    """
    if _in_quote(ctx, at) is not None:
        return None  # "he" inside a quotation is someone the speaker talks about: unknown
    ent = ctx.coref.resolve_pronoun(pronoun, at)
    if ent is None:
        return None
    ent = resolve_entity(ctx.entities, ent)
    return ent.name, ent.id


def _unintroduced(ctx: _Ctx, ent: Entity) -> bool:
    """An unnamed source only ever called "the official": a back-reference to no one the
    article introduced ("a senior official", "an official in Dunmere" would be), so no
    actor the report can name (precision first)."""
    return (
        ent.type == "UNNAMED"
        and ent.affiliation is None
        and bool(ent.mentions)
        and all(
            re.match(r"(?:the|this|that)\s", ctx.text[c.start : c.end], re.I) for c in ent.mentions
        )
    )


def _last_word_at(text: str, word: str, lo: int, hi: int) -> int:
    """Where the last ``word`` (a pronoun) in ``text[lo:hi]`` starts (``lo`` if none)."""
    found = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text[lo:hi], re.I)]
    return lo + found[-1] if found else lo


def _description(ctx: _Ctx, phrase: str, at: int) -> tuple[str, str | None] | Literal[False] | None:
    """A definite back-reference to one actor ("the official", "the group", "this
    ministry") at ``at``: the actor ``coref.py`` resolves it to, ``False`` when it does not
    resolve (no actor: precision first), ``None`` when ``phrase`` is no such description
    (a plural group, "the two countries", stays a description)."""
    parsed = nominal_head(phrase)
    if parsed is None or parsed[0] not in STANCE_ACTOR_NOUNS or parsed[0].endswith("s"):
        return None
    if re.match(r"\s*(?:these|those)\b", phrase, re.I):
        return None
    if any(
        e.type in ("NORP", "GPE", "ORG") for _, _, e in ctx.base.mentions_in(at, at + len(phrase))
    ):
        return None  # "the Kestrian government": named by its modifier
    ent = ctx.coref.resolve_nominal(phrase, at)
    if ent is None:
        return False
    ent = resolve_entity(ctx.entities, ent)
    return ent.name, ent.id


def _previous_actor(
    ctx: _Ctx, before: int, kinds: tuple[str, ...]
) -> tuple[str, str | None] | None:
    best: tuple[int, Entity] | None = None
    for e in ctx.entities:
        if e.type not in kinds:
            continue
        for c in e.mentions:
            if c.end <= before and (best is None or c.start > best[0]):
                best = (c.start, e)
    return (best[1].name, best[1].id) if best else None


def _actors_doc(ctx: _Ctx, hit: _Hit) -> list[tuple[str, str | None]] | None:
    """Actors from the parse; ``None`` when the parse gives no subject at all (then the
    position rules are tried), ``[]`` when the subject is no actor ("the plan calls for")."""
    assert ctx.doc is not None
    doc = ctx.doc
    span = doc.char_span(hit.key, hit.key + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok: Token = span[0]
    if hit.lex.modal and tok.dep_ == "aux":
        tok = tok.head
    quote = _in_quote(ctx, hit.start)
    subj: Token | None
    bounds = ctx.sents.at(hit.start)
    if hit.lex.modal:
        # "the force must have a mandate", "Chile must send troops", "it is crucial that …":
        # a demand voiced by the speaker about the clause's subject, never the subject's own
        # demand; with no speaker (the writer's "the president must establish a plan") none
        return _speaker_for(ctx, tok, quote)
    if _passive_use(tok):
        # "Roe was also endorsed a week earlier by Penn": the subject undergoes it (an
        # agent right after the verb was read by ``_passive``); a farther one is left out
        return []
    if _obliged(tok):
        # "critics say Sark should condemn the plan": what someone thinks Sark ought to do,
        # not Sark's stance (and whose demand it is, the parse does not settle); "we should
        # reject it" is the speaker's own
        own = subject_of(tok, bounds=bounds)
        if own is None or own.lower_ not in _FIRST_PERSON:
            return []
    gerund = _gerund_agent(ctx, tok)
    if gerund is not None:
        return gerund
    ctrl = _object_controller(tok, bounds)
    if ctrl is not None and ctrl.tag_ == "PRP":
        return []  # "Ruiz asked them to support …": never the asker, and "them" is unknown
    if ctrl is not None and ctrl.head.lemma_.lower() in STANCE_DIRECTIVE_VERBS:
        # "Holt asked Roe to support the treaty", "urged the council to reject it": Roe was
        # only asked, so the support is no one's (and never Holt's own)
        return []
    if ctrl is not None:
        subj = ctrl  # "the famine drove farmers to demand …": the farmers demand
    elif tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        subj = tok.head  # "nations interested in contributing troops"
    else:
        subj = subject_of(tok, bounds=bounds)
    if subj is None:
        if quote:
            return _speaker_for(ctx, tok, quote)
        # "Israel, the official added, is seeking …, but would avoid …": the parse put the
        # subject out of reach; the verb the trigger's chain hangs from may still have one
        # in subject position right before it
        top = tok
        while top.dep_ in ("conj", "xcomp", "acomp") and bounds[0] <= top.head.idx < bounds[1]:
            top = top.head
        if top.i != tok.i:
            return _positional_subject(ctx, bounds[0], top.idx, None) or None
        return None
    if subj.lower_ in ("which", "who", "that"):
        # "the group, in which Roe played a role, and which supported …": a relative clause
        # conjoined to another is still about the noun they modify, not the first's subject
        rel = subj.head
        while rel.dep_ == "conj" and rel.head.i != rel.i:
            rel = rel.head
        if rel.dep_ == "relcl" and rel.head.pos_ in ("NOUN", "PROPN"):
            subj = rel.head
    if (
        subj.dep_ == "appos"
        and subj.head.ent_type_ == "PERSON"
        and _relative_clause_of(subj, tok) is not None
    ):
        # "Gov. Ada Velk, a Liberal who has refused to endorse Roe": the person the
        # appositive describes, never the party word
        subj = subj.head
    low = subj.lower_
    if low in _FIRST_PERSON:
        if quote is None:
            return []
        sp = _quote_speaker(ctx, quote)
        return [sp] if sp else []
    form = PRONOUNS.get(low)
    if form is not None and form.case == "obj" and form.person == 3:
        # "Roe finds them unwilling to …": an object-case subject is a small clause's,
        # the object of the verb above it, and a pronoun never refers to its own verb's
        # subject (Roe would be "herself"), which is all the resolver's climb would find
        return []
    if low in REFERRING_PRONOUNS:
        named_group = _they_named(ctx, subj) if low == "they" else None
        if named_group:
            return named_group
        res = _resolve_pronoun_doc(ctx, subj)
        return [res] if res else []
    out = []
    for s in _subject_heads(subj, tok):
        named = _actor_from_token(ctx, s)
        if named and named not in out:
            out.append(named)
    return out


# Deontic modals: "X should / ought to support Y" says what X is expected to do, which is
# no stance X takes. A closed class of English modal auxiliaries ("must" and "need to" are
# lexicon triggers of their own: the speaker's demand).
_DEONTIC_MODALS = frozenset({"should", "ought", "shall"})


def _obliged(tok: Token) -> bool:
    """Whether a trigger's clause is under a deontic modal ("should support", "ought to
    reject", "should be ready to send"), climbing the links that share its subject."""
    cur = tok
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in _DEONTIC_MODALS for c in cur.children):
            return True
        if cur.dep_ not in ("xcomp", "acomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _gerund_agent(ctx: _Ctx, tok: Token) -> list[tuple[str, str | None]] | None:
    """The agent of a trigger that is a gerund after a preposition, with no subject of its
    own: "Roe criticised Kestria for blocking the plan" -> Kestria (the object of the verb
    the "for"-phrase hangs on, when it is an actor; else no actor); "Thanks, Dunmere, for
    welcoming …" -> no actor (a noun that is no verb's object names no agent). ``None``
    when the gerund is no such case: "after meeting Sark, Roe rejected …", "defeat the
    group by calling for …" and "has a history of blaming …" keep the clause's subject."""
    while tok.dep_ == "conj" and tok.head.tag_ == "VBG" and tok.head.i != tok.i:
        tok = tok.head  # "in backing the plan and accepting …": the first gerund's agent
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or tok.head.dep_ != "prep":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in tok.children):
        return None
    prep = tok.head
    gov = prep.head
    if gov.pos_ in ("NOUN", "PROPN", "PRON"):
        owner = next((c for c in gov.children if c.dep_ == "poss"), None)
        if owner is not None:
            # "questioned Kestria's judgment in backing the plan": the owner of the noun acts
            return _owner_agent(ctx, owner)
        # "has a long history of blaming …", "makes no apologies for accusing …": the noun
        # is the object of a verb whose subject is the agent (the climb finds it)
        return None if gov.dep_ in ("dobj", "attr", "pobj", "conj", "appos") else []
    if gov.dep_ == "oprd" and gov.head.pos_ in ("VERB", "AUX") and gov.head.i != gov.i:
        # "called the voters “foolish” for backing Roe": the "for"-phrase hangs on the
        # object's predicate, so the object backs Roe, never the caller
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in gov.children if c.dep_ == "dobj" and c.i < prep.i), None)
    owner = None if obj is None else next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is not None and prep.lower_ in ("in", "for"):
        # "questioned Kale's judgment in backing …" with "in" hung on the verb: the object's
        # owner acts, never the questioner
        return _owner_agent(ctx, owner)
    if prep.lower_ != "for":
        return None  # "defeat the group by calling for …": a means or time adjunct is the subject's
    if obj is None:
        return None
    if obj.lower_ in REFERRING_PRONOUNS or obj.tag_ == "PRP":
        return []  # "thanked them for supporting …": who they are is not settled here
    named = _actor_from_token(ctx, obj)
    return [named] if named else []


def _owner_agent(ctx: _Ctx, owner: Token) -> list[tuple[str, str | None]]:
    """The agent a gerund's owned noun names ("Kale's judgment in backing …" -> Kale): the
    owner when it is an actor, none for a possessive pronoun ("his record of backing …":
    whose it is is not settled here)."""
    if owner.tag_ in ("PRP$", "PRP") or owner.lower_ in REFERRING_PRONOUNS:
        return []
    named = _actor_from_token(ctx, owner)
    return [named] if named else []


def _they_named(ctx: _Ctx, subj: Token) -> list[tuple[str, str | None]]:
    """ "Two members of the council, Ada Roe and Ben Sark, said they …": "they" are the
    names in apposition to the reporting clause's plural subject (``[]`` when it has none)."""
    cur = subj.head
    for _ in range(8):
        for child in cur.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != subj.i:
                if child.tag_ not in ("NNS", "NNPS") or child.pos_ != "NOUN":
                    return []
                out: list[tuple[str, str | None]] = []
                for h in _subject_heads(child, child):
                    if h.i == child.i:
                        return []
                    named = _actor_from_token(ctx, h)
                    if named and named not in out:
                        out.append(named)
                return out
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _subject_heads(subj: Token, tok: Token) -> list[Token]:
    """The nouns a subject names: itself and its later conjuncts ("Chile and Peru"), the
    names in apposition to it ("two members of the council, Ada Roe and Ben Sark,"), and of
    conjoined nouns only the one a singular relative clause is about ("Hale and Cole, who
    was the first to endorse …": Cole)."""
    heads = [subj, *[c for c in subj.conjuncts if c.i > subj.i]]
    rel = _relative_clause_of(subj, tok)
    if rel is not None and len(heads) > 1 and _singular_verb(rel):
        who = next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        before = [h for h in heads if who is None or h.i < who.i]
        heads = before[-1:] or heads[-1:]
    out: list[Token] = []
    for h in heads:
        named = [a for a in h.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
        if h.pos_ == "NOUN" and named and rel is None:
            app = named[0]
            out.extend([app, *[c for c in app.conjuncts if c.i > app.i]])
        else:
            out.append(h)
    return out


def _relative_clause_of(subj: Token, tok: Token) -> Token | None:
    """The relative clause on ``subj`` that the trigger ``tok`` stands in, if any."""
    for head in [subj, *subj.conjuncts]:
        for rel in head.children:
            if rel.dep_ != "relcl":
                continue
            cur = tok
            for _ in range(8):
                if cur.i == rel.i:
                    return rel
                if cur.head.i == cur.i:
                    break
                cur = cur.head
    return None


def _singular_verb(verb: Token) -> bool:
    """Whether a clause's finite verb is singular ("was", "has", "supports")."""
    for t in [*(c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb]:
        if t.tag_ == "VBZ" or t.lower_ in ("was", "is", "has", "does"):
            return True
        if t.tag_ == "VBP" or t.lower_ in ("were", "are", "have", "do"):
            return False
    return False


def _passive_use(tok: Token) -> bool:
    """A trigger in the passive ("was endorsed", "could be met"), not an adjective before
    "to" ("is committed to", "was prepared to")."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.lower_ != "to"


def _object_controller(tok: Token, bounds: tuple[int, int]) -> Token | None:
    """The object that controls the infinitive a trigger stands in: "the famine drove
    farmers to [demand] a law" -> farmers, "lawmakers called on the cabinet to [block] it" ->
    cabinet (``STANCE_OBJECT_CONTROL_VERBS``); ``None`` when the trigger's clause has a
    subject of its own or no such verb governs it ("Hale promised voters to cut taxes":
    promise is not one, Hale cuts)."""
    cur = tok
    for _ in range(6):
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cur.children):
            return None
        if cur.dep_ not in ("xcomp", "advcl", "conj") or cur.head.i == cur.i:
            return None
        head = cur.head
        if not bounds[0] <= head.idx < bounds[1]:
            return None
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children)
        if (
            cur.dep_ in ("xcomp", "advcl")
            and infinitive
            and head.lemma_.lower() in STANCE_OBJECT_CONTROL_VERBS
        ):
            before = [c for c in head.children if c.i < cur.i]
            obj = next((c for c in before if c.dep_ in ("dobj", "dative")), None)
            if obj is None:
                prep = next(
                    (c for c in before if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None
                )
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
            if obj is not None:
                return obj
        cur = head
    return None


def _actor_from_token(ctx: _Ctx, tok: Token) -> tuple[str, str | None] | None:
    """Name the actor a subject's head noun stands for, or ``None`` for a thing.

    The head decides ("spokesperson Pascal Confavreux" is the person, not the ministry in
    his title; "a US-brokered plan" is no actor). An actor noun modified by a demonym or a
    name ("Arab states", "European allies") keeps the phrase and points at that entity.
    """
    head = (tok.idx, tok.idx + len(tok.text))
    ent = entity_at(ctx.entities, *head)
    if ent is not None and _unintroduced(ctx, ent):
        return None
    if ent is not None and ent.type != "LOC":
        principal = _principal_of_group(ctx, ent, tok)
        if principal is not None:
            # "Mr. Hale's supporters urged …", "his advisers conceded …": a group around a
            # person is not that person (a spokesman, singular, still speaks for him)
            return f"{principal.name}’s {tok.text}", None
        ent = resolve_entity(ctx.entities, ent)
        return ent.name, ent.id
    s0, s1 = np_span(tok)
    # "the company that designs her clothes" is defined where it stands: no back-reference
    defined = any(c.dep_ in ("relcl", "acl") for c in tok.rights)
    described = _description(ctx, ctx.text[s0:s1], s0) if tok.tag_ == "NN" and not defined else None
    if described is not None:
        return described or None  # "the official": who it is, or no actor
    phrase = re.sub(r"^(?:the|a|an)\s+", "", ctx.text[s0:s1], flags=re.I)
    whose = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    if whose is not None:
        # "Kestria, whose leaders have called for …": Kestria's leaders, or no actor
        rel = tok.head
        while rel.dep_ == "conj" and rel.head.i != rel.i:
            rel = rel.head
        owner = rel.head if rel.dep_ == "relcl" else None
        ent = entity_at(ctx.entities, *np_span(owner)) if owner is not None else None
        if (
            ent is None
            or ent.type not in ("NORP", "GPE", "ORG")
            or tok.lower_ not in (STANCE_ACTOR_NOUNS)
        ):
            return None
        ent = resolve_entity(ctx.entities, ent)
        return f"{ent.name}’s {tok.text}", ent.id
    if tok.lower_ in STANCE_ACTOR_NOUNS:
        mod = entity_at(ctx.entities, s0, head[0]) if s0 < head[0] else None
        if mod is None and tok.lower_ in STANCE_OF_GOVERNMENT_NOUNS:
            # "the government of Kestria": the country its "of"-phrase names
            of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if obj is not None and obj.pos_ == "PROPN":
                o0, o1 = np_span(obj)
                mod = entity_at(ctx.entities, o0, o1)
                if mod is not None and mod.type in ("NORP", "GPE", "ORG"):
                    phrase = f"{phrase} of {ctx.text[o0:o1]}"
        return phrase, (mod.id if mod is not None and mod.type in ("NORP", "GPE", "ORG") else None)
    if tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
        return phrase, None
    return None


def _principal_of_group(ctx: _Ctx, ent: Entity, tok: Token) -> Entity | None:
    """The person an unnamed plural group is affiliated with ("Hale's supporters",
    "advisers to Hale"), or ``None`` (not such a group: an unnamed official of a country
    stands for it, ``resolve_entity``)."""
    if tok.tag_ != "NNS" or not ent.affiliation:
        return None
    if ent.type not in ("UNNAMED", "ANON") and not ent.id.startswith("anon:"):
        return None
    aff = ctx.entity(ent.affiliation)
    return aff if aff is not None and aff.type == "PERSON" else None


def _is_actor_token(ctx: _Ctx, tok: Token) -> bool:
    # (an actor noun is an actor even when "the official" resolves to no one)
    return tok.lower_ in STANCE_ACTOR_NOUNS or _actor_from_token(ctx, tok) is not None


def _speaker_for(
    ctx: _Ctx, tok: Token, quote: tuple[int, int] | None
) -> list[tuple[str, str | None]]:
    if quote is not None:
        sp = _quote_speaker(ctx, quote)
        return [sp] if sp else []
    cur = tok
    for _ in range(8):
        if cur.lemma_ in SPEECH_LEMMAS and cur.pos_ == "VERB":
            subj = subject_of(cur)
            if subj is None:
                return []
            if subj.lower_ in ("he", "she", "they"):
                res = _pronoun_actor(ctx, subj.lower_, subj.idx)
                return [res] if res else []
            named = _actor_from_token(ctx, subj)
            return [named] if named else []
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _resolve_pronoun_doc(ctx: _Ctx, subj: Token) -> tuple[str, str | None] | None:
    """ "Italy said it was ready": the nearest governing clause with a named subject.

    "it" only resolves to a singular actor that is not a person ("diplomatic sources said
    it would …" is about something else).
    """
    low = subj.lower_

    quote = _in_quote(ctx, subj.idx)

    def fits(tok: Token) -> tuple[str, str | None] | None:
        if low == "it" and tok.tag_ in ("NNS", "NNPS"):
            return None
        if quote is not None and _in_quote(ctx, tok.idx) != quote:
            return None  # "they" inside a quotation is not its speaker
        named = _actor_from_token(ctx, tok)
        if named is None:
            return None
        ent = ctx.entity(named[1])
        if low == "it" and ent is not None and ent.type in ("PERSON", "UNNAMED"):
            return None
        if low == "they" and ent is not None and ent.type == "PERSON":
            return None
        if low in ("he", "she") and not _person_fits(ctx, tok, ent, low):
            # "The Journal reported that …, but her team denied that she would …": "she" is
            # no newspaper and no team; the resolver below looks for a person instead
            return None
        return named

    cur = subj.head
    for _ in range(8):
        for child in cur.children:
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and child.i != subj.i
                and child.lower_ not in REFERRING_PRONOUNS
            ):
                named = fits(child)
                if named:
                    return named
                if low in ("he", "she") and _person_fits(ctx, child, None, low):
                    # "The actress said she was tired …": she is the actress, whoever
                    # the description refers back to; none found, no actor (never the
                    # last woman named)
                    return _described_person(ctx, child)
                if low == "they" and _plural_non_actor(ctx, child):
                    # "forty percent said they would …", "unionists made clear they …":
                    # "they" is that group, which names no actor
                    return None
        if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
            named = fits(cur.head)
            if named:
                return named
        if cur.head.i == cur.i:
            break
        cur = cur.head
    if quote is not None:
        return None  # "they" in a quotation points into the speaker's talk: unknown
    if low in ("he", "she", "they"):
        return _pronoun_actor(ctx, low, subj.idx)
    return None


def _described_person(ctx: _Ctx, tok: Token) -> tuple[str, str | None] | None:
    """The person a role noun subject ("the actress", "a teacher") refers back to, if the
    resolver finds one (``Coref.resolve_nominal``); an indefinite one is no one named."""
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("the", "this", "that"):
        return None
    s0, s1 = np_span(tok)
    s0 = min(s0, det.idx)
    ent = ctx.coref.resolve_nominal(ctx.text[s0:s1], s0)
    if ent is None or ent.type not in ("PERSON", "UNNAMED"):
        return None
    ent = resolve_entity(ctx.entities, ent)
    return ent.name, ent.id


def _plural_non_actor(ctx: _Ctx, tok: Token) -> bool:
    """A plural or partitive subject that names no actor ("forty percent", "the share of
    voters", "rank-and-file unionists")."""
    if tok.lower_ in STANCE_PARTITIVE_SUBJECTS or tok.tag_ == "CD":
        return True  # "forty percent", "about 4 in 10", "those surveyed"
    plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in tok.children)
    return plural and _actor_from_token(ctx, tok) is None


def _person_fits(ctx: _Ctx, tok: Token, ent: Entity | None, pronoun: str) -> bool:
    """Whether the subject ``tok`` (naming ``ent``, or only a phrase) can be "he"/"she": a
    person or unnamed source of that gender (``Coref.fits``), or a noun of a person
    ("the spokeswoman") whose gender, if it has one, agrees."""
    if ent is not None:
        return ent.type in ("PERSON", "UNNAMED") and ctx.coref.fits(ent, pronoun)
    if tok.ent_type_ == "PERSON":
        return True  # a name the entity stage did not keep: no gender known
    if tok.tag_ != "NN" or tok.lower_ not in PERSON_ROLE_NOUNS:
        return False
    gender = PERSON_ROLE_NOUNS[tok.lower_]
    return gender is None or gender == ("m" if pronoun == "he" else "f")


_CLAUSE_OPENER = re.compile(
    rf"(?:\b(?:{'|'.join(STANCE_CLAUSE_OPENERS)}|{_SPEECH_RX})\b|,\s+(?:and|but)\b|;)\s*",
    re.I,
)
_TITLE_GLUE = re.compile(
    rf"(?:\s+|\b(?:{'|'.join(STANCE_TITLE_GLUE_WORDS)})\b)*",
    re.I,
)


def _subject_candidates(
    ctx: _Ctx, lo: int, hi: int, quote: tuple[int, int] | None, *, with_objects: bool = False
) -> list[tuple[int, int, Entity]]:
    """Entity mentions in ``[lo, hi)`` that can be a subject (not a place, not after a
    preposition unless ``with_objects``, not a hyphenated modifier like "US-brokered")."""
    text = ctx.text
    out = []
    for s, e, ent in ctx.base.mentions_in(lo, hi):
        if _in_quote(ctx, s) != quote or ent.type == "LOC" or _unintroduced(ctx, ent):
            continue
        if text[e : e + 1] == "-":
            continue
        prev = re.search(r"([\w’'-]+)\s*$", text[max(lo, s - 20) : s])
        if not with_objects and prev and prev.group(1).lower() in STANCE_PREPOSITIONS:
            continue
        out.append((s, e, ent))
    return out


def _head_of_run(
    ctx: _Ctx, cands: list[tuple[int, int, Entity]], i: int
) -> tuple[int, int, Entity]:
    """ "French President Emmanuel Macron": the demonym and title lead to the person."""
    cur = cands[i]
    for nxt in cands[i + 1 :]:
        glue = ctx.text[cur[1] : nxt[0]]
        m = _TITLE_GLUE.fullmatch(glue)
        if m is None or "," in glue:
            break
        cur = nxt
    return cur


def _named_entity(ctx: _Ctx, ent: Entity, s: int, e: int) -> tuple[str, str | None]:
    """A demonym before an actor noun names a group ("Arab states"), else the entity."""
    m = re.match(r"\s+(?:and\s+[A-Z][\w-]*\s+)?([a-z]+)\b", ctx.text[e : e + 40])
    if ent.type == "NORP" and m and m.group(1) in STANCE_ACTOR_NOUNS:
        return ctx.text[s : e + m.end()], ent.id
    ent = resolve_entity(ctx.entities, ent)
    return ent.name, ent.id


def _actors_rules(ctx: _Ctx, hit: _Hit, sent: tuple[int, int]) -> list[tuple[str, str | None]]:
    """Without a parse: the subject of the trigger's clause by position.

    The clause opens after "that", "said", ", and", "as" …; its first entity that is not a
    prepositional object (a title run "French President Emmanuel Macron" gives the
    person) is the actor, else an actor noun phrase ("several countries"). A pronoun right
    before the trigger takes the last actor named before it.
    """
    text = ctx.text
    quote = _in_quote(ctx, hit.start)
    lo = quote[0] if quote else sent[0]
    if hit.lex.modal and quote is not None:
        sp = _quote_speaker(ctx, quote)
        return [sp] if sp else []
    if _OBJECT_BEFORE_INFINITIVE.search(text, max(lo, hit.start - 20), hit.start):
        return []  # "Ruiz asked them to support …": they would support it, not Ruiz
    if _DIRECTIVE_BEFORE_INFINITIVE.search(text, max(lo, hit.start - 140), hit.start):
        return []  # "Holt asked Ben Roe to support …": Roe was only asked, Holt does not
    words = [w.lower() for w in re.findall(r"[\w’'-]+|n['’]t", text[lo : hit.start])]
    while words and words[-1] in SKIP_BEFORE_TRIGGER:
        words.pop()
    pronoun = words[-1] if words and words[-1] in REFERRING_PRONOUNS | _FIRST_PERSON else None
    if (
        quote is not None
        and pronoun not in ("it", "they", "which", "who", "he", "she")
        and (pronoun in _FIRST_PERSON or not ctx.base.mentions_in(lo, hit.start))
    ):
        sp = _quote_speaker(ctx, quote)
        return [sp] if sp else []
    if pronoun in ("it", "they", "which", "who"):
        cands = _subject_candidates(ctx, sent[0], hit.start, quote, with_objects=True)
        nps = list(_ACTOR_NP.finditer(text, sent[0], hit.start)) if pronoun != "it" else []
        best: tuple[int, tuple[str, str | None]] | None = None
        if cands:
            s, e, ent = _head_of_run(ctx, cands, len(cands) - 1)
            best = (s, _named_entity(ctx, ent, s, e))
        if nps and (best is None or nps[-1].start() > best[0]):
            named = _name_of(ctx, *nps[-1].span())
            best = (nps[-1].start(), named) if named else best
        if best is not None:
            return [best[1]]
        if quote is not None:
            return []  # "they" in a quotation points into the speaker's talk: unknown
        if pronoun in ("it", "they"):
            res = _pronoun_actor(ctx, pronoun, _last_word_at(text, pronoun, lo, hit.start))
        else:
            res = _previous_actor(ctx, hit.start, ("GPE", "ORG", "NORP", "UNNAMED"))
        return [res] if res else []
    if pronoun in ("he", "she"):
        res = _pronoun_actor(ctx, pronoun, _last_word_at(text, pronoun, lo, hit.start))
        return [res] if res else []
    if not hit.lex.modal:
        return _positional_subject(ctx, lo, hit.start, quote)
    # "Ana Ruiz said the mission must …", "… said Chile must …": the speaker's demand about
    # the clause's subject, never the subject's own; with no speaker, none
    said = list(_SPEECH_VERB.finditer(text, lo, hit.start))
    return _positional_subject(ctx, lo, said[-1].start(), quote) if said else []


# An object pronoun right before the trigger's "to": the infinitive is the object's.
_OBJECT_BEFORE_INFINITIVE = re.compile(r"\b(?:them|him|her|us|me)\s+to\s+$", re.I)
# A directive verb, its object (a few words, no clause break) and "to" right before the
# trigger: the object is only asked to do it.
_DIRECTIVE_BEFORE_INFINITIVE = re.compile(
    rf"\b(?:{alternation(STANCE_DIRECTIVE_FORMS)})\s+(?:on\s+|upon\s+)?"
    r"(?:[\w.’'-]+\s+){1,6}?to\s+(?:[^.;:!?]{0,60}?\s(?:and|or)\s+)?$",
    re.I,
)

_TIME_IN_GAP = re.compile(
    rf"\b(?:on\s+)?(?:{alternation(d.capitalize() for d in WEEKDAYS)})\b|"
    r"\b(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year)\b"
)
_APPOSITION = re.compile(r"\s*,[^,.;:“”\"]{1,80},")


def _subject_gap(gap: str) -> bool:
    """Whether the text between a name and a trigger leaves the name in subject position."""
    app = _APPOSITION.match(gap)
    gap = _TIME_IN_GAP.sub(" ", gap[app.end() :] if app else gap)
    if re.fullmatch(r"\s*,\s*", gap):
        return True  # "Spain, in coordination with Italy, drafted": a parenthetical trigger
    if re.search(r"[^\w\s’'-]", gap):
        return False
    words = re.findall(r"[\w’'-]+", gap)
    return len(words) <= 4 and all(
        w[:1].islower() and w.lower() not in NOT_IN_SUBJECT_GAP for w in words
    )


def _positional_subject(
    ctx: _Ctx, lo: int, trigger: int, quote: tuple[int, int] | None
) -> list[tuple[str, str | None]]:
    """Without a parse: the clause's first name in subject position, else no actor.

    The clause opens after "that", "said", ", and" … before the trigger. Its first name (a
    title run "President Tomas Hale" gives the person) or actor noun phrase ("several
    countries") that is no prepositional object ("talks with Peru"), not inside an
    apposition, and followed by a verb (an apposition between allowed: "Hale, who met
    Roe, rejected") is the actor; names coordinated with it ("Chile and Peru pledged") too.
    Failing one, no actor: the nearest name is not the subject often enough to assert it
    (precision first).
    """
    text = ctx.text
    starts = [lo]
    for m in _CLAUSE_OPENER.finditer(text, lo, trigger):
        if text[m.end() : m.end() + 1] != ",":  # "Israel, the official added, is": aside
            starts.append(m.end())
    clause_lo = starts[-1]
    found = _clause_subject(ctx, clause_lo, trigger, quote)
    if found is None and clause_lo > lo and re.search(r"\b(?:and|but)\s*$", text[lo:clause_lo]):
        # "Israel … is seeking …, but would avoid …": a conjunct without a subject of its
        # own shares the subject of a clause before it (the nearest one that has one)
        end = _conjunct_start(text, lo, clause_lo)
        for start in reversed(starts[:-1]):
            found = _clause_subject(ctx, start, end, quote)
            if found:
                return found
    return found or []


def _clause_subject(
    ctx: _Ctx, clause_lo: int, trigger: int, quote: tuple[int, int] | None
) -> list[tuple[str, str | None]] | None:
    """The subject of the clause ``[clause_lo, trigger)`` (``_positional_subject``), ``[]``
    when none qualifies, ``None`` when the clause names nothing at all."""
    text = ctx.text
    cands = _subject_candidates(ctx, clause_lo, trigger, quote, with_objects=True)
    items: list[tuple[int, int, Entity | None]] = [(s, e, ent) for s, e, ent in cands]
    items += [(m.start(), m.end(), None) for m in _ACTOR_NP.finditer(text, clause_lo, trigger)]
    if not items:
        return None
    items.sort(key=lambda x: (x[0], -x[1]))
    skip_to = clause_lo
    for s, e, ent in items:
        if s < skip_to:
            continue  # inside the apposition or title run of an earlier name
        if _governed(ctx, clause_lo, s):
            continue
        if ent is not None:
            s2, e2, ent2 = _head_of_run(ctx, cands, cands.index((s, e, ent)))
            if e2 > e:
                s, e, ent = s2, e2, ent2
        app = _APPOSITION.match(text, e, trigger)
        skip_to = app.end() if app else e
        if not _verb_follows(text, skip_to, trigger):
            coordinated = re.match(r"\s*(?:,|,?\s+and)\s+", text[e:trigger])
            if coordinated is None:
                continue
            # "Chile and Peru pledged": the actors when the last of them is a subject
            rest = _clause_subject(ctx, e + coordinated.end(), trigger, quote)
            if not rest:
                continue
            first = _named_entity(ctx, ent, s, e) if ent is not None else _name_of(ctx, s, e)
            return [first, *(r for r in rest if r != first)] if first else rest
        if ent is not None:
            return [_named_entity(ctx, ent, s, e)]
        named = _name_of(ctx, s, e)
        return [named] if named else []
    return []


def _conjunct_start(text: str, lo: int, clause_lo: int) -> int:
    """Where the ", and"/", but" opening a conjunct at ``clause_lo`` starts."""
    m = re.search(r",?\s*(?:and|but)\s*$", text[lo:clause_lo])
    return lo + m.start() if m else clause_lo


def _verb_follows(text: str, pos: int, trigger: int) -> bool:
    """Whether the word at ``pos`` is a verb of the clause (or the trigger itself)."""
    gap = text[pos:trigger]
    if _subject_gap(gap):
        return True
    m = re.match(r"\s+([\w’'-]+)", gap)
    return bool(m and m.group(1)[:1].islower() and m.group(1).lower() not in NOT_IN_SUBJECT_GAP)


def _governed(ctx: _Ctx, lo: int, start: int) -> bool:
    """Whether the name at ``start`` is a prepositional object ("from Governor Lena Roe")."""
    before = ctx.text[lo:start]
    m = re.search(r"([\w’'-]+)((?:\s+[A-Z][\w.’'-]*)*)\s*$", before)
    return bool(m and m.group(1).lower() in STANCE_PREPOSITIONS)


# -- finding triggers, conditions and targets ------------------------------------------------


# Characters that IGNORECASE matching equates with an ASCII letter although their lower
# case is not that letter ("ſ" matches "s"): a sentence holding one skips the word check.
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def _lexicon_words() -> tuple[tuple[str, ...] | None, ...]:
    """Per lexicon entry, words one of which every match contains (see ``_required_words``)."""
    return _LEXICON_WORDS


# "free to support either candidate", "allowed to oppose", "able to back": what someone
# may do is no stance taken (an adjective of permission or ability governing the trigger's
# infinitive, right before it)
_PERMITTED = re.compile(
    rf"\b(?:{alternation(sorted(PERMISSION_ADJECTIVES))})\s+to\s+(?:\w+ly\s+)?$", re.I
)


def _find_hits(ctx: _Ctx, s0: int, s1: int) -> list[_Hit]:
    text = ctx.text
    hits: list[_Hit] = []
    low = text[s0:s1].lower()
    if _ODD_CASE.search(low):
        low = ""  # no word check in this sentence
    for lex, words in zip(_LEXICON, _lexicon_words(), strict=True):
        if low and words is not None and not any(w in low for w in words):
            continue  # every match of the pattern contains one of ``words``
        for m in lex.pattern.finditer(text, s0, s1):
            key = m.start("k") if "k" in lex.pattern.groupindex and m.group("k") else m.start()
            if key > 0 and text[key - 1] == "-":
                continue  # "Council-backed", "US-brokered": a modifier, not a stance
            hits.append(_Hit(lex, m.start(), m.end(), key))
    # one trigger per stretch of text: the earliest, then the longest
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for h in hits:
        if any(h.start < k.end and k.start < h.end for k in kept):
            continue
        kept.append(h)
    return kept


def _assign_conditions(ctx: _Ctx, hits: list[_Hit], s0: int, s1: int) -> list[tuple[int, int]]:
    """Attach each condition clause to the nearest trigger before it; return their spans."""
    text = ctx.text
    spans: list[tuple[int, int]] = []
    lead = re.match(r"\s*[“\"]?\s*(?:[Bb]ut\s+)?(?P<m>[Ii]f|[Uu]nless)\s+", text[s0:s1])
    lead_span: tuple[int, int] | None = None
    lead_marker, lead_at = "if", -1
    if lead:
        lead_marker, lead_at = lead.group("m").lower(), s0 + lead.start("m")
        cs = s0 + lead.end()
        comma = text.find(",", cs, s1)
        if comma > 0:
            lead_span = _trim(text, cs, comma)
            spans.append((s0 + lead.start("m"), comma))
    for m in _COND.finditer(text, s0, s1):
        if lead and m.start() == s0 + lead.start("m"):
            continue
        marker = re.sub(r"\s+", " ", m.group("m").lower())
        if marker == "if" and re.search(
            r"\b(?:even|as)\s+$", text[max(s0, m.start() - 6) : m.start()]
        ):
            continue  # "even if", "as if" set no condition (polarity.py reads them alike)
        owner = None
        for h in hits:
            if h.end <= m.start():
                between = text[h.end : m.start()]
                # not across a new clause or a new report ("signed an order, while Roe … said
                # Ada should resign if …": the condition is of the later report)
                if re.search(_OWNER_BREAK, between):
                    continue
                owner = h
        if owner is None:
            continue
        if marker == "without":
            clause_start = max(s0, text.rfind(",", s0, owner.start) + 1)
            if not (
                owner.negated
                or _NEG.search(text[clause_start : m.start()] + " ")
                or re.search(
                    r"\b(?:no|not|n't|never|cannot|none)\b", text[clause_start : m.start()], re.I
                )
            ):
                continue
        if marker == "if" and re.match(
            r"\s*(?:necessary|needed|possible|any)\b", text[m.end() : m.end() + 12]
        ):
            continue
        c_end = _clause_end(ctx, m.end(), s1)
        cs, ce = _trim(text, m.end(), c_end)
        if ce <= cs:
            continue
        if owner.condition is None:
            owner.condition = (cs, ce)
            owner.cond_start = m.start()
            owner.cond_at = m.start("m")
            owner.cond_marker = marker
        spans.append((m.start(), ce))
    if lead_span is not None:
        lead_quote = _in_quote(ctx, lead_at)
        for h in hits:
            if lead_quote != _in_quote(ctx, h.start):
                continue  # "“If the mayor quits, …,” said Roe, who backs Ada": not Roe's backing
            if h.start > lead_span[1] and h.condition is None:
                h.condition = lead_span
                h.cond_start = -1
                h.cond_at = lead_at
                h.cond_marker = lead_marker
    return spans


def _target_start(ctx: _Ctx, hit: _Hit, s1: int) -> int:
    text = ctx.text
    if hit.lex.key_target or (hit.negated and hit.cond_marker in ("without", "unless")):
        return hit.key  # "would only join if …": the target is the verb itself
    if hit.lex.modal:
        # "the force must have …": the clause from its subject; "it needs to be …": the rest
        clause_start = _modal_clause_start(ctx, hit.start)
        lead = re.match(
            r"[\s“\"]*(?:(?:but|and|so|yet|still|now)\b[\s…,.]*)*",
            text[clause_start : hit.start],
            re.I,
        )
        clause_start += lead.end() if lead else 0
        subj_words = text[clause_start : hit.start].strip().lower()
        if (
            subj_words
            and subj_words not in REFERRING_PRONOUNS
            and not re.fullmatch(r"it\s*(?:is|'s|’s)", subj_words)
        ):
            return clause_start
    return hit.end


def _raw_target_end(ctx: _Ctx, hit: _Hit, s1: int) -> int:
    """Where the trigger's complement ends: the clause end, or the parse's complement end."""
    end = _clause_end(ctx, hit.end, s1)
    if hit.lex.object_target:
        comma = ctx.text.find(",", hit.end, end)
        end = comma if comma >= 0 else end
    if ctx.doc is not None and not hit.lex.modal:
        end = min(end, _doc_target_end(ctx.doc, hit.key, end))
    return end


def _target(ctx: _Ctx, hit: _Hit, s1: int) -> tuple[int, int] | None:
    """The trigger's complement, cut at its condition, without leading "to/that/for"."""
    text = ctx.text
    start = _target_start(ctx, hit, s1)
    end = hit.raw_end
    if hit.condition is not None and start < hit.cond_start <= end:
        end = hit.cond_start
    s, e = _trim(text, start, end)
    lead = re.match(r"(?:(?:to|that|for|with|in|on|about|of|against)\s+)*", text[s:e])
    s = s + (lead.end() if lead else 0)
    s, e = _trim(text, s, _cap_words(text, s, e))
    return (s, e) if e > s else None


def _modal_clause_start(ctx: _Ctx, pos: int) -> int:
    """Start of the clause a modal sits in: after "said (that)", a comma, a quote mark."""
    text = ctx.text
    window_start = max(ctx.sents.at(pos)[0], pos - 160)
    best = window_start
    for m in re.finditer(
        rf"(?:\b(?:{_SPEECH_RX})\b(?:\s+that)?|\bthat\b|,|[“\"]|^)\s*", text[window_start:pos]
    ):
        best = window_start + m.end()
    return best


def _doc_target_end(doc: Doc, key: int, end: int) -> int:
    """Where a conjoined clause of the trigger starts ("backed X [and endorsed Y]")."""
    span = doc.char_span(key, key + 1, alignment_mode="expand")
    if span is None or not len(span):
        return end
    tok = span[0]
    for child in tok.rights:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            first = child.left_edge
            for c in tok.rights:
                if c.dep_ == "cc" and c.i < child.i:
                    first = min(first, c, key=lambda t: t.i)
            return min(end, first.idx)
    return end


def _pronoun_target(ctx: _Ctx, hit: _Hit, s0: int) -> tuple[int, int] | None:
    """ "…, and Velmar will try to stop that": "that" is the clause before."""
    text = ctx.text
    lo = s0
    q = _in_quote(ctx, hit.start)
    if q is not None:
        lo = max(lo, q[0])
    cut = max(
        text.rfind(", and", lo, hit.start),
        text.rfind("; ", lo, hit.start),
        text.rfind(", but", lo, hit.start),
    )
    if cut <= lo:
        return None
    return _trim(text, lo, cut)


def _nested(hits: list[_Hit]) -> list[_Hit]:
    """Drop triggers inside an earlier trigger's complement ("ready to [send] troops")."""
    kept: list[_Hit] = []
    for h in hits:
        if any(k.end <= h.start < k.raw_end for k in kept):
            continue
        kept.append(h)
    return kept


def _is_require(hit: _Hit) -> bool:
    return hit.lex.stance == "condition" and "require" in hit.lex.keys


def _stances_for(
    ctx: _Ctx, h: _Hit, sent: tuple[int, int], prev_target: str | None
) -> tuple[list[Stance], str | None]:
    """The stances one trigger gives (one per actor) and its target text."""
    text = ctx.text
    s0, s1 = sent
    stance = h.lex.stance
    if h.negated:
        if h.condition is not None and h.cond_marker in ("without", "unless"):
            stance = "condition"
        elif stance in ("support", "agree") and _NOT_YET.search(
            text[max(s0, h.start - 30) : h.start]
        ):
            # "has not endorsed a candidate": nothing done yet, which is no opposition
            return [], None
        elif stance in STANCE_NEGATION_FLIPS:
            stance = STANCE_NEGATION_FLIPS[stance]
        else:
            return [], None
    if h.cond_marker.startswith("only") or h.cond_marker in REQUIRING_MARKERS:
        stance = "condition"
    if h.lex.requires_condition and h.condition is None:
        return [], None
    noun = _noun_use(ctx, h)
    if noun == "skip" or _meets_a_thing(ctx, h):
        return [], None
    passive = _passive(ctx, h, sent)
    if passive is not None:
        actors_p, target_p = passive
        if not actors_p or not target_p:
            return [], None
        stances = [
            Stance(name, stance, target_p, None, [Cite(ctx.article.id, s0, s1)], eid)
            for name, eid in actors_p
        ]
        return stances, target_p
    tgt = _target(ctx, h, s1)
    if tgt and isinstance(noun, tuple):
        # "Norway's offer of 300 medics was welcomed": the noun phrase ends at the verb
        verb = re.search(
            r"\s+(?:was|were|is|are|has|have|had|will|would|could|came|drew)\b",
            text[tgt[0] : tgt[1]],
        )
        tgt = _trim(text, tgt[0], tgt[0] + verb.start()) if verb else tgt
    target = text[tgt[0] : tgt[1]] if tgt else ""
    if target.lower() in ("that", "this", "it", "so"):
        alt = _pronoun_target(ctx, h, s0)
        target = text[alt[0] : alt[1]] if alt else target
    if (
        stance == "concede"
        and prev_target
        and (
            not target
            or re.match(r"(?:under|after|amid|following|in\s+the\s+face\s+of)\b", target, re.I)
        )
    ):
        target = prev_target  # "backed down under pressure": it conceded what it had opposed
    if not target and h.condition is not None:
        target = text[h.condition[0] : h.condition[1]]
    if not target:
        return [], None
    if _no_position(ctx, h, stance, target, s0):
        return [], None
    condition = _condition_text(text, h)
    actors: list[tuple[str, str | None]] | None
    if isinstance(noun, tuple):
        actors = [noun]  # "Norway's offer of …"
    elif _is_require(h):
        actors, stance, target, condition = _require(ctx, h, sent, target)
    else:
        # the parse first; where it finds no subject (a parse run across sentences, a
        # fragment) the position rules still may
        actors = _actors_doc(ctx, h) if ctx.doc is not None else None
        if actors is None:
            actors = _actors_rules(ctx, h, sent)
            if ctx.doc is not None:
                actors = [a for a in actors if not _modifier_only(ctx, a, sent[0], h.start)]
    # "many of those over 60 backing Penn": an actor the target opens with is what
    # the stance is about, taken for its subject (the parse or the position rules failed)
    actors = [a for a in actors if not _opens_target(a[0], target)]
    out = [
        Stance(
            actor=name,
            stance=stance,
            target=target,
            condition=condition,
            cites=[Cite(ctx.article.id, s0, s1)],
            actor_entity=eid,
        )
        for name, eid in actors
    ]
    return out, target


# "Velk stopped short of endorsing …": she did not endorse it, nor did she oppose it
_SHORT_OF = re.compile(r"\b(?:stop|stops|stopped|stopping)\s+short\s+of\s+(?:\w+ly\s+)?$", re.I)
# "Velk is to blame for …": the subject is the one blamed
_TO_BLAME = re.compile(r"\b(?:is|are|was|were|be|been|being|['’]s)\s+(?:\w+\s+){0,2}?to\s+$", re.I)
# what follows "insist that" when it is a claim, not a demand ("insisted that the bridge
# will open", "… that there is no deal"): a tensed verb or auxiliary within its first words
# (a demand takes the bare form: "insisted that the board reinstate the pilots")
_CLAIM_CLAUSE = re.compile(
    r"^(?:[\w’'.,-]+\s+){0,8}?(?:is|are|was|were|has|had|will|would|did|does|can|could|may|might"
    r"|won['’]t|isn['’]t|wasn['’]t|[\w]+['’](?:s|re|ll|d))\b",
    re.I,
)
_CLAIM_AUX = frozenset({"will", "would", "can", "could", "may", "might", "do", "does", "did"})


# a sentence (or quotation) that opens with a condition the trigger stands in
_IF_CLAUSE = re.compile(r"^\W*(?:(?:so|but|and)\s+)?(?:if|unless)\b[^,;:—–]*$", re.I)


_ASKED_IF = re.compile(rf"\b(?:{alternation(WHETHER_IF_HEADS)})\b[^,;.:“”\"]*\bif\b[^,;.:]*$", re.I)


def _in_if_clause(ctx: _Ctx, h: _Hit) -> bool:
    """Whether the parse puts the trigger in an "if"/"unless" adverbial clause."""
    if ctx.doc is None or _ASKED_IF.search(ctx.text[max(0, h.start - 120) : h.start]):
        return False  # "when I asked Roe if he would ever endorse Ada": a question (polarity.py)
    span = ctx.doc.char_span(h.key, h.key + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    cur: Token = span[0]
    for _ in range(4):
        if (
            cur.dep_ == "advcl"
            and cur.head.lemma_.lower() not in WHETHER_IF_LEMMAS  # "asked Roe if he would …"
            and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children)
        ):
            return True
        if cur.dep_ not in ("xcomp", "acomp", "conj", "aux") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _insist_claims(ctx: _Ctx, h: _Hit, target: str) -> bool:
    """Whether "insist that …" states a claim ("Roe insisted that the board had no right")
    rather than a demand ("insisted that the board reinstate the pilots"): the parse reads
    the tense of the clause's verb; the rules look for a tensed verb in its first words."""
    if ctx.doc is not None:
        span = ctx.doc.char_span(h.key, h.key + 1, alignment_mode="expand")
        if span is not None and len(span):
            clause = next((c for c in span[0].children if c.dep_ == "ccomp"), None)
            if clause is not None:
                if any(a.lower_ in ("should", "must", "shall") for a in clause.children):
                    return False
                return clause.tag_ in ("VBD", "VBZ", "MD") or any(
                    a.dep_ in ("aux", "auxpass")
                    and (a.lower_ in _CLAIM_AUX or a.tag_ in ("VBD", "VBZ"))
                    for a in clause.children
                )
    if re.search(r"\bthat\s*$", ctx.text[h.start : h.end], re.I):
        rest = target  # the trigger took its "that"
    else:
        m = re.search(r"\bthat\s+", target)
        if m is None:
            return False
        rest = target[m.end() :]
    return bool(_CLAIM_CLAUSE.match(rest)) and not re.match(
        r"^(?:[\w’'.,-]+\s+){0,8}?(?:should|must|shall)\b", rest, re.I
    )


def _no_position(ctx: _Ctx, h: _Hit, stance: str, target: str, s0: int) -> bool:
    """A trigger that states no position of its subject:

    - a refusal to speak ("declined to comment", "refused to say whether …"): the reporter's
      note on the source, not a rejection of anything (its content keeps its ``denied``
      reading in ``polarity.py`` for the quotes);
    - "refused to rule out": a double negation that rejects nothing;
    - a trigger inside a condition put first ("If you want to hear …, …");
    - a source's request for anonymity or for comment ("an aide who requested anonymity");
    - "stopped short of endorsing": neither support nor opposition;
    - "is to blame": the subject is blamed, it blames no one;
    - a negated need ("he didn't need to campaign"): no demand;
    - "insist that" with a tensed clause: a claim, not a demand.
    """
    text = ctx.text
    key = text[h.key : h.end].split()[0].lower() if text[h.key : h.end].split() else ""
    first = (re.findall(r"[\w’'-]+", target.lower()) or [""])[0]
    before = text[max(s0, h.start - 40) : h.start]
    if key.startswith(("declin", "refus")) and (
        first in UNSAID_VERBS or re.match(r"rule\s+out\b", target, re.I)
    ):
        return True  # "refused to rule out a levy" rejects nothing (it keeps the levy open)
    if _IF_CLAUSE.search(text[s0 : h.start]) or _in_if_clause(ctx, h):
        return True  # "If you want to hear the spin, …": a condition, no one's position
    if stance == "request" and first in SOURCING_REQUEST_OBJECTS:
        return True
    if _SHORT_OF.search(before):
        return True
    if key.startswith("blam") and _TO_BLAME.search(before + text[h.start : h.key]):
        return True
    if (
        h.lex.modal
        and key.startswith("need")
        and _negated_before(text, max(s0, h.start - 30), h.start)
    ):
        return True
    return stance == "demand" and key.startswith("insist") and _insist_claims(ctx, h, target)


def _modifier_only(ctx: _Ctx, actor: tuple[str, str | None], lo: int, hi: int) -> bool:
    """Whether every mention of ``actor`` between ``lo`` and ``hi`` is, by the parse, a
    modifier or an object ("his Trans-Pacific trade deal", "Senator Hale of Vermont"): the
    position rules took a name that is no subject (the parse found none)."""
    assert ctx.doc is not None
    if actor[1] is None:
        return False
    spans = [(s, e) for s, e, ent in ctx.base.mentions_in(lo, hi) if ent.id == actor[1]]
    if not spans:
        return False
    for s, e in spans:
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        if root.dep_ not in ("compound", "amod", "nmod", "poss", "pobj", "dobj"):
            return False
    return True


def _opens_target(actor: str, target: str) -> bool:
    """Whether the target starts with the actor's name or its last word ("Hillary Clinton"
    and "Clinton and those under 45")."""
    words = re.findall(r"[\w’'-]+", target.lower())
    name = re.findall(r"[\w’'-]+", actor.lower())
    return bool(words and name) and (words[0] == name[-1] or words[: len(name)] == name)


def _condition_text(text: str, h: _Hit) -> str | None:
    """The condition as written, marker removed, except "unless": it is the negation of "if",
    so it keeps its marker verbatim ("unless it is renegotiated"), never read as "if …"."""
    if h.condition is None:
        return None
    if h.cond_marker == "unless" and 0 <= h.cond_at < h.condition[1]:
        return text[h.cond_at : h.condition[1]]
    return text[h.condition[0] : h.condition[1]]


def _noun_use(ctx: _Ctx, h: _Hit) -> str | tuple[str, str | None] | None:
    """A trigger used as a noun: "skip" ("a request for comment", "the offer was a start"),
    or the possessor as actor ("Norway's offer of troops"); ``None`` for a verb."""
    text = ctx.text
    if text[h.key : h.end].split()[0].lower() in NOT_VERB_TRIGGER_WORDS:
        return None
    poss = re.search(
        r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+$", text[max(0, h.key - 60) : h.key]
    )
    if ctx.doc is not None:
        span = ctx.doc.char_span(h.key, h.key + 1, alignment_mode="expand")
        if span is not None and len(span) and _modifier_use(span[0]):
            return "skip"
        if span is None or not len(span) or span[0].pos_ not in ("NOUN", "PROPN"):
            return None
        tok = span[0]
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if tok.lower_ in STANCE_AMBIGUOUS_POSSESSOR_NOUNS:
            return "skip"  # "Clinton's support among voters": for Clinton, not Clinton's
        if (
            owner is not None
            and owner.lower_ not in REFERRING_PRONOUNS
            and owner.lower_ not in ("its", "their")
        ):
            named = _actor_from_token(ctx, owner)
            return named if named else "skip"
        return "skip"
    prev = re.search(r"([\w’'-]+)\s+$", text[max(0, h.key - 20) : h.key])
    if poss is not None:
        if text[h.key : h.end].split()[0].lower() in STANCE_AMBIGUOUS_POSSESSOR_NOUNS:
            return "skip"
        start = h.key - len(poss.group(0))
        named = _name_of(ctx, start, start + len(poss.group(1)))
        return named if named else "skip"
    if prev and prev.group(1).lower() in STANCE_DETERMINERS:
        return "skip"
    return None


def _meets_a_thing(ctx: _Ctx, h: _Hit) -> bool:
    """ "met the deadline", "meet the target": a meeting is with an actor, so "meet" whose
    object names none is no consultation (with a parse only)."""
    if ctx.doc is None or h.lex.stance != "consult":
        return False
    span = ctx.doc.char_span(h.key, h.key + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].lemma_.lower() != "meet":
        return False
    obj = next((c for c in span[0].children if c.dep_ == "dobj"), None)
    return obj is not None and not _is_actor_token(ctx, obj)


def _modifier_use(tok: Token) -> bool:
    """A trigger word that is no predicate: an adverb or particle ("pushed back against",
    "takes back what he said", "taking heat back home") or a modifier before its noun
    ("pledged delegates", "consulting firms", "the required statement")."""
    if tok.tag_ in ("RB", "RP") or tok.dep_ in ("prt", "advmod"):
        return True
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "lobbying and consulting firms"
    return tok.dep_ in ("amod", "compound", "nmod") and tok.i < tok.head.i


def _passive(
    ctx: _Ctx, h: _Hit, sent: tuple[int, int]
) -> tuple[list[tuple[str, str | None]], str] | None:
    """ "The plan was opposed by Chile": the agent is the actor and the subject the target."""
    text = ctx.text
    by = re.match(r"\s+by\s+", text[h.end : h.end + 6])
    participle = re.search(r"(?:ed|en|wn)$", text[h.key : h.end].split()[0])
    one_word = len(text[h.key : h.end].split()) == 1  # not "prepared to send"
    after = text[h.end : h.end + 4]
    aux = re.search(
        r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$",
        text[max(sent[0], h.key - 25) : h.key],
    )
    if by is None and participle and one_word and aux and not re.match(r"\s+to\b", after):
        # "Roe and Penn are accused of …": the subject undergoes it and no agent is named;
        # never "Roe accuses" ("is opposed to" is a stance: an adjective)
        return [], ""
    if by is None or not participle:
        return None
    if not re.search(
        r"\b(?:is|are|was|were|be|been|being|get|got)\s+(?:\w+\s+)?$",
        text[max(sent[0], h.key - 25) : h.key],
    ):
        return None  # "backed by" as a modifier ("a Council-backed force") is no stance
    clause_lo = max(sent[0], _modal_clause_start(ctx, h.start))
    aux = re.search(
        r"\b(?:is|are|was|were|be|been|being|get|got)\s+(?:\w+\s+)?$", text[clause_lo : h.key]
    )
    ts, te = _trim(text, clause_lo, clause_lo + aux.start() if aux else h.start)
    agent_start = h.end + by.end()
    agent_end = _clause_end(ctx, agent_start, sent[1])
    comma = text.find(",", agent_start, agent_end)
    agent_end = comma if comma >= 0 else agent_end
    actors: list[tuple[str, str | None]] = []
    for _s, _e, ent in ctx.base.mentions_in(agent_start, agent_end):
        if ent.type != "LOC":
            named = resolve_entity(ctx.entities, ent)
            if (named.name, named.id) not in actors:
                actors.append((named.name, named.id))
    if not actors:
        # "by two of the nine board members": the phrase, when it names people or groups
        a0, a1 = _trim(text, agent_start, agent_end)
        words = re.findall(r"[\w’'-]+", text[a0:a1].lower())
        if words and words[-1] in STANCE_ACTOR_NOUNS and len(words) <= 8:
            actors = [(text[a0:a1], None)]
    return actors, text[ts:te]


def _require(
    ctx: _Ctx, h: _Hit, sent: tuple[int, int], target: str
) -> tuple[list[tuple[str, str | None]], str, str, str | None]:
    """ "Participants would require a mandate" is their condition; "the mission would require
    a mandate", said by a spokesperson, is the spokesperson's demand about the mission."""
    text = ctx.text
    if ctx.doc is not None:
        span = ctx.doc.char_span(h.key, h.key + 1, alignment_mode="expand")
        tok = span[0] if span is not None and len(span) else None
        subj = subject_of(tok) if tok is not None else None
        is_actor = (
            subj is not None
            and _is_actor_token(ctx, subj)
            and subj.lower_ not in REFERRING_PRONOUNS
        )
        if is_actor:
            return _actors_doc(ctx, h) or [], "condition", target, target
        speaker = _speaker_for(ctx, tok, _in_quote(ctx, h.start)) if tok is not None else []
    else:
        clause = text[_modal_clause_start(ctx, h.start) : h.start]
        words = re.findall(r"[\w’'-]+", clause.lower())
        if any(w in STANCE_ACTOR_NOUNS for w in words) or ctx.base.mentions_in(
            h.start - len(clause), h.start
        ):
            return _actors_rules(ctx, h, sent), "condition", target, target
        speaker = _speaker_rules(ctx, h, sent)
    ts, te = _trim(text, _modal_clause_start(ctx, h.start), h.start)
    return speaker, "demand", f"{text[ts:te]} {text[h.key : h.end]} {target}".strip(), None


def _speaker_rules(ctx: _Ctx, h: _Hit, sent: tuple[int, int]) -> list[tuple[str, str | None]]:
    """Without a parse: the speaker of the quotation, or the subject of "X said" in the sentence."""
    quote = _in_quote(ctx, h.start)
    if quote is not None:
        sp = _quote_speaker(ctx, quote)
        return [sp] if sp else []
    said = list(
        re.finditer(
            rf"(?P<a>(?:[A-Z][\w.’'-]*\s+){{0,4}}[\w.’'-]+)\s+(?:{_SPEECH_RX})\b",
            ctx.text[sent[0] : h.start],
        )
    )
    if not said:
        return []
    m = said[-1]
    a0, a1 = sent[0] + m.start("a"), sent[0] + m.end("a")
    named = _name_of(ctx, a0, a1)
    return [named] if named else []


def _whether_clause(ctx: _Ctx, h: _Hit) -> bool:
    """Whether the trigger's clause is (or is reported in) an open "whether" clause ("depends
    on whether (or not) Kestria wants to sign"): the stance is put as a question, not asserted (with a
    parse only; a "whether" after a verb of asking is ``polarity.py``'s)."""
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(h.key, h.key + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    cur: Token = span[0]
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in cur.children):
            return True
        # "it is not clear whether this means she would sign …": the open clause governs
        # the reported one (ccomp) too
        if cur.dep_ not in ("xcomp", "acomp", "conj", "aux", "ccomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _mark(ctx: _Ctx, h: _Hit, sent: tuple[int, int], found: list[Stance]) -> None:
    """Polarity and confidence of a trigger's stances (``polarity.py``): "Iran denied seeking
    weapons" keeps its type (request) marked ``denied``, never an asserted request."""
    reading = read_polarity(ctx.text, ctx.doc, sent, h.start, max(h.end, h.raw_end))
    polarity = reading.polarity
    if (
        polarity == "asserted"
        and h.condition is not None
        and h.cond_marker in STANCE_CONDITION_MARKERS
    ):
        polarity = "conditional"  # a condition the stance module attached, the cue aside
    if polarity == "asserted" and _whether_clause(ctx, h):
        polarity = "questioned"  # "it depends on whether Kestria wants to sign": left open
    sure = certainty(reading, ctx.doc is not None)
    for st in found:
        st.polarity = polarity
        st.confidence = stance_confidence(st.actor_entity, sure)


# A stance read inside a quotation about someone other than its speaker ("This council has
# rejected every plan," Roe said) is the speaker's claim about that actor, not the actor's
# own word. ``Stance`` has no field for who claims it, so it is kept (the stance list still
# shows what was said) with a confidence under ``CONFIDENCE_THRESHOLD``: ``models.usable``
# then keeps it out of the brief, the profile and the conflicts.
QUOTED_CLAIM_CONFIDENCE = round(CONFIDENCE_THRESHOLD - 0.1, 3)


# Roles whose holder speaks for the body their title names ("French Foreign Ministry
# spokesperson Ada Roe", "Ben Penn, a spokesman for the Brill campaign"): what they say
# of that body in a quotation is its own stance. Commentators (analyst, professor, critic)
# are left out: they speak about a body, not for it.
_SPEAKS_FOR_ROLES = frozenset(
    {
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "minister",
        "ministry", "secretary", "president", "ambassador", "envoy", "chief", "head",
        "director", "chairman", "chairwoman", "chair", "ceo", "leader", "premier", "governor",
        "mayor", "representative", "negotiator", "diplomat", "deputy", "aide",
    }
)  # fmt: skip
# ", a spokesman for the Brill campaign," right after a name (the appositive, to its end).
_APPOSITIVE_AFTER = re.compile(r",\s*(?:a|an|the)\s+[^,;:“”\"\n]{1,80}", re.I)
# Lower-case words a title run before a name may hold besides its role ("Foreign Ministry
# spokesperson", "chief of staff for the Brill campaign").
_TITLE_RUN_WORDS = frozenset({"of", "for", "the", "foreign", "deputy", "senior", "campaign"})


def _speaks_for(ctx: _Ctx, speaker: str | None, actor: str | None) -> bool:
    """Whether the speaker's title, before the name or in an appositive after it, holds a
    role of :data:`_SPEAKS_FOR_ROLES` and names ``actor`` (or the speaker is an unnamed
    source affiliated with it)."""
    if speaker is None or actor is None:
        return False
    ent = ctx.entity(speaker)
    if ent is None:
        return False
    # the entity stage's reading of the title: a role that speaks for a body affiliated with
    # the actor, directly or one step up ("French Foreign Ministry spokesperson" -> France)
    role_ok = ent.type == "UNNAMED" or bool(
        set(re.findall(r"[a-z-]+", (ent.role or "").lower())) & _SPEAKS_FOR_ROLES
    )
    aff = ent.affiliation
    for _ in range(2):
        if aff is None or not role_ok:
            break
        if aff == actor:
            return True
        up = ctx.entity(aff)
        aff = up.affiliation if up is not None else None
    text = ctx.text
    for m in ent.mentions:
        # the title run right before the name: capitalised words, roles and their glue,
        # never farther (a clause's subject "Alder Mayor Roe met Penn" is no title of Penn)
        s0 = ctx.sents.at(m.start)[0]
        lo = m.start
        for w in reversed(list(re.finditer(r"[\w’'.-]+|[^\w\s]", text[s0 : m.start]))):
            word = w.group(0)
            if not (word[:1].isupper() or word.lower() in _SPEAKS_FOR_ROLES | _TITLE_RUN_WORDS):
                break
            lo = s0 + w.start()
        app = _APPOSITIVE_AFTER.match(text, m.end)
        hi = app.end() if app else m.end
        if not set(re.findall(r"[a-z-]+", text[lo:hi].lower())) & _SPEAKS_FOR_ROLES:
            continue
        if _mentions(ctx, actor, lo, hi):
            return True
    return False


def _quoted_claims(ctx: _Ctx, h: _Hit, found: list[Stance]) -> None:
    """Lower the confidence of ``found`` (in place) when the trigger lies in a quotation and
    the actor is not its speaker: "We reject it," or "Alder will not sign," the Alder mayor
    said stays the speaker's own (the actor is the speaker, or the speaker's affiliation);
    with no speaker found, a stance whose actor is named inside the quotation before the
    trigger is someone's claim about that actor all the same."""
    quote = _in_quote(ctx, h.start)
    if quote is None:
        return
    sp = _quote_speaker(ctx, quote)
    s0 = ctx.sents.at(h.start)[0]
    for st in found:
        if sp is not None:
            own = _vouches(ctx, st, sp)
        else:
            own = not any(
                resolve_entity(ctx.entities, ent).id == st.actor_entity
                or ent.name.casefold() == st.actor.casefold()
                for _s, _e, ent in ctx.base.mentions_in(quote[0], h.start)
            )
        if (
            not own
            and s0 < quote[0]
            and not _names_actor(ctx, st, quote[0], h.start)
            and _names_actor(ctx, st, s0, quote[0])
        ):
            # "Roe added that Kestria was “ready to sign”": the writer names the actor and
            # the marks only quote the words, a report like the same sentence without them
            own = True
        if not own:
            st.confidence = min(st.confidence, QUOTED_CLAIM_CONFIDENCE)


_REPORTING_LEMMAS = SPEECH_LEMMAS | CLAIM_REPORT_LEMMAS


def _reporter(ctx: _Ctx, h: _Hit) -> tuple[Token | None, Token] | None:
    """The subject of the trigger's own clause (or ``None``) and the subject of the reporting
    verb whose content clause the trigger stands in ("Penn said [Kestria opposes the dam]",
    "Kestria opposes the dam, Penn said"), climbing only through links that keep the
    trigger inside that clause; ``None`` when there is no such verb or it has no subject."""
    if ctx.doc is None:
        return None
    span = ctx.doc.char_span(h.key, h.key + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    bounds = ctx.sents.at(h.start)
    cur: Token = span[0]
    own: Token | None = None
    content = False
    for _ in range(6):
        if content and cur.lemma_.lower() in _REPORTING_LEMMAS and cur.pos_ in ("VERB", "AUX"):
            # (a participle's is its clause's: "Penn, later alleging that Roe wanted …")
            subj = subject_of(cur, bounds=bounds)
            return (own, subj) if subj is not None else None
        if not content and own is None:
            own = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if cur.dep_ not in ("ccomp", "xcomp", "acomp", "conj", "aux") or cur.head.i == cur.i:
            return None
        content = content or cur.dep_ == "ccomp"
        cur = cur.head
    return None


def _reported_claims(ctx: _Ctx, h: _Hit, found: list[Stance]) -> None:
    """Lower the confidence of ``found`` (in place) when the trigger lies in the content of
    someone else's report: "Penn alleged that Roe wanted to close the mill" is Penn's claim
    about Roe, as it is in a quotation (``_quoted_claims``, which reads those). Only a
    person's stance is lowered (a state or a body is known through what others report of
    it), and it stays as read when the reporter is the actor or speaks for it ("his
    campaign said Roe would …"), or when the clause's subject is a pronoun ("Roe said she
    opposes …": its reading, the reporter where it fits, named the actor)."""
    if _in_quote(ctx, h.start) is not None:
        return
    found_subjects = _reporter(ctx, h)
    if found_subjects is None:
        return
    own_subj, subj = found_subjects
    if own_subj is not None and own_subj.lower_ in REFERRING_PRONOUNS | _FIRST_PERSON:
        return
    low = subj.lower_
    if low in _FIRST_PERSON:
        return  # "we believe Alder will back …": the speaker's own view, left as read
    if (
        subj.pos_ in ("NOUN", "PROPN")
        and subj.lemma_.lower() in _SPEAKS_FOR_ROLES | REPORTING_BODY_NOUNS
    ):
        # "officials said Tuesday that Kestria has agreed to …", "the campaign told reporters
        # Roe would call for …", "one Foreign Minister said the countries will …": an
        # unnamed source that reports for a side, the sourcing of a report, not a rival's
        # claim
        return
    if low in REFERRING_PRONOUNS:
        who = _resolve_pronoun_doc(ctx, subj)
    else:
        who = _actor_from_token(ctx, subj)
    for st in found:
        ent = ctx.entity(st.actor_entity)
        if ent is None or resolve_entity(ctx.entities, ent).type != "PERSON":
            # a state, a body or an unnamed group speaks only through others ("its minister
            # said Valdoria was ready to …", "the two leaders discussed …, the Elysée said"):
            # a report is how its stance is known; a person's stance is their own word
            continue
        # an unnamed reporter ("critics say Roe wants …") never vouches for the actor
        own = who is not None and _vouches(ctx, st, who)
        if not own:
            st.confidence = min(st.confidence, QUOTED_CLAIM_CONFIDENCE)


def _names_actor(ctx: _Ctx, st: Stance, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` names the stance's actor (a mention of its entity, or its name)."""
    if st.actor.casefold() in ctx.text[lo:hi].casefold():
        return True
    return st.actor_entity is not None and _mentions(ctx, st.actor_entity, lo, hi)


def _mentions(ctx: _Ctx, eid: str, lo: int, hi: int) -> bool:
    """Whether an entity mentioned in ``text[lo:hi]`` resolves to the entity ``eid``."""
    return any(
        resolve_entity(ctx.entities, e).id == eid for _s, _e, e in ctx.base.mentions_in(lo, hi)
    )


def _vouches(ctx: _Ctx, st: Stance, who: tuple[str, str | None]) -> bool:
    """Whether the one who states ``st`` (a quotation's speaker, a report's subject) is its
    actor, by entity or by name, or speaks for it (``_speaks_for``): the stance is then the
    actor's own word, not someone's claim about it."""
    return (
        (st.actor_entity is not None and st.actor_entity == who[1])
        or st.actor.casefold() == who[0].casefold()
        or _speaks_for(ctx, who[1], st.actor_entity)
    )


def extract_stances(
    article: Article,
    doc: Doc | None,
    entities: Sequence[Entity],
    ctx: ArticleContext | None = None,
) -> list[Stance]:
    """Find the stances of ``article``: actor, type (see :data:`STANCE_TYPES`), target, condition.

    Args:
        article: the cleaned article.
        doc: its spaCy parse (actors from the dependency tree), or ``None`` (position rules).
        entities: the article's entities, for actor names and ``actor_entity``.
        ctx: the article's shared context (built here when ``None``).

    Returns:
        Stances in text order; each cites the sentence it is read from.
    """
    text = article.text
    sc = _Ctx.of(ctx or ArticleContext(article, doc, entities))
    out: list[Stance] = []
    for s0, s1 in sc.sents.spans:
        sc.base.deadline.check()
        hits = _find_hits(sc, s0, s1)
        for h in hits:
            h.negated = h.lex.negatable and _negated_before(text, max(s0, h.start - 30), h.start)
            h.raw_end = _raw_target_end(sc, h, s1)
        hits = _nested(hits)
        cond_spans = _assign_conditions(sc, hits, s0, s1)
        prev_target: str | None = None
        for h in hits:
            if any(cs <= h.start < ce for cs, ce in cond_spans):
                continue  # "if the U.N. approves": the trigger is part of a condition
            if sc.doc is None and _FREE_RELATIVE.search(text[max(s0, h.start - 50) : h.start]):
                continue  # (rules) "what the base doesn't want to hear": a thing, no stance
            if _PERMITTED.search(text, max(s0, h.start - 40), h.start):
                continue  # "delegates free to back either candidate": a leave, no stance
            found, target = _stances_for(sc, h, (s0, s1), prev_target)
            if found:
                _mark(sc, h, (s0, s1), found)
                _quoted_claims(sc, h, found)
                _reported_claims(sc, h, found)
            out.extend(found)
            prev_target = target or prev_target
    return out
