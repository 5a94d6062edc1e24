"""What Pagefind reads from a resolution page besides its text: filters, metadata, sort key.

The elements are hidden and ignored for the full-text index (``data-pagefind-ignore``),
but Pagefind still collects the filters and metadata inside them.
"""

from __future__ import annotations

from html import escape

from generator import labels
from generator.model import Committee, Resolution


def _filter(name: str, value: str) -> str:
    return f'<span data-pagefind-filter="{escape(name)}">{escape(value)}</span>'


def _meta(name: str, value: str) -> str:
    # Pagefind splits "key:value" at the first colon, so values may contain colons.
    return f'<span data-pagefind-meta="{escape(name)}:{escape(value)}"></span>'


def search_markup(resolution: Resolution, committee: Committee) -> str:
    parts = [
        _filter("Gremium", committee.name),
        _filter("Jahr", str(resolution.date.year)),
        _filter("Ergebnis", labels.RESULT[resolution.result]),
        _filter("Art", labels.KIND[resolution.kind]),
        *(_filter("Thema", topic) for topic in resolution.topics),
        _meta("date", labels.date(resolution.date)),
        _meta("committee", committee.name),
        _meta("result", labels.RESULT[resolution.result]),
    ]
    if resolution.reference:
        parts.append(_meta("reference", resolution.reference))
    return (
        f'<div class="ra-search-data" hidden data-pagefind-ignore="index" '
        f'data-pagefind-sort="date:{resolution.date.isoformat()}">{"".join(parts)}</div>'
    )
