"""history's summary, progress charts, and their files."""

from __future__ import annotations

import json
import xml.dom.minidom
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutemed.core.progress import Week, adherence, streak, top_sets, whole_ticks

from ..conftest import TODAY, Invoke


def test_the_trend_fits_the_terminal(invoke: Invoke, logged: None) -> None:
    narrow = invoke("history", env={"COLUMNS": "40"}).stdout
    assert all(len(line) <= 40 for line in narrow.splitlines() if "▁" in line or "█" in line)
    assert "split-squat: 20 sessions" in invoke("history", env={"COLUMNS": "200"}).stdout


def test_progress_json_is_the_series_behind_the_charts(invoke: Invoke, logged: None) -> None:
    data = json.loads(invoke("progress", "--json", "--days", "2").stdout)
    split = data["moves"]["split-squat"]
    assert len(split) == 20 and split[0]["top_load_kg"] == 10 and split[-1]["top_load_kg"] == 19
    assert split[0]["top_reps"] == 12 and split[0]["sets"] == 3
    bands = data["moves"]["banded-squat"]
    assert bands[0]["top_load_kg"] is None and bands[0]["load"] == "band:light"  # not zero
    assert data["weeks"][-1] == {"week": TODAY.isoformat(), "planned": 2, "done": 1}
    assert data["streak"] == 9  # nine full weeks of two, and this week is not over


def test_progress_draws_in_the_terminal_plainly_when_piped(invoke: Invoke, logged: None) -> None:
    out = invoke("progress", env={"COLUMNS": "80"}).stdout
    assert "\x1b" not in out
    assert "split-squat: reps of the top set" in out and "split-squat: load (kg)" in out
    assert "banded-squat: band (1 light to 4 extra-heavy)" in out
    assert "lateral-lunge: one session so far" in out  # a line, not a chart
    assert "Sessions a week (planned 3)" in out


@pytest.mark.parametrize("suffix", [".svg", ".html"])
def test_progress_writes_charts_atomically_and_never_clobbers(
    invoke: Invoke, logged: None, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"progress{suffix}"
    assert invoke("progress", "-o", str(target)).exit_code == 0
    text = target.read_text()
    if suffix == ".svg":
        xml.dom.minidom.parseString(text)  # well-formed
        assert "<title>glutemed progress</title>" in text
    else:
        assert text.startswith("<!DOCTYPE html>") and text.count("<figure>") >= 4
    assert "<script" not in text and "http://" not in text.replace("http://www.w3.org", "")
    again = invoke("progress", "-o", str(target))
    assert again.exit_code == 1 and "add --force" in again.stderr
    assert invoke("progress", "-o", str(target), "--force").exit_code == 0


def test_progress_with_nothing_logged_says_so(invoke: Invoke) -> None:
    result = invoke("progress")
    assert result.exit_code == 0 and "nothing logged yet" in result.stderr
    assert invoke("progress", "-o", "x.pdf").exit_code == 2


def test_top_sets_compare_pounds_in_kilograms_and_the_streak_rules() -> None:
    day = date(2026, 11, 2)
    points = top_sets([(day, 8, "30lb", None), (day, 12, "12kg", None), (day, 6, None, None)])
    assert points[0].load == "30lb" and points[0].value == 13.61 and points[0].sets == 3
    weeks = adherence([day, day + timedelta(days=2)], 2, date(2026, 11, 10), 3)
    assert [w.done for w in weeks] == [0, 2, 0]
    assert streak(weeks) == 1  # the current week, not yet met, does not break the run
    assert streak([Week(day, 2, 2), Week(day, 2, 1), Week(day, 2, 0)]) == 0


def test_the_planned_days_come_from_the_saved_programme(invoke: Invoke) -> None:
    invoke("plan", "--days", "2", "--start", "2026-11-02", "--save")
    assert json.loads(invoke("progress", "--json").stdout)["weeks"][-1]["planned"] == 2
    assert (
        json.loads(invoke("progress", "--json", "--days", "1").stdout)["weeks"][-1]["planned"] == 1
    )


def test_progress_names_the_rows_it_cannot_chart(invoke: Invoke, logged: None, home: Path) -> None:
    import sqlite3

    from glutemed.storage.paths import LOG_NAME

    with sqlite3.connect(home / LOG_NAME) as db:
        db.execute("UPDATE sets SET date = 'garbage' WHERE id = 1")
        db.execute("UPDATE sets SET load = 'heavy-ish' WHERE id = 2")
    for args in (["progress"], ["progress", "--json"], ["history", "--all"]):
        result = invoke(*args)
        assert result.exit_code == 0
        assert "skipped 2 rows of the log that glutemed cannot read" in result.stderr, args
        assert "set 1 (date 'garbage')" in result.stderr and "set 2 (load" in result.stderr


def test_an_absurdly_wide_terminal_is_drawn_at_a_readable_width(
    invoke: Invoke, logged: None
) -> None:
    out = invoke("progress", env={"COLUMNS": "100000"}).stdout
    assert out and max(len(line) for line in out.splitlines()) <= 400


def test_terminal_charts_read_at_a_glance(invoke: Invoke, logged: None) -> None:
    out = invoke("progress", "--days", "2", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    # Every week is labelled by its Monday, day and month, and the planned line is drawn.
    weeks = json.loads(invoke("progress", "--json", "--days", "2").stdout)["weeks"]
    for week in weeks:
        monday = date.fromisoformat(week["week"])
        assert any(line.strip().startswith(f"{monday.day} {monday:%b}") for line in lines)
    assert "streak: 9 weeks" in out and "┆ marks the 2 sessions planned" in out
    # Reps and sessions have whole-number ticks, never 8.2 reps.
    reps = out[out.index("reps of the top set") : out.index("load (kg)")]
    ticks = [line.split("┤")[0].strip() for line in reps.splitlines() if "┤" in line]
    assert ticks and all(tick.isdigit() for tick in ticks)


def test_svg_charts_read_at_a_glance(invoke: Invoke, logged: None, tmp_path: Path) -> None:
    target = tmp_path / "progress.svg"
    assert invoke("progress", "--days", "2", "-o", str(target)).exit_code == 0
    document = xml.dom.minidom.parse(str(target))
    texts = [
        node.firstChild.nodeValue
        for node in document.getElementsByTagName("text")
        if node.firstChild is not None and node.firstChild.nodeValue
    ]
    assert "Sessions a week against 2 planned; streak: 9 weeks" in texts
    assert "planned" in texts and "done" in texts
    monday = TODAY - timedelta(days=TODAY.weekday())
    assert f"{monday.day} {monday:%b}" in texts  # weeks as "23 Nov", not 2026-11-...
    assert not any(text.startswith("2026-") for text in texts)
    # The lateral lunge has one session: a point with its value printed beside it.
    start = texts.index("lateral-lunge: reps of the top set")
    single = texts[start : texts.index("Sessions a week against 2 planned; streak: 9 weeks")]
    assert all(not any(c in t for c in ".,") for t in single if t[:1].isdigit())  # whole reps


@given(st.lists(st.integers(0, 40), min_size=1, max_size=30))
def test_whole_ticks_cover_the_values_in_whole_numbers(values: list[int]) -> None:
    ticks = whole_ticks(values)
    assert len(ticks) >= 2 and ticks == sorted(ticks)
    assert all(isinstance(tick, int) for tick in ticks)
    assert ticks[0] <= min(values) and ticks[-1] >= max(values)
    assert len(ticks) <= 8
