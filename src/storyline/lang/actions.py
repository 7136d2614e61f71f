"""Event actions: what happened, as the word forms of a news headline or lead name it.

Read by ``stages/prepare/terms.py`` to give each article its *main action* (an event
identity feature for story clustering, ``stages/commit/index.py``): two articles about the
same people a week apart, one about a strike and one about the deal that ended it, are two
events. Each action lists the word forms that evoke it (lower case, whole tokens); forms of
one action are synonyms for this purpose ("quake", "tremor", "temblor"), so outlets that word
one event differently still agree.

``OUTCOME_ACTIONS`` are consequences that many kinds of event share (people killed, dead,
injured): an article's main action is one of them only when its headline and lead name no
other action ("Gunman kills three" is a shooting when the lead says "shot", a killing when
nothing else is said).

Forms that are mostly something else in news are left out on purpose: "fired" (a weapon or a
dismissal), "held" (talks, a hostage, a rate), "named" ("a man named"), "won" (any contest),
"fire" as a verb, "ruling" ("the ruling party"), "closure" (a family's), "defects" (flaws),
"inaugurated" (a bridge as well as a president), "junta" (a subject, not an act),
"ceasefire" (mostly a modifier: "ceasefire observers").
"""

from __future__ import annotations

from collections.abc import Mapping

