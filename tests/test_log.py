"""The training log: recording sets, history, undo, sheets, storage and progression."""

from __future__ import annotations

import csv
import io
import json
import os
import re
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

from .conftest import Invoke

DB = "glutemed.sqlite3"


def _history(invoke: Invoke, *args: str) -> list[dict[str, object]]:
    result = invoke("history", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_log_and_history(invoke: Invoke) -> None:
    first = invoke(
        "log", "split-squat", "--reps", "10,10,9", "--load", "12kg", "--date", "2026-11-16"
    )
    assert (
        first.exit_code == 0
        and "Logged 3 sets of split-squat at 12kg on 2026-11-16" in first.stdout
    )
    invoke("log", "Lateral Lunge", "--reps", "8,8", "--date", "2026-11-18", "--note", "felt good")
    rows = _history(invoke)
    assert [(r["date"], r["slug"], r["set"], r["reps"]) for r in rows] == [
        ("2026-11-18", "lateral-lunge", 2, 8),
        ("2026-11-18", "lateral-lunge", 1, 8),
        ("2026-11-16", "split-squat", 3, 9),
        ("2026-11-16", "split-squat", 2, 10),
        ("2026-11-16", "split-squat", 1, 10),
    ]
    assert set(rows[0]) == {"id", "date", "slug", "set", "reps", "load", "note", "form", "side"}
    assert rows[0]["note"] == "felt good" and rows[2]["load"] == "12kg"
    assert [r["slug"] for r in _history(invoke, "split squat")] == ["split-squat"] * 3
    assert len(_history(invoke, "--since", "2026-11-17")) == 2
    text = invoke("history", "--csv").stdout
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert list(parsed[0]) == ["id", "date", "slug", "set", "reps", "load", "note", "form", "side"]
    assert len(parsed) == 5
    view = invoke("history").stdout
    assert "Total reps a session" in view and "split-squat" in view and "29" in view


def test_reps_outside_the_range_warn_but_log(invoke: Invoke) -> None:
    result = invoke("log", "banded-squat", "--reps", "20,12")
    assert result.exit_code == 0
    assert "20 reps is outside banded-squat's range of 8-15" in result.stderr
    assert len(_history(invoke)) == 2


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["split-squat", "--reps", "10,x"], 2, "--reps takes whole numbers"),
        (["split-squat", "--reps", "0"], 2, "at least 1 rep"),
        (["split-squat", "--reps", "10", "--load", "12"], 2, "'12' is not a load"),
        (["split-squat", "--reps", "10", "--load", "band:purple"], 2, "is not a load"),
        (["split-squat", "--reps", "10", "--date", "2026-02-30"], 2, "is not a date"),
        (["split-squat"], 2, "give a move and --reps"),
        (["lunges", "--reps", "10"], 1, "no move 'lunges'"),
    ],
)
def test_log_refusals_write_nothing(
    invoke: Invoke, home: Path, args: list[str], code: int, needle: str
) -> None:
    result = invoke("log", *args)
    assert result.exit_code == code
    assert needle in result.stderr
    assert not (home / DB).exists()


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
        ([], {}, (None, None, False, False, "nothing logged for this form yet")),
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
        (_sets([5, 4], None), {}, (5, None, False, False, "aim for 5")),
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
    assert first["lateral-lunge"]["target_reps"] is None
    assert "nothing logged for this form yet" in first["lateral-lunge"]["advice"]
    assert first["split-squat"]["progression"] == "double"
    view = invoke("plan", *routine).stdout
    assert "13kg" in view and "First session of each move, from your log" in view
    assert "None" not in view


def _tick(text: str, line: str, filled: str) -> str:
    return text.replace(line, filled, 1)


