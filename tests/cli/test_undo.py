"""glutemed undo: the last command taken back, and only it."""

from __future__ import annotations

from ..conftest import Invoke, history_rows


def test_undo_removes_the_last_command_only(invoke: Invoke) -> None:
    invoke("log", "split-squat", "--reps", "10,10")
    invoke("log", "lateral-lunge", "--reps", "8,8,8")
    shown = invoke("undo", input="n\n")
    assert "lateral-lunge" in shown.stdout and "Nothing removed" in shown.stdout
    assert len(history_rows(invoke)) == 5
    removed = invoke("undo", input="y\n")
    assert "Removed 3 sets" in removed.stdout
    assert {r["slug"] for r in history_rows(invoke)} == {"split-squat"}
    assert invoke("undo", "--yes").exit_code == 0
    assert history_rows(invoke) == []
    assert invoke("undo", "--yes").exit_code == 1


def test_undo_without_an_answer_removes_nothing(invoke: Invoke) -> None:
    invoke("log", "split-squat", "--reps", "10")
    result = invoke("undo")
    assert result.exit_code == 2 and "add --yes" in result.stderr
    assert len(history_rows(invoke)) == 1


def test_undo_takes_back_a_pain_score_with_its_command(invoke: Invoke) -> None:
    import json

    invoke("log", "--morning", "5", "--date", "2026-11-21")
    undone = invoke("undo", "--yes")
    assert "pain 5/10, the morning of 2026-11-21" in undone.stdout
    assert "Removed 0 sets and 1 pain score" in undone.stdout
    assert json.loads(invoke("today", "--date", "2026-11-21", "--json").stdout)["pains"] == []
