"""The training log: recording sets, history, undo, sheets, storage and progression."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from glutemed.core.progression import next_session
from glutemed.core.sets import STEPS, LoggedSet, parse_load, parse_step
from glutemed.storage.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from glutemed.storage.paths import LOG_NAME

from ..conftest import Invoke, history_rows


def test_loads_keep_their_units_and_compare_in_kg() -> None:
    assert parse_load(" 12KG ").text == "12kg"
    assert parse_load("12.5kg").text == "12.5kg"
    assert parse_load("25lbs").text == "25lb"
    assert parse_load("band:Heavy").text == "band:heavy"
    assert parse_load("12kg").step_up() == parse_load("13kg")
    assert parse_load("25lb").step_up() == parse_load("27.5lb")
    assert parse_load("12kg").step_up(parse_step("2kg")) == parse_load("14kg")
    assert parse_load("band:medium").step_up() == parse_load("heavy")
    assert parse_load("band:extra-heavy").step_up() is None
    assert parse_load("30cm").step_up() == parse_load("35cm")
    assert parse_load("60cm").step_up() is None
    for bad in ["", "kg", "-5kg", "0kg", "12 stone", "band:", "99999kg"]:
        with pytest.raises(ValueError, match="is not a load"):
            parse_load(bad)


def _sets(reps: list[int], load: str | None) -> list[LoggedSet]:
    return [LoggedSet(date(2026, 11, 2), "m", n, r, load) for n, r in enumerate(reps, start=1)]


@pytest.mark.parametrize(
    ("last", "options", "expected"),
    [
        ([], {}, (9, None, False, False, "new to this form")),
        (_sets([12, 12, 12], "12kg"), {}, (6, "13kg", False, False, "go up to 13kg")),
        (_sets([12, 11, 9], "12kg"), {}, (10, "12kg", False, False, "weakest set was 9")),
        (_sets([12, 12], "12kg"), {"lighter": True}, (12, "12kg", False, False, "no step up")),
        (_sets([12, 12], "25lb"), {}, (6, "27.5lb", False, False, "go up to 27.5lb")),
        (
            _sets([12, 12], "11.5kg"),
            {"steps": {**STEPS, "kg": 2.5}},
            (6, "14kg", False, False, "14kg"),
        ),
        (_sets([12, 12], "band:light"), {}, (6, "band:medium", False, False, "band:medium")),
        (
            _sets([12, 12], "band:extra-heavy"),
            {},
            (12, "band:extra-heavy", True, False, "add a set"),
        ),
        (_sets([12, 12], "30cm"), {}, (6, "35cm", False, False, "go up to 35cm")),
        (_sets([12, 12], None), {"can_harden": True}, (6, None, False, True, "harder form")),
        (_sets([12, 12], None), {}, (12, None, True, False, "no harder form fits")),
        (_sets([5, 4], None), {}, (6, None, False, False, "already the easiest form")),
        (_sets([13, 15], "12kg"), {}, (6, "13kg", False, False, "go up")),
    ],
)
def test_double_progression_cases(
    last: list[LoggedSet], options: dict[str, object], expected: tuple[object, ...]
) -> None:
    found = next_session(6, 12, last, **options)  # type: ignore[arg-type]
    target, load, extra, harder, words = expected
    assert (found.target_reps, found.load, found.extra_set, found.harder) == (
        target,
        load,
        extra,
        harder,
    )
    assert words in found.advice and "None" not in found.advice


def test_plan_takes_the_next_session_from_the_log(invoke: Invoke) -> None:
    invoke("log", "split-squat", "--reps", "12,12,11", "--load", "12kg", "--date", "2026-11-16")
    invoke("log", "split-squat", "--reps", "12,12,12", "--load", "12kg", "--date", "2026-11-19")
    routine = ("--moves", "split-squat,lateral-lunge", "--start", "2026-11-23")
    data = json.loads(invoke("plan", *routine, "--json").stdout)
    first = {e["slug"]: e for e in data["sessions"][0]["exercises"]}
    assert first["split-squat"]["suggested_load"] == "13kg"  # from the last session alone
    assert first["split-squat"]["target_reps"] == 6
    assert "go up to 13kg" in first["split-squat"]["advice"]
    assert first["lateral-lunge"]["suggested_load"] is None
    assert first["lateral-lunge"]["target_reps"] == 9  # new to the log: the range's middle
    assert "new to this form" in first["lateral-lunge"]["advice"]
    assert first["split-squat"]["progression"] == "double"
    view = invoke("plan", *routine).stdout
    assert "@ 13kg" in view and "From your log: " in view
    explained = invoke("plan", *routine, "--explain").stdout
    assert "13kg" in explained and "First session of each move, from your log" in explained
    assert "None" not in view


def _foreign_files(home: Path) -> dict[str, bytes]:
    text = home / "text"
    text.write_text("just some notes\n")
    other = home / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO photos (name) VALUES ('beach')")
    damaged = home / "damaged"
    with sqlite3.connect(damaged) as db:
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        db.execute("CREATE TABLE t (x)")
        db.executemany("INSERT INTO t VALUES (?)", [("y" * 500,)] * 200)
    raw = bytearray(damaged.read_bytes())
    raw[4096:8192] = b"\xff" * 4096
    damaged.write_bytes(bytes(raw))
    return {name: (home / name).read_bytes() for name in ("text", "other.sqlite3", "damaged")}


@pytest.mark.parametrize("which", ["text", "other.sqlite3", "damaged", "empty"])
def test_a_file_that_is_not_our_log_is_refused_and_untouched(
    invoke: Invoke, home: Path, which: str
) -> None:
    contents = _foreign_files(home)
    contents["empty"] = b""
    target = home / LOG_NAME
    target.write_bytes(contents[which])
    for args in (["log", "split-squat", "--reps", "10"], ["history"], ["undo", "--yes"]):
        result = invoke(*args)
        assert result.exit_code == 1, (args, result.output)
        assert "left as it is" in result.stderr
    plan = invoke("plan")
    assert plan.exit_code == 0
    assert "planning without your log" in plan.stderr
    assert target.read_bytes() == contents[which]


def test_migrates_a_version_1_log_in_place(invoke: Invoke, home: Path) -> None:
    with sqlite3.connect(home / LOG_NAME) as db:
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        for statement in MIGRATIONS[0].statements:
            db.execute(statement)
        db.execute(
            "INSERT INTO checks (taken, left_knee, right_knee, gait, result)"
            " VALUES (?, ?, ?, ?, ?)",
            ("2026-01-01T10:00:00", "midline", "over-foot", "[]", '{"weak_sides": ["left"]}'),
        )
        db.execute("PRAGMA user_version=1")
    assert invoke("log", "split-squat", "--reps", "10").exit_code == 0
    with sqlite3.connect(home / LOG_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    history = json.loads(invoke("check", "--history", "--json").stdout)
    assert [(h["left"], h["possible_weak_sides"]) for h in history] == [("midline", ["left"])]
    assert len(history_rows(invoke)) == 1


def test_a_log_from_a_newer_glutemed_is_read_not_written(invoke: Invoke, home: Path) -> None:
    invoke("log", "split-squat", "--reps", "10")
    with sqlite3.connect(home / LOG_NAME) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    before = (home / LOG_NAME).read_bytes()
    result = invoke("log", "split-squat", "--reps", "12")
    assert result.exit_code == 1 and "newer glutemed" in result.stderr
    assert len(history_rows(invoke)) == 1
    assert (home / LOG_NAME).read_bytes() == before


def _glutemed(home: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    full_env = {**os.environ, "GLUTEMED_HOME": str(home), **env}
    return subprocess.Popen(
        [sys.executable, "-m", "glutemed", *args],
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_processes_logging_at_once_both_land(home: Path, invoke: Invoke) -> None:
    invoke("log", "split-squat", "--reps", "1")  # the log exists before the race
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from glutemed.core.sets import LoggedSet\nfrom glutemed.storage.sets import add_sets\n"
        "for n in range(25):\n"
        "    add_sets([LoggedSet(date(2026, 1, 1), sys.argv[1], s, 10) for s in (1, 2)], 'log')\n"
    )
    env = {**os.environ, "GLUTEMED_HOME": str(home)}
    writers = [
        subprocess.Popen([sys.executable, "-c", script, slug], env=env, stderr=subprocess.PIPE)
        for slug in ("split-squat", "lateral-lunge")
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read() if writer.stderr else ""
    rows = history_rows(invoke)
    assert len(rows) == 1 + 2 * 25 * 2
    both = [
        _glutemed(home, "log", slug, "--reps", "9,9") for slug in ("banded-squat", "split-squat")
    ]
    for process in both:
        assert process.wait(timeout=120) == 0
    assert len(history_rows(invoke)) == 1 + 100 + 4


@pytest.mark.slow
def test_a_write_killed_midway_leaves_the_log_as_it_was(
    home: Path, tmp_path: Path, invoke: Invoke
) -> None:
    invoke("log", "split-squat", "--reps", "10,10")
    marker = tmp_path / "holding"
    # The fault is injected here, not in glutemed: a process that runs the real
    # command with the insert of each set patched to pause after the first one.
    hold = (
        "import sys, time, pathlib\n"
        "import glutemed.storage.sets as log\n"
        "insert, marker = log._insert_set, pathlib.Path(sys.argv[1])\n"
        "def held(db, command, item):\n"
        "    added = insert(db, command, item)\n"
        "    marker.write_text('holding')\n"
        "    time.sleep(60)\n"
        "    return added\n"
        "log._insert_set = held\n"
        "sys.argv = ['glutemed', *sys.argv[2:]]\n"
        "from glutemed.__main__ import main\n"
        "main()\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", hold, str(marker), "log", "lateral-lunge", "--reps", "8,8,8"],
        env={**os.environ, "GLUTEMED_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    rows = history_rows(invoke)
    assert [r["slug"] for r in rows] == ["split-squat", "split-squat"]
    assert invoke("log", "lateral-lunge", "--reps", "8").exit_code == 0  # still writable


def test_rules_parse_day_looks_back_or_ahead() -> None:
    from glutemed.core.rules import parse_day

    wednesday = date(2026, 11, 25)
    assert parse_day("tomorrow", wednesday, ahead=True) == date(2026, 11, 26)
    assert parse_day("mon", wednesday, ahead=True) == date(2026, 11, 30)
    assert parse_day("mon", wednesday, ahead=False) == date(2026, 11, 23)
    assert parse_day("wed", wednesday, ahead=True) == wednesday
    with pytest.raises(ValueError, match="today, tomorrow or a weekday"):
        parse_day("yesterday", wednesday, ahead=True)
