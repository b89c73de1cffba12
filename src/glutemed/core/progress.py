"""Progress charts: the series behind them (pure), drawn in the terminal with plotext
and written as SVG or an HTML page with pygal.

Each move's series is its *top set* per session: the set with the heaviest load
(kilograms and pounds compared in kilograms), then the most reps. Loads are
charted as they are: weights in kilograms, bands by their step (light 1 to
extra-heavy 4), step heights in centimetres, each on its own line, and a
bodyweight session only in the reps chart, never as a load of zero. Adherence
counts the days with any set logged in each Monday-to-Sunday week against the
planned days; the streak is the run of weeks, back from the latest complete
one (or the current week once it meets the plan), that met it.

plotext and pygal are imported only here, and only by ``glutemed progress``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from glutemed.core.schedule import monday_of
from glutemed.core.sets import heaviness, parse_load
from glutemed.core.text import plural


@dataclass(frozen=True)
class Point:
    """A move's top set in one session."""

    date: date
    top_reps: int
    load: str | None
    sets: int
    form: str | None

    @property
    def kind(self) -> str:
        """What the load is: "kg" (a weight, in kilograms), "band", "cm" or "bodyweight"."""
        if self.load is None:
            return "bodyweight"
        unit = parse_load(self.load).unit
        return "kg" if unit in ("kg", "lb") else unit

    @property
    def value(self) -> float | None:
        """The load on its own scale: kilograms, the band's step (1-4), or centimetres."""
        if self.load is None:
            return None
        load = parse_load(self.load)
        return (
            round(load.kg, 2) if load.unit in ("kg", "lb") else load.amount + (load.unit == "band")
        )


def top_sets(rows: Iterable[tuple[date, int, str | None, str | None]]) -> list[Point]:
    """A move's sessions from its sets (day, reps, load, form), oldest first."""
    by_day: dict[date, list[tuple[int, str | None, str | None]]] = {}
    for day, reps, load, form in rows:
        by_day.setdefault(day, []).append((reps, load, form))
    points = []
    for day in sorted(by_day):
        sets = by_day[day]
        reps, load, form = max(
            sets, key=lambda s: (heaviness(parse_load(s[1]) if s[1] else None), s[0])
        )
        points.append(Point(day, reps, load, len(sets), form))
    return points


@dataclass(frozen=True)
class Week:
    monday: date
    planned: int
    done: int


def adherence(days: Iterable[date], planned: int, today: date, weeks: int) -> list[Week]:
    """Sessions done (days with a set logged) in each of the last ``weeks`` weeks."""
    counts: dict[date, int] = {}
    for day in set(days):
        counts[monday_of(day)] = counts.get(monday_of(day), 0) + 1
    this = monday_of(today)
    mondays = [this - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    return [Week(monday, planned, counts.get(monday, 0)) for monday in mondays]


def streak(weeks: Sequence[Week]) -> int:
    """Weeks in a row that met the plan, back from the latest (the current week counts
    once it meets the plan, and does not break the run before that)."""
    run = 0
    for index, week in enumerate(reversed(weeks)):
        if week.done >= week.planned:
            run += 1
        elif index > 0:
            break
    return run


def as_json(points: dict[str, list[Point]], weeks: Sequence[Week]) -> dict[str, Any]:
    return {
        "moves": {
            slug: [
                {
                    "date": p.date.isoformat(),
                    "top_reps": p.top_reps,
                    "top_load_kg": p.value if p.kind == "kg" else None,
                    "load": p.load,
                    "form": p.form,
                    "sets": p.sets,
                }
                for p in series
            ]
            for slug, series in points.items()
        },
        "weeks": [
            {"week": w.monday.isoformat(), "planned": w.planned, "done": w.done} for w in weeks
        ],
        "streak": streak(weeks),
    }


# In the terminal: plotext.

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def terminal(
    points: dict[str, list[Point]], weeks: Sequence[Week], width: int, colour: bool
) -> str:
    """Every chart as text for a terminal ``width`` wide; plain when not ``colour``."""
    import plotext as plt

    blocks = []
    for slug, series in points.items():
        if len(series) < 2:
            blocks.append(f"{slug}: {_too_little(series)}")
            continue
        xs = list(range(1, len(series) + 1))
        ticks = sorted({1, len(series) // 2 or 1, len(series)})
        labels = [series[tick - 1].date.isoformat() for tick in ticks]
        for title, ys in _lines(slug, series):
            plt.clear_figure()
            plt.plotsize(max(40, width), 12)
            plt.theme("clear" if not colour else "pro")
            for name, values in ys:
                pairs = [(x, y) for x, y in zip(xs, values, strict=True) if y is not None]
                if pairs:
                    plt.plot([x for x, _ in pairs], [y for _, y in pairs], label=name)
            plt.xticks(ticks, labels)
            plt.title(title)
            blocks.append(plt.build())
    plt.clear_figure()
    plt.plotsize(max(40, width), 12)
    plt.theme("clear" if not colour else "pro")
    plt.bar([w.monday.strftime("%m-%d") for w in weeks], [w.done for w in weeks], label="done")
    plt.title(
        f"Sessions a week (planned {weeks[-1].planned if weeks else 0}); "
        f"streak: {plural(streak(weeks), 'week')}"
    )
    blocks.append(plt.build())
    text = "\n".join(blocks)
    return text if colour else _ANSI.sub("", text)


def _too_little(series: Sequence[Point]) -> str:
    if not series:
        return "nothing logged yet, so no chart"
    return f"one session so far ({series[0].date.isoformat()}), and a chart needs two"


def _lines(slug: str, series: Sequence[Point]) -> list[tuple[str, list[tuple[str, list[Any]]]]]:
    """(title, [(line name, values)]) of a move's charts: the reps, and each kind of load."""
    charts: list[tuple[str, list[tuple[str, list[Any]]]]] = [
        (f"{slug}: reps of the top set", [("reps", [p.top_reps for p in series])])
    ]
    kinds = {p.kind for p in series} - {"bodyweight"}
    names = {"kg": "load (kg)", "band": "band (1 light to 4 extra-heavy)", "cm": "step (cm)"}
    for kind in sorted(kinds):
        values = [p.value if p.kind == kind else None for p in series]
        charts.append((f"{slug}: {names[kind]}", [(names[kind], values)]))
    return charts


# As files: pygal.


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
        for title, lines in _lines(slug, series):
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
