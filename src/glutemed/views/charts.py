"""Progress charts in the terminal, drawn with plotext (imported only here, and only
by ``glutemed progress``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from glutemed.core.progress import (
    Point,
    Week,
    chart_lines,
    day_label,
    streak,
    too_little,
    whole_ticks,
)
from glutemed.core.text import plural

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def terminal(
    points: dict[str, list[Point]], weeks: Sequence[Week], width: int, colour: bool
) -> str:
    """Every chart as text for a terminal ``width`` wide; plain when not ``colour``."""
    import plotext as plt

    blocks = []
    for slug, series in points.items():
        if len(series) < 2:
            blocks.append(f"{slug}: {too_little(series)}")
            continue
        xs = list(range(1, len(series) + 1))
        every = max(1, -(-len(series) // max(2, width // 10)))  # labels 10 columns apart
        ticks = [x for x in xs if (x - 1) % every == 0 or x == len(series)]
        labels = [day_label(series[tick - 1].date) for tick in ticks]
        for title, ys in chart_lines(slug, series):
            plt.clear_figure()
            plt.plotsize(max(40, width), 12)
            plt.theme("clear" if not colour else "pro")
            values: list[float] = []
            for name, line in ys:
                pairs = [(x, y) for x, y in zip(xs, line, strict=True) if y is not None]
                if pairs:
                    plt.plot([x for x, _ in pairs], [y for _, y in pairs], label=name)
                    values += [y for _, y in pairs]
            plt.xticks(ticks, labels)
            if title.endswith("reps of the top set"):
                ticks_y: list[float] = [float(t) for t in whole_ticks(values, most=5)]
            else:  # loads: the values themselves where few, never thirds of a kilogram
                distinct = sorted(set(values))
                ticks_y = distinct if len(distinct) <= 6 else []
            if ticks_y:
                plt.yticks(ticks_y, [f"{tick:g}" for tick in ticks_y])
                plt.ylim(min(ticks_y), max(ticks_y))
            plt.title(title)
            blocks.append(plt.build())
    blocks.append(weeks_chart(weeks, width))
    text = "\n".join(blocks)
    return text if colour else _ANSI.sub("", text)


def weeks_chart(weeks: Sequence[Week], width: int) -> str:
    """The sessions done each week as a bar a line, every week labelled by its Monday
    (``7 Dec``), against a dotted line at the planned sessions, the streak in the
    title: plain text, readable at any width from 40 columns."""
    planned = weeks[-1].planned if weeks else 0
    top = max([planned, *(w.done for w in weeks)], default=1) or 1
    room = max(10, min(width, 100) - 20)
    scale = max(1, room // (top + 1))
    lines = [f"Sessions a week (planned {planned}); streak: {plural(streak(weeks), 'week')}"]
    for week in weeks:
        bar = ["█"] * (week.done * scale) + [" "] * ((top + 1) * scale - week.done * scale)
        mark = week.planned * scale
        if 0 < mark <= len(bar) and bar[mark - 1] == " ":
            bar[mark - 1] = "┆"
        elif 0 < mark <= len(bar):
            bar[mark - 1] = "▌"
        lines.append(f"  {day_label(week.monday):>6}  {''.join(bar).rstrip()}  {week.done}")
    lines.append(f"  {'':6}  ┆ marks the {plural(planned, 'session')} planned")
    return "\n".join(lines)
