"""glutemed plan from the command line: the view, JSON and every refusal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import Invoke, move


def test_plan_prints_a_week_a_runner_can_follow(invoke: Invoke) -> None:
    result = invoke("plan", "--days", "3", "--moves", "1,3,banded-squat")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("Week 1 · Monday", "Week 1 · Wednesday", "Week 1 · Friday", "min", "each side"):
        assert text in out
    assert "Equipment: dumbbells, band, box" in out
    assert "when to see a clinician: glutemed plan --explain" in " ".join(out.split())
    assert "\x1b[" not in out  # plain text when piped
    assert result.stderr == ""
    explained = invoke("plan", "--days", "3", "--moves", "1,3,banded-squat", "--explain").stdout
    assert "Equipment needed: dumbbells, band, box" in explained
    assert "not a diagnosis" in explained


@pytest.mark.parametrize(("weeks", "most"), [(1, 30), (12, 150)])
def test_a_plan_reads_in_one_look(invoke: Invoke, weeks: int, most: int) -> None:
    # The fullest plan: 3 sessions of 3 moves a week, stdout and stderr, at 80 columns.
    args = ("plan", "--days", "3", "--size", "3", "--weeks", str(weeks))
    result = invoke(*args, env={"COLUMNS": "80"})
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) <= most
    head = lines[: lines.index("")]
    assert len(head) <= 4 and head[-1].startswith("Equipment: ")
    last = max(i for i, line in enumerate(lines) if line.startswith("Week "))
    tail = [line for line in lines[last + 1 :] if not line.startswith("  ")]
    assert len(tail) <= 6
    # Sessions that repeat the week's prescription take a line each.
    assert any(line.endswith("· as Wednesday") for line in lines)
    # --explain adds the rules to the same output.
    explained = invoke(*args, "--explain", env={"COLUMNS": "80"}).stdout
    assert "Progression (glutemed's rule)" in explained and len(explained) > len(result.stdout)


def test_plan_json_shape(invoke: Invoke) -> None:
    data = json.loads(invoke("plan", "--days", "2", "--start", "2026-11-30", "--json").stdout)
    assert {k: data[k] for k in ("days", "weeks", "seed")} == {"days": 2, "weeks": 1, "seed": 0}
    assert data["available"] == ["dumbbells", "band", "box", "mat"]
    assert set(data["equipment"]) <= {"dumbbells", "band", "box"}
    first = data["sessions"][0]
    assert (first["week"], first["weekday"], first["date"]) == (1, "Monday", "2026-11-30")
    assert isinstance(first["minutes"], int)
    exercise = first["exercises"][0]
    assert set(exercise) >= {"slug", "name", "sets", "reps", "per_side", "equipment"}
    assert set(exercise["reps"]) == {"min", "max"}


def test_same_inputs_same_bytes_and_seeds_vary(invoke: Invoke) -> None:
    one = invoke("plan", "--json", "--seed", "3").stdout
    assert one == invoke("plan", "--json", "--seed", "3").stdout
    assert (
        one != invoke("plan", "--json", "--seed", "4").stdout
        or one != invoke("plan", "--json").stdout
    )


def test_on_picks_days_and_warns_when_close(invoke: Invoke) -> None:
    result = invoke("plan", "--on", "tue,wed", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [s["weekday"] for s in data["sessions"]] == ["Tuesday", "Wednesday"]
    assert data["days"] == 2
    assert "Tuesday and Wednesday are less than 48 hours apart" in result.stderr


def test_on_repeatable_and_full_names(invoke: Invoke) -> None:
    data = json.loads(invoke("plan", "--on", "Monday", "--on", "thursday", "--json").stdout)
    assert [s["weekday"] for s in data["sessions"]] == ["Monday", "Thursday"]


def test_equipment_limits_the_moves(invoke: Invoke) -> None:
    data = json.loads(invoke("plan", "-e", "dumbbells", "--json").stdout)
    planned = [e for s in data["sessions"] for e in s["exercises"]]
    assert all(set(e["equipment"]) <= {"dumbbells"} for e in planned)
    forms = {e["slug"]: e["variant"] for e in planned}
    for slug in ("staggered-stance-romanian-deadlift", "split-squat", "lateral-lunge"):
        assert forms.get(slug) is None  # the source's form fits: it is the one planned
    assert data["available"] == ["dumbbells"]


def test_equipment_none_is_bodyweight_only(invoke: Invoke) -> None:
    result = invoke("plan", "--equipment", "none", "--json")
    assert result.exit_code == 0
    planned = [e for s in json.loads(result.stdout)["sessions"] for e in s["exercises"]]
    assert planned and all(e["equipment"] == [] for e in planned)


def test_weeks_and_sets(invoke: Invoke) -> None:
    data = json.loads(invoke("plan", "--weeks", "4", "--sets", "3", "--json").stdout)
    assert len(data["sessions"]) == 12
    sets = {s["week"]: {e["sets"] for e in s["exercises"]} for s in data["sessions"]}
    assert sets == {1: {3}, 2: {3}, 3: {3}, 4: {2}}  # week 4 is the lighter week


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--days", "4"], "48 hours"),
        (["--days", "0"], "48 hours"),
        (["--days", "three"], "--days takes 1 to 3 sessions a week"),
        (["--on", "mon,tue,wed,thu"], "48 hours"),
        (["--on", "mon,mon"], "--on names Monday twice"),
        (["--on", "funday"], "'funday' is not a weekday"),
        (["--on", "mon,wed", "--days", "3"], "--days 3 disagrees with --on"),
        (
            ["--equipment", "kettlebell"],
            "--equipment takes dumbbells, band, box, mat (comma-separated), or none",
        ),
        (["--equipment", ""], "an empty name is not equipment"),
        (["--sets", "5"], "--sets takes 2 to 4 sets (the source's range), not 5"),
        (["--sets", "1"], "--sets takes 2 to 4 sets (the source's range), not 1"),
        (["--weeks", "13"], "--weeks takes 1 to 12 weeks, not 13"),
        (["--start", "2026-02-30"], "'2026-02-30' is not a date"),
        (["--start", "tomorrow"], "is not a date"),
        (["--seed", "-1"], "--seed takes a whole number of 0 or more, not -1"),
        (["--seed", "9" * 40], "--seed takes a whole number of 0 or more"),
        (["--format", "docx"], "'docx' is not a format"),
        (["--json", "--format", "ics"], "--json and --format disagree"),
        (["--time", "07:00"], "--time applies only to iCalendar"),
        (["--time", "7h", "--format", "ics"], "'7h' is not a time"),
    ],
)
def test_refusals_exit_2_with_the_reason(invoke: Invoke, args: list[str], needle: str) -> None:
    result = invoke("plan", *args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert needle in " ".join(result.stderr.split())


def test_catalogue_with_one_move_cannot_plan_but_lists(
    invoke: Invoke, write_catalogue: Callable[[object], Path]
) -> None:
    path = write_catalogue({"exercises": [move("only-one", lateral=True)]})
    result = invoke("--catalogue", str(path), "plan")
    assert result.exit_code == 1
    assert "the catalogue has only 1 move; a session needs 2 different moves" in result.stderr
    assert invoke("--catalogue", str(path), "list").exit_code == 0
    assert invoke("--catalogue", str(path), "show", "only-one").exit_code == 0


def test_no_lateral_move_plans_with_a_warning(
    invoke: Invoke, write_catalogue: Callable[[object], Path]
) -> None:
    path = write_catalogue({"exercises": [move("a"), move("b")]})
    result = invoke("--catalogue", str(path), "plan", "--days", "2")
    assert result.exit_code == 0
    assert "nothing in this plan works the hip sideways" in result.stderr


@pytest.mark.parametrize("days", ["1", "2", "3"])
@pytest.mark.parametrize(
    "moves", ["split-squat,lateral-lunge", "Banded Squat,1,lateral-step-up-to-balance"]
)
def test_moves_are_a_routine_done_in_every_session(invoke: Invoke, days: str, moves: str) -> None:
    data = json.loads(invoke("plan", "--moves", moves, "--days", days, "--json").stdout)
    routines = {tuple(e["slug"] for e in s["exercises"]) for s in data["sessions"]}
    assert len(routines) == 1 and len(data["sessions"]) == int(days)
    (routine,) = routines
    assert len(routine) == len(moves.split(","))


@pytest.mark.parametrize(
    ("moves", "code", "says"),
    [
        ("split-squat", 2, "--moves takes 2 to 3 moves (the source's rule"),
        ("1,2,3,4", 2, "not 4"),
        ("split-squat,Split Squat", 2, "names a move twice"),
        ("split-squat,lateral-lung", 1, "did you mean 'lateral-lunge'"),
    ],
)
def test_bad_routines_are_refused(invoke: Invoke, moves: str, code: int, says: str) -> None:
    result = invoke("plan", "--moves", moves)
    assert result.exit_code == code and says in result.stderr


def test_a_routine_move_no_form_of_fits_names_what_it_needs(
    invoke: Invoke, write_catalogue: Callable[[object], Path]
) -> None:
    path = write_catalogue({"exercises": [move("a", equipment=["band"]), move("b")]})
    result = invoke("--catalogue", str(path), "plan", "--moves", "a,b", "--equipment", "none")
    assert result.exit_code == 1
    assert "a has no form your equipment (none) allows; its forms need band" in result.stderr


@pytest.mark.parametrize(("days", "size"), [("1", 3), ("2", 3), ("3", 2)])
def test_glutemed_picks_a_routine_and_says_why(invoke: Invoke, days: str, size: int) -> None:
    data = json.loads(invoke("plan", "--days", days, "--json").stdout)
    assert len(data["routine"]) == size
    assert all([e["slug"] for e in s["exercises"]] == data["routine"] for s in data["sessions"])
    assert "glutemed's choice" in data["routine_reason"]
    assert "glutemed's rule: a lateral move in every session" in data["routine_reason"]
    assert "Routine:" in invoke("plan", "--days", days).stdout


def test_size_sets_the_routine_and_must_agree_with_moves(invoke: Invoke) -> None:
    data = json.loads(invoke("plan", "--days", "3", "--size", "3", "--json").stdout)
    assert len(data["routine"]) == 3
    result = invoke("plan", "--size", "3", "--moves", "1,2")
    assert result.exit_code == 2 and "--size disagrees with --moves" in result.stderr


def test_seeds_vary_the_routine(invoke: Invoke) -> None:
    routines = {
        tuple(json.loads(invoke("plan", "--seed", str(seed), "--json").stdout)["routine"])
        for seed in range(8)
    }
    assert len(routines) >= 2


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--equipment", "dumbells"], "did you mean 'dumbbells'?"),
        (["--long-run", "satday"], "did you mean 'saturday'?"),
        (["--on", "mon,wendesday"], "did you mean 'wednesday'?"),
        (["--race-distance", "marthon", "--race", "2027-01-10"], "did you mean 'marathon'?"),
        (["--long-run", "sat", "--hard", "tue,sat"], "the long run or a hard run, not both"),
    ],
)
def test_a_near_miss_or_a_clash_is_refused_with_a_suggestion(
    invoke: Invoke, args: list[str], says: str
) -> None:
    result = invoke("plan", *args)
    assert result.exit_code == 2 and says in result.stderr
    assert result.stderr.count("\n") == 1
