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

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from glutemed import rules
from glutemed.errors import LogError
from glutemed.paths import log_path, remove_stale_temps, temp_path
from glutemed.text import CONTROLS, plural, quoted

if TYPE_CHECKING:
    import sqlite3

T = TypeVar("T")

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
    # The form a set was done in: NULL for the move's own (the source's) form,
    # which is what every set logged before this step was.
    Migration("m003_set_forms", ("ALTER TABLE sets ADD COLUMN form TEXT",)),
    Migration(
        "m004_programmes",
        (
            """CREATE TABLE programmes (
            id INTEGER PRIMARY KEY,
            saved_at TEXT NOT NULL,
            start TEXT NOT NULL,
            options TEXT NOT NULL
        )""",
        ),
    ),
    # Undo restores a set that a sheet or a guided session changed: its old values.
    Migration(
        "m005_replaced_sets",
        (
            """CREATE TABLE replaced (
            id INTEGER PRIMARY KEY,
            command_id INTEGER NOT NULL REFERENCES commands (id),
            set_id INTEGER NOT NULL REFERENCES sets (id),
            reps INTEGER NOT NULL,
            load TEXT,
            note TEXT,
            form TEXT
        )""",
        ),
    ),
    # The weak side's extra set (plan --weak-side) is done on one side only.
    Migration("m006_set_sides", ("ALTER TABLE sets ADD COLUMN side TEXT",)),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _expected(version: int) -> dict[str, tuple[str, str]]:
    """The objects a file at ``version`` holds: name -> (type, its CREATE statement)."""
    import sqlite3

    with closing(sqlite3.connect(":memory:")) as db:
        for migration in MIGRATIONS[:version]:
            for statement in migration.statements:
                db.execute(statement)
        return _objects(db)


def _objects(db: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    rows = db.execute(
        "SELECT name, type, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {name: (kind, " ".join(str(sql).split())) for name, kind, sql in rows}


def _audit(db: sqlite3.Connection, version: int, path: Path) -> None:
    """Refuse a file whose schema is not the one glutemed made at its version.

    Triggers and views are never glutemed's: a trigger would run on the next
    write. A file from a newer glutemed may hold more (it is only read).
    """
    found = _objects(db)
    for name, (kind, _sql) in sorted(found.items()):
        if kind in ("trigger", "view"):
            raise LogError(
                f"{path} holds a {kind} ({quoted(name)}) that glutemed never makes; left as it is"
            )
    if version > SCHEMA_VERSION:
        return
    expected = _expected(version)
    for name in sorted(found.keys() | expected.keys()):
        if found.get(name) != expected.get(name):
            what = "lacks" if name not in found else "holds"
            kind = (expected.get(name) or found[name])[0]
            changed = "a changed" if name in found and name in expected else "a"
            raise LogError(
                f"{path} {what} {changed} {kind} {quoted(name)} that a glutemed log of "
                f"version {version} {'has' if what == 'lacks' else 'does not'}; left as it is"
            )


def _inspect(path: Path) -> int:
    """The schema version of an existing file, after checking it is glutemed's."""
    import sqlite3

    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if app_id != APPLICATION_ID:
                raise LogError(
                    f"{path} is not a glutemed log (another program's file?); left as it is"
                )
            problems = db.execute("PRAGMA quick_check").fetchone()[0]
            if problems != "ok":
                raise LogError(f"{path} is damaged ({problems}); left as it is")
            _audit(db, version, path)
            return version
    except sqlite3.DatabaseError as err:
        raise _explain(err, path, write=False) from None


def _explain(err: sqlite3.Error, path: Path, *, write: bool) -> LogError:
    """What is really wrong when SQLite fails on the log: the folder, a permission,
    a full disk, or a file that is not a log."""
    name = getattr(err, "sqlite_errorname", "")
    nothing = "; nothing was changed" if write else ""
    if path.is_dir():
        return LogError(f"{path} is a folder, not a glutemed log; move it or set GLUTEMED_HOME")
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and _full(path.parent)):
        return LogError(f"the disk holding {path} is full{nothing}")
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if part.exists() and not os.access(part, os.R_OK | (os.W_OK if write else 0)):
            how = "write to" if write and os.access(part, os.R_OK) else "read"
            return LogError(f"cannot {how} {part}: permission denied{nothing}")
    folder = path.parent
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_IOERR")) and not os.access(
        folder, os.W_OK | os.X_OK
    ):
        return LogError(
            f"cannot write in {folder} (permission denied), which the log needs{nothing}"
        )
    if name.startswith("SQLITE_NOTADB"):
        return LogError(f"{path} is not a glutemed log ({err}); left as it is")
    if name.startswith("SQLITE_CORRUPT"):
        return LogError(f"{path} is damaged ({err}); left as it is")
    return LogError(f"{path}: {err}{nothing}")


