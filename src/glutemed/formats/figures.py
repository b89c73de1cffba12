"""The exercise figures: glutemed's own SVG drawings, one per move (and per variant
whose movement differs), in ``data/figures`` (shipped in the wheel; read by
:func:`glutemed.storage.files.read_figure`). Drawn by ``docs/draw_figures.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glutemed.core.catalogue import Exercise, Variant

#: A figure's SVG text by its name, or None when there is no such figure.
Drawings = Callable[[str], "str | None"]


def name_of(move: Exercise, form: Variant | None = None) -> str:
    """The figure a form is drawn by: its own where it names one, else its move's."""
    if form is not None and form.figure:
        return form.figure
    return move.figure or move.slug


def figure(drawings: Drawings, move: Exercise, form: Variant | None = None) -> str | None:
    """A form's figure as SVG text, or None when glutemed has no drawing of it."""
    return drawings(name_of(move, form))


def inline(svg: str, label: str) -> str:
    """A figure to place inside a page: no XML declaration, ids made unique by ``label``."""
    return svg.replace('id="t"', f'id="t-{label}"').replace(
        'aria-labelledby="t"', f'aria-labelledby="t-{label}"'
    )
