"""Reading sets from the training log: every set one at a time, or what a view needs
aggregated in SQL over the index, so the answer costs the same for a log of any age.
A row glutemed cannot read (edited by hand) is skipped and named in one warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from glutemed.core import rules
from glutemed.core.sets import LoggedSet, MoveStats, Pain, parse_load
from glutemed.storage.logfile import Warn, has_table, open_log, readable, report
from glutemed.storage.sets import logged_set, set_columns

if TYPE_CHECKING:
    import sqlite3


def read_sets(
    slugs: Iterable[str] | None = None, since: date | None = None, *, warn: Warn
) -> list[LoggedSet]:
    """Logged sets, newest first (by date, then by when they were logged).

    A row glutemed cannot read (edited by hand: a bad date, text for reps, a
    load it does not know) is skipped and named in one warning.
    """
    return list(iter_sets(slugs, since, warn=warn))


#: A row whose values the summaries may count: a real date and a whole number of reps.
_COUNTABLE = (
    "date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
    " AND date BETWEEN '1900-01-01' AND '2999-12-31'"
    " AND typeof(reps) = 'integer' AND reps BETWEEN 1 AND 9999"
)


def iter_sets(
    slugs: Iterable[str] | None = None, since: date | None = None, *, warn: Warn
) -> Iterator[LoggedSet]:
    """Every matching set, newest first, one at a time: a log of any size is written
    out as it is read. Rows glutemed cannot read are named in one warning at the end."""
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return
        query, params = _filtered(f"SELECT {set_columns(db)} FROM sets", slugs, since)
        problems = []
        for row in db.execute(query + " ORDER BY date DESC, id DESC", params):
            try:
                yield logged_set(row)
            except ValueError as err:
                problems.append(f"set {row[0]} ({err})")
    report(problems, warn)


def _filtered(
    query: str,
    slugs: Iterable[str] | None,
    since: date | None,
    *more: str,
    more_params: Sequence[Any] = (),
) -> tuple[str, list[Any]]:
    """``query`` with a WHERE for the moves, the first day and ``more`` conditions
    (whose ``?`` take ``more_params``), and its parameters in order."""
    clauses, params = list(more), list(more_params)
    if slugs is not None:
        wanted = list(slugs)
        clauses.append(f"slug IN ({', '.join('?' * len(wanted))})")
        params.extend(wanted)
    if since is not None:
        clauses.append("date >= ?")
        params.append(since.isoformat())
    return (query + " WHERE " + " AND ".join(clauses) if clauses else query), params


def move_stats(slugs: Iterable[str] | None = None, since: date | None = None) -> list[MoveStats]:
    """Each logged move's sessions, first and last day, best set and first and latest
    load: aggregated over the index, so the answer costs the same for a log of any age."""
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return []
        query, params = _filtered(
            "SELECT slug, COUNT(DISTINCT date), MIN(date), MAX(date), MAX(reps) FROM sets",
            slugs,
            since,
            _COUNTABLE,
        )
        rows = db.execute(query + " GROUP BY slug ORDER BY slug", params).fetchall()
        found = []
        for slug, sessions, first, last, best in rows:
            first_day = _valid_day(first) or _edge_day(db, slug, since, "ASC")
            last_day = _valid_day(last) or _edge_day(db, slug, since, "DESC")
            if first_day is None or last_day is None:
                continue
            loads = []
            for order in ("ASC", "DESC"):
                q, p = _filtered(
                    "SELECT load FROM sets", [slug], since, _COUNTABLE, "load IS NOT NULL"
                )
                row = db.execute(q + f" ORDER BY date {order}, id {order} LIMIT 1", p).fetchone()
                loads.append(_load_or_none(row[0] if row else None))
            found.append(MoveStats(slug, sessions, first_day, last_day, best, *loads))
    return found


def session_totals(
    slug: str, limit: int, before: date | None = None
) -> list[tuple[date, int, list[str]]]:
    """A move's latest ``limit`` sessions (before ``before``), newest first: (day, total
    reps, the loads used)."""
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return []
        extra = [_COUNTABLE] + (["date < ?"] if before else [])
        query, params = _filtered(
            "SELECT date, SUM(reps), GROUP_CONCAT(load, '|') FROM sets",
            [slug],
            None,
            *extra,
            more_params=[before.isoformat()] if before else [],
        )
        rows = db.execute(
            query + " GROUP BY date ORDER BY date DESC LIMIT ?", [*params, limit]
        ).fetchall()
    return [
        (when, int(total), [x for x in (loads or "").split("|") if _load_or_none(x)])
        for day, total, loads in rows
        if (when := _valid_day(day)) is not None
    ]


def move_sets(
    slug: str, since: date | None = None, sessions: int | None = None
) -> list[tuple[date, int, str | None, str | None]]:
    """A move's sets done on both sides, oldest first: (day, reps, load, form), from the
    rows glutemed can read; only its latest ``sessions`` when given, so a chart reads
    only the sets it shows."""
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return []
        if sessions is not None:
            query, params = _filtered("SELECT DISTINCT date FROM sets", [slug], since, _COUNTABLE)
            row = db.execute(
                query + " ORDER BY date DESC LIMIT 1 OFFSET ?", [*params, sessions - 1]
            ).fetchone()
            if row is not None and (_valid_day(row[0]) or date.min) > (since or date.min):
                since = _valid_day(row[0])
        present = {row[1] for row in db.execute("PRAGMA table_info(sets)")}
        form = "form" if "form" in present else "NULL"
        sides = ["side IS NULL"] if "side" in present else []
        query, params = _filtered(
            f"SELECT date, reps, load, {form} FROM sets", [slug], since, _COUNTABLE, *sides
        )
        rows = db.execute(query + " ORDER BY date, id", params).fetchall()
    return [
        (when, int(reps), _load_or_none(load), form_name)
        for day, reps, load, form_name in rows
        if (when := _valid_day(day)) is not None
        and (load is None or _load_or_none(load) is not None)
    ]


def logged_days(since: date) -> list[date]:
    """The days with any set logged, from ``since`` on."""
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return []
        query, params = _filtered("SELECT DISTINCT date FROM sets", None, since, _COUNTABLE)
        days = (_valid_day(row[0]) for row in db.execute(query, params))
        return [day for day in days if day is not None]


def _valid_day(text: object) -> date | None:
    """A stored date glutemed can read, or None."""
    try:
        return rules.parse_date(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _edge_day(db: sqlite3.Connection, slug: str, since: date | None, order: str) -> date | None:
    """A move's first (ASC) or last (DESC) readable day, past rows edited into dates
    that do not exist (2026-02-30)."""
    query, params = _filtered("SELECT DISTINCT date FROM sets", [slug], since, _COUNTABLE)
    for (text,) in db.execute(query + f" ORDER BY date {order}", params):
        if day := _valid_day(text):
            return day
    return None


def _load_or_none(text: object) -> str | None:
    """A stored load as glutemed reads it, or None for none or one it cannot read."""

    if not isinstance(text, str) or not text:
        return None
    try:
        return parse_load(text).text
    except ValueError:
        return None


def read_latest(
    slugs: Iterable[str], since: date, before: date | None = None, *, warn: Warn
) -> list[LoggedSet]:
    """What planning needs from the log, newest first, however long the log is: each
    move's two latest sessions in each form (before ``before`` when given; one-sided
    extra sets aside: the latest gives the numbers, two tell a form the runner knows
    from a new one), and every set from ``since`` on. Aggregated in SQL over the index, so
    a log of ten years reads as quickly as a log of one."""
    wanted = list(slugs)
    if not wanted:
        return []
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return []
        present = {row[1] for row in db.execute("PRAGMA table_info(sets)")}
        form = "IFNULL(form, '')" if "form" in present else "''"
        one_sided = "side IS NULL" if "side" in present else "1"
        marks = ", ".join("?" * len(wanted))
        earlier = "AND date < ?" if before is not None else ""
        query = f"""
            SELECT {set_columns(db)} FROM sets WHERE id IN (
                SELECT sets.id FROM sets JOIN (
                    SELECT DISTINCT s, f, d FROM (
                        SELECT slug AS s, {form} AS f, date AS d, DENSE_RANK() OVER (
                            PARTITION BY slug, {form} ORDER BY date DESC
                        ) AS r FROM sets
                        WHERE slug IN ({marks}) AND {one_sided} {earlier}
                            AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                    ) WHERE r <= 2
                ) AS latest ON sets.slug = latest.s AND sets.date = latest.d
                    AND {form.replace("form", "sets.form")} = latest.f
                UNION
                SELECT id FROM sets WHERE slug IN ({marks}) AND date >= ?
            ) ORDER BY date DESC, id DESC"""
        params = [*wanted, *([before.isoformat()] if before else []), *wanted, since.isoformat()]
        rows = db.execute(query, params).fetchall()
    return readable(rows, logged_set, "set", warn)


def name_unreadable(slugs: Iterable[str], *, warn: Warn) -> None:
    """Name, in one warning as ``history`` does, the rows of these moves that the charts
    and summaries leave out: edited by hand into a date, reps or load glutemed cannot
    read. Only those rows are read: the rest of the log is passed over in SQL."""
    with open_log(write=False) as db:
        if not has_table(db, "sets"):
            return
        loads = [row[0] for row in db.execute("SELECT DISTINCT load FROM sets")]
        bad = [load for load in loads if load is not None and _load_or_none(load) is None]
        marks = ", ".join("?" * len(bad))
        unread = f"NOT ({_COUNTABLE})" + (f" OR load IN ({marks})" if bad else "")
        query, params = _filtered(
            f"SELECT {set_columns(db)} FROM sets", slugs, None, f"({unread})", more_params=bad
        )
        rows = db.execute(query + " ORDER BY id", params).fetchall()
    problems = []
    for row in rows:
        try:
            logged_set(row)
        except ValueError as err:
            problems.append(f"set {row[0]} ({err})")
    report(problems, warn)


def read_pains(since: date | None = None, *, warn: Warn) -> list[Pain]:
    """The pain scores recorded (from ``since`` on), oldest first; a row glutemed cannot
    read is skipped and named in one warning."""
    with open_log(write=False) as db:
        if not has_table(db, "pains"):
            return []
        query, params = _filtered("SELECT id, date, slug, score, kind FROM pains", None, since)
        rows = db.execute(query + " ORDER BY date, id", params).fetchall()
    return readable(rows, _pain, "pain score", warn)


def _pain(row: Sequence[Any]) -> Pain:
    _ident, day, slug, score, kind = row
    when = _valid_day(day)
    if when is None:
        raise ValueError(f"date {day!r}")
    if type(score) is not int or score not in rules.PAIN:
        raise ValueError(f"score {score!r}")
    if kind not in ("session", "morning") or (kind == "session") != isinstance(slug, str):
        raise ValueError(f"kind {kind!r}")
    return Pain(when, slug, score, kind)
