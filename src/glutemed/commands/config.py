"""glutemed config: the settings in force and where each came from."""

from pathlib import Path
from typing import Annotated

import typer

from glutemed import rules
from glutemed.commands import common


def config(
    ctx: typer.Context,
    days: common.Days = None,
    equipment: common.Equipment = None,
    sets: common.Sets = None,
    long_run: common.LongRun = None,
    hard: common.Hard = None,
    path: Annotated[bool, typer.Option("--path", help="Print the config file's path.")] = False,
    init: Annotated[
        bool, typer.Option("--init", help="Write a commented example config file.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
) -> None:
    """Show the settings plan would use, and where each comes from."""
    from glutemed.paths import config_path

    target = config_path()
    if path:
        common.out(str(target))
        return
    if init:
        _init(target)
        return
    from glutemed.config_file import KEYS

    resolved = common.settings(
        ctx,
        days=days,
        equipment=common.parsed("equipment", rules.parse_equipment, equipment),
        sets=sets,
        long_run=common.parsed("long_run", common.parse_long_run, long_run),
        hard=common.parsed("hard", common.parse_hard, hard),
    )
    if as_json:
        common.print_json(
            {key: {"value": resolved.shown(key), "from": resolved.sources[key]} for key in KEYS}
        )
        return
    from glutemed import render

    rows = [(key, resolved.shown(key), resolved.sources[key]) for key in KEYS]
    render.emit(render.settings_table(rows, str(target)))


def _init(target: Path) -> None:
    from glutemed.config_file import EXAMPLE
    from glutemed.errors import ConfigError
    from glutemed.export import write_file

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConfigError(f"cannot create {target.parent}: {err.strerror or err}") from None
    if target.exists():
        raise ConfigError(f"{target} already exists; glutemed left it untouched")
    write_file(target, EXAMPLE.encode(), force=False)
    common.done(f"Wrote an example config to {target}")
