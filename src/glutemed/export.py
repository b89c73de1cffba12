"""Markdown, iCalendar and JSON writers, and writing a file without ever losing one.

The writers are pure: a plan (and, for Markdown, the catalogue it came from)
in, text or bytes out; the same plan always gives the same bytes.
:func:`write_file` is the only function here that touches the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from glutemed.about import CAUTION, CREDIT
from glutemed.catalogue import Catalogue
from glutemed.errors import ExportError, UsageError
from glutemed.options import shorten
from glutemed.planner import RUN_TEXT, Plan, Session

#: Output file suffixes and the format each one means.
SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".ics": "ics",
    ".json": "json",
}
FORMATS: tuple[str, ...] = ("markdown", "ics", "json")


def format_for(path: Path, explicit: str | None = None) -> str:
    """The format to write ``path`` in: ``explicit`` if given, else by its suffix."""
    if explicit is not None:
        return explicit
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise UsageError(
            f"cannot tell the format of {shorten(str(path), 120)!r} from its suffix; "
            f"use one of {', '.join(SUFFIXES)} or give --format"
        ) from None


def render(plan: Plan, catalogue: Catalogue, fmt: str, at: time | None = None) -> bytes:
    """The plan in ``fmt`` (one of :data:`FORMATS`), as the bytes a file would hold."""
    if fmt == "markdown":
        return to_markdown(plan, catalogue).encode()
    if fmt == "ics":
        return to_ics(plan, at)
    return to_json(plan).encode()


def to_json(plan: Plan) -> str:
    return json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def _md(text: str) -> str:
    """Catalogue text made safe for Markdown: one line, special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(plan: Plan, catalogue: Catalogue) -> str:
    """A GitHub-flavoured Markdown training sheet with a checkbox for every set."""
    weeks = f"{plan.weeks} week{'s' if plan.weeks > 1 else ''}"
    lines = [
        f"# Gluteus medius plan: {plan.days} day{'s' if plan.days > 1 else ''} a week, {weeks}",
        "",
        f"- Days: {', '.join(plan.weekdays)}",
        f"- Equipment needed: {', '.join(plan.equipment) or 'none (bodyweight)'}",
        f"- Seed: {plan.seed}",
        "",
        "Tick a box when a set is done and fill in the reps and load you managed.",
    ]
    if plan.notes:
        lines += ["", *[f"> {_md(note)}" for note in plan.notes]]
    for session in plan.sessions:
        lines += ["", f"## {session.title}", "", f"About {session.minutes} minutes."]
        for exercise in session.exercises:
            side = " each side" if exercise.per_side else ""
            lines += [
                "",
                f"### {_md(exercise.name)} (`{exercise.slug}`)",
                "",
                f"{exercise.prescription}, aim for {exercise.target_reps}+ · "
                f"equipment: {', '.join(exercise.equipment) or 'none'}",
                "",
            ]
            lines += [
                f"- [ ] Set {number}: {exercise.reps} reps{side}; did __ reps @ __"
                for number in range(1, exercise.sets + 1)
            ]
    lines += ["", "## How to do the moves"]
    planned = {e.slug for session in plan.sessions for e in session.exercises}
    for move in catalogue:
        if move.slug not in planned:
            continue
        lines += ["", f"### {_md(move.name)}", ""]
        lines += [f"{number}. {_md(step)}" for number, step in enumerate(move.steps, start=1)]
        if move.cues:
            lines += ["", "Cues:", ""] + [f"- {_md(cue)}" for cue in move.cues]
    lines += ["", "---", "", CREDIT, "", CAUTION, ""]
    return "\n".join(lines)


