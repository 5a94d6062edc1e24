"""The editors' area without a browser: its config follows the contract, its files stay out
of search, sitemap and feeds, and the local backend writes only below ``content/``."""

from __future__ import annotations

import base64
import datetime
import http.client
import json
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml

from generator.archive.catalog import Catalog
from generator.editor import config as editor_config_module
from generator.editor.config import SKIPPED, editor_config
from generator.editor.local_backend import Refused, Workspace, answer, running
from generator.reading import parts
from generator.reading.contract import RESOLUTION_FIELDS, Field
from generator.reading.field_readers import text
from generator.reading.loading import load_archive
from tests.conftest import DEMO_CONTENT
from tests.site_fixtures import build_site, small_archive

TODAY = datetime.date(2026, 1, 15)


@pytest.fixture(scope="module")
def demo_catalog() -> Catalog:
    catalog, problems = load_archive(DEMO_CONTENT)
    assert catalog is not None, problems
    return catalog


def resolution_form(config: dict[str, Any], committee: str) -> list[dict[str, Any]]:
    collection = next(c for c in config["collections"] if c["name"] == f"beschluesse-{committee}")
    fields: list[dict[str, Any]] = collection["fields"]
    return fields


def test_every_contract_field_has_its_form_field_in_contract_order(
    demo_catalog: Catalog,
) -> None:
    config = editor_config(demo_catalog, today=TODAY, content_prefix=PurePosixPath("content"))
    names = [field["name"] for field in resolution_form(config, "rat")]
    expected = [f.name for f in RESOLUTION_FIELDS if f.name not in SKIPPED]
    assert names == [*expected, "body"]
    assert {c["folder"] for c in config["collections"] if "folder" in c} >= {
        "content/resolutions/rat",
        "content/resolutions/hauptausschuss",
        "content/meetings",
    }
    assert config["publish_mode"] == "editorial_workflow"


