"""Quantities: value, hedge, measure and subject, with exact cites.

All text here is written for these tests.
"""

from __future__ import annotations

import re

import pytest

from storyline.models import Article, Cite, Entity, Quantity
from storyline.stages.prepare.extract.quantities import extract_quantities, parse_number_words


def art(text: str) -> Article:
    return Article(id="q1", source="t", text=text, raw=text, title="t")


def ents(text: str, names: dict[str, str]) -> list[Entity]:
    """Entities for ``names`` (surface -> id), one mention per occurrence."""
    out = []
    for surface, eid in names.items():
        cites = [Cite("q1", m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]
        out.append(Entity(id=eid, name=surface, type="GPE", mentions=cites))
    return out


def quantities(text: str, entities: list[Entity] | None = None) -> list[Quantity]:
    found = extract_quantities(art(text), None, entities or [])
    for q in found:
        assert q.text == text[q.cite.start : q.cite.end]
        assert q.cite.article == "q1"
    return found


def only(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "hedge", "value", "low", "high", "measure"),
    [
        ("Norway could send up to 5,000 troops.", "up_to", 5000, None, 5000, "troops"),
        ("As many as 300 sailors took part.", "up_to", 300, None, 300, "sailors"),
        ("At least 30 people were hurt.", "at_least", 30, 30, None, "people"),
        ("Chile offered 1,000 or more engineers.", "at_least", 1000, 1000, None, "engineers"),
        ("They hired 2,000-plus volunteers.", "at_least", 2000, 2000, None, "volunteers"),
        ("The town lost about 400 homes.", "about", 400, None, None, "homes"),
        ("Rescuers found around 60 survivors.", "about", 60, None, None, "survivors"),
        ("The army moved some 40 tanks.", "about", 40, None, None, "tanks"),
        ("The fund holds roughly 12 percent of the shares.", "about", 12, None, None, "percent"),
        ("The camp hosts approximately 9,500 refugees.", "about", 9500, None, None, "refugees"),
        ("Nearly 40 nations attended.", "nearly", 40, None, 40, "nations"),
        ("Almost 50 reporters were there.", "nearly", 50, None, 50, "reporters"),
        ("More than 200 workers struck.", "more_than", 200, 200, None, "workers"),
        ("Over 2,000 flights were cancelled.", "more_than", 2000, 2000, None, "flights"),
        ("Fewer than 100 police officers remain.", "fewer_than", 100, None, 100, "police officers"),
        ("Less than 5% of the budget was spent.", "fewer_than", 5, None, 5, "percent"),
        ("They sent 750 medics.", "exact", 750, 750, 750, "medics"),
    ],
)
def test_hedges(
    text: str, hedge: str, value: float, low: float | None, high: float | None, measure: str
) -> None:
    q = only(text)
    assert (q.hedge, q.value, q.low, q.high, q.measure) == (hedge, value, low, high, measure)
    assert text.lower().startswith(q.text.lower()) or q.text in text


@pytest.mark.parametrize(
    ("text", "low", "high", "measure"),
    [
        ("Peru would send between 5,000 and 8,000 soldiers.", 5000, 8000, "soldiers"),
        ("Officials estimated 5-8 thousand people had fled.", 5000, 8000, "people"),
        ("The plan needs from 20 to 30 ships.", 20, 30, "ships"),
        ("A force of 3,000–4,500 troops is planned.", 3000, 4500, "troops"),
    ],
)
def test_ranges(text: str, low: float, high: float, measure: str) -> None:
    q = only(text)
    assert (q.hedge, q.value, q.low, q.high, q.measure) == ("range", None, low, high, measure)


@pytest.mark.parametrize(
    ("text", "value", "measure", "hedge"),
    [
        ("Up to two dozen advisers are deployed.", 24, "advisers", "up_to"),
        ("If Spain sends a thousand engineers, fine.", 1000, "engineers", "exact"),
        ("A dozen helicopters flew over.", 12, "helicopters", "exact"),
        ("Forty-five delegates signed.", 45, "delegates", "exact"),
    ],
)
def test_written_numbers(text: str, value: float, measure: str, hedge: str) -> None:
    q = only(text)
    assert (q.value, q.measure, q.hedge) == (value, measure, hedge)


