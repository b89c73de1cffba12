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


#: What ``programme --clear`` keeps in place of a programme's options: from its start on,
#: nothing is saved (the programmes before it stay, for the days they covered).
CLEARED = "cleared"


def clear_programme(start: date) -> int:
    """Clear the saved programme from ``start`` on, in one transaction; the log's sets
    stay, and so do earlier programmes for the days before ``start``."""
    return save_programme(start, CLEARED)


def programme_on(day: date, *, warn: Warn, upcoming: bool = False) -> tuple[date, str, str] | None:
    """(start, options JSON, when saved) of the programme in force on ``day``: the latest
    saved of those started by then (with ``upcoming``, else the next to start after it).
    None without one, or where it was cleared; a row that cannot be read is skipped."""
    with open_log(write=False) as db:
        if not has_table(db, "programmes"):
            return None
        rows = db.execute(
            "SELECT id, start, options, saved_at FROM programmes WHERE start <= ?"
            " ORDER BY id DESC LIMIT 1",
            (day.isoformat(),),
        ).fetchall()
        if upcoming and not rows:
            rows = db.execute(
                "SELECT id, start, options, saved_at FROM programmes WHERE start > ?"
                " ORDER BY start, id DESC LIMIT 1",
                (day.isoformat(),),
            ).fetchall()
    found = readable(rows, _programme, "programme", warn)
    return found[0] if found and found[0][1] != CLEARED else None


def _programme(row: Sequence[Any]) -> tuple[date, str, str]:
    _ident, start, options, saved_at = row
    try:
        when = rules.parse_date(start if isinstance(start, str) else "")
    except ValueError:
        raise ValueError(f"start {quoted(start)}") from None
    if not isinstance(options, str):
        raise ValueError(f"options {quoted(options)}")
    return when, options, str(saved_at)


def save(options: PlanOptions, plan: Plan) -> None:
    save_programme(plan.start, json.dumps(record(options, plan), sort_keys=True))


def in_force(day: date, *, warn: Warn, upcoming: bool = False) -> Programme | None:
    """The programme in force on ``day`` (with ``upcoming``, else the next to start after
    it), or None (nothing saved, none started yet, or cleared)."""
    found = programme_on(day, warn=warn, upcoming=upcoming)
    if found is None:
        return None
    start, text, saved_at = found
    try:
        data = json.loads(text)
        return Programme(start, data["options"], data["forms"], saved_at)
    except (ValueError, KeyError, TypeError):
        warn("skipped the saved programme: the log holds it in a form glutemed cannot read")
        return None
