"""A plan as glutemed's values: what the runner asked for (:class:`PlanOptions`,
checked on creation) and what the planner made of it (:class:`Plan`, its
:class:`Session` s and their :class:`PlannedExercise` s). Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from glutemed.core.catalogue import Reps
from glutemed.core.rules import (
    BOX_MAX,
    DAYS,
    DISTANCES,
    EQUIPMENT,
    FAVOURS,
    ROUTINE,
    SETS,
    SIDES,
    WEEKDAYS,
    WEEKS,
    parse_level,
)
from glutemed.core.schedule import DEFAULT_DISTANCE, RunCalendar
from glutemed.core.sets import STEPS, parse_step
from glutemed.core.text import and_list, plural
from glutemed.errors import FieldError

if TYPE_CHECKING:
    from glutemed.core.settings import Settings

MAX_WEEKS = WEEKS.high
#: The settings a plan's notes may name, as ``{level}``.
_NAMED = re.compile(r"\{(level|size|rotate)\}")
#: Weeks in a block: each later block adds a set; its last week is lighter.
BLOCK_WEEKS = 4


@dataclass(frozen=True)
class PlanOptions:
    """What the runner asked for. Checked on creation; a bad value raises FieldError naming it.

    ``weekdays`` (0 = Monday) are the days the runner picked with ``--on``;
    without them glutemed chooses ``days`` days around the runs (see
    :mod:`glutemed.core.schedule`). ``days`` defaults to 3, or to the number of
    ``weekdays`` given. ``today`` is the caller's clock: a plan without
    ``start`` begins on it. ``level`` None is the standard form, chosen by
    glutemed (easier forms for a close race with no recent training).
    """

    days: int | None = None
    weekdays: tuple[int, ...] | None = None
    available: frozenset[str] = frozenset(EQUIPMENT)
    sets: int | None = None
    weeks: int | None = None
    start: date | None = None
    today: date = field(default_factory=date.today)
    seed: int = 0
    long_run: int | None = None
    hard: tuple[int, ...] = ()
    race: date | None = None
    race_distance: str = DEFAULT_DISTANCE
    level: str | None = None
    #: The level of single moves (``--level MOVE=LEVEL``), by slug: wins over ``level``.
    levels: Mapping[str, str] = field(default_factory=dict)
    #: The runner's routine (slugs, ``--moves``): every session does every one.
    moves: tuple[str, ...] | None = None
    #: Moves in a routine glutemed chooses (``--size``); None: by days a week.
    size: int | None = None
    favour: str | None = None
    rotate: bool = False
    weak_side: str | None = None
    #: One load step in each unit (the runner's dumbbell step).
    steps: Mapping[str, float] = field(default_factory=lambda: dict(STEPS))
    #: The runner's calendar (``--runs-from``): each run that shapes the week; None
    #: when none is read.
    calendar: RunCalendar | None = None
    #: The highest box a step-up climbs to, in cm: about knee height (glutemed's rule;
    #: ``box_max`` in the config file for a tall runner).
    box_max: int = BOX_MAX

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
        if self.long_run is not None and self.long_run in self.hard:
            raise FieldError(
                "hard",
                f"names {WEEKDAYS[self.long_run]}, the day of your {{long_run}}: a day holds "
                "the long run or a hard run, not both (a long run with fast miles is long)",
            )
        if self.sets is not None and self.sets not in SETS:
            raise FieldError("sets", f"takes {SETS.takes}, not {self.sets}")
        if self.weeks is not None and self.weeks not in WEEKS:
            raise FieldError("weeks", f"takes {WEEKS.takes}, not {self.weeks}")
        begin = self.start or self.today
        if begin > date.max - timedelta(weeks=MAX_WEEKS + 2) or (
            self.race is not None and self.race > date.max - timedelta(weeks=2)
        ):
            raise FieldError("start", "is too far in the future to plan from")
        if self.size is not None:
            if self.size not in ROUTINE:
                raise FieldError("size", f"takes {ROUTINE.takes}, not {self.size}")
            if self.moves is not None and len(self.moves) != self.size:
                raise FieldError("size", "disagrees with {moves}; give one of them")
        for name, value, words in (
            ("race_distance", self.race_distance, DISTANCES),
            ("weak_side", self.weak_side, (None, *SIDES)),
            ("favour", self.favour, (None, *FAVOURS)),
        ):
            if value not in words:
                raise FieldError(name, f"takes {and_list([w for w in words if w], 'or')}")
        if self.moves is not None and (self.rotate or self.favour):
            which = "rotate" if self.rotate else "favour"
            raise FieldError(which, "applies to a routine glutemed picks, not to {moves}")
        for level in [self.level, *self.levels.values()]:
            if level is None:
                continue
            try:
                parse_level(level)
            except ValueError as err:
                raise FieldError("level", str(err)) from None
        unknown = self.available - set(EQUIPMENT)
        if unknown:
            raise FieldError("equipment", f"holds unknown equipment: {', '.join(sorted(unknown))}")

    @classmethod
    def from_settings(
        cls, resolved: Settings, *, weekdays: tuple[int, ...] | None, **fields: Any
    ) -> PlanOptions:
        """The one way settings become plan options (``plan``, ``today``, ``go``): the
        equipment, sets, runs and load step in force, and ``fields`` as given. Training
        days named (``weekdays``) set the number of days; otherwise the settings' do."""
        days = fields.pop("days", None)
        return cls(
            days=days if weekdays is not None else resolved.days,
            weekdays=weekdays,
            available=resolved.equipment,
            sets=resolved.sets,
            long_run=resolved.long_run,
            hard=resolved.hard,
            steps=parse_step(resolved.load_step or "1kg"),
            box_max=resolved.box_max or BOX_MAX,
            **fields,
        )

    @property
    def wanted_days(self) -> int:
        if self.days is not None:
            return self.days
        return 3 if self.weekdays is None else len(self.weekdays)


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
    #: Reps to aim for in every set, and the load: known from the log, else None.
    target_reps: int | None
    per_side: bool
    lateral: bool
    equipment: list[str]
    variant: str | None = None
    suggested_load: str | None = None
    #: What to do in this session, in words: the log's numbers, or the rule.
    advice: str = ""
    #: The weak side that gets one more set (``--weak-side``), or None.
    extra_set: str | None = None
    progression: str = "double"

    @property
    def form_name(self) -> str:
        """The name of the form to do: the variant's, or the move's own."""
        return self.variant or self.name

    @property
    def prescription(self) -> str:
        """``3 x 6-12 reps each side + 1 on the left``: the same words in every view and export."""
        side = " each side" if self.per_side else ""
        extra = f" + 1 on the {self.extra_set}" if self.extra_set else ""
        return f"{self.sets} x {self.reps} reps{side}{extra}"

    @property
    def set_rows(self) -> list[tuple[int, str | None]]:
        """(set number, side) of every set to do and log: the sets, then the weak side's
        extra set, on its side only (None: both sides, or a move done on both legs)."""
        rows: list[tuple[int, str | None]] = [(n, None) for n in range(1, self.sets + 1)]
        return rows + ([(self.sets + 1, self.extra_set)] if self.extra_set else [])

    @property
    def aim(self) -> str:
        """``9+``, or ``-`` when the log does not say."""
        return "-" if self.target_reps is None else f"{self.target_reps}+"

    @property
    def aim_words(self) -> str:
        """``, aim for 9+ at 12kg``, or nothing when the log does not say: never "None+"."""
        aim = f", aim for {self.target_reps}+" if self.target_reps is not None else ""
        return aim + (f" at {self.suggested_load}" if self.suggested_load else "")


