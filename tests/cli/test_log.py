"""glutemed log: sets logged from the command line and from a sheet."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from glutemed.storage.paths import LOG_NAME

from ..conftest import Invoke, history_rows


def _tick(text: str, line: str, filled: str) -> str:
    return text.replace(line, filled, 1)


def test_log_andhistory_rows(invoke: Invoke) -> None:
    first = invoke(
        "log", "split-squat", "--reps", "10,10,9", "--load", "12kg", "--date", "2026-11-16"
    )
    assert (
        first.exit_code == 0
        and "Logged 3 sets of split-squat at 12kg on 2026-11-16" in first.stdout
    )
    invoke("log", "Lateral Lunge", "--reps", "8,8", "--date", "2026-11-18", "--note", "felt good")
    rows = history_rows(invoke)
    assert [(r["date"], r["slug"], r["set"], r["reps"]) for r in rows] == [
        ("2026-11-18", "lateral-lunge", 2, 8),
        ("2026-11-18", "lateral-lunge", 1, 8),
        ("2026-11-16", "split-squat", 3, 9),
        ("2026-11-16", "split-squat", 2, 10),
        ("2026-11-16", "split-squat", 1, 10),
    ]
    assert set(rows[0]) == {"id", "date", "slug", "set", "reps", "load", "note", "form", "side"}
    assert rows[0]["note"] == "felt good" and rows[2]["load"] == "12kg"
    assert [r["slug"] for r in history_rows(invoke, "split squat")] == ["split-squat"] * 3
    assert len(history_rows(invoke, "--since", "2026-11-17")) == 2
    text = invoke("history", "--csv").stdout
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert list(parsed[0]) == ["id", "date", "slug", "set", "reps", "load", "note", "form", "side"]
    assert len(parsed) == 5
    view = invoke("history").stdout
    assert "Total reps a session" in view and "split-squat" in view and "29" in view


def test_reps_outside_the_range_warn_but_log(invoke: Invoke) -> None:
    result = invoke("log", "banded-squat", "--reps", "20,12")
    assert result.exit_code == 0
    assert "20 reps is outside banded-squat's range of 8-15" in result.stderr
    assert len(history_rows(invoke)) == 2


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["split-squat", "--reps", "10,x"], 2, "--reps takes whole numbers"),
        (["split-squat", "--reps", "0"], 2, "at least 1 rep"),
        (["split-squat", "--reps", "10", "--load", "12"], 2, "'12' is not a load"),
        (["split-squat", "--reps", "10", "--load", "band:purple"], 2, "is not a load"),
        (["split-squat", "--reps", "10", "--date", "2026-02-30"], 2, "is not a date"),
        (["split-squat"], 2, "give a move and --reps"),
        (["lunges", "--reps", "10"], 1, "no move 'lunges'"),
    ],
)
def test_log_refusals_write_nothing(
    invoke: Invoke, home: Path, args: list[str], code: int, needle: str
) -> None:
    result = invoke("log", *args)
    assert result.exit_code == code
    assert needle in result.stderr
    assert not (home / LOG_NAME).exists()


def test_sheet_round_trip(invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.md"
    first_move = "staggered-stance-romanian-deadlift"
    for day in ("2026-11-06", "2026-11-09"):  # two sessions: past the two easy ones
        invoke("log", first_move, "--reps", "9,10", "--load", "12kg", "--date", day)
    invoke("plan", "--days", "1", "--sets", "2", "--start", "2026-11-16", "-o", str(sheet))
    assert "aim for 10+ at 12kg" in sheet.read_text()
    text = sheet.read_text()
    text = _tick(text, "- [ ] Set 1: did __ reps @ __", "- [x] Set 1: did 11 reps @ 14kg")
    text = _tick(text, "- [ ] Set 2: did __ reps @ __", "- [X] Set 2: did 10 reps @ -")
    sheet.write_text(text)
    first = invoke("log", "--sheet", str(sheet))
    assert first.exit_code == 0 and "Logged 2 sets" in first.stdout
    rows = history_rows(invoke)
    assert [(r["date"], r["set"], r["reps"], r["load"]) for r in reversed(rows)][4:] == [
        ("2026-11-16", 1, 11, "14kg"),
        ("2026-11-16", 2, 10, None),  # '-': bodyweight
    ]
    again = invoke("log", "--sheet", str(sheet))
    assert "Logged 0 sets" in again.stdout and "2 already in the log" in again.stdout
    assert len(history_rows(invoke)) == 6
    # A corrected set is updated, once; undo puts the old value back.
    sheet.write_text(sheet.read_text().replace("did 11 reps @ 14kg", "did 12 reps @ 14kg"))
    fixed = invoke("log", "--sheet", str(sheet))
    assert "updated 1 set" in fixed.stdout and len(history_rows(invoke)) == 6
    name = "Staggered-Stance Romanian Deadlift"
    assert f"updated set 1 of {name} on 2026-11-16: 11 -> 12 reps" in fixed.stderr
    assert 12 in [r["reps"] for r in history_rows(invoke)]
    undone = invoke("undo", "--yes")
    assert "put back 1 set" in undone.stdout
    assert 11 in [r["reps"] for r in history_rows(invoke)] and len(history_rows(invoke)) == 6
    # Un-ticking a logged set removes nothing, and says so.
    sheet.write_text(sheet.read_text().replace("- [x] Set 1: did 12", "- [ ] Set 1: did 12"))
    unticked = invoke("log", "--sheet", str(sheet))
    assert "1 set not ticked" in unticked.stderr and "stay there" in unticked.stderr
    assert "numbers filled in but no tick" in unticked.stderr and len(history_rows(invoke)) == 6


@pytest.mark.parametrize(
    ("written", "reps", "load"),
    [
        ("did 10 reps @12kg", 10, "12kg"),
        ("did 10 reps each side @ 12kg", 10, "12kg"),
        ("did 10 reps", 10, None),
        ("did 10 @ 14kg", 10, "14kg"),
        ("did 10 reps @ 12 kg", 10, "12kg"),
        ("did 10 reps @ 12.5kg", 10, "12.5kg"),
        ("did 10 reps @ 25lb", 10, "25lb"),
        ("did 10 reps @ -", 10, None),
        ("did 10/9 reps @ 12kg", 9, "12kg"),
        ("DID 10 REPS @ 12KG", 10, "12kg"),
        ("did 10 reps @ 12,5kg", 10, "12.5kg"),
        ("did 10 reps @ bodyweight", 10, None),
        ("did 10 reps @ BW", 10, None),
        ("did 10 reps @ none", 10, None),
        ("10 reps @ 12kg", 10, "12kg"),
        ("did 10 reps @ 12kg (felt good)", 10, "12kg"),
    ],
)
def test_a_sheet_takes_the_natural_ways_of_filling_a_line(
    invoke: Invoke, tmp_path: Path, written: str, reps: int, load: str | None
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--days", "1", "--start", "2026-11-16", "-o", str(sheet))
    line = f"- [x] set 1: {written}" if "DID" in written else f"- [x] Set 1: {written}"
    sheet.write_text(sheet.read_text().replace("- [ ] Set 1: did __ reps @ __", line, 1))
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 0 and "Logged 1 set" in result.stdout, result.output
    row = history_rows(invoke)[0]
    assert (row["reps"], row["load"]) == (reps, load)
    assert ("the lower side" in result.stderr) == ("/" in written)
    assert row["note"] == ("felt good" if "(felt good)" in written else None)


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("- [x] Set 1: did __ reps @ __", "its reps are blank"),
        ("- [x] Set 1: did 10 reps @ 12", "load takes a load such as"),
        ("- [x] Set 1: did ten reps @ 12kg", "'ten reps' is not a number of reps"),
        ("- [x] I did it", "cannot read this ticked set"),
    ],
)
def test_a_ticked_line_that_cannot_be_read_is_refused_whole(
    invoke: Invoke, tmp_path: Path, home: Path, written: str, says: str
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--days", "1", "--start", "2026-11-16", "-o", str(sheet))
    text = sheet.read_text().replace(
        "- [ ] Set 2: did __ reps @ __", "- [x] Set 2: did 9 reps @ -", 1
    )
    sheet.write_text(text.replace("- [ ] Set 1: did __ reps @ __", written, 1))
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 1 and f"{sheet}: line " in result.stderr and says in result.stderr
    assert not (home / LOG_NAME).exists()  # all or nothing: the good set is not logged either


@pytest.mark.parametrize("runs", [[], ["--hard", "tue,thu", "--long-run", "sat"]])
def test_sheet_without_dates_cannot_be_logged(
    invoke: Invoke, tmp_path: Path, runs: list[str]
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", *runs, "-o", str(sheet))
    assert "after your hard run" in sheet.read_text() or not runs
    undated = re.sub(r" · 20[0-9-]{8}", "", sheet.read_text())  # as glutemed 0.1 wrote them
    sheet.write_text(undated.replace("- [ ]", "- [x]", 1).replace("did __", "did 8", 1))
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 1
    assert "has no dates" in result.stderr and "export the plan again" in result.stderr


def test_sheet_with_a_bad_value_logs_nothing(invoke: Invoke, tmp_path: Path, home: Path) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--start", "2026-11-16", "-o", str(sheet))
    text = sheet.read_text().replace("- [ ]", "- [x]", 2)
    text = text.replace("did __ reps @ __", "did lots reps @ __", 2)
    sheet.write_text(text)
    result = invoke("log", "--sheet", str(sheet))
    assert result.exit_code == 1
    assert "'lots reps' is not a number of reps" in result.stderr and "line" in result.stderr
    assert not (home / LOG_NAME).exists()


@pytest.mark.parametrize(
    ("word", "day"),
    [
        ("today", "2026-11-23"),
        ("yesterday", "2026-11-22"),
        ("fri", "2026-11-20"),  # the last Friday
        ("Monday", "2026-11-23"),  # today is a Monday: today counts
        ("2026-11-02", "2026-11-02"),
    ],
)
def test_log_date_takes_words_a_runner_uses(invoke: Invoke, word: str, day: str) -> None:
    result = invoke("log", "split-squat", "--reps", "10", "--date", word)
    assert result.exit_code == 0 and f"on {day}" in result.stdout


def test_a_set_cannot_be_logged_on_a_day_still_to_come(invoke: Invoke, home: Path) -> None:
    result = invoke("log", "split-squat", "--reps", "10", "--date", "2026-11-24")
    assert result.exit_code == 1 and "still to come" in result.stderr
    assert not (home / LOG_NAME).exists()


def test_a_second_sheet_for_the_same_day_names_what_it_replaces(
    invoke: Invoke, tmp_path: Path
) -> None:
    """Two sheets of one day: the second's sets replace the first's, set by set, and each
    replaced set is named with its old and new values; undo restores them."""
    sheets = [tmp_path / "a.md", tmp_path / "b.md"]
    for sheet, filled in zip(sheets, ("did 8 reps @ -", "did 11 reps @ 2kg"), strict=True):
        invoke("plan", "--moves", "lateral-lunge,split-squat", "--days", "1", "-o", str(sheet))
        sheet.write_text(
            _tick(sheet.read_text(), "- [ ] Set 1: did __ reps @ __", f"- [x] Set 1: {filled}")
        )
    assert invoke("log", "--sheet", str(sheets[0])).exit_code == 0
    second = invoke("log", "--sheet", str(sheets[1]))
    assert "updated 1 set" in second.stdout
    assert "set 1 of Lateral Lunge on 2026-11-23: 8 -> 11 reps, no load -> 2kg" in second.stderr
    undone = invoke("undo", "--yes").stdout
    assert "2026-11-23  lateral-lunge  set 1: 11 reps @ 2kg -> 8 reps\n" in undone
    lunge = [row for row in history_rows(invoke) if row["slug"] == "lateral-lunge"]
    assert [(row["reps"], row["load"]) for row in lunge] == [(8, None)]


def test_an_untouched_sheet_warns_of_nothing_and_filled_lines_are_named_briefly(
    invoke: Invoke, tmp_path: Path
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--days", "3", "--weeks", "2", "-o", str(sheet))
    text = sheet.read_text()
    ticked = _tick(text, "- [ ] Set 1: did __ reps @ __", "- [x] Set 1: did 10 reps @ 12kg")
    sheet.write_text(ticked)
    quiet = invoke("log", "--sheet", str(sheet))
    assert quiet.exit_code == 0 and "no tick" not in quiet.stderr
    filled = ticked.replace("- [ ] Set 2: did __ reps @ __", "- [ ] Set 2: did 9 reps @ __")
    sheet.write_text(filled)
    told = invoke("log", "--sheet", str(sheet)).stderr
    count = filled.count("- [ ] Set 2: did 9 reps")
    assert count > 5 and f"{count} lines " in told and f"and {count - 5} more have" in told


def test_a_sheet_cannot_log_a_day_still_to_come(invoke: Invoke, tmp_path: Path, home: Path) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--days", "1", "--weeks", "2", "-o", str(sheet))
    text = sheet.read_text()
    week_two = text.index("## Week 2")
    filled = text[:week_two] + text[week_two:].replace(
        "- [ ] Set 1: did __ reps @ __", "- [x] Set 1: did 10 reps @ 12kg", 1
    )
    sheet.write_text(filled)
    result = invoke("log", "--sheet", str(sheet))
    line = filled[: filled.index("- [x] Set 1: did 10")].count("\n") + 1
    assert result.exit_code == 1 and f"line {line}: a ticked set of 2026-11-30" in result.stderr
    assert "still to come" in result.stderr and not (home / LOG_NAME).exists()


def test_the_weak_sides_extra_set_is_logged_from_the_sheet_with_its_side(
    invoke: Invoke, tmp_path: Path
) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--moves", "split-squat,lateral-lunge", "--weak-side", "left", "-o", str(sheet))
    text = sheet.read_text()
    assert "- [ ] Set 3 (left only): did __ reps @ __" in text
    sheet.write_text(
        text.replace(
            "- [ ] Set 3 (left only): did __ reps @ __", "- [x] Set 3 (left only): did 9 reps", 1
        )
    )
    assert invoke("log", "--sheet", str(sheet)).exit_code == 0
    row = history_rows(invoke)[0]
    assert (row["slug"], row["set"], row["reps"], row["side"]) == ("split-squat", 3, 9, "left")


def test_log_side_logs_a_one_sided_set(invoke: Invoke) -> None:
    done = invoke("log", "split-squat", "--reps", "9", "--side", "left")
    assert done.exit_code == 0 and "(left side only)" in done.stdout
    assert history_rows(invoke)[0]["side"] == "left"
    refused = invoke("log", "banded-squat", "--reps", "9", "--side", "left")
    assert refused.exit_code == 2 and "--side applies to a move done one side" in refused.stderr
    assert invoke("log", "split-squat", "--reps", "9", "--side", "up").exit_code == 2


def test_a_sheets_pain_field_is_logged_with_its_move(invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.md"
    invoke("plan", "--moves", "split-squat,lateral-lunge", "--days", "1", "-o", str(sheet))
    text = sheet.read_text()
    heading = next(line for line in text.splitlines() if "(`split-squat`)" in line)
    assert heading.endswith(" · pain __/10")  # on the heading line: the sheet does not grow
    filled = text.replace(heading, heading.replace("pain __/10", "pain 6/10"), 1)
    filled = filled.replace("- [ ] Set 1: did __ reps @ __", "- [x] Set 1: did 10 reps @ 12kg", 1)
    sheet.write_text(filled)
    done = invoke("log", "--sheet", str(sheet))
    assert done.exit_code == 0 and "Logged 1 set and 1 pain score" in done.stdout
    assert "Logged 0 sets" in invoke("log", "--sheet", str(sheet)).stdout  # read again: same
    plan = invoke("plan", "--moves", "split-squat,lateral-lunge", "--json", "--start", "2026-11-24")
    import json

    first = json.loads(plan.stdout)["sessions"][0]["exercises"][0]
    assert "pain 6/10 last time" in first["advice"] and "clinician" in first["advice"]
