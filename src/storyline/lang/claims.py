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

__all__ = [
    "ATTEMPT_NOUNS",
    "BARE_COUNT_FOLLOWERS",
    "BARE_COUNT_PARTICIPLES",
    "BARE_COUNT_VERBS",
    "DURATION_MEASURES",
    "GOVERNOR_SKIP_WORDS",
    "IRREGULAR_VERB_FORMS",
    "LIST_WORDS",
    "MEASURED_NOUNS",
    "MEASURE_SYNONYMS",
    "MOTION_IRREGULAR",
    "MOTION_NOUNS",
    "NON_PARTICIPLE_ING",
    "PASSIVE_AUXILIARIES",
    "PEOPLE_KINDS",
    "PREDICATE_AUXILIARIES",
    "PREDICATE_CLASSES",
    "PREDICATE_FORMS",
    "RECORD_CUES",
    "RECORD_IN_WORDS",
    "RECORD_NOUNS",
    "RELATIVE_OPENERS",
    "SCORE_CUES",
    "SPEED_UNITS",
    "STORYLINE_DURATION_MEASURES",
    "TRYING_VERBS",
    "VALUE_WORDS",
]

# Number words as the digits a statement's value is compared by ("killing ten" = "killing 10").
VALUE_WORDS: Mapping[str, str] = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
    "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100",
    "dozen": "12",
    # ordinals as the digits' own forms ("the sixth round" = "the 6th round"; "first" is left
    # out: "for the first time" is no value)
    "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
    "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "eleventh": "11th",
    "twelfth": "12th",
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
    "td": "touchdown", "ko": "knockout", "homer": "home run",
    # vehicles and vessels
    "vessel": "ship", "skiff": "boat", "dhow": "boat",
    "car": "vehicle", "automobile": "vehicle",
    # arms
    "firearm": "gun", "bullet": "round", "cartridge": "round",
    # places hit
    "home": "house", "dwelling": "house",
}  # fmt: skip

# Nouns of people that outlets swap when they count the same people in one event ("pulled a
# gun on two guards" / "on two correctional officers"): each singular noun maps to its kind.
# Used only to join one count told twice (same value, same frame, alike sentences, one story:
# stages/analysis/align.py ``_one_kind``), never to set two counts against each other.
PEOPLE_KINDS: Mapping[str, str] = {
    # who keeps order or custody
    "guard": "guard", "officer": "guard", "policeman": "guard", "policemen": "guard",
    "deputy": "guard", "trooper": "guard", "warden": "guard", "jailer": "guard",
    "constable": "guard", "cop": "guard", "patrolman": "guard", "sheriff": "guard",
    # who attacks
    "gunman": "attacker", "attacker": "attacker", "assailant": "attacker",
    "shooter": "attacker",
    # who steals
    "robber": "robber", "thief": "robber", "burglar": "robber", "thieve": "robber",
    # who works
    "worker": "worker", "employee": "worker", "staffer": "worker", "labourer": "worker",
    "laborer": "worker",
    # who fights fires or heals
    "firefighter": "firefighter", "fireman": "firefighter", "firemen": "firefighter",
    "doctor": "doctor", "physician": "doctor",
    # who learns, who is young
    "student": "student", "pupil": "student",
    "child": "child", "children": "child", "kid": "child",
    # who is held
    "inmate": "inmate", "prisoner": "inmate", "convict": "inmate",
    # who serves in an army
    "soldier": "soldier", "troop": "soldier", "serviceman": "soldier", "servicemen": "soldier",
}  # fmt: skip

