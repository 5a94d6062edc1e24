"""Split a Pagefind bundle into what each of its pages contributes.

Pagefind indexes a batch of pages into one bundle; ``search.pagefind_assembly`` puts the
bundles of a shard back together from per-page parts, so a page is indexed once and kept
(``publish.search_cache``) until its search input changes. What a page contributes:

- its fragment (URL, excerpt text, filters, metadata as JSON), named by a hash of it;
- its word count (the metadata's page list);
- its postings: per word, the positions (two CBOR arrays, kept as bytes) and per spelling
  with diacritics the positions of that spelling (the chunk's variants);
- its filter values (the filter files list pages per value);
- its sort values, which the bundle holds only as an order of pages: they are read from
  the page's search input (``sort_values``), and checked against Pagefind's order.

None of this depends on the other pages of the batch (checked in
``tests/test_pagefind_pages.py``: a bundle of A and B splits into the same parts as
bundles of A and of B), with one exception handled here: a word's positions in the
metadata are marked with the field's number in the run's sorted list of metadata fields,
and that list depends on which fields the run's pages have (``anlage_2`` only where a
resolution has two attachments). The parts keep the field's name instead
(``read_chunk`` with ``fields``); assembly numbers them for the shard's own list.
Diacritic variants are per page (each variant lists its own pages and positions).
Anything laid out otherwise raises ``UnknownFormat``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import marshal
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from generator.search.pagefind_bundle import Cbor, _array, _read, _text
from generator.search.pagefind_chunks import SIGNATURE, UnknownFormat, read_chunk

ENTRY = "pagefind-entry.json"
FORMAT = 2
"""Version of ``PageData.to_bytes``; a kept page of another format is indexed again."""

Variants = tuple[tuple[str, bytes], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PageData:
    """One page's part of a Pagefind bundle, independent of the other pages."""

    url: str
    fragment: bytes
    """Pagefind's fragment file as it wrote it (gzip of signature and JSON)."""
    fragment_hash: str
    """Pagefind's hash of the fragment's JSON (``pagefind_hash``): its file name."""
    word_count: int
    words: tuple[tuple[str, bytes, Variants], ...]
    """(word, positions or empty if only variants hold the page, variants), by word."""
    filters: tuple[tuple[str, tuple[str, ...]], ...]
    sorts: tuple[tuple[str, str], ...]
    meta_keys: tuple[str, ...]

    def to_bytes(self) -> bytes:
        return marshal.dumps(
            (
                FORMAT,
                self.url,
                self.fragment,
                self.fragment_hash,
                self.word_count,
                self.words,
                self.filters,
                self.sorts,
                self.meta_keys,
            )
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> PageData:
        """Raises UnknownFormat for anything ``to_bytes`` did not write."""
        try:
            value: Any = marshal.loads(data)
            version, url, fragment, fragment_hash, word_count, words, filters, sorts, meta_keys = (
                value
            )
        except (EOFError, ValueError, TypeError):
            raise UnknownFormat("gespeicherte Seitendaten unlesbar") from None
        if version != FORMAT or not isinstance(fragment, bytes) or not isinstance(url, str):
            raise UnknownFormat("gespeicherte Seitendaten in anderem Format")
        return cls(
            url=url,
            fragment=fragment,
            fragment_hash=fragment_hash,
            word_count=word_count,
            words=words,
            filters=filters,
            sorts=sorts,
            meta_keys=meta_keys,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PagefindFiles:
    """What every bundle of one Pagefind version shares."""

    version: str
    entry: dict[str, Any]
    """Pagefind's entry file as written by a run, its languages to be filled in."""
    scripts: tuple[tuple[str, bytes], ...]
    """(file name, content) of the script and WebAssembly files of the primary bundle."""


def shared_files(bundle: Path) -> PagefindFiles:
    """The files of ``bundle`` that every bundle of its Pagefind version shares."""
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    scripts = tuple(
        (path.name, path.read_bytes())
        for path in sorted(bundle.iterdir())
        if path.is_file() and not path.name.endswith((ENTRY, ".pf_meta"))
    )
    if not scripts or not isinstance(entry.get("version"), str):
        raise UnknownFormat("Pagefind-Bündel ohne Skripte oder Version")
    return PagefindFiles(version=entry["version"], entry=entry, scripts=scripts)


def pagefind_hash(data: bytes) -> str:
    """Pagefind's name for content: SHA-1, each byte in hex without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


_SORT_TAG = re.compile(r"<[a-zA-Z][^>]*\sdata-pagefind-sort=[^>]*>")
"""A start tag with sort keys (values are escaped, so ``>`` ends the tag)."""


class _SortReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        keys = attributes.get("data-pagefind-sort")
        if not keys:
            return
        for key in keys.split(","):
            name, _, rest = key.partition("[")
            if not rest.endswith("]"):
                raise UnknownFormat(f"Sortierschlüssel {key!r} nicht in der Form name[attribut]")
            self.values[name.strip()] = attributes.get(rest[:-1]) or ""


def sort_values(html: str) -> tuple[tuple[str, str], ...]:
    """The page's ``data-pagefind-sort`` values, as Pagefind reads them, by name."""
    reader = _SortReader()
    for tag in _SORT_TAG.findall(html):  # parsing the whole page took 0.2 s per 800
        reader.feed(tag)
    reader.close()
    return tuple(sorted(reader.values.items()))


def split_bundle(
    bundle: Path, sorts: Mapping[str, tuple[tuple[str, str], ...]]
) -> dict[str, PageData]:
    """URL → the page's part of ``bundle``; ``sorts`` are the pages' ``sort_values``."""
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    languages = entry.get("languages")
    if not isinstance(languages, dict) or len(languages) != 1:
        raise UnknownFormat("Pagefind-Bündel mit mehr als einer Sprache")
    (details,) = languages.values()
    meta = _read(bundle / f"pagefind.{details['hash']}.pf_meta")
    if len(meta) != 6 or meta[0] != entry.get("version"):
        raise UnknownFormat("Metadaten unerwartet aufgebaut")
    listed = _array(meta[1])
    fragments = [_fragment(bundle, _array(page)) for page in listed]
    urls = [url for url, _, _, _ in fragments]
    fields = [_text(field) for field in _array(meta[5])]
    main: list[dict[str, bytes]] = [{} for _ in listed]
    spellings: list[dict[str, list[tuple[str, bytes]]]] = [{} for _ in listed]
    try:
        for chunk in _array(meta[2]):
            name = _text(_array(chunk)[2])
            data = gzip.decompress((bundle / "index" / f"{name}.pf_index").read_bytes())
            for text, postings, variants in read_chunk(data, fields):
                for number, positions in postings:
                    main[number][text] = positions
                for form, variant_postings in variants:
                    for number, positions in variant_postings:
                        spellings[number].setdefault(text, []).append((form, positions))
    except IndexError:
        raise UnknownFormat("Index nennt eine unbekannte Seite") from None
    filters: list[dict[str, list[str]]] = [{} for _ in listed]
    for pair in _array(meta[3]):
        name = _text(_array(pair)[1])
        content = _read(bundle / "filter" / f"{name}.pf_filter")
        filter_name = _text(content[0])
        for item in _array(content[1]):
            value, pages = _array(item)
            for listed_number in _array(pages):
                filters[_page(_count(listed_number), urls)].setdefault(filter_name, []).append(
                    _text(value)
                )
    _check_sorts(_array(meta[4]), urls, sorts)
    return {
        url: PageData(
            url=url,
            fragment=fragment,
            fragment_hash=fragment_hash,
            word_count=_count(_array(listed[number])[1]),
            words=_page_words(main[number], spellings[number]),
            filters=tuple(
                (name, tuple(sorted(values))) for name, values in sorted(filters[number].items())
            ),
            sorts=sorts.get(url, ()),
            meta_keys=meta_keys,
        )
        for number, (url, fragment, fragment_hash, meta_keys) in enumerate(fragments)
    }


def _page_words(
    main: dict[str, bytes], spellings: dict[str, list[tuple[str, bytes]]]
) -> tuple[tuple[str, bytes, Variants], ...]:
    if not spellings:
        return tuple([(text, positions, ()) for text, positions in sorted(main.items())])
    return tuple(
        [
            (text, main.get(text, b""), tuple(sorted(spellings.get(text, ()))))
            for text in sorted(main.keys() | spellings.keys())
        ]
    )


def _fragment(bundle: Path, page: list[Cbor]) -> tuple[str, bytes, str, tuple[str, ...]]:
    """URL, file, full hash and metadata field names of a page's fragment."""
    name = _text(page[0])
    packed = (bundle / "fragment" / f"{name}.pf_fragment").read_bytes()
    raw = gzip.decompress(packed)
    if not raw.startswith(SIGNATURE):
        raise UnknownFormat(f"{name}: Kennung fehlt")
    _, _, short = name.partition("_")
    full_hash = pagefind_hash(raw.removeprefix(SIGNATURE))
    if not full_hash.startswith(short):
        raise UnknownFormat(f"{name}: Name passt nicht zum Inhalt")
    data = json.loads(raw.removeprefix(SIGNATURE))
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        raise UnknownFormat(f"{name}: Fragment ohne Adresse")
    return data["url"], packed, full_hash, tuple(sorted(data.get("meta", {})))


def _page(number: int, urls: list[str]) -> int:
    if not 0 <= number < len(urls):
        raise UnknownFormat("Index nennt eine unbekannte Seite")
    return number


def _count(value: Cbor) -> int:
    if not isinstance(value, int) or value < 0:
        raise UnknownFormat("Wortzahl erwartet")
    return value


def _check_sorts(
    listed: list[Cbor], urls: list[str], sorts: Mapping[str, tuple[tuple[str, str], ...]]
) -> None:
    """Pagefind's order of each sort must be the order of the values read from the input,
    else the values are not what Pagefind sorted by."""
    for item in listed:
        name, order = _text(_array(item)[0]), _array(_array(item)[1])
        found = [dict(sorts.get(urls[_page(_count(n), urls)], ())).get(name) for n in order]
        values = [value for value in found if value is not None]
        if len(values) != len(found) or len(values) != sum(name in dict(s) for s in sorts.values()):
            raise UnknownFormat(f"Sortierung {name}: andere Seiten als in der Sucheingabe")
        if values != sorted(values, key=sort_key(values)):
            raise UnknownFormat(f"Sortierung {name}: andere Reihenfolge als erwartet")


def sort_key(values: list[str]) -> Any:
    """How Pagefind orders one sort's values: as numbers if all are, else as text."""
    try:
        for value in values:
            float(value)
    except ValueError:
        return str
    return float
