"""Sessions on the watch and sets back from it. Workouts glutemed writes (with fit-tool)
are decoded by an independent reader, fitdecode, with the CRC checked; the activities
glutemed reads (with fitdecode) are built here with fit-tool."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import fitdecode
import pytest

from glutemed.cli.context import read_catalogue
from glutemed.core.plan import PlanOptions
from glutemed.core.planner import make_plan
from glutemed.core.watch import workout
from glutemed.formats.fit_out import to_fit

from ..conftest import TODAY, Invoke, move, write_catalogue  # noqa: F401

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


def _decode(data: bytes) -> list[tuple[str, dict[str, Any]]]:
    """Every data message of a FIT file, by an independent reader, CRC checked."""
    found = []
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.ENABLED) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                fields = {f.name: f.value for f in frame.fields if f.value is not None}
                fields |= {f"raw {f.name}": f.raw_value for f in frame.fields}
                found.append((frame.name, fields))
    return found


def _check_workout(data: bytes, session: Any, rest: int) -> list[dict[str, Any]]:
    messages = _decode(data)
    kinds = [name for name, _ in messages]
    assert kinds[0] == "file_id" and dict(messages)["file_id"]["type"] == "workout"
    header = dict(messages)["workout"]
    steps = [fields for name, fields in messages if name == "workout_step"]
    assert header["sport"] == "training" and header["sub_sport"] == "strength_training"
    assert header["num_valid_steps"] == len(steps)
    assert header["wkt_name"] == f"glutemed {session.date:%a} {session.date.day} {session.date:%b}"
    active = [s for s in steps if s["intensity"] == "active"]
    rests = [s for s in steps if s["intensity"] == "rest"]
    planned = [(e, row) for e in session.exercises for row in e.set_rows]
    assert len(active) == len(planned) and len(rests) == len(planned) - 1
    assert all(s["duration_type"] == "time" and s["duration_time"] == rest for s in rests)
    for step, (exercise, (_number, side)) in zip(active, planned, strict=True):
        assert step["duration_type"] == "reps"
        assert step["duration_reps"] == (exercise.target_reps or exercise.reps.min)
        assert step["wkt_step_name"] == exercise.form_name[:40]
        # A category older watches know; a name FIT knows (65535, generic, reads as unset).
        assert step["raw exercise_category"] < 33 and step["raw exercise_name"] != 0
        if side:
            assert side in step["notes"]
        elif exercise.per_side:
            assert step["notes"] == "each side"
    titles = {f["wkt_step_name"] for name, f in messages if name == "exercise_title"}
    assert titles <= {e.form_name for e in session.exercises}
    return active


def test_every_session_of_a_12_week_plan_round_trips() -> None:
    catalogue = read_catalogue()
    options = PlanOptions(days=3, weeks=12, start=TODAY, today=TODAY, weak_side="left")
    plan = make_plan(catalogue, options)
    assert len(plan.sessions) >= 30
    codes, notes = set(), []
    for session in plan.sessions:
        data = to_fit(workout(session, catalogue, 75, "glutemed"))
        for step in _check_workout(data, session, 75):
            codes.add((step["raw exercise_category"], step["raw exercise_name"]))
            notes.append(step.get("notes", ""))
    # The five standard forms' codes, as the FIT profile names them.
    assert codes <= {(8, 23), (28, 28), (28, 41), (17, 61), (28, 63)}
    assert any("left side only" in note for note in notes)  # the weak side's own step


def test_a_bodyweight_plan_carries_no_weights_and_loads_carry_their_unit() -> None:
    catalogue = read_catalogue()
    options = PlanOptions(days=2, start=TODAY, today=TODAY, available=frozenset())
    session = make_plan(catalogue, options).sessions[0]
    steps = [f for n, f in _decode(to_fit(workout(session, catalogue, 60, "glutemed")))]
    assert not any("exercise_weight" in step for step in steps)
    loaded = session._replace(
        exercises=[session.exercises[0]._replace(suggested_load="25lb", target_reps=10)]
    )
    first = next(
        f
        for n, f in _decode(to_fit(workout(loaded, catalogue, 60, "glutemed")))
        if n == "workout_step"
    )
    assert first["duration_reps"] == 10
    assert abs(first["exercise_weight"] - 11.34) < 0.01 and first["raw weight_display_unit"] == 2


def test_a_catalogue_without_codes_still_exports(
    invoke: Invoke,
    tmp_path: Path,
    write_catalogue,  # noqa: F811
) -> None:
    path = write_catalogue({"exercises": [move("hip-hike", lateral=True), move("bridge")]})
    target = tmp_path / "today.fit"
    result = invoke("--catalogue", str(path), "today", "-o", str(target))
    assert result.exit_code == 0, result.output
    steps = [f for n, f in _decode(target.read_bytes()) if n == "workout_step"]
    active = [s for s in steps if s["intensity"] == "active"]
    # Total body, and FIT's generic name 65535, which decoders read as "no particular name".
    assert {(s["raw exercise_category"], s["raw exercise_name"]) for s in active} == {(29, None)}
    assert b"\xff\xff" in target.read_bytes()
    assert {s["wkt_step_name"] for s in active} == {"Hip Hike", "Bridge"}


def test_today_and_plan_write_watch_files_and_never_clobber(invoke: Invoke, tmp_path: Path) -> None:
    one = tmp_path / "today.fit"
    assert invoke("today", "-o", str(one)).exit_code == 0
    again = invoke("today", "-o", str(one))
    assert again.exit_code == 1 and "--force" in again.stderr
    assert invoke("today", "-o", str(tmp_path / "today.md")).exit_code == 2
    folder = tmp_path / "plan" / "fit"
    result = invoke("plan", "--weeks", "2", "--format", "fit", "-o", str(folder))
    assert result.exit_code == 0, result.output
    data = json.loads(invoke("plan", "--weeks", "2", "--json").stdout)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{s['date']}-glutemed.fit" for s in data["sessions"])
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    clash = invoke("plan", "--weeks", "2", "--format", "fit", "-o", str(folder), "--rest", "90")
    assert clash.exit_code == 1 and "nothing was written" in clash.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    named = invoke("plan", "--format", "fit", "-o", str(folder), "--name", "Half 2027")
    assert named.exit_code == 0 and any(p.name.endswith("half-2027.fit") for p in folder.iterdir())
    assert invoke("plan", "--format", "fit").exit_code == 2  # a folder or a watch


def test_to_watch_puts_workouts_in_garmin_new_files(invoke: Invoke, tmp_path: Path) -> None:
    missing = invoke("today", "--to-watch", str(tmp_path))
    assert missing.exit_code == 1 and "no GARMIN folder" in missing.stderr
    (tmp_path / "GARMIN").mkdir()
    assert invoke("today", "--to-watch", str(tmp_path), "--rest", "45").exit_code == 0
    written = list((tmp_path / "GARMIN" / "NewFiles").iterdir())
    assert [p.name for p in written] == [f"{TODAY.isoformat()}-glutemed.fit"]
    rests = [f for n, f in _decode(written[0].read_bytes()) if f.get("intensity") == "rest"]
    assert rests and all(f["duration_time"] == 45 for f in rests)


# Activities, built with fit-tool: what a watch records.


def _activity(
    sets: list[tuple[int | None, int | None, int | None, float | None, bool]],
    *,
    start: datetime = datetime(2026, 11, 20, 23, 30, tzinfo=UTC),
    offset_hours: int = 1,
    pounds: bool = False,
    serial: int = 3400112233,
) -> bytes:
    """A strength activity: each set (category, name, reps, weight kg, active)."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.messages.set_message import SetMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, SetType, Sport, SubSport

    def ms(moment: datetime) -> int:
        return round(moment.timestamp() * 1000)

    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 3113
    file_id.serial_number = serial
    file_id.time_created = ms(start)
    builder.add(file_id)
    moment = start
    for index, (category, name, reps, weight, active) in enumerate(sets):
        message = SetMessage()
        message.message_index = index
        message.start_time = ms(moment)
        message.timestamp = ms(moment + timedelta(seconds=40))
        message.duration = 40.0
        message.set_type = SetType.ACTIVE if active else SetType.REST
        if active:
            message.repetitions = reps
            if weight is not None:
                message.weight = weight
                message.weight_display_unit = 2 if pounds else 1
            message.category = [category]
            message.category_subtype = [name]
        builder.add(message)
        moment += timedelta(seconds=60)
    session = SessionMessage()
    session.start_time = ms(start)
    session.timestamp = ms(moment)
    session.sport = Sport.TRAINING
    session.sub_sport = SubSport.STRENGTH_TRAINING
    builder.add(session)
    activity = ActivityMessage()
    activity.timestamp = ms(moment)
    activity.local_timestamp = int(
        (moment + timedelta(hours=offset_hours) - FIT_EPOCH).total_seconds()
    )
    activity.num_sessions = 1
    builder.add(activity)
    return bytes(builder.build().to_bytes())


