"""A runner's week: sessions around the long run and hard runs, and a race taper."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import combinations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.core.plan import PlanOptions, jsonable
from glutemed.core.planner import make_plan
from glutemed.core.rules import WEEKDAYS
from glutemed.core.schedule import blocked_days, choose_weekdays, gaps

from ..conftest import TODAY, Invoke

BUILTIN = load_catalogue()
ALL_HARD = [tuple(c) for n in range(8) for c in combinations(range(7), n)]


def _layouts(long_run: int | None, hard: tuple[int, ...], count: int) -> list[tuple[int, ...]]:
    """Every layout of ``count`` days that keeps the rules (the brute-force oracle)."""
    free = [d for d in range(7) if d not in blocked_days(long_run, hard)]
    return [c for c in combinations(free, count) if count < 2 or min(gaps(c)) >= 2]


@pytest.mark.parametrize("days", [1, 2, 3])
@pytest.mark.parametrize("long_run", [None, *range(7)])
def test_rules_hold_for_every_combination_of_runs(days: int, long_run: int | None) -> None:
    for hard in ALL_HARD:
        chosen, warnings = choose_weekdays(days, long_run, hard)
        if long_run is not None:
            assert long_run not in chosen and (long_run - 1) % 7 not in chosen
        for day in hard:
            assert (day - 1) % 7 not in chosen
        if len(chosen) > 1:
            assert min(gaps(chosen)) >= 2
        # as many as fit, and a warning exactly when fewer than asked
        best_count = max((n for n in range(days, 0, -1) if _layouts(long_run, hard, n)), default=0)
        assert len(chosen) == best_count
        assert bool(warnings) == (best_count < days)
        # the day after the long run only when no layout of that many days spares it;
        # then the most sessions on hard days among the layouts that keep the rules
        if chosen:
            after = None if long_run is None else (long_run + 1) % 7
            layouts = _layouts(long_run, hard, len(chosen))
            spared = [c for c in layouts if after not in c]
            assert (after in chosen) == (not spared)
            pool = spared or layouts
            most = max(len(set(c) & set(hard)) for c in pool)
            assert len(set(chosen) & set(hard)) == most


def test_no_runs_gives_the_default_days() -> None:
    assert [choose_weekdays(n, None, ())[0] for n in (1, 2, 3)] == [(0,), (0, 3), (0, 2, 4)]


def test_saturday_long_run_and_tuesday_intervals_keep_friday_free(invoke: Invoke) -> None:
    result = invoke("plan", "--long-run", "sat", "--hard", "tue,thu", "--json")
    data = json.loads(result.stdout)
    weekdays = [s["weekday"] for s in data["sessions"]]
    assert "Friday" not in weekdays and "Saturday" not in weekdays
    assert weekdays == ["Tuesday", "Thursday", "Sunday"]
    assert [s["run"] for s in data["sessions"]] == ["hard", "hard", None]
    assert data["runs"] == {
        "long": "Saturday",
        "hard": ["Tuesday", "Thursday"],
        "race": None,
        "race_distance": None,
        "taper_days": None,
        "calendar": None,
    }
    assert any("keep hard days hard" in note for note in data["notes"])
    view = invoke("plan", "--long-run", "sat", "--hard", "tue", "--hard", "thu", "--explain").stdout
    assert "after your hard run" in view and "keep hard days hard" in view


def test_fewer_free_days_plan_what_fits_and_say_why(invoke: Invoke) -> None:
    result = invoke("plan", "--days", "3", "--long-run", "sun", "--hard", "tue,thu")
    assert result.exit_code == 0
    assert "only 2 of the 3 sessions you asked for fit" in result.stderr
    assert "Saturday: the day before your long run" in result.stderr
    assert "Monday: the day before your hard run on Tuesday" in result.stderr


def test_no_free_day_at_all_exits_1(invoke: Invoke) -> None:
    result = invoke("plan", "--hard", "mon,tue,wed,thu,fri,sat,sun")
    assert result.exit_code == 1
    assert "none of the 3 sessions" in result.stderr


def test_on_overrides_and_warns_about_collisions(invoke: Invoke) -> None:
    result = invoke("plan", "--on", "fri,sun", "--long-run", "sat", "--json")
    assert [s["weekday"] for s in json.loads(result.stdout)["sessions"]] == ["Friday", "Sunday"]
    assert "Friday is the day before your long run" in result.stderr


def test_runs_show_in_markdown_and_calendar(invoke: Invoke) -> None:
    args = ["plan", "--hard", "tue", "--start", "2026-11-30"]
    markdown = invoke(*args, "--format", "markdown").stdout
    assert "### Tuesday · 2026-12-01 · after your hard run" in markdown
    ics = invoke(*args, "--format", "ics").stdout
    assert "(after your hard run)" in ics.replace("\r\n ", "")


def _race_checks(plan_sessions: list[dict[str, object]], race: date) -> None:
    dates = [date.fromisoformat(str(s["date"])) for s in plan_sessions]
    assert all(d < race for d in dates), "nothing on or after race day"
    assert not [d for d in dates if race - timedelta(days=4) <= d < race], "rest 4 days"
    week = [s for s, d in zip(plan_sessions, dates, strict=True) if race - timedelta(days=7) <= d]
    assert len(week) == 1, "exactly one session in the last 7 days"
    (short,) = week
    assert (
        race - timedelta(days=7)
        <= date.fromisoformat(str(short["date"]))
        <= race - timedelta(days=5)
    )
    exercises = short["exercises"]
    assert isinstance(exercises, list) and len(exercises) == 2
    assert {e["sets"] for e in exercises} == {2}


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(date(2026, 1, 1), date(2027, 1, 1)),
    ahead=st.integers(8, 84),
    days=st.integers(1, 3),
    long_run=st.none() | st.integers(0, 6),
    hard=st.lists(st.integers(0, 6), max_size=2, unique=True).map(lambda h: tuple(sorted(h))),
)
def test_race_week_rules_hold(
    start: date, ahead: int, days: int, long_run: int | None, hard: tuple[int, ...]
) -> None:
    assume(long_run not in hard)  # a day is the long run or a hard run (refused otherwise)
    race = start + timedelta(days=ahead)
    options = PlanOptions(
        days=days,
        start=start,
        long_run=long_run,
        hard=hard,
        race=race,
    )
    try:
        plan = make_plan(BUILTIN, options)
    except Exception as err:  # only the "no free day" refusal is allowed
        assert "none of the" in str(err)
        return
    sessions = [jsonable(s) for s in plan.sessions]
    _race_checks(sessions, race)
    assert any(note.startswith(f"Race on {race.isoformat()}") for note in plan.notes)


def test_race_from_the_command_line(invoke: Invoke) -> None:
    result = invoke("plan", "--race", "2027-01-17", "--start", "2026-11-30", "--json")
    data = json.loads(result.stdout)
    assert data["weeks"] == 7
    assert data["runs"]["race"] == "2027-01-17"
    _race_checks(data["sessions"], date(2027, 1, 17))
    assert "no strength work from 2027-01-13 on" in " ".join(data["notes"])


def test_race_without_start_counts_back_and_says_so(invoke: Invoke) -> None:
    near = (TODAY + timedelta(days=60)).isoformat()
    data = json.loads(invoke("plan", "--race", near, "--json").stdout)
    assert data["start"] == TODAY.isoformat()  # 12 weeks back is past: today
    assert any("fewer than 12 weeks away" in note for note in data["notes"])
    far = json.loads(invoke("plan", "--race", "2027-07-18", "--weeks", "8", "--json").stdout)
    assert far["start"] == "2027-05-24" and far["weeks"] == 8


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--race", "2026-11-01", "--start", "2026-11-30"], "--race must be after the plan starts"),
        (["--race", "someday"], "'someday' is not a date"),
        (["--long-run", "funday"], "'funday' is not a weekday"),
        (["--hard", "tue,tue"], "names Tuesday twice"),
    ],
)
def test_run_refusals_exit_2(invoke: Invoke, args: list[str], needle: str) -> None:
    result = invoke("plan", *args)
    assert result.exit_code == 2
    assert needle in " ".join(result.stderr.split())


def test_weekday_names_cover_the_week() -> None:
    assert len(set(WEEKDAYS)) == 7
