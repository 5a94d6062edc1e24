"""What Pagefind indexes: of each resolution page, only the parts Pagefind reads.

Pagefind parses every file it is given; the theme's header, nav and footer are two thirds
of a resolution page, and of the article itself the breadcrumbs, kicker, metadata card,
relations and citation are ``data-pagefind-ignore`` or outside the indexed body. The
search input is the title, the hidden search data (``search_markup``) and the sections
Pagefind indexes (text, discussion, attachments or the note on a private resolution), as
small files at the same paths as the site's pages, so result URLs are the same. Each
shard (``search_shards``) gets a folder of its own: ``teil-1/beschluss/<id>/index.html``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from generator import urls
from generator.catalog import Catalog
from generator.generated import GeneratedFile, PageFragment
from generator.search_shards import Shard, shard_of_year

INDEXED = "data-pagefind-body"

# Markers the resolution page writes (generator/pages/resolution.py, search_markup). Editors'
# Markdown cannot produce them: the renderer allows no <h1>, <div> or <section>.
_TITLE_START, _TITLE_END = "<h1>", "</h1>"
_SEARCH_DATA = '<div class="ra-search-data" hidden>'
_NOT_INDEXED_TAIL = (
    '<section class="ra-relations" data-pagefind-ignore>',
    '<section class="ra-citation" data-pagefind-ignore>',
)


def search_input(
    fragments: Iterable[PageFragment], catalog: Catalog, shards: Iterable[Shard]
) -> list[GeneratedFile]:
    by_year = shard_of_year(shards)
    files = []
    for fragment in fragments:
        if not fragment.url.startswith(urls.RESOLUTIONS) or INDEXED not in fragment.content:
            continue
        resolution_id = fragment.url.removeprefix(urls.RESOLUTIONS).strip("/")
        shard = by_year[catalog.by_id[resolution_id].date.year]
        files.append(
            GeneratedFile.text(
                f"{shard.folder}/{fragment.url}index.html",
                '<!doctype html><html lang="de"><head><meta charset="utf-8">'
                f"<title>{escape(fragment.title)}</title></head><body>"
                f"{indexed_article(fragment.content)}</body></html>\n",
            )
        )
    return files


def indexed_article(content: str) -> str:
    """The resolution article reduced to what Pagefind indexes, in the page's order."""
    title = content[content.index(_TITLE_START) : content.index(_TITLE_END) + len(_TITLE_END)]
    start = content.index(_SEARCH_DATA)
    end = min(
        (at for marker in _NOT_INDEXED_TAIL if (at := content.find(marker, start)) >= 0),
        default=content.rindex("</article>"),
    )
    return f"<article {INDEXED}>{title}\n{content[start:end].rstrip()}</article>"
