"""The runner's settings: one model, resolved from option > environment > file > default.

The file is read by the command line and checked by
:mod:`glutemed.formats.config_toml`. The only
environment variable that holds a setting is ``GLUTEMED_CATALOGUE``.

:meth:`Settings.resolve` is the one place the four layers meet, as
fastapi-cli's config does: a command passes the options the user typed and
gets every setting with where it came from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from glutemed.core import rules
from glutemed.core.rules import SETTINGS as KEYS
from glutemed.core.schedule import CalendarRun, RunCalendar

if TYPE_CHECKING:
    from glutemed.core.reading import Limits


class Settings(BaseModel):
    """Every setting in force, and ``sources[key]``: option, environment, file or default."""

    # Every value is checked by its rule before it gets here (the option parsers,
    # or the config file's reader), so resolve() builds the model without
    # validating it again, and its schema is never built: start-up pays nothing.
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    days: int = 3
    equipment: frozenset[str] = frozenset(rules.EQUIPMENT)
    long_run: int | None = None
    hard: tuple[int, ...] = ()
    sets: int | None = None
    load_step: str | None = None
    rest: int | None = None
    box_max: int | None = None
    runs_from: str | None = None
    runs: dict[str, tuple[str, ...]] = {}
    long_km: int = 16
    long_minutes: int = 90
    #: The CalDAV calendar ``publish`` keeps in step (the ``[publish]`` table's url).
    publish: str | None = None
    catalogue: Path | None = None
    sources: dict[str, str] = {}
    file: Path | None = None

    @classmethod
    def resolve(
        cls,
        given: Mapping[str, Any] | None = None,
        file: tuple[Path, Mapping[str, Any]] | None = None,
    ) -> Settings:
        """The settings from the options the user ``given`` (None: not given) and the
        config ``file`` (its path and checked values, as the command line read them).

        ``long_run`` given as :data:`rules.NONE` clears a day the file sets.
        """
        options = {key: value for key, value in (given or {}).items() if value is not None}
        environment: dict[str, Any] = {}
        if os.environ.get("GLUTEMED_CATALOGUE"):
            environment["catalogue"] = Path(os.environ["GLUTEMED_CATALOGUE"])
        path, found = file if file is not None else (None, {})
        values: dict[str, Any] = {}
        sources: dict[str, str] = {}
        for key in KEYS:
            sources[key] = "default"
            for source, layer in (
                ("option", options),
                ("environment", environment),
                ("file", found),
            ):
                if key in layer:
                    values[key], sources[key] = layer[key], source
                    break
        if values.get("long_run") == rules.NONE:
            values["long_run"] = None
        if str(values.get("runs_from", "")).strip().lower() == rules.NONE:
            values["runs_from"] = None
        return cls.model_construct(**values, sources=sources, file=path)

    def with_calendar(self, runs: Iterable[CalendarRun]) -> tuple[RunCalendar, Settings, bool]:
        """The settings around the runner's calendar (glutemed's rule): its long runs, hard
        runs, races and strength days shape the plan, and the config file's ``long_run``
        and ``hard`` give way to it; an option given for either replaces that kind of run in it.

        (the calendar's runs that shape the plan, the settings to plan with, whether an
        option replaced a kind of run)."""
        replaced = {
            kind
            for kind, key in (("long", "long_run"), ("hard", "hard"))
            if self.sources.get(key) == "option"
        }
        shaping = tuple(
            run
            for run in runs
            if run.kind in ("long", "hard", "race", "strength") and run.kind not in replaced
        )
        kept = {
            key: getattr(self, key) if self.sources.get(key) == "option" else default
            for key, default in (("long_run", None), ("hard", ()))
        }
        return shaping, self.model_copy(update=kept), bool(replaced)

    @property
    def rest_seconds(self) -> int:
        """Rest between sets: the ``rest`` setting, else the minutes estimate's 60 s."""
        return self.rest if self.rest is not None else rules.REST_SECONDS

    @property
    def limits(self) -> Limits:
        """What makes a calendar's run long, by these settings (the reading rules are
        imported only when a calendar is read: their patterns cost start-up time)."""
        from glutemed.core.reading import Limits

        return Limits(self.long_km, self.long_minutes)

    def shown(self, key: str) -> Any:
        """A setting's value as a person (or JSON) reads it."""
        value = getattr(self, key)
        if key == "long_run" and value is not None:
            return rules.WEEKDAYS[value]
        if key == "equipment":
            return [item for item in rules.EQUIPMENT if item in value]
        if key == "hard":
            return [rules.WEEKDAYS[day] for day in value]
        if key == "runs":
            return {kind: list(words) for kind, words in value.items()}
        if isinstance(value, Path):
            return str(value)
        return value