@pytest.mark.parametrize(
    ("text", "low", "high", "measure"),
    [
        ("Hundreds of protesters gathered.", 200, 999, "protesters"),
        ("Tens of thousands of people marched.", 20_000, 99_999, "people"),
        ("Thousands of letters were found in the attic.", 2_000, 9_999, "letters"),
        ("The storm cut power to hundreds of thousands of homes.", 2e5, 999_999, "homes"),
        ("Dozens of nurses walked out.", 24, 99, "nurses"),
        ("Several hundred fans waited outside.", 300, 999, "fans"),
        ("A few thousand runners took part.", 2_000, 9_999, "runners"),
    ],
)
def test_vague_amounts_stay_vague(text: str, low: float, high: float, measure: str) -> None:
    q = only(text)
    assert (q.hedge, q.value, q.low, q.high, q.measure) == ("vague", None, low, high, measure)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two dozen", 24),
        ("a thousand", 1000),
        ("half a dozen", 6),
        ("forty-five", 45),
        ("three hundred", 300),
        ("two million", 2e6),
        ("one hundred and twenty", 120),
        ("blue", None),
    ],
)
def test_parse_number_words(words: str, value: float | None) -> None:
    assert parse_number_words(words) == value


def test_money_and_percent() -> None:
    found = quantities(
        "Donors pledged $1.2 billion, €300 million and 40 million dollars; 12% went to roads."
    )
    got = [(q.value, q.measure) for q in found]
    assert got == [(1.2e9, "USD"), (3e8, "EUR"), (4e7, "USD"), (12, "percent")]


def test_size_compound() -> None:
    q = only("The 15-member council voted.")
    assert (q.text, q.value, q.measure) == ("15-member", 15, "members")


@pytest.mark.parametrize(
    "text",
    [
        "Chapter 7 of the charter applies.",
        "Resolution 2803 was adopted.",
        "Article 51 allows self-defence.",
        "The vote was held in 2024 and again in March 2025.",
        "They met at 3 p.m. and again at 10:30.",
        "She came 1st in the race.",
        "The F-16 jets and COVID-19 rules were discussed.",
        "Both backed a two-state solution.",
        "One official spoke; no one else did.",
        "The two leaders met.",
        "In the 1990s the law changed.",
        "The ferry left at 10:55 P.M. and docked at 8: 13am.",
        "The Larkfield club finished with a 9-14 record after winning 3-1 at home.",
        "He led the museum in 1978-89 and again in 2001/02.",
        "Both sides praised the 2015 accord.",
        "Guards carried AK 47 rifles onto the Boeing 737.",
        "Call the desk on 555-201-7788 for details.",
        "Call the desk on 0845 301 4466 or on 0800 212 909 for details.",
        "Anyone who saw the van should call Sgt. Voss at 733-4108.",
        "The office is at 221 Harbour Lane in Westmoor.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Norway said on Monday that Chile is ready to deploy up to 800 troops.", "Chile"),
        ("Chile's 800 troops stayed home.", "Chile"),
        ("Some 800 troops from Chile stayed home.", "Chile"),
        # a name further back, across a speech verb or another phrase, is not the owner:
        # the subject is what is counted
        ("Chile said 800 troops would stay home.", "troops"),
        ("In Chile, officials and 800 troops stayed home.", "troops"),
        ("A force of troops from Peru and Chile could number up to 800.", "troops"),
        ("The ledger listed 800 of them.", None),
        # a distance's reference point, a crowd's place before "where" or "home to"
        ("Seismologists said the quake was 40 miles southwest of Port Halden.", "Port Halden"),
        ("Scuffles broke out in Velmora where approximately 12, 000 people marched.", "Velmora"),
        ("The tremor was centred near Brask Island, home to 9, 000 people.", "Brask Island"),
        ("The hiker fell about 90 metres from a ridge.", "fall"),
        # a toll's named place after it, in the same clause; an island "home to" a crowd
        ("The quake killed 40 people in the hill town of Chile.", "Chile"),
        ("The quake killed 40 people, and Chile mourned.", "people killed"),
        ("The storm hit Chile island, home to 9, 000 people.", "Chile island"),
        # a sum "in" a plural noun; a bare count keeps no subject without a parse
        ("The aide handed over more than $250,000 in bribes to the clerks.", "bribes"),
        ("He was missing 10 of the games.", None),
    ],
)
def test_subject_without_parse_is_bound_by_the_words(text: str, subject: str | None) -> None:
    found = quantities(text, ents(text, {"Norway": "gpe:norway", "Chile": "gpe:chile"}))
    assert [q.subject for q in found] == [subject]


