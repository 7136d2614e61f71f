"""Versions at one source: a source that reverts (A → B → A) makes A current again.

Before, the third sighting was taken as "already stored" and B stayed current.
"""

from __future__ import annotations

import json
from pathlib import Path

from storyline.engine import Engine

A = (
    "Lakeside Council approved the new ferry timetable on Monday. The mayor, Ilse Varga, "
    "said the morning crossing would run every twenty minutes from June."
)
B = (
    "Lakeside Council postponed the new ferry timetable on Monday. The mayor, Ilse Varga, "
    "said the council needed another month to consult the harbour staff."
)
C = (
    "Lakeside Council adopted an amended ferry timetable on Friday. The mayor, Ilse Varga, "
    "said the evening crossing would be added in July after the consultation."
)


def _current(eng: Engine, source: str) -> list[tuple[str, int]]:
    return sorted((a.text.split(" ")[2], a.version) for a in eng.articles() if a.source == source)


def _open(tmp_path: Path) -> Engine:
    return Engine.open(tmp_path / "v.db", embedder="tfidf", extractor="rules")


def test_a_file_that_reverts_makes_its_first_text_current_again(tmp_path: Path) -> None:
    page = tmp_path / "ferry.txt"
    with _open(tmp_path) as eng:
        for text in (A, B, A):  # the third input is byte for byte the first
            page.write_text("Ferry timetable\n\n" + text, encoding="utf-8")
            res = eng.ingest([str(page)])
            assert not res.errors
        (only,) = eng.articles()
        assert only.text.endswith(A) and only.version == 1
        assert res.reverted == 1 and not res.added
        # Every version is kept; A is the current one, B is not.
        every = eng.store.articles(current_only=False)
        assert sorted(a.version for a in every) == [1, 2]
        # The story lists A again, not B.
        (story,) = eng.stories()
        assert story.article_ids == [only.id]
        # A later change gets the next number and supersedes A.
        page.write_text("Ferry timetable\n\n" + C, encoding="utf-8")
        res = eng.ingest([str(page)])
        (now,) = eng.articles()
        assert now.text.endswith(C) and now.version == 3 and now.supersedes == only.id
    with _open(tmp_path) as eng:  # and it holds for a new process
        (now,) = eng.articles()
        assert now.version == 3


def test_a_feed_that_reverts_within_one_run(tmp_path: Path) -> None:
    """A, B, A at one URL in one input (one chunk): A is current at the end."""
    url = "https://lakeside.example/ferry"
    rows = [
        {"title": "Ferry timetable", "text": t, "url": url, "outlet": "Lakeside Post",
         "published": "2026-05-04"}
        for t in (A, B, A)
    ]  # fmt: skip
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with _open(tmp_path) as eng:
        res = eng.ingest([str(feed)])
        assert not res.errors and len(res.added) == 2 and res.reverted == 1
        (cur,) = eng.articles()
        assert cur.text.endswith(A)
        assert sorted(a.version for a in eng.store.articles(current_only=False)) == [1, 2]


def test_a_copy_seen_again_elsewhere_is_no_revert(tmp_path: Path) -> None:
    """A text first stored from another source is only a sighting at this one."""
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Ferry timetable\n\n" + A, encoding="utf-8")
    two.write_text("Ferry timetable\n\n" + B, encoding="utf-8")
    with _open(tmp_path) as eng:
        eng.ingest([str(one), str(two)])
        two.write_text("Ferry timetable\n\n" + A, encoding="utf-8")
        res = eng.ingest([str(two)])
        assert res.reverted == 0 and res.unchanged == 1
        assert len(eng.articles()) == 2  # both sources keep their own current text
