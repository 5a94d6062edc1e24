"""Spellings of result wordings that read the same to any person, read in full."""

from __future__ import annotations

import re

SLIPS = re.compile(r"\b(?:enstimmig|einstimimig|einstimmit|einstimig)\b", re.IGNORECASE)
"""Misspellings of "einstimmig" seen in real records; each reads the same to any person."""
ELLIPTIC = re.compile(r"\b(?P<side>ja|nein)-(?=,?\s+(?:\d|und|sowie|bei)\b)", re.IGNORECASE)
""""mit 5 Ja- und 8 Nein-Stimmen": the first count's noun left out, as German writes it; read
in full (before: the clause was taken for who voted how and the counts were lost, so "mit 5
Ja- und 8 Nein-Stimmen angenommen" was published as adopted)."""
JOINED = re.compile(r"\b(?P<n>\d+)-(?P<side>ja|nein)-(?=stimme)", re.IGNORECASE)
""""mit 9 Gegenstimmen, 4-Ja-Stimmen und einer Enthaltung": a count joined to its noun by a
hyphen, read as "4 Ja-Stimmen" (before: the sentence was left unread)."""


def spelled_out(text: str) -> str:
    """The wording with elliptic and joined counts written in full."""
    text = JOINED.sub(lambda m: f"{m['n']} {m['side']}-", text)
    return ELLIPTIC.sub(lambda m: f"{m['side']}-Stimmen", text)