# Words right before a won-lost record ("went 9-14", "a record of 9-14", "improved his record
# to 52-3", "the Hawks are now 10-0", "stand at 10-5"): the numbers are
# one value, not two figures or a range (stages/analysis/align.py ``_records``).
RECORD_CUES: tuple[str, ...] = (
    "went", "finished", "finishes", "record of", "record to", "record at", "improved to",
    "improves to", "improved", "improves", "rose to", "fell to", "dropped to", "moved to",
    "is", "are", "was", "were", "now", "stand at", "stands at", "sit at", "sits at",
    "going", "posted", "posting", "compiled", "compiling", "finishing", "had", "has",
)  # fmt: skip
# Words right before a game's score ("won 3-1", "beat Varn 3-1", "defeated Drake, 65-53",
# "trailing 14-0", "tied at 13-13", "the score was tied 13-13", "to a 19-12 lead").
SCORE_CUES: tuple[str, ...] = (
    "won", "lost", "beat", "drew", "defeated", "beating", "topped", "routed", "edged",
    "leads", "led", "leading", "trailing", "down", "up", "by", "at", "to", "tied", "tie",
    "tying",
)  # fmt: skip
# Of ``lang.RECORD_WORDS`` after such a pair, the words that name a record (a season's wins
# and losses) rather than one game's score.
RECORD_NOUNS: frozenset[str] = frozenset({"record", "season", "mark", "start", "finish"})

# How a claim shows a hedged figure that all its readings hedge alike ("more than 2,300,000
# votes", never a bare "2,300,000" the text did not assert); hedges not listed show bare.
HEDGE_SHOWN: Mapping[str, str] = {
    "up_to": "up to", "at_least": "at least", "more_than": "more than",
    "fewer_than": "fewer than", "nearly": "nearly", "about": "about",
    "approximately": "about", "around": "about", "roughly": "about",
}  # fmt: skip

# Speed units: the factor to km/h ("120 mph" and "193 km/h" are one speed). A length unit
# before "per hour" / "an hour" is a speed too (its metres / 1000).
SPEED_UNITS: Mapping[str, float] = {
    "mph": 1.609344, "km/h": 1.0, "kph": 1.0, "kmh": 1.0, "kmph": 1.0, "knots": 1.852,
    "knot": 1.852,
}  # fmt: skip

# Verbs of motion whose length is the motion's own measure: the noun that names it ("fell
# 150 metres": the fall; "chased him for 30 miles": the chase). A length governed by one of
# them has that noun as its subject, with the mover's name when the clause gives it.
MOTION_NOUNS: Mapping[str, str] = {
    "fall": "fall", "plunge": "plunge", "plummet": "fall", "drop": "drop", "tumble": "fall",
    "slide": "slide", "slip": "fall", "chase": "chase", "pursue": "pursuit", "drag": "drag",
    "travel": "journey", "drive": "drive", "walk": "walk", "run": "run", "swim": "swim",
    "climb": "climb", "fly": "flight", "sail": "voyage", "march": "march", "hike": "hike",
    "trek": "trek", "flee": "flight", "jump": "jump", "throw": "throw",
}  # fmt: skip

# Nouns that name what a number measures ("speeds of up to 120 mph", "a blood alcohol level
# of 0.19", "a population of 100,000"): without an owner, that noun is the subject.
MEASURED_NOUNS: frozenset[str] = frozenset(
    {"speed", "level", "rate", "population", "magnitude", "toll", "height", "depth", "length",
     "distance", "width", "area", "weight", "temperature", "turnout", "budget", "price",
     "cost", "value", "salary", "wage", "fine", "bail", "reward", "score", "ratio",
     "concentration", "altitude", "range", "capacity", "attendance", "audience", "deficit",
     "debt", "revenue", "profit", "loss", "growth", "inflation", "unemployment", "tariff",
     "tax", "fee", "sentence", "term", "limit"}
)  # fmt: skip

# -- figures aligned across outlets (align.py) ----------------------------------------------------

# Durations ("a seven-year deal", "over 10 seasons") are terms of many different things in a
# story; they are never compared (an age is read by its own frame). Singular and plural
# measures, unlike ``en.DURATION_UNITS`` (plural spans in text), so kept apart.
DURATION_MEASURES: frozenset[str] = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
     "minute", "minutes", "second", "seconds", "season", "seasons", "decade", "decades"}
)  # fmt: skip

