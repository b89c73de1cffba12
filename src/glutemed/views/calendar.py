"""The runner's calendar as glutemed read it (``glutemed runs``): week by week, each
event with its reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from glutemed.core.rules import WEEKDAYS


def runs_view(weeks: list[dict[str, Any]]) -> Group:
    """The calendar's events week by week: the day, the kind glutemed read and why
    ("long: 16 mi", "not a run: strength", with strength work where the day has it),
    and the event's title, each whole (the reason and title wrap)."""
    parts: list[RenderableType] = []
    for week in weeks:
        parts.append(Text(f"Week {week['week']} · from {week['start']}", style="bold"))
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        table.add_column(ratio=2)
        for event in week["events"]:
            day = date.fromisoformat(event["date"])
            why = event["why"] + (", with strength work" if event["strength"] else "")
            table.add_row(
                f"  {WEEKDAYS[day.weekday()][:3]} {event['date']}", Text(why), Text(event["title"])
            )
        parts.append(table if week["events"] else Text("  no events"))
    return Group(*parts)
