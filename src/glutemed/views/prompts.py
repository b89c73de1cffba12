"""Every question glutemed asks in the terminal, asked one way: :func:`ask`, a plain
line prompt on stdin and stdout (no raw mode that could swallow Ctrl-C or leave the
terminal broken), with :func:`choose` and :func:`confirm` on top of it. The mirror
test, ``undo``'s yes-or-no and the guided session (:class:`Console`, with a rest
countdown that ``select`` ends early when Enter is pressed) all use it.
"""

from __future__ import annotations

import select
import sys
import time
from collections.abc import Callable

from rich.text import Text

from glutemed.core.about import CAUTION
from glutemed.core.text import escaped
from glutemed.views.console import console
from glutemed.views.terminal import listed


def width() -> int:
    """The terminal's width in columns (80 where there is no terminal), at least 20."""
    import shutil

    return max(20, shutil.get_terminal_size((80, 24)).columns)


def wrapped(text: str, columns: int | None = None) -> str:
    """``text`` wrapped at word boundaries to the terminal's width: a line keeps its
    indent, and a list item (``- ...``) its hanging indent. Words are never split."""
    import textwrap

    room = columns or width()
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        hanging = indent + ("  " if line.lstrip().startswith("- ") else "")
        lines.append(
            textwrap.fill(
                line,
                room,
                initial_indent="",
                subsequent_indent=hanging,
                break_long_words=False,
                break_on_hyphens=False,
                drop_whitespace=True,
            )
            if len(line) > room
            else line
        )
    return "\n".join(lines)


def ask(prompt: str) -> str | None:
    """One line the runner typed after ``prompt`` (wrapped to the terminal, the answer
    on its last line), or None at the end of input (Ctrl-D, which ends its line).
    Ctrl-C raises KeyboardInterrupt."""
    *before, last = wrapped(escaped(prompt)).split("\n")
    for line in before:
        print(line, flush=True)
    try:
        return input(last + (" " if prompt.endswith(" ") and not last.endswith(" ") else ""))
    except EOFError:
        print(flush=True)
        return None


def choose(question: str, choices: list[str]) -> str:
    """One of ``choices``, asked again until the answer is one. EOFError at the end of input."""
    while True:
        answer = ask(f"{question} [{'/'.join(choices)}]: ")
        if answer is None:
            raise EOFError
        if answer.strip() in choices:
            return answer.strip()
        print("Please select one of the available options", flush=True)


def confirm(question: str, default: bool = False) -> bool:
    """Yes or no (Enter takes ``default``), asked again until the answer is one.
    EOFError at the end of input."""
    while True:
        answer = ask(f"{question} [y/n] ({'y' if default else 'n'}): ")
        if answer is None:
            raise EOFError
        word = answer.strip().lower()
        if not word:
            return default
        if word in ("y", "n"):
            return word == "y"
        print("Please enter Y or N", flush=True)


def ask_check(
    setup: list[str],
    steps: list[str],
    watch: str,
    knees: dict[str, str],
    signs: dict[str, str],
) -> tuple[str, str, list[str], bool]:
    """Walk through the mirror test: (left knee, right knee, gait signs noticed, whether
    the runner has hip or back pain or numbness)."""
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
        answer = choose(
            f"Your answer for the {side} knee", [str(n) for n in range(1, len(keys) + 1)]
        )
        answers.append(keys[int(answer) - 1])
    noticed = [
        sign
        for sign, text in signs.items()
        if confirm(f"When you run or walk, have you noticed that {text}?")
    ]
    hurt = confirm("Do you have pain in the hip or the back, or numbness in the leg?")
    out.print()
    return answers[0], answers[1], noticed, hurt


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
        print(wrapped(text), flush=True)

    def ask(self, prompt: str) -> str | None:
        return ask(prompt)

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
