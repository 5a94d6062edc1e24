"""The search page at ``suche/``: a form whose results Pagefind fills in, in the browser.

The page is the form, with the filter choices and their counts written at build time from
the catalog (the same values ``search.markup`` gives Pagefind), so the browser loads no
filter file before the reader searches. ``ratsarchiv-search.js`` (an external file, so the
site works under a Content-Security-Policy without 'unsafe-inline') loads the primary
Pagefind bundle, merges the other shards named in ``data-indexes``, runs the search and
keeps query, filters and sort in the URL
(``suche/?q=homeoffice&gremium=Hauptausschuss&sort=neu``) so a search can be shared.
Links are relative to the page, so the site works under any base path.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.archive.mandates import state_labels
from generator.pages.context import PageContext
from generator.publish.page_cache import SEARCH, digest
from generator.rendering.generated import GeneratedFile
from generator.search.hints import (
    VOCABULARY_FILE,
    WordUses,
    reference_digits,
    vocabulary,
    vocabulary_file,
    word_uses,
)
from generator.search.markup import faction_names
from generator.search.shards import Shard
from generator.search.synonym_files import FOLDER as SYNONYM_FOLDER
from generator.search.synonym_files import (
    compounds_containing,
    contained_keys,
    shard_names,
    synonym_files,
)
from generator.search.synonym_map import synonym_maps_kept

SCRIPT = "assets/javascripts/ratsarchiv-search.js"
QUERY_SCRIPT = "assets/javascripts/ratsarchiv-query.js"
"""How the search page reads a query; loaded before ``SCRIPT``, which uses it."""
STYLESHEET = "assets/stylesheets/ratsarchiv-search.css"

FILTERS = (
    # (URL parameter, Pagefind filter name written by search_markup, label)
    ("gremium", "Gremium", "Gremium"),
    ("jahr", "Jahr", "Jahr"),
    ("ergebnis", "Ergebnis", "Ergebnis"),
    ("art", "Art", "Art"),
    ("thema", "Thema", "Thema"),
    ("fraktion", "Fraktion", "Fraktion"),
    ("auftrag", "Auftrag", "Stand der Aufträge"),
)
SORTS = (("", "Relevanz"), ("neu", "neueste zuerst"), ("alt", "älteste zuerst"))


def search_pages(context: PageContext, uses: WordUses | None = None) -> list[GeneratedFile]:
    """``uses``: the archive's words as the resolution page stage counted them (else
    counted here).

    With a page cache, the files are those of an earlier build with the same inputs: the
    synonym map is the longest part of an edit's build, and an edit seldom changes which
    words the archive uses in how many resolutions."""
    catalog = context.catalog
    uses = word_uses(catalog.resolutions) if uses is None else uses
    counts = filter_counts(catalog)
    digits = reference_digits(
        resolution.reference for resolution in catalog.resolutions if resolution.reference
    )
    cache = context.page_cache
    if cache is None or not context.list_inputs:
        return _search_files(context, uses, counts, digits)
    # Everything the files are made of: ``synonym_maps`` reads of the resolutions only
    # how many there are (given ``uses``); keep in step with it.
    inputs = (
        context.list_inputs,
        context.search,
        context.search_shards,
        catalog.archive.synonyms,
        len(catalog.by_id),
        sorted(uses.items()),
        counts,
        digits,
    )
    key = digest(inputs)
    kept = cache.get_value(urls.SEARCH, key, kind=SEARCH)
    if isinstance(kept, tuple):
        return [GeneratedFile(path=path, content=content) for path, content in kept]
    files = _search_files(context, uses, counts, digits)
    cache.put_value(urls.SEARCH, key, tuple((file.path, file.content) for file in files))
    return files


def _search_files(
    context: PageContext,
    uses: WordUses,
    counts: dict[str, list[tuple[str, int]]],
    digits: int | None,
) -> list[GeneratedFile]:
    catalog = context.catalog
    kept = context.synonym_cache
    mapping, parts, explained, state = synonym_maps_kept(
        catalog.resolutions, catalog.archive.synonyms, uses, kept.previous if kept else None
    )
    if kept is not None:
        kept.current = state
    hints = QueryHints(
        synonyms=catalog.archive.synonyms,
        reference_digits=digits,
        synonym_shards=shard_names(mapping, parts, explained),
    )
    page = search_page(counts, context.search_shards, hints)
    if not context.search:
        return [page]  # the preview builds no index, so the search page has nothing to correct
    contained = contained_keys(mapping, uses)
    words = vocabulary(uses)
    compounds = compounds_containing(contained, words)
    files = synonym_files(mapping, contained, parts, compounds, explained)
    return [page, vocabulary_file(words), *files]


@dataclass(frozen=True, slots=True, kw_only=True)
class QueryHints:
    """What the search page's script needs to widen a query (``search.hints``)."""

    synonyms: tuple[tuple[str, ...], ...] = ()
    reference_digits: int | None = None
    synonym_shards: tuple[str, ...] = ()
    """The files of the synonym map (``search.synonym_map``), by name."""


