"""Reading a calendar event as a coach reads a training plan: pure rules, no I/O.

glutemed's rules (ours: the source says nothing about calendars). Each event is
read from everything it says, in this order, and the first rule that fits
decides:

1. **A note, not a run**: an all-day event over several days (a week's banner,
   "Week 9, weekly mileage: 58 miles").
2. **A race**: race words ("race", "marathon", "10k", "parkrun", "triathlon",
   ...) and no training words ("pace", "@", "tempo", "strides", "dress
   rehearsal", "week", "mileage", "plan", ...): "Goal marathon" and "8K-15K
   tune-up race" are races; "Marathon-pace run 15 mi" and "Dress rehearsal 7 mi
   with 2 mi @ race pace" are training runs. The title decides; the
   description only when the title names no sport, no run and no size (a race
   list's "Sedbergh (BOFRA)" is a race by its description's "Race").
3. **Not a run**: rest, cross-training and other sports (swims, rides, walks,
   yoga, mobility, stretching) and strength work (strength, core, gym,
   functional), whatever word comes first, unless the title also gives a run's
   distance (before the other sport's word: "Bike 60 km" is a ride) or quality
   work. "5 miles. Strength Workout." is an easy run, and the day has strength
   work; "Run: Core Stability or Functional" is strength.
4. **Hard**: quality work anywhere in the title: tempo, threshold, intervals,
   VO2, fartlek, hill reps, a pace ("race pace", "marathon pace", "MP",
   "10k pace") or repetitions ("6x800m", "5 x 1 km", "10x(run 30 sec...)"),
   whatever its length; strides after an easy run ("w/ 6x100 m strides") do
   not count. A long run with some miles at marathon pace stays long.
5. **Long**: a distance or a duration in the title (or, failing that, the
   description, or the event's own length): at least :data:`LONG_KM` km (10
   miles) or :data:`LONG_MINUTES` minutes, both settings (``long_km``,
   ``long_minutes``). Also the week's longest run, when it is at least a quarter
   longer than every other run that week (:func:`longest_of_week`).
6. **Easy**: any other run: a size, or a run word ("run", "jog", "recovery",
   "general aerobic", ...).
7. Otherwise **not a run**.

The config file's ``[runs]`` words join these vocabularies: ``race``,
``hard``, ``long`` and ``easy`` words read as glutemed's own of that kind, and
``none`` words as "not a run".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from glutemed.core.rules import RUN_WORD_KINDS

#: A long run, by distance and by time: glutemed's defaults for ``long_km`` and
#: ``long_minutes`` (about 10 miles or 90 minutes, a common threshold for a long run).
LONG_KM = 16
LONG_MINUTES = 90
#: The week's longest run is long when it is at least this much longer than the rest.
LONGEST_RATIO = 1.25
KM_PER_MILE = 1.609344

#: glutemed's words, by what they say of an event. Whole words or phrases, any case.
RACE_WORDS = (
    "race", "races", "racing", "marathon", "half marathon", "half", "5k", "10k", "15k",
    "10 mile", "parkrun", "ultra", "50k", "100k", "duathlon", "triathlon", "ironman",
    "relay", "relays", "fell race", "hill race",
)  # fmt: skip
TRAINING_WORDS = (
    "pace", "paced", "@", "rehearsal", "simulation", "week", "weekly", "mileage", "plan",
    "training", "strides", "workout", "session", "mp", "hmp",
)  # fmt: skip
SPORT_WORDS = (
    "rest", "rest day", "off", "day off", "cross-training", "cross training", "xt",
    "swim", "swimming", "bike", "biking", "ride", "cycling", "cycle", "spin", "walk",
    "walking", "hike", "hiking", "yoga", "pilates", "mobility", "stretch", "stretching",
    "massage", "foam roll", "row", "rowing", "elliptical", "ski", "skiing",
)  # fmt: skip
STRENGTH_WORDS = (
    "strength", "core", "gym", "weights", "weight training", "functional", "circuit",
    "circuits", "lifting", "plyometrics",
)  # fmt: skip
QUALITY_WORDS = (
    "tempo", "threshold", "lactate threshold", "interval", "intervals", "vo2", "vo2max",
    "vo2 max", "fartlek", "hill reps", "hill repeats", "hills", "repeats", "track",
    "race pace", "marathon pace", "goal marathon pace", "half marathon pace", "mp",
    "goal mp", "hmp", "5k pace", "10k pace", "5k effort", "10k effort", "speedwork",
)  # fmt: skip
#: Quality that a long run may hold and stay long.
MARATHON_PACE = ("marathon pace", "goal marathon pace", "mp", "goal mp")
LONG_WORDS = ("long run", "long", "lsd")
RUN_WORDS = (
    "run", "running", "jog", "jogging", "easy", "recovery", "general aerobic", "aerobic",
    "shakeout", "base run", "medium-long", "progression",
)  # fmt: skip

_TOKEN = re.compile(r"[\w-]+|@")
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_DISTANCE = re.compile(
    rf"(?<![\w.,]){_NUMBER}(?:\s*(?:-|to)\s*{_NUMBER})?\s*(miles?|mi|km|kilometers?)\b(?!/)", re.I
)
_MINUTES = re.compile(rf"(?<![\w.,:]){_NUMBER}\s*(?:min|mins|minutes)\b", re.I)
_HOURS = re.compile(r"(?<![\w.,:])(\d+)\s*h(?:rs?|ours?)?\s*(\d{1,2})?\b", re.I)
_CLOCK = re.compile(r"(?<![\w.,:])(\d{1,2}):([0-5]\d)(?::[0-5]\d)?(?![\w:])")
_REPS = re.compile(r"\b\d+\s*x\s*(?:\(|\d+(?:[.,]\d+)?\s*(?:m|km|mi|miles?|k)\b|miles?\b)", re.I)
_STRIDES = re.compile(r"(?:\+\s*)?(?:\d+\s*x\s*)?\d+\s*(?:m\s+)?(?:easy\s+)?strides?", re.I)


@dataclass(frozen=True)
class Limits:
    """What makes a run long: ``km`` and ``minutes`` (the settings ``long_km`` and
    ``long_minutes``)."""

    km: float = LONG_KM
    minutes: float = LONG_MINUTES


@dataclass(frozen=True)
class Reading:
    """What an event is: ``kind`` ("hard", "long", "easy", "race" or None: not a
    run), ``why`` in a few words ("long: 16 mi", "not a run: strength"), whether
    the day has strength work (``strength``), the run's size where the event gives
    one (``km``, ``minutes``) and a race's ``distance``."""

    kind: str | None
    why: str
    strength: bool = False
    km: float | None = None
    minutes: float | None = None
    distance: str | None = None


