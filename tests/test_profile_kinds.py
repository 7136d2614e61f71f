"""The profile by story kind: each kind has its own fields, filled only from cited text.

Every example is made up for the project (invented places, people and firms).
"""

from __future__ import annotations

from report_fixture import article, cite, entities_for, qty, story_fixture
from storyline.models import ArticleFacts, Stance, Story
from storyline.stages.analysis.align import align
from storyline.stages.analysis.profile import (
    KIND_FIELDS,
    bare_verb,
    build_profile,
    named_in_cite,
    story_kind,
)
from storyline.stages.analysis.report import build_report

LAWSUIT_A = (
    "The Velmora port authority has filed a lawsuit against Korvan Works in the district "
    "court, alleging that the firm hid cracks in the harbour bridge cables.\n\n"
    "Korvan Works pledged 2 million dollars to a repair fund last year.\n\n"
    "The authority accused Korvan Works of falsifying inspection reports.\n\n"
    "A judge will hear the complaint in June."
)
LAWSUIT_B = (
    "Korvan Works was sued on Monday by the Velmora port authority, which says the firm "
    "concealed damage to the bridge; the court has set a hearing.\n\n"
    "Prosecutors are also weighing charges, the lawsuit filed in court shows.\n\n"
    "Korvan Works pledged to cooperate with investigators."
)
QUAKE_A = (
    "A magnitude 6.1 earthquake struck the hill town of Tessaly on Sunday, and rescuers "
    "said 14 people were killed and dozens injured.\n\n"
    "Lunia sent rescue teams and tents to the quake zone."
)
QUAKE_B = (
    "The earthquake that hit Tessaly killed 14 people, officials said, as rescue crews "
    "searched collapsed houses.\n\nThe death toll may rise."
)

ACTORS = {
    "org:port-authority": ("ORG", ["Velmora port authority", "authority"]),
    "org:korvan-works": ("ORG", ["Korvan Works"]),
    "gpe:lunia": ("GPE", ["Lunia"]),
    "gpe:tessaly": ("GPE", ["Tessaly"]),
}


def _lawsuit() -> tuple[Story, list, list[ArticleFacts]]:  # type: ignore[type-arg]
    a, b = article("la01", LAWSUIT_A), article("lb01", LAWSUIT_B)
    fa = ArticleFacts(
        "la01",
        entities=entities_for(a, ACTORS),
        stances=[
            Stance("Korvan Works", "pledge", "2 million dollars to a repair fund", None,
                   [cite(a, "Korvan Works pledged 2 million dollars")], "org:korvan-works"),
            Stance("Velmora port authority", "accuse", "Korvan Works of falsifying inspection reports",
                   None, [cite(a, "The authority accused Korvan Works")], "org:port-authority"),
        ],
    )  # fmt: skip
    fb = ArticleFacts(
        "lb01",
        entities=entities_for(b, ACTORS),
        stances=[
            Stance("Korvan Works", "pledge", "cooperate with investigators", None,
                   [cite(b, "Korvan Works pledged to cooperate")], "org:korvan-works"),
        ],
    )  # fmt: skip
    story = Story("s-lawsuit00001", "Bridge lawsuit", ["la01", "lb01"], None, None, 2)
    return story, [a, b], [fa, fb]


def test_a_lawsuit_is_a_lawsuit_and_gets_no_force_fields() -> None:
    story, arts, facts = _lawsuit()
    assert story_kind(arts, align(arts, facts)) == "lawsuit"
    report = build_report(story, arts, facts)
    p = report.profile
    assert p.kind == "lawsuit"
    assert set(p.fields) <= set(KIND_FIELDS["lawsuit"])
    assert "contributors" not in p.fields and "size" not in p.fields
    assert not any("pledged or offered" in v.value for vs in p.fields.values() for v in vs)
    (acc,) = p.fields["accusations"]
    assert acc.value.startswith("Velmora port authority: accuse")
    assert acc.cites


def test_a_disaster_gets_casualties_apart_from_other_figures() -> None:
    a, b = article("qa01", QUAKE_A), article("qb01", QUAKE_B)
    fa = ArticleFacts(
        "qa01",
        entities=entities_for(a, ACTORS),
        quantities=[qty(a, "14 people were killed", "Tessaly", "gpe:tessaly", "people killed", 14,
                        "exact")],
        stances=[Stance("Lunia", "aid", "rescue teams and tents", None,
                        [cite(a, "Lunia sent rescue teams")], "gpe:lunia")],
    )  # fmt: skip
    fb = ArticleFacts(
        "qb01",
        entities=entities_for(b, ACTORS),
        quantities=[qty(b, "killed 14 people", "Tessaly", "gpe:tessaly", "people killed", 14,
                        "exact")],
    )  # fmt: skip
    story = Story("s-quake000001", "Quake", ["qa01", "qb01"], None, None, 2)
    p = build_report(story, [a, b], [fa, fb]).profile
    assert p.kind == "disaster"
    assert any(v.value.startswith("Tessaly: 14") for v in p.fields["casualties"])
    assert "figures" not in p.fields or all("14" not in v.value for v in p.fields["figures"])
    assert p.fields["aid"][0].value.startswith("Lunia: aid")


