"""What each command does, one module a command (as pipx does); ``cli.py`` parses
the command line with typer and calls ``run`` here with plain values.

Helpers shared by the commands live in this module: stderr notes and
warnings, JSON on stdout, and finding the catalogue in use.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glutemed.catalogue import Catalogue
    from glutemed.config import Config


def warn(message: str) -> None:
    print(f"glutemed: warning: {message}", file=sys.stderr)


def note(message: str) -> None:
    print(f"glutemed: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


@dataclass(frozen=True)
class CatalogueChoice:
    """The catalogue named on the command line or in the environment, if any."""

    path: Path | None = None
    source: str = "default"  # "option", "environment" or "default"

    def resolve(self, config: Config | None = None) -> tuple[Path | None, str]:
        """(path, where it came from); None means the built-in catalogue.

        The config file is read only when neither the option nor the
        environment names a catalogue.
        """
        if self.path is not None:
            return self.path, self.source
        if config is None:
            from glutemed.config import load_config

            config = load_config()
        if "catalogue" in config.values:
            return config.values["catalogue"], "file"
        return None, "default"

    def load(self, config: Config | None = None) -> Catalogue:
        from glutemed.catalogue import load_catalogue

        return load_catalogue(self.resolve(config)[0])
