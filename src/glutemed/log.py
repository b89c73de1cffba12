"""glutemed's own database: one SQLite file in the user's data folder.

The folder is ``GLUTEMED_HOME`` when set, else the platform's user data folder
(``platformdirs``). The file is marked with glutemed's ``application_id`` and
versioned with ``PRAGMA user_version``; migrations run on open, each in one
transaction, so a newer glutemed upgrades an older file in place. Before
anything is written, an existing file is opened read-only and checked: a file
that is not SQLite, another program's database, or a damaged file is refused
and never modified, not even by a pragma. A file from a newer glutemed is
opened read-only.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from glutemed.errors import GlutemedError

APPLICATION_ID = 0x676C7574  # "glut"
FILE_NAME = "glutemed.sqlite3"
#: Each schema version's statements; version N is reached by running MIGRATIONS[N - 1].
MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            taken TEXT NOT NULL,
            left_knee TEXT NOT NULL,
            right_knee TEXT NOT NULL,
            gait TEXT NOT NULL,
            result TEXT NOT NULL
        )""",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


class LogError(GlutemedError):
    """The database cannot be used: not glutemed's, damaged, or not writable."""


def data_dir() -> Path:
    """``GLUTEMED_HOME``, else the platform's user data folder for glutemed."""
    home = os.environ.get("GLUTEMED_HOME")
    if home:
        return Path(home)
    import platformdirs

    return platformdirs.user_data_path("glutemed", appauthor=False)


def log_path() -> Path:
    return data_dir() / FILE_NAME


def _inspect(path: Path) -> int:
    """The schema version of an existing file, after checking it is glutemed's."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise LogError(
                    f"{path} is not a glutemed log (another program's file?); left as it is"
                )
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            problems = db.execute("PRAGMA quick_check").fetchone()[0]
            if problems != "ok":
                raise LogError(f"{path} is damaged ({problems}); left as it is")
            return int(version)
    except sqlite3.DatabaseError as err:
        raise LogError(f"{path} is not a glutemed log ({err}); left as it is") from None


@contextmanager
def open_log(*, write: bool) -> Iterator[sqlite3.Connection]:
    """A connection to the log, created and migrated when writing.

    Raises :class:`LogError` for a file that is not glutemed's, a damaged one,
    or (when ``write``) one written by a newer glutemed.
    """
    path = log_path()
    exists = path.exists()
    if exists and path.stat().st_size == 0:
        raise LogError(f"{path} is an empty file, not a glutemed log; left as it is")
    version = _inspect(path) if exists else 0
    if version > SCHEMA_VERSION and write:
        raise LogError(
            f"{path} was written by a newer glutemed (schema {version}); "
            "this one reads it but will not write to it"
        )
    if not exists and not write:
        with closing(sqlite3.connect(":memory:")) as empty:  # nothing saved yet
            yield empty
        return
    try:
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
        else:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    except (OSError, sqlite3.Error) as err:
        raise LogError(f"cannot open {path}: {err}") from None
    with closing(db):
        try:
            if write:
                db.execute("PRAGMA journal_mode=WAL")
                _migrate(db)
            yield db
        except sqlite3.Error as err:
            raise LogError(f"{path}: {err}") from None


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the file to SCHEMA_VERSION, each step in its own transaction."""
    while True:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                db.execute("COMMIT")
                return
            if version == 0:
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            for statement in MIGRATIONS[version]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version={version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


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


def check_history() -> list[dict[str, Any]]:
    """Earlier self-check results, oldest first."""
    with open_log(write=False) as db:
        if not _has_table(db, "checks"):
            return []
        rows = db.execute(
            "SELECT id, taken, left_knee, right_knee, gait, result FROM checks ORDER BY taken, id"
        ).fetchall()
    return [
        {
            "id": row[0],
            "taken": row[1],
            "left": row[2],
            "right": row[3],
            "gait": json.loads(row[4]),
            "weak_sides": json.loads(row[5]).get("weak_sides", []),
        }
        for row in rows
    ]


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,))
    return row.fetchone() is not None
