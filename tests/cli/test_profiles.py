"""--profile: a coach's runners, each with their own config, log and programme."""

from __future__ import annotations

import json

from ..conftest import Invoke


def test_each_profile_keeps_its_own_log_and_programme(invoke: Invoke) -> None:
    assert invoke("--profile", "alex", "plan", "--days", "3", "--save").exit_code == 0
    assert invoke("--profile", "alex", "log", "split-squat", "--reps", "10,10").exit_code == 0
    assert invoke("--profile", "sam", "log", "lateral-lunge", "--reps", "9").exit_code == 0
    mine = json.loads(invoke("history", "--all", "--json").stdout)
    alex = json.loads(invoke("--profile", "alex", "history", "--all", "--json").stdout)
    sam = json.loads(invoke("history", "--all", "--json", env={"GLUTEMED_PROFILE": "sam"}).stdout)
    assert mine == [] and [s["slug"] for s in alex] == ["split-squat"] * 2
    assert [s["slug"] for s in sam] == ["lateral-lunge"]  # GLUTEMED_PROFILE works too
    assert "No programme is saved" in invoke("programme").stdout  # not alex's
    listed = json.loads(invoke("profiles", "--json").stdout)["profiles"]
    assert [p["profile"] for p in listed] == ["alex", "sam"]
    assert listed[0]["programme_start"] == "2026-11-23" and listed[0]["last_session"]
    assert listed[1]["programme_start"] is None
    shown = invoke("profiles").stdout
    assert "alex: programme 2026-11-23" in shown and "sam: no saved programme" in shown


def test_a_profile_name_is_checked(invoke: Invoke) -> None:
    result = invoke("--profile", "../etc", "history")
    assert result.exit_code == 2 and "--profile takes a name" in result.stderr
