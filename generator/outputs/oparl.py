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
from dataclasses import dataclass
from functools import partial
from typing import Generic, TypeVar

from generator.archive import urls
from generator.archive.catalog import Catalog, MeetingKey
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.outputs.kept import KeptFile, KeptGroups, OutputFile, inputs_digest, made
from generator.outputs.oparl_objects import VENDOR, Json, OParlObjects, body_id
from generator.rendering.generated import GeneratedFile

K = TypeVar("K")

PAGE_SIZE = 100
"""Objects per list page; OParl leaves the size to the server."""


class _Api(OParlObjects):
    """The objects as files, and the paged lists that link them.

    With ``kept``, the files of a meeting (its agenda items and their files), of a paper
    (its consultations) and each list page of meetings and papers are a group kept under
    its inputs: an edited resolution makes again only its meeting, its paper and the two
    list pages that hold them. The few objects of the body, the organisations and the
    persons are made every time.
    """

    def __init__(
        self, catalog: Catalog, context: OutputContext, page_size: int, kept: KeptGroups | None
    ) -> None:
        super().__init__(catalog, context)
        self.page_size = page_size
        self.kept = kept
        # What every object shows besides its own data (``url``, ``body``; the Stand only
        # without the files' dates: with them, each key holds the dates of its files).
        stand = self.stand if self.sources is None else None
        self.common = (context.site_url, stand, self.body, page_size)

    def emit(self, path: str, value: Json) -> GeneratedFile:
        # Compact JSON: the C encoder runs only without indentation (seconds per build).
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
        # Only the entry point is linked from a page MkDocs renders (the Daten page).
        bulk = path != urls.oparl_system()
        return GeneratedFile(path=path, content=data.encode("utf-8"), bulk=bulk)

    def group(
        self,
        kind: str,
        name: str,
        inputs: str | None,
        make: Callable[[], Sequence[GeneratedFile]],
    ) -> Sequence[OutputFile]:
        if self.kept is None:
            return make()
        return self.kept.files(kind, name, inputs, make)

    def identities(self, resolutions: Sequence[Resolution]) -> tuple[str | None, ...] | None:
        """The resolutions' identities (``KeptGroups.identity``); None if one has none."""
        if self.kept is None:
            return None
        found = tuple(self.kept.identity(r) for r in resolutions)
        return None if None in found else found

    def emit_list(
        self, page_path: Callable[[int], str], items: Sequence[Json]
    ) -> Iterator[GeneratedFile]:
        size = self.page_size
        total_pages = _pages(len(items), size)
        for page in range(1, total_pages + 1):
            chunk = items[(page - 1) * size : page * size]
            yield self.list_page(page_path, page, len(items), chunk)

    def list_page(
        self, page_path: Callable[[int], str], page: int, total: int, chunk: Sequence[Json]
    ) -> GeneratedFile:
        """The list page ``page`` of ``total`` objects, listing ``chunk``."""
        total_pages = _pages(total, self.page_size)
        links = {
            "first": self.url(page_path(1)),
            "last": self.url(page_path(total_pages)),
        }
        if page > 1:
            links["prev"] = self.url(page_path(page - 1))
        if page < total_pages:
            links["next"] = self.url(page_path(page + 1))
        return self.emit(
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

    def build(self) -> Iterator[OutputFile]:
        """The files one at a time, so that the caller can write them as they come."""
        catalog = self.catalog
        yield self.emit(urls.oparl_system(), self.system())
        body = self.body_object()
        yield self.emit(urls.oparl_body(self.body), body)
        yield from self.emit_list(urls.oparl_body_list, [body])

        organizations = [self.organization(c) for c in catalog.archive.committees]
        organizations += [self.faction(key) for key in catalog.faction_names]
        persons = [self.person(person) for person in self.persons]
        nested = [
            *(membership for person in persons for membership in person.get("membership", [])),
            *body["legislativeTerm"],
        ]
        for value in (*organizations, *persons, *nested):
            yield self.emit(self._path(value["id"]), value)
        yield from self.emit_list(self.lister("organizations"), organizations)
        yield from self.emit_list(self.lister("persons"), persons)
        yield from self.meeting_groups()
        yield from self.paper_groups()

    def lister(self, kind: str) -> Callable[[int], str]:
        return lambda page: urls.oparl_body_list_of(self.body, kind, page)

    def meeting_groups(self) -> Iterator[OutputFile]:
        """Each meeting's files, a list page at a time, and then that page: only the
        meetings of one page are ever held (and only those made anew)."""
        yield from self.paged(
            "meetings",
            [(urls.oparl_meeting(k.committee, k.date), k) for k in self.catalog.meeting_keys],
            Paging(
                kind="oparl_meeting",
                inputs=self.meeting_inputs,
                files=lambda key: self.meeting_files(self.meeting(key)),
            ),
        )

    def paper_groups(self) -> Iterator[OutputFile]:
        """Each paper with its consultations, a list page at a time, as ``meeting_groups``."""
        references = sorted(self.catalog.by_reference)
        yield from self.paged(
            "papers",
            [(urls.oparl_paper(self.papers[r]), r) for r in references],
            Paging(
                kind="oparl_paper",
                inputs=self.paper_inputs,
                files=lambda r: self.paper_files(self.paper(r, self.catalog.by_reference[r])),
            ),
        )

    def paged(
        self, kind: str, entries: Sequence[tuple[str, K]], paging: Paging[K]
    ) -> Iterator[OutputFile]:
        """The groups of ``entries`` (the path of the object, its key), each page of them
        followed by its list page: only one page's objects are ever held."""
        size = self.page_size
        for page in range(1, _pages(len(entries), size) + 1):
            chunk = entries[(page - 1) * size : page * size]
            yield from self.page_of(kind, page, len(entries), chunk, paging)

    def page_of(
        self,
        kind: str,
        page: int,
        total: int,
        chunk: Sequence[tuple[str, K]],
        paging: Paging[K],
    ) -> Iterator[OutputFile]:
        keys = []
        listed: list[OutputFile] = []  # each object's own file: what the list shows of it
        for path, key in chunk:
            inputs = paging.inputs(key)
            keys.append(inputs)
            files = self.group(paging.kind, path, inputs, partial(paging.files, key))
            listed.append(files[0])
            yield from files
        page_path = self.lister(kind)
        page_inputs = None
        if None not in keys:
            page_inputs = inputs_digest((self.common, kind, page, total, tuple(keys)))
        yield from self.group(
            "oparl_list_page",
            page_path(page),
            page_inputs,
            lambda: [self.spliced_page(page_path, page, total, listed)],
        )

    def spliced_page(
        self, page_path: Callable[[int], str], page: int, total: int, listed: Sequence[OutputFile]
    ) -> GeneratedFile:
        """``list_page`` with the objects' own files as its data: compact JSON of a list is
        its items' JSON joined by commas, so an unchanged meeting on a changed page is
        read from its kept file, not made again."""
        empty = self.list_page(page_path, page, total, []).content
        assert empty is not None and empty.startswith(_EMPTY_DATA), page_path(page)
        items = b",".join(_bytes(file).removesuffix(b"\n") for file in listed)
        start = len(_EMPTY_DATA) - 1
        return GeneratedFile(
            path=page_path(page), content=empty[:start] + items + empty[start:], bulk=True
        )

    def meeting_inputs(self, key: MeetingKey) -> str | None:
        """Everything ``meeting`` reads, and with it ``agenda``, ``agenda_item``, ``file``
        and ``calendars.meeting_name``: keep in step with them."""
        items = self.catalog.by_meeting.get(key, ())
        identities = self.identities(items)
        if identities is None:
            return None
        committee = self.catalog.committees.get(key.committee)
        return inputs_digest(
            (
                self.common,
                key.committee,
                key.date.isoformat(),
                identities,
                repr(self.catalog.meeting_records.get(key)),
                committee.name if committee is not None else None,
                self.source_dates(self.meeting_sources(key)),
            )
        )

    def meeting_files(self, meeting: Json) -> list[GeneratedFile]:
        """The meeting's file (agenda items embedded), its location's, its agenda items'
        (with their vendor fields) and their files'."""
        items = meeting["agendaItem"]
        files = [self.emit(self._path(meeting["id"]), listed_meeting(meeting))]
        if "location" in meeting:
            files.append(self.emit(self._path(meeting["location"]["id"]), meeting["location"]))
        files += [self.emit(self._path(item["id"]), item) for item in items]
        for item in items:
            attached = [item["resolutionFile"]] if "resolutionFile" in item else []
            for file in (*attached, *item.get("auxiliaryFile", [])):
                files.append(self.emit(self._path(file["id"]), file))
        return files

    def paper_inputs(self, reference: str) -> str | None:
        """Everything ``paper_files`` reads (keep in step with ``paper`` and
        ``consultation``, whose role depends on the paper's other resolutions)."""
        resolutions = self.catalog.by_reference[reference]
        identities = self.identities(resolutions)
        if identities is None:
            return None
        dates = self.source_dates(r.path for r in resolutions)
        return inputs_digest((self.common, reference, self.papers[reference], identities, dates))

    def paper_files(self, paper: Json) -> list[GeneratedFile]:
        files = [self.emit(self._path(paper["id"]), paper)]
        for consultation in paper["consultation"]:
            files.append(self.emit(self._path(consultation["id"]), alone(consultation, paper)))
        return files

    def _path(self, object_id: str) -> str:
        return object_id.removeprefix(self.context.site_url)


_EMPTY_DATA = b'{"data":[]'


def _bytes(file: OutputFile) -> bytes:
    if isinstance(file, KeptFile):
        return file.load()
    assert file.content is not None, file.path
    return file.content


def _pages(total: int, size: int) -> int:
    return max(1, -(-total // size))


@dataclass(frozen=True, slots=True, kw_only=True)
class Paging(Generic[K]):
    """How ``_Api.paged`` makes the objects of one list and their files."""

    kind: str
    """Under which the groups are kept (``KeptGroups.files``)."""
    inputs: Callable[[K], str | None]
    """Everything the object's files show (None: unknown, so always made)."""
    files: Callable[[K], list[GeneratedFile]]
    """The object's own file (as its list shows the object) first, then those of what it
    holds."""


def listed_meeting(meeting: Json) -> Json:
    """A meeting as its file and its list show it: its agenda items ``embedded``."""
    return {**meeting, "agendaItem": [embedded(item) for item in meeting["agendaItem"]]}


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
    return made(oparl_files(catalog, context, page_size=page_size))


def oparl_files(
    catalog: Catalog,
    context: OutputContext,
    *,
    page_size: int = PAGE_SIZE,
    kept: KeptGroups | None = None,
) -> Iterator[OutputFile]:
    """``oparl`` one file at a time: tens of thousands at 10,000 resolutions, which the
    build writes in batches instead of holding them all. ``kept``: the groups of files
    of the last build, reused where their inputs are unchanged (see ``_Api``)."""
    return _Api(catalog, context, page_size, kept).build()


__all__ = ["VENDOR", "body_id", "oparl", "oparl_files"]
