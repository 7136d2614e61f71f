"""Coreference for speakers: who "he", "they" or "the senator" is (extract stage helper).

Input: one article's text, sentences, entity mentions (sorted by start), spaCy ``Doc`` (or
``None``) and a test for "inside a quotation". Output: the entity a pronoun or a definite
back-reference at a given offset stands for, or ``None`` when the text does not settle it
(precision first: an unresolved speaker is shown as unknown, never guessed).

Hand-written: no coreference model installs offline here (none ships its weights on PyPI;
issue 17), and news attribution needs only a narrow slice of the problem, the actor of a
reporting verb. The resolver is a small salience model in the style of Lappin and Leass
(1994) and Hobbs (1978):

- **agreement**: number (people and unnamed sources are singular or plural, organisations
  and countries are "it" or "they"), and for "he"/"she" the person's gender as the article
  shows it: honorifics ("Mr.", "Mrs.") and a "he"/"she"/"his" right after a mention, then a
  first-name prior (``lang.MALE_FIRST_NAMES``/``FEMALE_FIRST_NAMES``); a surname the
  entity stage kept apart from the full name ("Grassley" beside "Chuck Grassley") takes the
  gender of the full names it ends, when they agree;
- **salience**: in the pronoun's own sentence, the subject of the verb that reports its
  clause ("Roe boasted that he") or of an adverbial clause before it ("As Roe left, he",
  also one opening the clause it reports: "Though Roe grew up here, rents rose, she said"),
  or the named subject of an unquoted clause it reports from before ("Roe was shocked by
  the crowd, she said": ``fronted_report_subject``);
  then grammatical subjects (passive ones too, an expletive's noun, "There was Roe, who
  …", and a named one of a main clause conjoined to the root when those before name no
  actor) of the closest narrative sentences before
  (quoted sentences say nothing about who "he" is; a pronoun subject there is followed
  back through its own sentence: it continues a chain, centering-style, and stands for
  what that pronoun stands for however many sentences back its name is; a chain that ends
  in no one leaves the pronoun unresolved; the same pronoun as the subject of a side clause
  of a sentence whose main subject names no one continues the chain too, "As he waited in
  the hall of Acme Tower, there were no …": a name inside that sentence is no antecedent).
  A cleft sentence is about its focus, "It was Roe who spoke", "It was with that grit that
  Roe fought" (``_cleft_focus``); a plural demonym subject, "Two Kestrians were hurt", is
  people of the country, not the country an "it" could stand for. A quotation with its
  attribution, "“…,” she said,", is about the attribution's subject; a sentence whose main
  subject names no one is about the person named as its passive verb's agent, "Roe's plan
  was backed by Penn", else the person whose words are its subject, "Roe's comments drew
  gasps", "footage of Roe", else the one fitting subject of a clause inside it, "so
  blatant that Roe was asked"; a subject describing someone no entity names (one rule, one
  noun list, ``lang.names.DESCRIBED_PERSON_NOUNS``; the parse's subject, without a parse an
  indefinite one opening the sentence): an indefinite one, "A 29-year-old woman", "one voter", is a
  person new to the story, whom no earlier name can be: "he"/"she" is the person named
  beside it ("One pastor, Ivo Roe, said"), else the description when it agrees and no one
  is named near it, else no one but the last speaker; a definite one, "the cashier", is the
  person the article ties it to, else read past; a document subject, "the memo", answers
  "it" (rivals named in that sentence leave the rule out); "Roe and Penn argue"
  answers "they" with both names; a proper-noun subject no entity holds and no person's
  name, "Acme said" with Acme missed, answers "it" as text, ``Ref.thing``), then the last speaker the caller recorded (``speakers``),
  then any fitting actor of those sentences (not for an indirect statement's "it"/"they",
  ``guess``: there that actor was most often what is spoken about, not the speaker), then,
  for "he"/"she" only, the last fitting mention within 1,500 characters (further back, a
  name the entity stage missed is likelier than a person last seen paragraphs ago). A
  subject that is a person's name no entity holds (spaCy's person tag or a known first
  name: "Trump's wife, Melania," when the entity stage typed it otherwise or missed it)
  answers "he"/"she" as text
  (``Ref.name``, ``resolve_pronoun_ref``; ``resolve_pronoun`` gives no actor for it)
  rather than passing on to someone named earlier; so does a name a person noun stands
  in apposition to, "Ivo Roe, a professor at …", however NER typed it. An apposition's own
  apposition and a participle of naming ("a worker named Ivo Roe") name the subject too.
  (Not counting a verbless tail the sentence splitter cut off, "… ''Yes!'' | at the TV.",
  among the three sentences read back was tried on PolNeAR train and dropped: q3 gained two
  right speakers, q1 got two new wrong ones from reading further back.) Two candidates in
  one clause are a tie: no answer. "they" after a sentence about
  a group no actor names ("Three economists …") stays unresolved;
- **the reporting verb and the imperative** (seventeenth session): "it reads" is a text's
  verb: the document a subject before describes ("The memo, sent by Ivo Roe, …"), else no
  answer, never an organisation named before (``_document_before``); "she added"/"he
  continued" go on from the last speaker when no other person of that gender is named since
  its quotation (``_continued_speaker``); an imperative sentence
  with no subject, "Just look at Mr. Roe.", is about its one person object whose gender the
  article shows (``_imperative_object``), like a sentence whose subject names no one.

- **nominal back-references** ("the Oregon senator", "the actress", "the newspaper", "the
  campaign"): a person whose title or role, with abbreviations read as nouns
  (``lang.en.TITLE_NOUNS``: "Sen." is a senator), holds the noun, most recent first; for a
  person noun no one holds (``lang.en.PERSON_ROLE_NOUNS``), the subject of a sentence just
  before that agrees in gender; for an organisation noun, the latest organisation whose
  name holds it or, for a news-outlet noun (``lang.en.MEDIA_NOUNS``), whose name is an
  outlet's (``lang.en.MEDIA_NAME_WORDS``).

- **relative pronouns** ("…, who said"): the noun the parse hangs the relative clause on,
  unless that noun names no actor nor person and sits in a prepositional phrase of one that
  does ("one aide familiar with the talks, who added": the aide), ``relative_antecedent``.
  A first-person "I" outside quotations is the byline's single author (``quotes.py``), else
  unresolved. "Paragraph-initial '“…,” he said' is the topic person" was tried on PolNeAR
  train (every 4th article) and dropped: the last speaker before the paragraph instead of
  the previous subject lowered spkPron 0.743 → 0.734; the article's most-mentioned person
  as a fallback for an unresolved pronoun changed no answer.

``for_context(ctx)`` builds the resolver of an ``ArticleContext`` (cheap: the gender
evidence is gathered on first use) for indirect attributions and stances; quotes build theirs
over the quotation spans they found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.lang import (
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    PRONOUNS,
    SAID_FORMS,
    SPEECH_LEMMAS,
    alternation,
)
from storyline.lang.attribution import IRREGULAR_CUE_FORMS
from storyline.lang.en import (
    DEFINITE_DETERMINERS,
    DOCUMENT_NOUNS,
    EXAMPLE_PREPOSITIONS,
    MEDIA_NAME_WORDS,
    MEDIA_NOUNS,
    PERSON_ROLE_NOUNS,
    SIDE_CLAUSE_CONJUNCTIONS,
    SIDE_CLAUSE_OPENERS,
    SPEECH_NOUNS,
    TITLE_NOUNS,
)
from storyline.lang.names import (
    DESCRIBED_PERSON_NOUNS,
    FEMALE_ADDRESS_TITLES,
    MALE_ADDRESS_TITLES,
)
from storyline.models import Entity
from storyline.stages.prepare.extract.context import ArticleContext, subtree_extent
from storyline.stages.prepare.extract.entities import entity_number, title_case_line

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "SUBJECT_PRONOUNS",
    "Coref",
    "Ref",
    "for_context",
    "nominal_head",
    "relative_antecedent",
]

Mention = tuple[int, int, Entity]

# Third-person subject pronouns that name a speaker, by what they agree with ("it": a thing).
SUBJECT_PRONOUNS: dict[str, str] = {
    p: "it" if f.gender == "n" else str(f.number)
    for p, f in PRONOUNS.items()
    if f.person == 3 and f.case == "subj"
}
_PRON = "(?:" + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in SUBJECT_PRONOUNS) + ")"
# Personal pronouns that tell a person's gender ("he", "his", "her").
_GENDERED = {p: str(f.gender) for p, f in PRONOUNS.items() if f.gender in ("m", "f")}
# ("her" is left out as evidence: as an object it is usually someone else, "Roe thanked her")
_GENDERED_RE = re.compile(r"\b(?:he|she|his)\b", re.I)
_HONORIFIC_GENDER = re.compile(
    rf"\b(?:(?P<m>{'|'.join(MALE_ADDRESS_TITLES)})|{'|'.join(FEMALE_ADDRESS_TITLES)})\.?\s*$"
)
_PEOPLE = ("PERSON", "UNNAMED")
_PRONOUN_WORDS = frozenset(PRONOUNS) | {"who", "which", "that"}
# A definite description: "the", "this", "that" or a possessive pronoun, modifiers, a noun.
_DEFINITE = re.compile(rf"(?:{'|'.join(DEFINITE_DETERMINERS)})\s+", re.I)
_WORD = re.compile(r"[A-Za-z0-9][\w’'.-]*")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]{1,12})\.?\s+$")  # "Sen. " before a name
# What may stand before a name that opens a sentence: a quote mark, "the", a title ("Rep.").
# (a short fronted phrase first: "On Monday, ", "Later, ")
_OPENING = re.compile(
    r"[\s“\"]*(?:[A-Z][\w’'-]*(?:\s+[\w’'.-]+){0,3},\s+)?(?:[Tt]he\s+)?(?:[A-Z][a-z]{1,4}\.\s+)?"
)
# An adverbial clause opening a sentence, before its subject ("As", "But when", "Though").
_SIDE_OPENER = re.compile(
    rf"\W*(?:(?:{'|'.join(SIDE_CLAUSE_CONJUNCTIONS)}),?\s+)?"
    rf"(?:{'|'.join(SIDE_CLAUSE_OPENERS)})\s+(?:the\s+)?",
    re.I,
)
# Between a name and a pronoun that opens the clause it reports: "boasted that", "has said".
_REPORTED = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:[a-z]+(?:ed|s)|"
    rf"{alternation({*SAID_FORMS, *IRREGULAR_CUE_FORMS['think']})})\s+(?:that\s+)?"
)
# A sentence cut after a title's abbreviation ("Govs. ", "Sen. ", "Mr. "): a capitalised
# word and a period, the word a title (``lang.en.TITLE_NOUNS``, also plural, or an address
# title; "in Iowa." is no abbreviation).
_ABBREVIATION_END = re.compile(r"\b([A-Z][a-z]{1,4})\.\s*$")
_TITLES = (*TITLE_NOUNS, *MALE_ADDRESS_TITLES, *FEMALE_ADDRESS_TITLES)
_ABBREVIATIONS = frozenset({*(t.lower() for t in _TITLES), *(f"{t.lower()}s" for t in _TITLES)})
_CHAIN = 40  # links of a subject-pronoun chain followed back (recursion depth)
_RECENT = 1500  # characters: how far back a recorded speaker still counts for a pronoun
# Reporting verbs only a text takes ("it reads"), and ones that go on from the subject's own
# words just before ("she added").
_DOCUMENT_VERBS = frozenset({"read", "reads"})
_CONTINUING_VERBS = frozenset({"added", "adds", "continued", "continues"})


@dataclass(frozen=True, slots=True)
class Ref:
    """What a clause's subject names: an actor, or an unresolved pronoun at offset ``at``."""

    entity: Entity | None = None
    pronoun: str | None = None
    at: int = 0
    group: bool = False  # the subject is a plural noun naming no actor ("Investors said")
    # a person's name the entity stage did not keep ("Trump's wife, Melania, is …"), or an
    # indefinite description of one ("A 29-year-old woman"): the speaker is named as text
    name: str = ""
    # the subject is a person new to the story, an indefinite description ("One survivor
    # said …", "A woman who …"): no earlier actor is "she"; only the last speaker may still
    # be (``name`` holds the description when no one is named beside it)
    unnamed: bool = False
    # the subject describes someone no entity names or a document ("the woman", "a
    # cashier", "the memo"; ``Coref.subject``): ``at`` is its head's offset
    desc: str = ""
    # the parsed subject is a common noun whose only actors modify it ("the Kestrian harbour
    # board said"): ``entity`` is the sentence's first actor, what it is about for a later
    # pronoun, but not the subject, so not a reporting verb's speaker
    modified: bool = False
    # the parsed subject is a proper noun no entity holds and no person's name ("Acme said
    # …" with Acme missed by the entity stage): what a later "it" stands for, as text
    thing: str = ""

    @property
    def desc_end(self) -> int:
        """Where the description's head noun ends (``at`` plus the noun's length)."""
        return self.at + len(self.desc.split()[-1]) if self.desc else self.at


