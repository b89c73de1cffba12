"""Where glutemed keeps its files: the data folder (the training log), the config
file, and the data shipped with it (the built-in catalogue, the figures). Standard
library and platformdirs only, so any command can ask cheaply whether a file exists
before importing what reads it."""

from __future__ import annotations

import os
from pathlib import Path

LOG_NAME = "glutemed.sqlite3"


#: The profile given with ``--profile`` for this run (None: not given; then
#: ``GLUTEMED_PROFILE``, else none).
PROFILE: str | None = None


def profile() -> str | None:
    """The runner this run is for: ``--profile``, else ``GLUTEMED_PROFILE``, else None."""
    return PROFILE or os.environ.get("GLUTEMED_PROFILE") or None


def base_dir() -> Path:
    """``GLUTEMED_HOME``, else the platform's user data folder for glutemed."""
    home = os.environ.get("GLUTEMED_HOME")
    if home:
        return Path(home)
    import platformdirs

    return platformdirs.user_data_path("glutemed", appauthor=False)


def data_dir() -> Path:
    """Where the log is: glutemed's data folder, or a profile's folder inside it."""
    name = profile()
    return base_dir() / "profiles" / name if name else base_dir()


def profiles() -> list[str]:
    """Every profile with a folder of its own, by name."""
    folder = base_dir() / "profiles"
    try:
        return sorted(entry.name for entry in folder.iterdir() if entry.is_dir())
    except OSError:
        return []


def log_path() -> Path:
    return data_dir() / LOG_NAME


def config_path() -> Path:
    """``GLUTEMED_CONFIG``, else ``config.toml`` in the platform's user config folder
    (in ``profiles/NAME/`` there for a profile)."""
    named = os.environ.get("GLUTEMED_CONFIG")
    if named:
        return Path(named)
    import platformdirs

    folder = platformdirs.user_config_path("glutemed", appauthor=False)
    name = profile()
    return (folder / "profiles" / name if name else folder) / "config.toml"


def _data(name: str) -> Path:
    """A file or folder of glutemed's data: inside an installed wheel, else the checkout's."""
    packaged = Path(__file__).parents[1] / "data" / name
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / name


def builtin_catalogue() -> Path:
    """Where the built-in catalogue is."""
    return _data("exercises.yaml")


def figures_folder() -> Path:
    """Where the exercise figures are (drawn by ``docs/draw_figures.py``)."""
    return _data("figures")
