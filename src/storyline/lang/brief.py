"""Words of the brief's own sentences (stages/analysis/brief.py): how a disagreement over a
figure names what the figure measures, in plain words.

A figure's frame (``lang.frames.FRAME_WORDS``: "killed", "age", "change", ...) names what it
measures. Each template may hold ``{noun}`` (what is counted: "people", "rifles"), ``{of}``
(" of Qeshm", or nothing) and ``{poss}`` ("Jane Roe's ", or "the ").
"""

from __future__ import annotations

from collections.abc import Mapping

# A speaker phrase opening with a possessive determiner points outside the brief ("her
# publicist"): the brief names it with "The" instead ("The publicist said …").
from storyline.lang.en import POSSESSIVE_DETERMINERS

__all__ = [
    "APPEARANCE_VERBS",
    "BARE_VERB_BEFORE",
    "CLAUSE_OPENERS",
    "CONNECTIVE_OPENERS",
    "COORDINATORS",
    "CUT_SPEAKER_HEADS",
    "DEMONSTRATIVE_PRONOUNS",
    "DIRECT_QUOTE_OUTSIDE",
    "FALL_PHRASE",
    "FALL_WORDS",
    "HEDGE_OPENERS",
    "IMMINENCE_NOUNS",
    "IRREGULAR_PLURALS",
    "LOWER_OPENERS",
    "MAX_NAMED_OUTLETS",
    "MEASURE_PHRASES",
    "NON_COUNT_MEASURES",
    "NUMBER_VALUES",
    "OPINION_LABELS",
    "OPINION_MODALS",
    "PEOPLE_WORDS",
    "PHRASE_PREPOSITIONS",
    "PLACE_PREPOSITIONS",
    "POSSESSIVE_DETERMINERS",
    "QUANTIFIER_PRONOUNS",
    "RELATIVE_WORDS",
    "REPORTED_NON_CLAUSE_OPENERS",
    "ROLE_PREPOSITIONS",
    "SAID_AFTER_NAME",
    "SAID_CUE_EXCLUDED",
    "SAID_CUE_EXTRA",
    "SPECULATIVE_MODALS",
    "STEM_SUFFIXES",
    "SUBORDINATORS",
    "UNIT_MEASURES",
    "UNREALIZED_SPEECH_MARKERS",
    "YEAR_ACT_PHRASES",
]

MEASURE_PHRASES: Mapping[str, str] = {
    "killed": "the number of {noun} killed",
    "injured": "the number of {noun} injured",
    "missing": "the number of {noun} missing",
    "arrested": "the number of {noun} arrested",
    "rescued": "the number of {noun} rescued",
    "displaced": "the number of {noun} displaced",
    "seized": "the number of {noun} seized",
    "magnitude": "the magnitude",
    "population": "the population{of}",
    "age": "{poss}age",
    "marchers": "the size of the crowd",
    "price": "the price{of}",
    "change": "the size of the change{of}",
    "funding": "the amount of funding{of}",
    "closing": "the closing figure{of}",
    "reward": "the size of the reward",
    "sentence": "the length of {poss}sentence",
}

# A length governed by one of these (in its sentence) measures a fall: "fell 200 metres".
FALL_WORDS: frozenset[str] = frozenset(
    {
        "fell", "fall", "falls", "falling", "fallen", "plunged", "plunge", "plunging",
        "plummeted", "plummeting", "tumbled", "tumbling", "slipped", "dropped",
    }
)  # fmt: skip
FALL_PHRASE = "the length of {poss}fall"

# Words whose next word is a bare verb ("to examine", "will try", "did not say"): the brief
# reads such a word as a verb of the sentence when it compares two outlets' facts.
BARE_VERB_BEFORE: frozenset[str] = frozenset(
    {"to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "did"}
)
# What a counted noun is called when it stands for people in general.
PEOPLE_WORDS: frozenset[str] = frozenset({"people", "persons", "person", "individuals"})

# Units that are not counted things: "the number of metres" says nothing.
NON_COUNT_MEASURES: frozenset[str] = frozenset(
    {"percent", "%", "usd", "eur", "gbp", "dollars", "euros", "pounds", "number", "age"}
)

# An outlet list longer than this is cut: "A1, A2, A3 and 9 more".
MAX_NAMED_OUTLETS = 3

# A year slot's act (``lang.slots.YEAR_ACTS`` values) as a clause: "in what year {x} was
# founded".
YEAR_ACT_PHRASES: Mapping[str, str] = {
    "found": "{x} was founded", "begin": "{x} began", "born": "{x} was born", "die": "{x} died",
    "host": "{x} hosted", "elect": "{x} was elected", "appoint": "{x} was appointed",
    "marry": "{x} married", "win": "{x} won", "join": "{x} joined", "retire": "{x} retired",
}  # fmt: skip


# Plural nouns not ending in "s": a counted noun the brief may name ("the number of women
# killed"); any other noun not ending in "s" is singular ("a climber") and is said "people".
IRREGULAR_PLURALS: frozenset[str] = frozenset(
    {"men", "women", "children", "people", "police", "personnel", "crew", "staff"}
)

# Words that may open a reported clause whose verb the brief's word lists do not know
# ("the financing remains unclear"); a clause opening with another lower-case word and with
# no verb the lists know is no clause ("… said back in November").
CLAUSE_OPENERS: frozenset[str] = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "some", "many", "most", "all",
        "no", "every", "each", "both", "several", "few", "two", "three", "four", "five",
        "there", "it", "he", "she", "they", "we", "i", "you",
    }
)  # fmt: skip

