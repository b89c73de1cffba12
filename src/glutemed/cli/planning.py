"""The runner's week, as the commands that show it share it: the routine named with
--moves, the log's sets, and the options of the week for a day (``today``, ``go``).

Not a command: command modules import it, and it imports only the standard
library at start-up.
"""

import functools
import inspect
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import typer

from glutemed.cli import context, params, streams
from glutemed.core import rules
from glutemed.errors import FieldError

if TYPE_CHECKING:
    from glutemed.core.catalogue import Catalogue
    from glutemed.core.plan import PlanOptions
    from glutemed.core.schedule import RunCalendar
    from glutemed.core.sets import LoggedSet, Pain
    from glutemed.core.settings import Settings


def routine(catalogue: "Catalogue", given: list[str]) -> tuple[str, ...]:
    """The slugs of the moves given with --moves, each found as 'show' finds it."""
    words = rules.split_words(given)
    if len(words) not in rules.ROUTINE:
        raise FieldError("moves", f"takes {rules.ROUTINE.takes}, not {len(words)}")
    slugs = tuple(catalogue.find(word).slug for word in words)
    if len(set(slugs)) != len(slugs):
        raise FieldError("moves", "names a move twice; give each move once")
    return slugs


def history(catalogue: "Catalogue", day: date, *, before: bool = False) -> "list[LoggedSet]":
    """What planning around ``day`` needs of the log (:func:`glutemed.storage.history.read_latest`):
    each move's latest session in each form (before ``day`` when ``before``), and every
    set from 8 weeks before it. Nothing if the log cannot be read (with a warning)."""
    from datetime import timedelta

    from glutemed.storage.paths import log_path

    if not log_path().exists():
        return []
    from glutemed.errors import LogError
    from glutemed.storage import history as log

    slugs = {move.slug for move in catalogue}
    from glutemed.core.planner import RECENT_DAYS

    since = day - timedelta(days=RECENT_DAYS)
    try:
        return log.read_latest(slugs, since, day if before else None, warn=streams.warn)
    except LogError as err:
        streams.warn(f"{err}; planning without your log")
        return []


def pains(day: date) -> "list[Pain]":
    """The pain scores progression listens to around ``day``: the last 8 weeks' (quietly
    none when the log cannot be read: :func:`history` has said so)."""
    from datetime import timedelta

    from glutemed.core.planner import RECENT_DAYS
    from glutemed.errors import LogError
    from glutemed.storage import history as log
    from glutemed.storage.paths import log_path

    if not log_path().exists():
        return []
    try:
        return log.read_pains(day - timedelta(days=RECENT_DAYS), warn=streams.warn)
    except LogError:
        return []


#: A command's ``week`` before :func:`week_options` fills it: no options given.
NO_WEEK: Mapping[str, Any] = MappingProxyType({})
#: The options that shape a runner's week, as ``today`` and ``go`` take them.
WEEK: dict[str, Any] = {
    "days": params.Days,
    "weekdays": params.On,
    "equipment": params.Equipment,
    "moves": params.Moves,
    "level": params.Level,
    "long_run": params.LongRun,
    "hard": params.Hard,
    "race": params.Race,
    "runs_from": params.RunsFrom,
}


