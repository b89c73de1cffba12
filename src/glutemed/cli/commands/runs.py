"""glutemed runs: what glutemed read from the runner's calendar, week by week."""

from datetime import date, timedelta
from typing import Annotated

import typer

from glutemed.cli import context, params, streams
from glutemed.core import rules
from glutemed.errors import UsageError


def runs(
    ctx: typer.Context,
    runs_from: params.RunsFrom = None,
    start: Annotated[
        date | None, params.day("--start", "List from this day's week on. [default: today]")
    ] = None,
    weeks: Annotated[
        int,
        params.value(
            "--weeks",
            "-w",
            parser=rules.WEEKS.parse,
            metavar="N",
            help=f"Weeks to list: {rules.WEEKS.takes}. [default: 4]",
        ),
    ] = 4,
    as_json: Annotated[bool, params.flag("--json", help="Print the weeks as JSON.")] = False,
) -> None:
    """List your calendar's events as glutemed reads them, and why."""
    from glutemed.core import schedule
    from glutemed.formats import ics_in as runcalendar
    from glutemed.storage import feeds

    resolved = context.settings(ctx, runs_from=runs_from)
    if not resolved.runs_from:
        raise UsageError(
            "give a calendar with --runs-from FILE-OR-URL (or runs_from in the config)"
        )
    monday = schedule.monday_of(start or context.today())
    last = monday + timedelta(weeks=weeks) - timedelta(days=1)
    data = feeds.read_source(resolved.runs_from, feeds.cache_folder(), warn=streams.warn)
    found = runcalendar.events(
        data,
        monday,
        last,
        resolved.runs,
        warn=streams.warn,
        name=resolved.runs_from,
        limits=resolved.limits,
    )
    listed = []
    for week in range(weeks):
        begin = monday + timedelta(weeks=week)
        listed.append(
            {
                "week": week + 1,
                "start": begin.isoformat(),
                "events": [
                    {
                        "date": event.date.isoformat(),
                        "title": event.title,
                        "kind": event.kind,
                        "why": event.why,
                        "strength": event.strength,
                    }
                    for event in found
                    if begin <= event.date < begin + timedelta(weeks=1)
                ],
            }
        )
    if as_json:
        streams.print_json({"weeks": listed})
        return
    from glutemed.views.calendar import runs_view
    from glutemed.views.console import emit

    emit(runs_view(listed))
