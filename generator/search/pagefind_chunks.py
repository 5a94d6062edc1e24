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
from collections.abc import Sequence

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
