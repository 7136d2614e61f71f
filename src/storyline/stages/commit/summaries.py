"""Story summaries: a story's title and its number of independent sources."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from storyline.lang import (
    ABBREVIATIONS,
    CORE_SPEECH_FORMS,
    TRAILING_SPEECH_FORMS,
    alternation,
    stop_words,
)
from storyline.lang.en import HEADLINE_CUT_OPENERS
from storyline.lang.slots import STATE_ABBREVIATIONS
from storyline.models import Article, ArticleId
from storyline.stages.commit.ordering import earliest_key
from storyline.text import dateline_end, sentence_spans, tokens

# A headline is short: a lead sentence is cut to this many words at most.
TITLE_WORDS = 20
LEAD_CHARS = 600  # an article's lead: where its story is named


@functools.cache
def _stop() -> frozenset[str]:
    return stop_words() | TRAILING_SPEECH_FORMS | CORE_SPEECH_FORMS


@functools.cache
def _attribution() -> re.Pattern[str]:
    """ "…, French officials said Thursday." / "…, according to officials." at a sentence end."""
    verbs = alternation(TRAILING_SPEECH_FORMS | CORE_SPEECH_FORMS)
    return re.compile(
        rf",\s+(?:(?:[^,]{{0,70}}?\s)?(?:{verbs})\b[^,]{{0,40}}|according to [^,]{{0,70}})[.!]?$"
    )


# ", in coordination with the United States," inside a sentence: an aside a headline drops.
_ASIDE = re.compile(
    r",\s(?:in coordination with|together with|along with|alongside|backed by|with the support of)"
    r"\b[^,]{0,60},"
)


# ", the home church of the governor," after a name: an appositive a headline drops.
_APPOSITIVE = re.compile(r"(?<=[A-Za-z]), (?:the|a|an) [^,]{3,70}, (?=[a-z])")
# Where a long lead may end as a headline: before a clause that adds circumstances.
# The cut is at the comma: ", hours after …" ends before "hours".
_CLAUSE = re.compile(rf", (?:[\w-]+ ){{0,2}}?(?:{'|'.join(HEADLINE_CUT_OPENERS)}) ")


# Headline forms that do not name an event (issue 18). Wh-words and "here's" open a question
# or an explainer ("Why New York is pivotal", "What you need to know about …"): a closed class.
_EXPLAINER = re.compile(
    r"^(?:Why|How|What|Who|Whom|Whose|When|Where|Which|Here[’']s|Here (?:is|are))\b"
)
# A list article ("5 things to know", "Three takeaways from …"): a number, then a plural
# noun of the list genre (a small class of the form, not of any story's words).
_LIST = re.compile(
    r"^(?:\d+|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\s+(?:[\w-]+\s+)?"
    r"(?:things|ways|reasons|takeaways|questions|lessons|facts|moments|numbers)\b",
    re.IGNORECASE,
)
# A teaser that names news but not what it is ("X Just Got Some Devastating News", "Y
# Receives More Bad News"): a verb of getting or giving (a closed class) with "news" for
# its object.
_NEWS_TEASER = re.compile(
    r"\b(?:gets?|got|has|have|had|receives?|received|shares?|shared|delivers?|delivered"
    r"|breaks?|broke)\s+(?:[\w’'-]+\s+){0,2}?(?P<before>[\w’'-]+\s+)?news\b",
    re.IGNORECASE,
)


def _news_teaser(head: str) -> bool:
    """Whether a headline names news but not what it is ("Roe Just Got Some Bad News");
    an outlet's name ("Roe Has Fox News On Her Side", "… ABC News") is not news told."""
    m = _NEWS_TEASER.search(head)
    if m is None:
        return False
    before = (m.group("before") or "").strip()
    return not (before.isupper() or before == "Fox")


