"""The OParl 1.1 objects of the static API (``outputs.oparl``), built from the catalog.

One method per object type; everything OParl has no field for sits under ``VENDOR``.

``created`` and ``modified``: OParl 1.1 makes both mandatory on every object ("Datum und
Uhrzeit der Erstellung" / "der letzten Änderung" of the object, ``format: date-time`` in
each schema), so that clients can synchronise by them; its release notes name that as the
reason (clients fetch again only what was modified). Each object is therefore dated by the
content files it is made from (``publish.file_dates``: first and last commit), not by the
archive's Stand: an agenda item and its files by the resolution's file and its attached
files; a paper and its consultations by the files of the paper's resolutions (a
consultation's role depends on the others); a meeting by everything it embeds, its
meeting file and, where its name is the committee's, ``committees.yml``; the committees by
``committees.yml``; system and body by ``archive.yml`` (and the body by ``factions.yml``,
whose terms it embeds); factions, persons, memberships and terms by ``factions.yml`` (a
faction without it by the resolutions that name it). An object shows the earliest
``created`` and the latest ``modified`` of its files. Without the files' dates (outputs made
without a content folder) every object carries the Stand.
"""

from __future__ import annotations

import datetime
import functools
import mimetypes
import zoneinfo
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from generator.archive import labels, urls
from generator.archive.catalog import Catalog, MeetingKey, agenda_resolutions
from generator.archive.matters import Role, role
from generator.archive.model import Committee, ElectoralTerm, MeetingRecord, Person, Resolution
from generator.archive.slugs import slugify
from generator.outputs.calendars import meeting_name
from generator.outputs.context import Dates, OutputContext
from generator.outputs.mandate_data import oparl_mandates
from generator.reading.registry_reader import FACTIONS_FILE
from generator.reading.settings_reader import ARCHIVE_FILE, COMMITTEES_FILE

SCHEMA = "https://schema.oparl.org/1.1/"
VENDOR = "ratsarchiv:"

_LOCAL = zoneinfo.ZoneInfo("Europe/Berlin")
_MIME = mimetypes.MimeTypes()
"""Only Python's built-in table, not the machine's: the same bytes on every build host."""

Json = dict[str, Any]


def body_id(catalog: Catalog) -> str:
    return slugify(catalog.archive.settings.municipality)


def paper_slugs(catalog: Catalog) -> dict[str, str]:
    """Paper reference → file slug, as for the matter page (``2020/0119`` → ``2020-0119``)."""
    return catalog.reference_slugs


