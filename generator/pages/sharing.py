"""What link previews read from a resolution page: description, OpenGraph, schema.org.

Messengers and newsrooms' systems show a shared link by these tags: the title, a line on
what was decided, the date and the result. The schema.org record is a JSON data block
(``<script type="application/ld+json">``), which browsers never execute, so the pages stay
within the Content-Security-Policy (``script-src 'self'``).
"""

from __future__ import annotations

import json
import re

from generator.archive import labels, urls
from generator.archive.model import Resolution
from generator.pages.common import e
from generator.pages.context import PageContext

DESCRIPTION_LENGTH = 200
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]")
_MARKUP = re.compile(r"<[^>]+>|[#>|]|^\s*(?:\d+[.)]|[-+])\s+", re.MULTILINE)
_SPACE = re.compile(r"\s+")


def description(context: PageContext, resolution: Resolution) -> str:
    """One line: who decided what when, then the start of the resolution text."""
    committee = context.catalog.committees[resolution.committee]
    line = (
        f"{committee.name}, {labels.date(resolution.date)}, "
        f"TOP {resolution.agenda_item.number}: {labels.RESULT[resolution.result]}."
    )
    if resolution.public:
        line += " " + plain_text(resolution.text)
    return shorten(line, DESCRIPTION_LENGTH)


def plain_text(markdown: str) -> str:
    text = _LINK.sub(r"\1", markdown)
    text = _MARKUP.sub(" ", _EMPHASIS.sub("", text))
    return _SPACE.sub(" ", text).strip()


def shorten(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def sharing_head(context: PageContext, resolution: Resolution) -> str:
    settings = context.catalog.archive.settings
    committee = context.catalog.committees[resolution.committee]
    address = context.absolute(urls.resolution(resolution.id))
    summary = description(context, resolution)
    site_name = f"Ratsarchiv {settings.municipality}"
    meta = [
        ("name", "description", summary),
        ("property", "og:type", "article"),
        ("property", "og:title", resolution.title),
        ("property", "og:description", summary),
        ("property", "og:url", address),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "de_DE"),
        ("property", "article:published_time", resolution.date.isoformat()),
        ("property", "article:section", committee.name),
        *(("property", "article:tag", topic) for topic in resolution.topics),
    ]
    tags = "".join(f'<meta {kind}="{name}" content="{e(value)}">' for kind, name, value in meta)
    # Without "headline" and "description": the same title and summary as "name" and the
    # description tag, a third copy of the summary on every resolution page (0.25 KiB).
    record: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": resolution.title,
        "url": address,
        "identifier": resolution.id,
        "legislationDate": resolution.date.isoformat(),
        "legislationPassedBy": {"@type": "Organization", "name": committee.name},
        "legislationJurisdiction": settings.municipality,
        "creativeWorkStatus": labels.RESULT[resolution.result],
        "genre": labels.KIND[resolution.kind],
        "inLanguage": "de",
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": context.site_url},
    }
    if resolution.reference:
        record["legislationIdentifier"] = resolution.reference
    if resolution.topics:
        record["keywords"] = list(resolution.topics)
    return tags + f'<script type="application/ld+json">{json_block(record)}</script>'


def json_block(record: object) -> str:
    """JSON that cannot end its ``<script>`` element early, whatever a title contains."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
