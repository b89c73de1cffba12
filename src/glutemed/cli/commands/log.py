"""glutemed log: record sets from the terminal or from a ticked Markdown sheet."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glutemed.cli import completion, context, params, streams
from glutemed.core import rules
from glutemed.core.text import plural
from glutemed.errors import FieldError, GlutemedError, UsageError

if TYPE_CHECKING:
    from glutemed.core.catalogue import Catalogue, Exercise
    from glutemed.core.sets import LoggedSet


#: The largest sheet glutemed reads: a 12-week plan's sheet is about 30 KiB.
SHEET_BYTES = 1024 * 1024
SHEET_HELP = "Log the ticked sets of a Markdown sheet from 'plan -o'."


def _parse_load(text: str) -> str:
    from glutemed.core.sets import parse_load

    return parse_load(text).text


Note = Annotated[
    str | None,
    params.value(
        "--note",
        parser=rules.parse_note,
        metavar="TEXT",
        help=f"A note kept with each set (up to {rules.NOTE_LENGTH} characters).",
    ),
]
Sheet = Annotated[
    Path | None,
    params.value("--sheet", parser=rules.parse_path, metavar="FILE", help=SHEET_HELP),
]


def log(
    ctx: typer.Context,
    move: Annotated[
        str | None, params.move("The move: a slug, a name or a number.", required=False)
    ] = None,
    reps: Annotated[
        str | None, params.value("--reps", metavar="LIST", help="Reps of each set, e.g. 10,10,9.")
    ] = None,
    load: Annotated[
        str | None,
        params.value(
            "--load",
            parser=_parse_load,
            metavar="LOAD",
            help="12kg, 25lb, a band (light, medium, heavy, extra-heavy) or a step (30cm).",
        ),
    ] = None,
    form: Annotated[
        str | None,
        params.value(
            "--form",
            metavar="FORM",
            help=(
                "The form you did: its name, or easier, standard or harder. "
                "[default: your saved programme's, else standard]"
            ),
        ),
    ] = None,
    when: Annotated[
        str | None,
        params.when("The day you trained: a date, today, yesterday or a weekday. [default: today]"),
    ] = None,
    side: Annotated[
        str | None,
        params.value(
            "--side",
            parser=rules.parse_side,
            metavar="SIDE",
            complete=completion.complete_side,
            help="Left or right: sets done on that side only (the weak side's extra set).",
        ),
    ] = None,
    pain: Annotated[
        int | None,
        params.value(
            "--pain",
            parser=rules.PAIN.parse,
            metavar="N",
            help="Pain during the move, 0 (none) to 10: progression listens to it (ours).",
        ),
    ] = None,
    morning: Annotated[
        int | None,
        params.value(
            "--morning",
            parser=rules.PAIN.parse,
            metavar="N",
            help="How the worked area feels this morning (--date: that morning), 0 to 10.",
        ),
    ] = None,
    note: Note = None,
    sheet: Sheet = None,
    fit: Annotated[
        Path | None,
        params.value(
            "--fit",
            parser=rules.parse_path,
            metavar="FILE",
            help="Log the sets of a strength activity your watch recorded (.fit).",
        ),
    ] = None,
    skip_unknown: Annotated[
        bool,
        params.flag(
            "--skip-unknown",
            help="With --fit: log the sets of glutemed's moves, leave the rest out.",
        ),
    ] = False,
) -> None:
    """Record the sets you did (or the ticked sets of a sheet)."""
    # Long only in its signature: each parameter is an option's declaration.
    from glutemed.core.sets import LoggedSet, Pain
    from glutemed.formats.sheet import range_warnings
    from glutemed.storage import sets as sets_store

    catalogue = context.load_catalogue(context.settings(ctx))
    if morning is not None:
        if any(value is not None for value in (move, reps, load, form, side, pain, sheet)):
            raise FieldError("morning", "is logged alone: give only --date with it")
        _morning(morning, context.on_day(when, ahead=False))
        return
    if skip_unknown and fit is None:
        raise FieldError("skip_unknown", "applies only with --fit")
    if fit is not None:
        if any(v is not None for v in (move, reps, load, when, form, side, pain, sheet, note)):
            raise FieldError("fit", "takes the moves, reps, loads and date from the activity alone")
        from glutemed.cli import watchfiles

        watchfiles.import_activity(catalogue, fit, skip_unknown=skip_unknown)
        return
    if sheet is not None:
        given = (move, reps, load, when, form, side, pain)
        if any(value is not None for value in given):
            raise FieldError(
                "sheet", "takes the moves, forms, reps, loads and dates from the sheet alone"
            )
        _from_sheet(catalogue, sheet, note)
        return
    counts = params.parsed("reps", rules.parse_reps, reps)
    if move is None or counts is None:
        raise UsageError("give a move and --reps (e.g. glutemed log split-squat --reps 10,10,9)")
    exercise = catalogue.find(move)
    if side is not None and not exercise.per_side:
        raise FieldError(
            "side", f"applies to a move done one side at a time; {exercise.slug} is not"
        )
    day = context.on_day(when, ahead=False)
    if day > context.today():
        from glutemed.errors import DateError

        raise DateError(f"--date {day.isoformat()} is still to come: log the sets you have done")
    done_in = _form(exercise, form, day)
    for warning in range_warnings(exercise.slug, exercise.reps.min, exercise.reps.max, counts):
        streams.warn(warning)
    sets = [
        LoggedSet(day, exercise.slug, number, count, load, note, form=done_in, side=side)
        for number, count in enumerate(counts, start=1)
    ]
    hurt = [Pain(day, exercise.slug, pain)] if pain is not None else []
    stored = sets_store.add_sets(sets, source="log", pains=hurt)
    with_load = f" at {load}" if load else ""
    as_form = f" ({done_in})" if done_in else ""
    as_form += f" ({side} side only)" if side else ""
    first, last = stored[0].set, stored[-1].set
    later = (
        f" (sets {first}-{last} of the day)"
        if first > 1 and last > first
        else f" (set {first} of the day)"
        if first > 1
        else ""
    )
    streams.done(
        f"Logged {plural(len(sets), 'set')} of {exercise.slug}{as_form}{with_load} "
        f"on {day.isoformat()}{later}"
    )
    if pain is not None:
        streams.note(_pain_word(pain))


def _form(exercise: "Exercise", given: str | None, day: date) -> str | None:
    """The name of the form done (None: the move's own), as given or as the programme plans it."""
    if given is not None:
        try:
            variant = exercise.variant_named(given)
        except ValueError as err:
            raise FieldError("form", str(err)) from None
        return variant.name if variant else None
    from glutemed.storage import programmes as programme

    saved = programme.in_force(day, warn=streams.warn)
    if saved is None:
        if exercise.variants:
            later = programme.in_force(day, warn=streams.warn, upcoming=True)
            why = (
                f"your programme starts {later.start.isoformat()}, after this day"
                if later is not None
                else "no saved programme ('glutemed plan --save')"
            )
            streams.note(f"{why}: logged as the move's own form; --form names another")
        return None
    return saved.forms.get(exercise.slug)


def _morning(score: int, day: "date") -> None:
    """The morning after a session: how the worked area feels, kept for progression."""
    from glutemed.core.sets import Pain
    from glutemed.errors import DateError
    from glutemed.storage import sets as sets_store

    if day > context.today():
        raise DateError(f"--date {day.isoformat()} is still to come: log a morning once it came")
    sets_store.add_pains([Pain(day, None, score, "morning")], source="log --morning")
    streams.done(
        f"Logged the morning of {day.isoformat()}: pain {score}/10 "
        "(it counts for the session before it)"
    )


def _from_sheet(catalogue: "Catalogue", sheet: Path, note: str | None) -> None:
    from glutemed.errors import SheetError, Unreadable
    from glutemed.formats.sheet import sheet_sets
    from glutemed.storage import sets as sets_store
    from glutemed.storage.files import read_regular

    try:
        text = read_regular(sheet, SHEET_BYTES).decode("utf-8")
    except Unreadable as err:
        raise SheetError(f"{sheet}: {err}") from None
    except UnicodeDecodeError:
        raise SheetError(f"{sheet}: cannot read: not UTF-8 text") from None
    sets, warnings, pains = sheet_sets(text, catalogue, str(sheet), note, today=context.today())
    for warning in warnings:
        streams.warn(warning)
    if not sets and not pains:
        streams.out(f"No ticked sets in {sheet}: nothing logged")
        return
    written = sets_store.put_sets(sets, source=f"sheet {sheet}", pains=pains)
    parts = [
        *([f"updated {plural(written.updated, 'set')}"] if written.updated else []),
        *([f"{written.unchanged} already in the log"] if written.unchanged else []),
    ]
    again = f" ({', '.join(parts)})" if parts else ""
    scores = f" and {plural(len(pains), 'pain score')}" if pains else ""
    streams.done(f"Logged {plural(written.added, 'set')}{scores} from {sheet}{again}")
    for was, now in written.changes:
        streams.note(f"updated {_change(catalogue, was, now)}")
    _unticked(sheet, text, catalogue)


def _change(catalogue: "Catalogue", was: "LoggedSet", now: "LoggedSet") -> str:
    """``set 1 of Lateral Lunge on 2026-11-16: 8 -> 11 reps, 12kg -> 14kg``."""
    try:
        name = catalogue.find(now.slug).name
    except GlutemedError:
        name = now.slug
    parts = [f"{was.reps} -> {now.reps} reps"] if was.reps != now.reps else []
    if was.load != now.load:
        parts.append(f"{was.load or 'no load'} -> {now.load or 'no load'}")
    if was.form != now.form:
        parts.append(f"form {was.form or name} -> {now.form or name}")
    return f"set {now.set} of {name} on {now.date.isoformat()}: {', '.join(parts)}"


def _unticked(sheet: Path, text: str, catalogue: "Catalogue") -> None:
    """Say so when boxes left unticked on the sheet are in the log: they stay there."""
    from glutemed.formats.sheet import read_sheet
    from glutemed.storage import history

    open_boxes = {
        (box.date, box.slug, box.set) for box in read_sheet(text, str(sheet)) if not box.ticked
    }
    if not open_boxes:
        return
    slugs = {slug for _, slug, _ in open_boxes if slug}
    logged = history.read_sets(slugs, warn=streams.warn)
    kept = [s for s in logged if (s.date, s.slug, s.set) in open_boxes]
    if kept:
        streams.note(
            f"{plural(len(kept), 'set')} not ticked on {sheet} "
            f"{'is' if len(kept) == 1 else 'are'} in the log and stay there "
            "(un-ticking removes nothing; 'glutemed undo' removes the last command)"
        )


def _pain_word(score: int) -> str:
    """What glutemed's pain rule makes of a score, in one line."""
    from glutemed.core.progression import PAIN_HOLD, PAIN_OK

    if score <= PAIN_OK:
        return f"pain {score}/10 noted: up to {PAIN_OK}/10, progression goes on (glutemed's rule)"
    if score <= PAIN_HOLD:
        return f"pain {score}/10 noted: the next session holds this move (glutemed's rule)"
    return (
        f"pain {score}/10 noted: the next session steps this move down (glutemed's rule); "
        "if it stays, see a clinician"
    )
