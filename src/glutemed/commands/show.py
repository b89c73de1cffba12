"""glutemed show: one move as a card or JSON."""

from typing import Annotated

import typer

from glutemed.commands import common


def show(
    ctx: typer.Context,
    move: common.Move,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a card.")] = False,
) -> None:
    """Show one move step by step."""
    catalogue = common.load_catalogue(common.settings(ctx))
    exercise = catalogue.find(move)
    if as_json:
        common.print_json(exercise.model_dump(mode="json"))
        return
    from glutemed import render

    number = catalogue.exercises.index(exercise) + 1
    render.emit(render.exercise_card(exercise, number))
