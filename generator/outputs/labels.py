"""German words for the model's vocabularies, as readers of feeds, calendars and charts see them."""

from __future__ import annotations

import datetime

from generator.model import CommitteeKind, ResolutionKind, Result

RESULT_LABELS: dict[Result, str] = {
    Result.ADOPTED: "beschlossen",
    Result.ADOPTED_WITH_CHANGES: "mit Änderungen beschlossen",
    Result.REJECTED: "abgelehnt",
    Result.DEFERRED: "vertagt",
    Result.REFERRED: "verwiesen",
    Result.WITHDRAWN: "zurückgezogen",
    Result.NOTED: "zur Kenntnis genommen",
}

KIND_LABELS: dict[ResolutionKind, str] = {
    ResolutionKind.ORDINARY: "Beschluss",
    ResolutionKind.URGENCY_DECISION: "Dringlichkeitsentscheidung",
    ResolutionKind.RATIFICATION: "Genehmigung einer Dringlichkeitsentscheidung",
    ResolutionKind.RECOMMENDATION: "Beschlussempfehlung",
}

COMMITTEE_KIND_LABELS: dict[CommitteeKind, str] = {
    CommitteeKind.COUNCIL: "Rat",
    CommitteeKind.COMMITTEE: "Ausschuss",
    CommitteeKind.DISTRICT_COUNCIL: "Bezirksvertretung",
}

_MONTHS = (
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


def german_date(value: datetime.date) -> str:
    """``2020-04-17`` → ``17. April 2020``."""
    return f"{value.day}. {_MONTHS[value.month - 1]} {value.year}"
