"""The adversarial probes of the hardening issue, each as a test: interrupted and
concurrent first logs, logs with triggers or edited rows, closed and failing
streams, files that would hang, sheets and dates at the edges, and control
characters on their way to a terminal or a file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from glutemed.storage.migrations import SCHEMA_VERSION
from glutemed.storage.paths import LOG_NAME

from ..conftest import Invoke, move, without_root_powers

ESC = "\x1b]0;pwned\x07\x1b[2J"  # retitles the window, then clears the screen


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "GLUTEMED_HOME": str(home), "NO_COLOR": "1", **extra}


def _run(
    home: Path, *args: str, shell: str = "", timeout: float = 60, **env: str
) -> subprocess.CompletedProcess[str]:
    """glutemed in a real process; ``shell`` redirections (``<&-``, ``>/dev/full``) apply."""
    command = [sys.executable, "-m", "glutemed", *args]
    if shell:
        command = ["sh", "-c", f'exec "$@" {shell}', "sh", *command]
    return subprocess.run(
        command,
        env=_env(home, **env),
        stdin=None if "<" in shell else subprocess.DEVNULL,
        stdout=None if ">" in shell else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="backslashreplace",
        timeout=timeout,
        check=False,
    )


def _sets_in(home: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(home / LOG_NAME) as db:
        return db.execute("SELECT date, slug, set_number, reps FROM sets ORDER BY id").fetchall()


def _litter(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


# The log: created atomically.

KILL_POINTS = {
    # Killed while the new log is being built (the old code left a 0-byte or WAL file).
    "building": "def m(db):\n    db.execute('BEGIN')\n"
    "    db.execute(MIGRATIONS[0].statements[0])\n"
    "    os.kill(os.getpid(), signal.SIGKILL)\nL._migrate = m\n",
    # Killed with the new log complete but not yet in place.
    "linking": "def link(*a):\n    os.kill(os.getpid(), signal.SIGKILL)\nos.link = link\n",
    # Killed right after the log is in place, before any set is written.
    "linked": "create = L._create\ndef c(path):\n    create(path)\n"
    "    os.kill(os.getpid(), signal.SIGKILL)\nL._create = c\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_a_killed_first_log_leaves_a_usable_home(home: Path, point: str) -> None:
    script = (
        "import os, signal, sys\nimport glutemed.storage.logfile as L\n"
        "from glutemed.storage.migrations import MIGRATIONS\n"
        + KILL_POINTS[point]
        + "sys.argv = ['glutemed', 'log', 'split-squat', '--reps', '10']\n"
        "from glutemed.__main__ import main\nmain()\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", script], env=_env(home), capture_output=True, timeout=60
    )
    assert killed.returncode == -signal.SIGKILL
    log = home / LOG_NAME
    assert not log.exists() or log.stat().st_size > 0
    after = _run(home, "log", "split-squat", "--reps", "9,9")
    assert after.returncode == 0, after.stderr
    assert [row[3] for row in _sets_in(home)] == [9, 9]
    assert _litter(home) == []  # the killed process's temp file is gone too
    for command in (["history"], ["check", "--left", "midline", "--right", "over-foot", "--save"]):
        assert _run(home, *command).returncode == 0


@pytest.mark.slow
def test_twenty_first_loggers_at_once_all_succeed(home: Path) -> None:
    loggers = [
        subprocess.Popen(
            [sys.executable, "-m", "glutemed", "log", "lateral-lunge", "--reps", f"{n + 1},5"],
            env=_env(home),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(20)
    ]
    failures = [p.communicate(timeout=120)[1] for p in loggers if p.wait(timeout=120) != 0]
    assert failures == []
    rows = _sets_in(home)  # each logger's sets follow the day's last: none is replaced
    assert sorted(row[2] for row in rows) == list(range(1, 41))
    assert sorted(row[3] for row in rows) == sorted([*range(1, 21), *[5] * 20])
    assert _litter(home) == []


def test_a_full_disk_on_the_first_log_leaves_no_log(
    home: Path, monkeypatch: pytest.MonkeyPatch, invoke: Invoke
) -> None:
    import glutemed.storage.logfile as storage

    def full(db: sqlite3.Connection) -> None:
        err = sqlite3.OperationalError("database or disk is full")
        err.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
        raise err

    monkeypatch.setattr(storage, "_migrate", full)
    result = invoke("log", "split-squat", "--reps", "10")
    assert result.exit_code == 1
    assert "is full; nothing was changed" in result.stderr
    assert os.listdir(home) == []
    monkeypatch.undo()
    assert invoke("log", "split-squat", "--reps", "10").exit_code == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KiB file system (tmpfs), for a disk that fills up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("a small disk needs permission to mount a tmpfs (root, outside a sandbox)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


@pytest.mark.slow
def test_a_real_full_disk_is_named_and_loses_nothing(small_disk: Path) -> None:
    home = small_disk / "home"
    filler = _fill(small_disk)
    first = _run(home, "log", "split-squat", "--reps", "10")
    assert first.returncode == 1 and "is full" in first.stderr
    assert sorted(os.listdir(home)) == []  # no half-made log, no temp file
    filler.unlink()
    assert _run(home, "log", "split-squat", "--reps", "10").returncode == 0
    _fill(small_disk)
    later = _run(home, "log", "split-squat", "--reps", "9")
    assert later.returncode == 1 and "is full" in later.stderr
    (small_disk / "filler").unlink()
    assert [row[3] for row in _sets_in(home)] == [10]


# The log: exit status follows the data.


@pytest.mark.slow
@pytest.mark.parametrize("stdout", ["full", "closed pipe", "closed"])
def test_a_committed_log_exits_0_when_its_confirmation_cannot_be_printed(
    home: Path, stdout: str
) -> None:
    command = [sys.executable, "-m", "glutemed", "log", "split-squat", "--reps", "10,9"]
    if stdout == "closed pipe":
        read, write = os.pipe()
        os.close(read)
        result = subprocess.run(command, env=_env(home), stdout=write, stderr=subprocess.PIPE)
        os.close(write)
    else:
        shell = ">/dev/full" if stdout == "full" else ">&-"
        result = subprocess.run(
            ["sh", "-c", f'exec "$@" {shell}', "sh", *command],
            env=_env(home),
            stderr=subprocess.PIPE,
        )
    assert result.returncode == 0
    assert b"Logged 2 sets of split-squat" in result.stderr
    assert b"Traceback" not in result.stderr
    assert len(_sets_in(home)) == 2


@pytest.mark.slow
def test_other_saved_changes_exit_0_and_unsaved_output_exits_1(home: Path, tmp_path: Path) -> None:
    _run(home, "log", "split-squat", "--reps", "10")
    undone = _run(home, "undo", "--yes", shell=">/dev/full")  # its preview cannot be shown
    assert undone.returncode == 1 and len(_sets_in(home)) == 1
    check = _run(home, "check", "--left", "midline", "--right", "midline", "--save", shell=">&-")
    assert check.returncode == 0 and "is saved, but not shown" in check.stderr
    target = tmp_path / "plan.ics"
    wrote = _run(home, "plan", "--start", "2026-11-16", "-o", str(target), shell=">/dev/full")
    assert wrote.returncode == 0 and target.exists() and "Wrote 3 sessions" in wrote.stderr
    shown = _run(home, "plan", shell=">/dev/full")
    assert shown.returncode == 1
    assert shown.stderr.strip().endswith("cannot write the output: no space left on device")


# Closed and failing streams.

STREAMS = [
    (["undo"], "<&-", 2, "no answer given, nothing removed"),
    (["check", "--interactive"], "<&- >/dev/null", 2, "no answer given"),
    (["check"], "<&-", 2, "no terminal to ask them on"),
    (["plan", "--json"], ">&-", 1, "standard output is closed"),
    (["plan", "--format", "ics"], ">&-", 1, "standard output is closed"),
    (["history", "--csv"], ">&-", 1, "standard output is closed"),
    (["plan"], ">/dev/full", 1, "no space left on device"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("args", "shell", "code", "says"), STREAMS)
def test_closed_and_failing_streams_end_cleanly(
    home: Path, args: list[str], shell: str, code: int, says: str
) -> None:
    _run(home, "log", "split-squat", "--reps", "10")
    result = _run(home, *args, shell=shell)
    assert result.returncode == code
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(_sets_in(home)) == 1


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("command", ["list", "plan", "history", "show 1"])
def test_narrow_encodings_print_every_view(home: Path, encoding: str, command: str) -> None:
    _run(home, "log", "split-squat", "--reps", "10", "--note", "café, felt strong — 8/10")
    result = _run(home, *command.split(), PYTHONIOENCODING=encoding)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and "Traceback" not in result.stderr


@pytest.mark.slow
def test_a_csv_the_encoding_cannot_carry_fails_clearly(home: Path) -> None:
    _run(home, "log", "split-squat", "--reps", "10", "--note", "felt strong — 8/10")
    result = _run(home, "history", "--csv", PYTHONIOENCODING="ascii")
    assert result.returncode == 1
    assert "characters that ascii cannot show; set PYTHONIOENCODING=utf-8" in result.stderr


# The log: what it may hold.

FOREIGN_SCHEMA = {
    "trigger": "CREATE TRIGGER wipe AFTER INSERT ON sets BEGIN DELETE FROM sets "
    "WHERE id < new.id; END",
    "view": "CREATE VIEW everything AS SELECT * FROM sets",
    "table": "CREATE TABLE extra (x)",
    "column": "ALTER TABLE sets ADD COLUMN extra TEXT",
}


@pytest.mark.parametrize("kind", sorted(FOREIGN_SCHEMA))
def test_a_log_with_more_than_its_schema_is_refused_untouched(
    home: Path, invoke: Invoke, kind: str
) -> None:
    invoke("log", "split-squat", "--reps", "10,10")
    with sqlite3.connect(home / LOG_NAME) as db:
        db.execute(FOREIGN_SCHEMA[kind])
    before = (home / LOG_NAME).read_bytes()
    for args in (["log", "split-squat", "--reps", "8"], ["history"], ["plan"]):
        result = invoke(*args)
        if args[0] == "plan":  # the plan still comes, without load suggestions
            assert result.exit_code == 0 and "left as it is" in result.stderr
        else:
            assert result.exit_code == 1 and "left as it is" in result.stderr
    assert (home / LOG_NAME).read_bytes() == before
    assert len(_sets_in(home)) == 2


def test_a_newer_log_may_hold_more_and_is_read(home: Path, invoke: Invoke) -> None:
    invoke("log", "split-squat", "--reps", "10")
    with sqlite3.connect(home / LOG_NAME) as db:
        db.execute("CREATE TABLE from_the_future (x)")
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    assert invoke("history").exit_code == 0
    assert "newer glutemed" in invoke("log", "split-squat", "--reps", "8").stderr


EDITED_ROWS = [
    ("date", "'garbage'", "date 'garbage'"),
    ("date", "'2026-02-30'", "date '2026-02-30'"),
    ("reps", "'ten'", "reps 'ten'"),
    ("reps", "x'00ff'", "reps is binary data"),
    ("load", "'heavy!!'", "load 'heavy!!'"),
    ("load", "'10000kg'", "load '10000kg'"),
    ("note", "x'1b5b324a'", "note is binary data"),
    ("set_number", "9223372036854775807", "set 9223372036854775807"),
    ("slug", "'EVIL\x1b[2J'", "slug 'EVIL\\x1b[2J'"),
]


@pytest.mark.parametrize(("column", "value", "named"), EDITED_ROWS)
def test_edited_rows_are_named_and_skipped(
    home: Path, invoke: Invoke, column: str, value: str, named: str
) -> None:
    invoke("log", "split-squat", "--reps", "10,11", "--load", "12kg", "--date", "2026-11-02")
    with sqlite3.connect(home / LOG_NAME) as db:
        db.execute(f"UPDATE sets SET {column} = {value} WHERE set_number = 2")
    planned = invoke("plan")  # plan reads only each move's latest session: it still plans
    assert planned.exit_code == 0 and "\x1b" not in planned.stderr + planned.stdout
    for args in (["history", "--all"], ["history", "--json"], ["undo", "--yes"]):
        result = invoke(*args)
        assert result.exit_code == 0, result.stderr
        assert "skipped 1 row of the log that glutemed cannot read" in result.stderr
        assert f"set 2 ({named})" in result.stderr or column == "set_number"
        assert "\x1b" not in result.stderr + result.stdout


def test_an_edited_self_check_is_named_and_skipped(home: Path, invoke: Invoke) -> None:
    for _ in range(2):
        invoke("check", "--left", "midline", "--right", "over-foot", "--save")
    with sqlite3.connect(home / LOG_NAME) as db:
        db.execute("UPDATE checks SET result = '{broken' WHERE id = 1")
    result = invoke("check", "--history")
    assert result.exit_code == 0
    assert "self-check 1 (gait or result is not glutemed's JSON)" in result.stderr
    assert "midline" in result.stdout


def test_loads_are_bounded_and_progression_stays_readable(invoke: Invoke) -> None:
    too_heavy = invoke("log", "split-squat", "--reps", "12", "--load", "9998kg")
    assert too_heavy.exit_code == 2
    assert "--load takes at most 500 kg or 1100 lb" in too_heavy.stderr
    for day in ("2026-11-02", "2026-11-04"):
        logged = invoke("log", "split-squat", "--reps", "12,12", "--load", "500kg", "--date", day)
        assert logged.exit_code == 0
    plan = invoke("plan", "--moves", "split-squat,lateral-lunge", "--json")
    assert plan.exit_code == 0, plan.stderr
    assert "the heaviest load glutemed takes" in plan.stdout


def test_a_folder_at_the_logs_path_is_named(home: Path, invoke: Invoke) -> None:
    (home / LOG_NAME).mkdir()
    for args in (["log", "split-squat", "--reps", "10"], ["history"]):
        result = invoke(*args)
        assert result.exit_code == 1
        assert "is a folder, not a glutemed log; move it or set GLUTEMED_HOME" in result.stderr


@pytest.mark.slow
def test_permission_problems_are_named(home: Path) -> None:
    prefix = without_root_powers()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, sys.executable, "-m", "glutemed", *args],
            env=_env(home),
            capture_output=True,
            text=True,
            check=False,
        )

    assert run("log", "split-squat", "--reps", "10").returncode == 0
    home.chmod(0o555)
    try:
        written = run("log", "split-squat", "--reps", "10")
        assert written.returncode == 1
        assert "permission denied" in written.stderr
        assert "not a glutemed log" not in written.stderr
    finally:
        home.chmod(0o755)
    wal = Path(f"{home / LOG_NAME}-wal")
    wal.write_bytes(b"")
    wal.chmod(0)
    read = run("history")
    assert read.returncode == 1
    assert f"cannot read {wal}: permission denied" in read.stderr
    assert len(_sets_in(home)) == 1


# Files and streams: export litter.


@pytest.mark.slow
@pytest.mark.parametrize(("sent", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_export_cleans_up(
    home: Path, tmp_path: Path, sent: signal.Signals, code: int
) -> None:
    target = tmp_path / "plan.ics"
    target.write_text("the runner's earlier export\n")
    ready = tmp_path / "ready"
    script = (
        "import os, sys, time, pathlib\n"
        "def slow(fd):\n"
        f"    pathlib.Path({str(ready)!r}).write_text('x')\n"
        "    time.sleep(60)\n"
        "os.fsync = slow\n"
        f"sys.argv = ['glutemed', 'plan', '-o', {str(target)!r}, '--force']\n"
        "from glutemed.__main__ import main\nmain()\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], env=_env(home))
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    assert _litter(tmp_path) != []  # caught mid-write, temp file in place
    process.send_signal(sent)
    assert process.wait(timeout=30) == code
    assert _litter(tmp_path) == []
    assert target.read_text() == "the runner's earlier export\n"


@pytest.mark.slow
def test_a_later_export_removes_stale_temp_files(home: Path, tmp_path: Path) -> None:
    gone = subprocess.run(["true"], check=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / f".plan.ics.{dead.pid}.0123abcd.tmp"
    live = tmp_path / f".plan.ics.{os.getpid()}.4567cdef.tmp"
    other = tmp_path / f".notes.md.{dead.pid}.0123abcd.tmp"
    for path in (stale, live, other):
        path.write_text("half")
    assert gone.returncode == 0
    assert _run(home, "plan", "-o", str(tmp_path / "plan.ics")).returncode == 0
    assert not stale.exists()
    assert live.exists() and other.exists()  # a running export's, and another target's


# Files that would hang or never end.


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo"
    os.mkfifo(path)
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("where", "args"),
    [
        ("sheet", ["log", "--sheet", "{path}"]),
        ("config", ["plan"]),
        ("catalogue", ["list"]),
    ],
)
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_special_files_are_refused_at_once(
    home: Path, fifo: Path, where: str, args: list[str], kind: str
) -> None:
    path = str(fifo) if kind == "fifo" else kind
    env = {"config": {"GLUTEMED_CONFIG": path}, "catalogue": {"GLUTEMED_CATALOGUE": path}}
    result = _run(home, *[a.format(path=path) for a in args], timeout=20, **env.get(where, {}))
    assert result.returncode == 1
    assert f"{path}: is a pipe or a device, not a regular file" in result.stderr


def test_completion_with_a_fifo_catalogue_does_not_hang(home: Path, fifo: Path) -> None:
    result = _complete(home, GLUTEMED_CATALOGUE=str(fifo))
    assert result.returncode == 0 and "Traceback" not in result.stderr


def _complete(home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """TAB after ``glutemed show `` as bash asks for it, from the installed console script."""
    script = Path(sys.executable).with_name("glutemed")
    words = {
        "_GLUTEMED_COMPLETE": "complete_bash",
        "COMP_WORDS": "glutemed show ",
        "COMP_CWORD": "2",
    }
    return subprocess.run(
        [str(script)],
        env=_env(home, **words, **env),
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )


# Sheets, config values and dates at the edges.

BAD_SHEET_LINES = [
    ("### Monday · 2026-11-16", "### Monday · 2026-02-30", "the date takes"),
    ("### Monday · 2026-11-16", "### Monday · 0000-01-01", "the date takes"),
    (
        "### Monday · 2026-11-16",
        "### Monday · \u0662\u0660\u0662\u0666-\u0661\u0661-\u0661\u0666",
        "the date takes",
    ),
    ("### Monday · 2026-11-16", "## Week 1 · Monday · 2026-02-30", "the date takes"),  # 0.1
    ("- [ ] Set 1:", "- [x] Set 9223372036854775808:", "Set takes set numbers from 1 to 999"),
    (
        "- [ ] Set 1: did __",
        "- [x] Set 1: did " + "9" * 5000,
        "is not a number of reps",
    ),
    (
        "- [ ] Set 1: did __ reps @ __",
        "- [x] Set 1: did 10 reps @ 9998kg",
        "load takes at most 500 kg",
    ),
]


@pytest.mark.parametrize(("was", "now", "says"), BAD_SHEET_LINES)
def test_sheet_values_out_of_range_are_line_errors(
    invoke: Invoke, tmp_path: Path, was: str, now: str, says: str
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--days", "1", "--start", "2026-11-16", "-o", str(sheet))
    text = sheet.read_text()
    assert was in text
    sheet.write_text(text.replace(was, now, 1).replace("- [ ]", "- [x]", 1))
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 1, result.stdout
    assert f"{sheet}: line " in result.stderr and says in result.stderr


CONFIG_VALUES = [
    ('catalogue = "~nosuchuser/x.yaml"', "key 'catalogue': cannot find the home folder"),
    ('catalogue = "a\\u0000b"', "key 'catalogue': a file name cannot hold a NUL character"),
    ("days = " + "[" * 3000 + "]" * 3000, "nested too deeply to be a config file"),
    ("days = " + "{a = " * 3000 + "}" * 3000, "nested too deeply to be a config file"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("line", "says"), CONFIG_VALUES)
def test_config_values_that_crashed_are_clear_lines(
    home: Path, config_file: Path, line: str, says: str
) -> None:
    config_file.write_text(line + "\n")
    for args in (["config"], ["plan"]):
        result = _run(home, *args, GLUTEMED_CONFIG=str(config_file))
        assert result.returncode == 1
        assert says in result.stderr and result.stderr.count("\n") == 1
    completion = _complete(home, GLUTEMED_CONFIG=str(config_file))
    assert completion.returncode == 0 and "lateral-lunge" in completion.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--start", "0001-01-01", "--race", "0001-01-03"],
        ["plan", "--start", "9999-12-01"],
        ["plan", "--race", "9999-12-31"],
        ["log", "split-squat", "--reps", "10", "--date", "0001-01-01"],
        ["history", "--since", "9999-12-31"],
    ],
)
def test_dates_near_the_ends_of_the_calendar_are_refused(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "takes dates from 1900-01-01 to 2999-12-31" in result.stderr


def test_the_last_dates_glutemed_takes_still_plan(invoke: Invoke) -> None:
    result = invoke("plan", "--start", "2999-12-01", "--weeks", "12", "--format", "ics")
    assert result.exit_code == 0 and "DTSTART;VALUE=DATE:30000" in result.stdout


# What reaches the terminal.


def test_a_catalogue_with_escape_sequences_is_refused(
    invoke: Invoke, write_catalogue: Callable[[object], Path]
) -> None:
    for field, value in (("name", f"Evil{ESC}"), ("steps", [f"Stand{ESC}"])):
        path = write_catalogue({"exercises": [move("evil", **{field: value})]})
        for args in (["list"], ["show", "evil"], ["plan"]):
            result = invoke("--catalogue", str(path), *args)
            assert result.exit_code == 1
            assert "holds a control character (\\x1b)" in result.stderr
            assert "\x1b" not in result.stderr


def test_control_characters_from_the_user_are_shown_escaped(
    home: Path, invoke: Invoke, tmp_path: Path
) -> None:
    assert invoke("log", "split-squat", "--reps", "10", "--note", ESC).exit_code == 2
    invoke("log", "split-squat", "--reps", "10", "--date", "2026-11-02")
    with sqlite3.connect(home / LOG_NAME) as db:
        db.execute("UPDATE sets SET note = ?", (f"note{ESC}",))
    target = tmp_path / f"plan{ESC}.md"
    shown = [invoke("history", "--all"), invoke("plan", "--start", "2026-11-16", "-o", str(target))]
    quiet = [invoke("undo", input="n\n")]  # its preview has no note
    sheet = tmp_path / f"sheet{ESC}.md"
    ticked = target.read_text().replace("- [ ]", "- [x]", 1).replace("did __", "did 8", 1)
    sheet.write_text(ticked)
    shown.append(invoke("log", "--sheet", str(sheet)))
    shown.append(invoke("undo", input="n\n"))  # the source names the sheet
    shown.append(invoke("log", "--sheet", str(tmp_path / f"missing{ESC}.md")))
    for result in shown + quiet:
        seen = result.stdout + result.stderr
        assert "\x1b" not in seen and "\x07" not in seen
        assert "\\x1b]0;pwned" in seen or result in quiet


def test_exports_never_carry_control_characters() -> None:
    from datetime import date

    from glutemed.core.catalogue import Catalogue, Exercise, Reps
    from glutemed.core.plan import PlanOptions
    from glutemed.core.planner import make_plan
    from glutemed.formats.plan_out import to_ics
    from glutemed.formats.sheet import to_markdown

    evil = Exercise.model_construct(
        slug="evil",
        name=f"Evil{ESC}\u202e",
        reps=Reps(min=6, max=12),
        per_side=False,
        equipment=[],
        lateral=True,
        steps=[f"Stand{ESC}"],
        cues=["Cue\x9b2J"],
    )
    catalogue = Catalogue.model_construct(exercises=[evil, evil.model_copy(update={"slug": "b"})])
    plan = make_plan(catalogue, PlanOptions(days=2, start=date(2026, 11, 16)), {})
    sheet = to_markdown(plan, catalogue)
    calendar = to_ics(plan).decode()
    for text in (sheet, calendar.replace("\r\n", "\n")):
        assert "Evil" in text
        assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text)
        assert "\u202e" not in text


def test_a_bug_is_not_passed_off_as_an_output_failure(
    monkeypatch: pytest.MonkeyPatch, invoke: Invoke
) -> None:
    import glutemed.cli.context

    def broken(path: object = None) -> None:
        raise ValueError("a bug in glutemed")

    monkeypatch.setattr(glutemed.cli.context, "read_catalogue", broken)
    with pytest.raises(ValueError, match="a bug in glutemed"):
        invoke("list")
