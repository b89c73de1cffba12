"""Rich views of the catalogue, one exercise, and a plan.

Every string that comes from a catalogue goes into a ``rich.text.Text`` (never
through markup), so a move called ``[bold]`` prints as written. Rich drops
colour by itself when stdout is not a terminal or ``NO_COLOR`` is set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from glutemed.about import CAUTION

if TYPE_CHECKING:
    from datetime import date

    from rich.panel import Panel

    from glutemed.catalogue import Catalogue, Exercise
    from glutemed.log import LoggedSet
    from glutemed.planner import Plan
    from glutemed.selfcheck import CheckResult


def console() -> Console:
    # No markup or emoji codes: catalogue text prints exactly as written.
    return Console(highlight=False, markup=False, emoji=False)


def catalogue_table(catalogue: Catalogue) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="glutemed catalogue", title_justify="left")
    table.add_column("#", justify="right", style="dim")
    table.add_column("move (slug)")
    table.add_column("reps", justify="right", no_wrap=True)
    table.add_column("sides", no_wrap=True)
    table.add_column("equipment")
    table.add_column("lateral", justify="center")
    for number, move in enumerate(catalogue, start=1):
        table.add_row(
            str(number),
            Text(move.name, style="bold") + Text("\n") + Text(move.slug, style="cyan"),
            str(move.reps),
            move.sides,
            move.equipment_text,
            "yes" if move.lateral else "",
        )
    return table


def exercise_card(move: Exercise, number: int) -> Panel:
    from rich.padding import Padding
    from rich.panel import Panel

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Reps", f"{move.reps} {move.sides}")
    facts.add_row("Equipment", move.equipment_text)
    facts.add_row("Works the hip sideways", "yes" if move.lateral else "no")
    parts: list[RenderableType] = [facts]
    if move.steps:
        parts.append(Text("\nSteps", style="bold"))
        parts.extend(
            Padding(Text(f"{index}. ") + Text(step), (0, 0, 0, 2))
            for index, step in enumerate(move.steps, start=1)
        )
    if move.cues:
        parts.append(Text("\nCues", style="bold"))
        parts.extend(Padding(Text("- ") + Text(cue), (0, 0, 0, 2)) for cue in move.cues)
    title = Text(f"{number}. ") + Text(move.name, style="bold")
    return Panel(
        Group(*parts),
        title=title,
        title_align="left",
        subtitle=Text(move.slug),
        subtitle_align="right",
        box=box.ROUNDED,
    )


def plan_view(plan: Plan) -> Group:
    needed = ", ".join(plan.equipment) or "none (bodyweight)"
    header = Text.assemble(
        (f"{plan.days} session{'s' if plan.days > 1 else ''} a week", "bold"),
        f" on {', '.join(plan.weekdays)} · {plan.weeks} week{'s' if plan.weeks > 1 else ''}",
        f" · equipment needed: {needed}",
    )
    parts: list[RenderableType] = [header]
    parts.extend(Text(note, style="italic") for note in plan.notes)
    parts.append(Text(""))
    with_loads = any(e.suggested_load for s in plan.sessions for e in s.exercises)
    for session in plan.sessions:
        table = Table(
            box=box.SIMPLE_HEAD,
            title=Text(f"{session.title} · about {session.minutes} min", style="bold"),
            title_justify="left",
            pad_edge=False,
        )
        table.add_column("move")
        table.add_column("sets x reps")
        table.add_column("aim", justify="right")
        table.add_column("equipment")
        if with_loads:
            table.add_column("load")
        for exercise in session.exercises:
            cells: list[RenderableType] = [
                Text(exercise.name),
                exercise.prescription,
                f"{exercise.target_reps}+",
                ", ".join(exercise.equipment) or "none",
            ]
            table.add_row(*cells, *([Text(exercise.suggested_load or "-")] if with_loads else []))
        parts.append(table)
    reasons = {e.name: e.reason for s in plan.sessions for e in s.exercises if e.reason is not None}
    if reasons and with_loads:
        parts.append(Text("Loads, from your log", style="bold"))
        parts.extend(Text(f"  {name}: {why}") for name, why in reasons.items())
    parts.append(
        Text(
            "Aim: reach at least this many reps in every set with good form. "
            "'glutemed show MOVE' gives the steps.",
            style="dim",
        )
    )
    parts.append(Text(CAUTION, style="dim"))
    return Group(*parts)


def check_intro(
    console: Console, caution: str, setup: list[str], steps: list[str], watch: str
) -> None:
    """The mirror test's instructions, before the questions."""
    console.print(Text("The mirror test", style="bold"))
    console.print(Text(caution, style="yellow"))
    console.print(Text("\nSet up", style="bold"))
    for line in setup:
        console.print(Text(f"  - {line}"))
    console.print(Text("\nOn each leg in turn", style="bold"))
    for number, line in enumerate(steps, start=1):
        console.print(Text(f"  {number}. {line}"))
    console.print(Text(f"\n{watch}\n"))


