"""A static OParl 1.1 API: System, Body, Organization, Meeting, AgendaItem, Paper as JSON files.

OParl is the German standard API for council information systems; serving it as plain
files lets OParl clients (e.g. Meine Stadt Transparent's importer) read the archive
without a server. Mapping:

- the archive is one ``Body``; each committee an ``Organization``; with ``factions.yml``
  each faction an ``Organization`` (type Fraktion), each term a ``LegislativeTerm``, each
  person a ``Person`` with a ``Membership`` in their faction;
- each meeting (committee + date) a ``Meeting`` whose ``agendaItem`` embeds its items
  (standard fields only; the vendor fields are in each item's own file, see ``embedded``;
  no separate list of all agenda items, which would repeat the meetings list's);
  with a meeting file, its start, end, ``Location`` and every agenda item, also those
  without a resolution;
- each resolution an ``AgendaItem`` (``resolutionText`` is the standard field for its text);
- each paper reference (Drucksache) a ``Paper`` with one ``Consultation`` per resolution;
- each attachment a ``File``.

Everything OParl has no field for sits under the vendor prefix ``ratsarchiv:`` (kind,
result code, relations …; documented on the data page). What the resolution's own JSON
(``beschluss.json``) holds as it is (structured vote, discussion, movers, legal basis) the
item does not repeat: ``ratsarchiv:resolution`` gives that file's address.
Lists are static pages ``…/page-N.json`` linked by ``links.next``; the query filters of
the standard (``created_since`` …) cannot work on static files, so clients read all pages.
Non-public resolutions publish only their header data, as on the website.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.outputs.context import OutputContext
from generator.outputs.oparl_objects import VENDOR, Json, OParlObjects, body_id
from generator.rendering.generated import GeneratedFile

PAGE_SIZE = 100
"""Objects per list page; OParl leaves the size to the server."""


class _Api(OParlObjects):
    """The objects as files, and the paged lists that link them."""

    def __init__(self, catalog: Catalog, context: OutputContext, page_size: int) -> None:
        super().__init__(catalog, context)
        self.page_size = page_size

    def emit(self, path: str, value: Json) -> GeneratedFile:
        # Compact JSON: the C encoder runs only without indentation (seconds per build).
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
        # Only the entry point is linked from a page MkDocs renders (the Daten page).
        bulk = path != urls.oparl_system()
        return GeneratedFile(path=path, content=data.encode("utf-8"), bulk=bulk)

    def emit_list(
        self, page_path: Callable[[int], str], items: Sequence[Json]
    ) -> Iterator[GeneratedFile]:
        size = self.page_size
        return self.emit_pages(
            page_path, len(items), lambda page: items[page * size : (page + 1) * size]
        )

    def emit_pages(
        self, page_path: Callable[[int], str], total: int, chunk_of: Callable[[int], Sequence[Json]]
    ) -> Iterator[GeneratedFile]:
        """The list pages of ``total`` objects; ``chunk_of(n)`` gives those of the page
        ``n + 1`` (made only then: see ``build``)."""
        total_pages = max(1, -(-total // self.page_size))
        for page in range(1, total_pages + 1):
            chunk = chunk_of(page - 1)
            links = {
                "first": self.url(page_path(1)),
                "last": self.url(page_path(total_pages)),
            }
            if page > 1:
                links["prev"] = self.url(page_path(page - 1))
            if page < total_pages:
                links["next"] = self.url(page_path(page + 1))
            yield self.emit(
                page_path(page),
                {
                    "data": list(chunk),
                    "pagination": {
                        "totalElements": total,
                        "elementsPerPage": self.page_size,
                        "currentPage": page,
                        "totalPages": total_pages,
                    },
                    "links": links,
                },
            )

    def build(self) -> Iterator[GeneratedFile]:
        """The files one at a time, so that the caller can write them as they come."""
        catalog = self.catalog
        yield self.emit(urls.oparl_system(), self.system())
        body = self.body_object()
        yield self.emit(urls.oparl_body(self.body), body)
        yield from self.emit_list(urls.oparl_body_list, [body])

        organizations = [self.organization(c) for c in catalog.archive.committees]
        organizations += [self.faction(key) for key in catalog.faction_names]
        persons = [self.person(person) for person in self.persons]
        meetings = [self.meeting(key) for key in catalog.meeting_keys]
        agenda_items = [item for meeting in meetings for item in meeting["agendaItem"]]
        for meeting in meetings:
            meeting["agendaItem"] = [embedded(item) for item in meeting["agendaItem"]]

        nested = [
            *(m["location"] for m in meetings if "location" in m),
            *(membership for person in persons for membership in person.get("membership", [])),
            *body["legislativeTerm"],
        ]
        for value in (*organizations, *persons, *meetings, *agenda_items, *nested):
            yield self.emit(self._path(value["id"]), value)
        for item in agenda_items:
            files = [item["resolutionFile"]] if "resolutionFile" in item else []
            for file in (*files, *item.get("auxiliaryFile", [])):
                yield self.emit(self._path(file["id"]), file)

        def lister(kind: str) -> Callable[[int], str]:
            return lambda page: urls.oparl_body_list_of(self.body, kind, page)

        yield from self.emit_list(lister("organizations"), organizations)
        yield from self.emit_list(lister("persons"), persons)
        yield from self.emit_list(lister("meetings"), meetings)
        # The papers (one per reference, a third of the objects) are made a list page at
        # a time, each written with its consultations before the page that lists it:
        # held all at once they grew with the archive (2 KiB a resolution).
        references = sorted(catalog.by_reference.items())
        size = self.page_size
        written: list[GeneratedFile] = []

        def papers(page: int) -> list[Json]:
            made = [
                self.paper(ref, items) for ref, items in references[page * size : (page + 1) * size]
            ]
            for paper in made:
                written.append(self.emit(self._path(paper["id"]), paper))
                for consultation in paper["consultation"]:
                    written.append(
                        self.emit(self._path(consultation["id"]), alone(consultation, paper))
                    )
            return made

        for listed in self.emit_pages(lister("papers"), len(references), papers):
            yield from written
            written.clear()
            yield listed

    def _path(self, object_id: str) -> str:
        return object_id.removeprefix(self.context.site_url)


def embedded(item: Json) -> Json:
    """An agenda item as its meeting (in its file and in the meetings list) carries it:
    the standard fields only.

    The vendor fields (then with structured vote and discussion) were three quarters of
    every item, and the item stood in full in four files (its own, its meeting, the
    meetings list, a list of all agenda items, since dropped). They stay in the item's own
    file, where its ``id`` leads (and all of them in the downloads). The back-reference
    ``meeting`` is left out as OParl 1.1 says for an item that is part of its meeting; so
    is ``agendaItem`` of the item's embedded files.
    """
    value = {key: v for key, v in item.items() if not key.startswith(VENDOR) and key != "meeting"}
    if "resolutionFile" in value:
        value["resolutionFile"] = _without_back_reference(value["resolutionFile"])
    if "auxiliaryFile" in value:
        value["auxiliaryFile"] = [_without_back_reference(f) for f in value["auxiliaryFile"]]
    return value


def alone(consultation: Json, paper: Json) -> Json:
    """A consultation as its own file has it: with the back-reference ``paper``, which
    OParl 1.1 asks for only there, not where the paper embeds it (``OParlObjects.paper``)."""
    first, second, *rest = consultation.items()
    return dict([first, second, ("paper", paper["id"]), *rest])


def _without_back_reference(file: Json) -> Json:
    return {key: v for key, v in file.items() if key != "agendaItem"}


def oparl(
    catalog: Catalog, context: OutputContext, *, page_size: int = PAGE_SIZE
) -> list[GeneratedFile]:
    return list(oparl_files(catalog, context, page_size=page_size))


def oparl_files(
    catalog: Catalog, context: OutputContext, *, page_size: int = PAGE_SIZE
) -> Iterator[GeneratedFile]:
    """``oparl`` one file at a time: tens of thousands at 10,000 resolutions, which the
    build writes in batches instead of holding them all."""
    return _Api(catalog, context, page_size).build()


__all__ = ["VENDOR", "body_id", "oparl", "oparl_files"]
