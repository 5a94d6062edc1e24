"""Atom 1.0 feeds (RFC 4287): all resolutions, one per committee, one per topic; and the
status changes of mandates, all and per committee (``mandate_feeds``).

Entry ids are the permanent resolution URLs (they depend only on the id, so a feed
reader never sees an entry twice); every date comes from the content — an entry's
``updated`` is its meeting date, a feed's is its newest entry's (the Stand date for an
empty feed) — so rebuilding the same content gives the same bytes.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from generator.archive import labels, urls
from generator.archive.catalog import Catalog, chronological_key
from generator.archive.mandates import MANDATE_STATE_LABELS, Mandate, MandateStatus
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.rendering.generated import GeneratedFile

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
"""Newest entries per feed: readers poll often, the archive itself lists everything."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Feed:
    path: str
    page: str
    """The site page the feed belongs to (its ``alternate`` link)."""
    title: str
    resolutions: tuple[Resolution, ...]


def feeds_of(catalog: Catalog) -> list[Feed]:
    municipality = catalog.archive.settings.municipality
    result = [
        Feed(
            path=urls.feed_all(),
            page=urls.HOME,
            title=feed_title_all(municipality),
            resolutions=catalog.resolutions,
        )
    ]
    for committee_id, committee in catalog.committees.items():
        result.append(
            Feed(
                path=urls.feed_committee(committee_id),
                page=urls.committee(committee_id),
                title=feed_title_committee(committee.name, municipality),
                resolutions=catalog.by_committee.get(committee_id, ()),
            )
        )
    for topic, resolutions in catalog.by_topic.items():
        result.append(
            Feed(
                path=urls.feed_topic(topic),
                page=urls.topic(topic),
                title=feed_title_topic(topic, municipality),
                resolutions=resolutions,
            )
        )
    for key, entries in catalog.by_faction.items():
        # A resolution with a divided vote holds several entries: each appears once.
        voted = tuple(dict.fromkeys(entry.resolution for entry in entries))
        result.append(
            Feed(
                path=urls.feed_faction(key),
                page=urls.faction(key),
                title=feed_title_faction(catalog.faction_names[key], municipality),
                resolutions=voted,
            )
        )
    return result


class Kept(Protocol):
    """What the build passes to reuse unchanged feeds (``publish.record_cache``)."""

    def identity(self, resolution: Resolution) -> str | None: ...

    def kept(
        self, kind: str, name: str, inputs: object | None, make: Callable[[], bytes]
    ) -> bytes: ...


def feeds(
    catalog: Catalog, context: OutputContext, kept: Kept | None = None
) -> list[GeneratedFile]:
    """``kept``: a feed whose ``feed_inputs`` are those of the last build is taken from
    the build folder instead of made."""
    files = []
    # Each resolution's sort key once, not once per feed it is in.
    order = {id(r): chronological_key(r) for r in catalog.resolutions}

    def sort_key(resolution: Resolution) -> tuple[object, ...]:
        found = order.get(id(resolution))
        return chronological_key(resolution) if found is None else found

    for feed in feeds_of(catalog):
        entries = sorted(feed.resolutions, key=sort_key, reverse=True)
        del entries[FEED_SIZE:]  # as newest_first
        if kept is None:
            content = atom_document(feed, catalog, context, entries)
        else:
            content = kept.kept(
                "feed",
                feed.path,
                feed_inputs(feed, entries, catalog, context, kept.identity),
                partial(atom_document, feed, catalog, context, entries),
            )
        files.append(GeneratedFile(path=feed.path, content=content))
    return files + mandate_feeds(catalog, context)


def feed_inputs(
    feed: Feed,
    entries: Sequence[Resolution],
    catalog: Catalog,
    context: OutputContext,
    identity: Callable[[Resolution], str | None],
) -> tuple[object, ...] | None:
    """Everything ``atom_document`` reads for ``feed`` and its ``entries`` (keep in step
    with it and with ``_entry``), a resolution named by ``identity``; None if one has none."""
    identities = tuple(identity(r) for r in entries)
    if None in identities:
        return None
    settings = catalog.archive.settings
    committees = catalog.committees
    return (
        feed.path,
        feed.page,
        feed.title,
        context.site_url,
        context.updated,
        settings.municipality,
        settings.data_license,
        identities,
        tuple(committees[r.committee].name if r.committee in committees else None for r in entries),
    )


