"""Countries for the entity gazetteer, generated from pycountry (ISO 3166-1).

pycountry is the maintained source of country names (``name``, ``common_name``,
``official_name``) and ISO codes; this module turns its records into the names news text
uses. What pycountry lacks is kept here as small curated tables:

- ``DEMONYMS``: pycountry has no demonyms. The table maps an ISO alpha-2 code to the
  adjective and plural noun a newspaper writes ("Ghanaian", "Ghanaians"). English demonyms
  are too irregular to derive from a suffix rule (Ghana → Ghanaian, Togo → Togolese,
  Niger → Nigerien), so a country missing here simply has none: no guessed word is ever
  matched as a demonym. The curated gazetteer (``data/gazetteer.json``) keeps its own
  demonyms, capitals and metonyms ("Washington", "the Kremlin", "Downing Street") for the
  countries it lists; this table only serves the countries it does not.
- ``EXTRA_NAMES``: English short names news use that ISO does not ("Ivory Coast",
  "Turkey", "Burma", "DR Congo").
- ``SKIPPED_NAMES``: ISO names that are mostly something else in English news text: a
  first name ("Chad"), a US state or its tail ("Georgia", "New Jersey"). They are not
  matched as countries; NER may still find them.

ISO codes are kept with each country (``IsoCountry.alpha_2/alpha_3``) but never matched in
text on their own: most two- and three-letter codes are English words or other
abbreviations in capitals ("IN", "CAN", "PER"). The curated gazetteer lists the few codes
news do use as names ("US", "UK", "UAE").

pycountry is imported on first use only (``storyline --help`` must stay fast).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = [
    "DEMONYMS",
    "EXTRA_NAMES",
    "LOCATIVE_PREPOSITIONS",
    "PLACE_CONTEXT_NOUNS",
    "REGION_MODIFIERS",
    "REGION_TYPES",
    "SKIPPED_NAMES",
    "VISIT_WORDS",
    "IsoCountry",
    "iso_countries",
    "region_names",
]

# alpha-2 -> demonyms (adjective first). Curated: pycountry has no demonyms (see above).
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AL": ("Albanian", "Albanians"),
    "AO": ("Angolan", "Angolans"),
    "BA": ("Bosnian", "Bosnians"),
    "BF": ("Burkinabe",),
    "BG": ("Bulgarian", "Bulgarians"),
    "BI": ("Burundian", "Burundians"),
    "BJ": ("Beninese",),
    "BO": ("Bolivian", "Bolivians"),
    "BT": ("Bhutanese",),
    "BW": ("Botswanan",),
    "CD": ("Congolese",),
    "CF": ("Central African", "Central Africans"),
    "CI": ("Ivorian", "Ivorians"),
    "CM": ("Cameroonian", "Cameroonians"),
    "CR": ("Costa Rican", "Costa Ricans"),
    "CY": ("Cypriot", "Cypriots"),
    "DO": ("Dominican", "Dominicans"),
    "DJ": ("Djiboutian", "Djiboutians"),
    "EC": ("Ecuadorian", "Ecuadorians"),
    "EE": ("Estonian", "Estonians"),
    "ER": ("Eritrean", "Eritreans"),
    "FJ": ("Fijian", "Fijians"),
    "GA": ("Gabonese",),
    "GE": ("Georgian", "Georgians"),
    "GH": ("Ghanaian", "Ghanaians"),
    "GN": ("Guinean", "Guineans"),
    "GT": ("Guatemalan", "Guatemalans"),
    "HN": ("Honduran", "Hondurans"),
    "HR": ("Croatian", "Croatians", "Croats"),
    "IS": ("Icelandic", "Icelanders"),
    "JM": ("Jamaican", "Jamaicans"),
    "KG": ("Kyrgyz",),
    "KH": ("Cambodian", "Cambodians"),
    "LA": ("Laotian", "Laotians"),
    "LK": ("Sri Lankan", "Sri Lankans"),
    "LR": ("Liberian", "Liberians"),
    "LT": ("Lithuanian", "Lithuanians"),
    "LU": ("Luxembourgish",),
    "LV": ("Latvian", "Latvians"),
    "MD": ("Moldovan", "Moldovans"),
    "ME": ("Montenegrin", "Montenegrins"),
    "MG": ("Malagasy",),
    "MK": ("Macedonian", "Macedonians"),
    "ML": ("Malian", "Malians"),
    "MM": ("Burmese",),
    "MN": ("Mongolian", "Mongolians"),
    "MR": ("Mauritanian", "Mauritanians"),
    "MT": ("Maltese",),
    "MW": ("Malawian", "Malawians"),
    "MZ": ("Mozambican", "Mozambicans"),
    "NA": ("Namibian", "Namibians"),
    "NE": ("Nigerien", "Nigeriens"),
    "NI": ("Nicaraguan", "Nicaraguans"),
    "NP": ("Nepalese", "Nepali"),
    "PA": ("Panamanian", "Panamanians"),
    "PE": ("Peruvian", "Peruvians"),
    "PG": ("Papua New Guinean", "Papua New Guineans"),
    "PY": ("Paraguayan", "Paraguayans"),
    "RS": ("Serbian", "Serbs"),
    "RW": ("Rwandan", "Rwandans"),
    "SI": ("Slovenian", "Slovenians", "Slovene"),
    "SK": ("Slovak", "Slovaks"),
    "SL": ("Sierra Leonean", "Sierra Leoneans"),
    "SN": ("Senegalese",),
    "SO": ("Somali", "Somalis"),
    "SS": ("South Sudanese",),
    "SV": ("Salvadoran", "Salvadorans"),
    "TD": ("Chadian", "Chadians"),
    "TG": ("Togolese",),
    "TJ": ("Tajik", "Tajiks"),
    "TM": ("Turkmen",),
    "TT": ("Trinidadian", "Trinidadians"),
    "TZ": ("Tanzanian", "Tanzanians"),
    "UG": ("Ugandan", "Ugandans"),
    "UY": ("Uruguayan", "Uruguayans"),
    "UZ": ("Uzbek", "Uzbeks"),
    "ZM": ("Zambian", "Zambians"),
    "ZW": ("Zimbabwean", "Zimbabweans"),
}

# alpha-2 -> English names news use that ISO 3166 does not give.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "CD": ("Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo"),
    "CG": ("Republic of Congo",),
    "CI": ("Ivory Coast",),
    "CV": ("Cape Verde",),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "SZ": ("Swaziland",),
    "TR": ("Turkey",),
    "VA": ("Vatican", "Vatican City"),
    "TL": ("East Timor",),
}

# ISO names that usually mean something else in English news (see the module docstring).
SKIPPED_NAMES: frozenset[str] = frozenset({"Chad", "Jersey", "Guernsey", "Georgia", "Jordan"})


@dataclass(frozen=True, slots=True)
class IsoCountry:
    """One ISO 3166-1 country: its short name, every usable English name, demonyms, codes."""

    alpha_2: str
    alpha_3: str
    name: str  # the short name shown ("Iran", not "Iran, Islamic Republic of")
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


def _usable(name: str) -> str | None:
    """A pycountry name as running text writes it, or None ("Korea, Republic of")."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()  # "Holy See (Vatican City State)"
    name = re.sub(r"^the\s+", "", name)
    if "," in name or not name:
        return None
    return name