def test_age_without_parse() -> None:
    text = "Dorran Vekk, 41, was held overnight."
    (q,) = quantities(text, ents(text, {"Dorran Vekk": "per:vekk"}))
    assert (q.value, q.measure, q.frame, q.subject) == (41, "age", "age", "Dorran Vekk")


def test_frames_without_parse_keep_killed_and_injured_apart() -> None:
    found = quantities("The blast in Porvik, killing at least five and injuring at least five.")
    assert [(q.value, q.hedge, q.frame) for q in found] == [
        (5, "at_least", "killed"),
        (5, "at_least", "injured"),
    ]


def test_attached_units() -> None:
    q = only("The balloon rose to 2,000ft before it burst.")
    assert (q.value, q.measure) == (2000, "feet")
    q = only("The hiker fell about 60m from the ledge.")
    assert (q.value, q.measure, q.hedge, q.frame) == (60, "metres", "about", "distance")


def test_magnitudes_and_counted_codes() -> None:
    q = only("A magnitude-5.2 tremor shook the coast.")
    assert (q.value, q.measure, q.frame) == (5.2, "magnitude", "magnitude")
    q = only("Guards seized seven AR-15s at the gate.")
    assert (q.value, q.measure, q.frame) == (7, "ar-15s", "seized")
    q = only("The old fleet has 40 jets.")
    assert q.frame is None  # "fleet" is no form of "flee"


def test_spaced_separators_of_tokenised_text() -> None:
    q = only("The island is home to 120, 000 people.")
    assert (q.value, q.measure) == (120_000, "people")


def test_measure_carries_over_in_a_sentence() -> None:
    found = quantities("At least 30 people were killed and more than 200 injured.")
    assert [(q.value, q.measure, q.hedge) for q in found] == [
        (30, "people", "at_least"),
        (200, "people", "more_than"),
    ]


def test_measure_from_a_counted_group() -> None:
    q = only("A small number of Dutch advisers, up to two dozen, remain.")
    assert (q.value, q.measure) == (24, "advisers")


@pytest.mark.model
def test_subject_from_the_parse() -> None:
    from storyline.nlp import load_spacy

    text = "Officials said Chile is ready to deploy up to 800 troops, and the 15-member council agreed."
    entities = ents(text, {"Chile": "gpe:chile"})
    found = extract_quantities(art(text), load_spacy()(text), entities)
    got = {q.text: (q.subject, q.subject_entity) for q in found}
    assert got["up to 800 troops"] == ("Chile", "gpe:chile")
    assert got["15-member"] == ("council", None)


@pytest.mark.model
def test_a_datelines_place_is_no_subject() -> None:
    from storyline.nlp import load_spacy

    text = "VELMAR, June 4 (Tidings) — The port authority on Monday impounded nine fishing boats."
    entities = ents(text, {"VELMAR": "gpe:velmar"})
    (q,) = extract_quantities(art(text), load_spacy()(text), entities)
    assert q.text == "nine fishing boats" and q.subject_entity is None
    assert "VELMAR" not in (q.subject or "")