def newest_first(resolutions: Sequence[Resolution]) -> list[Resolution]:
    return sorted(resolutions, key=chronological_key, reverse=True)[:FEED_SIZE]


def atom_document(
    feed: Feed,
    catalog: Catalog,
    context: OutputContext,
    entries: Sequence[Resolution] | None = None,
) -> bytes:
    """``entries``: ``newest_first(feed.resolutions)``, if the caller has them already."""
    if entries is None:
        entries = newest_first(feed.resolutions)
    newest = entries[0].date if entries else None
    root = _feed_head(feed.path, feed.page, feed.title, newest, catalog, context)
    for resolution in entries:
        _entry(root, resolution, catalog, context)
    return _serialised(root)


def _feed_head(
    path: str,
    page: str,
    title: str,
    newest: datetime.date | None,
    catalog: Catalog,
    context: OutputContext,
) -> ET.Element:
    """A feed's own elements, before its entries: the same for every feed of the archive."""
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "de"})
    _text(root, "id", context.absolute(path))
    _text(root, "title", title)
    _text(root, "updated", _timestamp(newest) if newest else context.updated_timestamp)
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", catalog.archive.settings.municipality)
    _link(root, context.absolute(path), rel="self", type_="application/atom+xml")
    _link(root, context.absolute(page), rel="alternate", type_="text/html")
    rights = catalog.archive.settings.data_license
    _text(root, "rights", f"{rights.name} ({rights.url})")
    _text(root, "generator", "Ratsarchiv")
    return root


def _serialised(root: ET.Element) -> bytes:
    # No indentation: feed readers parse the XML, and at 10,000 resolutions the
    # whitespace alone was 0.16 MiB.
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def entry_summary(resolution: Resolution, catalog: Catalog) -> str:
    """Committee, date, kind and result in one German sentence-like line."""
    committee = catalog.committees.get(resolution.committee)
    name = committee.name if committee else resolution.committee
    parts = [name, labels.long_date(resolution.date), f"TOP {resolution.agenda_item.number}"]
    if resolution.reference:
        parts.append(f"Drucksache {resolution.reference}")
    parts.append(f"{labels.KIND[resolution.kind]}: {labels.RESULT[resolution.result]}")
    return " · ".join(parts)


def _entry(
    root: ET.Element, resolution: Resolution, catalog: Catalog, context: OutputContext
) -> None:
    entry = ET.SubElement(root, f"{{{ATOM}}}entry")
    url = context.absolute(urls.resolution(resolution.id))
    _text(entry, "id", url)
    _text(entry, "title", resolution.title)
    _text(entry, "updated", _timestamp(resolution.date))
    _text(entry, "published", _timestamp(resolution.date))
    _link(entry, url, rel="alternate", type_="text/html")
    committee = catalog.committees.get(resolution.committee)
    ET.SubElement(
        entry,
        f"{{{ATOM}}}category",
        {"term": resolution.committee, "label": committee.name if committee else ""},
    )
    for topic in resolution.topics:
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": topic})
    _text(entry, "summary", entry_summary(resolution, catalog))


