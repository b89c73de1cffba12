"""Nothing a user types is cut at 80 or 60 columns: slugs, names and paths stay whole
(wrapped, never cut), and saved moments read as local dates and times."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..conftest import Invoke

SLUGS = ("staggered-stance-romanian-deadlift", "lateral-step-up-to-balance", "split-squat")


def _whole(text: str, words: tuple[str, ...]) -> None:
    assert "…" not in text and "..." not in text
    for word in words:
        assert word in text, word


@pytest.mark.parametrize("width", ["60", "80"])
def test_list_shows_its_headings_and_slugs_whole(invoke: Invoke, width: str) -> None:
    out = invoke("list", env={"COLUMNS": width}).stdout
    _whole(out, SLUGS)
    assert "latera" not in out.replace("lateral", "")  # the heading, never "latera"


@pytest.mark.parametrize("width", ["60", "80"])
def test_history_shows_move_slugs_whole(invoke: Invoke, logged: None, width: str) -> None:
    invoke("log", "staggered-stance-romanian-deadlift", "--reps", "10,10", "--load", "12kg")
    out = invoke("history", env={"COLUMNS": width}).stdout
    _whole(out, ("staggered-stance-romanian-deadlift", "split-squat"))
    assert all(len(line) <= int(width) for line in out.splitlines())


@pytest.mark.parametrize("width", ["60", "80"])
def test_config_shows_its_file_whole(invoke: Invoke, tmp_path: Path, width: str) -> None:
    target = tmp_path / "a-folder-with-a-long-name" / "config.toml"
    out = invoke("config", env={"COLUMNS": width, "GLUTEMED_CONFIG": ""}).stdout
    flat = out.replace("\n", "")
    assert re.search(r"Config file: \S+config\.toml", flat)
    del target


def test_check_history_reads_as_local_date_and_time(invoke: Invoke) -> None:
    saved = invoke("check", "--left", "over-foot", "--right", "midline", "--save")
    assert saved.exit_code == 0, saved.output
    out = invoke("check", "--history", env={"COLUMNS": "80"}).stdout
    assert re.search(r"\b\d{4}-\d\d-\d\d \d\d:\d\d\b", out)
    assert not re.search(r"\d\d:\d\d:\d\d|T\d\d:", out)
