"""The two halves of ingest, shared by every way in (``Engine.ingest``, batch, watch).

- ``prepare``: per article and pure (read, clean, terms, embed, extract); runs in any
  process, in any order.
- ``commit``: sequential, one process: versions, duplicates, story assignment and the
  store writes, in input order.
"""

from __future__ import annotations
