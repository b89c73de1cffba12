"""The saved programme, forms in the log, and the plan options that shape the routine."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.core.plan import PlanOptions
from glutemed.core.planner import make_plan
from glutemed.core.programme import Programme, record

from ..conftest import TODAY, Invoke

EASIER_SPLIT = "Supported Bodyweight Split Squat"


def _history(invoke: Invoke) -> list[dict[str, object]]:
    return json.loads(invoke("history", "--json").stdout)  # type: ignore[no-any-return]


def test_log_records_the_form_given_by_name_or_level(invoke: Invoke) -> None:
    by_level = invoke("log", "split-squat", "--form", "easier", "--reps", "12,12")
    assert by_level.exit_code == 0 and f"({EASIER_SPLIT})" in by_level.stdout
    invoke("log", "split-squat", "--form", "rear-foot-elevated split squat", "--reps", "8")
    invoke("log", "split-squat", "--form", "standard", "--reps", "9")
    unnamed = invoke("log", "split-squat", "--reps", "9")  # no programme: the standard form
    assert "no saved programme" in unnamed.stderr and "--form names another" in unnamed.stderr
    forms = [row["form"] for row in reversed(_history(invoke))]
    assert forms == [EASIER_SPLIT, EASIER_SPLIT, "Rear-Foot-Elevated Split Squat", None, None]


def test_an_unknown_form_exits_2_naming_the_forms(invoke: Invoke) -> None:
    result = invoke("log", "split-squat", "--form", "handstand", "--reps", "9")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "--form takes a form of split-squat" in result.stderr
    assert EASIER_SPLIT in result.stderr and _history(invoke) == []


def test_a_saved_programme_sets_the_form_log_records(invoke: Invoke) -> None:
    routine = ("--moves", "split-squat,lateral-lunge")
    saved = invoke("plan", *routine, "--level", "easier", "--start", "2026-11-02", "--save")
    assert saved.exit_code == 0 and "saved as your programme from 2026-11-02" in saved.stderr
    logged = invoke("log", "split-squat", "--reps", "10,10", "--date", "2026-11-04")
    assert f"({EASIER_SPLIT})" in logged.stdout
    # A later save replaces it from its own start on; days before keep the first.
    invoke("plan", *routine, "--start", "2026-11-16", "--save")
    invoke("log", "split-squat", "--reps", "10", "--date", "2026-11-10")
    invoke("log", "split-squat", "--reps", "10", "--date", "2026-11-20")
    forms = {(row["date"], row["form"]) for row in _history(invoke)}
    assert ("2026-11-10", EASIER_SPLIT) in forms and ("2026-11-20", None) in forms
    assert len(_history(invoke)) == 4  # logged sets stay


def test_the_saved_programme_rebuilds_the_same_plan() -> None:
    catalogue = load_catalogue()
    options = PlanOptions(today=TODAY, days=2, weeks=8, seed=3, weak_side="left", level="easier")
    plan = make_plan(catalogue, options)
    kept = record(options, plan)
    again = Programme(plan.start, kept["options"], kept["forms"]).plan_options(date(2027, 1, 5))
    assert make_plan(catalogue, again).sessions == plan.sessions


def test_a_log_at_the_top_of_a_bodyweight_form_moves_the_plan_to_the_next_form(
    invoke: Invoke,
) -> None:
    for day in ("2026-11-17", "2026-11-20"):  # two sessions: the form is known
        invoke("log", "split-squat", "--form", "easier", "--reps", "12,12", "--date", day)
    data = json.loads(
        invoke("plan", "--moves", "split-squat,lateral-lunge", "--level", "easier", "--json").stdout
    )
    first = data["sessions"][0]["exercises"][0]
    assert first["variant"] is None and first["target_reps"] == 6  # the source's Split Squat
    assert "move on to Split Squat" in first["advice"]


def test_a_ticked_sheet_logs_the_form_its_heading_names(invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--moves", "split-squat,lateral-lunge", "--level", "easier", "-o", str(sheet))
    text = sheet.read_text().replace("- [ ]", "- [x]", 1).replace("did __", "did 9", 1)
    sheet.write_text(text)
    assert invoke("log", "--sheet", str(sheet)).exit_code == 0
    assert [row["form"] for row in _history(invoke)] == [EASIER_SPLIT]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--moves", "split-squat,lateral-lunge", "--rotate"], "--rotate applies to a routine"),
        (["--moves", "split-squat,lateral-lunge", "--favour", "lateral"], "--favour applies"),
        (["--race-distance", "mile"], "--race-distance takes 5k, 10k, half, marathon or ultra"),
    ],
)
def test_options_that_cannot_apply_exit_2(invoke: Invoke, args: list[str], words: str) -> None:
    result = invoke("plan", *args)
    assert result.exit_code == 2 and words in result.stderr


def test_weak_side_and_race_distance_show_in_every_view(invoke: Invoke) -> None:
    args = ("--weak-side", "left", "--race", "2027-03-07", "--race-distance", "marathon")
    view = invoke("plan", *args).stdout
    assert "+ 1 on the left" in view and "14-day taper" in view
    data = json.loads(invoke("plan", *args, "--json").stdout)
    assert data["runs"]["taper_days"] == 14 and data["runs"]["race_distance"] == "marathon"
    regular = [e for s in data["sessions"] if s["kind"] == "regular" for e in s["exercises"]]
    assert {e["extra_set"] for e in regular if e["per_side"]} == {"left"}
    lighter = [e for s in data["sessions"] if s["kind"] == "lighter" for e in s["exercises"]]
    assert lighter and {e["extra_set"] for e in lighter} == {None}  # none in a lighter week
    taper = [e for s in data["sessions"] if s["kind"] == "taper" for e in s["exercises"]]
    assert taper and {e["extra_set"] for e in taper} == {None}
    sheet = invoke("plan", *args, "--format", "markdown").stdout
    assert "+ 1 on the left" in sheet and "None" not in sheet