def ask_knee(console: Console, side: str, choices: dict[str, str]) -> str:
    """Ask what the knee did on one side; the answer's key (e.g. ``midline``)."""
    from rich.prompt import Prompt

    keys = list(choices)
    console.print(Text(f"Standing on your {side} leg, the {side} knee:", style="bold"))
    for number, key in enumerate(keys, start=1):
        console.print(Text(f"  {number}. {choices[key]}"))
    answer = Prompt.ask(
        f"Your answer for the {side} knee",
        choices=[str(n) for n in range(1, len(keys) + 1)],
        console=console,
    )
    return keys[int(answer) - 1]


def ask_sign(console: Console, description: str) -> bool:
    from rich.prompt import Confirm

    return Confirm.ask(
        f"When you run or walk, have you noticed that {description}?",
        default=False,
        console=console,
    )


def check_view(result: CheckResult) -> Group:
    """A self-check's reading, recommendation and caution."""
    rec = result.recommendation
    parts: list[RenderableType] = [Text("Your mirror test", style="bold")]
    for side, reading in (("Left", result.left), ("Right", result.right)):
        parts.append(Text(f"  {side} knee ({reading.knee}): ") + Text(reading.reading))
    parts.extend(Text(f"  {note}") for note in result.notes)
    parts.append(Text("\nWhat to do", style="bold"))
    parts.append(Text(f"  {rec.reason}"))
    if rec.favour:
        parts.append(Text(f"  Lean on in each session: {', '.join(rec.favour)}"))
    parts.append(Text("  Plan it with:"))
    parts.append(Text(rec.command, style="bold cyan"))
    parts.append(Text(f"\n{result.caution}", style="yellow"))
    return Group(*parts)


def check_history_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="Your mirror tests", title_justify="left")
    for column in ("#", "taken", "left knee", "right knee", "gait signs", "weak sides"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["taken"],
            row["left"],
            row["right"],
            ", ".join(row["gait"]) or "none",
            ", ".join(row["weak_sides"]) or "none",
        )
    return table


def settings_table(rows: list[tuple[str, Any, str]], path: str) -> Table:
    """Effective settings: key, value and where it came from."""
    table = Table(
        box=box.SIMPLE_HEAD, title=f"glutemed settings (file: {path})", title_justify="left"
    )
    for column in ("setting", "value", "from"):
        table.add_column(column)
    for key, value, source in rows:
        if isinstance(value, list):
            value = ", ".join(value) or "none"
        elif value is None:
            value = {"sets": "chosen by week", "catalogue": "built-in"}.get(key, "none")
        table.add_row(key, Text(str(value)), source)
    return table


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """A one-line chart: ``▁▃▅█``."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in values)


def history_view(
    sets: list[LoggedSet], trends: dict[str, list[tuple[date, int, str | None]]]
) -> Group:
    """Logged sets, newest first, and a trend line per move."""
    table = Table(box=box.SIMPLE_HEAD, title="Your training log", title_justify="left")
    for column in ("date", "move", "set", "reps", "load", "note"):
        table.add_column(column, justify="right" if column in ("set", "reps") else "left")
    for item in sets:
        table.add_row(
            item.date.isoformat(),
            Text(item.slug),
            str(item.set),
            str(item.reps),
            Text(item.load or "-"),
            Text(item.note or ""),
        )
    trend = Table(
        box=box.SIMPLE_HEAD, title="Trend per move (oldest to newest)", title_justify="left"
    )
    for column in ("move", "sessions", "total reps", "top load"):
        trend.add_column(column)
    for slug, points in trends.items():
        totals = [total for _, total, _ in points]
        loads = [load or "-" for _, _, load in points]
        shown = loads[0] if len(set(loads)) == 1 else f"{loads[0]} -> {loads[-1]}"
        trend.add_row(
            Text(slug), str(len(points)), f"{sparkline(totals)} {totals[-1]}", Text(shown)
        )
    return Group(table, trend)


def undo_preview(source: str, sets: list[LoggedSet]) -> Group:
    lines: list[RenderableType] = [Text(f"The last log command ({source}) logged:", style="bold")]
    lines.extend(
        Text(f"  {s.date.isoformat()}  {s.slug}  set {s.set}: {s.reps} reps")
        + Text(f" @ {s.load}" if s.load else "")
        for s in sets
    )
    return Group(*lines)


def confirm(console: Console, question: str) -> bool:
    """Ask yes or no (default no). Raises EOFError when there is no answer to read."""
    from rich.prompt import Confirm

    return Confirm.ask(question, default=False, console=console)
