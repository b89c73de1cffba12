"""Real calendars nobody here wrote (tests/calendars/real, ORIGIN.md says where each
came from), read as a coach labelled them by hand (labels.csv)."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from glutemed.formats.ics_in import RunEvent, events

from ..conftest import Invoke

REAL = Path(__file__).parents[1] / "calendars" / "real"
LABELS: dict[str, list[dict[str, str]]] = defaultdict(list)
with (REAL / "labels.csv").open(encoding="utf-8", newline="") as rows:
    for row in csv.DictReader(rows):
        LABELS[row["calendar"]].append(row)
RUNS = ("easy", "long", "hard")


def _window(name: str) -> tuple[date, date]:
    first = min(date.fromisoformat(row["date"]) for row in LABELS[name])
    first -= timedelta(days=first.weekday())
    return first, first + timedelta(weeks=12, days=-1)


def _read(name: str) -> list[tuple[dict[str, str], RunEvent]]:
    first, last = _window(name)
    found = events((REAL / name).read_bytes(), first, last, warn=lambda line: None)
    by_event: dict[tuple[str, str], list[RunEvent]] = defaultdict(list)
    for event in found:
        by_event[event.date.isoformat(), " ".join(event.title.split())].append(event)
    return [
        (row, by_event[row["date"], " ".join(row["title"].split())].pop(0)) for row in LABELS[name]
    ]


def test_there_are_six_calendars_of_the_kinds_asked_for() -> None:
    assert len(LABELS) >= 6
    assert all((REAL / name).exists() for name in LABELS)
    assert all(name in (REAL / "ORIGIN.md").read_text() for name in LABELS)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_glutemed_reads_a_real_calendar_as_its_coach_labelled_it(name: str) -> None:
    pairs = _read(name)
    missed = [
        f"{row['date']} {row['title']!r}: labelled {row['kind']} ({row['why']}), read {event.why}"
        for row, event in pairs
        if (event.kind or "none") != row["kind"]
    ]
    assert len(missed) <= 0.05 * len(pairs), "\n".join(missed)
    # The mistakes that would cost a runner: a taper and a week's rest after a
    # workout, or a session the day before a long run.
    for row, event in pairs:
        assert not (row["kind"] in RUNS and event.kind == "race"), row
        assert not (row["kind"] == "long" and event.kind is None), row


def test_the_reasons_say_what_decided() -> None:
    said = {row["title"]: event.why for row, event in _read("pfitzinger-55-70-12wk.ics")}
    assert said["Medium-long run 14 mi"] == "long: 14 mi"
    assert said["Marathon-pace run 15 mi w/ 8 mi @ marathon pace"] == (
        "long: 15 mi, some at marathon pace"
    )
    assert said["General aerobic 8 mi"] == "easy: 8 mi"
    assert said["Lactate threshold 9 mi w/ 4 mi @ 15K to half marathon race pace"] == (
        "hard: lactate threshold"
    )
    assert said["Goal marathon"] == "race: marathon"
    assert said["Rest or cross-training"] == "not a run: cross-training"
    assert said["Week 11, weekly mileage: 55 miles"] == "note: spans 7 days"
    strength = {row["title"]: e for row, e in _read("strengthrunning-marathon-12wk.ics")}
    five = strength["Standard warm-up. 5 miles. Strength Workout."]
    assert (five.kind, five.why, five.strength) == ("easy", "easy: 5 mi", True)


def test_runs_shows_the_reason_and_json_carries_it(invoke: Invoke) -> None:
    source = str(REAL / "pfitzinger-55-70-12wk.ics")
    result = invoke("runs", "--runs-from", source, "--start", "2020-11-23", "--weeks", "1")
    assert "long: 15 mi, some at marathon pace" in result.stdout
    assert "not a run: cross-training" in result.stdout
    data = json.loads(
        invoke(
            "runs", "--runs-from", source, "--start", "2020-11-23", "--weeks", "1", "--json"
        ).stdout
    )
    whys = {event["title"]: event["why"] for event in data["weeks"][0]["events"]}
    assert whys["Medium-long run 11 mi"] == "long: 11 mi"


def test_a_race_list_warns_that_it_holds_many_races(invoke: Invoke) -> None:
    source = str(REAL / "bofra-fell-races-2024.ics")
    result = invoke("runs", "--runs-from", source, "--start", "2024-04-29", "--weeks", "6")
    assert result.exit_code == 0
    assert "races in four weeks from 2024-05-02" in result.stderr
    assert "--race" in result.stderr and "{race}" not in result.stderr


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("pfitzinger-55-70-12wk.ics", "2020-11-23"),
        ("strengthrunning-marathon-12wk.ics", "2023-07-17"),
    ],
)
def test_a_plan_on_a_real_calendar_trains_every_week_off_its_long_runs_and_races(
    invoke: Invoke, name: str, start: str
) -> None:
    source = str(REAL / name)
    result = invoke("plan", "--runs-from", source, "--start", start, "--weeks", "10", "--json")
    assert result.exit_code == 0, result.output
    sessions = [date.fromisoformat(s["date"]) for s in json.loads(result.stdout)["sessions"]]
    labels = {date.fromisoformat(r["date"]): r["kind"] for r in LABELS[name] if r["kind"] != "none"}
    weeks = {day - timedelta(days=day.weekday()) for day in sessions}
    assert len(weeks) == 10  # a session every week
    for day in sessions:
        assert labels.get(day) not in ("long", "race"), day
        assert labels.get(day + timedelta(days=1)) != "long", day


def test_the_plan_prefers_the_calendars_strength_days_and_says_so(invoke: Invoke) -> None:
    # A week of two easy runs with strength work after them, a hard run and a long run.
    source = str(REAL / "strengthrunning-marathon-12wk.ics")
    args = ("plan", "--runs-from", source, "--start", "2023-07-17", "--weeks", "4")
    two = invoke(*args, "--days", "2", "--json")
    days = [date.fromisoformat(s["date"]) for s in json.loads(two.stdout)["sessions"]]
    strength = {
        date.fromisoformat(r["date"])
        for r in LABELS["strengthrunning-marathon-12wk.ics"]
        if "strength" in r["why"] or "core" in r["why"]
    }
    assert days and all(day in strength for day in days)
    text = invoke(*args, "--days", "2").stdout
    assert "on your calendar's strength days" in " ".join(text.split())
    # The header names the days the sessions fall on, not the default Monday and Thursday.
    assert "on Monday and Thursday" not in text.splitlines()[0]