def _full(folder: Path) -> bool:
    """Whether the disk holding ``folder`` has (almost) no room left: SQLite reports
    a full disk as an I/O error when it cannot grow its shared-memory file."""
    try:
        disk = os.statvfs(folder)
    except OSError:
        return False
    return disk.f_bavail * disk.f_frsize < 256 * 1024


@contextmanager
def open_log(*, write: bool) -> Iterator[sqlite3.Connection]:
    """A connection to the log, created and migrated when writing.

    Raises :class:`LogError` for a file that is not glutemed's, a damaged one,
    or (when ``write``) one written by a newer glutemed.
    """
    import sqlite3

    path = log_path()
    exists = path.exists()
    if not exists and write:
        _create(path)
        exists = True
    if exists and path.stat().st_size == 0:
        raise LogError(
            f"{path} is an empty file, not a glutemed log (perhaps left by an older glutemed "
            "stopped while making its first log); left as it is: delete it to start a new log"
        )
    version = _inspect(path) if exists else 0
    if version > SCHEMA_VERSION and write:
        raise LogError(
            f"{path} was written by a newer glutemed (schema {version}); "
            "this one reads it but will not write to it"
        )
    if not exists:
        with closing(sqlite3.connect(":memory:")) as empty:  # nothing saved yet
            yield empty
        return
    try:
        if write:
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
        else:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as err:
        raise _explain(err, path, write=write) from None
    with closing(db):
        try:
            if write:
                db.execute("PRAGMA journal_mode=WAL")
                _migrate(db)
            yield db
        except sqlite3.Error as err:
            raise _explain(err, path, write=write) from None


