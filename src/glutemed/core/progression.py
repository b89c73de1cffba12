"""Pure double progression from logged sets (:mod:`glutemed.core.sets`). No I/O.

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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from glutemed.core.sets import STEPS, Load, LoggedSet, parse_load, top_load_text

NO_LOG = (
    "nothing logged for this form yet: start at the bottom of the range ({low} reps) "
    "with a load you pick, leaving two or three reps in reserve"
)
LAST_STEP = {"band": "the strongest band", "cm": "the highest step glutemed takes"}
LATER = "add a rep to each set until every set reaches {high}, then add load"


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


def last_session(sets: Iterable[LoggedSet], slug: str, form: str | None) -> list[LoggedSet]:
    """The sets of the latest day a move was logged in ``form`` (None: its own form),
    in set order; empty when it never was. ``sets`` may come in any order. A set done
    on one side only (the weak side's extra set) does not count."""
    mine = [item for item in sets if item.slug == slug and item.form == form and item.side is None]
    if not mine:
        return []
    latest = max(item.date for item in mine)
    return sorted((item for item in mine if item.date == latest), key=lambda item: item.set)


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
