"""A catalogue from YAML: bytes in, a validated :class:`~glutemed.core.catalogue.Catalogue` out.

Data flows one way: YAML text -> PyYAML's parser (libyaml's where available)
-> plain Python data, built by :func:`_build` with PyYAML's safe resolver and
scalar constructors -> pydantic models (``extra="forbid"``, strict types).
Every problem a user can cause comes out as one
:class:`~glutemed.errors.CatalogueError` whose message names the file and,
where known, the line or the entry and field.

Hostile input is bounded before anything walks it: the file is read up to
:data:`MAX_BYTES`; nesting past :data:`MAX_DEPTH` is refused while the data
is built (with a loop, never recursion); and data with aliases is counted as
it would be seen with every alias expanded (each shared object counted once
per use, with a memo, so counting itself stays linear). A file that expands
past :data:`MAX_VALUES` values, or that refers to itself, is refused before
pydantic or an error message ever walks it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from glutemed.core.catalogue import Catalogue, Exercise, Reps
from glutemed.core.rules import EQUIPMENT
from glutemed.core.text import and_list, one_line
from glutemed.errors import CatalogueError

#: The largest catalogue file glutemed reads.
MAX_BYTES = 4 * 1024 * 1024
#: The most values (mappings, lists and scalars, aliases expanded) a catalogue may hold.
MAX_VALUES = 500_000
#: The deepest nesting of lists and mappings a catalogue may have (a valid one has 4).
MAX_DEPTH = 64


def parse_catalogue(raw: bytes, path: Path) -> Catalogue:
    """A catalogue's bytes (read from ``path``, which errors name) as a validated catalogue."""
    return validate_catalogue(_parse(_decode(raw, path), path), path)


def read_yaml(raw: bytes, path: Path) -> Any:
    """YAML bytes as plain data, bounded in depth and expansion."""
    return _parse(_decode(raw, path), path)


def _parse(text: str, path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    _check_brackets(text, path)
    try:
        data = _build(yaml.parse(text, Loader=loader), path)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = err.problem or err.context or "invalid YAML"
        raise CatalogueError(f"{_shown(path)}: {where}{one_line(problem)}") from None
    except yaml.YAMLError as err:
        raise CatalogueError(f"{_shown(path)}: invalid YAML: {one_line(str(err))}") from None
    if "*" in text:  # only an alias (*name) can make the data bigger than the text
        _check_expansion(data, path)
    return data


_BRACKETS = re.compile(r"[\[\]{}]")


def _check_brackets(text: str, path: Path) -> None:
    """Refuse flow collections (``[``, ``{``) nested past :data:`MAX_DEPTH`, before the
    YAML scanner reads them: some PyYAML releases stop at a depth of their own, with
    their own words, and glutemed's limit is the same on every release. Brackets
    inside quoted text count too, which no real catalogue comes near."""
    depth = 0
    for found in _BRACKETS.finditer(text):
        if found.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, found.start()) + 1
                column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
                raise CatalogueError(
                    f"{_shown(path)}: line {line}, column {column}: "
                    f"nested more than {MAX_DEPTH} levels deep"
                )
        elif depth:
            depth -= 1


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
_AS_TEXT = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}  # no meaning here
_NO_KEY = object()


