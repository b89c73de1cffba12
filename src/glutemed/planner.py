"""Pure planning: a catalogue and options in, a :class:`Plan` out. No I/O.

The source's programme: pick 2 to 3 of the moves, do 2 to 4 sets of each, at
least once a week and better two or three times. The planner turns that into
one weekly pattern, repeated every week so progression applies to the same
moves:

1. Keep the moves whose equipment the runner has (a mat is never required).
2. Decide how many times each move appears in the week. The week has between
   ``2 x days`` and ``3 x days`` slots (2 or 3 moves a session). Every session
   needs one lateral move (one that works the hip sideways). The planner takes
   the smallest number of slots that fits every move in, keeping every move's
   count within one of every other's when it can; among equal choices it gives
   the lateral moves as few extra slots as the rule allows, so sessions pair a
   lateral move with a loaded one. When there are more moves than slots, it
   picks a subset (the seed decides which), in proportion to the lateral and
   other moves available.
3. Deal the slots round-robin over the sessions, lateral moves first. Because
   no move appears more often than there are sessions, a move never lands
   twice in one session; because the lateral slots come first and number at
   least ``days``, every session gets one; and session sizes differ by at most
   one, so each holds 2 or 3 moves.
4. Order each session's moves as the source lists them: the loaded hinge and
   split squat while fresh, then the step-up, lunge and band work.

The seed shuffles the moves before steps 2 and 3 (seed 0 keeps catalogue
order), so other seeds give other valid patterns. Every step is a handful of
list operations: a catalogue of 1,000 moves plans as quickly as one of five.

The weekdays come from :mod:`glutemed.runs` (around the long and hard runs,
48 hours apart) unless the runner names them; with a race, :func:`_taper`
reshapes the last week before it.

Progression (``weeks`` > 1) runs in four-week cycles: three building weeks in
which the rep target climbs from the bottom of each move's range to its top,
then a lighter week (2 sets, the bottom of the range). Each new cycle adds a
set, up to 4: a double progression in which reps rise first and the load goes
up when the top of the range is reached.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from glutemed import runs
from glutemed.about import NOTHING_LOGGED
from glutemed.catalogue import OPTIONAL_EQUIPMENT, Catalogue, Exercise, Reps
from glutemed.errors import FieldError, PlanError
from glutemed.rules import DAYS, EQUIPMENT, ROUTINE, SETS, WEEKDAYS, WEEKS, parse_level
from glutemed.text import and_list, plural

#: Sets in the first cycle when the runner sets none: fewer sessions, more sets.
BASE_SETS: dict[int, int] = {1: 3, 2: 3, 3: 2}
MIN_SETS, MAX_SETS = SETS.low, SETS.high
MAX_DAYS, MAX_WEEKS = DAYS.high, WEEKS.high
#: Minutes estimate: seconds per rep (slow and controlled) and rest after each set.
SECONDS_PER_REP = 4
REST_SECONDS = 60


@dataclass(frozen=True)
class PlanOptions:
    """What the runner asked for. Checked on creation; a bad value raises FieldError naming it.

    ``weekdays`` (0 = Monday) are the days the runner picked with ``--on``;
    without them glutemed chooses ``days`` days around the runs (see
    :mod:`glutemed.runs`). ``days`` defaults to 3, or to the number of
    ``weekdays`` given.
    """

    days: int | None = None
    weekdays: tuple[int, ...] | None = None
    available: frozenset[str] = frozenset(EQUIPMENT)
    sets: int | None = None
    weeks: int = 1
    start: date | None = None
    seed: int = 0
    long_run: int | None = None
    hard: tuple[int, ...] = ()
    race: date | None = None
    level: str = "standard"
    #: The runner's routine (slugs, ``--moves``): every session does every one.
    moves: tuple[str, ...] | None = None
    #: Moves in a routine glutemed chooses (``--size``); None: by days a week.
    size: int | None = None

    def __post_init__(self) -> None:
        if self.weekdays is not None:
            if self.days is not None and self.days != len(self.weekdays):
                raise FieldError(
                    "days",
                    f"{self.days} disagrees with {{weekdays}}, which names "
                    f"{plural(len(self.weekdays), 'day')}",
                )
            if len(set(self.weekdays)) != len(self.weekdays):
                raise FieldError("weekdays", "names a day twice; give each day once")
        if self.wanted_days not in DAYS:
            field = "days" if self.days is not None else "weekdays"
            raise FieldError(field, f"takes {DAYS.takes}, not {self.wanted_days}")
        days = [
            *(self.weekdays or ()),
            *self.hard,
            *([] if self.long_run is None else [self.long_run]),
        ]
        if not all(0 <= day < 7 for day in days):
            raise FieldError("weekdays", "takes weekdays 0 (Monday) to 6 (Sunday)")
        if self.sets is not None and self.sets not in SETS:
            raise FieldError("sets", f"takes {SETS.takes}, not {self.sets}")
        if self.weeks not in WEEKS:
            raise FieldError("weeks", f"takes {WEEKS.takes}, not {self.weeks}")
        if self.start is not None and self.start > date.max - timedelta(weeks=self.weeks + 1):
            raise FieldError("start", "is too far in the future to plan from")
        if self.race is not None:
            if self.start is None:
                raise FieldError("race", "needs a start date ({start})")
            if self.race <= self.start:
                raise FieldError("race", "must be after the plan starts")
        if self.size is not None:
            if self.size not in ROUTINE:
                raise FieldError("size", f"takes {ROUTINE.takes}, not {self.size}")
            if self.moves is not None and len(self.moves) != self.size:
                raise FieldError("size", "disagrees with {moves}; give one of them")
        try:
            parse_level(self.level)
        except ValueError as err:
            raise FieldError("level", str(err)) from None
        unknown = self.available - set(EQUIPMENT)
        if unknown:
            raise FieldError("equipment", f"holds unknown equipment: {', '.join(sorted(unknown))}")

    @property
    def wanted_days(self) -> int:
        if self.days is not None:
            return self.days
        return 3 if self.weekdays is None else len(self.weekdays)


def weeks_until(start: date, race: date) -> int:
    """Weeks from ``start`` up to the race, at least 1 and at most 12."""
    return max(1, min(MAX_WEEKS, math.ceil((race - start).days / 7)))


#: Fields of a planner result that JSON leaves out (they go to stderr).
NOT_JSON = frozenset({"warnings"})


def jsonable(value: Any) -> Any:
    """A planner result as plain JSON data: dates as ISO text, rep ranges as
    ``{"min", "max"}``, and no warnings."""
    if isinstance(value, Reps):
        return {"min": value.min, "max": value.max}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: jsonable(v) for k, v in value._asdict().items() if k not in NOT_JSON}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


class PlannedExercise(NamedTuple):
    slug: str
    name: str
    sets: int
    reps: Reps
    target_reps: int
    per_side: bool
    lateral: bool
    equipment: list[str]
    variant: str | None = None
    suggested_load: str | None = None
    reason: str | None = None

    @property
    def form_name(self) -> str:
        """The name of the form to do: the variant's, or the move's own."""
        return self.variant or self.name

    @property
    def prescription(self) -> str:
        """``3 x 6-12 reps each side``: the same words in every view and export."""
        return f"{self.sets} x {self.reps} reps{' each side' if self.per_side else ''}"


RUN_TEXT = {"hard": "after your hard run", "long": "on your long-run day"}


class Session(NamedTuple):
    week: int
    weekday: str
    date: date | None
    run: str | None
    minutes: int
    exercises: list[PlannedExercise]

    @property
    def title(self) -> str:
        """``Week 1 · Tuesday · 2026-12-01 · after your hard run`` (date and run when known)."""
        when = f" · {self.date.isoformat()}" if self.date else ""
        run = f" · {RUN_TEXT[self.run]}" if self.run else ""
        return f"Week {self.week} · {self.weekday}{when}{run}"


class Runs(NamedTuple):
    long: str | None
    hard: list[str]
    race: date | None


class Plan(NamedTuple):
    days: int
    weekdays: list[str]
    weeks: int
    seed: int
    available: list[str]
    equipment: list[str]
    routine: list[str]
    routine_reason: str
    runs: Runs
    notes: list[str]
    sessions: list[Session]
    warnings: list[str]


def fitting(catalogue: Catalogue, available: frozenset[str]) -> list[Exercise]:
    """The moves with a form this equipment allows, in catalogue order."""
    return [exercise for exercise in catalogue if exercise.fits(available)]


#: For each move, the load to use next and why (from the training log).
Loads = Mapping[str, tuple[str | None, str]]


def make_plan(catalogue: Catalogue, options: PlanOptions, loads: Loads | None = None) -> Plan:
    """Plan ``options.weeks`` weeks of sessions from the catalogue.

    ``loads`` (slug -> (suggested load, reason)), read from the training log by
    the caller, is carried onto every planned exercise.
    """
    loads = loads or {}
    moves = fitting(catalogue, options.available)
    if options.moves is not None:
        moves = _routine(catalogue, options, moves)
    elif len(moves) < 2:
        raise PlanError(_too_few(catalogue, moves, options.available))
    warnings: list[str] = []
    if options.weekdays is not None:
        weekdays = tuple(sorted(options.weekdays))
        warnings += runs.spacing_warnings(weekdays)
        warnings += runs.collisions(weekdays, options.long_run, options.hard)
    else:
        weekdays, fewer = runs.choose_weekdays(options.wanted_days, options.long_run, options.hard)
        warnings += fewer
        if not weekdays:
            raise PlanError(warnings[0].replace("only 0 of", "none of"))
    if not any(move.lateral for move in moves):
        warnings.append(
            "nothing in this plan works the hip sideways: no lateral move fits "
            "your catalogue and equipment"
        )
    notes = []
    on_hard = [WEEKDAYS[day] for day in weekdays if day in options.hard]
    if on_hard and options.weekdays is None:
        notes.append(
            f"Strength on {and_list(on_hard)} comes after your hard run: "
            "keep hard days hard and easy days easy."
        )
    if options.moves is not None:
        routine, reason = list(moves), "the moves you chose"
    else:
        routine, reason = choose_routine(moves, options, len(weekdays))
    # The source's rule, per move: each move of the routine in every session.
    pattern = [list(routine) for _ in weekdays]
    by_weekday = dict(zip(weekdays, pattern, strict=True))
    sessions = [
        _session(week, weekday, when, by_weekday[weekday], options, len(weekdays), loads)
        for week, weekday, when in _calendar(options, weekdays)
    ]
    if options.race is not None:
        sessions, race_notes = _taper(sessions, pattern, options, weekdays, loads)
        notes += race_notes
    notes += _form_notes(sessions, options)
    needed = {item for session in sessions for e in session.exercises for item in e.equipment}
    return Plan(
        days=len(weekdays),
        weekdays=[WEEKDAYS[day] for day in weekdays],
        weeks=options.weeks,
        seed=options.seed,
        available=[item for item in EQUIPMENT if item in options.available],
        equipment=[item for item in EQUIPMENT if item in needed and item not in OPTIONAL_EQUIPMENT],
        routine=[move.slug for move in routine],
        routine_reason=reason,
        runs=Runs(
            long=None if options.long_run is None else WEEKDAYS[options.long_run],
            hard=[WEEKDAYS[day] for day in sorted(options.hard)],
            race=options.race,
        ),
        notes=notes,
        sessions=sessions,
        warnings=warnings,
    )


def _taper(
    sessions: list[Session],
    pattern: list[list[Exercise]],
    options: PlanOptions,
    weekdays: tuple[int, ...],
    loads: Loads,
) -> tuple[list[Session], list[str]]:
    """The race week: one short session early in the last 7 days, then rest.

    Sessions on or after the race, and in the 4 days before it, are dropped.
    Of the sessions 7 to 5 days before the race the first is kept, cut to 2
    moves and 2 sets; if none falls there, one is added on the first of those
    days the runs rules allow (and at least 48 hours after the last session).
    """
    assert options.race is not None and options.start is not None
    race = options.race
    first, last, rest = runs.race_days(race)
    first = max(first, options.start)
    before = [s for s in sessions if s.date is not None and s.date < first]
    window = [s for s in sessions if s.date is not None and first <= s.date <= last]
    if window:
        short = _short_session(window[0])
    elif first <= last:
        blocked = runs.blocked_days(options.long_run, options.hard)
        previous = before[-1].date if before else None
        candidates = [first + timedelta(days=n) for n in range((last - first).days + 1)]

        def fits(day: date) -> tuple[bool, bool]:
            spaced = previous is None or (day - previous).days >= 2
            return day.weekday() not in blocked, spaced

        chosen = max(candidates, key=lambda day: (*fits(day), -day.toordinal()))
        moves = pattern[0]
        week = (chosen - options.start).days // 7 + 1
        added = _session(week, chosen.weekday(), chosen, moves, options, len(weekdays), loads)
        short = _short_session(added)
    else:
        short = None
    kept = [*before, *([short] if short else [])]
    if short is not None:
        first_part = (
            f"one short session ({short.weekday} {short.date}, 2 moves, 2 sets) "
            "early in race week, then "
        )
    else:
        first_part = ""
    notes = [
        f"Race on {race.isoformat()}: {first_part}no strength work from "
        f"{rest.isoformat()} on, so your legs are fresh on race day."
    ]
    return kept, notes


def _short_session(session: Session) -> Session:
    """The same session cut to 2 moves (keeping a lateral one) and 2 sets each."""
    exercises = session.exercises
    lateral = [e for e in exercises if e.lateral][:1]
    others = [e for e in exercises if e not in lateral]
    keep = sorted([*lateral, *others][:2], key=exercises.index)
    short = [e._replace(sets=MIN_SETS) for e in keep]
    return session._replace(exercises=short, minutes=minutes(short))


#: Moves in a routine glutemed chooses, by sessions a week: glutemed's choice (the
#: source says 2 to 3), so that a session stays short when there are more of them.
ROUTINE_SIZE: dict[int, int] = {1: 3, 2: 3, 3: 2}


def choose_routine(
    moves: Sequence[Exercise], options: PlanOptions, days: int
) -> tuple[list[Exercise], str]:
    """The routine glutemed picks from the moves that fit, and why, in one line.

    glutemed's rules: 3 moves for 1 or 2 sessions a week and 2 for 3 (``size``
    overrides); one move that works the hip sideways where one fits; moves whose
    standard form the equipment allows first; the rest in catalogue order, or
    shuffled by a non-zero seed. The routine keeps catalogue order.
    """
    size = min(options.size or ROUTINE_SIZE[days], len(moves))
    rng = random.Random(options.seed)

    def ranked(group: list[Exercise]) -> list[Exercise]:
        standard = [move for move in group if move.needs <= options.available]
        other = [move for move in group if not move.needs <= options.available]
        if options.seed:
            rng.shuffle(standard)
            rng.shuffle(other)
        return standard + other

    lateral = ranked([move for move in moves if move.lateral])
    others = ranked([move for move in moves if not move.lateral])
    picked = lateral[:1] + others[: size - len(lateral[:1])]
    picked += lateral[1 : 1 + size - len(picked)]
    order = {move.slug: index for index, move in enumerate(moves)}
    routine = sorted(picked, key=lambda move: order[move.slug])
    why = [
        f"{plural(size, 'move')} for {plural(days, 'session')} a week "
        "(glutemed's choice, so a session stays short; --size changes it)"
    ]
    sideways = [move.name for move in routine if move.lateral]
    if sideways:
        why.append(
            f"{and_list(sideways)} {'works' if len(sideways) == 1 else 'work'} the hip "
            "sideways (glutemed's rule: a lateral move in every session)"
        )
    return routine, "; ".join(why)


def _calendar(
    options: PlanOptions, weekdays: tuple[int, ...]
) -> list[tuple[int, int, date | None]]:
    """(week, weekday, date) of every session in order; weeks start at ``start``."""
    if options.start is None:
        return [(week, day, None) for week in range(1, options.weeks + 1) for day in weekdays]
    first = options.start.weekday()
    offsets = sorted((day - first) % 7 for day in weekdays)
    return [
        (week, (first + offset) % 7, options.start + timedelta(days=7 * (week - 1) + offset))
        for week in range(1, options.weeks + 1)
        for offset in offsets
    ]


def week_load(week: int, days: int, fixed_sets: int | None) -> tuple[int, float]:
    """Sets and how far up the rep range to aim (0 = bottom, 1 = top) in ``week``."""
    cycle, position = divmod(week - 1, 4)
    if position == 3:  # the lighter week
        return (fixed_sets or MIN_SETS), 0.0
    sets = fixed_sets or min(MAX_SETS, BASE_SETS[days] + cycle)
    return sets, position / 2


def _session(
    week: int,
    weekday: int,
    when: date | None,
    moves: list[Exercise],
    options: PlanOptions,
    days: int,
    loads: Loads,
) -> Session:
    sets, climb = week_load(week, days, options.sets)
    planned = []
    for move in moves:
        variant = move.form(options.level, options.available)
        # The log does not record forms yet: its loads are taken as the source's
        # form's, so another form gets no load suggestion from them.
        load, reason = (None, None) if variant else loads.get(move.slug, (None, NOTHING_LOGGED))
        planned.append(
            PlannedExercise(
                slug=move.slug,
                name=move.name,
                sets=sets,
                reps=move.reps,
                target_reps=move.reps.min
                + math.floor((move.reps.max - move.reps.min) * climb + 0.5),
                per_side=move.per_side,
                lateral=move.lateral,
                equipment=list(variant.equipment if variant else move.equipment),
                variant=variant.name if variant else None,
                suggested_load=load,
                reason=reason,
            )
        )
    return Session(
        week=week,
        weekday=WEEKDAYS[weekday],
        date=when,
        run=runs.run_on(weekday, options.long_run, options.hard),
        minutes=minutes(planned),
        exercises=planned,
    )


def _routine(catalogue: Catalogue, options: PlanOptions, fit: Sequence[Exercise]) -> list[Exercise]:
    """The moves of the runner's routine, in the order given; PlanError for one
    that no form of fits the equipment."""
    fitting_slugs = {move.slug for move in fit}
    by_slug = {move.slug: move for move in catalogue}
    routine = []
    for slug in options.moves or ():
        move = by_slug[slug]
        if slug not in fitting_slugs:
            have = ", ".join(item for item in EQUIPMENT if item in options.available) or "none"
            kits = [move.needs, *(form.needs for form in move.variants)]
            needs = sorted({" and ".join(sorted(kit)) for kit in kits})
            raise PlanError(
                f"{slug} has no form your equipment ({have}) allows; "
                f"its forms need {' or '.join(needs)}"
            )
        routine.append(move)
    return routine


def _form_notes(sessions: Sequence[Session], options: PlanOptions) -> list[str]:
    """One line naming the moves planned in a form other than the source's."""
    changed = {
        e.slug: f"{e.name} as {e.variant}" for s in sessions for e in s.exercises if e.variant
    }
    if not changed:
        return []
    why = (
        f"the {options.level} forms you asked for"
        if options.level != "standard"
        else "forms your equipment allows"
    )
    return [
        f"Planned in other forms, {why} (glutemed's additions, not the source's; "
        f"'glutemed show MOVE' gives their steps): {'; '.join(changed.values())}."
    ]


