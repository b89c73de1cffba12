"""The planner keeps the source's programme rules for every input (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutemed.catalogue import Catalogue, Exercise, load_catalogue
from glutemed.errors import PlanError, UsageError
from glutemed.planner import (
    Plan,
    PlanOptions,
    fitting,
    make_plan,
    minutes,
    week_load,
)
from glutemed.rules import EQUIPMENT, WEEKDAYS
from glutemed.runs import spacing_warnings

BUILTIN = load_catalogue()
#: The built-in moves in the source's standard forms only (no glutemed variants).
SOURCE_FORMS = Catalogue(exercises=[m.model_copy(update={"variants": []}) for m in BUILTIN])


def check_rules(plan: Plan, catalogue: Catalogue, options: PlanOptions) -> None:
    """Assert every rule of the planner and programme issues on one plan."""
    moves = {m.slug: m for m in fitting(catalogue, options.available)}
    days = plan.days
    chosen = [WEEKDAYS.index(name) for name in plan.weekdays]
    if options.weekdays is not None:
        assert chosen == sorted(options.weekdays)
    assert len(chosen) == days
    assert len(plan.sessions) == days * options.weeks
    lateral = {slug for slug, m in moves.items() if m.lateral}
    for session in plan.sessions:
        slugs = [e.slug for e in session.exercises]
        assert 2 <= len(slugs) <= 3 or (len(slugs) == 1 and options.race is not None)
        assert len(set(slugs)) == len(slugs)
        assert session.minutes > 0
        for e in session.exercises:
            move = moves[e.slug]  # only moves the equipment allows
            assert 2 <= e.sets <= 4
            if options.sets is not None:
                assert e.sets == options.sets
            assert e.reps == move.reps and e.per_side == move.per_side
            assert move.reps.min <= e.target_reps <= move.reps.max
        if lateral:
            assert lateral & set(slugs), "every session needs a lateral move"
    if not lateral:
        assert any("sideways" in w for w in plan.warnings)
    routine = plan.routine
    for session in plan.sessions:  # the source's rule, per move: the routine every session
        assert [e.slug for e in session.exercises] == routine or session.date is not None
    assert routine == [m.slug for m in fitting(catalogue, options.available) if m.slug in routine]
    wanted = options.size or {1: 3, 2: 3, 3: 2}[days]
    assert len(routine) == min(wanted, len(moves)), "glutemed's routine size"
    if lateral:
        assert lateral & set(routine), "a lateral move in the routine"
    if options.race is None:
        assert all([e.slug for e in s.exercises] == routine for s in plan.sessions)
    if options.start is not None:
        dates = [s.date for s in plan.sessions]
        assert all(d is not None for d in dates)
        assert dates == sorted(dates)  # type: ignore[type-var]
        assert dates[0] >= options.start  # type: ignore[operator]
        assert dates[-1] < options.start + timedelta(weeks=options.weeks)  # type: ignore[operator]
        for s in plan.sessions:
            assert s.date is not None and WEEKDAYS[s.date.weekday()] == s.weekday
    else:
        assert all(s.date is None for s in plan.sessions)
    assert set(plan.equipment) <= options.available
    assert "mat" not in plan.equipment


weekdays = st.lists(st.integers(0, 6), min_size=1, max_size=3, unique=True).map(
    lambda days: tuple(sorted(days))
)
equipment = st.frozensets(st.sampled_from(EQUIPMENT))
options_strategy = st.builds(
    PlanOptions,
    weekdays=weekdays,
    available=equipment,
    sets=st.none() | st.integers(2, 4),
    weeks=st.integers(1, 12),
    start=st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    seed=st.integers(0, 2**63 - 1),
)


@st.composite
def catalogues(draw: st.DrawFn) -> Catalogue:
    size = draw(st.integers(1, 14))
    moves = [
        Exercise(
            slug=f"move-{index}",
            name=f"Move {index}",
            reps={"min": low, "max": low + draw(st.integers(0, 10))},  # type: ignore[arg-type]
            per_side=draw(st.booleans()),
            lateral=draw(st.booleans()),
            equipment=draw(st.lists(st.sampled_from(EQUIPMENT), unique=True, max_size=2)),
        )
        for index, low in enumerate(
            draw(st.lists(st.integers(1, 20), min_size=size, max_size=size))
        )
    ]
    return Catalogue(exercises=moves)


@settings(max_examples=400, deadline=None)
@given(catalogue=catalogues(), options=options_strategy)
def test_every_rule_holds_for_any_catalogue(catalogue: Catalogue, options: PlanOptions) -> None:
    if len(fitting(catalogue, options.available)) < 2:
        with pytest.raises(PlanError, match="a session needs 2"):
            make_plan(catalogue, options)
        return
    plan = make_plan(catalogue, options)
    check_rules(plan, catalogue, options)
    assert make_plan(catalogue, options) == plan  # same inputs, same plan


@settings(max_examples=300, deadline=None)
@given(options=options_strategy)
def test_every_rule_holds_for_the_builtin_catalogue(options: PlanOptions) -> None:
    if len(fitting(BUILTIN, options.available)) < 2:
        with pytest.raises(PlanError):
            make_plan(BUILTIN, options)
        return
    check_rules(make_plan(BUILTIN, options), BUILTIN, options)


def _pattern(plan: Plan) -> list[list[str]]:
    return [[e.slug for e in s.exercises] for s in plan.sessions]


def test_default_week_trains_one_routine_three_times() -> None:
    plan = make_plan(BUILTIN, PlanOptions())
    assert plan.weekdays == ["Monday", "Wednesday", "Friday"]
    assert _pattern(plan) == [plan.routine] * 3 and len(plan.routine) == 2
    assert "glutemed's rule: a lateral move in every session" in plan.routine_reason


@pytest.mark.parametrize(("days", "expected"), [(1, ["Monday"]), (2, ["Monday", "Thursday"])])
def test_fewer_days_fall_48_hours_apart(days: int, expected: list[str]) -> None:
    plan = make_plan(BUILTIN, PlanOptions(days=days))
    assert plan.weekdays == expected


def test_only_dumbbells_keeps_the_one_lateral_move_in_the_routine() -> None:
    for days in (1, 2, 3):
        plan = make_plan(SOURCE_FORMS, PlanOptions(days=days, available=frozenset({"dumbbells"})))
        assert all("lateral-lunge" in session for session in _pattern(plan))
        assert len(plan.routine) == (2 if days == 3 else 3)


def test_other_seeds_give_other_valid_plans() -> None:
    for days in (1, 2, 3):
        plans = {
            str(_pattern(make_plan(BUILTIN, PlanOptions(days=days, seed=s)))) for s in range(10)
        }
        assert len(plans) >= 2, days
    default, other = (make_plan(BUILTIN, PlanOptions(seed=seed)) for seed in (0, 1))
    assert _pattern(default) != _pattern(other)


def test_a_thousand_moves_plan_within_the_rules() -> None:
    big = Catalogue(
        exercises=[
            Exercise(slug=f"m-{i}", name=f"M {i}", reps={"min": 6, "max": 12}, lateral=i % 3 == 0)  # type: ignore[arg-type]
            for i in range(1000)
        ]
    )
    options = PlanOptions(seed=7, weeks=4)
    check_rules(make_plan(big, options), big, options)


def test_too_few_moves_names_what_fits_and_what_unlocks_more() -> None:
    with pytest.raises(PlanError) as caught:
        make_plan(SOURCE_FORMS, PlanOptions(available=frozenset()))
    message = str(caught.value)
    assert message.startswith(
        "only 1 move fits your equipment (none): lateral-lunge; a session needs 2."
    )
    assert "Dumbbells would add staggered-stance-romanian-deadlift, split-squat" in message
    assert "box would add lateral-step-up-to-balance" in message
    assert "band would add banded-squat" in message


def test_nothing_sideways_warns() -> None:
    plan = make_plan(
        Catalogue(
            exercises=[
                Exercise(slug="a", name="A", reps={"min": 6, "max": 8}),  # type: ignore[arg-type]
                Exercise(slug="b", name="B", reps={"min": 6, "max": 8}),  # type: ignore[arg-type]
            ]
        ),
        PlanOptions(),
    )
    assert plan.warnings == [
        "nothing in this plan works the hip sideways: "
        "no lateral move fits your catalogue and equipment"
    ]


def test_progression_builds_for_three_weeks_then_lightens() -> None:
    loads = [week_load(week, 3, None) for week in range(1, 13)]
    assert loads[:4] == [(2, 0.0), (2, 0.5), (2, 1.0), (2, 0.0)]
    assert loads[4:8] == [(3, 0.0), (3, 0.5), (3, 1.0), (2, 0.0)]
    assert loads[8:12] == [(4, 0.0), (4, 0.5), (4, 1.0), (2, 0.0)]
    assert week_load(2, 1, 4) == (4, 0.5)  # --sets fixes the sets
    plan = make_plan(BUILTIN, PlanOptions(weeks=3))
    targets = [s.exercises[0].target_reps for s in plan.sessions if s.weekday == "Monday"]
    assert targets == sorted(targets) and targets[0] < targets[-1]


def test_minutes_follow_the_readme_formula() -> None:
    plan = make_plan(BUILTIN, PlanOptions(sets=3, weekdays=(0,)))
    session = plan.sessions[0]
    work = sum(e.sets * e.target_reps * 4 * (2 if e.per_side else 1) for e in session.exercises)
    rest = (sum(e.sets for e in session.exercises) - 1) * 60
    assert session.minutes == minutes(session.exercises) == -(-(work + rest) // 60)


def test_dates_start_on_or_after_start() -> None:
    plan = make_plan(BUILTIN, PlanOptions(start=date(2026, 11, 25), weeks=2))  # a Wednesday
    assert [(s.week, s.weekday, s.date) for s in plan.sessions[:3]] == [
        (1, "Wednesday", date(2026, 11, 25)),
        (1, "Friday", date(2026, 11, 27)),
        (1, "Monday", date(2026, 11, 30)),
    ]


def test_spacing_warnings_count_across_the_weekend() -> None:
    assert spacing_warnings((0, 2, 4)) == []
    assert len(spacing_warnings((0, 1))) == 1
    assert "Sunday and Monday" in spacing_warnings((0, 3, 6))[0]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"weekdays": (0, 1, 2, 3)},
        {"weekdays": ()},
        {"sets": 5},
        {"weeks": 13},
        {"weeks": 0},
        {"available": frozenset({"kettlebell"})},
        {"start": date(9999, 12, 28)},
    ],
)
def test_options_refuse_what_the_rules_forbid(kwargs: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        PlanOptions(**kwargs)  # type: ignore[arg-type]


around_runs = st.builds(
    PlanOptions,
    days=st.integers(1, 3),
    available=equipment,
    sets=st.none() | st.integers(2, 4),
    weeks=st.integers(1, 12),
    start=st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    seed=st.integers(0, 2**63 - 1),
    long_run=st.none() | st.integers(0, 6),
    hard=st.lists(st.integers(0, 6), max_size=4, unique=True).map(lambda h: tuple(sorted(h))),
)


@settings(max_examples=300, deadline=None)
@given(catalogue=catalogues(), options=around_runs)
def test_every_rule_holds_around_runs(catalogue: Catalogue, options: PlanOptions) -> None:
    from glutemed.runs import blocked_days

    try:
        plan = make_plan(catalogue, options)
    except PlanError as err:
        assert "a session needs 2" in str(err) or "none of the" in str(err)
        return
    check_rules(plan, catalogue, options)
    blocked = blocked_days(options.long_run, options.hard)
    assert not {WEEKDAYS.index(day) for day in plan.weekdays} & set(blocked)
    for session in plan.sessions:
        expected = (
            "long"
            if WEEKDAYS.index(session.weekday) == options.long_run
            else "hard"
            if WEEKDAYS.index(session.weekday) in options.hard
            else None
        )
        assert session.run == expected
