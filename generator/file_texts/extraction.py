"""Text out of the files beside a resolution (its PDF "Beschlussausfertigung"), cached.

Only PDFs are read, with PDFium (pypdfium2). A file that cannot be read is data, not an
error: every outcome is an ``ExtractedText`` whose ``status`` and German ``detail`` say
what happened, so the build can report it and go on.

Extraction is cached by the file's bytes: an archive's PDFs rarely change, and reading
thousands of them on every build would cost more than the rest of the build.
"""

from __future__ import annotations

import ctypes
import hashlib
import itertools
import json
import os
import re
import statistics
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from generator.runtime.parallel import Task

EXTRACTOR_VERSION = 1
"""Part of every cache entry: raise it when the text this module makes changes."""

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PAGES = 1_000
MAX_CHARS = 200_000

PARALLEL_MIN_FILES = 16
"""From this many files to read, fork workers: a PDF takes some milliseconds a page, a
hundred times a rendered page, so forking pays off far sooner than for pages."""

NOT_SEARCHABLE = "ihr Inhalt ist nicht durchsuchbar"


class ExtractionStatus(StrEnum):
    OK = "ok"
    NO_TEXT_LAYER = "no_text_layer"
    UNREADABLE = "unreadable"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractedText:
    text: str
    pages: int
    status: ExtractionStatus
    detail: str = ""
    """German, for the build report; empty when there is nothing to say."""


def extract_text(path: Path) -> ExtractedText:
    """The text of the file at ``path``; never raises, whatever the file holds."""
    source = _read(path)
    return source if isinstance(source, ExtractedText) else _extract_pdf(source)


class TextCache:
    """Extracted texts in ``directory`` (e.g. ``.build/file-text/``), one JSON file per
    distinct file content, named by the SHA-256 of its bytes. An entry of another
    ``EXTRACTOR_VERSION``, or one that cannot be read, is overwritten by a fresh one."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get(self, path: Path) -> ExtractedText:
        source = _read(path)
        if isinstance(source, ExtractedText):
            return source
        entry = self._entry(source)
        cached = _load(entry)
        if cached is None:
            cached = _extract_pdf(source)
            self._store(entry, cached)
        return cached

    def cached(self, path: Path) -> ExtractedText | None:
        """The result for ``path`` if it needs no extraction, else None."""
        source = _read(path)
        return source if isinstance(source, ExtractedText) else _load(self._entry(source))

    def _entry(self, content: bytes) -> Path:
        return self.directory / f"{hashlib.sha256(content).hexdigest()}.json"

    def _store(self, entry: Path, result: ExtractedText) -> None:
        record = {"extractor": EXTRACTOR_VERSION, **asdict(result)}
        self.directory.mkdir(parents=True, exist_ok=True)
        # A unique temporary name: two workers may store the same content at once.
        descriptor, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                json.dump(record, stream, ensure_ascii=False)
            Path(temporary).replace(entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def extract_all(paths: Sequence[Path], cache: TextCache) -> dict[Path, ExtractedText]:
    """Every file's text, from the cache where it can; the files not yet cached are read
    on all cores when there are many of them (see ``parallel.Task``)."""
    results: dict[Path, ExtractedText] = {}
    missing: list[Path] = []
    for path in dict.fromkeys(paths):
        found = cache.cached(path)
        if found is None:
            missing.append(path)
        else:
            results[path] = found
    extracted = Task(_get, cache).map(missing, min_items=PARALLEL_MIN_FILES)
    results.update(zip(missing, extracted, strict=True))
    return {path: results[path] for path in paths}


def _get(cache: TextCache, path: Path) -> ExtractedText:
    return cache.get(path)


def _load(entry: Path) -> ExtractedText | None:
    try:
        record = json.loads(entry.read_text(encoding="utf-8"))
        if record["extractor"] != EXTRACTOR_VERSION:
            return None
        text, pages, detail = record["text"], record["pages"], record["detail"]
        status = ExtractionStatus(record["status"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing, half-written by a crash, or from another version
    if not (isinstance(text, str) and isinstance(detail, str) and type(pages) is int):
        return None
    return ExtractedText(text=text, pages=pages, status=status, detail=detail)


def _failure(status: ExtractionStatus, reason: str, *, pages: int = 0) -> ExtractedText:
    return ExtractedText(text="", pages=pages, status=status, detail=f"{reason}; {NOT_SEARCHABLE}")


def _read(path: Path) -> bytes | ExtractedText:
    """The bytes of a PDF to extract, or the result for a file that needs no extraction."""
    if path.suffix.lower() != ".pdf":
        kind = f"{path.suffix}-Dateien" if path.suffix else "Dateien ohne Endung"
        reason = f"nur PDF-Dateien werden ausgelesen, keine {kind}"
        return _failure(ExtractionStatus.UNSUPPORTED, reason)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            reason = f"die Datei ist größer als {limit} MB und wird nicht ausgelesen"
            return _failure(ExtractionStatus.UNREADABLE, reason)
        return path.read_bytes()
    except FileNotFoundError:
        return _failure(ExtractionStatus.UNREADABLE, "die Datei fehlt")
    except PermissionError:
        return _failure(ExtractionStatus.UNREADABLE, "die Datei darf nicht gelesen werden")
    except OSError as error:
        reason = f"die Datei lässt sich nicht lesen ({error.strerror or error})"
        return _failure(ExtractionStatus.UNREADABLE, reason)


_PDFIUM = threading.Lock()
"""PDFium is not thread-safe; worker processes each have their own copy."""

_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "die Datei ist passwortgeschützt",
    pdfium_c.FPDF_ERR_SECURITY: "die Datei ist auf eine nicht unterstützte Weise verschlüsselt",
}


def _extract_pdf(content: bytes) -> ExtractedText:
    with _PDFIUM:
        try:
            texts, blank, pages = _page_texts(content)
        except pdfium.PdfiumError as error:
            reason = _OPEN_ERRORS.get(error.err_code, "die Datei ist beschädigt oder kein PDF")
            return _failure(ExtractionStatus.UNREADABLE, reason)
        except Exception as error:
            # A hostile file may trip pypdfium2 itself (an assertion, a ctypes error): one
            # bad attachment must not stop the build of the whole archive.
            reason = f"die Datei ist beschädigt ({type(error).__name__})"
            return _failure(ExtractionStatus.UNREADABLE, reason)
    notes = []
    if len(texts) == MAX_PAGES < pages:
        notes.append(f"nur die ersten {_number(MAX_PAGES)} von {_number(pages)} Seiten gelesen")
    if not any(texts):
        reason = "die Datei enthält keinen Text (vermutlich eingescannt)"
        return _failure(ExtractionStatus.NO_TEXT_LAYER, reason, pages=pages)
    # A page with content but no text is likely a scan; an empty page is just blank.
    scanned = [n for n, text in enumerate(texts, start=1) if not text and n not in blank]
    if scanned:
        notes.append(f"{_pages_named(scanned)} ohne Text (vermutlich eingescannt)")
    text = "\n\n".join(text for text in texts if text)
    if len(text) > MAX_CHARS:
        text = _cut(text, MAX_CHARS)
        notes.append(f"Text nach {_number(MAX_CHARS)} Zeichen gekürzt")
    return ExtractedText(
        text=text, pages=pages, status=ExtractionStatus.OK, detail="; ".join(notes)
    )


def _pages_named(numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return f"Seite {numbers[0]}"
    if len(numbers) > 10:
        return f"{len(numbers)} Seiten"
    return f"Seiten {', '.join(map(str, numbers[:-1]))} und {numbers[-1]}"


def _page_texts(content: bytes) -> tuple[list[str], set[int], int]:
    """The normalised text of each page read, the numbers of the pages that are empty
    (no text, no image, no drawing), and the number of pages in the file."""
    document = pdfium.PdfDocument(content)
    try:
        pages = len(document)
        texts: list[str] = []
        blank: set[int] = set()
        length = 0
        for index in range(min(pages, MAX_PAGES)):
            page = document[index]
            try:
                if pdfium_c.FPDFPage_CountObjects(page) == 0:
                    blank.add(index + 1)
                textpage = page.get_textpage()
                try:
                    texts.append(_page_text(textpage))
                finally:
                    textpage.close()
            finally:
                page.close()
            length += len(texts[-1])
            if length > MAX_CHARS:
                break
        return texts, blank, pages
    finally:
        document.close()


HYPHEN_MARK = "\ufffe"
"""PDFium's mark for a hyphen it found at a line end (it drops the line break there)."""
_LINE_BREAK = re.compile(f"(\r\n|\r|\n|{HYPHEN_MARK})")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\ufeff\uffff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")