# action -> word forms that evoke it in a headline or a lead sentence
EVENT_ACTIONS: Mapping[str, tuple[str, ...]] = {
    "quake": ("earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "temblor",
              "seismic"),
    "storm": ("hurricane", "hurricanes", "typhoon", "cyclone", "storm", "storms", "tornado",
              "tornadoes", "blizzard"),
    "flood": ("flood", "floods", "flooding", "flooded", "landslide", "landslides", "mudslide"),
    "fire": ("fire", "fires", "blaze", "blazes", "wildfire", "wildfires", "bushfire", "inferno",
             "burned", "burnt", "ablaze"),
    "explosion": ("explosion", "explosions", "blast", "blasts", "exploded", "explodes",
                  "bomb", "bombs", "bombing", "bombings", "bomber", "bombers"),
    "crash": ("crash", "crashes", "crashed", "collision", "collided", "derailed", "derailment",
              "capsized", "sank", "wreck"),
    "shooting": ("shooting", "shootings", "shot", "shoots", "gunman", "gunmen", "gunfire",
                 "shootout"),
    "stabbing": ("stabbing", "stabbings", "stabbed"),
    "attack": ("attack", "attacks", "attacked", "assault", "assaulted", "raid", "raids",
               "raided", "airstrike", "airstrikes", "ambush", "ambushed", "hijacked",
               "hijacking", "kidnapped", "kidnapping", "abducted", "hostage", "hostages"),
    "arrest": ("arrest", "arrests", "arrested", "detain", "detained", "detains", "nabbed", "apprehended",
               "custody", "captured"),
    "charge": ("charged", "charges", "indicted", "indictment", "prosecuted", "prosecute",
               "pleads", "pleaded", "plea", "arraigned", "arraignment"),
    "trial": ("trial", "trials", "testified", "testifies"),
    "verdict": ("convicted", "conviction", "guilty", "acquitted", "acquittal", "verdict",
                ),
    "sentence": ("sentenced", "sentencing", "jailed", "imprisoned"),
    "lawsuit": ("sues", "sued", "lawsuit", "lawsuits"),
    "resignation": ("resigns", "resigned", "resign", "resignation", "quits", "quit",
                    "ousted", "sacked", "sack", "sacks", "dismissed", "dismisses",
                    "dismissal", "axed", "defected", "defection"),
    "appointment": ("appointed", "appoints", "appointment", "nominated", "nominates",
                    "nomination", "hired", "hires", "sworn", "interim", "successor",
                    "replaces", "replaced", "replace", "tapped", "succeed", "succeeds"),
    "election": ("election", "elections", "elected", "reelected", "re-elected", "polls",
                 "ballot", "referendum", "primary"),
    # the steps of a disputed count after the vote: a recount, then the result certified
    "recount": ("recount", "recounts", "recounted", "recounting"),
    "certification": ("certified", "certifies", "certify", "certification"),
    "approval": ("adopted", "adopts", "adopt", "adoption", "approved", "approves", "approve",
                 "approval", "passed", "passes", "ratified", "ratifies", "endorsed",
                 "unanimously", "enacted", "rejected", "rejects",
                 "backs", "blocks", "blocked", "clears"),
    # the steps of a bill after its passage, each its own event (``OPPOSED_ACTIONS``): the
    # executive's veto, then the legislature's vote to override it
    "veto": ("veto", "vetoes", "vetoed", "vetoing"),
    "override": ("override", "overrides", "overrode", "overridden", "overriding"),
    "draft": ("draft", "drafts", "drafted", "drafting", "proposed", "proposes", "proposal",
              "circulated", "circulates", "tabled"),
    "deployment": ("deployed", "deploys", "deploy", "deployment", "arrived", "arrive",
                   "arrives", "arrival", "landed", "dispatched"),
    "strike": ("strike", "strikes", "striking", "walkout", "walkouts", "stoppage", "striked",
               "picket", "pickets"),
    "deal": ("deal", "deals", "agreement", "agreements", "accord", "settlement", "agreed",
             "breakthrough", "truce", "armistice"),
    "talks": ("talks", "negotiations", "negotiators", "summit", "met", "meets", "meet", "meeting",
              "visit", "visits", "visited", "arbitration", "arbitrator", "mediator",
              "mediation"),
    "recall": ("recall", "recalls", "recalled"),
    "release": ("unveils", "unveiled", "unveil", "launches", "launched", "launch", "released",
                "releases", "publishes",
                "patch", "patches", "upgrade", "debut",
                "debuts", "premiere", "premiered", "announces", "introduces", "introduced",
                "fixes"),
    "acquisition": ("acquires", "acquired", "acquisition", "buys", "bought", "takeover",
                    "merger", "merge", "merges", "bid", "bids"),
    "raise": ("raises", "raised", "raising", "hike", "hikes", "hiked", "increases",
              "increased"),
    "cut": ("cuts", "cut", "cutting", "lowers", "lowered", "slashes", "slashed", "reduces",
            "reduced", "layoffs", "redundancies"),
    "hold": ("holds", "unchanged", "pause", "pauses", "paused"),
    "rehab": ("rehab", "rehabilitation", "addiction"),
    "comeback": ("comeback", "tour", "tours", "reunion", "return", "returns"),
    "departure": ("exits", "departs", "discharged"),
    "evacuation": ("evacuated", "evacuation", "evacuations", "evacuate", "evacuates", "fled",
                   "flee", "flees"),
    "rescue": ("rescued", "rescue", "rescues", "rescuers", "freed"),
    "protest": ("protest", "protests", "protesters", "protested", "rally", "rallies",
                "demonstration", "demonstrations", "demonstrators", "riot", "riots",
                "rioting", "unrest", "clashes", "boycott", "boycotts", "boycotted", "revolt",
                "uprising", "uprisings"),
    "ban": ("ban", "bans", "banned", "banning", "prohibits", "outlaws", "outlawed"),
    "suspension": ("suspends", "suspended", "suspension", "halts", "halted", "halt",
                   "moratorium", "moratoriums",
                   "freezes", "froze", "frozen", "shut", "shuts", "shutdown",
                   "shutdowns"),
    "sanctions": ("sanction", "sanctions", "sanctioned", "embargo", "tariff", "tariffs"),
    "test": ("test", "tests", "tested", "testing"),
    "breach": ("hacked", "hack", "hackers", "breach", "breached", "leak", "leaked", "leaks",
               "cyberattack", "outage"),
    "marriage": ("married", "marries", "marry", "wedding", "engaged", "engagement"),
    "divorce": ("divorce", "divorces", "divorced", "separation", "separated"),
    "birth": ("birth", "baby", "pregnant", "pregnancy"),
    "signing": ("transfer", "transfers"),
    "award": ("award", "awards", "awarded", "prize", "nominations", "oscar", "oscars",
              "honoured", "honored"),
    "match": ("beat", "beats", "defeated", "defeats", "defeat", "victory"),
    "investigation": ("investigation", "investigating", "investigates", "investigated",
                      "probe", "probes", "inquiry", "inquest"),
    "rescinded": ("reversed", "reverses", "reversal", "overturned", "overturns", "scrapped",
                  "scraps", "withdrawn", "withdraws", "withdrew", "rescinded", "repealed",
                  "u-turn"),
    # people made to leave a country, and the leaders a country removes: each its own kind
    # of event, not an arrest, a resignation or a protest
    "expulsion": ("expels", "expelled", "expel", "expelling", "expulsion", "expulsions",
                  "deported", "deports", "deport", "deportation", "deportations",
                  "extradited", "extradite", "extradites", "extradition"),
    "impeachment": ("impeach", "impeached", "impeaches", "impeachment"),
    "coup": ("coup", "coups", "overthrown", "overthrow"),
    "bankruptcy": ("bankrupt", "bankruptcy", "insolvency", "insolvent", "receivership",
                   "liquidation"),
    # a court keeping a law, a map, a ruling in force (not a criminal verdict); one that
    # strikes it down undoes it ("strikes down": ``PHRASE_ACTIONS``, as "overturns"). The
    # noun "ruling" is left out ("ruling party")
    "ruling": ("upholds", "upheld"),
    "pardon": ("pardon", "pardoned", "pardons", "commuted", "clemency"),
    "escape": ("escaped", "escapes", "escape", "fugitive", "manhunt"),
    "missing": ("missing", "disappeared", "disappearance", "vanished"),
    # phases of one storyline, each the other's opposite or sequel (``OPPOSED_ACTIONS``):
    # a thing stolen / recovered, people trapped / rescued, a disease breaks out / is
    # vaccinated against / is over, a restriction imposed (ban, sanctions) / ended
    "theft": ("stolen", "stole", "steals", "steal", "theft", "thefts", "thieves", "thief",
              "heist", "robbed", "robbery", "looted", "burglary"),
    "recovery": ("recovered", "recovers", "recovery", "retrieved", "found"),
    "trapped": ("trapped", "stranded", "entombed", "buried", "cut-off"),
    "outbreak": ("outbreak", "outbreaks", "epidemic", "pandemic", "spreads", "spreading"),
    "vaccination": ("vaccination", "vaccinations", "vaccine", "vaccines", "vaccinated",
                    "inoculation", "doses", "jabs"),
    "penalty": ("fined", "fine", "fines", "penalty", "penalties", "penalised", "penalized",
                "punished"),
    "ending": ("lifts", "lifted", "lifting"),
}  # fmt: skip

