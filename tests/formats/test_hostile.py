"""Hardening: broken or hostile input gets one clear line and an exit code, never a
traceback, a hang or a changed file."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from glutemed.cli.app import app
from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.errors import CatalogueError
from glutemed.formats.catalogue_yaml import validate_catalogue

from ..conftest import Invoke, move, run_glutemed

LAUGHS = "\n".join(
    [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    + ["exercises: *l9"]
)
HOSTILE_CATALOGUES: list[tuple[str, str | bytes, str]] = [
    ("syntax", "exercises: [\n  {slug: a\n", r"line \d+, column \d+"),
    ("tabs", "exercises:\n\t- slug: a\n", "line 2, column 1"),
    ("top-level list", "- slug: a\n", "found a list"),
    ("top-level string", "just words\n", "found a string"),
    ("empty", "", "the file is empty"),
    ("only a comment", "# nothing here\n", "the file is empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ("latin-1", "exercises:\n  - name: Übung\n".encode("latin-1"), "line 2: not UTF-8 text"),
    (
        "python object",
        "!!python/object/apply:os.system ['touch PWNED']\n",
        "could not determine a constructor",
    ),
    ("python name", "exercises: !!python/name:os.system\n", "could not determine a constructor"),
    ("billion laughs", LAUGHS, "expands to more than 500,000 values"),
    ("recursive alias", "exercises: &a [*a]\n", "an alias refers to itself"),
    (
        "deep flow nesting",
        "exercises: " + "[" * 50_000 + "]" * 50_000,
        "nested more than 64 levels",
    ),
    ("deep block nesting", "exercises:\n" + "- " * 50_000 + "x\n", "nested more than 64 levels"),
    (
        "moderate nesting",
        "exercises: " + "[" * 300 + "]" * 300,
        "nested more than 64 levels",
    ),
    ("two documents", "exercises: []\n---\nexercises: []\n", "line 2: more than one YAML document"),
    ("undefined alias", "exercises: *nowhere\n", "undefined alias"),
    ("list as a key", "? [a, b]\n: 1\n", "a mapping key must be a plain value"),
    ("set tag", "exercises: !!set {a, b}\n", "could not determine a constructor"),
    (
        "binary scalar",
        "exercises: [{slug: a, name: !!binary aGk=, reps: {min: 1, max: 2}}]",
        "field 'name'",
    ),
    ("number for a list", "exercises: 5\n", "field 'exercises': must be a list"),
    ("duplicate keys", "exercises: []\nexercises: []\n", "field 'exercises'"),
    (
        "huge reps",
        "exercises: [{slug: a, name: A, reps: {min: 1, max: 99999999999999999999}}]",
        "must be at most 1000",
    ),
    ("float reps", "exercises: [{slug: a, name: A, reps: {min: 1.5, max: 3}}]", "reps.min"),
    ("bool reps", "exercises: [{slug: a, name: A, reps: {min: true, max: 3}}]", "reps.min"),
    ("null entry", "exercises: [null]\n", "entry 1: must be a mapping"),
    (
        "key not a string",
        "exercises: [{1: a, slug: a, name: A, reps: {min: 1, max: 2}}]",
        r"entry 1 \('a'\): field names must be text",
    ),
    (
        "huge slug",
        "exercises: [{slug: " + "a" * 200_000 + ", name: A, reps: {min: 1, max: 2}}]",
        "field 'slug'",
    ),
]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("label", "content", "needle"), HOSTILE_CATALOGUES, ids=[c[0] for c in HOSTILE_CATALOGUES]
)
def test_hostile_catalogue_gets_one_clear_line(
    invoke: Invoke,
    write_catalogue: Callable[[object], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    label: str,
    content: str | bytes,
    needle: str,
) -> None:
    path = write_catalogue(content)
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    for command in (["list"], ["show", "a"], ["plan"]):
        result = invoke("--catalogue", str(path), *command)
        assert result.exit_code == 1, (label, result.output)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and len(lines[0]) < 400, lines
        assert lines[0].startswith(f"glutemed: error: {path}: ")
        assert re.search(needle, lines[0]), lines[0]
    assert _snapshot(tmp_path) == before
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.slow
def test_deep_nesting_does_not_crash_the_interpreter(
    write_catalogue: Callable[[object], Path],
) -> None:
    """libyaml builds nodes recursively in C: deep nesting must be refused before it."""
    path = write_catalogue("exercises: " + "[" * 200_000 + "]" * 200_000)
    result = subprocess.run(
        [sys.executable, "-m", "glutemed", "--catalogue", str(path), "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "nested more than 64 levels" in result.stderr


def test_benign_aliases_still_load(write_catalogue: Callable[[object], Path]) -> None:
    text = (
        "common: &reps {min: 6, max: 12}\n"
        "exercises:\n"
        "  - {slug: a, name: A, reps: *reps}\n"
        "  - {slug: b, name: B, reps: *reps}\n"
    )
    with pytest.raises(CatalogueError, match="field 'common': unknown field"):
        load_catalogue(write_catalogue(text))
    ok = (
        "exercises:\n"
        "  - {slug: a, name: A, reps: &r {min: 6, max: 12}}\n"
        "  - {slug: b, name: B, reps: *r}\n"
    )
    assert [m.reps.max for m in load_catalogue(write_catalogue(ok))] == [12, 12]


def test_enormous_values_keep_messages_short(write_catalogue: Callable[[object], Path]) -> None:
    for field, value in [("name", "x" * 1_000_000), ("steps", ["y" * 1_000_000])]:
        path = write_catalogue({"exercises": [move("a", **{field: value})]})
        with pytest.raises(CatalogueError) as caught:
            load_catalogue(path)
        assert len(str(caught.value)) < 300


@pytest.mark.slow
@pytest.mark.parametrize("where", ["missing", "folder", "dev-null", "long-name", "unreadable"])
def test_bad_catalogue_paths(invoke: Invoke, tmp_path: Path, where: str) -> None:
    paths = {
        "missing": (tmp_path / "nope.yaml", "no such file"),
        "folder": (tmp_path, "is a folder"),
        "dev-null": (Path("/dev/null"), "is a pipe or a device, not a regular file"),
        "long-name": (tmp_path / ("x" * 5000), "cannot read"),
        "unreadable": (tmp_path / "secret.yaml", "Permission denied"),
    }
    path, needle = paths[where]
    if where == "unreadable":  # in a process of its own: root obeys permissions there
        path.write_text("exercises: []\n")
        path.chmod(0)
        done = run_glutemed("--catalogue", str(path), "list")
        code, stderr = done.returncode, done.stderr
    else:
        result = invoke("--catalogue", str(path), "list")
        code, stderr = result.exit_code, result.stderr
    assert code == 1
    assert needle in stderr
    assert len(stderr) < 300 and stderr.count("\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "where", ["missing-folder", "folder", "dev-null", "long-name", "unwritable"]
)
def test_bad_output_paths(invoke: Invoke, tmp_path: Path, where: str) -> None:
    paths = {
        "missing-folder": (tmp_path / "no" / "plan.md", "no such folder"),
        "folder": (tmp_path, "is a folder"),
        "dev-null": (Path("/dev/null"), "not a regular file"),
        "long-name": (tmp_path / ("x" * 5000 + ".md"), "cannot write"),
        "unwritable": (tmp_path / "locked" / "plan.md", "Permission denied"),
    }
    path, needle = paths[where]
    if where == "unwritable":
        path.parent.mkdir()
        path.parent.chmod(0o500)
    before = _snapshot(tmp_path)
    args = ("plan", "-o", str(path), "--format", "markdown", "--force")
    if where == "unwritable":  # in a process of its own: root obeys permissions there
        done = run_glutemed(*args)
        code, stderr = done.returncode, done.stderr
    else:
        result = invoke(*args)
        code, stderr = result.exit_code, result.stderr
    assert code == 1, stderr
    assert needle in stderr
    assert len(stderr) < 300 and stderr.count("\n") == 1
    assert _snapshot(tmp_path) == before


ABSURD = [
    ["plan", "--days", "9" * 100],
    ["plan", "--days", ""],
    ["plan", "--days", "-3"],
    ["plan", "--days", "1.5"],
    ["plan", "--on", ""],
    ["plan", "--on", ","],
    ["plan", "--on", "x" * 100_000],
    ["plan", "--equipment", "y" * 100_000],
    ["plan", "--equipment", ",,,"],
    ["plan", "--sets", "-99999999999999999999"],
    ["plan", "--weeks", "1e9"],
    ["plan", "--weeks", ""],
    ["plan", "--start", "0000-01-01"],
    ["plan", "--start", "2026-13-01"],
    ["plan", "--start", "9999-12-31"],
    ["plan", "--start", "z" * 100_000],
    ["plan", "--seed", "nan"],
    ["plan", "--format", ""],
    ["plan", "--time", "25:00", "--format", "ics"],
    ["plan", "--time", "", "--format", "ics"],
    ["plan", "-o", "plan.exe"],
    ["plan", "-o", ""],
    ["plan", "--bogus"],
    ["show"],
    ["show", "a", "b"],
    ["list", "extra"],
    ["--catalogue"],
    ["nonsense-command"],
]


@pytest.mark.parametrize("args", ABSURD, ids=[" ".join(a)[:40] for a in ABSURD])
def test_absurd_arguments_exit_2_cleanly(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr) < 1000
    assert list(tmp_path.iterdir()) == []


def test_show_with_an_absurd_query_exits_1(invoke: Invoke) -> None:
    for query in ["", "x" * 100_000, "9" * 50, "../../etc/passwd", "\x1b[31mred"]:
        result = invoke("show", query)
        assert result.exit_code == 1
        assert len(result.stderr) < 300 and result.stderr.count("\n") == 1


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["dumbbells", "band", "box", "mat", "a-b", "lateral-lunge"]),
)
yaml_data = st.recursive(
    yaml_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "exercises",
                    "slug",
                    "name",
                    "reps",
                    "min",
                    "max",
                    "per_side",
                    "equipment",
                    "lateral",
                    "steps",
                    "cues",
                    "extra",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=yaml_data)
def test_any_data_loads_or_raises_our_error(data: object) -> None:
    try:
        validate_catalogue(data, Path("fuzz.yaml"))
    except CatalogueError as err:
        assert str(err).startswith("fuzz.yaml")
        assert "\n" not in str(err)


yamlish = st.lists(
    st.sampled_from(
        [*string.printable, "&a ", "*a", "!!", "- ", ": ", "[", "{", "\t", "é", "exercises:"]
    ),
    max_size=60,
).map("".join)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=yamlish | st.binary(max_size=80).map(lambda b: b.decode("latin-1")))
def test_any_text_loads_or_raises_our_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        load_catalogue(path)
    except CatalogueError as err:
        assert "\n" not in str(err)


@settings(max_examples=120, deadline=None)
@given(
    args=st.lists(
        st.sampled_from(
            [
                "--days",
                "--on",
                "--equipment",
                "--sets",
                "--weeks",
                "--start",
                "--seed",
                "--json",
                "--format",
                "--time",
                "1",
                "2",
                "3",
                "4",
                "0",
                "-1",
                "mon",
                "tue,thu",
                "sun,mon",
                "none",
                "dumbbells",
                "band,box",
                "2026-11-30",
                "2026-02-30",
                "json",
                "markdown",
                "ics",
                "07:00",
                "",
                "x",
            ]
        ),
        max_size=8,
    )
)
@pytest.mark.slow  # a property test of many examples
def test_any_plan_arguments_plan_or_refuse_cleanly(args: list[str]) -> None:
    result = CliRunner().invoke(app, ["plan", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    if result.exit_code:
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
