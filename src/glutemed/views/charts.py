"""Progress charts in the terminal, drawn with plotext (imported only here, and only
by ``glutemed progress``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from glutemed.core.progress import Point, Week, chart_lines, streak, too_little
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
        ticks = sorted({1, len(series) // 2 or 1, len(series)})
        labels = [series[tick - 1].date.isoformat() for tick in ticks]
        for title, ys in chart_lines(slug, series):
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
