"""The Datasette recipe's canned queries (docs/datasette-metadata.json), run with
sqlite3 against a real log glutemed wrote."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from glutemed.storage.paths import log_path

from ..conftest import Invoke

METADATA = Path(__file__).parents[2] / "docs" / "datasette-metadata.json"
QUERIES = json.loads(METADATA.read_text())["databases"]["glutemed"]["queries"]


def _run(name: str, **params: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{log_path()}?mode=ro", uri=True) as db:
        return db.execute(QUERIES[name]["sql"], params).fetchall()


def test_the_canned_queries_read_a_real_log(invoke: Invoke) -> None:
    for day, reps in (("2026-11-16", "10,10"), ("2026-11-18", "11,10"), ("2026-11-23", "12,12")):
        args = ("log", "split-squat", "--reps", reps, "--load", "12kg", "--date", day)
        assert invoke(*args, "--pain", "2").exit_code == 0
    assert invoke("log", "lateral-lunge", "--reps", "9,9", "--date", "2026-11-18").exit_code == 0
    assert invoke("log", "--morning", "3", "--date", "2026-11-19").exit_code == 0
    assert _run("sessions_by_week") == [("2026-11-16", 2, 6), ("2026-11-23", 1, 2)]
    history = _run("move_history", slug="split-squat")
    assert [(row[0], row[1], row[2], row[3]) for row in history] == [
        ("2026-11-16", 1, 10, "12kg"), ("2026-11-16", 2, 10, "12kg"),
        ("2026-11-18", 1, 11, "12kg"), ("2026-11-18", 2, 10, "12kg"),
        ("2026-11-23", 1, 12, "12kg"), ("2026-11-23", 2, 12, "12kg"),
    ]  # fmt: skip
    pains = _run("pain_over_time")
    assert [(row[0], row[1], row[2]) for row in pains] == [
        ("2026-11-16", "split-squat", 2),
        ("2026-11-18", "split-squat", 2),
        ("2026-11-19", "(the morning after)", 3),
        ("2026-11-23", "split-squat", 2),
    ]
