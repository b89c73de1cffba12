"""The command line as a new user meets it: every usage error in glutemed's words,
times and shells as people write them, tidy views, plain ASCII, and no import cycle."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from datetime import datetime, time
from pathlib import Path

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from glutemed.cli.app import app
from glutemed.core import rules

from ..conftest import Invoke, move

COMMAND = typer.main.get_command(app)
#: A value each option refuses. A new option without an entry here fails the test below.
BAD = {
    "--catalogue": "",
    "--profile": "Alex Smith!",
    "--days": "three",
    "--on": "funday",
    "--equipment": "kettlebell",
    "--sets": "5",
    "--weeks": "0",
    "--start": "2026-02-30",
    "--seed": "-1",
    "--long-run": "someday",
    "--hard": "mon,mon",
    "--race": "soon",
    "--output": "",
    "--format": "docx",
    "--level": "hardest",
    "--rest": "601",
    "--runs-from": "",
    "--name": "",
    "--remind": "soon",
    "--race-distance": "mile",
    "--favour": "heavy",
    "--weak-side": "middle",
    "--side": "middle",
    "--pain": "11",
    "--morning": "-1",
    "--box-max": "70",
    "--load-step": "band:light",
    "--form": "Handstand Split Squat",
    "--moves": "split-squat",
    "--size": "4",
    "--time": "25:00",
    "--left": "wobbly",
    "--right": "sideways",
    "--reps": "ten",
    "--load": "heavyish",
    "--date": "yesterday-ish",
    "--note": "n" * 501,
    "--sheet": "",
    "--fit": "",
    "--to-watch": "",
    "--since": "last week",
    "--install-completion": "tcsh",
    "--show-completion": "tcsh",
}
FOREIGN_WORDS = ("Input should", "Value error", "unable to parse", "Traceback", "Invalid value")


def _value_options() -> list[tuple[list[str], str]]:
    found = [([], p.opts[0]) for p in COMMAND.params if not p.is_flag and p.name != "help"]  # type: ignore[attr-defined]
    for name, command in COMMAND.commands.items():  # type: ignore[attr-defined]
        found += [
            ([name], max(p.opts, key=len))
            for p in command.params
            if p.param_type_name == "option" and not p.is_flag
        ]
    return found


@pytest.mark.parametrize(("words", "option"), _value_options())
def test_every_bad_value_of_every_option_is_one_line_in_glutemeds_words(
    invoke: Invoke, words: list[str], option: str
) -> None:
    extra = ["split-squat", "--reps", "10"] if words == ["log"] and option != "--reps" else []
    extra = ["--format", "ics"] if option == "--time" and words == ["plan"] else extra
    result = invoke(*words, option, BAD[option], *extra)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(f"glutemed: error: {option} "), result.stderr
    assert result.stderr.count("\n") == 1
    assert not any(word in result.stderr for word in FOREIGN_WORDS), result.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["plan", "--sets"], "glutemed: error: --sets needs a value: sets of every move: 2 to 4"),
        (["show"], "glutemed: error: 'glutemed show' needs MOVE: a slug, a name, or a number"),
        (["show", "a", "b"], "glutemed: error: 'glutemed show' takes no more arguments; got 'b'"),
        (["plan", "--bogus"], "glutemed: error: 'glutemed plan' has no option --bogus"),
        (["frobnicate"], "glutemed: error: no command 'frobnicate'"),
        (["plan", "-o", ""], "glutemed: error: --output takes a file name; an empty name is not"),
        (["plan", "--race", "2026-01-02"], "glutemed: error: --race must be after the plan starts"),
        (["plan", "--on", "mon", "-d", "2"], "--days 2 disagrees with --on, which names 1 day"),
    ],
)
def test_parser_errors_read_like_the_rest_of_glutemed(
    invoke: Invoke, args: list[str], line: str
) -> None:
    if "--race" in args:
        args = [*args, "--start", "2026-03-02"]
    result = invoke(*args)
    assert result.exit_code == 2
    assert line in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:00", time(7, 0)),
        ("07:00", time(7, 0)),
        ("19:30", time(19, 30)),
        ("7:00am", time(7, 0)),
        ("7pm", time(19, 0)),
        ("12am", time(0, 0)),
        ("12:15 pm", time(12, 15)),
        ("7.30", time(7, 30)),
    ],
)
def test_times_as_people_write_them(text: str, expected: time) -> None:
    assert rules.parse_time(text) == expected


@pytest.mark.parametrize("text", ["7", "25:00", "7:60", "13pm", "0am", "", "noon", "7:5"])
def test_times_that_are_not_times(text: str) -> None:
    with pytest.raises(ValueError, match="is not a time"):
        rules.parse_time(text)


def test_a_seven_pm_calendar(invoke: Invoke) -> None:
    result = invoke("plan", "--format", "ics", "--time", "7pm", "--start", "2026-12-07")
    assert result.exit_code == 0, result.output
    from icalendar import Calendar

    events = Calendar.from_ical(result.stdout).walk("VEVENT")
    assert events[0].decoded("dtstart") == datetime(2026, 12, 7, 19, 0)


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_ranges_accept_exactly_their_numbers(number: int) -> None:
    for rule in (rules.DAYS, rules.SETS, rules.WEEKS):
        if rule.low <= number <= rule.high:
            assert rule.parse(str(number)) == number
        else:
            with pytest.raises(ValueError, match=f"takes {rule.low} to {rule.high}"):
                rule.parse(str(number))


@pytest.mark.parametrize(
    ("shell", "first"),
    [("bash", "_glutemed_completion() {"), ("zsh", "#compdef glutemed"), ("fish", "complete ")],
)
def test_show_completion_honours_the_shell_named(shell: str, first: str) -> None:
    result = CliRunner().invoke(
        app, ["--show-completion", shell], prog_name="glutemed", env={"SHELL": "/bin/bash"}
    )
    assert result.exit_code == 0
    assert result.stdout.startswith(first), result.stdout[:80]


def test_install_completion_writes_for_the_shell_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["--install-completion", "zsh"],
        prog_name="glutemed",
        env={"HOME": str(tmp_path), "SHELL": "/bin/bash"},
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".zshrc").exists() and not (tmp_path / ".bashrc").exists()


@pytest.mark.parametrize("width", ["60", "80", "120"])
def test_list_never_cuts_a_slug(invoke: Invoke, width: str) -> None:
    out = invoke("list", env={"COLUMNS": width}).stdout
    for slug in ("staggered-stance-romanian-deadlift", "lateral-step-up-to-balance"):
        assert slug in out
    assert "…" not in out
    assert all(len(line) <= int(width) for line in out.splitlines())


@pytest.mark.parametrize("width", ["60", "80", "120"])
@pytest.mark.parametrize(
    "command",
    [["plan", "--weeks", "2"], ["plan", "--weeks", "2", "--explain"], ["show", "1"], ["list"]],
)
def test_views_are_tidy_at_every_width(invoke: Invoke, width: str, command: list[str]) -> None:
    out = invoke(*command, env={"COLUMNS": width}).stdout
    lines = out.splitlines()
    assert all(len(line) <= int(width) for line in lines)
    assert all(line == line.rstrip() for line in lines), "trailing spaces when piped"
    if command[0] == "plan" and "--explain" not in command:
        assert any(line.startswith("Equipment: ") for line in lines)
    elif command[0] == "plan":
        assert any(line.startswith("Equipment needed: ") for line in lines)
        rules_lines = {len(line) for line in lines if set(line.strip()) == {"─"}}
        assert len(rules_lines) == 1, "session tables differ in width"


def test_wrapped_steps_hang_under_their_text(invoke: Invoke) -> None:
    lines = invoke("show", "1", env={"COLUMNS": "60"}).stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if "1. Stand with your feet" in line)
    indent = lines[first].index("Stand")
    assert lines[first + 1][:indent].strip("│ ") == ""
    assert lines[first + 1][indent] != " "


def test_long_run_and_hard_none_clear_the_config_file(invoke: Invoke, config_file: Path) -> None:
    config_file.write_text('long_run = "sat"\nhard = ["tue", "thu"]\n')
    kept = json.loads(invoke("plan", "--json").stdout)["runs"]
    assert kept["long"] == "Saturday" and kept["hard"] == ["Tuesday", "Thursday"]
    cleared = json.loads(invoke("plan", "--long-run", "none", "--hard", "none", "--json").stdout)
    assert cleared["runs"]["long"] is None and cleared["runs"]["hard"] == []
    settings = json.loads(invoke("config", "--long-run", "none", "--json").stdout)
    assert settings["long_run"] == {"value": None, "from": "option"}


def test_the_catalogue_option_works_after_the_command_too(
    invoke: Invoke, write_catalogue: object
) -> None:
    path = write_catalogue({"exercises": [move("hip-hike"), move("wall-press")]})  # type: ignore[operator]
    for args in (
        ["list", "--json", "--catalogue", str(path)],
        ["show", "hip-hike", "--catalogue", str(path)],
    ):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        assert "hip-hike" in result.stdout


def test_glutemed_home_that_is_a_file_gets_a_sentence(invoke: Invoke, tmp_path: Path) -> None:
    home = tmp_path / "home-file"
    home.write_text("")
    result = invoke("log", "split-squat", "--reps", "10", env={"GLUTEMED_HOME": str(home)})
    assert result.exit_code == 1
    assert f"{home} is a file, not a folder" in result.stderr and "Errno" not in result.stderr


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("days = 2\nsets = 3\ndays = 3\n", "line 3: key 'days' is set twice"),
        ('days = 2\nequipment = ["band"\n', "line 3:"),
    ],
)
def test_config_errors_name_the_key_and_the_line(
    invoke: Invoke, config_file: Path, text: str, needle: str
) -> None:
    config_file.write_text(text)
    result = invoke("plan")
    assert result.exit_code == 1
    assert needle in result.stderr
    assert "Cannot overwrite" not in result.stderr and "end of document" not in result.stderr


def test_one_is_singular(invoke: Invoke) -> None:
    assert "Logged 1 set of split-squat" in invoke("log", "split-squat", "--reps", "9").stdout
    assert "Removed 1 set\n" in invoke("undo", "--yes").stdout
    refused = invoke("plan", "--on", "mon", "--days", "2").stderr
    assert "names 1 day" in refused and "1 days" not in refused
    note = json.loads(invoke("plan", "--hard", "tue,thu", "--json").stdout)["notes"][0]
    assert note.startswith("Strength on Tuesday and Thursday comes after")


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args", [["plan"], ["list"], ["show", "1"], ["history"], ["plan", "--json"]]
)
def test_every_command_works_in_a_plain_terminal(
    home: Path, encoding: str, args: list[str]
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "GLUTEMED_HOME": str(home)}
    subprocess.run(
        [sys.executable, "-m", "glutemed", "log", "split-squat", "--reps", "9", "--note", "café"],
        env=env,
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [sys.executable, "-m", "glutemed", *args], env=env, capture_output=True, encoding=encoding
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip()


def test_no_import_cycle_in_src() -> None:
    """Top-level imports between glutemed's modules form no cycle."""
    root = Path(__file__).parents[2] / "src" / "glutemed"
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        name = ".".join(("glutemed", *path.relative_to(root).with_suffix("").parts))
        name = name.removesuffix(".__init__")
        graph[name] = set()
        for node in ast.parse(path.read_text()).body:
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("glutemed")
            ):
                graph[name].add(node.module)
                graph[name].update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name.startswith("glutemed"))
    graph = {name: {d for d in deps if d in graph and d != name} for name, deps in graph.items()}
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " -> ".join((*trail, name))
        if name in done:
            return
        for dep in graph[name]:
            visit(dep, (*trail, name))
        done.add(name)

    for name in graph:
        visit(name, ())
