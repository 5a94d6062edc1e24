"""What Pagefind reads from a resolution page besides its visible text.

The resolution page includes this markup inside ``<article data-pagefind-body>``. Values
come from attributes (``data-pagefind-filter="Gremium[data-value]"``) rather than element
text, for two reasons found by indexing test pages with Pagefind 1.5: element text would be
indexed as content and show up in every excerpt, and the ``key:value`` attribute shorthand
splits values at commas ("Ausschuss für Umwelt, Klima und Mobilität").

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
    """Hidden elements carrying Pagefind's filters, metadata, sort key and keywords.

    ``splitter`` should be built once for the whole archive (see ``archive_splitter``);
    without it only compounds whose parts occur in this resolution itself are split.
    ``keywords=False`` leaves compound parts out (the preview, which builds no index).
    ``file_texts`` are (attachment title, extracted text) pairs (``file_text_markup``).
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
    elements = [_valued(f"data-pagefind-{kind}", key, value) for kind, key, value in fields]
    elements.append(f'<span data-pagefind-sort="date:{resolution.date.isoformat()}"></span>')
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
        elements.append(_meta("keywords", " ".join(parts)))
    if file_texts:
        elements.append(file_text_markup(file_texts))
    if values is not None:
        values += (value for _, _, value in fields)
        values += parts
        values += (f"{title} {text}" for title, text in file_texts)
    return '<div class="ra-search-data" hidden>' + "".join(elements) + "</div>"


def file_text_markup(files: Sequence[tuple[str, str]]) -> str:
    """Hidden metadata with the text extracted from attachment files, as (title, text).

    Metadata, not element text: Pagefind searches it, but it is no part of the page's text,
    so it never shows in an excerpt of the page itself. The search page shows a hit found
    only there as "Treffer in der Anlage „title“" with the matching sentence of the file.
    """
    elements = []
    for number, (title, text) in enumerate(files, start=1):
        elements.append(_meta(f"anlage_{number}", title))
        elements.append(_meta(f"anlage_text_{number}", " ".join(text.split())))
    return "".join(elements)


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


def _meta(key: str, value: str) -> str:
    return _valued("data-pagefind-meta", key, value)


def _filter(key: str, value: str) -> str:
    return _valued("data-pagefind-filter", key, value)


def _valued(attribute: str, key: str, value: str) -> str:
    """One span for one value: ``key:value`` where Pagefind reads that back unchanged,
    else the value in its own attribute: a comma would split it, a backslash may escape,
    and whitespace at either end or doubled inside may be trimmed.

    No ``hidden`` of its own: the enclosing ``div.ra-search-data`` is hidden already.
    """
    if value and " ".join(value.split()) == value and not {",", "\\"} & set(value):
        return f'<span {attribute}="{key}:{escape(value)}"></span>'
    return f'<span {attribute}="{key}[data-value]" data-value="{escape(value)}"></span>'