def test_codes_tallies_units_and_ages() -> None:
    assert quantities("The form 05 was filed.") == []
    assert quantities("The board voted 7-2 to hold rates.") == []
    q = only("The treaty allows up to 1.8 billion cubic metres a year.")
    assert (q.value, q.measure, q.hedge) == (1.8e9, "cubic metres", "up_to")
    q, hurt = quantities("A 44-year-old welder was hurt.")  # the age, and one hurt (implied)
    assert (q.text, q.value, q.measure, q.frame) == ("44-year-old", 44, "age", "age")
    assert (hurt.text, hurt.value, hurt.frame) == ("welder was hurt", 1, "injured")
    q = only("Police named a 19-year old cyclist.")
    assert (q.text, q.value, q.measure, q.frame) == ("19-year old", 19, "age", "age")
    q = only("A 15-year deal was signed.")
    assert (q.measure, q.frame) == ("years", None)
    q = only("Rates fell between 0.1 and 0.2 percentage points.")
    assert (q.low, q.high, q.measure) == (0.1, 0.2, "percentage points")


def test_units_do_not_carry_over() -> None:
    found = quantities("The bank raised rates to 4.75%, a move opposed by two of the nine members.")
    assert (found[0].value, found[0].measure) == (4.75, "percent")
    assert all(q.measure != "percent" for q in found[1:])


def test_day_ranges_and_currency_words() -> None:
    assert quantities("The forum runs Sept. 23-25 in Oslo.") == []
    q = only("The budget sets aside 1.5 trillion yen for ports.")
    assert (q.value, q.measure) == (1.5e12, "JPY")


