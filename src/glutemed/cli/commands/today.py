"""glutemed today: the session due today (or another day), what is done, what comes next."""

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from glutemed.cli import context, params, planning, streams


@planning.week_options
def today(
    ctx: typer.Context,
    when: Annotated[
        str | None,
        params.when(
            "The day to look at: a date, today, tomorrow or a weekday (the next such day). "
            "[default: today]"
        ),
    ] = None,
    week: Mapping[str, Any] = planning.NO_WEEK,
    as_json: Annotated[bool, params.flag("--json", help="Print the day as JSON.")] = False,
) -> None:
    """Show the session due today, and the next one."""
    from glutemed.core import due as daily

    day = context.on_day(when, ahead=True)
    catalogue = context.load_catalogue(context.settings(ctx))
    options, notes = planning.options_for(ctx, day, catalogue, **week)
    for note in notes:
        streams.note(note)
    history = planning.history(catalogue, day, before=True)
    found = daily.due(catalogue, options, history, day, pains=planning.pains(day))
    if as_json:
        streams.print_json(daily.as_json(found))
        return
    from glutemed.views import terminal as render
    from glutemed.views.console import emit

    emit(render.today_view(found, context.today()))