def test_a_new_contract_field_appears_in_the_form(
    demo_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_field = Field(
        name="responsible_office", label="Zuständiges Amt", read=text, schema=parts.text()
    )
    monkeypatch.setattr(editor_config_module, "RESOLUTION_FIELDS", (*RESOLUTION_FIELDS, new_field))
    config = editor_config(demo_catalog, today=TODAY, content_prefix=PurePosixPath("content"))
    form = {field["name"]: field for field in resolution_form(config, "rat")}
    assert form["responsible_office"] == {
        "label": "Zuständiges Amt",
        "name": "responsible_office",
        "required": False,
        "widget": "string",
    }
    assert "responsible_office" in editor_config_module.format_settings()["order"]


def test_choices_come_from_the_registries(demo_catalog: Catalog) -> None:
    config = editor_config(demo_catalog, today=TODAY, content_prefix=PurePosixPath("content"))
    form = {field["name"]: field for field in resolution_form(config, "hauptausschuss")}
    committees = [option["value"] for option in form["committee"]["options"]]
    assert committees == [c.id for c in demo_catalog.archive.committees]
    assert form["committee"]["default"] == "hauptausschuss"
    assert {"label": "beschlossen", "value": "adopted"} in form["result"]["options"]
    assert form["public"]["default"] is True
    vote = form["vote"]
    assert vote["widget"] == "list"
    factions = next(f for f in vote["fields"] if f["name"] == "factions")
    names = next(f for f in factions["fields"] if f["name"] == "name")
    assert names["options"][:2] == ["CDU", "SPD"]
    assert "fraktionslos" in names["options"]
    part = next(f for f in vote["fields"] if f["name"] == "part")
    assert part["required"] is False
    assert form["id"]["default"] not in demo_catalog.by_id


def test_the_backend_follows_the_archives_forge(demo_catalog: Catalog) -> None:
    config = editor_config(demo_catalog, today=TODAY, content_prefix=PurePosixPath("content"))
    settings = demo_catalog.archive.settings
    assert config["backend"]["branch"] == settings.repository_branch
    assert config["local_backend"] is True
    local = editor_config(
        demo_catalog,
        today=TODAY,
        content_prefix=PurePosixPath("content"),
        local_backend_url="http://127.0.0.1:9999/api/v1",
    )
    assert local["local_backend"] == {"url": "http://127.0.0.1:9999/api/v1"}


def test_the_editors_area_is_built_but_stays_out_of_search_sitemap_and_feeds(
    tmp_path: Path,
) -> None:
    site = build_site(tmp_path, small_archive(tmp_path))
    page = (site / "redaktion/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "http" not in page.replace('content="width=device-width', "")  # nothing foreign
    assert (site / "redaktion/decap-cms.js").stat().st_size > 1_000_000
    assert (site / "redaktion/yaml/index.js").is_file()
    loaded = yaml.safe_load((site / "redaktion/config.yml").read_text(encoding="utf-8"))
    assert loaded["backend"]["name"] == "gitlab"
    for name in ("sitemap.xml", "feed.xml"):
        if (site / name).exists():
            assert "redaktion" not in (site / name).read_text(encoding="utf-8")
    assert not list((tmp_path / ".build/search").rglob("*redaktion*"))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "redaktion" not in home


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    content = tmp_path / "content"
    (content / "resolutions/rat/2024").mkdir(parents=True)
    (content / "resolutions/rat/2024/a.md").write_text("---\nid: a\n---\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return Workspace(root=tmp_path, content=content)


def test_the_local_backend_lists_reads_and_writes_below_content(workspace: Workspace) -> None:
    entries = answer(
        workspace,
        {
            "action": "entriesByFolder",
            "params": {"folder": "content/resolutions/rat", "extension": "md", "depth": 2},
        },
    )
    assert [e["file"]["path"] for e in entries] == ["content/resolutions/rat/2024/a.md"]
    answer(
        workspace,
        {
            "action": "persistEntry",
            "params": {
                "dataFiles": [
                    {"path": "content/resolutions/rat/2024/b.md", "slug": "b", "raw": "---\n"}
                ],
                "assets": [
                    {
                        "path": "content/resolutions/rat/2024/b.pdf",
                        "content": base64.b64encode(b"%PDF").decode(),
                        "encoding": "base64",
                    }
                ],
            },
        },
    )
    assert (workspace.content / "resolutions/rat/2024/b.md").read_text() == "---\n"
    assert (workspace.content / "resolutions/rat/2024/b.pdf").read_bytes() == b"%PDF"


@pytest.mark.parametrize(
    "path", ["mkdocs.yml", "content/../mkdocs.yml", "/etc/passwd", "../outside.md"]
)
def test_the_local_backend_refuses_paths_outside_content(workspace: Workspace, path: str) -> None:
    with pytest.raises(Refused):
        answer(workspace, {"action": "getEntry", "params": {"path": path}})
    with pytest.raises(Refused):
        answer(
            workspace,
            {
                "action": "persistEntry",
                "params": {"dataFiles": [{"path": path, "slug": "x", "raw": "x"}], "assets": []},
            },
        )
    assert (workspace.root / "mkdocs.yml").read_text() == "site_name: x\n"


def test_the_local_backend_answers_only_the_preview(workspace: Workspace) -> None:
    preview = "http://127.0.0.1:8000"
    with running(workspace, frozenset({preview}), port=0) as url:
        host, port = url.removeprefix("http://").split("/")[0].split(":")
        body = json.dumps({"action": "info"})
        for origin, status in (("https://evil.example", 403), (preview, 200)):
            connection = http.client.HTTPConnection(host, int(port), timeout=10)
            connection.request(
                "POST",
                "/api/v1",
                body,
                {"Origin": origin, "Content-Type": "application/json"},
            )
            response = connection.getresponse()
            assert response.status == status
            reply = json.loads(response.read())
            connection.close()
        assert reply["publish_modes"] == ["simple"]
    with pytest.raises(Refused):
        answer(workspace, {"action": "deleteFile", "params": {"path": "content/x.md"}})
