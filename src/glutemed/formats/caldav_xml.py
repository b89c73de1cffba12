"""The few CalDAV requests ``publish`` makes, and their answers read (RFC 4791 and
WebDAV's multistatus): bytes in, values out, with the standard library's XML parser.
A server's answer that is not the XML expected is one clear error, never a trace."""

from __future__ import annotations

from dataclasses import dataclass

from glutemed.errors import PublishError

DAV, CALDAV = "DAV:", "urn:ietf:params:xml:ns:caldav"

#: Is the collection a calendar? (PROPFIND, depth 0)
PROPFIND = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'
)
#: Every event of the calendar, with its ETag and data (REPORT, depth 1).
REPORT = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
    b"<d:prop><d:getetag/><c:calendar-data/></d:prop>"
    b'<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"/>'
    b"</c:comp-filter></c:filter></c:calendar-query>"
)


@dataclass(frozen=True)
class Resource:
    """An event resource on the server: its address (as the server gave it), ETag and
    calendar data."""

    href: str
    etag: str | None
    data: bytes


def _parse(body: bytes) -> object:
    from xml.etree import ElementTree

    try:
        return ElementTree.fromstring(body)
    except ElementTree.ParseError:
        raise PublishError(
            "the server answered with something that is not the CalDAV XML glutemed expected"
        ) from None


def is_calendar(body: bytes) -> bool:
    """Whether a PROPFIND answer says the collection is a calendar."""
    root = _parse(body)
    return any(
        True
        for _ in root.iter(f"{{{CALDAV}}}calendar")  # type: ignore[attr-defined]
    )


def resources(body: bytes) -> list[Resource]:
    """The events of a REPORT answer."""
    root = _parse(body)
    found = []
    for response in root.iter(f"{{{DAV}}}response"):  # type: ignore[attr-defined]
        href = response.findtext(f"{{{DAV}}}href")
        data = None
        etag = None
        for propstat in response.iter(f"{{{DAV}}}propstat"):
            status = propstat.findtext(f"{{{DAV}}}status") or ""
            if " 200" not in status:
                continue
            etag = propstat.findtext(f".//{{{DAV}}}getetag") or etag
            data = propstat.findtext(f".//{{{CALDAV}}}calendar-data") or data
        if href and data:
            found.append(Resource(href, etag, data.encode("utf-8")))
    return found
