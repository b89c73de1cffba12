"""Pure double progression from logged sets, and the loads it works with. No I/O.

Loads are kept as the runner wrote them (``12kg``, ``25lb``, ``band:medium``)
and compared in kilograms. The rule: when every set of a move's last two
logged sessions reached the top of its rep range at the same load, go up one
step and start again at the bottom of the range; otherwise keep the load and
aim for more reps. This rule, and its step sizes, are glutemed's choice: the
source gives the moves and their rep ranges, not a progression.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from glutemed.about import NOTHING_LOGGED
from glutemed.text import quoted

if TYPE_CHECKING:
    from glutemed.log import LoggedSet

BANDS: tuple[str, ...] = ("light", "medium", "heavy", "extra-heavy")
POUND_KG = 0.45359237
_WEIGHT = re.compile(r"^([0-9]{1,4}(?:\.[0-9]{1,2})?)\s*(kg|lb)s?$")
#: The heaviest load glutemed takes, in each unit: far beyond any dumbbell a runner
#: holds for these moves, so a typing slip is caught and every load stays readable.
HEAVIEST: dict[str, float] = {"kg": 500, "lb": 1100}
LOAD_FORMS = "12kg, 25lb or band:light|medium|heavy|extra-heavy"


@dataclass(frozen=True)
class Load:
    """A load as the runner wrote it: ``12kg``, ``25lb`` or ``band:medium``."""

    text: str
    unit: str  # "kg", "lb" or "band"
    amount: float  # weight in its unit, or the band's step (0 = light)

    @property
    def kg(self) -> float:
        """Weight in kilograms for comparison (bands compare by step, not weight)."""
        return self.amount * POUND_KG if self.unit == "lb" else self.amount

    def same_as(self, other: Load) -> bool:
        if (self.unit == "band") != (other.unit == "band"):
            return False
        return math.isclose(self.kg, other.kg, abs_tol=0.05)

    def next_step(self) -> Load | None:
        """One step heavier: +2 kg, +5 lb, or the next band; None past the strongest
        band or the heaviest load glutemed takes."""
        if self.unit == "band":
            step = int(self.amount) + 1
            return None if step >= len(BANDS) else parse_load(f"band:{BANDS[step]}")
        more = self.amount + (2 if self.unit == "kg" else 5)
        return None if more > HEAVIEST[self.unit] else parse_load(f"{more:g}{self.unit}")


def parse_load(text: str) -> Load:
    """A load from what the runner typed; ValueError naming the forms it accepts."""
    cleaned = text.strip().lower()
    if cleaned.startswith("band:"):
        name = cleaned.removeprefix("band:").strip()
        if name in BANDS:
            return Load(f"band:{name}", "band", float(BANDS.index(name)))
    match = _WEIGHT.match(cleaned)
    if match and float(match.group(1)) > 0:
        number, unit = f"{float(match.group(1)):g}", match.group(2)
        if float(number) > HEAVIEST[unit]:
            limits = " or ".join(f"{most:g} {name}" for name, most in HEAVIEST.items())
            raise ValueError(f"takes a load of at most {limits}; {quoted(text)} is more")
        return Load(f"{number}{unit}", unit, float(number))
    raise ValueError(f"takes a load such as {LOAD_FORMS}; {quoted(text)} is not a load")


@dataclass(frozen=True)
class Suggestion:
    load: str | None
    reason: str


def suggest(top_of_range: int, sessions: Sequence[Sequence[LoggedSet]]) -> Suggestion:
    """The next load for a move, from its logged sessions (newest first).

    Double progression: when every set of the last two sessions reached the
    top of the rep range at the same load, go up one step (+2 kg, +5 lb, the
    next band; without a load, pick up a dumbbell) and start again at the
    bottom of the range. Otherwise keep the load and aim for more reps.
    """
    if not sessions:
        return Suggestion(None, NOTHING_LOGGED)
    last = sessions[0]
    last_load = last[-1].load
    if len(sessions) < 2:
        if last_load is None:
            return Suggestion(None, f"no load: aim for more reps, up to {top_of_range}")
        return Suggestion(last_load, "keep this load and aim for more reps (one session logged)")
    recent = [item for session in sessions[:2] for item in session]
    loads = {item.load for item in recent}
    all_top = all(item.reps >= top_of_range for item in recent)
    if loads == {None}:
        if all_top:
            return Suggestion(
                None,
                f"every set reached {top_of_range} reps twice without a load: "
                "add a dumbbell, and start again at the bottom of the range",
            )
        return Suggestion(None, f"no load: aim for more reps, up to {top_of_range}")
    if None in loads:
        return Suggestion(last_load, "keep this load and aim for more reps")
    parsed = [parse_load(text) for text in sorted(load for load in loads if load)]
    same = all(parsed[0].same_as(other) for other in parsed[1:])
    if not same:
        return Suggestion(last_load, "the load changed recently: keep it and aim for more reps")
    if not all_top:
        return Suggestion(
            last_load, f"keep this load and aim for more reps, up to {top_of_range} in every set"
        )
    current = parse_load(last_load or "") if last_load else None
    heavier = current.next_step() if current else None
    if heavier is None:
        strongest = (
            "the strongest band"
            if current and current.unit == "band"
            else "the heaviest load glutemed takes"
        )
        return Suggestion(last_load, f"already {strongest}: add a set or slow the lowering instead")
    return Suggestion(
        heavier.text,
        f"every set reached {top_of_range} reps at {last_load} in the last two sessions: "
        f"go up to {heavier.text} and start again at the bottom of the range",
    )


def sessions_of(sets: Iterable[LoggedSet]) -> dict[str, dict[date, list[LoggedSet]]]:
    """Sets grouped by move, then by day, each day's sets in the order given."""
    by_move: dict[str, dict[date, list[LoggedSet]]] = {}
    for item in sets:
        by_move.setdefault(item.slug, {}).setdefault(item.date, []).append(item)
    return by_move


def suggestions(tops: dict[str, int], sets: Iterable[LoggedSet]) -> dict[str, Suggestion]:
    """A suggestion for each move (slug -> top of its rep range) from its sets, oldest first."""
    by_move = sessions_of(item for item in sets if item.slug in tops)
    out = {}
    for slug, top in tops.items():
        days = by_move.get(slug, {})
        out[slug] = suggest(top, [days[day] for day in sorted(days, reverse=True)])
    return out


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
    """The heaviest load among some sets (any weight beats any band); None without loads."""
    loads = [parse_load(s.load) for s in items if s.load]
    if not loads:
        return None
    return max(loads, key=lambda load: (load.unit != "band", load.kg)).text
