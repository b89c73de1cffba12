"""glutemed progress: charts of each move over time, and of the sessions done each week."""

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

from glutemed import rules
from glutemed.commands import common
from glutemed.errors import FieldError
from glutemed.text import plural

#: Weeks the adherence chart shows.
WEEKS = 12


def progress(
    ctx: typer.Context,
    move: Annotated[
        str | None, common.move("Only this move: a slug, a name or a number.", required=False)
    ] = None,
    days: common.Days = None,
    since: Annotated[
        date | None, common.day("--since", "Only sessions on or after this day.")
    ] = None,
    output: Annotated[
        Path | None,
        common.output("Write the charts to FILE (.svg, or .html for a page with every chart)."),
    ] = None,
    force: common.Force = False,
    as_json: Annotated[bool, common.flag("--json", help="The series behind the charts.")] = False,
) -> None:
    """Chart each move's load and reps, and your weeks."""
    import os
    import sys

    from glutemed import charts, log

    if output is not None and output.suffix.lower() not in (".svg", ".html", ".htm"):
        raise FieldError("output", "takes a file ending in .svg or .html")
    if output is not None and as_json:
        raise FieldError("json", "and {output}: give one of them")
    resolved = common.settings(ctx, days=days)
    catalogue = common.load_catalogue(resolved)
    slugs = [catalogue.find(move).slug] if move else [m.slug for m in catalogue]
    # In the terminal a chart shows the latest sessions that fit; a file or JSON, all.
    fit = None if output is not None or as_json else _room()
    points = {slug: charts.top_sets(log.move_sets(slug, since, fit)) for slug in slugs}
    points = {slug: series for slug, series in points.items() if series or move}
    today = common.today()
    weeks = charts.adherence(
        log.logged_days(today - timedelta(weeks=WEEKS)), _planned(days, resolved.days), today, WEEKS
    )
    if as_json:
        common.print_json(charts.as_json(points, weeks))
        return
    if not points:
        common.note("nothing logged yet: 'glutemed log MOVE --reps 10,10' records a session")
        return
    if output is not None:
        from glutemed.export import write_file

        html = output.suffix.lower() != ".svg"
        write_file(
            output, charts.html(points, weeks) if html else charts.svg(points, weeks), force=force
        )
        common.done(
            f"Wrote the charts of {plural(len(points), 'move')} and of your weeks to {output}"
        )
        return
    from glutemed.render import console

    out = console()  # the same console _room measured
    colour = out.is_terminal and not os.environ.get("NO_COLOR")
    text = charts.terminal(points, weeks, out.width - 2, colour)
    from glutemed.render import fit_encoding

    sys.stdout.write(fit_encoding(text + "\n", sys.stdout.encoding))
    sys.stdout.flush()


def _room() -> int:
    """Sessions a terminal chart shows: about one a column."""
    from glutemed.render import console

    return max(10, console().width - 12)


def _planned(given: int | None, configured: int) -> int:
    """Sessions a week the runner plans: --days, else the saved programme's, else the
    config file's (or the default)."""
    if given is not None:
        return given
    from glutemed import programme

    saved = programme.in_force(common.today(), warn=common.warn)
    if saved is not None:
        weekdays = saved.options.get("weekdays")
        days = len(weekdays) if weekdays else saved.options.get("days")
        if isinstance(days, int) and days in rules.DAYS:
            return days
    return configured
