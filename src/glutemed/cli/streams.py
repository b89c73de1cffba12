"""glutemed's output: every line to stdout and stderr goes through here, so a closed
or failing stream ends in one clear line and the right exit status, and no control
character reaches a terminal. Standard library only."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import sys
from typing import Any

from glutemed.core.text import escaped


def _stderr(line: str) -> None:
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(escaped(line), file=sys.stderr, flush=True)


#: A setting named by the core in a warning (``{race}``), shown as its flag.
_FIELD = re.compile(r"\{(race|long_run|hard|weeks|start|days)\}")


def warn(message: str) -> None:
    """A warning; the settings it names as fields (``{long_run}``) shown as flags."""
    shown = _FIELD.sub(lambda found: "--" + found.group(1).replace("_", "-"), message)
    _stderr(f"glutemed: warning: {shown}")


def note(message: str) -> None:
    _stderr(f"glutemed: {message}")


def fail(message: str) -> None:
    _stderr(f"glutemed: error: {message}")


def out(text: str) -> None:
    """A line of text on stdout, flushed at once so that a failure shows here."""
    sys.stdout.write(escaped(text) + "\n")
    sys.stdout.flush()


def done(message: str) -> None:
    """Confirm a change that is saved already (a logged set, a written file).

    When stdout fails (closed, a full disk, a closed pipe) the confirmation goes
    to stderr instead and the command still exits 0: the change stands, and a
    script that retried on a non-zero exit would make it twice.
    """
    try:
        out(message)
    except OUTPUT_ERRORS as err:
        problem = output_problem(err)
        if problem is None:
            raise
        silence_stdout()
        note(f"{message} (not shown on standard output: {problem})")


#: Set once a command has saved a change; read by the error handler in cli.py.
SAVED: list[str] = []


def saved(what: str) -> None:
    """Record that ``what`` is saved: from here on a failing stdout does not fail the
    command (it exits 0, saying so on stderr)."""
    SAVED.append(what)


#: What writing to stdout raises when it cannot be done.
OUTPUT_ERRORS = (OSError, ValueError, UnicodeEncodeError)


#: The errors writing to a stream gives when the stream is gone, full or closed.
_STREAM_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT})


def output_problem(err: BaseException) -> str | None:
    """Why writing the output failed, in a few words; None when ``err`` is not
    about the output at all (a bug, which must not be reported as one)."""
    if isinstance(err, UnicodeEncodeError):
        return (
            f"the output holds characters that {err.encoding} cannot show; "
            "set PYTHONIOENCODING=utf-8"
        )
    if isinstance(err, OSError) and err.errno in _STREAM_ERRNOS:
        said = err.strerror or "the stream failed"
        return said[:1].lower() + said[1:]
    if isinstance(err, ValueError) and "closed file" in str(err):
        return "standard output is closed"
    return None


def silence_stdout() -> None:
    """After stdout failed: send what is still buffered to the null device, so
    that Python's flush at exit does not fail a second time."""
    try:
        real = sys.stdout.fileno() == 1
    except (OSError, ValueError, AttributeError):
        real = False  # a stand-in (closed at start, or a test's capture): no descriptor
    if real:
        with contextlib.suppress(OSError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.close(null)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (lives until exit)


class _Closed(io.TextIOBase):
    """Stands in for a standard stream that was closed when glutemed started."""

    def __init__(self, name: str) -> None:
        self._name = name

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, f"standard {self._name} is closed")

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        return ""  # reads as the end of input


def guard_streams() -> None:
    """Make closed standard streams safe: their file descriptors point at the null
    device (so no file glutemed opens can land on them), output to a closed
    stdout fails with a clear reason, and a closed stdin reads as no answer."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.open(os.devnull, os.O_RDWR)  # takes the lowest free descriptor: this one
    if sys.stdin is None:
        sys.stdin = _Closed("input")
    if sys.stdout is None:
        sys.stdout = _Closed("output")


def print_json(data: Any) -> None:
    import json

    utf = (sys.stdout.encoding or "").lower().replace("-", "").startswith("utf")
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=not utf) + "\n")
    sys.stdout.flush()


def write_stdout(data: bytes) -> None:
    if isinstance(sys.stdout, _Closed):
        raise OSError(errno.EBADF, "standard output is closed")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
