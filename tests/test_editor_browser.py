"""The editors' area in local mode, driven through Decap's UI in Chromium.

A copy of the demo archive is built with ``/redaktion/``, its site served on localhost and
the local backend (``generator.editor.local_backend``) writes into the copy's ``content/``,
as ``ratsarchiv serve --redaktion`` does. What the form wrote must pass ``check`` and show
on the rebuilt site; a corrected title must change one line of the file.
"""

from __future__ import annotations

import difflib
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from generator.build import BuildOptions, build
from generator.editor.area import AREA
from generator.editor.config import api_origins, archive_backend, editor_csp
from generator.editor.local_backend import Workspace, running
from generator.reading.loading import load_archive
from tests.browser_support import CSP, DEMO_CONTENT, HOST, REPOSITORY, OpenPage, Server, _handler

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Policies:
    """The headers the README's server snippets send: the strict policy everywhere, the
    editors' own below ``/redaktion/`` (set once the build knows the local backend)."""

    public: str = CSP
    editors: str = field(default_factory=lambda: editor_csp(()))

    def for_path(self, path: str) -> str:
        return self.editors if path.startswith(f"/{AREA}/") else self.public


def _serve_with_policies(directory: Path, policies: Policies) -> Iterator[Server]:
    base = _handler(directory, None)

    class Handler(base):  # type: ignore[valid-type, misc]
        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policies.for_path(self.path))
            super().end_headers()

    server = ThreadingHTTPServer((HOST, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(base=f"http://{HOST}:{server.server_port}/")
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True, slots=True)
class Editing:
    content: Path
    site: Server
    options: BuildOptions
    policies: Policies

    def rebuild(self) -> None:
        build(self.options)


@pytest.fixture
def editing(tmp_path: Path) -> Iterator[Editing]:
    """The demo archive built with ``/redaktion/`` in local mode, served under the CSP
    headers the README recommends: every test here also checks that the editors' area
    works under its own policy (the ``open_page`` fixture fails on any violation)."""
    repository = tmp_path / "archiv"
    content = repository / "content"
    shutil.copytree(DEMO_CONTENT, content)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    policies = Policies()
    for server in _serve_with_policies(site_dir, policies):
        origin = server.base.rstrip("/")
        workspace = Workspace(root=repository, content=content)
        with running(workspace, frozenset({origin}), port=0) as backend:
            options = BuildOptions(
                content_root=content,
                base_config=REPOSITORY / "mkdocs.yml",
                build_dir=tmp_path / ".build",
                site_dir=site_dir,
                search=False,
                local_backend_url=backend,
            )
            build(options)
            catalog, _ = load_archive(content)
            assert catalog is not None
            policies.editors = editor_csp(api_origins(archive_backend(catalog), backend))
            yield Editing(content=content, site=server, options=options, policies=policies)


def sign_in(page: Page, editing: Editing) -> None:
    page.goto(editing.site.url("redaktion/"))
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_text("Beschlüsse: Rat der Stadt Musterstadt").first).to_be_visible()


def publish(page: Page) -> None:
    page.get_by_role("button", name="Veröffentlichen").click()
    page.get_by_role("menuitem", name="Jetzt veröffentlichen").click()


