"""Every error class glutemed raises for something a user can cause, and the exit codes.

``glutemed.cli.app`` turns a :class:`GlutemedError` into one line on stderr and the
error's ``exit_code``; nothing a user does should end in a traceback. The
core never names a command-line flag: an error about one setting is a
:class:`FieldError` naming the field (or an error made by
:meth:`GlutemedError.naming`), and the command line shows the flag that sets it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import IntEnum


class ExitCode(IntEnum):
    """How glutemed ends, the one list of its exit statuses."""

    #: Done, including a guided session ended early with ``q`` or Ctrl-D.
    OK = 0
    #: Something the user can fix: a file, a log, a calendar, a move not found.
    FAILURE = 1
    #: A usage error: an option's value, or options that disagree.
    USAGE = 2
    #: Stopped with Ctrl-C (128 + SIGINT); what was saved stays saved.
    INTERRUPTED = 130
    #: Ended by SIGTERM (128 + SIGTERM): a transaction rolled back, temp files removed.
    TERMINATED = 143


class GlutemedError(Exception):
    """Base class: a problem the user can fix. Exit code 1."""

    exit_code: int = ExitCode.FAILURE

    @classmethod
    def naming(cls, template: str, **values: str) -> GlutemedError:
        """An error whose words name settings, not flags: ``{force}`` in ``template``
        stands for the setting, and each of ``values`` for itself (a path, say, which
        may hold braces). The command line shows each setting as its flag
        (:meth:`message`); elsewhere it reads as the setting's name."""
        error = cls(template.format(**values, **{k: k for k in _fields(template, values)}))
        error.template = (template, values)
        return error

    template: tuple[str, dict[str, str]] | None = None

    def message(self, name: Callable[[str], str] = str) -> str:
        """The sentence, with each setting it names shown by ``name(field)``."""
        if self.template is None:
            return str(self)
        template, values = self.template
        return template.format(**values, **{k: name(k) for k in _fields(template, values)})


class CatalogueError(GlutemedError):
    """The catalogue file is missing, unreadable, malformed or invalid."""


class NotFoundError(GlutemedError):
    """No move in the catalogue matches what the user asked for."""


class PlanError(GlutemedError):
    """No plan can be made from these settings and this catalogue."""


class ExportError(GlutemedError):
    """A file could not be written where the user asked."""


class SheetError(GlutemedError):
    """A training sheet could not be read, or a line of it makes no sense."""


class ConfigError(GlutemedError):
    """The config file is missing (when named), unreadable, or holds a bad value."""


class LogError(GlutemedError):
    """The training log cannot be used: not glutemed's, damaged, or not writable."""


class CalendarError(GlutemedError):
    """The runner's calendar (``--runs-from``) cannot be fetched or read."""


class FitError(GlutemedError):
    """A FIT file a watch recorded that glutemed cannot read, or its sets no move matches."""


class PublishError(GlutemedError):
    """A calendar server that cannot be reached, refuses glutemed, or answers wrongly."""


class DateError(GlutemedError):
    """A day that makes no sense for the command: logging a set on a day still to come."""


class NothingToDo(GlutemedError):
    """The request is fine but there is nothing for it to act on (``undo`` on an empty log)."""


class Unreadable(ValueError):
    """A file glutemed cannot or will not read; the message says why, without the path.

    Never shown as it is: the reader that raised it names the file in an error
    of its own kind. ``missing`` tells a file that does not exist from the rest.
    """

    def __init__(self, reason: str, *, missing: bool = False) -> None:
        super().__init__(reason)
        self.missing = missing


class Ended(Exception):
    """The runner ended a guided session early (``q`` or Ctrl-D): the session stops,
    keeping what was logged, and glutemed exits 0."""


class UsageError(GlutemedError):
    """Settings that make sense alone but not together. Exit code 2, like a bad option."""

    exit_code = ExitCode.USAGE


_FIELD = re.compile(r"\{(\w+)\}")


def _fields(template: str, values: dict[str, str]) -> set[str]:
    return {found for found in _FIELD.findall(template) if found not in values}


class FieldError(UsageError):
    """A value the user gave for one setting (``field``) that cannot be used.

    ``problem`` reads after the setting's name (``"must be after {start}"``);
    ``{name}`` in it stands for another setting. Outside the command line the
    names are shown as they are; the command layer shows each as its flag.
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def message(self, name: Callable[[str], str] = str) -> str:
        """The sentence, with each setting named by ``name(field)``."""
        problem = _FIELD.sub(lambda match: name(match.group(1)), self.problem)
        return f"{name(self.field)} {problem}"

    def __str__(self) -> str:
        return self.message()
