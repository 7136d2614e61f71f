"""Output formats, registered once: name -> media type, file suffix and renderer.

The CLI (``report --format``, ``batch``), the JSON API and the web export links all choose
a format here, so a new format is one ``register`` call.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from storyline.models import StoryReport
from storyline.render.html import render_html
from storyline.render.markdown import render_markdown

Renderer = Callable[[StoryReport], str]


def render_json(report: StoryReport) -> str:
    """The report as the JSON object of SPEC.md (``report.to_dict()``), UTF-8, indented."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def render_json_compact(report: StoryReport) -> str:
    """The same JSON without whitespace, as an HTTP API sends any JSON body."""
    return json.dumps(report.to_dict(), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # what --format and ?format= take
    media_type: str
    suffix: str  # of a file written in this format, with the dot
    render: Renderer
    compact: Renderer | None = None  # a whitespace-free variant, for APIs


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add (or replace) an output format."""
    FORMATS[fmt.name] = fmt
    return fmt


register(Format("json", "application/json", ".json", render_json, render_json_compact))
register(Format("md", "text/markdown; charset=utf-8", ".md", render_markdown))
register(Format("html", "text/html; charset=utf-8", ".html", render_html))


def get_format(name: str) -> Format:
    """The registered format called ``name``; ``KeyError`` naming the choices otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"no output format {name!r}; use {', '.join(FORMATS)}") from None


def format_names() -> tuple[str, ...]:
    return tuple(FORMATS)


def render(report: StoryReport, fmt: str, *, compact: bool = False) -> str:
    """``report`` in the format called ``fmt`` (``compact``: the API variant, if any)."""
    f = get_format(fmt)
    return (f.compact if compact and f.compact else f.render)(report)


__all__ = [
    "FORMATS",
    "Format",
    "format_names",
    "get_format",
    "register",
    "render",
    "render_json",
    "render_json_compact",
]
