"""An amendment voted on first, then the item: the item's result from the two steps.

Minutes often record the vote on an amendment ("Änderungsantrag", "Ergänzungsantrag") and then
the vote on the item as changed or as it stood. The amendment's vote is never the item's; two
plain sentences in the known order say what became of the item.
"""

from __future__ import annotations

import re

from generator.archive.model import Result
from generator.importers.wording_votes import VOTE_STARTS, read_votes

AMENDMENT = re.compile(r"\b(?:änderungs|abänderungs|ergänzungs|zusatz)antr[aä]g\w*", re.IGNORECASE)
"""A motion to change the item's text: its vote is the amendment's, not the item's."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])|\n+")
_CARRIED = r"(?:angenommen|beschlossen|zugestimmt|stattgegeben)"
_AMENDMENT_CARRIED = re.compile(
    rf"^(?:(?:damit|somit|sodann) (?:ist|wird|wurde) )?(?:der|dem|die|den) (?:[\w-]+ )?"
    rf"(?:änderungs|ergänzungs|zusatz)antr[aä]g\w*\b[^;]*?\b{_CARRIED}\b"
)
_AMENDMENT_FAILED = re.compile(
    r"^(?:(?:damit|somit|sodann) (?:ist|wird|wurde) )?(?:der|die) (?:[\w-]+ )?"
    r"(?:änderungs|ergänzungs|zusatz)antr[aä]g\w*\b[^;]*?\babgelehnt\b"
)
_ITEM = (
    r"(?:beschlussempfehlung|beschlussvorschlag|beschlussvorlage|vorlage|antrag|drucksache"
    r"|beschlusstext|fassung)"
)
_AMENDED_ITEM_CARRIED = re.compile(
    rf"^(?:(?:damit|somit|anschließend|sodann) (?:ist|wird|wurde) )?(?:der|die|das|dem|den) "
    rf"(?:so )?(?:geänderte|abgeänderte|ergänzte)[nrs]? {_ITEM}\b[^;]*?\b{_CARRIED}\b"
)
_ITEM_CARRIED = re.compile(
    rf"^(?:(?:damit|somit|anschließend|sodann) (?:ist|wird|wurde) )?(?:der|die|das|dem|den) "
    rf"(?:ursprüngliche[nrs]? |unveränderte[nrs]? )?{_ITEM}\b(?: der verwaltung)?[^;]*?"
    rf"\b{_CARRIED}\b"
)
_NEGATION = re.compile(r"\b(?:nicht|kein\w*)\b")


def two_step_result(text: str) -> Result | None:
    """An amendment voted on first, then the item: "Damit ist der Änderungsantrag angenommen
    worden. … Somit ist die so geänderte Beschlussempfehlung einstimmig beschlossen worden."
    → adopted with changes; "Der Änderungsantrag wird abgelehnt. Die Vorlage wird einstimmig
    angenommen." → adopted. Only these two sequences, each sentence plain (no negation, no
    second amendment): the counts beside them are not taken, whose they are the wording does
    not say."""
    sentences = [s.strip().lower() for s in _SENTENCE_END.split(text) if s.strip()]
    amendments = [s for s in sentences if AMENDMENT.search(s)]
    if len(amendments) != 1 or any(_NEGATION.search(s) for s in sentences):
        return None
    first = sentences.index(amendments[0])
    later = sentences[first + 1 :]
    if _AMENDMENT_CARRIED.search(amendments[0]) and any(
        _AMENDED_ITEM_CARRIED.search(s) for s in later
    ):
        result = Result.ADOPTED_WITH_CHANGES
    elif _AMENDMENT_FAILED.search(amendments[0]) and any(
        _ITEM_CARRIED.search(s) and not _AMENDED_ITEM_CARRIED.search(s) for s in later
    ):
        result = Result.ADOPTED
    else:
        return None
    beside = [v for m in VOTE_STARTS.finditer(text) for v in read_votes(text[m.end() :])]
    if any(vote.outcome is Result.REJECTED for vote in (*read_votes(text), *beside)):
        return None  # counts beside it that reject: the item's, or the amendment's?
    return result
