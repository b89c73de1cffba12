"""What is due on a day: the planned session, what is logged, what is left, what comes next.

Pure: a catalogue, the options of the runner's week (from the saved programme
or the settings), the log's sets and a day in; a :class:`Due` out. The
session's numbers (target reps, load, form) come from the sets logged before
that day, so the morning's view and the evening's agree; the next session's
from everything logged up to and including it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from glutemed.core.plan import Plan, PlanOptions, Session, jsonable
from glutemed.core.planner import fresh_session, make_plan
from glutemed.core.schedule import run_on

if TYPE_CHECKING:
    from glutemed.core.catalogue import Catalogue
    from glutemed.core.sets import LoggedSet, Pain


class Left(NamedTuple):
    """A move of the day's session with sets still to do."""

    slug: str
    name: str
    done: int
    sets: int


class Due(NamedTuple):
    date: date
    run: str | None
    session: Session | None
    logged: list[LoggedSet]
    left: list[Left]
    next: Session | None
    notes: list[str]
    #: The pain scores recorded that day (a move's, or the morning's).
    pains: tuple[Pain, ...] = ()

    @property
    def done(self) -> bool:
        """Whether every planned set of the day's session is logged."""
        return self.session is not None and not self.left


def due(
    catalogue: Catalogue,
    options: PlanOptions,
    history: Sequence[LoggedSet],
    day: date,
    notes: Sequence[str] = (),
    pains: Sequence[Pain] = (),
) -> Due:
    """What is due on ``day`` under ``options`` (a plan that covers the day), from the
    sets and pain scores logged before it."""
    before = [item for item in history if item.date < day]
    hurt = [pain for pain in pains if pain.date <= day]
    plan = make_plan(catalogue, options, before, pains=hurt)
    planned = next((s for s in plan.sessions if s.date == day), None)
    session = (
        fresh_session(catalogue, options, plan, planned, before, pains=hurt) if planned else None
    )
    logged = sorted((s for s in history if s.date == day), key=lambda s: (s.slug, s.set))
    left = _left(session, logged) if session else []
    later = next((s for s in plan.sessions if s.date > day), None)
    upto = [item for item in history if item.date <= day]
    following = fresh_session(catalogue, options, plan, later, upto, pains=pains) if later else None
    return Due(
        date=day,
        run=_run(options, day),
        session=session,
        logged=logged,
        left=left,
        next=following,
        notes=[*notes, *_race(plan, day)],
        pains=tuple(pain for pain in pains if pain.date == day),
    )


def _run(options: PlanOptions, day: date) -> str | None:
    """The run on ``day``: from the runner's calendar where one is read, else the week's."""
    for when, kind, _ in options.calendar or ():
        if when == day and kind in ("long", "hard"):
            return kind
    return run_on(day.weekday(), options.long_run, options.hard)


def _left(session: Session, logged: Sequence[LoggedSet]) -> list[Left]:
    counts: dict[str, int] = {}
    for item in logged:
        counts[item.slug] = counts.get(item.slug, 0) + 1
    return [
        Left(e.slug, e.form_name, counts.get(e.slug, 0), e.sets)
        for e in session.exercises
        if counts.get(e.slug, 0) < e.sets
    ]


def _race(plan: Plan, day: date) -> list[str]:
    race = plan.runs.race
    if race is None or day >= race:
        return []
    return [f"Race on {race.isoformat()}: {(race - day).days} days to go."]


def as_json(found: Due) -> dict[str, Any]:
    """``{"date", "run", "session", "logged", "pains", "left", "done", "next", "notes"}``."""
    following = found.next
    return {
        "date": found.date.isoformat(),
        "run": found.run,
        "session": jsonable(found.session) if found.session else None,
        "logged": [item.as_dict() for item in found.logged],
        "pains": [pain.as_dict() for pain in found.pains],
        "left": [item._asdict() for item in found.left],
        "done": found.done,
        "next": (
            {
                "date": following.date.isoformat(),
                "weekday": following.weekday,
                "exercises": jsonable(following.exercises),
            }
            if following
            else None
        ),
        "notes": found.notes,
    }