def _create(path: Path) -> None:
    """Make a new log atomically: built complete in a temp file, then linked into place.

    A kill or a full disk part-way leaves no log at all (the temp file is
    removed now or by a later run), never a half-made one. When several
    processes create the log at once, the first link wins and the others use
    that file.
    """
    import sqlite3

    _make_folder(path.parent)
    remove_stale_temps(path)
    temp = temp_path(path)
    try:
        with closing(sqlite3.connect(temp, isolation_level=None)) as db:
            db.execute("PRAGMA journal_mode=MEMORY")  # no journal file to leave behind
            db.execute("PRAGMA synchronous=FULL")
            _migrate(db)
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    except sqlite3.Error as err:
        raise _explain(err, path, write=True) from None
    except OSError as err:
        if path.exists():
            return
        raise LogError(
            f"cannot create {path}: {err.strerror or err}; nothing was changed"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise LogError(
            f"{folder} is a file, not a folder, so the log cannot go there (check GLUTEMED_HOME)"
        ) from None
    except OSError as err:
        raise LogError(f"cannot make the folder {folder}: {err.strerror or err}") from None


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the file to SCHEMA_VERSION, each step in its own transaction."""
    while True:
        with _transaction(db):
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                return
            if version == 0:
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            for statement in MIGRATIONS[version].statements:
                db.execute(statement)
            db.execute(f"PRAGMA user_version={version + 1}")


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed when the block ends, rolled back on any error
    (unless SQLite already rolled it back itself, as it does on a full disk)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
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


def check_history(*, warn: Warn) -> list[dict[str, Any]]:
    """Earlier self-check results, oldest first; rows that cannot be read are skipped
    and named in one warning."""
    with open_log(write=False) as db:
        if not _has_table(db, "checks"):
            return []
        rows = db.execute(
            "SELECT id, taken, left_knee, right_knee, gait, result FROM checks ORDER BY taken, id"
        ).fetchall()
    return _readable(rows, _check, "self-check", warn)


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
        weak = json.loads(result).get("weak_sides", [])
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
        "weak_sides": weak,
    }


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


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
    #: The form's name, or None for the move's own form.
    form: str | None = None
    #: "left" or "right" for a set done on one side only (the weak side's extra set).
    side: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "slug": self.slug,
            "set": self.set,
            "reps": self.reps,
            "load": self.load,
            "note": self.note,
            "form": self.form,
            "side": self.side,
        }


def add_sets(sets: Sequence[LoggedSet], source: str) -> list[LoggedSet]:
    """Log the sets as one command, in one transaction, and return them as stored.

    ``glutemed log`` appends: each move's sets on a day are numbered after the
    last set already logged for it that day, so nothing is ever replaced.
    """
    stored = []
    with open_log(write=True) as db, _transaction(db):
        command = _new_command(db, source)
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


@dataclass(frozen=True)
class Written:
    """What writing sets by their key did: sets added, updated, and found unchanged."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


def put_sets(sets: Sequence[LoggedSet], source: str) -> Written:
    """Write the sets of a sheet as one command, in one transaction (all or none).

    A set is known by its date, move and set number: one already in the log
    is updated when its reps, load or form differ (undo restores the old
    values) and left alone when they do not, so reading a sheet again counts
    nothing twice.
    """
    found: dict[str, int] = {"added": 0, "updated": 0, "unchanged": 0}
    with open_log(write=True) as db, _transaction(db):
        command = _Lazy(db, source)
        for item in sets:
            found[_put(db, command, item)] += 1
    return Written(**found)


class Recorder:
    """Writes the sets of a guided session one at a time, each in its own transaction,
    under one command (one step for undo), made when the first set changes the log."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.command: int | None = None

    def put(self, item: LoggedSet) -> str:
        """Write one set by its key: ``"added"``, ``"updated"`` or ``"unchanged"``."""
        with open_log(write=True) as db, _transaction(db):
            command = _Lazy(db, self.source, self.command)
            result = _put(db, command, item)
            self.command = command.made
        return result


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


def _put(db: sqlite3.Connection, command: _Lazy, item: LoggedSet) -> str:
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


#: What the readers say about rows they skip; called with one line.
Warn = Callable[[str], None]
_SET_COLUMNS = "id, date, slug, set_number, reps, load, note, form, side"


def _set_columns(db: sqlite3.Connection) -> str:
    """The columns to read sets by: a log from before m003 (read, not migrated) has no form."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(sets)")}
    return ", ".join(
        name if name in columns or name == "id" else "NULL" for name in _SET_COLUMNS.split(", ")
    )


def read_sets(
    slugs: Iterable[str] | None = None, since: date | None = None, *, warn: Warn
) -> list[LoggedSet]:
    """Logged sets, newest first (by date, then by when they were logged).

    A row glutemed cannot read (edited by hand: a bad date, text for reps, a
    load it does not know) is skipped and named in one warning.
    """
    return list(iter_sets(slugs, since, warn=warn))


#: A row whose values the summaries may count: a real date and a whole number of reps.
_COUNTABLE = (
    "date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
    " AND date BETWEEN '1900-01-01' AND '2999-12-31'"
    " AND typeof(reps) = 'integer' AND reps BETWEEN 1 AND 9999"
)


