"""glutemed's command line: parse the options, call the core, render the result.

Only this module imports typer. The core (catalogue, planner, export) is
imported inside the commands, so ``--help`` and ``--version`` load neither
pydantic, yaml nor rich. Every :class:`~glutemed.errors.GlutemedError` becomes
one line on stderr (``glutemed: error: ...``) and its exit code: 1, or 2 for
options that do not go together. typer's own usage errors exit 2.
"""

import functools
import os
import sys
from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from glutemed import options as names
from glutemed import version_text
from glutemed.errors import GlutemedError, UsageError

if TYPE_CHECKING:
    from glutemed.catalogue import Catalogue

# pydantic looks for third-party plugins (scanning every installed package's entry
# points) the first time it builds a model; glutemed uses none, and the scan costs
# more than planning a week. PYDANTIC_DISABLE_PLUGINS is pydantic's documented
# switch; a value the user set is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="glutemed",
    help=(
        "Gluteus medius workout planner for runners: five standing moves, weekly "
        "sessions, and sheets to print or put in a calendar. Training information, "
        "not a diagnosis."
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DAYS_REASON = (
    "plan 1 to 3 days a week: the gluteus medius needs about 48 hours between "
    "sessions, so at most 3 fit in a week, and the source asks for 2 to 3"
)


def _friendly(command: F) -> F:
    """Turn glutemed's own errors into one line on stderr and their exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GlutemedError as err:
            typer.echo(f"glutemed: error: {err}", err=True)
            raise typer.Exit(err.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _warn(message: str) -> None:
    typer.echo(f"glutemed: warning: {message}", err=True)


def _note(message: str) -> None:
    typer.echo(f"glutemed: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(version_text())
        raise typer.Exit()


def _load(ctx: typer.Context) -> "Catalogue":
    from glutemed.catalogue import load_catalogue

    path: Path | None = ctx.obj
    return load_catalogue(path)


def _print_json(data: Any) -> None:
    import json

    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


@app.callback()
def _root(
    ctx: typer.Context,
    catalogue: Annotated[
        Path | None,
        typer.Option(
            "--catalogue",
            envvar="GLUTEMED_CATALOGUE",
            metavar="PATH",
            help="Use this YAML catalogue instead of the built-in one.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = catalogue


@app.command("list")
@_friendly
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the moves in the catalogue."""
    catalogue = _load(ctx)
    if as_json:
        _print_json([move.model_dump(mode="json") for move in catalogue])
        return
    from glutemed import render

    render.console().print(render.catalogue_table(catalogue))


@app.command()
@_friendly
def show(
    ctx: typer.Context,
    move: Annotated[str, typer.Argument(help="A slug, a name, or a number from 'list'.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a card.")] = False,
) -> None:
    """Show one move step by step."""
    catalogue = _load(ctx)
    exercise = catalogue.find(move)
    if as_json:
        _print_json(exercise.model_dump(mode="json"))
        return
    from glutemed import render

    number = catalogue.exercises.index(exercise) + 1
    render.console().print(render.exercise_card(exercise, number))


def _days(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= 3:
        raise typer.BadParameter(DAYS_REASON)
    return value


def _weekdays(values: list[str]) -> tuple[int, ...]:
    try:
        days = names.parse_weekdays(values)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--on'") from None
    if values and not 1 <= len(days) <= 3:
        raise typer.BadParameter(DAYS_REASON, param_hint="'--on'")
    return days


def _equipment(values: list[str]) -> frozenset[str]:
    if not values:
        return frozenset(names.EQUIPMENT)
    try:
        return names.parse_equipment(values)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="'--equipment'") from None


def _start(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{value[:40]!r} is not a date in the form YYYY-MM-DD", param_hint="'--start'"
        ) from None


def _time(value: str | None) -> time | None:
    if value is None:
        return None
    try:
        parsed = time.fromisoformat(value.strip())
    except ValueError:
        parsed = None
    if parsed is None or len(value.strip()) != 5:
        raise typer.BadParameter(
            f"{value[:40]!r} is not a time in the form HH:MM", param_hint="'--time'"
        )
    return parsed


def _format(value: str | None) -> str | None:
    from glutemed.options import split_words

    if value is None:
        return None
    word = (split_words([value]) or [""])[0]
    word = {"md": "markdown", "ical": "ics", "icalendar": "ics"}.get(word, word)
    if word not in ("markdown", "ics", "json"):
        raise typer.BadParameter(
            f"{value[:40]!r} is not a format; use markdown, ics or json", param_hint="'--format'"
        )
    return word


def next_monday(today: date) -> date:
    """The first Monday after ``today``."""
    return today + timedelta(days=7 - today.weekday())


@app.command()
@_friendly
def plan(
    ctx: typer.Context,
    days: Annotated[
        int | None,
        typer.Option(
            "--days",
            "-d",
            callback=_days,
            metavar="N",
            help="Sessions a week, 1 to 3 [default: 3].",
        ),
    ] = None,
    on: Annotated[
        list[str] | None,
        typer.Option(
            "--on", metavar="DAYS", help="Weekdays to train, e.g. mon,wed,sat (sets --days)."
        ),
    ] = None,
    equipment: Annotated[
        list[str] | None,
        typer.Option(
            "--equipment",
            "-e",
            metavar="LIST",
            help="What you have: dumbbells,band,box,mat, or none [default: all].",
        ),
    ] = None,
    sets: Annotated[
        int | None,
        typer.Option(
            "--sets",
            min=2,
            max=4,
            metavar="N",
            help="Sets of every move, 2 to 4 [default: by days and week].",
        ),
    ] = None,
    weeks: Annotated[
        int,
        typer.Option("--weeks", "-w", min=1, max=12, metavar="N", help="Weeks to plan, 1 to 12."),
    ] = 1,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="YYYY-MM-DD", help="Date the sessions from this day on."),
    ] = None,
    seed: Annotated[
        int,
        typer.Option("--seed", min=0, max=2**63 - 1, metavar="N", help="Pick another valid plan."),
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the plan to FILE (.md, .ics or .json)."
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="markdown, ics or json: print it, or write it with -o.",
        ),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option("--time", metavar="HH:MM", help="Calendar events at this time, not all-day."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Plan this week's sessions (or several weeks' with --weeks)."""
    fmt = _format(fmt)
    if as_json:
        if fmt not in (None, "json"):
            raise UsageError("--json and --format disagree; give one of them")
        fmt = "json"
    from glutemed.planner import DEFAULT_DAYS, PlanOptions, make_plan, spacing_warnings

    if output is not None:
        from glutemed.export import format_for

        fmt = format_for(output, fmt)
    when = _time(at)
    if when is not None and fmt != "ics":
        raise UsageError("--time applies only to iCalendar output (-o FILE.ics or --format ics)")
    weekdays = _weekdays(on or [])
    if weekdays and days is not None and days != len(weekdays):
        raise UsageError(f"--days {days} disagrees with --on, which names {len(weekdays)} days")
    weekdays = weekdays or DEFAULT_DAYS[days or 3]
    first = _start(start)
    if first is None and fmt == "ics":
        first = next_monday(date.today())
        _note(f"no --start given: the calendar starts next Monday, {first.isoformat()}")
    options = PlanOptions(
        weekdays=weekdays,
        available=_equipment(equipment or []),
        sets=sets,
        weeks=weeks,
        start=first,
        seed=seed,
        warnings=tuple(spacing_warnings(weekdays) if on else ()),
    )
    catalogue = _load(ctx)
    result = make_plan(catalogue, options)
    for warning in result.warnings:
        _warn(warning)
    if fmt is None:
        from glutemed import render

        render.console().print(render.plan_view(result))
        return
    from glutemed import export

    data = export.render(result, catalogue, fmt, when)
    if output is None:
        sys.stdout.flush()
        typer.echo(data, nl=False)
        return
    export.write_file(output, data, force=force)
    typer.echo(f"Wrote {len(result.sessions)} sessions to {output}")


KNEES = ("over-foot", "midline", "past-toes")


def _knee(value: str | None) -> str | None:
    if value is not None and value.strip().lower() not in KNEES:
        raise typer.BadParameter(f"{value[:40]!r} is not a knee answer; use {', '.join(KNEES)}")
    return None if value is None else value.strip().lower()


@app.command()
@_friendly
def check(
    ctx: typer.Context,
    left: Annotated[
        str | None,
        typer.Option(
            "--left",
            callback=_knee,
            metavar="KNEE",
            help="Left knee: over-foot, midline or past-toes.",
        ),
    ] = None,
    right: Annotated[
        str | None,
        typer.Option(
            "--right",
            callback=_knee,
            metavar="KNEE",
            help="Right knee: over-foot, midline or past-toes.",
        ),
    ] = None,
    hip_drop: Annotated[
        bool, typer.Option("--hip-drop", help="You have noticed your hip drop.")
    ] = False,
    trunk_lean: Annotated[
        bool, typer.Option("--trunk-lean", help="You lean over the standing leg.")
    ] = False,
    knee_collapse: Annotated[
        bool, typer.Option("--knee-collapse", help="Your knee collapses inward.")
    ] = False,
    interactive: Annotated[
        bool, typer.Option("--interactive", help="Walk through the test with prompts.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    save: Annotated[bool, typer.Option("--save", help="Keep the result in your log.")] = False,
    history: Annotated[
        bool, typer.Option("--history", help="Show your earlier saved results.")
    ] = False,
) -> None:
    """The mirror test: is your gluteus medius weak? (A self-check, not a diagnosis.)"""
    from glutemed import log

    if history:
        rows = log.check_history()
        if as_json:
            _print_json(rows)
            return
        from glutemed import render

        if not rows:
            _note("no saved results yet: run 'glutemed check ... --save'")
        render.console().print(render.check_history_table(rows))
        return
    from glutemed import selfcheck

    gait = [
        sign
        for sign, given in (
            ("hip-drop", hip_drop),
            ("trunk-lean", trunk_lean),
            ("knee-collapse", knee_collapse),
        )
        if given
    ]
    if interactive or (left is None and right is None and sys.stdin.isatty()):
        from glutemed import render

        con = render.console()
        render.check_intro(
            con, selfcheck.CAUTION, selfcheck.SETUP, selfcheck.STEPS, selfcheck.WATCH
        )
        left = render.ask_knee(con, "left", selfcheck.KNEE_CHOICES)
        right = render.ask_knee(con, "right", selfcheck.KNEE_CHOICES)
        gait = [sign for sign, text in selfcheck.GAIT_SIGNS.items() if render.ask_sign(con, text)]
        con.print()
    elif left is None and right is None:
        raise UsageError(
            "no answers given and no terminal to ask them on: pass --left and --right "
            "(over-foot, midline or past-toes), or --interactive"
        )
    elif left is None or right is None:
        raise UsageError("give both --left and --right (over-foot, midline or past-toes)")
    result = selfcheck.read_check(_load(ctx), left, right, gait)
    if save:
        from datetime import datetime

        number = log.save_check(result.model_dump(mode="json"), datetime.now())
        _note(f"saved as check {number} in {log.log_path()}")
    if as_json:
        _print_json(result.model_dump(mode="json"))
        return
    from glutemed import render

    render.console().print(render.check_view(result))


def main() -> None:
    """Run the command line (``python -m glutemed`` and the console script)."""
    app()
