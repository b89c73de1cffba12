"""glutemed list: the catalogue as a table or JSON."""

import typer

from glutemed.commands import common


def list_(ctx: typer.Context, as_json: common.Json = False) -> None:
    """List the moves in the catalogue."""
    catalogue = common.load_catalogue(common.settings(ctx))
    if as_json:
        common.print_json([move.model_dump(mode="json") for move in catalogue])
        return
    from glutemed import render

    render.emit(render.CatalogueView(catalogue))
