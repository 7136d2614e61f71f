"""``bench/extract.py`` loaded as a module, for the tests of its PolNeAR scoring helpers
(one loader, shared by the test files that check the scoring)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "bench" / "extract.py"


def bench() -> ModuleType:
    if "bench_extract" in sys.modules:
        return sys.modules["bench_extract"]
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_extract"] = mod
    spec.loader.exec_module(mod)
    return mod


def segs(text: str) -> list[str]:
    """The quoted segments the scorer reads in ``text``."""
    return [text[a:b] for a, b in bench().quoted_segments(text, 0, len(text))]
