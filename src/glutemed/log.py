"""The training log: one SQLite file in the user's data folder. Storage and
migrations only; what the sets mean for the next session is
:mod:`glutemed.progression`'s.

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
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glutemed.errors import LogError
from glutemed.paths import log_path

if TYPE_CHECKING:
    import sqlite3

APPLICATION_ID = 0x676C7574  # "glut"


@dataclass(frozen=True)
class Migration:
    """One named step of the schema; step N takes a file from version N - 1 to N."""

    name: str
    statements: tuple[str, ...]


#: The schema's history, oldest first: ``PRAGMA user_version`` counts the steps done.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "m001_self_checks",
        (
            """CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            taken TEXT NOT NULL,
            left_knee TEXT NOT NULL,
            right_knee TEXT NOT NULL,
            gait TEXT NOT NULL,
            result TEXT NOT NULL
        )""",
        ),
    ),
    Migration(
        "m002_logged_sets",
        (
            """CREATE TABLE commands (
            id INTEGER PRIMARY KEY,
            logged_at TEXT NOT NULL,
            source TEXT NOT NULL
        )""",
            """CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            command_id INTEGER NOT NULL REFERENCES commands (id),
            date TEXT NOT NULL,
            slug TEXT NOT NULL,
            set_number INTEGER NOT NULL,
            reps INTEGER NOT NULL,
            load TEXT,
            note TEXT,
            sheet_key TEXT UNIQUE
        )""",
            "CREATE INDEX sets_by_move ON sets (slug, date)",
        ),
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _inspect(path: Path) -> int:
    """The schema version of an existing file, after checking it is glutemed's."""
    import sqlite3

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
    import sqlite3

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
            _make_folder(path.parent)
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


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise LogError(
            f"{folder} is a file, not a folder, so the log cannot go there (check GLUTEMED_HOME)"
        ) from None


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
            for statement in MIGRATIONS[version].statements:
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


# Writing and reading sets.


@dataclass(frozen=True)
class LoggedSet:
    date: date
    slug: str
    set: int
    reps: int
    load: str | None = None
    note: str | None = None
    sheet_key: str | None = None
    id: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "slug": self.slug,
            "set": self.set,
            "reps": self.reps,
            "load": self.load,
            "note": self.note,
        }


def add_sets(sets: Sequence[LoggedSet], source: str) -> tuple[int, int]:
    """Log the sets as one command, in one transaction: (logged, already there).

    Sets from a sheet carry a ``sheet_key``; one already in the log is skipped,
    so reading the same sheet twice logs nothing new.
    """
    with open_log(write=True) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            command = db.execute(
                "INSERT INTO commands (logged_at, source) VALUES (?, ?)",
                (datetime.now().isoformat(timespec="seconds"), source),
            ).lastrowid
            added = 0
            for item in sets:
                added += _insert_set(db, int(command or 0), item)
            if added == 0:
                db.execute("DELETE FROM commands WHERE id = ?", (command,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return added, len(sets) - added


def _insert_set(db: sqlite3.Connection, command: int, item: LoggedSet) -> int:
    """Insert one set inside the caller's transaction: 1, or 0 for a sheet set already there."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO sets (command_id, date, slug, set_number, reps, load,"
        " note, sheet_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            command,
            item.date.isoformat(),
            item.slug,
            item.set,
            item.reps,
            item.load,
            item.note,
            item.sheet_key,
        ),
    )
    return int(cursor.rowcount)


def read_sets(slugs: Iterable[str] | None = None, since: date | None = None) -> list[LoggedSet]:
    """Logged sets, newest first (by date, then by when they were logged)."""
    with open_log(write=False) as db:
        if not _has_table(db, "sets"):
            return []
        query = "SELECT id, date, slug, set_number, reps, load, note FROM sets"
        clauses, params = [], []
        if slugs is not None:
            wanted = list(slugs)
            clauses.append(f"slug IN ({', '.join('?' * len(wanted))})")
            params.extend(wanted)
        if since is not None:
            clauses.append("date >= ?")
            params.append(since.isoformat())
        if clauses:
            query += " WHERE " + " AND ".join(clauses)
        rows = db.execute(query + " ORDER BY date DESC, id DESC", params).fetchall()
    return [
        LoggedSet(date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6], id=r[0]) for r in rows
    ]


def last_command() -> tuple[int, str, list[LoggedSet]] | None:
    """The most recent log command: (id, source, its sets), or None."""
    with open_log(write=False) as db:
        if not _has_table(db, "commands"):
            return None
        row = db.execute("SELECT id, source FROM commands ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        rows = db.execute(
            "SELECT id, date, slug, set_number, reps, load, note FROM sets"
            " WHERE command_id = ? ORDER BY id",
            (row[0],),
        ).fetchall()
    sets = [
        LoggedSet(date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6], id=r[0]) for r in rows
    ]
    return row[0], row[1], sets


def remove_command(command_id: int) -> int:
    """Delete one log command and its sets, in one transaction; how many sets went."""
    with open_log(write=True) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            gone = db.execute("DELETE FROM sets WHERE command_id = ?", (command_id,)).rowcount
            db.execute("DELETE FROM commands WHERE id = ?", (command_id,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return int(gone)
