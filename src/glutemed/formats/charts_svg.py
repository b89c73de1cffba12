"""Progress charts as an SVG file or an HTML page, drawn with pygal (imported only
here, and only by ``glutemed progress -o``): no scripts, no external references."""

from __future__ import annotations

import re
from collections.abc import Sequence

from glutemed.core.progress import Point, Week, chart_lines, day_label, streak, whole_ticks
from glutemed.core.text import plural


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
    """(Long: each chart's settings, one by one.)
    A chart a move and kind of load, then the weeks: whole-number ticks for counts,
    dates as ``7 Dec``, one session drawn as a point with its value, and the weeks'
    sessions against the planned line, with the streak in the title."""
    import pygal
    from pygal.style import CleanStyle

    rendered = []
    for slug, series in points.items():
        for title, lines in chart_lines(slug, series):
            counts = title.endswith("reps of the top set")
            values = [v for _, line in lines for v in line]
            chart = pygal.Line(
                style=CleanStyle,
                js=[],
                width=800,
                height=400,
                show_legend=False,
                print_values=len(series) == 1,
                dots_size=6 if len(series) == 1 else 3,
                y_labels=whole_ticks(values) if counts else _load_ticks(values),
                range=_range(values) if len(series) == 1 and not counts else None,
                x_label_rotation=0 if len(series) <= 8 else 30,
                show_minor_x_labels=False,
            )
            chart.title = title
            chart.x_labels = [day_label(p.date) for p in series]
            chart.x_labels_major_every = max(1, -(-len(series) // 8))
            for name, line in lines:
                chart.add(name, line)
            rendered.append(chart.render())
    done = [w.done for w in weeks]
    planned = [w.planned for w in weeks]
    bars = pygal.Line(
        style=CleanStyle,
        js=[],
        width=800,
        height=400,
        y_labels=whole_ticks([*done, *planned]),
        x_label_rotation=0,
        fill=False,
    )
    bars.title = (
        f"Sessions a week against {planned[-1] if planned else 0} planned; "
        f"streak: {plural(streak(weeks), 'week')}"
    )
    bars.x_labels = [day_label(w.monday) for w in weeks]
    bars.add("done", done, dots_size=5, print_values=True)
    bars.add("planned", planned, show_dots=False, stroke_style={"width": 3, "dasharray": "8, 6"})
    rendered.append(bars.render())
    return rendered


def _load_ticks(values: Sequence[float | None]) -> list[float] | None:
    """A load axis's ticks: the loads themselves where there are few (never 11.67 kg),
    else pygal's own."""
    distinct = sorted({v for v in values if v is not None})
    return distinct if 1 < len(distinct) <= 6 else None


def _range(values: Sequence[float | None]) -> tuple[float, float]:
    """An axis around one value: a little either side, so it reads as a point."""
    value = next((v for v in values if v is not None), 0.0)
    return max(0.0, value - 2), value + 2


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