# A kicker before the headline: an ALL-CAPS label ("EXCLUSIVE:", "NEW HAMPSHIRE PRIMARY //")
# or a newsroom flag in any case ("Breaking:", "The Latest:"; a closed class of desk labels,
# which say how the item is published, not what happened). A one-word prefix in title case
# ("Sanders: …") is a speaker, kept; so are source labels ("Poll:", "Report:"), which hedge.
_FLAG = r"(?:breaking(?: news)?|exclusive|update[sd]?|live(?: updates)?|developing|just in|watch|the latest)"
_KICKER = re.compile(
    rf"^(?P<label>(?:[^a-z:/;?]*[A-Z]){{2}}[^a-z:/;?]*?|(?i:{_FLAG}))\s*(?::|//|\|)\s+(?=\S)"
)
# A sentence end inside a headline: "." or "?" after a word, before a capital.
_TITLE_STOP = re.compile(r"(?P<word>[^\W\d_]+)(?P<stop>[.?])[\"'”’]?\s+(?=[\"'“‘]?[A-Z])")
_LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")
# An acronym of an actor ("NASA: …", "FBI: …") is a speaker, not a kicker.
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,4}$")


def clean_title(title: str) -> tuple[str, bool]:
    """A real headline without its kicker and deck, and whether its form names no event.

    The kicker ("EXCLUSIVE: …", "Breaking: …", "NEW HAMPSHIRE PRIMARY // …") and the deck
    ("Head; deck", "Head. Second sentence?") are cut when what is left is a headline of three
    words or more; the form is poor when the head is a question, an explainer ("Why …",
    "What you need to know …"), a list ("5 things …") or a teaser ("…, But …", "Roe Just
    Got Some Bad News"): such a
    title is passed over for another member's headline or a lead. Returns ``("", True)`` when nothing usable is left.
    """
    t = " ".join(title.split())
    m = _KICKER.match(t)
    if m and not _ACRONYM.match(m.group("label").strip()):
        t = t[m.end() :]
    head = t.split("; ", 1)[0].rstrip(" ;")
    # "Head. Second sentence": the head is the first sentence, when it is a headline itself
    for m in _TITLE_STOP.finditer(head):
        word = m.group("word").lower()
        first = head[: m.start("stop")]
        if word in ABBREVIATIONS or word in STATE_ABBREVIATIONS or len(word) == 1:
            continue  # "Calif. fight", "U.S. Senate": an abbreviation, not a sentence end
        if m.group("stop") == "." and len(_LETTER_WORDS.findall(first)) >= 3:
            head = first  # a head that is a question stays one (and is poor)
        break
    if len(_LETTER_WORDS.findall(head)) < 3:
        return "", True
    # a teaser that trails off ("Roe Says Elm Is Safe, But …") leaves its event unsaid too
    teaser = head.endswith(("…", "..."))
    teaser = teaser or _news_teaser(head)  # "Roe Just Got Some Bad News"
    poor = "?" in head or teaser or bool(_EXPLAINER.match(head) or _LIST.match(head))
    return head, poor


def _words(text: str) -> list[str]:
    return [w for w in tokens(text) if len(w) > 2 and w not in _stop()]


def headline(sentence: str) -> str:
    """A lead sentence made a headline: without its attribution ("…, officials said
    Thursday") and asides (", in coordination with X,"); when longer than ``TITLE_WORDS``
    words, without an appositive (", the home church of …,"), then ended before a clause
    of circumstances (", after …", " when …") that keeps it within the limit, else cut at
    the limit with "…"."""
    s = " ".join(sentence.split())
    s = _attribution().sub("", s)
    s = _ASIDE.sub("", s).rstrip(" .;:,")
    if len(s.split()) > TITLE_WORDS:
        s = _APPOSITIVE.sub(" ", s)
    if len(s.split()) > TITLE_WORDS:
        # end at a clause boundary within the limit (whole words, nothing cut mid-clause)
        ends = [m.start() for m in _CLAUSE.finditer(s) if len(s[: m.start()].split()) >= 8]
        fit = [e for e in ends if len(s[:e].split()) <= TITLE_WORDS]
        if fit:
            s = s[: fit[-1]].rstrip(" ,;:")
    words = s.split()
    if len(words) > TITLE_WORDS:
        s = " ".join(words[:TITLE_WORDS]).rstrip(",;:") + "…"
    return s


