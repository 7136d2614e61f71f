"""English language data: the word lists the extractors and term extractors read.

Plain data (dicts, tuples, frozensets), no extractor logic, as spaCy keeps ``spacy/lang/en/``
apart from its pipeline. Each lexicon is written once; a module that needs a narrower list
uses one of the named subsets below, derived from the one table, never a list of its own.

- speech and reporting verbs: ``SPEECH_VERBS`` (lemma -> inflected forms), tagged by use;
- denial and negation cues: ``DENIAL_VERBS`` (a subset of the speech verbs), ``NEGATION_CUES``;
- polarity and modality cues (appended at the end): ``DENIAL_EXTRA_FORMS``,
  ``DENIAL_OBJECT_VERBS``, ``DENIAL_NOUNS``, ``REFUSAL_VERBS``, ``UNSAID_VERBS``,
  ``CONDITIONAL_CUES``, ``NOT_CONDITIONAL_IF``, ``HYPOTHETICAL_CUES``, ``HYPOTHETICAL_MODALS``,
  ``QUESTION_VERBS``;
- titles and honorifics written before a name: ``HONORIFICS``;
- pronouns with person, number and gender: ``PRONOUNS``;
- abbreviations that do not end a sentence: ``ABBREVIATIONS``;
- calendar words: ``MONTHS``, ``MONTH_ABBREVIATIONS``, ``WEEKDAYS``, ``WEEKDAY_ABBREVIATIONS``,
  ``TIME_WORDS``, ``TIME_ZONES``;
- page furniture (appended at the end): ``FURNITURE_OPENERS``, ``CREDIT_WORDS``, ``STAMP_ZONES``,
  ``US_TIME_ZONES``;
- verbs that move a date later: ``RESCHEDULE_VERBS``.

The stop-word list is ``storyline.lang.stop_words()`` (scikit-learn's, loaded lazily).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

__all__ = [
    "ABBREVIATIONS",
    "APPOSITION_BREAK_WORDS",
    "ATTITUDE_VERBS",
    "ATTRIBUTION_NOUNS",
    "ATTRIBUTION_PREPOSITIONS",
    "ATTRIBUTION_SPEECH_VERBS",
    "BELIEF_VERBS",
    "CALENDAR_PERIODS",
    "CAPTION_LABELS",
    "CASUALTY_WORDS",
    "CLAUSE_PREPOSITIONS",
    "CONDITIONAL_CUES",
    "CORE_SPEECH_FORMS",
    "CREDIT_LINE_LABELS",
    "CREDIT_WORDS",
    "DATE_NUMBER_WORDS",
    "DAY_PARTS",
    "DEFINITE_DETERMINERS",
    "DENIAL_EXTRA_FORMS",
    "DENIAL_NOUNS",
    "DENIAL_NOUN_MODIFIERS",
    "DENIAL_OBJECT_VERBS",
    "DENIAL_SELF_VERBS",
    "DENIAL_VERBS",
    "DOCUMENT_READING_FORMS",
    "DOCUMENT_RELATIVE_FORMS",
    "EVERYDAY_PERSON_NOUNS",
    "EVIDENCE_VERBS",
    "EXAMPLE_PREPOSITIONS",
    "FEMALE_FIRST_NAMES",
    "FINITE_CUES",
    "FOCUS_PLACE_PREPOSITIONS",
    "FORECAST_LEMMAS",
    "FRAMING_NOUNS",
    "FURNITURE_OPENERS",
    "FUTURE_HEAD_LEMMAS",
    "GENERIC_MODS",
    "GOVERNING_PREPOSITIONS",
    "HAVE_OBJECT_WORDS",
    "HEADLINE_CUT_OPENERS",
    "HEADLINE_SMALL_WORDS",
    "HEARER_FORMS",
    "HONORIFICS",
    "HYPOTHETICAL_CUES",
    "HYPOTHETICAL_MODALS",
    "IMPLIED_COUNT_ORDINALS",
    "IMPLIED_COUNT_PREDICATES",
    "INDIRECT_SPEECH_FORMS",
    "INFINITIVE_CONTENT_VERBS",
    "INFINITIVE_NOUNS",
    "INTENT_VERBS",
    "IRREGULAR_PARTICIPLES",
    "ISSUING_FORMS",
    "ISSUING_VERBS",
    "KIND_HEADS",
    "LABELLING_LEMMAS",
    "LABEL_SETS",
    "MALE_FIRST_NAMES",
    "MODAL_AUXILIARIES",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "NAME_SLOT_WORDS",
    "NEGATABLE_AUXILIARIES",
    "NEGATION_ADVERBS",
    "NEGATION_CONTRACTION_STEMS",
    "NEGATION_CUES",
    "NEGATION_LIMITERS",
    "NEGATIVE_SUBJECTS",
    "NOT_A_SPEAKER_WORDS",
    "NOT_CLAUSE_START_WORDS",
    "NOT_CONDITIONAL_IF",
    "NOT_CONDITIONAL_IF_AFTER",
    "NOT_IN_SUBJECT_GAP",
    "NOT_VERB_TRIGGER_WORDS",
    "OBJECT_CONTENT_VERBS",
    "OBJECT_LEAD_PREPOSITIONS",
    "OPEN_CONTENT_TOKENS",
    "OPEN_CONTENT_WORDS",
    "PASSIVE_AUXILIARIES",
    "PAST_AUXILIARIES",
    "PERMISSION_ADJECTIVES",
    "PERSONAL_TITLES",
    "PHRASE_END_WORDS",
    "PREDICATE_CONTENT_VERBS",
    "PRONOUNS",
    "QUESTION_VERBS",
    "QUOTE_SPEECH_FORMS",
    "REFERRING_PRONOUNS",
    "REFUSAL_VERBS",
    "REPORTING_ADVERBS",
    "REPORTING_FORMS",
    "REPORT_TIME_ADVERBS",
    "REQUIRING_MARKERS",
    "RESCHEDULE_VERBS",
    "SAID_FORMS",
    "SIDE_CLAUSE_CONJUNCTIONS",
    "SIDE_CLAUSE_OPENERS",
    "SKIP_BEFORE_TRIGGER",
    "SNIPPET_END_WORDS",
    "SOURCING_REQUEST_OBJECTS",
    "SPEAKER_CLAUSE_WORDS",
    "SPEAKER_END_WORDS",
    "SPEAKER_PHRASE_OPENERS",
    "SPEAKER_PREPOSITIONS",
    "SPEECH_LEMMAS",
    "SPEECH_VERBS",
    "STAMP_ZONES",
    "STANCE_ACTOR_MODIFIERS",
    "STANCE_ACTOR_NOUNS",
    "STANCE_ACTOR_PLURALS",
    "STANCE_AMBIGUOUS_POSSESSOR_NOUNS",
    "STANCE_CLAUSE_OPENERS",
    "STANCE_CONDITION_MARKERS",
    "STANCE_DETERMINERS",
    "STANCE_DIRECTIVE_FORMS",
    "STANCE_DIRECTIVE_VERBS",
    "STANCE_NEGATION_FLIPS",
    "STANCE_OBJECT_CONTROL_VERBS",
    "STANCE_OF_GOVERNMENT_NOUNS",
    "STANCE_PARTITIVE_SUBJECTS",
    "STANCE_PREPOSITIONS",
    "STANCE_TITLE_GLUE_WORDS",
    "STORY_KINDS",
    "TIME_HEAD_NOUNS",
    "TIME_WORDS",
    "TIME_ZONES",
    "TITLE_ABBREVIATIONS",
    "TITLE_CASE_SMALL_WORDS",
    "TITLE_PARTICIPLES",
    "TRAILING_SPEECH_FORMS",
    "TRAILING_TITLE_ABBREVIATIONS",
    "UNINVERTED_SPEECH_FORMS",
    "UNNAMED_SOURCES",
    "UNSAID_VERBS",
    "US_TIME_ZONES",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "WHETHER_IF_HEADS",
    "WHETHER_IF_LEMMAS",
    "WHETHER_IF_PARTICLE_LEMMAS",
    "WORDING_LEMMAS",
    "Pronoun",
    "alternation",
    "finite_forms",
    "word_set",
]

# -- speech and reporting verbs -----------------------------------------------------------------

# One row per lemma: the lemma, its inflected forms as they attribute speech in news text,
# then after "|" the uses it has. The uses:
#   attr    its forms mark an attribution next to a name ("X said", "said X", "X, who said");
#   subj    with a parse, its subject is the speaker of the clause it governs
#           ("Italy said [it was ready]"), matched on the lemma;
#   quote   it introduces or closes a quotation ("…,” she added"; "he wrote:");
#   clause  it introduces reported speech as a clause ("X warned that …");
#   core    the commonest reporting verbs, enough to tell a clause edge ("…, officials said");
#   trail   it closes a reported clause that comes first ("…, the ministry confirmed");
#   deny    it denies or disputes what follows (the content is not asserted by the subject);
#   hear    the noun phrase right after it is the hearer, not the speaker ("told reporters").
# Forms are the ones seen in news; a use that reads surface text takes the finite forms
# (no "-ing") of the lemmas tagged with it (``finite_forms``). A form marked "*" is also a
# common noun ("the downstream states"): the uses that read a verb where a noun phrase could
# stand ("core", "trail") leave it out.
_SPEECH_TABLE = """
say          said says say saying                             | attr subj quote clause core trail
tell         told tells telling                               | attr subj quote core trail hear
state        stated states* stating                           | attr subj quote clause trail
note         noted notes* noting                              | attr subj quote clause core trail
add          added adds adding                                | attr subj quote clause core trail
warn         warned warns warning                             | attr subj quote clause trail hear
acknowledge  acknowledged acknowledges acknowledging          | attr subj quote clause trail
explain      explained explains explaining                    | attr subj quote clause
emphasize    emphasized emphasizes emphasizing                | attr subj quote clause
emphasise    emphasised emphasises emphasising                | attr subj quote clause
stress       stressed stresses stressing                      | attr subj quote clause
insist       insisted insists insisting                       | attr subj quote clause trail
argue        argued argues arguing                            | attr subj quote clause
announce     announced announces announcing                   | attr subj quote clause trail
declare      declared declares                                | attr subj quote
write        wrote writes                                     | attr subj quote
reply        replied                                          | attr subj quote
continue     continued continues                              | attr quote
claim        claimed claims claiming                          | attr subj clause
confirm      confirmed confirms confirming                    | attr subj clause trail
suggest      suggested suggests suggesting                    | attr subj clause
indicate     indicated                                        | attr subj clause
predict      predicted                                        | attr clause
reiterate    reiterated                                       | attr clause
estimate     estimated estimates*                             | attr clause trail
repeat       repeated repeats                                 | attr clause
report       reported                                         | attr subj trail
answer       answered                                         | attr subj
assert       asserted asserts                                 | attr
deny         denied denies                                    | attr deny
tweet        tweeted                                          | attr
post         posted                                           | attr
recall       recalled                                         | attr
observe      observed                                         | attr
remark       remarked                                         | attr
respond      responded                                        | attr
concede      conceded                                         | attr
admit        admitted admits                                  | attr
hail         hailed                                           | attr
describe     described describing                             | attr
urge         urged urges                                      | attr hear
caution      cautioned cautions                               | attr
highlight    highlighted highlighting                         | attr
maintain     maintained maintains                             | attr
vow          vowed                                            | attr
promise      promised                                         | attr
complain     complained                                       | attr
reveal       revealed                                         | attr
ask          asked asks                                       | attr hear
agree        agreed agrees                                    | attr
counter      countered                                        | attr
assure       assured assures                                  | attr quote
joke         joked jokes                                      | attr quote
quip         quipped quips                                    | attr quote
boast        boasted boasts                                   | attr quote
exclaim      exclaimed exclaims                               | attr quote
shout        shouted shouts                                   | attr quote
muse         mused muses                                      | attr quote
proclaim     proclaimed proclaims                             | attr quote
bark         barked barks                                     | attr quote
retort       retorted retorts                                 | attr quote
signal       signals signaled signalled                       | subj
believe      believes                                         | clause
reject       rejected rejects                                 | deny
dispute      disputed disputes                                | deny
refute       refuted refutes                                  | deny
dismiss      dismissed dismisses                              | deny
"""

Use = Literal["attr", "subj", "quote", "clause", "core", "trail", "deny", "hear"]


def _read_table(
    table: str,
) -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]], frozenset[str]]:
    forms: dict[str, tuple[str, ...]] = {}
    uses: dict[str, frozenset[str]] = {}
    nouns: set[str] = set()
    for line in table.strip().splitlines():
        words, _, tags = line.partition("|")
        lemma, *inflected = words.split()
        forms[lemma] = tuple(f.rstrip("*") for f in inflected)
        uses[lemma] = frozenset(tags.split())
        nouns.update(f.rstrip("*") for f in inflected if f.endswith("*"))
    return forms, uses, frozenset(nouns)


_SPEECH_FORMS, _SPEECH_USES, _NOUN_FORMS = _read_table(_SPEECH_TABLE)

# The one speech-verb list: lemma -> inflected forms.
SPEECH_VERBS: Mapping[str, tuple[str, ...]] = _SPEECH_FORMS


def _lemmas(use: Use) -> tuple[str, ...]:
    return tuple(lemma for lemma, tags in _SPEECH_USES.items() if use in tags)


def finite_forms(lemmas: Iterable[str], *, nouns: bool = True) -> frozenset[str]:
    """The forms of ``lemmas`` that can head a reporting clause (no "-ing" participles).

    ``nouns=False`` leaves out the forms that are also common nouns ("states", "notes").
    """
    return frozenset(
        f
        for lemma in lemmas
        for f in SPEECH_VERBS[lemma]
        if not f.endswith("ing") and (nouns or f not in _NOUN_FORMS)
    )


# Surface forms that mark an attribution next to a name ("said", "told", "according to" aside).
REPORTING_FORMS: frozenset[str] = frozenset(
    f for lemma in _lemmas("attr") for f in SPEECH_VERBS[lemma]
)
# Two-word verbs of retort that close or open a quotation next to their subject like a
# reporting verb ("“…,” Roe shot back."); the speech table holds one-word forms only.
PHRASAL_REPORTING_FORMS: frozenset[str] = frozenset(
    {"shot back", "shoots back", "fired back", "fires back"}
)
# Lemmas whose subject (in a dependency parse) is the speaker of the clause they govern.
SPEECH_LEMMAS: frozenset[str] = frozenset(_lemmas("subj"))
# Forms that introduce or close a quotation next to its speaker ("…,” she added").
QUOTE_SPEECH_FORMS: frozenset[str] = finite_forms(_lemmas("quote"))
# Forms that introduce reported speech as a clause ("X warned that …").
INDIRECT_SPEECH_FORMS: frozenset[str] = finite_forms(_lemmas("clause"))
# The commonest reporting forms, used to see where a clause ends ("…, officials said").
CORE_SPEECH_FORMS: frozenset[str] = finite_forms(_lemmas("core"), nouns=False)
# Forms that close a reported clause put first ("…, the ministry confirmed").
TRAILING_SPEECH_FORMS: frozenset[str] = finite_forms(_lemmas("trail"), nouns=False)
# Forms whose following noun phrase is the hearer, not the speaker ("told reporters", "asked
# Roe"), with the bare lemma ("will tell").
HEARER_FORMS: frozenset[str] = frozenset(
    f for lemma in _lemmas("hear") for f in (lemma, *SPEECH_VERBS[lemma]) if not f.endswith("ing")
)
# Verbs that deny or dispute their content: lemma -> forms (a subset of ``SPEECH_VERBS``).
DENIAL_VERBS: Mapping[str, tuple[str, ...]] = {
    lemma: SPEECH_VERBS[lemma] for lemma in _lemmas("deny")
}

# Words that negate the verb after them ("will not commit", "never said", "no longer backs").
# The commonest reporting forms, where a short list is meant: a capitalised pair right before
# one is a person ("Ann Roe said"); no subject sits across one.
SAID_FORMS: tuple[str, ...] = ("said", "says", "told")
# Sources left unnamed whose report ends a clause ("…, officials said").
UNNAMED_SOURCES: tuple[str, ...] = ("official", "officials", "source", "sources")
NEGATION_CUES: tuple[str, ...] = ("not", "n't", "n’t", "never", "no longer", "cannot")
# Subjects that deny the report they govern: "None has said C", "Nobody said C" (no one
# said it); never a speaker's name. In the order matched.
NEGATIVE_SUBJECTS: tuple[str, ...] = ("none", "nobody", "no one", "neither")

# -- abbreviations --------------------------------------------------------------------------------

# Abbreviations after which a full stop does not end a sentence ("Mr. Roe", "Jan. 5",
# "Acme Inc. said"); read by the sentence splitters (text.sentence_spans, dedup's rough one).
ABBREVIATIONS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
    "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept",
    "est", "etc", "fig", "e.g", "i.e", "u.k", "u.n", "u.s",
})  # fmt: skip

# -- titles -------------------------------------------------------------------------------------

# Titles and honorifics written before a person's name ("Mr. Barrot", "Sen. Roe",
# "Prime Minister Jane Roe"); each may be followed by a full stop.
# The personal titles ("Mr. Roe", "Dr. Roe"): a capitalised pair after one is a person's name.
PERSONAL_TITLES: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Dr")
HONORIFICS: tuple[str, ...] = (
    *PERSONAL_TITLES[:3], "Miss", PERSONAL_TITLES[3], "Prof", "Sir", "Dame", "Lord", "Lady", "Sheikh", "Sheikha",
    "President", "Prime Minister", "Minister", "Senator", "Sen", "Rep", "Gov", "Gen", "Pope",
    "King", "Queen", "Prince", "Princess", "Emir", "Chancellor",
)  # fmt: skip

# -- generic name words ---------------------------------------------------------------------

# Capitalised words that open or close many different names ("Port Halden", "Labour
# Minister", "Sarel River", "National Bank"): on their own they name no actor, so two events
# sharing one of them share nothing (storylines compare principal actors; whole names such as
# "port halden" still count).
GENERIC_NAME_WORDS: frozenset[str] = frozenset({
    "agency", "association", "authority", "bank", "bay", "board", "central", "chief", "city",
    "commission", "committee", "company", "council", "court", "department", "deputy", "east",
    "federation", "foreign", "general", "government", "group", "house", "interior", "island",
    "justice", "labour", "labor", "lake", "minister", "ministry", "mount", "national", "new",
    "north", "office", "party", "police", "port", "president", "prime", "river", "saint",
    "secretary", "senate", "south", "state", "street", "union", "united", "university", "west",
})  # fmt: skip

# Words of news leads that say nothing about what kind of event happened (reporting, counting,
# time): never evidence that two events are of one kind (storylines' event kind). Compared by
# their first six letters, as the kind words are ("reported" ~ "report").
GENERIC_EVENT_WORDS: frozenset[str] = frozenset({
    "about", "according", "added", "after", "again", "ago", "already", "announced",
    "asked", "before", "called", "come", "could", "day", "days", "despite", "during", "early",
    "expected", "first", "following", "former", "given", "hours", "including", "just", "known",
    "last", "late", "later", "latest", "least", "like", "local", "made", "make", "many", "more",
    "most", "month", "months", "much", "news", "officials", "people", "percent", "place",
    "reported", "reports", "right", "said", "saying", "says", "several", "since", "still",
    "statement", "taken", "time", "times", "today", "told", "took", "week", "weeks",
    "where", "while", "would", "year", "years", "yesterday",
})  # fmt: skip

# Words of scikit-learn's stop-word list that do name what happened ("fire", "bill",
# "interest"): kept as event-kind words.
STOP_WORDS_WITH_MEANING: frozenset[str] = frozenset({"bill", "fire", "interest", "system"})


# -- pronouns -----------------------------------------------------------------------------------


class Pronoun(NamedTuple):
    """What a pronoun says about what it refers to."""

    person: Literal[1, 2, 3]
    number: Literal["sg", "pl"] | None  # None: either ("you")
    gender: Literal["m", "f", "n"] | None  # n: a thing or an institution ("it")
    case: Literal["subj", "obj", "poss"]


PRONOUNS: Mapping[str, Pronoun] = {
    "i": Pronoun(1, "sg", None, "subj"),
    "me": Pronoun(1, "sg", None, "obj"),
    "my": Pronoun(1, "sg", None, "poss"),
    "we": Pronoun(1, "pl", None, "subj"),
    "us": Pronoun(1, "pl", None, "obj"),
    "our": Pronoun(1, "pl", None, "poss"),
    "you": Pronoun(2, None, None, "subj"),
    "your": Pronoun(2, None, None, "poss"),
    "he": Pronoun(3, "sg", "m", "subj"),
    "him": Pronoun(3, "sg", "m", "obj"),
    "his": Pronoun(3, "sg", "m", "poss"),
    "she": Pronoun(3, "sg", "f", "subj"),
    "her": Pronoun(3, "sg", "f", "obj"),
    "it": Pronoun(3, "sg", "n", "subj"),
    "its": Pronoun(3, "sg", "n", "poss"),
    "they": Pronoun(3, "pl", None, "subj"),
    "them": Pronoun(3, "pl", None, "obj"),
    "their": Pronoun(3, "pl", None, "poss"),
}
# Words that stand for an actor named elsewhere and are never its name: the subject and
# object pronouns, demonstratives and relative pronouns ("which", "who").
REFERRING_PRONOUNS: frozenset[str] = frozenset(
    {p for p, f in PRONOUNS.items() if f.case != "poss"} | {"this", "that", "which", "who"}
)

# -- calendar -----------------------------------------------------------------------------------

MONTHS: Mapping[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
# Abbreviations as written (with or without a full stop); "may" has none.
MONTH_ABBREVIATIONS: Mapping[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
WEEKDAY_ABBREVIATIONS: frozenset[str] = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)
# Words of time that are never a topic or a name.
TIME_WORDS: frozenset[str] = frozenset({"today", "yesterday", "tomorrow", "am", "pm", "a.m", "p.m"})
TIME_ZONES: frozenset[str] = frozenset(
    {"gmt", "est", "edt", "pst", "pdt", "cet", "cest", "bst", "utc"}
)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (escaped), longest first so no word hides a longer one.

    A space inside a cue ("no longer") matches any run of white space.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# -- polarity and modality cues (stages/prepare/extract/polarity.py) ------------------------------

# Forms of the denial verbs beyond the speech table's ("deny", "denying"): with
# ``DENIAL_VERBS`` they mark content the subject does not assert ("X denied that …").
DENIAL_EXTRA_FORMS: tuple[str, ...] = (
    "deny", "denying", "disputing", "refuting", "contradicted", "contradicts", "rebutted",
)  # fmt: skip
# Verbs that deny only with a noun of saying as object: "rejected the claim that …",
# "dismissed reports that …" ("rejected the plan" is a stance, not a denial).
DENIAL_OBJECT_VERBS: tuple[str, ...] = (
    "reject", "rejected", "rejects", "rejecting", "dismiss", "dismissed", "dismisses",
    "dismissing", "dispute", "disputed", "disputes", "refute", "refuted", "refutes",
    "brushed aside", "pushed back on", "pushed back against",
)  # fmt: skip
DENIAL_NOUNS: tuple[str, ...] = (
    "claim", "claims", "suggestion", "suggestions", "notion", "idea", "allegation",
    "allegations", "accusation", "accusations", "report", "reports", "assertion", "assertions",
    "charge", "charges", "contention", "speculation", "rumor", "rumors", "rumour", "rumours",
    "characterization", "characterisation", "premise",
)  # fmt: skip
# Verbs that, refused or declined, leave the content unsaid ("declined to say whether …").
REFUSAL_VERBS: tuple[str, ...] = (
    "declined", "declines", "decline", "refused", "refuses", "refuse", "stopped short of",
    "stops short of",
)  # fmt: skip
# What the refusal is of ("declined to [confirm]"), beyond the speech verbs.
UNSAID_VERBS: tuple[str, ...] = (
    "comment", "confirm", "specify", "disclose", "discuss", "elaborate", "answer", "say",
    "saying", "confirming", "identify", "speculate",
)  # fmt: skip
# Markers of a condition clause: the content holds only if it holds ("unless" negates it).
CONDITIONAL_CUES: tuple[str, ...] = (
    "if", "unless", "only if", "provided that", "providing that", "as long as", "so long as",
    "on condition that", "on the condition that", "in case",
)  # fmt: skip
# "if" uses that set no condition on the clause ("even if", "as if", "if anything").
NOT_CONDITIONAL_IF: tuple[str, ...] = (
    "even if", "as if", "if any", "if anything", "if ever", "if so", "if not", "what if",
)  # fmt: skip
# Markers of a hypothetical or counterfactual ("suppose …", "in the event that …").
HYPOTHETICAL_CUES: tuple[str, ...] = (
    "suppose", "supposing", "imagine", "hypothetically", "in the event that", "in the event of",
    "what if", "had it not been for", "were it not for", "if only",
)  # fmt: skip
# The words before an "if" that is no condition, for the parse ("even if", "as if"; not
# "what if", a hypothetical's cue).
NOT_CONDITIONAL_IF_AFTER: frozenset[str] = frozenset(
    cue.split()[0]
    for cue in NOT_CONDITIONAL_IF
    if cue.endswith(" if") and cue not in HYPOTHETICAL_CUES
)
# Modal auxiliaries that, with an "if" clause or "have" + participle, make a hypothetical.
HYPOTHETICAL_MODALS: tuple[str, ...] = ("would", "could", "might", "wouldn't", "couldn't")
# Verbs that put the content as a question ("asked whether …").
QUESTION_VERBS: tuple[str, ...] = (
    "ask", "asked", "asks", "asking", "question", "questioned", "questions", "questioning",
    "wonder", "wondered", "wonders", "wondering", "inquire", "inquired", "enquired", "queried",
)  # fmt: skip


# -- abbreviated titles -------------------------------------------------------------------------

# Titles written abbreviated with a full stop before a name ("Mr. Roe", "Sen. Roe",
# "Lt. Gov. Roe"): the stop is part of a speaker's noun phrase, not a sentence end.
TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Reps", "Sens", "Gov", "Gen", "Lt", "Col",
    "Capt", "Sgt", "Adm", "Maj", "Cmdr", "Cpl", "Pvt", "Atty", "Supt", "Insp", "Det", "Rev",
    "Hon", "Msgr", "Fr", "Jr", "Sr", "St",
)  # fmt: skip
# Those that come after a name or end an address ("Roe Jr.", "Main St."), which may end a
# sentence: the others always have a name after them.
TRAILING_TITLE_ABBREVIATIONS: frozenset[str] = frozenset({"Jr", "Sr", "St"})

# -- titles of works --------------------------------------------------------------------------

# Short words a title of a work leaves lowercase ("The Art of the Deal", "Fox & Friends"):
# a quoted phrase whose other words are all capitalised is a title, not speech.
TITLE_CASE_SMALL_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "of", "and", "or", "nor", "but", "in", "on", "at", "to", "for", "with",
    "by", "from", "as", "vs", "via", "&", "de", "la", "le", "du", "von", "van",
})  # fmt: skip

# -- first names by gender ----------------------------------------------------------------------

# Common English first names, a prior for pronoun agreement ("she" is not Tom Roe) used only
# when the article itself shows nothing (honorifics and pronouns come first). Deliberately
# short: an unknown name has no gender and agrees with "he" and "she" alike.
MALE_FIRST_NAMES: frozenset[str] = frozenset({
    "adam", "alan", "albert", "alex", "alexander", "andrew", "anthony", "ben", "benjamin",
    "bernie", "bill", "billy", "bob", "brian", "bruce", "carl", "charles", "charlie", "chris",
    "christopher", "chuck", "dan", "daniel", "david", "dennis", "donald", "doug", "douglas",
    "ed", "edward", "eric", "frank", "fred", "gary", "george", "gerald", "greg", "harold",
    "harry", "henry", "jack", "jacob", "james", "jason", "jeb", "jeff", "jeffrey", "jerry",
    "jim", "jimmy", "joe", "john", "jonathan", "joseph", "josh", "joshua", "justin", "keith",
    "ken", "kenneth", "kevin", "larry", "lawrence", "louis", "marco", "mark", "matt", "matthew",
    "michael", "mike", "mitch", "nathan", "nicholas", "paul", "peter", "phil", "philip",
    "ralph", "randy", "raymond", "richard", "rick", "robert", "roger", "ron", "ronald",
    "russell", "ryan", "sam", "samuel", "scott", "sean", "stephen", "steve", "steven", "ted",
    "terry", "thomas", "tim", "timothy", "todd", "tom", "tony", "walter", "wayne", "william",
    # more of the common given names of English-language news (US census and ONS frequency
    # lists' top names, names used for one sex only), and of public figures' given names
    "aaron", "ahmed", "alberto", "alejandro", "alfred", "ali", "andy", "antonio", "arnold",
    "arthur", "austin", "barack", "barry", "bernard", "bobby", "boris", "brad", "bradley",
    "brandon", "brett", "bret", "carlos", "chad", "clarence", "clint", "colin", "corey",
    "cory", "craig", "curtis", "dale", "darrell", "darren", "dean", "derek", "dick", "don",
    "donnie", "duncan", "dustin", "dwight", "earl", "eddie", "edwin", "elijah", "emmanuel",
    "ernest", "eugene", "evan", "francis", "francisco", "franklin", "frederick", "gabriel",
    "gene", "geoffrey", "gilbert", "glenn", "gordon", "graham", "grant", "gregory",
    "guy", "hank", "harvey", "herbert", "herman", "howard", "hugh", "hugo", "ian", "igor",
    "isaac", "ivan", "jake", "jared", "javier", "jay", "jeremy", "jerome", "jesse", "jesus",
    "joel", "johnny", "jon", "jorge", "jose", "juan", "karl", "kurt", "kyle", "lance", "leo",
    "leon", "leonard", "lloyd", "luis", "luke", "malcolm", "manuel", "marcus", "mario",
    "martin", "marvin", "max", "micah", "miguel", "mitt", "mohammed", "muhammad", "neil",
    "newt", "nick", "noah", "norman", "oliver", "omar", "oscar", "patrick", "pedro", "perry",
    "pete", "rahm", "rand", "ray", "reince", "rex", "ricardo", "rob", "roberto", "rodney",
    "ross", "roy", "rudy", "rupert", "russ", "sergei", "seth", "shane", "sidney", "simon",
    "stanley", "stuart", "trevor", "troy", "tyler", "vernon", "victor", "vincent",
    "vladimir", "wallace", "warren", "wesley", "willie", "zachary"
})  # fmt: skip
FEMALE_FIRST_NAMES: frozenset[str] = frozenset({
    "alice", "amanda", "amy", "angela", "ann", "anna", "anne", "barbara", "betsy", "betty",
    "carly", "carol", "caroline", "catherine", "chelsea", "christine", "cynthia", "deborah",
    "debbie", "diana", "diane", "donna", "dorothy", "elizabeth", "ellen", "emily", "emma",
    "frances", "hannah", "heather", "helen", "hillary", "jane", "janet", "jennifer", "jessica",
    "jill", "joan", "joanna", "judith", "judy", "julia", "julie", "karen", "kate", "katherine",
    "kathleen", "kathy", "kelly", "kimberly", "laura", "lauren", "linda", "lisa", "lori",
    "madeleine", "margaret", "maria", "marie", "marine", "martha", "mary", "maureen", "megan",
    "melania", "melissa", "michelle", "nancy", "nicole", "nikki", "pamela", "patricia",
    "rachel", "rebecca", "roberta", "ruth", "sandra", "sarah", "sharon", "shirley", "stephanie",
    "susan", "teresa", "theresa", "virginia",
    # more of the common given names (see the male list)
    "abigail", "alexandra", "alicia", "allison", "amber", "andrea", "angelina", "anita",
    "ashley", "beth", "beverly", "brenda", "brittany", "candace", "carmen", "cheryl",
    "christina", "cindy", "claire", "claudia", "colleen", "courtney", "crystal", "danielle",
    "dana", "denise", "dolores", "doris", "edith", "eileen", "elaine", "eleanor",
    "elena", "elise", "elisabeth", "erica", "erin", "esther", "eva", "evelyn", "gail",
    "gina", "gloria", "grace", "gwen", "hailey", "huma", "irene", "isabel", "ivanka",
    "jacqueline", "janice", "jeanne", "jenna", "joanne", "josephine", "joy", "joyce",
    "juanita", "katie", "katrina", "kellyanne", "kirsten", "kristen", "kristin", "leslie",
    "lillian", "lois", "loretta", "lucy", "lynn", "marcia", "marilyn", "marsha", "megyn",
    "melanie", "meredith", "michele", "mildred", "miriam", "molly", "monica", "natalie",
    "nina", "norma", "olivia", "paula", "peggy", "phyllis", "rachael", "renee", "rita",
    "rosa", "rose", "sally", "samantha", "sara", "sheila", "sonia", "sophia", "stacy",
    "sue", "suzanne", "sylvia", "tammy", "tara", "tiffany", "tina", "tracy", "ursula",
    "valerie", "vanessa", "veronica", "victoria", "vivian", "wanda", "wendy", "yolanda"
})  # fmt: skip

# -- page furniture (dates and the timeline) ----------------------------------------------------

# Words that open a line of page furniture rather than a sentence: "Last updated" and "Posted"
# stamps, bylines, photo credits and captions, slideshow and share prompts. Matched, lower-cased,
# at the start of a short line (``stages/prepare/extract/dates.py``: ``is_furniture``); one of
# several words ("Posted in …", "On behalf of …") marks a line of up to 24 words.
FURNITURE_OPENERS: tuple[str, ...] = (
    "last updated", "last modified", "updated", "posted", "published", "first published",
    "originally published", "date", "photo", "photos", "photograph", "pictured", "picture",
    "image", "image copyright", "image caption", "caption", "credit", "credits", "file photo",
    "video", "by", "written by", "reporting by", "editing by", "here's a slideshow",
    "here is a slideshow", "here are some photos", "slideshow", "gallery", "click", "watch",
    "share", "read more", "related", "see also", "copyright", "on behalf of", "posted in",
    "filed under", "filed in", "©", "|", "@",
)  # fmt: skip
# Credit words that mark a short line as a photo credit wherever they stand in it.
CREDIT_WORDS: frozenset[str] = frozenset({
    "getty", "afp", "epa", "shutterstock", "copyright", "©", "photo", "photos", "image",
    "images", "slideshow", "caption",
})  # fmt: skip
# Time-zone and clock abbreviations that follow a time stamp ("8:44AM BST", "3:23 PM ET").
STAMP_ZONES: frozenset[str] = TIME_ZONES | frozenset({
    "et", "pt", "ct", "mt", "ist", "hkt", "aest", "aedt", "cst", "cdt", "mst", "mdt", "jst",
    "msk", "sast", "eet", "eest", "wib", "hrs", "uk", "local", "time",
})  # fmt: skip
# North American time zones: a numeric date beside one is month/day ("8/2/2013 8:13 AM PDT").
US_TIME_ZONES: frozenset[str] = frozenset({
    "et", "pt", "ct", "mt", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt",
})  # fmt: skip
# Verbs that move an event to a later date ("was pushed back to early April", "postponed until
# May"): the date after them lies ahead of the decision, whatever the verb's tense.
RESCHEDULE_VERBS: tuple[str, ...] = (
    "postponed", "delayed", "pushed back", "put off", "moved", "rescheduled", "deferred",
    "extended", "adjourned", "pushed", "shifted", "set back",
)  # fmt: skip

# -- quantities (stages/prepare/extract/quantities.py) --------------------------------------
# The event frame of a number, from the lemma of the word that governs what it counts:
# "killing five" and "injuring five" are two claims, "captured 23" and "arrested 23" one.
QUANTITY_FRAMES: Mapping[str, str] = {
    **dict.fromkeys(("kill", "killed", "die", "dead", "death", "deaths", "toll", "fatality",
                     "fatalities", "perish", "murder", "slay", "drown", "casualty"), "killed"),
    **dict.fromkeys(("injure", "injured", "wound", "wounded", "hurt", "injury", "injuries",
                     "maim"), "injured"),
    **dict.fromkeys(("missing", "disappear", "unaccounted"), "missing"),
    **dict.fromkeys(("arrest", "detain", "capture", "apprehend", "custody", "detention",
                     "nab"), "arrested"),
    **dict.fromkeys(("seize", "confiscate", "recover", "impound"), "seized"),
    **dict.fromkeys(("rescue", "save"), "rescued"),
    **dict.fromkeys(("evacuate", "evacuation"), "evacuated"),
    **dict.fromkeys(("displace", "flee", "homeless", "displaced"), "displaced"),
    **dict.fromkeys(("hospitalize", "hospitalise", "hospital", "treat"), "hospitalized"),
    **dict.fromkeys(("age", "aged"), "age"),
    **dict.fromkeys(("price", "cost", "pay", "buy", "sell", "acquire", "worth", "value",
                     "valuation", "fee", "salary", "fine"), "price"),
    **dict.fromkeys(("rise", "fall", "drop", "increase", "decrease", "plunge", "climb", "gain",
                     "lose", "jump", "surge", "slump", "decline", "tumble", "slide", "soar",
                     "shed", "dip", "sink", "rally"), "change"),
    **dict.fromkeys(("fund", "funding", "raise", "invest", "investment", "grant", "donate",
                     "donation", "loan", "bailout", "aid", "budget"), "funding"),
    **dict.fromkeys(("stake", "share", "shareholding"), "share"),
    **dict.fromkeys(("rate", "tariff", "tax", "duty", "interest", "unemployment", "inflation"),
                    "rate"),
    **dict.fromkeys(("magnitude", "richter", "measure", "register"), "magnitude"),
    **dict.fromkeys(("population", "inhabitant", "resident", "home"), "population"),
    **dict.fromkeys(("sentence", "jail", "prison"), "sentence"),
    **dict.fromkeys(("vote", "ballot"), "votes"),
    **dict.fromkeys(("speed", "mph"), "speed"),
}  # fmt: skip
# Vague plurals of magnitude: (lowest, highest) value the phrase allows. "dozens of" is at
# least two dozen and fewer than a hundred; it is never read as one exact number.
VAGUE_AMOUNTS: Mapping[str, tuple[float, float]] = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
    "thousands": (2e3, 9_999), "tens of thousands": (2e4, 99_999),
    "hundreds of thousands": (2e5, 999_999), "millions": (2e6, 9_999_999),
    "tens of millions": (2e7, 99_999_999), "hundreds of millions": (2e8, 999_999_999),
    "billions": (2e9, 9_999_999_999),
}  # fmt: skip
# Units written against the number ("2,000ft", "30km"): the measure they name.
ATTACHED_UNITS: Mapping[str, str] = {
    "ft": "feet", "m": "metres", "km": "kilometres", "mi": "miles", "cm": "centimetres",
    "mm": "millimetres", "kg": "kilograms", "lb": "pounds", "lbs": "pounds", "mph": "mph",
    "kmh": "km/h", "kph": "km/h", "sqm": "square metres", "ha": "hectares", "mw": "megawatts",
    "gw": "gigawatts", "kt": "knots",
}  # fmt: skip
# Length units: a number of them placed "south of" or "from" somewhere is a distance.
LENGTH_UNITS: frozenset[str] = frozenset({
    "feet", "foot", "metres", "meters", "metre", "meter", "kilometres", "kilometers", "km",
    "miles", "mile", "nautical miles", "yards", "kilometre", "kilometer", "inches",
})  # fmt: skip
# A word after a number that makes it part of an address: "1600 Pennsylvania Avenue".
STREET_WORDS: frozenset[str] = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane",
    "ln", "way", "place", "court", "ct", "square", "highway", "parkway", "terrace",
})  # fmt: skip
# A word after "A-B" that makes it a record or a score, not a range: "a 9-14 record".
RECORD_WORDS: frozenset[str] = frozenset({
    "record", "win", "victory", "loss", "defeat", "lead", "score", "scoreline", "season",
    "margin", "vote", "decision", "tally", "split", "tie", "draw", "finish", "start", "mark",
    "count", "majority", "ruling", "verdict", "home", "away", "overtime", "shootout",
})  # fmt: skip
# Counted nouns that carry their own frame: "12 deaths", "80 wounded", "three missing".
FRAME_COUNT_NOUNS: frozenset[str] = frozenset({
    "death", "deaths", "dead", "fatality", "fatalities", "casualty", "injury", "injuries",
    "injured", "wounded", "missing",
})  # fmt: skip
# A count written without a number (stages/prepare/extract/quantities.py, implied counts):
# "a climber is dead" is one dead, "a second climber died" the second. The frame by the
# predicate that follows a singular noun; the ordinals that give the count.
IMPLIED_COUNT_PREDICATES: Mapping[str, tuple[str, ...]] = {
    "killed": ("is dead", "was dead", "was found dead", "was killed", "has been killed",
               "had been killed", "was shot dead", "died", "dies", "has died", "had died",
               "fell to his death", "fell to her death", "to die", "to be killed",
               "to fall to his death", "to fall to her death", "to have died"),
    "injured": ("was injured", "has been injured", "is injured", "was wounded",
                "has been wounded", "is wounded", "was hurt", "to be injured"),
    "missing": ("is missing", "was missing", "remains missing", "went missing",
                "has gone missing", "is unaccounted for"),
}  # fmt: skip
# Nouns of people (with ``PERSON_ROLE_NOUNS``) for an implied killed or injured count: "a
# climber is dead" counts a person, "a deal is dead" counts nothing. Singular forms.
IMPLIED_COUNT_PERSONS: frozenset[str] = frozenset({
    "man", "woman", "child", "boy", "girl", "adult", "teenager", "teen", "baby", "person",
    "victim", "climber", "mountaineer", "hiker", "skier", "tourist", "visitor", "passenger",
    "traveller", "traveler", "pilgrim", "worker", "employee", "miner", "soldier", "policeman",
    "policewoman", "firefighter", "guard", "deputy", "pupil", "villager", "civilian", "fan",
    "spectator", "driver", "motorist", "pedestrian", "cyclist", "sailor", "fisherman",
    "crewman", "patient", "prisoner", "inmate", "protester", "protestor", "demonstrator",
    "migrant", "refugee", "resident", "bystander", "colleague", "co-worker", "trooper",
    "marine", "sergeant", "constable", "ranger", "rider", "swimmer", "diver", "pilot",
})  # fmt: skip
# Endings of nouns of people ("receptionist", "technician", "ferryman").
IMPLIED_COUNT_PERSON_ENDINGS: tuple[str, ...] = ("ist", "ian", "man", "woman")
IMPLIED_COUNT_ORDINALS: Mapping[str, int] = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
# Nouns that are amounts themselves, never the owner of a number: "a small number of troops,
# up to two dozen" counts troops, not "number".
QUANTITY_NOUNS: frozenset[str] = frozenset({
    "number", "total", "amount", "figure", "majority", "minority", "handful", "couple", "sum",
    "tally", "count", "dozen", "rest", "remainder", "share", "proportion", "percentage",
    "range", "region", "neighborhood", "neighbourhood", "mark", "level", "ballpark",
})  # fmt: skip
# Crowds a place can own: "20,000 people marched in the streets of Velmora" counts Velmora's
# marchers (stages/prepare/extract/quantities.py; a count of troops or ships in a place is
# not the place's).
QUANTITY_CROWD_NOUNS: frozenset[str] = frozenset({
    "people", "protesters", "protestors", "demonstrators", "marchers", "supporters",
    "mourners", "pilgrims", "worshippers", "rioters", "strikers", "crowds", "participants",
})  # fmt: skip
# Adjectives after a length that make it a size of what the clause is about ("was six feet
# tall": his height, "a wall 20 metres high"), by the dimension they name.
QUANTITY_DIMENSIONS: Mapping[str, str] = {
    "tall": "height", "high": "height", "long": "length", "deep": "depth", "wide": "width",
    "thick": "thickness",
}  # fmt: skip
# Units of time: a span ("over ten years", "three summers") takes no event frame.
DURATION_UNITS: frozenset[str] = frozenset({
    "seconds", "minutes", "hours", "days", "nights", "weeks", "weekends", "months", "years",
    "decades", "centuries", "summers", "winters", "seasons", "terms", "quarters",
})  # fmt: skip

# -- coreference: role nouns and titles ---------------------------------------------------------

# What an abbreviated or honorific title means as a noun, for nominal back-references
# ("Sen. Jane Roe ... the Oregon senator said"). Keys are folded (lower case, no full stop).
TITLE_NOUNS: Mapping[str, tuple[str, ...]] = {
    "sen": ("senator", "lawmaker"), "sens": ("senators", "lawmakers"), "senator": ("lawmaker",),
    "rep": ("representative", "congressman", "congresswoman", "lawmaker"),
    "reps": ("representatives", "lawmakers"),
    "congressman": ("lawmaker", "representative"), "congresswoman": ("lawmaker", "representative"),
    "gov": ("governor",), "gen": ("general",), "lt": ("lieutenant",), "col": ("colonel",),
    "capt": ("captain",), "sgt": ("sergeant",), "adm": ("admiral",), "maj": ("major",),
    "cmdr": ("commander",), "atty": ("attorney", "lawyer"), "det": ("detective",),
    "insp": ("inspector",), "supt": ("superintendent",), "rev": ("reverend", "pastor"),
    "dr": ("doctor",), "prof": ("professor",), "pres": ("president",),
    "president": ("president",), "pope": ("pontiff",), "attorney": ("lawyer",),
}  # fmt: skip

# Nouns that describe a person in a definite back-reference ("the businessman said", "the
# actress told"), with the gender they show ("m", "f") or None. A noun here never names an
# organisation; ``storyline.stages.prepare.extract.coref`` reads it.
_PERSON_NOUNS_ANY: tuple[str, ...] = (
    "senator", "lawmaker", "representative", "governor", "mayor", "president", "candidate",
    "nominee", "front-runner", "frontrunner", "contender", "challenger", "incumbent",
    "billionaire", "mogul", "developer", "tycoon", "magnate", "investor", "executive",
    "founder", "host", "anchor", "columnist", "commentator", "pundit", "writer", "author",
    "reporter", "journalist", "editor", "pollster", "strategist", "consultant", "adviser",
    "advisor", "aide", "official", "spokesperson", "lawyer", "attorney", "judge", "justice",
    "prosecutor", "professor", "economist", "analyst", "expert", "scholar", "historian",
    "activist", "organizer", "organiser", "leader", "chairperson", "chair", "secretary",
    "minister", "diplomat", "ambassador", "envoy", "general", "commander", "officer", "star",
    "singer", "rapper", "comedian", "celebrity", "veteran", "pastor", "preacher", "evangelist",
    "speaker", "radioman", "broadcaster", "blogger", "surrogate", "supporter", "donor",
    "critic", "manager", "director", "partner", "doctor", "surgeon", "nurse", "teacher",
    "student", "farmer", "owner", "socialist", "interviewer", "moderator", "populist",
)  # fmt: skip
_PERSON_NOUNS_M: tuple[str, ...] = (
    "businessman", "congressman", "actor", "chairman", "spokesman", "father", "husband", "son",
    "brother", "king", "prince", "nephew", "uncle", "grandfather", "widower", "gentleman",
)  # fmt: skip
_PERSON_NOUNS_F: tuple[str, ...] = (
    "businesswoman", "congresswoman", "actress", "chairwoman", "spokeswoman", "mother", "wife",
    "daughter", "sister", "queen", "princess", "niece", "aunt", "grandmother", "widow", "lady",
)  # fmt: skip
PERSON_ROLE_NOUNS: Mapping[str, str | None] = {
    **dict.fromkeys(_PERSON_NOUNS_ANY),
    **dict.fromkeys(_PERSON_NOUNS_M, "m"),
    **dict.fromkeys(_PERSON_NOUNS_F, "f"),
}
# Everyday nouns for a person that name no role ("said the woman", "one voter asked",
# "a passenger"), with the gender they show. ``lang.names.DESCRIBED_PERSON_NOUNS`` joins them
# with the role nouns and occupations: the one list of nouns for a person the text may give
# no name for (``stages/prepare/extract/coref.py``).
_EVERYDAY_PERSON_NOUNS_ANY: tuple[str, ...] = (
    "person", "voter", "resident", "worker", "employee", "cashier", "driver", "neighbor",
    "neighbour", "citizen", "immigrant", "protester", "protestor", "demonstrator", "attendee",
    "customer", "shopper", "patient", "parent", "friend", "colleague", "participant", "caller",
    "viewer", "reader", "member", "retiree", "teenager", "teen", "child", "kid", "man",
    "woman", "guy", "spectator", "volunteer", "delegate", "caucusgoer", "fan", "onlooker",
    "witness", "victim", "survivor", "refugee", "migrant", "bystander", "waiter",
    "waitress", "boy", "girl", "mom", "dad", "passenger", "relative", "villager",
)  # fmt: skip
_EVERYDAY_GENDER: Mapping[str, str] = {
    "man": "m", "guy": "m", "boy": "m", "dad": "m", "waiter": "m",
    "woman": "f", "girl": "f", "mom": "f", "waitress": "f",
}  # fmt: skip
EVERYDAY_PERSON_NOUNS: Mapping[str, str | None] = {
    n: _EVERYDAY_GENDER.get(n) for n in _EVERYDAY_PERSON_NOUNS_ANY
}

# Nouns for a news organisation ("the newspaper reported"), and words that mark an
# organisation's name as a news outlet's ("The Example Times", "Example News").
MEDIA_NOUNS: frozenset[str] = frozenset({
    "newspaper", "paper", "magazine", "tabloid", "network", "outlet", "website", "site",
    "broadcaster", "publication", "daily", "channel", "station", "newsletter", "wire",
})  # fmt: skip
MEDIA_NAME_WORDS: frozenset[str] = frozenset({
    "times", "post", "journal", "news", "herald", "tribune", "daily", "magazine", "gazette",
    "press", "telegraph", "guardian", "globe", "observer", "review", "chronicle", "inquirer",
    "examiner", "courier", "reuters", "ap", "cnn", "fox", "nbc", "abc", "cbs", "msnbc", "npr",
    "pbs", "bbc", "bloomberg", "breitbart", "politico", "axios", "huffpost", "huffington",
    "newsmax", "salon", "slate", "atlantic", "economist", "newsweek", "time", "radio", "tv",
    "television", "network", "sentinel", "star", "sun", "bee", "dispatch", "enquirer", "mirror",
    "independent", "standard", "express", "ledger", "bulletin", "monitor", "register", "wsj",
    "nyt",
})  # fmt: skip

# Nouns for a piece of speech or writing ("Roe's first tweet …", "a statement that …"): a
# sentence built on one, right before a quotation, introduces that quotation.
SPEECH_NOUNS: frozenset[str] = frozenset({
    "tweet", "tweets", "statement", "post", "posting", "message", "remarks", "comment",
    "comments", "email", "e-mail", "letter", "memo", "release", "op-ed", "column", "speech",
    "video", "reply", "response", "retort", "answer", "claim", "claims", "assertion", "call",
    "promise", "pledge", "vow", "warning", "argument", "suggestion", "words", "phrase",
    "description", "insistence", "demand", "accusation", "boast", "admission", "slogan",
    "catchphrase", "catch phrase", "quip", "line", "mantra", "refrain", "insult", "remark",
})  # fmt: skip


# -- attribution cues beyond speech (issue 17) ----------------------------------------------------

# What a source is said to say, think, want or do about a content, read with a dependency parse
# (``stages/prepare/extract/indirect.py``). The speech verbs are ``SPEECH_VERBS`` above; this
# table adds the lemmas attribution corpora (PolNeAR's guidelines) also count: speech verbs the
# speech table leaves out, beliefs and cognition, intentions, attitudes and findings. One row
# per class: the class, then its lemmas. The classes:
#   speech    reports speech ("mentioned", "proposed"): its complement or object is content;
#   belief    a belief or expectation ("believes", "fears", "expects"): its clause is content;
#   intent    an intention ("wants", "plans", "vowed"): its clause or infinitive is content;
#   attitude  a stance towards its object ("endorsed", "criticized"): its object is content;
#   evidence  a finding of a poll, study or report ("shows", "found"): its clause is content;
#   object    (of any class) its direct object is content too ("announced a run", "fears a
#             split"); the others take a clause only ("said the plan failed");
#   predicate (of any class) its object is content with the predicate after it only
#             ("called [the plan a gamble]", "sees [Roe as a uniter]"; not "called Roe");
#   infinitive (of any class) its infinitive is content ("vowed [to repeal the law]", "urged
#             Roe [to resign]"): intentions, promises and requests only. "Tried to", "declined
#             to", "refused to", "sought to" and "aimed to" are left out (what a source did or did not do, not what it
#             said or wants), and so is a passive ("is expected to": no one's words).
# No lexicon with these classes (VerbNet, FrameNet) is installed here, so the rows are hand-kept:
# the "object" lemmas from "discuss" on and the "predicate" and "infinitive" rows were added
# from the cues of the contents PolNeAR train annotates and the parse rules missed (issue 17).
_ATTRIBUTION_TABLE = """
speech    mention propose recount tout cite reaffirm allege charge contend demand pledge affirm
          disclose recommend boast brag hint imply lament confess joke quip retort testify
