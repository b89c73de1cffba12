"""glutemed show: one move as a card or JSON."""

from __future__ import annotations

from glutemed.commands import CatalogueChoice, print_json


def run(choice: CatalogueChoice, query: str, *, as_json: bool) -> None:
    catalogue = choice.load()
    exercise = catalogue.find(query)
    if as_json:
        print_json(exercise.model_dump(mode="json"))
        return
    from glutemed import render

    number = catalogue.exercises.index(exercise) + 1
    render.console().print(render.exercise_card(exercise, number))
