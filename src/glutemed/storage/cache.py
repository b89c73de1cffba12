"""A cache of validated catalogues, so that a command does not parse and validate
the same YAML again at every start.

One JSON file per catalogue path in the user's cache folder
(``~/.cache/glutemed/`` on Linux), holding the validated data and the key it
was made for: the SHA-256 of the catalogue's bytes and of the code that
validated it (the size and modification time of this module and of the modules
that define and read a catalogue). Any change to either misses the cache and
validates afresh. The cache is only ever a shortcut: a file that is missing,
unreadable, damaged or made for other bytes is ignored, and a failure to write
one is silent.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from glutemed.storage.files import read_regular, remove_stale_temps, temp_path

#: The largest cache file read back (a 4 MiB catalogue validates to less).
MAX_BYTES = 8 * 1024 * 1024


def folder() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("glutemed", appauthor=False) / "catalogues"


#: The modules whose code decides what a valid catalogue is, in the package.
_VALIDATORS = (
    "storage/cache.py",
    "core/catalogue.py",
    "formats/catalogue_yaml.py",
    "core/rules.py",
    "core/text.py",
)


def key(data: bytes) -> str:
    """What a cached catalogue must have been made from: these bytes, this code."""
    digest = hashlib.sha256(data)
    for module in _VALIDATORS:
        with contextlib.suppress(OSError):
            info = os.stat(Path(__file__).parents[1] / module)
            digest.update(f"|{module}|{info.st_size}|{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _file(source: Path) -> Path:
    name = hashlib.sha256(str(source.absolute()).encode("utf-8", "surrogateescape"))
    return folder() / f"{name.hexdigest()[:32]}.json"


def load(source: Path, made_for: str) -> Any:
    """The cached data for ``source`` when it was made for ``made_for``; else None."""
    try:
        stored = json.loads(read_regular(_file(source), MAX_BYTES))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != made_for:
        return None
    return stored.get("data")


def save(source: Path, made_for: str, data: Any) -> None:
    """Keep ``data`` for ``source``, written atomically; nothing happens on failure."""
    target = _file(source)
    with contextlib.suppress(OSError, ValueError):
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(target)
        temp = temp_path(target)
        try:
            temp.write_text(json.dumps({"key": made_for, "data": data}), encoding="utf-8")
            os.replace(temp, target)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
