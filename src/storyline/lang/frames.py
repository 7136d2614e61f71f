"""Event frames of reported figures (stages/analysis/relations.py, ``read_frame``).

A number in news is a count *of something that happened* or a *measure* of something: the
people killed, injured or missing, the magnitude of a quake, the population of a place, a
person's age, a price. Two numbers can only contradict each other when they measure the same
thing, so each reading of a number is keyed by its frame: the words around it that name what
is counted. Each frame lists the word forms that evoke it (lower case; a form matches a whole
token, or the start of a hyphenated token: "year-old", "magnitude-6").
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "AGED_NOUN_STOPS",
    "AGE_BECOMING_AFTER",
    "AGE_BECOMING_VERBS",
    "AGE_SHARED_WORDS",
    "AGE_STATE_VERBS",
    "AMOUNT_MEASURES",
    "AMOUNT_TIME_WORDS",
    "CLAUSE_BREAKS",
    "COLOURED_OBJECTS",
    "COLOURS",
    "COMPOUND_SKIP_WORDS",
    "COMPOUND_WORD_UNITS",
    "COUNT_FUNCTION_WORDS",
    "COUNT_GROUP_NOUNS",
    "COUNT_RELATIVE_PRONOUNS",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "DAY_ACTION_FORMS",
    "DAY_LATER_CUES",
    "DAY_OTHER_CUES",
    "DAY_OTHER_VERBS",
    "DIRECTION_WORDS",
    "DISTANCE_AFTER_WORDS",
    "DISTANCE_FROM_PREPOSITIONS",
    "EVENT_FRAMES",
    "EVENT_PLACE_PREPOSITIONS",
    "FRAME_OF_FORM",
    "FRAME_PARTITIVE_WORDS",
    "FRAME_PHRASES_BEFORE",
    "FRAME_WORDS",
    "GENERIC_COUNTED",
    "HOUSE_STYLE_ENDINGS",
    "IMPLIED_CLAUSE_OPENERS",
    "IMPLIED_NOT_NOUNS",
    "IMPLIED_UNSAID_WORDS",
    "KNOWN_MEASURE_NOUNS",
    "LENGTH_UNITS",
    "LEVEL_VERBS",
    "MEASURE_STOPS",
    "MONTH_NOUNS",
    "NOT_COUNTED_WORDS",
    "NOT_GIVEN_NAMES",
    "NOT_HOMETOWN",
    "NUMBER_SCALES",
    "NUMBER_TENS",
    "NUMBER_UNITS",
    "NUMBER_WORDS",
    "OBJECT_FRAMES",
    "OTHER_EVENT_CUES",
    "OWNER_PREPOSITIONS",
    "PART_AFTER",
    "PART_BEFORE",
    "PEOPLE_COUNT_FRAMES",
    "PEOPLE_NOUNS",
    "PLACE_PREPOSITIONS",
    "POPULATION_NOUNS",
    "SCALE_ABBREVIATIONS",
    "SUBJECT_FRAMES",
    "SURNAME_PREFIXES",
    "TIME_HEDGES",
    "TIME_STOP_WORDS",
    "TOLL_FRAMES",
    "UNBINDING_PREPOSITIONS",
    "UNBINDING_WORDS",
    "UNIT_MEASURES",
    "UNIT_PREFIXES",
    "UNIT_WORDS",
    "UPDATE_CUES",
    "UPDATE_CUES_BEFORE",
]

# frame -> the word forms that evoke it
FRAME_WORDS: Mapping[str, tuple[str, ...]] = {
    "killed": (
        "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "death",
        "deaths", "fatalities", "fatality", "perished", "lives", "bodies", "toll", "slain",
        "victims",
    ),
    "injured": (
        "injured", "injuring", "injures", "injuries", "injury", "wounded", "wounding", "wounds",
        "hurt", "hospitalised", "hospitalized",
    ),
    "missing": ("missing", "unaccounted"),
    "arrested": (
        "arrested", "arrests", "arresting", "detained", "detaining", "captured", "capturing",
        "custody", "apprehended", "nabbed",
    ),
    "seized": ("seized", "seizing", "confiscated", "confiscating", "recovered", "impounded"),
    "rescued": ("rescued", "rescuing", "evacuated", "evacuating", "saved"),
    "displaced": ("homeless", "displaced", "evacuees", "refugees"),
    "magnitude": ("magnitude", "richter", "measuring", "registering"),
    "population": ("population", "residents", "inhabitants", "populated"),
    "age": ("year-old", "years-old", "aged", "age"),
    "marchers": ("march", "marches", "marched", "marchers", "protesters", "demonstrators", "rally", "rallies",
                 "protest", "protests", "streets", "demonstration", "attended",
                 # a group on the move, counted as it arrives ("a caravan of 200 migrants")
                 "caravan", "caravans", "arrived", "arriving"),
    "price": ("price", "priced", "worth", "valued", "paid", "pay", "cost", "costs", "deal",
              "acquisition", "bought", "buy", "sold", "sell", "contract"),
    "change": ("fell", "fall", "falls", "rose", "rise", "rises", "dropped", "drop", "drops",
               "plunged", "plunge", "gained", "gain", "gains", "lost", "slid", "jumped",
               "climbed", "lower", "higher", "falling", "fallen", "plummeted", "plummeting",
               "plunging", "dropping", "tumbled", "tumbling"),
    "funding": ("funding", "raised", "raise", "investment", "invested", "funded", "loans",
                "loan", "bailout", "aid", "package"),
    "closing": ("closed", "closing", "close"),
    "reward": ("reward", "bounty"),
    "sentence": ("sentenced", "sentence", "prison", "jail", "imprisonment"),
}  # fmt: skip

# word form -> the frame it evokes ("killing" -> "killed"), the inverse of FRAME_WORDS
FRAME_OF_FORM: Mapping[str, str] = {w: f for f, ws in FRAME_WORDS.items() for w in ws}

# Frames of things taken or found (arms seized, boats recovered): such a figure counts a
# named object, so a figure of that same object whose clause has no frame word ("Seven
# rifles, three pistols ... were found in the boats") may be the same count.
OBJECT_FRAMES: frozenset[str] = frozenset({"seized"})

# Frame words that are also month names when capitalised ("March 5" is no march).
MONTH_NOUNS: frozenset[str] = frozenset({"March"})

# Phrases right before a figure that name its frame ("home to 120,000 people").
FRAME_PHRASES_BEFORE: Mapping[str, str] = {
    "home to": "population", "population of": "population", "a town of": "population",
    "a city of": "population", "death toll of": "killed", "toll to": "killed",
    "aged": "age", "age of": "age",
}  # fmt: skip

# Frames whose figure only grows as a story is told (a toll): a larger later figure is an
# update, not a disagreement.
TOLL_FRAMES: frozenset[str] = frozenset(
    {"killed", "injured", "missing", "arrested", "rescued", "displaced"}
)

# Words that say a figure moved since an earlier report ("the death toll rose to 10").
UPDATE_CUES: tuple[str, ...] = (
    "rose to", "rises to", "risen to", "rising to", "climbed to", "climbs to", "jumped to",
    "increased to", "has reached", "reached", "new toll", "new death toll", "now stands at",
    "revised", "raised the toll", "toll rises", "toll rose", "toll climbs", "toll climbed",
    "has risen", "have risen", "had risen", "has climbed", "have climbed", "has grown to",
    "mounted to", "updated toll", "latest toll", "so far",
)  # fmt: skip

# Words right before a figure that say it is the latest count ("the toll is now 12"); read only
# there, since "now" elsewhere in a sentence says nothing about the figure.
UPDATE_CUES_BEFORE: tuple[str, ...] = ("now", "is now", "has now", "now stands at", "now at")

# Words right before or after a number that make it a part of another count ("30 of the 80
# wounded", "including 12 children"): a part never contradicts its total.
PART_BEFORE: tuple[str, ...] = ("including", "among them", "among whom", "of whom", "of which")
PART_AFTER: tuple[str, ...] = ("of the", "of them", "of those", "of whom", "out of", "of its")

# Words that place a figure in another event than the story's ("an earlier quake", "last
# year", "the previous attack"): such a figure is compared with nothing.
OTHER_EVENT_CUES: tuple[str, ...] = (
    "earlier", "previous", "previously", "last year", "last month", "prior", "former",
    "ago", "since", "history", "historic", "worst", "deadliest", "same island", "same area",
    "another quake", "another earthquake", "another attack",
)  # fmt: skip

# Length units, in metres: one distance told in kilometres and in miles is one value.
LENGTH_UNITS: Mapping[str, float] = {
    "km": 1000.0, "kms": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0,
    "kilometre": 1000.0, "kilometres": 1000.0, "mile": 1609.344, "miles": 1609.344,
    "m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0,
    "ft": 0.3048, "foot": 0.3048, "feet": 0.3048, "yard": 0.9144, "yards": 0.9144,
}  # fmt: skip

# Words after which a new clause starts: a frame word beyond one belongs to another figure.
CLAUSE_BREAKS: frozenset[str] = frozenset(
    {"and", "but", "while", "which", "who", "whereas", "after", "before", "when", "as", "with"}
)

# Nouns that count people in general: "10 people", "10 persons" and "10 victims" are one count.
GENERIC_COUNTED: frozenset[str] = frozenset(
    {"people", "persons", "person", "individuals", "others", "civilians", "residents"}
)

# Nouns of a population or an electorate: "2.5 million voters" and "2.5 million people"
# (eligible to vote) are one count when a story gives both (stages/analysis/align.py
# ``_noun_fact``).
POPULATION_NOUNS: frozenset[str] = frozenset(
    {"voter", "citizen", "inhabitant", "villager", "islander", "local", "national", "dweller"}
)

# Nouns of people by sex or age: "Two men have died" counts the toll as "two people died"
# does when a later report gives it after "a climber is dead" (an update, stages/analysis/
# align.py ``_people_toll``).
PEOPLE_NOUNS: frozenset[str] = frozenset(
    {"man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children",
     "teenager", "teenagers", "teen", "teens", "adult", "adults"}
)  # fmt: skip

# Number words a figure's text may be written in ("seven AK-47 rifles", "two dozen troops").
NUMBER_WORDS: frozenset[str] = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
     "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
     "billions", "dozen", "dozens", "tens", "score", "half", "bn", "m", "mn"}
)  # fmt: skip

# -- non-numeric slots (stages/analysis/slots.py) ---------------------------------------

# Colour words of an object ("a silver Toyota Camry"); spelling variants share a value.
COLOURS: Mapping[str, str] = {
    "black": "black", "white": "white", "red": "red", "blue": "blue", "green": "green",
    "yellow": "yellow", "orange": "orange", "purple": "purple", "brown": "brown",
    "gray": "grey", "grey": "grey", "silver": "silver", "gold": "gold", "golden": "gold",
    "beige": "beige", "tan": "tan", "maroon": "maroon", "burgundy": "maroon", "pink": "pink",
    "navy": "navy", "teal": "teal",
}  # fmt: skip

# Nouns of objects whose colour identifies them (a colour of a shirt or a flag is not compared).
COLOURED_OBJECTS: frozenset[str] = frozenset(
    {"car", "truck", "van", "minivan", "suv", "sedan", "pickup", "vehicle", "jeep", "motorcycle",
     "bus", "coupe", "hatchback", "wagon", "convertible", "limousine", "taxi", "cab", "boat"}
)  # fmt: skip

# Hedges of a clock time, in minutes either side of it: (before, after).
TIME_HEDGES: Mapping[str, tuple[int, int]] = {
    "about": (10, 10), "around": (10, 10), "approximately": (10, 10), "roughly": (10, 10),
    "shortly after": (0, 20), "just after": (0, 20), "just past": (0, 20), "soon after": (0, 20),
    "shortly before": (20, 0), "just before": (20, 0), "after": (0, 45), "before": (45, 0),
}  # fmt: skip

# Words that make "X, of Y" an affiliation rather than a home town ("Smith, of the Police
# Department").
NOT_HOMETOWN: frozenset[str] = frozenset(
    {"department", "university", "college", "police", "party", "ministry", "office", "agency",
     "bureau", "council", "committee", "company", "corporation", "inc", "group", "association",
     "institute", "school", "church", "hospital", "court", "commission", "board", "union",
     "foundation", "center", "centre", "club", "team", "news", "times", "post", "press"}
)  # fmt: skip

# Short prefixes of surnames that writers drop or join ("LaCalamita" / "Calamita").
SURNAME_PREFIXES: tuple[str, ...] = (
    "la",
    "le",
    "de",
    "di",
    "da",
    "van",
    "von",
    "mc",
    "mac",
    "o'",
    "st",
)

# Spelling alternations that are house style (British / American, -er / -or agent nouns),
# not two names ("Tayler" / "Taylor" stay a name spelled two ways): a capitalised word spelled "Advisers" by one outlet and "Advisors" by
# another is one word, usually a firm's ("X Advisers"), never a disputed surname. Each pair
# is (one ending, the other ending) of the two forms.
HOUSE_STYLE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("isers", "isors"),
    ("iser", "isor"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("isation", "ization"),
    ("yse", "yze"),
    ("our", "or"),
    ("re", "er"),
    ("lled", "led"),
    ("ller", "ler"),
    ("ogue", "og"),
)

# Capitalised words before a surname that are not given names (a title or a sentence's first
# word: "President X", "The X").
NOT_GIVEN_NAMES: frozenset[str] = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "mr", "mrs", "ms", "dr", "president",
     "governor", "gov", "senator", "sen", "rep", "judge", "officer", "sergeant", "sgt",
     "detective", "captain", "capt", "chief", "general", "gen", "minister", "secretary",
     "prime", "king", "queen", "prince", "princess", "pope", "saint", "lord", "lady", "sir",
     "coach", "manager", "spokesman", "spokeswoman", "director", "mayor", "when", "after",
     "before", "while", "but", "and", "for", "with", "from", "in", "on", "at", "by", "of"}
)  # fmt: skip

# Words around a clock time that say nothing of what happened then (reporting verbs, time words).
TIME_STOP_WORDS: frozenset[str] = frozenset(
    {"said", "says", "according", "told", "reported", "that", "this", "there", "their", "they",
     "them", "then", "when", "with", "from", "into", "about", "around", "approximately",
     "shortly", "just", "after", "before", "time", "local", "tonight", "today", "yesterday",
     "morning", "evening", "night", "afternoon", "early", "late", "were", "was", "been",
     "have", "has", "had", "which", "where", "while", "also", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip

# -- the day of the story's key event (stages/analysis/slots.py, "day" slot) -------------

# Word forms of an event's action that ``lang/actions.py`` leaves out of headline actions but
# that date a happening in a lead ("On November 19, the frigate sunk a trawler", "foiled an
# attack on Friday"): action -> forms, read only around a weekday or a date.
DAY_ACTION_FORMS: Mapping[str, tuple[str, ...]] = {
    "crash": ("sunk", "sinking", "sink", "sinks"),
    "attack": ("foiled", "thwarted", "repulsed", "intercepted"),
    "arrest": ("capturing", "apprehending", "nabbing"),
}  # fmt: skip

# Verbs that take a day of their own in a sentence that also names the action: the day
# after "said", "told", "rose to 14" is when it was said or when the toll rose, not the day
# of the action ("A blast killed 9, the fire service said on Friday"). Reading outward from
# a day, such a verb before any action word ends the reading.
DAY_OTHER_VERBS: frozenset[str] = frozenset(
    {"said", "says", "say", "told", "tells", "announced", "announces", "reported", "reports",
     "confirmed", "confirms", "added", "stated", "declared", "testified", "wrote", "tweeted",
     "rose", "risen", "climbed", "increased", "reached", "grew", "jumped", "fell", "dropped",
     "revised", "updated"}
)  # fmt: skip

# Words right before a weekday or a date that put it on another event than the one its
# clause names ("since Monday", "until Friday", "by November 30", "next Tuesday").
DAY_OTHER_CUES: frozenset[str] = frozenset(
    {"since", "until", "till", "by", "next", "last", "from", "through", "before", "after",
     "following", "previous", "earlier", "expected", "scheduled", "due"}
)  # fmt: skip

# Words after a day that open another event's phrase, timed from the day's own: "took her
# first session on Wednesday, a day after her appointment" dates the session, not the
# appointment. Reading forward from a day, such a word ends the reading.
DAY_LATER_CUES: frozenset[str] = frozenset(
    {"after", "before", "following", "since", "until", "till", "ahead"}
)

# Words right before a second figure that make the first a part of it ("30 of the 80
# wounded", "two out of 12 injured"): reading right of the first figure goes on through the
# second to the frame word (``relations.read_frame``); any other word stops it ("cases rose
# to 610, with 14 deaths": the deaths are the 14's).
FRAME_PARTITIVE_WORDS: frozenset[str] = frozenset({"of", "the", "its", "their", "those", "these"})

# -- the quantity extractor's words (stages/prepare/extract/quantities.py) ----------------

# Number words and their values, for reading spelled-out figures ("forty-two thousand").
NUMBER_UNITS: Mapping[str, int] = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "one": 1,
}  # fmt: skip

NUMBER_TENS: Mapping[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

NUMBER_SCALES: Mapping[str, float] = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}

# Scale abbreviations after a figure ("$5bn", "20k").
SCALE_ABBREVIATIONS: Mapping[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}

# Currency symbols and codes before or after a figure, as ISO 4217 codes.
CURRENCY_SYMBOLS: Mapping[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
}

# Measures that are units, not counted nouns (a sum, a share).
UNIT_MEASURES: frozenset[str] = frozenset({"USD", "EUR", "GBP", "percent", "percentage points"})

# Currency names after a figure ("40 million euros"), as ISO 4217 codes.
CURRENCY_WORDS: Mapping[str, str] = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "roubles": "RUB", "rubles": "RUB",
    "pounds sterling": "GBP", "swiss francs": "CHF",
}  # fmt: skip

# Function words that are never a figure's counted noun or its modifier. Narrower than
# ``lang.stop_words()`` (scikit-learn's list holds nouns like "system" and "fire"), so kept apart.
COUNT_FUNCTION_WORDS: frozenset[str] = frozenset({
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from",
    "is", "are", "was", "were", "has", "have", "had", "this", "that", "its", "their", "his",
    "her", "it", "as", "than", "per", "into", "since", "who", "which", "more", "less", "be",
    "been", "will", "would", "could", "should", "may", "might", "also", "already",
    "yes", "says", "said", "news", "plus", "times", "always", "perhaps", "across", "towards",
})  # fmt: skip

# Measure nouns known even in the singular or without a plural "s".
KNOWN_MEASURE_NOUNS: frozenset[str] = frozenset({
    "people", "police", "personnel", "staff", "children", "men", "women", "percent", "troops",
    "aid", "equipment", "km", "kilometres", "kilometers", "miles", "tonnes", "tons", "kg",
})  # fmt: skip

# Words after a number that end the search for its counted noun: a clause or a phrase
# starts, or the word is a frame of its own ("3 dead")
MEASURE_STOPS: frozenset[str] = frozenset({
    "after", "before", "during", "when", "while", "because", "until", "since", "if", "but",
    "dead", "killed", "injured", "wounded", "missing", "hurt", "died",
})  # fmt: skip

# Words that open a unit of two words ("cubic metres", "percentage points").
UNIT_PREFIXES: frozenset[str] = frozenset(
    {"cubic", "square", "metric", "percentage", "nautical", "light"}
)

# A compound "20,000-strong force" counts the noun that follows, not "strong".
COMPOUND_SKIP_WORDS: frozenset[str] = frozenset({"strong", "odd", "plus"})

# Units of a hyphenated compound ("a 12-year sentence", "a 40-seat majority").
COMPOUND_WORD_UNITS: frozenset[str] = frozenset({
    "year", "month", "week", "day", "hour", "minute", "point", "member", "mile", "kilometre",
    "kilometer", "metre", "meter", "man", "person", "seat", "page", "storey", "story", "floor",
    "bed", "strong", "percent",
})  # fmt: skip

# Prepositions before the owner of a figure ("the budget of the city").
OWNER_PREPOSITIONS: frozenset[str] = frozenset({"of", "on", "for", "in", "at", "from", "against"})

# Prepositions before the place a figure is of ("in Arvel").
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "from"})

# Frames of events whose count may name where they happened.
EVENT_FRAMES: frozenset[str] = frozenset(
    {"killed", "injured", "missing", "arrested", "rescued", "evacuated", "displaced"}
)

# Frames named in a subject without an owner ("people killed"); "fled" -> displaced is too
# loose a reading to be written out
SUBJECT_FRAMES: frozenset[str] = frozenset(
    {"killed", "injured", "missing", "arrested", "rescued", "evacuated", "seized", "hospitalized"}
)

# Words before an age two or more people share: "Roe and Poe, both 51, died"
AGE_SHARED_WORDS: tuple[str, ...] = ("both", "each")

# Verbs that give a person's age as a bare number ("Ames turns 29 on April 11", "Ames will be
# 29 in April", "who would have turned 80"): the number is an age when nothing counted
# follows it and its clause ends there or goes on with a time ("in April", "next week").
AGE_BECOMING_VERBS: tuple[str, ...] = (
    "turns", "turned", "turning", "will turn", "will be", "would have turned",
    "would have been",
)  # fmt: skip
# A person's age as the predicate of "was" / "is" closing its clause ("He was 95.", "Felt was
# 95.", "Orne, who was 19 at the time,"): the subject must be a person (a pronoun resolved
# to one, a name, a noun of people).
AGE_STATE_VERBS: tuple[str, ...] = ("was", "is")
# Words after such an age that still close it: a time follows ("29 on April 11").
AGE_BECOMING_AFTER: tuple[str, ...] = (
    "in", "on", "next", "this", "later", "last", "when", "at the time", "and",
)  # fmt: skip

# Frames whose bare count counts people: "killing three", "30 of the 80 wounded", "injured
# two others" are people killed / injured ("seized" counts things, so it is not here)
PEOPLE_COUNT_FRAMES: frozenset[str] = frozenset(
    {"killed", "injured", "missing", "arrested", "rescued", "evacuated", "hospitalized"}
)

# Counted words that say nothing of what is counted ("five others", "40 more")
NOT_COUNTED_WORDS: frozenset[str] = frozenset(
    {"others", "age", "magnitude", "metres", "more", "times", "ones"}
)

# Prepositions before the place of a counted event ("killed in Arvel").
EVENT_PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "at", "near", "on", "to", "across", "throughout"}
)

# Words between a name and a number that unbind them (another clause or phrase begins).
UNBINDING_WORDS: frozenset[str] = frozenset(
    {"of", "and", "or", "but", "that", "when", "as", "while", "which", "who", "with"}
)

# Verbs that state a level a figure stands at ("the toll reached 40").
LEVEL_VERBS: frozenset[str] = frozenset(
    {"be", "reach", "stand", "hit", "total", "top", "exceed", "number", "rise", "climb"}
)

# Unit words and signs: a figure with one is a sum or a share, not a count.
UNIT_WORDS: frozenset[str] = frozenset(
    {"%", "percent", "cent", "per", "$", "€", "£", "dollars", "euros", "pounds", "yen"}
)

# Relative pronouns that open a clause after a counted noun.
COUNT_RELATIVE_PRONOUNS: frozenset[str] = frozenset({"which", "who", "that"})

# Words that turn a length into a distance from a place ("35 miles southwest of X").
DIRECTION_WORDS: frozenset[str] = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "north-east", "north-west", "south-east", "south-west", "away", "off", "outside", "short"}
)  # fmt: skip

# Time words after a sum or a rate that are not what it is of ("5 percent last year").
AMOUNT_TIME_WORDS: frozenset[str] = frozenset(
    {"last", "next", "each", "every", "per", "year", "month", "week", "day", "annually",
     "yesterday", "today", "earlier", "later", "ago", "now", "then", "so", "too", "instead"}
)  # fmt: skip

# Words that end the noun an age compound modifies ("the 40-year-old American never …")
AGED_NOUN_STOPS: frozenset[str] = frozenset(
    {"whose", "never", "not", "still", "just", "who", "which"}
)

# Nouns after "a" that do not make one of something ("a number of", "a handful").
IMPLIED_NOT_NOUNS: frozenset[str] = frozenset(
    {"single", "lot", "number", "few", "couple", "total", "handful"}
)

# Sums and rates: what they are of is the noun they modify ("a $13 billion bid").
AMOUNT_MEASURES: frozenset[str] = frozenset(
    {"USD", "EUR", "GBP", "percent", *CURRENCY_WORDS.values()}
)

# Nouns of a group counted by what follows "of" ("a contingent of 300 soldiers").
COUNT_GROUP_NOUNS: tuple[str, ...] = (
    "number", "force", "contingent", "total", "group", "team", "deployment", "battalion", "unit",
    "delegation", "mission", "army",
)  # fmt: skip

# Prepositions and conjunctions between a name and a number that unbind them ("from the").
UNBINDING_PREPOSITIONS: tuple[str, ...] = (
    "from", "of", "in", "and", "or", "with", "to", "by", "for", "at", "on", "than", "about",
    "against", "between", "into", "after",
)  # fmt: skip

# Words after a length that make it a distance ("35 miles offshore", "5 km from the coast"),
# in the order matched. Wider than ``DIRECTION_WORDS`` (it adds "from", "inland" and
# "offshore"), the words that tie a length to a named place ("35 miles southwest of X").
# Prepositions that take a distance's reference point themselves: "150 miles off Aden",
# "13 miles from the ship"
DISTANCE_FROM_PREPOSITIONS: frozenset[str] = frozenset({"off", "outside", "from"})

DISTANCE_AFTER_WORDS: tuple[str, ...] = (
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "away", "off", "from", "outside",
    "inland", "offshore", "short",
)  # fmt: skip

# A word right before an article that takes an implied count back ("not a climber was hurt").
IMPLIED_UNSAID_WORDS: tuple[str, ...] = (
    "not", "no", "never", "if", "whether", "unless", "without", "nor",
)  # fmt: skip

# Words after which a noun phrase opens a clause and may be its subject (speech verbs,
# conjunctions, "when" ...), in the order matched; a space stands for any white space.
IMPLIED_CLAUSE_OPENERS: tuple[str, ...] = (
    "said", "says", "say", "told", "reported", "reports", "confirmed", "but", "when", "after",
    "before", "as", "while", "because", "since", "where", "that", "then", "and then", "later",
)  # fmt: skip
