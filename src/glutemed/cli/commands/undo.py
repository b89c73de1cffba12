"""glutemed undo: remove the most recent log command's sets."""

from typing import Annotated

import typer

from glutemed.cli import streams
from glutemed.core.text import plural
from glutemed.errors import NothingToDo, UsageError


def undo(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")] = False,
) -> None:
    """Undo your most recent log command, guided session or sheet."""
    from glutemed.storage import undo as log
    from glutemed.views import prompts
    from glutemed.views import terminal as render
    from glutemed.views.console import emit

    last = log.last_command(warn=streams.warn)
    if last is None:
        raise NothingToDo("nothing to undo: the log is empty")
    emit(render.undo_preview(last.source, last.sets, last.changed, last.removed, last.pains))
    if not yes:
        try:
            agreed = prompts.confirm("Undo this command?")
        except EOFError:
            raise UsageError("no answer given, nothing removed; add --yes to remove them") from None
        if not agreed:
            streams.out("Nothing removed")
            return
    gone, restored = log.remove_command(last.id)
    back = f"; put back {plural(restored, 'set')}" if restored else ""
    scores = f" and {plural(len(last.pains), 'pain score')}" if last.pains else ""
    streams.done(f"Removed {plural(gone, 'set')}{scores}{back}")