@pytest.mark.model
def test_measure_keeps_noun_modifiers_with_the_parse() -> None:
    from storyline.nlp import load_spacy

    text = "The firm announced 3,000 job cuts and 40 different products."
    found = extract_quantities(art(text), load_spacy()(text), [])
    assert [(q.value, q.measure) for q in found] == [(3000, "job cuts"), (40, "products")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "number", "subject", "measure", "frame"),
    [
        # what is counted: the noun the number modifies, past a unit; with a frame, the
        # counted thing and its frame, not a common-noun agent (issue 18)
        (
            "Inspectors seized seven AR-15s at the Dunmore depot.",
            "seven",
            "ar-15s seized",
            "ar-15s",
            "seized",
        ),
        # a sum or a rate is the noun's it modifies, not the agent's (issue 18)
        (
            "Valdoria set 25% tariffs on imported timber.",
            "25%",
            "tariffs on imported timber",
            None,
            "rate",
        ),
        ("Valdoria withdrew the firm's $13 billion bid.", "$13 billion", "firm's bid", "USD", None),
        (
            "Lenders approved a 40 billion euro bailout for the port.",
            "40 billion euro",
            "bailout for the port",
            "EUR",
            "funding",
        ),
        ("Thieves took jewellery worth $2 million.", "$2 million", "jewellery", "USD", None),
        # a toll or a crowd in a named place is that place's, before a common-noun agent
        (
            "A quake killed 600 people in the hill town of Porvik.",
            "600",
            "Porvik",
            "people",
            "killed",
        ),
        (
            "About 9,000 people marched in the streets of Sorrel on Sunday.",
            "9,000",
            "Sorrel",
            "people",
            None,
        ),
        ("Three co-workers were shot.", "Three", "co-workers", "co-workers", None),
        # the case: the count's own noun, never the vague amount before the verb
        ("Dozens of militants attacked three hospitals.", "three", "hospitals", "hospitals", None),
        # whose: a possessor, an "of" phrase, a named place
        (
            "Valdoria's 300 police officers were sent home.",
            "300",
            "Valdoria",
            "police officers",
            None,
        ),
        (
            "The lake town of Sorrel, where 4,000 people marched, was calm.",
            "4,000",
            "Sorrel",
            "people",
            None,
        ),
        # the frame: killed and injured are two quantities, not one; whose: not the storm
        # (a wording outlets vary) but what is counted with its frame, which is what makes
        # two outlets' tolls comparable
        (
            "The storm hit Porvik, killing at least five people and injuring 40.",
            "at least five",
            "people killed",
            "people",
            "killed",
        ),
        (
            "The storm hit Porvik, killing at least five people and injuring 40.",
            "40",
            "people injured",
            "people",
            "injured",
        ),
        ("The death toll in Porvik rose to 12 on Tuesday.", "12", "death toll", None, "killed"),
        (
            "Rescuers took nine fishermen into custody.",
            "nine",
            "fishermen arrested",
            "fishermen",
            "arrested",
        ),
        # a named agent keeps the count
        ("Valdoria arrested 30 fishermen.", "30", "Valdoria", "fishermen", "arrested"),
        (
            "Thirty people were killed by the landslide on Sunday.",
            "Thirty",
            "people killed",
            "people",
            "killed",
        ),
        # an age is a quantity of the person
        ("Marta Ilves, 52, was treated at the scene.", "52", "Marta Ilves", "age", "age"),
        ("The 61-year-old Osk Brand was unhurt.", "61", "Osk Brand", "age", "age"),
        # an age after a noun of people, after "aged" or "years old": the clause's person,
        # never the noun "aged" hangs on ("her sleep")
        (
            "The troubled singer, 29, was arrested late Friday.",
            "29",
            "troubled singer",
            "age",
            "age",
        ),
        (
            "Marta Ilves has died quietly at home aged 88.",
            "88",
            "Marta Ilves",
            "age",
            "age",
        ),
        ("Osk Brand has died in Porvik, aged 79.", "79", "Osk Brand", "age", "age"),
        ("Osk Brand was 41 years old.", "41", "Osk Brand", "age", "age"),
        ("Her sleep was short, aged 50 or not.", "50", None, None, "age"),
        # a length made a size by its adjective: the height of the clause's person
        (
            "Osk Brand, a stocky fellow who was roughly six feet tall, walked in.",
            "six feet",
            "Osk Brand's height",
            "feet",
            None,
        ),
        # a span of time takes no frame and no payer: "paid over ten years"
        (
            "Valdoria wants $4 million, paid over ten years by its neighbours.",
            "ten years",
            None,
            "years",
            None,
        ),
        (
            "They set up a nine-member joint commission.",
            "nine-member",
            "joint commission",
            "members",
            None,
        ),
        # no structural owner: what is counted, never the sentence's first name
        (
            "Garrow Police said dozens of people fled three hospitals.",
            "dozens",
            "people",
            "people",
            None,
        ),
    ],
)
def test_structure_from_the_parse(
    text: str, number: str, subject: str | None, measure: str | None, frame: str | None
) -> None:
    from storyline.nlp import load_spacy

    names = {"Valdoria": "gpe:valdoria", "Sorrel": "gpe:sorrel", "Marta Ilves": "per:ilves",
             "Osk Brand": "per:brand", "Porvik": "gpe:porvik", "Garrow Police": "org:garrow"}  # fmt: skip
    entities = ents(text, {k: v for k, v in names.items() if k in text})
    found = extract_quantities(art(text), load_spacy()(text), entities)
    (q,) = [q for q in found if number in q.text]
    assert (q.subject, q.frame) == (subject, frame), q
    if measure is not None:
        assert q.measure == measure, q


@pytest.mark.model
def test_parse_drops_dates_times_and_names() -> None:
    from storyline.nlp import load_spacy

    text = "On March 3 at 7:40 pm the Harrow 300 league met; 250 delegates came."
    found = extract_quantities(art(text), load_spacy()(text), [])
    assert [q.text for q in found] == ["250 delegates"]


