"""Typed errors. Every error a user can see is one line naming the input and the reason.

StorylineError
 ├── InputError          bad input: unreadable, binary, empty, malformed, too large
 │    └── CleanError     the cleaner found no article text in an input
 ├── StoreError          the database cannot be opened or migrated
 └── NotFoundError       an unknown story or article id
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input could not be ingested. ``source`` names it; ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class CleanError(InputError):
    """Cleaning left no article text."""


class StoreError(StorylineError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(StorylineError):
    """An id names no stored story or article."""
