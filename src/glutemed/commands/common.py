"""What the commands share: the options several of them take, shell completion, the
settings in force, and writing to stdout and stderr.

Values are parsed with :mod:`glutemed.rules`, so a range or a vocabulary is
written once for parsing, help and completion alike. A scalar option parses
as typer reads it (``parser=``); a value typer would split or repeat
(``--on``, ``--hard``, ``--equipment``, ``--reps``) or that may clear a
setting (``--long-run none``) is parsed in the body by
:func:`parsed`, which raises a :class:`~glutemed.errors.FieldError` naming
the option's field. Either way a
bad value ends as one line, ``glutemed: error: --sets takes 2 to 4 sets ...``,
printed by the handler in ``cli.py``.

Standard library, typer and :mod:`glutemed.rules` only: every command module
imports this at start-up.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from glutemed import rules
from glutemed.errors import FieldError
from glutemed.text import escaped

if TYPE_CHECKING:
    from glutemed.catalogue import Catalogue
    from glutemed.config import Settings

T = TypeVar("T")
V = TypeVar("V")

#: Where the root callback and each command's copy of ``--catalogue`` leave its value.
CATALOGUE_KEY = "glutemed.catalogue"


# Output. Every line goes through these, so a closed or failing stream ends in one
# clear line and the right exit status, and no control character reaches a terminal.


def _stderr(line: str) -> None:
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(escaped(line), file=sys.stderr, flush=True)


def warn(message: str) -> None:
    _stderr(f"glutemed: warning: {message}")


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


# Settings and the catalogue in use.


def catalogue_option(ctx: typer.Context) -> Path | None:
    """The catalogue given with ``--catalogue``, before or after the command name."""
    value = ctx.meta.get(CATALOGUE_KEY)
    return value if isinstance(value, Path) else None


def settings(ctx: typer.Context, **given: Any) -> Settings:
    """The settings in force: these options (None where not given) over the rest."""
    from glutemed.config import Settings

    return Settings.resolve({**given, "catalogue": catalogue_option(ctx)})


def load_catalogue(resolved: Settings) -> Catalogue:
    from glutemed.catalogue import load_catalogue as load

    return load(resolved.catalogue)


def parsed(field: str, parse: Callable[[V], T], value: V | None) -> T | None:
    """An option's raw value parsed by a rule, in the command's body; None when not given."""
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as err:
        raise FieldError(field, str(err)) from None


# Shell completion: standard library only, and no catalogue validation.


def complete_move(ctx: typer.Context, incomplete: str) -> list[str]:
    path: str | Path | None = ctx.meta.get(CATALOGUE_KEY) or ctx.find_root().params.get("catalogue")
    path = path or os.environ.get("GLUTEMED_CATALOGUE")
    if not path:
        from glutemed.errors import GlutemedError

        try:
            from glutemed.config_file import read_file

            path = read_file()[1].get("catalogue")
        except GlutemedError:
            path = None
    slugs = rules.quick_slugs(Path(path) if path else rules.builtin_catalogue())
    return [slug for slug in slugs if slug.startswith(incomplete)]


def _words(words: Iterable[str]) -> Callable[[str], list[str]]:
    choices = tuple(words)
    return lambda incomplete: rules.complete_words(incomplete, choices)


def _one_of(words: Iterable[str]) -> Callable[[str], list[str]]:
    choices = tuple(words)
    return lambda incomplete: [word for word in choices if word.startswith(incomplete.lower())]


complete_weekdays = _words(rules.WEEKDAY_WORDS)
complete_weekday_or_none = _one_of((*rules.WEEKDAY_WORDS, rules.NONE))


def complete_weekdays_or_none(incomplete: str) -> list[str]:
    """Weekdays for a comma list, or ``none`` alone."""
    alone = [rules.NONE] if "," not in incomplete and rules.NONE.startswith(incomplete) else []
    return complete_weekdays(incomplete) + alone


complete_equipment = _words((*rules.EQUIPMENT, rules.NONE))
complete_format = _one_of(rules.FORMATS)
complete_knee = _one_of(rules.KNEES)
complete_level = _one_of(rules.LEVELS)
complete_distance = _one_of(rules.DISTANCES)
complete_side = _one_of(rules.SIDES)
complete_favour = _one_of(rules.FAVOURS)


def today() -> date:
    """The day glutemed counts as today: the one clock commands read (tests replace it)."""
    return date.today()


# Options more than one command takes.


def parse_long_run(text: str) -> int | str:
    """A weekday, or ``none`` to clear the config file's long-run day."""
    return rules.NONE if text.strip().lower() == rules.NONE else rules.parse_weekday(text)


