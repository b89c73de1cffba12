"""glutemed check: the mirror test, by prompts or by options."""

import sys
from datetime import datetime
from typing import Annotated, Any

import typer

from glutemed.cli import completion, context, params, streams
from glutemed.core import rules
from glutemed.errors import FieldError, UsageError


def _knee(side: str) -> Any:
    return params.value(
        f"--{side}",
        parser=rules.parse_knee,
        metavar="KNEE",
        complete=completion.complete_knee,
        help=f"What the {side} knee did: over-foot, midline or in-front (of the toes).",
    )


def _sign(name: str, help: str) -> Any:
    return params.flag(name, help=help)


HipDrop = Annotated[bool, _sign("--hip-drop", "You have noticed your hip drop.")]
TrunkLean = Annotated[bool, _sign("--trunk-lean", "You lean over the standing leg.")]
KneeCollapse = Annotated[bool, _sign("--knee-collapse", "Your knee collapses inward.")]
Interactive = Annotated[bool, _sign("--interactive", "Walk through the test with prompts.")]
Save = Annotated[bool, _sign("--save", "Keep the result in your log.")]
History = Annotated[bool, _sign("--history", "Show your earlier saved results.")]


def check(
    ctx: typer.Context,
    left: Annotated[str | None, _knee("left")] = None,
    right: Annotated[str | None, _knee("right")] = None,
    hip_drop: HipDrop = False,
    trunk_lean: TrunkLean = False,
    knee_collapse: KneeCollapse = False,
    interactive: Interactive = False,
    as_json: Annotated[bool, params.flag("--json", help="Print the result as JSON.")] = False,
    pain: Annotated[
        bool,
        params.flag(
            "--pain",
            help="You have hip or back pain, or numbness in the leg: get it assessed first.",
        ),
    ] = False,
    save: Save = False,
    history: History = False,
) -> None:
    """The source's mirror test: a self-check, not a diagnosis."""
    # Long only in its signature: each parameter is an option's declaration.
    from glutemed.core import selfcheck
    from glutemed.storage import checks as log
    from glutemed.storage.paths import log_path
    from glutemed.views import prompts
    from glutemed.views import terminal as render
    from glutemed.views.console import emit

    if history:
        rows = log.check_history(warn=streams.warn)
        if as_json:
            streams.print_json(rows)
        elif not rows:
            streams.note("no saved results yet: run 'glutemed check ... --save'")
        else:
            emit(render.check_history_table(rows))
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
        try:
            left, right, gait, pain = prompts.ask_check(
                selfcheck.SETUP,
                selfcheck.STEPS,
                selfcheck.WATCH,
                selfcheck.KNEE_CHOICES,
                selfcheck.GAIT_SIGNS,
            )
        except EOFError:
            raise UsageError(
                "no answer given (the input ended), nothing saved; pass --left and --right instead"
            ) from None
    elif left is None and right is None:
        raise UsageError(
            "no answers given and no terminal to ask them on: pass --left and --right "
            "(over-foot, midline or in-front), or --interactive"
        )
    elif left is None or right is None:
        raise FieldError(
            "left" if left is None else "right", "is missing: give both {left} and {right}"
        )
    resolved = context.settings(ctx)
    result = selfcheck.read_check(
        context.load_catalogue(resolved),
        left,
        right,
        gait,
        resolved.equipment,
        plan_command=plan_command,
        pain=pain,
    )
    if save:
        number = log.save_check(result.model_dump(mode="json"), datetime.now())
        streams.saved(f"check {number}")
        streams.note(f"saved as check {number} in {log_path()}")
    if as_json:
        streams.print_json(result.model_dump(mode="json"))
        return
    emit(render.check_view(result))


def plan_command(days: int, favour: list[str], weak_side: str | None) -> str:
    """The plan command that follows a reading up: it runs exactly as shown.

    It names the moves to favour as the routine when there are 2 or 3 (else
    ``--favour lateral`` when there are more), and one weak side with ``--weak-side``.
    """
    if len(favour) in rules.ROUTINE:
        moves = f" --moves {','.join(favour)}"
    elif len(favour) > rules.ROUTINE.high:
        moves = " --favour lateral"
    else:
        moves = ""
    side = f" --weak-side {weak_side}" if weak_side else ""
    return f"glutemed plan --days {days}{moves}{side}"