# two-word phrases whose action is not their words' own ("under fire" is criticism, not a
# blaze): the action of the pair, or "" for none; read before the single words
PHRASE_ACTIONS: Mapping[tuple[str, str], str] = {
    ("under", "fire"): "", ("opened", "fire"): "shooting", ("open", "fire"): "shooting",
    ("opens", "fire"): "shooting", ("steps", "down"): "resignation",
    ("stepped", "down"): "resignation", ("step", "down"): "resignation",
    ("cease", "fire"): "deal", ("death", "sentence"): "sentence",
    ("checks", "into"): "rehab", ("checked", "into"): "rehab",
    ("found", "guilty"): "verdict", ("found", "dead"): "death", ("found", "alive"): "rescue",
    ("declared", "over"): "ending", ("is", "over"): "ending", ("are", "over"): "ending",
    ("says", "no"): "approval", ("say", "no"): "approval",
    ("made", "public"): "release", ("makes", "public"): "release",
    ("opinion", "poll"): "", ("opinion", "polls"): "",
    ("strikes", "down"): "rescinded", ("struck", "down"): "rescinded",
    ("strike", "down"): "rescinded",
    ("pleads", "for"): "", ("pleaded", "for"): "", ("plea", "for"): "",  # an appeal, not a court plea
    ("ordered", "out"): "expulsion", ("lays", "off"): "cut", ("laid", "off"): "cut",
}  # fmt: skip

# Words after which a headline's action has not happened ("farmers threaten new protests",
# "union weighs strike"): an action within the next ``UNREALISED_SPAN`` words is not named.
UNREALISED_CUES: frozenset[str] = frozenset({
    "threaten", "threatens", "threatened", "vow", "vows",
    "vowed", "warn", "warns", "warned", "consider", "considers", "weigh", "weighs", "eye",
    "eyes", "seek", "seeks", "urge", "urges", "urged", "demand", "demands", "may", "might",
    "could", "would", "no", "not", "avert", "averts", "averted", "fears", "rule", "rules",
})  # fmt: skip
UNREALISED_SPAN = 2

# "named" and "names" appoint someone when an office follows within ``OFFICE_SPAN`` words
# ("Hollin named finance minister", "club names Ortega head coach"), not otherwise ("a man
# named Lee"): the nouns of an office or a post
APPOINTING_WORDS: frozenset[str] = frozenset({"named", "names"})
OFFICE_NOUNS: frozenset[str] = frozenset({
    "minister", "secretary", "chief", "director", "head", "chairman", "chairwoman", "chair",
    "president", "ceo", "coach", "manager", "governor", "ambassador", "envoy",
    "commissioner", "successor", "captain", "editor", "adviser", "advisor", "spokesman",
    "spokeswoman", "leader", "deputy", "premier", "chancellor", "treasurer", "judge",
    "prosecutor", "commander", "mayor", "nominee", "boss",
})  # fmt: skip
OFFICE_SPAN = 4

