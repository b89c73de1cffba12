"""glutemed show: one move as a card, JSON, its figure (SVG) or a page to print (HTML)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glutemed.cli import context, params, streams
from glutemed.errors import FieldError

if TYPE_CHECKING:
    from glutemed.core.catalogue import Exercise


def show(
    ctx: typer.Context,
    move: params.Move,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a card.")] = False,
    output: Annotated[
        Path | None,
        params.output("Write the move's figure (.svg) or a page with it (.html) to FILE."),
    ] = None,
    force: params.Force = False,
) -> None:
    """Show one move step by step."""
    catalogue = context.load_catalogue(context.settings(ctx))
    exercise = catalogue.find(move)
    number = catalogue.exercises.index(exercise) + 1
    if output is not None:
        _write(exercise, number, output, force, as_json)
        return
    if as_json:
        streams.print_json(exercise.model_dump(mode="json"))
        return
    from glutemed.views import terminal as render
    from glutemed.views.console import emit

    emit(render.exercise_card(exercise, number))


def _write(exercise: "Exercise", number: int, output: Path, force: bool, as_json: bool) -> None:
    from glutemed.errors import ExportError
    from glutemed.formats.figures import figure
    from glutemed.storage.files import write_file

    drawings = context.drawings()

    suffix = output.suffix.lower()
    if as_json:
        raise FieldError("json", "and {output}: give one of them")
    if suffix not in (".svg", ".html", ".htm"):
        raise FieldError("output", "takes a file ending in .svg or .html")
    if suffix == ".svg":
        drawing = figure(drawings, exercise)
        if drawing is None:
            raise ExportError(f"glutemed has no figure of {exercise.slug}")
        write_file(output, drawing.encode(), force=force)
    else:
        from glutemed.formats.html import card_html

        write_file(output, card_html(exercise, number, drawings).encode(), force=force)
    streams.done(f"Wrote {exercise.slug} to {output}")
