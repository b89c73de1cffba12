"""glutemed config: the settings in force and where each came from."""

from pathlib import Path
from typing import Annotated

import typer

from glutemed.cli import context, params, streams


def config(
    ctx: typer.Context,
    days: params.Days = None,
    equipment: params.Equipment = None,
    sets: params.Sets = None,
    long_run: params.LongRun = None,
    hard: params.Hard = None,
    path: Annotated[bool, typer.Option("--path", help="Print the config file's path.")] = False,
    init: Annotated[
        bool, typer.Option("--init", help="Write a commented example config file.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
) -> None:
    """Show the settings plan would use, and where each comes from."""
    from glutemed.storage.paths import config_path

    target = config_path()
    if init:  # with --path too: write it, then print where (both asked for, both done)
        _init(target)
    if path:
        streams.out(str(target))
    if init or path:
        return
    from glutemed.core.rules import SETTINGS as KEYS

    resolved = context.week_settings(
        ctx, days=days, equipment=equipment, long_run=long_run, hard=hard, sets=sets
    )
    if as_json:
        streams.print_json(
            {key: {"value": resolved.shown(key), "from": resolved.sources[key]} for key in KEYS}
        )
        return
    from glutemed.views import terminal as render
    from glutemed.views.console import emit

    rows = [(key, resolved.shown(key), resolved.sources[key]) for key in KEYS]
    emit(render.settings_table(rows, str(target)))


def _init(target: Path) -> None:
    from glutemed.errors import ConfigError
    from glutemed.formats.config_toml import EXAMPLE
    from glutemed.storage.files import write_file

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConfigError(f"cannot create {target.parent}: {err.strerror or err}") from None
    if target.exists():
        raise ConfigError(f"{target} already exists; glutemed left it untouched")
    write_file(target, EXAMPLE.encode(), force=False)
    streams.done(f"Wrote an example config to {target}")
