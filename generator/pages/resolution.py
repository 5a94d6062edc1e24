"""The page of one resolution: what was decided, when, by whom, with what vote.

The page is what a citizen lands on from a search engine, so it explains itself: a
metadata card in words (never colour alone), breadcrumbs since the page is not in the
nav, the text, and a ready-made citation with the permanent address.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.archive.matters import consultations, decision_after, recommendations_before
from generator.archive.model import Resolution, ResolutionKind
from generator.pages.attachments import attachment_files, attachment_list, file_link
from generator.pages.common import breadcrumbs, e, fragment, link, pager, result_badge
from generator.pages.context import PageContext
from generator.pages.mandate_block import mandates_section, reports_section
from generator.pages.sharing import sharing_head
from generator.pages.votes import vote_block
from generator.publish.page_cache import Rendered, digest
from generator.rendering.generated import GeneratedFile, PageFragment
from generator.rendering.markdown_render import render_markdown
from generator.runtime.parallel import Task
from generator.search.compounds import CompoundSplitter
from generator.search.hints import WordUses
from generator.search.markup import archive_splitter, search_markup
from generator.search.page_input import SearchRecord, search_body


def resolution_pages(context: PageContext) -> list[GeneratedFile | PageFragment]:
    return resolution_pages_and_records(context)[0]


def resolution_pages_and_records(
    context: PageContext,
    pack: Callable[[PageFragment], PageFragment] | None = None,
) -> tuple[list[GeneratedFile | PageFragment], list[SearchRecord], WordUses | None]:
    """The pages (and attachment files) and, if the site is indexed, what the search stage
    indexes of each page, in the order of ``catalog.by_id``, and the archive's
    ``WordUses``, counted from what rendering each page found (None in the preview).

    ``pack`` is applied to each page as soon as it is made (the build compresses its
    content until it is stamped): the pages are rendered ``CHUNK`` at a time, so at no
    moment is every page held as text (at 10,000 that was 180 MiB, kept by the heap)."""
    # One lexicon for the archive, built once: "Satzung" must find "Haushaltssatzung"
    # even when no other word of that resolution contains "Satzung".
    kept = context.archive_words
    splitter = None
    if context.search:
        splitter = kept.splitter if kept else archive_splitter(context.catalog.resolutions)
    resolutions = list(context.catalog.by_id.values())
    neighbours = committee_neighbours(context.catalog)
    records: list[SearchRecord] = []
    uses: WordUses = Counter()
    pages: list[PageFragment] = []
    if context.memo is None:
        known: set[str] = set()
        for resolution, rendered in zip(
            resolutions, _render_all(context, splitter, neighbours, resolutions), strict=True
        ):
            url, title, content, head, spans, words, counted, markup = rendered
            del rendered
            if kept is None:
                uses.update(counted.split())
            if context.search and not content:
                # Taken from the page cache without its content: the build reads it
                # again only if its shard is indexed again (``search_summary``).
                records.append(
                    SearchRecord(
                        url=url,
                        title=title,
                        year=resolution.date.year,
                        page="",
                        indexed=(),
                        kept=True,
                    )
                )
            elif context.search:
                # Only the words no earlier record holds: the vocabulary is their union,
                # and every page's own words would weigh a good part of the texts again.
                new = [word for word in words.split() if word not in known]
                known.update(new)
                # Only the indexed parts, not the whole page: the page is packed below.
                # The search data after the heading, where the page once carried it.
                body = search_body(content, spans, markup)
                record = SearchRecord(
                    url=url,
                    title=title,
                    year=resolution.date.year,
                    page=body,
                    indexed=((0, len(body)),),
                    words=" ".join(new),
                )
                records.append(record)
            page = PageFragment(url=url, title=title, content=content, head=head)
            del content, head
            pages.append(page if pack is None else pack(page))
        del known
    else:
        pages = [_remembered(context, resolution, neighbours) for resolution in resolutions]
    files: list[GeneratedFile | PageFragment] = []
    for resolution, page in zip(resolutions, pages, strict=True):
        files.append(page)
        if resolution.public:
            files += attachment_files(resolution)
    if kept is not None:
        uses = kept.uses
    return files, records, uses if context.search and context.memo is None else None


CHUNK = 1000
"""Resolution pages rendered at a time (see ``resolution_pages_and_records``)."""


Spans = tuple[tuple[int, int], ...]
"""Where in a page's content the parts are that Pagefind indexes (``SearchRecord.indexed``)."""
Neighbours = dict[str, tuple[tuple[str, str] | None, tuple[str, str] | None]]
"""Resolution id → (previous, next) resolution of its committee as (url, title)."""


