"""Undo: the last command that wrote to the log, and taking it back in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from glutemed.core.sets import LoggedSet
from glutemed.storage.logfile import (
    Warn,
    has_column,
    has_table,
    open_log,
    readable,
    transaction,
)
from glutemed.storage.sets import logged_set, set_columns


class Command(NamedTuple):
    """One step for undo: the sets it added, the sets it changed (each as it is now and
    as undo will put it back) and the sets it removed (as undo will put them back)."""

    id: int
    source: str
    sets: list[LoggedSet]
    changed: list[tuple[LoggedSet, LoggedSet]]
    removed: list[LoggedSet]
    #: The pain scores it recorded (undo removes them with it).
    pains: list[str]


def last_command(*, warn: Warn) -> Command | None:
    """The most recent command that wrote to the log, or None."""
    with open_log(write=False) as db:
        if not has_table(db, "commands"):
            return None
        row = db.execute("SELECT id, source FROM commands ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        columns = set_columns(db)
        rows = db.execute(
            f"SELECT {columns} FROM sets WHERE command_id = ? ORDER BY id", (row[0],)
        ).fetchall()
        changed: list[Any] = []
        before: dict[int, tuple[Any, ...]] = {}
        if has_table(db, "replaced"):
            changed = db.execute(
                f"SELECT {columns} FROM sets WHERE id IN"
                " (SELECT set_id FROM replaced WHERE command_id = ?) ORDER BY id",
                (row[0],),
            ).fetchall()
            # The earliest value a set had before this command is the one undo restores.
            moved = "date, set_number" if has_column(db, "replaced", "date") else "NULL, NULL"
            for set_id, *old in db.execute(
                f"SELECT set_id, reps, load, note, form, {moved} FROM replaced"
                " WHERE command_id = ? ORDER BY id DESC",
                (row[0],),
            ):
                before[set_id] = tuple(old)
        hurt: list[str] = []
        if has_table(db, "pains"):
            for day, slug, score in db.execute(
                "SELECT date, slug, score FROM pains WHERE command_id = ? ORDER BY id", (row[0],)
            ):
                what = f"the morning of {day}" if slug is None else f"{slug} on {day}"
                hurt.append(f"pain {score}/10, {what}")
        gone: list[Any] = []
        if has_table(db, "removed"):
            gone = db.execute(
                "SELECT set_id, date, slug, set_number, reps, load, note, form, side"
                " FROM removed WHERE command_id = ? ORDER BY set_id",
                (row[0],),
            ).fetchall()
    now = readable(changed, logged_set, "set", warn)
    pairs = []
    for item in now:
        old = before.get(item.id, (item.reps, item.load, item.note, item.form, None, None))
        reps, load, note, form, day, number = old
        was = replace(item, reps=reps, load=load, note=note, form=form)
        if day is not None:
            was = replace(was, date=date.fromisoformat(day), set=number)
        pairs.append((item, was))
    removed = readable(gone, logged_set, "set", warn)
    sets = readable(rows, logged_set, "set", warn)
    return Command(row[0], str(row[1]), sets, pairs, removed, hurt)


def remove_command(command_id: int) -> tuple[int, int]:
    """Undo one command in one transaction: put back the sets it removed (under their
    own ids), give the sets it changed their old values back, and delete the sets it
    added. (sets removed, sets restored)."""
    with open_log(write=True) as db, transaction(db):
        back = db.execute(
            "SELECT set_id, set_command_id, date, slug, set_number, reps, load, note,"
            " sheet_key, form, side FROM removed WHERE command_id = ?",
            (command_id,),
        ).fetchall()
        for row in back:
            db.execute(
                "INSERT INTO sets (id, command_id, date, slug, set_number, reps, load, note,"
                " sheet_key, form, side) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        restored = db.execute(
            "SELECT set_id, reps, load, note, form, date, set_number, sheet_key FROM replaced"
            " WHERE command_id = ? ORDER BY id DESC",
            (command_id,),
        ).fetchall()
        for set_id, reps, load, note, form, day, number, key in restored:
            db.execute(
                "UPDATE sets SET reps = ?, load = ?, note = ?, form = ? WHERE id = ?",
                (reps, load, note, form, set_id),
            )
            if day is not None:  # an edit moved the set: its old day, number and key
                db.execute(
                    "UPDATE sets SET date = ?, set_number = ?, sheet_key = ? WHERE id = ?",
                    (day, number, key, set_id),
                )
        db.execute("DELETE FROM replaced WHERE command_id = ?", (command_id,))
        db.execute("DELETE FROM removed WHERE command_id = ?", (command_id,))
        db.execute("DELETE FROM pains WHERE command_id = ?", (command_id,))
        gone = db.execute("DELETE FROM sets WHERE command_id = ?", (command_id,)).rowcount
        db.execute("DELETE FROM commands WHERE id = ?", (command_id,))
    return int(gone), len({row[0] for row in restored}) + len(back)
