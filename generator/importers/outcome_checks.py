"""Checks of a read result against the rest of its wording: counts, a closing statement or a
bare ratio that say the opposite of the wording, an election its counts reject."""

from __future__ import annotations

import re

from generator.archive.model import Result, Vote
from generator.importers.wording_votes import closing_result, counted

COUNTED = frozenset({Result.ADOPTED, Result.ADOPTED_WITH_CHANGES, Result.REJECTED})
ADOPTING = frozenset({Result.ADOPTED, Result.ADOPTED_WITH_CHANGES})
"""Results a counted vote can confirm or contradict."""


def elected_against(result: Result, votes: tuple[Vote, ...]) -> bool:
    """ "gewählt" beside "Ja: 3, Nein: 10": one vote for and against the person, and the
    majority against; the wording and the counts cannot both be right."""
    if result is not Result.ELECTED or len(votes) != 1:
        return False
    vote = votes[0]
    return (
        vote.in_favour is not None and vote.against is not None and vote.against >= vote.in_favour
    )


def closing_against(result: Result, text: str) -> bool:
    """ "beschlossen" beside "… Damit ist der Antrag abgelehnt.": the minutes' own closing
    statement says the opposite of the wording."""
    closing = closing_result(text)
    return (
        closing is not None
        and result in COUNTED
        and (closing is Result.REJECTED) != (result is Result.REJECTED)
    )


_BARE_RATIO = re.compile(r"(?:^|(?<=[.!])\s*)(?P<yes>\d{1,3})\s*:\s*(?P<no>\d{1,3})\s*[.;]?$")


def ratio_against(result: Result, text: str, votes: tuple[Vote, ...]) -> bool:
    """ "Dem stimmt der Gemeinderat zu." beside a bare "4 : 9" (for : against, as councils
    write it): the ratio is not read as the vote (a time? a count of something else?), but
    where it says the opposite of the wording, the wording is not published as the result."""
    ratio = _BARE_RATIO.search(text.strip())
    if ratio is None or result not in COUNTED or any(counted(vote) for vote in votes):
        return False
    yes, no = int(ratio["yes"]), int(ratio["no"])
    return no >= yes if result in ADOPTING else yes > no
