"""The log survives crashes: its first write is complete before it has a name, and a
hot journal any crash left is rolled back on the next open."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from glutemed.storage.paths import LOG_NAME

from ..conftest import Invoke, history_rows


@pytest.mark.slow
def test_a_new_log_is_in_wal_mode_before_it_appears(invoke: Invoke, home: Path) -> None:
    """Switching a file to WAL goes through a rollback journal, which a kill can leave
    hot: the new log is made in WAL mode while it is still a temp file. A process
    killed the moment its log appears leaves a log that needs no switch."""
    script = (
        "import os, signal, sys\n"
        "link = os.link\n"
        "def linked(*a):\n    link(*a)\n    os.kill(os.getpid(), signal.SIGKILL)\n"
        "os.link = linked\n"
        "sys.argv = ['glutemed', 'log', 'split-squat', '--reps', '10']\n"
        "from glutemed.__main__ import main\nmain()\n"
    )
    env = {**os.environ, "GLUTEMED_HOME": str(home)}
    killed = subprocess.run([sys.executable, "-c", script], env=env, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    header = (home / LOG_NAME).read_bytes()[:20]
    assert header[18:20] == b"\x02\x02"  # file format: WAL for reading and writing
    assert not (home / f"{LOG_NAME}-journal").exists()
    assert history_rows(invoke) == []
    assert invoke("log", "split-squat", "--reps", "10").exit_code == 0


@pytest.mark.slow
def test_a_hot_journal_left_by_a_crash_is_rolled_back(invoke: Invoke, home: Path) -> None:
    assert invoke("log", "split-squat", "--reps", "10,9").exit_code == 0
    log = home / LOG_NAME
    # Another program opens the log in rollback mode, starts a large write that spills
    # to the file, and is killed before it commits: a hot journal is left beside it.
    crash = (
        "import os, signal, sqlite3, sys\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('PRAGMA journal_mode=DELETE')\n"
        "db.execute('PRAGMA cache_size=1')\n"
        "db.execute('BEGIN IMMEDIATE')\n"
        "for n in range(20000):\n"
        "    db.execute(\"INSERT INTO commands (logged_at, source) VALUES ('x', ?)\", (str(n),))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    killed = subprocess.run([sys.executable, "-c", crash, str(log)], timeout=60)
    assert killed.returncode == -signal.SIGKILL
    journal = Path(f"{log}-journal")
    assert journal.exists() and journal.stat().st_size > 0  # the crash left it hot
    rows = history_rows(invoke)
    assert [(r["slug"], r["reps"]) for r in rows] == [("split-squat", 9), ("split-squat", 10)]
    assert invoke("log", "lateral-lunge", "--reps", "8").exit_code == 0
    with sqlite3.connect(log) as db:
        assert db.execute("SELECT COUNT(*) FROM commands").fetchone()[0] == 2


@pytest.mark.slow
def test_another_programs_journal_is_left_alone(home: Path) -> None:
    """A file that is not glutemed's, with a journal beside it, is refused untouched."""
    home.mkdir(exist_ok=True)
    log = home / LOG_NAME
    with sqlite3.connect(log) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    Path(f"{log}-journal").write_bytes(b"not really a journal")
    before = log.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "glutemed", "history"],
        env={**os.environ, "GLUTEMED_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "not a glutemed log" in done.stderr
    assert log.read_bytes() == before


@pytest.mark.slow
def test_a_log_in_a_read_only_folder_is_read(invoke: Invoke, home: Path) -> None:
    """Reading needs no write access: history, the self-checks and progress read a log in
    a folder glutemed cannot write (to a process without root's powers); logging says
    why it cannot."""
    from ..conftest import run_glutemed

    assert invoke("log", "split-squat", "--reps", "10", "--load", "12kg").exit_code == 0
    home.chmod(0o555)
    try:
        for args in (["history"], ["check", "--history"], ["progress"], ["today"]):
            done = run_glutemed(*args)
            assert done.returncode == 0, (args, done.stderr)
        assert "split-squat" in run_glutemed("history").stdout
        refused = run_glutemed("log", "split-squat", "--reps", "9")
        assert refused.returncode == 1 and "cannot write in" in refused.stderr
    finally:
        home.chmod(0o755)
