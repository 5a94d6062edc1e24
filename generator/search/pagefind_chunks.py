"""Renumber the pages of a Pagefind index chunk (``index/<hash>.pf_index``).

Pagefind numbers a bundle's pages in the order it walks the site folder, and that order is
the file system's: on tmpfs the reverse order in which the files were created, on ext4 an
order of name hashes. So two builds of the same pages can number them differently, and
every index chunk (which lists, per word, the pages that contain it) differs too.
``pagefind_bundle`` gives the pages a canonical order; this module rewrites a chunk for it.

A chunk is gzip of the signature ``pagefind_dcd`` and the CBOR value
``[[word, …]]``, where each word is ``[text, pages, variants]``, each variant (a spelling
with diacritics) is ``[form, pages]``, and each page is ``[number, positions,
meta_positions]``. Page numbers within a list are ascending and delta-coded (each number is
the distance to the previous one); positions are arrays of integers, left untouched.

Chunks hold most of a bundle's bytes (millions of integers at 10,000 resolutions), so the
positions are skipped with one regular-expression match per page instead of being decoded
integer by integer. Anything not laid out exactly so raises ``UnknownFormat``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

SIGNATURE = b"pagefind_dcd"


class UnknownFormat(Exception):
    """The bundle is not laid out as this module expects; leave it alone."""


_UNSIGNED = rb"(?:[\x00-\x17]|\x18.|\x19..|\x1a....)"
_INTEGER = rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38].|[\x19\x39]..|[\x1a\x3a]....)"
_ARRAY = rb"(?:[\x80-\x97]|\x98.|\x99..)"
_PAGE = re.compile(
    rb"\x83(" + _UNSIGNED + rb")(" + _ARRAY + _INTEGER + rb"*" + _ARRAY + _INTEGER + rb"*)",
    re.DOTALL,
)
"""One page entry: its (delta-coded) number, then both position arrays as they stand."""

_SMALL = 1 << 16
_PAGE_HEADS = [b"\x83" + bytes([n]) for n in range(24)] + [
    b"\x83" + (bytes([0x18, n]) if n < 256 else b"\x19" + n.to_bytes(2, "big"))
    for n in range(24, _SMALL)
]
"""``[number, …`` for every delta below 65,536: no head is computed per page."""


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """Major type, argument and the offset after a CBOR head."""
    try:
        first = data[at]
    except IndexError:
        raise UnknownFormat("Indexteil endet vorzeitig") from None
    major, info = first >> 5, first & 0x1F
    if info < 24:
        return major, info, at + 1
    if 24 <= info <= 26:
        end = at + 1 + (1 << (info - 24))
        return major, int.from_bytes(data[at + 1 : end], "big"), end
    raise UnknownFormat(f"CBOR-Zusatzinformation {info}")


def head(major: int, argument: int) -> bytes:
    """The shortest CBOR head, as Pagefind writes it."""
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise UnknownFormat("Zahl zu groß")


def _expect(data: bytes, at: int, major: int, length: int | None = None) -> tuple[int, int]:
    found, argument, at = _head(data, at)
    if found != major or (length is not None and argument != length):
        raise UnknownFormat("Indexteil unerwartet aufgebaut")
    return argument, at


def _pages(data: bytes, at: int, new_number: Sequence[int], out: list[bytes]) -> int:
    count, at = _expect(data, at, 4)
    entries: list[tuple[int, bytes]] = []
    number = 0
    match, append = _PAGE.match, entries.append
    try:
        for _ in range(count):
            found = match(data, at)
            if found is None:
                raise UnknownFormat("Seiteneintrag unerwartet aufgebaut")
            delta, positions = found.groups()
            number += delta[0] if len(delta) == 1 else int.from_bytes(delta[1:], "big")
            append((new_number[number], positions))
            at = found.end()
    except IndexError:
        raise UnknownFormat(f"Seite {number} gibt es nicht") from None
    entries.sort()
    out.append(head(4, count))
    previous = 0
    for number, positions in entries:
        delta = number - previous
        out.append(_PAGE_HEADS[delta] if delta < _SMALL else b"\x83" + head(0, delta))
        out.append(positions)
        previous = number
    return at


def _text(data: bytes, at: int) -> int:
    length, at = _expect(data, at, 3)
    return at + length


def renumber_chunk(data: bytes, new_number: Sequence[int]) -> bytes:
    """The uncompressed chunk ``data`` with page ``n`` renamed ``new_number[n]``."""
    if not data.startswith(SIGNATURE):
        raise UnknownFormat("Indexteil ohne Kennung")
    at = len(SIGNATURE)
    _, at = _expect(data, at, 4, 1)
    words, at = _expect(data, at, 4)
    out = [SIGNATURE, b"\x81", head(4, words)]
    for _ in range(words):
        start = at
        _, at = _expect(data, at, 4, 3)
        at = _text(data, at)
        out.append(data[start:at])
        at = _pages(data, at, new_number, out)
        variants, at = _expect(data, at, 4)
        out.append(head(4, variants))
        for _ in range(variants):
            start = at
            _, at = _expect(data, at, 4, 2)
            at = _text(data, at)
            out.append(data[start:at])
            at = _pages(data, at, new_number, out)
    if at != len(data):
        raise UnknownFormat("Indexteil mit unerwartetem Rest")
    return b"".join(out)


# --- Whole chunks as words, for assembling a bundle from per-page data -------------------

Postings = list[tuple[int, bytes]]
"""A word's pages: (page number, its two position arrays as CBOR bytes), ascending."""

_PAGE_PARTS = re.compile(
    rb"\x83(" + _UNSIGNED + rb")(" + _ARRAY + _INTEGER + rb"*)(" + _ARRAY + _INTEGER + rb"*)",
    re.DOTALL,
)
NAMED = b"\xff"
"""Marks positions whose metadata fields are named (``read_chunk`` with ``fields``)."""
Word = tuple[str, Postings, list[tuple[str, Postings]]]
"""A word of a chunk: its text, its pages and its variants (spellings with diacritics)."""


def _read_postings(data: bytes, at: int, fields: Sequence[str] | None) -> tuple[Postings, int]:
    count, at = _expect(data, at, 4)
    postings: Postings = []
    number = 0
    for _ in range(count):
        found = _PAGE_PARTS.match(data, at)
        if found is None:
            raise UnknownFormat("Seiteneintrag unerwartet aufgebaut")
        delta, positions, meta = found.groups()
        number += delta[0] if len(delta) == 1 else int.from_bytes(delta[1:], "big")
        if meta == b"\x80" or fields is None:
            postings.append((number, positions + meta))
        else:
            postings.append((number, NAMED + positions + _named(meta, fields)))
        at = found.end()
    return postings, at


def _read_text(data: bytes, at: int) -> tuple[str, int]:
    length, start = _expect(data, at, 3)
    try:
        return data[start : start + length].decode("utf-8"), start + length
    except UnicodeDecodeError:
        raise UnknownFormat("Wort nicht lesbar") from None


def _named(meta: bytes, fields: Sequence[str]) -> bytes:
    """Metadata positions with each field marker (``-1 - i`` for the run's ``i``-th
    metadata field, in the metadata's sorted list of field names) as the field's name: the
    list depends on which pages a run indexed, the name does not."""
    count, at = _expect(meta, 0, 4)
    out = [head(4, count)]
    for _ in range(count):
        major, argument, at = _head(meta, at)
        if major == 0:
            out.append(head(0, argument))
        elif major == 1 and argument < len(fields):
            raw = fields[argument].encode("utf-8")
            out += [head(3, len(raw)), raw]
        else:
            raise UnknownFormat("Metadatenposition unerwartet")
    if at != len(meta):
        raise UnknownFormat("Metadatenpositionen mit Rest")
    return b"".join(out)


def _numbered(positions: bytes, index: Mapping[str, int]) -> bytes:
    """``_named`` undone for the bundle's own list of fields (``index``: name → place)."""
    content_end = _array_end(positions, 1)
    out = [positions[1:content_end]]
    count, at = _expect(positions, content_end, 4)
    out.append(head(4, count))
    for _ in range(count):
        major, argument, at = _head(positions, at)
        if major == 0:
            out.append(head(0, argument))
        else:
            out.append(head(1, index[positions[at : at + argument].decode("utf-8")]))
            at += argument
    return b"".join(out)


def _array_end(data: bytes, at: int) -> int:
    count, at = _expect(data, at, 4)
    for _ in range(count):
        _, _, at = _head(data, at)
    return at


def read_chunk(data: bytes, fields: Sequence[str] | None = None) -> list[Word]:
    """The words of the uncompressed chunk ``data``, page numbers as in the chunk; with
    ``fields`` (the bundle's metadata field names), metadata positions name their field."""
    if not data.startswith(SIGNATURE):
        raise UnknownFormat("Indexteil ohne Kennung")
    at = len(SIGNATURE)
    _, at = _expect(data, at, 4, 1)
    count, at = _expect(data, at, 4)
    words: list[Word] = []
    for _ in range(count):
        _, at = _expect(data, at, 4, 3)
        text, at = _read_text(data, at)
        postings, at = _read_postings(data, at, fields)
        variants: list[tuple[str, Postings]] = []
        variant_count, at = _expect(data, at, 4)
        for _ in range(variant_count):
            _, at = _expect(data, at, 4, 2)
            form, at = _read_text(data, at)
            variant_postings, at = _read_postings(data, at, fields)
            variants.append((form, variant_postings))
        words.append((text, postings, variants))
    if at != len(data):
        raise UnknownFormat("Indexteil mit unerwartetem Rest")
    return words


def _write_postings(
    postings: Postings, index: Mapping[str, int], memo: dict[bytes, bytes], out: list[bytes]
) -> None:
    out.append(head(4, len(postings)))
    previous = 0
    for number, positions in postings:
        delta = number - previous
        out.append(_PAGE_HEADS[delta] if delta < _SMALL else b"\x83" + head(0, delta))
        if positions[:1] == NAMED:
            numbered = memo.get(positions)
            if numbered is None:
                memo[positions] = numbered = _numbered(positions, index)
            positions = numbered
        out.append(positions)
        previous = number


def _write_text(text: str, out: list[bytes]) -> None:
    raw = text.encode("utf-8")
    out.append(head(3, len(raw)))
    out.append(raw)


def write_chunk(
    words: Sequence[Word], fields: Sequence[str], memo: dict[bytes, bytes] | None = None
) -> bytes:
    """The uncompressed chunk holding ``words`` (in their order, pages ascending), named
    metadata fields numbered by their place in ``fields``. ``memo`` keeps numbered
    positions between calls with the same ``fields`` (most repeat, e.g. a title's)."""
    memo = {} if memo is None else memo
    index = {name: place for place, name in enumerate(fields)}
    out = [SIGNATURE, b"\x81", head(4, len(words))]
    for text, postings, variants in words:
        out.append(b"\x83")
        _write_text(text, out)
        _write_postings(postings, index, memo, out)
        out.append(head(4, len(variants)))
        for form, variant_postings in variants:
            out.append(b"\x82")
            _write_text(form, out)
            _write_postings(variant_postings, index, memo, out)
    return b"".join(out)
