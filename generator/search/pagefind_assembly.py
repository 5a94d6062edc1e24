"""A shard's Pagefind bundle, assembled from its pages' parts (``search.pagefind_pages``).

The bundle depends only on the set of pages, never on which Pagefind run indexed which
page or in what order: pages are numbered canonically (by their place in the first sort,
whose values are unique, see ``search.markup``; pages without one after them, by
fragment hash), words are sorted, index chunks are split by ``chunk_words``, and every
file is named after a hash of its content. So a build that indexes one edited page and
one that indexes all of them write the same bytes.

Pagefind's own files (script, WebAssembly, the entry's fixed fields) come from a Pagefind
run of the same version (``PagefindFiles``); only the primary bundle carries the scripts.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence

from generator.search.pagefind_bundle import Cbor, _compress, _pack
from generator.search.pagefind_chunks import Postings, Word, write_chunk
from generator.search.pagefind_pages import PageData, PagefindFiles, sort_key

LANGUAGE = "de"
CHUNK_BYTES = 6600
"""Bytes of postings per index chunk before a new one starts (a word is never split).
Chosen to match Pagefind's own rule at ``PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`` 2,000
positions (``search.index``): at 2,000 synthetic resolutions 566 chunks against
Pagefind's 529, and what a one-word query loads (``benchmarks/search_payload.py``) within
0.2 % of it either way. Larger chunks make each query load more index, smaller ones make
every shard's metadata (which lists the chunks) larger."""
SHORT_HASH = 7


def assemble(
    pages: Iterable[PageData], files: PagefindFiles, *, primary: bool
) -> list[tuple[str, bytes]]:
    """(path in the bundle, content) of every file of the bundle of ``pages``."""
    ordered = _canonical_order(list(pages))
    names = _fragment_names(ordered)
    out: list[tuple[str, bytes]] = []
    for page, name in zip(ordered, names, strict=True):
        out.append((f"fragment/{name}.pf_fragment", page.fragment))
    fields = sorted({key for page in ordered for key in page.meta_keys})
    chunks: list[Cbor] = []
    taken: set[str] = set()
    words, sizes = _words(ordered)
    memo: dict[bytes, bytes] = {}
    for chunk in chunk_words(words, sizes):
        raw = write_chunk(chunk, fields, memo)
        packed, digest = _compress(raw)
        name = _unique(f"{LANGUAGE}_", digest, taken)
        out.append((f"index/{name}.pf_index", packed))
        chunks.append([chunk[0][0], chunk[-1][0], name])
    _shorten_bounds(chunks)
    filters: list[Cbor] = []
    for filter_name, values in _filters(ordered):
        packed, digest = _pack([filter_name, values])
        name = _unique(f"{LANGUAGE}_", digest, taken)
        out.append((f"filter/{name}.pf_filter", packed))
        filters.append([filter_name, name])
    meta: list[Cbor] = [
        files.version,
        [[name, page.word_count] for page, name in zip(ordered, names, strict=True)],
        chunks,
        filters,
        _sorts(ordered),
        list(fields),
    ]
    packed, digest = _pack(meta)
    meta_hash = f"{LANGUAGE}_{digest[:10]}"
    out.append((f"pagefind.{meta_hash}.pf_meta", packed))
    entry = json.loads(json.dumps(files.entry))
    entry["languages"] = {
        LANGUAGE: {"hash": meta_hash, "wasm": LANGUAGE, "page_count": len(ordered)}
    }
    out.append(
        (
            "pagefind-entry.json",
            json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode(),
        )
    )
    if primary:
        out.extend(files.scripts)
    return out


def _canonical_order(pages: list[PageData]) -> list[PageData]:
    names = sorted({name for page in pages for name, _ in page.sorts})
    hashes = {page.url: page.fragment_hash for page in pages}
    if not names:
        return sorted(pages, key=lambda page: hashes[page.url])
    first = names[0]
    values = {page.url: dict(page.sorts).get(first) for page in pages}
    convert = sort_key([value for value in values.values() if value is not None])
    with_value = sorted(
        (page for page in pages if values[page.url] is not None),
        key=lambda page: (convert(values[page.url]), hashes[page.url]),
    )
    without = sorted(
        (page for page in pages if values[page.url] is None), key=lambda p: hashes[p.url]
    )
    return with_value + without