@cache
def iso_countries() -> tuple[IsoCountry, ...]:
    """Every ISO 3166-1 country with its English names, demonyms and codes (cached)."""
    import pycountry  # lazy: only the extractors need it

    out: list[IsoCountry] = []
    for c in pycountry.countries:
        a2 = c.alpha_2
        raw = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names: list[str] = []
        for n in [*raw, *EXTRA_NAMES.get(a2, ())]:
            u = _usable(n) if n else None
            if u and u not in names and u not in SKIPPED_NAMES:
                names.append(u)
        if not names:
            continue
        short = EXTRA_NAMES.get(a2, (names[0],))[0] if a2 in ("TR", "CI", "CZ") else names[0]
        out.append(IsoCountry(a2, c.alpha_3, short, tuple(names), DEMONYMS.get(a2, ())))
    return tuple(out)


# Capitalised words that make a demonym another people than the country's ("Central
# Americans", "Latin Americans", "Northern Irish"): a demonym the gazetteer matched right
# after one is no mention of that country (longer names it knows, "South Koreans", match
# whole first).
REGION_MODIFIERS: frozenset[str] = frozenset({
    "Central", "Latin", "North", "South", "East", "West", "Northern", "Southern", "Eastern",
    "Western", "Middle", "Anglo", "Pan",
})  # fmt: skip

# Kinds of ISO 3166-2 subdivisions that are regions holding towns (a municipality or a
# district may itself be a town, so those are left out).
REGION_TYPES: frozenset[str] = frozenset(
    {"State", "Province", "Region", "Country", "Territory", "Emirate", "Governorate",
     "Prefecture", "County", "Two-tier county", "Autonomous region", "Autonomous community",
     "Federal district", "Outlying area", "Nation"}
)  # fmt: skip


@cache
def region_names() -> frozenset[str]:
    """Lower-case names of the countries and of their top-level regions (ISO 3166-2 states,
    provinces, counties: ``REGION_TYPES``), from pycountry: a place named only by one of
    these holds many towns ("of Minnesota" does not contradict "of Bloomington")."""
    import pycountry  # lazy, as in ``iso_countries``

    out = {n.lower() for c in iso_countries() for n in c.names}
    for s in pycountry.subdivisions:
        if s.type in REGION_TYPES:
            out.add(re.sub(r"\s*\([^)]*\)", "", s.name).strip().lower())
    return frozenset(out)


# Prepositions before a name that may make it a place ("from Pine Hollow", "toward Arvel").
# Longer than ``names.LOCATIVE_BEFORE_PLACE``, which must make it one wherever it stands.
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset({
    "in", "at", "to", "from", "into", "near", "outside", "around", "across", "toward",
    "towards", "via", "inside", "within",
})  # fmt: skip
# Words before a name that make it a place visited ("visited Arvel", "arrived Arvel").
VISIT_WORDS: tuple[str, ...] = ("visit", "visited", "visiting", "arrived")
# Nouns after a name that make it a place ("the Arvel summit", "Arvel residents").
PLACE_CONTEXT_NOUNS: frozenset[str] = frozenset({
    "meeting", "meetings", "conference", "summit", "talks", "agreement", "accord", "accords",
    "office", "bureau", "correspondent", "suburb", "suburbs", "residents", "police", "airport",
    "marathon", "area", "region", "declaration", "visit", "trip", "embassy", "hotel",
    "streets", "street", "headquarters-based", "based",
})  # fmt: skip