@pytest.mark.parametrize(
    ("text", "needle", "subject"),
    [
        # the antecedent of a relative pronoun owns what its clause counts
        ("The atoll, which has about 3, 000 residents, lies far from the mainland.",
         "about 3, 000 residents", "atoll"),
        # a distance's reference point: the place after "southwest of"
        ("Seismologists said the quake was 40 miles southwest of Port Halden.",
         "40 miles", "Port Halden"),
        # a crowd in the place before "where" (the parse hangs "where" on the main verb)
        ("Scuffles broke out in Velmora where approximately 12, 000 people marched.",
         "approximately 12, 000 people", "Velmora"),
        # "home to" after a place across a comma
        ("The tremor was centred near Brask Island, home to 9, 000 people, the agency said.",
         "9, 000 people", "Brask Island"),
        # a length a motion verb governs is that motion's, with the mover when named
        ("A 41-year-old Danish hiker fell about 90 metres from a ridge near the hut.",
         "about 90 metres", "41-year-old Danish hiker's fall"),
        ("Officers chased him for 25 miles before he stopped.", "25 miles", "chase"),
        # no owner: the noun the number measures
        ("The van did not stop, reaching speeds of up to 110 mph.", "up to 110", "speeds"),
    ],
)  # fmt: skip
def test_subject_from_the_clause_structure(text: str, needle: str, subject: str) -> None:
    from storyline.nlp import load_spacy

    found = extract_quantities(art(text), load_spacy()(text), [])
    got = {q.text: q.subject for q in found}
    assert needle in got, got
    assert got[needle] == subject


@pytest.mark.parametrize(
    ("text", "cited", "value", "hedge", "measure", "frame"),
    [
        ("A 41-year-old Tolm climber is dead after a fall on Mount Varn.", "climber is dead",
         1, "exact", "climbers", "killed"),
        ("Police said one ferryman was injured when the ramp gave way.", "ferryman was injured",
         1, "exact", "ferrymen", "injured"),
        ("A hiker went missing near the Varn pass on Sunday.", "hiker went missing",
         1, "exact", "hikers", "missing"),
        ("Second hiker dies on Mount Varn", "Second hiker dies", 2, "at_least", "hikers", "killed"),
        ("Rescuers recovered the body of the third skier to be killed on the Varn slopes.",
         "third skier to be killed", 3, "at_least", "skiers", "killed"),
    ],
)  # fmt: skip
def test_implied_counts(
    text: str, cited: str, value: float, hedge: str, measure: str, frame: str
) -> None:
    (q,) = [q for q in quantities(text) if q.frame == frame]
    assert (q.text, q.value, q.hedge, q.measure) == (cited, value, hedge, measure)


@pytest.mark.parametrize(
    "text",
    [
        "Not a single climber was injured in the Varn avalanche.",
        "If a climber dies on the ridge, the route will close.",
        "The scandal that toppled a minister has died down in Tolm.",
        "A climber and his guide died on the ridge.",  # two people: no count of one
        "Officials said the second guard was injured.",  # may only be the other of two
        "A ferry is dead in the water after the storm.",  # no: "a ferry is dead" is no toll
    ],
)
def test_no_implied_count(text: str) -> None:
    assert [q for q in quantities(text) if q.frame in ("killed", "injured", "missing")] == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The council passed a $40 million harbour budget.", "harbour budget"),
        ("Lenders approved a 40 billion euro bailout for the port.", "bailout for the port"),
        ("Auditors traced 80 percent of the missing grain.", "missing grain"),
        ("Thieves took paintings worth $2 million.", "paintings"),
        # no noun beside the sum: no subject rather than a guess
        ("She was paid $3 million to stage the opera.", None),
        ("The mill earned $5 million last year.", None),
    ],
)
def test_sum_subject_without_parse(text: str, subject: str | None) -> None:
    (q,) = quantities(text)
    assert q.subject == subject, q


def test_counted_subject_and_vague_amounts_without_parse() -> None:
    found = quantities("Thousands of ballots were lost and dozens of clerks resigned.")
    assert [(q.subject, q.hedge, q.value, q.low) for q in found] == [
        ("ballots", "vague", None, 2000),
        ("clerks", "vague", None, 24),
    ]
    # a year is not a quantity; a toll's subject names what is counted and the frame
    (q,) = quantities("The 2019 pact failed and the flood killed 14 villagers.")
    assert (q.value, q.subject, q.frame) == (14, "villagers killed", "killed")


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("3 dead after rioters torched a depot", None),  # the dead are not the rioters
        ("Two Marta Ilves free kicks won it.", None),  # a name is not what is counted
        ("The firm hired 40 co-workers.", "co-workers"),
    ],
)
def test_counted_noun_stops_at_a_clause_or_a_name(text: str, measure: str | None) -> None:
    (q,) = quantities(text)
    assert q.measure == measure, q


