"""The config file: its bytes parsed as TOML and checked key by key, with glutemed's
errors (a line for every problem). :mod:`glutemed.core.settings` resolves these values
with the options and the environment.

The file is ``GLUTEMED_CONFIG`` when set (it must then exist), else
``config.toml`` in the platform's user config folder (``platformdirs``; on
Linux ``~/.config/glutemed/config.toml``), which may be absent. Its keys are
named like the settings they hold: ``days``, ``equipment``, ``long_run``,
``hard``, ``sets``, ``load_step``, ``rest``, ``box_max``, ``runs_from``,
``runs`` (a table of words for each kind of calendar event, and ``none``),
``long_km``, ``long_minutes`` and ``catalogue``; lists are TOML arrays; a relative
``catalogue`` is relative to the file's folder.

No pydantic here: shell completion reads the file's ``catalogue`` on every TAB.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from glutemed.core import rules
from glutemed.core.rules import SETTINGS as KEYS
from glutemed.core.text import one_line
from glutemed.errors import ConfigError

#: The largest config file glutemed reads.
MAX_BYTES = 1024 * 1024
EXAMPLE = """\
# glutemed settings. Each key stands in for the plan option of the same name;
# an option given on the command line wins, and GLUTEMED_CATALOGUE wins over
# `catalogue`. Remove the # in front of a line to use it.

# days = 3                                  # sessions a week, 1 to 3
# equipment = ["dumbbells", "band", "box"]  # what you have; [] for bodyweight only
# long_run = "sat"                          # the day of your long run
# hard = ["tue", "thu"]                     # the days of your hard runs
# sets = 3                                  # 2 to 4; leave out to let glutemed choose
# load_step = "2kg"                         # your dumbbells' step: 1kg unless you say
# rest = 90                                 # seconds of rest between sets in 'go'
# box_max = 50                              # the highest box, cm (45: about knee height)
# runs_from = "https://example.com/plan.ics" # your running calendar (a file or a URL)
# long_km = 16                              # a calendar's run this long (km) is a long run
# long_minutes = 90                         # ... and one of this many minutes
# catalogue = "my-moves.yaml"               # your own catalogue, relative to this file
# [publish]                                 # the CalDAV calendar 'glutemed publish' fills
# url = "https://cal.example.com/alex/gm/"  # passwords: GLUTEMED_CALDAV_PASSWORD, ~/.netrc
# [runs]                                    # more words for each kind of calendar event
# hard = ["intervalle"]                     # (a table: keep it last in the file)
# long = ["lange runde"]
# none = ["rad", "schwimmen"]               # words that mean "not a run"
"""


def parse_config(raw: bytes, path: Path) -> dict[str, Any]:
    """A config file's bytes (read from ``path``, which errors name) as checked values."""
    import tomllib

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: {_toml_problem(str(err), text)}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a config file") from None
    values = {}
    for key, value in data.items():
        try:
            values[key] = _check(key, value, path)
        except ValueError as err:
            raise ConfigError(f"{path}: {_line_of(text, key)}key {key!r}: {err}") from None
    return values


def _check(key: str, value: Any, path: Path) -> Any:
    """A file value turned into the type the setting takes."""
    if key not in KEYS:
        raise ValueError(f"unknown key (known: {', '.join(KEYS)})")
    if key in ("days", "sets", "rest", "box_max", "long_km", "long_minutes"):
        rule = {
            "days": rules.DAYS,
            "sets": rules.SETS,
            "rest": rules.REST,
            "box_max": rules.BOX_HEIGHTS,
            "long_km": rules.LONG_KM,
            "long_minutes": rules.LONG_MINUTES,
        }[key]
        if isinstance(value, bool) or not isinstance(value, int) or value not in rule:
            raise ValueError(rule.whole_number)
        return value
    if key == "runs":
        if not isinstance(value, dict):
            raise ValueError('must be a table, e.g. [runs] with hard = ["intervalle"]')
        words: dict[str, tuple[str, ...]] = {}
        for kind, listed in value.items():
            if kind not in rules.RUN_WORD_KINDS:
                raise ValueError(f"holds {kind!r}; the kinds are {', '.join(rules.RUN_WORD_KINDS)}")
            if not isinstance(listed, list) or not all(
                isinstance(word, str) and word.strip() for word in listed
            ):
                raise ValueError(f'{kind} must be an array of words, e.g. ["intervalle"]')
            if len(listed) > rules.RUN_WORDS.high:
                raise ValueError(
                    f"{kind} holds {len(listed):,} words; glutemed takes {rules.RUN_WORDS.takes}"
                )
            if any(len(word) > rules.RUN_WORD_LENGTH for word in listed):
                raise ValueError(
                    f"{kind} holds a word over {rules.RUN_WORD_LENGTH} characters; "
                    "give words or short phrases"
                )
            words[kind] = tuple(word.strip().lower() for word in listed)
        return words
    if key == "publish":
        if not isinstance(value, dict):
            raise ValueError('must be a table, e.g. [publish] with url = "https://..."')
        secret = sorted(set(value) & {"password", "pass", "secret", "token", "user"})
        if secret:
            raise ValueError(
                f"holds {secret[0]}: glutemed reads the calendar's user name and password "
                "only from GLUTEMED_CALDAV_USER and GLUTEMED_CALDAV_PASSWORD or ~/.netrc, "
                "never from this file; remove it"
            )
        if set(value) != {"url"} or not isinstance(value["url"], str) or not value["url"]:
            raise ValueError('takes only url, the calendar\'s address: url = "https://..."')
        return value["url"]
    if key in ("equipment", "hard"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError('must be an array of names, e.g. ["tue", "thu"]')
        if key == "equipment":
            return rules.parse_equipment(value) if value else frozenset()
        return rules.parse_weekdays(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    if key == "long_run":
        return rules.parse_weekday(value)
    if key == "runs_from":
        source = rules.parse_source(value)
        if re.match(r"(?i)(https?|webcal)://", source) or source.lower() == rules.NONE:
            return source
        try:  # a file, relative to the config file's folder as `catalogue` is
            return str(path.parent / Path(source).expanduser())
        except RuntimeError:
            raise ValueError(f"cannot find the home folder in {one_line(source, 40)!r}") from None
    if key == "load_step":
        from glutemed.core.sets import parse_load, parse_step

        parse_step(value)
        return parse_load(value).text
    if "\0" in value:
        raise ValueError("a file name cannot hold a NUL character")
    try:
        return path.parent / Path(value).expanduser()  # catalogue
    except RuntimeError:
        raise ValueError(f"cannot find the home folder in {one_line(value, 40)!r}") from None


def _line_of(text: str, key: str) -> str:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return f"line {number}: "
    return ""


_AT = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


def _toml_problem(message: str, text: str) -> str:
    """tomllib's complaint as glutemed says it: always a line, and the key set twice named."""
    match = _AT.search(message)
    problem = _AT.sub("", message) if match else message
    line = int(match.group(1)) if match and match.group(1) else text.count("\n") + 1
    if problem.startswith("Cannot overwrite a value"):
        lines = text.splitlines()
        found = re.match(r"\s*([\w-]+)\s*=", lines[line - 1]) if line <= len(lines) else None
        key = found.group(1) if found else "a key"
        return f"line {line}: key {key!r} is set twice; keep one of them"
    return f"line {line}: {problem[:1].lower()}{problem[1:]} (invalid TOML)"
