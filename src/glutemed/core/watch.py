"""A session as a watch's strength workout, and a watch's recorded sets as logged sets.
Pure values: :mod:`glutemed.formats.fit_out` writes a :class:`Workout` as a FIT file
and :mod:`glutemed.formats.fit_in` reads an activity into an :class:`Activity`.

glutemed's choices (the source says nothing about watches):

- **A step a set**, in the session's order: a reps step with the move's FIT exercise
  (its category and name from the catalogue; FIT's generic name in the total-body
  category for a move without one), the reps to aim for (the session's aim, else the
  bottom of the range), the suggested dumbbell load as its weight where there is one
  (not for bands, boxes or bodyweight), "each side" in its notes for a one-sided
  move; the weak side's extra set is a step of its own, naming its side.
- **A rest step after every set but the last**, as long as the session's rest.
- **Back from the watch**, each active set is logged as the move whose code it
  carries: where a move's forms share its code, the form the saved programme plans,
  else the standard one. A set whose exercise is no move's is named, and left out
  only when asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from glutemed.core.catalogue import Catalogue, Exercise, FitCode, Variant
from glutemed.core.plan import Session
from glutemed.core.sets import POUND_KG, LoggedSet, parse_load

#: FIT's total-body category, and its generic name: a move without a code of its own.
GENERIC = FitCode(category=29, name=65535)


@dataclass(frozen=True)
class Step:
    """One step of a workout: a set of reps, or a rest of ``seconds``."""

    title: str
    reps: int | None = None
    seconds: int | None = None
    code: FitCode | None = None
    weight_kg: float | None = None
    unit: str | None = None  # "kg" or "lb": how the watch shows the weight
    notes: str | None = None


@dataclass(frozen=True)
class Workout:
    """A session as the watch runs it: its name, day, steps and exercise titles."""

    name: str
    day: date
    steps: tuple[Step, ...]
    #: Each exercise's glutemed name, by its code, for the watch to show.
    titles: tuple[tuple[FitCode, str], ...]


def code_of(move: Exercise, form: Variant | None) -> FitCode:
    """A form's FIT exercise: its own, else its move's, else the generic one."""
    return (form.fit if form is not None else None) or move.fit or GENERIC


def workout(session: Session, catalogue: Catalogue, rest: int, name: str) -> Workout:
    """The watch's workout for ``session``: a reps step a set, a rest step between sets."""
    moves = {move.slug: move for move in catalogue}
    sets: list[Step] = []
    titles: dict[FitCode, str] = {}
    for exercise in session.exercises:
        move = moves[exercise.slug]
        form = next((v for v in move.variants if v.name == exercise.variant), None)
        code = code_of(move, form)
        titles.setdefault(code, exercise.form_name)
        weight, unit = _weight(exercise.suggested_load)
        for _number, side in exercise.set_rows:
            notes = (
                f"{side} side only: your weaker side's extra set"
                if side
                else "each side"
                if exercise.per_side
                else None
            )
            sets.append(
                Step(
                    title=exercise.form_name,
                    reps=exercise.target_reps or exercise.reps.min,
                    code=code,
                    weight_kg=weight,
                    unit=unit,
                    notes=notes,
                )
            )
    steps: list[Step] = []
    for index, step in enumerate(sets):
        steps.append(step)
        if index < len(sets) - 1:
            steps.append(Step(title="Rest", seconds=rest))
    label = f"{name} {session.date:%a} {session.date.day} {session.date:%b}"
    return Workout(label, session.date, tuple(steps), tuple(titles.items()))


def _weight(load: str | None) -> tuple[float | None, str | None]:
    """A suggested load as a watch's weight: kilograms, and the unit to show it in."""
    if not load:
        return None, None
    parsed = parse_load(load)
    if parsed.unit not in ("kg", "lb"):
        return None, None  # a band or a box height is no weight
    return round(parsed.kg, 2), parsed.unit


# Back from the watch.


@dataclass(frozen=True)
class WatchSet:
    """A set as the watch recorded it."""

    start: datetime | None
    active: bool
    reps: int | None
    weight_kg: float | None
    unit: str | None  # "kg" or "lb", as the watch showed it
    code: FitCode | None


@dataclass(frozen=True)
class Activity:
    """A strength activity: the device that recorded it, its start, its local date, and
    its sets. ``key`` names it whatever its file is called."""

    device: str
    start: datetime
    day: date
    sets: tuple[WatchSet, ...]

    @property
    def key(self) -> str:
        return f"fit:{self.device}:{self.start.isoformat()}"


def logged_sets(
    activity: Activity, catalogue: Catalogue, planned: Mapping[str, str | None]
) -> tuple[list[LoggedSet], list[str]]:
    """The activity's active sets as logged sets (numbered per move, in order, each with
    a key naming the activity), and the FIT names of the sets no move matches.
    ``planned``: the form the saved programme plans for each move (None: its own)."""
    by_code: dict[FitCode, list[tuple[Exercise, Variant | None]]] = {}
    for move in catalogue:
        for form in (None, *move.variants):
            by_code.setdefault(code_of(move, form), []).append((move, form))
    found: list[LoggedSet] = []
    unknown: list[str] = []
    numbers: dict[str, int] = {}
    for index, item in enumerate(s for s in activity.sets if s.active and s.reps):
        matches = by_code.get(item.code) if item.code is not None else None
        if not matches or item.code == GENERIC:
            unknown.append(_fit_name(item.code))
            continue
        move, form = _choose(matches, planned)
        numbers[move.slug] = numbers.get(move.slug, 0) + 1
        found.append(
            LoggedSet(
                activity.day,
                move.slug,
                numbers[move.slug],
                int(item.reps or 0),
                _load(item),
                form=form.name if form is not None else None,
                sheet_key=f"{activity.key}:{index}",
            )
        )
    return found, unknown


def _choose(
    matches: Sequence[tuple[Exercise, Variant | None]], planned: Mapping[str, str | None]
) -> tuple[Exercise, Variant | None]:
    """Of the forms sharing a code: the one the programme plans, else the standard one."""
    for move, form in matches:
        if move.slug in planned and planned[move.slug] == (form.name if form else None):
            return move, form
    return next(((m, f) for m, f in matches if f is None), matches[0])


def _load(item: WatchSet) -> str | None:
    """The recorded weight in the unit the watch showed it in (pounds stay pounds)."""
    if not item.weight_kg:
        return None
    if item.unit == "lb":
        return f"{round(item.weight_kg / POUND_KG * 2) / 2:g}lb"
    return f"{round(item.weight_kg * 4) / 4:g}kg"


def _fit_name(code: FitCode | None) -> str:
    if code is None:
        return "a set with no exercise"
    return f"FIT exercise {code.category}/{code.name}"
