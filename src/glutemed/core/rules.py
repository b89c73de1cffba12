"""The rules every value glutemed takes must keep: ranges, vocabularies and patterns,
each written once. The command line parses and completes with them, the config
file is checked with them, and the planner enforces them.

A parser here takes the text a user typed and returns the value, or raises
``ValueError`` with the rest of a sentence that starts with the setting's name:
``takes 2 to 4 sets (the source's range), not '5'``. The caller puts the name
in front (a flag on the command line, a key in the config file).

Standard library only, so option parsing and shell completion load nothing heavy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from pathlib import Path

from glutemed.core.text import CONTROLS, and_list, quoted


class Range:
    """Whole numbers from ``low`` to ``high``, counted in ``unit``, with the reason.

    ``words`` says what the range takes where "low to high unit" would not read
    well. A plain class: a dataclass costs most of this module's import time.
    """

    __slots__ = ("high", "low", "unit", "why", "words")

    def __init__(self, low: int, high: int, unit: str, why: str = "", words: str = "") -> None:
        self.low, self.high, self.unit, self.why, self.words = low, high, unit, why, words

    @property
    def takes(self) -> str:
        """``2 to 4 sets (the source's range)``: for help texts and errors."""
        said = self.words or f"{self.low} to {self.high} {self.unit}"
        return said + (f" ({self.why})" if self.why else "")

    @property
    def whole_number(self) -> str:
        """``must be a whole number from 2 to 4``: for values in a file."""
        return f"must be a whole number from {self.low} to {self.high}"

    def __contains__(self, value: int) -> bool:
        return self.low <= value <= self.high

    def check(self, value: int) -> int:
        if value not in self:
            raise ValueError(f"takes {self.takes}, not {value}")
        return value

    def parse(self, text: str | int) -> int:
        if isinstance(text, int):  # a default, not typed by the user
            return self.check(text)
        cleaned = text.strip()
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", cleaned):
            raise ValueError(f"takes {self.takes}, not {quoted(text)}")
        return self.check(int(cleaned))


#: Sessions a week. The ceiling is glutemed's own rule, not the source's.
DAYS = Range(1, 3, "sessions a week", "glutemed keeps about 48 hours between sessions for recovery")
#: Sets of each move: the source's range.
SETS = Range(2, 4, "sets", "the source's range")
WEEKS = Range(1, 12, "weeks")
#: Rest between sets in a guided session, in seconds (``go --rest``, config ``rest``).
REST = Range(0, 600, "seconds")
#: Rest between sets when the runner sets none (``rest``): the short end of the
#: guidance's 60 to 90 seconds, and what the minutes estimate counts.
REST_SECONDS = 60
#: Moves in a routine: the source's rule (pick 2 to 3 of the moves).
ROUTINE = Range(2, 3, "moves", "the source's rule: pick 2 to 3 of the moves")
SEED = Range(0, 10**18 - 1, "", words="a whole number of 0 or more")
NOTE_LENGTH = 500
#: Reps in one logged set, and set numbers on a sheet.
REPS = Range(1, 9999, "reps")
#: Set numbers: ``log`` numbers a day's sets after those already logged, so a busy day
#: may run past 20; the ceiling catches a typing slip on a sheet.
SET_NUMBERS = Range(1, 999, "", words="set numbers from 1 to 999")
#: The highest box a lateral step-up climbs to, in cm: about knee height, past which
#: the pelvis hikes and the trunk leans (glutemed's rule); the config file's
#: ``box_max`` may set it within this range, for a tall runner.
BOX_MAX = 45
BOX_HEIGHTS = Range(20, 60, "cm")
#: Pain, recorded out of 10 (0: none): for a move in a session, or the morning after.
PAIN = Range(0, 10, "out of 10", words="a score from 0 (no pain) to 10")
#: What a runner writes for no load (bodyweight), on a sheet or in ``go``.
NO_LOAD_WORDS: tuple[str, ...] = ("-", "bodyweight", "body weight", "bw", "none", "no load")
#: A set's id in the log, as ``history --all`` shows it.
SET_IDS = Range(1, 2**62, "", words="a set's id, as history shows each set")
#: The dates glutemed takes anywhere (options, sheets, the log): far enough from
#: the calendar's ends that a plan, a taper or a count-back never runs off them.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2999, 12, 31)
DATES = f"dates from {FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()}"

WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
WEEKDAY_WORDS: tuple[str, ...] = tuple(day[:3].lower() for day in WEEKDAYS)
#: The forms a plan may use (``--level``): easier and harder forms are glutemed's
#: additions to the source's standard moves.
LEVELS: tuple[str, ...] = ("easier", "standard", "harder")
#: Race distances, for the taper (``--race-distance``).
DISTANCES: tuple[str, ...] = ("5k", "10k", "half", "marathon", "ultra")
#: The body's sides (``--weak-side``).
SIDES: tuple[str, ...] = ("left", "right")
#: What an automatic routine may favour (``--favour``).
FAVOURS: tuple[str, ...] = ("lateral", "loaded")

#: The settings a config file and the options hold, by name.
SETTINGS: tuple[str, ...] = (
    "days",
    "equipment",
    "long_run",
    "hard",
    "sets",
    "load_step",
    "rest",
    "box_max",
    "runs_from",
    "runs",
    "long_km",
    "long_minutes",
    "publish",
    "catalogue",
)

#: The most a runner's calendar may hold, in bytes.
CALENDAR_BYTES = 5 * 1024 * 1024

#: Words a ``[runs]`` kind may add, and how long each may be: plenty for a language
#: or two, and a bound on the work of classifying every event.
RUN_WORDS = Range(0, 200, "words a kind")
RUN_WORD_LENGTH = 60

#: The kinds of run a calendar event can be.
RUN_KINDS: tuple[str, ...] = ("hard", "long", "easy", "race")
#: The ``[runs]`` table's keys: a kind of run, or ``none`` (words for "not a run").
RUN_WORD_KINDS: tuple[str, ...] = (*RUN_KINDS, "none")
#: What makes a calendar's run long (``long_km``, ``long_minutes``): from a 5 km to
#: a 50 km run, from half an hour to five.
LONG_KM = Range(5, 50, "km", words="5 to 50 (km)")
LONG_MINUTES = Range(30, 300, "minutes")

#: The word that clears a setting the config file made (``--long-run none``).
NONE = "none"

#: Equipment names a catalogue may use, in the order glutemed lists them.
EQUIPMENT: tuple[str, ...] = ("dumbbells", "band", "box", "mat")
_EQUIPMENT_ALIASES = {
    "dumbbell": "dumbbells",
    "bands": "band",
    "step": "box",
    "boxes": "box",
    "mats": "mat",
}

#: The plan's output formats, and the words and file suffixes that name each.
FORMAT_WORDS: dict[str, str] = {
    "markdown": "markdown",
    "md": "markdown",
    "ics": "ics",
    "ical": "ics",
    "json": "json",
    "html": "html",
    "pdf": "pdf",
    "fit": "fit",
}
FORMATS: tuple[str, ...] = ("markdown", "ics", "json", "html", "pdf", "fit")
SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".ics": "ics",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".fit": "fit",
}

