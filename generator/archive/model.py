"""The archive's data model: what a resolution, a committee and the archive are.

Field names follow OParl 1.1 where it has one (``reference`` is ``Paper.reference``,
``agenda_item.number`` is ``AgendaItem.number``). Constructors do not validate: the
validation stage builds these objects only from input it has checked.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from generator.archive.edit_links import Forge
from generator.archive.mandates import Mandate


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
    PARTLY_ADOPTED = "partly_adopted"
    """Adopted in part, rejected in part ("teilweise zugestimmt", "teilweise abgelehnt")."""
    ELECTED = "elected"
    """An election held under the item ("gewählt"); who was elected is in the text."""
    CONSULTED = "consulted"
    """Discussed without a decision of its own, typically before the deciding body
    ("vorberaten", "beraten"): the matter goes on."""
    SETTLED = "settled"
    """Dealt with without a vote ("erledigt", "erledigt durch Stellungnahme der Verwaltung")."""
    REMOVED = "removed"
    """Taken off the agenda ("abgesetzt"): not dealt with in this meeting."""
    NOT_RECORDED = "not_recorded"
    """The record does not say what was decided (common in imported archives). Shown as
    such, never replaced by a guess; an editor fills it in from the minutes."""


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

    @property
    def choice(self) -> Choice | None:
        """The choice most of the faction's members made; None when two choices tie
        (the faction voted split)."""
        counts = (
            (self.in_favour, Choice.FOR),
            (self.against, Choice.AGAINST),
            (self.abstain, Choice.ABSTAIN),
        )
        ranked = sorted(counts, key=lambda count: -count[0])
        return None if ranked[0][0] == ranked[1][0] else ranked[0][1]


class Choice(StrEnum):
    """How one member voted in a roll-call vote (namentliche Abstimmung)."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


@dataclass(frozen=True, slots=True, kw_only=True)
class NamedVote:
    """One member's vote in a roll-call vote; ``person`` is a name or a persons.yml id."""

    person: str
    faction: str | None
    choice: Choice


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
    excluded_for_bias_count: int | None = None
    """How many were excluded for bias where the record gives only a number ("Befangen: 1")."""
    text: str | None = None
    roll_call: tuple[NamedVote, ...] = ()

    @property
    def outcome(self) -> Result | None:
        """Adopted or rejected, where the vote itself says so; None where it does not.

        More for than against adopts; a tie rejects (§ 50 Abs. 1 GO NRW). "13 Ja-Stimmen"
        alone does not say how many voted against, so it decides nothing.
        """
        if self.unanimous:
            return Result.ADOPTED if not self.against else None
        if self.in_favour is None or self.against is None:
            return None
        return Result.ADOPTED if self.in_favour > self.against else Result.REJECTED

    def in_majority(self, faction: FactionVote) -> bool | None:
        """Whether the faction's choice was the body's decision; None if that is unknown.
        A split faction, or one that abstained, was not with the majority."""
        decided = self.outcome
        if decided is None:
            return None
        return faction.choice is (Choice.FOR if decided is Result.ADOPTED else Choice.AGAINST)


def outcome_of(votes: Iterable[Vote]) -> Result | None:
    """Adopted or rejected where every vote says so alike; None where they do not."""
    results = {vote.outcome for vote in votes}
    if len(results) == 1 and None not in results:
        return results.pop()
    return None


def all_unanimous(votes: Iterable[Vote]) -> bool:
    """There were votes, and each was unanimous."""
    votes = tuple(votes)
    return bool(votes) and all(vote.unanimous for vote in votes)


