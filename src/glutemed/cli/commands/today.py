"""glutemed today: the session due today (or another day), what is done, what comes next."""

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from glutemed.cli import context, params, planning, streams

if TYPE_CHECKING:
    from glutemed.core.catalogue import Catalogue
    from glutemed.core.due import Due


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
    output: Annotated[
        Path | None, params.output("Write the day's session as a watch workout (.fit) to FILE.")
    ] = None,
    to_watch: params.ToWatch = None,
    rest: params.Rest = None,
    force: params.Force = False,
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
    if output is not None or to_watch is not None:
        rest_seconds = context.settings(ctx, rest=rest).rest_seconds
        _to_watch(found, catalogue, output, to_watch, rest_seconds, force)
        return
    if as_json:
        streams.print_json(daily.as_json(found))
        return
    from glutemed.views import terminal as render
    from glutemed.views.console import emit

    emit(render.today_view(found, context.today()))


def _to_watch(
    found: "Due",
    catalogue: "Catalogue",
    output: Path | None,
    to_watch: Path | None,
    rest: int,
    force: bool,
) -> None:
    """The day's session as a watch's workout, to FILE and to the watch."""
    from glutemed.cli import watchfiles
    from glutemed.errors import FieldError, NothingToDo

    if output is not None and output.suffix.lower() != ".fit":
        raise FieldError("output", "takes a file ending in .fit (a watch workout)")
    if found.session is None:
        raise NothingToDo(f"no session on {found.date.isoformat()} to put on a watch")
    made = watchfiles.files([found.session], catalogue, rest, "glutemed")
    watchfiles.write(made, folder=None, to_watch=to_watch, force=force, single=output)
