"""``python -m storyline.schema``: regenerate the shipped schema files from the model."""

from __future__ import annotations

from storyline.schema import write_all

for p in write_all():
    print(p)
