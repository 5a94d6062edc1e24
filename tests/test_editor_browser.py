"""The editors' area in local mode, driven through Decap's UI in Chromium.

A copy of the demo archive is built with ``/redaktion/``, its site served on localhost and
the local backend (``generator.editor.local_backend``) writes into the copy's ``content/``,
as ``ratsarchiv serve --redaktion`` does. What the form wrote must pass ``check`` and show
on the rebuilt site; a corrected title must change one line of the file.
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from generator.build import BuildOptions, build
from generator.editor.local_backend import Workspace, running
from generator.reading.loading import load_archive
from tests.browser_support import DEMO_CONTENT, REPOSITORY, OpenPage, Server, _serve

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True, slots=True)
class Editing:
    content: Path
    site: Server
    options: BuildOptions

    def rebuild(self) -> None:
        build(self.options)


@pytest.fixture
def editing(tmp_path: Path) -> Iterator[Editing]:
    repository = tmp_path / "archiv"
    content = repository / "content"
    shutil.copytree(DEMO_CONTENT, content)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    for server in _serve(site_dir, "/"):
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
            yield Editing(content=content, site=server, options=options)


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


def test_the_editors_area_has_no_axe_violations_from_our_configuration(
    open_page: OpenPage, editing: Editing
) -> None:
    page = open_page()
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
    assert ours == []


OUR_RULES = {"label", "html-has-lang", "document-title", "html-lang-valid", "meta-viewport"}
"""What our configuration decides: every field has its label, the page its language, title
and a zoomable viewport. The rest (contrast, landmarks of Decap's own layout) the CMS
brings; the report names them (see README, „Redaktionsbereich“)."""