def test_sheet_round_trip(invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.md"
    first_move = "staggered-stance-romanian-deadlift"
    invoke("log", first_move, "--reps", "9,10", "--load", "12kg", "--date", "2026-11-09")
    invoke("plan", "--days", "1", "--sets", "2", "--start", "2026-11-16", "-o", str(sheet))
    assert "aim for 10+ at 12kg" in sheet.read_text()
    text = sheet.read_text()
    text = _tick(text, "- [ ] Set 1: did __ reps @ __", "- [x] Set 1: did 11 reps @ 14kg")
    text = _tick(text, "- [ ] Set 2: did __ reps @ __", "- [X] Set 2: did 10 reps @ -")
    sheet.write_text(text)
    first = invoke("log", "--sheet", str(sheet))
    assert first.exit_code == 0 and "Logged 2 sets" in first.stdout
    rows = _history(invoke)
    assert [(r["date"], r["set"], r["reps"], r["load"]) for r in reversed(rows)][2:] == [
        ("2026-11-16", 1, 11, "14kg"),
        ("2026-11-16", 2, 10, None),  # '-': bodyweight
    ]
    again = invoke("log", "--sheet", str(sheet))
    assert "Logged 0 sets" in again.stdout and "2 already in the log" in again.stdout
    assert len(_history(invoke)) == 4
    # A corrected set is updated, once; undo puts the old value back.
    sheet.write_text(sheet.read_text().replace("did 11 reps @ 14kg", "did 12 reps @ 14kg"))
    fixed = invoke("log", "--sheet", str(sheet))
    assert "updated 1 set" in fixed.stdout and len(_history(invoke)) == 4
    assert 12 in [r["reps"] for r in _history(invoke)]
    undone = invoke("undo", "--yes")
    assert "put back 1 set" in undone.stdout
    assert 11 in [r["reps"] for r in _history(invoke)] and len(_history(invoke)) == 4
    # Un-ticking a logged set removes nothing, and says so.
    sheet.write_text(sheet.read_text().replace("- [x] Set 1: did 12", "- [ ] Set 1: did 12"))
    unticked = invoke("log", "--sheet", str(sheet))
    assert "1 set not ticked" in unticked.stderr and "stay there" in unticked.stderr
    assert "numbers filled in but no tick" in unticked.stderr and len(_history(invoke)) == 4


@pytest.mark.parametrize(
    ("written", "reps", "load"),
    [
        ("did 10 reps @12kg", 10, "12kg"),
        ("did 10 reps each side @ 12kg", 10, "12kg"),
        ("did 10 reps", 10, None),
        ("did 10 @ 14kg", 10, "14kg"),
        ("did 10 reps @ 12 kg", 10, "12kg"),
        ("did 10 reps @ 12.5kg", 10, "12.5kg"),
        ("did 10 reps @ 25lb", 10, "25lb"),
        ("did 10 reps @ -", 10, None),
        ("did 10/9 reps @ 12kg", 9, "12kg"),
        ("DID 10 REPS @ 12KG", 10, "12kg"),
    ],
)
def test_a_sheet_takes_the_natural_ways_of_filling_a_line(
    invoke: Invoke, tmp_path: Path, written: str, reps: int, load: str | None
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--days", "1", "--start", "2026-11-16", "-o", str(sheet))
    line = f"- [x] set 1: {written}" if "DID" in written else f"- [x] Set 1: {written}"
    sheet.write_text(sheet.read_text().replace("- [ ] Set 1: did __ reps @ __", line, 1))
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 0 and "Logged 1 set" in result.stdout, result.output
    row = _history(invoke)[0]
    assert (row["reps"], row["load"]) == (reps, load)
    assert ("the lower side" in result.stderr) == ("/" in written)


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("- [x] Set 1: did __ reps @ __", "its reps are blank"),
        ("- [x] Set 1: did 10 reps @ 12", "load takes a load such as"),
        ("- [x] Set 1: did ten reps @ 12kg", "'ten reps' is not a number of reps"),
        ("- [x] I did it", "cannot read this ticked set"),
    ],
)
def test_a_ticked_line_that_cannot_be_read_is_refused_whole(
    invoke: Invoke, tmp_path: Path, home: Path, written: str, says: str
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--days", "1", "--start", "2026-11-16", "-o", str(sheet))
    text = sheet.read_text().replace(
        "- [ ] Set 2: did __ reps @ __", "- [x] Set 2: did 9 reps @ -", 1
    )
    sheet.write_text(text.replace("- [ ] Set 1: did __ reps @ __", written, 1))
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 1 and f"{sheet}: line " in result.stderr and says in result.stderr
    assert not (home / DB).exists()  # all or nothing: the good set is not logged either


@pytest.mark.parametrize("runs", [[], ["--hard", "tue,thu", "--long-run", "sat"]])
def test_sheet_without_dates_cannot_be_logged(
    invoke: Invoke, tmp_path: Path, runs: list[str]
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", *runs, "-o", str(sheet))
    assert "after your hard run" in sheet.read_text() or not runs
    undated = re.sub(r" · 20[0-9-]{8}", "", sheet.read_text())  # as glutemed 0.1 wrote them
    sheet.write_text(undated.replace("- [ ]", "- [x]", 1).replace("did __", "did 8", 1))
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 1
    assert "has no dates" in result.stderr and "export the plan again" in result.stderr


def test_sheet_with_a_bad_value_logs_nothing(invoke: Invoke, tmp_path: Path, home: Path) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--start", "2026-11-16", "-o", str(sheet))
    text = sheet.read_text().replace("- [ ]", "- [x]", 2)
    text = text.replace("did __ reps @ __", "did lots reps @ __", 2)
    sheet.write_text(text)
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 1
    assert "'lots reps' is not a number of reps" in result.stderr and "line" in result.stderr
    assert not (home / DB).exists()


def test_undo_removes_the_last_command_only(invoke: Invoke) -> None:
    invoke("log", "split-squat", "--reps", "10,10")
    invoke("log", "lateral-lunge", "--reps", "8,8,8")
    shown = invoke("undo", input="n\n")
    assert "lateral-lunge" in shown.stdout and "Nothing removed" in shown.stdout
    assert len(_history(invoke)) == 5
    removed = invoke("undo", input="y\n")
    assert "Removed 3 sets" in removed.stdout
    assert {r["slug"] for r in _history(invoke)} == {"split-squat"}
    assert invoke("undo", "--yes").exit_code == 0
    assert _history(invoke) == []
    assert invoke("undo", "--yes").exit_code == 1


def test_undo_without_an_answer_removes_nothing(invoke: Invoke) -> None:
    invoke("log", "split-squat", "--reps", "10")
    result = invoke("undo")
    assert result.exit_code == 2 and "add --yes" in result.stderr
    assert len(_history(invoke)) == 1


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
    target = home / DB
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
    with sqlite3.connect(home / DB) as db:
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
    with sqlite3.connect(home / DB) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    history = json.loads(invoke("check", "--history", "--json").stdout)
    assert [(h["left"], h["weak_sides"]) for h in history] == [("midline", ["left"])]
    assert len(_history(invoke)) == 1


def test_a_log_from_a_newer_glutemed_is_read_not_written(invoke: Invoke, home: Path) -> None:
    invoke("log", "split-squat", "--reps", "10")
    with sqlite3.connect(home / DB) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    before = (home / DB).read_bytes()
    result = invoke("log", "split-squat", "--reps", "12")
    assert result.exit_code == 1 and "newer glutemed" in result.stderr
    assert len(_history(invoke)) == 1
    assert (home / DB).read_bytes() == before


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
    rows = _history(invoke)
    assert len(rows) == 1 + 2 * 25 * 2
    both = [
        _glutemed(home, "log", slug, "--reps", "9,9") for slug in ("banded-squat", "split-squat")
    ]
    for process in both:
        assert process.wait(timeout=120) == 0
    assert len(_history(invoke)) == 1 + 100 + 4


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
    rows = _history(invoke)
    assert [r["slug"] for r in rows] == ["split-squat", "split-squat"]
    assert invoke("log", "lateral-lunge", "--reps", "8").exit_code == 0  # still writable


@pytest.mark.parametrize(
    ("word", "day"),
    [
        ("today", "2026-11-23"),
        ("yesterday", "2026-11-22"),
        ("fri", "2026-11-20"),  # the last Friday
        ("Monday", "2026-11-23"),  # today is a Monday: today counts
        ("2026-11-02", "2026-11-02"),
    ],
)
def test_log_date_takes_words_a_runner_uses(invoke: Invoke, word: str, day: str) -> None:
    result = invoke("log", "split-squat", "--reps", "10", "--date", word)
    assert result.exit_code == 0 and f"on {day}" in result.stdout


def test_a_set_cannot_be_logged_on_a_day_still_to_come(invoke: Invoke, home: Path) -> None:
    result = invoke("log", "split-squat", "--reps", "10", "--date", "2026-11-24")
    assert result.exit_code == 1 and "still to come" in result.stderr
    assert not (home / DB).exists()


def test_rules_parse_day_looks_back_or_ahead() -> None:
    from glutemed.core.rules import parse_day

    wednesday = date(2026, 11, 25)
    assert parse_day("tomorrow", wednesday, ahead=True) == date(2026, 11, 26)
    assert parse_day("mon", wednesday, ahead=True) == date(2026, 11, 30)
    assert parse_day("mon", wednesday, ahead=False) == date(2026, 11, 23)
    assert parse_day("wed", wednesday, ahead=True) == wednesday
    with pytest.raises(ValueError, match="today, tomorrow or a weekday"):
        parse_day("yesterday", wednesday, ahead=True)
