"""glutemed's command line: parse the options, call the command, render the result.

Only this module imports typer. Each command's work is in
``glutemed.commands.<name>.run``, imported when the command runs, so
``--help`` and ``--version`` load neither pydantic, yaml nor rich. Every
:class:`~glutemed.errors.GlutemedError` becomes one line on stderr
(``glutemed: error: ...``) and its exit code: 1, or 2 for options that do not
go together. typer's own usage errors exit 2. Options that check a single
value raise ``typer.BadParameter`` here, so the message names the option.
"""

import functools
import os
from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from glutemed import options as names
from glutemed import version_text
from glutemed.errors import GlutemedError

if TYPE_CHECKING:
    from glutemed.commands import CatalogueChoice

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
KNEES = ("over-foot", "midline", "past-toes")
FORMATS = {"markdown": "markdown", "md": "markdown", "ics": "ics", "ical": "ics", "json": "json"}


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


def _version(value: bool) -> None:
    if value:
        typer.echo(version_text())
        raise typer.Exit()


def _choice(ctx: typer.Context) -> "CatalogueChoice":
    from glutemed.commands import CatalogueChoice

    path: Path | None = ctx.obj
    if path is None:
        return CatalogueChoice()
    source = ctx.find_root().get_parameter_source("catalogue")
    name = getattr(source, "name", "")
    return CatalogueChoice(path, "environment" if name == "ENVIRONMENT" else "option")


# Parsing single values. Each raises BadParameter naming its option.


def _bad(message: str, option: str) -> typer.BadParameter:
    return typer.BadParameter(message, param_hint=f"'{option}'")