def filter_counts(catalog: Catalog) -> dict[str, list[tuple[str, int]]]:
    """Each filter's values with the number of resolutions, in the order the page lists
    them: years newest first, the others in German alphabetical order."""
    counts: dict[str, Counter[str]] = {name: Counter() for _, name, _ in FILTERS}
    for resolution in catalog.by_id.values():
        counts["Gremium"][catalog.committees[resolution.committee].name] += 1
        counts["Jahr"][str(resolution.date.year)] += 1
        counts["Ergebnis"][labels.RESULT[resolution.result]] += 1
        counts["Art"][labels.KIND[resolution.kind]] += 1
        counts["Thema"].update(set(resolution.topics))
        counts["Fraktion"].update(faction_names(resolution))
        counts["Auftrag"].update(state_labels(resolution.mandates))
    return {
        name: sorted(
            values.items(),
            key=(lambda item: -int(item[0])) if name == "Jahr" else _german,
        )
        for name, values in counts.items()
    }


def _german(item: tuple[str, int]) -> tuple[str, str]:
    """Alphabetical as German readers expect (ä with a, case ignored), like the browser's
    ``localeCompare(…, "de")``; the text itself breaks ties."""
    decomposed = unicodedata.normalize("NFD", item[0].casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)), item[0]


def search_page(
    counts: dict[str, list[tuple[str, int]]],
    shards: Iterable[Shard] = (),
    hints: QueryHints = QueryHints(),
) -> GeneratedFile:
    here = urls.SEARCH

    def rel(to: str) -> str:
        return escape(urls.relative(here, to))

    filters = "".join(
        f'<p class="ra-search__filter"><label for="ra-filter-{param}">{label}</label>'
        f'<select id="ra-filter-{param}" name="{param}" data-filter="{name}">'
        '<option value="">alle</option>'
        + "".join(
            f'<option value="{escape(value)}">{escape(value)} ({number})</option>'
            for value, number in counts.get(name, ())
        )
        + "</select></p>"
        for param, name, label in FILTERS
    )
    # The primary bundle is found by pagefind.js itself; the others are merged, by paths
    # relative to the site root (the script resolves them against data-base).
    indexes = " ".join(shard.bundle for shard in shards if shard.number > 1)
    synonyms = escape(json.dumps(hints.synonyms, ensure_ascii=False, separators=(",", ":")))
    digits = "" if hints.reference_digits is None else str(hints.reference_digits)
    synonym_shards = " ".join(hints.synonym_shards)
    sorts = "".join(f'<option value="{value}">{label}</option>' for value, label in SORTS)
    body = f"""\
<div class="ra-search" id="ra-search" data-base="{rel(urls.HOME)}" data-indexes="{indexes}"
 data-synonyms="{synonyms}" data-reference-digits="{digits}"
 data-vocabulary="{escape(VOCABULARY_FILE)}" data-synonym-folder="{SYNONYM_FOLDER}"
 data-synonym-shards="{escape(synonym_shards)}">
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
<div role="status" aria-live="polite" aria-atomic="true">
<p class="ra-search__status"></p>
<p class="ra-search__note" hidden></p>
</div>
<div class="ra-search__results"></div>
<p class="ra-search__more" hidden><button type="button" class="md-button"></button></p>
</div>

<script src="{rel(QUERY_SCRIPT)}" defer></script>
<script src="{rel(SCRIPT)}" defer></script>
"""
    front = "---\n" + f"title: {json.dumps('Suche')}\n" + 'hide: ["navigation", "toc"]\n---\n\n'
    return GeneratedFile.text(urls.markdown_file(here), front + "# Suche\n\n" + body)
