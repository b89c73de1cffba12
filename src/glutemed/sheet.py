"""The Markdown training sheet: writing one from a plan, and reading a ticked one back.

:func:`to_markdown` is pure (a plan and its catalogue in, text out; the same
plan always gives the same text). :func:`sheet_sets` turns a sheet the runner
ticked into the sets to log, or refuses it with the line to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from glutemed import rules
from glutemed.about import CAUTION, CREDIT, GUIDANCE, GUIDANCE_TITLE
from glutemed.catalogue import Catalogue
from glutemed.errors import GlutemedError, SheetError
from glutemed.log import LoggedSet
from glutemed.planner import RUN_TEXT, Plan
from glutemed.progression import parse_load
from glutemed.rules import SLUG
from glutemed.text import and_list, plural, quoted, without_controls

T = TypeVar("T")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def _md(text: str) -> str:
    """Catalogue text made safe for Markdown: one line, special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(plan: Plan, catalogue: Catalogue) -> str:
    """A GitHub-flavoured Markdown training sheet with a checkbox for every set.

    What holds for the whole plan comes once, at the top: the facts, the notes
    (a paragraph each), the first session's numbers from the log, the guidance
    and the caution, and how to do each planned form. Then a section a week, a
    line a move and a line a set. The weak side's extra set (``--weak-side``)
    has no box: progression counts the sets both sides do.
    """
    lines = [
        f"# Gluteus medius plan: {plural(plan.days, 'day')} a week, {plural(plan.weeks, 'week')}",
        "",
        f"- From: {plan.start.isoformat()}",
        f"- Days: {', '.join(plan.weekdays)}",
        f"- Equipment needed: {', '.join(plan.equipment) or 'none (bodyweight)'}",
        f"- Routine, in every session: {', '.join(plan.routine)}. Why: {_md(plan.routine_reason)}.",
        f"- Seed: {plan.seed}",
        "",
        "Tick a box when a set is done and fill in the reps and load you managed.",
    ]
    for note in plan.notes:
        lines += ["", f"> {_md(note)}"]
    lines += ["", "## First session of each move, from your log", ""]
    lines += [f"- {_md(name)}: {_md(advice)}." for name, advice in plan.first_advice()]
    lines += ["", f"## {_md(GUIDANCE_TITLE)}", ""]
    lines += [f"- {_md(point)}" for point in GUIDANCE]
    lines += ["", CAUTION, "", "## How to do the moves"]
    planned = {(e.slug, e.variant) for session in plan.sessions for e in session.exercises}
    for move in catalogue:
        for form in [None, *move.variants]:
            if (move.slug, form.name if form else None) not in planned:
                continue
            title = _md(form.name) if form else _md(move.name)
            mark = f" (glutemed's {form.level} form of {_md(move.name)})" if form else ""
            kit = (form or move).equipment
            lines += ["", f"### {title}{mark}", "", f"Equipment: {', '.join(kit) or 'none'}.", ""]
            steps, cues = (form.steps, form.cues) if form else (move.steps, move.cues)
            lines += [f"{number}. {_md(step)}" for number, step in enumerate(steps, start=1)]
            if cues:
                lines += ["", "Cues:", ""] + [f"- {_md(cue)}" for cue in cues]
    week = 0
    for session in plan.sessions:
        if session.week != week:
            week = session.week
            monday = session.date - timedelta(days=session.date.weekday())
            sunday = monday + timedelta(days=6)
            lines += ["", f"## Week {week} · {monday.isoformat()} to {sunday.isoformat()}"]
        run = f" · {RUN_TEXT[session.run]}" if session.run else ""
        kind = f" · {session.kind}" if session.kind != "regular" else ""
        lines += [
            "",
            f"### {session.weekday} · {session.date.isoformat()}{run}{kind} · "
            f"about {session.minutes} min",
        ]
        for index, exercise in enumerate(session.exercises):
            lines += [
                *([""] if index else []),
                f"**{_md(exercise.form_name)}** (`{exercise.slug}`) · "
                f"{exercise.prescription}{exercise.aim_words}",
            ]
            lines += [
                f"- [ ] Set {number}: did __ reps @ __" for number in range(1, exercise.sets + 1)
            ]
    lines += ["", "---", "", CREDIT, ""]
    return without_controls("\n".join(lines))


# Reading a ticked sheet back (glutemed log --sheet).

# Numbers are read as ASCII digits only (``\d`` would take other scripts' digits
# too); a session's date is any word with a digit in it, so a date in other
# digits is refused rather than passed over, and "after your hard run" is no date.
# Sessions: ``### Tuesday · 2026-11-24 · ...`` (a week per section), or, in
# sheets before the compact layout, ``## Week 1 · Tuesday · 2026-11-24 · ...``.
_SESSION = re.compile(r"^(?:### |## Week [0-9]+ · )([A-Za-z]+)(?: · (\S*\d\S*))?")
# Moves: ``**Split Squat** (`split-squat`) · ...``, or ``### Split Squat (`split-squat`)``.
_MOVE = re.compile(rf"^(?:\*\*(.*)\*\*|### (.*)) \(`({SLUG})`\)")
_AIM = re.compile(r"aim for (\S+?)\+")
_BOX = re.compile(r"^\s*[-*] \[([ xX])\] Set (\S+):(?:.*?;)? ?did (.*?) reps @ (.*?)\s*$")
#: The parts of a sheet that hold no sets: the guidance, the how-to and the advice.
_NO_SETS = ("## How to do the moves", "## First session", "## Every session")


