"""Markdown, iCalendar and JSON exports, and writing files without ever losing one."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from markdown_it import MarkdownIt

from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.core.plan import PlanOptions
from glutemed.core.planner import make_plan
from glutemed.errors import ExportError
from glutemed.formats.sheet import to_markdown
from glutemed.storage.files import write_file

from ..conftest import TODAY, Invoke

START = ["--start", "2026-11-30"]


def _tokens(text: str) -> list[tuple[str, str]]:
    """(heading level or token type, inline text) for every block of a Markdown document."""
    md = MarkdownIt("commonmark")
    tokens = md.parse(text)
    out = []
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "paragraph_open"):
            kind = token.tag if token.type == "heading_open" else "p"
            out.append((kind, tokens[index + 1].content))
    return out


def test_markdown_sheet_structure(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    result = invoke(
        "plan",
        "--days",
        "3",
        "--moves",
        "lateral-lunge,banded-squat,split-squat",
        *START,
        "-o",
        str(target),
    )
    assert result.exit_code == 0, result.output
    text = target.read_text()
    blocks = _tokens(text)
    h1 = [content for kind, content in blocks if kind == "h1"]
    assert h1 == ["Gluteus medius plan: 3 days a week, 1 week"]
    weeks = [content for kind, content in blocks if kind == "h2" and content.startswith("Week")]
    assert weeks == ["Week 1 · 2026-11-30 to 2026-12-06"]
    sessions = [content for kind, content in blocks if kind == "h3" and "·" in content]
    assert [session.split(" · about")[0] for session in sessions] == [
        "Monday · 2026-11-30",
        "Wednesday · 2026-12-02",
        "Friday · 2026-12-04",
    ]
    moves = [content for kind, content in blocks if kind == "p" and "(`" in content]
    assert moves[0].startswith("**Lateral Lunge** (`lateral-lunge`) · 2 x 6-12 reps each side")
    assert len(moves) == 9  # three moves in each of three sessions
    assert text.count("Training information, not a diagnosis") == 1  # once, with the guidance
    assert "glutemed's general guidance, not the source's" in text
    assert blocks[-1][1].startswith("Moves and programme rules from a Runner's World article")
    assert "Helms" in blocks[-1][1] and "McCall" in blocks[-1][1]
    quotes = [line for line in text.splitlines() if line.startswith("> ")]
    assert len(quotes) >= 2 and all(f"\n{q}\n\n" in text for q in quotes[:-1])  # a paragraph each


def test_a_long_sheet_stays_compact(invoke: Invoke) -> None:
    text = invoke("plan", "--weeks", "12", "--format", "markdown").stdout
    boxes = text.count("- [ ] Set ")
    assert len(text.splitlines()) < boxes * 1.7 + 150  # a line a set, little else (was 794)
    assert text.count("## How to do the moves") == 1 and text.count("Every session (") == 1
    assert "reps each side; did" not in text  # the set line does not repeat the prescription


def test_markdown_has_one_checkbox_per_set(invoke: Invoke) -> None:
    routine = ("--moves", "lateral-lunge,banded-squat,split-squat")
    text = invoke("plan", *routine, "--format", "markdown", "--sets", "3").stdout
    data = json.loads(invoke("plan", *routine, "--json", "--sets", "3").stdout)
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] Set ")]
    assert len(boxes) == sum(e["sets"] for s in data["sessions"] for e in s["exercises"])
    assert "- [ ] Set 1: did __ reps @ __" in boxes
    assert "- [ ] Set 3: did __ reps @ __" in boxes
    md = MarkdownIt("commonmark")
    items = [t for t in md.parse(text) if t.type == "list_item_open"]
    assert len(items) >= len(boxes)


def test_markdown_how_to_lists_each_planned_move_once(invoke: Invoke) -> None:
    text = invoke(
        "plan",
        "--days",
        "3",
        "--moves",
        "lateral-lunge,banded-squat,split-squat",
        "--format",
        "markdown",
    ).stdout
    how_to = text.split("## How to do the moves", 1)[1]
    blocks = _tokens(how_to)
    names = [content for kind, content in blocks if kind == "h3"]
    assert sorted(names) == sorted(set(names))
    assert "Lateral Lunge" in names
    assert "1. Stand with your feet about shoulder-width apart" in how_to


def test_format_markdown_prints_exactly_what_output_writes(invoke: Invoke, tmp_path: Path) -> None:
    printed = invoke("plan", *START, "--weeks", "2", "--format", "markdown").stdout_bytes
    target = tmp_path / "plan.markdown"
    invoke("plan", *START, "--weeks", "2", "-o", str(target))
    assert target.read_bytes() == printed
    assert invoke("plan", *START, "--weeks", "2", "--format", "markdown").stdout_bytes == printed


def test_markdown_escapes_catalogue_text() -> None:
    from glutemed.core.catalogue import Catalogue, Exercise

    catalogue = Catalogue(
        exercises=[
            Exercise(slug="a", name="*Bold* [link](x)", reps={"min": 1, "max": 2}, lateral=True),  # type: ignore[arg-type]
            Exercise(slug="b", name="# not a heading", reps={"min": 1, "max": 2}),  # type: ignore[arg-type]
        ]
    )
    text = to_markdown(make_plan(catalogue, PlanOptions(weekdays=(0,))), catalogue)
    tokens = MarkdownIt("commonmark").parse(text)
    assert [t.tag for t in tokens if t.type == "heading_open"].count("h3") == 3
    inline = [c.type for t in tokens if t.children for c in t.children]
    assert "em_open" not in inline and "link_open" not in inline


def _calendar(data: bytes) -> Calendar:
    return Calendar.from_ical(data)  # type: ignore[return-value]


def test_ics_has_one_all_day_event_per_session(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    assert invoke("plan", *START, "--weeks", "2", "-o", str(target)).exit_code == 0
    events = list(_calendar(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 6
    first = events[0]
    assert first.decoded("dtstart") == date(2026, 11, 30)
    assert first.decoded("dtend") == date(2026, 12, 1)
    assert str(first["summary"]).startswith("Glute med: ")
    assert " x 6-12 reps each side" in str(first["description"])
    assert len({str(e["uid"]) for e in events}) == 6


def test_ics_is_byte_identical_and_uids_survive_more_weeks(invoke: Invoke) -> None:
    one = invoke("plan", *START, "--format", "ics").stdout_bytes
    assert one == invoke("plan", *START, "--format", "ics").stdout_bytes
    longer = invoke("plan", *START, "--format", "ics", "--weeks", "3").stdout_bytes
    uids = {str(e["uid"]) for e in _calendar(one).walk("VEVENT")}
    assert uids <= {str(e["uid"]) for e in _calendar(longer).walk("VEVENT")}
    other_seed = invoke("plan", *START, "--format", "ics", "--seed", "5").stdout_bytes
    assert uids == {str(e["uid"]) for e in _calendar(other_seed).walk("VEVENT")}  # same dates
    named = invoke("plan", *START, "--format", "ics", "--name", "spring block").stdout_bytes
    assert uids.isdisjoint({str(e["uid"]) for e in _calendar(named).walk("VEVENT")})


def test_exporting_over_an_earlier_calendar_cancels_the_sessions_it_drops(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "plan.ics"
    invoke("plan", *START, "--on", "mon,wed,fri", "-o", str(target))
    first = {
        str(e["uid"]): e.decoded("dtstart") for e in _calendar(target.read_bytes()).walk("VEVENT")
    }
    result = invoke("plan", *START, "--on", "tue,fri", "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    events = list(_calendar(target.read_bytes()).walk("VEVENT"))
    cancelled = {str(e["uid"]) for e in events if str(e.get("status", "")) == "CANCELLED"}
    live = {str(e["uid"]) for e in events if str(e.get("status", "")) != "CANCELLED"}
    assert len(live) == 2 and len(cancelled) == 2  # Monday and Wednesday are gone
    friday = [uid for uid, day in first.items() if day == date(2026, 12, 4)]
    assert friday and friday[0] in live  # the same date keeps its UID: updated, not copied
    assert {first[uid] for uid in cancelled} == {date(2026, 11, 30), date(2026, 12, 2)}
    said = " ".join(result.output.split())
    assert "Wrote 2 sessions" in said and "cancelled 2 sessions" in said


def test_the_programme_name_names_the_calendar(invoke: Invoke) -> None:
    named = _calendar(invoke("plan", *START, "--format", "ics", "--name", "Half 2027").stdout_bytes)
    assert str(named["x-wr-calname"]) == "Half 2027"
    plain = _calendar(invoke("plan", *START, "--format", "ics").stdout_bytes)
    assert str(plain["x-wr-calname"]) == "glutemed"


def test_remind_adds_an_alarm_before_each_session(invoke: Invoke) -> None:
    timed = _calendar(
        invoke("plan", *START, "--format", "ics", "--time", "7pm", "--remind", "1h").stdout_bytes
    )
    alarms = list(timed.walk("VALARM"))
    assert len(alarms) == 3 and all(a.decoded("trigger") == -timedelta(hours=1) for a in alarms)
    all_day = _calendar(invoke("plan", *START, "--format", "ics", "--remind", "30m").stdout_bytes)
    assert {a.decoded("trigger") for a in all_day.walk("VALARM")} == {
        timedelta(hours=7, minutes=30)
    }
    assert invoke("plan", "--remind", "1h").exit_code == 2  # only for a calendar


def test_ics_at_a_time_lasts_the_session(invoke: Invoke) -> None:
    data = invoke("plan", *START, "--format", "ics", "--time", "07:30").stdout_bytes
    plan = json.loads(invoke("plan", *START, "--json").stdout)
    events = list(_calendar(data).walk("VEVENT"))
    start = events[0].decoded("dtstart")
    assert start == datetime(2026, 11, 30, 7, 30)
    assert events[0].decoded("dtend") - start == timedelta(minutes=plan["sessions"][0]["minutes"])


def test_plans_are_dated_from_today_by_default(invoke: Invoke) -> None:
    result = invoke("plan", "--format", "ics", "--on", "tue,fri")
    first = next(iter(_calendar(result.stdout_bytes).walk("VEVENT"))).decoded("dtstart")
    assert first == TODAY + timedelta(days=1)  # the first planned weekday on or after today
    assert invoke("plan", "--format", "ics", "--on", "tue,fri").stdout_bytes == result.stdout_bytes


def test_json_file_is_the_json_output(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    invoke("plan", *START, "-o", str(target))
    assert target.read_text() == invoke("plan", *START, "--json").stdout


def test_unknown_suffix_exits_2_and_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("plan", "-o", str(tmp_path / "plan.docx"))
    assert result.exit_code == 2
    assert ".md, .markdown, .ics, .json, .html, .htm, .pdf" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_format_overrides_the_suffix(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    assert invoke("plan", "-o", str(target), "--format", "markdown").exit_code == 0
    assert target.read_text().startswith("# Gluteus medius plan")


def test_existing_file_needs_force(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("my notes")
    result = invoke("plan", "-o", str(target))
    assert result.exit_code == 1
    assert str(target) in result.stderr and "--force" in result.stderr
    assert target.read_text() == "my notes"
    assert invoke("plan", "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("# Gluteus medius plan")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


@pytest.mark.parametrize(
    ("target", "needle"),
    [
        ("missing-folder/plan.md", "no such folder"),
        (".", "is a folder"),
    ],
)
def test_unwritable_targets_exit_1(
    invoke: Invoke, tmp_path: Path, target: str, needle: str
) -> None:
    result = invoke("plan", "-o", str(tmp_path / target), "--format", "markdown")
    assert result.exit_code == 1
    assert needle in result.stderr
    assert result.stderr.count("\n") == 1


def test_dev_null_is_never_replaced(invoke: Invoke) -> None:
    result = invoke("plan", "-o", "/dev/null", "--format", "json", "--force")
    assert result.exit_code == 1
    assert "not a regular file" in result.stderr
    assert Path("/dev/null").is_char_device()


def test_failed_write_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old")

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="Input/output error"):
        write_file(target, b"new", force=True)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_write_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old")
    target.chmod(0o640)
    write_file(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_new_file_respects_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_file(tmp_path / "plan.md", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "plan.md").stat().st_mode & 0o777 == 0o644


def test_exports_share_the_plan(tmp_path: Path) -> None:
    catalogue = load_catalogue()
    plan = make_plan(catalogue, PlanOptions(start=date(2026, 11, 30)))
    text = to_markdown(plan, catalogue)
    for session in plan.sessions:
        for exercise in session.exercises:
            assert f"`{exercise.slug}`" in text


def test_an_event_is_the_same_whatever_order_its_properties_are_stored_in() -> None:
    from glutemed.formats.plan_out import same_event

    ours = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//glutemed//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:20261207-ab@glutemed\r\nDTSTAMP:20261207T000000Z\r\n"
        b"DTSTART;VALUE=DATE:20261207\r\nSUMMARY:Glute med\\, two moves\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    stored = (  # as a server may keep it: other order, another moment of writing
        b"BEGIN:VCALENDAR\r\nPRODID:-//glutemed//EN\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
        b"SUMMARY:Glute med\\, two moves\r\nDTSTART;VALUE=DATE:20261207\r\n"
        b"DTSTAMP:20261208T101010Z\r\nUID:20261207-ab@glutemed\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert same_event(ours, stored)
    assert not same_event(ours, stored.replace(b"two moves", b"three moves"))
    assert not same_event(ours, b"not a calendar")
