"""glutemed publish against a real CalDAV server: Radicale, started by the tests on
127.0.0.1 with a temporary storage folder and htpasswd logins; what it holds is read
back with raw WebDAV requests, not with glutemed's own client."""

from __future__ import annotations

import base64
import http.client
import http.server
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from ..conftest import Invoke

pytestmark = pytest.mark.slow  # a server process a test

USER, PASSWORD = "alex", "s3cret-Pass"
CREDENTIALS = {"GLUTEMED_CALDAV_USER": USER, "GLUTEMED_CALDAV_PASSWORD": PASSWORD}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _call(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    """A raw request to the server, as an independent client would make it."""
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(
            method, path, body=body, headers={"Authorization": f"Basic {token}", **(headers or {})}
        )
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[int]:
    """A Radicale server on 127.0.0.1, with a calendar at /alex/training/ and an address
    book at /alex/contacts/; its port."""
    users = tmp_path / "users"
    users.write_text(f"{USER}:{PASSWORD}\n")
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "radicale",
            "--server-hosts", f"127.0.0.1:{port}",
            "--storage-filesystem-folder", str(tmp_path / "collections"),
            "--auth-type", "htpasswd",
            "--auth-htpasswd-filename", str(users),
            "--auth-htpasswd-encryption", "plain",
            "--auth-delay", "0",
            "--rights-type", "owner_only",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        calendar = (
            b'<?xml version="1.0"?><c:mkcalendar xmlns:d="DAV:" '
            b'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
            b"<d:displayname>Training</d:displayname></d:prop></d:set></c:mkcalendar>"
        )
        assert _call(port, "MKCALENDAR", "/alex/training/", calendar)[0] == 201
        book = (
            b'<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" '
            b'xmlns:cr="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype>'
            b"<d:collection/><cr:addressbook/></d:resourcetype></d:prop></d:set></d:mkcol>"
        )
        assert _call(port, "MKCOL", "/alex/contacts/", book)[0] == 201
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def _events(port: int, path: str = "/alex/training/") -> dict[str, tuple[str, bytes]]:
    """UID -> (href, data) of every event, by a raw REPORT."""
    query = (
        b'<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" '
        b'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><c:calendar-data/></d:prop>'
        b'<c:filter><c:comp-filter name="VCALENDAR"/></c:filter></c:calendar-query>'
    )
    status, body = _call(port, "REPORT", path, query, {"Depth": "1"})
    assert status == 207
    found = {}
    text = body.decode()
    for response in re.findall(r"<[^>]*response>(.*?)</[^>]*response>", text, re.S):
        href = re.search(r"<[^>]*href>(.*?)</", response, re.S)
        data = re.search(r"calendar-data[^>]*>(.*?)</", response, re.S)
        if href and data:
            raw = data.group(1).replace("&#13;", "\r").replace("&lt;", "<").replace("&gt;", ">")
            uid = re.search(r"UID:(\S+)", raw)
            if uid:
                found[uid.group(1)] = (href.group(1), raw.encode())
    return found


def _one_error(stderr: str) -> bool:
    """One line of error, the last, and no trace (notes may come before it)."""
    lines = stderr.splitlines()
    errors = [line for line in lines if line.startswith("glutemed: error:")]
    return len(errors) == 1 and lines[-1] == errors[0] and "Traceback" not in stderr


def _publish(invoke: Invoke, port: int, *args: str, path: str = "/alex/training/") -> object:
    return invoke("publish", f"http://127.0.0.1:{port}{path}", *args, env=CREDENTIALS)


def test_publish_creates_then_changes_nothing_then_follows_the_plan(
    invoke: Invoke, radicale: int
) -> None:
    first = _publish(invoke, radicale, "--days", "3")
    assert first.exit_code == 0, first.output  # type: ignore[attr-defined]
    events = _events(radicale)
    created = len(events)
    assert created >= 3 and all(uid.endswith("@glutemed") for uid in events)
    assert f"Created {created}, updated 0, removed 0, unchanged 0" in first.stdout  # type: ignore[attr-defined]
    again = _publish(invoke, radicale, "--days", "3")
    assert f"Nothing to change: created 0, updated 0, removed 0, unchanged {created}" in (
        again.stdout  # type: ignore[attr-defined]
    )
    assert _events(radicale) == events  # not one byte rewritten
    fewer = _publish(invoke, radicale, "--days", "2")
    assert fewer.exit_code == 0
    now = _events(radicale)
    said = re.search(r"(\d+), updated (\d+), removed (\d+), unchanged (\d+)", fewer.stdout)  # type: ignore[attr-defined]
    assert said and int(said.group(3)) > 0 and len(now) < created
    for password in (PASSWORD, base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()):
        assert password not in first.output + fewer.output  # type: ignore[attr-defined]


def test_other_events_are_never_touched_and_a_moved_event_is_updated_in_place(
    invoke: Invoke, radicale: int
) -> None:
    dentist = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:dentist-1@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
        b"DTSTART;VALUE=DATE:20261124\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert _call(radicale, "PUT", "/alex/training/dentist.ics", dentist)[0] == 201
    # One of glutemed's sessions, stored by another client under another name.
    assert _publish(invoke, radicale, "--days", "3").exit_code == 0  # type: ignore[attr-defined]
    events = _events(radicale)
    theirs = events["dentist-1@example.org"]
    uid, (href, data) = next((u, v) for u, v in events.items() if u.endswith("@glutemed"))
    assert _call(radicale, "DELETE", href)[0] in (200, 204)
    moved = data.replace(b"SUMMARY:Glute med", b"SUMMARY:Old glute med")
    assert _call(radicale, "PUT", "/alex/training/moved-by-phone.ics", moved)[0] == 201
    result = _publish(invoke, radicale, "--days", "3")
    assert result.exit_code == 0 and "updated 1" in result.stdout  # type: ignore[attr-defined]
    after = _events(radicale)
    assert after[uid][0].endswith("/moved-by-phone.ics")  # updated where it was
    assert b"Old glute med" not in after[uid][1]
    assert len(after) == len(events)  # nothing duplicated
    assert after["dentist-1@example.org"] == theirs  # the same address, the same bytes


def test_two_profiles_share_a_calendar_without_touching_each_other(
    invoke: Invoke, radicale: int
) -> None:
    url = f"http://127.0.0.1:{radicale}/alex/training/"
    for name, days in (("alex", "3"), ("sam", "2")):
        result = invoke("--profile", name, "publish", url, "--days", days, env=CREDENTIALS)
        assert result.exit_code == 0, result.output
    both = _events(radicale)
    again = invoke("--profile", "alex", "publish", url, "--days", "3", env=CREDENTIALS)
    assert "Nothing to change" in again.stdout and _events(radicale) == both
    marks = {uid.split("-", 1)[1] for uid in both}
    assert len(marks) == 2  # each profile's events carry their own mark


def test_two_profiles_into_two_calendars(invoke: Invoke, radicale: int) -> None:
    calendar = (
        b'<?xml version="1.0"?><c:mkcalendar xmlns:d="DAV:" '
        b'xmlns:c="urn:ietf:params:xml:ns:caldav"/>'
    )
    assert _call(radicale, "MKCALENDAR", "/alex/sam/", calendar)[0] == 201
    for name, path in (("alex", "/alex/training/"), ("sam", "/alex/sam/")):
        url = f"http://127.0.0.1:{radicale}{path}"
        assert invoke("--profile", name, "publish", url, env=CREDENTIALS).exit_code == 0
    alex, sam = _events(radicale), _events(radicale, "/alex/sam/")
    assert alex and sam and not set(alex) & set(sam)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"GLUTEMED_CALDAV_PASSWORD": "wrong"}, "refused the user name or password"),
        ({"path": "/alex/contacts/"}, "is not a calendar"),
        ({"path": "/alex/nothing-here/"}, "no calendar at"),
    ],
)
def test_each_server_failure_is_one_line(
    invoke: Invoke, radicale: int, change: dict[str, str], says: str
) -> None:
    path = change.pop("path", "/alex/training/")
    result = invoke("publish", f"http://127.0.0.1:{radicale}{path}", env={**CREDENTIALS, **change})
    assert result.exit_code == 1 and says in result.stderr
    assert _one_error(result.stderr) and "wrong" not in result.stderr
    assert _events(radicale) == {}


