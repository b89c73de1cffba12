"""glutemed undo: remove the most recent log command's sets."""

from __future__ import annotations

from glutemed import log
from glutemed.errors import GlutemedError, UsageError


def run(*, yes: bool) -> None:
    last = log.last_command()
    if last is None:
        raise GlutemedError("nothing to undo: the log is empty")
    command_id, source, sets = last
    from glutemed import render

    console = render.console()
    console.print(render.undo_preview(source, sets))
    if not yes:
        try:
            agreed = render.confirm(console, "Remove these sets from the log?")
        except EOFError:
            raise UsageError("no answer given, nothing removed; add --yes to remove them") from None
        if not agreed:
            print("Nothing removed")
            return
    gone = log.remove_command(command_id)
    print(f"Removed {gone} sets")
