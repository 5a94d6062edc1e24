"""What a resolution text reports of its parts' outcomes, checked against the result field.

A field and its counts may give one result for an item whose parts were voted on apart
(Roth: "mehrheitlich abgelehnt" with counts that reject, while the page's text says point 1
was adopted). Published from the field alone, a partial adoption reads as a rejection: a
false statement. Only what the text *reports* counts here ("Ziffer 1 wurde mit 12:9 Stimmen
angenommen", "Punkt 2: einstimmig abgelehnt", "Abstimmungsergebnis zu 2.: Ja-Stimmen: 4
Nein-Stimmen: 3"), never the resolution's own words ("1. Dem Antrag wird zugestimmt." is what
was put to the vote, whatever became of it).
"""

from __future__ import annotations

import re

from generator.archive.model import Result
from generator.importers.wording_votes import read_votes, result_of_votes

_ADOPTING = frozenset({Result.ADOPTED, Result.ADOPTED_WITH_CHANGES})
_COUNTED = frozenset({*_ADOPTING, Result.REJECTED})

_PART = (
    r"(?:zu\s+)?(?:ziffer|ziff\.|punkt|beschlusspunkt|teil|nr\.|tz\.)\s*(?P<part>\d{1,2})\b"
    r"(?!\s*(?:der|des)\s+(?:tagesordnung|sitzung))"
)
_REPORTING = (
    r"(?:wurde|wurden|ist|sind|worden|einstimmig|mehrheitlich|mit\s+(?:stimmen)?mehrheit"
    r"|mit\s+\d+\s*(?::|zu|gegen)\s*\d+(?:\s+stimmen)?|mit\s+\d+\s+ja-stimmen)"
)
_REPORTED = re.compile(
    rf"{_PART}[^.;\n]{{0,160}}?\b{_REPORTING}\b[^.;\n]{{0,80}}?"
    r"\b(?P<outcome>nicht\s+(?:angenommen|beschlossen|zugestimmt)|abgelehnt|angenommen"
    r"|beschlossen|zugestimmt)\b",
    re.IGNORECASE,
)
"""A part named, then a report of its outcome ("Ziffer 1 wurde einstimmig beschlossen",
"Punkt 2 mit 9:12 Stimmen abgelehnt"); "Punkt 3 der Tagesordnung" is no part."""
_VOTE_BLOCK = re.compile(
    r"\b(?:abstimmungsergebnis|abstimmung)\s+zu\s+(?:ziffer\s+|punkt\s+)?(?P<part>\d{1,2})\.?\s*:",
    re.IGNORECASE,
)
"""Counts given per part: "Abstimmungsergebnis zu 1.: … Ja-Stimmen: 5 Nein-Stimmen: 1 …"."""


def reported_parts(text: str) -> dict[str, Result]:
    """Each part whose outcome the text reports, adopted or rejected."""
    parts: dict[str, Result] = {}
    for found in _REPORTED.finditer(text):
        said = found["outcome"].lower()
        rejected = said == "abgelehnt" or said.startswith("nicht")
        parts.setdefault(found["part"], Result.REJECTED if rejected else Result.ADOPTED)
    blocks = list(_VOTE_BLOCK.finditer(text))
    for block, after in zip(blocks, [*blocks[1:], None][: len(blocks)], strict=True):
        segment = text[block.end() : after.start() if after else len(text)]
        result = result_of_votes(read_votes(segment))
        if result is not None:
            parts.setdefault(block["part"], result)
    return parts


def parts_contradict(result: Result, text: str) -> bool:
    """Whether the text reports a part decided otherwise than the field's adopted or
    rejected (a partial adoption the field gives as one result)."""
    if result not in _COUNTED or not text:
        return False
    adopting = result in _ADOPTING
    return any((part in _ADOPTING) != adopting for part in reported_parts(text).values())