def minutes(exercises: Sequence[PlannedExercise]) -> int:
    """Estimated minutes: reps x seconds per rep x sides, plus rest between sets."""
    work = sum(
        e.sets * e.target_reps * SECONDS_PER_REP * (2 if e.per_side else 1) for e in exercises
    )
    rests = max(0, sum(e.sets for e in exercises) - 1) * REST_SECONDS
    return math.ceil((work + rests) / 60)


def _too_few(catalogue: Catalogue, moves: list[Exercise], available: frozenset[str]) -> str:
    if len(catalogue) < 2:
        return (
            f"the catalogue has only {plural(len(catalogue), 'move')}; "
            "a session needs 2 different moves"
        )
    have = ", ".join(item for item in EQUIPMENT if item in available) or "none"
    fit = ", ".join(move.slug for move in moves) or "none"
    unlocks = []
    for item in EQUIPMENT:
        if item in available or item in OPTIONAL_EQUIPMENT:
            continue
        have_slugs = {move.slug for move in moves}
        more = [m.slug for m in fitting(catalogue, available | {item}) if m.slug not in have_slugs]
        if more:
            unlocks.append(
                f"{item} would add {', '.join(more[:3])}" + (" ..." if len(more) > 3 else "")
            )
    hint = "; ".join(unlocks) if unlocks else "no single item adds a move"
    return (
        f"only {plural(len(moves), 'move')} {'fits' if len(moves) == 1 else 'fit'} your "
        f"equipment ({have}): {fit}; a session needs 2. "
        f"{hint[0].upper()}{hint[1:]}."
    )
