"""iCalendar and JSON writers (the Markdown sheet is :mod:`glutemed.sheet`'s), and
writing a file without ever losing one.

The writers are pure: a plan (and, for Markdown, the catalogue it came from)
in, text or bytes out; the same plan always gives the same bytes.
:func:`write_file` is the only function here that touches the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from glutemed.about import CAUTION, CREDIT, GUIDANCE, GUIDANCE_TITLE
from glutemed.catalogue import Catalogue
from glutemed.errors import ExportError
from glutemed.paths import remove_stale_temps, temp_path
from glutemed.planner import RUN_TEXT, Plan, Session, jsonable
from glutemed.text import clip, without_controls


def render(plan: Plan, catalogue: Catalogue, fmt: str, at: time | None = None) -> bytes:
    """The plan in ``fmt`` (one of :data:`glutemed.rules.FORMATS`), as a file's bytes."""
    if fmt == "markdown":
        from glutemed.sheet import to_markdown

        return to_markdown(plan, catalogue).encode()
    if fmt == "ics":
        return to_ics(plan, at)
    return to_json(plan).encode()


def to_json(plan: Plan) -> str:
    return json.dumps(jsonable(plan), indent=2, ensure_ascii=False) + "\n"


def to_ics(plan: Plan, at: time | None = None) -> bytes:
    """An iCalendar file: one event per session, all-day unless ``at`` is given.

    Each ``UID`` hashes the plan's days, equipment, seed and first date with
    the session's date, so importing the same plan again updates its events
    (and a longer ``--weeks`` keeps the earlier weeks' events). ``DTSTAMP``
    is the first session's date, not the clock, so the bytes are repeatable.
    """
    from icalendar import Calendar, Event

    sessions = plan.sessions
    if not sessions:
        raise ExportError("the plan has no sessions to put in a calendar")
    first = sessions[0].date
    inputs = json.dumps(
        [plan.weekdays, plan.available, plan.seed, first.isoformat()], separators=(",", ":")
    )
    calendar = Calendar()
    calendar.add("prodid", "-//glutemed//glutemed plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "glutemed")
    for session in sessions:
        when = session.date
        event = Event()
        digest = hashlib.sha256(f"{inputs}|{when.isoformat()}".encode()).hexdigest()[:20]
        event.add("uid", f"{when:%Y%m%d}-{digest}@glutemed")
        event.add("dtstamp", datetime.combine(first, time(0, 0), tzinfo=UTC))
        start, end = _event_times(session, when, at)
        event.add("dtstart", start)
        event.add("dtend", end)
        run = f" ({RUN_TEXT[session.run]})" if session.run else ""
        names = ", ".join(e.form_name for e in session.exercises)
        event.add("summary", without_controls(f"Glute med: {names}{run}"))
        event.add("description", without_controls(_description(session)))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _event_times(
    session: Session, when: date, at: time | None
) -> tuple[date | datetime, date | datetime]:
    if at is None:
        return when, when + timedelta(days=1)
    start = datetime.combine(when, at)  # floating time: the runner's local clock
    return start, start + timedelta(minutes=session.minutes)


def _description(session: Session) -> str:
    lines = [
        f"{e.form_name}: {e.prescription}{e.aim_words} "
        f"({', '.join(e.equipment) or 'no equipment'}). {e.advice[:1].upper()}{e.advice[1:]}."
        for e in session.exercises
    ]
    lines += [
        f"About {session.minutes} minutes. Steps: glutemed show SLUG.",
        "",
        f"{GUIDANCE_TITLE}:",
        *(f"- {point}" for point in GUIDANCE),
        "",
        CAUTION,
        "",
        CREDIT,
    ]
    return "\n".join(lines)


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; never replace a file without ``force``.

    The bytes go to a temp file beside the target, are flushed and fsynced,
    then take the target's place in one step (``os.link`` when not forcing,
    so a file that appears meanwhile is not clobbered; ``os.replace`` when
    forcing). On any failure the temp file is removed and the target is as it
    was. Only regular files are ever replaced.
    """
    shown = clip(str(path), 120)
    try:
        if path.is_dir():
            raise ExportError(f"{shown} is a folder; give a file name")
        if os.path.lexists(path):
            if not path.is_file():
                raise ExportError(f"{shown} is not a regular file; glutemed will not replace it")
            if not force:
                raise ExportError(f"{shown} already exists; add --force to overwrite it")
        folder = path.parent
        if not folder.is_dir():
            raise ExportError(f"{clip(str(folder), 120)}: no such folder")
        mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
        remove_stale_temps(path)
        temp = temp_path(path)
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        raise ExportError(f"{shown}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        _put_in_place(temp, path, force=force)
        _sync_folder(folder)
    except FileExistsError:
        raise ExportError(f"{shown} already exists; add --force to overwrite it") from None
    except OSError as err:
        raise ExportError(f"{shown}: cannot write: {err.strerror or err}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _put_in_place(temp: Path, path: Path, *, force: bool) -> None:
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if the target appeared meanwhile: nothing clobbered
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if os.path.lexists(path):
            raise FileExistsError(str(path)) from None
        os.replace(temp, path)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
