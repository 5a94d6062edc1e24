"""The search page at ``suche/``: a form whose results Pagefind fills in, in the browser.

The page is the form and empty regions; ``ratsarchiv-search.js`` (an external file, so the
site works under a Content-Security-Policy without 'unsafe-inline') fills the filter
choices from the index, runs the search and keeps query, filters and sort in the URL
(``suche/?q=homeoffice&gremium=Hauptausschuss&sort=neu``) so a search can be shared.
Links are relative to the page, so the site works under any base path.
"""

from __future__ import annotations

import json
from html import escape

from generator import urls
from generator.generated import GeneratedFile

SCRIPT = "assets/javascripts/ratsarchiv-search.js"
STYLESHEET = "assets/stylesheets/ratsarchiv-search.css"

FILTERS = (
    # (URL parameter, Pagefind filter name written by search_markup, label)
    ("gremium", "Gremium", "Gremium"),
    ("jahr", "Jahr", "Jahr"),
    ("ergebnis", "Ergebnis", "Ergebnis"),
    ("art", "Art", "Art"),
    ("thema", "Thema", "Thema"),
)
SORTS = (("", "Relevanz"), ("neu", "neueste zuerst"), ("alt", "älteste zuerst"))


def search_pages(context: object = None) -> list[GeneratedFile]:
    """The search page; it needs nothing from the archive (``context`` is unused):
    the filter choices come from the index, so they always match what can be found."""
    return [search_page()]


def search_page() -> GeneratedFile:
    here = urls.SEARCH

    def rel(to: str) -> str:
        return escape(urls.relative(here, to))

    filters = "".join(
        f'<p class="ra-search__filter"><label for="ra-filter-{param}">{label}</label>'
        f'<select id="ra-filter-{param}" name="{param}" data-filter="{name}">'
        '<option value="">alle</option></select></p>'
        for param, name, label in FILTERS
    )
    sorts = "".join(f'<option value="{value}">{label}</option>' for value, label in SORTS)
    body = f"""\
<div class="ra-search" id="ra-search" data-base="{rel(urls.HOME)}">
<link rel="stylesheet" href="{rel(STYLESHEET)}">
<form class="ra-search__form" role="search" method="get" action="./">
<p class="ra-search__query"><label for="ra-search-q">Suchbegriff</label>
<input id="ra-search-q" type="search" name="q" autocomplete="off" enterkeyhint="search">
<button type="submit" class="md-button md-button--primary">Suchen</button></p>
<fieldset class="ra-search__filters"><legend>Eingrenzen und sortieren</legend>
{filters}<p class="ra-search__filter"><label for="ra-search-sort">Sortierung</label>
<select id="ra-search-sort" name="sort">{sorts}</select></p>
</fieldset>
<p class="ra-search__reset" hidden>
<button type="button" class="md-button">Alle Filter entfernen</button></p>
</form>
<div class="ra-search__nojs">
<p>Die Volltextsuche läuft in Ihrem Browser und braucht JavaScript. Ohne JavaScript finden Sie
Beschlüsse über die Seiten der <a href="{rel(urls.COMMITTEES)}">Gremien</a>,
<a href="{rel(urls.YEARS)}">Jahre</a> und <a href="{rel(urls.TOPICS)}">Themen</a>.</p>
</div>
<p class="ra-search__status" role="status" aria-live="polite" aria-atomic="true"></p>
<div class="ra-search__results"></div>
<p class="ra-search__more" hidden><button type="button" class="md-button"></button></p>
</div>

<script src="{rel(SCRIPT)}" defer></script>
"""
    front = "---\n" + f"title: {json.dumps('Suche')}\n" + 'hide: ["navigation", "toc"]\n---\n\n'
    return GeneratedFile.text(urls.markdown_file(here), front + "# Suche\n\n" + body)
