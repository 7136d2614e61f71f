"""Language data for the extractors and the term extractors: word lists kept as data.

One home per lexicon, as spaCy keeps ``spacy/lang/en/`` apart from its pipeline and
trafilatura keeps its XPaths apart from the extractor: stages import the lists from here
and never define their own.
"""

from __future__ import annotations

from functools import cache

from storyline.lang.en import (
    ABBREVIATIONS,
    ATTACHED_UNITS,
    ATTITUDE_VERBS,
    ATTRIBUTION_NOUNS,
    ATTRIBUTION_PREPOSITIONS,
    ATTRIBUTION_SPEECH_VERBS,
    BELIEF_VERBS,
    CASUALTY_WORDS,
    CONDITIONAL_CUES,
    CORE_SPEECH_FORMS,
    DENIAL_EXTRA_FORMS,
    DENIAL_NOUNS,
    DENIAL_OBJECT_VERBS,
    DENIAL_VERBS,
    DURATION_UNITS,
    EVIDENCE_VERBS,
    FEMALE_FIRST_NAMES,
    FINITE_CUES,
    FRAME_COUNT_NOUNS,
    FRAMING_NOUNS,
    GENERIC_EVENT_WORDS,
    GENERIC_NAME_WORDS,
    HONORIFICS,
    HYPOTHETICAL_CUES,
    HYPOTHETICAL_MODALS,
    INDIRECT_SPEECH_FORMS,
    INFINITIVE_CONTENT_VERBS,
    INFINITIVE_NOUNS,
    INTENT_VERBS,
    ISSUING_VERBS,
    LABEL_SETS,
    LENGTH_UNITS,
    MALE_FIRST_NAMES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NEGATION_CUES,
    NOT_CONDITIONAL_IF,
    OBJECT_CONTENT_VERBS,
    PERSONAL_TITLES,
    PREDICATE_CONTENT_VERBS,
    PRONOUNS,
    QUANTITY_FRAMES,
    QUANTITY_NOUNS,
    QUESTION_VERBS,
    QUOTE_SPEECH_FORMS,
    RECORD_WORDS,
    REFERRING_PRONOUNS,
    REFUSAL_VERBS,
    REPORTING_ADVERBS,
    REPORTING_FORMS,
    SAID_FORMS,
    SPEECH_LEMMAS,
    SPEECH_VERBS,
    STOP_WORDS_WITH_MEANING,
    STORY_KINDS,
    STREET_WORDS,
    TIME_WORDS,
    TIME_ZONES,
    TITLE_ABBREVIATIONS,
    TITLE_CASE_SMALL_WORDS,
    TRAILING_SPEECH_FORMS,
    TRAILING_TITLE_ABBREVIATIONS,
    UNNAMED_SOURCES,
    UNSAID_VERBS,
    VAGUE_AMOUNTS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    Pronoun,
    alternation,
    finite_forms,
)

# Contractions and titles that scikit-learn's list lacks but that carry no topic either.
_EXTRA_STOP_WORDS = frozenset({"i'm", "i've", "i'd", "i'll", "it's", "mr", "mrs", "ms"})


@cache
def stop_words() -> frozenset[str]:
    """The one English stop-word list: scikit-learn's (a maintained list) plus a few extras.

    Imported lazily: scikit-learn is slow to import and ``storyline --help`` must stay fast.
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | _EXTRA_STOP_WORDS


EXTRACTION_LANGUAGES = frozenset({"en"})
"""The languages the extractors' word lists and models are written for (ISO 639-1)."""


def extraction_note(language: str | None) -> str | None:
    """Why an article in ``language`` is not extracted, or None when it is.

    An article whose language is unknown (too short to tell) is extracted as English.
    """
    if language is None or language in EXTRACTION_LANGUAGES:
        return None
    return f"not extracted: language {language!r} (extraction reads English only)"


__all__ = [
    "ABBREVIATIONS",
    "ATTACHED_UNITS",
    "ATTITUDE_VERBS",
    "ATTRIBUTION_NOUNS",
    "ATTRIBUTION_PREPOSITIONS",
    "ATTRIBUTION_SPEECH_VERBS",
    "BELIEF_VERBS",
    "CASUALTY_WORDS",
    "CONDITIONAL_CUES",
    "CORE_SPEECH_FORMS",
    "DENIAL_EXTRA_FORMS",
    "DENIAL_NOUNS",
    "DENIAL_OBJECT_VERBS",
    "DENIAL_VERBS",
    "DURATION_UNITS",
    "EVIDENCE_VERBS",
    "EXTRACTION_LANGUAGES",
    "FEMALE_FIRST_NAMES",
    "FINITE_CUES",
    "FRAME_COUNT_NOUNS",
    "FRAMING_NOUNS",
    "GENERIC_EVENT_WORDS",
    "GENERIC_NAME_WORDS",
    "HONORIFICS",
    "HYPOTHETICAL_CUES",
    "HYPOTHETICAL_MODALS",
    "INDIRECT_SPEECH_FORMS",
    "INFINITIVE_CONTENT_VERBS",
    "INFINITIVE_NOUNS",
    "INTENT_VERBS",
    "ISSUING_VERBS",
    "LABEL_SETS",
    "LENGTH_UNITS",
    "MALE_FIRST_NAMES",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "NEGATION_CUES",
    "NOT_CONDITIONAL_IF",
    "OBJECT_CONTENT_VERBS",
    "PERSONAL_TITLES",
    "PREDICATE_CONTENT_VERBS",
    "PRONOUNS",
    "QUANTITY_FRAMES",
    "QUANTITY_NOUNS",
    "QUESTION_VERBS",
    "QUOTE_SPEECH_FORMS",
    "RECORD_WORDS",
    "REFERRING_PRONOUNS",
    "REFUSAL_VERBS",
    "REPORTING_ADVERBS",
    "REPORTING_FORMS",
    "SAID_FORMS",
    "SPEECH_LEMMAS",
    "SPEECH_VERBS",
    "STOP_WORDS_WITH_MEANING",
    "STORY_KINDS",
    "STREET_WORDS",
    "TIME_WORDS",
    "TIME_ZONES",
    "TITLE_ABBREVIATIONS",
    "TITLE_CASE_SMALL_WORDS",
    "TRAILING_SPEECH_FORMS",
    "TRAILING_TITLE_ABBREVIATIONS",
    "UNNAMED_SOURCES",
    "UNSAID_VERBS",
    "VAGUE_AMOUNTS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "Pronoun",
    "alternation",
    "extraction_note",
    "finite_forms",
    "stop_words",
]
