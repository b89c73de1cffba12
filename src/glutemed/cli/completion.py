"""Shell completion for option values and moves: standard library only, and no
catalogue validation, since it runs at every TAB."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import typer

from glutemed.core import rules
from glutemed.storage.paths import builtin_catalogue

#: Where the root callback and each command's copy of ``--catalogue`` leave its value.
CATALOGUE_KEY = "glutemed.catalogue"


def complete_move(ctx: typer.Context, incomplete: str) -> list[str]:
    path: str | Path | None = ctx.meta.get(CATALOGUE_KEY) or ctx.find_root().params.get("catalogue")
    path = path or os.environ.get("GLUTEMED_CATALOGUE")
    if not path:
        from glutemed.errors import GlutemedError

        try:
            from glutemed.cli.configfile import read_config

            path = read_config()[1].get("catalogue")
        except GlutemedError:
            path = None
    slugs = quick_slugs(Path(path) if path else builtin_catalogue())
    return [slug for slug in slugs if slug.startswith(incomplete)]


def quick_slugs(path: Path) -> list[str]:
    """The slugs in a catalogue, read by a text scan; none from a catalogue that
    cannot be read."""
    from glutemed.storage.files import read_regular

    try:
        text = read_regular(path, 4 * 1024 * 1024).decode("utf-8", "replace")
    except (OSError, ValueError):
        return []
    return rules.slugs_in(text)


def _words(words: Iterable[str]) -> Callable[[str], list[str]]:
    choices = tuple(words)
    return lambda incomplete: rules.complete_words(incomplete, choices)


def _one_of(words: Iterable[str]) -> Callable[[str], list[str]]:
    choices = tuple(words)
    return lambda incomplete: [word for word in choices if word.startswith(incomplete.lower())]


complete_weekdays = _words(rules.WEEKDAY_WORDS)
complete_weekday_or_none = _one_of((*rules.WEEKDAY_WORDS, rules.NONE))


def complete_weekdays_or_none(incomplete: str) -> list[str]:
    """Weekdays for a comma list, or ``none`` alone."""
    alone = [rules.NONE] if "," not in incomplete and rules.NONE.startswith(incomplete) else []
    return complete_weekdays(incomplete) + alone


complete_equipment = _words((*rules.EQUIPMENT, rules.NONE))
complete_format = _one_of(rules.FORMATS)
complete_knee = _one_of(rules.KNEES)
complete_level = _one_of(rules.LEVELS)
complete_distance = _one_of(rules.DISTANCES)
complete_side = _one_of(rules.SIDES)
complete_favour = _one_of(rules.FAVOURS)
