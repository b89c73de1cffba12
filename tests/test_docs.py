"""The README is a runner's first read (short, the two set-up commands in its first
screen); docs/commands.md documents every command and option; docs/reference.md is
``--help`` word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from glutemed.cli.app import app

from .conftest import Invoke

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text()
COMMANDS = (ROOT / "docs" / "commands.md").read_text()
REFERENCE = (ROOT / "docs" / "reference.md").read_text()
COMMAND = typer.main.get_command(app)


def _commands() -> list[str]:
    return sorted(COMMAND.commands)  # type: ignore[attr-defined]


def test_readme_keeps_the_two_setup_commands_in_its_first_screen() -> None:
    first = "\n".join(README.splitlines()[:40])
    assert "pip install . && glutemed plan --days 3" in first
    assert "pip install -e '.[test]' && pytest" in first
    assert "gluteus" in first and "medius" in first  # and what glutemed is


def test_the_readme_is_short_with_contents_and_a_week() -> None:
    assert len(README.splitlines()) < 400
    assert "## Contents" in README and "## A week with glutemed" in README
    for link in re.findall(r"\]\(#([a-z0-9-]+)\)", README):
        headings = re.findall(r"^#+ (.+)$", README, flags=re.M)
        anchors = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in headings}
        assert link in anchors, link
    for target in re.findall(r"\]\((docs/[a-z-]+\.md)", README):
        assert (ROOT / target).exists(), target


def test_the_readmes_sheet_lines_are_the_real_sheets(invoke: Invoke) -> None:
    sheet = invoke("plan", "--days", "3", "--format", "markdown").stdout.splitlines()
    heading = (
        "**Lateral Step-Up to Balance** (`lateral-step-up-to-balance`)"
        " · 2 x 6-12 reps each side, aim for 9+ · pain __/10"
    )
    for line in (heading, "- [ ] Set 1: did __ reps @ __"):
        assert f"`{line}`" in COMMANDS or f"`` {line} ``" in COMMANDS
        assert line in sheet


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_a_section(name: str) -> None:
    assert f"## `glutemed {name}" in COMMANDS
    assert f"`glutemed {name}" in README  # and a line in the README's list


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
def test_every_option_is_documented(name: str, option: str) -> None:
    assert re.search(rf"`{re.escape(option)}\b", COMMANDS), f"{name} {option}"


def _reference() -> object:
    import runpy

    return runpy.run_path(str(Path(__file__).parents[1] / "docs" / "reference.py"))


def test_the_reference_is_the_help_word_for_word() -> None:
    module = _reference()
    wanted = module["reference"]()  # type: ignore[index]
    assert module["current"](REFERENCE) == wanted, "run: python docs/reference.py"  # type: ignore[index]


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


def test_the_readmes_week_runs_as_written(invoke: Invoke) -> None:
    week = README.split("## A week with glutemed", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^    \$ glutemed (.+)$", week, flags=re.M)
    assert len(commands) >= 5
    for line in commands:
        args = line.split()
        if "--sheet" in args:
            continue  # needs the filled-in sheet; tests/formats/test_sheet* read real ones
        result = invoke(*args)
        assert result.exit_code == 0, (line, result.output)
