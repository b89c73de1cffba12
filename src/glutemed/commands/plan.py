"""glutemed plan: the week's sessions as a view, JSON, Markdown or iCalendar."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from glutemed.commands import CatalogueChoice, note, warn, write_stdout
from glutemed.config import effective_settings, load_config
from glutemed.errors import UsageError

if TYPE_CHECKING:
    from glutemed.catalogue import Catalogue


def next_monday(today: date) -> date:
    """The first Monday after ``today``."""
    return today + timedelta(days=7 - today.weekday())


def run(
    choice: CatalogueChoice,
    *,
    days: int | None,
    on: tuple[int, ...] | None,
    equipment: frozenset[str] | None,
    sets: int | None,
    weeks: int | None,
    start: date | None,
    seed: int,
    fmt: str | None,
    output: Path | None,
    at: time | None,
    force: bool,
    long_run: int | None,
    hard: tuple[int, ...] | None,
    race: date | None,
    today: date,
) -> None:
    from glutemed.planner import PlanOptions, make_plan, weeks_until

    if output is not None:
        from glutemed.export import format_for

        fmt = format_for(output, fmt)
    if at is not None and fmt != "ics":
        raise UsageError("--time applies only to iCalendar output (-o FILE.ics or --format ics)")
    config = load_config()
    given = {"days": days, "equipment": equipment, "long_run": long_run, "hard": hard, "sets": sets}
    settings = effective_settings(given, config, choice)
    if start is None and (fmt == "ics" or race is not None):
        start = next_monday(today)
        note(f"no --start given: the plan starts next Monday, {start.isoformat()}")
    if weeks is None:
        weeks = weeks_until(start, race) if race is not None and start is not None else 1
    options = PlanOptions(
        days=days if on is not None else settings["days"].value,
        weekdays=on,
        available=settings["equipment"].value,
        sets=settings["sets"].value,
        weeks=weeks,
        start=start,
        seed=seed,
        long_run=settings["long_run"].value,
        hard=settings["hard"].value,
        race=race,
    )
    catalogue = choice.load(config)
    result = make_plan(catalogue, options, _loads(catalogue))
    for warning in result.warnings:
        warn(warning)
    if fmt is None:
        from glutemed import render

        render.console().print(render.plan_view(result))
        return
    from glutemed import export

    data = export.render(result, catalogue, fmt, at)
    if output is None:
        write_stdout(data)
        return
    export.write_file(output, data, force=force)
    print(f"Wrote {len(result.sessions)} sessions to {output}")


def _loads(catalogue: Catalogue) -> dict[str, tuple[str | None, str]]:
    """Each move's next load and why, from the training log; none if it cannot be read."""
    from glutemed.paths import log_path

    if not log_path().exists():
        return {}  # the planner says "nothing logged yet" for every move
    from glutemed import log

    try:
        found = log.suggestions({move.slug: move.reps.max for move in catalogue})
    except log.LogError as err:
        warn(f"{err}; planning without load suggestions")
        return {}
    return {slug: (item.load, item.reason) for slug, item in found.items()}
