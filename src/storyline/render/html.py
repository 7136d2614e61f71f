"""HTML renderer: one self-contained page (inline CSS, JS and SVG; nothing fetched).

Article text is escaped here, segment by segment, while cited spans are wrapped in
``<mark>``; the template escapes everything else (jinja2 autoescape). Overlapping and
nested cites are handled by cutting the text at every cite boundary: each piece is
marked with the keys of all cites covering it, and every cite gets an anchor at its
first character, so a citation link jumps to the span and lights up all its pieces.
"""

from __future__ import annotations

import html
import itertools
from collections import defaultdict
from functools import cache
from importlib import resources

from jinja2 import Environment, Template
from markupsafe import Markup

from storyline.models import CONFIDENCE_THRESHOLD, Cite, StoryReport
from storyline.render.view import cite_key, conflict_heading, story_view


def highlight(text: str, cites: list[Cite]) -> Markup:
    """``text`` escaped, with every cited span marked and anchored (overlaps allowed)."""
    cuts = sorted({0, len(text), *(c.start for c in cites), *(c.end for c in cites)})
    starts: dict[int, list[Cite]] = defaultdict(list)
    for c in cites:
        starts[c.start].append(c)
    parts: list[str] = []
    for a, b in itertools.pairwise(cuts):
        for c in starts.get(a, []):
            parts.append(f'<span class="anchor" id="{html.escape(cite_key(c))}"></span>')
        piece = html.escape(text[a:b])  # quotes too: no attribute-looking text survives
        keys = [html.escape(cite_key(c)) for c in cites if c.start <= a and b <= c.end]
        if keys:
            depth = min(len(keys), 4)
            parts.append(f'<mark class="hl d{depth}" data-c="{" ".join(keys)}">{piece}</mark>')
        else:
            parts.append(piece)
    return Markup("".join(parts))  # every piece of text was escaped above


@cache
def _template() -> Template:
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    source = (
        resources.files("storyline.render").joinpath("templates/report.html.j2").read_text("utf-8")
    )
    return env.from_string(source)


def render_html(report: StoryReport) -> str:
    """The report as one self-contained HTML page."""
    view = story_view(report)
    bodies = {a.id: highlight(a.text, view.used.get(a.id, [])) for a in report.articles}
    return _template().render(
        r=report,
        C=view.cites,
        chart=view.chart,
        speakers=view.speakers,
        numbers=view.number_claims,
        cov=view.coverage,
        exclusive=view.exclusive,
        contested_ids=view.contested,
        names=view.names,
        bodies=bodies,
        number=view.cites.number,
        outlet_facts=view.outlet_facts,
        labels=view.labels,
        conflicts=view.conflicts,
        uncertain_conflicts=view.uncertain_conflicts,
        threshold=CONFIDENCE_THRESHOLD,
        heading=lambda cf: conflict_heading(cf, report.brief),
    )
