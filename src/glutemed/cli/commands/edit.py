"""glutemed edit: put one logged set right, by the id 'history --all' shows."""

from typing import Annotated

import typer

from glutemed.cli import context, params, streams
from glutemed.core import rules
from glutemed.errors import FieldError, UsageError


def _load(text: str) -> str:
    """A load as ``--load`` takes it: ``-`` (or none) for bodyweight, else a load."""
    from glutemed.core.sets import parse_load

    return "-" if text.strip().lower() in ("-", rules.NONE) else parse_load(text).text


def edit(
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="The set's id, from 'glutemed history --all'.")
    ],
    reps: Annotated[
        int | None,
        params.value("--reps", parser=rules.REPS.parse, metavar="N", help="The reps you did."),
    ] = None,
    load: Annotated[
        str | None,
        params.value(
            "--load", parser=_load, metavar="LOAD", help="The load you used, or - for none."
        ),
    ] = None,
    when: Annotated[
        str | None,
        params.value(
            "--date",
            parser=params.day_words,
            metavar="DAY",
            help="The day you did it: a date, today, yesterday or a weekday.",
        ),
    ] = None,
) -> None:
    """Put one logged set right: its reps, load or day."""
    import dataclasses

    from glutemed.storage import sets

    number = params.set_id("ident", ident)
    if reps is None and load is None and when is None:
        raise UsageError("give what to put right: --reps, --load or --date")
    was = context.logged_set(number)
    day = context.on_day(when, ahead=False) if when is not None else was.date
    if day > context.today():
        raise FieldError("when", f"{day.isoformat()} is still to come")
    new_load = was.load if load is None else None if load == "-" else load
    new = dataclasses.replace(was, reps=reps or was.reps, load=new_load, date=day)
    if (new.reps, new.load, new.date) == (was.reps, was.load, was.date):
        streams.out(f"Set {number} is already so: nothing changed")
        return
    now = sets.edit_set(number, new)
    changes = []
    if now.reps != was.reps:
        changes.append(f"{was.reps} -> {now.reps} reps")
    if now.load != was.load:
        changes.append(f"{was.load or 'no load'} -> {now.load or 'no load'}")
    if now.date != was.date:
        changes.append(f"{was.date.isoformat()} -> {now.date.isoformat()} (set {now.set})")
    streams.done(f"Set {number} of {was.slug}: {', '.join(changes)} ('glutemed undo' puts it back)")