def read_event(
    title: str,
    description: str = "",
    categories: Sequence[str] = (),
    *,
    length: float | None = None,
    days: int = 1,
    words: Mapping[str, Sequence[str]] | None = None,
    limits: Limits | None = None,
) -> Reading:
    """(Long: the seven rules of the module, in order.)
    An event as glutemed reads it: its ``title``, ``description`` and
    ``categories``, its ``length`` in minutes (timed events) and the ``days`` an
    all-day event spans; ``words`` are the config file's ``[runs]`` words."""
    if days > 1:
        return Reading(None, f"note: spans {days} days")
    limits = limits or Limits()
    extra = {kind: tuple(w.lower() for w in (words or {}).get(kind, ())) for kind in RUN_WORD_KINDS}
    heading = " ".join([title, *categories])
    text = _words(heading)
    said = _words(description)
    plain = _STRIDES.sub(" ", heading)
    plain_words = _words(plain)
    km, minutes, size = _size(heading)
    if km is None and minutes is None:
        km, minutes, size = _size(description)
    if km is None and minutes is None and length:
        minutes, size = length, f"{length:g} min"
    strength = bool(_find(text, STRENGTH_WORDS) or _find(said, STRENGTH_WORDS))
    sport = _find(text, SPORT_WORDS + extra["none"])
    quality = _find(plain_words, QUALITY_WORDS + extra["hard"]) or _reps(plain)
    runs = _find(text, RUN_WORDS + LONG_WORDS + extra["easy"] + extra["long"])
    training = _find(text, TRAINING_WORDS) or quality
    race = _find(text, RACE_WORDS + extra["race"])
    silent = not (sport or runs or quality or strength or _distance(heading))
    if race is None and silent:
        race = _find(said, RACE_WORDS + extra["race"])
        training = training or _find(said, TRAINING_WORDS)
    if race and not training:
        named = race in ("race", "races", "racing") or race not in _find_all(text, RACE_WORDS)
        why = "race: named event" if named else f"race: {race}"
        return Reading("race", why, strength, km, minutes, distance_of(heading))
    strong = _distance(heading) or quality
    lifting = _find(text, STRENGTH_WORDS)
    if sport and not quality and _before(sport, heading, _DISTANCE.search(heading)):
        # "Bike 60 km", "Cross-training 45 min": the size is the other sport's.
        return Reading(None, f"not a run: {sport}", strength)
    if (sport or lifting) and not strong:
        why = sport or ("strength" if lifting == "strength" else f"strength ({lifting})")
        return Reading(None, f"not a run: {why}", strength)
    if silent and not strong and not runs and (_find(said, SPORT_WORDS) and not length):
        return Reading(None, f"not a run: {_find(said, SPORT_WORDS)}", strength)
    long = _is_long(km, minutes, limits)
    if quality:
        if long and quality in MARATHON_PACE:
            return Reading("long", f"long: {size}, some at marathon pace", strength, km, minutes)
        return Reading("hard", f"hard: {quality}", strength, km, minutes)
    if long:
        return Reading("long", f"long: {size}", strength, km, minutes)
    named_long = _find(text, LONG_WORDS + extra["long"])
    if named_long and km is None and minutes is None:
        return Reading("long", f"long: {named_long}", strength)
    if minutes == 0 and km is None:
        return Reading(None, "not a run: 0 min", strength)
    if size or runs:
        return Reading("easy", f"easy: {size or runs}", strength, km, minutes)
    return Reading(None, "not a run: no run in it", strength)