def _lead(article: Article) -> str:
    """The article's first sentence of at least six words (its lead), without its dateline
    ("WASHINGTON (AP) — "), or ""."""
    for start, end in sentence_spans(article.text[: LEAD_CHARS * 2]):
        sent = article.text[start:end]
        sent = sent[dateline_end(sent) :]
        if len(sent.split()) >= 6 and not sent.lstrip().startswith(("“", '"', "(")):
            return sent
    return ""


def story_title(articles: Sequence[Article], vectors: np.ndarray) -> str:
    """A headline for a story that names its subject and its event.

    Candidates are the articles' real (not inferred) titles and their lead sentences made
    headlines (``headline``). Each scores by its closeness to the story's centroid and by
    how many of the story's key words it names: the words most independent articles use in
    their leads (the place, the actors, what is done: "Gaza", "force", "resolution"), so
    the title is the headline that names what the outlets agree the story is about, not
    one outlet's angle. Real titles are preferred (they are written as headlines), as are
    titles of ordinary headline length; titles that are mostly digits (a scraped
    timestamp) are skipped; a copy's title counts less.

    Args:
        articles: the story's articles (with their cleaned text: this runs at commit time).
        vectors: their embeddings, one row per article.
    """
    if not articles:
        return ""
    vecs = np.asarray(vectors, dtype=np.float32).reshape(len(articles), -1)
    centroid = vecs.sum(axis=0)
    norm = float(np.linalg.norm(centroid))
    sims = vecs @ (centroid / norm) if norm > 0 else np.zeros(len(articles), dtype=np.float32)
    # key words: those most independent articles use in their leads
    df: Counter[str] = Counter()
    originals = [a for a in articles if not a.duplicate_of] or list(articles)
    for a in originals:
        df.update(set(_words(a.text[:LEAD_CHARS])) | set(_words(a.title)))
    n = len(originals)
    key = {w: c / n for w, c in df.items() if c >= 2} if n >= 2 else {}
    best: tuple[float, tuple[int, str, str, str], str] | None = None
    for a, s in zip(articles, sims, strict=True):
        cands: list[tuple[str, float]] = []
        if not a.title_inferred:
            title, poor = clean_title(a.title)
            if title:
                # a question, explainer or list headline loses to an uncut lead
                cands.append((title, 0.3 - (0.4 if poor else 0.0)))
        lead = _lead(a)
        if lead:
            lead_title = headline(lead)
            cands.append((lead_title, -0.4 if "?" in lead_title else 0.0))
        for title, bonus in cands:
            words = re.findall(r"[^\W\d_]{2,}", title)
            if len(words) < 3:
                continue
            named = set(_words(title))
            # the key words it names, against the best a title of its length could name
            top = sorted(key.values())[-max(4, len(named)) :]
            cover = sum(key.get(w, 0.0) for w in named) / max(1.0, sum(top))
            score = float(s) + bonus + 0.8 * min(cover, 1.0)
            score += 0.05 if 4 <= len(words) <= 20 and len(title) <= 140 else 0.0
            score -= 0.1 if a.duplicate_of else 0.0
            score -= 0.15 if title.endswith("…") else 0.0  # a cut lead leaves its end unsaid
            cand = (-score, earliest_key(a), title)
            if best is None or cand < best:
                best = cand
    if best is not None:
        return best[2]
    central = articles[int(np.argmax(sims))]
    lead = " ".join(central.text.split())
    return lead if len(lead) <= 100 else lead[:99].rsplit(" ", 1)[0] + "…"


def count_independent(
    ids: Sequence[ArticleId], duplicate_of: Mapping[ArticleId, ArticleId | None]
) -> int:
    """Number of independent sources among ``ids`` once copies are collapsed.

    Copies are linked through ``duplicate_of`` (possibly in chains, possibly to an article
    outside ``ids``); each connected group counts once.
    """
    parent: dict[ArticleId, ArticleId] = {}

    def find(x: ArticleId) -> ArticleId:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for a in ids:
        b = duplicate_of.get(a)
        if b and b != a:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
    return len({find(a) for a in dict.fromkeys(ids)})


__all__ = ["clean_title", "count_independent", "headline", "story_title"]
