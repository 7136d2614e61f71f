"""Markdown renderer: the report as a readable document; cites as ``[A2:120-184]``."""

from __future__ import annotations

from storyline.models import CONFIDENCE_THRESHOLD, Cite, Event, StoryReport
from storyline.render.view import conflict_heading, story_view


def _esc(text: str | None) -> str:
    """Keep article text from breaking tables or starting markup.

    Markdown viewers render inline HTML, so ``&``, ``<`` and ``>`` become character
    references: a viewer shows them as the same characters, never as tags.
    """
    flat = " ".join((text or "").split()).replace("|", "\\|")
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(report: StoryReport) -> str:
    """The report as Markdown (brief, profile, timeline, quotes, numbers, conflicts, coverage,
    outlets compared)."""
    view = story_view(report)
    C = view.cites

    def cites(cs: list[Cite]) -> str:
        return " ".join(f"[{C.ref(c).label}:{c.start}-{c.end}]" for c in cs)

    s = report.story
    out: list[str] = [f"# {_esc(s.title)}", ""]
    span = f"{s.first_seen} – {s.last_seen}" if s.first_seen else "dates unknown"
    out += [
        f"{len(report.articles)} articles, {s.n_independent} independent · {span} · `{s.id}`",
        "",
    ]

    out += ["## Brief", ""]
    out += [f"{i}. {_esc(b.text)} {cites(b.cites)}" for i, b in enumerate(report.brief, 1)] or [
        "(none)"
    ]

    p = report.profile
    out += ["", "## Profile", "", f"**{_esc(p.name)}** ({_esc(p.kind)})"]
    if p.aliases:
        out += ["", f"Also called: {_esc(', '.join(p.aliases))}"]
    for name, values in p.fields.items():
        out += ["", f"**{_esc(name.replace('_', ' ').capitalize())}**", ""]
        out += [f"- {_esc(v.value)} {cites(v.cites)}" for v in values]

    out += ["", "## Timeline", ""]
    names = view.names

    def event_line(e: Event) -> str:
        who = f" — {', '.join(_esc(names.get(a, a)) for a in e.actors)}" if e.actors else ""
        inferred = f"date inferred: {_esc(e.basis)}" if e.basis else "date inferred"
        marks = [m for m, on in (("key event", e.key), (inferred, e.inferred)) if on]
        mark = f" _({', '.join(marks)})_" if marks else ""
        # an unresolved date keeps the words the text dates it by ("Wednesday", "Dec. 9")
        said = f" (“{_esc(e.date_text)}”)" if e.date_text and not e.date else ""
        return (
            f"- **{_esc(e.date or 'undated')}**{said}{mark} {_esc(e.summary)}{who} {cites(e.cites)}"
        )

    # the story's own events open the section (issue 18): background years told in passing
    # ("signed in 1987") come first in date order, so the key events are listed above the
    # full chronology, which stays as it was; no key events, no block
    key_events = [e for e in report.timeline if e.key]
    if key_events:
        out += ["### Key events", ""]
        out += [event_line(e) for e in key_events]
        out += ["", "### Full chronology", ""]
    out += [event_line(e) for e in report.timeline]
    if not report.timeline:
        out.append("(no dated events)")

    out += ["", "## Quotes", ""]
    for speaker, quotes in view.speakers:
        out += [f"### {_esc(speaker)}", ""]
        out += [
            f"- ({_esc(q.kind)}{', ' + _esc(q.label) if q.label else ''}) “{_esc(q.text)}” "
            f"{cites(q.cites)}"
            for q in quotes
        ]
        out.append("")

    out += [
        "## Numbers",
        "",
        "| Subject | Measure | Value | As worded | Sources |",
        "|---|---|---|---|---|",
    ]
    for c in view.number_claims:
        worded = "; ".join(f"“{_esc(v)}”" for v in c.variants)
        out.append(
            f"| {_esc(c.subject)} | {_esc(c.slot)} | {_esc(c.value)} | {worded} | {c.independent_sources} {cites(c.cites)} |"
        )

    out += ["", "## Conflicts", ""]
    shown = [c for c in report.conflicts if (c.confidence or 0.0) >= CONFIDENCE_THRESHOLD]
    doubtful = [c for c in report.conflicts if (c.confidence or 0.0) < CONFIDENCE_THRESHOLD]
    for cf in shown:
        out += [f"### {_esc(conflict_heading(cf, report.brief))}", ""]
        for side in cf.sides:
            out.append(f"- **{_esc(side.claim)}** {cites(side.cites)}")
        out.append("")
    if not shown:
        out += ["(none found)", ""]
    if doubtful:
        # below the threshold: possible disagreements, not stated as contradictions
        out += [
            f"Possible disagreements below the confidence threshold ({CONFIDENCE_THRESHOLD}):",
            "",
        ]
        for cf in doubtful:
            sides = " vs ".join(f"{_esc(s.claim)} {cites(s.cites)}" for s in cf.sides)
            out.append(f"- {_esc(conflict_heading(cf, report.brief))}: {sides}")
        out.append("")

    cov = view.coverage
    out += ["## Coverage", ""]
    out += ["| Claim | Indep. | " + " | ".join(_esc(c.label) for c in cov.columns) + " |"]
    out += ["|---|---|" + "---|" * len(cov.columns)]
    for row in cov.rows:
        cl = row.claim
        cells = " | ".join("✓" if cell else "" for cell in row.cells)
        out.append(
            f"| {_esc(cl.subject)} · {_esc(cl.slot)}: {_esc(cl.value)[:100]} | {cl.independent_sources} | {cells} |"
        )
    if cov.exclusive:
        out += ["", "Reported by one outlet only:", ""]
        labels = {c.key: c.label for c in cov.columns}
        for key, claims in cov.exclusive.items():
            items = "; ".join(
                f"{_esc(c.subject)} · {_esc(c.slot)}: {_esc(c.value)[:80]}" for c in claims
            )
            out.append(f"- **{_esc(labels[key])}**: {items}")

    if view.outlet_facts:
        out += ["", "## Outlets compared", ""]
        for o in view.outlet_facts:
            left = "; ".join(
                f"{_esc(c.subject)} · {_esc(c.slot)}: {_esc(c.value)[:80]} "
                f"({c.independent_sources} sources) {cites(c.cites[:1])}"
                for c in o.omits[:6]
            )
            plural = "" if o.reports == 1 else "s"
            gap = f"; leaves out: {left}" if left else ""
            out.append(f"- **{_esc(o.outlet)}**: reports {o.reports} claim{plural}{gap}")
        if view.labels:
            out += ["", "Different words for the same thing:", ""]
            for g in view.labels:
                uses = "; ".join(
                    f"{_esc(u.outlet)}: “{_esc(u.word)}” {cites(u.cites)}" for u in g.uses
                )
                out.append(f"- {_esc(' / '.join(g.words))} — {uses}")

    out += ["", "## Stances", ""]
    for st in report.stances:
        cond = f" (condition: {_esc(st.condition)})" if st.condition else ""
        marks: list[str] = [st.polarity] if st.polarity != "asserted" else []
        if st.confidence < CONFIDENCE_THRESHOLD:
            marks.append("uncertain")  # e.g. a quotation's claim about someone else
        pol = f" ({_esc(', '.join(marks))})" if marks else ""
        out.append(
            f"- **{_esc(st.actor)}** {_esc(st.stance)}{pol} {_esc(st.target)}{cond} "
            f"{cites(st.cites)}"
        )
    if not report.stances:
        out.append("(none found)")

    out += ["", "## Articles", ""]
    for a in report.articles:
        dup = f" — copy of A{C.number.get(a.duplicate_of, '?')}" if a.duplicate_of else ""
        when = f" · {_esc(a.published)}" if a.published else ""
        out.append(
            f"- **A{C.number[a.id]}** {_esc(C.label(a))}{when}: {_esc(a.title)}{dup} (`{a.id}`)"
        )
    return "\n".join(out) + "\n"
