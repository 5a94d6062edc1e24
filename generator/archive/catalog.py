"""The archive as indexes (by id, committee, year, meeting, topic) plus checks across files.

Built once, after every file has been read: every page generator looks things up here
instead of scanning the archive, which keeps the build linear in the number of resolutions.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from generator.archive.faction_checks import check_factions, never_a_faction
from generator.archive.mandates import Mandate, MandateStatus
from generator.archive.model import (
    Archive,
    Committee,
    FactionRegistry,
    FactionVote,
    MeetingRecord,
    RelationType,
    Resolution,
    ResolutionKind,
    Result,
    Vote,
)
from generator.archive.problems import Problem, error
from generator.archive.slugs import slugify
from generator.archive.topic_spelling import misspelt_topics
from generator.archive.urls import topic_slug

_NUMBER_PARTS = re.compile(r"(\d+)")
K = TypeVar("K")


@dataclass(frozen=True, slots=True, order=True)
class MeetingKey:
    committee: str
    date: datetime.date


@dataclass(frozen=True, slots=True)
class MandateReport:
    """A status entry of ``mandate`` (given by ``resolution``) that names another resolution."""

    resolution: Resolution
    mandate: Mandate
    entry: MandateStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class IncomingRelation:
    """``source`` has a relation of ``type`` pointing at the resolution this is filed under."""

    type: RelationType
    source: Resolution


@dataclass(frozen=True, slots=True, kw_only=True)
class FactionEntry:
    """One faction's part in one recorded vote: a row of the faction page."""

    resolution: Resolution
    vote: Vote
    faction: FactionVote


def agenda_sort_key(resolution: Resolution) -> tuple[object, ...]:
    """Order within a meeting: explicit ``order`` first, else natural TOP order (3.2 < 3.10)."""
    number = resolution.agenda_item.number
    natural = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in _NUMBER_PARTS.split(number)
        if part
    )
    order = resolution.agenda_item.order
    return (order if order is not None else 1_000_000, natural, resolution.id)


def chronological_key(resolution: Resolution) -> tuple[object, ...]:
    return (resolution.date, resolution.committee, agenda_sort_key(resolution))


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalog:
    archive: Archive
    committees: dict[str, Committee]
    by_id: dict[str, Resolution]
    """Every resolution by id, in chronological order."""
    by_committee: dict[str, tuple[Resolution, ...]]
    by_year: dict[int, tuple[Resolution, ...]]
    by_meeting: dict[MeetingKey, tuple[Resolution, ...]]
    by_topic: dict[str, tuple[Resolution, ...]]
    incoming: dict[str, tuple[IncomingRelation, ...]]
    redirects: dict[str, str]
    """Former id → current id."""
    by_reference: dict[str, tuple[Resolution, ...]] = field(default_factory=dict)
    """Paper reference (Drucksache) → its consultations, in chronological order."""
    reference_slugs: dict[str, str] = field(default_factory=dict)
    """Paper reference → unique slug (``2020/0123`` → ``2020-0123``) for matter pages."""
    meeting_records: dict[MeetingKey, MeetingRecord] = field(default_factory=dict)
    """Meetings that have a meeting file."""
    meeting_keys: tuple[MeetingKey, ...] = ()
    """Every meeting, with resolutions or a file or both, sorted by committee and date."""
    by_faction: dict[str, tuple[FactionEntry, ...]] = field(default_factory=dict)
    """Faction key (registry id, else slug of the name) → its votes, chronologically."""
    faction_names: dict[str, str] = field(default_factory=dict)
    """Faction key → the name pages show (registry short name, else the name as written)."""
    mandate_reports: dict[str, tuple[MandateReport, ...]] = field(default_factory=dict)
    """Resolution id → the mandates whose status entries name it in ``by`` ("erledigt durch")."""

    @property
    def resolutions(self) -> tuple[Resolution, ...]:
        return tuple(self.by_id.values())

    def meetings_of(self, committee_id: str) -> list[MeetingKey]:
        return [key for key in self.meeting_keys if key.committee == committee_id]

    def faction_key(self, name: str) -> str:
        """The key of a faction as named in a vote (``CDU``)."""
        return faction_keys(self.archive.registry).get(name) or slugify(name)


