"""glutemed go: walk the day's session set by set in the terminal, with a rest timer."""

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer

from glutemed.cli import context, params, planning, streams
from glutemed.core.text import plural
from glutemed.errors import DateError, Ended, ExitCode, NothingToDo, UsageError

if TYPE_CHECKING:
    from glutemed.core.catalogue import Catalogue
    from glutemed.core.due import Due
    from glutemed.core.plan import PlanOptions, Session
    from glutemed.core.sets import LoggedSet


@planning.week_options
def go(
    ctx: typer.Context,
    when: Annotated[
        str | None,
        params.when(
            "The day of the session: today, yesterday, a weekday (the last such day) or a "
            "past date, for a session done but not logged. [default: today]"
        ),
    ] = None,
    week: Mapping[str, Any] = planning.NO_WEEK,
    rest: params.Rest = None,
    quiet: Annotated[bool, params.flag("--quiet", help="No bell when a rest ends.")] = False,
) -> None:
    """Walk today's session set by set, with a rest timer."""
    # Long only in its signature: each parameter is an option's declaration.
    from glutemed.core import due as daily
    from glutemed.core import guided
    from glutemed.storage import sets as log
    from glutemed.views import prompts

    day = context.on_day(when, ahead=False)
    if day > context.today():
        raise DateError(f"--date {day.isoformat()} is still to come: go walks a session you do now")
    resolved = context.settings(ctx, rest=rest)
    catalogue = context.load_catalogue(resolved)
    options, notes = planning.options_for(ctx, day, catalogue, **week)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "'glutemed go' walks a session in a terminal: run it in one, "
            "or record your sets with 'glutemed log'"
        )
    for note in notes:
        streams.note(note)
    history = planning.history(catalogue, day, before=True)
    hurt = planning.pains(day)
    found = daily.due(catalogue, options, history, day, pains=hurt)
    session = found.session or _choose(catalogue, options, history, found, given=when is not None)
    recorder = log.Recorder("go")
    walk = guided.Walk(
        day=day,
        session=session,
        done={e.slug: {s.set for s in found.logged if s.slug == e.slug} for e in session.exercises},
        last_loads=_last_loads(history),
        put=recorder.put,
        pain=recorder.pain,
        rest_seconds=resolved.rest_seconds,
        quiet=quiet,
    )
    stopped: int = ExitCode.OK
    try:
        walk.run(prompts.Console())
    except Ended:
        streams.out("\nEnded early.")
    except KeyboardInterrupt:
        streams.out("\nInterrupted.")
        stopped = ExitCode.INTERRUPTED
    for line in walk.summary():
        streams.out(prompts.wrapped(line))
    streams.out(f"Kept {plural(walk.kept, 'set')} in the log.")
    since = planning.history(catalogue, day, before=True)
    after = daily.due(catalogue, options, since, day, pains=planning.pains(day)).next
    if after is not None:
        moves_next = "; ".join(
            f"{e.form_name} {e.prescription}{e.aim_words}" for e in after.exercises
        )
        streams.out(
            prompts.wrapped(f"Next: {after.weekday} {after.date.isoformat()}: {moves_next}")
        )
    if stopped:
        raise typer.Exit(stopped)


def _last_loads(history: "list[LoggedSet]") -> dict[str, str]:
    """Each move's most recent logged load (``history`` is newest first)."""
    loads: dict[str, str] = {}
    for item in history:
        if item.load:
            loads.setdefault(item.slug, item.load)
    return loads


def _choose(
    catalogue: "Catalogue",
    options: "PlanOptions",
    history: "list[LoggedSet]",
    found: "Due",
    *,
    given: bool,
) -> "Session":
    """On a day without a session: the session the runner picks, from one missed in the
    two days before and the next one; with --date, exit 1 naming the next."""
    from datetime import timedelta

    from glutemed.core import due as daily
    from glutemed.core import guided

    following = found.next
    if given:
        after = (
            f"; the next is on {following.weekday} {following.date.isoformat()}"
            if following
            else ""
        )
        raise NothingToDo(f"no session on {found.date.isoformat()}{after}")
    earlier = [
        daily.due(catalogue, options, history, found.date - timedelta(days=back)).session
        for back in (2, 1)
    ]
    logged_days = {item.date for item in history}
    sessions = [s for s in [*earlier, following] if s is not None]
    offers = guided.missed_or_next(sessions, found.date, logged_days)
    if not offers:
        raise NothingToDo(f"no session on {found.date.isoformat()} and none to come in the plan")
    from glutemed.views import prompts

    if len(offers) == 1:  # one session to offer: a yes-or-no question
        label, chosen = offers[0]
        streams.out(f"No session planned for {found.date.isoformat()}.")
        try:
            wanted = prompts.confirm(f"Do {label} today?", default=True)
        except EOFError:
            wanted = False
        if not wanted:
            raise typer.Exit(0)
        return chosen._replace(date=found.date)
    streams.out(f"No session planned for {found.date.isoformat()}. Do one of these today:")
    for number, (label, _session) in enumerate(offers, start=1):
        streams.out(f"  {number}. {label}")
    while True:
        answer = prompts.ask(f"Which? [1-{len(offers)}, Enter for 1, q to stop]: ")
        answer = "q" if answer is None else answer.strip().lower()
        if answer in ("q", "quit"):
            raise typer.Exit(0)
        if answer == "" or (answer.isdecimal() and 1 <= int(answer) <= len(offers)):
            chosen = offers[int(answer or "1") - 1][1]
            return chosen._replace(date=found.date)
        streams.out(f"  Answer a number from 1 to {len(offers)}, or q.")
