"""Text out of attached files: PDFs written here with fpdf2, so every expected text is exact."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from generator.file_texts import extraction as file_text
from generator.file_texts.extraction import (
    EXTRACTOR_VERSION,
    ExtractedText,
    ExtractionStatus,
    TextCache,
    extract_all,
    extract_text,
)
from generator.runtime import parallel

LINE_HEIGHT = 6  # mm, for an 11 pt font: single spacing
PARAGRAPH = object()
"""In a page's lines: the gap between two paragraphs."""
SCAN = object()
"""In a page's lines: a grey picture, as a scanner makes it."""

RESOLUTION_PAGES: list[list[str | object]] = [
    [
        "Beschlussausfertigung",
        PARAGRAPH,
        "Der Rat der Stadt   beschließt die Aufstellung des Bebauungs-",
        "plans Nr. 12 für das Gebiet zwischen Hauptstraße und Mühlenweg.",
        "Die Kosten für den Straßen-",
        "und Wegebau trägt die Stadt; Nord-",
        "Süd-Achse, Zeitraum 2020-",
        "2021.",
        PARAGRAPH,
        "Größe: 3,5 ha; Übersicht siehe Anlage.",
    ],
    ["Abstimmungsergebnis: einstimmig"],
]

RESOLUTION_TEXT = (
    "Beschlussausfertigung\n"
    "\n"
    "Der Rat der Stadt beschließt die Aufstellung des Bebauungsplans Nr. 12 für das Gebiet"
    " zwischen Hauptstraße und Mühlenweg.\n"
    "Die Kosten für den Straßen-\n"
    "und Wegebau trägt die Stadt; Nord-\n"
    "Süd-Achse, Zeitraum 2020-\n"
    "2021.\n"
    "\n"
    "Größe: 3,5 ha; Übersicht siehe Anlage.\n"
    "\n"
    "Abstimmungsergebnis: einstimmig"
)

NOT_SEARCHABLE = "ihr Inhalt ist nicht durchsuchbar"


def pdf_document(pages: Sequence[Sequence[str | object]]) -> FPDF:
    """Each page's lines, one cell each; the core font Helvetica covers äöüß."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            if line is PARAGRAPH:
                pdf.ln(LINE_HEIGHT)
            elif line is SCAN:
                pdf.image(Image.new("L", (40, 20), 128), w=80)
            else:
                assert isinstance(line, str)
                pdf.cell(h=LINE_HEIGHT, text=line, new_x="LMARGIN", new_y="NEXT")
    return pdf


@pytest.fixture
def write_pdf(tmp_path: Path) -> Callable[..., Path]:
    def write(pages: Sequence[Sequence[str | object]], name: str = "beschluss.pdf") -> Path:
        path = tmp_path / name
        pdf_document(pages).output(str(path))
        return path

    return write


@pytest.fixture
def count_extractions(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The contents PDFium is asked to read, in order."""
    calls: list[bytes] = []
    original = file_text._extract_pdf

    def counting(content: bytes) -> ExtractedText:
        calls.append(content)
        return original(content)

    monkeypatch.setattr(file_text, "_extract_pdf", counting)
    return calls


# --- What comes out of a PDF ---------------------------------------------------------------


def test_german_text_over_pages_with_paragraphs_and_hyphenation(
    write_pdf: Callable[..., Path],
) -> None:
    result = extract_text(write_pdf(RESOLUTION_PAGES))
    assert result == ExtractedText(text=RESOLUTION_TEXT, pages=2, status=ExtractionStatus.OK)


def test_upper_case_pdf_suffix_is_read(write_pdf: Callable[..., Path]) -> None:
    result = extract_text(write_pdf([["Beschluss"]], name="BESCHLUSS.PDF"))
    assert (result.status, result.text) == (ExtractionStatus.OK, "Beschluss")


def test_control_characters_and_whitespace_runs_are_cleaned() -> None:
    line = "\x00Bebauungs\u00adplan\x07 \t Nr.\u00a012\x1f\ufeff "
    assert file_text._clean(line) == "Bebauungsplan Nr. 12"