#: What the standing knee did in the mirror test.
KNEES: tuple[str, ...] = ("over-foot", "midline", "in-front")
#: Older names of knee answers, still taken (glutemed 0.1 said ``past-toes``).
KNEE_ALIASES: dict[str, str] = {"past-toes": "in-front"}

#: A move's slug: lower-case words joined by hyphens.
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_PATTERN = rf"^{SLUG}$"


def split_words(values: Iterable[str]) -> list[str]:
    """Comma-separated and repeated values as one list of lower-case words."""
    return [word.strip().lower() for value in values for word in value.split(",")]


def parse_weekday(word: str) -> int:
    """0 for Monday ... 6 for Sunday, from a full name or any prefix of three letters or more."""
    folded = word.strip().lower()
    if len(folded) >= 3:
        for index, name in enumerate(WEEKDAYS):
            if name.lower().startswith(folded):
                return index
    names = [name.lower() for name in WEEKDAYS] + [name[:3].lower() for name in WEEKDAYS]
    maybe = did_you_mean(folded, names)
    raise ValueError(
        f"takes a weekday (mon, tue, wed, thu, fri, sat or sun); {quoted(word)} is not a "
        f"weekday{maybe}"
    )


def parse_weekdays(values: Iterable[str]) -> tuple[int, ...]:
    """Weekdays in week order; a day named twice is refused."""
    days = [parse_weekday(word) for word in split_words(values)]
    for day in set(days):
        if days.count(day) > 1:
            raise ValueError(f"names {WEEKDAYS[day]} twice; give each day once")
    return tuple(sorted(days))


def parse_training_days(values: Iterable[str]) -> tuple[int, ...]:
    """The weekdays to train on: 1 to 3 of them, each once."""
    days = parse_weekdays(values)
    if len(days) not in DAYS:
        raise ValueError(f"takes {DAYS.takes}, not {len(days)}")
    return days


