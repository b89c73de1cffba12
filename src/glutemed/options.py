"""Names the command line accepts: weekdays and equipment. Standard library only,
so option parsing and shell completion load nothing heavy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
#: Equipment names a catalogue may use, in the order glutemed lists them.
EQUIPMENT: tuple[str, ...] = ("dumbbells", "band", "box", "mat")
_EQUIPMENT_ALIASES = {
    "dumbbell": "dumbbells",
    "bands": "band",
    "step": "box",
    "boxes": "box",
    "mats": "mat",
}


def split_words(values: Iterable[str]) -> list[str]:
    """Comma-separated and repeated values as one list of lower-case words."""
    return [word.strip().lower() for value in values for word in value.split(",")]


def parse_weekday(word: str) -> int:
    """0 for Monday ... 6 for Sunday, from a full name or any prefix of three letters or more."""
    folded = word.strip().lower()
    if len(folded) >= 3:
        for index, name in enumerate(WEEKDAYS):
            if name.lower().startswith(folded):
                return index
    raise ValueError(f"{shorten(word)!r} is not a weekday; use mon, tue, wed, thu, fri, sat or sun")


def parse_weekdays(values: Iterable[str]) -> tuple[int, ...]:
    """Weekdays in week order; a day named twice is refused."""
    days = [parse_weekday(word) for word in split_words(values)]
    for day in set(days):
        if days.count(day) > 1:
            raise ValueError(f"{WEEKDAYS[day]} is named twice")
    return tuple(sorted(days))


def parse_equipment(values: Iterable[str]) -> frozenset[str]:
    """Equipment from names (``none`` for bodyweight only, ``all`` for everything)."""
    words = split_words(values)
    if not words or "" in words:
        raise ValueError("give equipment names separated by commas, or 'none' for bodyweight only")
    chosen: set[str] = set()
    for word in words:
        if word == "none":
            continue
        if word == "all":
            chosen.update(EQUIPMENT)
            continue
        name = _EQUIPMENT_ALIASES.get(word, word)
        if name not in EQUIPMENT:
            raise ValueError(
                f"unknown equipment {shorten(word)!r}; known: {', '.join(EQUIPMENT)}, none"
            )
        chosen.add(name)
    return frozenset(chosen)


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with ``...``, for error messages."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


WEEKDAY_WORDS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SLUG_LINE = re.compile(r"(?:^|[\s{,])slug\s*:\s*[\"']?([a-z0-9]+(?:-[a-z0-9]+)*)[\"']?", re.M)


def complete_words(incomplete: str, words: Sequence[str]) -> list[str]:
    """Shell completions for a comma list: ``tue,th`` -> ``tue,thu``; no word twice."""
    head, comma, last = incomplete.rpartition(",")
    used = set(head.lower().split(",")) if comma else set()
    prefix = head + comma
    return [prefix + word for word in words if word.startswith(last.lower()) and word not in used]


def builtin_catalogue() -> Path:
    """Where the built-in catalogue is: inside an installed wheel, else the checkout's data/."""
    packaged = Path(__file__).with_name("data") / "exercises.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "exercises.yaml"


def quick_slugs(path: Path) -> list[str]:
    """The slugs in a catalogue, read by a text scan: no YAML parser, no validation.

    For shell completion, which runs on every TAB; a catalogue that cannot be
    read gives no slugs.
    """
    try:
        with path.open("rb") as handle:
            text = handle.read(4 * 1024 * 1024).decode("utf-8", "replace")
    except OSError:
        return []
    return list(dict.fromkeys(_SLUG_LINE.findall(text)))
