"""The import contract: the layering of docs/architecture.md, checked from the source.

Every ``import`` and ``from … import`` in ``src/storyline`` is read with ``ast`` (module
level, inside functions and under ``TYPE_CHECKING`` alike: a lazy import is still a
dependency), and each module's imports of other storyline modules are checked against
the rules below. A plain test instead of import-linter: the rules fit in a table, and the
test needs nothing installed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PKG = SRC / "storyline"

# Foundation modules: the typed model, the text normalizer, settings, errors, language data,
# the spaCy loader and the BLAS limiter. Every layer may import them.
BASE = (
    "storyline.models",
    "storyline.text",
    "storyline.config",
    "storyline.errors",
    "storyline.lang",
    "storyline.nlp",
    "storyline.blas",
)

# (layer prefix, storyline modules it may import). A module is in the first layer whose
# prefix it matches; an import is allowed when it matches one of the allowed prefixes.
RULES: list[tuple[str, tuple[str, ...]]] = [
    ("storyline.stages", (*BASE, "storyline.stages")),
    ("storyline.render", ("storyline.models", "storyline.text", "storyline.render")),
    (
        "storyline.store",
        ("storyline.models", "storyline.errors", "storyline.serde", "storyline.store"),
    ),
    (
        "storyline.pipeline.prepare",
        (
            *BASE,
            "storyline.stages",
            "storyline.embed",
            "storyline.serde",
            "storyline.pipeline.prepare",
        ),
    ),
]

# The shells: they import the engine, render and the prepare function; never the store,
# never a stage, never the commit.
SHELLS = ("storyline.cli", "storyline.web", "storyline.batch", "storyline.watch")
SHELL_FORBIDDEN = ("storyline.store", "storyline.stages", "storyline.pipeline.commit")

# Nothing below imports upward into these.
FOUNDATION_FORBIDDEN = (
    "storyline.engine",
    "storyline.pipeline",
    "storyline.store",
    "storyline.render",
    "storyline.web",
    "storyline.cli",
    "storyline.batch",
    "storyline.watch",
    "storyline.stages",
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}


def _imports(name: str, path: Path) -> Iterator[str]:
    """Absolute names of the storyline modules ``path`` imports."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    is_pkg = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("storyline"):
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base if is_pkg else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join([*base, node.module] if node.module else base)
            else:
                mod = node.module or ""
            if not mod.startswith("storyline"):
                continue
            yield mod
            for alias in node.names:  # ``from storyline.stages import clean`` imports a module
                yield f"{mod}.{alias.name}"


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        targets = set()
        for imp in _imports(name, path):
            # keep only names that are modules (``from x import Class`` yields x.Class too)
            while imp and imp not in mods:
                imp = imp.rpartition(".")[0]
            if imp and imp != name:
                targets.add(imp)
        graph[name] = targets
    return graph


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


GRAPH = _graph()


def test_the_graph_is_read() -> None:
    assert "storyline.engine" in GRAPH and "storyline.cli" in GRAPH
    assert any(
        _under(t, "storyline.stages")
        for t in GRAPH["storyline.engine"]
        | {t for m, ts in GRAPH.items() if _under(m, "storyline.pipeline") for t in ts}
    )


@pytest.mark.parametrize(("layer", "allowed"), RULES, ids=[r[0] for r in RULES])
def test_layer_imports_only_what_it_may(layer: str, allowed: tuple[str, ...]) -> None:
    bad = sorted(
        f"{mod} imports {target}"
        for mod, targets in GRAPH.items()
        if _under(mod, layer)
        for target in targets
        if not any(_under(target, a) for a in allowed)
    )
    assert not bad, "\n".join(bad)


def test_shells_never_reach_the_store_or_the_stages() -> None:
    bad = sorted(
        f"{mod} imports {target}"
        for mod, targets in GRAPH.items()
        if any(_under(mod, s) for s in SHELLS)
        for target in targets
        if any(_under(target, f) for f in SHELL_FORBIDDEN)
    )
    assert not bad, "\n".join(bad)


def test_shells_never_reach_inside_the_engine() -> None:
    """``engine.store`` and ``engine._x`` are the engine's own business."""
    import re

    pattern = re.compile(r"engine\.(store\b|_)")
    bad = []
    for name, path in _modules().items():
        if any(_under(name, s) for s in SHELLS):
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if pattern.search(line):
                    bad.append(f"{path.relative_to(SRC)}:{n}: {line.strip()}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("base", BASE)
def test_foundation_never_imports_upward(base: str) -> None:
    bad = sorted(
        f"{mod} imports {target}"
        for mod, targets in GRAPH.items()
        if _under(mod, base)
        for target in targets
        if any(_under(target, f) for f in FOUNDATION_FORBIDDEN)
    )
    assert not bad, "\n".join(bad)


def test_no_import_cycles() -> None:
    """No module reaches itself through imports (package ``__init__`` re-exports aside)."""

    def edges(mod: str) -> set[str]:
        # A package's __init__ that only re-exports its children is how callers import a
        # package; an edge into it from its own child is the usual re-export, not a cycle.
        return {t for t in GRAPH.get(mod, ()) if not _under(mod, t)}

    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []

    def visit(mod: str) -> None:
        state[mod] = 1
        stack.append(mod)
        for t in sorted(edges(mod)):
            if state.get(t) == 1:
                cycles.append([*stack[stack.index(t) :], t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[mod] = 2

    for mod in sorted(GRAPH):
        if mod not in state:
            visit(mod)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)