def test_decades_are_not_amounts() -> None:
    assert quantities("The mill closed in the late nineteen seventies.") == []


@pytest.mark.model
def test_level_verb_measures_its_subject_not_the_unit() -> None:
    """A level verb measures its subject: "turnout reached 61 percent" is the turnout's."""
    from storyline.nlp import load_spacy

    text = "Officials said turnout reached 61 percent in the vote."
    (q,) = extract_quantities(art(text), load_spacy()(text), [])
    assert (q.subject, q.measure) == ("turnout", "percent"), q


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "number", "subject", "frame"),
    [
        # a part of a counted group: the clause's frame, and no "12 miners" as its owner
        ("Seven of the 12 miners were rescued on Friday.", "Seven", "miners rescued", "rescued"),
        # a bare number carrying its frame word counts people
        ("He said 30 of the 75 wounded were still in hospital.", "30", "people injured", "injured"),
    ],
)
def test_partitive_counts(text: str, number: str, subject: str | None, frame: str) -> None:
    from storyline.nlp import load_spacy

    found = extract_quantities(art(text), load_spacy()(text), [])
    (q,) = [q for q in found if q.text.startswith(number)]
    assert (q.subject, q.frame) == (subject, frame), q


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Osk Brand has died in Porvik, aged 79.", "Osk Brand"),
        ("Osk Brand was 41 years old.", "Osk Brand"),
        # a place is never a person's age; a clause break unbinds the name
        ("Porvik mourned; aged 79, the town's oldest man died.", None),
        ("Osk Brand left; aged 79, the man died.", None),
        # a name the entity rules missed, right before the commas; an age compound's noun
        ("Police said Voss, 33, entered a clinic.", "Voss"),
        ("The 15-year-old Greek boy whose kin spoke was hurt.", "Greek boy"),
        ("The 40-year-old challenger never recovered.", "challenger"),
        ("The 86-year-old hall was gutted.", "hall"),
    ],
)
def test_age_by_rules_is_the_last_person_named(text: str, subject: str | None) -> None:
    entities = [
        Entity(id=eid, name=name, type=kind, mentions=[Cite("q1", m.start(), m.end())])
        for name, eid, kind in (("Osk Brand", "per:brand", "PERSON"), ("Porvik", "gpe:p", "GPE"))
        for m in re.finditer(name, text)
    ]
    (q,) = [q for q in quantities(text, entities) if q.frame == "age"]
    assert q.subject == subject