def week_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the options that shape a week (:data:`WEEK`), declared once, as
    sqlite-utils shares its option decorators: they stand where the command's ``week``
    parameter stands, and the command receives them in it as one mapping."""
    signature = inspect.signature(command)
    before = [param for param in signature.parameters.values() if param.name != "week"]
    at = list(signature.parameters).index("week")
    added = [
        inspect.Parameter(
            name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=kind
        )
        for name, kind in WEEK.items()
    ]

    @functools.wraps(command)
    def with_week(*args: Any, **given: Any) -> None:
        command(*args, week={name: given.pop(name, None) for name in WEEK}, **given)

    with_week.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*before[:at], *added, *before[at:]]
    )
    annotations = {k: v for k, v in command.__annotations__.items() if k != "week"}
    with_week.__annotations__ = {**annotations, **WEEK}
    return with_week


def options_for(
    ctx: typer.Context, day: date, catalogue: "Catalogue", **given: Any
) -> "tuple[PlanOptions, list[str]]":
    """The options of the runner's week around ``day``, and a note on where they came from.

    The saved programme in force that day (``plan --save``) when no option that
    shapes a week is given; otherwise, or without one, the settings (config file
    and options) from the Monday of that week.
    """
    import dataclasses

    from glutemed.core import schedule
    from glutemed.core.plan import PlanOptions
    from glutemed.storage import programmes as programme

    runs_from = given.pop("runs_from", None)
    shaping = {key: value for key, value in given.items() if value is not None}
    if not shaping:
        saved = programme.in_force(day, warn=streams.warn)
        if saved is not None:
            options = saved.plan_options(today=day)
            if day < saved.end() or (options.race is None and day == saved.end()):
                return _with_runs(ctx, options, day, runs_from), []
            note = f"your saved programme from {saved.start.isoformat()} has ended"
        else:
            note = "no saved programme ('glutemed plan --save')"
        note += ": this week comes from your settings"
    else:
        note = ""
    on = params.parsed("weekdays", rules.parse_training_days, shaping.get("weekdays"))
    resolved = context.week_settings(
        ctx,
        days=shaping.get("days"),
        equipment=shaping.get("equipment"),
        long_run=shaping.get("long_run"),
        hard=shaping.get("hard"),
        runs_from=runs_from,
    )
    runs, resolved = _around(resolved, day)
    race = shaping.get("race")
    options = PlanOptions.from_settings(
        resolved,
        weekdays=on,
        days=shaping.get("days"),
        weeks=None if race else 2,
        start=None if race else schedule.monday_of(day),
        today=day,
        race=race,
        calendar=runs,
    )
    every, each = params.levels(shaping.get("level"), lambda move: catalogue.find(move).slug)
    options = dataclasses.replace(options, level=every, levels=each)
    if shaping.get("moves"):
        options = dataclasses.replace(options, moves=routine(catalogue, shaping["moves"]))
    return options, [note] if note else []


def calendar(
    resolved: "Settings", first: date, last: date, *, fresh: bool = False
) -> "tuple[RunCalendar | None, Settings]":
    """The runs of the runner's calendar (``--runs-from`` or ``runs_from``) from ``first``
    to ``last``, and the settings to plan with: with a calendar, the config file's
    ``long_run`` and ``hard`` give way to it, and options given for them replace that
    kind of run in it. (None, the settings) without a calendar."""
    source = resolved.runs_from
    if not source:
        return None, resolved
    from glutemed.formats import ics_in as runcalendar
    from glutemed.storage import feeds

    data = feeds.read_source(source, feeds.cache_folder(), fresh=fresh, warn=streams.warn)
    found = runcalendar.events(
        data, first, last, resolved.runs, warn=streams.warn, name=source, limits=resolved.limits
    )
    from glutemed.core.schedule import CalendarRun

    entries, resolved, replaced = resolved.with_calendar(
        [CalendarRun(event.date, event.kind, event.distance) for event in found if event.kind]
        + [CalendarRun(event.date, "strength") for event in found if event.strength]
    )
    counts = [
        f"{sum(1 for e in entries if e.kind == kind)} {name}"
        for kind, name in (
            ("long", "long"),
            ("hard", "hard"),
            ("race", "race"),
            ("strength", "strength days"),
        )
    ]
    streams.note(
        f"runs from {source}: {', '.join(counts)} between {first.isoformat()} and "
        f"{last.isoformat()}"
        + (" (your --long-run/--hard replace those kinds)" if replaced else "")
    )
    return entries, resolved


def _with_runs(
    ctx: typer.Context, options: "PlanOptions", day: date, runs_from: str | None
) -> "PlanOptions":
    """A saved programme's options with the runner's calendar around ``day``, read from a
    copy less than a day old where there is one."""
    import dataclasses

    runs, _ = _around(context.settings(ctx, runs_from=runs_from), day)
    return dataclasses.replace(options, calendar=runs) if runs is not None else options


def _around(resolved: "Settings", day: date) -> "tuple[RunCalendar | None, Settings]":
    """The calendar's runs in the weeks around ``day`` (enough for its session, the
    next one and a race's taper), from a copy less than a day old where there is one."""
    from datetime import timedelta

    return calendar(resolved, day - timedelta(days=15), day + timedelta(days=22), fresh=True)
