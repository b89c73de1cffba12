"""Rich views of the catalogue, one exercise, a plan, the log and the self-check.

Every string that comes from a catalogue goes into a ``rich.text.Text`` (never
through markup), so a move called ``[bold]`` prints as written. The views reach
stdout through :func:`glutemed.views.console.emit`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from glutemed.core.about import (
    BEFORE,
    BEFORE_TITLE,
    CAUTION,
    CREDIT,
    GUIDANCE,
    GUIDANCE_LINE,
    GUIDANCE_TITLE,
)
from glutemed.core.text import and_list, plural
from glutemed.views.console import console

if TYPE_CHECKING:
    from datetime import date

    from glutemed.core.catalogue import Catalogue, Exercise
    from glutemed.core.due import Due
    from glutemed.core.plan import Plan, Session
    from glutemed.core.selfcheck import CheckResult
    from glutemed.core.sets import LoggedSet


class CatalogueView:
    """The catalogue as a table, or stacked a move to a few lines where a table would not fit.

    The slug (what a user types) is never cut: the table is used only when
    its slug column fits whole.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.moves = list(catalogue)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widest = max((len(move.slug) for move in self.moves), default=4)
        title = Text("glutemed catalogue", style="bold")
        if options.max_width >= widest + 47:  # every column whole, the headings too
            yield self._table(widest, title)
            return
        yield title
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="dim", no_wrap=True)
        grid.add_column()
        for number, move in enumerate(self.moves, start=1):
            facts = f"{move.reps} reps {move.sides}, {move.equipment_text}"
            lateral = ", lateral" if move.lateral else ""
            grid.add_row(
                str(number),
                Text(move.slug, style="cyan", overflow="ignore")
                + Text("\n")
                + Text(move.name, style="bold")
                + Text(f"\n{facts}{lateral}"),
            )
        yield grid

    def _table(self, widest: int, title: Text) -> Table:
        table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        table.add_column("move (slug)", min_width=widest)
        table.add_column("reps", justify="right", no_wrap=True)
        table.add_column("sides")
        table.add_column("equipment")
        table.add_column("lateral", justify="center")
        for number, move in enumerate(self.moves, start=1):
            table.add_row(
                str(number),
                Text(move.name, style="bold") + Text("\n") + Text(move.slug, style="cyan"),
                str(move.reps),
                move.sides,
                move.equipment_text,
                "yes" if move.lateral else "",
            )
        return table


