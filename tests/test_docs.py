"""The README documents every command and option, and keeps the two set-up commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from glutemed.cli import app

README = (Path(__file__).parents[1] / "README.md").read_text()
COMMAND = typer.main.get_command(app)


def _commands() -> list[str]:
    return sorted(COMMAND.commands)  # type: ignore[attr-defined]


def test_readme_keeps_the_two_setup_commands() -> None:
    assert "pip install . && glutemed plan --days 3" in README
    assert "pip install -e '.[test]' && pytest" in README


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
