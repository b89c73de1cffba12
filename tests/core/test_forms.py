"""Easier and harder forms of each move (glutemed's additions), and plans that use
them: by --level, and where the equipment rules out the source's standard form."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.errors import CatalogueError

from ..conftest import Invoke, move


def _plan(invoke: Invoke, *args: str) -> dict[str, object]:
    result = invoke("plan", "--json", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _exercises(plan: dict[str, object]) -> list[dict[str, object]]:
    return [e for s in plan["sessions"] for e in s["exercises"]]  # type: ignore[attr-defined]


def test_every_move_has_an_easier_and_a_harder_form() -> None:
    for exercise in load_catalogue():
        levels = sorted(form.level for form in exercise.variants)
        assert levels == ["easier", "harder"], exercise.slug
        if "dumbbells" in exercise.equipment:
            assert any(form.needs == frozenset() for form in exercise.variants), exercise.slug
        for form in exercise.variants:
            assert form.steps and form.cues and form.name != exercise.name


@pytest.mark.parametrize("equipment", ["none", "mat"])
def test_a_runner_with_no_kit_gets_a_bodyweight_plan(invoke: Invoke, equipment: str) -> None:
    plan = _plan(invoke, "--equipment", equipment, "--days", "3")
    assert plan["equipment"] == []
    for session in plan["sessions"]:  # type: ignore[attr-defined]
        assert any(e["lateral"] for e in session["exercises"])
        assert all(set(e["equipment"]) <= {"mat"} for e in session["exercises"])
    forms = {e["slug"]: e["variant"] for e in _exercises(plan)}
    assert forms.get("lateral-lunge") is None  # the source's form needs no kit
    assert "split-squat" not in forms or forms["split-squat"] == "Supported Bodyweight Split Squat"
    assert "forms your equipment allows (glutemed's additions" in " ".join(plan["notes"])  # type: ignore[arg-type]


@pytest.mark.parametrize("level", ["easier", "harder"])
def test_level_picks_that_form_of_every_move_it_can(invoke: Invoke, level: str) -> None:
    plan = _plan(invoke, "--level", level, "--days", "2")
    catalogue = {m.slug: m for m in load_catalogue()}
    for exercise in _exercises(plan):
        variant = next(f for f in catalogue[str(exercise["slug"])].variants if f.level == level)
        assert exercise["variant"] == variant.name
        assert exercise["equipment"] == variant.equipment
    assert f"the {level} forms you asked for" in " ".join(plan["notes"])  # type: ignore[arg-type]


def test_standard_plans_use_the_sources_forms(invoke: Invoke) -> None:
    plan = _plan(invoke)
    assert {e["variant"] for e in _exercises(plan)} == {None}
    assert not any("other forms" in note for note in plan["notes"])  # type: ignore[attr-defined]


def test_harder_forms_fall_back_when_the_kit_is_missing(invoke: Invoke) -> None:
    plan = _plan(invoke, "--level", "harder", "--equipment", "band", "--days", "2")
    forms = {e["slug"]: e["variant"] for e in _exercises(plan)}
    assert forms.get("banded-squat", "Ankle-Banded Squat") == "Ankle-Banded Squat"
    assert forms.get("lateral-lunge") is None  # the goblet form needs dumbbells


def test_show_lists_the_forms_as_glutemeds(invoke: Invoke) -> None:
    shown = invoke("show", "split-squat")
    assert "Rear-Foot-Elevated Split Squat" in shown.stdout
    assert "glutemed's additions, not the source's" in shown.stdout
    data = json.loads(invoke("show", "split-squat", "--json").stdout)
    assert [(v["name"], v["level"]) for v in data["variants"]] == [
        ("Supported Bodyweight Split Squat", "easier"),
        ("Rear-Foot-Elevated Split Squat", "harder"),
    ]
    assert set(data["variants"][0]) == {
        "name",
        "level",
        "equipment",
        "steps",
        "cues",
        "figure",
        "fit",
    }


def test_the_sheet_and_calendar_name_the_form(invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--equipment", "none", "--start", "2026-11-16", "-o", str(sheet))
    text = sheet.read_text()
    assert (
        "### Supported Bodyweight Split Squat (`split-squat`)" in text or "split-squat" not in text
    )
    assert "glutemed's easier form of" in text
    calendar = invoke("plan", "--equipment", "none", "--format", "ics").stdout
    assert "Wall-Supported" in calendar or "Lateral Step to Balance" in calendar


def test_variants_are_optional_and_validated(write_catalogue: Callable[[object], Path]) -> None:
    plain = write_catalogue({"exercises": [move("a"), move("b")]})
    assert all(m.variants == [] for m in load_catalogue(plain))
    bad = write_catalogue(
        {"exercises": [move("a", variants=[{"name": "A lighter", "level": "easiest"}])]}
    )
    with pytest.raises(CatalogueError, match=r"field 'variants.level'"):
        load_catalogue(bad)
    twice = write_catalogue(
        {"exercises": [move("a", name="Same", variants=[{"name": "same", "level": "easier"}])]}
    )
    with pytest.raises(CatalogueError, match="two forms of this move have the same name"):
        load_catalogue(twice)


def test_no_bodyweight_form_still_refuses(
    invoke: Invoke, write_catalogue: Callable[[object], Path]
) -> None:
    path = write_catalogue(
        {"exercises": [move("a", equipment=["band"]), move("b", equipment=["box"])]}
    )
    result = invoke("--catalogue", str(path), "plan", "--equipment", "none")
    assert result.exit_code == 1 and "a session needs 2" in result.stderr


def test_loads_logged_for_the_sources_form_are_not_suggested_for_another(
    invoke: Invoke,
) -> None:
    for day in ("2026-11-02", "2026-11-04"):  # two sessions: past the two easy ones
        invoke("log", "split-squat", "--reps", "12,12", "--load", "10kg", "--date", day)
    routine = ("--moves", "split-squat,lateral-lunge")
    first = _plan(invoke, *routine)["sessions"][0]["exercises"]  # type: ignore[index]
    standard = {e["slug"]: e for e in first}
    assert standard["split-squat"]["suggested_load"] == "11kg"
    other = {e["slug"]: e for e in _exercises(_plan(invoke, *routine, "--level", "easier"))}
    assert other["split-squat"]["variant"] == "Supported Bodyweight Split Squat"
    assert other["split-squat"]["suggested_load"] is None


def test_a_level_for_one_move_wins_over_every_moves_whatever_the_order(invoke: Invoke) -> None:
    routine = ("--moves", "split-squat,lateral-lunge")
    for order in (
        ("--level", "easier", "--level", "split-squat=harder"),
        ("--level", "split squat=harder", "--level", "easier"),
    ):
        forms = {e["slug"]: e["variant"] for e in _exercises(_plan(invoke, *routine, *order))}
        assert forms == {
            "split-squat": "Rear-Foot-Elevated Split Squat",
            "lateral-lunge": "Shallow Lateral Lunge",
        }
    invoke("plan", *routine, "--level", "2=easier", "--save")
    saved = {e["slug"]: e["variant"] for e in _exercises(_plan(invoke))}
    assert saved == {"split-squat": "Supported Bodyweight Split Squat", "lateral-lunge": None}
    bad = invoke("plan", "--level", "split-squat=hardest")
    assert bad.exit_code == 2 and "--level takes easier, standard or harder" in bad.stderr
    assert invoke("plan", "--level", "easier", "--level", "harder").exit_code == 2
