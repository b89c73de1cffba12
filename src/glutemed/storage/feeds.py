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
    get = fetch or fetch_url
    if source.strip().lower().startswith("webcal://") and _loopback(url):
        get = _or_plain(get)
    copy = cache / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".ics")
    kept = _kept(copy)
    age = now() - copy.stat().st_mtime if kept is not None else None
    if fresh and kept is not None and age is not None and age < FRESH.total_seconds():
        return kept
    try:
        data = get(url)
    except CalendarError as err:
        if kept is None or age is None:
            raise
        warn(f"{err}; using the copy fetched {_age(age)} ago")
        return kept
    _keep(copy, data)
    return data


def _or_plain(fetch: Callable[[str], bytes]) -> Callable[[str], bytes]:
    """``fetch`` over https, then over plain http: for a webcal:// feed on this machine."""

    def either(url: str) -> bytes:
        try:
            return fetch(url)
        except CalendarError:
            return fetch(re.sub(r"(?i)^https://", "http://", url))

    return either


def _loopback(url: str) -> bool:
    """Whether a URL names this machine (127.0.0.1, ::1, localhost): a ``webcal://`` feed
    there is tried over https, then over plain http, as a calendar server run on
    one's own machine may speak."""
    import urllib.parse

    host = urllib.parse.urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


def _kept(copy: Path) -> bytes | None:
    """The cached copy of a feed, or None when there is none glutemed can read (a
    copy that cannot be read is only a missed shortcut)."""
    try:
        return read_regular(copy, MAX_BYTES)
    except Unreadable:
        return None


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

    temp = temp_path(copy)
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, copy)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()  # gone already when the copy took its place


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
        except Exception:  # whatever else a broken answer makes the client raise
            outcome.append(CalendarError(f"{shown}: the server's answer is broken"))

    worker = threading.Thread(target=download, daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise CalendarError(f"{shown} did not arrive within {timeout:g} s")
    if isinstance(outcome[0], CalendarError):
        raise outcome[0]
    return outcome[0]


def _download(url: str, shown: str, timeout: float, limit: int) -> bytes:
    import http.client
    import urllib.error
    import urllib.parse
    import urllib.request

    # A space or other character a URL cannot hold, as a browser would send it.
    quoted_url = urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%~")
    request = urllib.request.Request(quoted_url, headers={"User-Agent": "glutemed"})
    too_big = CalendarError(f"{shown} is over {limit // 2**20} MiB; not read")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise too_big
            body = response.read(limit + 1)
            if len(body) > limit:
                raise too_big
            if length and length.isdigit() and len(body) < int(length):
                raise CalendarError(f"{shown}: the server's answer was cut short")
            return bytes(body)
    except CalendarError:
        raise
    except urllib.error.HTTPError as err:
        raise CalendarError(f"{shown}: the server answered {err.code} {err.reason}") from None
    except TimeoutError:
        raise CalendarError(f"{shown} did not arrive within {timeout:g} s") from None
    except http.client.HTTPException:
        raise CalendarError(f"{shown}: the server's answer is broken") from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise CalendarError(f"{shown}: cannot fetch it ({_why(err)})") from None


def _why(err: BaseException) -> str:
    """Why a fetch failed, in glutemed's words (the operating system's, for the rest)."""
    import socket
    import ssl

    reason = getattr(err, "reason", err)
    if isinstance(reason, ConnectionRefusedError):
        return "nothing answers at that address"
    if isinstance(reason, socket.gaierror):
        return "its host name cannot be found"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return "its certificate does not verify"
    if isinstance(reason, ssl.SSLError):
        return "the secure connection failed"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[:1].lower() + reason.strerror[1:]
    if isinstance(err, ValueError) or (isinstance(reason, str) and "unknown url type" in reason):
        return "not a URL glutemed can fetch"
    return "the connection failed"


def cache_folder() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("glutemed", appauthor=False) / "calendars"
