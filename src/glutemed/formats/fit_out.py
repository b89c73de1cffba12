"""A workout as a FIT file for a watch, written with fit-tool (BSD-3-Clause, no
dependencies of its own; imported only here, and only when a FIT file is asked for).

The file: a ``file_id`` (a workout, from a development manufacturer, created at the
session's day so the same plan gives the same bytes), a ``workout`` (sport training,
sub-sport strength training, its name and ``num_valid_steps``), a ``workout_step`` a
step, and an ``exercise_title`` for each exercise with glutemed's name for it.
fit-tool's own validator rejects reps steps wrongly, so files are checked by an
independent reader instead (the tests decode every one with fitdecode).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time

from glutemed.core.watch import Workout

#: FIT's values for the fields glutemed writes (from the FIT profile).
_WORKOUT_FILE, _DEVELOPMENT = 5, 255
_TRAINING, _STRENGTH_TRAINING = 10, 20
_REPS, _TIME = 29, 0
_ACTIVE, _REST = 0, 1
_OPEN = 2
_UNITS = {"kg": 1, "lb": 2}


def to_fit(workout: Workout) -> bytes:
    """The workout as the bytes of a FIT workout file."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.exercise_title_message import ExerciseTitleMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.workout_message import WorkoutMessage
    from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
    from fit_tool.profile.profile_type import (
        FileType,
        Intensity,
        Sport,
        SubSport,
        WorkoutStepDuration,
        WorkoutStepTarget,
    )

    file_id = FileIdMessage()
    file_id.type = FileType(_WORKOUT_FILE)
    file_id.manufacturer = _DEVELOPMENT
    file_id.product = 0
    created = datetime.combine(workout.day, time(6, 0), tzinfo=UTC)
    file_id.time_created = round(created.timestamp() * 1000)
    file_id.serial_number = int(hashlib.sha256(workout.name.encode()).hexdigest()[:7], 16)

    steps = []
    for index, step in enumerate(workout.steps):
        message = WorkoutStepMessage()
        message.message_index = index
        message.workout_step_name = step.title[:40]
        message.target_type = WorkoutStepTarget(_OPEN)
        if step.reps is not None:
            message.intensity = Intensity(_ACTIVE)
            message.duration_type = WorkoutStepDuration(_REPS)
            message.duration_reps = step.reps
            if step.code is not None:
                message.exercise_category = step.code.category
                message.exercise_name = step.code.name
            if step.weight_kg is not None and step.unit is not None:
                message.exercise_weight = step.weight_kg
                message.weight_display_unit = _UNITS[step.unit]
            if step.notes:
                message.notes = step.notes[:50]
        else:
            message.intensity = Intensity(_REST)
            message.duration_type = WorkoutStepDuration(_TIME)
            message.duration_time = float(step.seconds or 0)
        steps.append(message)

    header = WorkoutMessage()
    header.workout_name = workout.name
    header.sport = Sport(_TRAINING)
    header.sub_sport = SubSport(_STRENGTH_TRAINING)
    header.num_valid_steps = len(steps)

    titles = []
    for index, (code, title) in enumerate(workout.titles):
        message = ExerciseTitleMessage()
        message.message_index = index
        message.exercise_category = code.category
        message.exercise_name = code.name
        message.workout_step_name = title[:40]
        titles.append(message)

    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    builder.add(file_id)
    builder.add(header)
    builder.add_all(steps)
    builder.add_all(titles)
    return bytes(builder.build().to_bytes())
