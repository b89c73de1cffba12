"""Small wording helpers every layer shares: quoting a value in a message, plurals,
lists in prose. Standard library only, so anything may import it cheaply."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Control characters (C0 but tab and newline, DEL, C1) and bidirectional controls:
#: never printed raw to a terminal (they could retitle the window, clear the
#: screen or reorder the text) nor written to a file glutemed makes.
CONTROLS = re.compile(
    "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]"
)


def escaped(text: str) -> str:
    """``text`` with each control character shown as an escape (``\\x1b``), as repr does."""
    return CONTROLS.sub(lambda found: repr(found.group())[1:-1], text)


def without_controls(text: str) -> str:
    """``text`` with its control characters dropped: for files glutemed writes."""
    return CONTROLS.sub("", text)


def clip(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters, ending in ``...`` when cut."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def quoted(value: object, limit: int = 40) -> str:
    """A value as a message quotes it: ``'funday'``, clipped to ``limit`` characters."""
    return repr(clip(str(value), limit))


def one_line(text: str, limit: int = 160) -> str:
    """Whitespace folded to single spaces, clipped to ``limit`` characters."""
    return clip(" ".join(str(text).split()), limit)


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 set``, ``2 sets``; ``many`` for nouns that do not just take an s."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def and_list(items: Sequence[str], conjunction: str = "and") -> str:
    """``Tuesday``, ``Tuesday and Thursday``, ``Monday, Wednesday and Friday``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
