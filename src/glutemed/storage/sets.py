"""Writing sets to the training log: appended by ``log``, put by their key from a sheet,
or one at a time from a guided session; each command one transaction and one step
for undo. And reading one row of the sets table back, checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from glutemed.core import rules
from glutemed.core.sets import LoggedSet, Pain, parse_load
from glutemed.core.text import CONTROLS, quoted
from glutemed.storage.logfile import has_table, open_log, transaction

if TYPE_CHECKING:
    import sqlite3


def add_sets(sets: Sequence[LoggedSet], source: str, pains: Sequence[Pain] = ()) -> list[LoggedSet]:
    """Log the sets (and pain scores) as one command, in one transaction, and return
    the sets as stored.

    ``glutemed log`` appends: each move's sets on a day are numbered after the
    last set already logged for it that day, so nothing is ever replaced.
    """
    with open_log(write=True) as db, transaction(db):
        command = _new_command(db, source)
        for pain in pains:
            _insert_pain(db, command, pain)
        return _append(db, command, sets)


def _append(db: sqlite3.Connection, command: int, sets: Sequence[LoggedSet]) -> list[LoggedSet]:
    """Insert the sets, each move's numbered after its sets already logged that day."""
    stored = []
    last: dict[tuple[date, str], int] = {}
    for item in sets:
        key = (item.date, item.slug)
        if key not in last:
            last[key] = _last_set(db, item.date, item.slug)
        last[key] += 1
        numbered = replace(item, set=last[key])
        _insert_set(db, command, numbered)
        stored.append(numbered)
    return stored


def add_activity(sets: Sequence[LoggedSet], source: str, key: str) -> list[LoggedSet] | None:
    """Log a watch activity's sets as one command, in one transaction (all or none),
    numbered after each move's sets already logged that day; None, writing nothing,
    when the log already holds a set of the activity ``key`` names (each set's
    ``sheet_key`` starts with it), whatever file it came from."""
    with open_log(write=True) as db, transaction(db):
        seen = db.execute(
            "SELECT 1 FROM sets WHERE sheet_key >= ? AND sheet_key < ? LIMIT 1",
            (f"{key}:", f"{key};"),
        ).fetchone()
        if seen is not None:
            return None
        return _append(db, _new_command(db, source), sets)


@dataclass(frozen=True)
class Written:
    """What writing sets by their key did: sets added, updated, and found unchanged,
    and each update as it was and as it is now."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: (the set as it was, the set as it is now), for each set updated.
    changes: tuple[tuple[LoggedSet, LoggedSet], ...] = ()


def put_sets(sets: Sequence[LoggedSet], source: str, pains: Sequence[Pain] = ()) -> Written:
    """Write the sets of a sheet as one command, in one transaction (all or none).

    A set is known by its date, move and set number: one already in the log
    is updated when its reps, load or form differ (undo restores the old
    values) and left alone when they do not, so reading a sheet again counts
    nothing twice.
    """
    found: dict[str, int] = {"added": 0, "updated": 0, "unchanged": 0}
    changes: list[tuple[LoggedSet, LoggedSet]] = []
    with open_log(write=True) as db, transaction(db):
        command = _Lazy(db, source)
        for item in sets:
            found[_put(db, command, item, changes)] += 1
        for pain in pains:
            _insert_pain(db, command(), pain)
    return Written(**found, changes=tuple(changes))


class Recorder:
    """Writes the sets of a guided session one at a time, each in its own transaction,
    under one command (one step for undo), made when the first set changes the log."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.command: int | None = None

    def put(self, item: LoggedSet) -> str:
        """Write one set by its key: ``"added"``, ``"updated"`` or ``"unchanged"``."""
        with open_log(write=True) as db, transaction(db):
            command = _Lazy(db, self.source, self.command)
            result = _put(db, command, item)
            self.command = command.made
        return result

    def pain(self, pain: Pain) -> None:
        """Write a pain score, in its own transaction, under the session's command."""
        with open_log(write=True) as db, transaction(db):
            command = _Lazy(db, self.source, self.command)
            _insert_pain(db, command(), pain)
            self.command = command.made


