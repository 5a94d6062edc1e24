"""The OParl 1.1 objects of the static API (``outputs.oparl``), built from the catalog.

One method per object type; everything OParl has no field for sits under ``VENDOR``.
"""

from __future__ import annotations

import datetime
import mimetypes
import zoneinfo
from collections.abc import Sequence
from typing import Any

from generator.archive import labels, urls
from generator.archive.catalog import Catalog, MeetingKey, agenda_resolutions
from generator.archive.matters import Role, role
from generator.archive.model import Committee, ElectoralTerm, MeetingRecord, Person, Resolution
from generator.archive.slugs import slugify
from generator.outputs.calendars import meeting_name
from generator.outputs.context import OutputContext
from generator.outputs.mandate_data import oparl_mandates

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
        self.stamp = context.updated_timestamp
        registry = catalog.archive.registry
        self.terms = registry.terms if registry is not None else ()
        self.persons = registry.persons if registry is not None else ()

    def url(self, path: str) -> str:
        return self.context.absolute(path)

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
            "created": self.stamp,
            "modified": self.stamp,
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
            "created": self.stamp,
            "modified": self.stamp,
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
            "created": self.stamp,
            "modified": self.stamp,
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
            "created": _stamp(key.date),
            "modified": self.stamp,
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
                "created": self.stamp,
                "modified": self.stamp,
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
                    "created": _stamp(key.date),
                    "modified": self.stamp,
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
            "created": self.stamp,
            "modified": self.stamp,
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
            "created": self.stamp,
            "modified": self.stamp,
        }

    def person(self, person: Person) -> Json:
        value: Json = {
            "id": self.url(urls.oparl_person(person.id)),
            "type": f"{SCHEMA}Person",
            "body": self.url(urls.oparl_body(self.body)),
            "name": person.name,
            "created": self.stamp,
            "modified": self.stamp,
        }
        if person.faction is not None and person.faction in self.catalog.faction_names:
            value["membership"] = [
                {
                    "id": self.url(urls.oparl_membership(person.id)),
                    "type": f"{SCHEMA}Membership",
                    "person": value["id"],
                    "organization": self.url(urls.oparl_faction(person.faction)),
                    "role": "Mitglied",
                    "created": self.stamp,
                    "modified": self.stamp,
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
            "created": _stamp(r.date),
            "modified": self.stamp,
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
            "created": _stamp(resolution.date),
            "modified": self.stamp,
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
            "created": _stamp(resolution.date),
            "modified": self.stamp,
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
            "created": _stamp(first.date),
            "modified": self.stamp,
        }
        if first.paper_type:
            value["paperType"] = first.paper_type
        return value


def _stamp(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
