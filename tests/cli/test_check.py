"""glutemed check: the mirror test, by prompts and by options."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from glutemed.cli.commands.check import plan_command
from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.core.about import CAUTION
from glutemed.core.selfcheck import read_check
from glutemed.errors import FieldError

from ..conftest import Invoke

LATERAL = ["lateral-step-up-to-balance", "lateral-lunge", "banded-squat"]

# (left, right, gait flags) -> (weak sides, days, favour, words in the readings)
TABLE = [
    ("over-foot", "over-foot", [], [], 2, [], "not proof of strength"),
    ("midline", "over-foot", [], ["left"], 3, LATERAL, "toward the midline"),
    ("over-foot", "midline", [], ["right"], 3, LATERAL, "gluteus medius on this side is weak"),
    ("midline", "midline", [], ["left", "right"], 3, LATERAL, "toward the midline"),
    (
        "in-front",
        "in-front",
        [],
        [],
        3,
        ["banded-squat", "staggered-stance-romanian-deadlift"],
        "quads",
    ),
    ("over-foot", "over-foot", ["--hip-drop"], [], 3, LATERAL, "not proof of strength"),
    (
        "over-foot",
        "over-foot",
        ["--trunk-lean", "--knee-collapse"],
        [],
        3,
        LATERAL,
        "over the foot",
    ),
    ("in-front", "midline", [], ["right"], 3, LATERAL, "in front of the toes"),
]


@pytest.mark.parametrize(("left", "right", "flags", "weak", "days", "favour", "words"), TABLE)
def test_answers_give_the_sources_reading(
    invoke: Invoke,
    left: str,
    right: str,
    flags: list[str],
    weak: list[str],
    days: int,
    favour: list[str],
    words: str,
) -> None:
    result = invoke("check", "--left", left, "--right", right, *flags, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["left"]["knee"] == left and data["right"]["knee"] == right
    assert words in data["left"]["reading"] + data["right"]["reading"]
    assert data["possible_weak_sides"] == weak
    assert data["recommendation"]["days"] == days
    assert data["recommendation"]["favour"] == favour
    moves = f" --moves {','.join(favour)}" if favour else ""
    side = f" --weak-side {weak[0]}" if len(weak) == 1 else ""
    assert data["recommendation"]["command"] == f"glutemed plan --days {days}{moves}{side}"
    assert data["caution"] == CAUTION
    assert len(data["gait"]) == len(flags)
    if left != right:
        assert any("differ" in note for note in data["notes"])


def test_view_puts_the_plan_command_on_its_own_line(invoke: Invoke) -> None:
    out = invoke("check", "--left", "midline", "--right", "over-foot", env={"COLUMNS": "60"}).stdout
    command = (
        "glutemed plan --days 3 --moves lateral-step-up-to-balance,lateral-lunge,banded-squat"
        " --weak-side left"
    )
    assert command in out.splitlines()  # whole, even on a narrow terminal: it is to be copied
    assert "not a diagnosis" in out and "clinician" in out


def test_interactive_prompts_walk_through_the_test(invoke: Invoke) -> None:
    # left: 2 (midline), right: 3 (past the toes), the three gait questions, then pain
    result = invoke("check", "--interactive", input="2\n3\ny\nn\nn\nn\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("not a diagnosis") < out.index("Standing on your left leg")
    assert "Face a full-length mirror" in out
    assert "2 to 3 slow reps" in out
    assert "Left knee (midline)" in out and "Right knee (in-front)" in out
    assert "hip drop" in out
    assert any(line.startswith("glutemed plan --days 3 --moves ") for line in out.splitlines())


def test_interactive_reasks_after_a_bad_answer(invoke: Invoke) -> None:
    result = invoke("check", "--interactive", input="7\n1\n1\nn\nn\nn\nn\n")
    assert result.exit_code == 0
    assert "Please select one of the available options" in result.stdout
    assert "Left knee (over-foot)" in result.stdout


@pytest.mark.parametrize(
    ("args", "needle", "code"),
    [
        (
            ["--left", "wobbly", "--right", "midline"],
            "--left takes over-foot, midline or in-front; 'wobbly' is not a knee answer",
            2,
        ),
        (["--left", "midline"], "give both --left and --right", 2),
        ([], "no answers given and no terminal", 2),
    ],
)
def test_refusals(invoke: Invoke, args: list[str], needle: str, code: int) -> None:
    result = invoke("check", *args)
    assert result.exit_code == code
    assert needle in " ".join(result.stderr.split())
    assert result.stdout == ""


def test_save_and_history(invoke: Invoke, home: Path) -> None:
    assert json.loads(invoke("check", "--history", "--json").stdout) == []
    first = invoke("check", "--left", "midline", "--right", "over-foot", "--save")
    assert "saved as check 1" in first.stderr
    invoke("check", "--left", "over-foot", "--right", "over-foot", "--save")
    rows = json.loads(invoke("check", "--history", "--json").stdout)
    assert [(r["left"], r["right"], r["possible_weak_sides"]) for r in rows] == [
        ("midline", "over-foot", ["left"]),
        ("over-foot", "over-foot", []),
    ]
    table = invoke("check", "--history").stdout
    assert "midline" in table and "over-foot" in table
    assert (home / "glutemed.sqlite3").is_file()


def test_save_refuses_a_file_that_is_not_ours(invoke: Invoke, home: Path) -> None:
    other = home / "glutemed.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE photos (id INTEGER)")
    before = other.read_bytes()
    result = invoke("check", "--left", "midline", "--right", "midline", "--save")
    assert result.exit_code == 1
    assert "is not a glutemed log" in result.stderr
    assert other.read_bytes() == before


def test_reading_is_pure_and_refuses_unknown_answers() -> None:
    catalogue = load_catalogue()
    assert read_check(catalogue, "midline", "midline", plan_command=plan_command) == read_check(
        catalogue, "midline", "midline", plan_command=plan_command
    )
    with pytest.raises(FieldError, match="left takes over-foot, midline, in-front"):
        read_check(catalogue, "sideways", "midline", plan_command=plan_command)


@pytest.mark.parametrize(("left", "right"), [("midline", "over-foot"), ("in-front", "in-front")])
def test_the_recommended_command_runs_and_plans_those_moves(
    invoke: Invoke, left: str, right: str
) -> None:
    check = json.loads(invoke("check", "--left", left, "--right", right, "--json").stdout)
    command = check["recommendation"]["command"].split()
    assert command[:2] == ["glutemed", "plan"]
    plan = invoke(*command[1:], "--json")
    assert plan.exit_code == 0, plan.stderr
    sessions = json.loads(plan.stdout)["sessions"]
    for session in sessions:
        assert [e["slug"] for e in session["exercises"]] == check["recommendation"]["favour"]


def test_the_recommendation_keeps_to_the_configured_equipment(
    invoke: Invoke, config_file: Path
) -> None:
    config_file.write_text('equipment = ["dumbbells"]\n')
    check = json.loads(invoke("check", "--left", "midline", "--right", "midline", "--json").stdout)
    plan = invoke(*check["recommendation"]["command"].split()[1:], "--json")
    assert plan.exit_code == 0, plan.stderr
    planned = [e for s in json.loads(plan.stdout)["sessions"] for e in s["exercises"]]
    assert all(set(e["equipment"]) <= {"dumbbells"} for e in planned)


def test_the_old_name_of_the_forward_knee_is_still_taken(invoke: Invoke) -> None:
    result = invoke("check", "--left", "past-toes", "--right", "over-foot", "--json", "--save")
    assert json.loads(result.stdout)["left"]["knee"] == "in-front"
    assert "in front of the toes" in json.loads(result.stdout)["left"]["reading"]


def test_readings_keep_the_sources_hedge() -> None:
    from glutemed.core.selfcheck import READINGS

    assert "may" in READINGS["midline"] and "may" in READINGS["in-front"]
    assert "in front of the toes" in READINGS["in-front"] and "past" not in READINGS["in-front"]
    assert "not proof of strength" in READINGS["over-foot"]
    assert not any("no sign of weakness" in text.lower() for text in READINGS.values())


def test_pain_or_a_hip_drop_recommends_an_assessment_first(invoke: Invoke) -> None:
    import json

    plain = json.loads(
        invoke("check", "--left", "midline", "--right", "over-foot", "--json").stdout
    )
    assert plain["assessment"] is False and plain["possible_weak_sides"] == ["left"]
    for extra in (["--pain"], ["--hip-drop"]):
        args = ["check", "--left", "over-foot", "--right", "over-foot", *extra, "--json"]
        data = json.loads(invoke(*args).stdout)
        assert data["assessment"] is True
        assert any("have it assessed by a clinician" in note for note in data["notes"])
    hedged = json.loads(
        invoke(
            "check", "--left", "over-foot", "--right", "over-foot", "--hip-drop", "--json"
        ).stdout
    )
    assert any("can be signs of a weak gluteus medius, and also" in n for n in hedged["notes"])
    asked = invoke("check", "--interactive", input="1\n1\nn\nn\nn\ny\n").stdout
    assert "pain in the hip or the back" in asked and "assessed by a clinician" in asked