# consequences shared by many kinds of event: the main action only when nothing else is named
OUTCOME_ACTIONS: Mapping[str, tuple[str, ...]] = {
    "death": ("killed", "kills", "kill", "killing", "killings", "dead", "died", "dies",
              "death", "deaths", "murder", "murdered", "murders", "slain", "toll",
              "fatal", "overdose"),
    "injury": ("injured", "injures", "injuries", "injury", "wounded", "hurt", "hospitalised",
               "hospitalized"),
}  # fmt: skip


# Pairs of actions that are two phases of one storyline, never two wordings of one event:
# a start and its outcome, an act and its reversal, a measure and what ends it. An outlet
# may tell a quake as the rescue that followed it the same day, but a theft is never told
# as the recovery weeks later, so two articles whose main actions are opposed clash even
# without dates (``stages/commit/index.py``, ``opposed_weight``). A trial and its verdict
# are not a pair: a trial's reports run into its verdict (on ECB+ train one event is
# headlined both ways), so only their days keep them apart.
OPPOSED_ACTIONS: frozenset[frozenset[str]] = frozenset(frozenset(p) for p in (
    ("theft", "recovery"), ("missing", "recovery"), ("trapped", "rescue"),
    ("missing", "rescue"), ("escape", "arrest"),
    ("outbreak", "vaccination"), ("outbreak", "ending"), ("vaccination", "ending"),
    ("ban", "suspension"), ("ban", "rescinded"), ("ban", "ending"),
    ("sanctions", "ending"), ("sanctions", "deal"), ("strike", "deal"),
    ("resignation", "appointment"), ("election", "appointment"),
    ("charge", "verdict"), ("charge", "sentence"), ("arrest", "verdict"),
    ("arrest", "sentence"),
    ("draft", "approval"), ("acquisition", "approval"), ("breach", "penalty"),
    ("approval", "veto"), ("acquisition", "veto"), ("veto", "override"), ("election", "recount"),
    ("recount", "certification"), ("election", "certification"),
    ("investigation", "penalty"), ("lawsuit", "verdict"),
))  # fmt: skip


# A violent crime's legal coda (issue 19): the steps of a prosecution after the arrest and
# the acts that leave a victim. An article whose lead names both in one sentence ("the
# woman charged with murder in the plant shooting", "the gunman who shot a deputy was
# sentenced to death") tells the crime's story on another day: the crime is still the
# event, the charge, trial, verdict or sentence its coda, months or years later (ECB+
# groups them with the crime). The arrest is not a step here (it is reported with the
# crime, the same day), nor are the frauds, bribes and arsons whose charges and verdicts
# are news events of their own (a mayor arrested and then charged, a founder's trial and
# then its verdict): only acts with a victim of violence.
LEGAL_STEPS: frozenset[str] = frozenset({"charge", "trial", "verdict", "sentence"})
VIOLENT_ACTS: frozenset[str] = frozenset({"shooting", "stabbing"})
# words of a killing (not of a death: "died in prison", "dies at 77" have no culprit)
KILLING_WORDS: frozenset[str] = frozenset({
    "killed", "kills", "kill", "killing", "killings", "killer", "killers", "murder",
    "murders", "murdered", "murdering", "murderer", "slain", "slaying", "slayings",
    "homicide", "manslaughter", "fatal",
})  # fmt: skip


def opposed(a: str, b: str) -> bool:
    """Whether two actions are opposed phases of one storyline (``OPPOSED_ACTIONS``)."""
    return frozenset((a, b)) in OPPOSED_ACTIONS


def _forms(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for action, forms in table.items():
        for form in forms:
            out.setdefault(form, action)
    return out


# word form -> action, for a lookup per token
ACTION_OF: Mapping[str, str] = _forms(EVENT_ACTIONS)
OUTCOME_OF: Mapping[str, str] = _forms(OUTCOME_ACTIONS)

__all__ = [
    "ACTION_OF",
    "APPOINTING_WORDS",
    "EVENT_ACTIONS",
    "KILLING_WORDS",
    "LEGAL_STEPS",
    "OFFICE_NOUNS",
    "OFFICE_SPAN",
    "OPPOSED_ACTIONS",
    "OUTCOME_ACTIONS",
    "OUTCOME_OF",
    "PHRASE_ACTIONS",
    "UNREALISED_CUES",
    "UNREALISED_SPAN",
    "VIOLENT_ACTS",
    "opposed",
]
