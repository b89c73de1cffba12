"""Draw glutemed's exercise figures: ``data/figures/<name>.svg``, the project's own drawings.

Standard library only. Run from a checkout after changing a pose:

    python docs/draw_figures.py

Each figure shows the start and the end position side by side: head, trunk and
limbs as rounded strokes, the equipment drawn, the working leg or hip in one
accent colour, and an arrow for the direction of movement. Poses are joint
coordinates in a 160 x 200 panel (y grows downward, the floor is at y = 180),
chosen to match the steps: a hip hinge with a flat back for the deadlift, the
knee over the toes in the lateral lunge, the band above the knees.
"""

from __future__ import annotations

from pathlib import Path

INK, ACCENT, KIT = "#24292f", "#d9480f", "#57606a"
FLOOR = 180
#: The "start" and "end" labels' size in figure units (the figure is 340 wide):
#: at the 56 mm the printable plan draws a figure, 18 units print at about 8 pt.
LABEL_SIZE = 18
Point = tuple[float, float]

# A pose: named joints, and the segments between them. "acc" segments are the
# working leg or hip. Joints: head, neck, hip, sh (shoulder), lk/lf (left knee,
# foot), rk/rf (right), lh/rh (hands), le/re (elbows, optional).
BODY = [("neck", "hip"), ("sh", "le"), ("le", "lh"), ("sh", "re"), ("re", "rh")]


def svg_figure(title: str, start: dict[str, Point], end: dict[str, Point], **kit: object) -> str:
    """A figure: the start pose left, the end pose right, an arrow between."""
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 -24 340 236" width="340" '
        'height="236" role="img" aria-labelledby="t">',
        f'<title id="t">{title}</title>',
        f'<line x1="6" y1="{FLOOR + 1}" x2="334" y2="{FLOOR + 1}" stroke="{KIT}" '
        'stroke-width="2" stroke-linecap="round"/>',
        _pose(start, 0, kit.get("start_kit", ())),  # type: ignore[arg-type]
        _arrow(),
        _pose(end, 180, kit.get("end_kit", ())),  # type: ignore[arg-type]
        _label("start", 80),
        _label("end", 260),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _pose(joints: dict[str, Point], dx: float, kit: tuple[str, ...]) -> str:
    def at(name: str) -> Point:
        x, y = joints[name]
        return x + dx, y

    out = ['<g fill="none" stroke-linecap="round" stroke-linejoin="round">']
    for item in kit:
        out.append(_kit(item, joints, dx))
    accent = joints.get("accent", (0, 0))[0]  # which leg: 1 = left, 2 = right, 3 = both
    for side, index in (("l", 1), ("r", 2)):
        colour = ACCENT if accent in (index, 3) else INK
        hip, knee, foot = at("hip"), at(f"{side}k"), at(f"{side}f")
        out.append(_line([hip, knee, foot], colour, 7))
    for a, b in BODY:
        if a in joints and b in joints:
            out.append(_line([at(a), at(b)], INK, 7))
    if "le" not in joints:
        for hand in ("lh", "rh"):
            if hand in joints:
                out.append(_line([at("sh"), at(hand)], INK, 6))
    hx, hy = at("head")
    out.append(f'<circle cx="{hx:.0f}" cy="{hy:.0f}" r="11" stroke="{INK}" stroke-width="5"/>')
    if joints.get("accent", (0, 0))[1]:
        x, y = at("hip")
        out.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="7" fill="{ACCENT}" stroke="none"/>')
    out.append("</g>")
    return "\n".join(out)


def _line(points: list[Point], colour: str, width: int) -> str:
    path = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
    return f'<polyline points="{path}" stroke="{colour}" stroke-width="{width}"/>'