# Without a parse: a sentence opening with an indefinite person ("One survivor, a student,
# said …", "A woman who lives by the pier said …"), a person new to the story (with a parse
# the subject's own determiner tells it: ``Coref._description``).
_INDEFINITE_PERSON = re.compile(
    rf"\s*(?P<det>One|A|An)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?P<noun>{alternation(sorted(DESCRIBED_PERSON_NOUNS))})\b(?![’'-])"
)
_INDEFINITE_DETERMINERS = frozenset({"a", "an", "one"})
# spaCy entity types (a closed set) a proper-noun subject no entity holds may have and still
# be what "it" stands for: an organisation, a product, a place, or an untyped name
_THING_TYPES = frozenset({"ORG", "PRODUCT", "GPE", "FAC", ""})


def _fold(word: str) -> str:
    return word.lower().strip(".’'").removesuffix("’s").removesuffix("'s")


def nominal_head(phrase: str) -> tuple[str, list[str]] | None:
    """The head noun and the modifiers of a definite description, or ``None``.

    "the Oregon senator" -> ("senator", ["oregon"]); "the former secretary of state" ->
    ("secretary", ["former"]); "the 68-year-old actress" -> ("actress", ["68-year-old"]).
    A phrase without a determiner, or one naming someone ("the Roe campaign" stays an
    organisation noun), is returned all the same: the caller checks the head.
    """
    m = _DEFINITE.match(phrase.strip())
    if m is None:
        return None
    body = phrase.strip()[m.end() :]
    # (a comma between adjectives stays: "the bespectacled, 71-year-old diplomat")
    body = re.split(
        r"\s+(?:of|for|at|from|with|who|which|that|in|on|and)\s+|[;(]|,(?!\s+[\w-]+\s+[a-z])",
        body,
    )[0]
    words = [_fold(w) for w in _WORD.findall(body)]
    words = [w for w in words if w]
    if not words or not 1 <= len(words) <= 5:
        return None
    return words[-1], words[:-1]