class _Lazy:
    """A command id, made on first use inside the caller's transaction."""

    def __init__(self, db: sqlite3.Connection, source: str, made: int | None = None) -> None:
        self.db, self.source, self.made = db, source, made

    def __call__(self) -> int:
        if self.made is None:
            self.made = _new_command(self.db, self.source)
        return self.made


def _new_command(db: sqlite3.Connection, source: str) -> int:
    cursor = db.execute(
        "INSERT INTO commands (logged_at, source) VALUES (?, ?)",
        (datetime.now().isoformat(timespec="seconds"), source),
    )
    return int(cursor.lastrowid or 0)


def _last_set(db: sqlite3.Connection, day: date, slug: str) -> int:
    """The highest set number logged for a move on a day (0: none)."""
    row = db.execute(
        "SELECT MAX(set_number) FROM sets WHERE date = ? AND slug = ?", (day.isoformat(), slug)
    ).fetchone()
    return int(row[0] or 0)


def _put(
    db: sqlite3.Connection,
    command: _Lazy,
    item: LoggedSet,
    changes: list[tuple[LoggedSet, LoggedSet]] | None = None,
) -> str:
    """Add a set, or update the one with its date, move and set number, keeping the
    old values for undo (unless this command added it)."""
    row = db.execute(
        "SELECT id, command_id, reps, load, note, form FROM sets"
        " WHERE date = ? AND slug = ? AND set_number = ? ORDER BY id DESC LIMIT 1",
        (item.date.isoformat(), item.slug, item.set),
    ).fetchone()
    if row is None:
        _insert_set(db, command(), item)
        return "added"
    ident, owner, reps, load, note, form = row
    if (reps, load, form) == (item.reps, item.load, item.form):
        return "unchanged"
    if changes is not None:
        was = replace(item, reps=reps, load=load, note=note, form=form, id=ident)
        changes.append((was, replace(item, id=ident)))
    current = command()
    if owner != current:
        db.execute(
            "INSERT INTO replaced (command_id, set_id, reps, load, note, form)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (current, ident, reps, load, note, form),
        )
    db.execute(
        "UPDATE sets SET reps = ?, load = ?, note = ?, form = ? WHERE id = ?",
        (item.reps, item.load, item.note if item.note is not None else note, item.form, ident),
    )
    return "updated"


def _insert_set(db: sqlite3.Connection, command: int, item: LoggedSet) -> int:
    """Insert one set inside the caller's transaction."""
    cursor = db.execute(
        "INSERT INTO sets (command_id, date, slug, set_number, reps, load,"
        " note, sheet_key, form, side) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            command,
            item.date.isoformat(),
            item.slug,
            item.set,
            item.reps,
            item.load,
            item.note,
            item.sheet_key,
            item.form,
            item.side,
        ),
    )
    return int(cursor.rowcount)


SET_COLUMNS = "id, date, slug, set_number, reps, load, note, form, side"


