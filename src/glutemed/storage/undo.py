"""Undo: the last command that wrote to the log, and taking it back in one transaction."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, NamedTuple

from glutemed.core.sets import LoggedSet
from glutemed.storage.logfile import Warn, has_table, open_log, readable, transaction
from glutemed.storage.sets import logged_set, set_columns


class Command(NamedTuple):
    """One step for undo: the sets it added, and the sets it changed, each as it is now
    and as undo will put it back."""

    id: int
    source: str
    sets: list[LoggedSet]
    changed: list[tuple[LoggedSet, LoggedSet]]


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
            for set_id, *old in db.execute(
                "SELECT set_id, reps, load, note, form FROM replaced"
                " WHERE command_id = ? ORDER BY id DESC",
                (row[0],),
            ):
                before[set_id] = tuple(old)
    now = readable(changed, logged_set, "set", warn)
    pairs = []
    for item in now:
        reps, load, note, form = before.get(item.id, (item.reps, item.load, item.note, item.form))
        pairs.append((item, replace(item, reps=reps, load=load, note=note, form=form)))
    return Command(row[0], str(row[1]), readable(rows, logged_set, "set", warn), pairs)


def remove_command(command_id: int) -> tuple[int, int]:
    """Undo one command in one transaction: delete the sets it added and give the sets
    it changed their old values back. (sets removed, sets restored)."""
    with open_log(write=True) as db, transaction(db):
        restored = db.execute(
            "SELECT set_id, reps, load, note, form FROM replaced"
            " WHERE command_id = ? ORDER BY id DESC",
            (command_id,),
        ).fetchall()
        for set_id, reps, load, note, form in restored:
            db.execute(
                "UPDATE sets SET reps = ?, load = ?, note = ?, form = ? WHERE id = ?",
                (reps, load, note, form, set_id),
            )
        db.execute("DELETE FROM replaced WHERE command_id = ?", (command_id,))
        gone = db.execute("DELETE FROM sets WHERE command_id = ?", (command_id,)).rowcount
        db.execute("DELETE FROM commands WHERE id = ?", (command_id,))
    return int(gone), len({row[0] for row in restored})
