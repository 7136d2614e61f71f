"""Word lists for aligning claims across outlets (``stages/analysis/align.py``,
``stages/analysis/statements.py``): number words read as values, and the small synonym
table of counted nouns that lemmas alone do not join.

WordNet would give the synonyms, but neither NLTK's WordNet nor ``wn`` is installed with
the engine and nothing may be downloaded at run time; the table below holds the pairs news
writers swap for one another when they count the same thing (ECB+ train: "pirates" /
"brigands", "catches" / "receptions"). Each noun maps to one canonical noun.
"""

from __future__ import annotations

from collections.abc import Mapping

# Number words as the digits a statement's value is compared by ("killing ten" = "killing 10").
VALUE_WORDS: Mapping[str, str] = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
    "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100",
    "dozen": "12",
}  # fmt: skip

# Counted nouns that name the same thing (singular forms); the value is the canonical noun.
MEASURE_SYNONYMS: Mapping[str, str] = {
    # people taken or held
    "brigand": "pirate", "buccaneer": "pirate", "raider": "pirate",
    "detainee": "suspect",
    # people
    "person": "people", "individual": "people",
    "inhabitant": "resident", "villager": "resident",
    # sport statistics
    "reception": "catch", "grab": "catch",
    "td": "touchdown",
    # vehicles and vessels
    "vessel": "ship", "skiff": "boat", "dhow": "boat",
    "car": "vehicle", "automobile": "vehicle",
    # arms
    "firearm": "gun", "bullet": "round", "cartridge": "round",
    # places hit
    "home": "house", "dwelling": "house",
}  # fmt: skip

# Speed units: the factor to km/h ("120 mph" and "193 km/h" are one speed). A length unit
# before "per hour" / "an hour" is a speed too (its metres / 1000).
SPEED_UNITS: Mapping[str, float] = {
    "mph": 1.609344, "km/h": 1.0, "kph": 1.0, "kmh": 1.0, "kmph": 1.0, "knots": 1.852,
    "knot": 1.852,
}  # fmt: skip