def to_ics(plan: Plan, at: time | None = None) -> bytes:
    """An iCalendar file: one event per session, all-day unless ``at`` is given.

    Each ``UID`` hashes the plan's days, equipment, seed and first date with
    the session's date, so importing the same plan again updates its events
    (and a longer ``--weeks`` keeps the earlier weeks' events). ``DTSTAMP``
    is the first session's date, not the clock, so the bytes are repeatable.
    """
    from icalendar import Calendar, Event

    sessions = [session for session in plan.sessions if session.date is not None]
    if not sessions or len(sessions) != len(plan.sessions):
        raise ExportError("an iCalendar export needs dated sessions; give --start")
    first = sessions[0].date
    assert first is not None
    inputs = json.dumps(
        [plan.weekdays, plan.available, plan.seed, first.isoformat()], separators=(",", ":")
    )
    calendar = Calendar()
    calendar.add("prodid", "-//glutemed//glutemed plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "glutemed")
    for session in sessions:
        when = session.date
        assert when is not None
        event = Event()
        digest = hashlib.sha256(f"{inputs}|{when.isoformat()}".encode()).hexdigest()[:20]
        event.add("uid", f"{when:%Y%m%d}-{digest}@glutemed")
        event.add("dtstamp", datetime.combine(first, time(0, 0), tzinfo=UTC))
        start, end = _event_times(session, when, at)
        event.add("dtstart", start)
        event.add("dtend", end)
        run = f" ({RUN_TEXT[session.run]})" if session.run else ""
        event.add("summary", "Glute med: " + ", ".join(e.name for e in session.exercises) + run)
        event.add("description", _description(session))
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
        f"{e.name}: {e.prescription}, aim for {e.target_reps}+ "
        f"({', '.join(e.equipment) or 'no equipment'})"
        for e in session.exercises
    ]
    lines += [f"About {session.minutes} minutes. Steps: glutemed show SLUG.", CAUTION]
    return "\n".join(lines)


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; never replace a file without ``force``.

    The bytes go to a temp file beside the target, are flushed and fsynced,
    then take the target's place in one step (``os.link`` when not forcing,
    so a file that appears meanwhile is not clobbered; ``os.replace`` when
    forcing). On any failure the temp file is removed and the target is as it
    was. Only regular files are ever replaced.
    """
    shown = shorten(str(path), 120)
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
            raise ExportError(f"{shorten(str(folder), 120)}: no such folder")
        mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
        handle, temp_name = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name[:40]}.", suffix=".tmp"
        )
    except OSError as err:
        raise ExportError(f"{shown}: cannot write: {err.strerror or err}") from None
    temp = Path(temp_name)
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


# Reading a ticked sheet back (glutemed log --sheet).

_SESSION = re.compile(r"^## Week \d+ · (\w+)(?: · (\d{4}-\d{2}-\d{2}))?")
_MOVE = re.compile(r"^### .*\(`([a-z0-9]+(?:-[a-z0-9]+)*)`\)\s*$")
_AIM = re.compile(r"aim for (\d+)\+")
_BOX = re.compile(r"^\s*[-*] \[([ xX])\] Set (\d+):.*?; did (.*?) reps @ (.*?)\s*$")


@dataclass(frozen=True)
class SheetSet:
    """One set's checkbox on a training sheet, as the runner left it."""

    line: int
    date: date | None
    slug: str
    set: int
    ticked: bool
    reps: str  # what was written in the reps blank ("__" when left blank)
    load: str  # what was written in the load blank
    aim: int | None


def read_sheet(text: str) -> list[SheetSet]:
    """Every set checkbox of a Markdown sheet that :func:`to_markdown` wrote."""
    found = []
    when: date | None = None
    slug: str | None = None
    aim: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## How to do the moves"):
            break
        if session := _SESSION.match(line):
            when = date.fromisoformat(session.group(2)) if session.group(2) else None
            slug = None
        elif move := _MOVE.match(line):
            slug, aim = move.group(1), None
        elif (target := _AIM.search(line)) and slug and aim is None:
            aim = int(target.group(1))
        elif (box := _BOX.match(line)) and slug:
            found.append(
                SheetSet(
                    line=number,
                    date=when,
                    slug=slug,
                    set=int(box.group(2)),
                    ticked=box.group(1) != " ",
                    reps=box.group(3).strip(),
                    load=box.group(4).strip(),
                    aim=aim,
                )
            )
    return found
