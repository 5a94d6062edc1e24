"""The editors' area without a browser: its config follows the contract, its files stay out
of search, sitemap and feeds, and the local backend writes only below ``content/``."""

from __future__ import annotations

import base64
import datetime
import http.client
import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml

from generator.archive.catalog import Catalog
from generator.editor import config as editor_config_module
from generator.editor.area import KeptConfig, editor_files
from generator.editor.config import (
    SKIPPED,
    api_origins,
    archive_backend,
    editor_config,
    editor_csp,
)
from generator.editor.local_backend import Refused, Workspace, answer, running
from generator.reading import parts
from generator.reading.contract import RESOLUTION_FIELDS, Field
from generator.reading.field_readers import text
from generator.reading.loading import load_archive
from tests.conftest import ARCHIVE_YML, DEMO_CONTENT, REPOSITORY, ContentTree
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
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # nothing foreign
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


SIGN_IN_CASES = {
    "github.com": (
        "repository_url: https://github.com/stadt-teststadt/ratsarchiv\n"
        "editor:\n  base_url: https://decap-oauth.teststadt.de\n",
        {
            "name": "github",
            "repo": "stadt-teststadt/ratsarchiv",
            "branch": "main",
            "base_url": "https://decap-oauth.teststadt.de",
            "auth_endpoint": "auth",
        },
        ("https://api.github.com", "https://decap-oauth.teststadt.de"),
    ),
    "GitHub Enterprise": (
        "repository_url: https://github.teststadt.de/rat/archiv\nrepository_type: github\n"
        "repository_branch: redaktion\n"
        "editor:\n  base_url: https://oauth.teststadt.de/decap/\n  auth_endpoint: /login/\n",
        {
            "name": "github",
            "repo": "rat/archiv",
            "branch": "redaktion",
            "api_root": "https://github.teststadt.de/api/v3",
            "base_url": "https://oauth.teststadt.de/decap",
            "auth_endpoint": "login",
        },
        ("https://github.teststadt.de", "https://oauth.teststadt.de"),
    ),
    "GitLab": (
        "repository_url: https://gitlab.teststadt.de/ratsbuero/archiv\n"
        "editor:\n  app_id: 4f0c2e9a7b1d\n",
        {
            "name": "gitlab",
            "repo": "ratsbuero/archiv",
            "branch": "main",
            "auth_type": "pkce",
            "app_id": "4f0c2e9a7b1d",
            "base_url": "https://gitlab.teststadt.de",
            "api_root": "https://gitlab.teststadt.de/api/v4",
        },
        ("https://gitlab.teststadt.de",),
    ),
    "Forgejo": (
        "repository_url: https://codeberg.org/teststadt/ratsarchiv\n"
        "editor:\n  app_id: 0b5d3c1e-8f2a-4c6b-9e7d-2a1f3b4c5d6e\n",
        {
            "name": "forgejo",
            "repo": "teststadt/ratsarchiv",
            "branch": "main",
            "app_id": "0b5d3c1e-8f2a-4c6b-9e7d-2a1f3b4c5d6e",
            "base_url": "https://codeberg.org",
            "api_root": "https://codeberg.org/api/v1",
        },
        ("https://codeberg.org",),
    ),
    "Gitea": (
        "repository_url: https://git.teststadt.de/rat/archiv\nrepository_type: gitea\n"
        "editor:\n  app_id: a1b2c3\n",
        {
            "name": "forgejo",
            "repo": "rat/archiv",
            "branch": "main",
            "app_id": "a1b2c3",
            "base_url": "https://git.teststadt.de",
            "api_root": "https://git.teststadt.de/api/v1",
        },
        ("https://git.teststadt.de",),
    ),
}


@pytest.mark.parametrize("case", SIGN_IN_CASES)
def test_sign_in_settings_come_from_archive_yml(
    case: str, content_tree: ContentTree, in_tmp: Path
) -> None:
    settings, backend, origins = SIGN_IN_CASES[case]
    catalog, problems = load_archive(content_tree({"archive.yml": ARCHIVE_YML + settings}))
    assert problems == []
    assert catalog is not None
    config = editor_config(catalog, today=TODAY, content_prefix=PurePosixPath("content"))
    commit_messages = config["backend"].pop("commit_messages")
    assert config["backend"] == backend
    assert commit_messages["create"].startswith("Neuer Beschluss")
    assert config["publish_mode"] == "editorial_workflow"
    assert api_origins(archive_backend(catalog), None) == origins


