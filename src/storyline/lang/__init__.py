"""Language data for the extractors and the term extractors: word lists kept as data.

One home per lexicon, as spaCy keeps ``spacy/lang/en/`` apart from its pipeline and
trafilatura keeps its XPaths apart from the extractor: stages import the lists from here
and never define their own.
"""

from __future__ import annotations

from functools import cache

from storyline.lang.en import (
    ABBREVIATIONS,
    CORE_SPEECH_FORMS,
    DENIAL_VERBS,
    FEMALE_FIRST_NAMES,
    HONORIFICS,
    INDIRECT_SPEECH_FORMS,
    MALE_FIRST_NAMES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NEGATION_CUES,
    PRONOUNS,
    QUOTE_SPEECH_FORMS,
    REFERRING_PRONOUNS,
    REPORTING_FORMS,
    SPEECH_LEMMAS,
    SPEECH_VERBS,
    TIME_WORDS,
    TIME_ZONES,
    TITLE_ABBREVIATIONS,
    TITLE_CASE_SMALL_WORDS,
    TRAILING_SPEECH_FORMS,
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


__all__ = [
    "ABBREVIATIONS",
    "CORE_SPEECH_FORMS",
    "DENIAL_VERBS",
    "FEMALE_FIRST_NAMES",
    "HONORIFICS",
    "INDIRECT_SPEECH_FORMS",
    "MALE_FIRST_NAMES",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "NEGATION_CUES",
    "PRONOUNS",
    "QUOTE_SPEECH_FORMS",
    "REFERRING_PRONOUNS",
    "REPORTING_FORMS",
    "SPEECH_LEMMAS",
    "SPEECH_VERBS",
    "TIME_WORDS",
    "TIME_ZONES",
    "TITLE_ABBREVIATIONS",
    "TITLE_CASE_SMALL_WORDS",
    "TRAILING_SPEECH_FORMS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "Pronoun",
    "alternation",
    "finite_forms",
    "stop_words",
]
