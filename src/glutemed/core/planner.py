"""Pure planning: a catalogue, options and the training log's sets in, a :class:`Plan` out. No I/O.

The source's programme: pick 2 to 3 of the moves, do 2 to 4 sets of each, at
least once a week and better two or three times. glutemed builds it like this
(everything but that rule is glutemed's choice, labelled so where a runner reads it):

1. **The routine.** 2 or 3 moves, every one done in every regular session, so
   with 3 days a week each move is trained three times a week. The runner
   names them (``moves``) or glutemed picks (:func:`glutemed.core.routine.choose_routine`): 3 moves
   for 1 or 2 days a week, 2 for 3, one of them lateral. It stays the same
   through the plan so progression works on the same moves; ``rotate`` swaps
   one move of a chosen routine at each new 4-week block.
2. **The form** of each move: the ``level`` asked for where the equipment
   allows it (:meth:`Exercise.form`).
3. **The days.** Weekdays around the runs (:mod:`glutemed.core.schedule`), dated in
   Monday-to-Sunday weeks from the start or counted back from a race
   (:mod:`glutemed.core.schedule`).
4. **Volume.** :func:`week_sets`: 3 sets for 1 or 2 days a week, 2 for 3, one
   more in each later 4-week block up to 4; every fourth week a lighter week
   of one set fewer (never below 2) with no load step.
5. **Progression** (:mod:`glutemed.core.progression`): each move's first session
   carries the numbers from its last logged session of the same form; later
   sessions carry the rule in words.
6. **The taper** (:func:`_taper`): short sessions (2 moves x 2 sets, one
   lateral, no harder form) from :data:`schedule.TAPER_DAYS` before the race,
   one of them in the first 3 of the last 7 days, and rest after it.

Every step is a handful of list operations: a catalogue of 1,000 moves plans
as quickly as one of five.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from glutemed.core import around_runs, schedule
from glutemed.core.about import ADD_ON
from glutemed.core.catalogue import OPTIONAL_EQUIPMENT, Catalogue, Exercise
from glutemed.core.plan import (
    BLOCK_WEEKS,
    Plan,
    PlanOptions,
    Runs,
    Session,
)
from glutemed.core.routine import (
    choose_routine,
    fitting,
    named_routine,
    rotation_note,
    rotations,
    too_few,
)
from glutemed.core.rules import EQUIPMENT, WEEKDAYS
from glutemed.core.sessions import BASE_SETS, RACE_BUILD_WEEKS, Builder
from glutemed.core.sets import LoggedSet, Pain
from glutemed.core.text import and_list
from glutemed.errors import PlanError

#: A race closer than this to the start gets a warning (and easier forms without a recent log).
CLOSE_RACE_DAYS = 21


#: How far back the log counts as recent training, for a close race.
RECENT_DAYS = 8 * 7


#: The volume and progression rules as the plan states them (glutemed's, not the source's).
VOLUME_NOTE = (
    "Sets: {base} a move in weeks 1-4, one more in each later 4-week block up to 4; "
    "every fourth week is lighter: one set fewer (at 2 sets, the bottom of the range "
    "at the same load instead), no load step and no extra set for a weak side "
    "(glutemed's choice: the source says 2 to 4 sets, and a lighter week lets the work "
    "sink in)."
)


PROGRESSION_NOTE = (
    "Progression (glutemed's rule): when every set reaches the top of the range, "
    "step up the load (or the form) and start again at the bottom; otherwise keep "
    "the load and add a rep. Pain comes first: above 3/10 holds a move, above 5/10 "
    "(or rising two sessions running) steps it down, as does a set below the range; "
    "a form new to your log starts with two easy sessions. The first session of each "
    "move carries the numbers from your log; log what you do, and your pain, with "
    "'glutemed log'."
)


def make_plan(
    catalogue: Catalogue,
    options: PlanOptions,
    history: Sequence[LoggedSet] = (),
    *,
    pains: Sequence[Pain] = (),
) -> Plan:
    """Plan the sessions from the catalogue, the options and the log's sets (``history``).

    Long on purpose: it is the module's six steps in order, each a call, and the
    plan's fields declared in one place."""
    moves = fitting(catalogue, options.available)
    if options.moves is not None:
        moves = named_routine(catalogue, options, moves)
    elif len(moves) < 2:
        raise PlanError(too_few(catalogue, moves, options.available))
    weekdays, warnings = _weekdays(options)
    span = schedule.span(options.today, options.start, options.weeks, options.race, weekdays)
    if not any(move.lateral for move in moves):
        warnings.append(
            "nothing in this plan works the hip sideways: no lateral move fits "
            "your catalogue and equipment"
        )
    notes = [span.note[0].upper() + span.note[1:] + "."] if span.note else []
    on_hard = [WEEKDAYS[day] for day in weekdays if day in options.hard]
    if on_hard and options.weekdays is None:
        notes.append(
            f"Strength on {and_list(on_hard)} comes after your hard run: "
            "keep hard days hard and easy days easy."
        )
    if options.moves is not None:
        routine, reason, spare = list(moves), "the moves you chose", list[Exercise]()
    else:
        routine, reason, spare = choose_routine(moves, options, len(weekdays))
    level = options.level or "standard"
    if options.race is not None and (options.race - span.begin).days < CLOSE_RACE_DAYS:
        warnings.append(
            f"the race is less than {CLOSE_RACE_DAYS // 7} weeks away: a new programme "
            "so close to a race should stay light"
        )
        if options.level is None and not _recent(history, routine, span.begin):
            level = "easier"
            notes.append(
                "Easier forms, as the race is close and your log holds none of these moves "
                "from the last 8 weeks (glutemed's rule; {level} changes it)."
            )
    builder = Builder(options, level, len(weekdays), history, pains)
    if options.rotate:
        order = {move.slug: index for index, move in enumerate(moves)}
        blocks = rotations(routine, spare, span.weeks, order)
    else:
        blocks = [routine]

    def routine_of(week: int) -> list[Exercise]:
        return blocks[min(len(blocks) - 1, (week - 1) // BLOCK_WEEKS)]

    days, fewer = _session_days(span, options, weekdays)
    warnings += fewer
    sessions = [
        builder.session(day, span.week_of(day), routine_of(span.week_of(day))) for day in days
    ]
    sessions, race_notes = _with_races(sessions, options, span, routine_of, builder)
    notes += race_notes
    # Week 1 is the first session's week: a race week's one session may fall
    # after the Monday the span counted from (then it is the plan's only session).
    shift = sessions[0].week - 1 if sessions else 0
    sessions = [session._replace(week=session.week - shift) for session in sessions]
    notes += _rule_notes(options, sessions, level, blocks, len(weekdays))
    shown_days = list(weekdays)
    placed = None
    if options.calendar is not None and options.weekdays is None and sessions:
        # With a calendar the days move week by week: the header names those they fall on.
        shown_days = sorted({session.date.weekday() for session in sessions})
        notes.insert(0, around_runs.calendar_note(sessions, options.calendar))
        placed = around_runs.placed(sessions, options.calendar)
    needed = {item for session in sessions for e in session.exercises for item in e.equipment}
    return Plan(
        days=len(weekdays),
        weekdays=[WEEKDAYS[day] for day in shown_days],
        weeks=span.weeks - shift,
        start=span.begin,
        seed=options.seed,
        level=level,
        available=[item for item in EQUIPMENT if item in options.available],
        equipment=[item for item in EQUIPMENT if item in needed and item not in OPTIONAL_EQUIPMENT],
        routine=[move.slug for move in routine],
        routine_reason=reason,
        runs=Runs(
            long=None if options.long_run is None else WEEKDAYS[options.long_run],
            hard=[WEEKDAYS[day] for day in sorted(options.hard)],
            race=options.race,
            race_distance=options.race_distance if options.race else None,
            taper_days=schedule.TAPER_DAYS[options.race_distance] if options.race else None,
            calendar=placed,
        ),
        notes=notes,
        sessions=sessions,
        warnings=warnings,
    )


def _rule_notes(
    options: PlanOptions,
    sessions: Sequence[Session],
    level: str,
    blocks: Sequence[Sequence[Exercise]],
    days: int,
) -> list[str]:
    """The notes that state glutemed's rules as this plan applies them: rotation, forms,
    volume, progression and the weak side."""
    notes = [ADD_ON]
    if options.rotate and len(blocks) > 1:
        notes.append(rotation_note(blocks))
    after = schedule.after_long_run(options.long_run)
    if after is not None and any(s.date.weekday() == after for s in sessions):
        notes.append(
            f"{WEEKDAYS[after]} follows your long run: its session is a short one (2 moves "
            "x 2 sets), there only because your days need it (glutemed's rule)."
        )
    if options.race is not None:
        taper = options.race - timedelta(days=schedule.TAPER_DAYS[options.race_distance])
        begin = taper - timedelta(weeks=RACE_BUILD_WEEKS)
        fewer = (
            " (one fewer in a marathon build)"
            if options.race_distance
            in (
                "marathon",
                "ultra",
            )
            else ""
        )
        notes.append(
            f"Race build, {begin.isoformat()} to {(taper - timedelta(days=1)).isoformat()}: "
            f"no more sets of a move than in the 3 weeks before{fewer}, and loads kept, "
            "while your running peaks (glutemed's rule)."
        )
    notes += _form_notes(sessions, level, asked=options.level is not None)
    notes.append(VOLUME_NOTE.format(base=options.sets or BASE_SETS[days]))
    notes.append(PROGRESSION_NOTE)
    if options.weak_side:
        notes.append(
            f"One more set on the {options.weak_side} of each one-sided move, within the "
            "source's 4: a choice you made (glutemed's, not the source's); none in a "
            "lighter week or a taper. Repeat 'glutemed check' after 4 to 6 weeks, and "
            "drop the extra set once your sides match."
        )
    return notes


def _weekdays(options: PlanOptions) -> tuple[tuple[int, ...], list[str]]:
    """The weekdays to train (the runner's, or chosen around the weekly runs), and the
    warnings about them; PlanError when the runs leave no day."""
    if options.weekdays is not None:
        weekdays = tuple(sorted(options.weekdays))
        warnings = schedule.spacing_warnings(weekdays)
        return weekdays, warnings + schedule.collisions(weekdays, options.long_run, options.hard)
    chosen, fewer = schedule.choose_weekdays(options.wanted_days, options.long_run, options.hard)
    if not chosen:
        raise PlanError(fewer[0].replace("only 0 of", "none of"))
    return chosen, fewer


def _session_days(
    span: schedule.Span, options: PlanOptions, weekdays: Sequence[int]
) -> tuple[list[date], list[str]]:
    """The session days: date by date around a calendar's runs when the days are
    glutemed's to choose, else the weekdays of every week; and the warnings."""
    calendar = options.calendar or ()
    if options.calendar is not None and options.weekdays is None:
        return around_runs.calendar_days(span, options, calendar)
    days = span.days(weekdays)
    warnings = (
        around_runs.collisions(days, calendar, options) if options.calendar is not None else []
    )
    return days, warnings


def _with_races(
    sessions: list[Session],
    options: PlanOptions,
    span: schedule.Span,
    routine_of: Callable[[int], list[Exercise]],
    builder: Builder,
) -> tuple[list[Session], list[str]]:
    """The sessions with each race's taper and the rest around it, and a note a race."""
    # The calendar's runs are never given up for a race-week session; a weekly one may be.
    blocked = schedule.blocked_dates(options.calendar or (), around_runs.every_day(span), None, ())
    races = _races(options, span)
    notes: list[str] = []
    for index, (race, distance) in enumerate(races):
        # A race a week or less after another has its rest, not a race-week session.
        alone = all((race - other).days > 7 for other, _ in races[:index])
        sessions, race_notes = _around_race(
            sessions, race, distance, span, routine_of, builder, blocked, add=alone
        )
        notes += race_notes
    resting = [
        (
            race - timedelta(days=schedule.RACE_REST_DAYS),
            race + timedelta(days=schedule.REST_AFTER[d]),
        )
        for race, d in races
    ]
    return [s for s in sessions if not any(a <= s.date < b for a, b in resting)], notes


def fresh_session(
    catalogue: Catalogue,
    options: PlanOptions,
    plan: Plan,
    session: Session,
    history: Sequence[LoggedSet],
    *,
    pains: Sequence[Pain] = (),
) -> Session:
    """A session of ``plan`` planned again as if it came first: every move carries the
    numbers from ``history`` (the sets logged before it), as ``today`` and ``go`` show it."""
    by_slug = {move.slug: move for move in catalogue}
    builder = Builder(options, plan.level, plan.days, history, pains)
    moves = [by_slug[exercise.slug] for exercise in session.exercises]
    return builder.session(session.date, session.week, moves, short=session.kind == "taper")


def _recent(history: Sequence[LoggedSet], routine: Sequence[Exercise], begin: date) -> bool:
    """Whether the log holds a session of a routine move in the 8 weeks before ``begin``."""
    slugs = {move.slug for move in routine}
    since = begin - timedelta(days=RECENT_DAYS)
    return any(item.slug in slugs and since <= item.date <= begin for item in history)


def _races(options: PlanOptions, span: schedule.Span) -> list[tuple[date, str]]:
    """The races to taper for: the one given with --race, else the calendar's inside
    the plan or up to 7 days after it."""
    if options.race is not None:
        return [(options.race, options.race_distance)]
    end = span.monday + timedelta(weeks=span.weeks)
    return sorted(
        (day, distance or schedule.DEFAULT_DISTANCE)
        for day, kind, distance in options.calendar or ()
        if kind == "race" and span.begin <= day <= end + timedelta(days=7)
    )


def _around_race(
    sessions: list[Session],
    race: date,
    distance: str,
    span: schedule.Span,
    routine_of: Callable[[int], list[Exercise]],
    builder: Builder,
    blocked: Mapping[date, str],
    *,
    add: bool = True,
) -> tuple[list[Session], list[str]]:
    """The taper before a race (its length by distance), and the rest after it (long:
    the race week's one session is chosen here, with the rule that keeps it spaced).

    From ``TAPER_DAYS`` before the race every session is short (2 moves x 2
    sets, one lateral, no harder form). The last 7 days hold exactly one, in
    their first 3 days: the first session there, or one added on the first of
    those days the runs allow, at least 48 hours after the session before.
    Nothing in the last 4 days, on race day, or in the rest after it
    (:data:`schedule.REST_AFTER`); training goes on after that.
    """
    taper = race - timedelta(days=schedule.TAPER_DAYS[distance])
    first, last, rest = schedule.race_days(race)
    first = max(first, span.begin)
    resume = race + timedelta(days=schedule.REST_AFTER[distance])

    def short(day: date) -> Session:
        week = span.week_of(day)
        return builder.session(day, week, routine_of(week), short=True)

    kept = [s if s.date < taper else short(s.date) for s in sessions if s.date < first]
    window = [s for s in sessions if first <= s.date <= last]
    chosen: date | None = None
    if window:
        chosen = window[0].date
    elif first <= last and add:
        weekly = schedule.blocked_days(builder.options.long_run, builder.options.hard)
        previous = kept[-1].date if kept else None
        window_days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        candidates = [day for day in window_days if day not in blocked]
        if not candidates and builder.options.calendar is not None:
            # As for any week of a calendar's plan: rather than none that week, the day
            # before a hard run (a long run or a race day never gives way).
            candidates = [
                day
                for day in window_days
                if blocked[day].startswith(around_runs.BEFORE_HARD)
                and not any(schedule.monday_of(s.date) == schedule.monday_of(day) for s in kept)
            ]

        def fits(day: date) -> tuple[bool, bool]:
            spaced = previous is None or (day - previous).days >= 2
            return day.weekday() not in weekly, spaced

        if candidates:
            chosen = max(candidates, key=lambda day: (*fits(day), -day.toordinal()))
    if chosen is not None:
        if builder.options.calendar is not None:
            # Around a calendar's runs the 48 hours hold: the race week's one session
            # wins over one the day before it. (Without a calendar the earlier session
            # stays, so no gap between sessions passes 7 days.)
            kept = [s for s in kept if (chosen - s.date).days >= 2]
        kept.append(short(chosen))
    after = [s for s in sessions if s.date >= resume]
    days = schedule.TAPER_DAYS[distance]
    last_one = f", the last on {chosen.isoformat()}" if chosen else ""
    again = (
        f"; strength work again from {resume.isoformat()}"
        if resume < span.monday + timedelta(weeks=span.weeks)
        else ""
    )
    return [*kept, *after], [
        f"Race on {race.isoformat()} ({distance}): a {days}-day taper of short sessions "
        f"(2 moves, 2 sets, no harder form) from {taper.isoformat()}{last_one}, then no "
        f"strength work from {rest.isoformat()} on, so your legs are fresh on race day"
        f"{again} (glutemed's choice, not the source's)."
    ]


def _form_notes(sessions: Sequence[Session], level: str, *, asked: bool) -> list[str]:
    """One line naming the moves planned in a form other than the source's."""
    changed = {
        e.slug: f"{e.name} as {e.variant}" for s in sessions for e in s.exercises if e.variant
    }
    if not changed:
        return []
    if level == "standard":
        why = "forms your equipment allows"
    else:
        why = f"the {level} forms {'you asked for' if asked else 'a close race calls for'}"
    return [
        f"Planned in other forms, {why} (glutemed's additions, not the source's; "
        f"'glutemed show MOVE' gives their steps): {'; '.join(changed.values())}."
    ]