belief    believe think expect hope fear know feel doubt worry suspect assume presume
          understand realize realise recognize recognise consider deem view regard wonder
          trust suppose guess reckon imagine anticipate predict conclude figure worry
intent    want plan intend seek aim try decide refuse vow threaten offer decline agree choose
          prefer wish hope expect promise pledge propose push press urge ask call demand
          request need
attitude  endorse support back oppose criticize criticise attack accuse blame praise defend
          condemn denounce blast mock slam reject challenge question welcome hail applaud
          dismiss dispute deride ridicule castigate lambaste rebuke fault credit thank
          congratulate favor favour like love hate dislike embrace champion tout
evidence  show find suggest indicate reveal conclude estimate project confirm
object    announce propose mention deny reject dispute question predict recommend demand
          promise pledge reiterate repeat confirm reveal disclose cite tout allege claim
          acknowledge admit concede estimate report endorse support back oppose criticize
          criticise attack accuse blame praise defend condemn denounce blast mock slam
          challenge welcome hail applaud dismiss deride ridicule castigate lambaste rebuke
          fault favor favour embrace champion want seek plan offer prefer fear expect
          show project highlight emphasize emphasise stress
          discuss describe express address share answer declare echo recall mention state
          outline articulate decry assail repudiate rebuke acknowledge tweet recount