# "Spokesman for the council": a role noun followed by one of these names one person.
ROLE_PREPOSITIONS: frozenset[str] = frozenset({"for", "of", "at", "from", "with"})

# Of those, the units a figure is written with ("40 percent"); "number" and "age" are not.
UNIT_MEASURES: frozenset[str] = NON_COUNT_MEASURES - {"number", "age"}

# Words opening a relative clause: reported speech whose one verb follows one of these is a
# noun phrase, not a clause ("… said a crossing that went wrong").
RELATIVE_WORDS: frozenset[str] = frozenset({"that", "which", "who", "whom", "whose"})

# Words that open a topic and are not a name: lower-cased inside the sentence.
LOWER_OPENERS: frozenset[str] = frozenset(
    {"Who", "What", "Which", "When", "Where", "How", "At", "On", "In", "The", "A", "An"}
)

# Reported speech is composed as "X said …" only when a reporting cue of speech stands next to
# its content in the article: the speech forms of ``lang.en`` plus these. A belief, a wish or a
# headline's colon ("He seems to want …", "Agency: …") is no saying.
SAID_CUE_EXTRA: frozenset[str] = frozenset(
    {"according", "allege", "alleged", "alleges", "announce", "say", "tell", "write"}
)
# Forms in the speech lists that report a belief, not words: never "X said".
SAID_CUE_EXCLUDED: frozenset[str] = frozenset({"believes", "believed", "believe"})

# Words that join a clause to one before it: reported speech that opens with one ("… said and
# that …") was cut from a list of contents and reads broken on its own.
COORDINATORS: frozenset[str] = frozenset({"and", "but", "or", "nor"})

# A quotation opening with one of these points outside itself ("That is really old …", "But
# inside, there was …", "He is an experienced person …"): without its sentence around it a
# reader cannot tell what it is about, so the brief passes it over. "I", "we" and "you" are
# the speaker's own and stay.
DIRECT_QUOTE_OUTSIDE: frozenset[str] = frozenset(
    {
        "he", "she", "it", "it's", "they", "they're", "him", "them", "this", "that", "that's",
        "these", "those", "which", "who", "and", "but", "or", "nor", "so", "then", "also",
    }
)  # fmt: skip

# A speaker name found only after one of these is a place in another phrase ("the BBC's
# correspondent in Paris, says"), not the one speaking.
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "at", "from", "near", "outside", "inside", "to", "across", "around"}
)

# Endings cut from a content word so that its forms count as one ("arrested" / "arrest",
# "killings" / "killing" / "kill") when the brief compares what two sentences tell; longest
# first.
STEM_SUFFIXES: tuple[str, ...] = ("ings", "ing", "ies", "ied", "ed", "es", "s")

# A sentence opening with one of these goes on from the one before it ("Meanwhile, …",
# "However, …"): on its own in the brief it answers something the reader never saw.
CONNECTIVE_OPENERS: frozenset[str] = frozenset(
    {
        "meanwhile", "however", "but", "and", "also", "still", "instead", "moreover",
        "furthermore", "nevertheless", "nonetheless", "yet", "so", "then", "besides",
        "additionally", "likewise", "similarly", "otherwise", "thus", "therefore", "hence",
        "indeed", "again", "here",
    }
)  # fmt: skip

# Words that open a subordinate clause before a sentence's own subject: "After joining the
# club, he rushed for …" has a pronoun for its subject, which points outside the brief.
SUBORDINATORS: frozenset[str] = frozenset(
    {
        "after", "before", "when", "whenever", "while", "since", "although", "though", "as",
        "because", "if", "unless", "despite", "following", "unlike", "once", "until",
        "upon", "in", "on", "with", "without", "during", "having", "being",
    }
)  # fmt: skip

