"""Which search shards the build indexes again, and their input: the shards whose key
(``search_cache``) is kept are not indexed, and their input is not even made.

A resolution page taken from the page cache comes without its content
(``SearchRecord.kept``): its part of a shard's key and of the vocabulary come from the
``SearchSummary``, and the page is read again only if its shard is indexed again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from generator.publish.page_cache import PageCache
from generator.publish.search_cache import SearchCache
from generator.publish.search_summary import SearchSummary, search_digest
from generator.rendering.generated import GeneratedFile
from generator.search.page_input import SearchRecord, search_body, search_input
from generator.search.shards import Shard, shard_of_year


@dataclass(frozen=True, slots=True)
class SearchPlan:
    keys: dict[str, str]
    """Shard folder → its key."""
    kept: frozenset[str]
    """The folders of the shards whose bundle is kept under their key."""
    input: list[GeneratedFile]
    """The search input of the other shards."""


def plan_search(
    shards: tuple[Shard, ...],
    records: list[SearchRecord],
    bundles: SearchCache,
    pages: PageCache,
    summary: SearchSummary,
) -> SearchPlan:
    """The keys of ``shards`` made from ``records`` (each page's file in ``pages``
    names it in ``summary``), which of them ``bundles`` keeps, and the others' input."""
    names = {record.url: pages.file_name(record.url) for record in records}

    def digest(record: SearchRecord) -> str:
        def make() -> str:
            return search_digest(record.url, record.title, _with_body(record, pages).body)

        return summary.digest(names[record.url], make)

    vocabulary: str | None = None
    words: list[str] | None = None
    if len(shards) > 1:
        words = summary.vocabulary(names, pages.words_in)
        vocabulary = hashlib.sha256("\0".join(words).encode("utf-8")).hexdigest()
    by_year = shard_of_year(shards)
    grouped: dict[str, list[tuple[str, str]]] = {shard.folder: [] for shard in shards}
    for record in records:
        grouped[by_year[record.year].folder].append((record.url, digest(record)))
    keys = {shard.folder: bundles.key(shard, grouped[shard.folder], vocabulary) for shard in shards}
    kept = frozenset(folder for folder, key in keys.items() if bundles.has(key))
    missing = {shard.folder for shard in shards} - kept
    indexed = [
        _with_body(record, pages) if by_year[record.year].folder in missing else record
        for record in records
    ]
    return SearchPlan(keys, kept, search_input(indexed, shards, missing, words))


def _with_body(record: SearchRecord, pages: PageCache) -> SearchRecord:
    """``record`` with the indexed parts of its page, read again if it was kept."""
    if not record.kept:
        return record
    _, _, content, _, spans, _, _, markup = pages.kept_rendered(record.url)
    body = search_body(content, spans, markup)
    return replace(record, page=body, indexed=((0, len(body)),), kept=False)
