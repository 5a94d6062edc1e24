"""What Pagefind indexes: of each resolution page, only the parts Pagefind reads.

Pagefind parses every file it is given; the theme's header, nav and footer are two thirds
of a resolution page, and of the article itself the breadcrumbs, kicker, metadata card,
relations and citation are not indexed either. The
resolution page stage hands over a ``SearchRecord`` per page: the title, the hidden search
data (``search.markup``, which only this copy carries) and the sections Pagefind indexes
(text, discussion, attachments or the note on a private resolution), the year that picks its
shard and the words for the vocabulary. The indexed parts become small files at the same
paths as the site's pages, so result URLs are the same. Each
shard (``search.shards``) gets a folder of its own: ``teil-1/beschluss/<id>/index.html``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from html import escape

from generator.rendering.generated import GeneratedFile
from generator.search.shards import Shard, shard_of_year


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchRecord:
    """What the search stage needs of one resolution page, from the page stage."""

    url: str
    title: str
    year: int
    """The resolution's year: it picks the shard."""
    page: str
    """The page's HTML (``PageFragment.content``), or only its indexed parts (the build
    packs each page as it is made, so the record does not hold the page on)."""
    indexed: tuple[tuple[int, int], ...]
    """Where in ``page`` the parts are that Pagefind indexes, in the page's order (its
    ``<h1>``; the search data through the last indexed section): (start, end) each, given
    by the page stage that put them there, so that nothing here looks for markers."""
    words: str = ""
    """Words of the title, the indexed texts and the search data's values that no earlier
    record holds, space-separated: together the records hold every word once, for the
    vocabulary record (``vocabulary_records``); only made with more than one shard."""
    kept: bool = False
    """The page was taken from the page cache and is not read for this record: ``page``
    and ``words`` are empty, and the build reads the page again only if its shard is
    indexed again (``publish.search_summary``)."""

    @property
    def body(self) -> str:
        """The indexed parts, one line break between them."""
        return "\n".join(self.page[start:end] for start, end in self.indexed)


def search_body(content: str, spans: tuple[tuple[int, int], ...], markup: str) -> str:
    """What Pagefind indexes of a resolution page: its heading, the search data (which
    only Pagefind's copy carries) and the indexed sections, each at ``spans`` of the
    page's ``content``."""
    heading, *sections = (content[start:end] for start, end in spans)
    return "\n".join((heading, markup, *sections))


INDEXED = "data-pagefind-body"

VOCABULARY_FILTER = "Wortschatz"
"""The filter that marks each shard's vocabulary record; the search page excludes it."""
VOCABULARY_URL = "ra-wortschatz/"
"""Where the vocabulary record claims to live; it is never shown, so no page exists there."""


def search_input(
    records: Iterable[SearchRecord],
    shards: Iterable[Shard],
    folders: Collection[str] | None = None,
    vocabulary: Iterable[str] | None = None,
) -> list[GeneratedFile]:
    """The files Pagefind indexes; with ``folders``, only those of these shards (the
    vocabulary still of all ``records``, or ``vocabulary`` if given)."""
    shards = tuple(shards)
    by_year = shard_of_year(shards)
    files: list[GeneratedFile] = []
    words: set[str] = set(vocabulary or ())
    for record in records:
        if vocabulary is None:
            words.update(record.words.split())
        shard = by_year[record.year]
        if folders is not None and shard.folder not in folders:
            continue
        assert not record.kept, record.url  # its page must be read first (``search_plan``)
        article = f"<article {INDEXED}>{record.body}</article>"
        files.append(_page(f"{shard.folder}/{record.url}", record.title, article))
    if len(shards) > 1:
        chosen = [s for s in shards if folders is None or s.folder in folders]
        files += vocabulary_records(words, chosen)
    return files


def _page(url: str, title: str, article: str) -> GeneratedFile:
    return GeneratedFile.text(
        f"{url}index.html",
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>{article}</body></html>\n",
    )


def vocabulary_records(words: Iterable[str], shards: Iterable[Shard]) -> list[GeneratedFile]:
    """One record per shard holding every word of the whole archive.

    When none of a query's words occurs in a shard, Pagefind falls back to the longest
    indexed word that is a prefix of it ("H." for "Homeoffice") and returns those pages.
    With one index that happens only for words the archive lacks; with shards it would mix
    such stray hits into every search for a word of a few years. The record makes every
    archive word known to every shard; the search page filters the record itself out.
    """
    marker = (
        f'<span hidden data-pagefind-filter="{VOCABULARY_FILTER}[data-value]" '
        'data-value="ja"></span>'
    )
    text = " ".join(sorted({escape(word) for word in words}))
    article = f"<article {INDEXED}>{marker}<p>{text}</p></article>"
    return [_page(f"{shard.folder}/{VOCABULARY_URL}", "Wortschatz", article) for shard in shards]