def test_credentials_come_from_netrc_and_never_from_the_config(
    invoke: Invoke, radicale: int, tmp_path: Path, config_file: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    netrc = home / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    netrc.chmod(0o600)
    url = f"http://127.0.0.1:{radicale}/alex/training/"
    config_file.write_text(f'[publish]\nurl = "{url}"\n')
    result = invoke("publish", "--days", "2", env={"HOME": str(home)})
    assert result.exit_code == 0, result.output
    assert _events(radicale)
    config_file.write_text(f'[publish]\nurl = "{url}"\npassword = "{PASSWORD}"\n')
    refused = invoke("publish", env={"HOME": str(home)})
    assert refused.exit_code == 1 and "GLUTEMED_CALDAV_PASSWORD" in refused.stderr
    assert PASSWORD not in refused.output


def test_plain_http_is_refused_before_any_connection(invoke: Invoke) -> None:
    result = invoke("publish", "http://calendar.example.org/alex/", env=CREDENTIALS)
    assert result.exit_code == 1 and "give an https address" in result.stderr
    secret = invoke("publish", f"https://{USER}:{PASSWORD}@calendar.example.org/a/")
    assert secret.exit_code == 1 and PASSWORD not in secret.output


def test_nothing_listening_is_one_line(invoke: Invoke) -> None:
    port = _free_port()
    result = invoke("publish", f"http://127.0.0.1:{port}/alex/training/", env=CREDENTIALS)
    assert result.exit_code == 1 and f"nothing answers at 127.0.0.1:{port}" in result.stderr


class _Junk(http.server.BaseHTTPRequestHandler):
    """A server that answers every request with a 207 of junk, or not at all."""

    silent: ClassVar[bool] = False

    def do_PROPFIND(self) -> None:
        if self.silent:
            time.sleep(3)
            return
        self.send_response(207)
        self.send_header("Content-Length", "9")
        self.end_headers()
        self.wfile.write(b"<<junk>>!")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.parametrize(("silent", "says"), [(False, "not the CalDAV XML"), (True, "within")])
def test_a_server_that_sends_junk_or_nothing_is_one_line(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, silent: bool, says: str
) -> None:
    from glutemed.storage import caldav

    monkeypatch.setattr(caldav, "DEADLINE", 1.0)
    _Junk.silent = silent
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Junk)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/cal/"
        result = invoke("publish", url, env=CREDENTIALS)
        assert result.exit_code == 1 and says in result.stderr, result.stderr
        assert _one_error(result.stderr)
    finally:
        server.shutdown()


