"""glutemed log: record sets from the terminal or from a ticked Markdown sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from glutemed import log
from glutemed.commands import CatalogueChoice, warn
from glutemed.errors import ExportError, GlutemedError, UsageError

if TYPE_CHECKING:
    from glutemed.catalogue import Catalogue


def run(
    choice: CatalogueChoice,
    *,
    move: str | None,
    reps: str | None,
    load: str | None,
    when: date | None,
    note: str | None,
    sheet: Path | None,
    today: date,
) -> None:
    catalogue = choice.load()
    if sheet is not None:
        if move is not None or reps is not None or load is not None or when is not None:
            raise UsageError("--sheet takes the moves, reps, loads and dates from the sheet alone")
        _from_sheet(catalogue, sheet, note)
        return
    if move is None or reps is None:
        raise UsageError("give a move and --reps (e.g. glutemed log split-squat --reps 10,10,9)")
    exercise = catalogue.find(move)
    counts = log.parse_reps(reps)
    try:
        parsed = log.parse_load(load) if load is not None else None
    except ValueError as err:
        raise UsageError(f"--load: {err}") from None
    day = when or today
    _warn_range(exercise.slug, exercise.reps.min, exercise.reps.max, counts)
    sets = [
        log.LoggedSet(day, exercise.slug, number, count, parsed.text if parsed else None, note)
        for number, count in enumerate(counts, start=1)
    ]
    log.add_sets(sets, source="log")
    with_load = f" at {parsed.text}" if parsed else ""
    print(f"Logged {len(sets)} sets of {exercise.slug}{with_load} on {day.isoformat()}")


def _warn_range(slug: str, low: int, high: int, counts: list[int]) -> None:
    outside = [count for count in counts if not low <= count <= high]
    if outside:
        warn(
            f"{', '.join(map(str, outside))} reps is outside {slug}'s range of {low}-{high}; "
            "logged as given"
        )


def _from_sheet(catalogue: Catalogue, sheet: Path, note: str | None) -> None:
    from glutemed.export import read_sheet

    try:
        text = sheet.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or "not UTF-8 text"
        raise ExportError(f"{sheet}: cannot read: {reason}") from None
    boxes = read_sheet(text)
    if not boxes:
        raise GlutemedError(
            f"{sheet}: no set checkboxes found; is it a sheet from 'glutemed plan -o'?"
        )
    ticked = [box for box in boxes if box.ticked]
    if any(box.date is None for box in boxes):
        raise GlutemedError(
            f"{sheet} has no dates, so its sets cannot be logged; "
            "export the plan with --start to log from the sheet"
        )
    sets = []
    for box in ticked:
        assert box.date is not None
        where = f"{sheet}: line {box.line}"
        try:
            exercise = catalogue.find(box.slug)
        except GlutemedError as err:
            raise GlutemedError(f"{where}: {err}") from None
        if box.reps.isdecimal() and 0 < int(box.reps) <= 1000:
            reps = int(box.reps)
        elif box.reps.strip("_ ") == "" and box.aim is not None:
            reps = box.aim
        else:
            raise GlutemedError(f"{where}: {box.reps[:40]!r} is not a number of reps")
        load = None
        if box.load.strip("_ "):
            try:
                load = log.parse_load(box.load).text
            except ValueError as err:
                raise GlutemedError(f"{where}: {err}") from None
        _warn_range(exercise.slug, exercise.reps.min, exercise.reps.max, [reps])
        key = f"{box.date.isoformat()}|{exercise.slug}|{box.set}"
        sets.append(log.LoggedSet(box.date, exercise.slug, box.set, reps, load, note, key))
    if not sets:
        print(f"No ticked sets in {sheet}: nothing logged")
        return
    added, skipped = log.add_sets(sets, source=f"sheet {sheet}")
    again = f" ({skipped} already in the log)" if skipped else ""
    print(f"Logged {added} sets from {sheet}{again}")
