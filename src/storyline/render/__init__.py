"""Renderers: a ``StoryReport`` as JSON (the SPEC contract), Markdown or one HTML page.

Every presentation reads the typed view model (``render.view.story_view``); the formats
are registered in ``render.formats`` (``render(report, fmt)``). Shared by the CLI and the
web app; each renderer takes a report and returns a string.
"""

from __future__ import annotations

from storyline.render.formats import FORMATS, Format, get_format, render, render_json
from storyline.render.html import render_html
from storyline.render.markdown import render_markdown

__all__ = [
    "FORMATS",
    "Format",
    "get_format",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]
