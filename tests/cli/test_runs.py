"""glutemed runs and --runs-from: the runner's calendar read, classified, and planned around."""

from __future__ import annotations

import http.server
import itertools
import json
import os
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.core.plan import PlanOptions
from glutemed.core.planner import make_plan
from glutemed.core.reading import distance_of, read_event
from glutemed.core.schedule import CalendarRun
from glutemed.errors import CalendarError
from glutemed.storage import feeds

from ..conftest import Invoke

HERE = Path(__file__).parents[1] / "calendars"
COACH = str(HERE / "coach.ics")
BUILTIN = load_catalogue()


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The runner's time zone is UTC unless a test says otherwise."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _runs(invoke: Invoke, *args: str) -> list[dict[str, object]]:
    result = invoke("runs", *args, "--json")
    assert result.exit_code == 0, result.output
    return [e for w in json.loads(result.stdout)["weeks"] for e in w["events"]]


def test_runs_lists_each_event_with_its_kind_and_why(invoke: Invoke) -> None:
    events = _runs(invoke, "--runs-from", COACH, "--start", "2026-11-16", "--weeks", "6")
    by_date = {(e["date"], e["title"]): (e["kind"], e["why"]) for e in events}
    assert by_date[("2026-11-17", "Intervals 6 x 800 m")] == ("hard", "hard: intervals")
    assert by_date[("2026-11-19", "Marathon plan: easy 5 mi")] == ("easy", "easy: 5 mi")
    assert by_date[("2026-11-28", "Long run 18 km")] == ("long", "long: 18 km")
    assert by_date[("2026-11-29", "Brunch")] == (None, "not a run: no run in it")
    assert by_date[("2026-12-20", "City Half Marathon")] == ("race", "race: half marathon")
    # The moved occurrence is on its new day, and the excluded date holds no long run.
    assert ("2026-11-22", "Long run 20 km (moved to Sunday)") in by_date
    assert not any(e["date"] == "2026-11-21" for e in events)
    assert not any(e["date"] == "2026-12-05" for e in events)
    view = invoke("runs", "--runs-from", COACH, "--start", "2026-11-16").stdout
    assert "hard: intervals" in view and "not a run: no run in it" in view


def test_timed_events_count_on_their_date_in_the_runners_time_zone(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    google = str(HERE / "google.ics")
    # 23:30 UTC on Sundays: New York's X-WR-TIMEZONE keeps the weekly run at 19:30 local
    # through the end of daylight saving on 1 November.
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    local = [e["date"] for e in _runs(invoke, "--runs-from", google, "--start", "2026-10-19")]
    tempo_local = [d for d in local if d in ("2026-10-25", "2026-11-01", "2026-11-08")]
    assert tempo_local == ["2026-10-25", "2026-11-01", "2026-11-08"]
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    events = _runs(invoke, "--runs-from", google, "--start", "2026-10-19")
    tempo = [e["date"] for e in events if e["title"] == "Tempo 5 mi"]
    assert tempo[:2] == ["2026-10-26", "2026-11-02"]  # after midnight in Berlin


def test_config_words_classify_events_in_another_language(
    invoke: Invoke, config_file: Path
) -> None:
    google = str(HERE / "google.ics")
    before = _runs(invoke, "--runs-from", google, "--start", "2026-10-26")
    assert {e["kind"] for e in before if "Intervalle" in str(e["title"])} == {None}
    config_file.write_text('[runs]\nhard = ["intervalle"]\nlong = ["lange runde"]\n')
    events = _runs(invoke, "--runs-from", google, "--start", "2026-10-26")
    kinds = {e["title"]: (e["kind"], e["why"]) for e in events}
    assert kinds["Intervalle 5x1000"] == ("hard", "hard: intervalle")
    assert kinds["Lange Runde"] == ("long", "long: lange runde")


def test_an_endless_rule_costs_nothing_and_fast_rules_and_odd_zones_warn(
    invoke: Invoke,
) -> None:
    started = time.monotonic()
    result = invoke("runs", "--runs-from", str(HERE / "endless.ics"), "--start", "2026-11-02")
    assert result.exit_code == 0 and time.monotonic() - started < 5
    assert "repeat more often than daily: 'Hydrate'" in result.stderr
    assert "names a time zone glutemed does not know" in result.stderr
    assert "Sat 2026-11-07" in result.stdout and "Hill repeats" in result.stdout


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("broken.ics", "is not an icalendar file glutemed can read"),
        ("notes.txt", "is not an icalendar file glutemed can read"),
        ("missing.ics", "no such file"),
    ],
)
def test_a_broken_calendar_exits_1_with_one_line(invoke: Invoke, name: str, says: str) -> None:
    for command in (["runs"], ["plan"]):
        result = invoke(*command, "--runs-from", str(HERE / name))
        assert result.exit_code == 1 and says in result.stderr.lower()
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_calendar_of_too_many_events_is_refused_before_any_slow_work(
    invoke: Invoke, tmp_path: Path
) -> None:
    event = "BEGIN:VEVENT\nUID:{n}\nDTSTART;VALUE=DATE:20261101\nSUMMARY:Easy\nEND:VEVENT\n"
    body = "".join(event.format(n=n) for n in range(20_001))
    huge = tmp_path / "huge.ics"
    huge.write_text(f"BEGIN:VCALENDAR\nVERSION:2.0\n{body}END:VCALENDAR\n")
    started = time.monotonic()
    result = invoke("runs", "--runs-from", str(huge))
    assert result.exit_code == 1 and "more than 20,000 events" in result.stderr
    assert time.monotonic() - started < 3


