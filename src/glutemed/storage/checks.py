"""Self-check results (``glutemed check``) in the training log."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from glutemed.core import rules
from glutemed.core.text import quoted
from glutemed.storage.logfile import Warn, has_table, open_log, readable


def save_check(result: dict[str, Any], taken: datetime) -> int:
    """Store one self-check result; its id."""
    with open_log(write=True) as db:
        cursor = db.execute(
            "INSERT INTO checks (taken, left_knee, right_knee, gait, result)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                taken.isoformat(timespec="seconds"),
                result["left"]["knee"],
                result["right"]["knee"],
                json.dumps(result["gait"]),
                json.dumps(result, sort_keys=True),
            ),
        )
        return int(cursor.lastrowid or 0)


def check_history(*, warn: Warn) -> list[dict[str, Any]]:
    """Earlier self-check results, oldest first; rows that cannot be read are skipped
    and named in one warning."""
    with open_log(write=False) as db:
        if not has_table(db, "checks"):
            return []
        rows = db.execute(
            "SELECT id, taken, left_knee, right_knee, gait, result FROM checks ORDER BY taken, id"
        ).fetchall()
    return readable(rows, _check, "self-check", warn)


def _check(row: Sequence[Any]) -> dict[str, Any]:
    ident, taken, left, right, gait, result = row
    try:
        datetime.fromisoformat(taken if isinstance(taken, str) else "")
    except ValueError:
        raise ValueError(f"taken {quoted(taken)}") from None
    for field, value in (("left_knee", left), ("right_knee", right)):
        if not isinstance(value, str) or rules.KNEE_ALIASES.get(value, value) not in rules.KNEES:
            raise ValueError(f"{field} {quoted(value)}")
    try:
        steps = json.loads(gait)
        found = json.loads(result)
        # possible_weak_sides since glutemed 0.2; weak_sides in results saved before.
        weak = found.get("possible_weak_sides", found.get("weak_sides", []))
    except (TypeError, ValueError, AttributeError, RecursionError):
        raise ValueError("gait or result is not glutemed's JSON") from None
    if not _strings(steps) or not _strings(weak):
        raise ValueError("gait or result is not glutemed's JSON")
    return {
        "id": ident,
        "taken": taken,
        "left": rules.KNEE_ALIASES.get(left, left),
        "right": rules.KNEE_ALIASES.get(right, right),
        "gait": steps,
        "possible_weak_sides": weak,
    }


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
