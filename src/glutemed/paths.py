"""Where glutemed keeps its files: the data folder (the training log) and the
config file. Standard library and platformdirs only, so any command can ask
cheaply whether a file exists before importing what reads it."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

LOG_NAME = "glutemed.sqlite3"


def data_dir() -> Path:
    """``GLUTEMED_HOME``, else the platform's user data folder for glutemed."""
    home = os.environ.get("GLUTEMED_HOME")
    if home:
        return Path(home)
    import platformdirs

    return platformdirs.user_data_path("glutemed", appauthor=False)


def log_path() -> Path:
    return data_dir() / LOG_NAME


def config_path() -> Path:
    """``GLUTEMED_CONFIG``, else ``config.toml`` in the platform's user config folder."""
    named = os.environ.get("GLUTEMED_CONFIG")
    if named:
        return Path(named)
    import platformdirs

    return platformdirs.user_config_path("glutemed", appauthor=False) / "config.toml"


def temp_path(target: Path) -> Path:
    """A new temp file name beside ``target`` that says which process made it:
    ``.plan.ics.<pid>.<random>.tmp``, so a later run can tell a stale one."""
    import secrets

    return target.with_name(f".{target.name[:60]}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def remove_stale_temps(target: Path) -> None:
    """Remove glutemed's temp files for ``target`` whose process is gone (killed
    before it could clean up). A file of a process still running is left alone."""
    import re

    pattern = re.compile(rf"\.{re.escape(target.name[:60])}\.(\d+)\.[0-9a-f]{{8}}\.tmp")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or _alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            (target.parent / name).unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or cannot tell: leave the file
    return True


class Unreadable(ValueError):
    """A file glutemed cannot or will not read; the message says why, without the
    path. ``missing`` tells a file that does not exist from the rest."""

    def __init__(self, reason: str, *, missing: bool = False) -> None:
        super().__init__(reason)
        self.missing = missing


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Anything else is refused before a byte is read: a folder, a FIFO (which
    would wait forever for a writer), a device such as ``/dev/zero`` (which
    never ends), or a file over the limit. Raises :class:`Unreadable` for
    those, and when the file is missing or cannot be opened.
    """
    import stat

    chunks: list[bytes] = []
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise Unreadable("is a folder, not a regular file")
            if not stat.S_ISREG(mode):
                raise Unreadable("is a pipe or a device, not a regular file")
            size = 0
            while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except Unreadable:
        raise
    except FileNotFoundError:
        raise Unreadable("no such file", missing=True) from None
    except (OSError, ValueError) as err:  # ValueError: a NUL in the name
        raise Unreadable(f"cannot read: {getattr(err, 'strerror', None) or err}") from None
    data = b"".join(chunks)
    if len(data) > limit:
        raise Unreadable(f"is larger than {_size(limit)}")
    return data


def _size(limit: int) -> str:
    return f"{limit // 1024 // 1024} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"
