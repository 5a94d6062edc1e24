"""OParl Organizations and Consultations → committees: which registered committee a body is
(or the entry for a new one), and when and by what kind of body a paper was consulted."""

from __future__ import annotations

import datetime
import re

import yaml

from generator.archive.model import CommitteeKind
from generator.archive.slugs import slugify
from generator.importers.committee_registry import CommitteeRegistry, NewCommittee
from generator.importers.oparl_source import OParlData
from generator.importers.source_text import single_line


def committee_for(org: dict[str, object], registry: CommitteeRegistry) -> NewCommittee | str:
    """The registry id of an existing committee, or the entry to add for a new one."""
    name = single_line(org.get("name")) or single_line(org.get("shortName")) or "Gremium"
    short = single_line(org.get("shortName")) or name
    for candidate in (name, short):
        found = registry.find(candidate)
        if found:
            return found
    kind_text = " ".join(  # the name too: SD.NET RIM classifies the Gemeinderat as "Gremien"
        filter(
            None,
            (
                single_line(org.get("classification")),
                single_line(org.get("organizationType")),
                name,
            ),
        )
    ).casefold()
    if re.search(r"\b(?:stadt|gemeinde)?rat\b|kreistag", kind_text):
        kind = CommitteeKind.COUNCIL
    elif "bezirk" in kind_text:
        kind = CommitteeKind.DISTRICT_COUNCIL
    else:
        kind = CommitteeKind.COMMITTEE
    return NewCommittee(
        id=_committee_id(short),
        name=name,
        short_name=short,
        kind=kind,
        active_from=oparl_date(org.get("startDate")),
        active_until=oparl_date(org.get("endDate")),
    )


def _committee_id(short: str) -> str:
    """The slug of the short name, unless YAML would read that slug as something other than
    text ("784" a number, "2021-04-14" a date, "no" false): ids are written unquoted into
    committees.yml and every file's front matter, so such a slug gets a word in front."""
    slug = slugify(short, max_length=40)
    return slug if isinstance(yaml.safe_load(slug), str) else f"gremium-{slug}"


def next_council(
    council_dates: dict[str, list[tuple[datetime.date, str]]],
    consultation: dict[str, object],
    date: datetime.date,
) -> str | None:
    """The council that consulted the item's paper next after ``date``, if any."""
    later = sorted(c for c in council_dates.get(str(consultation.get("paper")), ()) if c[0] > date)
    return later[0][1] if later else None


def kind_of(committee: NewCommittee | str, registry: CommitteeRegistry) -> CommitteeKind | None:
    if isinstance(committee, NewCommittee):
        return committee.kind
    return next((c.kind for c in registry.committees if c.id == committee), None)


def consulted_by(
    data: OParlData, registry: CommitteeRegistry, consultation: dict[str, object]
) -> tuple[datetime.date, CommitteeKind | None, str] | None:
    """When and by what kind of body a consultation took place (None where not crawled:
    nothing is fetched for it)."""
    meeting = data.by_id.get(str(consultation.get("meeting")))
    date = oparl_date(meeting.get("start")) if meeting else None
    if meeting is None or date is None:
        return None
    organizations = consultation.get("organization") or meeting.get("organization")
    first = organizations[0] if isinstance(organizations, list) and organizations else None
    org = data.by_id.get(str(first if first is not None else organizations))
    if org is None:
        return None
    committee = committee_for(org, registry)
    found = committee.id if isinstance(committee, NewCommittee) else committee
    return date, kind_of(committee, registry), found


def oparl_date(value: object) -> datetime.date | None:
    """The date of an OParl date or date-time ("2021-04-14T18:00:00+02:00"), or None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
