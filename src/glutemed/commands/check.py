"""glutemed check: the mirror test, by prompts or by options."""

from __future__ import annotations

import sys
from datetime import datetime

from glutemed import log, selfcheck
from glutemed.commands import CatalogueChoice, note, print_json
from glutemed.errors import UsageError
from glutemed.paths import log_path


def run(
    choice: CatalogueChoice,
    *,
    left: str | None,
    right: str | None,
    gait: list[str],
    interactive: bool,
    as_json: bool,
    save: bool,
    history: bool,
) -> None:
    from glutemed import render

    if history:
        rows = log.check_history()
        if as_json:
            print_json(rows)
        elif not rows:
            note("no saved results yet: run 'glutemed check ... --save'")
        else:
            render.console().print(render.check_history_table(rows))
        return
    if interactive or (left is None and right is None and sys.stdin.isatty()):
        console = render.console()
        render.check_intro(
            console, selfcheck.CAUTION, selfcheck.SETUP, selfcheck.STEPS, selfcheck.WATCH
        )
        left = render.ask_knee(console, "left", selfcheck.KNEE_CHOICES)
        right = render.ask_knee(console, "right", selfcheck.KNEE_CHOICES)
        gait = [
            sign for sign, text in selfcheck.GAIT_SIGNS.items() if render.ask_sign(console, text)
        ]
        console.print()
    elif left is None and right is None:
        raise UsageError(
            "no answers given and no terminal to ask them on: pass --left and --right "
            "(over-foot, midline or past-toes), or --interactive"
        )
    elif left is None or right is None:
        raise UsageError("give both --left and --right (over-foot, midline or past-toes)")
    result = selfcheck.read_check(choice.load(), left, right, gait)
    if save:
        number = log.save_check(result.model_dump(mode="json"), datetime.now())
        note(f"saved as check {number} in {log_path()}")
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    render.console().print(render.check_view(result))