def iter_sets(
    slugs: Iterable[str] | None = None, since: date | None = None, *, warn: Warn
) -> Iterator[LoggedSet]:
    """Every matching set, newest first, one at a time: a log of any size is written
    out as it is read. Rows glutemed cannot read are named in one warning at the end."""
    with open_log(write=False) as db:
        if not _has_table(db, "sets"):
            return
        query, params = _filtered(f"SELECT {_set_columns(db)} FROM sets", slugs, since)
        problems = []
        for row in db.execute(query + " ORDER BY date DESC, id DESC", params):
            try:
                yield _logged_set(row)
            except ValueError as err:
                problems.append(f"set {row[0]} ({err})")
    _report(problems, warn)


def _filtered(
    query: str,
    slugs: Iterable[str] | None,
    since: date | None,
    *more: str,
    more_params: Sequence[Any] = (),
) -> tuple[str, list[Any]]:
    """``query`` with a WHERE for the moves, the first day and ``more`` conditions
    (whose ``?`` take ``more_params``), and its parameters in order."""
    clauses, params = list(more), list(more_params)
    if slugs is not None:
        wanted = list(slugs)
        clauses.append(f"slug IN ({', '.join('?' * len(wanted))})")
        params.extend(wanted)
    if since is not None:
        clauses.append("date >= ?")
        params.append(since.isoformat())
    return (query + " WHERE " + " AND ".join(clauses) if clauses else query), params


class MoveStats(NamedTuple):
    """A move's whole log in a few numbers, counted in SQL."""

    slug: str
    sessions: int
    first: date
    last: date
    best_reps: int
    first_load: str | None
    latest_load: str | None


def move_stats(slugs: Iterable[str] | None = None, since: date | None = None) -> list[MoveStats]:
    """Each logged move's sessions, first and last day, best set and first and latest
    load: aggregated over the index, so the answer costs the same for a log of any age."""
    with open_log(write=False) as db:
        if not _has_table(db, "sets"):
            return []
        query, params = _filtered(
            "SELECT slug, COUNT(DISTINCT date), MIN(date), MAX(date), MAX(reps) FROM sets",
            slugs,
            since,
            _COUNTABLE,
        )
        rows = db.execute(query + " GROUP BY slug ORDER BY slug", params).fetchall()
        found = []
        for slug, sessions, first, last, best in rows:
            first_day = _valid_day(first) or _edge_day(db, slug, since, "ASC")
            last_day = _valid_day(last) or _edge_day(db, slug, since, "DESC")
            if first_day is None or last_day is None:
                continue
            loads = []
            for order in ("ASC", "DESC"):
                q, p = _filtered(
                    "SELECT load FROM sets", [slug], since, _COUNTABLE, "load IS NOT NULL"
                )
                row = db.execute(q + f" ORDER BY date {order}, id {order} LIMIT 1", p).fetchone()
                loads.append(_load_or_none(row[0] if row else None))
            found.append(MoveStats(slug, sessions, first_day, last_day, best, *loads))
    return found


def session_totals(
    slug: str, limit: int, before: date | None = None
) -> list[tuple[date, int, list[str]]]:
    """A move's latest ``limit`` sessions (before ``before``), newest first: (day, total
    reps, the loads used)."""
    with open_log(write=False) as db:
        if not _has_table(db, "sets"):
            return []
        extra = [_COUNTABLE] + (["date < ?"] if before else [])
        query, params = _filtered(
            "SELECT date, SUM(reps), GROUP_CONCAT(load, '|') FROM sets",
            [slug],
            None,
            *extra,
            more_params=[before.isoformat()] if before else [],
        )
        rows = db.execute(
            query + " GROUP BY date ORDER BY date DESC LIMIT ?", [*params, limit]
        ).fetchall()
    return [
        (when, int(total), [x for x in (loads or "").split("|") if _load_or_none(x)])
        for day, total, loads in rows
        if (when := _valid_day(day)) is not None
    ]


