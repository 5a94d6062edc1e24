"""Mandates ("Aufträge"): what a resolution instructed someone to do, and whether it was done.

A mandate carries its own dated history; its state is the last entry's. "Overdue" is judged
against a date the caller passes (the archive's content date, the "Stand"), never the build
clock, so builds stay reproducible.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class MandateState(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    OBSOLETE = "obsolete"


MANDATE_STATE_LABELS = {
    MandateState.OPEN: "offen",
    MandateState.IN_PROGRESS: "in Arbeit",
    MandateState.DONE: "erledigt",
    MandateState.DELAYED: "verzögert",
    MandateState.OBSOLETE: "gegenstandslos",
}

CLOSED_STATES = frozenset({MandateState.DONE, MandateState.OBSOLETE})


@dataclass(frozen=True, slots=True, kw_only=True)
class MandateStatus:
    date: datetime.date
    status: MandateState
    note: str = ""
    by: str | None = None
    """The resolution (id) that reports on the mandate or closes it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Mandate:
    id: str
    """Unique within its resolution."""
    task: str
    responsible: str
    """The office as the resolution names it."""
    report_to: str | None = None
    """The committee (id) that receives the report."""
    due: datetime.date | None = None
    interval: str | None = None
    """A recurring report interval as written ("halbjährlich"), instead of a due date."""
    history: tuple[MandateStatus, ...] = ()

    @property
    def state(self) -> MandateState:
        return self.history[-1].status if self.history else MandateState.OPEN

    @property
    def closed(self) -> bool:
        return self.state in CLOSED_STATES

    @property
    def done_on(self) -> datetime.date | None:
        for entry in self.history:
            if entry.status is MandateState.DONE:
                return entry.date
        return None

    def overdue(self, as_of: datetime.date) -> bool:
        """Open past its due date, judged at ``as_of`` (the archive's content date)."""
        return not self.closed and self.due is not None and self.due < as_of

    @property
    def done_on_time(self) -> bool | None:
        """None while not done or without a due date."""
        done = self.done_on
        if done is None or self.due is None:
            return None
        return done <= self.due


def state_labels(mandates: Iterable[Mandate]) -> list[str]:
    """The states the mandates are in, as German words, each once (the search filter)."""
    states = {mandate.state for mandate in mandates}
    return [MANDATE_STATE_LABELS[state] for state in MandateState if state in states]
