"""A ballot between named candidates, counted per candidate: "Geheime Wahl des stellv.
Vorsitzenden: OBM Jürgen Kern: 9 Ja-Stimmen OBM Bernhard Karsch: 5 Ja-Stimmen und 1 ungültige
Stimme" (Wiesbaden).

Someone was elected where one candidate has more than half of all votes the wording counts,
invalid ones and abstentions included (the strictest reading of any municipal code: 9 of 15).
Anything else, a tie, a majority only of the valid votes, a word the form does not hold, stays
unread: a second ballot may have followed.
"""

from __future__ import annotations

import re

_BALLOT = re.compile(r"^(?:geheime |offene )?wahl\b[^:]{0,120}:\s*(?P<rest>.+)$", re.IGNORECASE)
_CANDIDATE = re.compile(
    r"(?P<name>[A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*){0,4}):\s*(?P<n>\d{1,3})\s+"
    r"(?i:ja-)?(?i:stimmen?)\b,?\s*"
)
_OTHER = re.compile(
    r"(?:und\s+)?(?P<n>\d{1,3})\s+(?:ungültige\s+stimmen?|stimmenthaltung(?:en)?|enthaltung(?:en)?)\b,?\s*",
    re.IGNORECASE,
)


def ballot_elects(text: str) -> bool:
    """Whether the wording is a ballot whose leading candidate has an absolute majority of all
    the votes it counts."""
    found = _BALLOT.match(" ".join(text.split()))
    if found is None:
        return False
    rest = found["rest"]
    counts = [int(m["n"]) for m in _CANDIDATE.finditer(rest)]
    others = sum(int(m["n"]) for m in _OTHER.finditer(rest))
    left = _OTHER.sub("", _CANDIDATE.sub("", rest)).strip(" .,;")
    if len(counts) < 2 or left:
        return False
    return max(counts) * 2 > sum(counts) + others