RUN_TEXT = {"hard": "after your hard run", "long": "on your long-run day"}


class Session(NamedTuple):
    week: int
    weekday: str
    date: date
    run: str | None
    minutes: int
    exercises: list[PlannedExercise]
    #: "regular", "lighter" (a lighter week) or "taper" (short, before a race).
    kind: str = "regular"

    @property
    def title(self) -> str:
        """``Week 1 · Tuesday · 2026-12-01 · after your hard run`` (and the kind of week)."""
        run = f" · {RUN_TEXT[self.run]}" if self.run else ""
        kind = f" · {self.kind}" if self.kind != "regular" else ""
        return f"Week {self.week} · {self.weekday} · {self.date.isoformat()}{run}{kind}"


class Runs(NamedTuple):
    long: str | None
    hard: list[str]
    race: date | None
    race_distance: str | None
    taper_days: int | None
    #: With a calendar: how the sessions sit in it ("around your calendar's runs; 4 of
    #: 12 sessions on its strength days"); None without one.
    calendar: str | None = None


class Plan(NamedTuple):
    days: int
    weekdays: list[str]
    weeks: int
    start: date
    seed: int
    level: str
    available: list[str]
    equipment: list[str]
    routine: list[str]
    routine_reason: str
    runs: Runs
    notes: list[str]
    sessions: list[Session]
    warnings: list[str]

    def named(self, name: Callable[[str], str]) -> Plan:
        """The plan with the settings its notes name (``{level}``, ``{size}``,
        ``{rotate}``: the core names fields, never flags) shown by ``name``: the
        command line shows each as its flag."""

        def shown(text: str) -> str:
            return _NAMED.sub(lambda found: name(found.group(1)), text)

        return self._replace(
            notes=[shown(note) for note in self.notes], routine_reason=shown(self.routine_reason)
        )

    def from_day(self, day: date) -> Plan:
        """The plan from ``day`` on (a saved programme shown from today): the sessions
        before it left out, and each move's numbers from the log (its aim, load and
        advice) on its first session shown."""
        shown = [session for session in self.sessions if session.date >= day]
        if len(shown) == len(self.sessions):
            return self
        first: dict[str, PlannedExercise] = {}
        for session in self.sessions:
            for exercise in session.exercises:
                first.setdefault(exercise.slug, exercise)
        placed: set[str] = set()
        sessions = []
        for session in shown:
            exercises = []
            for exercise in session.exercises:
                if exercise.slug not in placed:
                    placed.add(exercise.slug)
                    numbers = first[exercise.slug]
                    exercise = exercise._replace(
                        target_reps=numbers.target_reps,
                        suggested_load=numbers.suggested_load,
                        advice=numbers.advice,
                    )
                exercises.append(exercise)
            sessions.append(session._replace(exercises=exercises))
        begin = max(self.start, day)
        weeks = sessions[-1].week - sessions[0].week + 1 if sessions else 0
        return self._replace(sessions=sessions, start=begin, weeks=weeks)

    def first_advice(self) -> list[tuple[str, str]]:
        """(form name, advice) for the first session of each form in the plan."""
        found: dict[str, str] = {}
        for session in self.sessions:
            for exercise in session.exercises:
                found.setdefault(exercise.form_name, exercise.advice)
        return list(found.items())
