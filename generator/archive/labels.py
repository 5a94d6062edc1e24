"""German words for the model's vocabularies and German formats for dates and sizes.

Every text a reader sees about a resolution's metadata comes from here, so pages, search
filters and citations always say the same thing.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from generator.archive.model import CommitteeKind, RelationType, ResolutionKind, Result

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)

KIND = {
    ResolutionKind.ORDINARY: "Beschluss",
    ResolutionKind.URGENCY_DECISION: "Dringlichkeitsentscheidung",
    ResolutionKind.RATIFICATION: "Genehmigung einer Dringlichkeitsentscheidung",
    ResolutionKind.RECOMMENDATION: "Beschlussempfehlung",
}

RESULT = {
    Result.ADOPTED: "beschlossen",
    Result.ADOPTED_WITH_CHANGES: "geändert beschlossen",
    Result.REJECTED: "abgelehnt",
    Result.DEFERRED: "vertagt",
    Result.REFERRED: "verwiesen",
    Result.WITHDRAWN: "zurückgezogen",
    Result.NOTED: "zur Kenntnis genommen",
    Result.PARTLY_ADOPTED: "teilweise beschlossen",
    Result.ELECTED: "gewählt",
    Result.CONSULTED: "beraten, ohne Beschluss",
    Result.SETTLED: "erledigt",
    Result.REMOVED: "abgesetzt",
    Result.NOT_RECORDED: "Ergebnis nicht erfasst",
}

COMMITTEE_KIND = {
    CommitteeKind.COUNCIL: "Rat",
    CommitteeKind.COMMITTEE: "Ausschuss",
    CommitteeKind.DISTRICT_COUNCIL: "Bezirksvertretung",
}

OUTGOING = {
    RelationType.AMENDS: "ändert",
    RelationType.SUPERSEDES: "ersetzt",
    RelationType.RATIFIES: "genehmigt",
    RelationType.IMPLEMENTS: "setzt um",
    RelationType.SEE_ALSO: "siehe auch",
}
"""How a resolution names the relations it declares itself."""

INCOMING = {
    RelationType.AMENDS: "geändert durch",
    RelationType.SUPERSEDES: "ersetzt durch",
    RelationType.RATIFIES: "genehmigt durch",
    RelationType.IMPLEMENTS: "umgesetzt durch",
    RelationType.SEE_ALSO: "siehe auch",
}
"""How the target of a relation names it: the other direction."""


def date(value: datetime.date) -> str:
    """``17.04.2020``: the form German council records and citations use."""
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def long_date(value: datetime.date) -> str:
    """``17. April 2020``: for headings, where reading matters more than brevity."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def month(value: datetime.date) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


def file_size(size: int) -> str:
    """``1,2 MB``: decimal comma, as German readers expect."""
    if size < 1000:
        return f"{size} Byte"
    for unit, factor in (("kB", 1000), ("MB", 1000**2), ("GB", 1000**3)):
        if size < factor * 1000 or unit == "GB":
            return f"{size / factor:.1f} {unit}".replace(".", ",")
    raise AssertionError("unreachable")  # pragma: no cover


def count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


GERMAN_SYNONYMS: dict[str, StrEnum] = {
    "angenommen": Result.ADOPTED,
    "zugestimmt": Result.ADOPTED,
    "mit änderungen beschlossen": Result.ADOPTED_WITH_CHANGES,
    "geändert angenommen": Result.ADOPTED_WITH_CHANGES,
    "zurückgestellt": Result.DEFERRED,
    "verschoben": Result.DEFERRED,
    "überwiesen": Result.REFERRED,
    "kenntnisnahme": Result.NOTED,
    "zur kenntnis": Result.NOTED,
    "teilweise angenommen": Result.PARTLY_ADOPTED,
    "teilweise zugestimmt": Result.PARTLY_ADOPTED,
    "vorberaten": Result.CONSULTED,
    "von der tagesordnung abgesetzt": Result.REMOVED,
    "dringlichkeitsbeschluss": ResolutionKind.URGENCY_DECISION,
    "genehmigung": ResolutionKind.RATIFICATION,
    "empfehlung": ResolutionKind.RECOMMENDATION,
    "geändert": RelationType.AMENDS,
    "ändern": RelationType.AMENDS,
    "ersetzen": RelationType.SUPERSEDES,
    "aufgehoben": RelationType.SUPERSEDES,
    "genehmigen": RelationType.RATIFIES,
    "umsetzung": RelationType.IMPLEMENTS,
    "siehe": RelationType.SEE_ALSO,
    "bezirksvertretung": CommitteeKind.DISTRICT_COUNCIL,
}
"""Words editors type besides the labels the site shows (casefolded)."""


def german_label(member: StrEnum) -> str | None:
    """What the site shows for a value of a closed vocabulary."""
    vocabularies: tuple[Mapping[Any, str], ...] = (KIND, RESULT, COMMITTEE_KIND, OUTGOING)
    for vocabulary in vocabularies:
        # StrEnum members of different vocabularies compare equal as text: check the type.
        if any(key is member for key in vocabulary):
            return vocabulary[member]
    return None


def german_words(enum: type[StrEnum]) -> dict[str, StrEnum]:
    """Casefolded German word → value: editors type what the site shows ("beschlossen")."""
    words: dict[str, StrEnum] = {}
    for member in enum:
        label = german_label(member)
        if label is not None:
            words[label.casefold()] = member
    for word, member in GERMAN_SYNONYMS.items():
        if isinstance(member, enum):
            words.setdefault(word, member)
    return words
