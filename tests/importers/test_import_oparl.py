"""The OParl spec's examples (plus our own linking objects), served over HTTP and read
from a crawl folder, through the real client and the real file writer."""

from __future__ import annotations

import datetime
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from generator.archive.problems import Severity
from generator.importers.oparl_client import OParlClient
from generator.importers.runner import run_oparl
from generator.reading.loading import load_archive
from tests.importers.conftest import FIXTURES

EXAMPLE_HOST = "https://oparl.example.org/"
TODAY = datetime.date(2024, 5, 1)


def _objects(base: str) -> dict[str, dict[str, object]]:
    objects = {}
    for file in sorted((FIXTURES / "oparl").rglob("*.json")):
        obj = json.loads(file.read_text(encoding="utf-8").replace(EXAMPLE_HOST, base))
        objects[file.stem] = obj
    return objects


class _Server:
    def __init__(self) -> None:
        self.requests: list[str] = []
        self.files: dict[str, bytes] = {}
        """Attachment bodies by path (``files/6001.pdf``); any other path answers JSON."""
        self.claimed_length: dict[str, int] = {}
        """A Content-Length to announce instead of the real one."""
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                path = urlparse(self.path).path.lstrip("/")
                if path in server.files:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/pdf")
                    length = server.claimed_length.get(path, len(server.files[path]))
                    self.send_header("Content-Length", str(length))
                    self.end_headers()
                    self.wfile.write(server.files[path])
                    return
                body = server.route(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps(body or {}).encode())

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        objects = _objects(self.base)
        system = {**objects["System-01"], "body": self.base + "bodies"}
        self.lists = {
            "bodies": [objects["Body-01"]],
            "body/0/organizations/": [objects["Organization-01"], objects["Organization-Rat"]],
            "body/0/meetings/": [objects["Meeting-01"], objects["Meeting-Rat"]],
            "body/0/papers/": [objects["Paper-01"], objects["Paper-699"]],
        }
        # Consultation 1034 is in no list: the importer must fetch it by its id.
        self.by_path = {"": system, "consultation/1034": objects["Consultation-1034"]}

    def route(self, raw: str) -> dict[str, object] | None:
        url = urlparse(raw)
        path = url.path.lstrip("/")
        if path in self.lists:  # one object per page, so that `next` must be followed
            items = self.lists[path]
            page = int(parse_qs(url.query).get("page", ["1"])[0])
            links = {}
            if page < len(items):
                links["next"] = f"{self.base}{path}?page={page + 1}"
            return {"data": items[page - 1 : page], "links": links}
        return self.by_path.get(path)


@pytest.fixture
def server() -> Iterator[_Server]:
    served = _Server()
    thread = threading.Thread(target=served.httpd.serve_forever, daemon=True)
    thread.start()
    yield served
    served.httpd.shutdown()
    served.httpd.server_close()


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])  # type: ignore[no-any-return]


def _files(content: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(content / "resolutions")): p
        for p in (content / "resolutions").rglob("*.md")
    }


def _client() -> OParlClient:
    # A generous timeout: the local server answers in milliseconds, but not on a busy machine.
    return OParlClient(min_interval=0, retries=1, timeout=60, sleep=lambda _: None)


