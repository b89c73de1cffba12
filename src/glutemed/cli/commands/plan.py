"""glutemed plan: the week's sessions as a view, JSON, Markdown or iCalendar."""

import dataclasses
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glutemed.cli import completion, context, params, planning, streams
from glutemed.core import rules
from glutemed.core.text import plural
from glutemed.errors import FieldError

if TYPE_CHECKING:
    from glutemed.core.plan import Plan, PlanOptions
    from glutemed.core.programme import Programme


def _parse_step(text: str) -> str:
    from glutemed.core.sets import parse_load, parse_step

    parse_step(text)
    return parse_load(text).text


def plan(
    ctx: typer.Context,
    days: params.Days = None,
    weekdays: params.On = None,
    equipment: params.Equipment = None,
    sets: params.Sets = None,
    weeks: Annotated[
        int | None,
        params.value(
            "--weeks",
            "-w",
            parser=rules.WEEKS.parse,
            metavar="N",
            help=(
                f"Weeks to plan, Monday to Sunday: {rules.WEEKS.takes}. "
                "[default: 1, or 12 back from the race]"
            ),
        ),
    ] = None,
    start: Annotated[
        date | None, params.day("--start", "Plan from this day on. [default: today]")
    ] = None,
    seed: Annotated[
        int,
        params.value(
            "--seed",
            parser=rules.SEED.parse,
            metavar="N",
            help="Another valid plan from the same settings (0 or more). [default: 0]",
        ),
    ] = 0,
    long_run: params.LongRun = None,
    hard: params.Hard = None,
    race: params.Race = None,
    runs_from: params.RunsFrom = None,
    race_distance: Annotated[
        str,
        params.value(
            "--race-distance",
            parser=rules.parse_distance,
            metavar="DISTANCE",
            complete=completion.complete_distance,
            help=(
                "5k, 10k, half, marathon or ultra: a taper of 7, 10 or 14 days "
                "(glutemed's choice). [default: 10k]"
            ),
        ),
    ] = "10k",
    moves: params.Moves = None,
    size: Annotated[
        int | None,
        params.value(
            "--size",
            parser=rules.ROUTINE.parse,
            metavar="N",
            help=(
                "Moves in the routine glutemed picks: 2 or 3. "
                "[default: 3 for 1 or 2 days a week, 2 for 3: ours]"
            ),
        ),
    ] = None,
    favour: Annotated[
        str | None,
        params.value(
            "--favour",
            parser=rules.parse_favour,
            metavar="KIND",
            complete=completion.complete_favour,
            help="Lateral or loaded: the routine glutemed picks takes those moves first (ours).",
        ),
    ] = None,
    rotate: Annotated[
        bool,
        params.flag(
            "--rotate",
            help="Swap one move of the routine glutemed picks at each 4-week block (ours).",
        ),
    ] = False,
    weak_side: Annotated[
        str | None,
        params.value(
            "--weak-side",
            parser=rules.parse_side,
            metavar="SIDE",
            complete=completion.complete_side,
            help="Your weaker side, left or right: one more set on it in one-sided moves (ours).",
        ),
    ] = None,
    load_step: Annotated[
        str | None,
        params.value(
            "--load-step",
            parser=_parse_step,
            metavar="LOAD",
            help="Your dumbbells' step, e.g. 2kg or 5lb. [default: 1kg, or 2.5lb]",
        ),
    ] = None,
    level: params.Level = None,
    as_json: Annotated[bool, params.flag("--json", help="Print the plan as JSON.")] = False,
    explain: Annotated[
        bool,
        params.flag(
            "--explain",
            help="Add the rules, the reasons and the full guidance to the plan on screen.",
        ),
    ] = False,
    output: Annotated[
        Path | None, params.output("Write the plan to FILE (.md, .ics, .json, .html or .pdf).")
    ] = None,
    fmt: Annotated[
        str | None,
        params.value(
            "--format",
            "-f",
            parser=rules.parse_format,
            metavar="FORMAT",
            complete=completion.complete_format,
            help="Print the plan as markdown, ics, json or html (or write it so with -o).",
        ),
    ] = None,
    at: params.At = None,
    force: params.Force = False,
    name: params.Name = "glutemed",
    remind: params.Remind = None,
    to_watch: params.ToWatch = None,
    rest: params.Rest = None,
    save: Annotated[
        bool,
        params.flag(
            "--save",
            help="Keep this plan as your programme in the log, for 'log' to follow.",
        ),
    ] = False,
) -> None:
    """Plan your sessions from today, for weeks, or up to a race."""
    # Long only in its signature: each parameter is an option's declaration.
    from glutemed.core.plan import PlanOptions
    from glutemed.core.planner import make_plan

    if as_json:
        if fmt not in (None, "json"):
            raise FieldError("json", "and {format} disagree; give one of them")
        fmt = "json"
    if to_watch is not None:
        if fmt not in (None, "fit"):
            raise FieldError("to_watch", "puts watch workouts on a watch: leave {format} out")
        fmt = "fit"
    if output is not None and fmt is None:
        try:
            fmt = rules.format_of(output)
        except ValueError as err:
            raise FieldError("output", f"names a file, but glutemed {err}") from None
    if fmt == "pdf" and output is None:
        raise FieldError("format", "pdf goes to a file: give -o FILE.pdf")
    if fmt == "fit" and output is None and to_watch is None:
        raise FieldError(
            "format", "fit goes to a folder, a file a session: give -o FOLDER or {to_watch}"
        )
    if rest is not None and fmt != "fit":
        raise FieldError("rest", "applies only to watch workouts (--format fit)")
    for field, given in (("time", at), ("remind", remind)):
        if given is not None and fmt != "ics":
            raise FieldError(
                field, "applies only to iCalendar output (-o FILE.ics or --format ics)"
            )
    on = params.parsed("weekdays", rules.parse_training_days, weekdays)
    resolved = context.week_settings(
        ctx,
        days=days,
        equipment=equipment,
        long_run=long_run,
        hard=hard,
        sets=sets,
        load_step=load_step,
        runs_from=runs_from,
    )
    today = context.today()
    begin = start or today  # the plan's first day: the calendar is read from it, not from today
    saved = None if save else _saved(ctx, begin)
    end = saved.end() if saved is not None else race or begin + timedelta(weeks=rules.WEEKS.high)
    runs, resolved = planning.calendar(resolved, begin - timedelta(days=1), end + timedelta(days=8))
    if saved is not None:
        options = dataclasses.replace(saved.plan_options(today=today), calendar=runs)
    else:
        options = PlanOptions.from_settings(
            resolved,
            weekdays=on,
            days=days,
            weeks=weeks,
            start=start,
            today=today,
            seed=seed,
            size=size,
            race=race,
            race_distance=race_distance,
            calendar=runs,
            favour=favour,
            rotate=rotate,
            weak_side=weak_side,
        )
    catalogue = context.load_catalogue(resolved)
    if saved is None:
        every, each = params.levels(level, lambda move: catalogue.find(move).slug)
        options = dataclasses.replace(options, level=every, levels=each)
    if moves is not None:
        options = dataclasses.replace(options, moves=planning.routine(catalogue, moves))
    since = min(options.start or options.today, options.today)
    history = planning.history(catalogue, since)
    result = make_plan(catalogue, options, history, pains=planning.pains(options.today))
    if saved is not None:
        result = result.from_day(begin)
    result = result.named(lambda field: f"--{field}")
    for warning in result.warnings:
        streams.warn(warning)
    if save:
        _save(options, result)
    if fmt is None:
        from glutemed.views.console import emit

        if explain:
            from glutemed.views import terminal as render

            emit(render.plan_view(result))
        else:
            from glutemed.views.plan import short_plan_view

            emit(short_plan_view(result))
        return
    if fmt == "fit":
        from glutemed.cli import watchfiles

        rest_seconds = context.settings(ctx, rest=rest).rest_seconds
        made = watchfiles.files(result.sessions, catalogue, rest_seconds, name)
        watchfiles.write(made, folder=output, to_watch=to_watch, force=force)
        return
    from glutemed.formats import plan_out as export
    from glutemed.storage.files import write_file

    earlier = _earlier(output) if fmt == "ics" and force and output is not None else None
    data = export.render(
        result,
        catalogue,
        fmt,
        at,
        name=name,
        remind=remind,
        earlier=earlier,
        drawings=context.drawings(),
    )
    if output is None:
        streams.write_stdout(data)
        return
    write_file(output, data, force=force)
    cancelled = data.count(b"STATUS:CANCELLED") if fmt == "ics" else 0
    dropped = (
        f", and cancelled {plural(cancelled, 'session')} the earlier file held that this "
        "plan no longer has"
        if cancelled
        else ""
    )
    streams.done(f"Wrote {plural(len(result.sessions), 'session')} to {output}{dropped}")


