"""list, show, --version and --catalogue, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import pytest

from ..conftest import Invoke, move


def test_version_comes_from_the_package_metadata(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"glutemed {version('glutemed')}\n"


def test_no_command_shows_help(invoke: Invoke) -> None:
    result = invoke()
    assert "Usage" in result.output
    for command in ("list", "show", "plan"):
        assert command in result.output


def test_catalogue_option_and_variable_load_a_user_catalogue(
    invoke: Invoke, write_catalogue: Callable[[object], Path]
) -> None:
    path = write_catalogue({"exercises": [move("hip-hike"), move("wall-press", lateral=True)]})
    by_option = json.loads(invoke("--catalogue", str(path), "list", "--json").stdout)
    by_env = json.loads(invoke("list", "--json", env={"GLUTEMED_CATALOGUE": str(path)}).stdout)
    assert (
        [m["slug"] for m in by_option] == ["hip-hike", "wall-press"] == [m["slug"] for m in by_env]
    )


def test_option_beats_the_variable(
    invoke: Invoke, write_catalogue: Callable[[object], Path]
) -> None:
    mine = write_catalogue({"exercises": [move("mine")]})
    other = write_catalogue({"exercises": [move("other")]})
    result = invoke(
        "--catalogue", str(mine), "show", "mine", env={"GLUTEMED_CATALOGUE": str(other)}
    )
    assert result.exit_code == 0


def test_broken_catalogue_is_one_line_and_exit_1(
    invoke: Invoke, write_catalogue: Callable[[object], Path]
) -> None:
    path = write_catalogue({"exercises": [move("a", reps={"min": 3})]})
    result = invoke("--catalogue", str(path), "list")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"glutemed: error: {path}: entry 1 ('a'): field 'reps.max': required but missing\n"
    )


def test_usage_errors_exit_2(invoke: Invoke) -> None:
    assert invoke("frobnicate").exit_code == 2
    assert invoke("list", "--nope").exit_code == 2
    assert invoke("show").exit_code == 2


@pytest.mark.slow
def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "glutemed", "show", "2", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["slug"] == "split-squat"
