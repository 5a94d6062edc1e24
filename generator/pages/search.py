"""The search page: a plain form that works without JavaScript, and the Pagefind UI.

Minimal version; the search branch replaces it with the full interface (filters, sort).
"""

from __future__ import annotations

from generator import urls
from generator.generated import GeneratedFile
from generator.pages.common import breadcrumbs, page
from generator.pages.context import PageContext


def search_pages(context: PageContext) -> list[GeneratedFile]:
    here = urls.SEARCH
    body = (
        f"{breadcrumbs(here, ())}\n\n<h1>Suche</h1>\n\n"
        '<form class="ra-search-form" role="search" method="get" action="./">'
        '<label for="ra-search-q">Suchbegriff</label> '
        '<input id="ra-search-q" type="search" name="q" autocomplete="off"> '
        '<button type="submit">Suchen</button></form>\n\n'
        '<div id="ra-search-results" aria-live="polite"></div>\n\n'
        # Pagefind writes its UI next to the index; the form above still works without it.
        '<link rel="stylesheet" href="../pagefind/pagefind-ui.css">\n'
        '<script src="../pagefind/pagefind-ui.js"></script>\n'
        "<script>\n"
        "addEventListener('DOMContentLoaded', () => {\n"
        "  const ui = new PagefindUI({element: '#ra-search-results', showImages: false});\n"
        "  const q = new URLSearchParams(location.search).get('q');\n"
        "  if (q) { ui.triggerSearch(q); document.getElementById('ra-search-q').value = q; }\n"
        "});\n"
        "</script>"
    )
    return [page(here, "Suche", body)]
