"""What Pagefind indexes: each resolution's article alone, not the themed page.

Pagefind parses every file it is given; the theme's header, nav and footer are two thirds
of a resolution page and carry nothing to find. Indexing the articles as small files of
their own (at the same paths as the site's pages, so result URLs are the same) takes
Pagefind about 40 % less time than indexing the finished site.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from generator import urls
from generator.generated import GeneratedFile, PageFragment

INDEXED = "data-pagefind-body"


def search_input(fragments: Iterable[PageFragment]) -> list[GeneratedFile]:
    return [
        GeneratedFile.text(
            f"{fragment.url}index.html",
            '<!doctype html><html lang="de"><head><meta charset="utf-8">'
            f"<title>{escape(fragment.title)}</title></head><body>{fragment.content}"
            "</body></html>\n",
        )
        for fragment in fragments
        if fragment.url.startswith(urls.RESOLUTIONS) and INDEXED in fragment.content
    ]