class Coref:
    """The resolver of one article (see the module docstring for the rules)."""

    def __init__(
        self,
        text: str,
        sents: Sequence[tuple[int, int]],
        mentions: Sequence[Mention],
        entities: Sequence[Entity],
        doc: Doc | None,
        in_quote: Callable[[int], bool],
    ) -> None:
        self.text = text
        self.sents = list(sents)
        self.mentions = list(mentions)
        self.entities = entities
        self.doc = doc
        self.in_quote = in_quote
        self._sent_starts = [s for s, _ in self.sents]
        # ``mentions`` is sorted by start: windows of it are slices found by bisection
        self._mention_starts = [s for s, _, _ in self.mentions]
        self._maxlen = max((e - s for s, e, _ in self.mentions), default=0)
        self._genders: dict[str, str] | None = None
        self._by_id = {e.id: e for e in entities}
        self._roles: dict[str, set[str]] = {}
        # resolutions so far, by pronoun, offset and the last speaker before it (a chain of
        # subject pronouns resolves each link once), and whether it may guess (``guess``)
        self._resolved: dict[tuple[str, int, tuple[int, str] | None, bool], Ref] = {}
        self._depth = 0

    # -- positions -------------------------------------------------------------------------

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        if k >= 0 and self.sents[k][0] <= pos < self.sents[k][1] + 1:
            return self.sents[k]
        return (0, len(self.text))

    def headline(self, pos: int) -> bool:
        """Whether ``pos`` lies on a line set in title case ("Jane Roe Wins Harbour Vote"):
        a headline or a quoted title, no narrative sentence, so none of its names is the
        antecedent of a pronoun in the story (issue 17: a headline like "Vicar Wants Harbour Pilots To
        Be Sacked" gave a later "he" to "Harbour Pilots")."""
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return title_case_line(self.text[a : b if b >= 0 else len(self.text)].strip())

    def mentions_from(self, a: int, b: int) -> list[Mention]:
        """The mentions that start in ``[a, b)``, in text order."""
        lo = bisect.bisect_left(self._mention_starts, a)
        return self.mentions[lo : bisect.bisect_left(self._mention_starts, b, lo)]

    def actor_in(self, a: int, b: int, head: int | None = None) -> Entity | None:
        """The actor a noun phrase ``[a, b)`` names.

        A person or unnamed source wins over the country or ministry in its title
        ("French Foreign Ministry spokesperson Pascal Roe" is Pascal Roe); otherwise the
        mention nearest the phrase's end. ``head`` (a character offset) picks the mention
        containing it.
        """
        inside = [
            (s, e, ent)
            for s, e, ent in self.mentions_from(a - self._maxlen, b)
            if s < b and a < e and not self.in_quote(s)
        ]
        if not inside:
            return None
        if head is not None:
            at = [x for x in inside if x[0] <= head < x[1]]
            if not at:
                return None  # the phrase's head names no actor ("Ilse Roe, Kestria's minister")
            return max(at, key=lambda x: (x[2].type in _PEOPLE, -(x[1] - x[0])))[2]
        people = [x for x in inside if x[2].type in _PEOPLE]
        pool = people or inside
        return max(pool, key=lambda x: (x[1], x[1] - x[0]))[2]

    # -- subjects --------------------------------------------------------------------------

    def subject(self, ss: int, end: int, strict: bool = False, quoted: bool = False) -> Ref:
        """The actor a sentence ``[ss, end)`` is about: its grammatical subject, else its
        first actor (a person first).

        ``strict``: the subject only (with a parse, the main verb's; without, an actor
        opening the sentence), never an actor named further in. ``quoted``: a sentence
        whose main clause is a quotation is about the subject of its attribution ("“…,”
        she said, blaming …": the parse makes "said" a ``parataxis`` of the quotation).
        """
        parsed = False  # whether the parse gives the main verb a subject at all
        group = False
        # a subject that describes an unnamed person or a document, its head's offset, and
        # where its indefinite article starts (-1: none; "A woman", "One voter": a newcomer)
        desc, desc_at, article = "", 0, -1
        thing = ""  # an unheld proper-noun subject (``Ref.thing``)
        # mentions that only modify a subject's common-noun head ("the Kestrian harbour
        # board said": Kestrian; ``_modifier_mentions``): the subject is the board, and the
        # actor picked below is marked ``Ref.modified``
        modifiers: set[tuple[int, int]] = set()
        # a "sentence" with no verb ("Ivo Roe." signing a letter), or whose root is no verb
        # after a sentence cut at an abbreviation ("… his rivals, particularly Govs. | Ivo
        # Penn and Jan Dorr, who say …"): a fragment, the name opening it no subject
        # (PolNeAR train q2; a root alone is no test: the parse tags some verbs as nouns,
        # "Roe, when pressed, usually bulldozes ahead")
        fragment = False
        if self.doc is not None:
            span = self.doc.char_span(ss, end, alignment_mode="contract")
            if span is not None and len(span):
                verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
                fragment = not verbs or (
                    all(t.pos_ not in ("VERB", "AUX") for t in span if t.dep_ == "ROOT")
                    and (cut := _ABBREVIATION_END.search(self.text, max(0, ss - 12), ss))
                    is not None
                    and cut.group(1).lower() in _ABBREVIATIONS
                )
                # every subject of the main verb, in order: a parse may take a fronted time
                # phrase for one ("The day before, at a rally, Roe was blunt": "day", "Roe"),
                # and a passive's subject is what the sentence is about ("Roe was asked")
                # (and of a main clause conjoined to it, "That was in the spring, and ever since
                # Roe has watched her lead shrink", when the ones before name no actor)
                # ("There was Roe, who …": an expletive's noun is what the sentence is about)
                for subj in (
                    t
                    for t in span
                    if (
                        t.dep_ in ("nsubj", "nsubjpass")
                        or (
                            t.dep_ == "attr"
                            and t.head.dep_ == "ROOT"
                            and any(c.dep_ == "expl" for c in t.head.children)
                        )
                    )
                    and (
                        t.head.dep_ == "ROOT"
                        or not ss <= t.head.idx < end
                        or (
                            # (the conjunct's head a main verb: the root, or one the parse
                            # hangs on a word of the next sentence, "…, but Roe never
                            # hedges. “…,” he said", PolNeAR train q2)
                            t.head.dep_ == "conj"
                            and (t.head.head.dep_ == "ROOT" or not ss <= t.head.head.head.idx < end)
                            and (t.lower_ not in _PRONOUN_WORDS or _cleft_focus(t) is not None)
                        )
                        or (
                            quoted
                            and t.head.dep_ == "parataxis"
                            and t.head.head.dep_ == "ROOT"
                            and self.in_quote(t.head.head.idx)
                            and not self.in_quote(t.idx)
                        )
                    )
                ):
                    if any(
                        c.dep_ == "nsubj" and subj.idx < c.idx < subj.head.idx
                        for c in subj.head.children
                    ):
                        # two subjects of one verb, a misparse of a fronted phrase ("Speaking
                        # in Salem, New Hampshire, Roe went"): the one next to the verb
                        continue
                    parsed = True
                    if subj.lower_ == "it" and (focus := _cleft_focus(subj)) is not None:
                        # "It was Roe who spoke first", "It was with that grit that Roe
                        # fought on": a cleft sentence is about its focus, not about "it"
                        subj = focus
                    if subj.lower_ in SUBJECT_PRONOUNS:
                        return Ref(pronoun=subj.lower_, at=subj.idx)
                    if not desc and not group:
                        desc, article = self._description(subj)
                        desc_at = subj.idx
                    lo, hi = subtree_extent(subj)
                    ent = self.actor_in(lo, hi, head=subj.idx)
                    for appos in (t for t in _renamings(subj) if ent is None):
                        # "Kestria's foreign minister, Ilse Marrow, stated": the apposition
                        ent = self.actor_in(lo, hi, head=appos.idx)
                    if ent is not None and _demonym_people(subj, ent):
                        ent = None
                    if (
                        ent is not None
                        and ent.type in ("LOC", "FAC")
                        and subj.pos_ == "PROPN"
                        and (self._bare_name(subj) or subj.head.lemma_ in SPEECH_LEMMAS)
                    ):
                        # a person's name the entity stage typed a place, a person's name by
                        # spaCy or the first name, or a place that speaks ("Ada Roe, one of
                        # the delegates, said": PolNeAR train q2): the name as text, for
                        # "he"/"she" only (``_name_fits``)
                        return Ref(name=ent.name)
                    if (
                        ent is not None
                        and ent.type == "ORG"
                        and subj.pos_ == "PROPN"
                        and _person_appos(subj)
                    ):
                        # an organisation a person noun stands in apposition to ("Ivo Roe, a
                        # professor at …, said" typed ORG by the entity stage; PolNeAR
                        # train q1): a person's name, as text
                        return Ref(name=ent.name)
                    if ent is not None:
                        # "Ivo Roe and Jane Penn argue …": two people, "they" (``name``)
                        both = self._conjoined_people(subj, lo, hi) if ent.type == "PERSON" else ""
                        if article >= 0 and desc:
                            # "One pastor, Ivo Roe, said": the newcomer is the one named
                            return Ref(ent, desc=desc, at=desc_at, unnamed=True)
                        return Ref(ent, name=both, group=bool(both))
                    if subj.tag_ in ("NNS", "NNPS"):
                        example = self._example_person(subj)
                        if example is not None:
                            # "Some critics, like Ivo Roe, also say …": the one person
                            # named stands out of the group (still a group for "they")
                            return Ref(example, group=True)
                    name = next(
                        (
                            n
                            for t in (subj, *(c for c in subj.children if c.dep_ == "appos"))
                            if (n := self._bare_name(t))
                        ),
                        "",
                    )
                    if name:
                        return Ref(name=name)
                    if not thing and not desc and not group:
                        thing = self._bare_thing(subj)
                    modifiers |= self._modifier_mentions(subj, lo, hi)
                    group = group or subj.tag_ in ("NNS", "NNPS")
                if not parsed:
                    stranded = self._stranded_subject(span)
                    if stranded is not None:
                        return Ref(stranded)
        if self.doc is None:
            newcomer = _INDEFINITE_PERSON.match(self.text, ss, end)
            if newcomer is not None:
                desc = self.text[newcomer.end("det") : newcomer.end()].strip()
                desc_at, article = newcomer.start("noun"), newcomer.start("det")
        newcomer_ref = Ref()
        if desc and article >= 0:
            # a person new to the story, an indefinite description ("A woman who lives by
            # the pier", "One voter"): named as that description when no one is named near
            # it ("A spokesman for Acme, Ivo Roe," names one); its gender: ``_description_fits``
            newcomer_ref = Ref(desc=desc, at=desc_at, unnamed=True)
            noun_end = newcomer_ref.desc_end
            if not any(
                x[2].type in _PEOPLE for x in self.mentions_from(ss, min(end, noun_end + 100))
            ):
                name = self.text[article:noun_end].strip()
                return Ref(name=name, desc=desc, at=desc_at, unnamed=True)
        lead = re.match(rf"\s*({_PRON})\b", self.text[ss:end])
        if lead is None and not parsed:
            # "But as Roe toured the docks, he promised …": the pronoun after a side clause
            side = _SIDE_OPENER.match(self.text, ss, end)
            lead = (
                re.match(rf"[^,;:“”\"]*,\s*({_PRON})\b", self.text[side.end() : end])
                if side
                else None
            )
            if side and lead:
                return Ref(pronoun=lead.group(1).lower(), at=side.end() + lead.start(1))
        if lead:
            return Ref(pronoun=lead.group(1).lower(), at=ss + lead.start(1))
        first = [
            x
            for x in self.mentions_from(ss, end)
            if not self.in_quote(x[0]) and not self._demonym_mention(*x)
        ]
        if strict:
            if parsed:
                return Ref(
                    group=group, desc=desc, at=desc_at, unnamed=newcomer_ref.unnamed, thing=thing
                )
            # no parse, or one that found no subject ("Rep. Ivo Roe (D-Ore.), a member,
            # didn't …" can leave the verb without one): a name opening the sentence
            first = [
                x for x in first[:1] if _OPENING.fullmatch(self.text[ss : x[0]]) and not fragment
            ]
        people = [x for x in first if x[2].type in _PEOPLE]
        pick = (people or first)[:1]
        if pick:
            return Ref(
                pick[0][2],
                desc=newcomer_ref.desc,
                at=newcomer_ref.at,
                unnamed=newcomer_ref.unnamed,
                modified=bool(modifiers),
            )
        return newcomer_ref

    def _modifier_mentions(self, subj: Token, lo: int, hi: int) -> set[tuple[int, int]]:
        """The mentions in a subject phrase ``[lo, hi)`` that only modify its head, a common
        noun ("the Kestrian harbour board", "a Penn campaign aide"): the phrase names the
        noun's referent, not theirs (the rule of ``quotes._only_modifies_noun``; the small
        model tags a lower-case head in a run of capitals as a proper noun). Not an owner:
        "Roe's response was: “…”" is Roe's (PolNeAR train: dropping it cost one)."""
        if self.doc is None or not (
            subj.pos_ == "NOUN" or (subj.pos_ == "PROPN" and subj.text.islower())
        ):
            return set()
        out: set[tuple[int, int]] = set()
        for s, e, _ in self.mentions_from(lo, hi):
            if e > hi:
                continue
            last = self.doc.char_span(s, e, alignment_mode="expand")
            tok = last[-1] if last is not None and len(last) else None
            # up a chain of modifiers to the head ("Kestrian" -> "harbour" -> "board")
            while (
                tok is not None
                and tok.i != subj.i
                and tok.dep_ in ("compound", "amod", "nmod")
                and tok.head.i != tok.i
            ):
                tok = tok.head
            if tok is not None and tok.i == subj.i:
                out.add((s, e))
        return out

    def _stranded_subject(self, span: Span) -> Entity | None:
        """The person named right before a finite main verb the parse left without a
        subject ("At a rally in Kell, 62-year-old Ada Roe also railed against …": the parse
        hangs "Roe" on "in"): only adverbs may stand between the name and the verb, and the
        name must not be the object of a verb (needs a parse)."""
        root = next((t for t in span if t.dep_ == "ROOT"), None)
        if root is None or root.tag_ not in ("VBD", "VBZ", "VBP") or root.i == span.start:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in root.children):
            return None
        k = root.i - 1
        while (
            k > span.start
            and span.doc[k].dep_ in ("advmod", "neg")
            and span.doc[k].head.i == root.i
        ):
            k -= 1
        tok = span.doc[k]
        if tok.tag_ not in ("NNP", "NNPS") or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            return self._opening_name(span)
        a, b = tok.idx, tok.idx + len(tok.text)
        hit = [
            x[2]
            for x in self.mentions_from(a - self._maxlen, b)
            if x[0] <= a and b <= x[1] and x[1] == b and not self.in_quote(x[0])
        ]
        return hit[-1] if hit and hit[-1].type == "PERSON" else None

    def _opening_name(self, span: Span) -> Entity | None:
        """A person's name opening a sentence whose finite root the parse left without a
        subject, set off by a comma from what follows ("And Roe, for all the progress he
        made, seems to agree.": the parse hangs "Roe" on the verb of the aside; PolNeAR
        train q2): the person, when the name is no object (needs a parse)."""
        k = span.start
        while k < span.end and (span.doc[k].dep_ in ("cc", "punct") or span.doc[k].is_space):
            k += 1
        a = span.doc[k].idx if k < span.end else span.end_char
        hit = [
            x
            for x in self.mentions_from(a, a + 1)
            if x[2].type == "PERSON" and not self.in_quote(x[0])
        ]
        if not hit:
            return None
        s, e, ent = hit[0]
        name = self.doc.char_span(s, e, alignment_mode="expand") if self.doc else None
        if name is None or name.end >= span.end or span.doc[name.end].text != ",":
            return None
        if any(t.dep_ in ("dobj", "pobj", "attr") for t in name):
            return None
        return ent

    def _interrupting_reporter(self, ss: int, end: int, pron: str) -> Ref | None:
        """The named subject of a verb of saying that interrupts the main clause of the
        sentence ``[ss, end)`` ("Roe, Penn said, has created …": the parse makes "said" a
        ``parataxis`` of "created"), when it agrees with ``pron`` (needs a parse). A subject
        describing a person ("The plan, the aide told them, was simple"): the person the
        article ties the description to (``_described``), else the description as text
        (the quotation goes on with that speaker; an earlier name would be someone else)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(ss, end, alignment_mode="contract")
        for t in span if span is not None else ():
            if (
                t.dep_ != "parataxis"
                or t.head.dep_ != "ROOT"
                or t.lemma_ not in SPEECH_LEMMAS
                or self.in_quote(t.idx)
                or self.in_quote(t.head.idx)
            ):
                continue
            subj = next((c for c in reversed(list(t.lefts)) if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in _PRONOUN_WORDS:  # (nearest the verb)
                lo, hi = subtree_extent(subj)
                ent = self.actor_in(lo, hi, head=subj.idx)
                if ent is not None and self.fits(ent, pron):
                    return Ref(ent)
                desc, _ = self._description(subj) if ent is None else ("", -1)
                ref = Ref(desc=desc, at=subj.idx)
                if desc and pron in ("he", "she") and self._description_fits(ref, pron):
                    tied, definite = self._described(ref, pron)
                    if tied is not None:
                        return Ref(tied)
                    det = next((c for c in subj.lefts if c.dep_ in ("det", "poss")), None)
                    if definite and det is not None:
                        return Ref(name=f"{det.text} {desc}")
        return None

    def _words_owner(self, ss: int, end: int, pron: str) -> Entity | None:
        """ "Roe's comments from the bench drew gasps. He said …": the person whose words
        (a speech or document noun: ``lang.en.SPEECH_NOUNS``, ``DOCUMENT_NOUNS``) or other
        thing (a singular noun naming no person: "Roe's lawsuit") are the main subject of
        the sentence ``[ss, end)``, when that person agrees (needs a parse)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(ss, end, alignment_mode="contract")
        for t in span if span is not None else ():
            if t.dep_ not in ("nsubj", "nsubjpass") or t.head.dep_ != "ROOT":
                continue
            if (
                t.lower_ not in SPEECH_NOUNS
                and t.lower_ not in DOCUMENT_NOUNS
                and (
                    t.tag_ != "NN"
                    or t.lower_ in DESCRIBED_PERSON_NOUNS
                    or t.lower_ in PERSON_ROLE_NOUNS
                )
            ):
                # (also any thing a person owns, "Roe's lawsuit demands …. He also seeks",
                # PolNeAR train q2; not a person, "Roe's son said …. He", nor a plural)
                continue
            # the owner: "Roe's comments", or one "of" names, "footage of Roe" (one person:
            # "a photo of Roe and Penn" names two)
            owners = [c for c in t.children if _possessor(c) and c.lower_ not in PRONOUNS]
            owners += [
                o
                for p in t.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj" and not any(k.dep_ == "conj" for k in o.children)
            ]
            for c in owners:
                lo, hi = subtree_extent(c)
                ent = self.actor_in(lo, hi, head=c.idx)
                if ent is not None and ent.type == "PERSON" and self.fits(ent, pron):
                    return ent
        return None

    def _passive_agent(self, ss: int, end: int, pron: str) -> Entity | None:
        """ "Roe's plan was backed by Ivo Penn, who …. He said …": the person named as the
        agent of the sentence's passive main verb (its logical subject, the one who acts),
        when that agrees with ``pron`` and the grammatical subject names no one (the
        caller's test); before the owner of the subject (``_words_owner``), who is only
        spoken about (needs a parse)."""
        if self.doc is None:
            return None
        span = self.doc.char_span(ss, end, alignment_mode="contract")
        for t in span if span is not None else ():
            if t.dep_ != "agent" or t.head.dep_ != "ROOT" or self.in_quote(t.idx):
                continue
            for obj in (c for c in t.children if c.dep_ == "pobj"):
                lo, hi = subtree_extent(obj)
                ent = self.actor_in(lo, hi, head=obj.idx)
                if ent is not None and ent.type in _PEOPLE and self.fits(ent, pron):
                    return ent
        return None

    def _inner_subject(self, ss: int, end: int, pron: str) -> Entity | None:
        """The one actor that agrees with ``pron`` and is the subject of some clause of the
        sentence ``[ss, end)`` outside quotations (needs a parse); ``None`` for none or
        several."""
        if self.doc is None:
            return None
        span = self.doc.char_span(ss, end, alignment_mode="contract")
        found: dict[str, Entity] = {}
        for t in span if span is not None else ():
            if t.dep_ not in ("nsubj", "nsubjpass") or self.in_quote(t.idx):
                continue
            if t.lower_ == pron:
                return None  # "Asked whether Roe runs, she replied": the chain's pronoun
            if t.lower_ in _PRONOUN_WORDS:
                # (a relative clause's "who" too: "the mosque drew people, including Roe,
                # who lived north" is no sentence about Roe; read on PolNeAR train)
                continue
            lo, hi = subtree_extent(t)
            ent = self.actor_in(lo, hi, head=t.idx)
            if ent is None or not self.fits(ent, pron) or _demonym_people(t, ent):
                continue
            if pron in ("he", "she") and ent.type not in _PEOPLE:
                continue
            found[ent.id] = ent
        return next(iter(found.values())) if len(found) == 1 else None

    def _imperative_object(self, ss: int, end: int, pron: str) -> Entity | None:
        """The one person an imperative sentence with no subject puts before the reader,
        as its verb's object or the object of a preposition on it ("Just look at Ivo Roe.",
        "Take Jane Roe."): what follows is about that person (needs a parse; the person's
        gender shown in the article and agreeing); ``None`` for a question, a subject, or
        none or several people."""
        if self.doc is None or pron not in ("he", "she"):
            return None
        span = self.doc.char_span(ss, end, alignment_mode="contract")
        if span is None or not len(span) or span.text.rstrip().endswith("?"):
            return None
        root = span.root
        if root.tag_ != "VB":
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in root.children):
            return None  # ("to look at Roe", "Let's …" keep their subject or auxiliary)
        objects = [c for c in root.children if c.dep_ == "dobj"] + [
            g for c in root.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        found: dict[str, Entity] = {}
        for o in objects:
            if self.in_quote(o.idx):
                continue
            lo, hi = subtree_extent(o)
            ent = self.actor_in(lo, hi, head=o.idx)
            # (a person whose gender the article shows: "Look to Acme" with Acme typed as a
            # person is no one to go on about; PolNeAR train q0)
            if (
                ent is not None
                and ent.type == "PERSON"
                and self.genders().get(ent.id) == _GENDERED[pron]
            ):
                found[ent.id] = ent
        return next(iter(found.values())) if len(found) == 1 else None

    def _conjoined_people(self, subj: Token, lo: int, hi: int) -> str:
        """ "Ivo Roe and Jane Penn" as one subject: the people's names joined with "and"
        when every conjunct names a person, else "" (``Ref.name`` of a group, for "they")."""
        conjs: list[Token] = []
        todo = [subj]
        while todo and len(conjs) < 6:  # "Roe, Penn and Marrow": conjuncts of conjuncts
            todo = [c for t in todo for c in t.children if c.dep_ == "conj"]
            conjs += todo
        if not conjs:
            return ""
        names: list[str] = []
        for t in (subj, *conjs):
            ent = self.actor_in(lo, hi, head=t.idx)
            name = ent.name if ent is not None and ent.type == "PERSON" else self._bare_name(t)
            if not name or name in names:
                return ""
            names.append(name)
        return ", ".join(names[:-1]) + " and " + names[-1]

    def _description(self, noun: Token) -> tuple[str, int]:
        """A singular subject that describes someone no entity names ("the woman", "a
        middle-aged cashier", "one voter"; ``lang.names.DESCRIBED_PERSON_NOUNS``) or a
        document ("the memo", "Thursday's memo from the panel"): its noun with the
        adjectives and nouns before it, else "", and the offset of its indefinite article
        for a person ("a", "an", "one": someone new to the story), else -1. (Read by the
        pronoun resolver, ``Ref.desc``, and as a newcomer's name.)"""
        if noun.tag_ != "NN" or self.in_quote(noun.idx):
            return "", -1
        lemma = noun.lower_
        if lemma not in DESCRIBED_PERSON_NOUNS and lemma not in DOCUMENT_NOUNS:
            return "", -1
        # the modifiers right before the noun ("middle-aged", "GOP"), no determiner
        first = noun.i
        for c in reversed(list(noun.lefts)):
            sub = list(c.subtree)
            if c.dep_ not in ("amod", "compound") or sub[-1].i != first - 1:
                break
            first = sub[0].i
        article = -1
        if first > 0 and lemma in DESCRIBED_PERSON_NOUNS:
            det = noun.doc[first - 1]
            if det.head.i == noun.i and det.lower_ in _INDEFINITE_DETERMINERS:
                article = det.idx
        return noun.doc[first : noun.i + 1].text, article

    def _newcomer_name(self, at: int, end: int) -> str:
        """A name set off by a comma inside the phrase of the newcomer whose head is at
        ``at`` ("One pastor supporting Mr. Roe, Ivo Penn of Velmar, said": the parse may hang
        it on the nearer name) that no entity holds: its proper nouns, else "" (needs a
        parse)."""
        span = self.doc.char_span(at, at + 1, alignment_mode="expand") if self.doc else None
        if span is None or not len(span):
            return ""
        noun = span[0]
        for t in noun.subtree:
            if t.dep_ != "appos" or t.pos_ != "PROPN" or t.idx >= end or self.in_quote(t.idx):
                continue
            words = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
            if words[0].i == 0 or words[0].nbor(-1).text != ",":
                continue
            if not (2 <= len(words) <= 3 and all(w.is_title and w.is_alpha for w in words)):
                continue
            near = self.mentions_from(words[0].idx - self._maxlen, t.idx + 1)
            if any(s <= t.idx < e for s, e, _ in near):
                continue  # (an entity's name: the caller reads the mentions)
            return " ".join(w.text for w in words)
        return ""

    def _with_article(self, ref: Ref) -> str:
        """A newcomer's description with its indefinite article ("One pastor")."""
        start = ref.desc_end - len(ref.desc)
        m = re.search(r"\b(?:[Oo]ne|[Aa]n?)\s+$", self.text[max(0, start - 5) : start])
        return (m.group() if m else "") + ref.desc

    def _description_fits(self, ref: Ref, pron: str) -> bool:
        """Whether a described subject (``Ref.desc``) agrees with a pronoun: a person noun
        with "he"/"she" of its gender, a document noun with "it"."""
        head = ref.desc.split()[-1].lower()
        if pron == "it":
            return head in DOCUMENT_NOUNS
        if pron not in ("he", "she") or head not in DESCRIBED_PERSON_NOUNS:
            return False
        gender = DESCRIBED_PERSON_NOUNS[head]
        return gender is None or gender == _GENDERED.get(pron)

    def _described(self, ref: Ref, pron: str) -> tuple[Entity | None, bool]:
        """For a described subject (``Ref.desc``): the named person a definite description
        refers back to ("the GOP candidate" -> the candidate named before,
        ``resolve_nominal``) when it agrees, and whether the description is definite ("a
        cashier", "one voter": someone new)."""
        if self.doc is None:
            return None, False
        span = self.doc.char_span(ref.at, ref.at + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None, False
        noun = span[0]
        det = next((c for c in noun.lefts if c.dep_ in ("det", "poss")), None)
        if det is None or (det.dep_ == "det" and det.lower_ not in DEFINITE_DETERMINERS):
            return None, False
        if pron not in ("he", "she"):
            return None, True
        end = noun.idx + len(noun)
        ent = self.resolve_nominal(self.text[det.idx : end], det.idx)
        ok = ent is not None and ent.type == "PERSON" and self.fits(ent, pron)
        return (ent if ok else None), True

    def _others_in(self, ss: int, end: int, desc_at: int, pron: str) -> bool:
        """Whether a sentence ``[ss, end)`` names, outside quotations and outside its
        described subject's phrase, an actor that agrees with ``pron`` (a rival antecedent:
        "A reporter asked Roe …. He replied")."""
        span = (
            self.doc.char_span(desc_at, desc_at + 1, alignment_mode="expand") if self.doc else None
        )
        lo, hi = desc_at, desc_at + 1
        if span is not None and len(span):
            lo, hi = subtree_extent(span[0])
        return any(
            self._weak_fit(ent, pron) and (pron != "it" or ent.type != "GPE")
            for s, e, ent in self.mentions_from(ss, end)
            if not self.in_quote(s)
            and not (lo <= s < hi)
            and (pron not in ("he", "she") or ent.type in _PEOPLE)
        )

    def _example_person(self, noun: Token) -> Entity | None:
        """The one person a plural noun gives as its example ("critics like Ivo Roe",
        "analysts such as Jane Roe", "aides, including Ivo Penn,"); ``None`` for none or
        several ("critics like Roe and Penn")."""
        found: list[Entity] = []
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            if prep.lower_ not in EXAMPLE_PREPOSITIONS:
                continue
            if prep.lower_ == "as" and not any(
                c.lower_ == "such" for c in (*prep.children, *noun.children)
            ):
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if any(c.dep_ == "conj" for c in obj.children):
                    return None
                lo, hi = subtree_extent(obj)
                ent = self.actor_in(lo, hi, head=obj.idx)
                if ent is not None and ent.type == "PERSON":
                    found.append(ent)
        return found[0] if len({e.id for e in found}) == 1 else None

    def _bare_name(self, tok: Token) -> str:
        """A person's name the parse makes a subject but no entity holds ("Trump's wife,
        Melania, is …"; a rare name the entity stage missed): the proper noun with the
        proper nouns compounded before it, when spaCy tags it a person or its first word is
        a known first name; else "". (Only a "he"/"she" may take it: ``_name_fits``.)"""
        if tok.pos_ != "PROPN" or self.in_quote(tok.idx):
            return ""
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        if not all(w.text[:1].isupper() and w.text.isalpha() for w in words) or len(words) > 3:
            return ""
        first = words[0].lower_
        # a name in apposition to a person noun is a person's, however NER types it ("one
        # survivor, a student who gave only her first name, Noor, said")
        # (or one a person noun is in apposition to, "Ivo Roe, a professor at …, said",
        # which NER may type an organisation)
        of_person = (
            tok.dep_ == "appos" and tok.head.lemma_.lower() in DESCRIBED_PERSON_NOUNS
        ) or _person_appos(tok)
        if (
            tok.ent_type_ != "PERSON"
            and first not in MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
            and not of_person
        ):
            return ""
        return " ".join(w.text for w in words)

    def _bare_thing(self, tok: Token) -> str:
        """A singular proper-noun subject no entity holds that is no person's name ("In a
        post, Acme said …" when the entity stage missed Acme): its proper nouns, else ""
        (only an "it" may take it, ``Ref.thing``)."""
        if tok.tag_ != "NNP" or self.in_quote(tok.idx) or tok.ent_type_ not in _THING_TYPES:
            return ""
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.tag_ == "NNP"] + [tok]
        if len(words) > 4 or not all(w.is_alpha and w.text[:1].isupper() for w in words):
            return ""
        if words[0].lower_ in MALE_FIRST_NAMES | FEMALE_FIRST_NAMES:
            return ""
        if any(c.dep_ in ("poss", "det") for c in tok.children):
            return ""  # ("Roe's Acme", "the Acme"): a modified name, not the thing itself
        return " ".join(w.text for w in words)

    @staticmethod
    def _name_fits(name: str, pron: str) -> bool:
        """Whether a bare name (``_bare_name``) agrees with "he"/"she" (by its first name,
        when it is a known one)."""
        gender = _GENDERED.get(pron)
        if pron not in ("he", "she") or gender is None:
            return False
        first = name.split()[0].lower()
        if gender == "m":
            return first not in FEMALE_FIRST_NAMES or first in MALE_FIRST_NAMES
        return first not in MALE_FIRST_NAMES or first in FEMALE_FIRST_NAMES

    # -- agreement -------------------------------------------------------------------------

    def genders(self) -> dict[str, str]:
        """Each person's gender as the article shows it (entity id -> "m"/"f").

        "Mr."/"Mrs."/"Ms." before a mention counts two votes; the first "he", "she" or "his"
        after a mention in its sentence ("Jane Roe said she …"), before the next person's
        mention, one; a common first name of the name or an alias three (a stray pronoun
        after a mention is the noisiest evidence: "Roe, who met Jane Doe, she said"). A
        gender needs a margin of two votes, or a first name the votes lean towards, so
        two stray pronouns do not overturn a first name. A person without a gender agrees
        with "he" and "she" alike.
        """
        if self._genders is not None:
            return self._genders
        text = self.text
        votes: dict[str, list[int]] = {}
        people = [x for x in self.mentions if x[2].type == "PERSON"]
        for i, (s, e, ent) in enumerate(people):
            v = votes.setdefault(ent.id, [0, 0])
            h = _HONORIFIC_GENDER.search(text, max(0, s - 6), s) or _HONORIFIC_GENDER.match(
                text[s : min(e, s + 6)].split(" ")[0]
            )
            if h:
                v[0 if h.group("m") else 1] += 2
            stop = min(
                people[i + 1][0] if i + 1 < len(people) else len(text),
                self.sentence(s)[1],
                e + 150,
            )
            if self.in_quote(e):
                continue
            p = _GENDERED_RE.search(text, e, max(e, stop))
            if p and not self.in_quote(p.start()):
                v[0 if _GENDERED[p.group().lower()] == "m" else 1] += 1
        named: dict[str, str] = {}  # the gender a known first name gives
        for ent in self.entities:  # a common first name: a prior worth three votes
            first = self._first_name(ent)
            if first:
                v = votes.setdefault(ent.id, [0, 0])
                v[0] += 3 if first in MALE_FIRST_NAMES else 0
                v[1] += 3 if first in FEMALE_FIRST_NAMES else 0
                if (first in MALE_FIRST_NAMES) != (first in FEMALE_FIRST_NAMES):
                    named[ent.id] = "m" if first in MALE_FIRST_NAMES else "f"
        # one stray pronoun is no evidence ("Roe, who met Jane Doe, she said"): a margin of
        # two; below it, a first name decides when the votes still lean its way ("Jane Roe
        # … Roe's record, his rival said": two stray "his" against her name leave her "she",
        # not a person of no gender whom a later "he" fits; PolNeAR train q2: 4 quotes of a
        # man given to a woman's first name with stray "he"/"his" after her name)
        genders = {
            k: ("m" if m > f else "f")
            for k, (m, f) in votes.items()
            if abs(m - f) >= 2 or (m != f and named.get(k) == ("m" if m > f else "f"))
        }
        # a surname alone the entity stage kept apart from the full name ("Ivo Roe" in a
        # headline, "Roe" in the story): the gender of the people it ends, when they agree
        # (PolNeAR train: "Chuck Grassley" and "Grassley" as two entities left "Grassley"
        # without a gender, and a later "she" went to him); every full name must show one
        # ("Dick Cheney" and a "Liz Cheney" of no known gender: "Cheney" may be either)
        by_surname: dict[str, set[str]] = {}
        for ent in self.entities:
            words = ent.name.split()
            if ent.type == "PERSON" and len(words) > 1:
                by_surname.setdefault(words[-1].lower(), set()).add(genders.get(ent.id, "?"))
        for ent in self.entities:
            words = ent.name.split()
            if ent.type == "PERSON" and len(words) == 1 and ent.id not in genders:
                known = by_surname.get(words[0].lower(), set())
                if len(known) == 1 and "?" not in known:
                    genders[ent.id] = known.pop()
        self._genders = genders
        return self._genders

    @staticmethod
    def _first_name(ent: Entity) -> str:
        """The known first name of a person's name, else of its aliases ("Obama", also
        written "Barack Obama"), lower-cased; "" when none is known or the aliases' disagree."""
        if ent.type != "PERSON":
            return ""
        known = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
        words = ent.name.split()
        if len(words) > 1 and words[0].lower() in known:
            return words[0].lower()
        firsts = {
            w[0].lower() for n in ent.aliases if len(w := n.split()) > 1 and w[0].lower() in known
        }
        return firsts.pop() if len(firsts) == 1 else ""

    def fits(self, ent: Entity, pronoun: str) -> bool:
        """Whether an actor agrees with a pronoun in number, kind and (for people) gender."""
        want = SUBJECT_PRONOUNS.get(pronoun)
        if want == "it":
            return ent.type in ("ORG", "GPE")
        num = entity_number(ent)
        if want == "sg":
            gender = _GENDERED.get(pronoun)
            return num == "sg" and (gender is None or self.genders().get(ent.id, gender) == gender)
        # ("they" for a country is rare in news, which says "it"; "in Texas" is no "they")
        return num == "pl" or ent.type in ("ORG", "NORP")

    # -- pronouns --------------------------------------------------------------------------

    def resolve_pronoun(
        self, pronoun: str, at: int, speakers: Sequence[tuple[int, Entity]] = ()
    ) -> Entity | None:
        """The actor a third-person subject pronoun at offset ``at`` stands for
        (``resolve_pronoun_ref``; ``None`` also for a person no entity holds)."""
        return self.resolve_pronoun_ref(pronoun, at, speakers).entity

    def resolve_pronoun_ref(
        self,
        pronoun: str,
        at: int,
        speakers: Sequence[tuple[int, Entity]] = (),
        guess: bool = True,
        pron_at: int | None = None,
    ) -> Ref:
        """What a third-person subject pronoun at offset ``at`` stands for: an actor, a
        bare name the entity stage did not keep (``Ref.name``, "he"/"she" only), or nothing.

        The subject of the closest narrative sentence before ``at`` that fits wins (a pronoun
        subject there points further back); failing that, the last of ``speakers`` (offset,
        actor; in text order) within reach that fits, then any fitting actor of the closest
        sentences, then the last fitting mention before ``at``.

        Without ``guess`` (an indirect statement's speaker), "it"/"they" take no actor merely
        named in a sentence before (one neither its subject nor the last speaker): that
        fallback is most often the thing or group spoken about, not the speaker.

        ``pron_at``: where the pronoun itself is, when ``at`` is a quotation's start before
        it ("“…,” it reads"); its verb is read there (``_verb_after``).
        """
        pron = pronoun.lower()
        if pron not in SUBJECT_PRONOUNS:
            return Ref()
        i = bisect.bisect_left(speakers, at, key=lambda x: x[0]) - 1
        key = (pron, at, (speakers[i][0], speakers[i][1].id) if i >= 0 else None, guess)
        verb = self._verb_after(pron_at if pron_at is not None else at, pron)
        if verb in _DOCUMENT_VERBS and pron == "it":
            # "“…,” it reads": only a text reads; an organisation named before is no
            # antecedent (it "says"); the document the sentences before are about, else none
            return self._document_before(at)
        if verb in _CONTINUING_VERBS and pron in ("he", "she"):
            # "She added, “…”": adding presupposes words of hers just before; the last
            # speaker, when no other person of that gender is named since, not an older subject
            last = self._continued_speaker(at, pron, speakers)
            if last is not None:
                return Ref(last)
        if key not in self._resolved:
            self._resolved[key] = self._resolve_pronoun_ref(pron, at, speakers, guess)
        return self._resolved[key]

    def _verb_after(self, pos: int, pron: str) -> str:
        """The word right after the pronoun at ``pos`` (lower-cased), "" when ``pos`` holds
        no such pronoun."""
        m = re.match(rf"{pron}\s+([a-z]+)\b", self.text[pos : pos + 40], re.I)
        return m.group(1).lower() if m else ""

    def _sentences_back(self, at: int) -> Iterator[tuple[int, int]]:
        """The sentences starting before ``at``, the nearest first, each as (start, end) with
        its end cut at ``at`` (a sentence holding ``at`` gives its part before it)."""
        k = bisect.bisect_right(self._sent_starts, at - 1) - 1
        while k >= 0:
            ss, se = self.sents[k]
            k -= 1
            yield ss, min(se, at)

    def _document_before(self, at: int) -> Ref:
        """The document a subject of the closest narrative sentences before ``at``
        describes ("The memo, sent by Ivo Roe, …"), as text; else no answer."""
        seen = 0
        for ss, end in self._sentences_back(at):
            if seen >= 3:
                break
            probes = range(ss, end, max(1, (end - ss) // 8))
            if end <= ss or 2 * sum(map(self.in_quote, probes)) > len(probes):
                continue  # mostly quoted: its words say nothing of what "it" is
            seen += 1
            subj = self.subject(ss, end, strict=True, quoted=True)
            if subj.desc and self._description_fits(subj, "it"):
                return Ref(name=subj.desc)
            if subj.pronoun == "it" and subj.at < at:
                return self._document_before(subj.at)  # "It was sent at noon. …"
        return Ref()

    def _continued_speaker(
        self, at: int, pron: str, speakers: Sequence[tuple[int, Entity]]
    ) -> Entity | None:
        """The last speaker before ``at``, when it agrees with ``pron``, is recent, and no
        other person of that gender is named outside quotations since its quotation."""
        i = bisect.bisect_left(speakers, at, key=lambda x: x[0]) - 1
        if i < 0 or at - speakers[i][0] >= _RECENT:
            return None
        since, last = speakers[i]
        if not self.fits(last, pron):
            return None
        for s, _, ent in self.mentions_from(since, at):
            if (
                ent.id != last.id
                and ent.type in _PEOPLE
                and not self.in_quote(s)
                and self.fits(ent, pron)
            ):
                return None
        return last

    def _resolve_pronoun_ref(
        self, pron: str, at: int, speakers: Sequence[tuple[int, Entity]], guess: bool = True
    ) -> Ref:
        choice = (
            self.reporter_subject(at, pron)
            or self.side_clause_subject(at, pron)
            or self.fronted_report_subject(at, pron)
        )
        if choice is None and pron == "they" and self._group_before(at):
            # "Three economists studied the data. They found …": a group no actor names is
            # the nearest antecedent; an earlier actor would be a guess
            return Ref()
        unnamed = False
        if choice is None:
            prev = self._previous_subject_ref(
                at, pron, subjects_only=True, speakers=speakers, guess=guess
            )
            if prev.entity is not None or prev.name:
                return prev
            unnamed = prev.unnamed
            if prev.pronoun is not None:
                # "She had left. She said …" with the first "she" unresolved: the chain
                # names no one the text supports, and an earlier actor would be a guess
                return Ref()
        if choice is None:
            # the last speaker before ``at`` (``speakers`` is in text order: bisect, not a
            # scan of every earlier speaker, which was quadratic in a long article)
            i = bisect.bisect_left(speakers, at, key=lambda x: x[0]) - 1
            last = speakers[i][1] if i >= 0 and at - speakers[i][0] < _RECENT else None
            choice = last if last is not None and self.fits(last, pron) else None
        if unnamed:
            return Ref(choice)  # (no earlier subject or mention is the unnamed person)
        if choice is None and (guess or pron in ("he", "she")):
            # any fitting actor of the closest sentences; for an indirect statement's
            # "it"/"they" that actor is most often what the statement is about, not its
            # speaker (PolNeAR train, spaCy: iWrong 0.105 -> 0.097 on q0, 0.123 -> 0.113 on
            # q2; a direct quotation's "they said" keeps it: without it noSpk rose; leaving it
            # out for an indirect statement's "he"/"she" too turned one right speaker on q0
            # into a wrong one and changed nothing on q2)
            choice = self._previous_subject(at, pron)
        if choice is None and pron in ("he", "she"):
            # the last fitting mention within reach: for a person; "it" and "they" so far
            # back are most often a thing or a group no actor names (wrong more often than
            # right on PolNeAR train)
            hi = bisect.bisect_left(self._mention_starts, at)
            choice = next(
                (
                    ent
                    for s, e, ent in (self.mentions[i] for i in range(hi - 1, -1, -1))
                    if e <= at
                    and not self.in_quote(s)
                    and self._weak_fit(ent, pron)
                    and at - e < _RECENT
                    and not self._modifier_mention(s, e)
                    and not self.headline(s)
                ),
                None,
            )
        return Ref(choice)

    def reporter_subject(self, at: int, pron: str) -> Entity | None:
        """ "Roe boasted that he …", "Roe says she wants …": in a reported clause, the
        subject of the reporting verb, when it agrees (the governing clause's subject,
        Hobbs). With a parse: the pronoun's verb is a ``ccomp`` whose head has a named
        subject before it; without one, a name followed by one to three words ending in a
        verb form ("-ed"/"-s"/"said") and an optional "that" right before the pronoun.
        """
        ss = self.sentence(at)[0]
        if at <= ss or self.in_quote(at):
            return None
        if self.doc is not None:
            span = self.doc.char_span(at, at + len(pron), alignment_mode="expand")
            tok = span[0] if span is not None and len(span) else None
            if tok is None or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
                return None
            gov = tok.head.head
            if gov.dep_ == "acomp" and gov.i < tok.i:
                gov = gov.head  # "Roe is not sure she can vote": the subject of "is sure"
            for subj in gov.children:
                if (
                    subj.dep_ in ("nsubj", "nsubjpass")
                    and subj.i < tok.i
                    and subj.idx >= ss
                    and subj.lower_ not in _PRONOUN_WORDS
                ):
                    lo, hi = subtree_extent(subj)
                    ent = self.actor_in(lo, hi, head=subj.idx)
                    return ent if ent is not None and self.fits(ent, pron) else None
            return None
        before = [x for x in self.mentions_from(ss, at) if not self.in_quote(x[0])]
        if not before:
            return None
        _, e, ent = before[-1]
        if _REPORTED.fullmatch(self.text, e, at) and self.fits(ent, pron):
            return ent
        return None

    def fronted_report_subject(self, at: int, pron: str) -> Entity | None:
        """ "Roe was shocked by the crowd, she said": the named person who is the subject of
        an unquoted reported clause that comes before the "he"/"she" reporting it, when
        they agree and no other person is the subject of that clause (needs a parse). The
        caller uses it for a reported content that is not a quotation: a speaker telling of
        herself, which a search before the content cannot see."""
        if self.doc is None or pron not in ("he", "she") or self.in_quote(at):
            return None
        span = self.doc.char_span(at, at + len(pron), alignment_mode="expand")
        tok = span[0] if span is not None and len(span) else None
        if tok is None or tok.dep_ != "nsubj" or tok.head.lemma_ not in SPEECH_LEMMAS:
            return None
        ss = self.sentence(at)[0]
        found: dict[str, Entity] = {}
        for clause in tok.head.children:
            if clause.dep_ != "ccomp" or clause.i > tok.i or clause.idx < ss:
                continue
            for subj in clause.children:
                if subj.dep_ not in ("nsubj", "nsubjpass") or self.in_quote(subj.idx):
                    continue
                if subj.lower_ in _PRONOUN_WORDS:
                    return None  # ("he was shocked, she said": someone else's chain)
                lo, hi = subtree_extent(subj)
                ent = self.actor_in(lo, hi, head=subj.idx)
                if ent is None or ent.type != "PERSON" or not self.fits(ent, pron):
                    return None
                found[ent.id] = ent
        return next(iter(found.values())) if len(found) == 1 else None

    def side_clause_subject(self, at: int, pron: str) -> Entity | None:
        """ "As Roe left the hall, he said …": the subject of an adverbial clause that opens
        the pronoun's own sentence, when it agrees (the nearest antecedent in the sense of
        Hobbs's algorithm: a clause the pronoun's clause governs).

        With a parse: a non-pronoun subject of an ``advcl`` of the pronoun's verb before the
        pronoun; without one, a name right after an opening subordinator ("As", "But when",
        "Though") with one comma between it and the pronoun. Two different candidates (a
        tie): ``None``.
        """
        ss = self.sentence(at)[0]
        if at <= ss or self.in_quote(at):
            return None
        found: list[Entity] = []
        if self.doc is not None:
            span = self.doc.char_span(at, at + len(pron), alignment_mode="expand")
            tok = span[0] if span is not None and len(span) else None
            if tok is None or tok.dep_ not in ("nsubj", "nsubjpass"):
                return None
            # the pronoun's verb's own adverbial clauses, and those of the clause it reports
            # when that comes first ("Though Roe grew up here, rents rose, she said")
            heads = [tok.head, *(c for c in tok.head.children if c.dep_ == "ccomp" and c.i < tok.i)]
            for clause in (c for h in heads for c in h.children):
                if clause.dep_ != "advcl" or clause.i > tok.i or clause.idx < ss:
                    continue
                for subj in clause.children:
                    if subj.dep_ in ("nsubj", "nsubjpass") and subj.lower_ not in _PRONOUN_WORDS:
                        lo, hi = subtree_extent(subj)
                        ent = self.actor_in(lo, hi, head=subj.idx)
                        if ent is not None and self.fits(ent, pron):
                            found.append(ent)
        else:
            opener = _SIDE_OPENER.match(self.text, ss, at)
            first = self.mentions_from(ss, at)[:1]
            if opener and first and first[0][0] == opener.end():
                _, e, ent = first[0]
                if re.fullmatch(r"[^,;:“”\"]*,\s*", self.text[e:at]) and self.fits(ent, pron):
                    found.append(ent)
        return found[0] if len({e.id for e in found}) == 1 else None

    def _modifier_mention(self, s: int, e: int) -> bool:
        """Whether the mention ``[s, e)`` only modifies a noun after it ("the Kelby naval
        base", "the Ostrow plant"): a name used as a modifier introduces no referent a
        later "he"/"she" picks up (needs a parse)."""
        if self.doc is None:
            return False
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            return False
        last = span[-1]
        return last.dep_ in ("compound", "amod", "nmod") and last.head.i >= span.end

    def _demonym_mention(self, s: int, e: int, ent: Entity) -> bool:
        """Whether the mention ``[s, e)`` is a plural demonym standing for people of the
        country ``ent`` ("Two Kestrians were hurt", ``_demonym_people``; needs a parse)."""
        if self.doc is None or ent.type not in ("GPE", "LOC"):
            return False
        span = self.doc.char_span(s, e, alignment_mode="expand")
        return span is not None and len(span) > 0 and _demonym_people(span[-1], ent)

    def _weak_fit(self, ent: Entity, pron: str) -> bool:
        """``fits``, for an actor that is no subject: a country named in passing ("in
        Spain", "trade with China") is no antecedent of "it"."""
        return self.fits(ent, pron) and not (pron == "it" and ent.type == "GPE")

    def _group_before(self, at: int) -> bool:
        """Whether the closest narrative sentence before ``at`` has a plural noun subject
        that names no actor (needs a parse)."""
        if self.doc is None:
            return False
        for ss, end in self._sentences_back(at):
            if end <= ss or all(self.in_quote(i) for i in range(ss, end, max(1, (end - ss) // 8))):
                continue
            ref = self.subject(ss, end, strict=True)
            return ref.group and not ref.name  # ("Roe and Penn argue": two named people)
        return False

    def _previous_subject(
        self, limit: int, pron: str, subjects_only: bool = False
    ) -> Entity | None:
        return self._previous_subject_ref(limit, pron, subjects_only).entity

    def _side_pronoun(self, ss: int, end: int, pron: str) -> int | None:
        """The offset of ``pron`` as the subject of an adverbial clause of the main verb of
        the sentence ``[ss, end)`` ("As he spoke …, there were no …"), outside quotations,
        else ``None`` (needs a parse)."""
        if self.doc is None or pron not in ("he", "she"):
            return None
        span = self.doc.char_span(ss, end, alignment_mode="contract")
        if span is None or not len(span):
            return None
        for root in (t for t in span if t.dep_ == "ROOT"):
            for clause in (c for c in root.children if c.dep_ == "advcl"):
                for w in clause.children:
                    if w.dep_ == "nsubj" and w.lower_ == pron and not self.in_quote(w.idx):
                        return int(w.idx)
        return None

    def _people_in(self, ss: int, end: int, pron: str) -> set[str]:
        """The ids of the people named in ``[ss, end)`` outside quotations whose known gender
        is that of "he"/"she" ``pron`` (not a name modifying a noun, "the Roe campaign")."""
        return {
            ent.id
            for s, e, ent in self.mentions_from(ss, end)
            if ent.type == "PERSON"
            and e <= end
            and not self.in_quote(s)
            and self.genders().get(ent.id) == _GENDERED.get(pron)
            and not self._modifier_mention(s, e)
        }

    def _interrupting(self, ss: int, at: int) -> bool:
        """Whether the pronoun at ``at`` is the subject of a speech clause set off by commas
        that interrupts its sentence's main clause after that clause's subject ("Ivo Penn,
        she added, amounts to …": the parse hangs "added" on "amounts" as ``parataxis``)."""
        if self.doc is None or not re.search(r"\S,\s*$", self.text[ss:at]):
            return False
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        tok = span[0] if span is not None and len(span) else None
        if tok is None or tok.dep_ != "nsubj" or tok.head.dep_ != "parataxis":
            return False
        main = tok.head.head
        return main.i > tok.head.i and any(
            c.dep_ in ("nsubj", "nsubjpass") and ss <= c.idx < at for c in main.children
        )

    def _previous_subject_ref(
        self,
        limit: int,
        pron: str,
        subjects_only: bool = False,
        speakers: Sequence[tuple[int, Entity]] | None = None,
        guess: bool = True,
    ) -> Ref:
        """The subject of the closest narrative sentence before ``limit`` that fits ``pron``
        (an actor, or a bare name for "he"/"she").

        With ``subjects_only`` only grammatical subjects count; otherwise, failing one, the
        first fitting actor mentioned in the sentence (a name in a side clause, "Asked
        whether Roe would run, she said", is a weaker antecedent than the last speaker).
        """
        k = bisect.bisect_right(self._sent_starts, limit - 1) - 1
        seen = 0
        reported = False  # whether the sentence before a quotation was read for its reporter
        # people of the pronoun's gender named before it in its own sentence, which gave no
        # answer ("That earned her Roe's anger - he called her …"): a subject further back
        # is no safe antecedent while one of them may be "he" (a tie in salience: no answer;
        # PolNeAR train q2: the same test over every sentence read between took away more
        # right speakers than wrong ones)
        rivals: set[str] = set()
        last: tuple[int, int] | None = None  # the sentence read before this one
        while k >= 0 and seen < 3:
            ss, se = self.sents[k]
            k -= 1
            end = min(se, limit)
            if end <= ss or all(self.in_quote(i) for i in range(ss, end, max(1, (end - ss) // 8))):
                continue  # quoted text says nothing about who "he" is
            if self.text[ss:end].lstrip().startswith("(") and self.text[ss:se].rstrip().endswith(
                ")"
            ):
                continue  # an aside in brackets ("(Roe Footwear makes her shoes.)") is no topic
            if self.headline(ss):
                continue  # a title-case headline names no topic of the story's sentences
            if end == limit and self._interrupting(ss, limit):
                # the pronoun's own sentence, its clause set off by commas: "Ivo Penn, she
                # added, is …" — the subject before it is what she speaks about, not her
                continue
            seen += 1
            if (
                last is not None
                and last[1] == limit
                and pron in ("he", "she")
                # (not when the same pronoun comes before them: "Though he did not name
                # Roe, he made it clear" continues that pronoun's chain; nor in a content
                # the pronoun reports after it, "… compared with Roe's ads, he said": what he
                # speaks of, PolNeAR train q3)
                and not re.search(rf"\b{pron}\b", self.text[last[0] : limit], re.I)
                and not re.search(
                    rf"[,”\"'’]\s*{pron}\s+(?:[a-z]+ed|[a-z]+s|said)\b",
                    self.text[limit : self.sentence(limit)[1]],
                    re.I,
                )
            ):
                rivals |= self._people_in(last[0], last[1], pron)
            last = (ss, end)
            if (
                not reported
                and end < limit
                and re.search(r"\w", self.text[ss:end])
                and self.in_quote(limit)
            ):
                reported = True
                # "Roe, Penn said, has created a mess. “…,” he said.": the quotation goes
                # on with the speaker of the report just before, not with its subject
                # (also a described one, "The plan, the aide said, failed. “…,” he said.":
                # the aide, not someone named before; PolNeAR train q0: 1 right, 0 wrong)
                reporter = self._interrupting_reporter(ss, end, pron)
                if reporter is not None:
                    return reporter
            elif re.search(r"\w", self.text[ss:end]):
                reported = True  # (only the sentence right before the quotation)
            subj = self.subject(ss, end, strict=subjects_only, quoted=speakers is not None)
            if pron == "it" and subj.thing and subj.entity is None and seen == 1:
                # "In a post, Acme said … It added": a name the entity stage missed is
                # the sentence's subject; an actor named further back would be a guess
                # (only the closest sentence: further back, a line such as a section's
                # one-word heading is no antecedent; PolNeAR train q1)
                return Ref(name=subj.thing)
            if pron == "they" and subj.group and subj.name and subj.entity is not None:
                return Ref(name=subj.name)  # "Roe and Penn argue …. They write"
            if subj.entity is not None and self.fits(subj.entity, pron):
                if rivals - {subj.entity.id}:
                    return Ref(pronoun=pron, at=limit)  # (unsure: no answer)
                return Ref(subj.entity)
            if subj.desc and subj.unnamed and pron in ("he", "she"):
                # the subject is a person new to the story, an indefinite description ("A
                # 29-year-old woman …", "One pastor, Ivo Roe of …, said"): no earlier
                # sentence's subject can be "he"/"she". The person named beside it if one
                # fits; else the description, when it agrees and no one is named near it;
                # else no one (the last speaker decides; further back than the sentence
                # before, read on).
                noun_end = subj.desc_end
                named = [
                    x[2]
                    for x in self.mentions_from(noun_end, min(end, noun_end + 100))
                    if x[2].type in _PEOPLE
                    and not self.in_quote(x[0])
                    # in apposition ("One pastor, Ivo Roe,"), or named by a participle of
                    # naming ("a pastor named Ivo Roe"), not an object ("One pastor
                    # supporting Mr. Roe")
                    and re.fullmatch(
                        r"(?:.*,)?\s*(?:(?:named|called)\s+)?", self.text[noun_end : x[0]], re.S
                    )
                ]
                bare = "" if named else self._newcomer_name(subj.at, end)
                if named and self.fits(named[0], pron):
                    return Ref(named[0])
                if bare and self._name_fits(bare, pron):
                    return Ref(name=bare)
                if (
                    not named
                    and not bare
                    and (subj.name or self.doc is not None)
                    and self._description_fits(subj, pron)
                ):
                    # (with a parse, also a person named near it but not beside it, "One
                    # pastor supporting Mr. Roe said": still the newcomer, the subject)
                    return Ref(name=subj.name or self._with_article(subj))
                if seen == 1:
                    return Ref(unnamed=True)
                continue
            if subj.name and self._name_fits(subj.name, pron):
                return subj
            if (
                subj.desc
                and subjects_only
                and self._description_fits(subj, pron)
                and not self._others_in(ss, end, subj.at, pron)
            ):
                # "“…,” said the woman, who asked not to be named. “…,” she said.": the
                # nearest subject is someone no entity names (or "the memo … it said"):
                # an earlier name would be someone else. A definite description the article
                # ties to a name ("the actress") is that name; else the description itself.
                ent, definite = self._described(subj, pron)
                if ent is not None:
                    return Ref(ent)
                if pron == "it" or not definite:
                    return Ref(name=subj.desc)
                # (a definite one the resolver cannot tie to a name, "the Afro-Colombian
                # journalist", most often refers back to someone named further back: read on)
            if subj.pronoun == pron:
                # "As Roe campaigned, he stuck to …": the chain's antecedent is in that
                # sentence; else "He also warned …": keep looking for the name
                side = self.side_clause_subject(subj.at, pron)
                if side is not None:
                    return Ref(side)
                if (
                    speakers is not None
                    and self.doc is not None  # (without a parse most subjects go unseen)
                    and subj.at < limit
                    and self._depth < _CHAIN
                ):
                    # "Roe … She has said … On Sunday, she disclosed …": a subject
                    # pronoun continues the chain of the one before it (centering): it
                    # stands for what that one stands for, however far back its name is
                    self._depth += 1
                    try:
                        chained = self.resolve_pronoun_ref(pron, subj.at, speakers, guess)
                    finally:
                        self._depth -= 1
                    if chained.entity is not None or chained.name:
                        return chained
                    return Ref(pronoun=pron, at=subj.at)
                continue
            if subjects_only:
                side_at = (
                    self._side_pronoun(ss, end, pron)
                    if end < limit and subj.entity is None and not subj.pronoun and not subj.name
                    else None
                )
                if side_at is not None and speakers is not None and self._depth < _CHAIN:
                    # "As he waited in the hall of Acme Tower, there were no …": a sentence
                    # whose main subject names no one, with the same pronoun as the subject
                    # of its side clause, continues that pronoun's chain (not a name in it)
                    self._depth += 1
                    try:
                        chained = self.resolve_pronoun_ref(pron, side_at, speakers, guess)
                    finally:
                        self._depth -= 1
                    if chained.entity is not None or chained.name:
                        return chained
                    return Ref(pronoun=pron, at=side_at)
                if end < limit and subj.entity is None and not subj.pronoun:
                    # "The rancor is so blatant that Roe was asked about it. He said …":
                    # a sentence whose main subject names no one is about the one person
                    # who is the subject of a clause inside it (a recent subject beats the
                    # main subject of a sentence further back; two of them: no answer here)
                    inner = (
                        self._passive_agent(ss, end, pron)
                        or self._words_owner(ss, end, pron)
                        or self._inner_subject(ss, end, pron)
                        or self._imperative_object(ss, end, pron)
                    )
                    if inner is not None and rivals - {inner.id}:
                        return Ref(pronoun=pron, at=limit)  # (unsure: no answer)
                    if inner is not None:
                        return Ref(inner)
                continue
            fitting = [
                x[2]
                for x in self.mentions_from(ss, end)
                if not self.in_quote(x[0])
                and self._weak_fit(x[2], pron)
                and not self._modifier_mention(x[0], x[1])
                and not self._demonym_mention(x[0], x[1], x[2])
            ]
            if pron in ("he", "she"):
                fitting = [e for e in fitting if e.type in _PEOPLE]
            if fitting:
                return Ref(fitting[0])
        return Ref()

    # -- nominal back-references -----------------------------------------------------------

    def resolve_nominal(self, phrase: str, at: int) -> Entity | None:
        """The actor a definite description at offset ``at`` refers back to.

        "the Oregon senator" -> the latest person before ``at`` titled "Sen." or "senator";
        "the actress" -> failing a person with that role, the person subject of one of the
        two narrative sentences before, if the gender agrees; "the newspaper" -> the latest
        news outlet named; "the campaign" -> the latest organisation with "campaign" in its
        name. ``None`` when nothing qualifies.
        """
        parsed = nominal_head(phrase)
        if parsed is None:
            return None
        head, mods = parsed
        end = at + len(phrase.rstrip())
        linked = [
            x
            for x in self.mentions_from(at - self._maxlen, end)
            if x[0] <= at + len(phrase) - len(phrase.lstrip()) + 4 and x[1] >= end - 1
        ]
        if linked:  # the entity stage already linked it ("the minister", "the company")
            return max(linked, key=lambda x: x[1] - x[0])[2]
        before = [x for x in self.mentions_from(0, at) if x[1] <= at and not self.in_quote(x[0])]
        if head in PERSON_ROLE_NOUNS or head.removesuffix("s") in PERSON_ROLE_NOUNS:
            return self._person_by_role(head, mods, before, at)
        orgs = [x for x in before if x[2].type == "ORG"]
        named = [x for x in orgs if head in _name_words(x[2])]
        if named:
            return named[-1][2]
        if head in MEDIA_NOUNS:
            media = [x for x in orgs if _name_words(x[2]) & MEDIA_NAME_WORDS]
            return media[-1][2] if media else None
        return None

    def _person_by_role(
        self, head: str, mods: list[str], before: list[Mention], at: int
    ) -> Entity | None:
        plural = head not in PERSON_ROLE_NOUNS
        if plural:
            return None  # "the senators": a group, no single actor
        gender = PERSON_ROLE_NOUNS[head]
        people = [x for x in before if x[2].type == "PERSON"]
        for _, _, ent in reversed(people):
            if head in self.role_nouns(ent) and self._gender_ok(ent, gender):
                return ent
        # nobody holds the role: the person a sentence just before is about (the article's
        # most often named person was tried on PolNeAR train and was wrong more often than
        # right: "the self-described socialist" in an article mostly about his rival)
        seen = 0
        for ss, end in self._sentences_back(at):
            if seen >= 2:
                break
            if end <= ss or self.in_quote(ss + (end - ss) // 2):
                continue
            if end == at and re.search(r",\s*(?:[”\"’]|'')?\s*\Z", self.text[ss:at]):
                # "Roe is reckless, the vice president said" (or "“…, Roe,” the speaker
                # says"): the clause before a description set off by a comma is what it
                # reports, not who it is (the sentence still counts as one of the two:
                # "Six months ago, the senator said" looks no further back for it)
                seen += 1
                continue
            seen += 1
            subj = self.subject(ss, end, strict=True)
            cand = subj.entity
            if cand is not None and cand.type == "PERSON" and self._gender_ok(cand, gender):
                held = self.role_nouns(cand)
                # a role it already has under another noun ("Gov. Roe" is no "the senator")
                if not held or not (held & set(PERSON_ROLE_NOUNS)) or head in held:
                    return cand
        return None

    def role_nouns(self, ent: Entity) -> set[str]:
        """The nouns a person's role and titles give ("Sen." -> senator, lawmaker): its
        role, the first word of its aliases, and the title written before any mention."""
        if ent.id in self._roles:
            return self._roles[ent.id]
        words = _WORD.findall(ent.role or "")
        words += [a.split()[0] for a in [ent.name, *ent.aliases] if a.split()]
        for c in ent.mentions:
            m = _TITLE_BEFORE.search(self.text, max(0, c.start - 16), c.start)
            if m:
                words.append(m.group(1))
        out: set[str] = set()
        for w in words:
            f = _fold(w)
            out.add(f)
            out.update(TITLE_NOUNS.get(f, ()))
        self._roles[ent.id] = out
        return out

    def _gender_ok(self, ent: Entity, gender: str | None) -> bool:
        return gender is None or self.genders().get(ent.id, gender) == gender


def relative_antecedent(noun: Token, names: Callable[[Token], Entity | None]) -> Token | None:
    """The noun a relative clause ("…, who said") stands for, given the noun the parse hangs
    it on: that noun, unless it is a common noun naming no actor (``names``) nor a person
    (``lang.en.PERSON_ROLE_NOUNS``) inside a prepositional phrase of a noun that does ("one
    councillor close to the talks, who added" is the councillor, not the talks):
    then that noun; failing one, ``None`` for a prepositional object (the caller reads the
    phrase before the verb instead), else the noun. (The parse attaches the clause to the
    nearest noun.)
    """

    def person(tok: Token) -> bool:
        return (
            tok.pos_ == "PROPN" or names(tok) is not None or tok.lemma_.lower() in PERSON_ROLE_NOUNS
        )

    if person(noun):
        return noun
    tok = noun
    for _ in range(4):  # pobj -> prep -> (amod ->) the noun the phrase describes
        if tok.dep_ not in ("pobj", "prep", "amod", "acl") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and person(tok):
            return tok
    return None if noun.dep_ == "pobj" else noun


def _demonym_people(tok: Token, ent: Entity) -> bool:
    """Whether the noun ``tok`` is a plural demonym the entity stage tied to a country
    ("Two Kestrians were hurt"): people of the country, not the country, so no "it"
    (PolNeAR train q0: a memo's "it read" went to the country of such a subject)."""
    return ent.type in ("GPE", "LOC") and tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS")


def _cleft_focus(it: Token) -> Token | None:
    """The focus of a cleft sentence whose subject is ``it``: "It was Roe who spoke" -> Roe
    (a name or pronoun as ``attr`` of "be" with a relative or complement clause whose
    subject is "who"/"that"); "It was with that grit that Roe fought" -> Roe (the subject of
    the "that" clause after a fronted phrase). ``None`` for any other "it" ("It was a plan
    that failed" is about the plan: a common noun is left alone)."""
    be = it.head
    if be.lemma_ != "be" or it.i > be.i or it.dep_ != "nsubj":
        return None
    after = [c for c in be.children if c.i > be.i]
    for c in after:
        if c.dep_ == "attr" and c.pos_ in ("PROPN", "PRON"):
            clauses = [r for r in c.children if r.dep_ == "relcl" and r.i > c.i]
            clauses += [r for r in after if r.dep_ == "ccomp" and r.i > c.i]
            if any(
                w.dep_ in ("nsubj", "nsubjpass") and w.lower_ in ("who", "that")
                for r in clauses
                for w in r.children
            ):
                return c
        if c.dep_ == "prep":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            clauses = [r for p in objs for r in p.children if r.dep_ == "relcl" and r.i > p.i]
            clauses += [r for r in after if r.dep_ == "ccomp" and r.i > c.i]
            for r in clauses:
                if r.left_edge.lower_ != "that":
                    continue
                subj = [
                    w
                    for w in r.children
                    if w.dep_ in ("nsubj", "nsubjpass") and w.lower_ not in ("who", "that")
                ]
                if len(subj) == 1:
                    return subj[0]
    return None


def _possessor(tok: Token) -> bool:
    """Whether ``tok`` owns the noun it modifies: ``poss``, or a name with its own "'s" the
    small model labels ``nmod`` ("Roe’s article also attacked Penn …. He calls …": the
    owner, not the object named after it; PolNeAR train q1)."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "poss" or (
        tok.dep_ == "nmod" and nxt is not None and nxt.lower_ in ("'s", "’s")
    )


def _person_appos(name: Token) -> bool:
    """Whether a singular person noun stands in apposition to a name ("Ivo Roe, a professor
    at …"; ``lang.names.DESCRIBED_PERSON_NOUNS``): the name is a person's."""
    return any(
        c.dep_ == "appos" and c.tag_ == "NN" and c.lower_ in DESCRIBED_PERSON_NOUNS
        for c in name.children
    )


def _renamings(noun: Token) -> list[Token]:
    """The heads of the phrases that name again what ``noun`` names: its appositions, theirs
    ("the other man, his cousin Ivo Roe,"), and the object of a participle of naming ("a
    worker named Ivo Roe", "a firm called Acme"; the verbs a closed pair)."""
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ == "appos":
            out += [c, *(g for g in c.children if g.dep_ == "appos")]
        elif c.dep_ == "acl" and c.lemma_ in ("name", "call"):
            out += [g for g in c.children if g.dep_ in ("oprd", "dobj", "attr")]
    return out


def _name_words(ent: Entity) -> set[str]:
    return {_fold(w) for w in _WORD.findall(ent.name)}


def for_context(ctx: ArticleContext) -> Coref:
    """The resolver over an article's shared context (its entities must be set)."""
    spans = sorted(ctx.quote_spans)
    starts = [a for a, _ in spans]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return any(a <= pos < b for a, b in spans[max(0, k - 2) : k + 1])

    return Coref(ctx.text, ctx.sentences.spans, ctx.mentions, ctx.entities, ctx.doc, in_quote)