def committee_neighbours(catalog: Catalog) -> Neighbours:
    """Each resolution's neighbours in its committee's order (date, then agenda), found
    once for the archive: looking them up per page would make the build quadratic."""
    neighbours: Neighbours = {}
    for series in catalog.by_committee.values():
        links = [(urls.resolution(r.id), r.title) for r in series]
        for index, resolution in enumerate(series):
            previous = links[index - 1] if index > 0 else None
            following = links[index + 1] if index + 1 < len(links) else None
            neighbours[resolution.id] = (previous, following)
    return neighbours


def _render(
    shared: tuple[PageContext, CompoundSplitter | None, Neighbours], resolution: Resolution
) -> Rendered:
    """(url, title, content, head; the indexed spans and the words of its ``SearchRecord``;
    its ``hints.archive_words``, space-separated, if the site is indexed; its search data).
    A plain tuple
    travels between processes much faster than a slotted dataclass, which pickle copies
    field by field through ``__getstate__``."""
    context, splitter, neighbours = shared
    counted: set[str] | None = set() if context.search else None
    page, spans, words, markup = _page_and_index(
        context, resolution, splitter, neighbours.get(resolution.id), counted
    )
    counted_words = " ".join(counted) if counted else ""
    return page.url, page.title, page.content, page.head, spans, words, counted_words, markup


def _render_all(
    context: PageContext,
    splitter: CompoundSplitter | None,
    neighbours: Neighbours,
    resolutions: list[Resolution],
) -> Iterator[Rendered]:
    """``_render`` of every resolution, in order, ``CHUNK`` at a time; with a
    ``page_cache``, only of those whose inputs changed since the build that filled it (the
    others come from the cache)."""
    task = Task(_render, (context, splitter, neighbours))
    cache = context.page_cache
    if cache is None:
        for start in range(0, len(resolutions), CHUNK):
            yield from task.map(resolutions[start : start + CHUNK])
        return
    # The splitter's lexicon is the whole archive's words: not part of each key (one new
    # word would change them all), but a kept page is used only if none of its words
    # contains a word that entered or left the lexicon (``PageCache.changed_words``).
    changed = cache.changed_words(splitter.lexicon if splitter is not None else None)
    common = digest(
        (
            context.search,
            len(context.search_shards) > 1,  # all the page takes from the shards
            context.site_url,
            context.content_prefix,
            context.list_limit,
            _shown_by_all(context),
        )
    )
    for start in range(0, len(resolutions), CHUNK):
        part = resolutions[start : start + CHUNK]
        keys = [digest((common, _shown(context, r, neighbours))) for r in part]
        found = [
            cache.get(urls.resolution(r.id), key, usable=_unaffected(r, changed), content=False)
            for r, key in zip(part, keys, strict=True)
        ]
        missing = [index for index, rendered in enumerate(found) if rendered is None]
        fresh = task.map([part[index] for index in missing])
        for index, rendered in zip(missing, fresh, strict=True):
            found[index] = rendered
            cache.put(urls.resolution(part[index].id), keys[index], rendered)
        del fresh
        for kept in found:
            assert kept is not None
            yield kept
        del found