def move_sets(
    slug: str, since: date | None = None, sessions: int | None = None
) -> list[tuple[date, int, str | None, str | None]]:
    """A move's sets done on both sides, oldest first: (day, reps, load, form), from the
    rows glutemed can read; only its latest ``sessions`` when given, so a chart reads
    only the sets it shows."""
    with open_log(write=False) as db:
        if not _has_table(db, "sets"):
            return []
        if sessions is not None:
            query, params = _filtered("SELECT DISTINCT date FROM sets", [slug], since, _COUNTABLE)
            row = db.execute(
                query + " ORDER BY date DESC LIMIT 1 OFFSET ?", [*params, sessions - 1]
            ).fetchone()
            if row is not None and (_valid_day(row[0]) or date.min) > (since or date.min):
                since = _valid_day(row[0])
        present = {row[1] for row in db.execute("PRAGMA table_info(sets)")}
        form = "form" if "form" in present else "NULL"
        sides = ["side IS NULL"] if "side" in present else []
        query, params = _filtered(
            f"SELECT date, reps, load, {form} FROM sets", [slug], since, _COUNTABLE, *sides
        )
        rows = db.execute(query + " ORDER BY date, id", params).fetchall()
    return [
        (when, int(reps), _load_or_none(load), form_name)
        for day, reps, load, form_name in rows
        if (when := _valid_day(day)) is not None
        and (load is None or _load_or_none(load) is not None)
    ]


def logged_days(since: date) -> list[date]:
    """The days with any set logged, from ``since`` on."""
    with open_log(write=False) as db:
        if not _has_table(db, "sets"):
            return []
        query, params = _filtered("SELECT DISTINCT date FROM sets", None, since, _COUNTABLE)
        days = (_valid_day(row[0]) for row in db.execute(query, params))
        return [day for day in days if day is not None]


