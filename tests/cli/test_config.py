"""Personal defaults from a TOML file, and where each setting comes from."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from glutemed.storage.paths import builtin_catalogue

from ..conftest import Invoke, move


def _settings(
    invoke: Invoke, *args: str, env: dict[str, str] | None = None
) -> dict[str, dict[str, object]]:
    result = invoke("config", *args, "--json", env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_defaults_when_the_file_is_empty(invoke: Invoke) -> None:
    settings = _settings(invoke)
    assert {k: v["from"] for k, v in settings.items()} == dict.fromkeys(
        (
            "days",
            "equipment",
            "long_run",
            "hard",
            "sets",
            "load_step",
            "rest",
            "box_max",
            "runs_from",
            "runs",
            "long_km",
            "long_minutes",
            "publish",
            "catalogue",
        ),
        "default",
    )
    assert settings["days"]["value"] == 3
    assert (settings["long_km"]["value"], settings["long_minutes"]["value"]) == (16, 90)


def test_file_values_are_used_by_plan(invoke: Invoke, config_file: Path) -> None:
    config_file.write_text(
        'days = 2\nequipment = ["dumbbells"]\nlong_run = "sat"\nhard = ["tue"]\nsets = 3\n'
    )
    settings = _settings(invoke)
    assert settings["days"] == {"value": 2, "from": "file"}
    assert settings["equipment"] == {"value": ["dumbbells"], "from": "file"}
    assert settings["long_run"] == {"value": "Saturday", "from": "file"}
    assert settings["hard"] == {"value": ["Tuesday"], "from": "file"}
    data = json.loads(invoke("plan", "--json").stdout)
    assert data["days"] == 2 and data["available"] == ["dumbbells"]
    assert data["runs"]["long"] == "Saturday"
    assert {e["sets"] for s in data["sessions"] for e in s["exercises"]} == {3}


def test_options_beat_the_file(invoke: Invoke, config_file: Path) -> None:
    config_file.write_text('days = 2\nequipment = ["dumbbells"]\n')
    settings = _settings(invoke, "--days", "1", "--equipment", "band,box")
    assert settings["days"] == {"value": 1, "from": "option"}
    assert settings["equipment"] == {"value": ["band", "box"], "from": "option"}
    data = json.loads(invoke("plan", "--days", "1", "-e", "band,box", "--json").stdout)
    assert data["days"] == 1 and data["available"] == ["band", "box"]


def test_catalogue_precedence_option_env_file(
    invoke: Invoke, config_file: Path, write_catalogue: Callable[[object], Path]
) -> None:
    in_file = config_file.parent / "mine.yaml"
    in_file.write_text("exercises: [{slug: from-file, name: F, reps: {min: 1, max: 2}}]\n")
    config_file.write_text('catalogue = "mine.yaml"\n')  # relative to the config file
    assert _settings(invoke)["catalogue"] == {"value": str(in_file), "from": "file"}
    assert invoke("show", "from-file").exit_code == 0
    env_path = write_catalogue({"exercises": [move("from-env")]})
    env = {"GLUTEMED_CATALOGUE": str(env_path)}
    assert _settings(invoke, env=env)["catalogue"]["from"] == "environment"
    assert invoke("show", "from-env", env=env).exit_code == 0
    opt_path = write_catalogue({"exercises": [move("from-option")]})
    result = invoke("--catalogue", str(opt_path), "config", "--json", env=env)
    assert json.loads(result.stdout)["catalogue"] == {"value": str(opt_path), "from": "option"}


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("dayz = 2\n", "line 1: key 'dayz': unknown key (known: days, equipment"),
        ('\n\ndays = "three"\n', "line 3: key 'days': must be a whole number from 1 to 3"),
        ("sets = 9\n", "key 'sets': must be a whole number from 2 to 4"),
        ('equipment = "dumbbells"\n', "key 'equipment': must be an array"),
        ('equipment = ["kettlebell"]\n', "'kettlebell' is not equipment glutemed knows"),
        ('hard = ["someday"]\n', "'someday' is not a weekday"),
        ("long_run = 6\n", "key 'long_run': must be a non-empty string"),
        ("days = [\n", "line 2: invalid value (invalid TOML)"),
        ("days = 2\ndays = 3\n", "line 2"),
    ],
)
def test_broken_file_exits_1_naming_file_line_and_key(
    invoke: Invoke, config_file: Path, text: str, needle: str
) -> None:
    config_file.write_text(text)
    for command in (["plan"], ["config"]):
        result = invoke(*command)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"glutemed: error: {config_file}")
        assert needle in result.stderr
        assert result.stderr.count("\n") == 1


def test_config_variable_pointing_nowhere_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = invoke("plan", env={"GLUTEMED_CONFIG": str(missing)})
    assert result.exit_code == 1
    assert f"GLUTEMED_CONFIG names {missing}, which does not exist" in result.stderr


def test_path_and_init(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "sub" / "config.toml"
    env = {"GLUTEMED_CONFIG": str(target)}
    assert invoke("config", "--path", env=env).stdout == f"{target}\n"
    both = invoke("config", "--init", "--path", env=env)  # both asked for, both done
    assert both.exit_code == 0 and target.exists()
    assert both.stdout.splitlines()[-1] == str(target)
    text = target.read_text()
    assert "# days = 3" in text and "long_run" in text
    assert _settings(invoke, env=env)["days"]["from"] == "default"  # all commented out
    target.write_text("days = 1\n")
    again = invoke("config", "--init", env=env)
    assert again.exit_code == 1
    assert "already exists; glutemed left it untouched" in again.stderr
    assert target.read_text() == "days = 1\n"


def test_the_example_config_works_uncommented(invoke: Invoke, tmp_path: Path) -> None:
    # Each line uncommented, one by one and all together, is a valid config: the [runs]
    # table comes last, so no key lands inside it.
    target = tmp_path / "config.toml"
    env = {"GLUTEMED_CONFIG": str(target)}
    assert invoke("config", "--init", env=env).exit_code == 0
    lines = target.read_text().splitlines()
    settings = [n for n, line in enumerate(lines) if line.startswith("# ") and "=" in line]
    (tmp_path / "my-moves.yaml").write_text(builtin_catalogue().read_text())
    for chosen in [[n] for n in settings] + [settings]:
        text = [line[2:] if n in chosen else line for n, line in enumerate(lines)]
        tables = [n for n, line in enumerate(lines) if line.startswith("# [")]
        for n in chosen:  # a table's key needs the table's heading
            heading = max((t for t in tables if t < n), default=None)
            if heading is not None and not text[heading].startswith("["):
                text[heading] = text[heading][2:]
        target.write_text("\n".join(text) + "\n")
        result = invoke("config", "--json", env=env)
        assert result.exit_code == 0, (chosen, result.stderr)
    shown = json.loads(invoke("config", "--json", env=env).stdout)
    assert shown["long_km"]["value"] == 16 and shown["long_km"]["from"] == "file"
    assert shown["runs"]["value"]["none"] == ["rad", "schwimmen"]
    assert shown["catalogue"]["from"] == "file"


def test_thresholds_and_none_words_change_how_a_calendar_reads(
    invoke: Invoke, config_file: Path, tmp_path: Path
) -> None:
    calendar = tmp_path / "c.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261103\r\nSUMMARY:Steady 18 km\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20261104\r\n"
        "SUMMARY:Radtour 60 km\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    args = ("runs", "--runs-from", str(calendar), "--start", "2026-11-02", "--weeks", "1", "--json")
    before = [e["why"] for e in json.loads(invoke(*args).stdout)["weeks"][0]["events"]]
    assert before == ["long: 18 km", "long: 60 km"]
    config_file.write_text('long_km = 20\n[runs]\nnone = ["radtour"]\n')
    after = [e["why"] for e in json.loads(invoke(*args).stdout)["weeks"][0]["events"]]
    assert after == ["easy: 18 km", "not a run: radtour"]
    config_file.write_text("long_km = 70\n")
    result = invoke(*args)
    assert result.exit_code == 1 and "long_km" in result.stderr and "5 to 50" in result.stderr


def test_default_location_follows_the_platform(invoke: Invoke, tmp_path: Path) -> None:
    env = {"GLUTEMED_CONFIG": "", "XDG_CONFIG_HOME": str(tmp_path)}
    assert invoke("config", "--path", env=env).stdout.strip() == str(
        tmp_path / "glutemed" / "config.toml"
    )
    assert invoke("plan", env=env).exit_code == 0  # no file there: defaults
