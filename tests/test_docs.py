"""The README documents every command and option, and keeps the two set-up commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from glutemed.cli.app import app

from .conftest import Invoke

README = (Path(__file__).parents[1] / "README.md").read_text()
COMMAND = typer.main.get_command(app)


def _commands() -> list[str]:
    return sorted(COMMAND.commands)  # type: ignore[attr-defined]


def test_readme_keeps_the_two_setup_commands() -> None:
    assert "pip install . && glutemed plan --days 3" in README
    assert "pip install -e '.[test]' && pytest" in README


def test_the_readmes_sheet_lines_are_the_real_sheets(invoke: Invoke) -> None:
    sheet = invoke("plan", "--days", "3", "--format", "markdown").stdout.splitlines()
    heading = (
        "**Lateral Step-Up to Balance** (`lateral-step-up-to-balance`)"
        " · 2 x 6-12 reps each side, aim for 9+ · pain __/10"
    )
    for line in (heading, "- [ ] Set 1: did __ reps @ __"):
        assert f"`{line}`" in README or f"`` {line} ``" in README
        assert line in sheet


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_a_readme_section(name: str) -> None:
    assert f"### `glutemed {name}" in README


@pytest.mark.parametrize(
    ("name", "option"),
    [
        (name, option)
        for name in _commands()
        for param in COMMAND.commands[name].params  # type: ignore[attr-defined]
        for option in param.opts
        if option.startswith("--") and option != "--help"
    ],
)
def test_every_option_is_in_the_readme(name: str, option: str) -> None:
    assert re.search(rf"`{re.escape(option)}\b", README), f"{name} {option}"


def _reference() -> object:
    import runpy

    return runpy.run_path(str(Path(__file__).parents[1] / "docs" / "reference.py"))


def test_readme_reference_is_the_help_word_for_word() -> None:
    module = _reference()
    wanted = module["reference"]()  # type: ignore[index]
    assert module["current"](README) == wanted, "run: python docs/reference.py"  # type: ignore[index]


def _params() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = [("glutemed", p) for p in COMMAND.params]
    for name in _commands():
        found += [(name, p) for p in COMMAND.commands[name].params]  # type: ignore[attr-defined]
    return found


@pytest.mark.parametrize(
    ("name", "param"),
    _params(),
    ids=[f"{n} {p.name}" for n, p in _params()],  # type: ignore[attr-defined]
)
def test_every_option_and_argument_has_help_that_reads_well(name: str, param: object) -> None:
    text = getattr(param, "help", None) or ""
    assert len(text) > 10, f"{name} {param}: no help"
    assert text[0].isupper() or text[0] in "0123456789-'", text


@pytest.mark.parametrize("name", _commands())
def test_every_command_help_is_whole_and_plain(name: str) -> None:
    help_text = _reference()["help_text"]  # type: ignore[index]
    text = help_text(name)
    assert f"Usage: glutemed {name} [OPTIONS]" in text
    assert "{" not in text and "<str>" not in text and "<=x<=" not in text
    summary = COMMAND.commands[name].get_short_help_str(limit=60)  # type: ignore[attr-defined]
    assert not summary.endswith("..."), summary
    assert all(len(line) <= 80 for line in text.splitlines())
