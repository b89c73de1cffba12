"""A plan's sessions, one at a time: the sets of each week, the form of each move and its
first numbers from the log, a taper's short session, and the minutes a session takes.
Pure: no I/O. The planner (:mod:`glutemed.core.planner`) says which days they fall on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from glutemed.core import progression, schedule
from glutemed.core.catalogue import Exercise, Variant
from glutemed.core.plan import BLOCK_WEEKS, PlannedExercise, PlanOptions, Session
from glutemed.core.rules import SETS, WEEKDAYS
from glutemed.core.sets import LoggedSet

#: Sets in the first 4-week block when the runner sets none: fewer sessions, more sets.
BASE_SETS: dict[int, int] = {1: 3, 2: 3, 3: 2}


MIN_SETS, MAX_SETS = SETS.low, SETS.high


#: Minutes estimate: seconds per rep (slow and controlled) and rest after each set.
SECONDS_PER_REP = 4


REST_SECONDS = 60


def week_sets(week: int, days: int, fixed: int | None) -> tuple[int, bool]:
    """Sets of each move in plan week ``week``, and whether it is a lighter week.

    3 sets for 1 or 2 days a week, 2 for 3 (or ``fixed``, from ``--sets``), one
    more in each later 4-week block up to 4; the fourth week of each block has
    one set fewer than the week before, never below 2.
    """
    block, position = divmod(week - 1, BLOCK_WEEKS)
    building = min(MAX_SETS, (fixed or BASE_SETS[days]) + block)
    if position == BLOCK_WEEKS - 1:
        return max(MIN_SETS, building - 1), True
    return building, False


class Builder:
    """Builds sessions, each move's form and prescription decided from the log alone.

    A move's prescription depends only on the log and on whether the week is lighter,
    so every session of the plan is what the session would be if it came first (as
    ``today`` and ``go`` plan it); the numbers show on each move's first session."""

    def __init__(
        self, options: PlanOptions, level: str, days: int, history: Sequence[LoggedSet]
    ) -> None:
        self.options, self.level, self.days, self.history = options, level, days, history
        self.runs_on = {day: kind for day, kind, _ in options.calendar or ()}
        #: (slug, lighter week) -> (form, prescription), worked out once.
        self.moves: dict[tuple[str, bool], tuple[Variant | None, progression.Prescription]] = {}
        #: The moves whose first session is planned: later ones carry the rule in words.
        self.seen: set[str] = set()

    def _start(
        self, move: Exercise, lighter: bool
    ) -> tuple[Variant | None, progression.Prescription]:
        """The form to plan a move in, and its first session, from the log."""
        available = self.options.available
        form = move.form(self.level, available)
        can_harden, harder = _harder(move, form, available)
        last = progression.last_session(self.history, move.slug, form.name if form else None)
        found = progression.next_session(
            move.reps.min,
            move.reps.max,
            last,
            steps=self.options.steps,
            can_harden=can_harden,
            lighter=lighter,
        )
        if found.harder:
            name = harder.name if harder else move.name
            advice = found.advice.replace("the harder form", name)
            return harder, progression.Prescription(found.target_reps, None, advice)
        return form, found

    def session(
        self, day: date, week: int, routine: Sequence[Exercise], short: bool = False
    ) -> Session:
        sets, lighter = week_sets(week, self.days, self.options.sets)
        moves = _short(routine) if short else list(routine)
        planned = []
        for move in moves:
            first = move.slug not in self.seen
            self.seen.add(move.slug)
            if (move.slug, lighter) not in self.moves:
                self.moves[move.slug, lighter] = self._start(move, lighter)
            form, found = self.moves[move.slug, lighter]
            if short and form is not None and form.level == "harder":
                form = move.form("standard", self.options.available)
            count = MIN_SETS if short else min(MAX_SETS, sets + found.extra_set)
            extra = self.options.weak_side if move.per_side and not short else None
            if extra and count == MAX_SETS:
                count -= 1  # the stronger side does one set fewer: 4 in all on the weak side
            high = move.reps.max
            planned.append(
                PlannedExercise(
                    slug=move.slug,
                    name=move.name,
                    sets=count,
                    reps=move.reps,
                    target_reps=found.target_reps if first else None,
                    per_side=move.per_side,
                    lateral=move.lateral,
                    equipment=list(form.equipment if form else move.equipment),
                    variant=form.name if form else None,
                    suggested_load=found.load if first else None,
                    advice=found.advice if first else progression.LATER.format(high=high),
                    extra_set=extra,
                )
            )
        kind = "taper" if short else "lighter" if lighter else "regular"
        return Session(
            week=week,
            weekday=WEEKDAYS[day.weekday()],
            date=day,
            run=_run(self.runs_on.get(day))
            or schedule.run_on(day.weekday(), self.options.long_run, self.options.hard),
            minutes=minutes(planned),
            exercises=planned,
            kind=kind,
        )


def _harder(
    move: Exercise, form: Variant | None, available: frozenset[str]
) -> tuple[bool, Variant | None]:
    """(whether there is one, the form): the next harder form of a move that the
    equipment allows, None standing for the move's own form."""
    easier = [v for v in move.variants if v.level == "easier"]
    harder = [v for v in move.variants if v.level == "harder"]
    ladder: list[Variant | None] = [*easier, None, *harder]
    for candidate in ladder[ladder.index(form) + 1 :]:
        if (candidate.needs if candidate else move.needs) <= available:
            return True, candidate
    return False, None


def _short(routine: Sequence[Exercise]) -> list[Exercise]:
    """A taper session's moves: 2 of the routine, keeping a lateral one, in routine order."""
    lateral = [move for move in routine if move.lateral][:1]
    others = [move for move in routine if move not in lateral]
    keep = {move.slug for move in [*lateral, *others][:2]}
    return [move for move in routine if move.slug in keep]


def _run(kind: str | None) -> str | None:
    """The run a session's day holds, from the calendar: "long", "hard" or None."""
    return kind if kind in ("long", "hard") else None


def minutes(exercises: Sequence[PlannedExercise]) -> int:
    """Estimated minutes: reps x seconds per rep x sides, plus rest between sets."""
    work = sum(
        (e.sets * (2 if e.per_side else 1) + (1 if e.extra_set else 0))
        * (e.target_reps or e.reps.min)
        * SECONDS_PER_REP
        for e in exercises
    )
    rests = max(0, sum(e.sets + (1 if e.extra_set else 0) for e in exercises) - 1) * REST_SECONDS
    return math.ceil((work + rests) / 60)