def test_without_a_forge_the_area_works_only_locally(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    catalog, problems = load_archive(content_tree({}))
    assert catalog is not None and problems == []
    config = editor_config(catalog, today=TODAY, content_prefix=PurePosixPath("content"))
    assert config["backend"]["name"] == "proxy"
    assert catalog.archive.settings.editor is None


EDITOR_AT = len(ARCHIVE_YML.splitlines()) + 2
"""The line of ``editor:`` below ``repository_url`` in the cases that follow."""


@pytest.mark.parametrize(
    ("settings", "messages"),
    [
        (
            "repository_url: https://gitlab.com/stadt/archiv\neditor:\n  base_url: https://x.de\n",
            [
                f"{EDITOR_AT}:1: error: editor: Pflichtfeld 'app_id' fehlt: die Anwendungs-ID "
                "(GitLab) bzw. Client-ID (Forgejo/Gitea) der OAuth-Anwendung für /redaktion/",
                f"{EDITOR_AT + 1}:3: error: editor.base_url: nur bei GitHub "
                "(OAuth-Vermittler); GitLab und Forgejo/Gitea melden direkt am Server aus "
                "repository_url an",
            ],
        ),
        (
            "repository_url: https://github.com/stadt/archiv\neditor:\n  app_id: abc\n",
            [
                f"{EDITOR_AT}:1: error: editor: Pflichtfeld 'base_url' fehlt: GitHub braucht "
                "für die Anmeldung die Adresse eines OAuth-Vermittlers (siehe README, "
                "„Einrichtung der Anmeldung“)",
                f"{EDITOR_AT + 1}:3: error: editor.app_id: bei GitHub gehören Client-ID und "
                "Client-Geheimnis in den OAuth-Vermittler, nicht in archive.yml",
            ],
        ),
        (
            "repository_url: https://codeberg.org/stadt/archiv\neditor:\n  app_id: a b\n",
            [
                f"{EDITOR_AT + 1}:3: error: editor.app_id: erwartet die ID der "
                "OAuth-Anwendung (Buchstaben, Ziffern, - und _), gefunden 'a b'",
            ],
        ),
        (
            "repository_url: https://github.com/stadt/archiv\neditor:\n"
            "  base_url: oauth.stadt.de\n  client_secret: geheim\n",
            [
                f"{EDITOR_AT + 1}:3: error: editor.base_url: erwartet eine Webadresse, die "
                "mit https:// beginnt, gefunden 'oauth.stadt.de'",
                f"{EDITOR_AT + 2}:3: error: editor.client_secret: unbekanntes Feld "
                "(erlaubt: app_id, auth_endpoint, base_url)",
            ],
        ),
        (
            "editor:\n  app_id: abc\n",
            [
                f"{EDITOR_AT - 1}:1: error: editor: der Redaktionsbereich speichert in das "
                "Repository aus repository_url; bitte repository_url (und repository_type) "
                "angeben",
            ],
        ),
    ],
)
def test_invalid_sign_in_settings_are_reported_in_german(
    settings: str, messages: list[str], content_tree: ContentTree, in_tmp: Path
) -> None:
    catalog, problems = load_archive(content_tree({"archive.yml": ARCHIVE_YML + settings}))
    assert catalog is None
    assert [p.format() for p in problems] == [f"content/archive.yml:{m}" for m in messages]


def test_the_area_carries_its_own_policy_for_its_forge(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    settings = SIGN_IN_CASES["GitLab"][0]
    catalog, _ = load_archive(content_tree({"archive.yml": ARCHIVE_YML + settings}))
    assert catalog is not None
    files = editor_files(
        catalog,
        editor_dir=REPOSITORY / "editor",
        today=TODAY,
        content_prefix=PurePosixPath("content"),
    )
    page = next(f for f in files if f.path == "redaktion/index.html")
    assert page.content is not None
    text = page.content.decode("utf-8")
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
    assert meta is not None
    policy = meta.group(1)
    assert policy == editor_csp(("https://gitlab.teststadt.de",), header=False)
    assert "connect-src 'self' blob: https://gitlab.teststadt.de;" in policy
    assert "script-src 'self' 'unsafe-eval';" in policy  # no inline script, even here
    assert "frame-ancestors" not in policy  # ignored (and logged as an error) in <meta>
    assert editor_csp(()).endswith("; frame-ancestors 'none'")


def test_a_kept_config_is_the_config_of_this_archive(
    content_tree: ContentTree, in_tmp: Path, tmp_path: Path
) -> None:
    """The build keeps the YAML of ``config.yml`` between builds: taken again only for the
    same config, dumped anew for another archive (here another forge), and a damaged file
    is a text not kept."""

    def config_text(settings: str, kept: KeptConfig | None) -> bytes:
        catalog, _ = load_archive(content_tree({"archive.yml": ARCHIVE_YML + settings}))
        assert catalog is not None
        files = editor_files(
            catalog,
            editor_dir=REPOSITORY / "editor",
            today=TODAY,
            content_prefix=PurePosixPath("content"),
            kept=kept,
        )
        content = next(f.content for f in files if f.path == "redaktion/config.yml")
        assert content is not None
        return content

    github, gitlab = SIGN_IN_CASES["github.com"][0], SIGN_IN_CASES["GitLab"][0]
    path = tmp_path / "kept" / "editor-config.yml"
    first = KeptConfig(path, "salt")
    assert config_text(github, first) == config_text(github, None)
    assert not first.reused
    again = KeptConfig(path, "salt")
    assert config_text(github, again) == config_text(github, None)
    assert again.reused
    other = KeptConfig(path, "salt")
    assert config_text(gitlab, other) == config_text(gitlab, None) != config_text(github, None)
    assert not other.reused
    salted = KeptConfig(path, "another program")
    assert config_text(gitlab, salted) == config_text(gitlab, None)
    assert not salted.reused
    path.write_bytes(b"\xff\xfe damaged")
    damaged = KeptConfig(path, "another program")
    assert config_text(gitlab, damaged) == config_text(gitlab, None)
    assert not damaged.reused


def test_the_readme_documents_the_policy_the_build_writes() -> None:
    """The header lines for ``/redaktion/`` in the README (plain, nginx, Apache) are the
    policy ``editor_csp`` gives for the README's example forge."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    documented = re.findall(r"default-src 'self'; script-src 'self' 'unsafe-eval'[^\"\n]*", readme)
    assert len(documented) == 3
    assert set(documented) == {editor_csp(("https://gitlab.musterstadt.de",))}


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
