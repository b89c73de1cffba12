"""iCalendar and JSON writers (the Markdown sheet is :mod:`glutemed.formats.sheet`'s), and
writing a file without ever losing one.

The writers are pure: a plan (and, for Markdown, the catalogue it came from)
in, text or bytes out; the same plan always gives the same bytes.
:func:`write_file` is the only function here that touches the disk.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from glutemed.core.about import CAUTION, CREDIT, GUIDANCE, GUIDANCE_TITLE
from glutemed.core.catalogue import Catalogue
from glutemed.core.plan import RUN_TEXT, Plan, Session, jsonable
from glutemed.core.text import without_controls
from glutemed.errors import ExportError
from glutemed.formats.figures import Drawings


def render(
    plan: Plan,
    catalogue: Catalogue,
    fmt: str,
    at: time | None = None,
    *,
    name: str = "glutemed",
    remind: timedelta | None = None,
    earlier: bytes | None = None,
    drawings: Drawings = lambda name: None,
) -> bytes:
    """The plan in ``fmt`` (one of :data:`glutemed.core.rules.FORMATS`), as a file's bytes.
    ``name``, ``remind`` and ``earlier`` are for iCalendar (see :func:`to_ics`);
    ``drawings``, the figures, for HTML and PDF."""
    if fmt == "markdown":
        from glutemed.formats.sheet import to_markdown

        return to_markdown(plan, catalogue).encode()
    if fmt == "ics":
        return to_ics(plan, at, name=name, remind=remind, earlier=earlier)
    if fmt in ("html", "pdf"):
        from glutemed.formats.html import plan_html

        page = plan_html(plan, catalogue, drawings)
        return to_pdf(page) if fmt == "pdf" else page.encode()
    return to_json(plan).encode()


PDF_HELP = "a PDF needs the optional pdf extra: pip install 'glutemed[pdf]' (WeasyPrint)"


def to_pdf(page: str) -> bytes:
    """An HTML page as PDF, through WeasyPrint (the optional ``pdf`` extra)."""
    try:
        import weasyprint  # type: ignore[import-not-found]
    except ImportError:
        raise ExportError(PDF_HELP) from None
    return bytes(weasyprint.HTML(string=page).write_pdf())


def to_json(plan: Plan) -> str:
    return json.dumps(jsonable(plan), indent=2, ensure_ascii=False) + "\n"


def uid(day: date, name: str, profile: str | None = None) -> str:
    """A session's UID: its date and the programme's name (and the profile's, when a
    profile is used, so several runners can share one calendar), nothing else, so an
    export made again after any change updates the events on the same dates."""
    return f"{day:%Y%m%d}-{programme_mark(name, profile)}@glutemed"


def programme_mark(name: str, profile: str | None = None) -> str:
    """The part of every UID that names the programme (and profile): how ``publish``
    knows which events of a calendar are this programme's."""
    key = name if profile is None else f"{profile}/{name}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def event_files(
    plan: Plan,
    at: time | None = None,
    *,
    name: str = "glutemed",
    remind: timedelta | None = None,
    profile: str | None = None,
) -> dict[str, bytes]:
    """Each session as a calendar resource of its own (a VCALENDAR holding one event),
    by its UID: what ``publish`` puts on a CalDAV server."""
    files = {}
    for event in _events(plan, at, name=name, remind=remind, profile=profile):
        calendar = _calendar()
        calendar.add_component(event)
        files[str(event["uid"])] = bytes(calendar.to_ical())
    return files


def _calendar() -> Any:
    """An empty VCALENDAR made by glutemed."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//glutemed//glutemed plan//EN")
    calendar.add("version", "2.0")
    return calendar


def _stamp(plan: Plan) -> datetime:
    """Every event's ``DTSTAMP``: the first session's day, not the clock, so the same
    plan gives the same bytes."""
    return datetime.combine(plan.sessions[0].date, time(0, 0), tzinfo=UTC)


def uid_in(data: bytes) -> str | None:
    """The UID of a calendar resource's event, or None when it holds none glutemed reads."""
    from icalendar import Calendar

    try:
        for event in Calendar.from_ical(data).walk("VEVENT"):
            return str(event.get("UID", "")) or None
    except Exception:  # another client's resource glutemed cannot read is not its own
        return None
    return None


def same_event(one: bytes, other: bytes) -> bool:
    """Whether two calendar resources hold the same event, whatever order a server
    stores its properties in (``DTSTAMP``, the moment of writing, aside)."""
    from icalendar import Calendar

    def content(data: bytes) -> list[tuple[str, ...]]:
        try:
            calendar = Calendar.from_ical(data)
        except Exception:  # a resource glutemed cannot read is never the same
            return [("unreadable",)]
        found = []
        for component in calendar.walk():
            if component.name in ("VEVENT", "VALARM"):
                for key, value in component.property_items(recursive=False):
                    if key not in ("DTSTAMP", "BEGIN", "END"):
                        # bytes in newer icalendar, property objects in older ones
                        raw = value.to_ical() if hasattr(value, "to_ical") else value
                        said = raw.decode() if isinstance(raw, bytes) else str(raw)
                        found.append((component.name, key, said))
        return sorted(found)

    return content(one) == content(other)