def _unaffected(resolution: Resolution, changed: tuple[str, ...] | None) -> bool:
    """Whether the page's compound keywords are the same with the changed lexicon: they
    come from the words of title, text and discussion (``search.markup``)."""
    if changed is None:
        return False
    if not changed:
        return True
    text = f"{resolution.title}\n{resolution.text}\n{resolution.discussion}".lower()
    return not any(word in text for word in changed)


def _shown(
    context: PageContext, resolution: Resolution, neighbours: Neighbours
) -> tuple[object, ...]:
    """What a resolution's page shows besides the archive's settings, registry and
    committees (``_shown_by_all``: its own committee is among them, and pickling it for
    every page was a good part of the keys' cost)."""
    catalog = context.catalog
    ident = context.identity
    return (
        ident(resolution),
        tuple(ident(catalog.by_id.get(relation.target)) for relation in resolution.relations),
        tuple(ident(incoming.source) for incoming in catalog.incoming.get(resolution.id, ())),
        tuple(ident(other) for other in consultations(catalog, resolution)),
        context.file_texts.get(resolution.id),
        context.attachment_texts.get(resolution.id),
        neighbours.get(resolution.id),
        catalog.mandate_reports.get(resolution.id),
        # The titles of the resolutions that changed a mandate's state ("erledigt durch").
        tuple(
            ident(catalog.by_id.get(entry.by or ""))
            for mandate in resolution.mandates
            for entry in mandate.history
        ),
        catalog.reference_slugs.get(resolution.reference or ""),
    )


def _shown_by_all(context: PageContext) -> tuple[object, ...]:
    """What every resolution page may show of the archive as a whole: the settings, the
    registry (person names), every committee (related resolutions show their committee's
    short name) and the factions with a page (votes link only those)."""
    catalog = context.catalog
    return (
        catalog.archive.registry,
        catalog.archive.settings,
        tuple(catalog.committees.items()),
        tuple(sorted(catalog.faction_names.items())),
        context.deadlines_in_keys(),  # no resolution page asks whether a meeting is upcoming
    )


def _remembered(
    context: PageContext, resolution: Resolution, neighbours: Neighbours
) -> PageFragment:
    """The page from the previous preview run if nothing it shows has changed."""
    assert context.memo is not None
    shown = (_shown(context, resolution, neighbours), _shown_by_all(context))
    url = urls.resolution(resolution.id)
    previous = context.memo.get(url)
    if previous is not None and previous[0] == shown:
        return previous[1]
    page = resolution_page(context, resolution, None, neighbours.get(resolution.id))
    context.memo[url] = (shown, page)
    return page


def resolution_page(
    context: PageContext,
    resolution: Resolution,
    splitter: CompoundSplitter | None,
    neighbours: tuple[tuple[str, str] | None, tuple[str, str] | None] | None = None,
) -> PageFragment:
    page, _, _, _ = _page_and_index(context, resolution, splitter, neighbours)
    return page


