"""The runner's own calendar (``--runs-from``): its bytes (brought in by
:mod:`glutemed.storage.feeds`) read, expanded, and each event classified.

Events are read by icalendar and expanded by recurring-ical-events (repeating
events with their exceptions and moved occurrences, time zones, and a
Google-style ``X-WR-TIMEZONE`` through x-wr-timezone), only between the plan's
dates, so an endless rule costs nothing. Rules that repeat more often than
daily are skipped with a warning. All-day and timed events count on their date
in the runner's time zone.

Each event is classified by whole words of its title and categories, in this
order: a hard run, a long run, an easy run, a race, or not a run. The words
are glutemed's (:data:`WORDS`); the config file's ``[runs]`` table adds more.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from glutemed.core import rules
from glutemed.core.text import clip, quoted
from glutemed.errors import CalendarError

#: The most a calendar may hold: bytes, and events.
MAX_BYTES = rules.CALENDAR_BYTES
MAX_EVENTS = 20_000
KINDS = rules.RUN_KINDS
#: glutemed's words for each kind, tried in this order (so "race pace" is a hard run
#: and "Marathon plan: easy 5 mi" an easy one). Whole words, any case.
WORDS: dict[str, tuple[str, ...]] = {
    "hard": (
        "intervals", "interval", "tempo", "threshold", "track", "hills", "hill",
        "fartlek", "repeats", "vo2", "vo2max", "race pace", "speed", "workout",
    ),
    "long": ("long run", "long", "lsd"),
    "easy": ("easy", "recovery", "shakeout", "jog", "base run"),
    "race": (
        "race", "marathon", "half marathon", "half", "5k", "10k", "parkrun", "ultra",
        "50k", "100k", "10 mile", "15k",
    ),
}  # fmt: skip
#: A race's distance from its words (glutemed's reading; anything else is a 10K).
DISTANCE_WORDS: tuple[tuple[str, str], ...] = (
    ("ultra", "ultra"),
    ("50k", "ultra"),
    ("100k", "ultra"),
    ("half marathon", "half"),
    ("half", "half"),
    ("marathon", "marathon"),
    ("10k", "10k"),
    ("5k", "5k"),
    ("parkrun", "5k"),
)


@dataclass(frozen=True)
class RunEvent:
    """One event of the calendar on one day, as glutemed read it."""

    date: date
    title: str
    kind: str | None  # "hard", "long", "easy", "race" or None (not a run)
    word: str | None  # the word that decided it
    distance: str | None = None  # a race's distance (rules.DISTANCES)


# Reading the events.


def events(
    data: bytes,
    first: date,
    last: date,
    words: Mapping[str, Sequence[str]] | None = None,
    *,
    warn: Callable[[str], None],
    name: str = "the calendar",
) -> list[RunEvent]:
    """(Long: each failure the libraries can raise becomes one line of glutemed's.)
    The calendar's events from ``first`` to ``last`` (both included), expanded and
    classified, in date order. CalendarError for a file that is not a calendar;
    ``name`` is how messages name it."""
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
    if _unknown_zones(calendar):
        warn(f"{shown} names a time zone glutemed does not know; read in your own time zone")
    local = _local_zone()
    try:
        import recurring_ical_events
        import x_wr_timezone

        calendar = x_wr_timezone.to_standard(calendar)
        found = recurring_ical_events.of(calendar, skip_bad_series=True).between(
            first, last + timedelta(days=1)
        )
    except Exception as err:  # the libraries raise many kinds on a broken calendar
        raise CalendarError(
            f"{shown}: its repeating events cannot be expanded ({type(err).__name__})"
        ) from None
    read = []
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
        categories = _categories(event)
        read.append(_classify(day, title, categories, words))
    return sorted(read, key=lambda item: (item.date, item.title))


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


def classify(
    title: str, categories: Iterable[str] = (), words: Mapping[str, Sequence[str]] | None = None
) -> tuple[str | None, str | None]:
    """(kind, the word that decided it) of an event, by whole words, hard first."""
    text = " ".join([title, *categories]).lower()
    for kind in KINDS:
        for word in [*WORDS[kind], *((words or {}).get(kind, ()))]:
            if re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text):
                return kind, word
    return None, None


def distance_of(title: str) -> str:
    """A race's distance from its title: 5k, 10k, half, marathon or ultra (else 10k)."""
    text = title.lower()
    for word, distance in DISTANCE_WORDS:
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            return distance
    return "10k"


def _classify(
    day: date, title: str, categories: Sequence[str], words: Mapping[str, Sequence[str]] | None
) -> RunEvent:
    kind, word = classify(title, categories, words)
    distance = distance_of(" ".join([title, *categories])) if kind == "race" else None
    return RunEvent(day, title, kind, word, distance)
