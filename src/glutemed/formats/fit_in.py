"""A strength activity recorded by a watch, read from its FIT file with fitdecode (MIT;
imported only here, and only by ``glutemed log --fit``), into
:class:`glutemed.core.watch.Activity`.

The file's CRC is checked; a file that is not FIT, is cut short or damaged, is empty,
or is a FIT file of another kind (a workout given by mistake) is refused with one line
in glutemed's words. An activity is known by its device (manufacturer and serial
number) and its start time, not by its file's name. Its day is the local date
of its start (the activity's local timestamp, else the start in UTC).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

from glutemed.core.catalogue import FitCode
from glutemed.core.watch import Activity, WatchSet
from glutemed.errors import FitError

#: The most a FIT activity may hold, in bytes: a long strength session is a few KiB.
MAX_BYTES = 16 * 1024 * 1024
_FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


def read_activity(data: bytes, name: str) -> Activity:
    """The activity in ``data`` (read from the file called ``name``, which errors name)."""
    import fitdecode

    if not data:
        raise FitError(f"{name} is empty: not a FIT activity")
    if len(data) > MAX_BYTES:
        raise FitError(f"{name} is over {MAX_BYTES // 2**20} MiB: not a watch's activity")
    messages: dict[str, list[dict[str, Any]]] = {}
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.ENABLED) as reader:
            for frame in reader:
                if isinstance(frame, fitdecode.FitDataMessage):
                    fields = {f.name: f.value for f in frame.fields}
                    # Exercise codes as numbers, as glutemed's catalogue holds them.
                    fields |= {f"raw {f.name}": f.raw_value for f in frame.fields}
                    messages.setdefault(frame.name, []).append(fields)
    except fitdecode.FitCRCError:
        raise FitError(f"{name} is damaged (its checksum does not match)") from None
    except fitdecode.FitEOFError:
        raise FitError(f"{name} is cut short: copy it from the watch again") from None
    except fitdecode.FitHeaderError:
        raise FitError(f"{name} is not a FIT file") from None
    except Exception:  # fitdecode raises many kinds on a broken file
        raise FitError(f"{name} is not a FIT file glutemed can read") from None
    file_id = (messages.get("file_id") or [{}])[0]
    kind = file_id.get("type")
    if kind != "activity":
        said = f"a {kind} file" if isinstance(kind, str) else "not an activity"
        raise FitError(f"{name} is {said}, not an activity a watch recorded")
    start = _start(messages)
    device = "-".join(
        str(file_id.get(f"raw {key}") or 0) for key in ("manufacturer", "serial_number")
    )
    sets = tuple(_set(fields) for fields in messages.get("set", []))
    return Activity(device, start, _local_day(messages, start), sets)


def _start(messages: dict[str, list[dict[str, Any]]]) -> datetime:
    """When the activity started: its session's start, else its first set's, else the
    file's creation time."""
    for kind, key in (
        ("session", "start_time"),
        ("set", "start_time"),
        ("file_id", "time_created"),
    ):
        for fields in messages.get(kind, []):
            when = fields.get(key)
            if isinstance(when, datetime):
                return when if when.tzinfo else when.replace(tzinfo=UTC)
    raise FitError("the activity says nowhere when it started")


def _local_day(messages: dict[str, list[dict[str, Any]]], start: datetime) -> Any:
    """The activity's local date: from its ``activity`` message's local timestamp (the
    offset between it and the UTC timestamp), else the UTC date."""
    for fields in messages.get("activity", []):
        stamp, local = fields.get("timestamp"), fields.get("local_timestamp")
        if isinstance(stamp, datetime) and local is not None:
            if isinstance(local, datetime):
                local_time = local.replace(tzinfo=None)
            else:
                local_time = (_FIT_EPOCH + timedelta(seconds=int(local))).replace(tzinfo=None)
            offset = local_time - stamp.replace(tzinfo=None)
            return (start.replace(tzinfo=None) + offset).date()
    return start.date()


def _set(fields: dict[str, Any]) -> WatchSet:
    category = _first(fields.get("raw category"))
    name = _first(fields.get("raw category_subtype"))
    code = (
        FitCode(category=category, name=name)
        if isinstance(category, int) and isinstance(name, int) and 0 <= category <= 32
        else None
    )
    start = fields.get("start_time")
    weight = fields.get("weight")
    unit = {"kilogram": "kg", "pound": "lb", 1: "kg", 2: "lb"}.get(
        fields.get("weight_display_unit")
    )
    return WatchSet(
        start=start if isinstance(start, datetime) else None,
        active=fields.get("set_type") in ("active", 1),
        reps=fields.get("repetitions") if isinstance(fields.get("repetitions"), int) else None,
        weight_kg=float(weight) if isinstance(weight, (int, float)) and weight > 0 else None,
        unit=unit,
        code=code,
    )


def _first(value: Any) -> Any:
    """A FIT array field's first value (sets record one category), or the value itself."""
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value
