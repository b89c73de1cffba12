"""glutemed history: the last four weeks of sessions and how each move has come along."""

import itertools
import sys
from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from glutemed.cli import context, params, streams
from glutemed.errors import FieldError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutemed.core.sets import LoggedSet

COLUMNS = ("id", "date", "slug", "set", "reps", "load", "note", "form", "side")
#: The sessions the summary shows by default: the last four weeks.
RECENT = timedelta(weeks=4)


def history(
    ctx: typer.Context,
    move: Annotated[
        str | None, params.move("Only this move: a slug, a name or a number.", required=False)
    ] = None,
    since: Annotated[date | None, params.day("--since", "Only sets on or after this day.")] = None,
    every: Annotated[
        bool, params.flag("--all", help="Every set logged, not only the last four weeks.")
    ] = False,
    as_json: Annotated[bool, params.flag("--json", help="Every matching set as JSON.")] = False,
    as_csv: Annotated[bool, params.flag("--csv", help="Every matching set as CSV.")] = False,
) -> None:
    """Show your last four weeks and how each move has come along."""
    from glutemed.storage import history as log

    if as_json and as_csv:
        raise FieldError("json", "and {csv}: give one of them")
    slugs = None
    if move is not None:
        slugs = [context.load_catalogue(context.settings(ctx)).find(move).slug]
    if as_json or as_csv:
        _stream(log.iter_sets(slugs, since, warn=streams.warn), as_json)
        return
    stats = log.move_stats(slugs, since)
    if not stats:
        last = log.move_stats(slugs) if since is not None else []
        if last:
            latest = max(item.last for item in last)
            streams.note(
                f"nothing logged since {since.isoformat() if since else ''}; "
                f"the last set was logged on {latest.isoformat()}"
            )
            return
        streams.note("nothing logged yet: 'glutemed log MOVE --reps 10,10' records a session")
        return
    from glutemed.views import history as render
    from glutemed.views.console import emit

    shown_since = since if every or since else context.today() - RECENT
    sets = log.read_sets(slugs, shown_since, warn=streams.warn)
    room = render.trend_room()
    trends = {item.slug: log.session_totals(item.slug, room) for item in stats}
    before = {
        item.slug: log.session_totals(item.slug, 1, before=item.last - RECENT + timedelta(days=1))
        for item in stats
    }
    pains = log.read_pains(shown_since, warn=streams.warn)
    emit(render.history_view(sets, stats, trends, before, every, shown_since, pains))


def _stream(sets: "Iterable[LoggedSet]", as_json: bool) -> None:
    """Every set, written as it is read: JSON (a list, an object a line) or CSV.

    Nothing is written before the log has been opened and its first set read, so a
    log glutemed refuses leaves stdout empty (not a JSON list begun)."""
    out = sys.stdout
    rows = iter(sets)
    head = next(rows, None)
    sets = [] if head is None else itertools.chain([head], rows)
    if as_json:
        import json

        utf = (out.encoding or "").lower().replace("-", "").startswith("utf")
        out.write("[")
        first = True
        for item in sets:
            out.write(
                ("\n  " if first else ",\n  ") + json.dumps(item.as_dict(), ensure_ascii=not utf)
            )
            first = False
        out.write("]\n" if first else "\n]\n")
        out.flush()
        return
    import csv

    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in sets:
        writer.writerow(item.as_dict())
    out.flush()
