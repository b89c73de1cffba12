"""A plan's days around the runner's calendar: date by date, week by week, with the
week that no day fits and the notes that say how the sessions sit (glutemed's rules,
:mod:`glutemed.core.schedule`'s; this module applies them to a calendar's dates)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from glutemed.core import schedule
from glutemed.core.plan import PlanOptions, Session
from glutemed.core.text import and_list, plural


def calendar_note(sessions: Sequence[Session], calendar: schedule.RunCalendar) -> str:
    """How a calendar placed the sessions, and how many fell on its strength days."""
    return (
        "Days chosen week by week around your calendar's runs (glutemed's rules: none on "
        "a long run or a race, nor the day before a long or hard run; its strength days "
        f"first where they fit): {placed(sessions, calendar)}."
    )


def placed(sessions: Sequence[Session], calendar: schedule.RunCalendar) -> str:
    """``around your calendar's runs; 4 of 12 sessions on its strength days``."""
    strength = {run.date for run in calendar if run.kind == "strength"}
    if not strength:
        return "around your calendar's runs"
    on = sum(1 for session in sessions if session.date in strength)
    return (
        f"around your calendar's runs; {on} of {plural(len(sessions), 'session')} "
        "on your calendar's strength days"
    )


def every_day(span: schedule.Span) -> list[date]:
    return [span.monday + timedelta(days=n) for n in range(7 * span.weeks + 7)]


#: How :func:`glutemed.core.schedule.blocked_dates` names the day before a hard run.
BEFORE_HARD = "the day before your hard run"


def calendar_days(
    span: schedule.Span, options: PlanOptions, calendar: schedule.RunCalendar
) -> tuple[list[date], list[str]]:
    """The session days of each plan week around the calendar's runs, and a warning for
    the weeks where fewer than the days asked for fit."""
    blocked = schedule.blocked_dates(calendar, every_day(span), options.long_run, options.hard)
    hard_days = {run.date for run in calendar if run.kind == "hard"}
    hard_days |= {day for day in every_day(span) if day.weekday() in options.hard}
    strength_days = {run.date for run in calendar if run.kind == "strength"}
    chosen: list[date] = []
    eased: list[str] = []
    short: list[str] = []
    for week in range(span.weeks):
        monday = span.monday + timedelta(weeks=week)
        dates = [
            monday + timedelta(days=n)
            for n in range(7)
            if monday + timedelta(days=n) >= span.begin
            and (span.race is None or monday + timedelta(days=n) < span.race)
        ]
        picked = schedule.choose_dates(
            dates,
            options.wanted_days,
            blocked,
            hard_days,
            chosen[-1] if chosen else None,
            strength_days,
        )
        if not picked and dates:
            # A week with no day that keeps every rule still gets one session: the rule
            # that gives way is the day before a hard run (glutemed's choice: a session
            # every week keeps the habit; a long run or race day never gives way).
            relaxed = {d: why for d, why in blocked.items() if not why.startswith(BEFORE_HARD)}
            picked = schedule.choose_dates(
                dates, 1, relaxed, hard_days, chosen[-1] if chosen else None, strength_days
            )
            if picked:
                eased.append(f"week {week + 1}")
        if len(picked) < options.wanted_days and dates:
            short.append(f"week {week + 1} ({len(picked)})")
        chosen += picked
    warnings = []
    if eased:
        warnings.append(
            f"no day kept every rule in {and_list(eased[:4])}"
            + (f" and {len(eased) - 4} more weeks" if len(eased) > 4 else "")
            + ": each has one session the day before a hard run, so you train every week"
        )
    if short:
        warnings.append(
            f"fewer sessions than the {options.wanted_days} a week you asked for fit around "
            f"your calendar's runs with 48 hours between sessions in {and_list(short[:4])}"
            + (f" and {len(short) - 4} more weeks" if len(short) > 4 else "")
        )
    return chosen, warnings


def collisions(
    days: Sequence[date], calendar: schedule.RunCalendar, options: PlanOptions
) -> list[str]:
    """Warnings for days fixed by the runner (``weekdays``) that the calendar's runs
    would have kept free."""
    blocked = schedule.blocked_dates(calendar, list(days), None, ())
    return [
        f"{day.isoformat()} is {why}; a strength session there may tire you for the run"
        for day, why in sorted(blocked.items())
    ][:5]
