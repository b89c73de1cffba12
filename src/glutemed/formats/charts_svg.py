"""Progress charts as an SVG file or an HTML page, drawn with pygal (imported only
here, and only by ``glutemed progress -o``): no scripts, no external references."""

from __future__ import annotations

import re
from collections.abc import Sequence

from glutemed.core.progress import Point, Week, chart_lines


def svg(points: dict[str, list[Point]], weeks: Sequence[Week]) -> bytes:
    """Every chart in one SVG document, one under another."""
    parts = _charts(points, weeks)
    height = 400
    body = "".join(
        f'<svg x="0" y="{index * height}" width="800" height="{height}" '
        f'viewBox="0 0 800 {height}">{_inner(chart, index)}</svg>'
        for index, chart in enumerate(parts)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="{height * len(parts)}" '
        f'viewBox="0 0 800 {height * len(parts)}"><title>glutemed progress</title>{body}</svg>\n'
    ).encode()


def html(points: dict[str, list[Point]], weeks: Sequence[Week]) -> bytes:
    """A page with every chart, self-contained (no scripts, nothing fetched)."""
    from html import escape

    figures = "\n".join(
        f"<figure>{_inner(chart, index)}</figure>"
        for index, chart in enumerate(_charts(points, weeks))
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape('glutemed progress')}</title>"
        "<style>body{font-family:sans-serif;max-width:840px;margin:2em auto}"
        "figure{margin:0 0 2em}svg{width:100%;height:auto}</style></head><body>"
        "<h1>glutemed progress</h1>\n"
        f"{figures}\n</body></html>\n"
    ).encode()


def _charts(points: dict[str, list[Point]], weeks: Sequence[Week]) -> list[bytes]:
    import pygal
    from pygal.style import CleanStyle

    rendered = []
    for slug, series in points.items():
        for title, lines in chart_lines(slug, series):
            chart = pygal.Line(
                style=CleanStyle,
                x_label_rotation=30,
                show_minor_x_labels=False,
                js=[],
                width=800,
                height=400,
            )
            chart.title = title
            chart.x_labels = [p.date.isoformat() for p in series]
            chart.x_labels_major_every = max(1, len(series) // 6)
            for name, values in lines:
                chart.add(name, values)
            rendered.append(chart.render())
    bars = pygal.Bar(style=CleanStyle, js=[], width=800, height=400)
    bars.title = f"Sessions a week against {weeks[-1].planned if weeks else 0} planned"
    bars.x_labels = [w.monday.isoformat() for w in weeks]
    bars.add("done", [w.done for w in weeks])
    rendered.append(bars.render())
    return rendered


_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


_COMMENT = re.compile(r"<!--.*?-->", re.S)


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _inner(chart: bytes, number: int) -> str:
    """A pygal SVG to nest in a page or another SVG: no XML declaration, no script
    (pygal's tooltips; the charts need none), no comments, and ids numbered in order
    instead of random ones, so the same log gives the same file."""
    text = chart.decode("utf-8")
    text = text[text.index("<svg") :] if "<svg" in text else text
    text = _COMMENT.sub("", _SCRIPT.sub("", text))
    return _UUID.sub(f"glutemed-chart-{number}", text)