def test_the_plan_keeps_the_calendars_runs_free_date_by_date(invoke: Invoke) -> None:
    args = ("plan", "--runs-from", COACH, "--start", "2026-11-16", "--weeks", "6", "--days", "2")
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    assert "runs from" in result.stderr
    data = json.loads(result.stdout)
    days = [date.fromisoformat(s["date"]) for s in data["sessions"]]
    longs = {date(2026, 11, 22), date(2026, 11, 28), date(2026, 12, 12), date(2026, 12, 19)}
    hards = {date(2026, 11, 17) + timedelta(weeks=n) for n in range(6)}
    for day in days:
        assert day not in longs and day + timedelta(days=1) not in longs
        assert day + timedelta(days=1) not in hards
    race = date(2026, 12, 20)
    assert not any(race - timedelta(days=4) <= day < race + timedelta(days=7) for day in days)
    last_week = [day for day in days if race - timedelta(days=7) <= day < race]
    assert len(last_week) == 1 and last_week[0] <= race - timedelta(days=5)
    assert any("Race on 2026-12-20 (half)" in note for note in data["notes"])
    assert any(day >= race + timedelta(days=7) for day in days)  # training resumes
    hard_sessions = [s for s in data["sessions"] if s["run"] == "hard"]
    assert hard_sessions  # after the hard run, preferred


def test_options_replace_the_calendars_kinds(invoke: Invoke) -> None:
    args = ("plan", "--runs-from", COACH, "--start", "2026-11-16", "--weeks", "2", "--json")
    data = json.loads(invoke(*args, "--long-run", "wed").stdout)
    days = [date.fromisoformat(s["date"]) for s in data["sessions"]]
    assert not any(day.weekday() in (1, 2) for day in days)  # Wednesday and the day before
    fixed = invoke(*args, "--on", "mon,sat")
    assert "is the day before your long run" in fixed.stderr or "is your long run" in fixed.stderr


weekly_calendars = st.lists(
    st.tuples(st.integers(0, 55), st.sampled_from(["long", "hard", "race"])),
    max_size=20,
    unique_by=lambda item: item[0],
)