def _page_and_index(
    context: PageContext,
    resolution: Resolution,
    splitter: CompoundSplitter | None,
    neighbours: tuple[tuple[str, str] | None, tuple[str, str] | None] | None,
    counted: set[str] | None = None,
) -> tuple[PageFragment, Spans, str, str]:
    """The page, where in its content the parts are that Pagefind indexes, their words
    (``SearchRecord``; the words only with more than one shard) and the search data
    (``search.markup``), which Pagefind indexes between the heading and the sections but
    the page does not carry. ``counted`` receives the resolution's
    ``hints.archive_words``."""
    catalog = context.catalog
    committee = catalog.committees[resolution.committee]
    here = urls.resolution(resolution.id)
    trail = breadcrumbs(
        here,
        (
            (urls.committee(committee.id), committee.short_name),
            # The committee's own year, not the year page of all bodies.
            (urls.committee_year(committee.id, resolution.date.year), str(resolution.date.year)),
            (urls.meeting(committee.id, resolution.date), _meeting_name(resolution)),
        ),
    )
    heading = f"<h1>{e(resolution.title)}</h1>"
    texts = [resolution.title]  # and below: the words of what Pagefind indexes
    markup = search_markup(
        resolution,
        committee,
        splitter=splitter,
        keywords=context.search,
        file_texts=context.attachment_texts.get(resolution.id, ()) if context.search else (),
        values=texts,
        words=counted,
    )
    # What Pagefind indexes: the search data and the sections after the card, up to the
    # relations. The search data goes only into Pagefind's input (``SearchRecord``), never
    # into the published page: Pagefind reads its own copy, and the hidden element was
    # 0.7 KiB of every resolution page that no reader or browser uses.
    indexed: list[str] = []
    if resolution.public:
        file_text = context.file_texts.get(resolution.id)
        if resolution.text:
            indexed.append(_section("Beschlusstext", "ra-text", resolution.text))
        else:
            indexed.append(_text_from_file(resolution, file_text))
        texts += ["Beschlusstext", _without_block_marks(resolution.text) or file_text or ""]
        if resolution.discussion.strip():
            indexed.append(_section("Beratung", "ra-discussion", resolution.discussion))
            texts += ["Beratung", _without_block_marks(resolution.discussion)]
        if resolution.files:
            links = [(*file_link(resolution, file), file.title) for file in resolution.files]
            indexed.append(attachment_list(links))
            texts += ["Anlagen", *(f"{title} ({details})" for _, details, title in links)]
    else:
        indexed.append(f'<p class="ra-note ra-note--private">{_PRIVATE_NOTE}</p>')
        texts.append(_PRIVATE_NOTE)
    mandates_html, mandate_words = mandates_section(context, resolution, here)
    if mandates_html:
        indexed.append(mandates_html)
        texts += mandate_words
    before = "\n".join(
        (
            trail,
            '<article class="ra-resolution">',
            f'<p class="ra-kicker">{e(labels.KIND[resolution.kind])} · '
            f"{e(committee.name)} · {labels.date(resolution.date)}</p>",
        )
    )
    card = _card(context, resolution, here)
    parts = [before, heading, card, *indexed]
    # Offsets into the page's content, which ``fragment`` strips of leading whitespace.
    at = len(before) + 1 - (len(before) - len(before.lstrip()))
    indexed_at = at + len(heading) + 1 + len(card) + 1
    spans = ((at, at + len(heading)), (indexed_at, indexed_at + len("\n".join(indexed).rstrip())))
    # The vocabulary record (``search.page_input``) is needed only with several shards.
    words = " ".join(_distinct_words(texts)) if len(context.search_shards) > 1 else ""
    parts.append(_relations(context, resolution, here))
    reports = reports_section(context, resolution, here)
    if reports:
        parts.append(reports)
    parts.append(_citation(context, resolution))
    parts.append("</article>")
    if neighbours is not None:
        parts.append(pager(here, "Beschluss", *neighbours))
    source = context.source_url(resolution)
    if source:
        # For editors only: last on the page and small, not in the citizen's card.
        parts.append(
            f'<p class="ra-editor">Für die Redaktion: '
            f'<a href="{e(source)}">Quelldatei bearbeiten</a></p>'
        )
    page = fragment(here, resolution.title, "\n".join(parts))
    return replace(page, head=page.head + sharing_head(context, resolution)), spans, words, markup


_BLOCK_MARK = re.compile(r"^[ \t]*(?:#{1,6}|\d{1,9}[.)]|[-*+>])[ \t]+", re.MULTILINE)
"""What starts a heading, list item or quote in Markdown: no word of the rendered page."""


def _without_block_marks(markdown: str) -> str:
    return _BLOCK_MARK.sub("", markdown)


def _distinct_words(texts: list[str]) -> list[str]:
    distinct: set[str] = set()
    for text in texts:
        distinct.update(text.split())
    return sorted(distinct)


_PRIVATE_NOTE = (
    "Dieser Beschluss wurde in nicht öffentlicher Sitzung gefasst. Sein Text wird nicht "
    "veröffentlicht; hier stehen nur die Angaben zum Beschluss."
)