#: The options that shape a plan: given any of them, ``plan`` makes the plan they
#: describe instead of showing the saved programme.
SHAPING = (
    "days",
    "weekdays",
    "equipment",
    "sets",
    "weeks",
    "seed",
    "long_run",
    "hard",
    "race",
    "race_distance",
    "moves",
    "size",
    "favour",
    "rotate",
    "weak_side",
    "load_step",
    "level",
)


def _saved(ctx: typer.Context, day: date) -> "Programme | None":
    """The saved programme to show from ``day`` (in force then, or the next to start),
    unless an option that shapes the plan was given: then None, said in one line."""
    from glutemed.errors import LogError
    from glutemed.storage import programmes

    try:
        saved = programmes.in_force(day, warn=streams.warn, upcoming=True)
    except LogError:
        return None  # the log's reader says what is wrong with it, once
    given = [name for name in SHAPING if _given(ctx, name)]
    if saved is None:
        return None
    if given:
        streams.note(f"not your saved programme: {' '.join(_as_typed(ctx, n) for n in given)}")
        return None
    streams.note(
        f"your saved programme from {saved.start.isoformat()} to {saved.end().isoformat()} "
        "('glutemed programme' shows it; an option that shapes the plan makes another)"
    )
    return saved


def _given(ctx: typer.Context, name: str) -> bool:
    from typer._click.core import ParameterSource

    return ctx.get_parameter_source(name) not in (None, ParameterSource.DEFAULT)