def to_ics(
    plan: Plan,
    at: time | None = None,
    *,
    name: str = "glutemed",
    remind: timedelta | None = None,
    earlier: bytes | None = None,
) -> bytes:
    """An iCalendar file: one event per session (:func:`_events`), all-day unless ``at``
    is given.

    Each ``UID`` is the session's date and the programme's ``name``, so
    importing the plan again, changed in any way, updates the events on those
    dates instead of adding copies. ``earlier``, the file this export replaces:
    each of its sessions the new plan no longer holds is written again as
    cancelled (same UID, ``STATUS:CANCELLED``), so a calendar that imports the
    file removes it. ``remind`` adds an alarm that long before a timed event,
    or before 08:00 on the day of an all-day one. ``DTSTAMP`` is the first
    session's date, not the clock, so the bytes are repeatable.
    """
    from icalendar import Event

    if not plan.sessions:
        raise ExportError("the plan has no sessions to put in a calendar")
    calendar = _calendar()
    calendar.add("x-wr-calname", name)  # the programme's name names the calendar too
    stamp = _stamp(plan)
    planned = set()
    for event in _events(plan, at, name=name, remind=remind):
        planned.add(str(event["uid"]))
        calendar.add_component(event)
    for old_uid, start in _events_of(earlier):
        if old_uid in planned:
            continue
        gone = Event()
        gone.add("uid", old_uid)
        gone.add("dtstamp", stamp)
        gone.add("dtstart", start)
        gone.add("status", "CANCELLED")
        gone.add("summary", "Glute med: cancelled (no longer in your plan)")
        calendar.add_component(gone)
    return bytes(calendar.to_ical())


def _events(
    plan: Plan,
    at: time | None,
    *,
    name: str,
    remind: timedelta | None,
    profile: str | None = None,
) -> list[Any]:
    """An event a session: its UID, times, summary, description and alarm."""
    from icalendar import Alarm, Event

    if not plan.sessions:
        return []
    stamp = _stamp(plan)
    events = []
    for session in plan.sessions:
        when = session.date
        event = Event()
        event.add("uid", uid(when, name, profile))
        event.add("dtstamp", stamp)
        start, end = _event_times(session, when, at)
        event.add("dtstart", start)
        event.add("dtend", end)
        run = f" ({RUN_TEXT[session.run]})" if session.run else ""
        names = ", ".join(e.form_name for e in session.exercises)
        event.add("summary", without_controls(f"Glute med: {names}{run}"))
        event.add("description", without_controls(_description(session)))
        if remind is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", without_controls(f"Glute med: {names}"))
            alarm.add("trigger", -remind if at is not None else timedelta(hours=8) - remind)
            event.add_component(alarm)
        events.append(event)
    return events


def _events_of(data: bytes | None) -> list[tuple[str, date | datetime]]:
    """(UID, start) of each glutemed event in an earlier export; none if unreadable."""
    if not data:
        return []
    from icalendar import Calendar

    try:
        earlier = Calendar.from_ical(data)
        found = [
            (str(event.get("UID")), event.get("DTSTART").dt)
            for event in earlier.walk("VEVENT")
            if str(event.get("UID", "")).endswith("@glutemed")
            and event.get("DTSTART")
            and str(event.get("STATUS", "")).upper() != "CANCELLED"
        ]
    except Exception:  # an earlier file glutemed cannot read holds no sessions of ours
        return []
    return sorted(found, key=lambda item: str(item[1]))


def _event_times(
    session: Session, when: date, at: time | None
) -> tuple[date | datetime, date | datetime]:
    if at is None:
        return when, when + timedelta(days=1)
    start = datetime.combine(when, at)  # floating time: the runner's local clock
    return start, start + timedelta(minutes=session.minutes)


def _description(session: Session) -> str:
    lines = [
        f"{e.form_name}: {e.prescription}{e.aim_words} "
        f"({', '.join(e.equipment) or 'no equipment'}). {e.advice[:1].upper()}{e.advice[1:]}."
        for e in session.exercises
    ]
    lines += [
        f"About {session.minutes} minutes. Steps: glutemed show SLUG.",
        "",
        f"{GUIDANCE_TITLE}:",
        *(f"- {point}" for point in GUIDANCE),
        "",
        CAUTION,
        "",
        CREDIT,
    ]
    return "\n".join(lines)