def longest_of_week(readings: Sequence[tuple[date, Reading]]) -> list[tuple[date, Reading]]:
    """The readings with each week's longest easy run read as long, where the week has
    two runs or more of a size in the same unit (km, else minutes) and it is at least
    :data:`LONGEST_RATIO` times every other (a plan's weekend run of 60 minutes among
    runs of 25 to 35)."""
    weeks: dict[date, list[int]] = {}
    for index, (day, reading) in enumerate(readings):
        if reading.kind in ("easy", "long", "hard"):
            weeks.setdefault(day - timedelta(days=day.weekday()), []).append(index)
    out = list(readings)
    for indexes in weeks.values():
        by_unit = {
            unit: sorted(
                (getattr(out[i][1], unit), i)
                for i in indexes
                if getattr(out[i][1], unit) is not None
            )
            for unit in ("km", "minutes")
        }
        sized = max(by_unit.values(), key=len)  # km first where as many runs give both
        if len(sized) < 2:
            continue
        (top, best), (second, _) = sized[-1], sized[-2]
        day, reading = out[best]
        if reading.kind == "easy" and top >= LONGEST_RATIO * second > 0:
            why = f"long: the week's longest, {reading.why.removeprefix('easy: ')}"
            out[best] = (day, replace(reading, kind="long", why=why))
    return out


def sanity(readings: Sequence[tuple[date, Reading]], first: date, last: date) -> list[str]:
    """Warnings for a reading that looks wrong: more than two races in four weeks, a
    week with no run at all inside the calendar's span, a long run on every day."""
    warnings = []
    races = sorted({day for day, reading in readings if reading.kind == "race"})
    for index, day in enumerate(races):
        near = [other for other in races[index:] if (other - day).days < 28]
        if len(near) > 2:
            warnings.append(
                f"{len(near)} races in four weeks from {day.isoformat()}: if some are "
                "training runs, add their words to the config file's [runs] table (hard, "
                "long or easy), or give your race with {race}"
            )
            break
    runs = sorted({day for day, reading in readings if reading.kind})
    if runs:
        monday = runs[0] - timedelta(days=runs[0].weekday())
        while monday <= runs[-1]:
            if (
                first <= monday
                and monday + timedelta(days=6) <= last
                and not any(monday <= day <= monday + timedelta(days=6) for day in runs)
            ):
                warnings.append(
                    f"no run in the week of {monday.isoformat()}: if the calendar names "
                    "its runs in other words, add them to [runs] in the config file"
                )
                break
            monday += timedelta(days=7)
    long_days = {day for day, reading in readings if reading.kind == "long"}
    if len(long_days) >= 7 and _every_day(long_days):
        warnings.append(
            "a long run on every day of a week: add the calendar's words for easy runs "
            "to the config file's [runs] table (easy), or give your long-run day with "
            "{long_run}"
        )
    return warnings


