"""The runner's programme: a plan kept with ``plan --save`` (stored by
:mod:`glutemed.storage.programmes`).

What is kept is what rebuilds the same plan: its options (the routine named,
the start fixed) and, for ``log``, the form each move is planned in. A later
save replaces an earlier one from its own start on; logged sets stay. The
programme in force on a day is the latest saved of those started by then.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from glutemed.core import schedule
from glutemed.core.rules import WEEKS

#: Weeks a saved programme lasts when it was saved with no race and no weeks: the most
#: a plan holds.
LASTS = WEEKS.high

if TYPE_CHECKING:
    from glutemed.core.plan import Plan, PlanOptions


@dataclass(frozen=True)
class Programme:
    start: date
    #: The options, as JSON data (dates as ISO text, sets as sorted lists).
    options: Mapping[str, Any]
    #: slug -> the name of the form its first session is planned in (None: its own).
    forms: Mapping[str, str | None]
    #: When it was saved (ISO date and time), as the log keeps it.
    saved_at: str = ""

    def plan_options(self, today: date) -> PlanOptions:
        """The options that rebuild the saved plan, on ``today``: the whole programme, up
        to its race, for the weeks it was saved with, or for :data:`LASTS` weeks."""
        from glutemed.core.plan import PlanOptions

        data = dict(self.options)
        for key in ("start", "race"):
            data[key] = date.fromisoformat(data[key]) if data.get(key) else None
        for key in ("weekdays", "hard", "moves"):
            data[key] = tuple(data[key]) if data.get(key) is not None else None
        data["hard"] = data["hard"] or ()
        data["available"] = frozenset(data["available"])
        data["levels"] = dict(data.get("levels") or {})
        if data["race"] is None and data.get("weeks") is None:
            data["weeks"] = LASTS
        return PlanOptions(**data, today=today)

    def end(self) -> date:
        """The last day of the programme: its race, or the Sunday of its last week."""
        race = self.options.get("race")
        if race:
            return date.fromisoformat(str(race))
        weeks = self.options.get("weeks") or LASTS
        return schedule.monday_of(self.start) + timedelta(weeks=int(weeks), days=-1)


def record(options: PlanOptions, plan: Plan) -> dict[str, Any]:
    """What is kept of a plan: its options with the routine and start fixed, and its forms."""
    data = {
        field.name: getattr(options, field.name)
        for field in dataclasses.fields(options)
        if field.name not in ("today", "calendar")  # a calendar is read afresh
    }
    data.update(
        start=plan.start.isoformat(),
        race=options.race.isoformat() if options.race else None,
        available=sorted(options.available),
        steps=dict(options.steps),
        levels=dict(options.levels),
        # The routine as planned: a rotating one is rebuilt from its seed instead.
        moves=None if options.rotate else list(plan.routine),
        favour=None if not options.rotate else options.favour,
        size=None,
    )
    forms: dict[str, str | None] = {}
    for session in plan.sessions:
        for exercise in session.exercises:
            forms.setdefault(exercise.slug, exercise.variant)
    return {"options": data, "forms": forms}
