"""glutemed history: what was logged, newest first, with a trend per move."""

from __future__ import annotations

import csv
import sys
from datetime import date

from glutemed import log
from glutemed.commands import CatalogueChoice, note, print_json

COLUMNS = ("id", "date", "slug", "set", "reps", "load", "note")


def run(choice: CatalogueChoice, *, move: str | None, since: date | None, fmt: str | None) -> None:
    slugs = None
    if move is not None:
        slugs = [choice.load().find(move).slug]
    sets = log.read_sets(slugs, since)
    rows = [item.as_dict() for item in sets]
    if fmt == "json":
        print_json(rows)
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    if not sets:
        note("nothing logged yet: 'glutemed log MOVE --reps 10,10' records a session")
        return
    from glutemed import render

    render.console().print(render.history_view(sets, trends(sets)))


def trends(sets: list[log.LoggedSet]) -> dict[str, list[tuple[date, int, str | None]]]:
    """Per move, oldest first: (session date, total reps, top load) for each session."""
    by_move: dict[str, dict[date, list[log.LoggedSet]]] = {}
    for item in sets:
        by_move.setdefault(item.slug, {}).setdefault(item.date, []).append(item)
    out = {}
    for slug, days in by_move.items():
        out[slug] = [
            (day, sum(s.reps for s in items), _top_load(items))
            for day, items in sorted(days.items())
        ]
    return out


def _top_load(items: list[log.LoggedSet]) -> str | None:
    loads = [log.parse_load(s.load) for s in items if s.load]
    if not loads:
        return None
    return max(loads, key=lambda load: (load.unit != "band", load.kg)).text