def test_spaced_decimal_points_of_tokenised_text() -> None:
    """ "$27. 5 million": a decimal point spaced like a full stop is read whole (the sentence
    splitter's break inside it is undone); a full stop between numbers is not."""
    found = quantities("He was fined $1. 25 million and his bail was $27. 5 million.")
    assert [(q.text, q.value) for q in found] == [
        ("$1. 25 million", 1_250_000),
        ("$27. 5 million", 27_500_000),
    ]
    assert [q.value for q in quantities("Turnout was 61. 5 percent.")] == [61.5]
    assert [q.value for q in quantities("The team won 3. 5 players were hurt.")] == [3, 5]
    # a magnitude's spaced point, by the magnitude word before it or after its fraction
    for text in (
        "The survey office said the tremor had a magnitude of 5. 9.\nMore later.",
        "Shaking from a quake registering 6. 7 on the Richter scale reached the coast.",
        "A 5. 9 magnitude quake hit.",
    ):
        (q,) = quantities(text)
        assert (q.value, q.measure) in ((5.9, "magnitude"), (6.7, "magnitude")), q


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "needle", "subject"),
    [
        # a sum "in" a plural noun is that noun's; "in the case" names no sum
        ("The courier, who handed over more than $250,000 in bribes to the clerks, died.",
         "more than $250,000", "bribes"),
        ("The club offered $75,000 in the case.", "$75,000", "club"),
        # "the number of X" a level verb sets: X, not the verb's agent
        ("The injuries brought to 14 the number of Harlow players on the injured list.",
         "14", "Harlow players"),
        # a bare casualty count counts people, "others" too
        ("A gunman opened fire at the depot, killing four and injuring two others.",
         "four", "people killed"),
        ("A gunman opened fire at the depot, killing four and injuring two others.",
         "two others", "people injured"),
        # a measured noun: its level, with the verb's speed and limit words
        ("Her blood-alcohol level was 0.3 percent, the charges say.", "0.3 percent",
         "alcohol level"),
        ("A test showed 0. 06 percent, under the legal limit of 0. 08 percent.",
         "0. 08 percent", "legal limit"),
        ("Troopers chased the van for 20 miles, through a work zone, at speeds up to 110 mph "
         "before it stopped, the sheriff said.", "up to 110", "speeds"),
        # a length on a preposition or an adverb is its verb's: a fall, a witness's distance
        ("The 41-year-old, who lived in Porvik, slipped and fell about 90 metres down a steep "
         "gully, police said.", "about 90 metres", "fall"),
        ("A witness who had left the shop was 15 feet away.", "15 feet", "witness's distance"),
        # the event a raising verb's complement names: "were said to have been rescued"
        ("Three hikers with Mr Voss were said to have been rescued at dawn from the ridge.",
         "Three hikers", "hikers rescued"),
        ("At least 30 villagers are feared dead after the slide.", "At least 30 villagers",
         "villagers killed"),
        ("Three players were expected to start.", "Three players", "players"),
        # "N of them": the clause counts them; "a town of N": the town's size
        ("The guard is accused of shooting four colleagues, killing two of them.", "two",
         "people killed"),
        ("The town of 14, 000 has shrunk for a decade.", "14, 000", "town"),
        # a price "for" which something was sold or bought: what changed hands
        ("Velmar bought the old ferry for $2 million.", "$2 million", "old ferry"),
        # the place a distance is measured off; a fall "from" a ridge is no reference point
        ("The attack took place about 80 nautical miles off Velmar.",
         "about 80 nautical miles", "Velmar"),
        # a measured noun "of" the amount, owned by the clause's subject
        ("Ossa Lind, 41, showed a blood alcohol level of 0.19 percent, police said.",
         "0.19 percent", "Ossa Lind's blood alcohol level"),
    ],
)  # fmt: skip
def test_subjects_of_sums_levels_and_bare_counts(text: str, needle: str, subject: str) -> None:
    from storyline.nlp import load_spacy

    found = extract_quantities(art(text), load_spacy()(text), [])
    got = {q.text: q.subject for q in found}
    assert needle in got, got
    assert got[needle] == subject


@pytest.mark.model
def test_a_shared_age_after_both() -> None:
    """ "Roe and Poe, both 47,": an age, given for the people before it."""
    from storyline.nlp import load_spacy

    text = "Officer Ivo Tamm and Sergeant Lars Peet, both 47, died at the scene."
    found = extract_quantities(art(text), load_spacy()(text), [])
    (q,) = [q for q in found if q.text == "47"]
    assert (q.frame, q.measure) == ("age", "age")
    assert q.subject is not None and "Tamm" in q.subject


@pytest.mark.parametrize("parsed", [False, pytest.param(True, marks=pytest.mark.model)])
def test_a_number_in_a_subheading_has_no_subject(parsed: bool) -> None:
    from storyline.models import Span

    text = "The talks stalled.\n\nA $3 billion question\n\nValdia wants a fund of $3 billion."
    head = text.index("A $3")
    article = Article(
        id="q1", source="t", text=text, raw=text, title="t",
        headings=(Span(head, head + len("A $3 billion question")),),
    )  # fmt: skip
    doc = None
    if parsed:
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    found = extract_quantities(article, doc, [])
    assert [q.subject for q in found if q.cite.start < head + 25] == [None]