def _valid_day(text: object) -> date | None:
    """A stored date glutemed can read, or None."""
    try:
        return rules.parse_date(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _edge_day(db: sqlite3.Connection, slug: str, since: date | None, order: str) -> date | None:
    """A move's first (ASC) or last (DESC) readable day, past rows edited into dates
    that do not exist (2026-02-30)."""
    query, params = _filtered("SELECT DISTINCT date FROM sets", [slug], since, _COUNTABLE)
    for (text,) in db.execute(query + f" ORDER BY date {order}", params):
        if day := _valid_day(text):
            return day
    return None


def _load_or_none(text: object) -> str | None:
    """A stored load as glutemed reads it, or None for none or one it cannot read."""
    from glutemed.progression import parse_load

    if not isinstance(text, str) or not text:
        return None
    try:
        return parse_load(text).text
    except ValueError:
        return None


def read_latest(
    slugs: Iterable[str], since: date, before: date | None = None, *, warn: Warn
) -> list[LoggedSet]:
    """What planning needs from the log, newest first, however long the log is: each
    move's latest session in each form (before ``before`` when given; one-sided extra
    sets aside), and every set from ``since`` on. Aggregated in SQL over the index, so
    a log of ten years reads as quickly as a log of one."""
    wanted = list(slugs)
    if not wanted:
        return []
    with open_log(write=False) as db:
        if not _has_table(db, "sets"):
            return []
        present = {row[1] for row in db.execute("PRAGMA table_info(sets)")}
        form = "IFNULL(form, '')" if "form" in present else "''"
        one_sided = "side IS NULL" if "side" in present else "1"
        marks = ", ".join("?" * len(wanted))
        earlier = "AND date < ?" if before is not None else ""
        query = f"""
            SELECT {_set_columns(db)} FROM sets WHERE id IN (
                SELECT sets.id FROM sets JOIN (
                    SELECT slug AS s, {form} AS f, MAX(date) AS d FROM sets
                    WHERE slug IN ({marks}) AND {one_sided} {earlier}
                        AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                    GROUP BY s, f
                ) AS latest ON sets.slug = latest.s AND sets.date = latest.d
                    AND {form.replace("form", "sets.form")} = latest.f
                UNION
                SELECT id FROM sets WHERE slug IN ({marks}) AND date >= ?
            ) ORDER BY date DESC, id DESC"""
        params = [*wanted, *([before.isoformat()] if before else []), *wanted, since.isoformat()]
        rows = db.execute(query, params).fetchall()
    return _readable(rows, _logged_set, "set", warn)


def _readable(
    rows: Iterable[Sequence[Any]], read: Callable[[Sequence[Any]], T], what: str, warn: Warn
) -> list[T]:
    """Each row read by ``read``; a row it refuses is skipped and named in one warning."""
    found, problems = [], []
    for row in rows:
        try:
            found.append(read(row))
        except ValueError as err:
            problems.append(f"{what} {row[0]} ({err})")
    _report(problems, warn)
    return found


def _logged_set(row: Sequence[Any]) -> LoggedSet:
    """One row of the sets table, checked; ValueError naming the field that is wrong."""
    from glutemed.progression import parse_load

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


def _report(problems: Sequence[str], warn: Warn) -> None:
    if problems:
        more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
        warn(
            f"skipped {plural(len(problems), 'row')} of the log that glutemed cannot read: "
            f"{', '.join(problems[:3])}{more}"
        )


class Command(NamedTuple):
    """One step for undo: the sets it added, and the sets it changed, as they are now."""

    id: int
    source: str
    sets: list[LoggedSet]
    changed: list[LoggedSet]


def last_command(*, warn: Warn) -> Command | None:
    """The most recent command that wrote to the log, or None."""
    with open_log(write=False) as db:
        if not _has_table(db, "commands"):
            return None
        row = db.execute("SELECT id, source FROM commands ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        columns = _set_columns(db)
        rows = db.execute(
            f"SELECT {columns} FROM sets WHERE command_id = ? ORDER BY id", (row[0],)
        ).fetchall()
        changed = []
        if _has_table(db, "replaced"):
            changed = db.execute(
                f"SELECT {columns} FROM sets WHERE id IN"
                " (SELECT set_id FROM replaced WHERE command_id = ?) ORDER BY id",
                (row[0],),
            ).fetchall()
    return Command(
        row[0],
        str(row[1]),
        _readable(rows, _logged_set, "set", warn),
        _readable(changed, _logged_set, "set", warn),
    )


def remove_command(command_id: int) -> tuple[int, int]:
    """Undo one command in one transaction: delete the sets it added and give the sets
    it changed their old values back. (sets removed, sets restored)."""
    with open_log(write=True) as db, _transaction(db):
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


# The saved programme (glutemed.programme gives it meaning).


def save_programme(start: date, options: str) -> int:
    """Keep a programme (its options as JSON text) from ``start``, in one transaction; its id."""
    with open_log(write=True) as db, _transaction(db):
        cursor = db.execute(
            "INSERT INTO programmes (saved_at, start, options) VALUES (?, ?, ?)",
            (datetime.now().isoformat(timespec="seconds"), start.isoformat(), options),
        )
        return int(cursor.lastrowid or 0)


def programme_on(day: date, *, warn: Warn) -> tuple[date, str] | None:
    """(start, options JSON) of the programme in force on ``day``: the latest saved of
    those started by then. None without one; a row that cannot be read is skipped."""
    with open_log(write=False) as db:
        if not _has_table(db, "programmes"):
            return None
        rows = db.execute(
            "SELECT id, start, options FROM programmes WHERE start <= ? ORDER BY id DESC",
            (day.isoformat(),),
        ).fetchall()
    found = _readable(rows[:1], _programme, "programme", warn)
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
