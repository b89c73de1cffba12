"""The saved programme (``plan --save``) in the training log. What is kept is
:func:`glutemed.core.programme.record`'s; a later save replaces an earlier one from
its own start on, and the programme in force on a day is the latest saved of those
started by then.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from glutemed.core import rules
from glutemed.core.programme import Programme, record
from glutemed.core.text import quoted
from glutemed.storage.logfile import Warn, has_table, open_log, readable, transaction

if TYPE_CHECKING:
    from glutemed.core.plan import Plan, PlanOptions


def save_programme(start: date, options: str) -> int:
    """Keep a programme (its options as JSON text) from ``start``, in one transaction; its id."""
    with open_log(write=True) as db, transaction(db):
        cursor = db.execute(
            "INSERT INTO programmes (saved_at, start, options) VALUES (?, ?, ?)",
            (datetime.now().isoformat(timespec="seconds"), start.isoformat(), options),
        )
        return int(cursor.lastrowid or 0)


def programme_on(day: date, *, warn: Warn) -> tuple[date, str] | None:
    """(start, options JSON) of the programme in force on ``day``: the latest saved of
    those started by then. None without one; a row that cannot be read is skipped."""
    with open_log(write=False) as db:
        if not has_table(db, "programmes"):
            return None
        rows = db.execute(
            "SELECT id, start, options FROM programmes WHERE start <= ? ORDER BY id DESC",
            (day.isoformat(),),
        ).fetchall()
    found = readable(rows[:1], _programme, "programme", warn)
    return found[0] if found else None


def _programme(row: Sequence[Any]) -> tuple[date, str]:
    _ident, start, options = row
    try:
        when = rules.parse_date(start if isinstance(start, str) else "")
    except ValueError:
        raise ValueError(f"start {quoted(start)}") from None
    if not isinstance(options, str):
        raise ValueError(f"options {quoted(options)}")
    return when, options


def save(options: PlanOptions, plan: Plan) -> None:
    save_programme(plan.start, json.dumps(record(options, plan), sort_keys=True))


def in_force(day: date, *, warn: Warn) -> Programme | None:
    """The programme in force on ``day``, or None (nothing saved, or none started yet)."""
    found = programme_on(day, warn=warn)
    if found is None:
        return None
    start, text = found
    try:
        data = json.loads(text)
        return Programme(start, data["options"], data["forms"])
    except (ValueError, KeyError, TypeError):
        warn("skipped the saved programme: the log holds it in a form glutemed cannot read")
        return None
