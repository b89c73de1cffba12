"""glutemed delete: a set by its id, or a day's session, and undo putting them back."""

from __future__ import annotations

from ..conftest import Invoke, history_rows


def _log(invoke: Invoke) -> list[dict[str, object]]:
    invoke("log", "split-squat", "--reps", "10,10", "--date", "2026-11-17")
    invoke("log", "lateral-lunge", "--reps", "8", "--date", "2026-11-17")
    invoke("log", "lateral-lunge", "--reps", "9", "--date", "2026-11-18")
    return history_rows(invoke)


def test_delete_one_set_and_undo_puts_it_back_under_its_id(invoke: Invoke) -> None:
    before = _log(invoke)
    gone = before[0]
    result = invoke("delete", str(gone["id"]))
    assert result.exit_code == 0 and f"Removed set {gone['id']}" in result.stdout
    assert gone["id"] not in [r["id"] for r in history_rows(invoke)]
    assert "removed, to be put back" in invoke("undo", "--yes").stdout
    assert history_rows(invoke) == before


def test_delete_a_days_session_or_one_move_of_it(invoke: Invoke) -> None:
    before = _log(invoke)
    one = invoke("delete", "--date", "2026-11-17", "lateral-lunge")
    assert one.exit_code == 0 and "Removed 1 set of lateral-lunge of 2026-11-17" in one.stdout
    whole = invoke("delete", "--date", "2026-11-17")
    assert whole.exit_code == 0 and "Removed 2 sets of 2026-11-17" in whole.stdout
    assert [r["date"] for r in history_rows(invoke)] == ["2026-11-18"]
    invoke("undo", "--yes")
    invoke("undo", "--yes")
    assert history_rows(invoke) == before


def test_delete_refuses_what_is_not_there(invoke: Invoke) -> None:
    _log(invoke)
    assert "no set with id 999" in invoke("delete", "999").stderr
    empty = invoke("delete", "--date", "2026-11-01")
    assert empty.exit_code == 1 and "no sets logged on 2026-11-01" in empty.stderr
    assert invoke("delete").exit_code == 2
