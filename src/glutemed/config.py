"""The runner's defaults, from a TOML file.

The file is ``GLUTEMED_CONFIG`` when set (it must then exist), else
``config.toml`` in the platform's user config folder (``platformdirs``; on
Linux ``~/.config/glutemed/config.toml``), which may be absent. Its keys are
named like the plan options they stand in for: ``days``, ``equipment``,
``long_run``, ``hard``, ``sets`` and ``catalogue``; lists are TOML arrays; a
relative ``catalogue`` is relative to the file's folder.

Precedence, highest first: command-line options, environment variables
(``GLUTEMED_CATALOGUE``), this file, built-in defaults.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glutemed import options as names
from glutemed.errors import GlutemedError
from glutemed.paths import config_path

if TYPE_CHECKING:
    from glutemed.commands import CatalogueChoice

KEYS: tuple[str, ...] = ("days", "equipment", "long_run", "hard", "sets", "catalogue")
EXAMPLE = """\
# glutemed settings. Each key stands in for the plan option of the same name;
# an option given on the command line wins, and GLUTEMED_CATALOGUE wins over
# `catalogue`. Remove the # in front of a line to use it.

# days = 3                                  # sessions a week, 1 to 3
# equipment = ["dumbbells", "band", "box"]  # what you have; [] for bodyweight only
# long_run = "sat"                          # the day of your long run
# hard = ["tue", "thu"]                     # the days of your hard runs
# sets = 3                                  # 2 to 4; leave out to let glutemed choose
# catalogue = "my-moves.yaml"               # your own catalogue, relative to this file
"""


class ConfigError(GlutemedError):
    """The config file is missing (when named), unreadable, or holds a bad value."""


@dataclass(frozen=True)
class Config:
    """Settings read from the file; a key the file leaves out is absent from ``values``."""

    path: Path
    values: dict[str, Any] = field(default_factory=dict)


def load_config() -> Config:
    """Read and check the config file; an empty Config when there is none."""
    path = config_path()
    named = bool(os.environ.get("GLUTEMED_CONFIG"))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if named:
            raise ConfigError(f"GLUTEMED_CONFIG names {path}, which does not exist") from None
        return Config(path)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from None
    import tomllib

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: {err}") from None
    values = {}
    for key, value in data.items():
        try:
            values[key] = _check(key, value, path)
        except ValueError as err:
            raise ConfigError(f"{path}: {_line_of(text, key)}key {key!r}: {err}") from None
    return Config(path, values)


def _check(key: str, value: Any, path: Path) -> Any:
    """A file value turned into the type the plan options take."""
    if key not in KEYS:
        raise ValueError(f"unknown key (known: {', '.join(KEYS)})")
    if key in ("days", "sets"):
        low, high = (1, 3) if key == "days" else (2, 4)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"must be a whole number from {low} to {high}")
        return value
    if key in ("equipment", "hard"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError('must be an array of names, e.g. ["tue", "thu"]')
        if key == "equipment":
            return names.parse_equipment(value) if value else frozenset()
        return names.parse_weekdays(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    if key == "long_run":
        return names.parse_weekday(value)
    return path.parent / Path(value).expanduser()  # catalogue


def _line_of(text: str, key: str) -> str:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return f"line {number}: "
    return ""


DEFAULTS: dict[str, Any] = {
    "days": 3,
    "equipment": frozenset(names.EQUIPMENT),
    "long_run": None,
    "hard": (),
    "sets": None,
}


@dataclass(frozen=True)
class Setting:
    """One effective setting and where it came from: option, environment, file or default."""

    key: str
    value: Any
    source: str

    @property
    def shown(self) -> Any:
        """The value as a person (or JSON) reads it."""
        value = self.value
        if self.key == "long_run" and value is not None:
            return names.WEEKDAYS[value]
        if isinstance(value, frozenset):
            return [item for item in names.EQUIPMENT if item in value]
        if isinstance(value, tuple):
            return [names.WEEKDAYS[day] for day in value]
        if isinstance(value, Path):
            return str(value)
        return value


def effective_settings(
    given: Mapping[str, Any], config: Config, choice: CatalogueChoice
) -> dict[str, Setting]:
    """Each key's value: the option if given, else the file's, else the default."""
    settings = {}
    for key in KEYS[:-1]:
        if given.get(key) is not None:
            settings[key] = Setting(key, given[key], "option")
        elif key in config.values:
            settings[key] = Setting(key, config.values[key], "file")
        else:
            settings[key] = Setting(key, DEFAULTS[key], "default")
    path, source = choice.resolve(config)
    settings["catalogue"] = Setting("catalogue", path, source)
    return settings
