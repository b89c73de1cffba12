"""The exercise figures: glutemed's own SVG drawings, one per move (and per variant
whose movement differs), in ``data/figures`` (shipped in the wheel). Drawn by
``docs/draw_figures.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glutemed.core.catalogue import Exercise, Variant


def folder() -> Path:
    """Where the figures are: inside an installed wheel, else the checkout's data/."""
    packaged = Path(__file__).with_name("data") / "figures"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "figures"


def name_of(move: Exercise, form: Variant | None = None) -> str:
    """The figure a form is drawn by: its own where it names one, else its move's."""
    if form is not None and form.figure:
        return form.figure
    return move.figure or move.slug


def figure(move: Exercise, form: Variant | None = None) -> str | None:
    """A form's figure as SVG text, or None when glutemed has no drawing of it."""
    path = folder() / f"{name_of(move, form)}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def inline(svg: str, label: str) -> str:
    """A figure to place inside a page: no XML declaration, ids made unique by ``label``."""
    return svg.replace('id="t"', f'id="t-{label}"').replace(
        'aria-labelledby="t"', f'aria-labelledby="t-{label}"'
    )
