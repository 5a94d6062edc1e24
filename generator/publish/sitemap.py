"""``sitemap.xml``: every page, including those stamped after MkDocs (which MkDocs never saw).

MkDocs' own sitemap lists only what it rendered, and stamps the build date; ours lists
every page without a ``lastmod``: the protocol makes it optional, no true date per page is
at hand (a page changes with its shell, its neighbours, the next meeting), and one date for
every address tells a search engine nothing while it changed every sitemap each new day
(0.32 MiB at 10,000). So the same pages give the same bytes on any day. The protocol
allows 50,000 URLs per file: a larger archive gets ``sitemap.xml`` as an index of
``sitemap-1.xml``, ``sitemap-2.xml`` … (each with its gzipped twin), so no file grows
past that.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from xml.sax.saxutils import escape

MAX_URLS = 50_000
"""URLs per sitemap file (sitemaps.org)."""

_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NAMESPACE = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def sitemap_xml(site_url: str, page_urls: Iterable[str]) -> bytes:
    """One ``urlset`` of ``page_urls`` (at most ``MAX_URLS`` for search engines to read it)."""
    entries = "".join(
        f"<url><loc>{escape(site_url + url)}</loc></url>\n" for url in sorted(set(page_urls))
    )
    return f"{_HEAD}<urlset {_NAMESPACE}>\n{entries}</urlset>\n".encode()


def sitemap_files(
    site_url: str,
    page_urls: Iterable[str],
    *,
    limit: int = MAX_URLS,
) -> dict[str, bytes]:
    """File name in the site root → bytes: ``sitemap.xml`` (and ``.gz``), and, past
    ``limit`` URLs, the numbered parts it indexes. Same pages, same bytes."""
    unique = sorted(set(page_urls))
    if len(unique) <= limit:
        single = sitemap_xml(site_url, unique)
        return {"sitemap.xml": single, "sitemap.xml.gz": gzipped(single)}
    files: dict[str, bytes] = {}
    index = []
    for number, start in enumerate(range(0, len(unique), limit), start=1):
        name = f"sitemap-{number}.xml"
        files[name] = sitemap_xml(site_url, unique[start : start + limit])
        files[f"{name}.gz"] = gzipped(files[name])
        index.append(f"<sitemap><loc>{escape(site_url + name)}</loc></sitemap>\n")
    files["sitemap.xml"] = (
        f"{_HEAD}<sitemapindex {_NAMESPACE}>\n{''.join(index)}</sitemapindex>\n".encode()
    )
    files["sitemap.xml.gz"] = gzipped(files["sitemap.xml"])
    return files


def gzipped(data: bytes) -> bytes:
    """Gzip without a timestamp in the header, so rebuilding gives identical bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)