def _days(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= 3:
        raise typer.BadParameter(DAYS_REASON)
    return value


def _weekday_list(values: list[str] | None, option: str) -> tuple[int, ...] | None:
    if not values:
        return None
    try:
        return names.parse_weekdays(values)
    except ValueError as err:
        raise _bad(str(err), option) from None


def _weekday(value: str | None, option: str) -> int | None:
    if value is None:
        return None
    try:
        return names.parse_weekday(value)
    except ValueError as err:
        raise _bad(str(err), option) from None


def _equipment(values: list[str] | None) -> frozenset[str] | None:
    if values is None:
        return None
    try:
        return names.parse_equipment(values)
    except ValueError as err:
        raise _bad(str(err), "--equipment") from None


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _bad(f"{value[:40]!r} is not a date in the form YYYY-MM-DD", option) from None


def _time(value: str | None) -> time | None:
    if value is None:
        return None
    try:
        parsed: time | None = time.fromisoformat(value.strip())
    except ValueError:
        parsed = None
    if parsed is None or len(value.strip()) != 5:
        raise _bad(f"{value[:40]!r} is not a time in the form HH:MM", "--time")
    return parsed


def _format(value: str | None, as_json: bool) -> str | None:
    fmt = None
    if value is not None:
        fmt = FORMATS.get(value.strip().lower())
        if fmt is None:
            raise _bad(f"{value[:40]!r} is not a format; use markdown, ics or json", "--format")
    if as_json:
        if fmt not in (None, "json"):
            from glutemed.errors import UsageError

            raise UsageError("--json and --format disagree; give one of them")
        fmt = "json"
    return fmt


def _knee(value: str | None) -> str | None:
    if value is None:
        return None
    if value.strip().lower() not in KNEES:
        raise typer.BadParameter(f"{value[:40]!r} is not a knee answer; use {', '.join(KNEES)}")
    return value.strip().lower()


# Shell completion: standard library only, and no catalogue validation.


def _complete_move(ctx: typer.Context, incomplete: str) -> list[str]:
    path = ctx.find_root().params.get("catalogue") or os.environ.get("GLUTEMED_CATALOGUE")
    if not path:
        try:
            from glutemed.config import load_config

            path = load_config().values.get("catalogue")
        except GlutemedError:
            path = None
    slugs = names.quick_slugs(Path(path) if path else names.builtin_catalogue())
    return [slug for slug in slugs if slug.startswith(incomplete)]


def _complete_weekdays(incomplete: str) -> list[str]:
    return names.complete_words(incomplete, names.WEEKDAY_WORDS)


def _complete_equipment(incomplete: str) -> list[str]:
    return names.complete_words(incomplete, (*names.EQUIPMENT, "none"))


def _complete_format(incomplete: str) -> list[str]:
    return [fmt for fmt in ("markdown", "ics", "json") if fmt.startswith(incomplete)]


def _complete_knee(incomplete: str) -> list[str]:
    return [knee for knee in KNEES if knee.startswith(incomplete)]


# The commands.


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
    from glutemed.commands import listing

    listing.run(_choice(ctx), as_json=as_json)


@app.command()
@_friendly
def show(
    ctx: typer.Context,
    move: Annotated[
        str,
        typer.Argument(
            help="A slug, a name, or a number from 'list'.", autocompletion=_complete_move
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a card.")] = False,
) -> None:
    """Show one move step by step."""
    from glutemed.commands import show as command

    command.run(_choice(ctx), move, as_json=as_json)


DaysOption = Annotated[
    int | None,
    typer.Option(
        "--days", "-d", callback=_days, metavar="N", help="Sessions a week, 1 to 3 [default: 3]."
    ),
]
EquipmentOption = Annotated[
    list[str] | None,
    typer.Option(
        "--equipment",
        "-e",
        metavar="LIST",
        autocompletion=_complete_equipment,
        help="What you have: dumbbells,band,box,mat, or none [default: all].",
    ),
]
SetsOption = Annotated[
    int | None,
    typer.Option(
        "--sets", min=2, max=4, metavar="N", help="Sets of every move, 2 to 4 [default: by week]."
    ),
]
LongRunOption = Annotated[
    str | None,
    typer.Option(
        "--long-run",
        metavar="DAY",
        autocompletion=_complete_weekdays,
        help="The day of your long run: no session that day or the day before.",
    ),
]
HardOption = Annotated[
    list[str] | None,
    typer.Option(
        "--hard",
        metavar="DAYS",
        autocompletion=_complete_weekdays,
        help="Your hard-run days: sessions go after them, never the day before.",
    ),
]


@app.command()
@_friendly
def plan(
    ctx: typer.Context,
    days: DaysOption = None,
    on: Annotated[
        list[str] | None,
        typer.Option(
            "--on",
            metavar="DAYS",
            autocompletion=_complete_weekdays,
            help="Weekdays to train, e.g. mon,wed,sat (sets --days).",
        ),
    ] = None,
    equipment: EquipmentOption = None,
    sets: SetsOption = None,
    weeks: Annotated[
        int | None,
        typer.Option(
            "--weeks", "-w", min=1, max=12, metavar="N", help="Weeks to plan, 1 to 12 [default: 1]."
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="YYYY-MM-DD", help="Date the sessions from this day on."),
    ] = None,
    seed: Annotated[
        int,
        typer.Option("--seed", min=0, max=2**63 - 1, metavar="N", help="Pick another valid plan."),
    ] = 0,
    long_run: LongRunOption = None,
    hard: HardOption = None,
    race: Annotated[
        str | None,
        typer.Option(
            "--race", metavar="YYYY-MM-DD", help="Taper for a race: rest in its last 4 days."
        ),
    ] = None,
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
            autocompletion=_complete_format,
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
    from glutemed.commands import plan as command

    weekdays = _weekday_list(on, "--on")
    if weekdays is not None and not 1 <= len(weekdays) <= 3:
        raise _bad(DAYS_REASON, "--on")
    command.run(
        _choice(ctx),
        days=days,
        on=weekdays,
        equipment=_equipment(equipment),
        sets=sets,
        weeks=weeks,
        start=_date(start, "--start"),
        seed=seed,
        fmt=_format(fmt, as_json),
        output=output,
        at=_time(at),
        force=force,
        long_run=_weekday(long_run, "--long-run"),
        hard=_weekday_list(hard, "--hard") if hard is not None else None,
        race=_date(race, "--race"),
        today=date.today(),
    )


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
            autocompletion=_complete_knee,
            help="Left knee: over-foot, midline or past-toes.",
        ),
    ] = None,
    right: Annotated[
        str | None,
        typer.Option(
            "--right",
            callback=_knee,
            metavar="KNEE",
            autocompletion=_complete_knee,
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
    from glutemed.commands import check as command

    signs = [("hip-drop", hip_drop), ("trunk-lean", trunk_lean), ("knee-collapse", knee_collapse)]
    command.run(
        _choice(ctx),
        left=left,
        right=right,
        gait=[sign for sign, given in signs if given],
        interactive=interactive,
        as_json=as_json,
        save=save,
        history=history,
    )


@app.command()
@_friendly
def config(
    ctx: typer.Context,
    days: DaysOption = None,
    equipment: EquipmentOption = None,
    sets: SetsOption = None,
    long_run: LongRunOption = None,
    hard: HardOption = None,
    path: Annotated[bool, typer.Option("--path", help="Print the config file's path.")] = False,
    init: Annotated[
        bool, typer.Option("--init", help="Write a commented example config file.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
) -> None:
    """Show the settings plan would use, and where each comes from."""
    from glutemed.commands import config as command

    given = {
        "days": days,
        "equipment": _equipment(equipment),
        "sets": sets,
        "long_run": _weekday(long_run, "--long-run"),
        "hard": _weekday_list(hard, "--hard") if hard is not None else None,
    }
    command.run(_choice(ctx), given=given, path_only=path, init=init, as_json=as_json)


@app.command("log")
@_friendly
def log_(
    ctx: typer.Context,
    move: Annotated[
        str | None,
        typer.Argument(help="The move: a slug, a name or a number.", autocompletion=_complete_move),
    ] = None,
    reps: Annotated[
        str | None,
        typer.Option("--reps", metavar="LIST", help="Reps of each set, e.g. 10,10,9."),
    ] = None,
    load: Annotated[
        str | None,
        typer.Option(
            "--load", metavar="LOAD", help="12kg, 25lb or band:light|medium|heavy|extra-heavy."
        ),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="The day you trained [default: today]."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="A note kept with each set.")
    ] = None,
    sheet: Annotated[
        Path | None,
        typer.Option("--sheet", metavar="FILE", help="Log the ticked sets of a Markdown sheet."),
    ] = None,
) -> None:
    """Record the sets you did (or the ticked sets of a sheet)."""
    from glutemed.commands import log as command

    if note is not None and len(note) > 500:
        raise _bad("a note is at most 500 characters", "--note")
    command.run(
        _choice(ctx),
        move=move,
        reps=reps,
        load=load,
        when=_date(when, "--date"),
        note=note,
        sheet=sheet,
        today=date.today(),
    )


@app.command()
@_friendly
def history(
    ctx: typer.Context,
    move: Annotated[
        str | None,
        typer.Argument(help="Only this move.", autocompletion=_complete_move),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="YYYY-MM-DD", help="Only sets on or after this day."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per set.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
) -> None:
    """Show what you logged, newest first, with each move's trend."""
    from glutemed.commands import history as command

    if as_json and as_csv:
        from glutemed.errors import UsageError

        raise UsageError("--json and --csv: give one of them")
    fmt = "json" if as_json else "csv" if as_csv else None
    command.run(_choice(ctx), move=move, since=_date(since, "--since"), fmt=fmt)


@app.command()
@_friendly
def undo(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")] = False,
) -> None:
    """Remove the sets of your most recent 'glutemed log'."""
    from glutemed.commands import undo as command

    command.run(yes=yes)


def main() -> None:
    """Run the command line (``python -m glutemed`` and the console script)."""
    app()
