"""glutemed programme: what is saved as your programme (``plan --save``), or clear it."""

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from glutemed.cli import context, params, streams


def programme(
    ctx: typer.Context,
    clear: Annotated[
        bool,
        params.flag(
            "--clear",
            help="Clear the saved programme from today on (your logged sets stay).",
        ),
    ] = False,
    as_json: Annotated[bool, params.flag("--json", help="Print the programme as JSON.")] = False,
) -> None:
    """Show or clear your saved programme."""
    from glutemed.storage import programmes

    today = context.today()
    saved = programmes.in_force(today, warn=streams.warn, upcoming=True)
    if clear:
        if saved is None:
            streams.out("No programme is saved: nothing to clear")
            return
        programmes.clear_programme(min(today, saved.start) if saved.start > today else today)
        streams.done(
            f"Cleared your programme from {saved.start.isoformat()}; your logged sets stay"
        )
        return
    if saved is None:
        streams.out("No programme is saved ('glutemed plan ... --save' saves one)")
        return
    options = {key: value for key, value in saved.options.items() if value not in (None, [], {})}
    if as_json:
        streams.print_json(
            {
                "start": saved.start.isoformat(),
                "end": saved.end().isoformat(),
                "saved_at": saved.saved_at,
                "options": options,
                "forms": dict(saved.forms),
            }
        )
        return
    streams.out(f"Your programme: {saved.start.isoformat()} to {saved.end().isoformat()}")
    streams.out(f"  saved {saved.saved_at.replace('T', ' at ')}")
    for slug, form in saved.forms.items():
        streams.out(f"  {slug}: {form or 'the standard form'}")
    streams.out(f"  as: glutemed plan {' '.join(_as_options(saved.options))}")
    streams.out("'glutemed plan' shows its sessions; 'glutemed programme --clear' clears it")


def _as_options(options: Mapping[str, Any]) -> list[str]:
    """A saved programme's options as the plan options that make it (``--days 2``)."""
    from glutemed.core import rules

    def day(number: int) -> str:
        return rules.WEEKDAY_WORDS[number]

    race = options.get("race")
    long_run = options.get("long_run")
    pairs = (
        ("--on", ",".join(map(day, options.get("weekdays") or []))),
        ("--days", options.get("days") if not options.get("weekdays") else None),
        ("--long-run", day(long_run) if long_run is not None else None),
        ("--hard", ",".join(map(day, options.get("hard") or []))),
        ("--race", race),
        ("--race-distance", options.get("race_distance") if race else None),
        ("--moves", ",".join(options.get("moves") or [])),
        ("--sets", options.get("sets")),
        ("--level", options.get("level")),
        ("--weak-side", options.get("weak_side")),
        ("--favour", options.get("favour")),
        ("--seed", options.get("seed") or None),
    )
    shown = [f"{flag} {value}" for flag, value in pairs if value not in (None, "")]
    if options.get("rotate"):
        shown.append("--rotate")
    available = [item for item in rules.EQUIPMENT if item in (options.get("available") or [])]
    if available != list(rules.EQUIPMENT):
        shown.append(f"--equipment {','.join(available) or rules.NONE}")
    shown.append(f"--start {options.get('start')}")
    return shown