predicate see view regard consider call urge encourage ask describe label brand dub
infinitive want plan intend vow threaten promise pledge hope agree offer propose
          prefer wish decide urge ask call demand push press encourage expect vote
"""


def _read_classes(table: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    cls = ""
    for line in table.strip().splitlines():
        words = line.split()
        if not line[:1].isspace():
            cls, words = words[0], words[1:]
        out.setdefault(cls, set()).update(words)
    return {k: frozenset(v) for k, v in out.items()}


_ATTRIBUTION_CLASSES = _read_classes(_ATTRIBUTION_TABLE)
# The lemmas of each class (a lemma may be in several: "hope" is a belief and an intention).
ATTRIBUTION_SPEECH_VERBS: frozenset[str] = _ATTRIBUTION_CLASSES["speech"] | frozenset(SPEECH_VERBS)
BELIEF_VERBS: frozenset[str] = _ATTRIBUTION_CLASSES["belief"]
INTENT_VERBS: frozenset[str] = _ATTRIBUTION_CLASSES["intent"]
ATTITUDE_VERBS: frozenset[str] = _ATTRIBUTION_CLASSES["attitude"]
EVIDENCE_VERBS: frozenset[str] = _ATTRIBUTION_CLASSES["evidence"]
OBJECT_CONTENT_VERBS: frozenset[str] = _ATTRIBUTION_CLASSES["object"]
INFINITIVE_CONTENT_VERBS: frozenset[str] = _ATTRIBUTION_CLASSES["infinitive"]
PREDICATE_CONTENT_VERBS: frozenset[str] = _ATTRIBUTION_CLASSES["predicate"]

# Verbs whose content is the object of a preposition: lemma -> the prepositions
# ("called for a ban", "warned of a split", "spoke about the plan", "accused X of lying").
ATTRIBUTION_PREPOSITIONS: Mapping[str, tuple[str, ...]] = {
    "call": ("for", "on", "upon"),
    "ask": ("for", "about"),
    "push": ("for",),
    "press": ("for",),
    "argue": ("for", "against"),
    "warn": ("of", "about", "against"),
    "talk": ("about",),
    "object": ("to",),
    "side": ("with",),
    "rail": ("against",),
    "advocate": ("for",),
    "weigh": ("on",),
    "touch": ("on",),
    "question": ("about",),
    "caution": ("against", "about"),
    "inquire": ("about",),
    "rant": ("about",),
    "speak": ("about", "of", "out"),
    "complain": ("about", "of"),
    "worry": ("about",),
    "agree": ("on", "with"),
    "disagree": ("on", "with"),
    "accuse": ("of",),
    "criticize": ("for",),
    "criticise": ("for",),
    "blame": ("for",),
    "praise": ("for",),
    "credit": ("for",),
    "thank": ("for",),
    "apologize": ("for",),
    "apologise": ("for",),
    "hint": ("at",),
    "insist": ("on",),
    "focus": ("on",),
    "comment": ("on",),
    "vote": ("for", "against"),
    "campaign": ("for", "against"),
    "lobby": ("for", "against"),
    "plead": ("for",),
    "testify": ("about",),
    "boast": ("about", "of"),
    "brag": ("about",),
    "joke": ("about",),
    "write": ("about",),
    "tweet": ("about",),
    "think": ("about", "of"),
    "know": ("about", "of"),
    "care": ("about",),
}

# Adverbs and auxiliaries that may stand between a speaker and the reporting verb ("Roe also
# said", "Roe had previously told"): quotes.py and indirect.py read the same list.
REPORTING_ADVERBS: tuple[str, ...] = (
    "also", "later", "then", "further", "again", "previously", "once", "simply", "just",
    "recently", "earlier", "reportedly", "had", "has", "have", "would", "will",
    "had previously", "has also", "have also",
)  # fmt: skip

# Verbs whose subject is the source of the reporting noun they take as object ("Roe expressed
# concern that …", "made a promise to …", "the ministry posted a message: “…”"); a denial's
# subject is not ("rejected the claim"). Lemma -> the finite forms and participle read in text.
ISSUING_FORMS: Mapping[str, tuple[str, ...]] = {
    "make": ("made", "makes", "make"),
    "express": ("expressed", "expresses", "express"),
    "voice": ("voiced", "voices", "voice"),
    "issue": ("issued", "issues", "issue"),
    "deliver": ("delivered", "delivers", "deliver"),
    "repeat": ("repeated", "repeats", "repeat"),
    "reiterate": ("reiterated", "reiterates", "reiterate"),
    "renew": ("renewed", "renews", "renew"),
    "offer": ("offered", "offers", "offer"),
    "announce": ("announced", "announces", "announce"),
    "publish": ("published", "publishes", "publish"),
    "release": ("released", "releases", "release"),
    "raise": ("raised", "raises", "raise"),
    "lodge": ("lodged", "lodges", "lodge"),
    "file": ("filed", "files", "file"),
    "share": ("shared", "shares", "share"),
    "state": ("stated", "states", "state"),
    "give": ("gave", "gives", "given", "give"),
    "post": ("posted", "posts", "post"),
    "send": ("sent", "sends", "send"),
    "put out": ("put out", "puts out"),
}
# The same verbs by lemma (a parse's ``lemma_``).
ISSUING_VERBS: frozenset[str] = frozenset(ISSUING_FORMS)

# Nouns that frame a whole sentence as a source's ("In Roe's view, …").
FRAMING_NOUNS: frozenset[str] = frozenset({
    "view", "opinion", "estimation", "judgment", "judgement", "reckoning", "assessment",
})  # fmt: skip

# Reporting nouns whose infinitive is content ("the decision [to withdraw]", "a vow [to fight]");
# "plan", "bid", "push" and "effort" to do something are what a source does, not what it says,
# and "refusal" is read by the polarity of the clause, not as content (PolNeAR train).
INFINITIVE_NOUNS: frozenset[str] = frozenset({
    "decision", "promise", "pledge", "vow", "threat", "call", "demand", "request", "desire",
    "wish", "intention", "determination", "offer", "appeal", "plea", "proposal", "suggestion",
})  # fmt: skip

# Nouns that report what a source said, thinks or wants ("Roe's announcement that …",
# "the minister's claim that …", "his call for a ceasefire"): their clause or object is content.
ATTRIBUTION_NOUNS: frozenset[str] = frozenset({
    "statement", "announcement", "claim", "belief", "view", "decision", "suggestion",
    "criticism", "assertion", "argument", "plan", "promise", "pledge", "endorsement", "warning",
    "call", "demand", "proposal", "accusation", "allegation", "admission", "insistence", "hope",
    "fear", "expectation", "assessment", "prediction", "vow", "threat", "offer", "request",
    "intention", "desire", "wish", "concern", "complaint", "denial", "contention", "conclusion",
    "finding", "assurance", "confirmation", "recommendation", "estimate", "insinuation",
    "opinion", "position", "stance", "support", "opposition", "backing", "praise", "refusal",
    "determination", "bid", "push", "appeal", "plea", "charge"
})  # fmt: skip

# -- the brief, the profile's story kinds and the outlet comparison -----------------------------

# Auxiliaries and modals: a sentence with one of them has a finite verb. The brief keeps a
# sentence only when it has one (this, a past-tense "-ed" word or a speech verb form), so a
# headline fragment or a caption is never stated as a fact (``stages/analysis/brief.py``).
FINITE_CUES: frozenset[str] = frozenset({
    "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "may", "might", "must", "shall", "should", "isn't",
    "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "don't", "doesn't",
    "didn't", "won't", "wouldn't", "can't", "couldn't", "'s", "'re", "'ve", "'ll", "'d",
})  # fmt: skip

# What a story is about, by kind: cue words (lower-case, matched as whole words or phrases)
# counted over the story's text (``stages/analysis/profile.py``). The kind with the most cues
# wins when it has enough; else "other". Order breaks ties.
STORY_KINDS: dict[str, tuple[str, ...]] = {
    "force": (
        "force", "forces", "troops", "mission", "peacekeeping", "peacekeepers", "deploy",
        "deployment", "stabilization force", "stabilisation force", "contingent", "mandate",
    ),
    "agreement": (
        "agreement", "deal", "accord", "treaty", "ceasefire", "truce", "signed", "negotiations",
        "negotiated", "merger", "acquisition", "acquire", "acquired", "pact",
    ),
    "lawsuit": (
        "lawsuit", "sued", "sues", "suit", "court", "judge", "plaintiff", "plaintiffs",
        "defendant", "defendants", "charged", "charges", "indictment", "indicted",
        "investigation", "investigators", "probe", "prosecutor", "prosecutors", "trial",
        "alleges", "alleged", "complaint", "filed",
    ),
    "election": (
        "election", "elections", "vote", "votes", "voted", "voters", "ballot", "ballots",
        "candidate", "candidates", "polls", "referendum", "primary", "campaign", "elected",
    ),
    "disaster": (
        "earthquake", "quake", "tsunami", "flood", "floods", "flooding", "hurricane", "storm",
        "wildfire", "fire", "explosion", "blast", "attack", "attacks", "shooting", "crash",
        "killed", "injured", "wounded", "dead", "death toll", "victims", "rescue", "magnitude",
        "evacuated", "collapsed",
    ),
    "visit": (
        "visit", "visits", "visited", "summit", "meeting", "met", "talks", "trip", "arrived",
        "hosted", "state visit", "bilateral",
    ),
    "policy": (
        "policy", "tariff", "tariffs", "law", "bill", "regulation", "rules", "measure",
        "measures", "ban", "executive order", "budget", "tax", "reform", "legislation",
        "sanctions", "interest rate", "interest rates", "key rate", "policy rate",
        "central bank", "rate hike", "rate cut", "inflation",
    ),
}  # fmt: skip

# Words outlets use for the same people or the same event, one set per referent: where one
# outlet writes "migrants" and another "illegal aliens", the outlet comparison shows both, each
# with its cite (``stages/analysis/outlets.py``). Lower-case; matched as whole words.
LABEL_SETS: tuple[tuple[str, ...], ...] = (
    ("migrants", "immigrants", "illegal immigrants", "illegal aliens", "illegals",
     "undocumented immigrants", "asylum seekers", "asylum-seekers", "refugees"),
    ("caravan", "invasion", "convoy", "exodus"),
    ("protesters", "demonstrators", "rioters", "mob", "activists", "agitators"),
    ("militants", "terrorists", "fighters", "insurgents", "rebels", "gunmen", "jihadists"),
    ("tax cut", "tax cuts", "tax break", "tax breaks", "tax relief", "giveaway"),
    ("estate tax", "death tax"),
    ("pro-life", "anti-abortion"),
    ("pro-choice", "abortion rights", "abortion-rights"),
    ("wall", "border wall", "barrier", "fence"),
    ("occupied territories", "disputed territories"),
    ("riot", "riots", "unrest", "uprising", "protest", "protests"),
    ("killing", "murder", "massacre", "slaughter"),
)  # fmt: skip

# Words that make a figure a casualty count ("12 people killed", "40 injured"): a disaster's or
# an attack's profile gives these figures their own field (``stages/analysis/profile.py``).
CASUALTY_WORDS: frozenset[str] = frozenset({
    "killed", "dead", "deaths", "death", "died", "dying", "killing", "injured", "injuries",
    "wounded", "hurt", "missing", "casualties", "victims", "fatalities", "displaced",
    "evacuated", "homeless", "toll",
})  # fmt: skip

# Verbs that frame a partial quote in a reported clause as the subject's words without being
# reporting verbs ("Roe charged that the board “hid” the tolls", "Roe gushed about a “new
# dawn”"): the quote takes their subject as its speaker (quotes.py, issue 17).
FRAMING_VERB_FORMS: frozenset[str] = frozenset({
    "called", "calls", "calling", "dubbed", "branded", "labelled", "labeled", "termed",
    "described", "describes", "describing", "hailed", "praised", "condemned", "criticised",
    "criticized", "denounced", "welcomed", "promised", "pledged", "vowed", "urged", "demanded",
    "accused", "blamed", "rejected", "dismissed", "defended", "put it", "puts it",
    "charged", "charges", "charging", "alleged", "alleges", "alleging", "boasted", "boasts",
    "boasting", "bragged", "brags", "bragging", "gushed", "gushes", "assured", "assures",
    "blasted", "blasts", "slammed", "slams", "mocked", "mocks", "mocking", "joked", "jokes",
    "quipped", "quips", "touted", "touts", "touting", "proclaimed", "proclaims", "lamented",
    "laments", "derided", "derides", "ridiculed", "ridicules", "scoffed", "vented",
    "characterized", "characterizes", "characterised", "characterises",
    # (issue 17, second round: verbs seen before partial quotes in PolNeAR train)
    "fired back", "fires back", "shot back", "shoots back", "cracked", "mused", "muses",
    "testified", "testifies", "pointed out", "points out", "advised", "advises", "found that",
    "finds that", "concluded", "concludes", "quoted", "recounted", "recounts",
    # (the present tense of the forms above, as a review or an ad is reported: "the ad
    # accuses Roe of “…”"; not the ones mostly read as plural nouns: "terms", "labels",
    # "brands", "promises", "pledges", "vows", "demands")
    "dubs", "hails", "praises", "condemns", "criticises", "criticizes", "denounces",
    "welcomes", "urges", "accuses", "blames", "rejects", "dismisses", "defends",
})  # fmt: skip

# Verbs of the manner of speaking that the speech table leaves out (they report no clause:
# "shouted that" is rare): a clause ending in one, then a comma or colon, introduces its
# subject's quotation ("a boy shouted, “…”"; "she boomed: “…”"; issue 17).
VOCAL_VERB_FORMS: frozenset[str] = frozenset({
    "shouted", "shouts", "shouting", "yelled", "yells", "yelling", "screamed", "screams",
    "cried", "cries", "exclaimed", "exclaims", "whispered", "whispers", "muttered", "mutters",
    "murmured", "boomed", "booms", "roared", "roars", "bellowed", "chanted", "chants",
    "chanting", "sang", "sings", "snapped", "quipped", "quips", "joked", "jokes", "joking",
    "mused", "muses", "pleaded", "begged", "shot back", "fired back", "tweeting", "writing",
    "interjected", "interrupted", "retorted", "proclaimed", "proclaims", "thundered",
    "declared", "pressed", "demanded", "asking", "wondered", "wonders", "sighed", "laughed",
    "scoffed", "gushed", "beamed", "cheered", "vowing", "declaring", "adding", "telling",
})  # fmt: skip

# Nouns for a document, a poll or a sign that can itself be a quotation's source ("…,” the
# memo read; "…,” a poll found; "…,” it read., after "a letter"): the document is the source
# when no person is named (issue 17).
DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "memo", "memorandum", "letter", "report", "poll", "survey", "study", "statement", "filing",
    "article", "complaint", "indictment", "document", "email", "e-mail", "ruling", "order",
    "sign",
    "banner", "placard", "poster", "note", "release", "transcript", "resolution", "platform",
    "motion", "lawsuit", "affidavit", "ad", "advertisement", "tweet", "post", "message",
    "notice", "brief", "opinion", "decision", "verdict", "petition", "leaflet", "flyer",
    "pamphlet", "editorial", "audit", "review", "analysis", "assessment", "proposal", "plan",
    "bill", "manifesto", "caption", "headline", "label", "card", "invitation", "summary",
    "suit", "shirt", "t-shirt", "hat", "cap", "sticker", "billboard",
})  # fmt: skip

# What a document does to its words after a quotation: "…,” the sign read.
DOCUMENT_VERBS: frozenset[str] = frozenset({
    "read", "reads", "found", "finds", "showed", "shows", "concluded", "concludes", "stated",
    "states", "said", "says", "noted", "notes", "added", "adds", "warned", "warns",
})  # fmt: skip

# Nouns for a work with a title ("her memoir, “Tides of Eastport”"): a title-case quotation
# right after one, or after "titled", is the work's title, not anyone's words (issue 17).
WORK_NOUNS: frozenset[str] = frozenset({
    "book", "books", "memoir", "memoirs", "novel", "biography", "autobiography", "film",
    "films", "movie", "movies", "documentary", "show", "shows", "series", "sitcom", "song",
    "songs", "album", "play", "musical", "podcast", "program", "programme", "poem", "essay",
    "article", "headline", "column", "magazine", "newspaper", "report", "titled", "entitled",
})  # fmt: skip

# Verbs whose subject applies a name or label its object carries ("Roe called the plan “a
# disaster”", "Roe dubbed him “Ferry Fred”", "referred to the port as the “jewel”"): a short
# quoted complement of one is the subject's words, a nickname in capitals too (quotes.py,
# issue 17). Not "name" ("Roe named “Tides” as her favourite show": a title). The verbs
# that present their object as something ("portrayed the toll as a “tax on the poor”", "has
# cast herself as the “ferry candidate”") label it too.
LABELLING_LEMMAS: frozenset[str] = frozenset({
    "call", "dub", "label", "brand", "term", "nickname", "refer", "address", "describe",
    "characterize", "characterise", "pronounce", "coin", "deem", "identify",
    "portray", "paint", "cast", "frame", "posture", "bill", "style",
})  # fmt: skip

# Verbs whose subject's words a short quoted complement repeats ("Roe vowed to “fight for
# every ferry”", "Roe spoke about “fixing the tolls”", "Roe opposes “arbitrary fare hikes”",
# "criticised the board for “misleading the town”", "the crowd chanted “Ferry now!”"), also
# inside the clause such a verb reports ("Roe said the plan was a “sham”"): the subject is
# their source; a
# quotation in title case after one is a title or a slogan, not speech (quotes.py, issue 17).
WORDING_LEMMAS: frozenset[str] = frozenset({
    "say", "speak", "talk", "vow", "promise", "pledge", "swear", "urge", "demand", "warn",
    "insist", "argue", "claim", "declare", "predict", "complain", "criticize", "criticise",
    "blast", "slam", "mock", "deride", "ridicule", "denounce", "condemn", "decry", "lament",
    "praise", "hail", "tout", "boast", "brag", "accuse", "blame", "dismiss", "oppose",
    "reject", "defend", "charge", "allege", "tweet", "write", "joke", "quip", "attack",
    "assail", "cite", "yell", "shout", "chant", "cry", "scream", "exclaim", "imply", "note",
    # verbs of commenting and complaining report a clause as "say" does ("Roe groused that
    # the board “never listens”"; eighteenth session)
    "comment", "remark", "grouse", "grumble", "gripe", "bemoan", "interject",
})  # fmt: skip

# Words before a name's slot: one capitalised word quoted right after one ("season four of
# “Tides”", "appeared on “Harbour Talk”") is the name of a show, a work or a level, not
# speech (quotes.py, issue 17); a possessive before the mark counts too ("Fox's “Tides”").
NAME_SLOT_WORDS: frozenset[str] = frozenset({"of", "on"})

# Words that introduce a label, not speech: a quotation right after one ("the so-called
# “harbour pact”", "a self-described “ferry nerd”", "known as “the Pier”") is a name or a
# term the writer cites (issue 17: nicknames and scare quotes are not speech).
LABEL_CUES: frozenset[str] = frozenset({
    "so-called", "so called", "self-described", "self-styled", "self-proclaimed",
    "self-declared", "known as", "nicknamed", "a.k.a.", "aka",
})  # fmt: skip

# Sentence-opening connectives: a quotation opened right after one ("Then, “…”", "Instead,
# “…”") continues the speaker of the quotation before it (quotes.py, issue 17).
QUOTE_CONNECTIVES: frozenset[str] = frozenset({
    "and", "but", "then", "instead", "later", "still", "again", "also", "now", "so", "yet",
    "meanwhile", "moreover", "besides", "otherwise",
})  # fmt: skip

# -- quoted speakers (quotes.py) ------------------------------------------------------------------

# Words that show a phrase is a clause, not a noun phrase naming a speaker.
SPEAKER_CLAUSE_WORDS: frozenset[str] = (
    CORE_SPEECH_FORMS
    | finite_forms(["state", "warn"])
    | frozenset({
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
        "would", "could", "should", "may", "might", "can", "do", "does", "did", "not", "that",
        "which", "when", "while", "if", "because", "it", "he", "she", "they", "we", "i", "you",
        "this", "these", "those", "there",
    })
)  # fmt: skip
# Prepositions that open a phrase after a speaker's name ("Jane Roe at the port").
SPEAKER_PREPOSITIONS: frozenset[str] = frozenset({
    "at", "in", "on", "after", "before", "during", "outside", "inside", "from", "with", "by",
    "for", "of", "over", "under", "through", "via", "across", "near", "behind", "beyond", "upon",
})  # fmt: skip
# A preposition or relative pronoun in an apposition: the names after it are not the head's.
APPOSITION_BREAK_WORDS: frozenset[str] = SPEAKER_PREPOSITIONS | frozenset(
    {"to", "against", "who", "which", "that", "whose"}
)
# Participles that open a title rather than a clause set off by commas ("Jane Roe, acting
# director of the fund, said" is an apposition; "Jane Roe, asked about Ivo Penn, said" is not).
TITLE_PARTICIPLES: frozenset[str] = frozenset({
    "acting", "retired", "embattled", "outgoing", "incoming", "ailing", "leading", "founding",
    "managing", "presiding", "ranking", "reigning", "sitting", "governing", "elected",
    "appointed", "designated", "noted", "celebrated", "renowned", "unnamed", "longstanding",
    "ruling", "opposing", "visiting", "supervising", "consulting", "contributing",
    "distinguished", "registered", "certified", "licensed", "qualified", "named",
})  # fmt: skip
# Prepositions after a noun whose name is then not the phrase's head ("an aide to Jane Roe").
GOVERNING_PREPOSITIONS: frozenset[str] = SPEAKER_PREPOSITIONS | frozenset({"to", "against"})
# Prepositions that open a speech verb's object rather than its speaker ("told to the crew").
OBJECT_LEAD_PREPOSITIONS: frozenset[str] = SPEAKER_PREPOSITIONS | frozenset({"to", "about"})
# Words that end a speaker's noun phrase after the speech verb ("said Jane Roe on Monday",
# "said the minister, who …"), in the order matched.
SPEAKER_END_WORDS: tuple[str, ...] = (
    "on", "in", "at", "to", "during", "after", "before", "when", "while", "who", "according",
    "as", "with", "from", "by", "because", "since", "outside", "inside", "via", "through",
)  # fmt: skip
# Words that alone name no speaker: relative and other pronouns, determiners, headline words.
NOT_A_SPEAKER_WORDS: frozenset[str] = SPEAKER_PREPOSITIONS | frozenset({
    "who", "whom", "whose", "which", "that", "what", "whoever", "the", "a", "an", "this",
    "these", "those", "some", "any", "each", "all", "another", "other", "others", "one", "ones",
    "latest", "breaking", "update", "updated", "exclusive", "watch", "video", "later",
    "earlier", "also", "then", "again", "previously", "once", "still", "now", "meanwhile",
    "however", "instead", "none", "nobody", "neither",
})  # fmt: skip
# Demonstratives that open a noun phrase as an article does ("this source told the paper",
# "those officials said"): kept out of a written speaker, as "the" is.
DEMONSTRATIVE_DETERMINERS: frozenset[str] = frozenset({"this", "these", "those"})
# The possessive determiners (a closed class): a speaker phrase ending in one names no one
# (quotes), and one opening it points outside the brief ("her publicist", lang.brief).
POSSESSIVE_DETERMINERS: frozenset[str] = frozenset(
    {"his", "her", "their", "its", "our", "my", "your"}
)
# Words that open a reported clause right after a reporting verb ("argues that as …", "said
# if …"): what follows is the clause, never an inverted speaker ("said Jane Roe,").
REPORTED_CLAUSE_LEADS: frozenset[str] = frozenset({
    "that", "if", "whether", "as", "when", "while", "because", "since", "though", "although",
    "unless", "once", "how", "why", "what", "where",
})  # fmt: skip
# Lowercase words that may come before a name opening a speaker's phrase ("But former
# governor Jane Roe, …"): conjunctions and modifiers of a title (titles: ``PERSON_ROLE_NOUNS``).
NAME_LEAD_WORDS: frozenset[str] = frozenset({
    "and", "but", "yet", "so", "former", "then", "longtime", "veteran", "retired", "acting",
    "deputy", "senior", "chief", "top", "state", "federal", "party", "campaign", "press",
})  # fmt: skip
# Labels before a colon opening a quotation that name no speaker of a transcript ("NOTE:",
# "UPDATE:"); a speaker's label is a name ("ROE: …", "Jane Roe: …").
NOT_TRANSCRIPT_LABELS: frozenset[str] = frozenset({
    "note", "update", "updated", "editor", "editors", "correction", "breaking", "exclusive",
    "watch", "video", "audio", "photo", "listen", "read", "related", "source", "sources",
    "transcript", "excerpt", "summary", "warning", "question", "answer", "q", "a", "ps", "p.s",
    "subject", "re", "fw", "fwd", "from", "to", "cc", "date", "title", "headline", "caption",
    "translation", "quote", "end", "part", "chapter", "step", "tip", "fact", "claim", "verdict",
})  # fmt: skip
# Lemmas by which a document (an ad, a petition, a statement) says its words besides the
# attribution table's speech, evidence and attitude verbs: "the ad hits Roe for “…”".
DOCUMENT_ACT_LEMMAS: frozenset[str] = frozenset({
    "talk", "hit", "call", "describe", "label", "brand", "dub", "quote", "feature",
})  # fmt: skip
# Nouns a title in quote marks modifies ("the “Tides” star", "the “Harbor Nights” host"): a
# quotation right before one, ending in no punctuation, is a name, not speech.
TITLE_MODIFIED_NOUNS: frozenset[str] = frozenset({
    "star", "stars", "host", "hosts", "actor", "actress", "creator", "creators", "cast",
    "episode", "episodes", "season", "fan", "fans", "author", "director", "producer", "writer",
    "singer", "franchise", "syllabus", "slogan", "initiative", "hashtag", "brand",
})  # fmt: skip
# Words that open a phrase after a one-word speaker ("Roe to the crew", "Roe about the fare").
SPEAKER_PHRASE_OPENERS: frozenset[str] = frozenset(
    {"to", "the", "a", "an", "his", "her", "its", "their", "about"}
)
# Present-tense speech forms that do not open an inverted attribution ("Added Roe:" does,
# "Says Roe:" is a headline).
UNINVERTED_SPEECH_FORMS: frozenset[str] = frozenset(
    {"says", "tells", "states", "notes", "adds", "warns"}
)
# Verb forms by which a document bears words ("a sign reading “…”"), in the order matched
# (a longer form before its prefix), and the forms after "that" ("shirts that read “…”").
DOCUMENT_READING_FORMS: tuple[str, ...] = ("reading", "read", "reads", "saying")
DOCUMENT_RELATIVE_FORMS: tuple[str, ...] = ("read", "reads", "said", "says")

# -- times of a report and negated auxiliaries (indirect.py, dates.py) --------------------------

# Parts of a day after a day's name ("Monday morning", "yesterday evening"), in the order matched.
DAY_PARTS: tuple[str, ...] = ("morning", "afternoon", "evening", "night")
# Nouns of time a clause without a relative pronoun dates rather than describes ("the
# moment the truce took hold", "the day he arrived"): the clause stands alone.
TIME_HEAD_NOUNS: frozenset[str] = frozenset(
    {"moment", "day", "time", "night", "week", "month", "year", "hour", "minute", "morning"}
)
# Periods after "this" or "last" ("last week"), in the order matched.
CALENDAR_PERIODS: tuple[str, ...] = ("week", "month", "year", "weekend")
# Time adverbs between a report's verb and its clause ("said yesterday that"), in order.
REPORT_TIME_ADVERBS: tuple[str, ...] = ("yesterday", "today", "earlier", "later", "recently")
# Auxiliaries before a negation ("did not say", "would never say"), in the order matched, and
# the stems they take before "n't" ("didn't", "can't" as "ca", "won't" as "wo").
NEGATABLE_AUXILIARIES: tuple[str, ...] = (
    "do", "does", "did", "has", "have", "had", "would", "will", "could", "can",
)  # fmt: skip
NEGATION_CONTRACTION_STEMS: tuple[str, ...] = (
    "do", "does", "did", "has", "have", "had", "would", "will", "could", "ca", "wo",
)  # fmt: skip

# -- reported clauses (indirect.py) ---------------------------------------------------------------

# Prepositions after a reporting verb that open an adjunct, not the reported clause ("said
# after the vote that …"): ``SPEAKER_PREPOSITIONS`` and the ones of direction and topic.
CLAUSE_PREPOSITIONS: frozenset[str] = SPEAKER_PREPOSITIONS | frozenset(
    {"about", "to", "into", "toward", "towards"}
)
# Words that open no reported clause after its speaker: those prepositions and subordinators.
NOT_CLAUSE_START_WORDS: frozenset[str] = CLAUSE_PREPOSITIONS | frozenset({
    "when", "while", "as", "because", "since", "until", "unless", "although", "though",
})  # fmt: skip

# -- polarity (polarity.py) -----------------------------------------------------------------------

# Lemmas of ``DENIAL_VERBS`` that deny by themselves ("denied C"); "reject" and "dismiss" deny
# only with a noun of saying ("rejected the claim").
DENIAL_SELF_VERBS: frozenset[str] = frozenset({"deny", "dispute", "refute"})
# Words between a denial verb and its noun of saying ("rejected the recent media reports"),
# in the order matched.
DENIAL_NOUN_MODIFIERS: tuple[str, ...] = (
    "the", "a", "an", "any", "all", "such", "those", "these", "that", "this", "his", "her",
    "its", "their", "recent", "earlier", "media", "press", "news",
)  # fmt: skip
# Words that open a content left open by a refusal or a negated report ("would not say
# whether C"), in the order matched.
OPEN_CONTENT_WORDS: tuple[str, ...] = (
    "whether", "if", "when", "where", "why", "how", "who", "whom", "what", "which",
)  # fmt: skip
# The same as a parse's first token of a content: "if" there opens a condition, not a question.
OPEN_CONTENT_TOKENS: frozenset[str] = frozenset(OPEN_CONTENT_WORDS) - {"if"}
# Adverbs between a negation and the cue it negates ("did not publicly say"), in the order
# matched (besides any "-ly" adverb).
NEGATION_ADVERBS: tuple[str, ...] = (
    "yet", "publicly", "directly", "explicitly", "actually", "once", "been",
)  # fmt: skip
# Words after "not" that limit the verb instead of negating it: "the court did not just
# find that C" (it found C, and more), "not only said C".
NEGATION_LIMITERS: frozenset[str] = frozenset({"just", "only", "merely", "simply"})
# Words after "would have" that make "have" a verb with an object ("would have the
# discretion"), not a counterfactual ("would have won"), in the order matched.
HAVE_OBJECT_WORDS: tuple[str, ...] = (
    "to", "the", "a", "an", "no", "some", "any", "more", "less", "his", "her", "their", "its",
    "our", "my", "your", "this", "that", "these", "those", "enough", "much", "many", "little",
    "few", "one", "two", "nothing", "something", "anything", "everything",
)  # fmt: skip
# Past participles that do not end in -ed, -en, -wn or -ne: after "would/could/might have"
# only a participle makes a counterfactual ("could have won", "would have cost"); "could have
# serious repercussions" is "have" with an object.
IRREGULAR_PARTICIPLES: frozenset[str] = frozenset({
    "had", "said", "paid", "made", "laid", "led", "fed", "read", "heard", "held", "told",
    "sold", "found", "bound", "hid", "slid", "fled", "bled", "sped", "shed", "spread", "stood",
    "understood", "built", "sent", "spent", "lent", "bent", "meant", "kept", "slept", "swept",
    "wept", "left", "felt", "dealt", "knelt", "lost", "cost", "cast", "burst", "hit", "hurt",
    "put", "let", "set", "cut", "shut", "quit", "split", "bet", "got", "shot", "sat", "met",
    "lit", "bought", "brought", "thought", "fought", "sought", "caught", "taught", "come",
    "become", "overcome", "run", "begun", "won", "struck", "stuck", "sung", "swung", "hung",
    "dug", "drunk", "sunk", "swum", "spun", "stung", "wrung", "slung",
})  # fmt: skip
# Words after which "if" asks rather than conditions ("did not know if C", "asked him if C",
# "to determine if C", "not sure if C"): "if" is "whether" there. Not "say"/"tell": "said if
# elected he would …" is a condition (a negated "would not say if" is read as a refusal).
WHETHER_IF_HEADS: tuple[str, ...] = (
    "know", "knew", "known", "knows", "knowing", "ask", "asked", "asks", "asking", "wonder",
    "wondered", "wonders", "wondering", "see", "sees", "saw", "seen", "seeing", "determine",
    "determined", "determines", "determining", "decide", "decided", "decides", "deciding",
    "check", "checked", "checking", "sure", "unsure", "clear", "unclear", "doubt", "doubts",
    "doubted", "question", "questioned", "learn", "learned", "find out", "found out",
    "figure out", "judge", "assess", "evaluate", "examine", "examining", "investigate",
    "investigating", "consider", "considering", "remember", "recall", "inquire", "inquired",
    "gauge", "test", "testing",
)  # fmt: skip
# Their lemmas, for the parse: an "if" right after one of them opens an indirect question
# ("find out" and "figure out" are read with their particle).
WHETHER_IF_LEMMAS: frozenset[str] = frozenset({
    "know", "ask", "wonder", "see", "determine", "decide", "check", "sure", "unsure", "clear",
    "unclear", "doubt", "question", "learn", "judge", "assess", "evaluate",
    "examine", "investigate", "consider", "remember", "recall", "inquire", "gauge", "test",
})  # fmt: skip
# The lemmas of ``WHETHER_IF_HEADS`` read with their particle "out" ("find out if C", "figure
# out if C"): alone, "find"/"figure" before "if" set a condition ("if you find it, …").
WHETHER_IF_PARTICLE_LEMMAS: frozenset[str] = frozenset({"find", "figure"})

# -- stances (stances.py) ------------------------------------------------------------------------

# A stance negated ("will not support") read as its opposite; the others are left out.
STANCE_NEGATION_FLIPS: Mapping[str, str] = {
    "support": "oppose", "agree": "reject", "offer": "reject", "pledge": "reject",
    "aid": "reject", "cooperate": "reject", "demand": "oppose",
}  # fmt: skip

# Common nouns that name an actor taking a stance ("the ministers agreed").
STANCE_ACTOR_NOUNS: frozenset[str] = frozenset({
    "countries", "country", "nations", "nation", "states", "governments", "government",
    "officials", "official", "diplomats", "diplomat", "participants", "allies", "members",
    "leaders", "leader", "ministers", "minister", "administration", "ministry", "council",
    "assembly", "parliament", "partners", "military", "army", "president", "spokesperson",
    "spokesman", "spokeswoman", "envoy", "ambassador", "delegation", "union", "bloc",
    "alliance", "coalition", "rebels", "militants", "party", "parties", "authorities",
    "regime", "cabinet", "congress", "senate", "commission", "secretary", "premier",
    "chancellor", "negotiators", "mediators", "powers", "lawmakers", "group", "groups",
    "donors", "contributors", "sources", "experts", "analysts", "critics", "residents",
    "protesters", "organizations", "organisations", "agencies", "agency", "court",
})  # fmt: skip

# Markers that make the clause a requirement rather than an ordinary "if".
REQUIRING_MARKERS: frozenset[str] = frozenset(
    {
        "based on",
        "subject to",
        "conditional on",
        "conditional upon",
        "contingent on",
        "contingent upon",
        "depending on",
    }
)

# Prepositions before a name that make it no subject of a stance ("talks with Peru").
STANCE_PREPOSITIONS: frozenset[str] = frozenset({
    "with", "to", "by", "from", "of", "in", "at", "for", "on", "against", "into", "between",
    "among", "about", "like", "than", "toward", "towards", "over", "under", "behind",
})  # fmt: skip

# Auxiliaries and adverbs skipped between a subject and its stance trigger ("has also").
SKIP_BEFORE_TRIGGER: frozenset[str] = frozenset(
    {
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "shall",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "not",
        "also",
        "now",
        "still",
        "already",
        "reportedly",
        "initially",
        "then",
        "n't",
        "’s",
        "'s",
        "’re",
        "'re",
        "do",
        "does",
        "did",
    }
)

# Words that may stand between a subject and its verb ("Chile has also", "Peru, a member,
# later"): auxiliaries, adverbs, a verb the trigger hangs on ("denied seeking"). Anything
# else there (a determiner, a preposition, "that", "who") means the name is no subject.
NOT_IN_SUBJECT_GAP: frozenset[str] = STANCE_PREPOSITIONS | {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "which", "who", "whom", "whose", "when", "while", "if", "because", "and", "or", "but",
    "as", "than", *SAID_FORMS, "after", "before", "since", "until", "whether",
}  # fmt: skip

# Determiners before a trigger word that make it a noun ("the new pledge").
STANCE_DETERMINERS: frozenset[str] = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "no", "any", "every", "each", "new", "fresh", "latest", "first", "final",
})  # fmt: skip

# Trigger key words that are not verbs by design ("ready to", "in talks with").
NOT_VERB_TRIGGER_WORDS: frozenset[str] = frozenset({
    "ready", "prepared", "willing", "poised", "interested", "must", "reluctant", "hesitant",
    "unwilling", "loath", "crucial", "essential", "vital", "imperative", "talks", "discussions",
    "conversations", "consultation", "consultations", "contact", "coordination",
})  # fmt: skip

# Trigger nouns whose possessor may be the one backed rather than the backer ("Clinton's
# support among black voters" is support for Clinton): no actor is read from the possessor.
STANCE_AMBIGUOUS_POSSESSOR_NOUNS: frozenset[str] = frozenset({
    "support", "backing", "endorsement", "endorsements",
})  # fmt: skip

# Lemmas of verbs whose object, not subject, does what the infinitive after it says
# ("the famine drove farmers to demand …", "lawmakers called on the cabinet to block …"):
# the object controls the infinitive, so a stance in it is the object's.
STANCE_OBJECT_CONTROL_VERBS: frozenset[str] = frozenset({
    "drive", "force", "push", "pressure", "press", "prompt", "lead", "urge", "ask", "call",
    "appeal", "persuade", "convince", "encourage", "invite", "allow", "compel", "tell",
    "order", "get", "inspire", "spur", "require", "expect", "want", "need", "help",
    "enable", "warn", "advise", "instruct", "direct", "challenge", "dare", "beg", "implore",
})  # fmt: skip

# Actor nouns that stand for the country or organisation their "of"-phrase names ("the
# government of Kestria", "the leadership of the party"): that entity is the actor's.
STANCE_OF_GOVERNMENT_NOUNS: frozenset[str] = frozenset({
    "government", "administration", "cabinet", "leadership", "authorities", "ministry",
    "parliament", "regime", "presidency",
})  # fmt: skip

# The object-control verbs that only ask, tell or press their object to act ("Holt asked Roe
# to support the treaty", "urged the council to reject it"): the object has not done it, so
# the infinitive's stance is nobody's yet (the asker's is the verb's own stance, if any).
# The others ("drove", "forced", "persuaded", "prompted") say the object did act.
STANCE_DIRECTIVE_VERBS: frozenset[str] = frozenset({
    "ask", "urge", "call", "appeal", "encourage", "invite", "tell", "order", "require",
    "expect", "want", "need", "warn", "advise", "instruct", "direct", "challenge", "dare",
    "beg", "implore", "pressure", "press", "push", "allow", "enable",
})  # fmt: skip
# Their inflected forms, for the position rules (no parse): "asked Ben Roe to support".
STANCE_DIRECTIVE_FORMS: frozenset[str] = frozenset({
    "ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging", "call", "calls",
    "called", "calling", "appeal", "appeals", "appealed", "appealing", "encourage",
    "encourages", "encouraged", "encouraging", "invite", "invites", "invited", "inviting",
    "tell", "tells", "told", "telling", "order", "orders", "ordered", "ordering", "require",
    "requires", "required", "requiring", "expect", "expects", "expected", "expecting",
    "want", "wants", "wanted", "wanting", "need", "needs", "needed", "needing", "warn",
    "warns", "warned", "warning", "advise", "advises", "advised", "advising", "instruct",
    "instructs", "instructed", "instructing", "direct", "directs", "directed", "directing",
    "challenge", "challenges", "challenged", "challenging", "dare", "dares", "dared",
    "daring", "beg", "begs", "begged", "begging", "implore", "implores", "implored",
    "imploring", "pressure", "pressures", "pressured", "pressuring", "press", "presses",
    "pressed", "pressing", "push", "pushes", "pushed", "pushing", "allow", "allows",
    "allowed", "allowing", "enable", "enables", "enabled", "enabling",
})  # fmt: skip

# Subject nouns that count part of a group ("forty percent said they would …", "the share
# of voters saying they want …"): "they" then stands for that part, which names no actor.
STANCE_PARTITIVE_SUBJECTS: frozenset[str] = frozenset({
    "percent", "%", "proportion", "share", "majority", "minority", "plurality", "half",
    "third", "quarter", "number", "most", "many", "some", "few", "several", "all", "none",
    "those", "others",
})  # fmt: skip

# Lower-case words before a plural actor noun ("several countries", "participating nations")
# and the plural actor nouns a group of actors is named by, in the order matched.
STANCE_ACTOR_MODIFIERS: tuple[str, ...] = (
    "several", "many", "some", "other", "most", "few", "potential", "participating", "the",
    "both",
)  # fmt: skip
STANCE_ACTOR_PLURALS: tuple[str, ...] = (
    "countries", "nations", "states", "governments", "officials", "diplomats", "participants",
    "allies", "members", "leaders", "ministers", "partners", "powers", "donors", "contributors",
)  # fmt: skip
# Words that open the clause a stance trigger stands in (besides the speech verbs), in the
# order matched.
STANCE_CLAUSE_OPENERS: tuple[str, ...] = (
    "that", "as", "while", "when", "whereas", "because", "after", "before", "since",
)  # fmt: skip
# Words of a title between a name and its role ("Foreign Minister", "deputy envoy"), in the
# order matched.
STANCE_TITLE_GLUE_WORDS: tuple[str, ...] = (
    "spokesperson", "spokesman", "spokeswoman", "minister", "foreign", "caretaker", "prime",
    "president", "secretary", "deputy", "senior", "chief", "state", "of", "for", "the",
    "general", "envoy", "ambassador", "official", "officials", "leader",
)  # fmt: skip
# Condition markers that make a stance conditional (not "based on", "without": terms). Not
# ``CONDITIONAL_CUES``: this one matches stances.py's own marker pattern ("provided" alone,
# no "in case"), so it is kept apart.
# What a source asks a reporter for ("an aide who requested anonymity", "sought comment"):
# the reporting's own conventions, no position of the asker (a closed set of these nouns).
SOURCING_REQUEST_OBJECTS: frozenset[str] = frozenset({"anonymity", "comment", "comments"})

STANCE_CONDITION_MARKERS: frozenset[str] = frozenset(
    {"if", "unless", "only if", "provided", "provided that", "as long as", "so long as"}
)

# -- dates (dates.py) ----------------------------------------------------------------------------

# Counts written as words in relative dates ("two weeks ago", "a day later").
DATE_NUMBER_WORDS: Mapping[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Verbs of intention whose present form before "to" puts what follows ahead of the writing
# ("the assembly expects to vote on a new map in February", "she hopes to return in May").
INTENTION_LEMMAS: frozenset[str] = frozenset(
    {"expect", "intend", "plan", "aim", "hope", "want", "seek"}
)
# Words that make a count one end of a range ("five or six years ago", "two to three
# weeks ago"): the date it names is no single one.
COUNT_RANGE_JOINERS: tuple[str, ...] = ("or", "to")

# Lemmas whose clause complement is in the future ("is expected to meet", "plans to vote").
FUTURE_HEAD_LEMMAS: frozenset[str] = frozenset(
    {"expect", "schedule", "set", "due", "slate", "plan", "intend", "go", "aim", "hope"}
)
# Verbs whose object or complement lies ahead of them ("expected a rise in September",
# "forecast growth in the spring"): a date inside it is not dated by the verb's tense.
FORECAST_LEMMAS: frozenset[str] = frozenset(
    {"expect", "forecast", "predict", "project", "anticipate", "foresee", "plan", "schedule"}
)
# Adjectives of permission or ability whose infinitive tells what someone may or can do,
# not what they do or want ("free to support either candidate", "allowed to oppose it").
PERMISSION_ADJECTIVES: frozenset[str] = frozenset(
    {"free", "able", "unable", "allowed", "permitted", "eligible", "entitled", "welcome"}
)
# Modal auxiliaries that date nothing in the past on their own ("could be out by June 11");
# "would" is apart (the future of reported speech), and "… have" makes any of them past.
MODAL_AUXILIARIES: frozenset[str] = frozenset(
    {"could", "might", "may", "should", "must", "can", "ca"}
)

# Finite past forms a clause is read past by without a parse (with -ed verbs and irregular
# past forms): a year-less month it names lies before the day it was written.
PAST_AUXILIARIES: frozenset[str] = frozenset({"was", "were", "had", "did"})

# -- cleaning (clean.py) --------------------------------------------------------------------------

# Words left out when measuring how title-cased a line is (a headline's "of", "is", "off").
# Not ``TITLE_CASE_SMALL_WORDS``, which writes names in title case and keeps name particles
# ("de", "van") but not verbs ("is", "are"): the two serve different tests, so they are apart.
HEADLINE_SMALL_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "with",
    "by", "from", "as", "vs", "via", "into", "over", "after", "amid", "per", "up", "is", "are",
    "be", "its", "it", "than", "out", "off", "&",
})  # fmt: skip
# Labels of a photo credit in brackets at a paragraph's end ("(Photo: Jane Roe)"), singular,
# in the order matched (a plural "s" may follow).
CAPTION_LABELS: tuple[str, ...] = ("photo", "video", "image", "picture", "credit", "photograph")
# Labels of a credit or media line on its own ("Watch: …", "Illustration: …"): those and more.
CREDIT_LINE_LABELS: tuple[str, ...] = (*CAPTION_LABELS, "watch", "audio", "illustration", "graphic")
# Function words a cut snippet must not end on.
SNIPPET_END_WORDS: frozenset[str] = HEADLINE_SMALL_WORDS | {"that", "this", "would", "will"}

# -- relations (relations.py) ------------------------------------------------------------------

# Forms of "be" that make a past participle passive ("was deployed").
PASSIVE_AUXILIARIES: frozenset[str] = frozenset({"is", "are", "was", "were", "be", "been", "being"})

# -- a story's focal subject (focus.py) ----------------------------------------------------------


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string (long lists read better that way); the other
    ``lang`` modules build theirs with it too."""
    return frozenset(text.split())


