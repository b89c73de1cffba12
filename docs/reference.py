"""Write the command reference (docs/reference.md) from glutemed's own ``--help``.

    python docs/reference.py          # rewrite the reference in docs/reference.md
    python docs/reference.py --check  # exit 1 if docs/reference.md differs from --help

The test suite runs the same comparison (tests/test_docs.py), so the reference
and ``--help`` cannot drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parent / "reference.md"
START = "<!-- reference: made by docs/reference.py from --help; do not edit by hand -->"
END = "<!-- end of reference -->"
WIDTH = 80


def help_text(*args: str) -> str:
    """``glutemed ARGS --help`` at a fixed width, as a user sees it."""
    from typer.testing import CliRunner

    from glutemed.cli.app import app

    result = CliRunner().invoke(
        app, [*args, "--help"], prog_name="glutemed", terminal_width=WIDTH, color=False
    )
    assert result.exit_code == 0, result.output
    return "\n".join(line.rstrip() for line in result.stdout.rstrip().splitlines())


def commands() -> list[str]:
    import typer

    from glutemed.cli.app import app

    group = typer.main.get_command(app)
    return list(group.commands)  # type: ignore[attr-defined]


def reference() -> str:
    """The whole section: the root help, then each command's."""
    parts = [START, "", "    $ glutemed --help", *_indent(help_text())]
    for name in commands():
        parts += ["", f"    $ glutemed {name} --help", *_indent(help_text(name))]
    return "\n".join([*parts, "", END])


def _indent(text: str) -> list[str]:
    return [f"    {line}".rstrip() for line in text.splitlines()]


def current(readme: str) -> str:
    """The reference as docs/reference.md has it now (empty if the markers are missing)."""
    if START not in readme or END not in readme:
        return ""
    return readme[readme.index(START) : readme.index(END) + len(END)]


def main() -> int:
    readme = README.read_text(encoding="utf-8")
    wanted = reference()
    if "--check" in sys.argv[1:]:
        return 0 if current(readme) == wanted else 1
    if not current(readme):
        print("docs/reference.md has no reference markers", file=sys.stderr)
        return 1
    README.write_text(readme.replace(current(readme), wanted), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
