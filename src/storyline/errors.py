"""Typed errors. Every error a user can see is one line naming the input and the reason.

StorylineError
 ├── InputError          bad input: unreadable, binary, empty, malformed, too large
 │    └── CleanError     the cleaner found no article text in an input
 ├── StoreError          the database cannot be opened or migrated
 └── NotFoundError       an unknown story or article id
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line/paragraph separators, bidirectional overrides and
# isolates (they reorder what a terminal shows), and lone surrogates (a file name's bytes
# that are not UTF-8, as Python decodes them: U+DC80..U+DCFF stand for bytes 0x80..0xFF).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with every control character escaped, so it prints on one harmless line.

    Newlines and tabs become ``\\n``, ``\\r``, ``\\t``; other controls (terminal escape
    codes start with ESC, ``\\x1b``) ``\\xNN`` or ``\\uNNNN``; a byte of a non-UTF-8 file
    name ``\\xNN``, as Python shows bytes. Everything else is kept as is.
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:
        return f"\\x{n - 0xDC00:02x}"
    return _NAMED.get(c) or (f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}")


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input could not be ingested. ``source`` names it; ``reason`` says why.

    The message (what every shell prints) has its control characters escaped
    (``printable``): a file name holding a newline or a terminal escape code still gives
    one plain line.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(printable(f"{source}: {reason}"))
        self.source = source
        self.reason = reason


class CleanError(InputError):
    """Cleaning left no article text."""


class StoreError(StorylineError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(StorylineError):
    """An id names no stored story or article."""
