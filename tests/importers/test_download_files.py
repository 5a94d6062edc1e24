"""``import oparl --download-files``: the spec examples' files, served by the test server."""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.cli import EXIT_CONTENT, EXIT_OK, main
from generator.importers import runner
from generator.importers.downloads import local_name
from generator.importers.draft import UrlAttachment
from generator.importers.oparl_client import OParlClient, OParlError
from generator.importers.reimport import Outcome
from generator.importers.runner import run_oparl
from tests.importers.test_import_oparl import _client, _files, _front_matter, _Server

TODAY = datetime.date(2024, 5, 1)
OLD_MTIME = 1_600_000_000_000_000_000  # ns; set by the test, so no clock is involved


def _pdf(label: str) -> bytes:
    return b"%PDF-1.4\n% " + label.encode() + b"\n%%EOF\n"


@pytest.fixture
def files_server() -> Iterator[_Server]:
    """The spec's File objects point here (downloadUrl where given, else accessUrl)."""
    server = _Server()
    server.files = {
        "files/download/57737.pdf": _pdf("anlage 1"),
        "files/download/57739.pdf": _pdf("anlage"),
        "files/6001.pdf": _pdf("beschlussauszug"),
    }
    threading.Thread(target=server.httpd.serve_forever, daemon=True).start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def fast_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its own client; keep its rate limit and retries from slowing tests."""
    monkeypatch.setattr(runner, "OParlClient", _client)


def _import(server: _Server, content: Path) -> int:
    return main(["import", "oparl", server.base, "--content", str(content), "--download-files"])


@pytest.mark.usefixtures("fast_client")
def test_download_files_saves_them_beside_the_resolution(
    files_server: _Server, content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(files_server, content) == EXIT_OK
    files = _files(content)
    finance_path = files[
        "finanzausschuss/2013/2013-01-04-satzungsaenderung-fuer-ausschreibungen.md"
    ]
    radverkehr_path = files["rat/2014/2014-05-12-radverkehrsplanung-2014.md"]
    finance, radverkehr = _front_matter(finance_path), _front_matter(radverkehr_path)
    finance_id, radverkehr_id = finance["id"], radverkehr["id"]
    assert finance["attachments"] == [
        {"file": f"{finance_id}-anlage-1-zur-anfrage.pdf", "title": "Anlage 1 zur Anfrage"},
        {"file": f"{finance_id}-anlage.pdf", "title": "Anlage 1 zur Anfrage"},
    ]
    # No fileName, no mimeType: the name comes from the title, the suffix from the address.
    # It is the agenda item's resolutionFile, so it is the resolution file, not an attachment.
    assert radverkehr["resolution_file"] == {
        "file": f"{radverkehr_id}-beschlussauszug.pdf",
        "title": "Beschlussauszug",
    }
    assert "attachments" not in radverkehr
    saved = finance_path.parent / f"{finance_id}-anlage-1-zur-anfrage.pdf"
    assert saved.read_bytes() == _pdf("anlage 1")
    assert (finance_path.parent / f"{finance_id}-anlage.pdf").read_bytes() == _pdf("anlage")
    assert (radverkehr_path.parent / f"{radverkehr_id}-beschlussauszug.pdf").read_bytes() == (
        _pdf("beschlussauszug")
    )
    assert not list(content.rglob(".download-*"))
    assert "Anlagen: 3 gespeichert, 0 unverändert, 0 nicht geladen" in capsys.readouterr().err
    assert main(["check", "--strict", "--content", str(content)]) == EXIT_OK

    # Re-import: nothing is rewritten, neither the resolutions nor the files.
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    pdfs = sorted(content.rglob("*.pdf"))
    for pdf in pdfs:
        os.utime(pdf, ns=(OLD_MTIME, OLD_MTIME))
    report = run_oparl(
        files_server.base,
        content,
        stream=io.StringIO(),
        today=TODAY + datetime.timedelta(days=30),
        client=_client(),
        download_files=True,
    )
    assert report.failed == []
    assert report.outcomes[Outcome.UNCHANGED] == 3
    assert report.downloads is not None
    assert (report.downloads.saved, report.downloads.unchanged) == (0, 3)
    assert [pdf.stat().st_mtime_ns for pdf in pdfs] == [OLD_MTIME] * 3
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before

    # A changed file at the source is saved again; the resolution text does not change.
    files_server.files["files/6001.pdf"] = _pdf("beschlussauszug, berichtigt")
    again = run_oparl(
        files_server.base,
        content,
        stream=io.StringIO(),
        today=TODAY,
        client=_client(),
        download_files=True,
    )
    assert again.downloads is not None and again.downloads.saved == 1
    assert (radverkehr_path.parent / f"{radverkehr_id}-beschlussauszug.pdf").read_bytes() == (
        _pdf("beschlussauszug, berichtigt")
    )


@pytest.mark.usefixtures("fast_client")
def test_failed_and_oversized_downloads_keep_their_links(
    files_server: _Server, content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    del files_server.files["files/download/57739.pdf"]  # → 404
    files_server.claimed_length["files/6001.pdf"] = 60_000_000  # above check's 50 MB
    assert _import(files_server, content) == EXIT_CONTENT
    err = capsys.readouterr().err
    assert f"fehlgeschlagen: {files_server.base}files/download/57739.pdf: " in err
    assert "HTTP 404" in err
    assert "Datei größer als 50 MB" in err
    assert "Anlagen: 1 gespeichert, 0 unverändert, 2 nicht geladen" in err
    assert "3 importiert" in err and "2 fehlgeschlagen." in err

    files = _files(content)
    finance = _front_matter(
        files["finanzausschuss/2013/2013-01-04-satzungsaenderung-fuer-ausschreibungen.md"]
    )
    radverkehr = _front_matter(files["rat/2014/2014-05-12-radverkehrsplanung-2014.md"])
    assert finance["attachments"] == [
        {"file": f"{finance['id']}-anlage-1-zur-anfrage.pdf", "title": "Anlage 1 zur Anfrage"},
        {
            "url": f"{files_server.base}files/57739.pdf",
            "title": "Anlage 1 zur Anfrage",
            "text": "Der Übersichtsplan zeigt alle Ebenen des ...",  # OParl File.text
        },
    ]
    assert radverkehr["resolution_file"] == {
        "url": f"{files_server.base}files/6001.pdf",
        "title": "Beschlussauszug",
    }
    assert sorted(p.name for p in content.rglob("*.pdf")) == [
        f"{finance['id']}-anlage-1-zur-anfrage.pdf"
    ]
    assert not list(content.rglob(".download-*"))
    assert main(["check", "--content", str(content)]) == EXIT_OK


def test_crawl_folder_without_http_addresses_keeps_no_file(content: Path, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    meeting = (
        (Path(__file__).parent.parent / "fixtures" / "oparl" / "own" / "Meeting-Rat.json")
        .read_text(encoding="utf-8")
        .replace("https://oparl.example.org/files/6001.pdf", "file:///srv/crawl/6001.pdf")
    )
    (crawl / "Meeting-Rat.json").write_text(meeting, encoding="utf-8")
    for name in ("Organization-Rat", "Paper-699", "Consultation-1034"):
        source = Path(__file__).parent.parent / "fixtures" / "oparl" / "own" / f"{name}.json"
        (crawl / f"{name}.json").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    report = run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY, download_files=True)
    assert report.failed == []
    assert not list(content.rglob("*.pdf"))
    radverkehr = next(p for p in report.written if "radverkehr" in p.name)
    assert "attachments" not in _front_matter(radverkehr)
    assert (radverkehr, "Anlage 'Beschlussauszug' ohne http(s)-Adresse, nicht übernommen") in (
        report.notes
    )


@pytest.mark.parametrize(
    ("file_name", "mime", "expected"),
    [
        ("../../etc/Protokoll Sitzung.PDF", None, "rat-2024-ab-protokoll-sitzung.pdf"),
        ("C:\\Temp\\Übersicht.xlsx", None, "rat-2024-ab-uebersicht.xlsx"),
        ("Vorlage", "application/pdf", "rat-2024-ab-vorlage.pdf"),
        ("..", "application/pdf", "rat-2024-ab-ohne-titel.pdf"),
        ("Makro.docm", "application/octet-stream", None),
    ],
)
def test_local_names_are_safe(file_name: str, mime: str | None, expected: str | None) -> None:
    attachment = UrlAttachment(
        title="Anlage",
        url="https://ris.example/f/1",
        download_url="https://ris.example/f/1",
        file_name=file_name,
        mime_type=mime,
    )
    assert local_name("rat-2024-ab", attachment) == expected


@pytest.fixture
def endless() -> Iterator[str]:
    """Sends no Content-Length and more bytes than the cap."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()
            with contextlib.suppress(OSError):  # the client hangs up once it has enough
                self.wfile.write(b"x" * 5000)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/big.pdf"
    server.shutdown()
    server.server_close()


def test_download_stops_at_the_cap_while_streaming(endless: str) -> None:
    client = OParlClient(min_interval=0, retries=0, sleep=lambda _: None)
    out = io.BytesIO()
    with pytest.raises(OParlError, match="größer als"):
        client.download(endless, out, max_bytes=1000)
    assert len(out.getvalue()) <= 1000
