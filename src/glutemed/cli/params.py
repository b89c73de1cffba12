"""What the commands share: the options several of them take, shell completion, the
settings in force, and writing to stdout and stderr.

Values are parsed with :mod:`glutemed.core.rules`, so a range or a vocabulary is
written once for parsing, help and completion alike. A scalar option parses
as typer reads it (``parser=``); a value typer would split or repeat
(``--on``, ``--hard``, ``--equipment``, ``--reps``) or that may clear a
setting (``--long-run none``) is parsed in the body by
:func:`parsed`, which raises a :class:`~glutemed.errors.FieldError` naming
the option's field. Either way a
bad value ends as one line, ``glutemed: error: --sets takes 2 to 4 sets ...``,
printed by the handler in ``cli.py``.

Standard library, typer and :mod:`glutemed.core.rules` only: every command module
imports this at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from glutemed.cli.completion import (
    complete_equipment,
    complete_level,
    complete_move,
    complete_weekday_or_none,
    complete_weekdays,
    complete_weekdays_or_none,
)
from glutemed.core import rules
from glutemed.errors import FieldError

T = TypeVar("T")
V = TypeVar("V")


def parsed(field: str, parse: Callable[[V], T], value: V | None) -> T | None:
    """An option's raw value parsed by a rule, in the command's body; None when not given."""
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as err:
        raise FieldError(field, str(err)) from None


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


def day_words(text: str) -> str:
    """A ``--date`` as the runner typed it, checked for its form (a date, ``today``,
    ``yesterday``, a weekday) while the options are read; the command reads the day by
    the clock it runs on (:func:`glutemed.cli.context.on_day`)."""
    rules.parse_day(text, date(2000, 1, 3), ahead=False)
    return text


def when(help: str) -> Any:
    """``--date``, taking words as well as dates: the command reads it with
    :func:`on_day`, which knows today."""
    return value("--date", metavar="DAY", help=help)


def output(help: str) -> Any:
    """``-o FILE`` / ``--output FILE``: where a command writes its file."""
    return value("--output", "-o", parser=rules.parse_path, metavar="FILE", help=help)


Force = Annotated[bool, flag("--force", help="Overwrite FILE if it exists.")]

#: Calendar events at a time of day (``plan -o x.ics``, ``publish``).
At = Annotated[
    time | None,
    value(
        "--time",
        parser=rules.parse_time,
        metavar="TIME",
        help="Calendar events at this time (07:00, 7pm), not all-day.",
    ),
]
#: The programme's name, which its calendar events and watch workouts are known by.
Name = Annotated[
    str,
    value(
        "--name",
        parser=rules.parse_name,
        metavar="NAME",
        help="The programme's name, which calendar events are known by. [default: glutemed]",
    ),
]
#: A calendar alarm before each session.
Remind = Annotated[
    timedelta | None,
    value(
        "--remind",
        parser=rules.parse_remind,
        metavar="BEFORE",
        help="A calendar alarm this long before each session: 30m, 1h, 1d.",
    ),
]
#: Rest between sets, in ``go`` and in a watch's workout.
Rest = Annotated[
    int | None,
    value(
        "--rest",
        parser=rules.REST.parse,
        metavar="SECONDS",
        help=f"Rest between sets: {rules.REST.takes}. [default: 60, or rest in the config]",
    ),
]
#: A watch's mount point: workouts go into its GARMIN/NewFiles folder.
ToWatch = Annotated[
    Path | None,
    value(
        "--to-watch",
        parser=rules.parse_path,
        metavar="MOUNT",
        help="Put the workout files on the watch mounted here (the folder holding GARMIN).",
    ),
]


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
    list[str] | None,
    value(
        "--level",
        metavar="LEVEL",
        complete=complete_level,
        help=(
            "The form of each move: easier, standard or harder, or MOVE=LEVEL for one "
            "move (repeat it); easier and harder forms are glutemed's additions, not the "
            "source's. [default: standard]"
        ),
    ),
]


def levels(
    given: list[str] | None, find: Callable[[str], str]
) -> tuple[str | None, dict[str, str]]:
    """``--level`` as given: the level of every move (or None), and the level of each
    move named as ``MOVE=LEVEL`` (``find`` turns a move as typed into its slug), which
    wins over the first whatever the order."""
    every: str | None = None
    each: dict[str, str] = {}
    for word in given or []:
        move, equals, level = word.rpartition("=")
        parsed_level = parsed("level", rules.parse_level, level)
        assert parsed_level is not None
        if equals:
            each[find(move.strip())] = parsed_level
        elif every is not None and every != parsed_level:
            raise FieldError("level", "names two levels for every move; give one")
        else:
            every = parsed_level
    return every, each


RunsFrom = Annotated[
    str | None,
    value(
        "--runs-from",
        parser=rules.parse_source,
        metavar="SOURCE",
        help="Your running calendar: an .ics file or URL (none: not the config file's).",
    ),
]


def set_id(field: str, text: str) -> int:
    """A set's id as ``history --all`` shows it (``12`` or ``#12``), for ``field``."""

    def parse(value: str) -> int:
        try:
            return rules.SET_IDS.parse(value.strip().removeprefix("#"))
        except ValueError:
            raise ValueError(
                f"takes a set's id from 'glutemed history --all', such as 12; not {value!r}"
            ) from None

    found = parsed(field, parse, text)
    assert found is not None
    return found
