"""Pure double progression from logged sets, and the loads it works with. No I/O.

Loads are kept as the runner wrote them (``12kg``, ``25lb``, ``band:medium``,
a step height such as ``30cm``) and compared in their own unit.

The rule (glutemed's choice: the source gives the moves and their rep ranges,
not a progression) works from the last logged session of the same form:

- every set reached the top of the range: one step up, and aim at the bottom
  of the range again. Dumbbells: the next weight on the runner's dumbbell step
  (``load_step``, by default 1 kg, or 2.5 lb for loads logged in pounds); a
  band: the next band; a box: a step 5 cm higher; no load: the next harder
  form. When there is no next step (the strongest band, the highest step, no
  harder form the equipment allows), one more set instead, up to 4, and the
  advice says so;
- otherwise: the same load, aiming at last time's weakest set plus one rep;
- nothing logged for the form: the bottom of the range at a load the runner
  picks, leaving two or three reps in reserve.

A lighter week takes no load step.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from glutemed.text import quoted

if TYPE_CHECKING:
    from glutemed.log import LoggedSet

BANDS: tuple[str, ...] = ("light", "medium", "heavy", "extra-heavy")
POUND_KG = 0.45359237
_AMOUNT = re.compile(r"^([0-9]{1,4}(?:\.[0-9]{1,2})?)\s*(kg|lb|cm)s?$")
#: The heaviest load glutemed takes, in each unit (and the highest step): far
#: beyond any dumbbell a runner holds for these moves, so a typing slip is caught.
HEAVIEST: dict[str, float] = {"kg": 500, "lb": 1100, "cm": 60}
LOAD_FORMS = "12kg, 25lb, a band (light, medium, heavy, extra-heavy) or a step height (30cm)"
#: One step up in each unit, unless the runner's ``load_step`` says otherwise.
STEPS: dict[str, float] = {"kg": 1.0, "lb": 2.5, "cm": 5.0}
NO_LOG = (
    "nothing logged for this form yet: start at the bottom of the range ({low} reps) "
    "with a load you pick, leaving two or three reps in reserve"
)
LAST_STEP = {"band": "the strongest band", "cm": "the highest step glutemed takes"}
LATER = "add a rep to each set until every set reaches {high}, then add load"


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
    cleaned = text.strip().lower()
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


@dataclass(frozen=True)
class Prescription:
    """The next session of one move's form: what to aim for, at what load, and why.

    ``target_reps`` and ``load`` are None when the log does not say.
    ``extra_set``: one set more than planned (no step up was possible).
    ``harder``: move on to the next harder form.
    """

    target_reps: int | None
    load: str | None
    advice: str
    extra_set: bool = False
    harder: bool = False


def next_session(
    low: int,
    high: int,
    last: Sequence[LoggedSet],
    *,
    steps: Mapping[str, float] = STEPS,
    can_harden: bool = False,
    lighter: bool = False,
) -> Prescription:
    """The next session of a form, from its last logged session's sets (in set order).

    ``can_harden``: a harder form that the equipment allows exists.
    ``lighter``: this is a lighter week, so no load step.
    """
    if not last:
        return Prescription(None, None, NO_LOG.format(low=low))
    load = next((item.load for item in reversed(last) if item.load), None)
    weakest = min(item.reps for item in last)
    at = f" at {load}" if load else ""
    if weakest < high:
        aim = min(high, weakest + 1)
        return Prescription(
            aim,
            load,
            f"last time your weakest set was {weakest} reps{at}: "
            f"keep the load and aim for {aim} in every set",
        )
    done = f"every set reached {high} reps{at} last time"
    if lighter:
        return Prescription(high, load, f"{done}; a lighter week: keep the load, no step up")
    if load is None:
        if can_harden:
            return Prescription(
                low,
                None,
                f"{done}: move on to the harder form, starting at {low} reps",
                harder=True,
            )
        return Prescription(
            high,
            None,
            f"{done}, and no harder form fits your equipment: add a set (up to 4)",
            extra_set=True,
        )
    current = parse_load(load)
    heavier = current.step_up(steps)
    if heavier is None:
        last_step = LAST_STEP.get(current.unit, "the heaviest load glutemed takes")
        return Prescription(high, load, f"{done}, {last_step}: add a set (up to 4)", extra_set=True)
    return Prescription(low, heavier.text, f"{done}: go up to {heavier.text}, aim for {low} reps")


def sessions_of(sets: Iterable[LoggedSet]) -> dict[str, dict[date, list[LoggedSet]]]:
    """Sets grouped by move, then by day, each day's sets in the order given."""
    by_move: dict[str, dict[date, list[LoggedSet]]] = {}
    for item in sets:
        by_move.setdefault(item.slug, {}).setdefault(item.date, []).append(item)
    return by_move


def last_session(sets: Iterable[LoggedSet], slug: str, form: str | None) -> list[LoggedSet]:
    """The sets of the latest day a move was logged in ``form`` (None: its own form),
    in set order; empty when it never was. ``sets`` may come in any order. A set done
    on one side only (the weak side's extra set) does not count."""
    mine = [item for item in sets if item.slug == slug and item.form == form and item.side is None]
    if not mine:
        return []
    latest = max(item.date for item in mine)
    return sorted((item for item in mine if item.date == latest), key=lambda item: item.set)


def trends(sets: Iterable[LoggedSet]) -> dict[str, list[tuple[date, int, str | None]]]:
    """Per move, oldest first: (session date, total reps, top load) for each session."""
    return {
        slug: [
            (day, sum(s.reps for s in items), top_load(items))
            for day, items in sorted(days.items())
        ]
        for slug, days in sessions_of(sets).items()
    }


def top_load(items: Iterable[LoggedSet]) -> str | None:
    """The heaviest load among some sets (a weight beats a step height, which beats a
    band); None without loads."""
    return top_load_text(s.load for s in items if s.load)


def change(now: tuple[int, Sequence[str]], then: tuple[int, Sequence[str]] | None) -> str:
    """How a move changed between two sessions, each (total reps, loads used): the top
    load compared in kilograms, or by band or step, else the total reps."""
    if then is None:
        return "new in this time"
    heavy_now, heavy_then = _top(now[1]), _top(then[1])
    if heavy_now and heavy_then and heavy_now.unit == heavy_then.unit == "band":
        if heavy_now.amount != heavy_then.amount:
            return f"{heavy_then.text} -> {heavy_now.text}"
    elif heavy_now and heavy_then and heavy_now.unit == heavy_then.unit == "cm":
        if heavy_now.amount != heavy_then.amount:
            return f"{heavy_now.amount - heavy_then.amount:+g} cm step"
    elif heavy_now and heavy_then and {heavy_now.unit, heavy_then.unit} <= {"kg", "lb"}:
        kilos = round(heavy_now.kg - heavy_then.kg, 1)
        if kilos:
            return f"{kilos:+g} kg"
    reps = now[0] - then[0]
    return f"{reps:+d} reps a session" if reps else "the same"


def _top(loads: Sequence[str]) -> Load | None:
    top = top_load_text(loads)
    return parse_load(top) if top else None


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
