"""When a plan's sessions fall: Monday-to-Sunday weeks, a start, and a race counted back. Pure.

glutemed's rules (ours, not the source's, which gives no calendar):

- Weeks run Monday to Sunday, as a wall calendar does. Week 1 is the calendar
  week of the plan's first session, so a start in mid-week gives a short first
  week.
- A plan starts on ``start`` or, without one, today: its first session is the
  first planned weekday on or after that day.
- With a race, the plan ends at the race. Without ``start`` it begins
  :data:`COUNT_BACK` calendar weeks (or ``weeks``) before the race week, or
  today if that is later; with ``start`` it runs from there to the race, which
  may then be at most :data:`COUNT_BACK` weeks (84 days) away. ``start``,
  ``weeks`` and ``race`` given together must agree.
- The taper before a race lasts :data:`TAPER_DAYS` for its distance; the last
  7 days hold one short session, in their first 3 days (see :mod:`glutemed.runs`).

Every refusal is a :class:`FieldError` naming the field, so the command line
shows the flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from glutemed.errors import FieldError
from glutemed.rules import WEEKS
from glutemed.runs import RACE_REST_DAYS, RACE_WINDOW
from glutemed.text import plural

#: Calendar weeks a race plan counts back when no start or weeks are given: the
#: most a plan holds.
COUNT_BACK = WEEKS.high
#: Days of taper before a race, by distance: glutemed's choice (a longer race,
#: a longer taper), not the source's.
TAPER_DAYS: dict[str, int] = {"5k": 7, "10k": 7, "half": 10, "marathon": 14, "ultra": 14}
DEFAULT_DISTANCE = "10k"


@dataclass(frozen=True)
class Span:
    """The days a plan covers.

    ``begin``: no session before it. ``monday``: the Monday of week 1.
    ``weeks``: calendar weeks in the plan. ``race``: the race, or None.
    ``note``: one line saying how the dates were chosen, when glutemed chose them.
    """

    begin: date
    monday: date
    weeks: int
    race: date | None = None
    note: str | None = None

    def days(self, weekdays: Sequence[int]) -> list[date]:
        """Every planned weekday in the plan's weeks, from ``begin`` to before the race."""
        found = []
        for week in range(self.weeks):
            for weekday in sorted(weekdays):
                day = self.monday + timedelta(days=7 * week + weekday)
                if day >= self.begin and (self.race is None or day < self.race):
                    found.append(day)
        return found

    def week_of(self, day: date) -> int:
        """The plan's week number (1 = the first) of a day."""
        return (monday_of(day) - self.monday).days // 7 + 1


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def calendar_weeks(first: date, last: date) -> int:
    """Monday-to-Sunday weeks from the week of ``first`` to that of ``last``, both counted."""
    return (monday_of(last) - monday_of(first)).days // 7 + 1


def first_on(day: date, weekdays: Sequence[int]) -> date:
    """The first of ``weekdays`` on or after ``day``."""
    return min(day + timedelta(days=(weekday - day.weekday()) % 7) for weekday in weekdays)


def span(
    today: date,
    start: date | None,
    weeks: int | None,
    race: date | None,
    weekdays: Sequence[int],
) -> Span:
    """The days a plan covers, from the runner's ``start``, ``weeks`` and ``race``."""
    if race is None:
        begin = start or today
        first = first_on(begin, weekdays)
        return Span(begin, monday_of(first), weeks or 1)
    eve = race - timedelta(days=1)
    note = None
    if start is not None:
        if race <= start:
            raise FieldError("race", "must be after the plan starts")
        count = calendar_weeks(start, eve)
        if (race - start).days > 7 * COUNT_BACK:
            raise FieldError(
                "race",
                f"is more than {COUNT_BACK} weeks after {{start}}, the longest plan: "
                "start later, or leave {start} out to count back from the race",
            )
        if weeks is not None and weeks != count:
            raise FieldError(
                "weeks",
                f"disagrees with {{start}} and {{race}}, which span {plural(count, 'week')} "
                "(Monday to Sunday); give two of the three",
            )
        begin = start
    else:
        if race <= today:
            raise FieldError("race", "must be after today: a plan needs days before the race")
        wanted = weeks or COUNT_BACK
        begin = monday_of(eve) - timedelta(weeks=wanted - 1)
        note = f"the plan starts {begin.isoformat()}, {plural(wanted, 'week')} before the race"
        if begin < today:
            begin = today
            note = (
                f"the plan starts today, {today.isoformat()}: the race is "
                f"fewer than {plural(wanted, 'week')} away"
            )
    last_chance = race - timedelta(days=RACE_WINDOW[1])
    if begin > last_chance:
        raise FieldError(
            "race",
            f"leaves no day for a session after {begin.isoformat()}: the last "
            f"{RACE_REST_DAYS} days before a race are rest",
        )
    # The short session of race week may come before the first planned weekday.
    first = min(first_on(begin, weekdays), max(begin, race - timedelta(days=RACE_WINDOW[0])))
    return Span(begin, monday_of(first), calendar_weeks(first, eve), race, note)
