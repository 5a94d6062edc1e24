"""A vote table whose clerk left fields empty: "Stimmberechtigte: 10 Ja-Stimmen: 10
Nein-Stimmen: Enthaltungen: Befangen: 0" (Amt Probstei).

An empty field is not a zero in general (the count may be missing), so the table is read only
where the filled count leaves no room for any other: one of yes, no and abstentions filled and
equal to the members entitled to vote, the others empty. Then the empty ones can only be 0.
Any other empty field ("Ja-Stimmen: 8 Nein-Stimmen: Enthaltungen:" of 10) stays unread.
"""

from __future__ import annotations

import re

_ENTITLED = re.compile(r"\bstimmberechtigte\s*:\s*(?P<n>\d{1,3})\b", re.IGNORECASE)
_FIELD = re.compile(
    r"\b(?P<label>ja-stimmen|nein-stimmen|enthaltungen)\s*:\s*(?P<n>\d{1,3}\b)?",
    re.IGNORECASE,
)


def filled_empty_counts(text: str) -> str:
    """The table with its empty fields written 0 where nothing else is possible; the text
    unchanged otherwise."""
    entitled = _ENTITLED.search(text)
    fields = list(_FIELD.finditer(text))
    if entitled is None or len(fields) != 3 or len({f["label"].lower() for f in fields}) != 3:
        return text
    filled = [field for field in fields if field["n"] is not None]
    if len(filled) != 1 or int(filled[0]["n"]) != int(entitled["n"]):
        return text
    for field in reversed(fields):  # from the end, so the positions hold
        if field["n"] is None:
            text = f"{text[: field.end()].rstrip()} 0 {text[field.end() :].lstrip()}".rstrip()
    return text