def _as_typed(ctx: typer.Context, name: str) -> str:
    """An option as the runner gave it: ``--days 3``, ``--on mon,wed``, ``--rotate``."""
    param = next(p for p in ctx.command.params if p.name == name)
    flag = max((o for o in param.opts if o.startswith("--")), key=len)
    value = ctx.params.get(name)
    if isinstance(value, bool):
        return flag
    if isinstance(value, (list, tuple)):
        return f"{flag} {','.join(str(v) for v in value)}"
    return f"{flag} {value.isoformat() if isinstance(value, date) else value}"


def _save(options: "PlanOptions", result: "Plan") -> None:
    """Keep the plan as the runner's programme from its start (see glutemed.core.programme)."""
    from glutemed.storage import programmes as programme

    programme.save(options, result)
    streams.note(
        f"saved as your programme from {result.start.isoformat()}: "
        "'glutemed log' now logs the forms it plans"
    )


def _earlier(output: Path) -> bytes | None:
    """The calendar file an export replaces, to cancel the sessions it drops; None if
    there is none glutemed can read."""
    from glutemed.core.rules import CALENDAR_BYTES as MAX_BYTES
    from glutemed.errors import Unreadable
    from glutemed.storage.files import read_regular

    try:
        return read_regular(output, MAX_BYTES)
    except Unreadable:
        return None