@pytest.mark.parametrize(
    ("scanned", "detail"),
    [
        ([2], "Seite 2 ohne Text (vermutlich eingescannt)"),
        ([2, 4], "Seiten 2 und 4 ohne Text (vermutlich eingescannt)"),
        ([2, 3, 4], "Seiten 2, 3 und 4 ohne Text (vermutlich eingescannt)"),
        (list(range(2, 13)), "11 Seiten ohne Text (vermutlich eingescannt)"),
    ],
)
def test_scanned_pages_among_pages_with_text_are_reported(
    write_pdf: Callable[..., Path], scanned: list[int], detail: str
) -> None:
    pages = [[SCAN] if number in scanned else [f"Seite {number}"] for number in range(1, 14)]
    result = extract_text(write_pdf(pages))
    text = "\n\n".join(f"Seite {n}" for n in range(1, 14) if n not in scanned)
    assert result == ExtractedText(text=text, pages=13, status=ExtractionStatus.OK, detail=detail)


def test_blank_pages_are_not_reported(write_pdf: Callable[..., Path]) -> None:
    result = extract_text(write_pdf([["Seite eins"], [], ["Seite drei"]]))
    assert result == ExtractedText(
        text="Seite eins\n\nSeite drei", pages=3, status=ExtractionStatus.OK
    )


def test_text_is_capped_between_words(
    write_pdf: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_text, "MAX_CHARS", 20)
    result = extract_text(write_pdf([["Der Rat beschließt den Haushalt"], ["Seite zwei"]]))
    assert result == ExtractedText(
        text="Der Rat beschließt",
        pages=2,
        status=ExtractionStatus.OK,
        detail="Text nach 20 Zeichen gekürzt",
    )


def test_only_the_first_pages_of_a_huge_document_are_read(
    write_pdf: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_text, "MAX_PAGES", 2)
    result = extract_text(write_pdf([["eins"], ["zwei"], ["drei"]]))
    assert result == ExtractedText(
        text="eins\n\nzwei",
        pages=3,
        status=ExtractionStatus.OK,
        detail="nur die ersten 2 von 3 Seiten gelesen",
    )


def test_owner_password_alone_does_not_hide_the_text(tmp_path: Path) -> None:
    pdf = pdf_document([["Öffentlicher Beschluss"]])
    pdf.set_encryption(owner_password="verwaltung")
    path = tmp_path / "beschluss.pdf"
    pdf.output(str(path))
    assert extract_text(path) == ExtractedText(
        text="Öffentlicher Beschluss", pages=1, status=ExtractionStatus.OK
    )


# --- What cannot be read is data ----------------------------------------------------------

SCANNED = ExtractedText(
    text="",
    pages=1,
    status=ExtractionStatus.NO_TEXT_LAYER,
    detail=f"die Datei enthält keinen Text (vermutlich eingescannt); {NOT_SEARCHABLE}",
)


def test_image_only_pdf_has_no_text_layer(write_pdf: Callable[..., Path]) -> None:
    assert extract_text(write_pdf([[SCAN]], name="scan.pdf")) == SCANNED


def test_drawing_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 30, style="F")
    pdf.line(10, 50, 100, 80)
    path = tmp_path / "lageplan.pdf"
    pdf.output(str(path))
    assert extract_text(path) == SCANNED


def unreadable(reason: str) -> ExtractedText:
    detail = f"{reason}; {NOT_SEARCHABLE}"
    return ExtractedText(text="", pages=0, status=ExtractionStatus.UNREADABLE, detail=detail)


BROKEN = unreadable("die Datei ist beschädigt oder kein PDF")


