"""glutemed list: the catalogue as a table or JSON."""

import typer

from glutemed.cli import context, params, streams


def list_(ctx: typer.Context, as_json: params.Json = False) -> None:
    """List the moves in the catalogue."""
    catalogue = context.load_catalogue(context.settings(ctx))
    if as_json:
        streams.print_json([move.model_dump(mode="json") for move in catalogue])
        return
    from glutemed.views import terminal as render
    from glutemed.views.console import emit

    emit(render.CatalogueView(catalogue))
