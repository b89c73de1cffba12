"""The runner's own calendar (``--runs-from``): its bytes (brought in by
:mod:`glutemed.storage.feeds`) read, expanded, and each event classified.

Events are read by icalendar and expanded by recurring-ical-events (repeating
events with their exceptions and moved occurrences, time zones, and a
Google-style ``X-WR-TIMEZONE`` through x-wr-timezone), only between the plan's
dates, so an endless rule costs nothing. Rules that repeat more often than
daily are skipped with a warning. All-day and timed events count on their date
in the runner's time zone.

Each event is read as a coach reads a plan, from its title, description,
categories and length, by :func:`glutemed.core.reading.read_event` (the rules
are there); each week's longest run may then count as long. One event
glutemed cannot read is left out with a warning naming it, never the calendar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from glutemed.core import rules
from glutemed.core.reading import Limits, Reading, longest_of_week, read_event, sanity
from glutemed.core.text import clip, quoted
from glutemed.errors import CalendarError

#: The most a calendar may hold: bytes, and events.
MAX_BYTES = rules.CALENDAR_BYTES
MAX_EVENTS = 20_000


@dataclass(frozen=True)
class RunEvent:
    """One event of the calendar on one day, as glutemed read it."""

    date: date
    title: str
    kind: str | None  # "hard", "long", "easy", "race" or None (not a run)
    why: str  # the reason, in a few words: "long: 16 mi", "not a run: strength"
    distance: str | None = None  # a race's distance (rules.DISTANCES)
    strength: bool = False  # the day holds strength or core work


# Reading the events.


def events(
    data: bytes,
    first: date,
    last: date,
    words: Mapping[str, Sequence[str]] | None = None,
    *,
    warn: Callable[[str], None],
    name: str = "the calendar",
    limits: Limits | None = None,
) -> list[RunEvent]:
    """(Long: each failure the libraries can raise becomes one line of glutemed's.)
    The calendar's events from ``first`` to ``last`` (both included), expanded and
    read, in date order, with a warning where the reading looks wrong
    (:func:`glutemed.core.reading.sanity`). CalendarError for a file that is not a
    calendar; ``name`` is how messages name it; ``limits`` make a run long."""
    import icalendar

    shown = clip(name, 120)
    if len(data) > MAX_BYTES:
        raise CalendarError(f"{shown} is over {MAX_BYTES // 2**20} MiB; not read")
    if data.count(b"BEGIN:VEVENT") > MAX_EVENTS:
        raise CalendarError(f"{shown} holds more than {MAX_EVENTS:,} events; not read")
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception:  # icalendar raises many kinds on a broken file
        raise CalendarError(
            f"{shown} is not an iCalendar file glutemed can read (cut short, or not a calendar)"
        ) from None
    if getattr(calendar, "name", None) != "VCALENDAR":
        raise CalendarError(f"{shown} is not an iCalendar file: it holds no VCALENDAR")
    _drop_fast_rules(calendar, warn)
    _drop_unreadable(calendar, warn)
    unknown = _unknown_zones(calendar)
    try:
        import x_wr_timezone

        calendar = x_wr_timezone.to_standard(calendar)
    except Exception:  # an X-WR-TIMEZONE no zone database knows
        unknown = True
    if unknown:
        warn(f"{shown} names a time zone glutemed does not know; read in your own time zone")
    local = _local_zone()
    found = _expand(calendar, first, last, warn)
    read: list[tuple[date, str, Reading]] = []
    for event in found:
        start = event.get("DTSTART")
        if start is None:
            continue
        when = start.dt
        if isinstance(when, datetime):
            if when.tzinfo is not None:
                when = when.astimezone(local)
            day = when.date()
        else:
            day = when
        if not first <= day <= last:
            continue
        title = " ".join(str(event.get("SUMMARY", "")).split())
        length, days = _length(event)
        reading = read_event(
            title,
            str(event.get("DESCRIPTION", "")),
            _categories(event),
            length=length,
            days=days,
            words=words,
            limits=limits,
        )
        read.append((day, title, reading))
    read.sort(key=lambda item: (item[0], item[1]))
    weighed = longest_of_week([(day, reading) for day, _, reading in read])
    for warning in sanity(weighed, first, last):
        warn(f"{shown}: {warning}")
    return [
        RunEvent(day, title, r.kind, r.why, r.distance, r.strength)
        for (day, title, _), (_, r) in zip(read, weighed, strict=True)
    ]


def _length(event: Any) -> tuple[float | None, int]:
    """(minutes, days): a timed event's length, and the days an all-day event spans
    (1 for one day, or for an end no later than its start)."""
    start = getattr(event.get("DTSTART"), "dt", None)
    end = getattr(event.get("DTEND"), "dt", None)
    if end is None and event.get("DURATION") is not None:
        try:
            end = start + event.get("DURATION").dt
        except Exception:  # a duration icalendar cannot add
            end = None
    if isinstance(start, datetime) and isinstance(end, datetime):
        try:
            minutes = (end - start).total_seconds() / 60
        except TypeError:  # one end with a zone, one without
            return None, 1
        return (minutes if 0 < minutes <= 24 * 60 else None), 1
    if isinstance(start, date) and isinstance(end, date) and not isinstance(end, datetime):
        return None, max(1, (end - start).days)
    return None, 1


def _drop_fast_rules(calendar: Any, warn: Callable[[str], None]) -> None:
    fast = []
    for component in list(calendar.subcomponents):
        rule = component.get("RRULE") if component.name == "VEVENT" else None
        frequency = rule.get("FREQ", [""])[0] if rule else ""
        if str(frequency).upper() in ("HOURLY", "MINUTELY", "SECONDLY"):
            fast.append(str(component.get("SUMMARY", "")))
            calendar.subcomponents.remove(component)
    if fast:
        names = ", ".join(quoted(name, 40) for name in fast[:3])
        warn(f"skipped events that repeat more often than daily: {names}")


def _expand(calendar: Any, first: date, last: date, warn: Callable[[str], None]) -> list[Any]:
    """The events' occurrences from ``first`` to ``last``. Should the libraries fail on
    the whole calendar, each series (the events of one UID) is expanded alone and the
    ones that fail are left out, named in one warning: one bad event never costs the
    rest of the calendar."""
    import recurring_ical_events

    end = last + timedelta(days=1)
    try:
        return list(recurring_ical_events.of(calendar, skip_bad_series=True).between(first, end))
    except Exception:  # the libraries raise many kinds on a broken event
        pass
    import icalendar

    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    series: dict[str, list[Any]] = {}
    for index, component in enumerate(calendar.subcomponents):
        if component.name == "VEVENT":
            series.setdefault(str(component.get("UID", f"#{index}")), []).append(component)
    found: list[Any] = []
    failed: list[str] = []
    for members in series.values():
        alone = icalendar.Calendar()
        for part in [*zones, *members]:
            alone.add_component(part)
        try:
            found += recurring_ical_events.of(alone, skip_bad_series=True).between(first, end)
        except Exception:
            failed.append(_label(members[0], "its repeats cannot be worked out"))
    if failed:
        warn(_skipped(failed))
    return found


#: The years an event may start in: a start outside them is a slip, or data glutemed
#: cannot expand.
_YEARS = range(1900, 3000)


def _drop_unreadable(calendar: Any, warn: Callable[[str], None]) -> None:
    """Leave out, with one warning, each event glutemed cannot read: no start, two
    starts, a start or end that is not a date, a start outside the years 1900-2999,
    or a rule that repeats every 0 days."""
    dropped = []
    for component in list(calendar.subcomponents):
        if component.name != "VEVENT":
            continue
        problem = _problem(component)
        if problem:
            dropped.append(_label(component, problem))
            calendar.subcomponents.remove(component)
    if dropped:
        warn(_skipped(dropped))


def _problem(event: Any) -> str | None:
    """What makes an event unreadable, in a few words; None when it reads."""
    start = event.get("DTSTART")
    if start is None:
        # icalendar before 6 drops a start it cannot read and says so in ``errors``
        broken = any(key == "DTSTART" for key, _ in getattr(event, "errors", ()))
        return "a date glutemed cannot read" if broken else "it has no start"
    if isinstance(start, list):
        return "it has two starts"
    try:
        when = start.dt
        for key in ("DTEND", "DUE"):
            end = event.get(key)
            if end is not None and not isinstance(end, list):
                _ = end.dt
        rule = event.get("RRULE")
        interval = rule.get("INTERVAL", [1])[0] if rule else 1
    except Exception:  # icalendar's own errors for a value it cannot read
        return "a date glutemed cannot read"
    if not isinstance(when, date) or when.year not in _YEARS:
        return f"a start in the year {getattr(when, 'year', '?')}"
    if not isinstance(interval, int) or interval < 1:
        return "it repeats at an interval of 0"
    return None


def _label(event: Any, problem: str) -> str:
    """``'Tempo' (20260230: a date glutemed cannot read)``: an event as a warning names it."""
    start = event.get("DTSTART")
    try:
        raw = start.to_ical().decode() if start is not None and hasattr(start, "to_ical") else ""
    except Exception:
        raw = ""
    for key, said in getattr(event, "errors", ()):  # icalendar before 6: the value is gone
        if key == "DTSTART" and not raw:
            raw = str(said).rsplit(" ", 1)[-1]
    title = " ".join(str(event.get("SUMMARY", "")).split()) or "an untitled event"
    return f"{quoted(title, 40)} ({f'{clip(raw, 20)}: ' if raw else ''}{problem})"


def _skipped(labels: Sequence[str]) -> str:
    more = f" and {len(labels) - 3} more" if len(labels) > 3 else ""
    noun = "event" if len(labels) == 1 else "events"
    return f"left out {len(labels)} {noun} glutemed cannot read: {', '.join(labels[:3])}{more}"


def _unknown_zones(calendar: Any) -> bool:
    """Whether an event's start names a time zone that neither the calendar nor the
    system defines (it is then read in the runner's own zone)."""
    for component in calendar.walk("VEVENT"):
        start = component.get("DTSTART")
        when = getattr(start, "dt", None)
        params = getattr(start, "params", {})
        if isinstance(when, datetime) and when.tzinfo is None and "TZID" in params:
            return True
    return False


def _categories(event: Any) -> list[str]:
    found = event.get("CATEGORIES")
    if found is None:
        return []
    values = found if isinstance(found, list) else [found]
    words: list[str] = []
    for value in values:
        cats = getattr(value, "cats", None)
        words += [str(cat) for cat in cats] if cats is not None else [str(value)]
    return words


def _local_zone() -> Any:
    return datetime.now().astimezone().tzinfo