def set_columns(db: sqlite3.Connection) -> str:
    """The columns to read sets by: a log from before m003 (read, not migrated) has no form."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(sets)")}
    return ", ".join(
        name if name in columns or name == "id" else "NULL" for name in SET_COLUMNS.split(", ")
    )


def logged_set(row: Sequence[Any]) -> LoggedSet:
    """One row of the sets table, checked; ValueError naming the field that is wrong."""

    ident, day, slug, number, reps, load, note, form, side = row
    fields = ("date", "slug", "set", "reps", "load", "note", "form", "side")
    for field, value in zip(fields, row[1:], strict=True):
        if isinstance(value, bytes):
            raise ValueError(f"{field} is binary data")
    try:
        when = rules.parse_date(day if isinstance(day, str) else "")
    except ValueError:
        raise ValueError(f"date {quoted(day)}") from None
    if not isinstance(slug, str) or not re.fullmatch(rules.SLUG, slug[:80]):
        raise ValueError(f"slug {quoted(slug)}")
    for field, value, allowed in (("set", number, rules.SET_NUMBERS), ("reps", reps, rules.REPS)):
        if type(value) is not int or value not in allowed:
            raise ValueError(f"{field} {quoted(value)}")
    if load is not None:
        try:
            load = parse_load(load if isinstance(load, str) else "").text
        except ValueError:
            raise ValueError(f"load {quoted(load)}") from None
    for field, value in (("note", note), ("form", form)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{field} {quoted(value)}")
    if form is not None and (not form.strip() or CONTROLS.search(form)):
        raise ValueError(f"form {quoted(form)}")
    if side is not None and side not in rules.SIDES:
        raise ValueError(f"side {quoted(side)}")
    return LoggedSet(when, slug, number, reps, load, note, id=int(ident), form=form, side=side)


def set_by_id(ident: int) -> LoggedSet | None:
    """The set logged under ``ident`` (the id ``history --all`` shows), or None."""
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return None
        row = db.execute(f"SELECT {set_columns(db)} FROM sets WHERE id = ?", (ident,)).fetchone()
    return logged_set(row) if row is not None else None


def edit_set(ident: int, new: LoggedSet) -> LoggedSet:
    """Put one set right (its reps, load and day) in one transaction, one step for undo,
    which restores what was there under the same id. A set moved to another day takes
    the number after that day's last set of its move. The set as it is now."""
    with open_log(write=True) as db, transaction(db):
        row = db.execute(
            "SELECT date, set_number, reps, load, note, form, sheet_key FROM sets WHERE id = ?",
            (ident,),
        ).fetchone()
        day, number, reps, load, note, form, key = row
        command = _new_command(db, f"edit {ident}")
        db.execute(
            "INSERT INTO replaced (command_id, set_id, reps, load, note, form, date,"
            " set_number, sheet_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (command, ident, reps, load, note, form, day, number, key),
        )
        moved = new.date.isoformat() != day
        number = _last_set(db, new.date, new.slug) + 1 if moved else number
        db.execute(
            "UPDATE sets SET reps = ?, load = ?, date = ?, set_number = ?, sheet_key = ?"
            " WHERE id = ?",
            (new.reps, new.load, new.date.isoformat(), number, None if moved else key, ident),
        )
    return replace(new, set=number, id=ident)


def delete_sets(idents: Sequence[int], source: str) -> int:
    """Remove these sets in one transaction, one step for undo, which puts each back
    whole under its own id. How many were removed."""
    with open_log(write=True) as db, transaction(db):
        command = _new_command(db, source)
        marks = ", ".join("?" * len(idents))
        db.execute(
            "INSERT INTO removed (command_id, set_id, set_command_id, date, slug, set_number,"
            " reps, load, note, sheet_key, form, side) SELECT ?, id, command_id, date, slug,"
            f" set_number, reps, load, note, sheet_key, form, side FROM sets WHERE id IN ({marks})",
            (command, *idents),
        )
        return int(db.execute(f"DELETE FROM sets WHERE id IN ({marks})", idents).rowcount)


def sets_of_day(day: date, slug: str | None = None) -> list[int]:
    """The ids of the sets logged on ``day`` (of one move when ``slug`` is given)."""
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return []
        query = "SELECT id FROM sets WHERE date = ?" + (" AND slug = ?" if slug else "")
        params = (day.isoformat(), slug) if slug else (day.isoformat(),)
        return [int(row[0]) for row in db.execute(query + " ORDER BY id", params)]


def add_pains(pains: Sequence[Pain], source: str) -> None:
    """Record pain scores alone (``log --morning``) as one command: one undo step."""
    with open_log(write=True) as db, transaction(db):
        command = _new_command(db, source)
        for pain in pains:
            _insert_pain(db, command, pain)


def _insert_pain(db: sqlite3.Connection, command: int, pain: Pain) -> None:
    """Record a pain score, unless the log holds the same one (a sheet read again)."""
    same = db.execute(
        "SELECT 1 FROM pains WHERE date = ? AND slug IS ? AND score = ? AND kind = ?",
        (pain.date.isoformat(), pain.slug, pain.score, pain.kind),
    ).fetchone()
    if same is not None:
        return
    db.execute(
        "INSERT INTO pains (command_id, date, slug, score, kind) VALUES (?, ?, ?, ?, ?)",
        (command, pain.date.isoformat(), pain.slug, pain.score, pain.kind),
    )
