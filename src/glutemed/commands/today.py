"""glutemed today: the session due today (or another day), what is done, what comes next."""

from typing import Annotated

import typer

from glutemed.commands import common, week


def today(
    ctx: typer.Context,
    when: Annotated[
        str | None,
        common.when(
            "The day to look at: a date, today, tomorrow or a weekday (the next such day). "
            "[default: today]"
        ),
    ] = None,
    days: common.Days = None,
    weekdays: common.On = None,
    equipment: common.Equipment = None,
    moves: common.Moves = None,
    level: common.Level = None,
    long_run: common.LongRun = None,
    hard: common.Hard = None,
    race: common.Race = None,
    runs_from: common.RunsFrom = None,
    as_json: Annotated[bool, common.flag("--json", help="Print the day as JSON.")] = False,
) -> None:
    """Show the session due today, and the next one."""
    from glutemed import daily

    day = common.on_day(when, ahead=True)
    catalogue = common.load_catalogue(common.settings(ctx))
    options, notes = week.options_for(
        ctx,
        day,
        catalogue,
        days=days,
        weekdays=weekdays,
        equipment=equipment,
        moves=moves,
        level=level,
        long_run=long_run,
        hard=hard,
        race=race,
        runs_from=runs_from,
    )
    for note in notes:
        common.note(note)
    found = daily.due(catalogue, options, week.history(catalogue, day, before=True), day)
    if as_json:
        common.print_json(daily.as_json(found))
        return
    from glutemed import render

    render.emit(render.today_view(found, common.today()))