def _meeting_name(resolution: Resolution) -> str:
    return resolution.meeting.name or f"Sitzung vom {labels.date(resolution.date)}"


def _row(term: str, value: str) -> str:
    return f"<dt>{e(term)}</dt><dd>{value}</dd>"


def _card(context: PageContext, resolution: Resolution, here: str) -> str:
    catalog = context.catalog
    committee = catalog.committees[resolution.committee]
    agenda = f"TOP {e(resolution.agenda_item.number)}"
    if resolution.addendum_date:
        agenda += f" (Nachtrag vom {labels.date(resolution.addendum_date)})"
    kind = e(labels.KIND[resolution.kind])
    if resolution.kind is ResolutionKind.RECOMMENDATION and resolution.recommended_to:
        target = catalog.committees[resolution.recommended_to]
        kind += " an " + link(here, urls.committee(target.id), target.name)
    rows = [
        _row("Gremium", link(here, urls.committee(committee.id), committee.name)),
        _row(
            "Sitzung",
            link(here, urls.meeting(committee.id, resolution.date), _meeting_name(resolution)),
        ),
        _row(
            "Datum",
            f'<time datetime="{resolution.date.isoformat()}">{labels.date(resolution.date)}</time>',
        ),
        _row("Tagesordnungspunkt", agenda),
        _row("Art", kind),
        _row("Ergebnis", result_badge(resolution)),
    ]
    if resolution.referred_to:
        body = catalog.committees[resolution.referred_to]
        rows.append(_row("Überwiesen an", link(here, urls.committee(body.id), body.name)))
    if resolution.votes:

        def faction_link(name: str) -> str:
            key = catalog.faction_key(name)
            if key not in catalog.faction_names:  # the mayor, one member, a group: no page
                return e(name)
            return link(here, urls.faction(key), name)

        persons = {}
        if catalog.archive.registry is not None:
            persons = {person.id: person.name for person in catalog.archive.registry.persons}
        blocks = "".join(
            vote_block(vote, faction_link=faction_link, persons=persons)
            for vote in resolution.votes
        )
        rows.append(_row("Abstimmung", blocks))
    if resolution.legal_basis:
        rows.append(_row("Rechtsgrundlage", e(resolution.legal_basis)))
    if resolution.reference:
        slug = catalog.reference_slugs[resolution.reference]
        paper = e(resolution.reference)
        if resolution.paper_type:
            paper += f" ({e(resolution.paper_type)})"
        if len(consultations(catalog, resolution)) > 1:  # else no matter page (matter.py)
            paper += " · " + link(here, urls.matter(slug), "Beratungsfolge")
        rows.append(_row("Drucksache", paper))
    if resolution.moved_by:
        rows.append(_row("Antrag von", e(", ".join(resolution.moved_by))))
    if resolution.topics:
        topics = ", ".join(link(here, urls.topic(topic), topic) for topic in resolution.topics)
        rows.append(_row("Themen", topics))
    address = context.absolute(here)
    rows.append(
        _row("Dauerhafte Adresse", f'<a class="ra-permalink" href="{e(address)}">{e(address)}</a>')
    )
    return (
        '<section class="ra-card" aria-label="Angaben zum Beschluss">'
        f'<dl class="ra-card__list">{"".join(rows)}</dl></section>'
    )


def _section(heading: str, css_class: str, markdown: str) -> str:
    anchor = heading.lower()
    return (
        f'<section class="{css_class}" aria-labelledby="{anchor}">'
        f'<h2 id="{anchor}">{heading}</h2>\n{render_markdown(markdown)}</section>'
    )


