"""glutemed edit: any logged set put right by its id, and undo restoring it exactly."""

from __future__ import annotations

from ..conftest import Invoke, history_rows


def _log(invoke: Invoke) -> list[dict[str, object]]:
    invoke("log", "split-squat", "--reps", "10,10", "--load", "12kg", "--date", "2026-11-17")
    invoke("log", "lateral-lunge", "--reps", "8", "--date", "2026-11-18")
    return history_rows(invoke)


def test_history_all_shows_each_sets_id(invoke: Invoke) -> None:
    rows = _log(invoke)
    table = invoke("history", "--all").stdout
    for row in rows:
        assert f"#{row['id']}" in table
    assert "id,date,slug" in invoke("history", "--csv").stdout


def test_edit_puts_a_set_right_and_undo_restores_it_under_its_id(invoke: Invoke) -> None:
    before = _log(invoke)
    target = next(r for r in before if r["slug"] == "split-squat" and r["set"] == 2)
    done = invoke("edit", str(target["id"]), "--reps", "11", "--load", "12,5kg")
    assert done.exit_code == 0, done.output
    assert "10 -> 11 reps, 12kg -> 12.5kg" in done.stdout
    now = {r["id"]: r for r in history_rows(invoke)}[target["id"]]
    assert (now["reps"], now["load"], now["date"]) == (11, "12.5kg", "2026-11-17")
    preview = invoke("undo", "--yes").stdout
    assert "11 reps @ 12.5kg -> 10 reps @ 12kg" in preview
    assert history_rows(invoke) == before


def test_edit_moves_a_set_to_another_day_and_back(invoke: Invoke) -> None:
    before = _log(invoke)
    target = next(r for r in before if r["slug"] == "lateral-lunge")
    moved = invoke("edit", f"#{target['id']}", "--date", "2026-11-17")
    assert moved.exit_code == 0 and "2026-11-18 -> 2026-11-17 (set 1)" in moved.stdout
    assert invoke("undo", "--yes").exit_code == 0
    assert history_rows(invoke) == before


def test_edit_refuses_a_wrong_id_and_nothing_to_change(invoke: Invoke) -> None:
    _log(invoke)
    missing = invoke("edit", "999", "--reps", "5")
    assert missing.exit_code == 1 and "no set with id 999" in missing.stderr
    assert invoke("edit", "x1", "--reps", "5").exit_code == 2
    assert invoke("edit", "1").exit_code == 2
    assert invoke("edit", "1", "--date", "2026-12-25").exit_code == 2  # still to come