def _kit(item: str, joints: dict[str, Point], dx: float) -> str:
    if item == "dumbbells":
        shapes = []
        for hand in ("lh", "rh"):
            if hand in joints:
                x, y = joints[hand][0] + dx, joints[hand][1] + 6
                shapes.append(
                    f'<rect x="{x - 11:.0f}" y="{y - 3:.0f}" width="22" height="6" rx="2" '
                    f'fill="{KIT}" stroke="none"/>'
                    f'<rect x="{x - 13:.0f}" y="{y - 6:.0f}" width="6" height="12" rx="2" '
                    f'fill="{KIT}" stroke="none"/>'
                    f'<rect x="{x + 7:.0f}" y="{y - 6:.0f}" width="6" height="12" rx="2" '
                    f'fill="{KIT}" stroke="none"/>'
                )
        return "".join(shapes)
    if item == "box":
        x0, x1, top = joints["box"][0] + dx, joints["box"][1] + dx, 148
        return (
            f'<rect x="{x0:.0f}" y="{top}" width="{x1 - x0:.0f}" height="{FLOOR - top}" '
            f'fill="#eaeef2" stroke="{KIT}" stroke-width="3"/>'
        )
    if item == "goblet":  # one dumbbell held upright against the chest, in both hands
        x, y = joints["lh"][0] + dx, joints["lh"][1]
        return (
            f'<rect x="{x - 3:.0f}" y="{y - 12:.0f}" width="6" height="24" rx="2" '
            f'fill="{KIT}" stroke="none"/>'
            f'<rect x="{x - 7:.0f}" y="{y - 16:.0f}" width="14" height="7" rx="2" '
            f'fill="{KIT}" stroke="none"/>'
            f'<rect x="{x - 7:.0f}" y="{y + 9:.0f}" width="14" height="7" rx="2" '
            f'fill="{KIT}" stroke="none"/>'
        )
    if item == "panel":  # a wall beside the runner, seen behind them in a side view
        return (
            f'<rect x="{dx + 14:.0f}" y="8" width="138" height="{FLOOR - 8}" '
            f'fill="#f3f5f7" stroke="{KIT}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
    if item == "wall":  # a support beside the runner: a wall, a chair back or a rail
        x = joints["wall"][0] + dx
        return (
            f'<rect x="{x - 5:.0f}" y="20" width="10" height="{FLOOR - 20}" '
            f'fill="#eaeef2" stroke="{KIT}" stroke-width="3"/>'
        )
    if item == "band":
        (x0, y0), (x1, y1) = joints["band0"], joints["band1"]
        return (
            f'<line x1="{x0 + dx:.0f}" y1="{y0:.0f}" x2="{x1 + dx:.0f}" y2="{y1:.0f}" '
            f'stroke="{ACCENT}" stroke-width="5" stroke-dasharray="2 5"/>'
        )
    raise ValueError(item)


def _arrow() -> str:
    return (
        f'<g stroke="{KIT}" stroke-width="4" fill="none" stroke-linecap="round">'
        '<line x1="152" y1="96" x2="186" y2="96"/>'
        '<polyline points="176,86 188,96 176,106"/></g>'
    )


def _label(text: str, x: float) -> str:
    return (
        f'<text x="{x}" y="207" text-anchor="middle" font-family="sans-serif" '
        f'font-size="{LABEL_SIZE}" fill="{KIT}">{text}</text>'
    )


# The poses (side views: the runner faces right; front views: the runner faces you).

RDL_START = {
    "head": (80, 26), "neck": (80, 40), "hip": (80, 100), "sh": (80, 46),
    "lh": (82, 104), "rh": (78, 104),
    "rk": (84, 140), "rf": (88, FLOOR), "lk": (72, 141), "lf": (66, FLOOR),
    "accent": (2, 1),
}  # fmt: skip
RDL_END = {  # a hip hinge, back flat, knees soft, dumbbells a little below knee height
    "head": (136, 76), "neck": (124, 82), "hip": (66, 104), "sh": (120, 84),
    "lh": (121, 146), "rh": (118, 146),
    "rk": (80, 141), "rf": (88, FLOOR), "lk": (62, 142), "lf": (56, FLOOR),
    "accent": (2, 1),
}  # fmt: skip
SPLIT_START = {
    "head": (80, 26), "neck": (80, 40), "hip": (80, 100), "sh": (80, 46),
    "lh": (76, 104), "rh": (84, 104),
    "rk": (96, 140), "rf": (112, FLOOR), "lk": (64, 140), "lf": (48, FLOOR - 2),
    "accent": (2, 1),
}  # fmt: skip
SPLIT_END = {  # both knees bent: the front thigh level, the back knee near the floor
    "head": (80, 62), "neck": (80, 76), "hip": (80, 134), "sh": (80, 82),
    "lh": (76, 140), "rh": (84, 140),
    "rk": (114, 136), "rf": (114, FLOOR), "lk": (72, 170), "lf": (44, FLOOR - 2),
    "accent": (2, 1),
}  # fmt: skip
STEP_START = {  # beside the box, facing you
    "head": (60, 26), "neck": (60, 40), "hip": (60, 100), "sh": (60, 46),
    "lh": (44, 100), "rh": (76, 100),
    "lk": (54, 140), "lf": (52, FLOOR), "rk": (66, 140), "rf": (68, FLOOR),
    "box": (96, 156), "accent": (2, 1),
}  # fmt: skip
STEP_END = {  # on the box on the near leg, the other knee raised to hip height
    "head": (118, -6), "neck": (118, 8), "hip": (118, 66), "sh": (118, 14),
    "lh": (102, 66), "rh": (134, 66),
    "rk": (122, 108), "rf": (124, 148), "lk": (104, 70), "lf": (104, 104),
    "box": (96, 156), "accent": (2, 1),
}  # fmt: skip
LUNGE_START = {  # facing you, hands clasped at the chest
    "head": (80, 26), "neck": (80, 40), "hip": (80, 100), "sh": (80, 46),
    "le": (64, 70), "lh": (80, 62), "re": (96, 70), "rh": (80, 62),
    "lk": (72, 140), "lf": (70, FLOOR), "rk": (88, 140), "rf": (90, FLOOR),
    "accent": (2, 1),
}  # fmt: skip
LUNGE_END = {  # a long step to the right, knee bent over the toes, left leg straight
    "head": (94, 58), "neck": (94, 72), "hip": (96, 124), "sh": (94, 78),
    "le": (80, 100), "lh": (96, 92), "re": (112, 100), "rh": (96, 92),
    "lk": (70, 152), "lf": (44, FLOOR), "rk": (132, 142), "rf": (134, FLOOR),
    "accent": (2, 1),
}  # fmt: skip
SQUAT_START = {  # facing you, the band just above the knees
    "head": (80, 26), "neck": (80, 40), "hip": (80, 100), "sh": (80, 46),
    "lh": (62, 100), "rh": (98, 100),
    "lk": (66, 140), "lf": (60, FLOOR), "rk": (94, 140), "rf": (100, FLOOR),
    "band0": (67, 132), "band1": (93, 132), "accent": (3, 1),
}  # fmt: skip
SQUAT_END = {  # hips down and back, knees pressing out against the band, arms forward
    "head": (80, 58), "neck": (80, 72), "hip": (80, 128), "sh": (80, 78),
    "lh": (70, 84), "rh": (90, 84),
    "lk": (50, 142), "lf": (58, FLOOR), "rk": (110, 142), "rf": (102, FLOOR),
    "band0": (54, 137), "band1": (106, 137), "accent": (3, 1),
}  # fmt: skip

SINGLE_RDL_END = {  # on one leg, the free leg reaching back in line with the trunk
    "head": (138, 84), "neck": (126, 86), "hip": (70, 100), "sh": (122, 88),
    "lh": (122, 146), "rh": (120, 146),
    "rk": (78, 140), "rf": (82, FLOOR), "lk": (40, 106), "lf": (10, 110),
    "accent": (2, 1),
}  # fmt: skip
SINGLE_RDL_START = {
    "head": (80, 26), "neck": (80, 40), "hip": (80, 100), "sh": (80, 46),
    "lh": (80, 104), "rh": (80, 104),
    "rk": (82, 140), "rf": (84, FLOOR), "lk": (74, 138), "lf": (66, 160),
    "accent": (2, 1),
}  # fmt: skip
RFESS_START = {  # the back foot up on a box behind
    "head": (84, 26), "neck": (84, 40), "hip": (84, 100), "sh": (84, 46),
    "lh": (80, 104), "rh": (88, 104),
    "rk": (100, 140), "rf": (112, FLOOR), "lk": (62, 130), "lf": (36, 146),
    "box": (14, 52), "accent": (2, 1),
}  # fmt: skip
RFESS_END = {
    "head": (84, 60), "neck": (84, 74), "hip": (84, 134), "sh": (84, 80),
    "lh": (80, 140), "rh": (88, 140),
    "rk": (116, 138), "rf": (116, FLOOR), "lk": (66, 166), "lf": (36, 146),
    "box": (14, 52), "accent": (2, 1),
}  # fmt: skip
STEP_FLOOR_START = {  # no box: a step sideways on the floor
    "head": (60, 26), "neck": (60, 40), "hip": (60, 100), "sh": (60, 46),
    "lh": (44, 100), "rh": (76, 100),
    "lk": (54, 140), "lf": (52, FLOOR), "rk": (66, 140), "rf": (68, FLOOR),
    "accent": (2, 1),
}  # fmt: skip
STEP_FLOOR_END = {  # on the leading leg, the other knee raised to hip height
    "head": (104, 26), "neck": (104, 40), "hip": (104, 98), "sh": (104, 46),
    "lh": (88, 98), "rh": (120, 98),
    "rk": (108, 140), "rf": (110, FLOOR), "lk": (90, 102), "lf": (90, 136),
    "accent": (2, 1),
}  # fmt: skip
ANKLE_START = {**SQUAT_START, "band0": (62, 172), "band1": (98, 172)}
ANKLE_END = {**SQUAT_END, "band0": (60, 172), "band1": (100, 172)}
WALL_RDL_START = {**RDL_START, "lh": (98, 96), "le": (90, 74)}
WALL_RDL_END = {  # no dumbbells: one hand on the wall, the other down toward the shin
    **RDL_END, "lh": (112, 118), "le": (114, 102), "rh": (100, 140),
}  # fmt: skip
SUPPORTED_SPLIT_START = {**SPLIT_START, "lh": (118, 96), "le": (102, 78), "wall": (126, 0)}
SUPPORTED_SPLIT_END = {  # part of the way down, a hand on the support
    "head": (80, 46), "neck": (80, 60), "hip": (80, 118), "sh": (80, 66),
    "lh": (118, 110), "le": (100, 96), "rh": (84, 122),
    "rk": (108, 142), "rf": (114, FLOOR), "lk": (68, 156), "lf": (44, FLOOR - 2),
    "wall": (126, 0), "accent": (2, 1),
}  # fmt: skip
SHALLOW_LUNGE_START = {  # facing you, one hand on a chair back for support
    **LUNGE_START, "le": (52, 80), "lh": (36, 92), "wall": (28, 0),
}  # fmt: skip
SHALLOW_LUNGE_END = {  # a shorter step, the knee bent only part of the way
    "head": (88, 40), "neck": (88, 54), "hip": (88, 110), "sh": (88, 60),
    "le": (60, 84), "lh": (36, 92), "re": (104, 84), "rh": (90, 76),
    "lk": (70, 146), "lf": (56, FLOOR), "rk": (114, 144), "rf": (116, FLOOR),
    "wall": (28, 0), "accent": (2, 1),
}  # fmt: skip
GOBLET_START = {**LUNGE_START, "lh": (80, 66), "rh": (80, 66)}
GOBLET_END = {**LUNGE_END, "lh": (96, 96), "rh": (96, 96)}
BODYWEIGHT_SQUAT_END = {**SQUAT_END, "lh": (62, 84), "rh": (98, 84)}

FIGURES = {
    "staggered-stance-romanian-deadlift": (
        "Staggered-Stance Romanian Deadlift: from standing, the hips push back and the "
        "flat back tips forward until the dumbbells are a little below the knees",
        RDL_START,
        RDL_END,
        {"start_kit": ("dumbbells",), "end_kit": ("dumbbells",)},
    ),
    "split-squat": (
        "Split Squat: from a long stance, both knees bend until the front thigh is level "
        "and the back knee is near the floor",
        SPLIT_START,
        SPLIT_END,
        {"start_kit": ("dumbbells",), "end_kit": ("dumbbells",)},
    ),
    "lateral-step-up-to-balance": (
        "Lateral Step-Up to Balance: from beside the box, step up sideways and raise the "
        "other knee to hip height",
        STEP_START,
        STEP_END,
        {"start_kit": ("box",), "end_kit": ("box",)},
    ),
    "lateral-lunge": (
        "Lateral Lunge: from standing, a long step to the side, that knee bent over the "
        "toes and the other leg straight",
        LUNGE_START,
        LUNGE_END,
        {},
    ),
    "banded-squat": (
        "Banded Squat: with a band just above the knees, the hips go down and back while "
        "the knees press out against the band",
        SQUAT_START,
        SQUAT_END,
        {"start_kit": ("band",), "end_kit": ("band",)},
    ),
    "single-leg-romanian-deadlift": (
        "Single-Leg Romanian Deadlift: on one leg, the trunk tips forward as the free leg "
        "reaches back in one line with it",
        SINGLE_RDL_START,
        SINGLE_RDL_END,
        {"start_kit": ("dumbbells",), "end_kit": ("dumbbells",)},
    ),
    "rear-foot-elevated-split-squat": (
        "Rear-Foot-Elevated Split Squat: the back foot on a box, the front knee bends "
        "until the thigh is level",
        RFESS_START,
        RFESS_END,
        {"start_kit": ("box", "dumbbells"), "end_kit": ("box", "dumbbells")},
    ),
    "lateral-step-to-balance": (
        "Lateral Step to Balance: a step sideways on the floor, then the other knee "
        "raised to hip height",
        STEP_FLOOR_START,
        STEP_FLOOR_END,
        {},
    ),
    "ankle-banded-squat": (
        "Ankle-Banded Squat: with the band around the ankles, the hips go down and back "
        "while the knees press out",
        ANKLE_START,
        ANKLE_END,
        {"start_kit": ("band",), "end_kit": ("band",)},
    ),
    "wall-supported-romanian-deadlift": (
        "Wall-Supported Romanian Deadlift: no dumbbells, one hand on a wall, the hips push "
        "back and the free hand travels toward the front shin",
        WALL_RDL_START,
        WALL_RDL_END,
        {"start_kit": ("panel",), "end_kit": ("panel",)},
    ),
    "supported-bodyweight-split-squat": (
        "Supported Bodyweight Split Squat: no dumbbells, one hand on a support, both knees "
        "bend part of the way down",
        SUPPORTED_SPLIT_START,
        SUPPORTED_SPLIT_END,
        {"start_kit": ("wall",), "end_kit": ("wall",)},
    ),
    "weighted-lateral-step-up": (
        "Weighted Lateral Step-Up with Slow Lowering: a dumbbell in each hand, step up "
        "sideways onto a higher box, then lower the free foot slowly",
        STEP_START,
        STEP_END,
        {"start_kit": ("box", "dumbbells"), "end_kit": ("box", "dumbbells")},
    ),
    "shallow-lateral-lunge": (
        "Shallow Lateral Lunge: a hand on a chair back, a shorter step to the side and the "
        "knee bent only part of the way",
        SHALLOW_LUNGE_START,
        SHALLOW_LUNGE_END,
        {"start_kit": ("wall",), "end_kit": ("wall",)},
    ),
    "goblet-lateral-lunge": (
        "Goblet Lateral Lunge: one dumbbell held at the chest, a wide step to the side, "
        "that knee bent over the toes",
        GOBLET_START,
        GOBLET_END,
        {"start_kit": ("goblet",), "end_kit": ("goblet",)},
    ),
    "bodyweight-squat-knees-out": (
        "Bodyweight Squat, Knees Out: no band, the hips go down and back and the knees "
        "push gently out over the toes",
        SQUAT_START,
        BODYWEIGHT_SQUAT_END,
        {},
    ),
}


def main() -> None:
    folder = Path(__file__).resolve().parent.parent / "data" / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, start, end, kit) in FIGURES.items():
        (folder / f"{name}.svg").write_text(svg_figure(title, start, end, **kit))
        print(f"wrote data/figures/{name}.svg")


if __name__ == "__main__":
    main()