# Head noun -> kind. Singular forms only for "force": plural "forces" names troops
# ("Russian forces"), not an initiative.
KIND_HEADS: Mapping[str, str] = {
    "force": "force", "mission": "force", "operation": "force", "coalition": "force",
    "contingent": "force",
    "treaty": "agreement", "accord": "agreement", "agreement": "agreement", "pact": "agreement",
    "deal": "deal", "merger": "deal", "acquisition": "deal", "takeover": "deal",
    "law": "law", "bill": "law", "legislation": "law", "regulation": "law", "directive": "law",
    "resolution": "resolution",
    "plan": "plan", "initiative": "plan", "programme": "plan", "program": "plan",
    "scheme": "plan", "proposal": "plan",
    "ceasefire": "ceasefire", "truce": "ceasefire", "armistice": "ceasefire",
    "sanctions": "sanctions", "embargo": "sanctions", "tariff": "tariff", "tariffs": "tariff",
    "summit": "summit", "conference": "summit",
    "election": "election", "referendum": "election",
    "fund": "fund",
}  # fmt: skip

# Verbs (and other words) that end a noun phrase when walking left from its head, besides
# the stop words ("to deploy [an international force]", "said [the plan]").
PHRASE_END_WORDS: frozenset[str] = finite_forms(["say", "tell", "announce"]) | word_set(
    """deploy establish create form send join lead support set launch build adopt pass sign
    negotiate approve back endorse authorize authorise propose draft finalize finalise
    called calls including include includes like do does did shall just n't s 's"""
)

