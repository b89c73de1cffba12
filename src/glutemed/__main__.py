"""The ``glutemed`` console script and ``python -m glutemed``.

``glutemed --version`` alone is answered here, before typer (and what typer
loads) is imported: it only reads the package metadata. Everything else,
``--version`` among other arguments included, goes to the typer app in
``cli.py``.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from glutemed import version_text

        print(version_text())
        return
    from glutemed.cli.app import main as run

    run()


if __name__ == "__main__":
    main()
