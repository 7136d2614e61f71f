"""Words about names, for the entity extractor: suffixes, platforms, company suffixes.

Kept apart from ``en.py`` as data the way the other lists are: stages import them from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from storyline.lang.en import EVERYDAY_PERSON_NOUNS, PERSON_ROLE_NOUNS, finite_forms, word_set

__all__ = [
    "ACRONYM_SKIP_WORDS",
    "BUSINESS_NOUNS",
    "CORPORATE_SUFFIXES",
    "DATE_PREPOSITIONS",
    "DEMONYM_NOUN_FOLLOWERS",
    "DESCRIBED_PERSON_NOUNS",
    "FEMALE_ADDRESS_TITLES",
    "FEMALE_HONORIFICS",
    "GENERIC_ORG_HEADS",
    "GENERIC_ORG_PORTFOLIOS",
    "LEADER_GOVERNMENT_WORDS",
    "LOCATIVE_BEFORE_PLACE",
    "MALE_ADDRESS_TITLES",
    "MALE_HONORIFICS",
    "NAME_BREAK_PREPOSITIONS",
    "NAME_BREAK_WORDS",
    "NAME_CONNECTORS",
    "NAME_PARTICLES",
    "NAME_SUFFIXES",
    "NEUTRAL_HONORIFICS",
    "NOT_AFFILIATION_WORDS",
    "NOT_BUSINESS_NOUNS",
    "NOT_NAME_WORDS",
    "NOT_NOUN_PHRASE_WORDS",
    "OCCUPATIONS",
    "ORG_HEADS",
    "ORG_NOUNS",
    "PLATFORM_NAMES",
    "ROLE_HEADS",
    "SOURCE_DESCRIPTORS",
    "TITLE_ARTICLES",
    "TITLE_WORDS",
    "UNNAMED_POST_BREAK_WORDS",
    "VESSEL_PREFIXES",
]

# Generational suffixes: "Donald Trump Jr." is another person than "Donald Trump" (folded,
# without the full stop).
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Honorifics that tell a person's gender ("Mr. Roe" is not "Anna Roe").
MALE_HONORIFICS: frozenset[str] = frozenset(
    {"mr", "sir", "lord", "king", "prince", "sheikh", "emir", "pope"}
)
FEMALE_HONORIFICS: frozenset[str] = frozenset(
    {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sheikha"}
)
# The forms of address before a surname that coreference reads as a person's gender ("Mr
# Roe", "Ms. Roe"), as written. Narrower than the two lists above on purpose: "King Roe" or
# "Dame Roe" are rare before a bare surname and titles of their own.
MALE_ADDRESS_TITLES: tuple[str, ...] = ("Mr",)
FEMALE_ADDRESS_TITLES: tuple[str, ...] = ("Mrs", "Ms", "Miss")
# Forms of address that tell no gender ("Dr. Roe", "Prof. Roe"). With the two above they are
# the personal honorifics: a person may be named by one word after them; the other
# ``lang.HONORIFICS`` ("Senator", "Gov.") are offices, read as titles.
NEUTRAL_HONORIFICS: frozenset[str] = frozenset({"dr", "prof"})

# Online platforms: where something was said, not who said it. NER often tags them as
# people or organisations ("posted on Twitter"); they are never actors here.
PLATFORM_NAMES: frozenset[str] = frozenset({
    "Twitter", "X", "Facebook", "Instagram", "YouTube", "Youtube", "TikTok", "Snapchat",
    "WhatsApp", "Telegram", "Reddit", "LinkedIn", "Threads", "Bluesky", "Truth Social",
    "Truth", "Weibo", "WeChat", "Twitch", "Periscope", "Tumblr", "Pinterest", "Signal",
})  # fmt: skip

# Ship prefixes ("INS Mysore", "USS Cole", "MV Gibe"): a vessel is no person, so "he said"
# never resolves to it (NER often tags ships as people). Written as in names, dots removed.
VESSEL_PREFIXES: frozenset[str] = frozenset({
    "INS", "USS", "HMS", "HMAS", "HMCS", "HMNZS", "USNS", "USCGC", "MV", "RMS", "PNS", "BRP",
    "TCG", "KRI", "ROKS", "HNLMS", "NRP", "HDMS", "SLNS", "BNS",
})  # fmt: skip

# Articles that open the title of a newspaper, channel or work, never a person's name ("Der
# Spiegel", "Die Zeit", "Das Erste"): NER tags such a title a person. (German only: the
# Romance articles open surnames, "Le Pen", "La Follette", "Del Rio".)
TITLE_ARTICLES: frozenset[str] = frozenset({"Der", "Die", "Das"})

# Legal-form suffixes of company names: part of a name ("Brightwell Inc."), never a name
# on their own (folded, without the full stop).
CORPORATE_SUFFIXES: frozenset[str] = frozenset({
    "inc", "ltd", "llc", "plc", "corp", "co", "gmbh", "ag", "sa", "nv", "bv", "lp", "llp",
    "pty", "incorporated", "limited",
})  # fmt: skip

# Words before a month name that make it a date ("in May", "since May"), not a surname.
DATE_PREPOSITIONS: frozenset[str] = frozenset({
    "in", "on", "since", "until", "till", "by", "from", "of", "early", "late", "mid", "last",
    "next", "this", "through", "before", "after", "during", "to", "between", "and",
})  # fmt: skip

# Small words left out of an abbreviation's initials ("Federal Bureau of Investigation" is
# FBI, "Democratic National Committee" DNC).
ACRONYM_SKIP_WORDS: frozenset[str] = frozenset({"of", "the", "and", "for", "on", "in", "&"})

# Capitalised words that end a person's name: verb forms of title-case headlines ("Jane Roe
# Defends Herself Against Claims") and reflexive pronouns. Only forms that are not also
# common surnames or given names ("Marks", "Said", "Won", "Will" are left out). Folded.
NAME_BREAK_WORDS: frozenset[str] = frozenset({
    "defends", "defended", "slams", "slammed", "blasts", "blasted", "rips", "ripped",
    "vows", "vowed", "urges", "urged", "warns", "warned", "says", "tells", "told",
    "denies", "denied", "admits", "admitted", "rejects", "rejected", "responds",
    "responded", "accuses", "accused", "attacks", "attacked", "praises", "praised",
    "backs", "backed", "endorses", "endorsed", "wins", "loses", "lost", "faces",
    "faced", "rallies", "unleashes", "unleashed", "seeks", "sought", "calls", "called", "announces", "announced", "unveils",
    "unveiled", "launches", "launched", "drops", "dropped", "quits", "resigns", "resigned",
    "apologizes", "apologises", "apologized", "apologised", "insists", "insisted",
    "claims", "claimed", "criticizes", "criticises", "criticized", "criticised", "mocks",
    "mocked", "dismisses", "dismissed", "explains", "explained", "reveals", "revealed",
    "addresses", "addressed", "pushes", "pushed", "touts", "touted", "takes", "took",
    "gets", "got", "makes", "made", "gives", "gave", "leads", "trails", "wants", "plans",
    "is", "was", "has", "had", "would", "can", "could", "should", "does", "did",
    "himself", "herself", "themselves", "itself",
    # base forms, after two names ("Jane Roe, Ivo Penn Address Housing Crisis")
    "address", "want", "slam", "vow", "urge", "warn", "deny", "admit", "reject", "respond",
    "accuse", "praise", "endorse", "unveil", "apologize", "apologise", "insist", "criticize",
    "criticise", "dismiss", "explain", "reveal", "tout", "spar", "clash",
})  # fmt: skip

# Title-case prepositions no person's name holds: a person span over one ("Says Sorry To
# Jane Roe", a headline NER read as one name) names only what follows it (lower case).
NAME_BREAK_PREPOSITIONS: frozenset[str] = word_set("to for with from by vs via at on in")

# Words before a name that make it a place where they stand ("at Pine Hollow", "in Pine
# Hollow"): a name used so in the article is no person, whatever NER said elsewhere.
LOCATIVE_BEFORE_PLACE: frozenset[str] = frozenset({"in", "at", "near", "outside", "inside"})


# Words that head a role or title ("spokesperson", "Foreign Minister", "senior fellow").
ROLE_HEADS: frozenset[str] = word_set(
    """president minister secretary spokesperson spokesman spokeswoman ambassador envoy
    chancellor king queen prince princess emir sheikh pope governor senator mayor chief head
    director chairman chairwoman chair ceo general commander admiral colonel lieutenant
    captain official officer leader premier speaker judge justice fellow analyst professor
    researcher expert adviser advisor negotiator diplomat representative lawmaker
    correspondent reporter editor founder coordinator commissioner attorney deputy
    secretary-general mp treasurer sheriff congressman congresswoman councilman
    councilwoman councillor councilor sergeant detective trooper"""
)
# Occupations that describe a person in apposition ("Lina Roe, a nurse at the clinic,").
OCCUPATIONS: frozenset[str] = word_set(
    """nurse doctor surgeon teacher lawyer engineer farmer worker resident student machinist
    owner driver economist scientist author activist guard pilot mother father son daughter
    wife husband brother sister widow widower survivor witness trader banker investor
    shopkeeper fisherman dockworker operator technician inspector firefighter paramedic
    volunteer organiser organizer campaigner historian writer journalist priest imam rabbi
    manager executive founder partner singer comedian comedienne actor actress musician
    rapper pastor preacher coach commentator anchor host filmmaker producer"""
)
# Nouns for a person the text may give no name for, with the gender they show ("m", "f") or
# None: role nouns, occupations and everyday nouns ("a 29-year-old woman", "one voter", "the
# cashier"). The one list the pronoun resolver reads for a subject that describes someone
# (``stages/prepare/extract/coref.py``: a "he"/"she" after it is that person) and for a name
# in apposition to a person noun.
DESCRIBED_PERSON_NOUNS: Mapping[str, str | None] = {
    **dict.fromkeys(sorted(OCCUPATIONS | ROLE_HEADS)),
    **EVERYDAY_PERSON_NOUNS,
    **PERSON_ROLE_NOUNS,
}
# Lower-case words allowed inside a title before a name ("French caretaker foreign minister").
TITLE_WORDS: frozenset[str] = ROLE_HEADS | word_set(
    """foreign prime caretaker acting interim former deputy senior vice assistant state
    defense defence interior finance health justice economy trade national security
    foreign-affairs affairs of for general executive top regional military special
    supreme chief-of-staff staff"""
)

# Lower-case particles inside a person's name ("Rami bin Aziz", "Anna van Dorn").
NAME_PARTICLES: frozenset[str] = word_set(
    "bin bint ibn ben al el de del della di da du van von der den la le abu"
)
# Capitalised words that start sentences or headlines but are never part of a name.
NOT_NAME_WORDS: frozenset[str] = word_set(
    """The A An This That These Those It Its In On At After Before When While As If But And
    Or So Yet For From By With Without Under Over Earlier Later Meanwhile However Also Speaking
    Responding According Asked Despite During Since Until Once Notably Even Still Then There
    Here We I He She They You Our Their His Her My Your Mr Mrs Ms Dr Some Many Several Both
    Each Every Other Another One Two Three No Not Why What Who How Where Which"""
)
# Heads of organisation names, for rules-only ORG detection ("the Middle East Institute").
ORG_HEADS: frozenset[str] = word_set(
    """Ministry Institute Council Committee Commission Agency Department Office Party Union
    Association University Bank Court Forces Army Navy Command Authority Foundation
    Organization Organisation Group Corporation Company Fund Programme Program Centre Center
    League Front Movement Brigades Guard Parliament Assembly Senate Congress Cabinet
    Government Times Post News Network Federation Alliance Coalition Service Police"""
)
# Modifiers of an unnamed source's head noun that describe it ("a senior diplomatic
# source", "Western officials"): they make its role.
SOURCE_DESCRIPTORS: frozenset[str] = word_set(
    """senior top high-ranking high-level junior former current unnamed anonymous diplomatic
    government governmental military security intelligence administration defense defence
    police western regional local foreign european arab other health"""
)
# Of those, the ones that tell rank or anonymity, never whom the source speaks for.
NOT_AFFILIATION_WORDS: frozenset[str] = frozenset(
    {"senior", "top", "high-ranking", "high-level", "junior", "unnamed", "anonymous", "current"}
)
# Lower-case words that cannot sit between a determiner and the noun it introduces.
NOT_NOUN_PHRASE_WORDS: frozenset[str] = finite_forms(["say", "tell"]) | word_set(
    """is are was were be been has have had will would could should may might can do does did
    in at on of to for with by from and or but that which who whom whose
    as than not no also then when while after before if because about into over under between
    among against across through during without within like including near behind beyond
    toward towards upon via per its their his her our"""
)
# Words that cannot sit inside the prepositional phrase after an unnamed source's head noun
# ("officials at the ministry said"): one means the phrase ran into another clause ("people
# in the audience to clap if they agreed"), so the source ends at its noun.
UNNAMED_POST_BREAK_WORDS: frozenset[str] = word_set(
    """if whether because when while although though unless to that which who whom they he
    she it we i you"""
)
# Nouns of a definite reference to an organisation ("the company said", "the union").
ORG_NOUNS: frozenset[str] = word_set(
    """company firm bank union syndicate federation council authority ministry agency
    association commission committee board group operator regulator court party institute
    organisation organization airline carrier lender insurer manufacturer employer university
    foundation coalition alliance league department office"""
)
# Generic nouns for a business: they may refer back to any organisation without that noun
# in its name ("Norrick Textiles ... the company said").
BUSINESS_NOUNS: frozenset[str] = word_set(
    "company firm group operator employer manufacturer carrier airline lender insurer"
)
# Institutions that are no business even without an organisation noun in their name
# (issue 17: "the company said" was read as "Islamic State" and as "Senate").
NOT_BUSINESS_NOUNS: frozenset[str] = word_set(
    """hospital school church mosque college police court parliament news state senate
    congress house government administration campaign army militia bureau"""
)
# Words that may sit inside a multi-word name term ("Bank of England", "Abu Bakr al
# Baghdadi"), for the term extractor. Not ``NAME_PARTICLES``: it adds "of" (organisations)
# and leaves out the rarer particles, so the two lists are apart.
NAME_CONNECTORS: frozenset[str] = frozenset(
    {"of", "de", "del", "der", "van", "von", "al", "bin", "la", "le", "du", "da"}
)
# Words after a demonym that make it a noun ("the British and the French said", "the French
# have"), so a "the" before it stays part of the name.
DEMONYM_NOUN_FOLLOWERS: tuple[str, ...] = (
    "and", "or", "have", "has", "had", "are", "were", "will", "would",
)  # fmt: skip
# Nouns after a leader's surname that name the government the leader heads ("the Roe
# government").
LEADER_GOVERNMENT_WORDS: tuple[str, ...] = ("administration", "government", "cabinet")
# Organisations that exist in every country ("Foreign Ministry", "the police"): their
# portfolios and heads, as written (case-sensitive), in the order matched.
GENERIC_ORG_PORTFOLIOS: tuple[str, ...] = (
    "Foreign", "Defence", "Defense", "Interior", "Finance", "Health", "Justice", "Economy",
    "Trade", "Information",
)  # fmt: skip
GENERIC_ORG_HEADS: tuple[str, ...] = (
    "Ministry", "Office", "Embassy", "Parliament", "Government", "Army", "Navy", "Air Force",
    "military", "army", "police", "Police", "Cabinet", "Presidency", "Senate", "Supreme Court",
    "Foreign Office",
)  # fmt: skip