def _timestamp(date: datetime.date) -> str:
    # Meetings have dates, not times; midnight UTC keeps the date readable in every reader.
    return f"{date.isoformat()}T00:00:00Z"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _link(parent: ET.Element, href: str, *, rel: str, type_: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": type_, "href": href})


ET.register_namespace("", ATOM)


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusChange:
    resolution: Resolution
    mandate: Mandate
    entry: MandateStatus


def status_changes(resolutions: Sequence[Resolution]) -> list[StatusChange]:
    """Every status entry of the mandates of ``resolutions``, newest first."""
    changes = [
        StatusChange(resolution=r, mandate=m, entry=entry)
        for r in resolutions
        for m in r.mandates
        for entry in m.history
    ]
    # Stable: within a day the changes keep the archive's order (resolution, then mandate).
    changes.sort(key=lambda c: c.entry.date, reverse=True)
    return changes


def mandate_feeds(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    """The mandates' status changes: all (for ``auftraege/``), and per committee whose
    resolutions carry mandates (for its page)."""
    municipality = catalog.archive.settings.municipality
    files = [
        GeneratedFile(
            path=urls.feed_mandates(),
            content=mandate_document(
                urls.feed_mandates(),
                urls.MANDATES,
                feed_title_mandates(municipality),
                status_changes(catalog.resolutions),
                catalog,
                context,
            ),
        )
    ]
    for committee_id, committee in catalog.committees.items():
        resolutions = catalog.by_committee.get(committee_id, ())
        if not any(r.mandates for r in resolutions):
            continue
        path = urls.feed_committee_mandates(committee_id)
        files.append(
            GeneratedFile(
                path=path,
                content=mandate_document(
                    path,
                    urls.committee(committee_id),
                    feed_title_committee_mandates(committee.name, municipality),
                    status_changes(resolutions),
                    catalog,
                    context,
                ),
            )
        )
    return files


def mandate_document(
    path: str,
    page: str,
    title: str,
    changes: list[StatusChange],
    catalog: Catalog,
    context: OutputContext,
) -> bytes:
    changes = changes[:FEED_SIZE]
    newest = changes[0].entry.date if changes else None
    root = _feed_head(path, page, title, newest, catalog, context)
    for change in changes:
        _mandate_entry(root, change, catalog, context)
    return _serialised(root)


def _mandate_entry(
    root: ET.Element, change: StatusChange, catalog: Catalog, context: OutputContext
) -> None:
    resolution, mandate, status = change.resolution, change.mandate, change.entry
    entry = ET.SubElement(root, f"{{{ATOM}}}entry")
    url = context.absolute(f"{urls.resolution(resolution.id)}#auftrag-{mandate.id}")
    # Stable as long as the entry is: the same mandate, day and status.
    _text(entry, "id", f"{url}-{status.date.isoformat()}-{status.status.value}")
    label = MANDATE_STATE_LABELS[status.status]
    _text(entry, "title", f"{label[0].upper()}{label[1:]}: {mandate.task}")
    _text(entry, "updated", _timestamp(status.date))
    _link(entry, url, rel="alternate", type_="text/html")
    by = catalog.by_id.get(status.by or "")
    if by is not None:
        _link(entry, context.absolute(urls.resolution(by.id)), rel="related", type_="text/html")
    committee = catalog.committees.get(resolution.committee)
    ET.SubElement(
        entry,
        f"{{{ATOM}}}category",
        {"term": resolution.committee, "label": committee.name if committee else ""},
    )
    ET.SubElement(entry, f"{{{ATOM}}}category", {"term": status.status.value, "label": label})
    parts = [f"{labels.long_date(status.date)}: {label}"]
    if status.note:
        parts.append(status.note)
    if by is not None:
        parts.append(f"Bericht: „{by.title}“")
    parts.append(f"Zuständig: {mandate.responsible}")
    parts.append(f"Auftrag aus „{resolution.title}“ ({entry_summary(resolution, catalog)})")
    _text(entry, "summary", " · ".join(parts))


def feed_title_all(municipality: str) -> str:
    return f"Beschlüsse – {municipality}"


def feed_title_committee(name: str, municipality: str) -> str:
    return f"Beschlüsse: {name} – {municipality}"


def feed_title_topic(topic: str, municipality: str) -> str:
    return f"Beschlüsse zum Thema {topic} – {municipality}"


def feed_title_faction(name: str, municipality: str) -> str:
    return f"Abstimmungen der Fraktion {name} – {municipality}"


def feed_title_mandates(municipality: str) -> str:
    return f"Aufträge: Änderungen des Stands – {municipality}"


def feed_title_committee_mandates(name: str, municipality: str) -> str:
    return f"Aufträge aus Beschlüssen: {name} – {municipality}"
