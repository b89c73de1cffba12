"""The guided session (``glutemed go``): a session walked set by set, with a rest timer.

The walk is pure logic over a :class:`Terminal` (say, ask, rest, bell), so
tests drive it with scripted answers and a fake clock; the real terminal is
:class:`glutemed.views.prompts.Console`.

Each answered set is written at once by ``put`` (its own transaction in the
log), so a session stopped any way keeps every set answered before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

from glutemed.core.about import GUIDANCE, GUIDANCE_TITLE
from glutemed.core.progression import PAIN_OK
from glutemed.core.rules import NO_LOAD_WORDS, PAIN, REPS
from glutemed.core.sets import Pain
from glutemed.core.text import and_list, plural
from glutemed.errors import Ended

if TYPE_CHECKING:
    from glutemed.core.plan import PlannedExercise, Session
    from glutemed.core.sets import LoggedSet

SKIP, QUIT = "s", "q"
#: What Enter logs for a form done with no kit, when the log has no load for it.
BODYWEIGHT = "bodyweight"
T = TypeVar("T")


class Terminal(Protocol):
    def say(self, text: str) -> None: ...

    def ask(self, prompt: str) -> str | None:
        """The answer, or None at the end of input (Ctrl-D). Ctrl-C raises KeyboardInterrupt."""

    def rest(self, seconds: int) -> None:
        """Count down ``seconds``, visibly; Enter ends it early."""

    def bell(self) -> None: ...


@dataclass
class Walk:
    """One guided session: what to do, and what was done."""

    day: date
    session: Session
    #: The set numbers already logged that day, by move: the walk asks every other
    #: set, so a gap (sets 1 and 3 logged from a sheet) is filled, not overwritten.
    done: dict[str, set[int]]
    #: The load to offer for each move when the plan suggests none: its last logged load.
    last_loads: dict[str, str]
    put: Callable[[LoggedSet], str]
    rest_seconds: int
    quiet: bool = False
    #: Where a move's pain score goes, asked once after its last set (Enter for 0).
    pain: Callable[[Pain], None] = lambda score: None
    kept: int = 0
    #: slug -> sets answered in this walk, for the summary.
    answered: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def run(self, term: Terminal) -> None:
        """Walk every set not yet logged. Raises :class:`Ended` or KeyboardInterrupt."""
        term.say(GUIDANCE_TITLE)
        for point in GUIDANCE:
            term.say(f"  - {point}")
        steps = self._steps()
        if not steps:
            term.say("Every set of this session is already logged.")
            return
        introduced: set[str] = set()
        for index, (exercise, number, side) in enumerate(steps):
            if exercise.slug in self.skipped:
                continue
            if exercise.slug not in introduced:
                introduced.add(exercise.slug)
                self._introduce(term, exercise)
            if not self._set(term, exercise, number, side):
                continue
            following = steps[index + 1][0].slug if index < len(steps) - 1 else None
            if following != exercise.slug:  # the move's last set: how did it feel?
                self._pain(term, exercise)
            if index < len(steps) - 1 and self.rest_seconds:
                term.rest(self.rest_seconds)
                if not self.quiet:
                    term.bell()

    def _steps(self) -> list[tuple[PlannedExercise, int, str | None]]:
        """(move, set number, side) for every set still to do, in order."""
        steps: list[tuple[PlannedExercise, int, str | None]] = []
        for exercise in self.session.exercises:
            done = self.done.get(exercise.slug, set())
            numbers = range(1, exercise.sets + 1)
            steps += [(exercise, number, None) for number in numbers if number not in done]
            if exercise.extra_set and exercise.sets + 1 not in done:
                steps.append((exercise, exercise.sets + 1, exercise.extra_set))
        return steps

    def _introduce(self, term: Terminal, exercise: PlannedExercise) -> None:
        term.say("")
        term.say(f"{exercise.form_name} ({exercise.slug}): {exercise.prescription}")
        term.say(f"  {exercise.advice}")
        done = sorted(self.done.get(exercise.slug, set()))
        if done:
            numbers = and_list([str(number) for number in done])
            term.say(f"  already logged today: {'set' if len(done) == 1 else 'sets'} {numbers}")

    def _set(
        self, term: Terminal, exercise: PlannedExercise, number: int, side: str | None
    ) -> bool:
        """Ask for one set and write it; False when the move was skipped."""
        total = exercise.sets
        which = f"extra set, {side} only" if side else f"set {number} of {total}"
        each = "" if side or not exercise.per_side else " each side"
        default_reps = exercise.target_reps or exercise.reps.min
        reps = self._ask(
            term,
            f"{exercise.form_name}, {which}{each}: reps [{default_reps}]: ",
            lambda text: _reps(text, default_reps),
        )
        if reps is None:
            self.skipped.append(exercise.slug)
            term.say(f"Skipped the rest of {exercise.form_name}.")
            return False
        offered = exercise.suggested_load or self.last_loads.get(exercise.slug)
        if offered is None and not set(exercise.equipment) - {"mat"}:
            offered = BODYWEIGHT  # a form done with no kit: Enter logs no load
        prompt = f"load [{offered}]: " if offered else "load (e.g. 12kg, - for none): "
        load = self._ask(term, prompt, lambda text: _load(text, offered))
        if load is None:
            self.skipped.append(exercise.slug)
            term.say(f"Skipped the rest of {exercise.form_name}.")
            return False
        from glutemed.core.sets import LoggedSet

        result = self.put(
            LoggedSet(
                self.day,
                exercise.slug,
                number,
                reps,
                load or None,
                sheet_key=f"{self.day.isoformat()}|{exercise.slug}|{number}",
                form=exercise.variant,
                side=side,
            )
        )
        self.kept += 1
        self.answered[exercise.slug] = self.answered.get(exercise.slug, 0) + 1
        if load:
            self.last_loads[exercise.slug] = load
        term.say(
            f"  logged: {plural(reps, 'rep')}{f' @ {load}' if load else ''}"
            + (" (updated)" if result == "updated" else "")
        )
        return True

    def _pain(self, term: Terminal, exercise: PlannedExercise) -> None:
        """Ask once how much the move hurt, 0 to 10 (Enter: 0), and record it."""
        score = self._ask(
            term,
            f"Pain during {exercise.form_name}, 0 (none) to 10 [0]: ",
            lambda text: PAIN.parse(text.strip() or "0"),
        )
        if score is None:
            return
        self.pain(Pain(self.day, exercise.slug, score))
        if score > PAIN_OK:
            term.say(
                f"  pain {score}/10 noted: the next session of this move takes it into account"
            )

    @staticmethod
    def _ask(term: Terminal, prompt: str, read: Callable[[str], T]) -> T | None:
        """Ask until the answer reads; None to skip the move. Raises Ended to stop."""
        while True:
            answer = term.ask(prompt)
            if answer is None or answer.strip().lower() == QUIT:
                raise Ended
            if answer.strip().lower() == SKIP:
                return None
            try:
                return read(answer)
            except ValueError as err:
                term.say(f"  {err}; 's' skips this move, 'q' ends the session")

    def summary(self) -> list[str]:
        """What was done against what was planned, a line a move."""
        lines = []
        for exercise in self.session.exercises:
            total = exercise.sets + (1 if exercise.extra_set else 0)
            did = len(self.done.get(exercise.slug, set())) + self.answered.get(exercise.slug, 0)
            mark = " (skipped)" if exercise.slug in self.skipped else ""
            lines.append(f"{exercise.form_name}: {min(did, total)} of {total} sets{mark}")
        return lines


def _reps(text: str, default: int) -> int:
    cleaned = text.strip()
    if not cleaned:
        return default
    return REPS.parse(cleaned)


def _load(text: str, offered: str | None) -> str:
    """A load as logged: '' for none (``-``), the offered one on Enter."""
    from glutemed.core.sets import parse_load

    cleaned = text.strip()
    if not cleaned:
        if offered is None:
            raise ValueError("give the load you used (e.g. 12kg), or - for none")
        return "" if offered == BODYWEIGHT else offered
    if " ".join(cleaned.lower().split()) in NO_LOAD_WORDS:
        return ""
    return parse_load(cleaned).text


def missed_or_next(
    sessions: Sequence[Session], day: date, logged_days: set[date]
) -> list[tuple[str, Session]]:
    """The sessions to offer on a day without one: one missed in the two days before
    (nothing logged that day), and the next one. (label, session), in that order."""
    offers = []
    for session in sessions:
        if 1 <= (day - session.date).days <= 2 and session.date not in logged_days:
            offers.append((f"missed on {session.weekday} {session.date.isoformat()}", session))
    following = next((s for s in sessions if s.date > day), None)
    if following is not None:
        offers.append(
            (f"the next one, {following.weekday} {following.date.isoformat()}", following)
        )
    return offers
