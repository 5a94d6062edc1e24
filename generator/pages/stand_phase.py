"""What the pages show of the Stand date, for the keys of kept pages.

A page depends on the Stand date only through two comparisons: a meeting after it is
upcoming (``PageContext.upcoming``), a mandate due before it is overdue
(``Mandate.overdue``). So instead of the date, the keys hold the next meeting after it and
the next due date not before it: a new Stand on the next day changes no key unless a
meeting or a deadline lies in between, and an edit committed on another day re-renders the
pages it touched, not the whole archive. (A page that prints the date itself, the mandates
overview, is never kept.)

Why that is exact: a page keys on its own meetings and mandates besides this. For a meeting
``d`` among them, ``d > stand`` holds exactly when ``d`` is on or after the next meeting
after ``stand``; for a due date ``u``, ``u < stand`` exactly when ``u`` is before the next
due date on or after ``stand``. Two Stand dates with the same pair therefore give every
page the same upcoming meetings and the same overdue mandates.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right

from generator.archive.catalog import Catalog

StandPhase = tuple[datetime.date | None, datetime.date | None]


def stand_phase(catalog: Catalog, stand: datetime.date) -> StandPhase:
    """(the first meeting after ``stand``, the first due date on or after it); None where
    there is none."""
    meetings = sorted({key.date for key in catalog.meeting_keys})
    dues = sorted(
        {
            mandate.due
            for resolution in catalog.resolutions
            for mandate in resolution.mandates
            if mandate.due is not None
        }
    )
    after = bisect_right(meetings, stand)
    due = bisect_left(dues, stand)
    return (
        meetings[after] if after < len(meetings) else None,
        dues[due] if due < len(dues) else None,
    )