def listed(items: list[str], numbered: bool) -> Table:
    """A list whose wrapped lines hang under their text, not under the marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column()
    for index, item in enumerate(items, start=1):
        grid.add_row(f"  {index}." if numbered else "  -", Text(item))
    return grid


def exercise_card(move: Exercise, number: int) -> Group:
    from rich.panel import Panel

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Reps", f"{move.reps} {move.sides}")
    facts.add_row("Equipment", move.equipment_text)
    facts.add_row(
        "Works the hip sideways",
        ("yes" if move.lateral else "no")
        + " (glutemed's classification: the muscle moves the leg out, and holds the "
        "pelvis level on one leg in every move)",
    )
    parts: list[RenderableType] = [facts]
    if move.steps:
        parts += [Text("\nSteps", style="bold"), listed(move.steps, numbered=True)]
    if move.cues:
        parts += [Text("\nCues", style="bold"), listed(move.cues, numbered=False)]
    if move.variants:
        parts.append(
            Text(
                "\nOther forms (glutemed's additions, not the source's: "
                "'glutemed plan --level easier|harder' plans them)",
                style="bold",
            )
        )
    for form in move.variants:
        parts += [
            Text.assemble(
                "\n",
                (form.name, "bold"),
                f", {form.level}; equipment: {', '.join(form.equipment) or 'none'}",
            ),
            listed(form.steps, numbered=True),
        ]
        if form.cues:
            parts.append(listed(form.cues, numbered=False))
    title = Text(f"{number}. ") + Text(move.name, style="bold")
    card = Panel(
        Group(*parts),
        title=title,
        title_align="left",
        subtitle=Text(move.slug),
        subtitle_align="right",
        box=box.ROUNDED,
    )
    before: list[RenderableType] = [
        Text(BEFORE_TITLE, style="bold"),
        listed(list(BEFORE), numbered=False),
    ]
    return Group(card, *before, *guidance(), Text(CREDIT, style="dim"), Text(CAUTION, style="dim"))


def plan_view(plan: Plan) -> Group:
    """(Long: the view's parts in order, each a few lines.)
    The plan: a header, one table a session (all the same width), loads, the caution."""
    from glutemed.views.plan import days_text

    header = Text.assemble(
        (f"{plural(plan.days, 'session')} a week", "bold"),
        f" on {days_text(plan)}, {plural(plan.weeks, 'week')} from {plan.start.isoformat()}",
    )
    needed = Text(f"Equipment needed: {', '.join(plan.equipment) or 'none (bodyweight)'}")
    names = {e.slug: e.form_name for s in plan.sessions for e in s.exercises}
    routine = Text.assemble(
        ("Routine: ", "bold"),
        and_list([names.get(slug, slug) for slug in plan.routine]),
        f", in every session: {plan.routine_reason}.",
    )
    parts: list[RenderableType] = [header, needed, routine]
    parts.extend(Text(note, style="italic") for note in plan.notes)
    parts.append(Text(""))
    with_loads = any(e.suggested_load for s in plan.sessions for e in s.exercises)
    rows = [
        [
            [
                exercise.form_name,
                exercise.prescription,
                exercise.aim,
                ", ".join(exercise.equipment) or "none",
                *([exercise.suggested_load or "-"] if with_loads else []),
            ]
            for exercise in session.exercises
        ]
        for session in plan.sessions
    ]
    headings = ["move", "sets x reps", "aim", "equipment", *(["load"] if with_loads else [])]
    widths = _shared_widths(headings, [row for table in rows for row in table])
    for session, table_rows in zip(plan.sessions, rows, strict=True):
        table = Table(
            box=box.SIMPLE_HEAD,
            title=Text(f"{session.title} · about {session.minutes} min", style="bold"),
            title_justify="left",
            pad_edge=False,
        )
        for heading, width in zip(headings, widths, strict=True):
            table.add_column(
                heading,
                min_width=width,
                max_width=width,
                justify="right" if heading == "aim" else "left",
            )
        for row in table_rows:
            table.add_row(*(Text(cell) for cell in row))
        parts.append(table)
    parts.append(Text("First session of each move, from your log", style="bold"))
    parts.append(listed([f"{name}: {why}" for name, why in plan.first_advice()], numbered=False))
    parts.append(
        Text(
            "Aim: the reps to reach in every set with good form ('-': as many as the "
            "rule above gives). 'glutemed show MOVE' gives the steps.",
            style="dim",
        )
    )
    parts += guidance()
    parts.append(Text(CAUTION, style="dim"))
    return Group(*parts)


def guidance() -> list[RenderableType]:
    """The session guidance: a title and its points (glutemed's, and labelled so)."""
    return [Text(GUIDANCE_TITLE, style="bold"), listed(list(GUIDANCE), numbered=False)]


def today_view(due: Due, today: date) -> Group:
    """A day: its session (done, part done or to do) or a rest day, and what comes next."""
    from glutemed.core.plan import RUN_TEXT
    from glutemed.core.rules import WEEKDAYS

    name = "Today · " if due.date == today else ""
    run = f" · {RUN_TEXT[due.run]}" if due.run else ""
    parts: list[RenderableType] = [
        Text(f"{name}{WEEKDAYS[due.date.weekday()]} {due.date.isoformat()}{run}", style="bold")
    ]
    parts.extend(Text(note, style="italic") for note in due.notes)
    session = due.session
    if session is None:
        parts.append(Text("Rest day: no strength session planned."))
    else:
        state = "done" if due.done else "part done" if due.logged else "to do"
        parts.append(Text(GUIDANCE_LINE, style="dim"))
        parts.append(_session_table(session, f"Session ({state}) · about {session.minutes} min"))
        if due.left and due.logged:
            parts.append(
                Text(
                    "Left: "
                    + "; ".join(f"{e.name}: {e.sets - e.done} of {e.sets} sets" for e in due.left)
                )
            )
        advice = [f"{e.form_name}: {e.advice}" for e in session.exercises]
        parts.append(listed(advice, numbered=False))
    following = due.next
    if following is not None:
        moves = and_list(
            [f"{e.form_name} {e.prescription}{e.aim_words}" for e in following.exercises]
        )
        parts.append(Text(f"Next: {following.weekday} {following.date.isoformat()}: {moves}."))
    parts.append(Text(CAUTION, style="dim"))
    return Group(*parts)


def _session_table(session: Session, title: str) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD, title=Text(title, style="bold"), title_justify="left", pad_edge=False
    )
    for heading in ("move", "sets x reps", "aim", "load", "equipment"):
        table.add_column(heading, justify="right" if heading == "aim" else "left")
    for e in session.exercises:
        table.add_row(
            Text(e.form_name),
            Text(e.prescription),
            Text(e.aim),
            Text(e.suggested_load or "-"),
            Text(", ".join(e.equipment) or "none"),
        )
    return table


#: Columns of a session table that may wrap when the terminal is narrow.
_WRAPPING = ("move", "sets x reps", "equipment")


def _shared_widths(headings: list[str], rows: list[list[str]]) -> list[int]:
    """The column widths every session's table shares, fitted to the terminal.

    Each column is as wide as its longest cell when that fits. Otherwise the
    move, sets and equipment columns start at their longest word (so words
    wrap, never break) and share the room left, a character at a time.
    """
    cells = [[heading, *(row[column] for row in rows)] for column, heading in enumerate(headings)]
    natural = [max(len(cell) for cell in column) for column in cells]
    # A simple-head table adds a space at each edge, one between columns, and a
    # space of padding on each inner side of every column.
    room = console().width - (3 * len(headings) - 1)
    if sum(natural) <= room:
        return natural
    wrapping = [headings.index(name) for name in _WRAPPING if name in headings]
    widths = list(natural)
    for column in wrapping:
        widths[column] = max(len(word) for cell in cells[column] for word in cell.split())
    spare = room - sum(widths)
    while spare > 0 and any(widths[c] < natural[c] for c in wrapping):
        for column in wrapping:  # one column of room at a time, in turn
            if spare > 0 and widths[column] < natural[column]:
                widths[column] += 1
                spare -= 1
    return widths


def check_view(result: CheckResult) -> Group:
    """A self-check's reading, recommendation and caution."""
    rec = result.recommendation
    parts: list[RenderableType] = [Text("Your mirror test", style="bold")]
    readings = Table.grid(padding=(0, 1))
    readings.add_column(no_wrap=True)
    readings.add_column()
    for side, reading in (("Left", result.left), ("Right", result.right)):
        readings.add_row(f"  {side} knee ({reading.knee}):", Text(reading.reading))
    parts.append(readings)
    if result.notes:
        parts.append(listed(result.notes, numbered=False))
    parts.append(Text("\nWhat to do", style="bold"))
    advice = [rec.reason]
    if rec.favour:
        advice.append(f"Lean on in each session: {', '.join(rec.favour)}")
    parts.append(listed(advice, numbered=False))
    parts.append(Text("Plan it with:"))
    parts.append(Text(rec.command, style="bold cyan", no_wrap=True, overflow="ignore"))
    parts.append(Text(f"\n{result.caution}", style="yellow"))
    return Group(*parts)


def check_history_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="Your mirror tests", title_justify="left")
    for column in ("#", "taken", "left knee", "right knee", "gait signs", "possibly weak"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            _local_time(row["taken"]),
            row["left"],
            row["right"],
            ", ".join(row["gait"]) or "none",
            ", ".join(row["possible_weak_sides"]) or "none",
        )
    return table


