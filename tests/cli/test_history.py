"""glutemed history: the log, a summary first."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from ..conftest import TODAY, Invoke


def test_history_shows_four_weeks_then_each_move(invoke: Invoke, logged: None) -> None:
    out = invoke("history").stdout
    assert f"Sessions since {(TODAY - timedelta(weeks=4)).isoformat()}" in out
    assert f"{TODAY.isoformat()}  banded-squat 2 x 12,13 @ band:medium" in out
    assert (TODAY - timedelta(weeks=6)).isoformat() not in out.split("How each move")[0]
    table = out.split("How each move has come along")[1]
    split = next(line for line in table.splitlines() if line.strip().startswith("split-squat"))
    assert "20" in split and "10kg -> 19kg" in split and "+4 kg" in split
    assert "Total reps a session, oldest to newest" in out
    assert "split-squat: 20 sessions" in out


def test_history_all_and_json_show_every_set(invoke: Invoke, logged: None) -> None:
    every = invoke("history", "--all").stdout
    assert "Every set logged" in every and (TODAY - timedelta(weeks=20)).isoformat() in every
    rows = json.loads(invoke("history", "--json").stdout)
    assert len(rows) == 20 * 3 + 20 * 2 + 1
    assert rows[0]["date"] == TODAY.isoformat()
    lines = invoke("history", "--csv", "split-squat").stdout.splitlines()
    assert len(lines) == 1 + 60 and lines[0].startswith("id,date,slug")


def test_a_refused_log_leaves_stdout_empty(invoke: Invoke, home: Path) -> None:
    from glutemed.storage.paths import LOG_NAME

    (home / LOG_NAME).write_text("not a log")
    for args in (["history", "--json"], ["history", "--csv"]):
        result = invoke(*args)
        assert result.exit_code == 1 and result.stdout == ""
        assert "is not a glutemed log (not an SQLite file)" in result.stderr


def test_history_and_today_show_the_pain_recorded(invoke: Invoke) -> None:
    import json

    invoke("log", "split-squat", "--reps", "10,10", "--date", "2026-11-20", "--pain", "4")
    invoke("log", "--morning", "5", "--date", "2026-11-21")
    text = invoke("history").stdout
    assert "2026-11-20  split-squat 2 x 10,10, pain 4/10 (the morning after: pain 5/10)" in text
    day = json.loads(invoke("today", "--date", "2026-11-20", "--json").stdout)
    assert day["pains"] == [
        {"date": "2026-11-20", "slug": "split-squat", "score": 4, "kind": "session"}
    ]
