"""The runner's week, as the commands that show it share it: the routine named with
--moves, the log's sets, and the options of the week for a day (``today``, ``go``).

Not a command: command modules import it, and it imports only the standard
library at start-up.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

import typer

from glutemed import rules
from glutemed.commands import common
from glutemed.errors import FieldError

if TYPE_CHECKING:
    from glutemed.catalogue import Catalogue
    from glutemed.log import LoggedSet
    from glutemed.planner import PlanOptions


def routine(catalogue: "Catalogue", given: list[str]) -> tuple[str, ...]:
    """The slugs of the moves given with --moves, each found as 'show' finds it."""
    words = rules.split_words(given)
    if len(words) not in rules.ROUTINE:
        raise FieldError("moves", f"takes {rules.ROUTINE.takes}, not {len(words)}")
    slugs = tuple(catalogue.find(word).slug for word in words)
    if len(set(slugs)) != len(slugs):
        raise FieldError("moves", "names a move twice; give each move once")
    return slugs


#: How far back planning looks at every set (a close race asks about the last 8 weeks).
RECENT = 8 * 7


def history(catalogue: "Catalogue", day: date, *, before: bool = False) -> "list[LoggedSet]":
    """What planning around ``day`` needs of the log (:func:`glutemed.log.read_latest`):
    each move's latest session in each form (before ``day`` when ``before``), and every
    set from 8 weeks before it. None if the log cannot be read (with a warning)."""
    from datetime import timedelta

    from glutemed.paths import log_path

    if not log_path().exists():
        return []
    from glutemed import log
    from glutemed.errors import LogError

    slugs = {move.slug for move in catalogue}
    since = day - timedelta(days=RECENT)
    try:
        return log.read_latest(slugs, since, day if before else None, warn=common.warn)
    except LogError as err:
        common.warn(f"{err}; planning without your log")
        return []


def options_for(
    ctx: typer.Context, day: date, catalogue: "Catalogue", **given: Any
) -> "tuple[PlanOptions, list[str]]":
    """The options of the runner's week around ``day``, and a note on where they came from.

    The saved programme in force that day (``plan --save``) when no option that
    shapes a week is given; otherwise, or without one, the settings (config file
    and options) from the Monday of that week.
    """
    import dataclasses

    from glutemed import programme, schedule
    from glutemed.planner import PlanOptions

    shaping = {key: value for key, value in given.items() if value is not None}
    if not shaping:
        saved = programme.in_force(day, warn=common.warn)
        if saved is not None:
            options = saved.plan_options(today=day)
            weeks = schedule.calendar_weeks(saved.start, day) + 1
            if options.race is not None and day < options.race:
                return options, []
            if options.race is None and weeks <= rules.WEEKS.high + 1:
                covering = max(options.weeks or 1, min(weeks, rules.WEEKS.high))
                return dataclasses.replace(options, weeks=covering), []
            note = f"your saved programme from {saved.start.isoformat()} has ended"
        else:
            note = "no saved programme ('glutemed plan --save')"
        note += ": this week comes from your settings"
    else:
        note = ""
    on = common.parsed("weekdays", rules.parse_training_days, shaping.get("weekdays"))
    resolved = common.settings(
        ctx,
        days=shaping.get("days"),
        equipment=common.parsed("equipment", rules.parse_equipment, shaping.get("equipment")),
        long_run=common.parsed("long_run", common.parse_long_run, shaping.get("long_run")),
        hard=common.parsed("hard", common.parse_hard, shaping.get("hard")),
    )
    from glutemed.progression import parse_step

    race = shaping.get("race")
    options = PlanOptions(
        days=shaping.get("days") if on is not None else resolved.days,
        weekdays=on,
        available=resolved.equipment,
        sets=resolved.sets,
        weeks=None if race else 2,
        start=None if race else schedule.monday_of(day),
        today=day,
        level=shaping.get("level"),
        long_run=resolved.long_run,
        hard=resolved.hard,
        race=race,
        steps=parse_step(resolved.load_step or "1kg"),
    )
    if shaping.get("moves"):
        options = dataclasses.replace(options, moves=routine(catalogue, shaping["moves"]))
    return options, [note] if note else []
