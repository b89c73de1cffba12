"""The config file as the command line reads it: its bytes from disk (storage), checked
by :mod:`glutemed.formats.config_toml`. Shared by the settings and by shell completion."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_config() -> tuple[Path, dict[str, Any]]:
    """The config file's path and its checked values; no values when there is no file
    (``GLUTEMED_CONFIG`` must name one that exists)."""
    import os

    from glutemed.errors import ConfigError, Unreadable
    from glutemed.formats.config_toml import MAX_BYTES, parse_config
    from glutemed.storage.files import read_regular
    from glutemed.storage.paths import config_path

    path = config_path()
    try:
        raw = read_regular(path, MAX_BYTES)
    except Unreadable as err:
        if not err.missing:
            raise ConfigError(f"{path}: {err}") from None
        if os.environ.get("GLUTEMED_CONFIG"):
            raise ConfigError(f"GLUTEMED_CONFIG names {path}, which does not exist") from None
        return path, {}
    return path, parse_config(raw, path)
