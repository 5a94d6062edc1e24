"""Pagefind's bundle does not depend on the order in which Pagefind found the pages.

Pagefind numbers pages in the file system's order. Instead of hoping for one order, these
tests renumber a real bundle at random (as another walk order would) and check that the
search data means the same, and that canonicalising gives back the very same bytes.
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from generator.publish import site_writer
from generator.search import pagefind_bundle
from generator.search.index import make_reproducible
from generator.search.pagefind_bundle import Cbor, _decode, _read, canonical_changes
from generator.search.pagefind_chunks import SIGNATURE, UnknownFormat, renumber_chunk
from tests.conftest import DEMO_CONTENT, REPOSITORY


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def built_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("bundle")
    options = BuildOptions(
        content_root=DEMO_CONTENT,
        base_config=REPOSITORY / "mkdocs.yml",
        build_dir=base / ".build",
        site_dir=base / "site",
    )
    build(options)
    return options.site_dir / "pagefind"


def _meta(bundle: Path) -> list[Cbor]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return _read(bundle / f"pagefind.{entry['languages']['de']['hash']}.pf_meta")


def _urls(bundle: Path, meta: list[Cbor]) -> list[str]:
    urls = []
    for page in meta[1]:
        assert isinstance(page, list) and isinstance(page[0], str)
        raw = gzip.decompress((bundle / "fragment" / f"{page[0]}.pf_fragment").read_bytes())
        urls.append(json.loads(raw.removeprefix(SIGNATURE))["url"])
    return urls


def _pages(entries: Cbor, urls: list[str]) -> dict[str, Cbor]:
    """URL → positions of a delta-coded page list."""
    found: dict[str, Cbor] = {}
    number = 0
    assert isinstance(entries, list)
    for entry in entries:
        assert isinstance(entry, list) and isinstance(entry[0], int)
        number += entry[0]
        found[urls[number]] = entry[1:]
    return found


def meaning(bundle: Path) -> dict[str, object]:
    """What a search can find, with pages named by URL instead of number."""
    meta = _meta(bundle)
    urls = _urls(bundle, meta)
    words: dict[str, object] = {}
    for chunk in meta[2]:
        assert isinstance(chunk, list) and isinstance(chunk[2], str)
        raw = gzip.decompress((bundle / "index" / f"{chunk[2]}.pf_index").read_bytes())
        value, _ = _decode(raw, len(SIGNATURE))
        assert isinstance(value, list) and isinstance(value[0], list)
        for word in value[0]:
            assert isinstance(word, list) and isinstance(word[0], str)
            variants = word[2]
            assert isinstance(variants, list)
            words[word[0]] = (
                _pages(word[1], urls),
                {str(v[0]): _pages(v[1], urls) for v in variants if isinstance(v, list)},
            )
    filters: dict[str, object] = {}
    for name, file_hash in meta[3]:  # type: ignore[misc]
        content = _read(bundle / "filter" / f"{file_hash}.pf_filter")
        filters[str(name)] = {
            str(value): sorted(urls[n] for n in pages)  # type: ignore[index, union-attr]
            for value, pages in content[1]  # type: ignore[misc, union-attr]
        }
    sorts = {str(name): [urls[n] for n in pages] for name, pages in meta[4]}  # type: ignore[misc]
    counts = sorted((url, page[1]) for url, page in zip(urls, meta[1], strict=True))  # type: ignore[index]
    return {"words": words, "filters": filters, "sorts": sorts, "pages": counts}


def renumber_at_random(bundle: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Give the bundle's pages other numbers, as Pagefind would after another walk."""

    def shuffled(pages: list[Cbor], sorts: list[list[Cbor]]) -> list[int]:
        order = list(range(len(pages)))
        random.Random(seed).shuffle(order)
        return order

    with monkeypatch.context() as patch:
        patch.setattr(pagefind_bundle, "_canonical_order", shuffled)
        changes = canonical_changes(bundle)
    site_writer.apply_changes(changes.write, changes.remove)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_bundle_numbered_in_another_order_canonicalises_to_the_same_bytes(
    built_bundle: Path, tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    canonical = snapshot(built_bundle)
    other = tmp_path / "pagefind"
    shutil.copytree(built_bundle, other)
    renumber_at_random(other, seed, monkeypatch)
    assert _urls(other, _meta(other)) != _urls(built_bundle, _meta(built_bundle))
    assert snapshot(other) != canonical
    # Renumbered, the bundle still finds every word, filter value and sort on the same
    # pages, at the same positions.
    assert meaning(other) == meaning(built_bundle)
    assert make_reproducible(other)
    assert snapshot(other) == canonical


def test_pages_are_numbered_by_date_and_words_list_them_in_order(built_bundle: Path) -> None:
    meta = _meta(built_bundle)
    (name, date_order), *_ = meta[4]  # type: ignore[misc]
    assert name == "date"
    assert date_order == list(range(len(date_order)))  # the date sort is the numbering
    words = meaning(built_bundle)["words"]
    assert isinstance(words, dict) and len(words) > 500
    for chunk in meta[2]:
        raw = gzip.decompress((built_bundle / "index" / f"{chunk[2]}.pf_index").read_bytes())  # type: ignore[index]
        value, _ = _decode(raw, len(SIGNATURE))
        for word in value[0]:  # type: ignore[index, union-attr]
            deltas = [page[0] for page in word[1]]  # type: ignore[index, union-attr]
            assert all(delta > 0 for delta in deltas[1:])  # ascending, no page twice


def test_renumbering_a_chunk_with_an_unknown_layout_is_refused() -> None:
    with pytest.raises(UnknownFormat):
        renumber_chunk(b"pagefind_dcd\x81\x81\x83\x61a\x81\x84\x00\x80\x80\x00\x80", [0])
    with pytest.raises(UnknownFormat):  # a page number the bundle does not have
        renumber_chunk(b"pagefind_dcd\x81\x81\x83\x61a\x81\x83\x05\x80\x80\x80", [0])
    renamed = renumber_chunk(
        b"pagefind_dcd\x81\x81\x83\x61a\x82\x83\x00\x80\x80\x83\x01\x81\x20\x80\x80", [1, 0]
    )
    # Page 0 (no positions) and page 1 (position -1) swap: page 0 now has the position.
    assert renamed == b"pagefind_dcd\x81\x81\x83\x61a\x82\x83\x00\x81\x20\x80\x83\x01\x80\x80\x80"
