"""glutemed progress: charts of each move over time, and of the sessions done each week."""

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

from glutemed.cli import context, params, streams
from glutemed.core import rules
from glutemed.core.text import plural
from glutemed.errors import FieldError

#: Weeks the adherence chart shows.
WEEKS = 12


def progress(
    ctx: typer.Context,
    move: Annotated[
        str | None, params.move("Only this move: a slug, a name or a number.", required=False)
    ] = None,
    days: params.Days = None,
    since: Annotated[
        date | None, params.day("--since", "Only sessions on or after this day.")
    ] = None,
    output: Annotated[
        Path | None,
        params.output("Write the charts to FILE (.svg, or .html for a page with every chart)."),
    ] = None,
    force: params.Force = False,
    as_json: Annotated[bool, params.flag("--json", help="The series behind the charts.")] = False,
) -> None:
    """Chart each move's load and reps, and your weeks."""
    # Long only in its signature: each parameter is an option's declaration.
    import os
    import sys

    from glutemed.core import progress as charts
    from glutemed.storage import history as log

    if output is not None and output.suffix.lower() not in (".svg", ".html", ".htm"):
        raise FieldError("output", "takes a file ending in .svg or .html")
    if output is not None and as_json:
        raise FieldError("json", "and {output}: give one of them")
    resolved = context.settings(ctx, days=days)
    catalogue = context.load_catalogue(resolved)
    slugs = [catalogue.find(move).slug] if move else [m.slug for m in catalogue]
    # In the terminal a chart shows the latest sessions that fit; a file or JSON, all.
    fit = None if output is not None or as_json else _room()
    log.name_unreadable(slugs, warn=streams.warn)
    points = {slug: charts.top_sets(log.move_sets(slug, since, fit)) for slug in slugs}
    points = {slug: series for slug, series in points.items() if series or move}
    today = context.today()
    weeks = charts.adherence(
        log.logged_days(today - timedelta(weeks=WEEKS)), _planned(days, resolved.days), today, WEEKS
    )
    if as_json:
        streams.print_json(charts.as_json(points, weeks))
        return
    if not points:
        streams.note("nothing logged yet: 'glutemed log MOVE --reps 10,10' records a session")
        return
    if output is not None:
        from glutemed.formats import charts_svg
        from glutemed.storage.files import write_file

        html = output.suffix.lower() != ".svg"
        write_file(
            output,
            charts_svg.html(points, weeks) if html else charts_svg.svg(points, weeks),
            force=force,
        )
        streams.done(
            f"Wrote the charts of {plural(len(points), 'move')} and of your weeks to {output}"
        )
        return
    from glutemed.views.charts import terminal as terminal_charts
    from glutemed.views.console import console

    out = console()  # the same console _room measured
    colour = out.is_terminal and not os.environ.get("NO_COLOR")
    text = terminal_charts(points, weeks, out.width - 2, colour)
    from glutemed.views.console import fit_encoding

    sys.stdout.write(fit_encoding(text + "\n", sys.stdout.encoding))
    sys.stdout.flush()


def _room() -> int:
    """Sessions a terminal chart shows: about one a column."""
    from glutemed.views.console import console

    return max(10, console().width - 12)


def _planned(given: int | None, configured: int) -> int:
    """Sessions a week the runner plans: --days, else the saved programme's, else the
    config file's (or the default)."""
    if given is not None:
        return given
    from glutemed.storage import programmes as programme

    saved = programme.in_force(context.today(), warn=streams.warn)
    if saved is not None:
        weekdays = saved.options.get("weekdays")
        days = len(weekdays) if weekdays else saved.options.get("days")
        if isinstance(days, int) and days in rules.DAYS:
            return days
    return configured
