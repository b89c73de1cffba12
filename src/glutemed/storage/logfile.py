"""The training log: one SQLite file in the user's data folder, opened, checked and
migrated here. What it holds is written and read by :mod:`glutemed.storage.sets`,
:mod:`glutemed.storage.history`, :mod:`glutemed.storage.undo`,
:mod:`glutemed.storage.programmes` and :mod:`glutemed.storage.checks`; what the
sets mean for the next session is :mod:`glutemed.core.progression`'s.

The folder is ``GLUTEMED_HOME`` when set, else the platform's user data folder
(``platformdirs``). The file is marked with glutemed's ``application_id`` and
versioned with ``PRAGMA user_version``; migrations
(:mod:`glutemed.storage.migrations`) run on open, each in one transaction, so a
newer glutemed upgrades an older file in place. Before anything is written, an
existing file is opened read-only and checked: a file that is not SQLite, another
program's database, or a damaged file is refused and never modified, not even by
a pragma. A file from a newer glutemed is opened read-only.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from glutemed.core.text import plural, quoted
from glutemed.errors import LogError
from glutemed.storage.files import remove_stale_temps, temp_path
from glutemed.storage.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from glutemed.storage.paths import log_path

if TYPE_CHECKING:
    import sqlite3

T = TypeVar("T")
#: What the readers say about rows they skip; called with one line.
Warn = Callable[[str], None]


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
        with closing(sqlite3.connect(_read_only(path), uri=True)) as db:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if app_id != APPLICATION_ID:
                raise LogError(
                    f"{path} is not a glutemed log (another program's file?); left as it is"
                )
            problems = db.execute("PRAGMA quick_check").fetchone()[0]
            if problems != "ok":
                raise LogError(f"{path} is damaged; left as it is")
            _audit(db, version, path)
            return version
    except sqlite3.DatabaseError as err:
        raise _explain(err, path, write=False) from None


def _read_only(path: Path) -> str:
    """The URI that opens the log for reading only.

    In a folder glutemed cannot write (a read-only mount, a shared copy), SQLite
    cannot make the files a reader of a WAL log keeps beside it; a log with no
    write-ahead file left there is then opened as immutable, which needs none.
    Nobody can change a file in such a folder meanwhile, so that is safe.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = Path(f"{path}-wal")
    settled = not wal.exists() or wal.stat().st_size == 0
    if settled and not os.access(path.parent, os.W_OK | os.X_OK):
        uri += "&immutable=1"
    return uri


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
        return LogError(f"{path} is not a glutemed log (not an SQLite file); left as it is")
    if name.startswith("SQLITE_CORRUPT"):
        return LogError(f"{path} is damaged; left as it is")
    return LogError(f"{path} cannot be used just now ({name or 'a database error'}){nothing}")


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
    if exists:
        _recover(path)
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
            db = sqlite3.connect(_read_only(path), uri=True, timeout=30)
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


def _recover(path: Path) -> None:
    """Roll back a hot journal that a crash left beside the log, whoever left it.

    A process killed in the middle of a transaction in rollback mode leaves a
    journal that only a read-write connection can roll back; the read-only check
    would then fail on every later command. SQLite rolls it back when a connection
    first reads the file, so this reads it once, and only a file whose header says
    it is glutemed's (read from the bytes, before SQLite opens it).
    """
    journal = Path(f"{path}-journal")
    try:
        if not journal.is_file() or journal.stat().st_size == 0:
            return
        with open(path, "rb") as stream:
            header = stream.read(100)
    except OSError:
        return
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return  # not SQLite at all: the check that follows says so
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise LogError(f"{path} is not a glutemed log (another program's file?); left as it is")
    import sqlite3

    try:
        with closing(sqlite3.connect(path, timeout=30)) as db:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as err:
        raise _explain(err, path, write=True) from None


def _create(path: Path) -> None:
    """Make a new log atomically: built complete in a temp file, then linked into place.

    Complete means the schema and the write-ahead-log mode: switching a file to WAL
    writes its header through a rollback journal, so a log switched after it is in
    place can be left with a hot journal by a kill. A kill or a full disk part-way
    leaves no log at all (the temp file is removed now or by a later run), never a
    half-made one. When several processes create the log at once, the first link
    wins and the others use that file.
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
            db.execute("PRAGMA journal_mode=WAL")  # kept in the file; its WAL goes on close
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
        with transaction(db):
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                return
            if version == 0:
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            for statement in MIGRATIONS[version].statements:
                db.execute(statement)
            db.execute(f"PRAGMA user_version={version + 1}")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
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


def has_column(db: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


def has_table(db: sqlite3.Connection, name: str) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,))
    return row.fetchone() is not None


def readable(
    rows: Iterable[Sequence[Any]], read: Callable[[Sequence[Any]], T], what: str, warn: Warn
) -> list[T]:
    """Each row read by ``read``; a row it refuses is skipped and named in one warning."""
    found, problems = [], []
    for row in rows:
        try:
            found.append(read(row))
        except ValueError as err:
            problems.append(f"{what} {row[0]} ({err})")
    report(problems, warn)
    return found


def report(problems: Sequence[str], warn: Warn) -> None:
    if problems:
        more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
        warn(
            f"skipped {plural(len(problems), 'row')} of the log that glutemed cannot read: "
            f"{', '.join(problems[:3])}{more}"
        )
