"""The archive's data model: what a resolution, a committee and the archive are.

Field names follow OParl 1.1 where it has one (``reference`` is ``Paper.reference``,
``agenda_item.number`` is ``AgendaItem.number``). Constructors do not validate: the
validation stage builds these objects only from input it has checked.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from generator.edit_links import Forge


class CommitteeKind(StrEnum):
    COUNCIL = "council"
    COMMITTEE = "committee"
    DISTRICT_COUNCIL = "district_council"


class ResolutionKind(StrEnum):
    ORDINARY = "ordinary"
    URGENCY_DECISION = "urgency_decision"
    """Dringlichkeitsentscheidung under § 60 GO NRW; the Rat must ratify it later."""
    RATIFICATION = "ratification"
    RECOMMENDATION = "recommendation"
    """Beschlussempfehlung: a committee's recommendation to another body, not a final decision."""


class Result(StrEnum):
    ADOPTED = "adopted"
    ADOPTED_WITH_CHANGES = "adopted_with_changes"
    REJECTED = "rejected"
    DEFERRED = "deferred"
    REFERRED = "referred"
    WITHDRAWN = "withdrawn"
    NOTED = "noted"


class RelationType(StrEnum):
    AMENDS = "amends"
    SUPERSEDES = "supersedes"
    RATIFIES = "ratifies"
    IMPLEMENTS = "implements"
    SEE_ALSO = "see_also"


@dataclass(frozen=True, slots=True, kw_only=True)
class FactionVote:
    name: str
    in_favour: int = 0
    against: int = 0
    abstain: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Vote:
    """One vote. ``part`` names the part of the motion when parts were voted separately.

    ``text`` keeps an imported vote verbatim when it could not be parsed into counts.
    """

    part: str | None = None
    unanimous: bool = False
    in_favour: int | None = None
    against: int | None = None
    abstain: int | None = None
    factions: tuple[FactionVote, ...] = ()
    excluded_for_bias: tuple[str, ...] = ()
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting:
    name: str | None = None
    number: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItem:
    number: str
    order: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Attachment:
    title: str
    file: Path | None = None
    """Absolute path of a file beside the resolution (checked to lie inside content/)."""
    url: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    type: RelationType
    target: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where an imported resolution came from, so a re-import can recognise it."""

    system: str
    origin: str
    checksum: str
    imported: datetime.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    id: str
    title: str
    committee: str
    date: datetime.date
    agenda_item: AgendaItem
    kind: ResolutionKind
    result: Result
    path: Path
    """The content file, relative to the archive root (for messages and source links)."""
    text: str
    """The resolution text, Markdown."""
    discussion: str = ""
    """The discussion (Beratung), Markdown; empty when the file has none."""
    former_ids: tuple[str, ...] = ()
    meeting: Meeting = field(default_factory=Meeting)
    addendum_date: datetime.date | None = None
    reference: str | None = None
    paper_type: str | None = None
    recommended_to: str | None = None
    votes: tuple[Vote, ...] = ()
    legal_basis: str | None = None
    moved_by: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    relations: tuple[Relation, ...] = ()
    public: bool = True
    source: Source | None = None
    positions: Mapping[str, tuple[int, int]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """(line, column) of each field in the file, keyed like ``relations[0].target``,
    so that checks across files can still point at the line."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Committee:
    id: str
    name: str
    short_name: str
    kind: CommitteeKind
    description: str = ""
    active_from: datetime.date | None = None
    active_until: datetime.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    name: str
    address: str
    email: str
    phone: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DataLicense:
    name: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LegalPage:
    title: str
    slug: str
    markdown: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveSettings:
    municipality: str
    ags: str
    site_url: str
    contact: Contact
    data_license: DataLicense
    imprint: LegalPage
    privacy: LegalPage
    accessibility: LegalPage
    repository_url: str | None = None
    repository_type: Forge | None = None
    """Which forge hosts the repository; guessed from its host when not given."""
    repository_branch: str = "main"


@dataclass(frozen=True, slots=True, kw_only=True)
class Archive:
    """Everything ``content/`` holds, validated: the input of every later stage."""

    settings: ArchiveSettings
    committees: tuple[Committee, ...]
    resolutions: tuple[Resolution, ...]
