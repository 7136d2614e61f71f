"""Word lists of the year and nationality slots (``stages/analysis/slots.py``).

The other slots' lists (colours, time hedges, home towns, day actions) live in
``lang/frames.py``; these are kept apart so each list has one owner.
"""

from __future__ import annotations

from collections.abc import Mapping

# Acts dated by a year ("founded the clinic in 1990", "hosted the 2008 Oscars"): word form ->
# act. An act in ``ONCE_ACTS`` happens once to its subject (a clinic is founded once, a
# person born once), so two years of it cannot both hold; the others may repeat (a host
# of several ceremonies, a winner of several titles) and two years of them are listed at
# low confidence only.
YEAR_ACTS: Mapping[str, str] = {
    "founded": "found", "founding": "found", "established": "found", "opened": "found",
    "launched": "found", "created": "found", "formed": "found", "started": "found",
    "began": "found", "set up": "found",
    "born": "born",
    "died": "die",
    "hosted": "host", "hosting": "host", "host": "host", "hosts": "host",
    "elected": "elect", "appointed": "appoint", "named": "appoint", "hired": "appoint",
    "married": "marry", "won": "win", "joined": "join", "retired": "retire",
    "fired": "fire", "resigned": "resign", "built": "build", "signed": "sign",
}  # fmt: skip
ONCE_ACTS: frozenset[str] = frozenset({"found", "born", "die"})

# Head words of a named institution whose founding year is compared ("the Bayou Rural
# Health Clinic has served the town since 1987" / "she founded the clinic in 1990").
INSTITUTION_HEADS: frozenset[str] = frozenset(
    {"clinic", "hospital", "school", "university", "college", "company", "foundation",
     "center", "centre", "museum", "church", "club", "institute", "library", "bank",
     "restaurant", "store", "shop", "firm", "studio", "theatre", "theater", "band"}
)  # fmt: skip

# Subject pronouns that refer back to the last person named before them.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})

# US state abbreviations as news write them after a town ("Utica, N.Y.", "Edina, Minn."),
# AP style and postal, lower case without periods: a region, not a town. pycountry has the
# postal codes only as "US-NY", so the AP forms are listed here.
STATE_ABBREVIATIONS: frozenset[str] = frozenset(
    {"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
     "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
     "nh", "nj", "nm", "ny", "nc", "nd", "okla", "ore", "pa", "ri", "sc", "sd", "tenn",
     "tex", "vt", "va", "wash", "wva", "wis", "wisc", "wyo", "al", "ak", "az", "ar", "ca", "co",
     "ct", "de", "fl", "hi", "id", "il", "in", "ia", "ks", "me", "mi", "mn", "ms", "mt",
     "ne", "nv", "oh", "ok", "or", "tn", "tx", "ut", "wi", "wv", "wy", "dc"}
)  # fmt: skip
