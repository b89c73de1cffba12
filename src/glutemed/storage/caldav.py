"""A CalDAV server over HTTP, with the standard library: the few requests ``publish``
needs (PROPFIND, REPORT, PUT with If-Match / If-None-Match, DELETE), within one
deadline for them all, TLS verified, and every failure one line in glutemed's words.

Credentials come from the environment (``GLUTEMED_CALDAV_USER``,
``GLUTEMED_CALDAV_PASSWORD``) or ``~/.netrc`` (by host), never from the command
line or the config file, and never appear in output or errors. Plain http is refused
before any connection, except to this machine (127.0.0.1, ::1, localhost).
"""

from __future__ import annotations

import base64
import os
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from glutemed.core.text import clip
from glutemed.errors import PublishError

#: All the requests of one publish together: a server slower than this is given up on.
DEADLINE = 30.0
#: The most a server's answer may hold.
MAX_ANSWER = 20 * 1024 * 1024
LOOPBACK = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    etag: str | None


class Server:
    """One calendar collection at ``url``, with the credentials found for its host."""

    def __init__(self, url: str, *, deadline: float | None = None) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.scheme not in ("https", "http") or not host:
            raise PublishError(f"{clip(url, 120)} is not an http(s) address of a calendar")
        if parts.password or parts.username:
            raise PublishError(
                "the address holds a user name or password: give the address alone, and the "
                "password in GLUTEMED_CALDAV_PASSWORD or ~/.netrc"
            )
        if parts.scheme == "http" and host not in LOOPBACK:
            raise PublishError(
                "plain http would send your password unencrypted: give an https address "
                "(http is taken only for a server on this machine)"
            )
        self.url = url if url.endswith("/") else url + "/"
        self.host = host
        self.deadline = DEADLINE if deadline is None else deadline
        self.ends = time.monotonic() + self.deadline
        self.auth = _credentials(host)

    def address(self, href: str) -> str:
        """A resource's full address from the href a server gave (absolute or a path)."""
        from urllib.parse import urljoin

        return urljoin(self.url, href)

    def new_address(self, uid: str) -> str:
        """Where a new event goes: ``UID.ics`` in the calendar, the UID quoted."""
        from urllib.parse import quote

        return self.url + quote(f"{uid}.ics")

    def request(
        self, method: str, url: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Answer:
        """One request; an answer of any status, or PublishError for no answer at all."""
        import http.client
        import ssl

        left = self.ends - time.monotonic()
        if left <= 0:
            raise PublishError(f"the server did not answer within {self.deadline:g} s in all")
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        connection: http.client.HTTPConnection
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(
                parts.hostname or "", port, timeout=left, context=ssl.create_default_context()
            )
        else:
            connection = http.client.HTTPConnection(parts.hostname or "", port, timeout=left)
        sent = {"User-Agent": "glutemed", **(headers or {})}
        if self.auth:
            sent["Authorization"] = self.auth
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request(method, path or "/", body=body, headers=sent)
            response = connection.getresponse()
            data = response.read(MAX_ANSWER + 1)
        except ssl.SSLCertVerificationError:
            raise PublishError(
                f"the certificate of {self.host} does not verify: glutemed will not send "
                "your password to it"
            ) from None
        except TimeoutError:
            raise PublishError(
                f"the server did not answer within {self.deadline:g} s in all"
            ) from None
        except ConnectionRefusedError:
            raise PublishError(f"nothing answers at {self.host}:{port}") from None
        except (ConnectionError, http.client.HTTPException, OSError):
            raise PublishError(
                f"the connection to {self.host} dropped; run publish again to finish"
            ) from None
        finally:
            connection.close()
        if len(data) > MAX_ANSWER:
            raise PublishError("the server's answer is too large to be a calendar's")
        if response.status in (401, 403):
            raise PublishError(
                f"{self.host} refused the user name or password (set GLUTEMED_CALDAV_USER "
                "and GLUTEMED_CALDAV_PASSWORD, or a ~/.netrc entry for the host)"
            )
        return Answer(response.status, data, response.getheader("ETag"))


def _credentials(host: str) -> str | None:
    """A Basic ``Authorization`` value from the environment, else ``~/.netrc``."""
    user = os.environ.get("GLUTEMED_CALDAV_USER")
    password = os.environ.get("GLUTEMED_CALDAV_PASSWORD")
    if not (user and password):
        import netrc

        try:
            found = netrc.netrc().authenticators(host)
        except (OSError, netrc.NetrcParseError):
            found = None
        if found:
            user, _, password = found
    if not (user and password):
        return None
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return f"Basic {token}"
