"""The wings: which part of glutemed may import which, for every import in every module
(imports inside functions included), no import cycle, and modules of a readable size.

    core      pure rules and values: imports only the core (and errors)
    storage   the only wing that touches disk: the core
    formats   bytes <-> values: the core
    views     the terminal (rich): the core
    cli       the typer app: anything
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "glutemed"
WINGS = ("core", "storage", "formats", "views", "cli")
#: What each wing may import of glutemed: its own wing, these wings, and errors.py.
MAY_IMPORT = {
    "core": {"core"},
    "storage": {"core", "storage"},
    "formats": {"core", "formats"},
    "views": {"core", "views"},
    "cli": {"core", "storage", "formats", "views", "cli", "version"},
    "top": {"cli", "version"},
    "errors": set(),
}
#: Libraries only one wing may import.
OWNED = {
    "typer": "cli",
    "click": "cli",
    "rich": "views",
    "plotext": "views",
    "sqlite3": "storage",
    "platformdirs": "storage",
    "urllib": "storage",
    "http": "storage",
    "yaml": "formats",
    "tomllib": "formats",
    "icalendar": "formats",
    "recurring_ical_events": "formats",
    "x_wr_timezone": "formats",
    "pygal": "formats",
    "weasyprint": "formats",
}
#: About 500 lines a module, with a little room.
MOST_LINES = 550


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _wing(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in WINGS:
        return parts[1]
    return "errors" if module == "glutemed.errors" else "top"


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every module an import in ``path`` names, with its line: a ``from X import y``
    names ``X.y`` where that is a module, else ``X``."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                names.append((full if full in MODULES else node.module, node.lineno))
    return names


def _target_wing(imported: str) -> str:
    if imported == "glutemed":
        return "version"  # glutemed.version_text, the package's own metadata
    return _wing(imported)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_wing_imports_only_what_it_may(module: str) -> None:
    wing = _wing(module)
    wrong = []
    for imported, line in _imports(MODULES[module]):
        top = imported.split(".")[0]
        if top == "glutemed":
            target = _target_wing(imported)
            if target != "errors" and target != wing and target not in MAY_IMPORT[wing]:
                wrong.append(f"line {line}: {imported} ({target})")
        elif top in OWNED and OWNED[top] != wing:
            wrong.append(f"line {line}: {imported} (only {OWNED[top]} may)")
    assert not wrong, f"{module} ({wing}) imports {wrong}"


def test_no_import_cycle() -> None:
    graph = {
        module: {imported for imported, _ in _imports(path) if imported in MODULES}
        for module, path in MODULES.items()
    }
    # A package's __init__ is imported by its modules implicitly: not an edge.
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycle = [*trail[trail.index(module) :], module]
            pytest.fail(f"import cycle: {' -> '.join(cycle)}")
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_readable(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MOST_LINES, f"{module} has {lines} lines; split it by concern"


def test_the_rules_catch_a_wrong_import(tmp_path: Path) -> None:
    """The checker itself: a core module importing storage, inside a function, is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from glutemed.storage import paths\n    import typer\n")
    found = _imports(bad)
    assert ("glutemed.storage.paths", 2) in found and ("typer", 3) in found
    assert _target_wing("glutemed.storage.paths") not in MAY_IMPORT["core"]


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            found.add(id(first.value))
    return found


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _wing(m) == "core"))
def test_the_core_names_fields_never_flags(module: str) -> None:
    """What the core says is shown by every wing; only the command line knows flags."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    flags = [
        f"line {node.lineno}: {node.value[:60]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and re.search(r"(?<![\w-])--[a-z]", node.value)
    ]
    assert not flags, f"{module} names flags: {flags}"
