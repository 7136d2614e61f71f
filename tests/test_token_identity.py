"""spaCy makes a new ``Token`` object on every access (``tok.head``, ``doc[i]``, iterating
children), so ``tok.head is tok`` is always false and ``tok.head is not tok`` always true:
the loops that meant to stop at the root ran to their bounds. Tokens are compared by
position (``tok.head.i == tok.i``); this scan keeps the identity form out of the code."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "storyline"

# a token's head compared by identity with a token
_HEAD_IDENTITY = re.compile(r"\.head\s+is\s+(?:not\s+)?(?!None\b)\w")
# two token variables compared by identity: right only while one was assigned from the other
_TOKEN_NAMES = r"(?:tok|gov|root|top|head|verb|subj|t)"
_VAR_IDENTITY = re.compile(rf"\b{_TOKEN_NAMES}\s+is\s+(?:not\s+)?{_TOKEN_NAMES}\b")


def test_no_token_compared_by_identity_with_a_head() -> None:
    found = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _HEAD_IDENTITY.search(line) or _VAR_IDENTITY.search(line)
    ]
    assert found == []
