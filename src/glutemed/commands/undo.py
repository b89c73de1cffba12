"""glutemed undo: remove the most recent log command's sets."""

from typing import Annotated

import typer

from glutemed.commands import common
from glutemed.errors import NothingToDo, UsageError
from glutemed.text import plural


def undo(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")] = False,
) -> None:
    """Undo your most recent log command, guided session or sheet."""
    from glutemed import log, render

    last = log.last_command(warn=common.warn)
    if last is None:
        raise NothingToDo("nothing to undo: the log is empty")
    render.emit(render.undo_preview(last.source, last.sets, last.changed))
    if not yes:
        try:
            agreed = render.confirm("Undo this command?")
        except EOFError:
            raise UsageError("no answer given, nothing removed; add --yes to remove them") from None
        if not agreed:
            common.out("Nothing removed")
            return
    gone, restored = log.remove_command(last.id)
    back = f"; put back {plural(restored, 'set')}" if restored else ""
    common.done(f"Removed {plural(gone, 'set')}{back}")
