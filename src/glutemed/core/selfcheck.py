"""The mirror test: its instructions, its questions, and reading the answers.

The source's self-test: a slow squat on one leg, 2 to 3 reps a side, watched
in a mirror. A knee that travels forward, in front of the toes, *may* mean the
quads are doing most of the work (the source's hedge). The source states the
other reading plainly, a knee drifting toward the midline as a sign of gluteus
medius weakness; glutemed softens it to *may* on purpose, because studies link
hip strength and knee drift only weakly. The source says nothing about a knee
that stays over the foot, so glutemed claims nothing from it. Gait signs (the
pelvis dropping, the trunk leaning over the standing leg, the knee collapsing
inward) *can* be signs of a weak gluteus medius, and also of a hip joint, tendon
or nerve problem. Hip or back pain, numbness, or a hip drop: glutemed
recommends an assessment before training. Which moves to favour, and how many
days, is glutemed's choice.

Pure: answers and a catalogue in, a :class:`CheckResult` out. No I/O.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from glutemed.core.about import CAUTION
from glutemed.core.catalogue import Catalogue
from glutemed.core.rules import EQUIPMENT, KNEES
from glutemed.errors import FieldError

KNEE_CHOICES: dict[str, str] = {
    "over-foot": "stayed over the middle of the foot",
    "midline": "drifted in, toward the midline of the body",
    "in-front": "travelled forward, in front of the toes",
}
GAIT_SIGNS: dict[str, str] = {
    "hip-drop": "the pelvis drops on the side of the lifted leg (hip drop)",
    "trunk-lean": "the trunk leans over the standing leg",
    "knee-collapse": "the knee of the standing leg collapses inward",
}
READINGS: dict[str, str] = {
    "over-foot": (
        "The knee stayed over the foot: the test saw neither of the movements it looks "
        "for on this side. That is not proof of strength."
    ),
    "midline": (
        "The knee drifted toward the midline: this may be a sign that the gluteus "
        "medius on this side is weak."
    ),
    "in-front": (
        "The knee travelled forward, in front of the toes: this may mean the quads are "
        "doing most of the work, a sign of weak or under-active glutes."
    ),
}
SETUP = [
    "Face a full-length mirror, close enough to see both knees and feet.",
    "Stand tall with your feet about hip-width apart; bare feet or flat shoes.",
    "Keep a wall or chair within reach in case you lose your balance.",
]
STEPS = [
    "Lift one foot off the floor and balance on the other leg.",
    "Squat slowly on the standing leg, only as low as you can control, then rise.",
    "Do 2 to 3 slow reps, watching the standing knee in the mirror.",
]
WATCH = (
    "Watch the standing knee: does it stay over the middle of the foot, drift in "
    "toward the midline, or travel forward in front of the toes?"
)
#: Moves that teach the glutes to take the load from the quads (for ``in-front``):
#: glutemed's choice.
GLUTE_FOCUS: tuple[str, ...] = ("banded-squat", "staggered-stance-romanian-deadlift")


#: The command that plans what a reading recommends, from the sessions a week, the moves
#: to favour and the one weak side (None: no one side): written by the command line.
PlanCommand = Callable[[int, list[str], str | None], str]


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class SideReading(_Result):
    knee: str
    reading: str


class Recommendation(_Result):
    days: int
    favour: list[str]
    reason: str
    command: str


class CheckResult(_Result):
    left: SideReading
    right: SideReading
    gait: list[str]
    #: The sides whose knee drifted toward the midline: possibly weak, no more.
    possible_weak_sides: list[str]
    #: Whether to have it assessed before training (pain, numbness or a hip drop).
    assessment: bool
    notes: list[str]
    recommendation: Recommendation
    caution: str


def read_check(
    catalogue: Catalogue,
    left: str,
    right: str,
    gait: list[str] | tuple[str, ...] = (),
    available: frozenset[str] = frozenset(EQUIPMENT),
    *,
    plan_command: PlanCommand,
    pain: bool = False,
) -> CheckResult:
    """The source's reading of one mirror test, with a plan to follow it up (long: one
    branch a reading, each with its recommendation in words).

    The recommended command runs as given: it names the moves to favour with
    ``--moves`` when there are 2 or 3 of them that the runner's equipment
    (``available``) allows, in some form.
    """
    for side, knee in (("left", left), ("right", right)):
        if knee not in KNEES:
            raise FieldError(side, f"takes {', '.join(KNEES)}, not {knee!r}")
    signs = [sign for sign in GAIT_SIGNS if sign in gait]
    unknown = set(gait) - set(GAIT_SIGNS)
    if unknown:
        raise FieldError("gait", f"holds an unknown sign, {sorted(unknown)[0]!r}")
    sides = {"left": left, "right": right}
    weak = [side for side, knee in sides.items() if knee == "midline"]
    quads = [side for side, knee in sides.items() if knee == "in-front"]
    notes = []
    if left != right:
        notes.append(
            "Your two sides moved differently; a difference between sides is worth "
            "noting, and worth checking again in a few weeks."
        )
    if signs:
        notes.append(
            "The gait signs you noticed can be signs of a weak gluteus medius, and also "
            "of a problem in the hip joint, a tendon or a nerve: "
            + "; ".join(GAIT_SIGNS[sign] for sign in signs)
            + "."
        )
    assessment = pain or "hip-drop" in signs
    if assessment:
        why = "you have hip or back pain, or numbness" if pain else "your pelvis drops"
        notes.append(
            f"Because {why}, have it assessed by a clinician (a physiotherapist or sports "
            "doctor) before you train on this plan: this test cannot tell a weak muscle "
            "from a joint, tendon or nerve problem."
        )
    usable = [move for move in catalogue if move.fits(available)]
    lateral = [move.slug for move in usable if move.lateral]
    present = {move.slug for move in usable}
    if weak or signs:
        days, favour = 3, lateral
        reason = (
            "Possible signs of gluteus medius weakness: train two to three times a week "
            "(the source's range for better results). glutemed's choice: lean on the moves "
            "that work the hip sideways."
        )
    elif quads:
        days, favour = 3, [slug for slug in GLUTE_FOCUS if slug in present] or lateral
        reason = (
            "The quads may be doing most of the work: train two to three times a week. "
            "glutemed's choice: lean on the moves that make the glutes drive the movement."
        )
    else:
        days, favour = 2, []
        reason = (
            "The test saw none of the signs it looks for: two sessions a week keep the "
            "muscle working (the source asks for at least one), with the 3 moves "
            "glutemed picks for two days."
        )
    return CheckResult(
        left=SideReading(knee=left, reading=READINGS[left]),
        right=SideReading(knee=right, reading=READINGS[right]),
        gait=signs,
        possible_weak_sides=weak,
        assessment=assessment,
        notes=notes,
        recommendation=Recommendation(
            days=days,
            favour=favour,
            reason=reason,
            command=plan_command(days, favour, weak[0] if len(weak) == 1 else None),
        ),
        caution=CAUTION,
    )