def test_a_new_resolution_with_a_split_vote_and_an_attachment_is_written_checked_and_built(
    open_page: OpenPage, editing: Editing, tmp_path: Path
) -> None:
    page = open_page()
    sign_in(page, editing)
    page.goto(editing.site.url("redaktion/#/collections/beschluesse-rat/new"))
    page.get_by_label("Kennung", exact=True).fill("rat-2026-042")
    page.get_by_label("Betreff", exact=True).fill("Neue Radwege an der Schulstraße")
    page.get_by_label("Sitzungsdatum", exact=True).fill("2026-03-19")
    page.get_by_label("Nummer", exact=True).fill("7")
    page.get_by_label("Ja (optional)", exact=True).first.fill("28")
    page.get_by_label("Nein (optional)", exact=True).first.fill("14")
    add_faction = page.get_by_role("button", name="abstimmung nach fraktionen hinzufügen")
    rows = [("CDU", "Ja", "16"), ("BÜNDNIS 90/DIE GRÜNEN", "Ja", "12"), ("SPD", "Nein", "14")]
    for row, (faction, column, count) in enumerate(rows):
        add_faction.click()
        page.get_by_role("combobox", name="Name", exact=True).nth(row).click()
        page.get_by_role("option", name=faction, exact=True).click()
        page.get_by_label(f"{column} (optional)", exact=True).nth(row + 1).fill(count)
    page.get_by_role("button", name="anlagen hinzufügen").click()
    page.get_by_label("Titel", exact=True).last.fill("Lageplan der Radwege")
    attachment = tmp_path / "lageplan-radwege.pdf"
    attachment.write_bytes(PDF)
    page.get_by_role("button", name="Wählen Sie eine Datei").last.click()
    page.locator("input[type=file]").set_input_files(attachment)
    page.get_by_role("button", name="Ausgewähltes Element verwenden").click()
    page.get_by_label("Beschlusstext und Beratung (optional)", exact=True).fill(
        "Der Rat beschließt die Radwege nach dem Lageplan.\n\n## Beratung\n\nKeine Aussprache.\n"
    )
    publish(page)
    written = (
        editing.content / "resolutions/rat/2026/2026-03-19-neue-radwege-an-der-schulstrasse.md"
    )
    expect(page.get_by_text("Beitrag gespeichert")).to_be_visible()
    assert written.is_file(), sorted(p.name for p in written.parent.glob("*"))
    assert (written.parent / "lageplan-radwege.pdf").read_bytes() == PDF
    text = written.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../../../../generator/")
    catalog, problems = load_archive(editing.content)
    assert catalog is not None, [p.format() for p in problems if p.severity == "error"]
    assert [p.format() for p in problems if written.name in p.format()] == []
    resolution = catalog.by_id["rat-2026-042"]
    vote = resolution.votes[0]
    assert (vote.in_favour, vote.against) == (28, 14)
    assert [(f.name, f.in_favour, f.against) for f in vote.factions] == [
        ("CDU", 16, 0),
        ("BÜNDNIS 90/DIE GRÜNEN", 12, 0),
        ("SPD", 0, 14),
    ]
    assert [a.title for a in resolution.attachments] == ["Lageplan der Radwege"]
    editing.rebuild()
    page.goto(editing.site.url("beschluss/rat-2026-042/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Neue Radwege an der Schulstraße")
    expect(page.get_by_role("link", name="Lageplan der Radwege")).to_be_visible()


def test_a_corrected_title_changes_only_that_line(open_page: OpenPage, editing: Editing) -> None:
    path = editing.content / "resolutions/hauptausschuss/2020/2020-04-17-it-budget.md"
    before = path.read_text(encoding="utf-8")
    page = open_page()
    sign_in(page, editing)
    page.goto(
        editing.site.url(
            "redaktion/#/collections/beschluesse-hauptausschuss/entries/2020/2020-04-17-it-budget"
        )
    )
    title = page.get_by_label("Betreff", exact=True)
    expect(title).to_have_value("IT-Budget 2020 – digitale Arbeitsplätze in der Corona-Pandemie")
    title.fill("IT-Budget 2020 – digitale Arbeitsplätze während der Corona-Pandemie")
    publish(page)
    expect(page.get_by_text("Beitrag gespeichert")).to_be_visible()
    after = path.read_text(encoding="utf-8")
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-title: IT-Budget 2020 – digitale Arbeitsplätze in der Corona-Pandemie",
        "+title: IT-Budget 2020 – digitale Arbeitsplätze während der Corona-Pandemie",
    ]


