"""The built-in catalogue carries the source's facts; loading refuses bad files clearly."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.core.catalogue import Catalogue
from glutemed.errors import CatalogueError, NotFoundError
from glutemed.storage.paths import builtin_catalogue as builtin_path

from ..conftest import move

# The source's table: reps, sides and equipment of the five moves, in its order.
SOURCE = [
    (
        "staggered-stance-romanian-deadlift",
        "Staggered-Stance Romanian Deadlift",
        6,
        12,
        True,
        ["dumbbells"],
    ),
    ("split-squat", "Split Squat", 6, 12, True, ["dumbbells"]),
    ("lateral-step-up-to-balance", "Lateral Step-Up to Balance", 6, 12, True, ["box"]),
    ("lateral-lunge", "Lateral Lunge", 6, 12, True, []),
    ("banded-squat", "Banded Squat", 8, 15, False, ["band"]),
]
DAMAGE = [
    "Master the Half",
    "Workout Splits",
    "Pelvic Floor",
    "Fitness Trackers",
    "Rucking",
    "Image no longer available",
    "John Vasudevan",
    "she says",
    "swelling in the tendon",
    "medias",
    "thats",
    "Runnners",
]


@pytest.fixture(scope="module")
def builtin() -> Catalogue:
    return load_catalogue()


def test_builtin_matches_the_source_table(builtin: Catalogue) -> None:
    got = [(m.slug, m.name, m.reps.min, m.reps.max, m.per_side, list(m.equipment)) for m in builtin]
    assert got == SOURCE


def test_lateral_moves_are_the_sideways_ones(builtin: Catalogue) -> None:
    assert [m.slug for m in builtin if m.lateral] == [
        "lateral-step-up-to-balance",
        "lateral-lunge",
        "banded-squat",
    ]


def test_every_move_has_steps_and_cues_without_the_source_damage(builtin: Catalogue) -> None:
    for exercise in builtin:
        assert len(exercise.steps) >= 3, exercise.slug
        assert exercise.cues, exercise.slug
        text = " ".join([exercise.name, *exercise.steps, *exercise.cues])
        for fragment in DAMAGE:
            assert fragment.lower() not in text.lower(), (exercise.slug, fragment)


def test_source_figures_survive_in_the_steps(builtin: Catalogue) -> None:
    lunge = builtin.find("lateral-lunge")
    assert "three to four feet" in " ".join(lunge.steps)
    rdl = builtin.find("staggered-stance-romanian-deadlift")
    assert "kickstand" in " ".join(rdl.steps + rdl.cues)
    assert "dumbbells are a little below knee height" in " ".join(rdl.steps)  # how far to lower
    step_up = builtin.find("lateral-step-up-to-balance")
    assert "hip" in " ".join(step_up.steps)
    banded = builtin.find("banded-squat")
    assert "above the knees" in " ".join(banded.steps)


def test_builtin_file_is_the_top_level_data_file() -> None:
    assert builtin_path().name == "exercises.yaml"
    assert builtin_path().is_file()


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("lateral-lunge", "lateral-lunge"),
        ("Lateral Lunge", "lateral-lunge"),
        ("  split squat ", "split-squat"),
        ("BANDED SQUAT", "banded-squat"),
        ("1", "staggered-stance-romanian-deadlift"),
        ("5", "banded-squat"),
    ],
)
def test_find_by_slug_name_or_number(builtin: Catalogue, query: str, slug: str) -> None:
    assert builtin.find(query).slug == slug


@pytest.mark.parametrize("query", ["0", "6", "-1", "lunge-lateral", "", "99999999999999999999"])
def test_find_refuses_what_is_not_there(builtin: Catalogue, query: str) -> None:
    with pytest.raises(NotFoundError):
        builtin.find(query)


def test_did_you_mean_names_the_closest_slugs(builtin: Catalogue) -> None:
    with pytest.raises(NotFoundError, match="did you mean 'lateral-lunge'"):
        builtin.find("lateral-lunges")
    with pytest.raises(NotFoundError, match="lateral-step-up-to-balance"):
        builtin.find("lateral")


def test_minimal_entry_takes_the_defaults(write_catalogue: Callable[[object], Path]) -> None:
    path = write_catalogue({"exercises": [move("hip-hike")]})
    (only,) = load_catalogue(path)
    assert (only.per_side, only.equipment, only.lateral, only.steps, only.cues) == (
        False,
        [],
        False,
        [],
        [],
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            {"exercises": [move("a", lateal=True)]},
            r"entry 1 \('a'\): field 'lateal': unknown field",
        ),
        (
            {"exercises": [move("a", reps={"min": 9, "max": 6})]},
            r"entry 1 \('a'\): field 'reps': min \(9\) is above max \(6\)",
        ),
        (
            {"exercises": [move("a"), move("b", reps={"min": "six", "max": 8})]},
            r"entry 2 \('b'\): field 'reps.min'",
        ),
        (
            {"exercises": [move("a"), move("a")]},
            r"entry 2, field 'slug': 'a' is already the slug of entry 1",
        ),
        ({"exercises": [move("Not A Slug")]}, r"entry 1 \('Not A Slug'\): field 'slug'"),
        (
            {"exercises": [move("a", equipment=["kettlebell"])]},
            r"field 'equipment' item 1: takes dumbbells, band, box or mat",
        ),
        ({"exercises": [move("a", equipment=["box", "box"])]}, "equipment lists an item twice"),
        ({"exercises": [move("a", per_side="yes")]}, r"field 'per_side'"),
        (
            {"exercises": [{"slug": "a", "reps": {"min": 1, "max": 2}}]},
            r"entry 1 \('a'\): field 'name': required but missing",
        ),
        ({"exercises": []}, "field 'exercises'"),
        ({"exercise": [move("a")]}, "field 'exercise': unknown field"),
        ([move("a")], "expected a mapping with 'exercises:' at the top, found a list"),
        ("", "the file is empty"),
        ("exercises: [\n  {slug: a,\n", r"line \d+, column \d+"),
        ("exercises:\n\t- slug: a\n", r"line 2, column 1"),
        ("!!python/object/apply:os.system ['echo hacked']\n", "could not determine a constructor"),
        (b"exercises: \xff\xfe\n", "line 1: not UTF-8 text"),
    ],
)
def test_broken_catalogues_name_file_entry_and_field(
    write_catalogue: Callable[[object], Path], content: object, expected: str
) -> None:
    path = write_catalogue(content)
    with pytest.raises(CatalogueError, match=expected) as caught:
        load_catalogue(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message


def test_missing_and_folder_paths(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="no such file"):
        load_catalogue(tmp_path / "nope.yaml")
    with pytest.raises(CatalogueError, match="is a folder"):
        load_catalogue(tmp_path)


#: Runs of words that were the article's own, found in earlier texts of the project and
#: reworded: none may come back in any file a user reads. Kept as (words, SHA-256 of the
#: run in lower case), so the article's words are not in the repository.
ARTICLE_RUNS: tuple[tuple[int, str], ...] = (
    (8, "73332b695a4292697d4c5133b4fcc8f1a963fac7954cd87f71345ec85df9e60d"),
    (7, "c31a18117503c0f9490b345473750ef2da168101f22959c99af501ac39a2718b"),
    (7, "efd1f20d7a8d11a6c6390f11677b714b022bc4789d842322223008852f054141"),
)


def test_no_run_of_the_articles_words_is_in_the_project() -> None:
    root = Path(__file__).resolve().parents[2]
    files = [root / "README.md", *root.glob("docs/*.md"), *root.glob("data/*.yaml")]
    files += list((root / "src").rglob("*.py"))
    wanted = {digest for _, digest in ARTICLE_RUNS}
    for path in files:
        words = re.sub(r"[^a-z0-9-]+", " ", path.read_text(encoding="utf-8").lower()).split()
        for size in {size for size, _ in ARTICLE_RUNS}:
            for start in range(len(words) - size + 1):
                run = " ".join(words[start : start + size])
                assert hashlib.sha256(run.encode()).hexdigest() not in wanted, path.name
