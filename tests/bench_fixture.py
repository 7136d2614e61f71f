"""Benchmark scripts under ``bench/`` loaded as modules, for tests that check their helpers
or reuse their inputs (one loader instead of a copy per test file)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"


def load_bench(name: str) -> ModuleType:
    """``bench/<name>.py`` as the module ``bench_<name>``, loaded once per process."""
    key = f"bench_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, BENCH_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[key] = mod
    spec.loader.exec_module(mod)
    return mod


def bench() -> ModuleType:
    """``bench/extract.py``, whose PolNeAR scoring helpers the scoring tests check."""
    return load_bench("extract")


def segs(text: str) -> list[str]:
    """The quoted segments the scorer reads in ``text``."""
    return [text[a:b] for a, b in bench().quoted_segments(text, 0, len(text))]
