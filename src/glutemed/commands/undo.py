"""glutemed undo: remove the most recent log command's sets."""

from typing import Annotated

import typer

from glutemed.commands import common
from glutemed.errors import NothingToDo, UsageError
from glutemed.text import plural


def undo(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")] = False,
) -> None:
    """Remove the sets of your most recent 'glutemed log'."""
    from glutemed import log, render

    last = log.last_command(warn=common.warn)
    if last is None:
        raise NothingToDo("nothing to undo: the log is empty")
    command_id, source, sets = last
    render.emit(render.undo_preview(source, sets))
    if not yes:
        try:
            agreed = render.confirm("Remove these sets from the log?")
        except EOFError:
            raise UsageError("no answer given, nothing removed; add --yes to remove them") from None
        if not agreed:
            common.out("Nothing removed")
            return
    gone = log.remove_command(command_id)
    common.done(f"Removed {plural(gone, 'set')}")
