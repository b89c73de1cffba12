"""glutemed list: the catalogue as a table or JSON."""

from __future__ import annotations

import json

from ..conftest import Invoke


def test_list_shows_all_five_moves(invoke: Invoke) -> None:
    result = invoke("list")
    assert result.exit_code == 0
    for text in ("lateral-lunge", "Banded Squat", "8-15", "each side", "both legs", "box"):
        assert text in result.stdout
    assert result.stdout.count("\n") > 5


def test_list_json_is_the_catalogue(invoke: Invoke) -> None:
    data = json.loads(invoke("list", "--json").stdout)
    assert [item["slug"] for item in data] == [
        "staggered-stance-romanian-deadlift",
        "split-squat",
        "lateral-step-up-to-balance",
        "lateral-lunge",
        "banded-squat",
    ]
    assert data[4]["reps"] == {"min": 8, "max": 15}
