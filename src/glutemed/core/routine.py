"""The routine: the 2 or 3 moves every regular session does. The runner names them or
glutemed picks them (:func:`choose_routine`), and ``rotate`` swaps one at each new
4-week block. Pure: no I/O.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Mapping, Sequence

from glutemed.core.catalogue import OPTIONAL_EQUIPMENT, Catalogue, Exercise
from glutemed.core.plan import BLOCK_WEEKS, PlanOptions
from glutemed.core.rules import EQUIPMENT
from glutemed.core.text import and_list, plural
from glutemed.errors import PlanError


def fitting(catalogue: Catalogue, available: frozenset[str]) -> list[Exercise]:
    """The moves with a form this equipment allows, in catalogue order."""
    return [exercise for exercise in catalogue if exercise.fits(available)]


#: Moves in a routine glutemed chooses, by sessions a week: glutemed's choice (the
#: source says 2 to 3), so that a session stays short when there are more of them.
ROUTINE_SIZE: dict[int, int] = {1: 3, 2: 3, 3: 2}


def choose_routine(
    moves: Sequence[Exercise], options: PlanOptions, days: int
) -> tuple[list[Exercise], str, list[Exercise]]:
    """The routine glutemed picks from the moves that fit, why (one line), and the
    moves left over in the order rotation would bring them in.

    glutemed's rules: 3 moves for 1 or 2 sessions a week and 2 for 3 (``size``
    overrides); one move that works the hip sideways where one fits (all of
    them lateral where possible with ``favour`` lateral); moves whose standard
    form the equipment allows first (and among them the dumbbell moves first
    with ``favour`` loaded); the rest in catalogue order, or shuffled by a
    non-zero seed. The routine keeps catalogue order.
    """
    size = min(options.size or ROUTINE_SIZE[days], len(moves))
    rng = random.Random(options.seed)

    def ranked(group: list[Exercise]) -> list[Exercise]:
        standard = [move for move in group if move.needs <= options.available]
        other = [move for move in group if not move.needs <= options.available]
        if options.seed:
            rng.shuffle(standard)
            rng.shuffle(other)
        if options.favour == "loaded":
            standard.sort(key=lambda move: "dumbbells" not in move.needs)
        return standard + other

    lateral = ranked([move for move in moves if move.lateral])
    others = ranked([move for move in moves if not move.lateral])
    first = size if options.favour == "lateral" else 1
    picked = lateral[:first] + others[: size - len(lateral[:first])]
    picked += lateral[len(lateral[:first]) : len(lateral[:first]) + size - len(picked)]
    chosen = {move.slug for move in picked}
    order = {move.slug: index for index, move in enumerate(moves)}
    routine = sorted(picked, key=lambda move: order[move.slug])
    why = [
        f"{plural(size, 'move')} for {plural(days, 'session')} a week "
        "(glutemed's choice, so a session stays short; {size} changes it)"
    ]
    sideways = [move.name for move in routine if move.lateral]
    if sideways:
        why.append(
            f"{and_list(sideways)} {'works' if len(sideways) == 1 else 'work'} the hip "
            "sideways (glutemed's rule: a lateral move in every session)"
        )
    if options.favour:
        why.append(f"favouring {options.favour} moves, as asked")
    spare = [move for move in [*lateral, *others] if move.slug not in chosen]
    return routine, "; ".join(why), spare


def rotations(
    routine: list[Exercise], spare: list[Exercise], weeks: int, order: Mapping[str, int]
) -> list[list[Exercise]]:
    """The routine of each 4-week block: each new block swaps the move that has been in
    the routine longest for the next spare one, keeping a lateral move in the routine
    (glutemed's rule). ``order`` is the catalogue's, which each block keeps."""
    blocks = [routine]
    pool = list(spare)
    queue = list(routine)  # the longest in the routine first
    for _block in range(1, math.ceil(weeks / BLOCK_WEEKS)):
        current = list(blocks[-1])
        leaving = queue[0]
        keeps_lateral = any(m.lateral for m in current if m is not leaving)
        fresh = next((m for m in pool if keeps_lateral or m.lateral), None)
        if fresh is not None:
            pool.remove(fresh)
            pool.append(leaving)
            queue = [*queue[1:], fresh]
            current = [fresh if m is leaving else m for m in current]
        blocks.append(sorted(current, key=lambda move: order[move.slug]))
    return blocks


def rotation_note(blocks: Sequence[Sequence[Exercise]]) -> str:
    swaps = []
    for number, (before, after) in enumerate(itertools.pairwise(blocks), start=2):
        out = [m.name for m in before if m not in after]
        new = [m.name for m in after if m not in before]
        if out and new:
            swaps.append(f"week {(number - 1) * BLOCK_WEEKS + 1}: {new[0]} for {out[0]}")
    return (
        f"Rotation ({{rotate}}, glutemed's choice for variety): {'; '.join(swaps)}."
        if swaps
        else "Rotation ({rotate}): no other move fits, so the routine stays the same."
    )


def named_routine(
    catalogue: Catalogue, options: PlanOptions, fit: Sequence[Exercise]
) -> list[Exercise]:
    """The moves of the runner's routine, in the order given; PlanError for one
    that no form of fits the equipment."""
    fitting_slugs = {move.slug for move in fit}
    by_slug = {move.slug: move for move in catalogue}
    routine = []
    for slug in options.moves or ():
        move = by_slug[slug]
        if slug not in fitting_slugs:
            have = ", ".join(item for item in EQUIPMENT if item in options.available) or "none"
            kits = [move.needs, *(form.needs for form in move.variants)]
            needs = sorted({" and ".join(sorted(kit)) for kit in kits})
            raise PlanError(
                f"{slug} has no form your equipment ({have}) allows; "
                f"its forms need {' or '.join(needs)}"
            )
        routine.append(move)
    return routine


def too_few(catalogue: Catalogue, moves: list[Exercise], available: frozenset[str]) -> str:
    if len(catalogue) < 2:
        return (
            f"the catalogue has only {plural(len(catalogue), 'move')}; "
            "a session needs 2 different moves"
        )
    have = ", ".join(item for item in EQUIPMENT if item in available) or "none"
    fit = ", ".join(move.slug for move in moves) or "none"
    unlocks = []
    for item in EQUIPMENT:
        if item in available or item in OPTIONAL_EQUIPMENT:
            continue
        have_slugs = {move.slug for move in moves}
        more = [m.slug for m in fitting(catalogue, available | {item}) if m.slug not in have_slugs]
        if more:
            unlocks.append(
                f"{item} would add {', '.join(more[:3])}" + (" ..." if len(more) > 3 else "")
            )
    hint = "; ".join(unlocks) if unlocks else "no single item adds a move"
    return (
        f"only {plural(len(moves), 'move')} {'fits' if len(moves) == 1 else 'fit'} your "
        f"equipment ({have}): {fit}; a session needs 2. "
        f"{hint[0].upper()}{hint[1:]}."
    )