def parse_equipment(values: Iterable[str]) -> frozenset[str]:
    """Equipment from names (``none`` for bodyweight only, ``all`` for everything)."""
    words = split_words(values)
    takes = f"takes {', '.join(EQUIPMENT)} (comma-separated), or none for bodyweight only"
    if not words or "" in words:
        raise ValueError(f"{takes}; an empty name is not equipment")
    chosen: set[str] = set()
    for word in words:
        if word == NONE:
            continue
        if word == "all":
            chosen.update(EQUIPMENT)
            continue
        name = _EQUIPMENT_ALIASES.get(word, word)
        if name not in EQUIPMENT:
            maybe = did_you_mean(word, [*EQUIPMENT, *_EQUIPMENT_ALIASES])
            raise ValueError(f"{takes}; {quoted(word)} is not equipment glutemed knows{maybe}")
        chosen.add(name)
    return frozenset(chosen)


def parse_date(text: str) -> date:
    """A date written YYYY-MM-DD, from FIRST_DATE to LAST_DATE."""
    cleaned = text.strip()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", cleaned, re.ASCII):
            raise ValueError
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(
            f"takes a date in the form YYYY-MM-DD; {quoted(text)} is not a date"
        ) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(f"takes {DATES}; {quoted(text)} is outside them")
    return day


def parse_day(text: str, today: date, *, ahead: bool) -> date:
    """A day as a runner says it: a date (YYYY-MM-DD), ``today``, ``tomorrow`` (looking
    ``ahead``) or ``yesterday`` (looking back), or a weekday name: the next such day
    (``ahead``) or the last one, today included."""
    word = text.strip().lower()
    if re.fullmatch(r"[0-9]+(?:-[0-9]+)*", word):
        return parse_date(text)
    near = {"today": 0, "tomorrow": 1} if ahead else {"today": 0, "yesterday": -1}
    if word in near:
        return today + timedelta(days=near[word])
    try:
        weekday = parse_weekday(word)
    except ValueError:
        pass
    else:
        offset = (weekday - today.weekday()) % 7
        return today + timedelta(days=offset if ahead else offset - 7 if offset else 0)
    try:
        return parse_date(text)
    except ValueError:
        words = and_list([*near, "a weekday"], "or")
        raise ValueError(
            f"takes a date (YYYY-MM-DD), {words}; {quoted(text)} is none of them"
        ) from None


_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?")


def parse_time(text: str) -> time:
    """A time of day: ``7:00``, ``07:00``, ``19:30``, ``7:00am``, ``7pm``."""
    cleaned = text.strip().lower()
    match = _TIME.fullmatch(cleaned)
    problem = ValueError(f"takes a time such as 07:00, 7:30am or 7pm; {quoted(text)} is not a time")
    if match is None or (match.group(2) is None and match.group(3) is None):
        raise problem
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or "").replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            raise problem
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise problem
    return time(hour, minute)


def parse_format(text: str) -> str:
    """``markdown``, ``ics``, ``json``, ``html``, ``pdf`` or ``fit`` from any of the words
    that name them."""
    try:
        return FORMAT_WORDS[text.strip().lower()]
    except KeyError:
        raise ValueError(
            f"takes {and_list(FORMATS, 'or')}; {quoted(text)} is not a format"
        ) from None


def format_of(path: Path) -> str:
    """The format a file name's suffix asks for."""
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise ValueError(
            f"cannot tell the format of {quoted(path.name or str(path), 120)} from its "
            f"suffix; use one of {', '.join(SUFFIXES)} or give {{format}}"
        ) from None


def parse_knee(text: str) -> str:
    """A knee answer of the mirror test."""
    folded = text.strip().lower()
    folded = KNEE_ALIASES.get(folded, folded)
    if folded not in KNEES:
        raise ValueError(f"takes {and_list(KNEES, 'or')}; {quoted(text)} is not a knee answer")
    return folded


def parse_reps(text: str) -> list[int]:
    """``10,10,9``: the reps of each set, 1 to 20 sets of 1 to 9999 reps."""
    parts = [part.strip() for part in text.split(",")]
    if any(not re.fullmatch(r"[0-9]{1,4}", part) for part in parts):
        raise ValueError(
            f"takes whole numbers separated by commas, e.g. 10,10,9, not {quoted(text)}"
        )
    reps = [int(part) for part in parts]
    if any(count == 0 for count in reps) or len(reps) > 20:
        raise ValueError("takes 1 to 20 sets of at least 1 rep, e.g. 10,10,9")
    return reps


#: A profile's name (``--profile``): a runner a coach plans for.
PROFILE = r"[a-z0-9][a-z0-9_-]{0,39}"