# Words between a verb and its figure ("attacked nearly 100 ships", "holding about a dozen").
GOVERNOR_SKIP_WORDS: frozenset[str] = frozenset(
    {"about", "nearly", "some", "around", "approximately", "roughly", "almost", "more",
     "than", "at", "least", "up", "to", "over", "under", "the", "a", "an", "its", "their",
     "his", "her", "all", "just", "only", "estimated", "as", "many", "much", "fewer", "less"}
)  # fmt: skip

# Words that take a list without saying what happened to it ("included seven rifles").
LIST_WORDS: frozenset[str] = frozenset(
    {"include", "includes", "included", "including", "comprising", "were"}
)

# Durations a storyline's figures are not compared by (stages/analysis/storylines.py).
# Narrower than ``DURATION_MEASURES`` (no seconds, seasons or decades) and than
# ``en.DURATION_UNITS``, which reads spans in text: each keeps its own stage's behaviour.
STORYLINE_DURATION_MEASURES: frozenset[str] = frozenset(
    {"years", "months", "weeks", "days", "hours", "minutes", "year", "day"}
)

# Paraphrases told by their predicate (``stages/analysis/statements.py``: two clauses less
# alike by their vectors are one fact only when they share a predicate). A word is read as a
# verb when it follows one of these (an adverb in "-ly" between them is skipped: "has
# finally entered"), ends in "-ed", or is an irregular form below.
PREDICATE_AUXILIARIES: frozenset[str] = frozenset(
    {"to", "will", "would", "shall", "can", "could", "may", "might", "must", "should", "has",
     "have", "had", "having", "is", "are", "was", "were", "be", "been", "being", "did", "does",
     "do", "won't", "didn't", "doesn't", "wasn't", "weren't", "hasn't", "haven't", "hadn't"}
)  # fmt: skip

# A verb right after these opens a relative clause ("the man who killed four was
# sentenced"): background about an argument, not the clause's own predicate.
RELATIVE_OPENERS: frozenset[str] = frozenset({"who", "which", "that", "whom", "whose"})

# Auxiliaries before which a saying verb is a passive verb of its own ("was admitted to a
# clinic", "were told to leave"), not a report of what was said.
PASSIVE_AUXILIARIES: frozenset[str] = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"}
)

# Irregular past forms (written form -> lemma) that tell what happened in news leads; the
# regular ones are read by their "-ed" ending.
IRREGULAR_VERB_FORMS: Mapping[str, str] = {
    "began": "begin", "begun": "begin", "beat": "beat", "beaten": "beat", "broke": "break",
    "broken": "break", "brought": "bring", "bought": "buy", "caught": "catch", "chose": "choose",
    "chosen": "choose", "came": "come", "cut": "cut", "drew": "draw", "drawn": "draw",
    "drove": "drive", "driven": "drive", "fell": "fall", "fallen": "fall", "fled": "flee",
    "fought": "fight", "found": "find", "froze": "freeze", "frozen": "freeze", "gave": "give",
    "given": "give", "got": "get", "gotten": "get", "grew": "grow", "grown": "grow",
    "hung": "hang", "hit": "hit", "held": "hold", "hurt": "hurt", "kept": "keep",
    "knew": "know", "known": "know", "laid": "lay", "led": "lead", "left": "leave",
    "lost": "lose", "made": "make", "meant": "mean", "met": "meet", "paid": "pay",
    "put": "put", "quit": "quit", "ran": "run", "rose": "rise", "risen": "rise",
    "sold": "sell", "sent": "send", "set": "set", "shook": "shake", "shaken": "shake",
    "shot": "shoot", "shut": "shut", "sank": "sink", "sunk": "sink", "slid": "slide",
    "spent": "spend", "swam": "swim", "flew": "fly", "flown": "fly",
    "spoke": "speak", "spoken": "speak", "stole": "steal", "stolen": "steal", "stood": "stand",
    "struck": "strike", "stricken": "strike", "swept": "sweep", "took": "take", "taken": "take",
    "threw": "throw", "thrown": "throw", "won": "win", "wore": "wear", "worn": "wear",
    "withdrew": "withdraw", "withdrawn": "withdraw", "wrote": "write", "written": "write",
}  # fmt: skip