PARAGRAPH_GAP = 1.3
"""A gap between two lines this many times the page's usual line spacing starts a
paragraph: PDFium marks lines, not paragraphs."""

SUSPENDED_HYPHEN_WORDS = frozenset({"und", "oder", "bzw", "sowie", "bis", "als", "wie"})
"""After these, a hyphen at a line end is a German suspended hyphen ("Straßen- und
Wegebau"), not a word split across lines."""


def _page_text(textpage: pdfium.PdfTextPage) -> str:
    # get_text_range is limited to UCS-2, which covers every character of German text,
    # and its character indices let us ask PDFium where each line sits.
    raw = textpage.get_text_range()
    parts = _LINE_BREAK.split(raw)
    lines, breaks = parts[0::2], parts[1::2]
    heights: list[float | None] = []
    offset = 0
    for line, line_break in zip(lines, [*breaks, ""], strict=True):
        heights.append(_height(textpage, offset))
        offset += len(line) + len(line_break)
    gaps = [
        None if above is None or below is None else above - below
        for above, below in itertools.pairwise(heights)
    ]
    spacings = [gap for gap in gaps if gap is not None and gap > 0]
    usual = statistics.median(spacings) if spacings else None
    pieces = [_clean(lines[0])]
    for index, line_break in enumerate(breaks, start=1):
        line = _clean(lines[index])
        if line_break == HYPHEN_MARK:
            pieces.append(line if _joins(line) else f"-\n{line}")
            continue
        gap = gaps[index - 1]
        new_paragraph = usual is not None and gap is not None and gap > PARAGRAPH_GAP * usual
        pieces.append(("\n\n" if new_paragraph else "\n") + line)
    return re.sub(r"\n{3,}", "\n\n", "".join(pieces)).strip()


def _height(textpage: pdfium.PdfTextPage, text_index: int) -> float | None:
    """How high on the page the character at ``text_index`` sits (None: unknown)."""
    char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
    if char_index < 0:
        return None
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(textpage, char_index, x, y):
        return None
    return float(y.value)


def _clean(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _joins(next_line: str) -> bool:
    """Whether a hyphen before ``next_line`` splits a word ("Bebauungs-|plan")."""
    if not next_line[:1].islower():
        return False
    first_word = re.split(r"[\s.,;:]", next_line, maxsplit=1)[0]
    return first_word not in SUSPENDED_HYPHEN_WORDS


def _cut(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters, not inside a word."""
    cut = text[:limit]
    if not text[limit].isspace() and re.search(r"\s", cut):
        cut = cut.rsplit(maxsplit=1)[0]
    return cut.rstrip()


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")
