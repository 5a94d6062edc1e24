"""Outputs for reuse beside the pages: feeds, calendars, downloads, OParl, statistics, data page.

Each module is a pure function from the catalog and an ``OutputContext`` to generated
files; ``reuse_outputs`` runs them all and is what the build pipeline calls.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from generator.archive.catalog import Catalog
from generator.outputs.calendars import calendars
from generator.outputs.context import OutputContext, SourceDates
from generator.outputs.data_page import data_page
from generator.outputs.downloads import download_files
from generator.outputs.faction_csv import faction_csv
from generator.outputs.feeds import feeds
from generator.outputs.kept import OutputFile, made
from generator.outputs.mandate_data import mandate_csv
from generator.outputs.oparl import oparl_files
from generator.outputs.statistics import statistics_page
from generator.rendering.generated import GeneratedFile

if TYPE_CHECKING:
    from generator.publish.record_cache import RecordCache

__all__ = ["OutputContext", "SourceDates", "output_context", "reuse_output_files", "reuse_outputs"]


def reuse_outputs(
    catalog: Catalog,
    *,
    updated: datetime.date,
    site_url: str | None = None,
    sources: SourceDates | None = None,
) -> list[GeneratedFile]:
    """Every reuse output, in a fixed order; ``site_url`` defaults to the archive's setting.

    ``updated`` is the Stand date (newest content change), never the build clock;
    ``sources`` the content files' own dates, which date the OParl objects.
    """
    return made(reuse_output_files(catalog, updated=updated, site_url=site_url, sources=sources))


def output_context(
    catalog: Catalog,
    *,
    updated: datetime.date,
    site_url: str | None = None,
    sources: SourceDates | None = None,
) -> OutputContext:
    """The context every reuse output is made with (arguments as in ``reuse_outputs``)."""
    return OutputContext.create(site_url or catalog.archive.settings.site_url, updated, sources)


def reuse_output_files(
    catalog: Catalog,
    *,
    updated: datetime.date,
    site_url: str | None = None,
    sources: SourceDates | None = None,
    after_stage: Callable[[], None] | None = None,
    kept: RecordCache | None = None,
) -> Iterator[OutputFile]:
    """``reuse_outputs`` one file at a time, in the same order: the OParl objects and the
    per-resolution JSON files (tens of thousands) are made as the build writes them, so
    only a batch of them is ever in memory. ``after_stage`` runs after each output (the
    build uses it to give freed memory back). ``kept``: the download records, feeds and
    OParl objects of the last build, reused where their inputs are unchanged
    (``publish.record_cache``); an OParl file so reused is a ``KeptFile``."""
    context = output_context(catalog, updated=updated, site_url=site_url, sources=sources)

    def downloads(catalog: Catalog, context: OutputContext) -> Iterator[OutputFile]:
        return download_files(catalog, context, kept.encode if kept is not None else None)

    def atom_feeds(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
        return feeds(catalog, context, kept)

    def faction_votes(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
        return faction_csv(catalog, context, kept)

    def oparl(catalog: Catalog, context: OutputContext) -> Iterator[OutputFile]:
        return oparl_files(catalog, context, kept=kept)

    stages = (
        atom_feeds,
        calendars,
        downloads,
        mandate_csv,
        faction_votes,
        oparl,
        statistics_page,
        data_page,
    )
    for stage in stages:
        yield from stage(catalog, context)
        if after_stage is not None:
            after_stage()
