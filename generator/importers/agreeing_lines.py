"""A result field, then a line that says the same result again.

Köln's SessionNet prints the field "Beschluss:" and the field "Abstimmungsergebnis:" one under
the other ("ungeändert beschlossen" / "Mehrheitlich gegen die CDU-Fraktion bei Enthaltung der
FDP-Fraktion … zugestimmt."), and so do other towns ("einstimmig beschlossen" / "Einstimmig
zugestimmt."). Each line alone reads plainly; together they were left unread. Where both say
the same result of the same kind, that is the result; where they differ in anything, the
reader decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.archive.model import Result, Vote
from generator.importers.wording_votes import counted, with_text

if TYPE_CHECKING:
    from generator.importers.outcome import RecordedOutcome

_UNCHANGED = re.compile(r"\b(?:ungeändert|unverändert|wie vorgeschlagen|ohne änderung(?:en)?)\b")
_ADOPTING = frozenset({Result.ADOPTED, Result.ADOPTED_WITH_CHANGES})


def agreeing_lines(text: str, read: Callable[[str], RecordedOutcome]) -> RecordedOutcome | None:
    """The result two lines state alike ("ungeändert beschlossen" / "… zugestimmt."), with the
    vote of the line that gives one; None where there are not two lines, or they differ.

    ``text`` is the wording as the source wrote it, its lines not yet joined."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != 2:
        return None
    first, second = (read(line) for line in lines)
    if (first.kind, first.recommended_to, first.referred_to) != (
        second.kind,
        second.recommended_to,
        second.referred_to,
    ):
        return None
    result = _common_result(first.result, second.result, text.lower())
    if result is None:
        return None
    voted = [outcome.votes for outcome in (first, second) if any(map(counted, outcome.votes))]
    if len(voted) == 2 and voted[0] != voted[1]:
        return None  # two votes: which one is the item's?
    # the vote that counts, or else the one that tells how it went; the wording kept whole
    votes = voted[0] if voted else (second.votes or first.votes or (Vote(),))
    return replace(
        first,
        result=result,
        votes=(with_text(votes[0], " ".join(lines)), *votes[1:]),
        note=None,
    )


def _common_result(first: Result, second: Result, lowered: str) -> Result | None:
    if Result.NOT_RECORDED in (first, second):
        return None
    if first is second:
        return first
    if {first, second} == _ADOPTING and not _UNCHANGED.search(lowered):
        return Result.ADOPTED_WITH_CHANGES  # "geändert beschlossen" / "Einstimmig zugestimmt."
    return None