@dataclass(frozen=True)
class SheetSet:
    """One set's checkbox on a training sheet, as the runner left it."""

    line: int
    date: date | None
    slug: str
    set: int
    ticked: bool
    reps: str  # what was written in the reps blank ("__" when left blank)
    load: str  # what was written in the load blank
    aim: int | None
    form: str = ""  # the form's name in the move's heading


def read_sheet(text: str, name: str = "the sheet") -> list[SheetSet]:
    """Every set checkbox of a Markdown sheet that :func:`to_markdown` wrote.

    A date, set number or aim that glutemed cannot take is a :class:`SheetError`
    naming ``name`` and the line.
    """
    found = []
    when: date | None = None
    slug: str | None = None
    form = ""
    aim: int | None = None
    skipping = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            skipping = line.startswith(_NO_SETS)
            slug = None
        if skipping:
            continue
        if move := _MOVE.match(line):
            heading = move.group(1) or move.group(2)
            form, slug, aim = re.sub(r"\\(.)", r"\1", heading), move.group(3), None
            if target := _AIM.search(line):
                aim = _line_value(name, number, "the aim", rules.REPS.parse, target.group(1))
        elif session := _SESSION.match(line):
            day = session.group(2)
            when = _line_value(name, number, "the date", rules.parse_date, day) if day else None
            slug = None
        elif (target := _AIM.search(line)) and slug and aim is None:
            aim = _line_value(name, number, "the aim", rules.REPS.parse, target.group(1))
        elif (box := _BOX.match(line)) and slug:
            found.append(
                SheetSet(
                    line=number,
                    date=when,
                    slug=slug,
                    set=_line_value(name, number, "Set", rules.SET_NUMBERS.parse, box.group(2)),
                    ticked=box.group(1) != " ",
                    reps=box.group(3).strip(),
                    load=box.group(4).strip(),
                    aim=aim,
                    form=form,
                )
            )
    return found


def _line_value(name: str, line: int, what: str, parse: Callable[[str], T], text: str) -> T:
    """A value of one line parsed by its rule, or a SheetError naming the line."""
    try:
        return parse(text)
    except ValueError as err:
        raise SheetError(f"{name}: line {line}: {what} {err}") from None


def sheet_sets(
    text: str, catalogue: Catalogue, name: str, note: str | None = None
) -> tuple[list[LoggedSet], list[str]]:
    """The ticked sets of a sheet as sets to log, and warnings; SheetError for a bad line.

    ``name`` is how messages name the sheet (its path). A ticked box left
    blank logs the set's aim with no load.
    """
    boxes = read_sheet(text, name)
    if not boxes:
        raise SheetError(f"{name}: no set checkboxes found; is it a sheet from 'glutemed plan -o'?")
    if any(box.date is None for box in boxes):
        raise SheetError(
            f"{name} has no dates, so its sets cannot be logged; "
            "export the plan again with 'glutemed plan -o FILE.md' to log from it"
        )
    sets, warnings = [], []
    for box in boxes:
        if not box.ticked or box.date is None:
            continue
        where = f"{name}: line {box.line}"
        try:
            exercise = catalogue.find(box.slug)
        except GlutemedError as err:
            raise SheetError(f"{where}: {err}") from None
        if re.fullmatch("[0-9]{1,4}", box.reps) and int(box.reps) in rules.REPS:
            reps = int(box.reps)
        elif box.reps.strip("_ ") == "" and box.aim is not None:
            reps = box.aim
        elif box.reps.strip("_ ") == "":
            raise SheetError(f"{where}: the set is ticked but its reps are blank; fill them in")
        else:
            raise SheetError(f"{where}: {quoted(box.reps)} is not a number of reps")
        load = None
        if box.load.strip("_ "):
            try:
                load = parse_load(box.load).text
            except ValueError as err:
                raise SheetError(f"{where}: load {err}") from None
        warnings += range_warnings(exercise.slug, exercise.reps.min, exercise.reps.max, [reps])
        try:
            variant = exercise.variant_named(box.form) if box.form else None
        except ValueError as err:
            raise SheetError(f"{where}: the heading's form {err}") from None
        key = f"{box.date.isoformat()}|{exercise.slug}|{box.set}"
        form = variant.name if variant else None
        sets.append(LoggedSet(box.date, exercise.slug, box.set, reps, load, note, key, form=form))
    return sets, warnings


def range_warnings(slug: str, low: int, high: int, counts: list[int]) -> list[str]:
    """A warning when some sets' reps fall outside the move's range (they are logged anyway)."""
    outside = [count for count in counts if not low <= count <= high]
    if not outside:
        return []
    verb = "is" if len(outside) == 1 else "are"
    return [
        f"{and_list([str(count) for count in outside])} reps {verb} outside {slug}'s "
        f"range of {low}-{high}; logged as given"
    ]
