"""glutemed config: the effective settings and where each came from."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from glutemed.commands import CatalogueChoice, print_json
from glutemed.config import EXAMPLE, effective_settings, load_config
from glutemed.errors import GlutemedError
from glutemed.paths import config_path


def run(
    choice: CatalogueChoice,
    *,
    given: Mapping[str, Any],
    path_only: bool,
    init: bool,
    as_json: bool,
) -> None:
    path = config_path()
    if path_only:
        print(path)
        return
    if init:
        _init(path)
        return
    settings = effective_settings(given, load_config(), choice)
    if as_json:
        print_json({key: {"value": s.shown, "from": s.source} for key, s in settings.items()})
        return
    from glutemed import render

    rows = [(key, setting.shown, setting.source) for key, setting in settings.items()]
    render.console().print(render.settings_table(rows, str(path)))


def _init(target: Path) -> None:
    from glutemed.errors import ExportError
    from glutemed.export import write_file

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"cannot create {target.parent}: {err.strerror or err}") from None
    if target.exists():
        raise GlutemedError(f"{target} already exists; glutemed left it untouched")
    write_file(target, EXAMPLE.encode(), force=False)
    print(f"Wrote an example config to {target}")
