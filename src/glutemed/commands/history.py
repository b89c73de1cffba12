"""glutemed history: what was logged, newest first, with a trend per move."""

import sys
from datetime import date
from typing import Annotated

import typer

from glutemed.commands import common
from glutemed.errors import FieldError

COLUMNS = ("id", "date", "slug", "set", "reps", "load", "note", "form", "side")


def history(
    ctx: typer.Context,
    move: Annotated[
        str | None, common.move("Only this move: a slug, a name or a number.", required=False)
    ] = None,
    since: Annotated[date | None, common.day("--since", "Only sets on or after this day.")] = None,
    as_json: Annotated[bool, common.flag("--json", help="One JSON object per set.")] = False,
    as_csv: Annotated[bool, common.flag("--csv", help="CSV with a header row.")] = False,
) -> None:
    """Show what you logged, newest first, with each move's trend."""
    from glutemed import log, progression

    if as_json and as_csv:
        raise FieldError("json", "and {csv}: give one of them")
    slugs = None
    if move is not None:
        slugs = [common.load_catalogue(common.settings(ctx)).find(move).slug]
    sets = log.read_sets(slugs, since, warn=common.warn)
    rows = [item.as_dict() for item in sets]
    if as_json:
        common.print_json(rows)
        return
    if as_csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    if not sets:
        common.note("nothing logged yet: 'glutemed log MOVE --reps 10,10' records a session")
        return
    from glutemed import render

    render.emit(render.history_view(sets, progression.trends(reversed(sets))))