def test_a_force_keeps_its_dossier_and_an_unclear_story_is_a_story() -> None:
    story, arts, facts = story_fixture()
    p = build_profile(story, align(arts, facts), arts)
    assert p.kind == "force"
    assert p.fields.get("contributors") and p.fields.get("sponsors")
    rain = article("r001", "Rain fell over the valley on Tuesday. Farmers were pleased.")
    plain = Story("s-rain00000001", "Rain", ["r001"], None, None, 1)
    assert build_profile(plain, align([rain], []), [rain]).kind == "story"


def test_a_phrase_one_source_uses_in_passing_does_not_name_the_profile() -> None:
    a, b = article("qa01", QUAKE_A), article("qb01", QUAKE_B)
    c = article(
        "qc01",
        "The Tessaly earthquake killed 14 people, and the town's weekly radio program was "
        "cancelled as rescuers searched the rubble.",
    )
    arts = [a, b, c]
    facts = [ArticleFacts(x.id, entities=entities_for(x, ACTORS)) for x in arts]
    story = Story("s-quake000002", "Tessaly earthquake", [x.id for x in arts], None, None, 3)
    report = build_report(story, arts, facts)
    assert "program" not in report.profile.name.lower()
    assert report.profile.kind != "policy"


def test_positions_need_a_target_and_an_actor_named_in_their_cite() -> None:
    text = (
        "Korvan Works refused to comply with the order. The port authority rejected the "
        "audit. It wants the files by June."
    )
    a = article("lx01", text)
    texts = {a.id: text}
    comply = Stance(
        "Korvan Works", "reject", "comply", None, [cite(a, "Korvan Works refused to comply")]
    )
    audit = Stance(
        "port authority",
        "reject",
        "the audit",
        None,
        [cite(a, "The port authority rejected the audit")],
    )
    files = Stance(
        "Korvan Works", "demand", "the files", None, [cite(a, "It wants the files by June")]
    )
    cut = Stance(
        "officers", "demand", "would need to act", None, [cite(a, "The port authority rejected")]
    )
    assert bare_verb(comply, texts) and bare_verb(cut, texts)
    assert not bare_verb(audit, texts) and named_in_cite(audit, texts)
    assert not named_in_cite(files, texts)  # "It wants …": the actor is a guess


def test_a_story_of_no_clear_kind_shows_only_positions_several_sources_report() -> None:
    a = article(
        "ga01",
        "The Harbour Hawks beat the Tarn Rovers 3-1 on Sunday. Coach Ilse Varhol praised the defence.",
    )
    b = article(
        "gb01", "The Hawks won again on Sunday, beating Tarn 3-1 at home in front of a full stand."
    )
    actors = {"per:ilse-varhol": ("PERSON", ["Ilse Varhol"])}
    fa = ArticleFacts(
        "ga01",
        entities=entities_for(a, actors),
        stances=[
            Stance("Ilse Varhol", "support", "the defence", None,
                   [cite(a, "Coach Ilse Varhol praised the defence")], "per:ilse-varhol"),
        ],
    )  # fmt: skip
    fb = ArticleFacts("gb01", entities=entities_for(b, actors))
    story = Story("s-game00000001", "Hawks beat Rovers", ["ga01", "gb01"], None, None, 2)
    p = build_report(story, [a, b], [fa, fb]).profile
    assert p.kind == "story"
    assert "positions" not in p.fields  # one article's stance in a story of no kind


def test_a_central_bank_decision_is_a_policy() -> None:
    # "met" and "meeting" would read as a visit; the bank's rate and inflation say policy
    a = article(
        "ra01",
        "The Velmora central bank raised its key rate to 3.5% on Thursday after its board met "
        "for two days, as inflation stayed high.\n\nThe next meeting is in March.",
    )
    b = article(
        "rb01",
        "Velmora's central bank lifted interest rates on Thursday, its first rise in a year, "
        "saying inflation had not cooled.",
    )
    facts = [ArticleFacts("ra01"), ArticleFacts("rb01")]
    assert story_kind([a, b], align([a, b], facts)) == "policy"
