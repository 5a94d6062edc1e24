from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.importers.oparl_client import USER_AGENT, OParlClient, OParlError


@pytest.fixture
def flaky() -> Iterator[tuple[str, list[str]]]:
    """Answers 503 (Retry-After: 7) twice, then the object; records each User-Agent."""
    agents: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            agents.append(self.headers.get("User-Agent", ""))
            if self.path == "/gone":
                self.send_response(404)
                self.end_headers()
                return
            if len(agents) <= 2:
                self.send_response(503)
                self.send_header("Retry-After", "7")
                self.end_headers()
                return
            self.send_response(200)
            self.end_headers()
            self.wfile.write(json.dumps({"id": "x", "type": "System"}).encode())

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", agents
    server.shutdown()
    server.server_close()


def test_retries_honour_retry_after_and_send_user_agent(flaky: tuple[str, list[str]]) -> None:
    url, agents = flaky
    waits: list[float] = []
    client = OParlClient(retries=3, min_interval=0, sleep=waits.append)
    assert client.get(url) == {"id": "x", "type": "System"}
    assert waits == [7.0, 7.0]
    assert agents == [USER_AGENT] * 3


def test_client_errors_are_not_retried(flaky: tuple[str, list[str]]) -> None:
    url, agents = flaky
    client = OParlClient(retries=3, min_interval=0, sleep=lambda _: None)
    with pytest.raises(OParlError, match="HTTP 404"):
        client.get(url + "gone")
    assert len(agents) == 1


def test_rate_limit_spaces_requests() -> None:
    waits: list[float] = []
    now = [100.0]
    client = OParlClient(min_interval=0.5, sleep=waits.append, clock=lambda: now[0])
    client._wait_turn()
    now[0] += 0.1
    client._wait_turn()
    assert waits == [pytest.approx(0.4)]
