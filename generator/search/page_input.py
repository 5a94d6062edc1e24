"""What Pagefind indexes: of each resolution page, only the parts Pagefind reads.

Pagefind parses every file it is given; the theme's header, nav and footer are two thirds
of a resolution page, and of the article itself the breadcrumbs, kicker, metadata card,
relations and citation are ``data-pagefind-ignore`` or outside the indexed body. The
search input is the title, the hidden search data (``search.markup``) and the sections
Pagefind indexes (text, discussion, attachments or the note on a private resolution), as
small files at the same paths as the site's pages, so result URLs are the same. Each
shard (``search.shards``) gets a folder of its own: ``teil-1/beschluss/<id>/index.html``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.rendering.generated import GeneratedFile, PageFragment
from generator.search.shards import Shard, shard_of_year

INDEXED = "data-pagefind-body"

VOCABULARY_FILTER = "Wortschatz"
"""The filter that marks each shard's vocabulary record; the search page excludes it."""
VOCABULARY_URL = "ra-wortschatz/"
"""Where the vocabulary record claims to live; it is never shown, so no page exists there."""

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
    shards = tuple(shards)
    by_year = shard_of_year(shards)
    files: list[GeneratedFile] = []
    articles: list[str] = []
    for fragment in fragments:
        if not fragment.url.startswith(urls.RESOLUTIONS) or INDEXED not in fragment.content:
            continue
        resolution_id = fragment.url.removeprefix(urls.RESOLUTIONS).strip("/")
        shard = by_year[catalog.by_id[resolution_id].date.year]
        article = indexed_article(fragment.content)
        articles.append(article)
        files.append(_page(f"{shard.folder}/{fragment.url}", fragment.title, article))
    if len(shards) > 1:
        files += vocabulary_records(articles, shards)
    return files


def _page(url: str, title: str, article: str) -> GeneratedFile:
    return GeneratedFile.text(
        f"{url}index.html",
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>{article}</body></html>\n",
    )


_TAG = re.compile(r"<[^>]*>")
_VALUE = re.compile(r'data-value="([^"]*)"')


def vocabulary_records(articles: Iterable[str], shards: Iterable[Shard]) -> list[GeneratedFile]:
    """One record per shard holding every word of the whole archive.

    When none of a query's words occurs in a shard, Pagefind falls back to the longest
    indexed word that is a prefix of it ("H." for "Homeoffice") and returns those pages.
    With one index that happens only for words the archive lacks; with shards it would mix
    such stray hits into every search for a word of a few years. The record makes every
    archive word known to every shard; the search page filters the record itself out.
    """
    tokens: set[str] = set()
    for article in articles:
        tokens.update(_TAG.sub(" ", article).split())
        for value in _VALUE.findall(article):
            tokens.update(value.split())
    # The tokens come from escaped HTML and stay escaped: the record is HTML again.
    marker = (
        f'<span hidden data-pagefind-filter="{VOCABULARY_FILTER}[data-value]" '
        'data-value="ja"></span>'
    )
    article = f"<article {INDEXED}>{marker}<p>{' '.join(sorted(tokens))}</p></article>"
    return [_page(f"{shard.folder}/{VOCABULARY_URL}", "Wortschatz", article) for shard in shards]


def indexed_article(content: str) -> str:
    """The resolution article reduced to what Pagefind indexes, in the page's order."""
    title = content[content.index(_TITLE_START) : content.index(_TITLE_END) + len(_TITLE_END)]
    start = content.index(_SEARCH_DATA)
    end = min(
        (at for marker in _NOT_INDEXED_TAIL if (at := content.find(marker, start)) >= 0),
        default=content.rindex("</article>"),
    )
    return f"<article {INDEXED}>{title}\n{content[start:end].rstrip()}</article>"