def _assert_imported(content: Path, base: str) -> None:
    files = _files(content)
    assert sorted(files) == [
        "finanzausschuss/2013/2013-01-04-satzungsaenderung-fuer-ausschreibungen.md",
        "rat/2014/2014-05-12-haushaltssatzung-2015.md",
        "rat/2014/2014-05-12-radverkehrsplanung-2014.md",
    ]
    finance = _front_matter(files[sorted(files)[0]])
    radverkehr = _front_matter(files[sorted(files)[2]])
    budget = _front_matter(files[sorted(files)[1]])
    assert finance["committee"] == "finanzausschuss"
    assert finance["date"] == datetime.date(2013, 1, 4)
    assert finance["meeting"] == {"name": "4. Sitzung des Finanzausschusses", "number": 4}
    assert finance["agenda_item"] == {"number": "10.1", "order": 1}
    assert finance["title"] == "Satzungsänderung für Ausschreibungen"
    assert finance["reference"] == "1234/2014"
    assert finance["paper_type"] == "Beantwortung einer Anfrage"
    assert finance["kind"] == "ordinary"
    assert finance["result"] == "adopted_with_changes"
    assert finance["attachments"] == [  # the example's repeated file id appears once
        {"url": f"{base}files/57737.pdf", "title": "Anlage 1 zur Anfrage"},
        {
            "url": f"{base}files/57739.pdf",
            "title": "Anlage 1 zur Anfrage",
            "text": "Der Übersichtsplan zeigt alle Ebenen des ...",  # OParl File.text
        },
    ]
    assert finance["relations"] == [{"type": "see_also", "target": radverkehr["id"]}]
    assert finance["source"]["system"] == "oparl"
    assert finance["source"]["origin"] == f"{base}agendaitem/3271"
    assert finance["source"]["imported"] == TODAY
    assert str(finance["id"]).startswith("finanzausschuss-2013-")
    assert "Der Beschluss weicht wie folgt vom Antrag ab: ..." in files[sorted(files)[0]].read_text(
        encoding="utf-8"
    )

    assert radverkehr["result"] == "noted"
    assert radverkehr["agenda_item"] == {"number": "5.1", "order": 8}
    assert radverkehr["topics"] == ["Verkehr", "Radverkehr"]
    assert radverkehr["reference"] == "1200/2014"
    assert radverkehr["resolution_file"] == {
        "url": f"{base}files/6001.pdf",
        "title": "Beschlussauszug",
    }
    body = files[sorted(files)[2]].read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body.strip() == (
        "Der Rat nimmt die Antwort der Verwaltung zur Kenntnis.\n\n"
        "Die Verwaltung berichtet im Herbst erneut."
    )

    assert budget["kind"] == "recommendation"
    assert budget["recommended_to"] == "hauptausschuss"
    assert budget["result"] == "adopted"

    committees = yaml.safe_load((content / "committees.yml").read_text(encoding="utf-8"))
    finance_committee = committees["committees"][-1]
    assert finance_committee == {
        "id": "finanzausschuss",
        "name": "Ausschuss für Haushalt und Finanzen",
        "short_name": "Finanzausschuss",
        "kind": "committee",
        "active_from": datetime.date(2012, 7, 17),
    }
    assert len(committees["committees"]) == 3  # "Rat" matched the existing council
    catalog, problems = load_archive(content)
    assert problems == []
    assert catalog is not None and len(catalog.by_id) == 3


def test_import_through_http_with_pagination(server: _Server, content: Path) -> None:
    report = run_oparl(server.base, content, stream=io.StringIO(), today=TODAY, client=_client())
    assert report.failed == []
    assert report.skipped == {"Zwischenüberschrift": 1, "nicht öffentlich": 1, "gelöscht": 1}
    assert "/body/0/meetings/?page=2" in server.requests
    assert "/body/0/organizations/?page=2" in server.requests
    assert "/consultation/1034" in server.requests
    _assert_imported(content, server.base)


def test_import_crawl_folder(content: Path) -> None:
    report = run_oparl(str(FIXTURES / "oparl"), content, stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    _assert_imported(content, EXAMPLE_HOST)


def test_unreachable_endpoint_fails_without_traceback(content: Path) -> None:
    stream = io.StringIO()
    report = run_oparl("http://127.0.0.1:9/", content, stream=stream, today=TODAY, client=_client())
    assert report.failed and "nicht erreichbar" in report.failed[0][1]


def _export(tmp_path: Path, item: dict[str, object], **meeting: object) -> Path:
    """One meeting of the Rat with one agenda item, as an OParl 1.1 list page."""
    base = "https://ris.example.test/oparl/v1.1"
    objects = [
        {"id": f"{base}/organization/1", "type": "https://schema.oparl.org/1.1/Organization",
         "name": "Rat der Stadt Musterstadt", "shortName": "Rat", "classification": "Rat"},
        {"id": f"{base}/meeting/1", "type": "https://schema.oparl.org/1.1/Meeting",
         "name": "3. Sitzung des Rates", "start": "2021-03-04T17:00:00+01:00",
         "organization": [f"{base}/organization/1"],
         "agendaItem": [{"id": f"{base}/agendaitem/1",
                         "type": "https://schema.oparl.org/1.1/AgendaItem",
                         "number": "7", "name": "Spielplatz Lindenweg", **item}],
         **meeting},
    ]  # fmt: skip
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"data": objects}), encoding="utf-8")
    return path


