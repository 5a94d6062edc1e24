"""Every page of the site, in one list: the generating stage of the build."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from generator.pages.committee import committee_pages
from generator.pages.context import PageContext
from generator.pages.faction import faction_pages
from generator.pages.home import home_pages
from generator.pages.kept import shared_inputs
from generator.pages.legal import legal_pages
from generator.pages.mandates import mandate_pages
from generator.pages.matter import matter_pages
from generator.pages.meeting import meeting_pages
from generator.pages.redirects import redirect_pages
from generator.pages.resolution import resolution_pages, resolution_pages_and_records
from generator.pages.search import search_pages
from generator.pages.topic import topic_pages
from generator.pages.year import year_pages
from generator.rendering.generated import GeneratedFile, PageFragment
from generator.search.page_input import SearchRecord

GENERATORS = (
    home_pages,
    committee_pages,
    year_pages,
    meeting_pages,
    matter_pages,
    faction_pages,
    mandate_pages,
    topic_pages,
    resolution_pages,
    redirect_pages,
    legal_pages,
    search_pages,
)


def generate_pages(
    context: PageContext,
    on_resolutions: Callable[[list[SearchRecord]], None] | None = None,
    pack: Callable[[PageFragment], PageFragment] | None = None,
) -> list[GeneratedFile | PageFragment]:
    """Pages in the nav come as Markdown for MkDocs; the rest as fragments to stamp.

    The resolution pages are made first, and what the search stage indexes of them (a
    ``SearchRecord`` each, if ``context.search``) is handed to ``on_resolutions`` (the
    build writes the search input and starts Pagefind) before the other pages are made;
    the records are not kept. The list keeps the order of ``GENERATORS``. ``pack`` is
    applied to each resolution page as it is made (``resolution_pages_and_records``).
    With a page cache, list pages whose inputs are unchanged come from it (``kept``).
    """
    if context.page_cache is not None:
        context = replace(context, list_inputs=shared_inputs(context))
    pages, records, uses = resolution_pages_and_records(context, pack)
    made = {resolution_pages: pages}
    if on_resolutions is not None:
        on_resolutions(records)
    del pages, records  # the records go once indexed: they repeat much of the pages
    files: list[GeneratedFile | PageFragment] = []
    for generator in GENERATORS:
        if generator in made:
            files += made.pop(generator)
        elif generator is search_pages:
            # The archive's words as rendering the resolution pages counted them.
            files += search_pages(context, uses)
        else:
            files += generator(context)
    return files
