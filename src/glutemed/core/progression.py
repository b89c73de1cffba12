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
- a form the log has not seen: two easy sessions first, at the middle of the
  range with three or four reps in reserve (familiarisation), never at a higher
  load than the last.

Before all of that come the pain rules (:func:`pain_verdict`) and the range rule:
pain above 3/10 holds a move or steps it down, and a set below the bottom of the
range steps it down (one load step, or the easier form).

A lighter week takes no load step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from glutemed.core.sets import STEPS, Load, LoggedSet, Pain, parse_load, top_load_text

#: How long after a session a morning pain score still belongs to it.
WEEK = timedelta(days=7)

#: glutemed's rules, as the advice says them (none of this is the source's).
FIRST = (
    "new to this form: the first of two easy sessions (glutemed's rule): aim for {mid} "
    "controlled reps with three or four in reserve, at a load you pick"
)
SECOND = (
    "the second of two easy sessions with this form (glutemed's rule): aim for {mid} "
    "controlled reps with three or four in reserve, at {load} or less"
)
LAST_STEP = {"band": "the strongest band", "cm": "the highest step glutemed takes"}
LATER = "add a rep to each set until every set reaches {high}, then add load"
HELP = (
    "training information, not a diagnosis: if the pain stays above 3/10, comes back "
    "session after session, or comes with swelling, numbness or giving way, see a "
    "clinician (a physiotherapist or sports doctor)"
)
#: The pain scale glutemed's rules use (the pain-monitoring model of tendon and knee
#: rehabilitation): up to this, train on.
PAIN_OK = 3
#: Above this, step down; from ``PAIN_OK + 1`` to here, hold.
PAIN_HOLD = 5


@dataclass(frozen=True)
class Prescription:
    """The next session of one move's form: what to aim for, at what load, and why.

    ``target_reps`` and ``load`` are None when the log does not say.
    ``extra_set``: one set more than planned (no step up was possible).
    ``harder``: move on to the next harder form; ``easier``: back to the easier one.
    ``kept_load``: last session's load (what a taper keeps); ``kept_reps``, its weakest set.
    """

    target_reps: int | None
    load: str | None
    advice: str
    extra_set: bool = False
    harder: bool = False
    easier: bool = False
    kept_load: str | None = None
    kept_reps: int | None = None


def pain_verdict(pains: Sequence[Pain], last_day: date) -> tuple[str, str]:
    """(``"go"``, ``"hold"`` or ``"down"``, why) from a move's pain scores up to its last
    session on ``last_day`` and the morning after it (glutemed's rule, after the
    pain-monitoring model used in tendon and knee rehabilitation):

    - up to 3/10, with no morning score or one no higher than the session's: go on;
    - 4 or 5/10, or a morning worse than the session: hold at the last load and reps;
    - above 5/10, or above 3/10 and higher in each of the last two sessions: step down.
    """
    sessions = sorted(p for p in pains if p.kind == "session" and p.date <= last_day)
    scores: dict[date, int] = {}
    for pain in sessions:
        scores[pain.date] = pain.score  # the latest score of a day counts
    mornings = sorted(
        (p for p in pains if p.kind == "morning" and last_day < p.date <= last_day + WEEK),
        key=lambda p: p.date,
    )
    now = scores.get(last_day)
    morning = mornings[0].score if mornings else None
    days = sorted(scores)
    trend = [scores[day] for day in days[-3:]]
    rising = len(trend) == 3 and trend[0] < trend[1] < trend[2] and trend[2] > PAIN_OK
    if now is not None and (now > PAIN_HOLD or (rising and days[-1] == last_day)):
        why = f"pain {now}/10 last time" + (", higher each session" if rising else "")
        return "down", why
    if now is not None and now > PAIN_OK:
        return "hold", f"pain {now}/10 last time"
    if morning is not None and morning > (now or 0):
        return "hold", f"pain {morning}/10 the morning after, more than during the session"
    return "go", ""