def build_catalog(
    archive: Archive, *, also_known_ids: Collection[str] = ()
) -> tuple[Catalog, list[Problem]]:
    """Index the archive and check it across files.

    ``also_known_ids`` are ids of files that failed to load (and were reported): relations
    to them are not reported again as dangling.
    """
    problems: list[Problem] = []
    committees = {committee.id: committee for committee in archive.committees}
    ordered = sorted(archive.resolutions, key=chronological_key)
    by_id, redirects = _index_ids(ordered, problems)
    for resolution in by_id.values():
        _check_references(resolution, committees, by_id, also_known_ids, problems)

    by_committee: defaultdict[str, list[Resolution]] = defaultdict(list)
    by_year: defaultdict[int, list[Resolution]] = defaultdict(list)
    by_meeting: defaultdict[MeetingKey, list[Resolution]] = defaultdict(list)
    by_topic: defaultdict[str, list[Resolution]] = defaultdict(list)
    incoming: defaultdict[str, list[IncomingRelation]] = defaultdict(list)
    for resolution in by_id.values():
        by_committee[resolution.committee].append(resolution)
        by_year[resolution.date.year].append(resolution)
        by_meeting[MeetingKey(resolution.committee, resolution.date)].append(resolution)
        for topic in resolution.topics:
            by_topic[topic].append(resolution)
        for relation in resolution.relations:
            if relation.target in by_id:
                incoming[relation.target].append(
                    IncomingRelation(type=relation.type, source=resolution)
                )
    _check_ratifications(by_id, incoming, problems)
    _check_topic_slugs(by_topic, problems)
    if archive.registry is not None:
        for resolution in by_id.values():
            problems += check_factions(resolution, archive.registry)
    meeting_records = _index_meetings(archive, committees, by_id, problems)
    meeting_keys = tuple(sorted({*by_meeting, *meeting_records}))
    by_faction, faction_names = _index_factions(by_id.values(), archive.registry)
    by_reference: defaultdict[str, list[Resolution]] = defaultdict(list)
    for resolution in by_id.values():
        if resolution.reference:
            by_reference[resolution.reference].append(resolution)
    problems += misspelt_topics(by_topic)
    reports: defaultdict[str, list[MandateReport]] = defaultdict(list)
    for resolution in by_id.values():
        for mandate in resolution.mandates:
            for entry in mandate.history:
                if entry.by in by_id:
                    reports[entry.by].append(MandateReport(resolution, mandate, entry))
    catalog = Catalog(
        archive=archive,
        committees=committees,
        by_id=by_id,
        by_committee=_frozen(by_committee),
        by_year=_frozen(by_year),
        by_meeting={
            key: tuple(sorted(items, key=agenda_sort_key))
            for key, items in sorted(by_meeting.items())
        },
        by_topic=_frozen(by_topic, sort_keys=True),
        incoming={key: tuple(items) for key, items in incoming.items()},
        redirects=redirects,
        by_reference=_frozen(by_reference, sort_keys=True),
        reference_slugs=_reference_slugs(by_reference),
        meeting_records=meeting_records,
        meeting_keys=meeting_keys,
        by_faction=by_faction,
        faction_names=faction_names,
        mandate_reports={key: tuple(items) for key, items in reports.items()},
    )
    return catalog, problems


def faction_keys(registry: FactionRegistry | None) -> dict[str, str]:
    """Short name → faction id from the registry (empty without one)."""
    if registry is None:
        return {}
    return {faction.short_name: faction.id for faction in reversed(registry.factions)}