def _build(events: Iterator[Any], path: Path) -> Any:
    """Plain Python data from YAML parser events, as the safe loader would build it.
    (One loop with a branch for each kind of event: long on purpose, see below.)

    One loop with its own stack: libyaml's node composer recurses in C, and
    deep enough nesting overflows the C stack, so glutemed never calls it.
    Scalars are resolved and built by PyYAML's own resolver and safe
    constructors; an explicit tag without a safe constructor (``!!python/...``)
    is refused, as are nesting past :data:`MAX_DEPTH`, more than one document,
    and collections as mapping keys. Aliases are shared references, as in
    PyYAML; :func:`_check_expansion` bounds them afterwards.
    """
    from yaml import events as ev
    from yaml.constructor import SafeConstructor
    from yaml.nodes import ScalarNode
    from yaml.resolver import Resolver

    resolver, constructor = Resolver(), SafeConstructor()
    anchors: dict[str, Any] = {}
    stack: list[Any] = []
    keys: list[Any] = []
    result: Any = None
    documents = 0

    def fail(event: Any, problem: str) -> CatalogueError:
        line = event.start_mark.line + 1 if event.start_mark else "?"
        return CatalogueError(f"{_shown(path)}: line {line}: {problem}")

    def attach(value: Any, event: Any) -> None:
        nonlocal result
        if not stack:
            result = value
        elif isinstance(stack[-1], list):
            stack[-1].append(value)
        elif keys[-1] is _NO_KEY:
            if isinstance(value, (list, dict)):
                raise fail(event, "a mapping key must be a plain value, not a list or mapping")
            keys[-1] = value
        else:
            stack[-1][keys[-1]] = value
            keys[-1] = _NO_KEY

    for event in events:
        kind = type(event)
        if kind is ev.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolver.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
            if tag == _STR or tag in _AS_TEXT:
                value = event.value
            else:
                make = constructor.yaml_constructors.get(tag)
                if make is None or tag in (_SEQ, _MAP) or "omap" in tag or "pairs" in tag:
                    raise fail(event, f"could not determine a constructor for the tag {tag!r}")
                node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
                value = make(constructor, node)
            if event.anchor:
                anchors[event.anchor] = value
            attach(value, event)
        elif kind is ev.SequenceStartEvent or kind is ev.MappingStartEvent:
            sequence = kind is ev.SequenceStartEvent
            if event.tag not in (None, "!", _SEQ if sequence else _MAP):
                raise fail(event, f"could not determine a constructor for the tag {event.tag!r}")
            container: Any = [] if sequence else {}
            if event.anchor:
                anchors[event.anchor] = container
            attach(container, event)
            stack.append(container)
            keys.append(_NO_KEY)
            if len(stack) > MAX_DEPTH:
                raise fail(event, f"nested more than {MAX_DEPTH} levels deep")
        elif kind is ev.SequenceEndEvent or kind is ev.MappingEndEvent:
            stack.pop()
            keys.pop()
        elif kind is ev.AliasEvent:
            if event.anchor not in anchors:
                raise fail(event, f"found undefined alias {event.anchor!r}")
            attach(anchors[event.anchor], event)
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fail(event, "more than one YAML document; a catalogue is one")
    return result


def validate_catalogue(data: Any, path: Path) -> Catalogue:
    """Turn loaded YAML data into a :class:`Catalogue`, or one clear error."""
    if data is None:
        raise CatalogueError(
            f"{_shown(path)}: the file is empty; expected a mapping with 'exercises:'"
        )
    if not isinstance(data, dict):
        raise CatalogueError(
            f"{_shown(path)}: expected a mapping with 'exercises:' at the top, found {_kind(data)}"
        )
    try:
        return Catalogue.model_validate(data)
    except ValidationError as err:
        raise CatalogueError(f"{_shown(path)}: {_describe(err, data)}") from None


