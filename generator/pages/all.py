"""Every page of the site, in one list: the generating stage of the build."""

from __future__ import annotations

from generator.generated import GeneratedFile, PageFragment
from generator.pages.committee import committee_pages
from generator.pages.context import PageContext
from generator.pages.home import home_pages
from generator.pages.legal import legal_pages
from generator.pages.meeting import meeting_pages
from generator.pages.redirects import redirect_pages
from generator.pages.resolution import resolution_pages
from generator.pages.search import search_pages
from generator.pages.topic import topic_pages
from generator.pages.year import year_pages

GENERATORS = (
    home_pages,
    committee_pages,
    year_pages,
    meeting_pages,
    topic_pages,
    resolution_pages,
    redirect_pages,
    legal_pages,
    search_pages,
)


def generate_pages(context: PageContext) -> list[GeneratedFile | PageFragment]:
    """Pages in the nav come as Markdown for MkDocs; the rest as fragments to stamp."""
    files: list[GeneratedFile | PageFragment] = []
    for generator in GENERATORS:
        files += generator(context)
    return files
