"""The training log: one SQLite file in the user's data folder, and the
progression read from it.

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
import math
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glutemed.about import NOTHING_LOGGED
from glutemed.errors import GlutemedError, UsageError
from glutemed.paths import log_path

if TYPE_CHECKING:
    import sqlite3

APPLICATION_ID = 0x676C7574  # "glut"
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
    [
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
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


class LogError(GlutemedError):
    """The database cannot be used: not glutemed's, damaged, or not writable."""


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


# Loads: kept as entered, compared in kilograms.

BANDS: tuple[str, ...] = ("light", "medium", "heavy", "extra-heavy")
POUND_KG = 0.45359237
_WEIGHT = re.compile(r"^(\d{1,4}(?:\.\d{1,2})?)\s*(kg|lb)s?$")
LOAD_FORMS = "12kg, 25lb or band:light|medium|heavy|extra-heavy"


@dataclass(frozen=True)
class Load:
    """A load as the runner wrote it: ``12kg``, ``25lb`` or ``band:medium``."""

    text: str
    unit: str  # "kg", "lb" or "band"
    amount: float  # weight in its unit, or the band's step (0 = light)

    @property
    def kg(self) -> float:
        """Weight in kilograms for comparison (bands compare by step, not weight)."""
        return self.amount * POUND_KG if self.unit == "lb" else self.amount

    def same_as(self, other: Load) -> bool:
        if (self.unit == "band") != (other.unit == "band"):
            return False
        return math.isclose(self.kg, other.kg, abs_tol=0.05)

    def next_step(self) -> Load | None:
        """One step heavier: +2 kg, +5 lb, or the next band; None past the strongest band."""
        if self.unit == "band":
            step = int(self.amount) + 1
            return None if step >= len(BANDS) else parse_load(f"band:{BANDS[step]}")
        more = self.amount + (2 if self.unit == "kg" else 5)
        return parse_load(f"{more:g}{self.unit}")


def parse_load(text: str) -> Load:
    """A load from what the runner typed; ValueError naming the forms it accepts."""
    cleaned = text.strip().lower()
    if cleaned.startswith("band:"):
        name = cleaned.removeprefix("band:").strip()
        if name in BANDS:
            return Load(f"band:{name}", "band", float(BANDS.index(name)))
    match = _WEIGHT.match(cleaned)
    if match and float(match.group(1)) > 0:
        number = f"{float(match.group(1)):g}"
        return Load(f"{number}{match.group(2)}", match.group(2), float(number))
    raise ValueError(f"{text[:40]!r} is not a load; use {LOAD_FORMS}")


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
            for number, item in enumerate(sets):
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
                added += cursor.rowcount
                if number == 0:
                    _test_hold()
            if added == 0:
                db.execute("DELETE FROM commands WHERE id = ?", (command,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return added, len(sets) - added


def _test_hold() -> None:
    """For the tests only: pause mid-transaction so a test can kill the process there."""
    marker = os.environ.get("GLUTEMED_TEST_HOLD_WRITE")
    if marker:
        Path(marker).write_text("holding")
        time.sleep(60)


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


# Progression: double progression read from the log.


@dataclass(frozen=True)
class Suggestion:
    load: str | None
    reason: str


def suggest(top_of_range: int, sessions: Sequence[Sequence[LoggedSet]]) -> Suggestion:
    """The next load for a move, from its logged sessions (newest first).

    Double progression: when every set of the last two sessions reached the
    top of the rep range at the same load, go up one step (+2 kg, +5 lb, the
    next band; without a load, pick up a dumbbell) and start again at the
    bottom of the range. Otherwise keep the load and aim for more reps.
    """
    if not sessions:
        return Suggestion(None, NOTHING_LOGGED)
    last = sessions[0]
    last_load = last[-1].load
    if len(sessions) < 2:
        if last_load is None:
            return Suggestion(None, f"no load: aim for more reps, up to {top_of_range}")
        return Suggestion(last_load, "keep this load and aim for more reps (one session logged)")
    recent = [item for session in sessions[:2] for item in session]
    loads = {item.load for item in recent}
    all_top = all(item.reps >= top_of_range for item in recent)
    if loads == {None}:
        if all_top:
            return Suggestion(
                None,
                f"every set reached {top_of_range} reps twice without a load: "
                "add a dumbbell, and start again at the bottom of the range",
            )
        return Suggestion(None, f"no load: aim for more reps, up to {top_of_range}")
    if None in loads:
        return Suggestion(last_load, "keep this load and aim for more reps")
    parsed = [parse_load(text) for text in sorted(load for load in loads if load)]
    same = all(parsed[0].same_as(other) for other in parsed[1:])
    if not same:
        return Suggestion(last_load, "the load changed recently: keep it and aim for more reps")
    if not all_top:
        return Suggestion(
            last_load, f"keep this load and aim for more reps, up to {top_of_range} in every set"
        )
    heavier = parse_load(last_load or "").next_step() if last_load else None
    if heavier is None:
        return Suggestion(
            last_load, "already the strongest band: add a set or slow the lowering instead"
        )
    return Suggestion(
        heavier.text,
        f"every set reached {top_of_range} reps at {last_load} in the last two sessions: "
        f"go up to {heavier.text} and start again at the bottom of the range",
    )


def suggestions(tops: dict[str, int]) -> dict[str, Suggestion]:
    """A suggestion for each move (slug -> top of its rep range), from the log."""
    if not log_path().exists():
        return {slug: suggest(top, []) for slug, top in tops.items()}
    by_move: dict[str, dict[date, list[LoggedSet]]] = {slug: {} for slug in tops}
    for item in reversed(read_sets(tops)):  # oldest first, so sets keep their order
        by_move[item.slug].setdefault(item.date, []).append(item)
    out = {}
    for slug, top in tops.items():
        days = sorted(by_move[slug], reverse=True)
        out[slug] = suggest(top, [by_move[slug][day] for day in days])
    return out


def parse_reps(text: str) -> list[int]:
    """``10,10,9`` as a list of set reps; UsageError for anything else."""
    parts = [part.strip() for part in text.split(",")]
    if not parts or any(not part.isdecimal() or len(part) > 4 for part in parts):
        raise UsageError(
            f"--reps takes whole numbers separated by commas, e.g. 10,10,9 (got {text[:40]!r})"
        )
    reps = [int(part) for part in parts]
    if any(r == 0 for r in reps) or len(reps) > 20:
        raise UsageError("--reps takes 1 to 20 sets of at least 1 rep")
    return reps
