"""Startup benchmark: how much each glutemed command costs over its dependencies.

Standard library only. Run from a checkout with glutemed installed:

    python benchmarks/startup.py            # 21 pairs each
    python benchmarks/startup.py --pairs 31

Each goal compares two commands run alternately in one session (A, B, A, B,
...), so a noisy, shared machine slows both sides alike; the ratio reported is
the median of the per-pair ratios A/B. Each run is measured in CPU time (user +
system, from the child's resource usage), which a busy second core disturbs
far less than wall-clock time. Absolute times are printed for information
only: compare ratios, never times across runs.

The yardstick for ``plan`` and ``show`` is the floor typer itself sets: an app
with no code of glutemed's but the same commands and options, generated from
glutemed's own command tree (:func:`typer_floor`), so it grows with the command line. typer 0.29
coerces every option through a pydantic TypeAdapter, so any command with a
non-flag option imports all of pydantic, which the baseline's lazy
``import pydantic`` does not. glutemed's own cost is the ratio to that floor.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PYTHON = sys.executable
BASELINE = [PYTHON, "-c", "import typer, rich.console, rich.table, pydantic, yaml"]


def glutemed(*args: str) -> list[str]:
    return [PYTHON, "-m", "glutemed", *args]


def script(*args: str) -> list[str]:
    """The installed console script (completion needs its program name)."""
    return [str(Path(PYTHON).with_name("glutemed")), *args]


TAB = [
    "env",
    "_GLUTEMED_COMPLETE=complete_bash",
    "COMP_WORDS=glutemed show lat",
    "COMP_CWORD=2",
    *script(),
]


def big_catalogue(folder: Path, moves: int = 1000) -> Path:
    """A catalogue of ``moves`` moves with steps and cues, like a real one but larger."""
    lines = ["exercises:"]
    for i in range(moves):
        lines += [
            f"  - slug: move-{i}",
            f"    name: Move {i}",
            "    reps: {min: 6, max: 12}",
            f"    per_side: {'true' if i % 2 else 'false'}",
            f"    equipment: [{'dumbbells' if i % 3 else 'band'}]",
            f"    lateral: {'true' if i % 4 == 0 else 'false'}",
            "    steps:",
            *[f"      - Step {j} of move {i}, done slowly and with good form." for j in range(5)],
            "    cues:",
            *[f"      - Cue {j} for move {i}." for j in range(4)],
        ]
    path = folder / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


#: What the floor's commands do: plan and show read YAML, as glutemed does on a
#: catalogue it has not cached; the rest nothing.
FLOOR_BODIES = {"plan": "    import yaml", "show": "    import yaml"}


def typer_floor() -> str:
    """A typer app with glutemed's commands and options, and none of glutemed's code.

    Generated from glutemed's own command tree, so the floor grows with the command
    line: every command, argument and option (flags as flags, repeated options as
    lists, every other value as text), the root options as a callback.
    """
    import typer.main

    from glutemed.cli.app import app

    group = typer.main.get_command(app)
    lines = ["import typer, rich.console, rich.table", "app = typer.Typer(rich_markup_mode=None)"]

    def signature(params: list[object]) -> str:
        parts = []
        for param in params:
            name = getattr(param, "name", None)
            if not name or not getattr(param, "expose_value", True):
                continue
            flags = [opt for opt in getattr(param, "opts", []) if opt.startswith("-")]
            if getattr(param, "param_type_name", "") == "argument":
                kind = "str" if getattr(param, "required", False) else "str | None"
                default = "" if getattr(param, "required", False) else " = None"
                parts.append(f"{name}: {kind}{default}")
            elif getattr(param, "is_flag", False):
                parts.append(f"{name}: bool = typer.Option(False, {', '.join(map(repr, flags))})")
            elif getattr(param, "multiple", False):
                opts = ", ".join(map(repr, flags))
                parts.append(f"{name}: list[str] = typer.Option([], {opts})")
            else:
                opts = ", ".join(map(repr, flags))
                parts.append(f"{name}: str | None = typer.Option(None, {opts})")
        return ", ".join(parts)

    lines += ["@app.callback()", f"def root({signature(group.params)}) -> None: pass"]
    for name, command in sorted(group.commands.items()):
        header = f"def cmd_{name}({signature(command.params)}) -> None:"
        lines += [f"@app.command({name!r})", header]
        lines.append(FLOOR_BODIES.get(name, "    pass"))
    lines.append("app()")
    return "\n".join(lines) + "\n"


def run_once(command: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) the command took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pair_ratio(
    a: list[str], b: list[str], pairs: int, env: dict[str, str]
) -> tuple[float, float, float]:
    """Median of per-pair ratios a/b, with the median times of each side."""
    run_once(a, env), run_once(b, env)  # warm the file cache
    ratios, a_times, b_times = [], [], []
    for _ in range(pairs):
        ta, tb = run_once(a, env), run_once(b, env)
        ratios.append(ta / tb)
        a_times.append(ta)
        b_times.append(tb)
    return statistics.median(ratios), statistics.median(a_times), statistics.median(b_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=21, help="alternating pairs per goal (>= 15)")
    args = parser.parse_args()
    # A new user's setting: no GLUTEMED_* variables, and empty config and data
    # folders (found through platformdirs, as they would be), so nothing of the
    # developer's own config or log is read.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLUTEMED_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = folder
        big = big_catalogue(Path(folder))
        floor = Path(folder) / "typer_floor.py"
        floor.write_text(typer_floor(), encoding="utf-8")
        typer_plan = [PYTHON, str(floor), "plan", "--days", "3"]
        typer_show = [PYTHON, str(floor), "show", "lateral-lunge"]
        goals: list[tuple[str, list[str], list[str], float | None]] = [
            ("(typer floor vs the baseline)", typer_plan, BASELINE, None),
            ("plan --days 3 vs the typer floor", glutemed("plan", "--days", "3"), typer_plan, 1.1),
            (
                "show lateral-lunge vs the typer floor",
                glutemed("show", "lateral-lunge"),
                typer_show,
                1.1,
            ),
            ("--help", glutemed("--help"), BASELINE, 1.3),
            ("--version", glutemed("--version"), BASELINE, 0.6),
            (
                "1,000-move plan vs built-in plan",
                glutemed("--catalogue", str(big), "plan", "--days", "3"),
                glutemed("plan", "--days", "3"),
                2.0,
            ),
            ("TAB completion vs plan --days 3", TAB, script("plan", "--days", "3"), 0.8),
        ]
        print(f"{'command':<40} {'ratio':>6} {'goal':>6}  {'cpu A':>9} {'cpu B':>9}")
        failed = 0
        for name, a, b, goal in goals:
            ratio, ta, tb = pair_ratio(a, b, args.pairs, env)
            ok = goal is None or ratio <= goal
            failed += not ok
            mark = "" if goal is None else "ok" if ok else "MISSED"
            shown = "" if goal is None else f"{goal:.2f}"
            line = (
                f"{name:<40} {ratio:6.2f} {shown:>6}  {ta * 1000:7.0f}ms {tb * 1000:7.0f}ms  {mark}"
            )
            print(line.rstrip())
    print(f"baseline B = {' '.join(BASELINE[1:])!r} unless named; {args.pairs} pairs each")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
