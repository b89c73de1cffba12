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

from glutemed.core import rules
from glutemed.core.about import BEFORE, BEFORE_TITLE, CAUTION, CREDIT, GUIDANCE, GUIDANCE_TITLE
from glutemed.core.catalogue import Catalogue
from glutemed.core.plan import RUN_TEXT, Plan
from glutemed.core.rules import SLUG
from glutemed.core.sets import LoggedSet, Pain, parse_load
from glutemed.core.text import and_list, plural, quoted, without_controls
from glutemed.errors import GlutemedError, SheetError

T = TypeVar("T")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def _md(text: str) -> str:
    """Catalogue text made safe for Markdown: one line, special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(plan: Plan, catalogue: Catalogue) -> str:
    """A GitHub-flavoured Markdown training sheet with a checkbox for every set (long:
    the sheet's sections in order, each a few lines).

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
    lines += ["", f"## {_md(BEFORE_TITLE)}", ""]
    lines += [f"- {_md(point)}" for point in BEFORE]
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
                f"{exercise.prescription}{exercise.aim_words} · pain __/10",
            ]
            lines += [
                f"- [ ] Set {number}{f' ({side} only)' if side else ''}: did __ reps @ __"
                for number, side in exercise.set_rows
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
# A checkbox: ``- [x] Set 1: did 10 reps @ 12kg``, as glutemed writes it, or as a
# runner fills it in: any case, with or without "reps" or "each side", ``@12kg``,
# ``@ 12 kg``, no load or ``-`` (bodyweight), and ``10/9`` (left/right).
_BOX = re.compile(r"^\s*[-*+]\s*\[([ xX])\]\s*(.*?)\s*$")
_SET = re.compile(r"^set\s+(\S+?)\s*(?:\(([a-z ]*)\))?\s*:\s*(.*)$", re.IGNORECASE)
#: A note in brackets at the end of a set's line: ``@ 12kg (felt good)``.
_NOTE = re.compile(r"\(([^()]*)\)\s*$")
#: The pain field on a move's heading line: ``pain 3/10`` (``pain __/10`` left blank).
_PAIN = re.compile(r"·\s*pain\s+([0-9]{1,2}|_+)\s*/\s*10\s*$", re.IGNORECASE)
_SIDE = re.compile(r"^\s*(left|right)\s+only\s*$", re.IGNORECASE)
_DID = re.compile(r"(?:^|[;,.]\s*|\s)did\b\s*(.*)$", re.IGNORECASE)
_REPS = re.compile(
    r"^(?P<reps>[0-9]{1,4}(?:\s*/\s*[0-9]{1,4})?|_*)\s*(?:reps?)?\s*"
    r"(?:(?:each|per|a)\s+side|both\s+sides)?$",
    re.IGNORECASE,
)
#: The parts of a sheet that hold no sets: the guidance, the how-to and the advice.
_NO_SETS = ("## How to do the moves", "## First session", "## Every session", "## Before you")


@dataclass(frozen=True)
class SheetSet:
    """One set's checkbox on a training sheet, as the runner left it."""

    line: int
    date: date | None
    slug: str | None  # None: a box outside any move
    set: int
    ticked: bool
    reps: str  # what was written for the reps ("" when left blank)
    load: str  # what was written for the load ("" when left blank)
    side: str | None = None  # "left" or "right": a set done on that side only
    note: str | None = None  # words in brackets at the end of the line
    form: str = ""  # the form's name in the move's heading


def read_sheet(
    text: str,
    name: str = "the sheet",
    pains: list[tuple[int, date | None, str, int]] | None = None,
) -> list[SheetSet]:
    """Every set checkbox of a Markdown sheet that :func:`to_markdown` wrote.

    A date or set number that glutemed cannot take, or a ticked box it cannot
    read, is a :class:`SheetError` naming ``name`` and the line.
    """
    found = []
    when: date | None = None
    slug: str | None = None
    form = ""
    skipping = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            skipping = line.startswith(_NO_SETS)
            slug = None
        if skipping:
            continue
        if move := _MOVE.match(line):
            heading = move.group(1) or move.group(2)
            form, slug = re.sub(r"\\(.)", r"\1", heading), move.group(3)
            hurt = _PAIN.search(line)
            if hurt and hurt.group(1).strip("_") and pains is not None:
                score = _line_value(name, number, "pain", rules.PAIN.parse, hurt.group(1))
                pains.append((number, when, slug, score))
        elif session := _SESSION.match(line):
            day = session.group(2)
            when = _line_value(name, number, "the date", rules.parse_date, day) if day else None
            slug = None
        elif (box := _BOX.match(line)) and (
            read := _box(name, number, box.group(2), ticked=box.group(1) != " ")
        ):
            found.append(SheetSet(number, when, slug, *read, form=form))
    return found


def _box(
    name: str, line: int, text: str, *, ticked: bool
) -> tuple[int, bool, str, str, str | None, str | None] | None:
    """(set number, ticked, reps written, load written, side, note) of a checkbox's text;
    None for an unticked box that is not a set; SheetError for a ticked one glutemed
    cannot read. The side is the weak side's extra set's (``Set 4 (left only)``); the
    note, words in brackets at the end of the line (``@ 12kg (felt good)``).

    "did" may be left out (``Set 1: 10 reps @ 12kg``), as a runner filling the line
    by hand often does."""
    where = f"{name}: line {line}"
    found = _SET.match(text)
    if found is None:
        if ticked:
            raise SheetError(
                f"{where}: cannot read this ticked set; write it as "
                "'- [x] Set 1: did 10 reps @ 12kg'"
            )
        return None
    did = _DID.search(found.group(3))
    filled = did.group(1) if did else found.group(3)
    remark = _NOTE.search(filled)
    note = " ".join(remark.group(1).split()) or None if remark else None
    if remark:
        filled = filled[: remark.start()]
    number = _line_value(name, line, "Set", rules.SET_NUMBERS.parse, found.group(1))
    side = _SIDE.match(found.group(2) or "")
    reps, _, load = filled.partition("@")
    shown_side = side.group(1).lower() if side else None
    return number, ticked, reps.strip(), load.strip(), shown_side, note


def _line_value(name: str, line: int, what: str, parse: Callable[[str], T], text: str) -> T:
    """A value of one line parsed by its rule, or a SheetError naming the line."""
    try:
        return parse(text)
    except ValueError as err:
        raise SheetError(f"{name}: line {line}: {what} {err}") from None


def sheet_sets(
    text: str, catalogue: Catalogue, name: str, note: str | None = None, *, today: date
) -> tuple[list[LoggedSet], list[str], list[Pain]]:
    """The ticked sets of a sheet as sets to log, warnings, and the pain scores written on
    its moves' heading lines (``pain 3/10``); SheetError for a bad line.

    Every ticked box is a set or an error: none is passed over. ``name`` is how
    messages name the sheet (its path). A ticked set dated after ``today`` is refused,
    as ``log --date`` refuses a day still to come.
    """
    scored: list[tuple[int, date | None, str, int]] = []
    boxes = read_sheet(text, name, scored)
    if not boxes:
        raise SheetError(f"{name}: no set checkboxes found; is it a sheet from 'glutemed plan -o'?")
    if any(box.date is None for box in boxes if box.ticked):
        raise SheetError(
            f"{name} has no dates, so its sets cannot be logged; "
            "export the plan again with 'glutemed plan -o FILE.md' to log from it"
        )
    sets, warnings, filled = [], [], []
    for box in boxes:
        where = f"{name}: line {box.line}"
        if not box.ticked:
            if not _blank(box.reps) or not _blank(box.load):
                filled.append(str(box.line))
            continue
        if box.slug is None or box.date is None:
            raise SheetError(f"{where}: a ticked set under no move; tick sets under a move")
        if box.date > today:
            raise SheetError(
                f"{where}: a ticked set of {box.date.isoformat()}, still to come; "
                "tick a set once it is done (nothing was logged)"
            )
        try:
            exercise = catalogue.find(box.slug)
        except GlutemedError as err:
            raise SheetError(f"{where}: {err}") from None
        reps, said = _reps(where, box.reps)
        warnings += said
        load = _load(where, box.load)
        warnings += range_warnings(exercise.slug, exercise.reps.min, exercise.reps.max, [reps])
        try:
            variant = exercise.variant_named(box.form) if box.form else None
        except ValueError as err:
            raise SheetError(f"{where}: the heading's form {err}") from None
        key = f"{box.date.isoformat()}|{exercise.slug}|{box.set}"
        form = variant.name if variant else None
        remark = box.note or note
        sets.append(
            LoggedSet(
                box.date, exercise.slug, box.set, reps, load, remark, key, form=form, side=box.side
            )
        )
    if filled:
        shown = filled[:5] + ([f"{len(filled) - 5} more"] if len(filled) > 5 else [])
        warnings.append(
            f"{name}: {plural(len(filled), 'line')} {and_list(shown)} "
            f"{'has' if len(filled) == 1 else 'have'} "
            "numbers filled in but no tick: not logged (tick the box to log it)"
        )
    pains = []
    for line, when, slug, score in scored:
        where = f"{name}: line {line}"
        if when is None:
            raise SheetError(f"{where}: a pain score under no dated session")
        if when > today:
            raise SheetError(f"{where}: a pain score of {when.isoformat()}, still to come")
        try:
            pains.append(Pain(when, catalogue.find(slug).slug, score))
        except GlutemedError as err:
            raise SheetError(f"{where}: {err}") from None
    return sets, warnings, pains


_WORDS = re.compile(r"\b(?:reps?|(?:each|per|a)\s+side|both\s+sides)\b", re.IGNORECASE)


def _blank(written: str) -> bool:
    """Whether a reps or load field is as the sheet printed it: blanks and words only."""
    return not _WORDS.sub("", written).strip("_ ")


def _reps(where: str, written: str) -> tuple[int, list[str]]:
    """The reps of a ticked set (the lower side of ``10/9``) and anything to say about it."""
    found = _REPS.match(written.strip())
    figure = found.group("reps") if found else None
    if figure is None:
        raise SheetError(f"{where}: {quoted(written)} is not a number of reps")
    if not figure.strip("_"):
        raise SheetError(f"{where}: the set is ticked but its reps are blank; fill them in")
    sides = [int(part) for part in figure.split("/")]
    reps = min(sides)
    if reps not in rules.REPS:
        raise SheetError(f"{where}: reps {rules.REPS.takes}, not {reps}")
    said = [f"{where}: {figure} logged as {reps}, the lower side"] if len(sides) > 1 else []
    return reps, said


def _load(where: str, written: str) -> str | None:
    """The load of a ticked set: None for bodyweight (blank, ``-``, ``bodyweight``,
    ``BW``, ``none``)."""
    said = " ".join(written.strip("_ ").lower().split())
    if not said or said in rules.NO_LOAD_WORDS:
        return None
    try:
        return parse_load(written).text
    except ValueError as err:
        raise SheetError(f"{where}: load {err}") from None


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
