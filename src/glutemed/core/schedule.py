"""A runner's week: the days strength sessions may take around the runs, and the weeks
and race a plan is counted in. Pure: no I/O.

## The days around the runs

Rules that are never broken when glutemed chooses the days:

- no session on the long-run day, nor on the day before it;
- no session on the day before a hard run;
- at least 48 hours between sessions, counting across the weekend.

One exception: with a runner's calendar, a week in which no day keeps them all
still gets one session, the day before a hard run (the rule that gives way
first: a session every week keeps the habit), and the plan says which weeks.

Among the layouts that keep them, glutemed prefers, in this order:

0. none on the day after the long run (a session there, when the days asked for
   need it, is a short one: 2 moves x 2 sets);
1. the most sessions on hard-run days (strength after the hard run: keep hard
   days hard and easy days easy);
2. the widest spacing (the largest smallest gap between sessions);
3. the earliest days in the week.

With no runs given this gives Monday; Monday and Thursday; and Monday,
Wednesday and Friday. When the rules leave room for fewer sessions than asked,
the plan has as many as fit and says which run took which day.

## The weeks, the start and the race

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
  7 days hold one short session, in their first 3 days.

Every refusal is a :class:`FieldError` naming the field, so the command line
shows the flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, pairwise
from typing import NamedTuple

from glutemed.core.rules import WEEKDAYS, WEEKS
from glutemed.core.text import plural
from glutemed.errors import FieldError


class CalendarRun(NamedTuple):
    """A day on the runner's calendar that shapes the plan: its date, its kind
    ("long", "hard" or "race": a run; "strength": the calendar's own strength or core
    work, the days glutemed prefers for its sessions) and, for a race, its distance
    (None if unknown)."""

    date: date
    kind: str
    distance: str | None = None


#: The runs of the runner's calendar (``--runs-from``) that shape a plan.
RunCalendar = tuple[CalendarRun, ...]


#: How many days before a race the one short session may fall (first 3 of the last 7).
RACE_WINDOW = (7, 5)
#: Days before the race with no strength work at all.
RACE_REST_DAYS = 4


def gaps(weekdays: Sequence[int]) -> list[int]:
    """Days from each session to the next, the last wrapping round to next week."""
    ordered = sorted(weekdays)
    if len(ordered) < 2:
        return [7] * len(ordered)
    return [
        (after - here) % 7 for here, after in zip(ordered, [*ordered[1:], ordered[0]], strict=True)
    ]


def spacing_warnings(weekdays: Sequence[int]) -> list[str]:
    """Warnings for chosen weekdays closer than 48 hours, counting across the weekend."""
    ordered = sorted(weekdays)
    if len(ordered) < 2:
        return []
    return [
        f"{WEEKDAYS[here]} and {WEEKDAYS[after]} are less than 48 hours apart; "
        "glutemed keeps a day between sessions (general resistance-training advice)"
        for here, after, gap in zip(ordered, [*ordered[1:], ordered[0]], gaps(ordered), strict=True)
        if gap < 2
    ]


def blocked_days(long_run: int | None, hard: Sequence[int]) -> dict[int, str]:
    """Weekdays the runs rule out, each with the reason."""
    blocked: dict[int, str] = {}
    if long_run is not None:
        blocked[long_run] = "your long run"
        blocked.setdefault((long_run - 1) % 7, "the day before your long run")
    for day in sorted(hard):
        blocked.setdefault((day - 1) % 7, f"the day before your hard run on {WEEKDAYS[day]}")
    return blocked


def choose_weekdays(
    days: int, long_run: int | None, hard: Sequence[int]
) -> tuple[tuple[int, ...], list[str]]:
    """The best layout of up to ``days`` sessions around the runs, and any warnings.

    Returns fewer days than asked (with a warning saying why) when the rules
    leave no room; an empty layout when no day at all is free.
    """
    blocked = blocked_days(long_run, hard)
    free = [day for day in range(7) if day not in blocked]
    hard_set = set(hard)
    after = after_long_run(long_run)
    for count in range(days, 0, -1):
        layouts = [c for c in combinations(free, count) if min(gaps(c)) >= 2]
        if layouts:
            # The day after the long run only when the days asked for need it.
            best = min(
                layouts,
                key=lambda c: (after in c, -len(hard_set.intersection(c)), -min(gaps(c)), c),
            )
            warnings = [] if count == days else [_fewer(days, count, blocked)]
            return best, warnings
    return (), [_fewer(days, 0, blocked)]


def after_long_run(long_run: int | None) -> int | None:
    """The weekday after the long run: a session there, when the days asked for need it,
    is a short one (glutemed's rule: the legs are still recovering)."""
    return None if long_run is None else (long_run + 1) % 7


def _fewer(asked: int, fitted: int, blocked: dict[int, str]) -> str:
    taken = "; ".join(f"{WEEKDAYS[day]}: {why}" for day, why in sorted(blocked.items()))
    return (
        f"only {fitted} of the {asked} sessions you asked for fit around your runs "
        f"with 48 hours between sessions ({taken})"
    )


def collisions(weekdays: Sequence[int], long_run: int | None, hard: Sequence[int]) -> list[str]:
    """Warnings for days the runner chose (``weekdays``) that the runs rules would have
    kept free."""
    blocked = blocked_days(long_run, hard)
    return [
        f"{WEEKDAYS[day]} is {blocked[day]}; a strength session there may tire you for the run"
        for day in sorted(weekdays)
        if day in blocked
    ]


def run_on(day: int, long_run: int | None, hard: Sequence[int]) -> str | None:
    """``"long"``, ``"hard"`` or None: the run on that weekday."""
    if day == long_run:
        return "long"
    if day in hard:
        return "hard"
    return None


def race_days(race: date) -> tuple[date, date, date]:
    """(first day of the short-session window, its last day, first day of full rest)."""
    first, last = (race - timedelta(days=n) for n in RACE_WINDOW)
    return first, last, race - timedelta(days=RACE_REST_DAYS)


#: Days without strength work after a race, by distance: glutemed's choice (a longer
#: race, a longer recovery), not the source's.
REST_AFTER: dict[str, int] = {"5k": 2, "10k": 2, "half": 7, "marathon": 14, "ultra": 14}


def blocked_dates(
    calendar: Iterable[CalendarRun],
    days: Sequence[date],
    long_run: int | None,
    hard: Sequence[int],
) -> dict[date, str]:
    """The ``days`` the runs rule out, each with the reason: the calendar's long runs
    (and the day before), the day before its hard runs and its races, and the weekly
    ``long_run`` and ``hard`` days given as options."""
    weekly = blocked_days(long_run, hard)
    blocked: dict[date, str] = {}
    for day, kind, _distance in calendar:
        before = day - timedelta(days=1)
        if kind == "long":
            blocked[day] = f"your long run on {day.isoformat()}"
            blocked.setdefault(before, f"the day before your long run on {day.isoformat()}")
        elif kind == "hard":
            blocked.setdefault(before, f"the day before your hard run on {day.isoformat()}")
        elif kind == "race":
            blocked[day] = f"your race on {day.isoformat()}"
    for day in days:
        if day.weekday() in weekly:
            blocked.setdefault(day, weekly[day.weekday()])
    return {day: why for day, why in blocked.items() if day in set(days)}


def choose_dates(
    week: Sequence[date],
    wanted: int,
    blocked: Mapping[date, str],
    hard_days: Iterable[date],
    previous: date | None,
    strength_days: Iterable[date] = (),
) -> list[date]:
    """The best dates of one week for up to ``wanted`` sessions around the runs: the
    weekday rules of :func:`choose_weekdays`, applied per date, with 48 hours after
    ``previous`` (the last session before this week). Among the layouts that keep
    the rules, the most sessions on the calendar's ``strength_days`` come first
    (glutemed's choice: strength work kept together leaves the other days free)."""
    hard_set = set(hard_days)
    strength_set = set(strength_days)
    free = [
        day
        for day in week
        if day not in blocked and (previous is None or (day - previous).days >= 2)
    ]
    for count in range(min(wanted, len(free)), 0, -1):
        layouts = [
            c for c in combinations(free, count) if all((b - a).days >= 2 for a, b in pairwise(c))
        ]
        if layouts:
            best = min(
                layouts,
                key=lambda c: (
                    -len(strength_set.intersection(c)),
                    -len(hard_set.intersection(c)),
                    -_spread(c),
                    c,
                ),
            )
            return list(best)
    return []


def _spread(layout: Sequence[date]) -> int:
    """The smallest gap in days between a week's sessions (7 for one session)."""
    gaps = [(b - a).days for a, b in pairwise(layout)]
    return min(gaps) if gaps else 7


# When a plan's sessions fall.

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