class OParlObjects:
    """Builds the objects; one instance per build, holding the lookups they share."""

    def __init__(self, catalog: Catalog, context: OutputContext) -> None:
        self.catalog = catalog
        self.context = context
        self.body = body_id(catalog)
        self.papers = paper_slugs(catalog)
        self.sources = context.sources
        stand = datetime.datetime.combine(context.updated, datetime.time(), datetime.UTC)
        self.stand = int(stand.timestamp())
        registry = catalog.archive.registry
        self.terms = registry.terms if registry is not None else ()
        self.persons = registry.persons if registry is not None else ()

    def url(self, path: str) -> str:
        return self.context.absolute(path)

    def dates(self, files: Iterable[Path]) -> Dates:
        """The earliest first and the latest last change of ``files`` (the Stand for
        both where none is known)."""
        if self.sources is None:
            return self.stand, self.stand
        known = [d for d in map(self.sources.of, files) if d is not None]
        if not known:
            return self.stand, self.stand
        return min(first for first, _ in known), max(last for _, last in known)

    def source_dates(self, files: Iterable[Path]) -> tuple[Dates | None, ...]:
        """Each file's dates, for the keys of kept objects (``outputs.oparl``)."""
        if self.sources is None:
            return ()
        return tuple(map(self.sources.of, files))

    def dated(self, files: Iterable[Path]) -> Json:
        created, modified = self.dates(files)
        return {"created": _timestamp(created), "modified": _timestamp(modified)}

    def settings_sources(self) -> list[Path]:
        return [self.named(ARCHIVE_FILE)]

    def committee_sources(self) -> list[Path]:
        return [self.named(COMMITTEES_FILE)]

    def registry_sources(self) -> list[Path]:
        return [self.named(FACTIONS_FILE)]

    def named(self, name: str) -> Path:
        """A file at the top of the content folder, as the loaded records name theirs."""
        return (self.sources.display if self.sources is not None else Path()) / name

    def meeting_sources(self, key: MeetingKey) -> list[Path]:
        """What a meeting shows: its agenda items with their files, its meeting file, and
        ``committees.yml`` where its name is the committee's (``meeting_name``)."""
        items = self.catalog.by_meeting.get(key, ())
        record = self.catalog.meeting_records.get(key)
        files = [path for r in items for path in resolution_sources(r)]
        if record is not None:
            files.append(record.path)
        named = (record is not None and record.name) or any(r.meeting.name for r in items)
        if not named:
            files += self.committee_sources()
        return files

    def faction_sources(self, key: str) -> list[Path]:
        """``factions.yml``; without it, the names of factions come from the votes."""
        if self.catalog.archive.registry is not None:
            return self.registry_sources()
        return [entry.resolution.path for entry in self.catalog.by_faction.get(key, ())]

    def system(self) -> Json:
        settings = self.catalog.archive.settings
        return {
            "id": self.url(urls.oparl_system()),
            "type": f"{SCHEMA}System",
            "oparlVersion": SCHEMA,
            "name": f"Ratsarchiv {settings.municipality}",
            "contactEmail": settings.contact.email,
            "contactName": settings.contact.name,
            "website": self.context.site_url,
            "body": self.url(urls.oparl_body_list(1)),
            "license": settings.data_license.url,
            "web": self.context.site_url,
            **self.dated(self.settings_sources()),
        }

    def body_object(self) -> Json:
        settings = self.catalog.archive.settings
        return {
            "id": self.url(urls.oparl_body(self.body)),
            "type": f"{SCHEMA}Body",
            "system": self.url(urls.oparl_system()),
            "name": settings.municipality,
            "ags": settings.ags,
            "website": self.context.site_url,
            "license": settings.data_license.url,
            "contactEmail": settings.contact.email,
            "contactName": settings.contact.name,
            "organization": self.url(urls.oparl_body_list_of(self.body, "organizations", 1)),
            "person": self.url(urls.oparl_body_list_of(self.body, "persons", 1)),
            "meeting": self.url(urls.oparl_body_list_of(self.body, "meetings", 1)),
            "paper": self.url(urls.oparl_body_list_of(self.body, "papers", 1)),
            # No agendaItem list (optional in OParl 1.1): it repeated, item for item, what
            # the meetings list embeds (1.2 KiB per resolution). Each item also answers at
            # its own id, with its vendor fields.
            "legislativeTerm": [self.legislative_term(term) for term in self.terms],
            "web": self.context.site_url,
            **self.dated([*self.settings_sources(), *self.registry_sources()]),
        }

    def organization(self, committee: Committee) -> Json:
        value: Json = {
            "id": self.url(urls.oparl_organization(committee.id)),
            "type": f"{SCHEMA}Organization",
            "body": self.url(urls.oparl_body(self.body)),
            "name": committee.name,
            "shortName": committee.short_name,
            "organizationType": "Gremium",
            "classification": labels.COMMITTEE_KIND[committee.kind],
            "web": self.url(urls.committee(committee.id)),
            **self.dated(self.committee_sources()),
            f"{VENDOR}id": committee.id,
            f"{VENDOR}kind": committee.kind.value,
        }
        if committee.active_from:
            value["startDate"] = committee.active_from.isoformat()
        if committee.active_until:
            value["endDate"] = committee.active_until.isoformat()
        if committee.description:
            value[f"{VENDOR}description"] = committee.description
        return value

    def meeting(self, key: MeetingKey) -> Json:
        items = self.catalog.by_meeting.get(key, ())
        record = self.catalog.meeting_records.get(key)
        # Without a meeting file that gives it, the hour is unknown: local midnight,
        # flagged as date-only by ratsarchiv:date.
        begins = record.start if record is not None and record.start else datetime.time()
        start = datetime.datetime.combine(key.date, begins, _LOCAL)
        value: Json = {
            "id": self.url(urls.oparl_meeting(key.committee, key.date)),
            "type": f"{SCHEMA}Meeting",
            "name": meeting_name(key, items, self.catalog),
            "start": start.isoformat(),
            "organization": [self.url(urls.oparl_organization(key.committee))],
            "agendaItem": self.agenda(key, items, record),
            "web": self.url(urls.meeting(key.committee, key.date)),
            **self.dated(self.meeting_sources(key)),
            f"{VENDOR}date": key.date.isoformat(),
        }
        if record is None:
            return value
        value["cancelled"] = record.cancelled
        if record.end is not None:
            end = datetime.datetime.combine(key.date, record.end, _LOCAL)
            value["end"] = end.isoformat()
        if record.place:
            value["location"] = {
                "id": self.url(urls.oparl_location(key.committee, key.date)),
                "type": f"{SCHEMA}Location",
                "description": record.place,
                "meetings": [value["id"]],
                **self.dated([record.path]),
            }
        if record.minutes_url:
            value[f"{VENDOR}minutesUrl"] = record.minutes_url
        if record.ris_url:
            value[f"{VENDOR}risUrl"] = record.ris_url
        if record.start is not None:
            value[f"{VENDOR}timeKnown"] = True
        return value

    def agenda(
        self, key: MeetingKey, items: tuple[Resolution, ...], record: MeetingRecord | None
    ) -> list[Json]:
        """With a meeting file, its whole agenda: items without a resolution are agenda
        items of their own; without one, the resolutions in agenda order."""
        if record is None:
            return [self.agenda_item(r, order) for order, r in enumerate(items, start=1)]
        agenda = []
        rows = agenda_resolutions(record, items)
        for order, (number, title, public, resolution) in enumerate(rows, start=1):
            if resolution is not None:
                agenda.append(self.agenda_item(resolution, order))
                continue
            agenda.append(
                {
                    "id": self.url(urls.oparl_agenda_entry(key.committee, key.date, order)),
                    "type": f"{SCHEMA}AgendaItem",
                    "meeting": self.url(urls.oparl_meeting(key.committee, key.date)),
                    "number": number,
                    "order": order,
                    "name": title,
                    "public": public,
                    **self.dated([record.path]),
                }
            )
        return agenda

    def legislative_term(self, term: ElectoralTerm) -> Json:
        value: Json = {
            "id": self.url(urls.oparl_legislative_term(term.id)),
            "type": f"{SCHEMA}LegislativeTerm",
            "body": self.url(urls.oparl_body(self.body)),
            "name": term.name,
            "startDate": term.start.isoformat(),
            **self.dated(self.registry_sources()),
        }
        if term.end is not None:
            value["endDate"] = term.end.isoformat()
        return value

    def faction(self, key: str) -> Json:
        registry = self.catalog.archive.registry
        registered = next((f for f in registry.factions if f.id == key), None) if registry else None
        short_name = self.catalog.faction_names[key]
        return {
            "id": self.url(urls.oparl_faction(key)),
            "type": f"{SCHEMA}Organization",
            "body": self.url(urls.oparl_body(self.body)),
            "name": registered.name if registered is not None else short_name,
            "shortName": short_name,
            "organizationType": "Fraktion",
            "classification": "Fraktion",
            "membership": [
                self.url(urls.oparl_membership(person.id))
                for person in self.persons
                if person.faction == key
            ],
            "web": self.url(urls.faction(key)),
            **self.dated(self.faction_sources(key)),
        }

    def person(self, person: Person) -> Json:
        value: Json = {
            "id": self.url(urls.oparl_person(person.id)),
            "type": f"{SCHEMA}Person",
            "body": self.url(urls.oparl_body(self.body)),
            "name": person.name,
            **self.dated(self.registry_sources()),
        }
        if person.faction is not None and person.faction in self.catalog.faction_names:
            value["membership"] = [
                {
                    "id": self.url(urls.oparl_membership(person.id)),
                    "type": f"{SCHEMA}Membership",
                    "person": value["id"],
                    "organization": self.url(urls.oparl_faction(person.faction)),
                    "role": "Mitglied",
                    **self.dated(self.registry_sources()),
                }
            ]
        return value

    def agenda_item(self, resolution: Resolution, order: int) -> Json:
        r = resolution
        value: Json = {
            "id": self.url(urls.oparl_agenda_item(r.id)),
            "type": f"{SCHEMA}AgendaItem",
            "meeting": self.url(urls.oparl_meeting(r.committee, r.date)),
            "number": r.agenda_item.number,
            "order": order,
            "name": r.title,
            "public": r.public,
            "result": labels.RESULT[r.result],
            "web": self.url(urls.resolution(r.id)),
            "keyword": list(r.topics),
            **self.dated(resolution_sources(r)),
            f"{VENDOR}resolutionId": r.id,
            # The record with vote, discussion, movers, legal basis and addendum date: they
            # stood here a second time (three quarters of every item's bytes, mostly the
            # discussion). Only what OParl addresses express stays here.
            f"{VENDOR}resolution": self.url(urls.resolution_json(r.id)),
            f"{VENDOR}kind": r.kind.value,
            f"{VENDOR}result": r.result.value,
            f"{VENDOR}relations": [
                {
                    "type": relation.type.value,
                    "target": self.url(urls.oparl_agenda_item(relation.target)),
                }
                for relation in r.relations
            ],
        }
        if r.reference:
            value["consultation"] = self.url(urls.oparl_consultation(r.id))
        optional = {
            f"{VENDOR}recommendedTo": self.url(urls.oparl_organization(r.recommended_to))
            if r.recommended_to
            else None,
            f"{VENDOR}referredTo": self.url(urls.oparl_organization(r.referred_to))
            if r.referred_to
            else None,
        }
        value.update({key: item for key, item in optional.items() if item is not None})
        value.update(oparl_mandates(r, VENDOR, self.url))
        if r.public:
            value["resolutionText"] = r.text
            first_auxiliary = 0
            if r.resolution_file is not None:
                value["resolutionFile"] = self.file(r, 0)
                first_auxiliary = 1
            if r.attachments:
                value["auxiliaryFile"] = [
                    self.file(r, index) for index in range(first_auxiliary, len(r.files))
                ]
        return value

    def file(self, resolution: Resolution, index: int) -> Json:
        """``index`` counts ``resolution.files``: the resolution file (if any) is 0."""
        attachment = resolution.files[index]
        if attachment.file is not None:
            name = attachment.file.name
            access = self.url(urls.attachment(resolution.id, name))
        else:
            access = attachment.url or ""
            name = access.rsplit("/", 1)[-1]
        value: Json = {
            "id": self.url(urls.oparl_file(resolution.id, index + 1)),
            "type": f"{SCHEMA}File",
            "name": attachment.title,
            "fileName": name,
            "accessUrl": access,
            "agendaItem": [self.url(urls.oparl_agenda_item(resolution.id))],
            **self.dated([resolution.path, *([attachment.file] if attachment.file else [])]),
        }
        mime, _ = _MIME.guess_type(name)
        if mime:
            value["mimeType"] = mime
        if attachment.file is not None:
            value["downloadUrl"] = access
        if attachment.size is not None:
            value["size"] = attachment.size
        return value

    def consultation(self, resolution: Resolution) -> Json:
        """As its paper embeds it: without the back-reference ``paper``, which OParl 1.1
        asks for only in the consultation's own file (``oparl.alone`` adds it there)."""
        assert resolution.reference is not None
        matter = self.catalog.by_reference[resolution.reference]
        consultation_role = role(resolution, matter)
        return {
            "id": self.url(urls.oparl_consultation(resolution.id)),
            "type": f"{SCHEMA}Consultation",
            "agendaItem": self.url(urls.oparl_agenda_item(resolution.id)),
            "meeting": self.url(urls.oparl_meeting(resolution.committee, resolution.date)),
            "organization": [self.url(urls.oparl_organization(resolution.committee))],
            "authoritative": consultation_role is Role.DECISION,
            # Council information systems call a recommending consultation Vorberatung.
            "role": Role.PRELIMINARY.value
            if consultation_role is Role.RECOMMENDATION
            else consultation_role.value,
            **self.dated(r.path for r in matter),
        }

    def paper(self, reference: str, resolutions: Sequence[Resolution]) -> Json:
        first = resolutions[0]
        value: Json = {
            "id": self.url(urls.oparl_paper(self.papers[reference])),
            "type": f"{SCHEMA}Paper",
            "body": self.url(urls.oparl_body(self.body)),
            "name": first.title,
            "reference": reference,
            "date": first.date.isoformat(),
            "consultation": [self.consultation(r) for r in resolutions],
            # A paper decided once has no matter page (pages/matter.py): its resolution's.
            "web": self.url(
                urls.matter(self.papers[reference])
                if len(resolutions) > 1
                else urls.resolution(first.id)
            ),
            **self.dated(r.path for r in resolutions),
        }
        if first.paper_type:
            value["paperType"] = first.paper_type
        return value


def resolution_sources(resolution: Resolution) -> list[Path]:
    """The files an agenda item shows: the resolution's and those attached to it."""
    return [resolution.path, *(f.file for f in resolution.files if f.file is not None)]


@functools.lru_cache(maxsize=1 << 16)
def _timestamp(seconds: int) -> str:
    """RFC 3339 in UTC; cached, since most objects share the few times of their commits."""
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
