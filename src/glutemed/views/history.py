"""The log on screen (``glutemed history``): the recent sessions or every set, how each
move has come along, and a trend line a move. Slugs are never cut: a table where it
fits whole, else each move stacked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from glutemed.core.text import plural
from glutemed.views.console import console
from glutemed.views.terminal import listed

if TYPE_CHECKING:
    from datetime import date

    from glutemed.core.sets import LoggedSet, MoveStats, Pain


#: The columns of history's "how each move has come along".
ROW_HEADINGS = ("move", "sessions", "best set", "load", "last 4 weeks")


class Rows:
    """A table whose first column is a slug (what a user types): a table where it fits
    whole with every heading, else each row stacked, the slug on a line of its own and
    the rest as "heading: value" after it. Nothing is cut at any width."""

    def __init__(self, title: str, headings: tuple[str, ...], rows: list[tuple[str, ...]]):
        self.title, self.headings, self.rows = title, headings, rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [
            max(len(heading), *(len(row[i]) for row in self.rows))
            for i, heading in enumerate(self.headings)
        ]
        if options.max_width >= sum(widths) + 3 * len(widths):
            table = Table(box=box.SIMPLE_HEAD, title=self.title, title_justify="left")
            for heading in self.headings:
                table.add_column(heading, justify="right" if heading == "sessions" else "left")
            for row in self.rows:
                table.add_row(*(Text(cell) for cell in row))
            yield table
            return
        yield Text(self.title, style="bold")
        for first, *rest in self.rows:
            yield Text(f"  {first}", no_wrap=True, overflow="ignore")
            said = ", ".join(f"{h}: {v}" for h, v in zip(self.headings[1:], rest, strict=True))
            yield listed([said], numbered=False)


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """A one-line chart: ``▁▃▅█``."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in values)


def trend_room() -> int:
    """How many sessions a move's trend line can show in this terminal."""
    return max(8, console().width - 4)


def history_view(
    sets: list[LoggedSet],
    stats: list[MoveStats],
    trends: dict[str, list[tuple[date, int, list[str]]]],
    before: dict[str, list[tuple[date, int, list[str]]]],
    every: bool,
    since: date | None,
    pains: Sequence[Pain] = (),
) -> Group:
    """(Long: the view's three parts in order.)
    The recent sessions (or every set), a table of how each move has come along, and
    a trend line per move that fits the terminal."""
    from glutemed.core.progression import change
    from glutemed.core.sets import top_load_text

    parts: list[RenderableType] = []
    if every:
        title = f"Every set since {since.isoformat()}" if since else "Every set logged"
        table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
        for column in ("id", "date", "move", "set", "reps", "load", "note"):
            table.add_column(column, justify="right" if column in ("set", "reps") else "left")
        for logged in sets:
            table.add_row(
                f"#{logged.id}",
                logged.date.isoformat(),
                Text(logged.slug),
                str(logged.set),
                str(logged.reps),
                Text(logged.load or "-"),
                Text(logged.note or ""),
            )
        parts.append(table)
    else:
        label = since.isoformat() if since else "the start"
        parts.append(Text(f"Sessions since {label} (--all for every set)", style="bold"))
        scores = {(pain.date, pain.slug): pain.score for pain in pains}
        by_day: dict[date, dict[str, list[LoggedSet]]] = {}
        for logged in sets:
            by_day.setdefault(logged.date, {}).setdefault(logged.slug, []).append(logged)
        lines = []
        for day, moves in by_day.items():
            done = []
            for slug, items in moves.items():
                items = sorted(items, key=lambda s: s.set)
                top = top_load_text(s.load for s in items if s.load)
                reps = ",".join(str(s.reps) for s in items)
                hurt = scores.get((day, slug))
                done.append(
                    f"{slug} {len(items)} x {reps}"
                    + (f" @ {top}" if top else "")
                    + (f", pain {hurt}/10" if hurt is not None else "")
                )
            after = [m for m in pains if m.kind == "morning" and m.date > day]
            morning = min(after, key=lambda m: m.date) if after else None
            later = [d for d in by_day if day < d <= morning.date] if morning else []
            mornings = (
                f" (the morning after: pain {morning.score}/10)"
                if morning is not None and not later
                else ""
            )
            lines.append(f"{day.isoformat()}  {'; '.join(done)}{mornings}")
        parts.append(listed(lines or ["nothing logged in these weeks"], numbered=False))
    rows: list[tuple[str, ...]] = []
    for item in stats:
        points = trends.get(item.slug, [])
        earlier = before.get(item.slug) or []
        now = (points[0][1], points[0][2]) if points else None
        then = (earlier[0][1], earlier[0][2]) if earlier else None
        loads = (
            item.first_load
            if item.first_load == item.latest_load
            else f"{item.first_load or '-'} -> {item.latest_load or '-'}"
        )
        rows.append(
            (
                item.slug,
                str(item.sessions),
                plural(item.best_reps, "rep"),
                loads or "-",
                change(now, then) if now else "-",
            )
        )
    parts.append(Rows("How each move has come along", ROW_HEADINGS, rows))
    parts.append(Text("Total reps a session, oldest to newest", style="bold"))
    for item in stats:
        points = list(reversed(trends.get(item.slug, [])))
        if not points:
            continue
        span = f"{points[0][0].isoformat()} to {points[-1][0].isoformat()}"
        parts.append(
            Text(f"{item.slug}: {plural(len(points), 'session')}, {span}, latest {points[-1][1]}")
        )
        parts.append(Text("  " + sparkline([total for _, total, _ in points]), no_wrap=True))
    return Group(*parts)
