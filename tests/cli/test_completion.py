"""Shell completion: commands, options, slugs, equipment and weekdays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glutemed.cli.app import app
from glutemed.cli.completion import quick_slugs
from glutemed.core.rules import complete_words

from ..conftest import move


def complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash completion offers for the last word of ``words``."""
    parts = words.split(" ")
    full_env = {"_GLUTEMED_COMPLETE": "complete_bash", "COMP_WORDS": words}
    full_env["COMP_CWORD"] = str(len(parts) - 1)
    full_env.update(env or {})
    result = CliRunner().invoke(app, [], env=full_env, prog_name="glutemed")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("glutemed pl", ["plan"]),
        ("glutemed c", ["check", "config"]),
        ("glutemed show lat", ["lateral-step-up-to-balance", "lateral-lunge"]),
        ("glutemed show ", None),
        ("glutemed plan --on tue,th", ["tue,thu"]),
        (
            "glutemed plan --hard mon,",
            ["mon,tue", "mon,wed", "mon,thu", "mon,fri", "mon,sat", "mon,sun"],
        ),
        ("glutemed plan --long-run s", ["sat", "sun"]),
        ("glutemed plan --equipment dumbbells,b", ["dumbbells,band", "dumbbells,box"]),
        ("glutemed plan --format i", ["ics"]),
        ("glutemed plan --lo", ["--long-run", "--load-step"]),
        ("glutemed plan --race-distance h", ["half"]),
        ("glutemed check --left m", ["midline"]),
    ],
)
def test_completes(words: str, expected: list[str] | None) -> None:
    got = complete(words)
    if expected is None:
        assert len(got) == 5 and "banded-squat" in got
    else:
        assert got == expected


def test_slugs_come_from_the_catalogue_in_use(write_catalogue: Callable[[object], Path]) -> None:
    path = write_catalogue({"exercises": [move("hip-hike"), move("hip-airplane")]})
    assert complete(f"glutemed --catalogue {path} show hip") == ["hip-hike", "hip-airplane"]
    assert complete("glutemed show hip", env={"GLUTEMED_CATALOGUE": str(path)}) == [
        "hip-hike",
        "hip-airplane",
    ]


def test_broken_catalogue_completes_nothing_quietly(
    write_catalogue: Callable[[object], Path],
) -> None:
    path = write_catalogue(b"\xff\x00 not yaml")
    assert complete(f"glutemed --catalogue {path} show ") == []
    assert quick_slugs(Path("/nonexistent.yaml")) == []


def test_quick_slugs_read_block_and_flow_styles(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "exercises:\n  - slug: one-a\n    name: x\n"
        "  - {slug: 'two-b', name: y}\n  - {name: z, slug: three}\n"
    )
    assert quick_slugs(path) == ["one-a", "two-b", "three"]


def test_comma_lists_skip_words_already_given() -> None:
    assert complete_words("tue,", ["mon", "tue", "wed"]) == ["tue,mon", "tue,wed"]
    assert complete_words("", ["mon", "tue"]) == ["mon", "tue"]
    assert complete_words("TU", ["mon", "tue"]) == ["tue"]


def test_show_completion_prints_a_script() -> None:
    result = CliRunner().invoke(app, ["--show-completion", "bash"], prog_name="glutemed")
    assert "_GLUTEMED_COMPLETE" in result.stdout


def test_completion_leaves_value_conversion_as_it_was() -> None:
    """Completion keeps the words as typed; afterwards, commands convert them again."""
    assert complete("glutemed plan --weeks abc --long-run s") == ["sat", "sun"]
    result = CliRunner().invoke(app, ["plan", "--weeks", "abc"])
    assert result.exit_code == 2 and "--weeks takes 1 to 12 weeks" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("words", "cword", "wanted"),
    [
        ("glutemed --catalogue x.yaml plan --days 2 --on tue,th", "7", ["tue,thu"]),
        # A move: the config file is read for its catalogue, by a scan, without pydantic.
        ("glutemed show lateral-l", "2", ["lateral-lunge"]),
    ],
)
def test_a_tab_does_not_load_pydantic(words: str, cword: str, wanted: list[str]) -> None:
    """A TAB parses the words before the cursor without converting them, so it
    skips pydantic, a third of its cost."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "sys.argv = ['glutemed']\n"
        "from glutemed.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('PYDANTIC' if 'pydantic' in sys.modules else 'NONE')\n"
    )
    env = {
        **os.environ,
        "_GLUTEMED_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": cword,
    }
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.stdout.split() == [*wanted, "NONE"], done.stderr
