"""Every question glutemed asks in the terminal, in one place: the mirror test's
prompts, a yes-or-no, and the guided session's line prompts and rest countdown.

The guided session (:class:`Console`) uses plain line prompts on stdin and stdout
(no raw mode that could swallow Ctrl-C or leave the terminal broken), and a
countdown that ``select`` ends early when Enter is pressed.
"""

from __future__ import annotations

import select
import sys
import time
from collections.abc import Callable

from rich.text import Text

from glutemed.core.about import CAUTION
from glutemed.views.console import console
from glutemed.views.terminal import listed


def ask_check(
    setup: list[str],
    steps: list[str],
    watch: str,
    knees: dict[str, str],
    signs: dict[str, str],
) -> tuple[str, str, list[str]]:
    """Walk through the mirror test: (left knee, right knee, gait signs noticed)."""
    from rich.prompt import Confirm, Prompt

    out = console()
    out.print(Text("The mirror test", style="bold"))
    out.print(Text(CAUTION, style="yellow"))
    out.print(Text("\nSet up", style="bold"))
    out.print(listed(setup, numbered=False))
    out.print(Text("\nOn each leg in turn", style="bold"))
    out.print(listed(steps, numbered=True))
    out.print(Text(f"\n{watch}\n"))
    answers = []
    keys = list(knees)
    for side in ("left", "right"):
        out.print(Text(f"Standing on your {side} leg, the {side} knee:", style="bold"))
        out.print(listed([knees[key] for key in keys], numbered=True))
        answer = Prompt.ask(
            f"Your answer for the {side} knee",
            choices=[str(n) for n in range(1, len(keys) + 1)],
            console=out,
        )
        answers.append(keys[int(answer) - 1])
    noticed = [
        sign
        for sign, text in signs.items()
        if Confirm.ask(
            f"When you run or walk, have you noticed that {text}?", default=False, console=out
        )
    ]
    out.print()
    return answers[0], answers[1], noticed


def confirm(question: str) -> bool:
    """Ask yes or no (default no). Raises EOFError when there is no answer to read."""
    from rich.prompt import Confirm

    return Confirm.ask(question, default=False, console=console())


class Console:
    """The real terminal: line prompts on stdin and stdout, and a countdown."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        enter: Callable[[float], bool] | None = None,
    ) -> None:
        self.clock = clock
        self.enter = enter or _enter_pressed

    def say(self, text: str) -> None:
        print(text, flush=True)

    def ask(self, prompt: str) -> str | None:
        try:
            return input(prompt)
        except EOFError:
            print(flush=True)
            return None

    def rest(self, seconds: int) -> None:
        end = self.clock() + seconds
        while (left := end - self.clock()) > 0:
            whole = int(left + 0.999)
            sys.stdout.write(f"\rRest {whole // 60}:{whole % 60:02d} (Enter skips) ")
            sys.stdout.flush()
            if self.enter(min(1.0, left)):
                break
        sys.stdout.write("\rRest over.                \n")
        sys.stdout.flush()

    def bell(self) -> None:
        sys.stdout.write("\a")
        sys.stdout.flush()


def _enter_pressed(timeout: float) -> bool:
    """Whether Enter was pressed within ``timeout`` seconds (the line is read)."""
    readable, _, _ = select.select([sys.stdin], [], [], timeout)
    if readable:
        sys.stdin.readline()
    return bool(readable)
