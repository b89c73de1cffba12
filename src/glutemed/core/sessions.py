"""A plan's sessions, one at a time: the sets of each week, the form of each move and its
first numbers from the log, a taper's short session, and the minutes a session takes.
Pure: no I/O. The planner (:mod:`glutemed.core.planner`) says which days they fall on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from glutemed.core import progression, schedule
from glutemed.core.catalogue import Exercise, Variant
from glutemed.core.plan import BLOCK_WEEKS, PlannedExercise, PlanOptions, Session
from glutemed.core.rules import REST_SECONDS, SETS, WEEKDAYS
from glutemed.core.sets import LoggedSet, Pain

#: Sets in the first 4-week block when the runner sets none: fewer sessions, more sets.
BASE_SETS: dict[int, int] = {1: 3, 2: 3, 3: 2}


MIN_SETS, MAX_SETS = SETS.low, SETS.high


#: Minutes estimate: seconds per rep (slow and controlled); the rest after each set is
#: :data:`glutemed.core.rules.REST_SECONDS`.
SECONDS_PER_REP = 4


def week_sets(week: int, days: int, fixed: int | None) -> tuple[int, bool]:
    """Sets of each move in plan week ``week``, and whether it is a lighter week.

    3 sets for 1 or 2 days a week, 2 for 3 (or ``fixed``, from ``--sets``), one
    more in each later 4-week block up to 4; the fourth week of each block has
    one set fewer than the week before, never below 2.
    """
    building = _building(week, days, fixed)
    if (week - 1) % BLOCK_WEEKS == BLOCK_WEEKS - 1:
        return max(MIN_SETS, building - 1), True
    return building, False


def _building(week: int, days: int, fixed: int | None) -> int:
    """The sets ``week``'s 4-week block builds to (before its lighter week)."""
    return min(MAX_SETS, (fixed or BASE_SETS[days]) + (week - 1) // BLOCK_WEEKS)


class Builder:
    """Builds sessions, each move's form and prescription decided from the log alone.

    A move's prescription depends only on the log and on whether the week is lighter,
    so every session of the plan is what the session would be if it came first (as
    ``today`` and ``go`` plan it); the numbers show on each move's first session."""

    def __init__(
        self,
        options: PlanOptions,
        level: str,
        days: int,
        history: Sequence[LoggedSet],
        pains: Sequence[Pain] = (),
    ) -> None:
        self.options, self.level, self.days, self.history = options, level, days, history
        self.pains = pains
        self.runs_on = {day: kind for day, kind, _ in options.calendar or ()}
        #: (slug, lighter week) -> (form, prescription), worked out once.
        self.moves: dict[tuple[str, bool], tuple[Variant | None, progression.Prescription]] = {}
        #: The moves whose first session is planned: later ones carry the rule in words.
        self.seen: set[str] = set()

    def _start(
        self, move: Exercise, lighter: bool
    ) -> tuple[Variant | None, progression.Prescription]:
        """The form to plan a move in, and its first session, from the log: its pain
        scores, its range, and the double progression (:mod:`glutemed.core.progression`)."""
        available = self.options.available
        form = move.form(self.options.levels.get(move.slug, self.level), available)
        found = self._prescribe(move, form, lighter)
        if found.harder:
            _, harder = _step(move, form, available, up=True)
            name = harder.name if harder else move.name
            advice = found.advice.replace("the harder form", name)
            return harder, progression.Prescription(found.target_reps, None, advice)
        if found.easier:  # back down a form: a form new to the log starts easy
            _, easier = _step(move, form, available, up=False)
            name = easier.name if easier else move.name
            again = self._prescribe(move, easier, lighter)
            advice = f"{found.advice.replace('the easier form', name)}; then {again.advice}"
            return easier, progression.Prescription(again.target_reps, again.load, advice)
        return form, found

    def _prescribe(
        self, move: Exercise, form: Variant | None, lighter: bool
    ) -> progression.Prescription:
        available = self.options.available
        name = form.name if form else None
        last = progression.last_session(self.history, move.slug, name)
        seen = len(
            {s.date for s in self.history if s.slug == move.slug and s.form == name and not s.side}
        )
        return progression.next_session(
            move.reps.min,
            move.reps.max,
            last,
            steps=self.options.steps,
            can_harden=_step(move, form, available, up=True)[0],
            can_ease=_step(move, form, available, up=False)[0],
            lighter=lighter,
            pains=[p for p in self.pains if p.slug in (move.slug, None)],
            seen=seen,
            box_max=self.options.box_max,
        )

    def _after_long_run(self, day: date) -> bool:
        """Whether ``day`` follows a long run: the weekly one, or the calendar's."""
        yesterday = day - timedelta(days=1)
        if self.runs_on.get(yesterday) == "long":
            return True
        return schedule.after_long_run(self.options.long_run) == day.weekday()

    def _race_cap(self, day: date, week: int) -> int | None:
        """In the 6 weeks before a race's taper, the most sets a move may have: the most
        of the 3 weeks before those 6 (one fewer in a marathon build); None elsewhere."""
        race = self.options.race
        if race is None:
            return None
        taper = race - timedelta(days=schedule.TAPER_DAYS[self.options.race_distance])
        build = taper - timedelta(weeks=RACE_BUILD_WEEKS)
        if not build <= day < taper:
            return None
        monday = schedule.monday_of(day)
        # The plan weeks holding the 3 weeks of days before the build.
        numbers = {
            week + (schedule.monday_of(build - timedelta(days=back)) - monday).days // 7
            for back in range(1, 22)
        }
        before = [week_sets(n, self.days, self.options.sets)[0] for n in numbers if n >= 1]
        first = week_sets(1, self.days, self.options.sets)[0]
        cap = max(before) if before else first  # a plan that starts in the build holds
        marathon = self.options.race_distance in ("marathon", "ultra")
        return max(MIN_SETS, cap - 1) if marathon else cap

    def session(
        self, day: date, week: int, routine: Sequence[Exercise], short: bool = False
    ) -> Session:
        sets, lighter = week_sets(week, self.days, self.options.sets)
        by_reps = lighter_by_reps(week, self.days, self.options.sets)
        # The day after a long run: a short session (glutemed's rule), as a taper's.
        recovering = not short and self._after_long_run(day)
        if recovering:
            sets, by_reps = MIN_SETS, False
        cap = None if short else self._race_cap(day, week)
        if cap is not None:
            sets = min(sets, cap)
        moves = _short(routine) if short or recovering else list(routine)
        planned = []
        for move in moves:
            first = move.slug not in self.seen
            self.seen.add(move.slug)
            # A race build keeps loads: its sessions take no load step, as a lighter week.
            calm = lighter or cap is not None
            if (move.slug, calm) not in self.moves:
                self.moves[move.slug, calm] = self._start(move, calm)
            form, found = self.moves[move.slug, calm]
            if short and form is not None and form.level == "harder":
                form = move.form("standard", self.options.available)
            count = (
                MIN_SETS
                if short or recovering
                else min(MAX_SETS, sets + (found.extra_set and not calm))
            )
            if cap is not None:
                count = min(count, cap)
            side = self.options.weak_side
            extra = side if move.per_side and not short and not lighter and not recovering else None
            if extra and count == MAX_SETS:
                count -= 1  # the stronger side does one set fewer: 4 in all on the weak side
            low, high = move.reps.min, move.reps.max
            target = found.target_reps if first else None
            load = found.load if first else None
            advice = found.advice if first else progression.LATER.format(high=high)
            if short:
                target, load = (
                    found.kept_reps if first else None,
                    found.kept_load if first else None,
                )
                kept = f" ({found.kept_load})" if first and found.kept_load else ""
                advice = TAPER.format(kept=kept)
            elif recovering:
                advice = AFTER_LONG_RUN
            elif by_reps:  # a lighter week at 2 sets is lighter by its reps, at the same load
                target, load = low, found.kept_load
                advice = LIGHTER_REPS.format(low=low)
            elif cap is not None and not first:
                advice = RACE_BUILD
            planned.append(
                PlannedExercise(
                    slug=move.slug,
                    name=move.name,
                    sets=count,
                    reps=move.reps,
                    target_reps=target,
                    per_side=move.per_side,
                    lateral=move.lateral,
                    equipment=list(form.equipment if form else move.equipment),
                    variant=form.name if form else None,
                    suggested_load=load,
                    advice=advice,
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


#: Weeks before a race's taper in which a move's sets stop growing (glutemed's rule:
#: the runner's own training peaks then).
RACE_BUILD_WEEKS = 6
#: What the sessions of those weeks, a taper's and a lighter week's at 2 sets say.
RACE_BUILD = "race build: keep the load and the sets of the weeks before (glutemed's rule)"
TAPER = (
    "taper: keep your last load{kept} and stop well short of failure, three or four "
    "reps in reserve (glutemed's rule)"
)
AFTER_LONG_RUN = (
    "the day after your long run: a short session, 2 moves x 2 sets, well short of "
    "failure (glutemed's rule: only when your days need this one)"
)
LIGHTER_REPS = (
    "lighter week: the same load, {low} reps a set, four or more in reserve "
    "(glutemed's rule: at 2 sets a lighter week is lighter by its reps)"
)


def lighter_by_reps(week: int, days: int, fixed: int | None) -> bool:
    """Whether ``week`` is a lighter week that cannot drop a set (its block builds only
    to 2): it is lighter by its reps instead, at the bottom of the range."""
    sets, lighter = week_sets(week, days, fixed)
    return lighter and sets == _building(week, days, fixed)


def _step(
    move: Exercise, form: Variant | None, available: frozenset[str], *, up: bool
) -> tuple[bool, Variant | None]:
    """(whether there is one, the form): the next harder (``up``) or easier form of a
    move that the equipment allows, None standing for the move's own form."""
    easier = [v for v in move.variants if v.level == "easier"]
    harder = [v for v in move.variants if v.level == "harder"]
    ladder: list[Variant | None] = [*easier, None, *harder]
    at = ladder.index(form)
    candidates = ladder[at + 1 :] if up else list(reversed(ladder[:at]))
    for candidate in candidates:
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