def distance_of(text: str) -> str:
    """A race's distance from its words: 5k, 10k, half, marathon or ultra (else 10k)."""
    found = set(_words(text))
    for word, distance in DISTANCE_WORDS:
        if tuple(_TOKEN.findall(word)) in found:
            return distance
    return "10k"


#: A race's distance from its words (glutemed's reading; anything else is a 10K).
DISTANCE_WORDS: tuple[tuple[str, str], ...] = (
    ("ultra", "ultra"),
    ("50k", "ultra"),
    ("100k", "ultra"),
    ("half marathon", "half"),
    ("half", "half"),
    ("marathon", "marathon"),
    ("10k", "10k"),
    ("5k", "5k"),
    ("parkrun", "5k"),
)


def _every_day(days: set[date]) -> bool:
    """Whether ``days`` hold seven days in a row."""
    return any(all(day + timedelta(days=n) in days for n in range(7)) for day in days)


def _words(text: str) -> set[tuple[str, ...]]:
    """Every run of up to four whole words of ``text``, lower case, for phrase lookup."""
    tokens = _TOKEN.findall(text.lower())
    return {
        tuple(tokens[start : start + length])
        for start in range(len(tokens))
        for length in range(1, 5)
        if start + length <= len(tokens)
    }


def _find(found: set[tuple[str, ...]], vocabulary: tuple[str, ...]) -> str | None:
    """The first word of ``vocabulary`` (longest phrases first) that ``found`` holds."""
    for word, key in _phrases(vocabulary):
        if key in found:
            return word
    return None


@functools.lru_cache(maxsize=64)
def _phrases(vocabulary: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A vocabulary's words with their whole-word keys, longest first: worked out once
    a vocabulary, not once an event."""
    ordered = sorted(vocabulary, key=lambda w: -len(w))
    return tuple((word, tuple(_TOKEN.findall(word.lower()))) for word in ordered)


def _before(word: str, text: str, found: re.Match[str] | None) -> bool:
    """Whether ``word`` comes in ``text`` before the match ``found`` (or there is none)."""
    if found is None:
        return True
    at = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I)
    return at is not None and at.start() < found.start()


def _find_all(found: set[tuple[str, ...]], vocabulary: tuple[str, ...]) -> list[str]:
    return [word for word, key in _phrases(vocabulary) if key in found]


def _reps(text: str) -> str | None:
    found = _REPS.search(text)
    if not found:
        return None
    said = "".join(found.group(0).split()).rstrip("(")
    return said if said[-1].isalpha() and not said.endswith("x") else f"{said} reps"


def _distance(text: str) -> bool:
    return _DISTANCE.search(text) is not None


def _size(text: str) -> tuple[float | None, float | None, str]:
    """(km, minutes, as the text says it): the largest distance and the first duration
    ``text`` gives."""
    km, label = None, ""
    for found in _DISTANCE.finditer(text):
        number = found.group(2) or found.group(1)
        miles = found.group(3).lower().startswith("mi")
        value = float(number.replace(",", ".")) * (KM_PER_MILE if miles else 1)
        if km is None or value > km:
            km, label = value, f"{number} {'mi' if miles else 'km'}"
    spans: list[tuple[int, float]] = []
    for pattern, read in (
        (_HOURS, lambda m: 60 * int(m.group(1)) + int(m.group(2) or 0)),
        (_CLOCK, lambda m: 60 * int(m.group(1)) + int(m.group(2))),
        (_MINUTES, lambda m: float(m.group(1).replace(",", "."))),
    ):
        spans += [(m.start(), float(read(m))) for m in pattern.finditer(text)]
    minutes = min(spans)[1] if spans else None
    if not label and minutes is not None:
        label = f"{minutes:g} min"
    return km, minutes, label


def _is_long(km: float | None, minutes: float | None, limits: Limits) -> bool:
    return (km is not None and km >= limits.km - 0.05) or (
        minutes is not None and minutes >= limits.minutes
    )
