"""A polite HTTP client for OParl endpoints (stdlib ``urllib``: no extra dependency).

Polite means: a User-Agent that names the tool, at most one request per ``min_interval``
seconds, timeouts, and retries with exponential backoff on timeouts, 429 and 5xx (honouring
``Retry-After``). ``sleep`` and ``clock`` are injectable so that tests never wait.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.client import HTTPException, HTTPResponse
from typing import BinaryIO, TypeVar

USER_AGENT = "ratsarchiv-import/0.1 (+https://oparl.org; Ratsarchiv-Importer)"
RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
MAX_BYTES = 50_000_000
_CHUNK = 1 << 16

T = TypeVar("T")


class OParlError(Exception):
    """A request that failed for good; the message is German, for the import report."""


class OParlClient:
    def __init__(
        self,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        min_interval: float = 0.2,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.min_interval = min_interval
        self.user_agent = user_agent
        self.sleep = sleep
        self.clock = clock
        self.requests = 0
        self._last: float | None = None

    def get(self, url: str) -> dict[str, object]:
        """One OParl object (or list page) as a dict."""
        data = self._fetch(url)
        try:
            value = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise OParlError(f"{url}: keine gültige JSON-Antwort ({exc})") from exc
        if not isinstance(value, dict):
            raise OParlError(f"{url}: erwartet ein JSON-Objekt")
        return value

    def pages(self, url: str) -> Iterator[dict[str, object]]:
        """The objects of an OParl list, following ``links.next`` across pages."""
        seen: set[str] = set()
        next_url: str | None = url
        while next_url and next_url not in seen:
            seen.add(next_url)
            page = self.get(next_url)
            data = page.get("data")
            if not isinstance(data, list):
                raise OParlError(f"{next_url}: erwartet eine Liste unter 'data'")
            yield from (item for item in data if isinstance(item, dict))
            links = page.get("links")
            following = links.get("next") if isinstance(links, dict) else None
            next_url = following if isinstance(following, str) else None

    def download(self, url: str, out: BinaryIO, *, max_bytes: int) -> int:
        """Stream a file into ``out`` (rewound on each retry); refuses more than ``max_bytes``.

        The cap is checked against ``Content-Length`` before reading and again while
        streaming, since a server may send no length or a false one.
        """

        def stream(response: HTTPResponse) -> int:
            length = response.headers.get("Content-Length", "")
            if length.strip().isdigit() and int(length) > max_bytes:
                raise OParlError(f"{url}: Datei größer als {max_bytes // 1_000_000} MB")
            out.seek(0)
            out.truncate()
            size = 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise OParlError(f"{url}: Datei größer als {max_bytes // 1_000_000} MB")
                out.write(chunk)
            return size

        return self._request(url, "*/*", stream)

    def _fetch(self, url: str) -> bytes:
        def read(response: HTTPResponse) -> bytes:
            body: bytes = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise OParlError(f"{url}: Antwort größer als {MAX_BYTES // 1_000_000} MB")
            return body

        return self._request(url, "application/json", read)

    def _request(self, url: str, accept: str, read: Callable[[HTTPResponse], T]) -> T:
        """One GET with the rate limit and retries; ``read`` consumes the open response."""
        if not url.startswith(("http://", "https://")):
            raise OParlError(f"{url}: keine http(s)-Adresse")
        attempt = 0
        while True:
            self._wait_turn()
            request = urllib.request.Request(
                url, headers={"User-Agent": self.user_agent, "Accept": accept}
            )
            retry_after: float | None = None
            try:
                self.requests += 1
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return read(response)
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUS:
                    raise OParlError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
                retry_after = _retry_after(exc.headers.get("Retry-After"))
                problem = f"HTTP {exc.code}"
            except (urllib.error.URLError, HTTPException, TimeoutError, ConnectionError) as exc:
                # HTTPException: e.g. IncompleteRead when a download breaks off mid-stream
                problem = str(getattr(exc, "reason", exc))
            attempt += 1
            if attempt > self.retries:
                raise OParlError(f"{url}: nicht erreichbar nach {attempt} Versuchen ({problem})")
            self.sleep(
                retry_after if retry_after is not None else self.backoff * 2 ** (attempt - 1)
            )

    def _wait_turn(self) -> None:
        now = self.clock()
        if self._last is not None and now - self._last < self.min_interval:
            self.sleep(self.min_interval - (now - self._last))
        self._last = self.clock()


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return min(float(value.strip()), 300.0)  # never let a server park us for hours
    return None