@settings(max_examples=200, deadline=None)
@given(entries=weekly_calendars, days=st.integers(1, 3), weeks=st.integers(1, 8))
def test_every_runs_rule_holds_date_by_date(
    entries: list[tuple[int, str]], days: int, weeks: int
) -> None:
    start = date(2026, 11, 2)
    calendar = tuple(
        CalendarRun(start + timedelta(days=offset), kind, "10k" if kind == "race" else None)
        for offset, kind in entries
    )
    plan = make_plan(
        BUILTIN, PlanOptions(days=days, weeks=weeks, start=start, today=start, calendar=calendar)
    )
    dates = [s.date for s in plan.sessions]
    runs_on = {day: kind for day, kind, _ in calendar}
    races = sorted(day for day, kind, _ in calendar if kind == "race")
    for day in dates:
        assert runs_on.get(day) not in ("long", "race")
        assert runs_on.get(day + timedelta(days=1)) != "long"
        if runs_on.get(day + timedelta(days=1)) == "hard":
            # The one exception: a week in which no day kept every rule has one session.
            week = [d for d in dates if (d - start).days // 7 == (day - start).days // 7]
            assert week == [day]
    for before, after in itertools.pairwise(dates):
        assert (after - before).days >= 2
    per_week: dict[int, int] = {}
    for session in plan.sessions:
        per_week[session.week] = per_week.get(session.week, 0) + 1
    race_weeks = {s.week for s in plan.sessions for race in races if 5 <= (race - s.date).days <= 7}
    for week, count in per_week.items():  # a race week's one short session may be added
        assert count <= days + (week in race_weeks)
    for race in races:
        assert not any(race - timedelta(days=4) <= day < race + timedelta(days=2) for day in dates)


# URLs, served by a local HTTP server on 127.0.0.1 started by the test.


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, bytes, float]]] = {}

    def do_GET(self) -> None:
        status, body, pause = self.routes.get(self.path, (404, b"", 0.0))
        self.send_response(status)
        self.send_header("Content-Type", "text/calendar")
        if pause:
            self.end_headers()
            for byte in body[:20]:  # a server that trickles
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(pause)
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.routes = {
        "/coach.ics": (200, Path(COACH).read_bytes(), 0.0),
        "/big.ics": (200, b"X" * (feeds.MAX_BYTES + 1), 0.0),
    }
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.slow
def test_a_url_is_read_and_kept_for_when_the_network_is_down(
    invoke: Invoke, server: str, cache_home: Path
) -> None:
    url = f"{server}/coach.ics"
    events = _runs(invoke, "--runs-from", url, "--start", "2026-11-16")
    assert any(e["title"] == "Intervals 6 x 800 m" for e in events)
    _Handler.routes.pop("/coach.ics")  # the server now answers 404: the copy serves
    again = invoke("runs", "--runs-from", url, "--start", "2026-11-16")
    assert (
        again.exit_code == 0 and "404" in again.stderr and "using the copy fetched" in again.stderr
    )
    _Handler.routes["/coach.ics"] = (200, Path(COACH).read_bytes(), 0.0)
    webcal = invoke(
        "runs", "--runs-from", url.replace("http://", "webcal://"), "--start", "2026-11-16"
    )
    # webcal:// is tried as https://, which this server is not, then, on this machine, http://
    assert webcal.exit_code == 0 and "Intervals 6 x 800 m" in webcal.stdout


@pytest.mark.slow
def test_today_uses_a_fresh_copy_without_asking_the_network(invoke: Invoke, server: str) -> None:
    url = f"{server}/coach.ics"
    assert invoke("plan", "--runs-from", url).exit_code == 0
    _Handler.routes.clear()  # every request would fail now
    result = invoke("today", "--runs-from", url)
    assert result.exit_code == 0 and "using the copy" not in result.stderr


@pytest.mark.slow
def test_an_oversized_or_missing_feed_exits_1(invoke: Invoke, server: str) -> None:
    big = invoke("runs", "--runs-from", f"{server}/big.ics")
    assert big.exit_code == 1 and "is over 5 MiB" in big.stderr
    missing = invoke("runs", "--runs-from", f"{server}/nothing.ics")
    assert missing.exit_code == 1 and "the server answered 404" in missing.stderr


@pytest.mark.slow
def test_a_slow_server_is_given_up_on_at_the_deadline(server: str) -> None:
    _Handler.routes["/slow.ics"] = (200, Path(COACH).read_bytes(), 0.5)  # 20 bytes in 10 s
    started = time.monotonic()
    with pytest.raises(CalendarError, match="did not arrive within 1 s"):
        feeds.fetch_url(f"{server}/slow.ics", timeout=1.0)
    assert time.monotonic() - started < 2.5


def test_events_are_read_by_whole_words() -> None:
    assert read_event("Race pace 3 x 2 km").why == "hard: race pace"
    assert read_event("Marathon plan: easy 5 mi").why == "easy: 5 mi"
    assert read_event("Longevity talk").kind is None  # "long" only as a word
    assert read_event("Sunday", categories=["Long"]).why == "long: long"
    assert distance_of("Berlin Marathon") == "marathon"
    assert distance_of("Half Marathon") == "half"
    assert distance_of("Town race") == "10k"
    assert os.environ["TZ"] == "UTC"
