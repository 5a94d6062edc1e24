"""``sitemap.xml``: every page, including those stamped after MkDocs (which MkDocs never saw).

MkDocs' own sitemap lists only what it rendered, and stamps the build date; ours lists
every page with the Stand date, so the same content gives the same bytes.
"""

from __future__ import annotations

import datetime
import gzip
from collections.abc import Iterable
from xml.sax.saxutils import escape


def sitemap_xml(site_url: str, page_urls: Iterable[str], updated: datetime.date) -> bytes:
    lastmod = updated.isoformat()
    entries = "".join(
        f"<url><loc>{escape(site_url + url)}</loc><lastmod>{lastmod}</lastmod></url>\n"
        for url in sorted(set(page_urls))
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    ).encode()


def gzipped(data: bytes) -> bytes:
    """Gzip without a timestamp in the header, so rebuilding gives identical bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)
