"""Hostile calendars: one bad event is left out, named, and the rest is read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from glutemed.core.reading import read_event
from glutemed.formats import ics_in

from ..conftest import Invoke

GOOD = (
    "BEGIN:VEVENT\r\nUID:good@t\r\nDTSTART;VALUE=DATE:20261125\r\n"
    "SUMMARY:Long run 16 miles\r\nEND:VEVENT\r\n"
)


def _calendar(bad: str, head: str = "") -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        f"{head}{GOOD}BEGIN:VEVENT\r\nUID:bad@t\r\n{bad}SUMMARY:Tempo\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    ).encode()


BAD_EVENTS = {
    "a day that does not exist": ("DTSTART;VALUE=DATE:20260230\r\n", "20260230"),
    "a start that is not a date": ("DTSTART:garbage\r\n", "garbage"),
    "a start in 9999": ("DTSTART;VALUE=DATE:99991231\r\n", "year 9999"),
    "no start": ("", "it has no start"),
    "two starts": (
        "DTSTART;VALUE=DATE:20261126\r\nDTSTART;VALUE=DATE:20261127\r\n",
        "two starts",
    ),
    "a rule repeating every 0 days": (
        "DTSTART;VALUE=DATE:20261120\r\nRRULE:FREQ=DAILY;INTERVAL=0\r\n",
        "interval of 0",
    ),
}


@pytest.mark.parametrize("label", sorted(BAD_EVENTS))
def test_one_bad_event_is_left_out_and_named(label: str) -> None:
    bad, says = BAD_EVENTS[label]
    warnings: list[str] = []
    found = ics_in.events(
        _calendar(bad), date(2026, 11, 23), date(2026, 11, 29), warn=warnings.append
    )
    assert [(event.date, event.kind) for event in found] == [(date(2026, 11, 25), "long")]
    assert len(warnings) == 1 and "'Tempo'" in warnings[0] and says in warnings[0], warnings
    assert "Error" not in warnings[0]


def test_an_unknown_calendar_zone_is_read_as_the_runners_with_a_warning() -> None:
    warnings: list[str] = []
    data = _calendar("DTSTART;VALUE=DATE:20261126\r\n", head="X-WR-TIMEZONE:Nowhere/Land\r\n")
    found = ics_in.events(data, date(2026, 11, 23), date(2026, 11, 29), warn=warnings.append)
    assert [event.date for event in found] == [date(2026, 11, 25), date(2026, 11, 26)]
    assert any("time zone glutemed does not know" in line for line in warnings)


def test_the_plan_reads_the_calendar_from_its_own_first_day(invoke: Invoke, tmp_path: Path) -> None:
    daily = tmp_path / "daily.ics"
    daily.write_bytes(_calendar("DTSTART;VALUE=DATE:20261101\r\nRRULE:FREQ=DAILY\r\n"))
    result = invoke("plan", "--start", "2999-12-02", "--runs-from", str(daily))
    assert result.exit_code == 0, result.output
    assert "between 2999-12-01 and" in result.stderr  # not from today


def test_config_words_join_glutemeds_own() -> None:
    words = {"long": (*(f"word{n}" for n in range(199)), "lange runde")}
    assert read_event("Lange Runde", words=words).why == "long: lange runde"
    assert read_event("Intervalle: 6x800", words={"hard": ("intervalle",)}).why == (
        "hard: intervalle"
    )
    # A "none" word reads as not a run; a size still makes a run of a sport word's event.
    assert read_event("Rad 2h", words={"none": ("rad",)}).why == "not a run: rad"
    assert read_event("Lauf 8 km", words={"easy": ("lauf",)}).why == "easy: 8 km"


def test_the_runs_table_is_bounded(invoke: Invoke, config_file: Path) -> None:
    many = ", ".join(f'"w{n}"' for n in range(201))
    config_file.write_text(f"[runs]\nhard = [{many}]\n")
    result = invoke("runs", "--runs-from", "x.ics")
    assert result.exit_code == 1
    assert "hard holds 201 words; glutemed takes 0 to 200 words a kind" in result.stderr


@pytest.mark.parametrize("source", ["ftp://example.org/plan.ics", "file:///tmp/plan.ics"])
def test_a_scheme_glutemed_does_not_fetch_is_one_line(invoke: Invoke, source: str) -> None:
    result = invoke("runs", "--runs-from", source)
    assert result.exit_code == 2
    assert "http://, https:// or webcal:// URL" in result.stderr


def test_runs_from_in_the_config_file_is_relative_to_it(
    invoke: Invoke, config_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (config_file.parent / "training.ics").write_bytes(_calendar("DTSTART;VALUE=DATE:20261126\r\n"))
    config_file.write_text('runs_from = "training.ics"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = invoke("runs", "--start", "2026-11-23", "--weeks", "1")
    assert result.exit_code == 0, result.output
    assert "Long run 16 miles" in result.stdout
