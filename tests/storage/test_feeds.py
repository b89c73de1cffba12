"""The calendar feed under attack: a server on 127.0.0.1 that sends broken answers, a
URL with a space, a cached copy that cannot be read or cannot be written."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from glutemed.errors import CalendarError
from glutemed.storage import feeds

from ..conftest import Invoke, run_glutemed

CALENDAR = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
    b"DTSTART;VALUE=DATE:20261125\r\nSUMMARY:Long run\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
OK = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(CALENDAR), CALENDAR)
#: What the server sends for each path: every one a broken HTTP answer but the last.
ANSWERS = {
    "/not-http": b"HELLO THERE\r\n\r\n",
    "/broken-chunks": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n",
    "/many-headers": b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 150 + b"\r\nbody",
    "/long-header": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 100_000 + b"\r\n\r\nbody",
    "/cut-short": b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\nBEGIN:VCAL",
    "/my%20calendar.ics": OK,
}


@pytest.fixture
def server() -> Iterator[str]:
    """A raw server on 127.0.0.1 that answers each request as :data:`ANSWERS` says."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    request += chunk
                path = request.split(b" ")[1].decode() if request.count(b" ") > 1 else "/"
                conn.sendall(ANSWERS.get(path, b"HTTP/1.1 404 Not Found\r\n\r\n"))

    worker = threading.Thread(target=serve, daemon=True)
    worker.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    worker.join(5)
    listener.close()


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in ANSWERS if ANSWERS[p] is not OK])
def test_a_broken_answer_is_one_clear_line_at_once(server: str, path: str) -> None:
    began = time.monotonic()
    with pytest.raises(CalendarError) as caught:
        feeds.fetch_url(server + path, timeout=5)
    assert time.monotonic() - began < 4  # said at once, not after the deadline
    message = str(caught.value)
    assert message.startswith(server + path) and "\n" not in message
    assert "Error" not in message and "Exception" not in message  # no class names


@pytest.mark.slow
def test_broken_answers_end_the_command_in_one_line(invoke: Invoke, server: str) -> None:
    for path in ("/not-http", "/many-headers", "/long-header"):
        result = invoke("runs", "--runs-from", server + path)
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and "the server's answer is broken" in result.stderr


@pytest.mark.slow
def test_a_url_with_a_space_is_fetched(invoke: Invoke, server: str) -> None:
    result = invoke("runs", "--runs-from", f"{server}/my calendar.ics", "--start", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert "Long run" in result.stdout


def _copy(cache_home: Path, url: str) -> Path:
    name = hashlib.sha256(url.encode()).hexdigest()[:32] + ".ics"
    return cache_home / "glutemed" / "calendars" / name


@pytest.mark.slow
def test_a_cached_copy_that_cannot_be_read_is_passed_over(cache_home: Path) -> None:
    """The server is down and the copy is unreadable (mode 000, to a process without
    root's powers): one line, exit 1, no traceback."""
    url = "http://127.0.0.1:9/plan.ics"  # nothing listens on port 9
    copy = _copy(cache_home, url)
    copy.parent.mkdir(parents=True)
    copy.write_bytes(CALENDAR)
    copy.chmod(0)
    for args in (["today", "--runs-from", url], ["plan", "--runs-from", url]):
        done = run_glutemed(*args)
        assert done.returncode == 1, done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


@pytest.mark.slow
def test_a_copy_that_cannot_be_kept_leaves_no_litter(server: str, cache_home: Path) -> None:
    url = f"{server}/my%20calendar.ics"
    copy = _copy(cache_home, url)
    copy.mkdir(parents=True)  # the copy's name is taken by a folder
    for _ in range(2):
        assert feeds.read_source(url, copy.parent, warn=lambda line: None) == CALENDAR
    assert sorted(os.listdir(copy.parent)) == [copy.name]
