"""Keeping a calendar in step with a programme (``glutemed publish``): pure rules.

glutemed's rules: the calendar's events whose UID glutemed made for this programme
(and profile) are its own; every other event is left alone. From today to the
programme's end, a session the calendar lacks is created, one whose content changed
is updated where it is (whatever its address: another client may have moved it),
and one the plan no longer has is removed; past sessions stay as they are. An event
whose content is the same, whatever order its properties are stored in, is left
unchanged, so publishing twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Existing:
    """An event on the server: its UID, address, ETag and data."""

    uid: str
    href: str
    etag: str | None
    data: bytes


@dataclass(frozen=True)
class Change:
    """One request to make: ``create``, ``update`` or ``remove`` an event."""

    kind: str
    uid: str
    href: str | None = None
    etag: str | None = None
    data: bytes | None = None


def day_of(uid: str) -> date | None:
    """The session's date a glutemed UID starts with (``20261207-...@glutemed``)."""
    try:
        return datetime.strptime(uid[:8], "%Y%m%d").date()
    except ValueError:
        return None


def changes(
    wanted: Mapping[str, bytes],
    existing: Sequence[Existing],
    mark: str,
    today: date,
    same: Callable[[bytes, bytes], bool],
) -> tuple[list[Change], int]:
    """The requests that bring the calendar in step, and how many events are unchanged.
    ``wanted``: this programme's sessions from today on, by UID; ``mark``: the part of
    a UID that names this programme."""
    ours = {e.uid: e for e in existing if e.uid.endswith(f"-{mark}@glutemed")}
    found: list[Change] = []
    unchanged = 0
    for uid, data in sorted(wanted.items()):
        there = ours.get(uid)
        if there is None:
            found.append(Change("create", uid, data=data))
        elif same(there.data, data):
            unchanged += 1
        else:
            found.append(Change("update", uid, there.href, there.etag, data))
    for uid, there in sorted(ours.items()):
        when = day_of(uid)
        if uid not in wanted and when is not None and when >= today:
            found.append(Change("remove", uid, there.href, there.etag))
    return found, unchanged
