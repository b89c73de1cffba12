"""A runner's week: which weekdays strength sessions may take around the runs.

Rules that are never broken when glutemed chooses the days:

- no session on the long-run day, nor on the day before it;
- no session on the day before a hard run;
- at least 48 hours between sessions, counting across the weekend.

Among the layouts that keep them, glutemed prefers, in this order:

1. the most sessions on hard-run days (strength after the hard run: keep hard
   days hard and easy days easy);
2. the widest spacing (the largest smallest gap between sessions);
3. the earliest days in the week.

With no runs given this gives Monday; Monday and Thursday; and Monday,
Wednesday and Friday. When the rules leave room for fewer sessions than asked,
the plan has as many as fit and says which run took which day.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from itertools import combinations, pairwise

from glutemed.rules import WEEKDAYS

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
        "the gluteus medius recovers best with a day between sessions"
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
    for count in range(days, 0, -1):
        layouts = [c for c in combinations(free, count) if min(gaps(c)) >= 2]
        if layouts:
            best = min(layouts, key=lambda c: (-len(hard_set.intersection(c)), -min(gaps(c)), c))
            warnings = [] if count == days else [_fewer(days, count, blocked)]
            return best, warnings
    return (), [_fewer(days, 0, blocked)]


def _fewer(asked: int, fitted: int, blocked: dict[int, str]) -> str:
    taken = "; ".join(f"{WEEKDAYS[day]}: {why}" for day, why in sorted(blocked.items()))
    return (
        f"only {fitted} of the {asked} sessions you asked for fit around your runs "
        f"with 48 hours between sessions ({taken})"
    )


def collisions(weekdays: Sequence[int], long_run: int | None, hard: Sequence[int]) -> list[str]:
    """Warnings for days chosen with --on that the runs rules would have kept free."""
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
    calendar: Sequence[tuple[date, str]],
    days: Sequence[date],
    long_run: int | None,
    hard: Sequence[int],
) -> dict[date, str]:
    """The ``days`` the runs rule out, each with the reason: the calendar's long runs
    (and the day before), the day before its hard runs and its races, and the weekly
    ``long_run`` and ``hard`` days given as options."""
    weekly = blocked_days(long_run, hard)
    blocked: dict[date, str] = {}
    for day, kind in calendar:
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
) -> list[date]:
    """The best dates of one week for up to ``wanted`` sessions around the runs: the
    weekday rules of :func:`choose_weekdays`, applied per date, with 48 hours after
    ``previous`` (the last session before this week)."""
    hard_set = set(hard_days)
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
            best = min(layouts, key=lambda c: (-len(hard_set.intersection(c)), -_spread(c), c))
            return list(best)
    return []


def _spread(layout: Sequence[date]) -> int:
    """The smallest gap in days between a week's sessions (7 for one session)."""
    gaps = [(b - a).days for a, b in pairwise(layout)]
    return min(gaps) if gaps else 7