REST = (None, None, None, None, False)
SESSION = [
    (8, 23, 10, 12.0, True), REST, (8, 23, 9, 12.0, True), REST,
    (28, 41, 10, None, True), REST, (28, 41, 10, None, True),
]  # fmt: skip


def _sets(invoke: Invoke) -> list[dict[str, Any]]:
    return json.loads(invoke("history", "--all", "--json").stdout)  # type: ignore[no-any-return]


def test_a_recorded_session_is_logged_once_whatever_its_file_is_called(
    invoke: Invoke, tmp_path: Path
) -> None:
    first = tmp_path / "Activity_1.fit"
    first.write_bytes(_activity(SESSION))
    result = invoke("log", "--fit", str(first))
    assert result.exit_code == 0, result.output
    logged = sorted(_sets(invoke), key=lambda s: (s["slug"], s["set"]))
    # Late on the 20th in UTC is the 21st on the watch's local clock.
    assert {s["date"] for s in logged} == {"2026-11-21"}
    assert [(s["slug"], s["set"], s["reps"], s["load"]) for s in logged] == [
        ("lateral-step-up-to-balance", 1, 10, None),
        ("lateral-step-up-to-balance", 2, 10, None),
        ("staggered-stance-romanian-deadlift", 1, 10, "12kg"),
        ("staggered-stance-romanian-deadlift", 2, 9, "12kg"),
    ]
    renamed = tmp_path / "copy.fit"
    renamed.write_bytes(first.read_bytes())
    twice = invoke("log", "--fit", str(renamed))
    assert twice.exit_code == 0 and "already in your log" in twice.stdout
    assert len(_sets(invoke)) == 4
    assert invoke("undo", "--yes").exit_code == 0 and _sets(invoke) == []  # one step
    assert invoke("log", "--fit", str(renamed)).exit_code == 0 and len(_sets(invoke)) == 4


