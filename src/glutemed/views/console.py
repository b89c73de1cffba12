"""The terminal glutemed writes to: rich's console, made safe, and :func:`emit`, the
way every view reaches stdout.

Rich drops colour by itself when stdout is not a terminal or ``NO_COLOR`` is set.
Piped output carries no trailing spaces, and a terminal that cannot show a symbol
(an ASCII-only locale) gets a plain stand-in instead of an error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.segment import Segment
from rich.text import Text

from glutemed.core.text import escaped

#: Plain stand-ins for the few symbols glutemed prints, for ASCII-only terminals.
ASCII = str.maketrans(
    {
        "·": "-",
        "…": "...",
        "\u2014": "-",
        "\u2013": "-",
        **dict(zip("▁▂▃▄▅▆▇█", "_.-:=+*#", strict=True)),
    }
)


class _Console(Console):
    """rich's console, showing any control character in the text as an escape
    (``\\x1b``): a catalogue, a note or a file name cannot retitle the window or
    clear the screen. rich's own styling is not text, so it is kept."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            part if part.control else part._replace(text=escaped(part.text)) for part in buffer
        )


#: The widest terminal glutemed lays out for: a ``COLUMNS`` of 100000 would make charts
#: and trend lines that take seconds to draw and no one can read.
MAX_WIDTH = 400


def console() -> Console:
    # No markup or emoji codes: catalogue text prints exactly as written.
    out = _Console(highlight=False, markup=False, emoji=False)
    if out.width > MAX_WIDTH:
        out.width = MAX_WIDTH
    return out


def emit(renderable: RenderableType) -> None:
    """Print a view on stdout: tidy when piped, and never failing on the encoding.

    A text marked ``no_wrap`` with ``overflow="ignore"`` (a command to copy) is
    printed whole on one line, however narrow the terminal.
    """
    out = console()
    parts = renderable.renderables if isinstance(renderable, Group) else [renderable]
    with out.capture() as captured:
        for part in parts:
            whole = isinstance(part, Text) and part.no_wrap is True and part.overflow == "ignore"
            out.print(part, soft_wrap=whole, crop=not whole)
    text = captured.get()
    if not out.is_terminal:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    sys.stdout.write(fit_encoding(text, sys.stdout.encoding))
    sys.stdout.flush()


def fit_encoding(text: str, encoding: str | None) -> str:
    """``text`` as ``encoding`` can carry it: symbols swapped for plain ones, the rest as ``?``."""
    codec = encoding or "utf-8"
    try:
        text.encode(codec)
        return text
    except UnicodeEncodeError:
        plain = text.translate(ASCII)
        return plain.encode(codec, "replace").decode(codec)
    except LookupError:
        return text
