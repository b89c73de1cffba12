"""The cache of validated catalogues: a shortcut that never changes an answer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import glutemed.formats.catalogue_yaml as catalogue_module
from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.errors import CatalogueError
from glutemed.storage import cache

from ..conftest import Invoke, move


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, path: Path) -> object:
        raise AssertionError("parsed the YAML again")

    monkeypatch.setattr(catalogue_module, "_parse", refuse)


def test_a_second_load_comes_from_the_cache_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_catalogue()
    _no_parsing(monkeypatch)
    again = load_catalogue()
    assert again == first
    assert again.model_dump(mode="json") == first.model_dump(mode="json")
    assert again.find("lateral-lunge").needs == first.find("lateral-lunge").needs


def test_commands_answer_the_same_from_the_cache(invoke: Invoke, cache_home: Path) -> None:
    commands = [["show", "lateral-lunge", "--json"], ["list", "--json"], ["plan", "--json"]]
    cold = [invoke(*args).stdout for args in commands]
    assert list(cache_home.rglob("*.json"))  # the cache was written
    warm = [invoke(*args).stdout for args in commands]
    assert warm == cold


def test_an_edited_catalogue_is_read_afresh(write_catalogue: Callable[[object], Path]) -> None:
    path = write_catalogue({"exercises": [move("one"), move("two")]})
    assert [m.slug for m in load_catalogue(path)] == ["one", "two"]
    path.write_text(path.read_text().replace("two", "three"))
    assert [m.slug for m in load_catalogue(path)] == ["one", "three"]


@pytest.mark.parametrize(
    "damage", ["not json", '{"key": "other", "data": {}}', '{"key": "KEY", "data": {"x": 1}}']
)
def test_a_damaged_cache_is_ignored(monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    load_catalogue()
    (written,) = cache.folder().glob("*.json")
    made_for = json.loads(written.read_text())["key"]
    written.write_text(damage.replace("KEY", made_for))
    assert load_catalogue().find("lateral-lunge").name == "Lateral Lunge"


def test_an_unwritable_cache_folder_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, invoke: Invoke
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = invoke("show", "lateral-lunge")
    assert result.exit_code == 0 and result.stderr == ""


def test_a_broken_catalogue_is_never_cached(write_catalogue: Callable[[object], Path]) -> None:
    path = write_catalogue({"exercises": [move("one", reps={"min": 9, "max": 3})]})
    for _ in range(2):
        with pytest.raises(CatalogueError, match=r"min \(9\) is above max \(3\)"):
            load_catalogue(path)
    assert list(cache.folder().glob("*.json")) == []


def test_pydantic_takes_only_get_plugins_from_its_plugin_loader() -> None:
    """startup.py stands in for pydantic's plugin loader with a module holding only
    ``get_plugins``: that must be all the installed pydantic asks of it."""
    import re

    import pydantic

    asked = set()
    for source in Path(pydantic.__file__).parent.rglob("*.py"):
        if source.name != "_loader.py":
            text = source.read_text(encoding="utf-8")
            asked |= set(re.findall(r"from \._loader import (\w+)", text))
            asked |= set(re.findall(r"_loader\.(\w+)", text))
    assert asked == {"get_plugins"}


@pytest.mark.slow
def test_a_command_skips_the_plugin_scan(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "sys.argv = ['glutemed', 'plan', '--json']\n"
        "from glutemed.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit as end:\n    assert end.code == 0\n"
        "assert 'importlib.metadata' not in sys.modules, 'scanned for plugins'\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert '"sessions"' in done.stdout