# A sentence opening with one of these says its own fact is unsure ("Apparently, …",
# "Reportedly, …"): the brief does not state it, counted, as what happened.
HEDGE_OPENERS: frozenset[str] = frozenset(
    {
        "apparently", "allegedly", "reportedly", "reputedly", "supposedly", "seemingly",
        "purportedly", "rumored", "rumoured", "possibly", "perhaps", "maybe", "presumably",
        "probably", "likely", "ostensibly",
    }
)  # fmt: skip

# Speech verbs that may come before their speaker ("…,” said Jo Roe): the name after one of
# these is who spoke ("told CNN" names the one spoken to, so "told" is not here).
SAID_AFTER_NAME: frozenset[str] = frozenset(
    {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "explained"}
)

# Prepositions that open a noun phrase: a word ending in "-s" within four words after one, and
# ending the text or followed by another, is a plural noun ("of Israeli settlements in …",
# "in the bays"), not a verb ("the timetable for the ferry remains unclear").
PHRASE_PREPOSITIONS: frozenset[str] = frozenset(
    {
        "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "over", "under",
        "between", "among", "across", "through", "against", "near",
    }
)  # fmt: skip


# A quantifier standing alone as a sentence's subject ("Both have …", "Some blamed …"): the
# people or things it counts are named in a sentence before it, outside the brief.
QUANTIFIER_PRONOUNS: frozenset[str] = frozenset(
    {"both", "some", "many", "several", "others", "most", "few", "neither", "either", "each"}
)

# Demonstratives standing alone as the subject of reported speech ("… said those would be
# ruled on"): what they point at is outside the brief.
DEMONSTRATIVE_PRONOUNS: frozenset[str] = frozenset({"these", "those"})

# First words of what follows a speech verb that is no reported clause: an infinitive ("who
# promised to fight …" read as "said to fight …") or the verb's object ("says nothing about
# …", "said little about …").
REPORTED_NON_CLAUSE_OPENERS: frozenset[str] = frozenset(
    {"to", "nothing", "something", "anything", "everything", "little", "much"}
)

# Numbers written as words, by value: "ninety days" and "90-day" give one figure, "two memos"
# and "at least eleven" two ("twenty-one" is 20 + 1).
NUMBER_VALUES: Mapping[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# A speaker whose first word is one of these was cut from its owner ("its own boundary
# office" extracted as "own boundary office"): "The own …" names no one.
CUT_SPEAKER_HEADS: frozenset[str] = frozenset({"own"})

# Words just before a verb of saying that make it no saying that happened: a wish, a duty, a
# future or a refusal ("the board should also say that …", "declined to say whether …").
UNREALIZED_SPEECH_MARKERS: frozenset[str] = frozenset(
    {
        "should",
        "would",
        "could",
        "must",
        "might",
        "may",
        "will",
        "shall",
        "to",
        "not",
        "never",
        "cannot",
        "can't",
        "won't",
        "wouldn't",
        "shouldn't",
        "didn't",
        "doesn't",
        "don't",
        "refused",
        "declined",
    }
)

# Labels that open an article of opinion or analysis ("Analysis — …", "Opinion: …"): its
# sentences are its writer's view, not what happened, unless another outlet tells them.
OPINION_LABELS: frozenset[str] = frozenset(
    {
        "analysis",
        "opinion",
        "comment",
        "commentary",
        "editorial",
        "column",
        "view",
        "viewpoint",
        "perspective",
        "essay",
        "op-ed",
    }
)

# Modals of what ought to be: a sentence of an article's own narration (no one said to say
# it) holding one gives its writer's view ("Pike should take the recount to court").
OPINION_MODALS: frozenset[str] = frozenset({"should", "ought"})

# Words of a forecast: "Roe is poised to win", "Doe will likely lose", "the vote is unlikely
# to pass". Said by no one in its sentence, such a sentence is its writer's prediction, not
# what happened, so the brief does not state it (issue 18). A closed class: the epistemic
# adverbs and adjectives of likelihood that headline writers use for the future.
FORECAST_WORDS: frozenset[str] = frozenset({"likely", "unlikely", "probably", "poised"})

# Modals of possibility: "Warren may play a role", "the biggest blow could come from …".
# In a sentence's own narration with no one said to say it, what may or could happen is the
# writer's speculation, not what happened (issue 18). A closed class: the English modals of
# epistemic possibility ("could not" / "couldn't" is mostly a past fact, not counted).
SPECULATIVE_MODALS: frozenset[str] = frozenset({"may", "might", "could"})

# Verbs of appearance (lemmas) before an infinitive or a state of intent ("Both houses seem
# intent on …", "the bill appears to have stalled"): the writer's impression, told as fact.
# A closed class.
APPEARANCE_VERBS: frozenset[str] = frozenset({"seem", "appear"})

# Nouns of imminence in "on the brink of" / "on the verge of": a forecast. A closed class.
IMMINENCE_NOUNS: frozenset[str] = frozenset({"brink", "verge", "cusp"})
