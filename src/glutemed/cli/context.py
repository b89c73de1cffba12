"""What a command runs with: the clock, the settings in force and the catalogue in use.

The clock is :func:`today`, the one every command reads (tests replace it).
Settings are resolved in one place, :meth:`glutemed.core.settings.Settings.resolve`,
from the options given, the environment and the config file, which this module
reads (storage) and parses (formats) for it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from glutemed.cli.completion import CATALOGUE_KEY
from glutemed.cli.configfile import read_config
from glutemed.cli.params import parse_hard, parse_long_run, parsed
from glutemed.core import rules

if TYPE_CHECKING:
    from glutemed.core.catalogue import Catalogue
    from glutemed.core.sets import LoggedSet
    from glutemed.core.settings import Settings
    from glutemed.formats.figures import Drawings


def catalogue_option(ctx: typer.Context) -> Path | None:
    """The catalogue given with ``--catalogue``, before or after the command name."""
    value = ctx.meta.get(CATALOGUE_KEY)
    return value if isinstance(value, Path) else None


def settings(ctx: typer.Context, **given: Any) -> Settings:
    """The settings in force: these options (None where not given) over the rest."""
    from glutemed.core.settings import Settings

    return Settings.resolve({**given, "catalogue": catalogue_option(ctx)}, read_config())


def week_settings(
    ctx: typer.Context,
    *,
    days: int | None,
    equipment: list[str] | None,
    long_run: str | None,
    hard: list[str] | None,
    **given: Any,
) -> Settings:
    """The settings in force with the options that shape a week parsed (``--equipment``,
    ``--long-run``, ``--hard``, taken as typer leaves them): ``plan``, ``today``, ``go``
    and ``config`` resolve them here."""
    return settings(
        ctx,
        days=days,
        equipment=parsed("equipment", rules.parse_equipment, equipment),
        long_run=parsed("long_run", parse_long_run, long_run),
        hard=parsed("hard", parse_hard, hard),
        **given,
    )


def drawings() -> Drawings:
    """The exercise figures glutemed ships, by name."""
    from functools import partial

    from glutemed.storage.files import read_figure
    from glutemed.storage.paths import figures_folder

    return partial(read_figure, figures_folder())


def load_catalogue(resolved: Settings) -> Catalogue:
    """The catalogue the settings name (the built-in one by default)."""
    return read_catalogue(resolved.catalogue)


def read_catalogue(path: Path | None = None) -> Catalogue:
    """Read and validate a catalogue (the built-in one when ``path`` is None).

    A catalogue validated before, with the same bytes and the same code, comes
    from :mod:`glutemed.storage.cache` without parsing or validating it again.
    """
    import contextlib

    from glutemed.core.catalogue import Catalogue
    from glutemed.core.text import one_line
    from glutemed.errors import CatalogueError, Unreadable
    from glutemed.formats import catalogue_yaml
    from glutemed.storage import cache
    from glutemed.storage.files import read_regular
    from glutemed.storage.paths import builtin_catalogue

    source = builtin_catalogue() if path is None else path
    try:
        raw = read_regular(source, catalogue_yaml.MAX_BYTES)
    except Unreadable as err:
        raise CatalogueError(f"{one_line(str(source), 120)}: {err}") from None
    made_for = cache.key(raw)
    cached = cache.load(source, made_for)
    if cached is not None:
        with contextlib.suppress(KeyError, TypeError, AttributeError):
            return Catalogue.trusted(cached)
    catalogue = catalogue_yaml.parse_catalogue(raw, source)
    cache.save(source, made_for, catalogue.model_dump(mode="json"))
    return catalogue


def today() -> date:
    """The day glutemed counts as today: the one clock commands read (tests replace it)."""
    return date.today()


def on_day(text: str | None, *, ahead: bool) -> date:
    """The day a ``--date`` names (today when not given), by the injected clock."""
    today_is = today()
    if text is None:
        return today_is
    found = parsed("when", lambda word: rules.parse_day(word, today_is, ahead=ahead), text)
    assert found is not None
    return found


def logged_set(ident: int) -> LoggedSet:
    """The set logged under ``ident``; NothingToDo, naming it, when there is none."""
    from glutemed.errors import NothingToDo
    from glutemed.storage import sets

    found = sets.set_by_id(ident)
    if found is None:
        raise NothingToDo(f"no set with id {ident} in the log (see 'glutemed history --all')")
    return found
