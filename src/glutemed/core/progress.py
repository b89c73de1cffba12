"""Progress: the series behind the charts. Pure; the charts are drawn in the terminal
by :mod:`glutemed.views.charts` and written as SVG or HTML by
:mod:`glutemed.formats.charts_svg`.

Each move's series is its *top set* per session: the set with the heaviest load
(kilograms and pounds compared in kilograms), then the most reps. Loads are
charted as they are: weights in kilograms, bands by their step (light 1 to
extra-heavy 4), step heights in centimetres, each on its own line, and a
bodyweight session only in the reps chart, never as a load of zero. Adherence
counts the days with any set logged in each Monday-to-Sunday week against the
planned days; the streak is the run of weeks, back from the latest complete
one (or the current week once it meets the plan), that met it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from glutemed.core.schedule import monday_of
from glutemed.core.sets import heaviness, parse_load

#: A chart's line: its name and its values.
Line = tuple[str, list[Any]]


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


def too_little(series: Sequence[Point]) -> str:
    if not series:
        return "nothing logged yet, so no chart"
    return f"one session so far ({series[0].date.isoformat()}), and a chart needs two"


def chart_lines(
    slug: str, series: Sequence[Point]
) -> list[tuple[str, list[tuple[str, list[Any]]]]]:
    """(title, [(line name, values)]) of a move's charts: the reps, and each kind of load."""
    charts: list[tuple[str, list[Line]]] = [
        (f"{slug}: reps of the top set", [("reps", [p.top_reps for p in series])])
    ]
    kinds = {p.kind for p in series} - {"bodyweight"}
    names = {"kg": "load (kg)", "band": "band (1 light to 4 extra-heavy)", "cm": "step (cm)"}
    for kind in sorted(kinds):
        values = [p.value if p.kind == kind else None for p in series]
        charts.append((f"{slug}: {names[kind]}", [(names[kind], values)]))
    return charts


def day_label(day: date) -> str:
    """A chart's date label: the day and the month, ``7 Dec`` (a week by its Monday)."""
    return f"{day.day} {day:%b}"


def whole_ticks(values: Iterable[float | None], most: int = 6) -> list[int]:
    """Whole-number axis ticks around ``values`` (reps, sets, sessions: counts), at most
    ``most`` of them, always at least two apart in value so one value is not a flat
    line on a one-tick axis: ``[8, 9, 10, 11, 12]``, ``[0, 2, 4, 6]``."""
    found = [v for v in values if v is not None]
    low = int(min(found, default=0)) - 1
    high = int(max(found, default=0) + 0.999) + 1
    low = max(0, low)
    step = max(1, -(-(high - low) // (most - 1)))
    return list(range(low - low % step, high + step, step))
