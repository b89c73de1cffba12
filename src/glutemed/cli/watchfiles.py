"""Sessions as workout files for a watch: named, written to a folder or the watch's
``GARMIN/NewFiles``, for ``today -o today.fit`` and ``plan --format fit``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from glutemed.cli import streams
from glutemed.core.text import plural

if TYPE_CHECKING:
    from glutemed.core.catalogue import Catalogue
    from glutemed.core.plan import Session


def files(
    sessions: Sequence[Session], catalogue: Catalogue, rest: int, name: str
) -> list[tuple[str, bytes]]:
    """(file name, bytes) of each session's workout: ``2026-12-07-glutemed.fit``."""
    from glutemed.core.watch import workout
    from glutemed.formats.fit_out import to_fit

    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "glutemed"
    return [
        (f"{s.date.isoformat()}-{stem}.fit", to_fit(workout(s, catalogue, rest, name)))
        for s in sessions
    ]


def write(
    made: list[tuple[str, bytes]],
    *,
    folder: Path | None,
    to_watch: Path | None,
    force: bool,
    single: Path | None = None,
) -> None:
    """Write the files to ``folder`` (or the one file to ``single``) and to the watch
    mounted at ``to_watch``, each atomically, and say where each went."""
    from glutemed.storage.files import watch_inbox, write_file, write_files

    written: list[Path] = []
    if single is not None:
        write_file(single, made[0][1], force=force)
        written.append(single)
    elif folder is not None:
        written += write_files(folder, made, force=force)
    if to_watch is not None:
        written += write_files(watch_inbox(to_watch), made, force=force)
    streams.done(
        f"Wrote {plural(len(written), 'workout file')}: " + ", ".join(str(p) for p in written)
    )


#: The largest FIT file glutemed reads (a strength activity is a few KiB).
FIT_BYTES = 16 * 1024 * 1024


def import_activity(catalogue: Catalogue, path: Path, *, skip_unknown: bool) -> None:
    """Log the sets a watch recorded in the activity at ``path``: all or nothing, one
    ``undo`` step, nothing twice (an activity is known by its device and start)."""
    from glutemed.core.watch import logged_sets
    from glutemed.errors import FitError, Unreadable
    from glutemed.formats.fit_in import read_activity
    from glutemed.storage import programmes
    from glutemed.storage import sets as sets_store
    from glutemed.storage.files import read_regular

    try:
        data = read_regular(path, FIT_BYTES)
    except Unreadable as err:
        raise FitError(f"{path}: {err}") from None
    activity = read_activity(data, str(path))
    saved = programmes.in_force(activity.day, warn=streams.warn)
    planned = dict(saved.forms) if saved is not None else {}
    sets, unknown = logged_sets(activity, catalogue, planned)
    if unknown and not skip_unknown:
        counts = {name: unknown.count(name) for name in unknown}
        named = ", ".join(f"{name} ({plural(n, 'set')})" for name, n in counts.items())
        raise FitError.naming(
            "{path} holds sets of exercises no move matches: {named}; nothing was logged "
            "(add {skip_unknown} to log the rest)",
            path=str(path),
            named=named,
        )
    if not sets:
        said = (
            "only rest, no active set"
            if not any(item.active for item in activity.sets)
            else "no set of glutemed's moves"
        )
        streams.out(f"{path} holds {said}: nothing logged")
        return
    stored = sets_store.add_activity(sets, source=f"fit {path.name}", key=activity.key)
    if stored is None:
        streams.out(
            f"{path} is an activity already in your log (recorded "
            f"{activity.start:%Y-%m-%d %H:%M} UTC): nothing logged twice"
        )
        return
    moves = sorted({item.slug for item in stored})
    skipped = f"; left out {plural(len(unknown), 'set')} of other exercises" if unknown else ""
    streams.done(
        f"Logged {plural(len(stored), 'set')} of {', '.join(moves)} on "
        f"{activity.day.isoformat()} from {path}{skipped}"
    )
