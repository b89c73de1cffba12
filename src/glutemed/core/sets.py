"""Loads and sets: a set as the log holds it, and the loads a runner writes. Pure.

Loads are kept as the runner wrote them (``12kg``, ``25lb``, ``band:medium``,
a step height such as ``30cm``) and compared in their own unit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from glutemed.core.text import quoted


@dataclass(frozen=True)
class LoggedSet:
    date: date
    slug: str
    set: int
    reps: int
    load: str | None = None
    note: str | None = None
    sheet_key: str | None = None
    id: int = 0
    #: The form's name, or None for the move's own form.
    form: str | None = None
    #: "left" or "right" for a set done on one side only (the weak side's extra set).
    side: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "slug": self.slug,
            "set": self.set,
            "reps": self.reps,
            "load": self.load,
            "note": self.note,
            "form": self.form,
            "side": self.side,
        }


class Pain(NamedTuple):
    """A pain score out of 10: a move's in a session (``kind`` "session", with its
    ``slug``), or how the worked area felt the next morning ("morning", no slug)."""

    date: date
    slug: str | None
    score: int
    kind: str = "session"

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "slug": self.slug,
            "score": self.score,
            "kind": self.kind,
        }


class MoveStats(NamedTuple):
    """A move's whole log in a few numbers, counted in SQL."""

    slug: str
    sessions: int
    first: date
    last: date
    best_reps: int
    first_load: str | None
    latest_load: str | None


BANDS: tuple[str, ...] = ("light", "medium", "heavy", "extra-heavy")
POUND_KG = 0.45359237
_AMOUNT = re.compile(r"^([0-9]{1,4}(?:\.[0-9]{1,2})?)\s*(kg|lb|cm)s?$")
#: The heaviest load glutemed takes, in each unit (and the highest step): far
#: beyond any dumbbell a runner holds for these moves, so a typing slip is caught.
HEAVIEST: dict[str, float] = {"kg": 500, "lb": 1100, "cm": 60}
LOAD_FORMS = "12kg, 25lb, a band (light, medium, heavy, extra-heavy) or a step height (30cm)"
#: One step up in each unit, unless the runner's ``load_step`` says otherwise.
STEPS: dict[str, float] = {"kg": 1.0, "lb": 2.5, "cm": 5.0}


@dataclass(frozen=True)
class Load:
    """A load as the runner wrote it: ``12kg``, ``25lb``, ``band:medium`` or ``30cm``."""

    text: str
    unit: str  # "kg", "lb", "cm" or "band"
    amount: float  # weight or height in its unit, or the band's step (0 = light)

    @property
    def kg(self) -> float:
        """Weight in kilograms, for comparing weights."""
        return self.amount * POUND_KG if self.unit == "lb" else self.amount

    def step_down(self, steps: Mapping[str, float] = STEPS) -> Load | None:
        """One step down: the next lighter weight or band, or a lower step; None below
        the lightest (then only an easier form is lighter)."""
        if self.unit == "band":
            step = int(self.amount) - 1
            return None if step < 0 else parse_load(BANDS[step])
        less = self.amount - steps.get(self.unit, STEPS[self.unit])
        return None if less <= 0 else parse_load(f"{less:g}{self.unit}")

    def step_up(self, steps: Mapping[str, float] = STEPS) -> Load | None:
        """One step up: the next weight or band, or a higher step; None past the last."""
        if self.unit == "band":
            step = int(self.amount) + 1
            return None if step >= len(BANDS) else parse_load(BANDS[step])
        more = self.amount + steps.get(self.unit, STEPS[self.unit])
        return None if more > HEAVIEST[self.unit] else parse_load(f"{more:g}{self.unit}")


@functools.lru_cache(maxsize=4096)
def parse_load(text: str) -> Load:
    """A load from what the runner typed; ValueError naming the forms it accepts.
    (Cached: a long log holds the same few loads thousands of times.)"""
    cleaned = re.sub(r"(\d),(\d)", r"\1.\2", text.strip().lower())  # 12,5kg: a decimal comma
    name = cleaned.removeprefix("band:").strip()
    if name in BANDS:
        return Load(f"band:{name}", "band", float(BANDS.index(name)))
    match = _AMOUNT.match(cleaned)
    if match and float(match.group(1)) > 0:
        number, unit = f"{float(match.group(1)):g}", match.group(2)
        if float(number) > HEAVIEST[unit]:
            limits = " or ".join(f"{most:g} {unit}" for unit, most in HEAVIEST.items())
            raise ValueError(f"takes at most {limits}; {quoted(text)} is more")
        return Load(f"{number}{unit}", unit, float(number))
    raise ValueError(f"takes a load such as {LOAD_FORMS}; {quoted(text)} is not a load")


def parse_step(text: str) -> dict[str, float]:
    """The steps to use, with the runner's dumbbell step (``2kg``, ``5lb``); ValueError
    for anything but a weight of at most 20."""
    load = parse_load(text)
    if load.unit not in ("kg", "lb") or load.amount > 20:
        raise ValueError(
            f"takes a dumbbell step such as 1kg, 2kg or 5lb (at most 20), not {quoted(text)}"
        )
    return {**STEPS, load.unit: load.amount}


def top_load_text(loads: Iterable[str]) -> str | None:
    """The heaviest of some loads (a weight beats a step height, which beats a band)."""
    parsed = []
    for text in loads:
        try:
            parsed.append(parse_load(text))
        except ValueError:
            continue
    if not parsed:
        return None
    return max(parsed, key=heaviness).text


#: How loads of different kinds compare: any weight beats any step, any step any band.
_KIND_RANK = {"band": 1, "cm": 2, "kg": 3, "lb": 3}


def heaviness(load: Load | None) -> tuple[int, float]:
    """A load's place in "the heaviest" (no load is lightest): its kind, then its amount."""
    return (0, 0.0) if load is None else (_KIND_RANK[load.unit], load.kg)