def parse_profile(text: str) -> str:
    """A profile's name: lower-case letters, digits, ``-`` and ``_``, up to 40."""
    cleaned = text.strip().lower()
    if not re.fullmatch(PROFILE, cleaned):
        raise ValueError(
            f"takes a name of lower-case letters, digits, - and _ (up to 40), not {quoted(text)}"
        )
    return cleaned


def one_of(words: Sequence[str], text: str) -> str:
    """``text`` as one of ``words`` (any case); ValueError naming them."""
    cleaned = text.strip().lower()
    if cleaned not in words:
        raise ValueError(
            f"takes {and_list(words, 'or')}, not {quoted(text)}{did_you_mean(cleaned, words)}"
        )
    return cleaned


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``; did you mean 'box'?`` for the choice closest to a mistyped ``word``, or ""."""
    import difflib

    close = difflib.get_close_matches(word.strip().lower(), list(choices), n=1, cutoff=0.6)
    return f"; did you mean {quoted(close[0])}?" if close else ""


def parse_level(text: str) -> str:
    """``easier``, ``standard`` or ``harder``."""
    return one_of(LEVELS, text)


def parse_distance(text: str) -> str:
    """A race distance: ``5k``, ``10k``, ``half``, ``marathon`` or ``ultra``."""
    return one_of(DISTANCES, text)


def parse_side(text: str) -> str:
    """``left`` or ``right``."""
    return one_of(SIDES, text)


def parse_favour(text: str) -> str:
    """``lateral`` or ``loaded``."""
    return one_of(FAVOURS, text)


def parse_note(text: str) -> str:
    if len(text) > NOTE_LENGTH:
        raise ValueError(f"takes a note of at most {NOTE_LENGTH} characters")
    if CONTROLS.search(text) or "\n" in text:
        raise ValueError("takes a note of one line of plain text, without control characters")
    return text


def parse_source(text: str) -> str:
    """A calendar to read: a file name or a URL, or ``none``."""
    if not text.strip() or CONTROLS.search(text) or "\0" in text:
        raise ValueError("takes an .ics file, an http(s):// or webcal:// URL, or none")
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", text.strip())
    if scheme and scheme.group(1).lower() not in ("http", "https", "webcal"):
        raise ValueError(
            f"takes an .ics file or an http://, https:// or webcal:// URL; "
            f"{scheme.group(1).lower()}:// is not one glutemed fetches"
        )
    return text.strip()


def parse_remind(text: str) -> timedelta:
    """``30m``, ``1h`` or ``1d``: how long before a session its calendar alarm rings
    (1 minute to 7 days)."""
    found = re.fullmatch(r"\s*([0-9]{1,4})\s*(m|min|h|d)\s*", text.lower())
    if found:
        amount, unit = int(found.group(1)), found.group(2)
        span = timedelta(
            minutes=amount if unit in ("m", "min") else 0,
            hours=amount if unit == "h" else 0,
            days=amount if unit == "d" else 0,
        )
        if timedelta(minutes=1) <= span <= timedelta(days=7):
            return span
    raise ValueError(f"takes a time before the session such as 30m, 1h or 1d, not {quoted(text)}")


def parse_name(text: str) -> str:
    """A programme's name: one line of plain text, up to 80 characters."""
    if not text.strip() or len(text) > 80 or CONTROLS.search(text) or "\n" in text:
        raise ValueError("takes a name of one line, up to 80 characters")
    return text.strip()


def parse_path(text: str) -> Path:
    """A file name; an empty one is refused rather than read as the current folder."""
    if not text.strip():
        raise ValueError("takes a file name; an empty name is not one")
    if "\0" in text:
        raise ValueError("takes a file name; a name cannot hold a NUL character")
    return Path(text)


def complete_words(incomplete: str, words: Sequence[str]) -> list[str]:
    """Shell completions for a comma list: ``tue,th`` -> ``tue,thu``; no word twice."""
    head, comma, last = incomplete.rpartition(",")
    used = set(head.lower().split(",")) if comma else set()
    prefix = head + comma
    return [prefix + word for word in words if word.startswith(last.lower()) and word not in used]


_SLUG_LINE = re.compile(rf"(?:^|[\s{{,])slug\s*:\s*[\"']?({SLUG})[\"']?", re.M)


def slugs_in(text: str) -> list[str]:
    """The slugs in a catalogue's text, found by a scan: no YAML parser, no validation.

    For shell completion, which runs on every TAB.
    """
    return list(dict.fromkeys(_SLUG_LINE.findall(text)))
