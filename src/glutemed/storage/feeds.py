"""Bringing the runner's calendar in (``--runs-from``): a file read within a limit, or
a URL fetched and kept in the user's cache folder.

A source is a file path or an ``http://``/``https://`` URL (``webcal://`` is read
as ``https://``). A URL is fetched within :data:`TIMEOUT` seconds in all,
however slowly a server sends, and at most :data:`MAX_BYTES`; a fetched feed
is kept in the user's cache folder, so a plan still comes (with a warning
naming the copy's age) when the network is down, and ``today`` and ``go`` use
a copy less than a day old without asking the network at all. What the bytes
hold is :mod:`glutemed.formats.ics_in`'s.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from glutemed.core import rules
from glutemed.core.text import clip
from glutemed.errors import CalendarError, Unreadable
from glutemed.storage.files import read_regular

MAX_BYTES = rules.CALENDAR_BYTES
#: Seconds a URL has, from connecting to its last byte.
TIMEOUT = 10.0
#: How old a fetched copy may be for ``today`` and ``go`` to use it without fetching.
FRESH = timedelta(days=1)


def source_kind(source: str) -> str:
    """``"url"`` or ``"file"``."""
    return "url" if re.match(r"(?i)(https?|webcal)://", source.strip()) else "file"


def read_source(
    source: str,
    cache: Path,
    *,
    fresh: bool = False,
    warn: Callable[[str], None],
    fetch: Callable[[str], bytes] | None = None,
    now: Callable[[], float] = time.time,
) -> bytes:
    """The calendar's bytes. ``fresh``: use a cached copy of a URL less than a day old
    instead of fetching. A URL that cannot be fetched falls back to the cached copy,
    with a warning naming its age; CalendarError when there is none."""
    if source_kind(source) == "file":
        try:
            return read_regular(Path(source).expanduser(), MAX_BYTES)
        except Unreadable as err:
            raise CalendarError(f"{clip(source, 120)}: {err}") from None
    url = re.sub(r"(?i)^webcal://", "https://", source.strip())
    copy = cache / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".ics")
    age = now() - copy.stat().st_mtime if copy.is_file() else None
    if fresh and age is not None and age < FRESH.total_seconds():
        return copy.read_bytes()
    try:
        data = (fetch or fetch_url)(url)
    except CalendarError as err:
        if age is None:
            raise
        warn(f"{err}; using the copy fetched {_age(age)} ago")
        return copy.read_bytes()
    _keep(copy, data)
    return data


def _age(seconds: float) -> str:
    hours = seconds / 3600
    if hours < 1:
        return f"{max(1, round(seconds / 60))} min"
    if hours < 48:
        return f"{round(hours)} h"
    return f"{round(hours / 24)} days"


def _keep(copy: Path, data: bytes) -> None:
    """Keep a fetched feed in the cache: atomically, and silently if it cannot be."""
    import contextlib
    import os

    from glutemed.storage.files import temp_path

    with contextlib.suppress(OSError):
        copy.parent.mkdir(parents=True, exist_ok=True)
        temp = temp_path(copy)
        temp.write_bytes(data)
        os.replace(temp, copy)


def fetch_url(url: str, timeout: float = TIMEOUT, limit: int = MAX_BYTES) -> bytes:
    """A URL's body, within ``timeout`` seconds in all (from connecting to the last
    byte, however slowly a server sends) and at most ``limit`` bytes.

    The download runs in a daemon thread that the caller stops waiting for at the
    deadline, so no server can hold glutemed past it.
    """
    import threading

    shown = clip(url, 120)
    outcome: list[bytes | CalendarError] = []

    def download() -> None:
        try:
            outcome.append(_download(url, shown, timeout, limit))
        except CalendarError as err:
            outcome.append(err)

    worker = threading.Thread(target=download, daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise CalendarError(f"{shown} did not arrive within {timeout:g} s")
    if isinstance(outcome[0], CalendarError):
        raise outcome[0]
    return outcome[0]


def _download(url: str, shown: str, timeout: float, limit: int) -> bytes:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "glutemed"})
    too_big = CalendarError(f"{shown} is over {limit // 2**20} MiB; not read")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise too_big
            body = response.read(limit + 1)
            if len(body) > limit:
                raise too_big
            return bytes(body)
    except CalendarError:
        raise
    except urllib.error.HTTPError as err:
        raise CalendarError(f"{shown}: the server answered {err.code} {err.reason}") from None
    except TimeoutError:
        raise CalendarError(f"{shown} did not arrive within {timeout:g} s") from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise CalendarError(f"{shown}: cannot fetch it ({reason})") from None


def cache_folder() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("glutemed", appauthor=False) / "calendars"
