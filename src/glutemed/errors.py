"""The one exception family glutemed raises for anything a user can cause.

``cli.py`` turns a :class:`GlutemedError` into one line on stderr and the
error's ``exit_code``; nothing a user does should end in a traceback.
"""

from __future__ import annotations


class GlutemedError(Exception):
    """Base class: a problem the user can fix. Exit code 1."""

    exit_code = 1


class CatalogueError(GlutemedError):
    """The catalogue file is missing, unreadable, malformed or invalid."""


class NotFoundError(GlutemedError):
    """No move in the catalogue matches what the user asked for."""


class PlanError(GlutemedError):
    """No plan can be made from these options and this catalogue."""


class ExportError(GlutemedError):
    """A plan could not be written where the user asked."""


class UsageError(GlutemedError):
    """Options that make sense alone but not together. Exit code 2, like typer's."""

    exit_code = 2