def parse_hard(values: list[str]) -> tuple[int, ...]:
    """Hard-run weekdays, or ``none`` to clear the config file's."""
    if rules.split_words(values) == [rules.NONE]:
        return ()
    return rules.parse_weekdays(values)


def value(
    *flags: str,
    help: str,
    metavar: str,
    parser: Callable[[str], Any] | None = None,
    complete: Callable[..., list[str]] | None = None,
) -> Any:
    """An option that takes a value (no default shown: the help says it where there is one)."""
    return typer.Option(
        *flags,
        parser=parser,
        metavar=metavar,
        autocompletion=complete,
        help=help,
        show_default=False,
    )


def flag(*flags: str, help: str) -> Any:
    """An on/off option, off unless given."""
    return typer.Option(*flags, help=help)


def day(flag_name: str, help: str) -> Any:
    """An option that takes a date."""
    return value(flag_name, parser=rules.parse_date, metavar="YYYY-MM-DD", help=help)


def when(help: str) -> Any:
    """``--date``, taking words as well as dates: the command reads it with
    :func:`on_day`, which knows today."""
    return value("--date", metavar="DAY", help=help)


def on_day(text: str | None, *, ahead: bool) -> date:
    """The day a ``--date`` names (today when not given), by the injected clock."""
    today_is = today()
    if text is None:
        return today_is
    found = parsed("when", lambda word: rules.parse_day(word, today_is, ahead=ahead), text)
    assert found is not None
    return found


def output(help: str) -> Any:
    """``-o FILE`` / ``--output FILE``: where a command writes its file."""
    return value("--output", "-o", parser=rules.parse_path, metavar="FILE", help=help)


Force = Annotated[bool, flag("--force", help="Overwrite FILE if it exists.")]


def move(help: str, *, required: bool) -> Any:
    return typer.Argument(
        metavar="MOVE" if required else "[MOVE]",
        help=help,
        autocompletion=complete_move,
        show_default=False,
    )


Move = Annotated[str, move("A slug, a name, or a number from 'glutemed list'.", required=True)]
Json = Annotated[bool, flag("--json", help="Print JSON instead of a table.")]
Days = Annotated[
    int | None,
    value(
        "--days",
        "-d",
        parser=rules.DAYS.parse,
        metavar="N",
        help=f"Sessions a week: {rules.DAYS.takes}. [default: 3]",
    ),
]
Equipment = Annotated[
    list[str] | None,
    value(
        "--equipment",
        "-e",
        metavar="LIST",
        complete=complete_equipment,
        help="What you have: dumbbells,band,box,mat, or none. [default: all]",
    ),
]
Sets = Annotated[
    int | None,
    value(
        "--sets",
        parser=rules.SETS.parse,
        metavar="N",
        help=(
            f"Sets of every move: {rules.SETS.takes}, one more each 4-week block (ours). "
            "[default: 3 for 1 or 2 days a week, 2 for 3]"
        ),
    ),
]
LongRun = Annotated[
    str | None,
    value(
        "--long-run",
        metavar="DAY",
        complete=complete_weekday_or_none,
        help="Your long-run day (none: no long run): no session that day or the day before.",
    ),
]
Hard = Annotated[
    list[str] | None,
    value(
        "--hard",
        metavar="DAYS",
        complete=complete_weekdays_or_none,
        help="Your hard-run days, or none: sessions go after them, never the day before.",
    ),
]
On = Annotated[
    list[str] | None,
    value(
        "--on",
        metavar="DAYS",
        complete=complete_weekdays,
        help="Weekdays to train, e.g. mon,wed,sat (sets --days).",
    ),
]
Race = Annotated[
    date | None,
    day("--race", "Plan up to a race on this day, with a taper before it (ours)."),
]
Moves = Annotated[
    list[str] | None,
    value(
        "--moves",
        metavar="MOVES",
        complete=complete_move,
        help=(
            "Your routine: 2 or 3 moves (slugs, names or numbers, comma-separated), "
            "each done in every session."
        ),
    ),
]
Level = Annotated[
    str | None,
    value(
        "--level",
        parser=rules.parse_level,
        metavar="LEVEL",
        complete=complete_level,
        help=(
            "The form of each move: easier, standard or harder (easier and harder "
            "forms are glutemed's additions, not the source's). [default: standard]"
        ),
    ),
]
RunsFrom = Annotated[
    str | None,
    value(
        "--runs-from",
        parser=rules.parse_source,
        metavar="SOURCE",
        help="Your running calendar: an .ics file or URL (none: not the config file's).",
    ),
]
