"""glutemed today: the day's session from the saved programme or the settings."""

from __future__ import annotations

import json

import pytest

from ..conftest import TODAY, Invoke

ROUTINE = ("--moves", "split-squat,lateral-lunge")


def _today(invoke: Invoke, *args: str) -> dict[str, object]:
    result = invoke("today", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_today_is_a_session_day_from_the_settings_and_says_so(invoke: Invoke) -> None:
    result = invoke("today")  # TODAY is a Monday: the default week trains on it
    assert result.exit_code == 0
    assert "Today · Monday 2026-11-23" in result.stdout and "Session (to do)" in result.stdout
    assert "no saved programme" in result.stderr and result.stderr.count("\n") == 1
    assert "keep 2-3 reps in reserve" in result.stdout  # the guidance line
    assert "above 3/10 holds a move" in result.stdout


def test_a_rest_day_names_the_next_session(invoke: Invoke) -> None:
    data = _today(invoke, "--date", "tue")
    assert data["date"] == "2026-11-24" and data["session"] is None
    assert data["next"]["date"] == "2026-11-25" and data["next"]["weekday"] == "Wednesday"  # type: ignore[index]
    view = invoke("today", "--date", "tomorrow").stdout
    assert "Rest day" in view and "Next: Wednesday 2026-11-25" in view


def test_the_prescription_comes_from_the_sets_logged_before_the_day(invoke: Invoke) -> None:
    for day in ("2026-11-16", "2026-11-20"):  # two sessions: past the two easy ones
        invoke("log", "split-squat", "--reps", "12,12", "--load", "10kg", "--date", day)
    data = _today(invoke, *ROUTINE)
    split = data["session"]["exercises"][0]  # type: ignore[index]
    assert (split["slug"], split["target_reps"], split["suggested_load"]) == (
        "split-squat",
        6,
        "11kg",
    )
    assert data["done"] is False and data["logged"] == []


def test_a_part_done_session_shows_what_is_left_and_a_done_one_says_so(invoke: Invoke) -> None:
    invoke("log", "split-squat", "--reps", "8,8")
    data = _today(invoke, *ROUTINE)
    assert data["left"] == [
        {"slug": "lateral-lunge", "name": "Lateral Lunge", "done": 0, "sets": 2}
    ]
    view = invoke("today", *ROUTINE).stdout
    assert "Session (part done)" in view and "Left: Lateral Lunge: 2 of 2 sets" in view
    # Sets logged on the day do not change the day's own numbers, only the next session's.
    # nothing logged before today: the first easy session, at the middle of the range
    assert data["session"]["exercises"][0]["target_reps"] == 9  # type: ignore[index]
    invoke("log", "lateral-lunge", "--reps", "9,9")
    done = _today(invoke, *ROUTINE)
    assert done["done"] is True and "Session (done)" in invoke("today", *ROUTINE).stdout
    following = done["next"]["exercises"]  # type: ignore[index]
    assert following[0]["target_reps"] == 9  # the second easy session: the middle again


def test_today_follows_the_saved_programme(invoke: Invoke) -> None:
    invoke("plan", *ROUTINE, "--on", "tue,thu,sat", "--level", "easier", "--save")
    result = invoke("today", "--date", "tue", "--json")
    assert "no saved programme" not in result.stderr
    data = json.loads(result.stdout)
    assert data["date"] == "2026-11-24"
    names = [e["variant"] for e in data["session"]["exercises"]]
    assert names == ["Supported Bodyweight Split Squat", "Shallow Lateral Lunge"]
    assert _today(invoke)["session"] is None  # Monday is a rest day in that programme


@pytest.mark.slow
def test_today_shows_the_days_run(invoke: Invoke) -> None:
    data = _today(invoke, "--hard", "mon", "--long-run", "sat")
    assert data["run"] == "hard"
    assert "after your hard run" in invoke("today", "--hard", "mon").stdout


@pytest.mark.parametrize(("word", "day"), [("wed", "2026-11-25"), ("mon", TODAY.isoformat())])
def test_today_date_looks_ahead_to_the_next_such_day(invoke: Invoke, word: str, day: str) -> None:
    assert _today(invoke, "--date", word)["date"] == day