def _text_from_file(resolution: Resolution, file_text: str | None) -> str:
    """The text section of a resolution whose text exists only in its resolution file (the
    file's text where it could be read, always with the file as the authority), or, in an
    imported record, nowhere at all."""
    heading = '<h2 id="beschlusstext">Beschlusstext</h2>'
    if resolution.resolution_file is None:  # only imported records may lack both
        return (
            f'<section class="ra-text" aria-labelledby="beschlusstext">{heading}'
            '<p class="ra-note">Die übernommenen Unterlagen enthalten keinen Beschlusstext. '
            "Maßgeblich ist die Niederschrift der Sitzung"
            + (" (siehe auch die Anlagen)" if resolution.attachments else "")
            + ".</p></section>"
        )
    href, details = file_link(resolution, resolution.resolution_file)
    anchor = f'<a href="{e(href)}">{e(resolution.resolution_file.title)}</a> ({e(details)})'
    if not file_text:
        return (
            f'<section class="ra-text" aria-labelledby="beschlusstext">{heading}'
            f'<p class="ra-note">Der Beschlusstext liegt nur als Datei vor: {anchor}.</p>'
            "</section>"
        )
    paragraphs = "".join(
        f"<p>{e(' '.join(paragraph.split()))}</p>"
        for paragraph in file_text.split("\n\n")
        if paragraph.strip()
    )
    return (
        f'<section class="ra-text" aria-labelledby="beschlusstext">{heading}'
        '<p class="ra-note" data-pagefind-ignore>Dieser Text ist automatisch aus der Datei '
        f"{anchor} ausgelesen. Maßgeblich ist die Datei; Tabellen und Aufzählungen können "
        "dort anders aussehen.</p>"
        f'<div class="ra-file-text">{paragraphs}</div></section>'
    )


def _relations(context: PageContext, resolution: Resolution, here: str) -> str:
    catalog = context.catalog
    entries: list[tuple[str, Resolution]] = [
        (labels.OUTGOING[relation.type], catalog.by_id[relation.target])
        for relation in resolution.relations
        if relation.target in catalog.by_id
    ]
    entries += [
        (labels.INCOMING[incoming.type], incoming.source)
        for incoming in catalog.incoming.get(resolution.id, ())
    ]
    # Recommendation and decision on the same paper find each other without a relation.
    decision = decision_after(catalog, resolution)
    if decision is not None:
        entries.append(("entschieden durch", decision))
    entries += [("empfohlen von", r) for r in recommendations_before(catalog, resolution)]
    if not entries:
        return ""
    items = "".join(
        f'<li><span class="ra-relation__type">{e(label)}</span> '
        f"{link(here, urls.resolution(other.id), other.title)} "
        f'<span class="ra-relation__meta">({e(catalog.committees[other.committee].short_name)}, '
        f"{labels.date(other.date)})</span></li>"
        for label, other in entries
    )
    return (
        '\n<section class="ra-relations">'
        "<h2>Zusammenhängende Beschlüsse</h2>"
        f"<ul>{items}</ul></section>\n"
    )


def citation(context: PageContext, resolution: Resolution) -> str:
    """``Stadt Musterstadt, Hauptausschuss, Beschluss vom 17.04.2020 „IT-Budget…“, TOP 3.1,
    …, https://…``; the page adds the day of retrieval."""
    settings = context.catalog.archive.settings
    committee = context.catalog.committees[resolution.committee]
    parts = [
        settings.municipality,
        committee.name,
        f"Beschluss vom {labels.date(resolution.date)} „{resolution.title}“",
        f"TOP {resolution.agenda_item.number}",
    ]
    if resolution.reference:
        parts.append(f"Drucksache {resolution.reference}")
    parts.append(context.absolute(urls.resolution(resolution.id)))
    return ", ".join(parts)


def _citation(context: PageContext, resolution: Resolution) -> str:
    # The day of retrieval is the reader's: ratsarchiv-cite.js writes it in (and adds the
    # copy button); without script the placeholder says what belongs there.
    return (
        '\n<section class="ra-citation"><h2>Zitiervorschlag</h2>'
        f"<p><cite>{e(citation(context, resolution))} (abgerufen am "
        "<span data-ra-today>TT.MM.JJJJ</span>)</cite></p></section>\n"
    )
