"""``ratsarchiv serve`` as an editor uses it: an invalid file shows on the page, in German.

Runs the real command in a process of its own on a small archive, opens the preview in
Chromium, breaks a file and fixes it again.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator.preview.overlay import EditorLog
from tests.browser_support import REPOSITORY, OpenPage
from tests.site_fixtures import small_archive

pytestmark = pytest.mark.browser

FILE = "resolutions/rat/2021/2021-02-11-radweg.md"
STARTUP_SECONDS = 120


@dataclass(frozen=True, slots=True)
class Preview:
    url: str
    content: Path
    log: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(encoding="utf-8")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling for the server to come up, not a fixed wait
    pytest.fail(f"preview did not start: {log.read_text(encoding='utf-8')}")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    content = small_archive(tmp_path)
    port = _free_port()
    log = tmp_path / "serve.log"
    command = [
        sys.executable,
        "-m",
        "generator",
        "serve",
        "--content",
        str(content),
        "--config",
        str(REPOSITORY / "mkdocs.yml"),
        "--build-dir",
        str(tmp_path / ".build"),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_serving(url, process, log)
        yield Preview(url=url, content=content, log=log)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_an_invalid_file_shows_on_the_preview_page_until_fixed(
    preview: Preview, open_page: OpenPage
) -> None:
    # ``preview`` first: it stops after the page has closed, or the page's livereload
    # request would fail as a console error.
    page = open_page()
    page.goto(preview.url + "beschluss/rat-2021-005/")
    expect(page.locator("h1")).to_have_text("Radweg an der Hauptstraße")
    expect(page.locator(".ra-preview-problems")).to_have_count(0)

    path = preview.content / FILE
    valid = path.read_text(encoding="utf-8")
    path.write_text(valid.replace("result: rejected", "result: abgelehnt"), encoding="utf-8")
    problems = page.locator(".ra-preview-problems")
    expect(problems).to_be_visible(timeout=60_000)  # livereload reloads the page
    expect(problems).to_contain_text("Vorschau nicht aktualisiert: 1 Fehler in den Inhalten")
    expect(problems.locator("li")).to_have_text(
        f"{path}:".replace(str(Path.cwd()) + "/", "")
        + "3:1: error: result: unbekannter Wert 'abgelehnt'; meinten Sie 'rejected' "
        "(= abgelehnt)? (erlaubt: adopted, adopted_with_changes, rejected, deferred, "
        "referred, withdrawn, noted, partly_adopted, elected, consulted, settled, removed, "
        "not_recorded)",
        use_inner_text=True,
    )

    path.write_text(valid.replace("Radweg an der", "Radweg in der"), encoding="utf-8")
    expect(page.locator("h1")).to_have_text("Radweg in der Hauptstraße", timeout=60_000)
    expect(problems).to_have_count(0)

    # Leave the preview before the fixtures close the browser context: livereload keeps a
    # long-polling request open, and closing a context with it pending was seen to hang
    # for minutes on a heavily loaded machine.
    page.goto("about:blank")

    output = preview.log.read_text(encoding="utf-8")
    assert "dirty" not in output  # MkDocs' English notice for developers
    assert "Vorschau unter http://127.0.0.1:" in output
    assert "Vorschau nicht aktualisiert (Inhalte prüfen)" in output


def test_editor_log_keeps_mkdocs_notices_for_developers_away() -> None:
    def record(name: str, level: int, message: str) -> logging.LogRecord:
        return logging.LogRecord(name, level, __file__, 1, message, None, None)

    keep = EditorLog()
    assert not keep.filter(
        record("mkdocs.commands.build", logging.INFO, "A 'dirty' build is being performed")
    )
    assert not keep.filter(record("mkdocs.structure.pages", logging.INFO, "Doc file 'a.md' …"))
    assert keep.filter(record("mkdocs.ratsarchiv", logging.INFO, "3 Seiten neu erzeugt"))
    assert keep.filter(record("mkdocs.commands.build", logging.ERROR, "Template error"))
    serving = record("mkdocs.livereload", logging.INFO, "Serving on http://127.0.0.1:8000/")
    assert keep.filter(serving)
    assert serving.getMessage() == "Vorschau unter http://127.0.0.1:8000/ (beenden mit Strg+C)"