def _reference_slugs(by_reference: dict[str, list[Resolution]]) -> dict[str, str]:
    """``2020/0119`` → ``2020-0119``; a second reference with the same slug gets ``-2``."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for reference in sorted(by_reference):
        slug = base = slugify(reference)
        suffix = 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        slugs[reference] = slug
    return slugs


def _index_factions(
    resolutions: Iterable[Resolution], registry: FactionRegistry | None
) -> tuple[dict[str, tuple[FactionEntry, ...]], dict[str, str]]:
    entries: defaultdict[str, list[FactionEntry]] = defaultdict(list)
    names: dict[str, str] = {}
    if registry is not None:
        names.update((faction.id, faction.short_name) for faction in registry.factions)
    key_of = faction_keys(registry)
    for resolution in resolutions:
        for vote in resolution.votes:
            for faction in vote.factions:
                if registry is not None and faction.name not in key_of:
                    continue  # the mayor, one member or a group (faction_checks): no faction
                if registry is None and never_a_faction(faction.name):
                    continue  # the same, known by its spelling where no registry says it
                key = key_of.get(faction.name) or slugify(faction.name)
                names.setdefault(key, faction.name)
                entries[key].append(FactionEntry(resolution=resolution, vote=vote, faction=faction))
    ordered = sorted(names, key=lambda key: names[key].casefold())
    return {key: tuple(entries.get(key, ())) for key in ordered}, {
        key: names[key] for key in ordered
    }


def _index_meetings(
    archive: Archive,
    committees: dict[str, Committee],
    by_id: dict[str, Resolution],
    problems: list[Problem],
) -> dict[MeetingKey, MeetingRecord]:
    records: dict[MeetingKey, MeetingRecord] = {}
    for meeting in sorted(archive.meetings, key=lambda m: (m.committee, m.date, str(m.path))):
        key = MeetingKey(meeting.committee, meeting.date)

        def fail(field_name: str, message: str, meeting: MeetingRecord = meeting) -> None:
            line, column = meeting.positions.get(field_name, (0, 0))
            problems.append(error(meeting.path, line, column, field_name, message))

        if meeting.committee not in committees:
            known = ", ".join(sorted(committees)) or "(keine)"
            fail(
                "committee",
                f"das Gremium '{meeting.committee}' steht nicht in content/committees.yml "
                f"(bekannt: {known})",
            )
            continue
        if key in records:
            fail("date", f"für diese Sitzung gibt es schon die Datei {records[key].path}")
            continue
        for index, entry in enumerate(meeting.agenda):
            target = by_id.get(entry.resolution or "")
            if entry.resolution is None:
                continue
            if target is None:
                fail(
                    f"agenda[{index}].resolution",
                    f"es gibt keinen Beschluss mit der Kennung '{entry.resolution}'",
                )
            elif (target.committee, target.date) != (meeting.committee, meeting.date):
                fail(
                    f"agenda[{index}].resolution",
                    f"der Beschluss '{entry.resolution}' gehört zu einer anderen Sitzung "
                    f"({target.committee}, {target.date.isoformat()})",
                )
        records[key] = meeting
    return records


def agenda_resolutions(
    meeting: MeetingRecord, resolutions: tuple[Resolution, ...]
) -> list[tuple[str, str, bool, Resolution | None]]:
    """The full agenda of a meeting with a file: (TOP, title, public, resolution or None).

    An item names its resolution, or is matched by TOP number; resolutions on no item of
    the file still appear, after the items, so nothing decided is hidden.
    """
    by_id = {r.id: r for r in resolutions}
    by_number = {r.agenda_item.number: r for r in resolutions}
    used: set[str] = set()
    rows: list[tuple[str, str, bool, Resolution | None]] = []
    for entry in meeting.agenda:
        found = by_id.get(entry.resolution) if entry.resolution else by_number.get(entry.number)
        if found is not None and found.id in used:
            found = None
        if found is not None:
            used.add(found.id)
        rows.append((entry.number, entry.title, entry.public, found))
    rows += [(r.agenda_item.number, r.title, r.public, r) for r in resolutions if r.id not in used]
    return rows


def _frozen(
    index: dict[K, list[Resolution]], *, sort_keys: bool = False
) -> dict[K, tuple[Resolution, ...]]:
    keys: Iterable[K] = index
    if sort_keys:
        keys = sorted(index, key=lambda key: str(key).casefold())
    return {key: tuple(index[key]) for key in keys}


def _at(resolution: Resolution, field: str, problems: list[Problem], message: str) -> None:
    line, column = resolution.positions.get(field, (0, 0))
    problems.append(error(resolution.path, line, column, field, message))


def _index_ids(
    ordered: list[Resolution], problems: list[Problem]
) -> tuple[dict[str, Resolution], dict[str, str]]:
    by_id: dict[str, Resolution] = {}
    owner_of: dict[str, Resolution] = {}  # case-folded id or former id → resolution
    for resolution in ordered:
        key = resolution.id.casefold()
        if key in owner_of:
            other = owner_of[key]
            _at(
                resolution,
                "id",
                problems,
                f"die Kennung '{resolution.id}' ist schon vergeben an {other.path}; "
                "jede Kennung darf nur einmal vorkommen",
            )
            continue
        owner_of[key] = resolution
        by_id[resolution.id] = resolution
    redirects: dict[str, str] = {}
    for resolution in by_id.values():
        for index, former in enumerate(resolution.former_ids):
            key = former.casefold()
            if key in owner_of:
                _at(
                    resolution,
                    f"former_ids[{index}]",
                    problems,
                    f"die frühere Kennung '{former}' ist schon vergeben an {owner_of[key].path}",
                )
                continue
            owner_of[key] = resolution
            redirects[former] = resolution.id
    return by_id, redirects


def _check_references(
    resolution: Resolution,
    committees: dict[str, Committee],
    by_id: dict[str, Resolution],
    also_known_ids: Collection[str],
    problems: list[Problem],
) -> None:
    known = ", ".join(sorted(committees)) or "(keine)"
    if resolution.committee not in committees:
        _at(
            resolution,
            "committee",
            problems,
            f"das Gremium '{resolution.committee}' steht nicht in content/committees.yml "
            f"(bekannt: {known})",
        )
    if resolution.recommended_to and resolution.recommended_to not in committees:
        _at(
            resolution,
            "recommended_to",
            problems,
            f"das Gremium '{resolution.recommended_to}' steht nicht in content/committees.yml "
            f"(bekannt: {known})",
        )
    if resolution.referred_to and resolution.referred_to not in committees:
        _at(
            resolution,
            "referred_to",
            problems,
            f"das Gremium '{resolution.referred_to}' steht nicht in content/committees.yml "
            f"(bekannt: {known})",
        )
    elif resolution.referred_to and resolution.result is not Result.REFERRED:
        _at(
            resolution,
            "referred_to",
            problems,
            "'referred_to' nennt das Gremium einer Verweisung und passt nur zu "
            f"'result: referred' (hier: '{resolution.result.value}')",
        )
    for index, relation in enumerate(resolution.relations):
        field = f"relations[{index}].target"
        if relation.target == resolution.id:
            _at(resolution, field, problems, "ein Beschluss kann nicht auf sich selbst verweisen")
        elif relation.target not in by_id and relation.target not in also_known_ids:
            _at(
                resolution,
                field,
                problems,
                f"es gibt keinen Beschluss mit der Kennung '{relation.target}'",
            )
    for index, mandate in enumerate(resolution.mandates):
        for entry_index, entry in enumerate(mandate.history):
            if entry.by and entry.by not in by_id and entry.by not in also_known_ids:
                _at(
                    resolution,
                    f"mandates[{index}].history[{entry_index}].by",
                    problems,
                    f"es gibt keinen Beschluss mit der Kennung '{entry.by}'",
                )


def _check_ratifications(
    by_id: dict[str, Resolution],
    incoming: dict[str, list[IncomingRelation]],
    problems: list[Problem],
) -> None:
    """A ratification names the urgency decision it ratifies, and only such decisions."""
    for resolution in by_id.values():
        ratifies = [
            (index, relation)
            for index, relation in enumerate(resolution.relations)
            if relation.type is RelationType.RATIFIES
        ]
        if resolution.kind is ResolutionKind.RATIFICATION and not ratifies:
            _at(
                resolution,
                "kind",
                problems,
                "eine Genehmigung muss auf die Dringlichkeitsentscheidung verweisen: "
                "relations: [{type: ratifies, target: <Kennung>}]",
            )
        for index, relation in ratifies:
            target = by_id.get(relation.target)
            if target is not None and target.kind is not ResolutionKind.URGENCY_DECISION:
                _at(
                    resolution,
                    f"relations[{index}].target",
                    problems,
                    f"'{relation.target}' ist keine Dringlichkeitsentscheidung "
                    "(kind: urgency_decision); genehmigt werden können nur solche",
                )
        if resolution.kind is ResolutionKind.URGENCY_DECISION:
            ratified_by = [
                rel.source
                for rel in incoming.get(resolution.id, [])
                if rel.type is RelationType.RATIFIES
            ]
            if len(ratified_by) > 1:
                others = ", ".join(str(r.path) for r in ratified_by)
                _at(
                    resolution,
                    "kind",
                    problems,
                    f"die Dringlichkeitsentscheidung wird mehrfach genehmigt: {others}",
                )


def _check_topic_slugs(by_topic: dict[str, list[Resolution]], problems: list[Problem]) -> None:
    """Two spellings of a topic ("Klimaschutz", "klimaschutz") would share one page URL."""
    first_spelling: dict[str, str] = {}
    for topic in sorted(by_topic):
        slug = topic_slug(topic)
        if slug not in first_spelling:
            first_spelling[slug] = topic
            continue
        for resolution in by_topic[topic]:
            index = resolution.topics.index(topic)
            _at(
                resolution,
                f"topics[{index}]",
                problems,
                f"das Thema '{topic}' ist kaum von '{first_spelling[slug]}' zu unterscheiden "
                "(gleiche Adresse); bitte eine Schreibweise verwenden",
            )
