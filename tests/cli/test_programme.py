"""glutemed programme, and one programme everywhere: for a saved programme, plan, today
and the sheet give the same session on every day of it."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..conftest import TODAY, Invoke


def _shape(exercise: dict[str, object]) -> tuple[object, ...]:
    return (exercise["slug"], exercise["variant"], exercise["sets"], exercise["extra_set"])


def _numbers(exercise: dict[str, object]) -> tuple[object, ...]:
    return (exercise["target_reps"], exercise["suggested_load"])


programmes = st.fixed_dictionaries(
    {
        "days": st.sampled_from(["1", "2", "3"]),
        "weeks": st.sampled_from([None, "4", "8", "12"]),
        "race": st.sampled_from([None, 30, 60, 83]),
        "distance": st.sampled_from(["5k", "half", "marathon"]),
        "weak": st.sampled_from([None, "left", "right"]),
        "level": st.sampled_from([None, "easier", "harder"]),
        "sets": st.sampled_from([None, "2", "4"]),
        "logged": st.booleans(),
        "moves": st.sampled_from([None, "banded-squat,lateral-lunge"]),
    }
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@pytest.mark.slow  # a property test of many examples
@given(drawn=programmes, picks=st.lists(st.integers(0, 200), min_size=3, max_size=3))
def test_plan_today_and_the_sheet_agree_on_every_day_of_a_programme(
    invoke: Invoke, drawn: dict[str, object], picks: list[int]
) -> None:
    env = {"GLUTEMED_HOME": tempfile.mkdtemp()}
    if drawn["logged"]:  # numbers from the log, before the programme starts
        for day in (TODAY - timedelta(days=9), TODAY - timedelta(days=2)):
            args = ["log", "split-squat", "--reps", "12,12,12", "--load", "10kg"]
            invoke(*args, "--date", day.isoformat(), env=env)
            # The strongest band at the top of the range: no step up, so a set more.
            args = ["log", "banded-squat", "--reps", "15,15,15", "--load", "extra-heavy"]
            invoke(*args, "--date", day.isoformat(), env=env)
    args = ["plan", "--days", str(drawn["days"])]
    if drawn["race"]:
        race = TODAY + timedelta(days=int(str(drawn["race"])))
        args += ["--race", race.isoformat(), "--race-distance", str(drawn["distance"])]
    elif drawn["weeks"]:
        args += ["--weeks", str(drawn["weeks"])]
    for flag, key in (
        ("--weak-side", "weak"),
        ("--level", "level"),
        ("--sets", "sets"),
        ("--moves", "moves"),
    ):
        if drawn[key]:
            args += [flag, str(drawn[key])]
    saved = invoke(*args, "--save", env=env)
    assert saved.exit_code == 0, saved.output
    shown = invoke("plan", "--json", env=env)
    assert "your saved programme" in shown.stderr
    sessions = json.loads(shown.stdout)["sessions"]
    assert sessions and sessions[0]["date"] >= TODAY.isoformat()
    sheet_path = Path(env["GLUTEMED_HOME"]) / "plan.md"
    assert invoke("plan", "-o", str(sheet_path), env=env).exit_code == 0
    sheet = sheet_path.read_text()
    seen: set[str] = set()
    for pick in picks:
        session = sessions[pick % len(sessions)]
        day = session["date"]
        due = json.loads(invoke("today", "--date", day, "--json", env=env).stdout)
        assert due["session"] is not None, (args, day)
        mine, theirs = session["exercises"], due["session"]["exercises"]
        assert [_shape(e) for e in mine] == [_shape(e) for e in theirs], (args, day)
        assert session["kind"] == due["session"]["kind"]
        for exercise, other in zip(mine, theirs, strict=True):
            if exercise["slug"] not in seen and exercise["target_reps"] is not None:
                assert _numbers(exercise) == _numbers(other), (args, day)
        seen |= {e["slug"] for e in mine}
        # The sheet has the session, with a row for every set and extra set.
        heading = re.search(rf"^### \w+ · {day} ·[^\n]*$", sheet, re.M)
        assert heading is not None, (args, day)
        part = sheet[heading.end() :].split("\n## ")[0].split("\n### ")[0]
        for exercise in mine:
            rows = re.findall(rf"`{exercise['slug']}`[^\n]*\n((?:- \[ \][^\n]*\n?)+)", part)
            wanted = exercise["sets"] + bool(exercise["extra_set"])
            assert rows and rows[0].count("- [ ]") == wanted, (args, day, exercise["slug"])
            if exercise["extra_set"]:
                assert f"({exercise['extra_set']} only)" in rows[0]


def test_programme_shows_and_clears_what_is_saved(invoke: Invoke) -> None:
    assert "No programme is saved" in invoke("programme").stdout
    invoke("plan", "--days", "2", "--long-run", "sun", "--weak-side", "left", "--save")
    shown = invoke("programme").stdout
    assert f"Your programme: {TODAY.isoformat()} to " in shown
    assert "--days 2 --long-run sun" in shown and "--weak-side left" in shown
    data = json.loads(invoke("programme", "--json").stdout)
    assert data["start"] == TODAY.isoformat() and data["options"]["weak_side"] == "left"
    invoke("log", "split-squat", "--reps", "10")
    cleared = invoke("programme", "--clear")
    assert cleared.exit_code == 0 and "your logged sets stay" in cleared.stdout
    assert "No programme is saved" in invoke("programme").stdout
    assert "not your saved programme" not in invoke("plan", "--days", "3").stderr
    assert json.loads(invoke("history", "--json").stdout)[0]["slug"] == "split-squat"


def test_an_option_that_shapes_the_plan_says_it_is_not_the_programme(invoke: Invoke) -> None:
    invoke("plan", "--days", "2", "--save")
    other = invoke("plan", "--days", "3", "--on", "mon,wed,fri")
    assert "not your saved programme: --days 3 --on mon,wed,fri" in other.stderr
    same = invoke("plan", "--json", "--start", (TODAY + timedelta(days=7)).isoformat())
    assert "your saved programme from" in same.stderr
    assert json.loads(same.stdout)["sessions"][0]["date"] >= (TODAY + timedelta(days=7)).isoformat()
    assert date.fromisoformat(json.loads(same.stdout)["start"]) >= TODAY