class _Dropping(http.server.BaseHTTPRequestHandler):
    """A proxy to Radicale that drops the connection at the third PUT."""

    target: ClassVar[int] = 0
    puts: ClassVar[int] = 0

    def _forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.command == "PUT":
            type(self).puts += 1
            if type(self).puts == 3:
                self.connection.close()  # the network drops half way
                return
        headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
        connection = http.client.HTTPConnection("127.0.0.1", self.target, timeout=10)
        connection.request(self.command, self.path, body=body, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_PROPFIND = do_REPORT = do_PUT = do_DELETE = _forward

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_network_that_drops_half_way_is_finished_by_running_again(
    invoke: Invoke, radicale: int
) -> None:
    _Dropping.target, _Dropping.puts = radicale, 0
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Dropping)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{proxy.server_address[1]}/alex/training/"
        broken = invoke("publish", url, "--days", "3", env=CREDENTIALS)
        assert broken.exit_code == 1 and "dropped" in broken.stderr
        assert "created 2, updated 0, removed 0" in broken.stderr  # what was done
        finished = invoke("publish", url, "--days", "3", env=CREDENTIALS)
        assert finished.exit_code == 0 and "unchanged 2" in finished.stdout
    finally:
        proxy.shutdown()
    events = _events(radicale)
    again = _publish(invoke, radicale, "--days", "3")
    assert "Nothing to change" in again.stdout and _events(radicale) == events  # type: ignore[attr-defined]


def test_a_certificate_that_does_not_verify_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    import shutil
    import ssl

    if shutil.which("openssl") is None:
        pytest.skip("no openssl to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Junk)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"https://127.0.0.1:{server.server_address[1]}/cal/"
        result = invoke("publish", url, env=CREDENTIALS)
        assert result.exit_code == 1 and "does not verify" in result.stderr
        assert _one_error(result.stderr) and PASSWORD not in result.output
    finally:
        server.shutdown()