# Prepositions before the place a focal subject is for ("a force in Arvel"), in the order
# matched.
FOCUS_PLACE_PREPOSITIONS: tuple[str, ...] = (
    "in", "to", "for", "into", "inside", "across", "on", "over",
)  # fmt: skip
# Modifiers that say nothing about which thing a phrase names.
GENERIC_MODS: frozenset[str] = word_set(
    "proposed new possible potential future planned current draft eventual so-called "
    "such said latest first second"
)

# -- coreference (coref.py) -----------------------------------------------------------------------

# Determiners that open a definite description ("the minister", "this official").
DEFINITE_DETERMINERS: tuple[str, ...] = ("the", "this", "that", "these", "those")
# Subordinators of an adverbial clause opening a sentence before its subject ("As", "But
# when", "Though"), and the conjunctions that may come first, in the order matched.
SIDE_CLAUSE_CONJUNCTIONS: tuple[str, ...] = ("but", "and", "yet", "so")
SIDE_CLAUSE_OPENERS: tuple[str, ...] = (
    "as", "when", "while", "after", "before", "though", "although", "because", "since", "once",
    "until",
)  # fmt: skip
# Prepositions that give an example of a plural noun ("critics like Ivo Roe", "analysts such
# as Jane Roe", "several aides, including Ivo Penn,"): the one person named stands out of
# the group (the parse hangs "as" of "such as" on the noun).
EXAMPLE_PREPOSITIONS: frozenset[str] = frozenset({"like", "including", "as"})

# -- story summaries (summaries.py) ---------------------------------------------------------------

# Words opening a clause that adds circumstances: a long lead may be cut before it to make a
# headline (", hours after …"), in the order matched.
HEADLINE_CUT_OPENERS: tuple[str, ...] = (
    "after", "as", "when", "while", "because", "amid", "despite", "where", "which", "who",
    "before",
)  # fmt: skip