def test_a_shared_code_logs_the_form_the_programme_plans(invoke: Invoke, tmp_path: Path) -> None:
    saved = invoke("plan", "--level", "easier", "--moves", "1,3", "--save")
    assert saved.exit_code == 0, saved.output
    activity = tmp_path / "a.fit"
    activity.write_bytes(_activity(SESSION, start=datetime(2026, 11, 23, 7, tzinfo=UTC)))
    assert invoke("log", "--fit", str(activity)).exit_code == 0
    forms = {s["slug"]: s["form"] for s in _sets(invoke)}
    assert forms == {
        "staggered-stance-romanian-deadlift": "Wall-Supported Romanian Deadlift",
        "lateral-step-up-to-balance": "Lateral Step to Balance",
    }


def test_unknown_exercises_are_named_and_skipped_only_when_asked(
    invoke: Invoke, tmp_path: Path
) -> None:
    activity = tmp_path / "bench.fit"
    activity.write_bytes(_activity([(0, 1, 8, 40.0, True), REST, (28, 28, 10, 8.0, True)]))
    refused = invoke("log", "--fit", str(activity))
    assert refused.exit_code == 1 and "FIT exercise 0/1 (1 set)" in refused.stderr
    assert "--skip-unknown" in refused.stderr and _sets(invoke) == []  # all or nothing
    kept = invoke("log", "--fit", str(activity), "--skip-unknown")
    assert kept.exit_code == 0 and "left out 1 set of other exercises" in kept.stdout
    assert [(s["slug"], s["reps"]) for s in _sets(invoke)] == [("split-squat", 10)]


def test_pounds_stay_pounds_and_rest_alone_logs_nothing(invoke: Invoke, tmp_path: Path) -> None:
    heavy = tmp_path / "lb.fit"
    heavy.write_bytes(_activity([(28, 28, 10, 11.3398, True)], pounds=True))
    assert invoke("log", "--fit", str(heavy)).exit_code == 0
    assert [s["load"] for s in _sets(invoke)] == ["25lb"]
    resting = tmp_path / "rest.fit"
    resting.write_bytes(_activity([REST, REST], serial=7))
    result = invoke("log", "--fit", str(resting))
    assert result.exit_code == 0 and "only rest" in result.stdout and len(_sets(invoke)) == 1


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda data: data[:-1] + bytes([data[-1] ^ 0xFF]), "checksum does not match"),
        (lambda data: data[: len(data) // 2], "cut short"),
        (lambda data: b"", "is empty"),
        (lambda data: b"BEGIN:VCALENDAR\r\n", "not a FIT file"),
    ],
)
def test_a_broken_file_exits_1_with_one_line(
    invoke: Invoke, tmp_path: Path, damage: Any, says: str
) -> None:
    broken = tmp_path / "broken.fit"
    broken.write_bytes(damage(_activity(SESSION)))
    result = invoke("log", "--fit", str(broken))
    assert result.exit_code == 1 and says in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert _sets(invoke) == []


def test_a_workout_given_by_mistake_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    mistaken = tmp_path / "today.fit"
    assert invoke("today", "-o", str(mistaken)).exit_code == 0
    result = invoke("log", "--fit", str(mistaken))
    assert result.exit_code == 1 and "a workout file, not an activity" in result.stderr


def test_the_log_day_is_the_watchs_local_date() -> None:
    from glutemed.formats.fit_in import read_activity

    late = _activity(SESSION, start=datetime(2026, 11, 20, 23, 30, tzinfo=UTC), offset_hours=-8)
    assert read_activity(late, "late.fit").day == date(2026, 11, 20)