def test_unchanged_files_are_written_back_byte_for_byte(
    open_page: OpenPage, editing: Editing
) -> None:
    """Every demo file through the form's formats and back: the base of one-line diffs."""
    page = open_page()
    page.goto(editing.site.url("redaktion/"))
    page.wait_for_function("window.RATSARCHIV_FORMATS !== undefined")
    files = [
        *sorted((editing.content / "resolutions").rglob("*.md")),
        *sorted((editing.content / "meetings").rglob("*.yml")),
        editing.content / "committees.yml",
        editing.content / "factions.yml",
    ]
    changed = []
    for file in files:
        raw = file.read_text(encoding="utf-8")
        kind = "frontMatter" if file.suffix == ".md" else "plainYaml"
        again = page.evaluate(
            "([raw, kind]) => { const f = window.RATSARCHIV_FORMATS[kind];"
            " return f.toFile(f.fromFile(raw)); }",
            [raw, kind],
        )
        if again != raw:
            changed.append(file.name)
    assert len(files) > 60
    assert changed == []


def test_the_editors_area_works_under_its_own_policy_and_the_public_pages_keep_theirs(
    open_page: OpenPage, editing: Editing
) -> None:
    page = open_page()
    response = page.goto(editing.site.url("redaktion/"))
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert policy == editing.policies.editors
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self' 'unsafe-eval';" in policy
    page.get_by_role("button", name="Login").click()
    page.goto(editing.site.url("redaktion/#/collections/beschluesse-rat/new"))
    page.get_by_label("Betreff", exact=True).fill("Probe unter der Richtlinie")
    page.get_by_role("button", name="anlagen hinzufügen").click()
    expect(page.get_by_label("Titel", exact=True).last).to_be_visible()
    # Decap's styles came in (emotion's <style> elements were allowed): the header bar is
    # laid out, not unstyled text.
    expect(page.get_by_role("button", name="Veröffentlichen")).to_have_css("cursor", "pointer")
    # The public pages keep the strict policy (tests/test_csp.py loads them under it).
    public = page.request.get(editing.site.url(""))
    assert public.ok
    assert public.headers["content-security-policy"] == CSP
    # Violations and console errors are asserted by the open_page fixture when the test ends.


VIEWS = {
    "hell, 1280 px": {"color_scheme": "light", "viewport": {"width": 1280, "height": 900}},
    "dunkel, 1280 px": {"color_scheme": "dark", "viewport": {"width": 1280, "height": 900}},
    "hell, 320 px": {"color_scheme": "light", "viewport": {"width": 320, "height": 640}},
    "dunkel, 320 px": {"color_scheme": "dark", "viewport": {"width": 320, "height": 640}},
}


@pytest.mark.parametrize("view", VIEWS)
def test_the_editors_area_has_no_axe_violations_from_our_configuration(
    view: str, open_page: OpenPage, editing: Editing, capsys: pytest.CaptureFixture[str]
) -> None:
    page = open_page(**VIEWS[view])
    sign_in(page, editing)
    page.goto(editing.site.url("redaktion/#/collections/beschluesse-rat/new"))
    expect(page.get_by_label("Betreff", exact=True)).to_be_visible()
    results = Axe().run(page).response
    ours = [
        (violation["id"], node["target"])
        for violation in results["violations"]
        for node in violation["nodes"]
        if violation["id"] in OUR_RULES
    ]
    decaps = {v["id"]: len(v["nodes"]) for v in results["violations"] if v["id"] not in OUR_RULES}
    width = page.evaluate("document.documentElement.scrollWidth")
    with capsys.disabled():
        found = ", ".join(f"{rule} ({count}×)" for rule, count in sorted(decaps.items()))
        print(f"\nRedaktionsbereich ({view}): Decap CMS bringt mit: {found}; Breite {width} px")
    assert ours == []
    assert set(decaps) <= DECAP_KNOWN, "neu in Decap CMS: im README nennen"


OUR_RULES = {"label", "html-has-lang", "document-title", "html-lang-valid", "meta-viewport"}
"""What our configuration decides: every field has its label, the page its language, title
and a zoomable viewport. The rest (contrast, landmarks of Decap's own layout) the CMS
brings; the report names them (see README, „Redaktionsbereich“)."""
DECAP_KNOWN = {"aria-command-name", "button-name", "color-contrast", "region"}
"""What axe finds in Decap CMS 3.16.3's own UI in every view (README, „Was der
Redaktionsbereich selbst mitbringt“): a new finding after an upgrade fails here until the
README names it."""
