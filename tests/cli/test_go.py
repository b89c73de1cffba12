"""glutemed go, in a real pseudo-terminal (pexpect), and its walk with a fake terminal."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pexpect
import pytest

from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.core.guided import Walk
from glutemed.core.plan import PlanOptions
from glutemed.core.planner import make_plan
from glutemed.core.rules import WEEKDAYS
from glutemed.core.sets import LoggedSet
from glutemed.errors import Ended
from glutemed.storage.paths import LOG_NAME
from glutemed.views.prompts import Console

from ..conftest import Invoke

ROUTINE = ["--moves", "split-squat,lateral-lunge"]


def _today_on() -> list[str]:
    """Three days a week, today among them (the real clock: go runs in its own process),
    so each move has 2 sets."""
    days = [WEEKDAYS[(date.today().weekday() + step) % 7][:3].lower() for step in (0, 2, 4)]
    return ["--on", ",".join(days)]


def _spawn(*args: str, columns: int = 120) -> pexpect.spawn:
    """glutemed go in a real pseudo-terminal of ``columns``: its size is the terminal's,
    as for a runner, not a COLUMNS the test run set."""
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "glutemed", "go", *args],
        encoding="utf-8",
        timeout=20,
        dimensions=(40, columns),
        env=env,
    )


def _sets(home: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(home / LOG_NAME) as db:
        return db.execute(
            "SELECT slug, set_number, reps, load, side FROM sets ORDER BY slug, set_number"
        ).fetchall()


@pytest.fixture
def child() -> Iterator[list[pexpect.spawn]]:
    spawned: list[pexpect.spawn] = []
    yield spawned
    for process in spawned:
        process.close(force=True)


@pytest.mark.slow
def test_a_session_walked_with_answers_defaults_and_a_skip(
    home: Path, child: list[pexpect.spawn]
) -> None:
    go = _spawn(*_today_on(), *ROUTINE, "--rest", "600")
    child.append(go)
    go.expect("Every session \\(glutemed's general guidance")
    go.expect("Split Squat, set 1 of 2 each side: reps \\[9\\]: ")
    go.sendline("10")
    go.expect("load \\(e.g. 12kg, - for none\\): ")
    go.sendline("twelve")  # not a load: asked again
    go.expect("takes a load such as")
    go.expect("load \\(e.g. 12kg, - for none\\): ")
    go.sendline("12kg")
    go.expect("Rest 10:00 \\(Enter skips\\)")  # a ten-minute rest, skipped at once
    go.sendline("")
    go.expect("set 2 of 2 each side: reps \\[9\\]: ")
    go.sendline("")  # Enter: the target (the bottom of the range, with no log)
    go.expect("load \\[12kg\\]: ")
    go.sendline("")  # Enter: the load just used
    go.expect("Pain during Split Squat, 0 \\(none\\) to 10 \\[0\\]: ")  # once, after its last set
    go.sendline("2")
    go.expect("Rest")
    go.sendline("")
    go.expect("Lateral Lunge, set 1 of 2 each side: reps \\[9\\]: ")
    go.sendline("s")
    go.expect("Kept 2 sets in the log.")
    go.expect("Next: ")
    go.expect(pexpect.EOF)
    go.close()
    assert go.exitstatus == 0
    assert _sets(home) == [
        ("split-squat", 1, 10, "12kg", None),
        ("split-squat", 2, 9, "12kg", None),  # Enter: the easy session's 9
    ]
    with sqlite3.connect(home / LOG_NAME) as db:  # go asked the pain once, after the last set
        assert db.execute("SELECT slug, score, kind FROM pains").fetchall() == [
            ("split-squat", 2, "session")
        ]


@pytest.mark.slow
def test_ctrl_c_in_a_rest_keeps_the_sets_and_exits_130(
    home: Path, child: list[pexpect.spawn]
) -> None:
    go = _spawn(*_today_on(), *ROUTINE, "--rest", "600")
    child.append(go)
    go.expect("reps \\[9\\]: ")
    go.sendline("9")
    go.expect("load .*: ")
    go.sendline("-")
    go.expect("Rest 10:00")
    go.sendintr()
    go.expect("Interrupted")
    go.expect("Kept 1 set in the log.")
    go.expect(pexpect.EOF)
    go.close()
    assert go.exitstatus == 130
    assert _sets(home) == [("split-squat", 1, 9, None, None)]


@pytest.mark.slow
@pytest.mark.parametrize("stop", ["q", "ctrl-d"])
def test_q_or_ctrl_d_ends_early_with_exit_0(
    home: Path, child: list[pexpect.spawn], stop: str
) -> None:
    go = _spawn(*_today_on(), *ROUTINE, "--rest", "0")
    child.append(go)
    go.expect("reps \\[9\\]: ")
    go.sendline("8")
    go.expect("load .*: ")
    go.sendline("10kg")
    go.expect("set 2 of 2 each side: reps")
    if stop == "q":
        go.sendline("q")
    else:
        go.sendeof()
    go.expect("Ended early")
    go.expect("Split Squat: 1 of 2 sets")
    go.expect("Kept 1 set in the log.")
    go.expect(pexpect.EOF)
    go.close()
    assert go.exitstatus == 0 and len(_sets(home)) == 1


@pytest.mark.slow
def test_go_resumes_after_the_sets_logged_that_day_and_is_one_undo_step(
    home: Path, child: list[pexpect.spawn], invoke: Invoke
) -> None:
    today = date.today().isoformat()
    invoke("log", "split-squat", "--reps", "11", "--load", "14kg", "--date", "2000-01-03")
    sqlite3.connect(home / LOG_NAME).execute(  # move that set to the real today
        "UPDATE sets SET date = ?", (today,)
    ).connection.commit()
    go = _spawn(*_today_on(), *ROUTINE, "--rest", "0", "--quiet")
    child.append(go)
    go.expect("Split Squat, set 2 of 2 each side: reps")
    go.sendline("10")
    go.expect("load \\[14kg\\]: ")  # the last load logged for the move
    go.sendline("")
    go.expect("Pain during")
    go.sendline("")
    go.expect("Lateral Lunge, set 1 of 2")
    go.sendline("12")
    go.expect("load .*: ")
    go.sendline("-")
    go.expect("set 2 of 2")
    go.sendline("12")
    go.expect("load .*: ")
    go.sendline("-")
    go.expect("Pain during")
    go.sendline("")
    go.expect("Kept 3 sets in the log.")
    go.expect(pexpect.EOF)
    go.close()
    assert go.exitstatus == 0 and len(_sets(home)) == 4
    undone = invoke("undo", "--yes")
    assert "Removed 3 sets" in undone.stdout and len(_sets(home)) == 1


@pytest.mark.slow
def test_the_weak_side_gets_its_own_set_logged_with_its_side(
    home: Path, child: list[pexpect.spawn]
) -> None:
    go = _spawn(*_today_on(), "--moves", "split-squat,banded-squat", "--rest", "0")
    child.append(go)
    go.close(force=True)  # go takes no --weak-side: the saved programme carries it
    base = [sys.executable, "-m", "glutemed"]
    plan = pexpect.run(
        " ".join([*base, "plan", *_today_on(), "--moves", "split-squat,banded-squat"])
        + " --weak-side left --save",
        encoding="utf-8",
    )
    assert "saved as your programme" in str(plan)
    go = _spawn("--rest", "0")
    child.append(go)
    for _ in range(2):
        go.expect("Split Squat, set [12] of 2 each side: reps")
        go.sendline("8")
        go.expect("load .*: ")
        go.sendline("10kg")
    go.expect("Split Squat, extra set, left only: reps")
    go.sendline("7")
    go.expect("load \\[10kg\\]: ")
    go.sendline("")
    go.expect("Pain during")
    go.sendline("")
    go.expect("Banded Squat, set 1")
    go.sendline("q")
    go.expect(pexpect.EOF)
    assert ("split-squat", 3, 7, "10kg", "left") in _sets(home)


def test_go_needs_a_terminal(invoke: Invoke) -> None:
    result = invoke("go")
    assert result.exit_code == 2 and "run it in one, or record your sets with" in result.stderr


@pytest.mark.slow
def test_a_day_to_come_or_without_a_session_exits_1(child: list[pexpect.spawn]) -> None:
    later = (date.today() + timedelta(days=1)).isoformat()
    go = _spawn("--date", later)
    child.append(go)
    go.expect("is still to come")
    go.expect(pexpect.EOF)
    go.close()
    assert go.exitstatus == 1
    other = WEEKDAYS[(date.today().weekday() + 3) % 7][:3].lower()
    go = _spawn("--on", other, "--date", "today")  # a day without a session
    child.append(go)
    go.expect("no session on .*; the next is on")
    go.expect(pexpect.EOF)
    go.close()
    assert go.exitstatus == 1


@pytest.mark.slow
def test_a_day_without_a_session_offers_the_next_one(
    home: Path, child: list[pexpect.spawn]
) -> None:
    other = WEEKDAYS[(date.today().weekday() + 3) % 7][:3].lower()
    go = _spawn("--on", other, *ROUTINE, "--rest", "0")
    child.append(go)
    go.expect("No session planned for [-0-9]+\\.")
    go.expect("Do the next one, .* today\\? \\[y/n\\] \\(y\\): ")  # one offer: yes or no
    go.sendline("")
    go.expect("Split Squat, set 1 of 3")  # one day a week: 3 sets
    go.sendline("q")
    go.expect(pexpect.EOF)
    go.close()
    assert go.exitstatus == 0


class FakeTerminal:
    """Scripted answers; the rests it was asked for; no waiting."""

    def __init__(self, answers: list[str | None]) -> None:
        self.answers = answers
        self.said: list[str] = []
        self.rests: list[int] = []
        self.bells = 0

    def say(self, text: str) -> None:
        self.said.append(text)

    def ask(self, prompt: str) -> str | None:
        self.said.append(prompt)
        return self.answers.pop(0)

    def rest(self, seconds: int) -> None:
        self.rests.append(seconds)

    def bell(self) -> None:
        self.bells += 1


def _walk(put: list[LoggedSet], **kwargs: object) -> Walk:
    catalogue = load_catalogue()
    options = PlanOptions(today=date(2026, 11, 23), moves=("split-squat", "lateral-lunge"))
    session = make_plan(catalogue, options).sessions[0]
    defaults: dict[str, object] = {
        "day": session.date,
        "session": session,
        "done": {},
        "last_loads": {},
        "put": lambda item: put.append(item) or "added",
        "rest_seconds": 90,
    }
    return Walk(**{**defaults, **kwargs})  # type: ignore[arg-type]


def test_the_walk_asks_again_rests_between_sets_and_rings() -> None:
    logged: list[LoggedSet] = []
    term = FakeTerminal(["ten", "10", "12kg", "", "", "2", "11", "-", "", "-", ""])
    walk = _walk(logged)
    walk.run(term)
    assert [(s.slug, s.set, s.reps, s.load) for s in logged] == [
        ("split-squat", 1, 10, "12kg"),
        ("split-squat", 2, 9, "12kg"),
        ("lateral-lunge", 1, 11, None),
        ("lateral-lunge", 2, 9, None),
    ]
    assert term.rests == [90, 90, 90] and term.bells == 3  # no rest after the last set
    assert any("'s' skips this move" in line for line in term.said)
    quiet = _walk([], quiet=True, rest_seconds=0)
    quiet.run(FakeTerminal(["", "1kg", "", "", "", "", "-", "", "-", ""]))
    with pytest.raises(Ended):
        _walk([]).run(FakeTerminal([None]))


def test_the_rest_counts_down_on_the_clock_and_enter_ends_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = [0.0]

    def enter(timeout: float) -> bool:
        now[0] += timeout  # time passes only as the countdown waits
        return now[0] >= 3  # Enter pressed after three seconds

    Console(clock=lambda: now[0], enter=enter).rest(60)
    out = capsys.readouterr().out
    assert "Rest 1:00" in out and "Rest 0:59" in out and "Rest 0:58" in out
    assert "Rest 0:57" not in out and now[0] == 3  # Enter ended it; no real minute waited


def test_a_walk_fills_the_gaps_between_logged_sets_and_replaces_none() -> None:
    """Set 2 logged already (from a sheet, say): go asks set 1, never set 2 again, and
    says which sets it found; the summary counts both."""
    logged: list[LoggedSet] = []
    walk = _walk(logged, done={"split-squat": {2}}, rest_seconds=0)
    term = FakeTerminal(["10", "12kg", "", "9", "-", "9", "-", ""])
    walk.run(term)
    assert [(s.slug, s.set) for s in logged] == [
        ("split-squat", 1),
        ("lateral-lunge", 1),
        ("lateral-lunge", 2),
    ]
    assert any("set 1 of 2" in prompt for prompt in term.said)
    assert not any("Split Squat, set 2 of 2" in prompt for prompt in term.said)
    assert "  already logged today: set 2" in term.said
    assert walk.summary()[0] == "Split Squat: 2 of 2 sets"


@pytest.mark.slow
@pytest.mark.parametrize("columns", [40, 60, 80])
def test_go_wraps_its_words_to_the_terminal(home: Path, columns: int) -> None:
    """Every line fits the terminal and no word is split; Enter on a move done with no
    kit and nothing logged takes bodyweight; Ctrl-D ends the line it was typed on."""
    go = _spawn(*_today_on(), *ROUTINE, "--rest", "0", "--quiet", columns=columns)
    seen = io.StringIO()
    go.logfile_read = seen
    try:
        go.expect("Split Squat, set 1 of 2 each side: reps")
        go.sendline("10")
        go.expect("load ")
        go.sendline("12kg")
        go.expect("set 2 of 2")
        go.sendline("")
        go.expect("load ")
        go.sendline("")
        go.expect("Pain during")
        go.sendline("")
        go.expect("Lateral Lunge, set 1 of 2")
        go.sendline("9")
        go.expect("load \\[bodyweight\\]: ")
        go.sendline("")  # bodyweight, not a refusal
        go.expect("logged: 9 reps")
        go.sendeof()
        go.expect(pexpect.EOF)
    finally:
        go.close()
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]|\r(?!\n)", "\n", seen.getvalue())
    lines = [line for line in text.replace("\r\n", "\n").split("\n")]
    assert all(len(line.rstrip()) <= columns for line in lines), max(lines, key=len)
    joined = " ".join(line.strip() for line in lines)
    for whole in ("clinician", "reserve", "glutemed's", "Lateral Lunge", "bodyweight"):
        assert whole in joined, whole  # a word split across lines would be missing
    assert ("split-squat", 1, 10, "12kg", None) in _sets(home)
    assert ("lateral-lunge", 1, 9, None, None) in _sets(home)
