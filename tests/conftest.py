"""Shared helpers: a CliRunner that keeps stdout and stderr apart, and catalogue files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

from glutemed.cli.app import app

Invoke = Callable[..., Result]

# CI runs on a shared machine: the same examples every run (a red build is then
# reproducible), and no failure just because generating data was slow there.
settings.register_profile(
    "ci", derandomize=True, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
if os.environ.get("CI"):
    settings.load_profile("ci")

# A test run started in the background of a non-interactive shell inherits SIGINT
# ignored, and so would every glutemed it starts: Ctrl-C in the pseudo-terminal tests
# would then do nothing. Give the children the ordinary Ctrl-C a runner has.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder (GLUTEMED_HOME) of this test: empty, outside tmp_path."""
    return tmp_path_factory.mktemp("home")


@pytest.fixture
def config_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The config file (GLUTEMED_CONFIG) of this test: empty, outside tmp_path."""
    path = tmp_path_factory.mktemp("config") / "config.toml"
    path.write_text("")
    return path


@pytest.fixture
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The user cache folder (XDG_CACHE_HOME) of this test: empty, outside tmp_path."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _clean_env(
    monkeypatch: pytest.MonkeyPatch, home: Path, config_file: Path, cache_home: Path
) -> None:
    """No test sees the developer's own catalogue, config, log or cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    monkeypatch.delenv("GLUTEMED_CATALOGUE", raising=False)
    monkeypatch.setenv("GLUTEMED_CONFIG", str(config_file))
    monkeypatch.setenv("GLUTEMED_HOME", str(home))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


def without_root_powers() -> list[str]:
    """A command prefix under which root obeys file permissions as a file's owner
    would (no capabilities), so a permission problem can be made even as root;
    nothing for other users. Skips the test where root has no ``setpriv``."""
    if os.geteuid() != 0:
        return []
    import shutil

    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested here")
    return ["setpriv", "--bounding-set", "-all", "--inh-caps", "-all", "--"]


def run_glutemed(*args: str) -> subprocess.CompletedProcess[str]:
    """glutemed in a process of its own, without root's powers over files."""
    return subprocess.run(
        [*without_root_powers(), sys.executable, "-m", "glutemed", *args],
        capture_output=True,
        text=True,
        check=False,
    )


#: The day commands run in for CliRunner tests: a Monday, so a default plan starts on it.
TODAY = date(2026, 11, 23)


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run a command in-process, on :data:`TODAY` (the injected clock)."""
    from glutemed.cli import context

    monkeypatch.setattr(context, "today", lambda: TODAY)
    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return run


def move(slug: str, **fields: object) -> dict[str, object]:
    """A minimal catalogue entry with any fields overridden."""
    entry: dict[str, object] = {"slug": slug, "name": slug.replace("-", " ").title()}
    entry["reps"] = {"min": 6, "max": 12}
    entry.update(fields)
    return entry


@pytest.fixture
def write_catalogue(tmp_path: Path) -> Callable[[object], Path]:
    """Write data (dumped as YAML) or text (as is) to a catalogue file."""
    counter = iter(range(10**6))

    def write(content: object) -> Path:
        path = tmp_path / f"catalogue-{next(counter)}.yaml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
        return path

    return write


def history_rows(invoke: Invoke, *args: str) -> list[dict[str, object]]:
    """The log's sets as ``glutemed history --json`` gives them (newest first)."""
    import json

    result = invoke("history", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def logged() -> None:
    """Ten weeks of split squats getting heavier, bands, and one old lunge session,
    written straight to the log (one command, as ``log`` would store them)."""
    from datetime import timedelta

    from glutemed.core.sets import LoggedSet
    from glutemed.storage.sets import add_sets

    sets: list[LoggedSet] = []

    def log(slug: str, reps: str, load: str | None, day: date) -> None:
        for number, count in enumerate(reps.split(","), start=1):
            sets.append(LoggedSet(day, slug, number, int(count), load))

    for week in range(10):
        monday = TODAY - timedelta(weeks=9 - week)
        for offset in (-3, 0):  # the Friday before, and the Monday
            day = monday + timedelta(days=offset)
            log("split-squat", "10,11,12", f"{10 + week}kg", day)
            log("banded-squat", "12,13", "band:light" if week < 5 else "band:medium", day)
    log("lateral-lunge", "9", None, TODAY - timedelta(weeks=20))
    add_sets(sets, source="log")