# Verbs outlets swap for one another when they tell one fact in other words (base forms; the
# key names the class): "checked into a clinic" / "was admitted to a clinic" / "entered a
# clinic", "was hired to direct" / "was tapped to helm". Read by ``statements.py`` only, as
# a predicate two clauses share when their vectors are less alike (``PREDICATE_SIMILARITY``),
# never to set two clauses against each other. Left out on purpose: verbs of another degree
# ("damaged" / "destroyed", "shot" / "killed", "charged" / "convicted") and verbs of many
# senses ("named", "held", "took").
PREDICATE_CLASSES: Mapping[str, tuple[str, ...]] = {
    "enter": ("enter", "admit", "check"),
    "appoint": ("appoint", "hire", "tap", "pick", "choose", "select", "nominate"),
    "direct": ("direct", "helm"),
    "kill": ("kill", "slay", "murder"),
    "arrest": ("arrest", "detain", "apprehend", "nab", "capture"),
    "accuse": ("charge", "indict", "accuse"),
    "injure": ("injure", "wound", "hurt"),
    "strike": ("strike", "hit", "jolt"),
    "steal": ("steal", "rob", "loot"),
    "resign": ("resign", "quit"),
    "vote": ("vote", "cast"),
    "jail": ("sentence", "jail", "imprison"),
    "destroy": ("destroy", "devastate", "raze"),
    "release": ("release", "free"),
    "flee": ("flee", "escape"),
    "seize": ("seize", "confiscate"),
}  # fmt: skip

# A report withheld ("would not say what …", "did not specify when …", "declined to reveal
# why …", ``statements._withheld``): the verbs of telling that take a question as their object
# (base forms) and the question words that open it. Closed classes: the English wh-words, and
# the few verbs of disclosure outlets swap for "say" in this frame.
WITHHELD_VERBS: frozenset[str] = frozenset(
    {"say", "said", "specify", "reveal", "disclose", "detail", "elaborate", "explain",
     "confirm", "divulge", "discuss", "indicate", "comment"}
)  # fmt: skip
WH_WORDS: frozenset[str] = frozenset(
    {"what", "why", "how", "when", "where", "whether", "which", "who", "whom", "whose"}
)
# Verbs of refusal before "to" that withhold as a negation does ("declined to say").
REFUSAL_VERBS: frozenset[str] = frozenset({"decline", "refuse"})

# Verb forms of ``PREDICATE_CLASSES`` that neither end in "-ed" nor are in
# ``IRREGULAR_VERB_FORMS`` (that list is read by extraction too): form -> base form.
PREDICATE_FORMS: Mapping[str, str] = {"cast": "cast", "slew": "slay", "slain": "slay"}

# The irregular forms of the motion verbs (``MOTION_NOUNS``), for rules mode (no
# lemmatiser): regular ones ("chased", "plunging") are folded by their ending.
MOTION_IRREGULAR: Mapping[str, str] = {
    form: lemma for form, lemma in IRREGULAR_VERB_FORMS.items() if lemma in MOTION_NOUNS
}

# A bare count whose frame is the participle right after it ("one killed, two wounded",
# "left one dead and two injured", "one was killed"): participle -> frame
# (``stages/prepare/extract/quantities.py``).
BARE_COUNT_PARTICIPLES: Mapping[str, str] = {
    "killed": "killed", "dead": "killed", "injured": "injured", "wounded": "injured",
    "hurt": "injured", "missing": "missing",
}  # fmt: skip
# ... or the verb right before it ("killing one and wounding two", "killed one person"):
# verb form -> frame.
BARE_COUNT_VERBS: Mapping[str, str] = {
    "killing": "killed", "wounding": "injured", "injuring": "injured", "hurting": "injured",
    "killed": "killed", "wounded": "injured", "injured": "injured",
}  # fmt: skip
# Words that may follow such a participle, so it ends its clause rather than qualify a noun
# ("one injured man" is no bare count; "one injured in the blast" is).
BARE_COUNT_FOLLOWERS: frozenset[str] = frozenset(
    {"and", "in", "on", "at", "when", "after", "as", "while", "during", "by", "from",
     "including", "or", "but", "since", "near", "inside", "outside", "overnight"}
)  # fmt: skip

