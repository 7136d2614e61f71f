"""Stances: actor, type, target and condition, by parse and by rules.

All text here is written for these tests. Each case runs on the rules-only path and on
the spaCy path (marked ``model``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.models import Article, Cite, Entity, Stance
from storyline.stages.prepare.extract.stances import STANCE_TYPES, extract_stances

REPO = Path(__file__).resolve().parent.parent

GAZ = {
    "Norway": ("gpe:norway", "GPE"),
    "Chile": ("gpe:chile", "GPE"),
    "Peru": ("gpe:peru", "GPE"),
    "Kenya": ("gpe:kenya", "GPE"),
    "Brazil": ("gpe:brazil", "GPE"),
    "Japan": ("gpe:japan", "GPE"),
    "Egypt": ("gpe:egypt", "GPE"),
    "Italy": ("gpe:italy", "GPE"),
    "Spain": ("gpe:spain", "GPE"),
    "Ghana": ("gpe:ghana", "GPE"),
    "Ana Ruiz": ("per:ana-ruiz", "PERSON"),
    "the council": ("org:council", "ORG"),
}

MODES = ["rules", pytest.param("spacy", marks=pytest.mark.model)]


def entities_for(text: str) -> list[Entity]:
    out = []
    for surface, (eid, typ) in GAZ.items():
        cites = [
            Cite("s1", m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(surface)}\b", text)
        ]
        if cites:
            out.append(
                Entity(
                    id=eid, name=surface if typ != "ORG" else "Council", type=typ, mentions=cites
                )
            )
    # an unnamed official who stands for Norway, with a later back-reference
    anon = [
        Cite("s1", m.start(), m.end())
        for m in re.finditer(r"[Aa] Norwegian official|the official", text)
    ]
    if anon:
        out.append(
            Entity(
                id="anon:norwegian-official",
                name="Norwegian official",
                type="UNNAMED",
                mentions=anon,
                affiliation="gpe:norway",
            )
        )
        if not any(e.id == "gpe:norway" for e in out):
            out.append(Entity(id="gpe:norway", name="Norway", type="GPE", mentions=[]))
    return out


def stances(text: str, mode: str) -> list[Stance]:
    a = Article(id="s1", source="t", text=text, raw=text, title="t")
    doc = None
    if mode == "spacy":
        from storyline.nlp import load_spacy

        doc = load_spacy()(text)
    found = extract_stances(a, doc, entities_for(text))
    for s in found:
        assert s.stance in STANCE_TYPES
        for c in s.cites:
            assert c.article == "s1" and 0 <= c.start < c.end <= len(text)
    return found


def find(found: list[Stance], stance: str) -> Stance:
    hits = [s for s in found if s.stance == stance]
    assert hits, [(s.actor, s.stance, s.target) for s in found]
    return hits[0]


@pytest.mark.parametrize("mode", MODES)
def test_offer_with_condition(mode: str) -> None:
    s = find(
        stances("Norway is ready to send 500 engineers if the council approves the plan.", mode),
        "offer",
    )
    assert (s.actor, s.actor_entity) == ("Norway", "gpe:norway")
    assert "500 engineers" in s.target
    assert s.condition == "the council approves the plan"


@pytest.mark.parametrize("mode", MODES)
def test_trigger_inside_a_condition_is_no_stance(mode: str) -> None:
    found = stances("Norway is ready to send 500 engineers if the council approves the plan.", mode)
    assert [s.stance for s in found] == ["offer"]


@pytest.mark.parametrize("mode", MODES)
def test_negated_without_is_a_condition(mode: str) -> None:
    s = find(
        stances("Chile will not commit soldiers without a parliamentary vote.", mode), "condition"
    )
    assert (s.actor, s.target, s.condition) == ("Chile", "commit soldiers", "a parliamentary vote")


@pytest.mark.parametrize("mode", MODES)
def test_only_if_is_a_condition(mode: str) -> None:
    s = find(
        stances("Peru has said it would only join if the force got a clear mandate.", mode),
        "condition",
    )
    assert (s.actor, s.target, s.condition) == ("Peru", "join", "the force got a clear mandate")


@pytest.mark.parametrize("mode", MODES)
def test_requirement_of_actors_is_their_condition(mode: str) -> None:
    s = find(
        stances("Ana Ruiz said that potential partners would require a formal mandate.", mode),
        "condition",
    )
    assert s.actor == "potential partners"
    assert s.condition == "a formal mandate"


@pytest.mark.parametrize("mode", MODES)
def test_requirement_of_a_thing_is_the_speakers_demand(mode: str) -> None:
    s = find(stances("Ana Ruiz said the mission would require a formal mandate.", mode), "demand")
    assert s.actor == "Ana Ruiz"
    assert "formal mandate" in s.target


@pytest.mark.parametrize("mode", MODES)
def test_pledge_reject_oppose(mode: str) -> None:
    assert find(stances("Kenya pledged 1,000 police officers.", mode), "pledge").actor == "Kenya"
    s = find(stances("Brazil rejected the proposal outright.", mode), "reject")
    assert (s.actor, s.target) == ("Brazil", "the proposal outright")
    s = find(stances("Japan does not support the new plan.", mode), "oppose")
    assert (s.actor, s.target) == ("Japan", "the new plan")


@pytest.mark.parametrize("mode", MODES)
def test_first_person_in_a_quote_is_the_speakers_affiliation(mode: str) -> None:
    text = "A Norwegian official spoke to reporters.\n“We want a short mandate,” the official said."
    s = find(stances(text, mode), "demand")
    assert (s.actor, s.actor_entity, s.target) == ("Norway", "gpe:norway", "a short mandate")


@pytest.mark.parametrize("mode", MODES)
def test_quoted_refusal_with_a_leading_condition(mode: str) -> None:
    text = (
        "A Norwegian official spoke.\n“If Spain sends medics, we won’t say no,” said the official."
    )
    s = find(stances(text, mode), "agree")
    assert s.actor == "Norway"
    assert s.condition == "Spain sends medics"


@pytest.mark.parametrize("mode", MODES)
def test_must_is_the_speakers_demand(mode: str) -> None:
    s = find(stances("Ana Ruiz said the mission must have a clear legal basis.", mode), "demand")
    assert s.actor == "Ana Ruiz"
    assert s.target == "the mission must have a clear legal basis"


@pytest.mark.parametrize("mode", MODES)
def test_warning_with_a_condition(mode: str) -> None:
    s = find(
        stances("Egypt warned that no deal could be signed without its consent.", mode), "warn"
    )
    assert (s.actor, s.target, s.condition) == ("Egypt", "no deal could be signed", "its consent")


@pytest.mark.parametrize("mode", MODES)
def test_pronoun_in_a_reported_clause(mode: str) -> None:
    s = find(stances("Italy said it was willing to train the new police.", mode), "offer")
    assert (s.actor, s.target) == ("Italy", "train the new police")


@pytest.mark.parametrize("mode", MODES)
def test_demands_and_oppositions(mode: str) -> None:
    found = stances("Ghana is pushing to ensure the force is not led by one state.", mode)
    assert (find(found, "demand").actor, find(found, "demand").target) == (
        "Ghana",
        "the force is not led by one state",
    )
    found = stances("Chile would avoid any role in the south.", mode)
    assert find(found, "oppose").target == "any role in the south"


@pytest.mark.parametrize(
    ("text", "stance", "actor", "target"),
    [
        (
            "Brazil condemned the attack on the convoy.",
            "accuse",
            "Brazil",
            "the attack on the convoy",
        ),
        ("Kenya welcomed the ceasefire.", "support", "Kenya", "the ceasefire"),
        ("Peru agreed to a truce with the rebels.", "agree", "Peru", "a truce with the rebels"),
        (
            "Chile is in talks with Egypt about the plan.",
            "consult",
            "Chile",
            "Egypt about the plan",
        ),
        ("Spain, in coordination with Italy, drafted the text.", "cooperate", "Spain", "Italy"),
        ("Ghana pulled back its forces.", "retreat", "Ghana", "pulled back its forces"),
        ("Japan threatened to leave the talks.", "threaten", "Japan", "leave the talks"),
        ("Egypt called for an immediate halt.", "demand", "Egypt", "an immediate halt"),
        ("Norway asked for more time.", "request", "Norway", "more time"),
    ],
)
@pytest.mark.parametrize("mode", MODES)
def test_stance_types(mode: str, text: str, stance: str, actor: str, target: str) -> None:
    s = find(stances(text, mode), stance)
    assert (s.actor, s.target) == (actor, target)


@pytest.mark.parametrize("mode", MODES)
def test_backing_down_concedes_what_was_opposed(mode: str) -> None:
    found = stances("Peru was hesitant to accept the mandate but backed down under pressure.", mode)
    assert find(found, "oppose").target == "accept the mandate"
    assert (find(found, "concede").actor, find(found, "concede").target) == (
        "Peru",
        "accept the mandate",
    )


@pytest.mark.parametrize("mode", MODES)
def test_no_actor_no_stance(mode: str) -> None:
    assert stances("The draft calls for a review of the mandate.", mode) == []


def test_stance_types_are_documented() -> None:
    doc = (REPO / "docs" / "stances.md").read_text(encoding="utf-8")
    for name in STANCE_TYPES:
        assert f"`{name}`" in doc, name
    assert {"support", "oppose", "demand", "condition", "pledge", "offer", "reject", "warn"} <= set(
        STANCE_TYPES
    )


@pytest.mark.parametrize("mode", MODES)
def test_passive_agent_is_the_actor(mode: str) -> None:
    s = find(stances("The new levy was opposed by Chile and Peru in the vote.", mode), "oppose")
    found = [
        x
        for x in stances("The new levy was opposed by Chile and Peru in the vote.", mode)
        if x.stance == "oppose"
    ]
    assert {x.actor for x in found} == {"Chile", "Peru"}
    assert s.target == "The new levy"


@pytest.mark.parametrize("mode", MODES)
def test_trigger_used_as_a_noun(mode: str) -> None:
    assert stances("Brazil did not answer a request for comment.", mode) == []
    assert stances("The offer was a start, Kenya said.", mode) == []
    s = find(stances("Norway's offer of 300 medics was welcomed.", mode), "offer")
    assert (s.actor, s.actor_entity, s.target) == ("Norway", "gpe:norway", "300 medics")


@pytest.mark.parametrize("mode", MODES)
def test_they_inside_a_quotation_is_not_resolved_by_guess(mode: str) -> None:
    text = "Kenya held talks on Monday.\n“They offered us very little,” Ana Ruiz said."
    assert not [s for s in stances(text, mode) if s.stance == "offer"]


# -- the actor is the clause's subject, never the nearest name (issue 17) ------------------------


def actors(found: list[Stance], stance: str) -> list[str]:
    return [s.actor for s in found if s.stance == stance]


@pytest.mark.parametrize("mode", MODES)
def test_actor_is_the_subject_not_a_prepositional_object(mode: str) -> None:
    found = stances("Under pressure from Ana Ruiz, Chile withdrew from the fisheries pact.", mode)
    assert actors(found, "retreat") == ["Chile"]


@pytest.mark.parametrize("mode", MODES)
def test_actor_of_a_reported_clause_is_its_own_subject(mode: str) -> None:
    found = stances("Ana Ruiz said on Tuesday that Chile rejected the harbour treaty.", mode)
    assert actors(found, "reject") == ["Chile"]


@pytest.mark.parametrize("mode", MODES)
def test_object_of_an_earlier_verb_is_not_the_actor(mode: str) -> None:
    found = stances("Chile met Ana Ruiz on Monday and rejected the harbour treaty.", mode)
    assert "Ana Ruiz" not in actors(found, "reject")


@pytest.mark.parametrize("mode", MODES)
def test_passive_agent_is_the_actor_of_a_rejection(mode: str) -> None:
    s = find(stances("The harbour treaty was rejected by Peru on Monday.", mode), "reject")
    assert s.actor == "Peru" and s.target == "The harbour treaty"


@pytest.mark.parametrize("mode", MODES)
def test_no_name_in_subject_position_no_stance(mode: str) -> None:
    found = stances("A post by Ana Ruiz about Kenya rejected the audit findings.", mode)
    assert actors(found, "reject") == []


@pytest.mark.parametrize("mode", MODES)
def test_coordinated_subjects_are_all_actors(mode: str) -> None:
    found = stances("Chile and Peru pledged to send two ships.", mode)
    assert sorted(actors(found, "pledge")) == ["Chile", "Peru"]


@pytest.mark.parametrize("mode", MODES)
def test_apposition_does_not_hide_the_subject(mode: str) -> None:
    found = stances("Ana Ruiz, who met the envoy from Kenya, rejected the harbour treaty.", mode)
    assert actors(found, "reject") == ["Ana Ruiz"]


@pytest.mark.parametrize("mode", MODES)
def test_denial_keeps_its_actor_and_is_never_the_opposite(mode: str) -> None:
    found = stances("Kenya has denied seeking nuclear weapons.", mode)
    assert found, "the denied stance is kept, marked"
    for s in found:
        assert s.actor == "Kenya"
        assert s.polarity == "denied", (s.stance, s.polarity)
        assert s.stance not in ("reject", "oppose")  # a denial is not the opposite stance


@pytest.mark.model
def test_actor_with_real_entities_is_the_subject() -> None:
    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract.entities import extract_entities

    text = (
        "Under pressure from Governor Lena Ostrova, President Tomas Hale withdrew from the "
        "fisheries pact in March. Marta Quill said that Hale rejected the harbour treaty."
    )
    a = Article(id="s1", source="t", text=text, raw=text, title="t")
    for doc in (None, load_spacy()(text)):
        found = extract_stances(a, doc, extract_entities(a, doc))
        assert {s.actor for s in found} == {"Tomas Hale"}, [(s.actor, s.stance) for s in found]


@pytest.mark.parametrize("mode", MODES)
def test_contracted_negation_is_a_negation(mode: str) -> None:
    found = stances("Peru won't accept the harbour treaty.", mode)
    assert [(s.actor, s.stance) for s in found] == [("Peru", "reject")]


@pytest.mark.parametrize("mode", MODES)
def test_not_yet_endorsed_is_no_opposition(mode: str) -> None:
    found = stances(
        "Peru has not endorsed a candidate, and Chile hasn't backed the plan yet.", mode
    )
    assert [s for s in found if s.stance in ("oppose", "reject")] == []
    found = stances("Peru does not support the plan.", mode)
    assert find(found, "oppose").actor == "Peru"


@pytest.mark.parametrize("mode", MODES)
def test_conjunct_without_subject_shares_the_clause_subject(mode: str) -> None:
    found = stances("Peru, the envoy added, is seeking a vote, but would avoid a veto.", mode)
    assert actors(found, "oppose") == ["Peru"]


def test_conjunct_takes_the_nearest_clause_with_a_subject() -> None:
    # rules only: spaCy may attach "would avoid" to "said" (the sentence allows both)
    found = stances("Ana Ruiz said that Chile is seeking a vote, but would avoid a veto.", "rules")
    assert actors(found, "oppose") == ["Chile"]


@pytest.mark.parametrize("mode", MODES)
def test_a_passive_with_no_agent_is_not_the_subjects_stance(mode: str) -> None:
    # the subject undergoes the accusation: never "Ana Ruiz accuses …"
    found = stances("Ana Ruiz and Chile are accused of hiding the payments from the council.", mode)
    assert not any(s.actor in ("Ana Ruiz", "Chile") for s in found), found
    found = stances("Chile was criticized for the long delays at the border.", mode)
    assert not any(s.actor == "Chile" for s in found), found
    # "is opposed to" is an adjective: a stance of its subject
    assert (
        find(stances("Chile is opposed to the plan of the council.", mode), "oppose").actor
        == "Chile"
    )


# -- actors from the clause's grammar (issue 17, branch s6) ----------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_modal_is_never_its_subjects_own_demand(mode: str) -> None:
    # "Chile must send troops" said by Ruiz is Ruiz's demand about Chile
    s = find(stances("Ana Ruiz said Chile must send more troops.", mode), "demand")
    assert s.actor == "Ana Ruiz"
    # the writer's own "must" (a law's requirement) is nobody's demand
    found = stances("Under the new statute, Chile must send a yearly report.", mode)
    assert not [x for x in found if x.stance == "demand"]


@pytest.mark.model
def test_object_controls_the_infinitive() -> None:
    found = stances("The drought drove Chile to demand a new water treaty.", "spacy")
    assert all(s.actor != "Chile" or s.stance == "demand" for s in found)
    assert find(found, "demand").actor == "Chile"
    found = stances("The council called on Peru to block the merger.", "spacy")
    assert all(s.actor != "Council" for s in found if s.stance == "oppose")
    # promise is no object-control verb: the promiser does it
    s = find(stances("Kenya promised voters to oppose the new tax.", "spacy"), "pledge")
    assert s.actor == "Kenya"


@pytest.mark.parametrize("mode", MODES)
def test_a_particle_back_is_no_support(mode: str) -> None:
    for text in (
        "The Chile campaign pushed back against the new tariff.",
        "Brazil gave Peru a back-handed compliment on the tariff.",
    ):
        assert not [s for s in stances(text, mode) if s.stance == "support"], text


@pytest.mark.model
def test_a_participle_before_its_noun_is_no_stance() -> None:
    found = stances("Kenya owns two lobbying and consulting firms.", "spacy")
    assert not [s for s in found if s.stance == "consult"]


@pytest.mark.parametrize("mode", MODES)
def test_a_possessor_of_support_is_not_its_giver(mode: str) -> None:
    found = stances("Chile's support among farmers grew after the vote.", mode)
    assert not [s for s in found if s.stance == "support"]


@pytest.mark.parametrize("mode", MODES)
def test_an_actor_the_target_opens_with_is_dropped(mode: str) -> None:
    found = stances("With most of the people over 60 supporting Chile, the count was tight.", mode)
    assert all(s.actor != "Chile" for s in found)


@pytest.mark.model
def test_they_of_a_plural_subject_that_is_no_actor() -> None:
    text = "Ghana held a poll, and many farmers made it clear they did not agree with the plan."
    assert all(s.actor != "Ghana" for s in stances(text, "spacy"))


@pytest.mark.model
def test_a_participle_after_an_object_keeps_the_subject() -> None:
    # "called Chile reckless, accusing it of …": no infinitive, so Peru accuses
    found = stances("Peru called Chile reckless, accusing it of hiding the report.", "spacy")
    assert all(s.actor != "Chile" for s in found if s.stance == "accuse")


@pytest.mark.model
def test_meeting_a_deadline_is_no_consultation() -> None:
    found = stances("Chile met the deadline for the new report.", "spacy")
    assert not [s for s in found if s.stance == "consult"]
    s = find(stances("Chile met Peru in the capital.", "spacy"), "consult")
    assert s.actor == "Chile"


@pytest.mark.model
def test_a_conjoined_relative_clause_is_about_its_noun() -> None:
    text = "The group, in which Ana Ruiz held an early post, and which supported the treaty, met."
    assert all(s.actor != "Ana Ruiz" for s in stances(text, "spacy") if s.stance == "support")


@pytest.mark.parametrize("mode", MODES)
def test_an_object_pronoun_before_the_infinitive_is_no_actor(mode: str) -> None:
    found = stances("Ana Ruiz could ask them to support a rival nominee.", mode)
    assert all(s.actor != "Ana Ruiz" for s in found if s.stance == "support")


# -- actors (issue 17, branch s8) ----------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_asked_to_is_the_askers_request_not_the_objects_stance(mode: str) -> None:
    found = stances("Ana Ruiz asked Peru to support the harbour treaty.", mode)
    assert not [s for s in found if s.stance == "support"], "Peru was only asked"
    s = find(found, "request")
    assert s.actor == "Ana Ruiz"
    assert s.target.startswith("Peru to support")
    # a conjoined infinitive is only asked for too
    found = stances("Ana Ruiz asked Peru to leave the talks and seek a new mandate.", mode)
    assert all(s.actor == "Ana Ruiz" for s in found), [(s.actor, s.stance) for s in found]
    # "asked by X to …" is no request of the subject's
    found = stances("Asked by Ana Ruiz to comment on the plan, Chile said nothing.", mode)
    assert not [s for s in found if s.stance == "request" and s.actor == "Chile"]


@pytest.mark.model
def test_urged_to_gives_the_object_no_stance() -> None:
    found = stances("Ana Ruiz urged Kenya to reject the harbour treaty.", "spacy")
    assert not [s for s in found if s.actor == "Kenya"]
    assert find(found, "demand").actor == "Ana Ruiz"


@pytest.mark.model
def test_singular_relative_clause_on_conjoined_names() -> None:
    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract.entities import extract_entities

    for text, want in (
        (
            "Backers include Dara Hollis and Ivo Brandt, who was among the first senators "
            "to endorse the governor.",
            {"Ivo Brandt"},
        ),
        (
            "Two members of the port board, Dara Hollis and Ivo Brandt, have said they "
            "will not back the new levy.",
            {"Dara Hollis", "Ivo Brandt"},
        ),
    ):
        a = Article(id="s1", source="t", text=text, raw=text, title="t")
        doc = load_spacy()(text)
        found = extract_stances(a, doc, extract_entities(a, doc))
        assert {s.actor for s in found} == want, [(s.actor, s.stance) for s in found]


@pytest.mark.model
def test_government_of_a_country_names_the_country() -> None:
    s = find(stances("The government of Ghana has agreed to host the summit.", "spacy"), "agree")
    assert s.actor_entity == "gpe:ghana"
    assert "Ghana" in s.actor


@pytest.mark.model
def test_she_after_a_role_noun_is_that_person_not_the_last_woman() -> None:
    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract.entities import extract_entities

    # "the actress" refers back to no one the text names (Hollis is no actress, and not
    # the last sentence's subject): she is the actress, so no actor, never Hollis
    text = (
        "Dara Hollis won the harbour seat in May. The levy passed on Monday. Ben Sark spoke "
        "next. The actress said she had had enough of the board and wanted a new chair."
    )
    a = Article(id="s1", source="t", text=text, raw=text, title="t")
    doc = load_spacy()(text)
    found = extract_stances(a, doc, extract_entities(a, doc))
    assert all(s.actor != "Dara Hollis" for s in found), [(s.actor, s.stance) for s in found]


@pytest.mark.model
def test_whose_leaders_are_the_leaders_of_the_noun_it_follows() -> None:
    found = stances(
        "The deal raises the threat to Norway from Kenya, whose leaders have called for a "
        "new border.",
        "spacy",
    )
    s = find(found, "demand")
    assert s.actor_entity == "gpe:kenya", (s.actor, s.actor_entity)
    assert "whose" not in s.actor


@pytest.mark.model
def test_a_name_the_parse_reads_as_a_modifier_is_no_fallback_actor() -> None:
    from storyline.nlp import load_spacy
    from storyline.stages.prepare.extract.entities import extract_entities

    text = (
        "But she has also vowed to go further than Mr. Hale in granting visas to "
        "migrants, opposed his flagship Trans-Pacific trade pact and exceeded his plans "
        "to beat the rebels by demanding a no-fly zone over Syria."
    )
    a = Article(id="s1", source="t", text=text, raw=text, title="t")
    doc = load_spacy()(text)
    found = extract_stances(a, doc, extract_entities(a, doc))
    assert all("Pacific" not in s.actor for s in found), [(s.actor, s.stance) for s in found]


@pytest.mark.parametrize("mode", MODES)
def test_urging_on_a_crowd_is_no_demand(mode: str) -> None:
    """ "urge on" is the phrasal verb of cheering someone on, not a request; a day after
    "on" still leaves the demand."""
    found = stances("Ana Ruiz stood by the ring, urging on the fans when the chants began.", mode)
    assert [s.stance for s in found if s.stance == "demand"] == []
    found = stances("Ana Ruiz urged on Monday that Chile reopen the border.", mode)
    assert [s.actor for s in found if s.stance == "demand"] == ["Ana Ruiz"]


@pytest.mark.parametrize("mode", MODES)
def test_being_free_to_support_is_no_stance(mode: str) -> None:
    """What an actor may do ("free to support", "allowed to oppose") is no stance it takes;
    the same trigger without the permission still is one."""
    found = stances("Delegates from Chile are free to support either plan at the summit.", mode)
    assert [s.stance for s in found if s.stance == "support"] == []
    found = stances("Chile is allowed to oppose the plan under the treaty.", mode)
    assert [s.stance for s in found if s.stance == "oppose"] == []
    found = stances("Chile will support the plan at the summit.", mode)
    assert [s.actor for s in found if s.stance == "support"] == ["Chile"]
