"""The plan on screen at a glance: a header of at most four lines, a line a move of
each session (one line for a session that repeats the one before it in its week),
and at most six lines after: the numbers from the log, the one-line guidance and
where to read more. ``plan --explain`` adds the rules and the full guidance
(:func:`glutemed.views.terminal.plan_view`); the Markdown and HTML sheets keep
everything."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from glutemed.core.about import GUIDANCE_LINE
from glutemed.core.plan import Plan, PlannedExercise, Session
from glutemed.core.text import and_list, plural


def short_plan_view(plan: Plan) -> Group:
    """The plan in one look (at most 30 lines for a week of three sessions at 80
    columns; a 12-week plan of three a week in about 90)."""
    days = days_text(plan)
    names = {e.slug: e.form_name for s in plan.sessions for e in s.exercises}
    race = plan.runs
    to_race = (
        f" to your {race.race_distance} race on {race.race.isoformat()} "
        f"({race.taper_days}-day taper)"
        if race.race is not None
        else ""
    )
    placed = f", {plan.runs.calendar}" if plan.runs.calendar else ""
    parts: list[RenderableType] = [
        Text.assemble(
            (f"{plural(plan.days, 'session')} a week", "bold"),
            f" on {days}, {plural(plan.weeks, 'week')} from {plan.start.isoformat()}"
            f"{to_race}{placed}",
        ),
        Text(f"Routine: {and_list([names.get(slug, slug) for slug in plan.routine])}"),
        Text(f"Equipment: {', '.join(plan.equipment) or 'none (bodyweight)'}"),
        Text(""),
    ]
    previous: Session | None = None
    for session in plan.sessions:
        title = f"{session.title} · about {session.minutes} min"
        if previous is not None and previous.week == session.week and _same(previous, session):
            parts.append(Text(f"{title} · as {previous.weekday}", style="bold"))
            continue
        parts.append(Text(title, style="bold"))
        parts.append(_moves(session.exercises))
        previous = session
    parts.append(Text(_first_advice(plan)))
    parts.append(Text(GUIDANCE_LINE, style="dim"))
    parts.append(
        Text(
            "The rules, and when to see a clinician: glutemed plan --explain; the steps: "
            "glutemed show MOVE",
            style="dim",
        )
    )
    return Group(*parts)


def days_text(plan: Plan) -> str:
    """The plan's weekdays: "Monday, Wednesday and Friday"; with a calendar moving the
    days week by week, more days than sessions a week: "Monday, Tuesday or Friday"."""
    if len(plan.weekdays) > plan.days:
        return f"{', '.join(plan.weekdays[:-1])} or {plan.weekdays[-1]}"
    return and_list(plan.weekdays)


def _same(one: Session, other: Session) -> bool:
    """Whether two sessions ask for the same work: moves, sets, reps, aim and load."""

    def work(session: Session) -> list[tuple[str, str, str, str | None]]:
        return [(e.form_name, e.prescription, e.aim, e.suggested_load) for e in session.exercises]

    return work(one) == work(other) and one.kind == other.kind


def _moves(exercises: list[PlannedExercise]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=False)
    table.add_column(no_wrap=False)
    for e in exercises:
        load = f" @ {e.suggested_load}" if e.suggested_load else ""
        table.add_row(Text(f"  {e.form_name}"), Text(f"{e.prescription}{e.aim_words}{load}"))
    return table


def _first_advice(plan: Plan) -> str:
    """What the log says of each move's first session, in its first words (the aims
    and loads are in the rows; ``--explain`` gives it whole), moves that share it
    named together."""
    grouped: dict[str, list[str]] = {}
    for name, advice in plan.first_advice():
        grouped.setdefault(advice.split(": ")[0], []).append(name)
    said = "; ".join(f"{and_list(names)}: {advice}" for advice, names in grouped.items())
    return f"From your log: {said}."