def _decode(raw: bytes, path: Path) -> str:
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        raise CatalogueError(
            f"{_shown(path)}: line {line}: binary data (a NUL byte), not YAML text"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise CatalogueError(f"{_shown(path)}: line {line}: not UTF-8 text") from None


def _check_expansion(data: Any, path: Path) -> None:
    """Refuse data that would be huge or endless when walked with aliases expanded."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)] if isinstance(data, (dict, list)) else []
    while stack:
        node, finished = stack.pop()
        children: list[Any] = [*node.keys(), *node.values()] if isinstance(node, dict) else node
        if finished:
            total = 1 + sum(sizes.get(id(child), 1) for child in children)
            if total > MAX_VALUES:
                raise CatalogueError(
                    f"{_shown(path)}: expands to more than {MAX_VALUES:,} values "
                    "(aliases repeated too often?); glutemed does not load it"
                )
            sizes[id(node)] = total
            open_.discard(id(node))
            continue
        if id(node) in sizes:
            continue
        open_.add(id(node))
        stack.append((node, True))
        for child in children:
            if isinstance(child, (dict, list)):
                if id(child) in open_:
                    raise CatalogueError(f"{_shown(path)}: an alias refers to itself; not loaded")
                stack.append((child, False))


def _describe(err: ValidationError, data: dict[Any, Any]) -> str:
    """One line for the first validation error: entry, field and what is wrong."""
    errors = err.errors(include_input=False, include_url=False)
    first = errors[0]
    if first["type"] == "missing":  # a misspelt field shows as missing + unknown: name the typo
        parent = first["loc"][:-1]
        typo = [e for e in errors if e["type"] == "extra_forbidden" and e["loc"][:-1] == parent]
        first = typo[0] if typo else first
    loc = list(first["loc"])
    parts: list[str] = []
    if len(loc) >= 2 and loc[0] == "exercises" and isinstance(loc[1], int):
        parts.append(_entry_label(data, loc[1]))
        loc = loc[2:]
    field = ".".join(str(p) for p in loc if not isinstance(p, int))
    items = [p for p in loc if isinstance(p, int)]
    if field:
        parts.append(f"field {one_line(field, 60)!r}" + (f" item {items[0] + 1}" if items else ""))
    if first["type"] == "extra_forbidden":
        message = "unknown field" + _known_fields(first["loc"])
    else:
        message = _problem(first["type"], first.get("ctx") or {}, first["msg"], field)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return ": ".join([*parts, one_line(message)]) + more


#: What each kind of validation failure means, in glutemed's words: pydantic's own
#: wording changes between releases, its error types do not.
_PROBLEMS: dict[str, str] = {
    "missing": "required but missing",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "string_type": "must be text",
    "string_unicode": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping",
    "model_attributes_type": "must be a mapping",
    "less_than_equal": "must be at most {le}",
    "less_than": "must be less than {lt}",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "string_too_short": "must not be empty",
    "string_too_long": "is longer than {max_length} characters",
    "too_short": "must hold at least {min_length} item(s)",
    "too_long": "holds more than {max_length} items",
    "string_pattern_mismatch": "must be lowercase letters and digits joined by hyphens",
}
#: The words a field with a fixed vocabulary takes.
_VOCABULARY: dict[str, tuple[str, ...]] = {
    "equipment": EQUIPMENT,
    "level": ("easier", "harder"),
}


def _problem(kind: str, context: dict[str, Any], message: str, field: str) -> str:
    """One validation failure in glutemed's words (a validator of ours keeps its own)."""
    if kind in ("value_error", "assertion_error"):
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in ("literal_error", "enum"):
        words = _VOCABULARY.get(field.rpartition(".")[2])
        return f"takes {and_list(words, 'or')}" if words else "is not a value glutemed knows here"
    if kind == "invalid_key" or field.endswith("[key]"):
        return "field names must be text"
    if kind not in _PROBLEMS:
        return "is not a value glutemed takes"
    return _PROBLEMS[kind].format_map({key: str(value) for key, value in context.items()})


def _entry_label(data: dict[Any, Any], index: int) -> str:
    label = f"entry {index + 1}"
    entries = data.get("exercises")
    if isinstance(entries, list) and index < len(entries) and isinstance(entries[index], dict):
        slug = entries[index].get("slug")
        if isinstance(slug, str) and slug:
            label += f" ({one_line(slug, 40)!r})"
    return label


def _known_fields(loc: tuple[int | str, ...]) -> str:
    if loc and loc[0] == "exercises":
        model: type[BaseModel] = Reps if "reps" in loc[:-1] else Exercise
    else:
        model = Catalogue
    close = difflib.get_close_matches(str(loc[-1])[:80], list(model.model_fields), n=1)
    if close:
        return f"; did you mean {close[0]!r}?"
    return f" (known: {', '.join(model.model_fields)})"


def _kind(value: Any) -> str:
    return {list: "a list", str: "a string", int: "a number", float: "a number"}.get(
        type(value), f"a {type(value).__name__}"
    )


def _shown(path: Path) -> str:
    """A path as error messages show it: whole unless absurdly long."""
    return one_line(str(path), 120)
