"""The session guidance and the caution, wherever a session or a move is shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from icalendar import Calendar

from glutemed.core.about import CAUTION, CREDIT, GUIDANCE, GUIDANCE_TITLE

from ..conftest import Invoke

README = Path(__file__).resolve().parents[2] / "README.md"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--explain"],
        ["show", "lateral-lunge"],
        ["plan", "--format", "markdown"],
    ],
)
def test_every_session_view_carries_the_guidance_and_the_caution_once(
    invoke: Invoke, args: list[str]
) -> None:
    text = _flat(invoke(*args, env={"COLUMNS": "200"}).stdout)
    assert text.count(GUIDANCE_TITLE) == 1
    for point in GUIDANCE:
        assert _flat(point) in text
    assert text.count(_flat(CAUTION)) == 1 and "above 5 out of 10" in text


def test_every_calendar_event_carries_the_guidance_caution_and_credit(invoke: Invoke) -> None:
    data = invoke("plan", "--format", "ics").stdout_bytes
    events = list(Calendar.from_ical(data).walk("VEVENT"))
    assert events
    for event in events:
        description = str(event.get("description"))
        assert GUIDANCE_TITLE in description and CAUTION in description
        assert CREDIT in description and all(point in description for point in GUIDANCE)


def test_show_and_the_sheet_credit_the_reviewer_and_both_trainers(invoke: Invoke) -> None:
    for args in (["show", "1"], ["plan", "--format", "markdown"]):
        text = _flat(invoke(*args, env={"COLUMNS": "200"}).stdout)
        for name in ("Runner's World", "John Vasudevan", "Alison Marie Helms", "McCall"):
            assert name in text, (args, name)


def test_the_readme_states_the_guidance_word_for_word() -> None:
    section = README.read_text().split("### Every session", 1)[1].split("\n## ", 1)[0]
    points = [_flat(item) for item in re.split(r"\n- ", section)[1:]]
    assert points == [_flat(point) for point in GUIDANCE]


def test_before_you_start_reads_the_same_in_the_readme_show_and_the_sheet(
    invoke: Invoke,
) -> None:
    from glutemed.core.about import ADD_ON, BEFORE

    readme = _flat(README.read_text())
    shown = _flat(invoke("show", "1", env={"COLUMNS": "200"}).stdout)
    sheet = _flat(invoke("plan", "--format", "markdown").stdout)
    for point in BEFORE:
        assert _flat(point) in readme and _flat(point) in shown and _flat(point) in sheet
    assert _flat(ADD_ON) in readme
    assert _flat(ADD_ON) in _flat(invoke("plan", "--explain").stdout)
