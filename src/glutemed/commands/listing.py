"""glutemed list: the catalogue as a table or JSON."""

from __future__ import annotations

from glutemed.commands import CatalogueChoice, print_json


def run(choice: CatalogueChoice, *, as_json: bool) -> None:
    catalogue = choice.load()
    if as_json:
        print_json([move.model_dump(mode="json") for move in catalogue])
        return
    from glutemed import render

    render.console().print(render.catalogue_table(catalogue))