def test_file_text_becomes_the_resolution_text_marked_as_from_the_file(
    tmp_path: Path, content: Path
) -> None:
    resolution_file = {
        "id": "https://ris.example.test/oparl/v1.1/file/9",
        "type": "https://schema.oparl.org/1.1/File",
        "name": "Beschlussausfertigung",
        "accessUrl": "https://ris.example.test/files/9.pdf",
        "mimeType": "application/pdf",
        "text": "Der Rat beschließt die Erneuerung\ndes Spielplatzes.\n\nDie Mittel stehen bereit.",
    }
    item = {"result": "einstimmig beschlossen", "resolutionFile": resolution_file}
    report = run_oparl(str(_export(tmp_path, item)), content, stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    (path,) = _files(content).values()
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body.strip() == (
        "*Dieser Text stammt aus der Datei „Beschlussausfertigung“, wie das "
        "Ratsinformationssystem ihn mitliefert. Maßgeblich ist die Datei; Tabellen und "
        "Aufzählungen können dort anders aussehen.*\n\n"
        "Der Rat beschließt die Erneuerung des Spielplatzes.\n\nDie Mittel stehen bereit."
    )
    assert _front_matter(path)["resolution_file"] == {
        "url": "https://ris.example.test/files/9.pdf",
        "title": "Beschlussausfertigung",
    }
    catalog, problems = load_archive(content)
    assert problems == []
    assert catalog is not None
    (resolution,) = catalog.by_id.values()
    assert resolution.text.startswith("*Dieser Text stammt aus der Datei")


def test_resolution_text_of_the_item_wins_over_the_file_text(tmp_path: Path, content: Path) -> None:
    resolution_file = {
        "id": "https://ris.example.test/oparl/v1.1/file/9",
        "type": "https://schema.oparl.org/1.1/File",
        "name": "Beschlussausfertigung",
        "accessUrl": "https://ris.example.test/files/9.pdf",
        "text": "Text der Datei",
    }
    item = {
        "result": "einstimmig beschlossen",
        "resolutionText": "Der Rat beschließt die Erneuerung.",
        "resolutionFile": resolution_file,
    }
    run_oparl(str(_export(tmp_path, item)), content, stream=io.StringIO(), today=TODAY)
    (path,) = _files(content).values()
    assert path.read_text(encoding="utf-8").split("---\n", 2)[2].strip() == (
        "Der Rat beschließt die Erneuerung."
    )


def test_report_groups_a_note_with_times_under_its_whole_kind(
    tmp_path: Path, content: Path
) -> None:
    export = _export(tmp_path, {"result": "beschlossen"}, end="2021-03-04T09:00:00+01:00")
    report = run_oparl(str(export), content, stream=io.StringIO(), today=TODAY).markdown()
    heading = "## Ansehen: Sitzungsende … vor dem Beginn … laut Quelle; Ende weggelassen (1)"
    assert heading in report
    assert "Sitzungsende 09 " not in report


def test_a_committee_whose_short_name_yaml_reads_as_a_number_gets_a_text_id(
    tmp_path: Path, content: Path
) -> None:
    export = _export(tmp_path, {"result": "einstimmig beschlossen"})
    data = json.loads(export.read_text(encoding="utf-8"))
    data["data"][0].update(name="Ausschuss 784", shortName="784", classification="Ausschuss")
    export.write_text(json.dumps(data), encoding="utf-8")
    report = run_oparl(str(export), content, stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    (path,) = _files(content).values()
    assert _front_matter(path)["committee"] == "gremium-784"
    catalog, problems = load_archive(content)
    assert [p for p in problems if p.severity is not Severity.NOTE] == []
    assert catalog is not None
