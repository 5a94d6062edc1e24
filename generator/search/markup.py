"""What Pagefind reads from a resolution page besides its visible text.

Pagefind's copy of a resolution page (``search.page_input``; the published page does not
carry it) includes this markup inside ``<article data-pagefind-body>``: one empty element
whose attributes hold every value (``data-pagefind-filter="Gremium[data-d]" data-d="…"``),
rather than element text, for two reasons found by indexing test pages with
Pagefind 1.5: element text would be indexed as content and show up in every excerpt, and
the ``key:value`` attribute shorthand splits values at commas ("Ausschuss für Umwelt, Klima
und Mobilität").

Filters (Gremium, Jahr, Ergebnis, Art, Thema, Fraktion, Auftrag: the states of its mandates)
stay low-cardinality; high-cardinality values (reference, date, committee) are metadata,
which Pagefind 1.5 also searches, so a reference like "2020/0123" is found as typed.
Compound parts are hidden keywords (metadata too), because Pagefind does not split German
compounds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from generator.archive import labels
from generator.archive.mandates import state_labels
from generator.archive.model import Committee, Resolution
from generator.search.compounds import MIN_PART, CompoundSplitter, distinct_words
from generator.search.hints import archive_words


def search_markup(
    resolution: Resolution,
    committee: Committee,
    *,
    splitter: CompoundSplitter | None = None,
    keywords: bool = True,
    file_texts: Sequence[tuple[str, str]] = (),
    values: list[str] | None = None,
    words: set[str] | None = None,
) -> str:
    """A hidden element carrying Pagefind's filters, metadata, sort key and keywords.

    ``splitter`` should be built once for the whole archive (see ``archive_splitter``);
    without it only compounds whose parts occur in this resolution itself are split.
    ``keywords=False`` leaves compound parts out (the preview, which builds no index).
    ``file_texts`` are (attachment title, extracted text) pairs (``file_text_fields``).
    ``values``, if given, receives every value the markup carries, as text: the page
    stage hands them to the search vocabulary (``search.page_input``).
    ``words``, if given, receives the resolution's ``hints.archive_words``, found with the
    words the compound keywords are made of (one reading of the texts for both).
    """
    texts = (resolution.title, resolution.text, resolution.discussion)
    fields = [
        ("meta", "title", resolution.title),
        ("meta", "date", labels.date(resolution.date)),
        ("meta", "date_iso", resolution.date.isoformat()),
        ("meta", "committee", committee.name),
        ("meta", "result", labels.RESULT[resolution.result]),
        ("meta", "result_key", resolution.result.value),
        ("meta", "kind", labels.KIND[resolution.kind]),
    ]
    if resolution.reference:
        fields.append(("meta", "reference", resolution.reference))
    fields += [
        ("filter", "Gremium", committee.name),
        ("filter", "Jahr", str(resolution.date.year)),
        ("filter", "Ergebnis", labels.RESULT[resolution.result]),
        ("filter", "Art", labels.KIND[resolution.kind]),
        *(("filter", "Thema", topic) for topic in resolution.topics),
        *(("filter", "Fraktion", name) for name in faction_names(resolution)),
        *(("filter", "Auftrag", state) for state in state_labels(resolution.mandates)),
    ]
    if values is not None:
        values += (value for _, _, value in fields)
    # Unique: ties would keep Pagefind's page order, which depends on the file system
    # (``search.pagefind_bundle`` numbers the pages in this order).
    fields.append(("sort", "date", f"{resolution.date.isoformat()} {resolution.id}"))
    parts: tuple[str, ...] = ()
    found = distinct_words(texts) if keywords or words is not None else set()
    if keywords:
        parts = _compound_parts(
            {word.lower() for word in found}, splitter or CompoundSplitter(found)
        )
    if words is not None:
        words.update(archive_words(resolution, found))
    if parts:
        # Metadata, not element text: Pagefind searches and stems it all the same, and it
        # stays out of the page's text, so it never appears in an excerpt.
        fields.append(("meta", "keywords", " ".join(parts)))
    fields += (("meta", key, value) for key, value in file_text_fields(file_texts))
    if values is not None:
        values += parts
        values += (f"{title} {text}" for title, text in file_texts)
    return _element(fields)


def file_text_fields(files: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Metadata (key, value) with the text extracted from attachment files, as (title, text).

    Metadata, not element text: Pagefind searches it, but it is no part of the page's text,
    so it never shows in an excerpt of the page itself. The search page shows a hit found
    only there as "Treffer in der Anlage „title“" with the matching sentence of the file.
    """
    fields = []
    for number, (title, text) in enumerate(files, start=1):
        fields.append((f"anlage_{number}", title))
        fields.append((f"anlage_text_{number}", " ".join(text.split())))
    return fields


def file_text_markup(files: Sequence[tuple[str, str]]) -> str:
    """``file_text_fields`` as an element of their own."""
    return _element([("meta", key, value) for key, value in file_text_fields(files)])


def faction_names(resolution: Resolution) -> tuple[str, ...]:
    """The factions named in the resolution's votes, each once, in the order given."""
    names = (f.name for vote in resolution.votes for f in vote.factions)
    return tuple(dict.fromkeys(names))


def archive_splitter(resolutions: Iterable[Resolution]) -> CompoundSplitter:
    """The splitter for the whole archive: its lexicon is every word the archive uses."""
    return CompoundSplitter.from_texts(
        text
        for resolution in resolutions
        for text in (resolution.title, resolution.text, resolution.discussion, *resolution.topics)
    )


def compound_keywords(texts: Iterable[str], splitter: CompoundSplitter) -> tuple[str, ...]:
    """Parts of the compounds in ``texts`` that the texts do not already contain as words."""
    return _compound_parts({word.lower() for word in distinct_words(texts)}, splitter)


def _compound_parts(present: set[str], splitter: CompoundSplitter) -> tuple[str, ...]:
    parts: dict[str, None] = {}
    for word in sorted(present):
        if len(word) >= 2 * MIN_PART:
            parts.update(dict.fromkeys(splitter.parts(word)))
    return tuple(part for part in parts if part not in present)


def _element(fields: Sequence[tuple[str, str, str]]) -> str:
    """One empty hidden element for all (kind, key, value): each Pagefind attribute lists
    its keys, each naming the attribute that holds its value
    (``data-pagefind-filter="Gremium[data-d],Jahr[data-i]" data-d="…" data-i="…"``).

    Pagefind reads ``key[attribute]`` values unchanged: no splitting at commas, no escapes,
    no trimming (a literal ``key:value`` is allowed only once per attribute, at its end).
    A value several keys share (committee name as metadata and filter) is written once.
    One span per value cost about 40 bytes each.
    """
    names: dict[str, str] = {}
    lists: dict[str, list[str]] = {"meta": [], "filter": [], "sort": []}
    for kind, key, value in fields:
        name = names.setdefault(value, _attribute_name(len(names)))
        lists[kind].append(f"{key}[{name}]")
    pagefind = "".join(
        f' data-pagefind-{kind}="{",".join(keys)}"' for kind, keys in lists.items() if keys
    )
    values = "".join(f' {name}="{escape(value)}"' for value, name in names.items())
    return f'<div class="ra-search-data" hidden{pagefind}{values}></div>'


def _attribute_name(index: int) -> str:
    """``data-a`` … ``data-z``, then ``data-ba`` …: short, valid, never ``data-pagefind-``."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    name = letters[index % 26]
    while index >= 26:
        index = index // 26
        name = letters[index % 26] + name
    return f"data-{name}"
