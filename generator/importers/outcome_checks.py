"""Checks of a read result against the rest of its wording: counts, a closing statement or a
bare ratio that say the opposite of the wording, an election its counts reject, a condition or
another body's minutes after it, a motion on the procedure whose vote it may be."""

from __future__ import annotations

import re

from generator.archive.model import Result, Vote
from generator.importers.deciding_sentence import AGENDA_ADOPTED
from generator.importers.sentence_result import PROCEDURAL
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


QUALIFIED = re.compile(
    r"\b(?:sofern|falls|soweit|wenn|vorausgesetzt|vorbehaltlich|bedingung|jedoch|aber|außer"
    r"|ausgenommen|ausnahme|abgesehen|einw[äa]nde?|einwendung(?:en)?)\b",
    re.IGNORECASE,
)
"""A condition, an exception or an objection in what follows a wording."""


NAMED_BODYS_MINUTES = re.compile(
    r"\b(?:niederschrift|protokoll)\w*\b[^;]*?\b(?:des|der) [\w-]*(?:rat(?:e)?s|ausschusses"
    r"|beirat(?:e)?s|vertretung|versammlung|kreistag(?:e)?s)\b[^;]*?\b(?:keine (?:einwände"
    r"|einwendungen)|kein einwand)\b",
    re.IGNORECASE,
)
"""No objections to the minutes of a body the wording names ("… Protokoll des Ortschaftsrates
bestehen keine Einwände"), not to "the minutes of the last session"."""


def on_the_procedure(result: Result, text: str) -> bool:
    """Whether a counted result is that of a motion on the procedure (deferral, referral,
    withdrawal …) named in the same field, rather than the item's own."""
    lowered = _REVOKED.sub(" ", text.lower())
    return (
        result in COUNTED
        and PROCEDURAL.search(lowered) is not None
        and AGENDA_ADOPTED.search(lowered) is None
    )


_REVOKED = re.compile(
    r"\bbeschluss\b[^.;]*\b(?:durch|von) (?:die|den|das) [\w-]+ (?:aufgehoben|zurückgenommen)\b"
)
"""A body revoking its own decision ("… gefasste Beschluss … wird durch die Gemeindevertretung
zurückgenommen"): the item's own decision, not a motion withdrawn."""
