"""Two workarounds that keep start-up fast, each measured (docs/performance.md),
each falling back to the ordinary path should pydantic's or typer's internals
change: tests check they still apply.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any


def skip_plugin_scan() -> None:
    """Turn pydantic's plugin scan off, and stand in for its plugin loader.

    pydantic looks for third-party plugins (scanning every installed
    package's entry points) the first time it builds a model; glutemed uses
    none, and the scan costs more than planning a week.
    ``PYDANTIC_DISABLE_PLUGINS`` is pydantic's documented switch; a value the
    user set is kept.

    With plugins off, a stand-in replaces pydantic's loader module, which
    imports ``importlib.metadata`` (about 10 ms) before it reads that switch;
    the stand-in returns no plugins at once. pydantic imports only
    ``get_plugins`` from it (a test checks this against the pydantic
    installed). It is left alone when plugins are on or already loaded.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ("__all__", "1", "true"):
        return
    if "pydantic.plugin._loader" in sys.modules:
        return
    import types

    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # called with no arguments: ()
    sys.modules["pydantic.plugin._loader"] = loader


class _AsTyped:
    """A parameter's value as typed: what completion needs of the words before the
    one being completed (see :func:`words_as_typed`)."""

    @staticmethod
    def coerce(value: Any, param: Any, ctx: Any) -> Any:
        if value is None and (param.multiple or param.nargs == -1):
            return ()
        return value


@contextlib.contextmanager
def words_as_typed() -> Iterator[None]:
    """While completing, keep every parameter's value as typed.

    To find the word being completed, typer parses the words before it and
    converts each value through pydantic, which costs about a third of a TAB;
    completion needs only the words. This swaps typer's converter for one
    that keeps them, and puts it back afterwards (completion ends the process,
    but tests complete in-process). Should typer's internals change, nothing
    is swapped and completion is only slower.
    """
    from typer import core

    parameter = getattr(core, "_TyperParameter", None)
    original = getattr(parameter, "get_runtime_param", None)
    if parameter is None or original is None:
        yield
        return
    parameter.get_runtime_param = lambda self: _AS_TYPED
    try:
        yield
    finally:
        parameter.get_runtime_param = original


_AS_TYPED = _AsTyped()
