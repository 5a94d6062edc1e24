"""Members excluded for bias (§ 31 GO NRW) as vote lines name them, taken out of the line.

"Herr Lind hat gem. § 31 GO NRW … nicht teilgenommen" and SessionNet's "Befangen: 1 (Herr
Lind)": the names (or the count) become the vote's exclusions, the rest is read as the vote.
"""

from __future__ import annotations

import re

_WORD = r"[^\W\d][\w-]*\.?"
_PAREN = r"\([^()\d]*\)"
_BIAS = re.compile(
    rf"(?P<names>{_WORD}(?:[ \t,]+(?:{_WORD}|{_PAREN}))*)\s+(?:hat|haben)\s+"
    r"(?:gem\.|gemäß)?\s*§\s*31\s+GO\s+NRW\b[^.]*?nicht\s+teilgenommen\.?",
    re.IGNORECASE,
)
_NAME_SEPARATOR = re.compile(r",\s*|\s+und\s+|\s+sowie\s+")


def extract_bias(text: str) -> tuple[str, tuple[str, ...]]:
    """Take out "X hat gem. § 31 GO NRW … nicht teilgenommen" and return the names."""
    names: list[str] = []
    for match in _BIAS.finditer(text):
        for name in _NAME_SEPARATOR.split(match["names"]):
            if name.strip():
                names.append(name.strip())
    return _BIAS.sub(" ", text), tuple(names)


_PERSON = (
    r"(?!(?:wegen|als|da)\b)(?:[^\W\d][\w.\-]*\.?)"
    r"(?:[ \t]+(?!(?:wegen|als|da)\b)[^\W\d][\w\-]*\.?){0,3}"
)
"""One person as a vote line names them: "Herr Müller", "Ratsfrau Dr. Weber", "Schmitz"."""
_BIAS_LABEL = re.compile(
    r"[,;]?\s*\b(?<!nicht )befangen(?:e|heit)?\s*:\s*"
    rf"(?:(?P<n>\d+)(?:\s*\((?P<who>{_PERSON}(?:\s*(?:,|\bund\b)\s*{_PERSON})*)\))?"
    rf"|(?P<names>{_PERSON}(?:\s*(?:,|\bund\b)\s*{_PERSON})*))"
    r"(?P<reason>\s+(?:wegen|als|da)\b[^,;.]*)?"
    r"\s*(?=[,;.]|$)",
    re.IGNORECASE,
)
"""SessionNet's "Befangen: 1", "Befangen: 1 (Herr Lind)", "Befangen: Herr Lind, Frau Roth"."""
_VOTE_WORDS = re.compile(
    r"\b(?:ja|nein|dafür|dagegen|enthaltung(?:en)?|stimmenthaltung(?:en)?|einstimmig|"
    r"mehrheitlich|anwesend|stimmen?)\b",
    re.IGNORECASE,
)


_NOBODY = re.compile(r"(?:kein(?:e|er)?|niemand|nein|entfällt)\b.*", re.IGNORECASE)
"""Nobody excluded, however said: "keine", "keiner der Anwesenden", "niemand"."""


def extract_bias_label(text: str) -> tuple[str, tuple[str, ...], int | None]:
    """Take out "Befangen: …": (the rest, members named, how many where only counted).

    A name list that holds a vote word ("Befangen: keine Ja-Stimmen") is not taken."""
    names: list[str] = []
    count = 0
    kept: list[str] = []
    position = 0
    for match in _BIAS_LABEL.finditer(text):
        listed = match["who"] or match["names"]
        if listed is not None and _VOTE_WORDS.search(listed):
            continue
        if listed is not None and _NOBODY.fullmatch(listed.strip()):
            listed = None  # "Befangen: keine": as "Befangen: 0", nothing to record
        elif listed is not None:
            found = [n.strip() for n in re.split(r"\s*,\s*|\s+und\s+", listed) if n.strip()]
            if match["n"] is not None and int(match["n"]) != len(found):
                continue  # "Befangen: 2 (Herr Lind)": the count and the names disagree
            names += found
        elif match["n"] is not None:
            count += int(match["n"])
        if match["reason"]:
            continue  # "Befangen: Herr Lind wegen Grundstück": the names taken, the words kept
        kept.append(text[position : match.start()])
        position = match.end()
    kept.append(text[position:])
    return " ".join(kept).strip(), tuple(names), count or None
