"""glutemed show: one move, as a card, JSON, a figure or a page."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pytest

from ..conftest import Invoke


def test_show_prints_a_card_with_numbered_steps(invoke: Invoke) -> None:
    result = invoke("show", "lateral-lunge")
    assert result.exit_code == 0
    out = result.stdout
    assert "Lateral Lunge" in out
    assert "6-12 each side" in out
    assert "Equipment" in out and "none" in out
    assert "1. Stand with your feet" in out
    assert "Cues" in out
    assert out.index("Steps") < out.index("Cues")


@pytest.mark.parametrize("query", ["lateral-lunge", "lateral lunge", "4"])
def test_show_json_finds_by_slug_name_or_number(invoke: Invoke, query: str) -> None:
    data = json.loads(invoke("show", query, "--json").stdout)
    assert data["slug"] == "lateral-lunge"
    assert set(data) >= {
        "slug",
        "name",
        "reps",
        "per_side",
        "equipment",
        "lateral",
        "steps",
        "cues",
    }
    assert data["per_side"] is True and data["lateral"] is True


def test_show_unknown_move_suggests_slugs(invoke: Invoke) -> None:
    result = invoke("show", "lateral-lung")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        "glutemed: error: no move 'lateral-lung' in the catalogue; did you mean 'lateral-lunge'"
    )
    assert result.stderr.count("\n") == 1


def test_show_writes_the_figure_or_a_card_and_never_clobbers(
    invoke: Invoke, tmp_path: Path
) -> None:
    svg, html = tmp_path / "lunge.svg", tmp_path / "lunge.html"
    assert invoke("show", "lateral-lunge", "-o", str(svg)).exit_code == 0
    xml.dom.minidom.parse(str(svg))
    assert invoke("show", "lateral-lunge", "-o", str(html)).exit_code == 0
    card = html.read_text()
    assert "<svg" in card and "Lateral Lunge" in card and "Shallow Lateral Lunge" in card
    assert card.count("<svg") == 3  # the move and each of its two other forms, drawn
    assert "glutemed's general guidance" in card and "McCall" in card
    again = invoke("show", "lateral-lunge", "-o", str(svg))
    assert again.exit_code == 1 and "--force" in again.stderr
    assert invoke("show", "lateral-lunge", "-o", str(tmp_path / "x.png")).exit_code == 2
