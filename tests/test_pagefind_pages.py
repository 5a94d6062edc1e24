"""A search bundle assembled from per-page parts means what Pagefind's own bundle means.

The pages are small but carry what the archive's pages carry: diacritics (Pagefind keeps
the spellings as variants of the plain word), filters, metadata and a sort key.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build import SEARCH_CACHE, SEARCH_PAGES_CACHE, BuildOptions, build
from generator.publish import build_state, search_cache
from generator.publish.search_cache import PageDataCache
from generator.runtime.timings import StageTimings
from generator.search.index import (
    SearchIndexError,
    make_reproducible,
    pagefind_command,
    pagefind_environment,
)
from generator.search.pagefind_assembly import (
    CHUNK_BYTES,
    _shorten_bounds,
    assemble,
    chunk_words,
)
from generator.search.pagefind_bundle import Cbor, _read
from generator.search.pagefind_chunks import UnknownFormat, Word, read_chunk
from generator.search.pagefind_pages import PageData, shared_files, sort_values, split_bundle
from tests.conftest import DEMO_CONTENT, REPOSITORY

PAGES = {
    "/a/": ("Haushalt über alles", "Rat", "2020", "2020-01-02 a", "Der Haushalt. Uber über café"),
    "/b/": ("Schule bauen", "Bau", "2021", "2021-03-02 b", "Die Schule. Über uber Café cafe"),
    "/c/": ("Straße neu", "Bau", "2020", "2020-05-06 c", "Straße Strasse Zuständigkeit"),
    "/d/": ("Zuständig", "Rat", "2022", "2022-01-01 d", "zuständig zuständigen Haushalte"),
}


def page_html(url: str) -> str:
    title, committee, year, date, text = PAGES[url]
    # A metadata field only some pages have shifts the others' field numbers in a run.
    extra = (",anlage[data-e]", ' data-e="Plan Straße"') if url == "/c/" else ("", "")
    data = (
        '<div hidden data-pagefind-filter="Gremium[data-a],Jahr[data-b]" '
        f'data-pagefind-meta="title[data-c],committee[data-a]{extra[0]}" '
        f'data-pagefind-sort="date[data-d]" data-a="{committee}" data-b="{year}" '
        f'data-c="{title}" data-d="{date}"{extra[1]}></div>'
    )
    return (
        f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article data-pagefind-body><h1>{title}</h1>{data}<p>{text}</p>"
        "</article></body></html>\n"
    )


def index(tmp_path: Path, name: str, urls: list[str]) -> Path:
    site = tmp_path / name / "site"
    for url in urls:
        path = site / url.strip("/") / "index.html"
        path.parent.mkdir(parents=True)
        path.write_text(page_html(url), encoding="utf-8")
    bundle = tmp_path / name / "bundle"
    subprocess.run(pagefind_command(site, bundle), env=pagefind_environment(), check=True)
    return bundle


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def parts(bundle: Path, urls: list[str]) -> dict[str, PageData]:
    return split_bundle(bundle, {url: sort_values(page_html(url)) for url in urls})


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("pagefind")
    urls = sorted(PAGES)
    return {
        "all": index(base, "all", urls),
        "first": index(base, "first", urls[:2]),
        "second": index(base, "second", urls[2:]),
    }


def test_a_pages_part_does_not_depend_on_the_other_pages_of_the_run(
    bundles: dict[str, Path],
) -> None:
    urls = sorted(PAGES)
    together = parts(bundles["all"], urls)
    apart = {**parts(bundles["first"], urls[:2]), **parts(bundles["second"], urls[2:])}
    assert together == apart
    page = together["/b/"]
    assert dict(page.sorts) == {"date": "2021-03-02 b"}
    assert dict(page.filters) == {"Gremium": ("Bau",), "Jahr": ("2021",)}
    words = {text: (positions, variants) for text, positions, variants in page.words}
    assert [form for form, _ in words["uber"][1]] == ["über"]  # a spelling is a variant
    assert words["caf"][0] and [form for form, _ in words["caf"][1]] == ["café"]


def decoded(bundle: Path) -> tuple[list[Cbor], list[Word], list[list[Cbor]]]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _read(bundle / f"pagefind.{entry['languages']['de']['hash']}.pf_meta")
    chunks = meta[2]
    assert isinstance(chunks, list)
    words = [
        word
        for chunk in chunks
        for word in read_chunk(
            gzip.decompress((bundle / "index" / f"{chunk[2]!s}.pf_index").read_bytes())  # type: ignore[index]
        )
    ]
    filters = meta[3]
    assert isinstance(filters, list)
    return meta, words, [_read(bundle / "filter" / f"{f[1]!s}.pf_filter") for f in filters]  # type: ignore[index]


def test_the_assembled_bundle_holds_what_pagefinds_own_holds(
    bundles: dict[str, Path], tmp_path: Path
) -> None:
    urls = sorted(PAGES)
    pieces = [
        *parts(bundles["first"], urls[:2]).values(),
        *parts(bundles["second"], urls[2:]).values(),
    ]
    ours = tmp_path / "ours"
    for path, content in assemble(pieces, shared_files(bundles["first"]), primary=True):
        (ours / path).parent.mkdir(parents=True, exist_ok=True)
        (ours / path).write_bytes(content)
    theirs = tmp_path / "theirs"
    shutil.copytree(bundles["all"], theirs)
    assert make_reproducible(theirs)  # Pagefind's bundle in the same canonical page order
    meta, words, filters = decoded(ours)
    their_meta, their_words, their_filters = decoded(theirs)
    assert meta[1] == their_meta[1]  # pages (fragment names, word counts) in one order
    assert meta[4:] == their_meta[4:]  # sorts, metadata keys
    assert filters == their_filters
    # Pagefind lists a word's variants in the order it met them; ours are sorted.
    assert words == [(text, pages, sorted(variants)) for text, pages, variants in their_words]
    assert (ours / "pagefind.js").read_bytes() == (theirs / "pagefind.js").read_bytes()
    # Assembled again from the parts in another order: the very same files.
    again = assemble(reversed(pieces), shared_files(bundles["second"]), primary=True)
    assert {path: (ours / path).read_bytes() for path, _ in again} == dict(again)


def test_chunks_close_at_a_size_and_their_bounds_are_shortest_prefixes() -> None:
    texts = ("apfel", "apfelbaum", "apfelbaumblüte", "birne")
    words: list[Word] = [(text, [(0, b"\x81\x01\x80")], []) for text in texts]
    half = CHUNK_BYTES // 2
    chunks = chunk_words(words, [half, CHUNK_BYTES, half, 1])
    assert [[word[0] for word in chunk] for chunk in chunks] == [
        ["apfel", "apfelbaum"],  # closed once it holds CHUNK_BYTES
        ["apfelbaumblüte", "birne"],
    ]
    bounds: list[Cbor] = [[chunk[0][0], chunk[-1][0], "h"] for chunk in chunks]
    _shorten_bounds(bounds)
    assert bounds == [["apfel", "apfelbaum", "h"], ["apfelbaumb", "birne", "h"]]


def test_a_bundle_of_another_layout_fails_loudly(bundles: dict[str, Path], tmp_path: Path) -> None:
    bundle = tmp_path / "other"
    shutil.copytree(bundles["first"], bundle)
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    entry["version"] = "2.0.0"  # the metadata still says 1.5: not what we know
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    with pytest.raises(UnknownFormat):
        parts(bundle, sorted(PAGES)[:2])
    chunk = next((bundles["first"] / "index").iterdir())
    (bundle / "index" / chunk.name).write_bytes(gzip.compress(b"pagefind_dcd\x81\x81\x84"))
    entry_path.write_text(json.dumps({**entry, "version": "1.5.2"}), encoding="utf-8")
    with pytest.raises(UnknownFormat):
        parts(bundle, sorted(PAGES)[:2])


def test_the_build_refuses_a_bundle_it_cannot_split(
    bundles: dict[str, Path], tmp_path: Path
) -> None:
    from generator.publish.search_cache import SearchCache
    from generator.search.bundles import SearchBundles

    search = SearchBundles(
        PageDataCache(tmp_path / "seiten", "salz"),
        SearchCache(tmp_path / "teile", "salz"),
        tmp_path / "eingabe",
        tmp_path / "arbeit",
    )
    bundle = tmp_path / "arbeit" / "stapel-1"
    shutil.copytree(bundles["first"], bundle)
    (bundle / "pagefind-entry.json").write_text('{"version": "9", "languages": {}}')
    search._batch_keys[bundle] = {"/a/": "x", "/b/": "y"}
    with pytest.raises(SearchIndexError, match="Aufbau dieses Programm nicht kennt"):
        search._split(bundle)


def test_kept_page_data_that_does_not_load_counts_as_absent(
    bundles: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = PageDataCache(tmp_path, "salz")
    page = parts(bundles["first"], sorted(PAGES)[:2])["/a/"]
    key = cache.key(page_html("/a/").encode())
    cache.keep(key, page)
    assert cache.load(key) == page
    path = next((tmp_path / "seiten").rglob(key))
    path.write_bytes(path.read_bytes()[:-20])
    assert cache.load(key) is None
    path.unlink()
    assert cache.load(key) is None
    monkeypatch.setattr(search_cache, "pagefind_version", lambda: "1.6.0")
    assert PageDataCache(tmp_path, "salz").key(page_html("/a/").encode()) != key


def test_lost_or_corrupt_kept_page_data_is_indexed_again(tmp_path: Path) -> None:
    options = BuildOptions(
        content_root=DEMO_CONTENT,
        base_config=REPOSITORY / "mkdocs.yml",
        build_dir=tmp_path / ".build",
        site_dir=tmp_path / "site",
        search_shard_pages=3,
    )
    build(options)
    before = snapshot(options.site_dir)
    cache = options.build_dir / build_state.CACHE_DIR
    kept = sorted((cache / SEARCH_PAGES_CACHE / "seiten").rglob("*"))
    kept = [path for path in kept if path.is_file()]
    kept[0].write_bytes(kept[0].read_bytes()[:100])
    kept[1].unlink()
    for bundle in (cache / SEARCH_CACHE).iterdir():  # a file of every kept bundle lost:
        if bundle.is_dir():  # every shard is assembled again
            next(path for path in sorted(bundle.rglob("*")) if path.is_file()).unlink()
    timings = StageTimings()
    build(options, timings)
    assert timings.stages["pagefind"]["pages_indexed"] == 2
    assert snapshot(options.site_dir) == before