@pytest.mark.parametrize(
    "content",
    [b"", b"%PDF-1.7\n", b"<html>Fehlerseite des Ratsinformationssystems</html>", bytes(4096)],
    ids=["empty", "header-only", "html", "zeros"],
)
def test_garbage_named_pdf_is_unreadable(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "beschluss.pdf"
    path.write_bytes(content)
    assert extract_text(path) == BROKEN


def test_truncated_pdf_is_unreadable(tmp_path: Path) -> None:
    content = bytes(pdf_document(RESOLUTION_PAGES).output())
    path = tmp_path / "abgebrochen.pdf"
    path.write_bytes(content[: len(content) // 2])
    assert extract_text(path) == BROKEN


def test_password_protected_pdf_is_unreadable(tmp_path: Path) -> None:
    pdf = pdf_document([["Nichtöffentlicher Beschluss"]])
    pdf.set_encryption(owner_password="verwaltung", user_password="geheim")
    path = tmp_path / "geheim.pdf"
    pdf.output(str(path))
    assert extract_text(path) == unreadable("die Datei ist passwortgeschützt")


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    assert extract_text(tmp_path / "fehlt.pdf") == unreadable("die Datei fehlt")


def test_oversized_file_is_not_read(
    write_pdf: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_pdf([["Beschluss"]])
    monkeypatch.setattr(file_text, "MAX_FILE_BYTES", 2 * 1024 * 1024 - 1)
    path.write_bytes(path.read_bytes() + bytes(2 * 1024 * 1024))
    assert extract_text(path) == unreadable(
        "die Datei ist größer als 1 MB und wird nicht ausgelesen"
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("anlage.docx", ".docx-Dateien"),
        ("plan.png", ".png-Dateien"),
        ("LIESMICH", "Dateien ohne Endung"),
    ],
)
def test_other_file_types_are_unsupported(tmp_path: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04")
    assert extract_text(path) == ExtractedText(
        text="",
        pages=0,
        status=ExtractionStatus.UNSUPPORTED,
        detail=f"nur PDF-Dateien werden ausgelesen, keine {kind}; {NOT_SEARCHABLE}",
    )


VALID_PDF = bytes(pdf_document([["Der Rat beschließt."], ["Seite zwei"]]).output())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2048),
        st.binary(max_size=2048).map(lambda tail: b"%PDF-1.4\n" + tail),
        # A valid PDF with a few bytes overwritten reaches far deeper into the parser.
        st.lists(
            st.tuples(st.integers(0, len(VALID_PDF) - 1), st.integers(0, 255)), max_size=8
        ).map(lambda edits: _edited(VALID_PDF, edits)),
    )
)
def test_any_bytes_give_a_result_never_an_exception(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "zufall.pdf"
        path.write_bytes(content)
        result = extract_text(path)
    assert isinstance(result.status, ExtractionStatus)
    assert result.status is not ExtractionStatus.UNSUPPORTED
    assert (result.text != "") == (result.status is ExtractionStatus.OK)
    assert result.status is ExtractionStatus.OK or result.detail.endswith(NOT_SEARCHABLE)
    # Only PDFium's own errors are expected; any other exception is caught so that one file
    # cannot stop a build, but on these inputs it would be a bug of ours.
    assert "beschädigt (" not in result.detail
    assert len(result.text) <= file_text.MAX_CHARS
    assert "\x00" not in result.text
    json.dumps(result.text).encode("utf-8")  # no lone surrogates: the cache can store it


def _edited(content: bytes, edits: Sequence[tuple[int, int]]) -> bytes:
    edited = bytearray(content)
    for position, value in edits:
        edited[position] = value
    return bytes(edited)


# --- The cache -------------------------------------------------------------------------------


def test_second_lookup_is_served_from_the_cache(
    write_pdf: Callable[..., Path], tmp_path: Path, count_extractions: list[bytes]
) -> None:
    path = write_pdf(RESOLUTION_PAGES)
    first = TextCache(tmp_path / "cache").get(path)
    # A new cache object on the same folder: as in the next build.
    second = TextCache(tmp_path / "cache").get(path)
    assert first == second
    assert first.text == RESOLUTION_TEXT
    assert len(count_extractions) == 1
    (entry,) = (tmp_path / "cache").iterdir()
    assert entry.suffix == ".json"


def test_changed_bytes_are_extracted_again(
    write_pdf: Callable[..., Path], tmp_path: Path, count_extractions: list[bytes]
) -> None:
    cache = TextCache(tmp_path / "cache")
    path = write_pdf([["Erste Fassung"]])
    assert cache.get(path).text == "Erste Fassung"
    path.write_bytes(bytes(pdf_document([["Berichtigte Fassung"]]).output()))
    assert cache.get(path).text == "Berichtigte Fassung"
    assert len(count_extractions) == 2


def test_same_content_at_two_paths_is_extracted_once(
    write_pdf: Callable[..., Path], tmp_path: Path, count_extractions: list[bytes]
) -> None:
    cache = TextCache(tmp_path / "cache")
    first = write_pdf([["Beschluss"]], name="a.pdf")
    second = write_pdf([["Beschluss"]], name="b.pdf")
    assert cache.get(first) == cache.get(second)
    assert len(count_extractions) == 1


@pytest.mark.parametrize(
    "damage",
    [
        "",
        "{nicht json",
        "\udcff",
        json.dumps({"extractor": EXTRACTOR_VERSION, "text": "x"}),
        json.dumps(
            {"extractor": EXTRACTOR_VERSION, "text": 1, "pages": 1, "status": "ok", "detail": ""}
        ),
        json.dumps(
            {"extractor": EXTRACTOR_VERSION, "text": "x", "pages": 1, "status": "?", "detail": ""}
        ),
        json.dumps(
            {"extractor": EXTRACTOR_VERSION - 1, "text": "alt", "pages": 1, "status": "ok"}
            | {"detail": ""}
        ),
    ],
    ids=["empty", "not-json", "not-utf8", "missing-fields", "wrong-type", "bad-status", "old"],
)
def test_corrupt_or_outdated_entry_is_replaced(
    write_pdf: Callable[..., Path], tmp_path: Path, count_extractions: list[bytes], damage: str
) -> None:
    cache = TextCache(tmp_path / "cache")
    path = write_pdf([["Beschluss"]])
    expected = cache.get(path)
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(damage.encode("utf-8", "surrogateescape"))
    assert cache.get(path) == expected
    assert len(count_extractions) == 2
    assert json.loads(entry.read_text(encoding="utf-8"))["extractor"] == EXTRACTOR_VERSION
    assert cache.get(path) == expected
    assert len(count_extractions) == 2
    assert [entry] == list((tmp_path / "cache").iterdir())  # no temporary file left


def test_unreadable_results_are_cached_too(tmp_path: Path, count_extractions: list[bytes]) -> None:
    path = tmp_path / "kaputt.pdf"
    path.write_bytes(b"%PDF-1.7\nkaputt")
    cache = TextCache(tmp_path / "cache")
    assert cache.get(path) == cache.get(path) == BROKEN
    assert len(count_extractions) == 1


def test_files_that_need_no_extraction_are_not_cached(tmp_path: Path) -> None:
    cache = TextCache(tmp_path / "cache")
    (tmp_path / "anlage.docx").write_bytes(b"PK")
    assert cache.get(tmp_path / "anlage.docx").status is ExtractionStatus.UNSUPPORTED
    assert cache.get(tmp_path / "fehlt.pdf").status is ExtractionStatus.UNREADABLE
    assert not (tmp_path / "cache").exists()


# --- Many files ------------------------------------------------------------------------------


def write_many(directory: Path, count: int) -> list[Path]:
    directory.mkdir()
    paths = []
    for number in range(count):
        path = directory / f"beschluss-{number}.pdf"
        path.write_bytes(bytes(pdf_document([[f"Beschluss Nr. {number}"]]).output()))
        paths.append(path)
    return paths


def test_extract_all_keeps_order_and_uses_the_cache(
    tmp_path: Path, count_extractions: list[bytes]
) -> None:
    paths = write_many(tmp_path / "anlagen", 3)
    (tmp_path / "anlagen" / "plan.png").write_bytes(b"\x89PNG")
    wanted = [paths[2], tmp_path / "anlagen" / "plan.png", paths[0], paths[2], paths[1]]
    cache = TextCache(tmp_path / "cache")
    results = extract_all(wanted, cache)
    assert list(results) == [paths[2], tmp_path / "anlagen" / "plan.png", paths[0], paths[1]]
    assert [results[path].text for path in paths] == [f"Beschluss Nr. {n}" for n in range(3)]
    assert len(count_extractions) == 3  # counted here: few files are read in-process
    assert extract_all(wanted, cache) == results
    assert len(count_extractions) == 3


def test_extract_all_in_forked_workers_after_pdfium_was_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers fork from a parent that has loaded and used PDFium: they must work alike."""
    paths = write_many(tmp_path / "anlagen", file_text.PARALLEL_MIN_FILES)
    assert extract_text(paths[0]).text == "Beschluss Nr. 0"  # PDFium busy in the parent first
    monkeypatch.setattr(parallel, "free_cores", lambda: 2)  # even on a one-core machine
    readers = tmp_path / "readers"
    original = file_text._extract_pdf

    def noting_the_reader(content: bytes) -> ExtractedText:
        with readers.open("a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()}\n")
        return original(content)

    monkeypatch.setattr(file_text, "_extract_pdf", noting_the_reader)
    results = extract_all(paths, TextCache(tmp_path / "cache"))
    assert [results[path].text for path in paths] == [
        f"Beschluss Nr. {n}" for n in range(len(paths))
    ]
    pids = readers.read_text(encoding="utf-8").split()
    assert len(pids) == len(paths)
    assert str(os.getpid()) not in pids
    # The workers stored what they read: the parent now finds every file in the cache.
    assert all(TextCache(tmp_path / "cache").cached(path) for path in paths)