# Words in "-ing" that, after a comma, open no participial clause of their own: prepositions
# and conjunctions ("…, including two children", "…, according to police", "…, following
# the fire"), indefinite pronouns ("…, nothing else"). Closed class (the English -ing
# prepositions); ``statements._clauses`` cuts a clause before any other ", <word>ing" ("the
# church was damaged by arson, leading the governor to apologize": two facts).
NON_PARTICIPLE_ING: frozenset[str] = frozenset(
    {"according", "including", "excluding", "following", "during", "concerning", "regarding",
     "considering", "pending", "notwithstanding", "barring", "beginning", "starting",
     "counting", "depending", "nothing", "something", "anything", "everything", "morning",
     "evening"}
)  # fmt: skip

# A won-lost record told in words ("nine wins and 14 losses", "52 victories, three defeats
# and one draw"): the nouns of each of its places, in the order a dash-written record gives
# them ("9-14", "45-7-2"). Read by ``stages/analysis/align.py`` ``_records``.
RECORD_IN_WORDS: tuple[tuple[str, ...], ...] = (
    ("wins", "victories"),
    ("losses", "defeats"),
    ("draws", "ties"),
)

# An infinitive after a clause's object tells what its subject did by that act ("Roe beat
# Penn in Alder to keep the title" = "Roe kept the title", ``statements._result_infinitive``),
# unless it is only what was sought: after a noun of trying ("in her bid to keep …", "an
# attempt to flee") or a verb of trying, failing or intending ("failed again to …",
# "travelled to Alder hoping to …"). Closed classes: nouns and verbs that take an
# infinitive of an aim (base forms; verbs compared by ``statements.verb_lemma``).
ATTEMPT_NOUNS: frozenset[str] = frozenset(
    {"bid", "bids", "attempt", "attempts", "effort", "efforts", "chance", "chances",
     "opportunity", "hope", "hopes", "quest", "plan", "plans", "offer", "push", "drive",
     "move", "campaign", "fight", "battle", "struggle", "race", "order", "way", "decision",
     "deal", "agreement", "proposal", "request", "motion", "vote", "time", "need", "right"}
)  # fmt: skip
TRYING_VERBS: frozenset[str] = frozenset(
    {"try", "attempt", "seek", "fail", "struggle", "strive", "hope", "plan", "aim", "fight",
     "battle", "vow", "promise", "threaten", "refuse", "decline", "want", "need", "intend",
     "expect", "wait", "prepare", "scramble", "rush", "race", "move", "work", "set", "look",
     "come", "go", "travel", "arrive", "return", "meet", "gather"}
)  # fmt: skip

# Verbs that report someone's claim or belief as a clause besides the speech verbs
# (``en.SPEECH_LEMMAS``): "Penn alleged that Roe wanted to …", "Penn believes Alder will
# back …". A stance read in such a clause is the reporter's claim about its actor
# (``stances._reported_claims``). Base forms, compared with spaCy's lemma.
CLAIM_REPORT_LEMMAS: frozenset[str] = frozenset(
    {"allege", "assert", "believe", "contend", "maintain", "reiterate", "repeat", "think"}
)
# Unnamed bodies that report for a side ("the campaign said Roe would …", "her office said
# she backs …"); with ``stances._SPEAKS_FOR_ROLES`` (officials, aides, spokespeople) their
# report of that side's stance is sourcing, not a rival's claim. Lemmas (singular).
REPORTING_BODY_NOUNS: frozenset[str] = frozenset(
    {"campaign", "office", "administration", "government", "team"}
)
