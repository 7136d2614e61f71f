"""Renderers: a ``StoryReport`` as JSON (the SPEC contract), Markdown or one HTML page.

Shared by the CLI and the web app; each function takes a report and returns a string.
"""

from __future__ import annotations

import json

from storyline.models import StoryReport
from storyline.render.html import render_html
from storyline.render.markdown import render_markdown


def render_json(report: StoryReport) -> str:
    """The report as the JSON object of SPEC.md (``report.to_dict()``), UTF-8, indented."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


__all__ = ["render_html", "render_json", "render_markdown"]