def next_session(
    low: int,
    high: int,
    last: Sequence[LoggedSet],
    *,
    steps: Mapping[str, float] = STEPS,
    can_harden: bool = False,
    can_ease: bool = False,
    lighter: bool = False,
    pains: Sequence[Pain] = (),
    seen: int = 2,
    box_max: float = 45,
) -> Prescription:
    """The next session of a form, from its last logged session's sets (in set order),
    the move's pain scores and how many sessions of the form the log holds (``seen``).

    The pain rules and the range rule come before any other: pain holds or steps a
    move down, and a set below the range steps it down; then a form new to the log
    has two easy sessions; then the double progression. ``can_harden``/``can_ease``:
    a harder/easier form that the equipment allows exists. ``lighter``: a lighter
    week, so no load step. ``box_max``: the highest box, in cm (about knee height).
    """
    mid = (low + high) // 2
    if not last:
        return Prescription(mid, None, FIRST.format(mid=mid))
    load = next((item.load for item in reversed(last) if item.load), None)
    weakest = min(item.reps for item in last)
    at = f" at {load}" if load else ""
    verdict, why = pain_verdict(pains, last[0].date)
    if verdict == "down":
        return _down(low, load, weakest, why, steps, can_ease, pain=True)
    if verdict == "hold":
        return Prescription(
            weakest,
            load,
            f"{why} (glutemed's pain rule): keep last time's load and reps, {weakest}{at}; {HELP}",
            kept_load=load,
            kept_reps=weakest,
        )
    if weakest < low:
        why = f"last time your weakest set was {weakest} reps, below the range's {low}"
        return _down(low, load, weakest, why, steps, can_ease, pain=False)
    if seen < 2:
        return Prescription(
            mid,
            load,
            SECOND.format(mid=mid, load=load or "the same load"),
            kept_load=load,
            kept_reps=weakest,
        )
    if weakest < high:
        aim = min(high, weakest + 1)
        return Prescription(
            aim,
            load,
            f"last time your weakest set was {weakest} reps{at}: "
            f"keep the load and aim for {aim} in every set",
            kept_load=load,
            kept_reps=weakest,
        )
    done = f"every set reached {high} reps{at} last time"
    if lighter:
        return Prescription(
            high,
            load,
            f"{done}; a lighter week: keep the load, no step up",
            kept_load=load,
            kept_reps=weakest,
        )
    if load is None:
        if can_harden:
            return Prescription(
                low,
                None,
                f"{done}: move on to the harder form, starting at {low} reps",
                harder=True,
                kept_load=load,
                kept_reps=weakest,
            )
        return Prescription(
            high,
            None,
            f"{done}, and no harder form fits your equipment: add a set (up to 4)",
            extra_set=True,
            kept_load=load,
            kept_reps=weakest,
        )
    current = parse_load(load)
    heavier = current.step_up(steps)
    if heavier is not None and heavier.unit == "cm" and heavier.amount > box_max:
        heavier = None  # the box stops at about knee height
        if can_harden:
            return Prescription(
                low,
                None,
                f"{done}, and the box is at its highest ({box_max:g} cm, about knee height; "
                "glutemed's ceiling): move on to the harder form, starting at "
                f"{low} reps",
                harder=True,
                kept_load=load,
                kept_reps=weakest,
            )
    if heavier is None:
        last_step = LAST_STEP.get(current.unit, "the heaviest load glutemed takes")
        if current.unit == "cm" and current.amount >= box_max:
            last_step = f"the box at its highest ({box_max:g} cm, about knee height)"
        return Prescription(
            high,
            load,
            f"{done}, {last_step}: add a set (up to 4)",
            extra_set=True,
            kept_load=load,
            kept_reps=weakest,
        )
    return Prescription(
        low,
        heavier.text,
        f"{done}: go up to {heavier.text}, aim for {low} reps",
        kept_load=load,
        kept_reps=weakest,
    )


def _down(
    low: int,
    load: str | None,
    weakest: int,
    why: str,
    steps: Mapping[str, float],
    can_ease: bool,
    *,
    pain: bool,
) -> Prescription:
    """One step down from ``load``: the next lighter load, else the easier form, else
    (the easiest form already) the same, aiming at the bottom of the range."""
    rule = "glutemed's pain rule" if pain else "glutemed's rule"
    tail = f"; {HELP}" if pain else ""
    lighter = parse_load(load).step_down(steps) if load else None
    if lighter is not None:
        return Prescription(
            low,
            lighter.text,
            f"{why} ({rule}): one step down to {lighter.text}, aim for {low} reps{tail}",
            kept_load=load,
            kept_reps=weakest,
        )
    if can_ease:
        return Prescription(
            low,
            None,
            f"{why} ({rule}): back to the easier form, aim for {low} reps{tail}",
            easier=True,
            kept_load=load,
            kept_reps=weakest,
        )
    return Prescription(
        low,
        load,
        f"{why} ({rule}): this is already the easiest form; keep it and aim for {low} reps{tail}",
        kept_load=load,
        kept_reps=weakest,
    )


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
