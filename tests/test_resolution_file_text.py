"""A resolution whose text is only in its resolution file: the build reads, shows and
indexes that text, links the file as the authority, and reports files without text."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image
from playwright.sync_api import Page, expect

from generator.archive.problems import Severity
from generator.build import prepare
from generator.file_texts.stage import CACHE_FOLDER
from tests.browser_support import _serve as serve
from tests.conftest import resolution_file, write_tree
from tests.markup import quoted_page
from tests.site_fixtures import build_site, site_options
from tests.sitecheck import pagefind_values

PDF_LINES = (
    "Der Rat beschließt die Aufstellung des Bebauungsplans Nr. 12 Mühlenweg.",
    "Die Verwaltung wird beauftragt, die Öffentlichkeit zu beteiligen.",
)


def _text_pdf(lines: tuple[str, ...]) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in lines:
        pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _scanned_pdf(tmp_path: Path) -> bytes:
    picture = tmp_path / "scan.png"
    Image.new("L", (200, 280), color=200).save(picture)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=10, y=10, w=180)
    return bytes(pdf.output())


def _archive(tmp_path: Path, pdf: bytes, *, imported: bool = False) -> Path:
    source = (
        {"source": {"system": "oparl", "origin": "https://ris.example/ai/1", "checksum": "x"}}
        if imported
        else {}
    )
    front = resolution_file(
        "",
        id="rat-2016-001",
        title="Bebauungsplan Mühlenweg",
        committee="rat",
        date="2016-03-17",
        resolution_file={"file": "rat-2016-001-beschluss.pdf", "title": "Beschlusstext"},
        **source,
    )
    return write_tree(
        tmp_path / "content",
        {
            "resolutions/rat/2016/2016-03-17-muehlenweg.md": front,
            "resolutions/rat/2016/rat-2016-001-beschluss.pdf": pdf,
        },
    )


def _page(site: Path) -> str:
    return quoted_page(site / "beschluss/rat-2016-001/index.html")


def test_the_text_of_the_resolution_file_is_shown_linked_and_indexed(tmp_path: Path) -> None:
    content = _archive(tmp_path, _text_pdf(PDF_LINES))
    options = site_options(tmp_path, content)
    prepared = prepare(options)
    assert prepared.problems == ()
    indexed = (options.search_dir / "teil-1/beschluss/rat-2016-001/index.html").read_text("utf-8")
    body = indexed.split("<body>", 1)[1]
    assert "Bebauungsplans Nr. 12 Mühlenweg" in body  # Pagefind indexes it
    assert "Öffentlichkeit zu beteiligen" in body

    page = _page(build_site(tmp_path, content))
    assert "Dieser Text ist automatisch aus der Datei" in page
    link = '<a href="../../beschluss/rat-2016-001/rat-2016-001-beschluss.pdf">Beschlusstext</a>'
    assert f"{link} (PDF, 1,1 kB) ausgelesen. Maßgeblich ist die Datei" in page
    assert f'<div class="ra-file-text"><p>{PDF_LINES[0]} {PDF_LINES[1]}</div>' in page
    assert (tmp_path / "site/beschluss/rat-2016-001/rat-2016-001-beschluss.pdf").is_file()
    assert list((tmp_path / ".build" / CACHE_FOLDER).iterdir()), "the text is cached"


def test_markup_in_the_file_text_is_shown_as_text(tmp_path: Path) -> None:
    hostile = ('<script>alert("x")</script> <img src="https://tracker.example/p.gif">',)
    page = _page(build_site(tmp_path, _archive(tmp_path, _text_pdf(hostile)), search=False))
    assert "<script>alert" not in page
    assert "tracker.example/p.gif&quot;&gt;" in page  # escaped, never an element


def test_a_scanned_resolution_file_is_reported_and_linked(tmp_path: Path) -> None:
    content = _archive(tmp_path, _scanned_pdf(tmp_path))
    options = site_options(tmp_path, content, search=False)
    prepared = prepare(options)
    (problem,) = prepared.problems
    assert problem.severity is Severity.WARNING
    assert problem.field == "resolution_file"
    assert problem.location.path.name == "2016-03-17-muehlenweg.md"
    assert problem.location.line == 8  # the resolution_file line
    assert problem.message == (
        "aus der Beschlussdatei ließ sich kein Text lesen: die Datei enthält keinen Text "
        "(vermutlich eingescannt); ihr Inhalt ist nicht durchsuchbar"
    )

    page = _page(build_site(tmp_path, content, search=False))
    assert "Der Beschlusstext liegt nur als Datei vor:" in page
    assert (
        '<a href="../../beschluss/rat-2016-001/rat-2016-001-beschluss.pdf">Beschlusstext</a>'
        in page
    )


def test_a_scan_in_an_imported_record_is_a_note(tmp_path: Path) -> None:
    content = _archive(tmp_path, _scanned_pdf(tmp_path), imported=True)
    (problem,) = prepare(site_options(tmp_path, content, search=False)).problems
    assert problem.severity is Severity.NOTE


def test_the_preview_reads_an_unchanged_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.build import Preview
    from generator.file_texts import stage as resolution_file_texts

    content = _archive(tmp_path, _text_pdf(PDF_LINES))
    options = site_options(tmp_path, content, search=False)
    read: list[list[Path]] = []
    real = resolution_file_texts.extract_all

    def counting(paths: list[Path], cache: object) -> object:
        read.append(list(paths))
        return real(paths, cache)  # type: ignore[arg-type]

    monkeypatch.setattr(resolution_file_texts, "extract_all", counting)
    preview = Preview()
    prepare(options, preview=preview)
    prepare(options, preview=preview)
    assert len(read) == 1, "the second rebuild takes the text from the preview's memory"
    pdf = content / "resolutions/rat/2016/rat-2016-001-beschluss.pdf"
    pdf.write_bytes(_text_pdf(("Geänderter Beschluss.",)))
    prepare(options, preview=preview)
    assert read[-1] == [pdf]


def _archive_with_attachment(tmp_path: Path) -> Path:
    front = resolution_file(
        "Der Rat beschließt den Bebauungsplan.",
        id="rat-2016-002",
        title="Bebauungsplan Am Hang",
        committee="rat",
        date="2016-03-17",
        attachments=[{"file": "rat-2016-002-plan.pdf", "title": "Begründung zum Plan"}],
    )
    return write_tree(
        tmp_path / "content",
        {
            "resolutions/rat/2016/2016-03-17-am-hang.md": front,
            "resolutions/rat/2016/rat-2016-002-plan.pdf": _text_pdf(
                ("Die Hangrutschung am Weinberg erfordert eine Stützmauer.",)
            ),
        },
    )


def test_attachment_text_is_searched_but_never_shown(tmp_path: Path) -> None:
    options = site_options(tmp_path, _archive_with_attachment(tmp_path))
    prepare(options)
    indexed = (options.search_dir / "teil-1/beschluss/rat-2016-002/index.html").read_text("utf-8")
    meta = dict(pagefind_values(indexed, "meta"))
    assert meta["anlage_1"] == "Begründung zum Plan"
    assert "Hangrutschung am Weinberg" in meta["anlage_text_1"]
    site = build_site(tmp_path, _archive_with_attachment(tmp_path))
    page = quoted_page(site / "beschluss/rat-2016-002/index.html")
    assert "Hangrutschung" not in page


@pytest.mark.browser
def test_a_hit_only_in_an_attachment_says_so(tmp_path: Path, page: Page) -> None:
    site = build_site(tmp_path, _archive_with_attachment(tmp_path))
    with contextlib.contextmanager(serve)(site, "/") as server:
        page.goto(server.url("suche/?q=Hangrutschung"))
        hit = page.locator(".ra-hit")
        expect(hit).to_have_count(1)
        expect(hit.locator(".ra-hit__file")).to_have_text(
            "Treffer in der Anlage „Begründung zum Plan“"
        )
        expect(hit.locator(".ra-hit__excerpt mark").first).to_have_text("Hangrutschung")
