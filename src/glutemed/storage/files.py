"""Files glutemed reads and writes: regular files read within a limit, and atomic
writes that never replace a file unasked. Standard library only.

Temp files are named ``.NAME.<pid>.<random>.tmp`` beside their target, so a
later run can remove one left by a process that was killed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from glutemed.core.text import clip
from glutemed.errors import ExportError, Unreadable


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


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; never replace a file without ``force``.

    The bytes go to a temp file beside the target, are flushed and fsynced,
    then take the target's place in one step (``os.link`` when not forcing,
    so a file that appears meanwhile is not clobbered; ``os.replace`` when
    forcing). On any failure the temp file is removed and the target is as it
    was. Only regular files are ever replaced.
    """
    shown = clip(str(path), 120)
    try:
        if path.is_dir():
            raise ExportError(f"{shown} is a folder; give a file name")
        if os.path.lexists(path):
            if not path.is_file():
                raise ExportError(f"{shown} is not a regular file; glutemed will not replace it")
            if not force:
                raise ExportError.naming(
                    "{shown} already exists; add {force} to overwrite it", shown=shown
                )
        folder = path.parent
        if not folder.is_dir():
            raise ExportError(f"{clip(str(folder), 120)}: no such folder")
        mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
        remove_stale_temps(path)
        temp = temp_path(path)
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        raise ExportError(f"{shown}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        _put_in_place(temp, path, force=force)
        _sync_folder(folder)
    except FileExistsError:
        raise ExportError.naming(
            "{shown} already exists; add {force} to overwrite it", shown=shown
        ) from None
    except OSError as err:
        raise ExportError(f"{shown}: cannot write: {err.strerror or err}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _put_in_place(temp: Path, path: Path, *, force: bool) -> None:
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if the target appeared meanwhile: nothing clobbered
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if os.path.lexists(path):
            raise FileExistsError(str(path)) from None
        os.replace(temp, path)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_figure(folder: Path, name: str) -> str | None:
    """The SVG text of the figure ``name`` in ``folder``, or None when there is none."""
    try:
        return (folder / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return None


def write_files(
    folder: Path, files: Sequence[tuple[str, bytes]], *, force: bool = False
) -> list[Path]:
    """Write each ``(name, bytes)`` into ``folder`` (made if missing), atomically; with a
    file already there and no ``force``, write none of them and say which."""
    shown = clip(str(folder), 120)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(
            f"cannot make the folder {shown}: {err.strerror or 'not allowed'}"
        ) from None
    if not folder.is_dir():
        raise ExportError(f"{shown} is not a folder")
    there = [name for name, _ in files if os.path.lexists(folder / name)]
    if there and not force:
        more = f" and {len(there) - 1} more" if len(there) > 1 else ""
        raise ExportError.naming(
            "{shown} already holds {first}{more}; nothing was written: add {force} to replace them",
            shown=shown,
            first=there[0],
            more=more,
        )
    written = []
    for name, data in files:
        write_file(folder / name, data, force=force)
        written.append(folder / name)
    return written


def watch_inbox(mount: Path) -> Path:
    """Where a Garmin watch mounted at ``mount`` picks up new files on disconnect:
    ``GARMIN/NewFiles`` (made if missing). The ``GARMIN`` folder must be there."""
    garmin = mount / "GARMIN"
    if not garmin.is_dir():
        raise ExportError(
            f"no GARMIN folder in {clip(str(mount), 120)}: give the folder the watch is "
            "mounted at (it holds GARMIN), with the watch connected"
        )
    return garmin / "NewFiles"
