"""Scale benchmark: a training log of ten years still answers at once.

Standard library and glutemed only. Run from a checkout with glutemed installed:

    python benchmarks/scale.py             # 15 pairs each
    python benchmarks/scale.py --pairs 21

It writes a log of ten years in a temporary data folder (a session every
other day, three moves, three sets: about 16,500 sets), then compares, in
pairs run alternately as ``startup.py`` does (CPU time, median of per-pair
ratios), each command on that log with ``glutemed plan`` on an empty log.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import glutemed, pair_ratio

MOVES = ("staggered-stance-romanian-deadlift", "split-squat", "lateral-lunge")


def ten_years(home: Path, today: date) -> int:
    """Write ten years of sets into the log under ``home``; how many."""
    os.environ["GLUTEMED_HOME"] = str(home)
    from glutemed.storage.logfile import LoggedSet, add_sets

    first = today - timedelta(days=3650)
    sets = []
    for offset in range(0, 3650, 2):
        day = first + timedelta(days=offset)
        load = f"{8 + (offset // 120) % 12}kg"
        for slug in MOVES:
            sets += [LoggedSet(day, slug, n, 8 + (offset + n) % 5, load) for n in (1, 2, 3)]
    add_sets(sets, source="benchmark")
    return len(sets)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15, help="alternating pairs per goal")
    args = parser.parse_args()
    base = {k: v for k, v in os.environ.items() if not k.startswith("GLUTEMED_")}
    with tempfile.TemporaryDirectory() as folder:
        empty, full = Path(folder) / "empty", Path(folder) / "full"
        empty.mkdir()
        count = ten_years(full, date.today())
        config = Path(folder) / "config.toml"
        config.write_text("")
        common = {**base, "XDG_CACHE_HOME": folder, "GLUTEMED_CONFIG": str(config)}
        env_full = {**common, "GLUTEMED_HOME": str(full)}
        env_empty = {**common, "GLUTEMED_HOME": str(empty)}
        plan_empty = ["env", f"GLUTEMED_HOME={empty}", *glutemed("plan", "--days", "3")]
        goals = [
            ("plan, ten years vs empty log", glutemed("plan", "--days", "3"), 1.5),
            ("today, ten years vs plan, empty", glutemed("today"), 1.5),
            ("history, ten years vs plan, empty", glutemed("history"), 1.5),
            ("progress, ten years vs plan, empty", glutemed("progress"), 2.0),
        ]
        print(f"{count} sets logged over ten years")
        print(f"{'command':<40} {'ratio':>6} {'goal':>6}  {'cpu A':>9} {'cpu B':>9}")
        failed = 0
        for name, command, goal in goals:
            ratio, ta, tb = pair_ratio(command, plan_empty, args.pairs, env_full)
            ok = ratio <= goal
            failed += not ok
            print(
                f"{name:<40} {ratio:6.2f} {goal:6.2f}  {ta * 1000:7.0f}ms {tb * 1000:7.0f}ms  "
                f"{'ok' if ok else 'MISSED'}"
            )
        del env_empty
    print(f"B = 'glutemed plan --days 3' with an empty log; {args.pairs} pairs each")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