def _local_time(taken: str) -> str:
    """A saved moment as the runner reads it: the local date and time to the minute."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(taken)
    except ValueError:
        return taken
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def settings_table(rows: list[tuple[str, Any, str]], path: str) -> Group:
    """Effective settings: key, value and where it came from; the file's path on a line
    of its own, whole (a terminal too narrow for it wraps it, nothing is cut)."""
    table = Table(box=box.SIMPLE_HEAD, title="glutemed settings", title_justify="left")
    for column in ("setting", "value", "from"):
        table.add_column(column)
    for key, value, source in rows:
        if isinstance(value, list):
            value = ", ".join(value) or "none"
        elif value is None:
            value = {"sets": "chosen by week", "catalogue": "built-in"}.get(key, "none")
        table.add_row(key, Text(str(value)), source)
    where = Text("Config file: ") + Text(path, no_wrap=True, overflow="ignore")
    return Group(table, where)


def undo_preview(
    source: str,
    sets: list[LoggedSet],
    changed: list[tuple[LoggedSet, LoggedSet]],
    removed: list[LoggedSet],
    pains: Sequence[str] = (),
) -> Group:
    """What undo would do: the sets the last command logged, and those it changed, each
    as it is now and as undo puts it back."""
    lines: list[RenderableType] = []
    if sets:
        lines.append(Text(f"The last log command ({source}) logged:", style="bold"))
        lines.extend(_set_line(s) for s in sets)
    if changed:
        lines.append(
            Text(f"The last log command ({source}) changed, to be put back:", style="bold")
        )
        lines.extend(_set_line(now) + Text(" -> ") + _moved(now, was) for now, was in changed)
    if removed:
        lines.append(Text(f"The last command ({source}) removed, to be put back:", style="bold"))
        lines.extend(_set_line(s) for s in removed)
    if pains:
        lines.append(Text(f"The last command ({source}) recorded:", style="bold"))
        lines.extend(Text(f"  {pain}") for pain in pains)
    return Group(*lines)


def _set_line(s: LoggedSet) -> Text:
    return Text(f"  {s.date.isoformat()}  {s.slug}  set {s.set}: ") + _values(s)


def _moved(now: LoggedSet, was: LoggedSet) -> Text:
    """A changed set as undo puts it back: its values, and its day and number if they move."""
    if (was.date, was.set) == (now.date, now.set):
        return _values(was)
    return Text(f"{was.date.isoformat()} set {was.set}: ") + _values(was)


def _values(s: LoggedSet) -> Text:
    return Text(plural(s.reps, "rep") + (f" @ {s.load}" if s.load else ""))
