"""How the search index is split: shards of whole calendar years, newest first.

Pagefind holds every indexed page's words in memory until it writes the bundle (about
240 KB per resolution, linear), so one run over 10,000 resolutions would need 2.4 GB. The
build therefore indexes the archive in shards, one Pagefind process after the other, and
the search page merges the bundles in the browser (Pagefind's ``mergeIndex``).

Shards hold whole years so that a search restricted to one year (the filter ``Jahr``)
touches one bundle only: that is how the search page sorts by date across bundles, since
Pagefind's merged search re-sorts all results by score. The newest shard is the primary
bundle at ``pagefind/`` (it carries Pagefind's script and WebAssembly); the others follow
at ``pagefind/teil-2/``, ``pagefind/teil-3/`` …
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.archive.catalog import Catalog

DEFAULT_SHARD_PAGES = 1500
"""Resolutions per shard: a Pagefind run then stays near 360 MB, so two can run at once.
Not fewer: every shard holds the whole archive's words (the vocabulary record), so each
word a query searches loads one index chunk per shard, and each shard's metadata loads
with the first search (at 10,000 resolutions in 14 shards of 1,000, 138 KiB of metadata
and a chunk of 10-20 KiB per shard and word)."""
BUNDLE_ROOT = "pagefind/"
"""The primary bundle, relative to the site root (Pagefind's default)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Shard:
    number: int
    """1 for the newest years (the primary bundle), then 2, 3 …"""
    years: tuple[int, ...]
    """Newest first."""
    pages: int

    @property
    def folder(self) -> str:
        """Its search input, below the build's search folder."""
        return f"teil-{self.number}"

    @property
    def bundle(self) -> str:
        """Its bundle, relative to the site root, ending in ``/``."""
        return BUNDLE_ROOT if self.number == 1 else f"{BUNDLE_ROOT}{self.folder}/"


def plan_shards(pages_per_year: Mapping[int, int], limit: int) -> tuple[Shard, ...]:
    """Consecutive years, newest first, packed while a shard stays within ``limit`` pages;
    a single year above the limit is a shard of its own."""
    if limit < 1:
        raise ValueError("search_shard_pages muss mindestens 1 sein")
    groups: list[list[int]] = []
    sizes: list[int] = []
    for year in sorted(pages_per_year, reverse=True):
        pages = pages_per_year[year]
        if pages <= 0:
            continue
        if groups and sizes[-1] + pages <= limit:
            groups[-1].append(year)
            sizes[-1] += pages
        else:
            groups.append([year])
            sizes.append(pages)
    return tuple(
        Shard(number=number, years=tuple(years), pages=size)
        for number, (years, size) in enumerate(zip(groups, sizes, strict=True), start=1)
    )


def catalog_shards(catalog: Catalog, limit: int) -> tuple[Shard, ...]:
    """The shards of the archive: every resolution page is indexed."""
    return plan_shards(
        pages_per_year(resolution.date.year for resolution in catalog.by_id.values()), limit
    )


def pages_per_year(years: Iterable[int]) -> dict[int, int]:
    return dict(Counter(years))


def shard_of_year(shards: Iterable[Shard]) -> dict[int, Shard]:
    return {year: shard for shard in shards for year in shard.years}