def _fragment_names(pages: Sequence[PageData]) -> list[str]:
    """Pagefind's short names (seven hex digits), longer where two pages would share one,
    decided on the whole set so that it does not depend on the order found."""
    hashes = [page.fragment_hash for page in pages]
    length = dict.fromkeys(hashes, SHORT_HASH)
    while True:
        seen: dict[str, list[str]] = {}
        for full in set(hashes):
            seen.setdefault(full[: length[full]], []).append(full)
        clashes = [group for group in seen.values() if len(group) > 1]
        if not clashes:
            return [f"{LANGUAGE}_{full[: length[full]]}" for full in hashes]
        for group in clashes:
            for full in group:
                length[full] += 1


def _unique(prefix: str, digest: str, taken: set[str]) -> str:
    length = SHORT_HASH
    while f"{prefix}{digest[:length]}" in taken:
        length += 1
    taken.add(f"{prefix}{digest[:length]}")
    return f"{prefix}{digest[:length]}"


def _words(pages: Sequence[PageData]) -> tuple[list[Word], list[int]]:
    """The pages' words, sorted, and the bytes of each word's postings."""
    main: dict[str, Postings] = {}
    variants: dict[str, dict[str, Postings]] = {}
    size: dict[str, int] = {}
    for number, page in enumerate(pages):
        for text, positions, forms in page.words:
            postings = main.get(text)
            if postings is None:
                main[text] = postings = []
                size[text] = 0
            if positions:
                postings.append((number, positions))
                size[text] += len(positions) + 2
            if forms:
                by_form = variants.setdefault(text, {})
                for form, form_positions in forms:
                    by_form.setdefault(form, []).append((number, form_positions))
                    size[text] += len(form_positions) + 2
    ordered = sorted(main)
    return (
        [(text, main[text], sorted(variants.get(text, {}).items())) for text in ordered],
        [size[text] for text in ordered],
    )


def chunk_words(words: Sequence[Word], sizes: Sequence[int]) -> list[list[Word]]:
    """Consecutive runs of ``words``, each closed once it holds ``CHUNK_BYTES`` of
    postings (``sizes``, per word): a rule on the words alone, like Pagefind's, so the
    same words always give the same chunks."""
    chunks: list[list[Word]] = []
    current: list[Word] = []
    total = 0
    for word, size in zip(words, sizes, strict=True):
        current.append(word)
        total += size
        if total >= CHUNK_BYTES:
            chunks.append(current)
            current, total = [], 0
    if current:
        chunks.append(current)
    return chunks


def _shorten_bounds(chunks: list[Cbor]) -> None:
    """Where one chunk ends and the next begins, each bound is cut to one character past
    the two words' common prefix, as Pagefind does: the search finds a word's chunk (and
    a prefix's chunks) by comparing with these bounds."""
    for before, after in itertools.pairwise(chunks):
        assert isinstance(before, list) and isinstance(after, list)
        last, first = str(before[1]), str(after[0])
        common = 0
        while common < min(len(last), len(first)) and last[common] == first[common]:
            common += 1
        before[1], after[0] = last[: common + 1], first[: common + 1]


def _filters(pages: Sequence[PageData]) -> list[tuple[str, list[Cbor]]]:
    found: dict[str, dict[str, list[Cbor]]] = {}
    for number, page in enumerate(pages):
        for name, values in page.filters:
            for value in values:
                found.setdefault(name, {}).setdefault(value, []).append(number)
    return [
        (name, [[value, numbers] for value, numbers in sorted(values.items())])
        for name, values in sorted(found.items())
    ]


def _sorts(pages: Sequence[PageData]) -> list[Cbor]:
    by_name: dict[str, list[tuple[str, int]]] = {}
    for number, page in enumerate(pages):
        for name, value in page.sorts:
            by_name.setdefault(name, []).append((value, number))
    result: list[Cbor] = []
    for name, entries in sorted(by_name.items()):
        convert = sort_key([value for value, _ in entries])
        result.append([name, [n for _, n in sorted(entries, key=lambda e: (convert(e[0]), e[1]))]])
    return result
