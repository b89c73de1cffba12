"""Reading a calendar event as a coach reads a plan (glutemed.core.reading)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from glutemed.core.reading import Limits, Reading, longest_of_week, read_event, sanity


def test_structure_comes_before_words() -> None:
    assert read_event("Standard warm-up. 16 miles. ITB.").why == "long: 16 mi"
    assert read_event("Steady 25 km").why == "long: 25 km"
    assert read_event("Sunday run 1:45").why == "long: 105 min"
    assert read_event("Trail", length=100).why == "long: 100 min"  # the event's own length
    assert read_event("Easy 40 min").why == "easy: 40 min"
    # A long run stays long with marathon-pace miles in it; a short one is hard.
    assert read_event("18 mi w/ 10 @ MP").kind == "long"
    assert read_event("8 mi w/ 4 @ MP").why == "hard: mp"


def test_a_race_is_an_event_the_runner_races() -> None:
    assert read_event("Berlin Marathon").why == "race: marathon"
    assert read_event("Cairnsmore Hill Race").why == "race: hill race"
    for training in (
        "Run: Half Marathon Marathon Pace",
        "Dress rehearsal 6-7 mi w/ 2 mi @ marathon pace",
        "Marathon-pace run 15 mi w/ 8 mi @ marathon pace",
        "Half marathon plan: week 3",
    ):
        assert read_event(training).kind != "race", training
    banner = read_event("Week Race week, weekly mileage: 36 miles", days=7)
    assert (banner.kind, banner.why) == (None, "note: spans 7 days")


def test_other_sports_and_strength_are_not_runs_whatever_comes_first() -> None:
    assert read_event("Run: Core Stability or Functional").why == "not a run: strength (functional)"
    assert read_event("Swim 2000 m").why == "not a run: swim"
    assert read_event("Bike: 1h30 easy").why == "not a run: bike"
    gym = read_event("Gym: strength")
    assert (gym.kind, gym.strength) == (None, True)
    # A run's distance wins, and the day is marked as holding strength work.
    after = read_event("Standard warm-up. 5 miles. Strength Workout.")
    assert (after.kind, after.why, after.strength) == ("easy", "easy: 5 mi", True)


def test_strides_after_an_easy_run_leave_it_easy_and_reps_make_it_hard() -> None:
    assert read_event("Recovery + speed 5 mi w/ 6 x 100 m strides").why == "easy: 5 mi"
    assert read_event("Track: 6x800m").kind == "hard"
    assert read_event("5 x 1 km").why == "hard: 5x1km"
    assert read_event("Warm-up + 10x(run 30 sec + jog 1 min)").why == "hard: 10x reps"
    assert read_event("4 miles + 4 strides. 2x45'' core").kind == "easy"


def test_the_thresholds_are_settings() -> None:
    assert read_event("Steady 18 km").kind == "long"
    assert read_event("Steady 18 km", limits=Limits(km=20)).kind == "easy"
    assert read_event("Run 75 min", limits=Limits(minutes=70)).kind == "long"


@given(
    st.sampled_from(["5k", "10k", "half marathon", "marathon", "race"]),
    st.sampled_from(["pace", "@ race pace", "plan", "dress rehearsal", "week 4"]),
    st.integers(min_value=3, max_value=22),
)
def test_training_words_never_make_a_race(race: str, training: str, miles: int) -> None:
    assert read_event(f"{miles} mi {race} {training}").kind != "race"


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=2, max_value=10))
def test_strides_never_make_an_easy_run_hard(miles: int, strides: int) -> None:
    reading = read_event(f"Easy {miles} mi w/ {strides}x100 m strides")
    assert (reading.kind, reading.why) == ("easy", f"easy: {miles} mi")


def _week(*minutes: float) -> list[tuple[date, Reading]]:
    monday = date(2026, 11, 2)
    return [
        (monday + timedelta(days=n), Reading("easy", f"easy: {m:g} min", minutes=m))
        for n, m in enumerate(minutes)
    ]


def test_the_weeks_longest_run_is_long_when_it_stands_out() -> None:
    read = longest_of_week(_week(25, 30, 60))
    assert [r.kind for _, r in read] == ["easy", "easy", "long"]
    assert read[-1][1].why == "long: the week's longest, 60 min"
    assert [r.kind for _, r in longest_of_week(_week(45, 45, 55))] == ["easy"] * 3
    assert [r.kind for _, r in longest_of_week(_week(60))] == ["easy"]  # one run: no week


def test_sanity_names_what_looks_wrong() -> None:
    monday = date(2026, 11, 2)
    races = [
        (monday + timedelta(days=7 * n), Reading("race", "race: named event")) for n in range(3)
    ]
    assert any("3 races in four weeks" in w for w in sanity(races, monday, monday + timedelta(60)))
    daily = [(monday + timedelta(days=n), Reading("long", "long: 10 mi")) for n in range(7)]
    assert any("long run on every day" in w for w in sanity(daily, monday, monday))
    gap = [(monday, Reading("easy", "e")), (monday + timedelta(days=14), Reading("easy", "e"))]
    said = sanity(gap, monday, monday + timedelta(days=20))
    assert said == [
        "no run in the week of 2026-11-09: if the calendar names its runs in other words, "
        "add them to [runs] in the config file"
    ]
    assert sanity(_week(30, 40, 50), monday, monday + timedelta(days=6)) == []
