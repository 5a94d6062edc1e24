"""Spellings of result wordings that read the same to any person, read in full."""

from __future__ import annotations

import re

SLIPS = re.compile(r"\b(?:enstimmig|einstimimig|einstimmit|einstimig)\b", re.IGNORECASE)
"""Misspellings of "einstimmig" seen in real records; each reads the same to any person."""
ELLIPTIC = re.compile(r"\b(?P<side>ja|nein)-(?=,?\s+(?:\d|und|sowie|bei)\b)", re.IGNORECASE)
""""mit 5 Ja- und 8 Nein-Stimmen": the first count's noun left out, as German writes it; read
in full (before: the clause was taken for who voted how and the counts were lost, so "mit 5
Ja- und 8 Nein-Stimmen angenommen" was published as adopted)."""
