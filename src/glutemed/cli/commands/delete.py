"""glutemed delete: remove one logged set by its id, or a day's session."""

from typing import Annotated

import typer

from glutemed.cli import context, params, streams
from glutemed.core.text import plural
from glutemed.errors import NothingToDo, UsageError


def delete(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID|MOVE]",
            help="A set's id from 'glutemed history --all'; with --date, a move (optional).",
            show_default=False,
        ),
    ] = None,
    when: Annotated[
        str | None,
        params.when("Remove every set of this day (of MOVE only, when given)."),
    ] = None,
) -> None:
    """Remove one logged set, or a day's session."""
    from glutemed.storage import sets

    if when is None:
        if target is None:
            raise UsageError("give a set's id, or --date DAY for a whole session")
        number = params.set_id("target", target)
        gone = context.logged_set(number)
        sets.delete_sets([number], source=f"delete {number}")
        streams.done(
            f"Removed set {number}: {gone.slug} set {gone.set} on {gone.date.isoformat()}, "
            f"{plural(gone.reps, 'rep')} ('glutemed undo' puts it back)"
        )
        return
    day = context.on_day(when, ahead=False)
    slug = None
    if target is not None:
        slug = context.load_catalogue(context.settings(ctx)).find(target).slug
    found = sets.sets_of_day(day, slug)
    what = f" of {slug}" if slug else ""
    if not found:
        raise NothingToDo(f"no sets{what} logged on {day.isoformat()}: nothing removed")
    removed = sets.delete_sets(found, source=f"delete {day.isoformat()}{what}")
    streams.done(
        f"Removed {plural(removed, 'set')}{what} of {day.isoformat()} "
        "('glutemed undo' puts them back)"
    )
