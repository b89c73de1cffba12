"""What each runner's profile holds, for ``glutemed profiles``: read from that profile's
own log (the caller points :data:`glutemed.storage.paths.PROFILE` at it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from glutemed.storage import paths


def summary(today: date) -> dict[str, Any]:
    """The profile's saved programme (start and end) and last logged session, if any."""
    from glutemed.storage.logfile import open_log
    from glutemed.storage.programmes import in_force

    if not paths.log_path().exists():
        return {"programme_start": None, "programme_end": None, "last_session": None}
    saved = in_force(today, warn=lambda line: None, upcoming=True)
    with open_log(write=False) as db:
        row = db.execute("SELECT MAX(date) FROM sets").fetchone()
    return {
        "programme_start": saved.start.isoformat() if saved else None,
        "programme_end": saved.end().isoformat() if saved else None,
        "last_session": row[0] if row and row[0] else None,
    }