def vote_totals(votes: Iterable[Vote]) -> tuple[int | None, int | None, int | None]:
    """Sums of for/against/abstain over the votes that give that count (None: none does)."""
    votes = tuple(votes)

    def total(values: list[int | None]) -> int | None:
        given = [v for v in values if v is not None]
        return sum(given) if given else None

    return (
        total([v.in_favour for v in votes]),
        total([v.against for v in votes]),
        total([v.abstain for v in votes]),
    )


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
    text: str | None = None
    """The file's text as the council information system delivered it (OParl ``File.text``),
    for the search where the file itself is not beside the resolution."""


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
    referred_to: str | None = None
    """The committee a referred matter goes to (``result: referred``)."""
    votes: tuple[Vote, ...] = ()
    legal_basis: str | None = None
    moved_by: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    resolution_file: Attachment | None = None
    """The signed resolution ("Beschlussausfertigung", OParl ``resolutionFile``). Real
    records often hold the text only there; the build then shows the file's text."""
    attachments: tuple[Attachment, ...] = ()
    relations: tuple[Relation, ...] = ()
    mandates: tuple[Mandate, ...] = ()
    public: bool = True
    source: Source | None = None
    positions: Mapping[str, tuple[int, int]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """(line, column) of each field in the file, keyed like ``relations[0].target``,
    so that checks across files can still point at the line."""

    @property
    def unanimous(self) -> bool:
        """Every recorded vote was unanimous (False when none was recorded)."""
        return all_unanimous(self.votes)

    @property
    def files(self) -> tuple[Attachment, ...]:
        """Every file the resolution publishes: the resolution file first, then attachments."""
        if self.resolution_file is None:
            return self.attachments
        return (self.resolution_file, *self.attachments)


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
class ElectoralTerm:
    """Wahlperiode: factions and seats hold for one term."""

    id: str
    name: str
    start: datetime.date
    end: datetime.date | None = None

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class Faction:
    id: str
    """Stable slug: the address ``/fraktion/<id>/``."""
    name: str
    short_name: str
    """What votes name the faction by (``vote.factions[].name``)."""
    terms: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    """Other spellings the town's RIS uses (``GRÜNE``); the importer maps them to ``short_name``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Seats:
    """How many seats each faction holds in one body during one term."""

    committee: str
    term: str
    seats: tuple[tuple[str, int], ...]
    """(faction id, seats), in the order of the file."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    id: str
    name: str
    faction: str | None = None
    """Faction id, if the person belongs to one."""


MAYOR = "Bürgermeister"
"""How vote breakdowns name the mayor unless ``factions.yml`` says otherwise (``mayor:``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FactionRegistry:
    """``content/factions.yml``: optional; without it faction names are free text."""

    terms: tuple[ElectoralTerm, ...]
    factions: tuple[Faction, ...]
    seats: tuple[Seats, ...] = ()
    persons: tuple[Person, ...] = ()
    mayor: str = MAYOR
    """How a vote's breakdown names the mayor's own vote (``vote.factions[].name``)."""

    def term_on(self, day: datetime.date) -> ElectoralTerm | None:
        return next((term for term in self.terms if term.covers(day)), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaEntry:
    """One item of a meeting's public agenda, with or without a resolution."""

    number: str
    title: str
    public: bool = True
    resolution: str | None = None
    """Id of the resolution on this item; else matched by TOP number."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingRecord:
    """``content/meetings/<committee>/<year>/<date>.yml``: optional, one per meeting."""

    committee: str
    date: datetime.date
    path: Path
    name: str | None = None
    number: int | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None
    place: str | None = None
    minutes_url: str | None = None
    ris_url: str | None = None
    cancelled: bool = False
    agenda: tuple[AgendaEntry, ...] = ()
    positions: Mapping[str, tuple[int, int]] = field(
        default_factory=dict, compare=False, repr=False
    )


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
class EditorSignIn:
    """How editors sign in to ``/redaktion/`` (``editor`` in ``archive.yml``)."""

    app_id: str | None = None
    """The OAuth application's id (GitLab) or client id (Forgejo/Gitea); they sign in with
    PKCE in the browser, without a secret."""
    base_url: str | None = None
    """GitHub only: the OAuth proxy the city hosts (GitHub's token exchange needs the
    client secret, which must not reach the browser)."""
    auth_endpoint: str = "auth"
    """GitHub only: the proxy's path that starts the sign-in."""


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
    editor: EditorSignIn | None = None
    """None without an ``editor`` section: the editors' area then works only locally."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Archive:
    """Everything ``content/`` holds, validated: the input of every later stage."""

    settings: ArchiveSettings
    committees: tuple[Committee, ...]
    resolutions: tuple[Resolution, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    """Groups of terms the search treats as the same (``synonyms.yml``)."""
    registry: FactionRegistry | None = None
    """None when the archive has no ``factions.yml``: faction names are then free text."""
    meetings: tuple[MeetingRecord, ...] = ()
