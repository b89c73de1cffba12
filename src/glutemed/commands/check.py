"""glutemed check: the mirror test, by prompts or by options."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated

import typer

from glutemed import rules
from glutemed.commands import common
from glutemed.errors import FieldError, UsageError


def _knee(side: str) -> object:
    return typer.Option(
        f"--{side}",
        parser=rules.parse_knee,
        metavar="KNEE",
        autocompletion=common.complete_knee,
        help=f"What the {side} knee did: over-foot, midline or past-toes.",
        show_default=False,
    )


def check(
    ctx: typer.Context,
    left: Annotated[str | None, _knee("left")] = None,
    right: Annotated[str | None, _knee("right")] = None,
    hip_drop: Annotated[
        bool, typer.Option("--hip-drop", help="You have noticed your hip drop.")
    ] = False,
    trunk_lean: Annotated[
        bool, typer.Option("--trunk-lean", help="You lean over the standing leg.")
    ] = False,
    knee_collapse: Annotated[
        bool, typer.Option("--knee-collapse", help="Your knee collapses inward.")
    ] = False,
    interactive: Annotated[
        bool, typer.Option("--interactive", help="Walk through the test with prompts.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    save: Annotated[bool, typer.Option("--save", help="Keep the result in your log.")] = False,
    history: Annotated[
        bool, typer.Option("--history", help="Show your earlier saved results.")
    ] = False,
) -> None:
    """The source's mirror test for a weak glute: a self-check, not a diagnosis."""
    from glutemed import log, render, selfcheck
    from glutemed.paths import log_path

    if history:
        rows = log.check_history()
        if as_json:
            common.print_json(rows)
        elif not rows:
            common.note("no saved results yet: run 'glutemed check ... --save'")
        else:
            render.emit(render.check_history_table(rows))
        return
    gait = [
        sign
        for sign, given in (
            ("hip-drop", hip_drop),
            ("trunk-lean", trunk_lean),
            ("knee-collapse", knee_collapse),
        )
        if given
    ]
    if interactive or (left is None and right is None and sys.stdin.isatty()):
        left, right, gait = render.ask_check(
            selfcheck.SETUP,
            selfcheck.STEPS,
            selfcheck.WATCH,
            selfcheck.KNEE_CHOICES,
            selfcheck.GAIT_SIGNS,
        )
    elif left is None and right is None:
        raise UsageError(
            "no answers given and no terminal to ask them on: pass --left and --right "
            "(over-foot, midline or past-toes), or --interactive"
        )
    elif left is None or right is None:
        raise FieldError(
            "left" if left is None else "right", "is missing: give both {left} and {right}"
        )
    result = selfcheck.read_check(common.load_catalogue(common.settings(ctx)), left, right, gait)
    if save:
        number = log.save_check(result.model_dump(mode="json"), datetime.now())
        common.note(f"saved as check {number} in {log_path()}")
    if as_json:
        common.print_json(result.model_dump(mode="json"))
        return
    render.emit(render.check_view(result))
