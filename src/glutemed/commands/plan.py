"""glutemed plan: the week's sessions as a view, JSON, Markdown or iCalendar."""

import dataclasses
from datetime import date, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glutemed import rules
from glutemed.commands import common
from glutemed.errors import FieldError
from glutemed.text import plural

if TYPE_CHECKING:
    from glutemed.catalogue import Catalogue
    from glutemed.planner import Loads


def next_monday(today: date) -> date:
    """The first Monday after ``today``."""
    return today + timedelta(days=7 - today.weekday())


def plan(
    ctx: typer.Context,
    days: common.Days = None,
    weekdays: Annotated[
        list[str] | None,
        common.value(
            "--on",
            metavar="DAYS",
            complete=common.complete_weekdays,
            help="Weekdays to train, e.g. mon,wed,sat (sets --days).",
        ),
    ] = None,
    equipment: common.Equipment = None,
    sets: common.Sets = None,
    weeks: Annotated[
        int | None,
        common.value(
            "--weeks",
            "-w",
            parser=rules.WEEKS.parse,
            metavar="N",
            help=f"Weeks to plan: {rules.WEEKS.takes}. [default: 1, or up to the race]",
        ),
    ] = None,
    start: Annotated[
        date | None, common.day("--start", "Date the sessions from this day on.")
    ] = None,
    seed: Annotated[
        int,
        common.value(
            "--seed",
            parser=rules.SEED.parse,
            metavar="N",
            help="Another valid plan from the same settings (0 or more). [default: 0]",
        ),
    ] = 0,
    long_run: common.LongRun = None,
    hard: common.Hard = None,
    race: Annotated[
        date | None,
        common.day("--race", "Taper for a race on this day: rest in its last 4 days."),
    ] = None,
    moves: Annotated[
        list[str] | None,
        common.value(
            "--moves",
            metavar="MOVES",
            complete=common.complete_move,
            help=(
                "Your routine: 2 or 3 moves (slugs, names or numbers, comma-separated), "
                "each done in every session."
            ),
        ),
    ] = None,
    size: Annotated[
        int | None,
        common.value(
            "--size",
            parser=rules.ROUTINE.parse,
            metavar="N",
            help=(
                "Moves in the routine glutemed picks: 2 or 3. "
                "[default: 3 for 1 or 2 days a week, 2 for 3]"
            ),
        ),
    ] = None,
    level: Annotated[
        str,
        common.value(
            "--level",
            parser=rules.parse_level,
            metavar="LEVEL",
            complete=common.complete_level,
            help=(
                "The form of each move: easier, standard or harder (easier and harder "
                "forms are glutemed's additions, not the source's). [default: standard]"
            ),
        ),
    ] = "standard",
    as_json: Annotated[bool, common.flag("--json", help="Print the plan as JSON.")] = False,
    output: Annotated[
        Path | None,
        common.value(
            "--output",
            "-o",
            parser=rules.parse_path,
            metavar="FILE",
            help="Write the plan to FILE (.md, .ics or .json).",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        common.value(
            "--format",
            "-f",
            parser=rules.parse_format,
            metavar="FORMAT",
            complete=common.complete_format,
            help="Print the plan as markdown, ics or json (or write it so with -o).",
        ),
    ] = None,
    at: Annotated[
        time | None,
        common.value(
            "--time",
            parser=rules.parse_time,
            metavar="TIME",
            help="Calendar events at this time (07:00, 7pm), not all-day.",
        ),
    ] = None,
    force: Annotated[bool, common.flag("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Plan this week's sessions (or several weeks' with --weeks)."""
    from glutemed.planner import PlanOptions, make_plan, weeks_until

    today = date.today()
    if as_json:
        if fmt not in (None, "json"):
            raise FieldError("json", "and {format} disagree; give one of them")
        fmt = "json"
    if output is not None and fmt is None:
        try:
            fmt = rules.format_of(output)
        except ValueError as err:
            raise FieldError("output", f"names a file, but glutemed {err}") from None
    if at is not None and fmt != "ics":
        raise FieldError("time", "applies only to iCalendar output (-o FILE.ics or --format ics)")
    on = common.parsed("weekdays", rules.parse_training_days, weekdays)
    resolved = common.settings(
        ctx,
        days=days,
        equipment=common.parsed("equipment", rules.parse_equipment, equipment),
        long_run=common.parsed("long_run", common.parse_long_run, long_run),
        hard=common.parsed("hard", common.parse_hard, hard),
        sets=sets,
    )
    if start is None and (fmt == "ics" or race is not None):
        start = next_monday(today)
        common.note(f"no --start given: the plan starts next Monday, {start.isoformat()}")
    if weeks is None:
        weeks = weeks_until(start, race) if race is not None and start is not None else 1
    options = PlanOptions(
        days=days if on is not None else resolved.days,
        weekdays=on,
        available=resolved.equipment,
        sets=resolved.sets,
        weeks=weeks,
        start=start,
        seed=seed,
        level=level,
        size=size,
        long_run=resolved.long_run,
        hard=resolved.hard,
        race=race,
    )
    catalogue = common.load_catalogue(resolved)
    if moves is not None:
        options = dataclasses.replace(options, moves=_routine(catalogue, moves))
    result = make_plan(catalogue, options, _loads(catalogue))
    for warning in result.warnings:
        common.warn(warning)
    if fmt is None:
        from glutemed import render

        render.emit(render.plan_view(result))
        return
    from glutemed import export

    data = export.render(result, catalogue, fmt, at)
    if output is None:
        common.write_stdout(data)
        return
    export.write_file(output, data, force=force)
    common.done(f"Wrote {plural(len(result.sessions), 'session')} to {output}")


def _routine(catalogue: "Catalogue", given: list[str]) -> tuple[str, ...]:
    """The slugs of the moves given with --moves, each found as 'show' finds it."""
    words = rules.split_words(given)
    if len(words) not in rules.ROUTINE:
        raise FieldError("moves", f"takes {rules.ROUTINE.takes}, not {len(words)}")
    slugs = tuple(catalogue.find(word).slug for word in words)
    if len(set(slugs)) != len(slugs):
        raise FieldError("moves", "names a move twice; give each move once")
    return slugs


def _loads(catalogue: "Catalogue") -> "Loads":
    """Each move's next load and why, from the training log; none if it cannot be read."""
    from glutemed.paths import log_path

    if not log_path().exists():
        return {}  # the planner says "nothing logged yet" for every move
    from glutemed import log, progression
    from glutemed.errors import LogError

    tops = {move.slug: move.reps.max for move in catalogue}
    try:
        sets = log.read_sets(tops, warn=common.warn)
    except LogError as err:
        common.warn(f"{err}; planning without load suggestions")
        return {}
    found = progression.suggestions(tops, reversed(sets))
    return {slug: (item.load, item.reason) for slug, item in found.items()}
