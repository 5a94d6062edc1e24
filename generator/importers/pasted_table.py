"""A vote table pasted without separators → the vote, where the columns can be recovered.

Council information systems keep vote tables that were pasted from a word processor as
plain text with every separator lost::

    JaNeinEnthaltungBM1CDU121SPD7B‘90/DIE GRÜNEN3FDP11Hr. Gilleßen1Gesamt2611

Empty cells vanish, so "CDU121" may be 12 yes and 1 no, or 1 yes and 21 no. The
"Gesamt" row gives the column totals (its zeros are written). This module tries every
way to split each row's digits into its cells and keeps the table only if exactly one
split makes the rows add up to the totals; otherwise the caller keeps the text. Nothing
is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from generator.archive.model import FactionVote, Vote

_HEADER = re.compile(r"^\s*Ja\s*Nein\s*(?:Stimm)?Enthaltung(?:en)?\s*", re.IGNORECASE)
_TOTAL = re.compile(
    r"(?:Gesamt|Ergebnis)\s*:?\s*(?P<digits>\d{2,6})(?P<rest>\D.*)?$", re.IGNORECASE | re.DOTALL
)
# A digit run that belongs to a name: "B‘90/DIE GRÜNEN", "Bündnis 90/Die Grünen", "B90/ Die
# Grünen". A cell's digits never stand before a slash.
_NAME_DIGITS = re.compile(r"(?<=[^\W\d]|[‘´'’`\s])\d+(?=\s*/)")
# A member's row glued to the row before: "FDPHr. Gilleßen1" is FDP (no votes) and Hr. Gilleßen.
_MEMBER_START = re.compile(r"(?<=[^\W\d])(?=(?:Hr|Fr|Rm|Rf)\.\s*[A-ZÄÖÜ]|(?:Herr|Frau)\s+[A-ZÄÖÜ])")
# A row name has at least two letters: "B" or "n" is debris of a cut name, never a faction.
_LETTERS = re.compile(r"[^\W\d_]")
_ROW = re.compile(r"(?P<name>[^\d]+)(?P<digits>\d*)")
_MAYOR = re.compile(r"^(BM|OB|Bürgermeister(?:in)?)(?=[A-ZÄÖÜ])")
_MAX_MEMBERS = 99
"""No council in NRW has more than 90 members: each cell is at most two digits."""
_COLUMNS = 3


def parse_pasted_table(text: str) -> tuple[Vote, str] | None:
    """(the vote, text after the table), or None when the totals cannot be read for sure.

    When the rows fit the totals in exactly one way, the vote has the faction breakdown;
    when they fit in several ways that agree on the totals, it has the totals only (and
    the caller keeps the text for the breakdown).
    """
    header = _HEADER.match(text)
    if header is None:
        return None
    body = text[header.end() :]
    total_match = _TOTAL.search(body)
    if total_match is None:
        return None
    rows = _rows(body[: total_match.start()])
    if not rows:
        return None
    totals = iter(dict.fromkeys(_splits(total_match["digits"], exact=True)))
    solutions = _solutions(totals, rows)
    if not solutions or len({totals for totals, _ in solutions}) != 1:
        return None
    found = solutions[0][0]
    factions: tuple[FactionVote, ...] = ()
    if len(solutions) == 1:
        factions = tuple(
            FactionVote(name=name, in_favour=cells[0], against=cells[1], abstain=cells[2])
            for (name, _), cells in zip(rows, solutions[0][1], strict=True)
            if any(cells)
        )
    vote = Vote(in_favour=found[0], against=found[1], abstain=found[2], factions=factions)
    return vote, " ".join((total_match["rest"] or "").split())


def _rows(text: str) -> list[tuple[str, str]] | None:
    """(name, its digits) per row, the digits of names ("B‘90/…") kept in the name."""
    protected = _NAME_DIGITS.sub(lambda m: m.group().translate(_TO_MARKS), text)
    rows: list[tuple[str, str]] = []
    for match in _ROW.finditer(protected):
        name = " ".join(match["name"].translate(_FROM_MARKS).split())
        if not name:
            return None
        mayor = _MAYOR.match(name)
        if mayor:  # "BMCDU12": the mayor's empty row glued to the next name
            rows.append((mayor.group(), ""))
            name = name[mayor.end() :]
        *empty, name = _MEMBER_START.split(name)
        rows += [(" ".join(before.split()), "") for before in empty]
        rows.append((name, match["digits"]))
    if any(len(_LETTERS.findall(name)) < 2 for name, _ in rows):
        return None
    return rows


_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_MARKS = str.maketrans("0123456789", _MARKS)
_FROM_MARKS = str.maketrans(_MARKS, "0123456789")


def _splits(digits: str, *, exact: bool) -> Iterator[tuple[int, int, int]]:
    """Every way to read ``digits`` as the three cells (yes, no, abstain) of a row.

    ``exact``: all three cells are written (the totals row); otherwise empty cells are
    left out, so one to three numbers fill some of the columns, in order.
    """
    if not digits:
        yield (0, 0, 0)
        return
    counts = (_COLUMNS,) if exact else range(1, _COLUMNS + 1)
    for count in counts:
        for numbers in _cut(digits, count):
            for columns in combinations(range(_COLUMNS), count):
                cells = [0, 0, 0]
                for column, number in zip(columns, numbers, strict=True):
                    cells[column] = number
                yield (cells[0], cells[1], cells[2])


def _cut(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    """``digits`` cut into ``parts`` numbers of one or two digits, no leading zeros."""
    if parts == 1:
        if len(digits) <= 2 and (digits == "0" or not digits.startswith("0")):
            value = int(digits)
            if value <= _MAX_MEMBERS:
                yield (value,)
        return
    for length in (1, 2):
        head, tail = digits[:length], digits[length:]
        if len(head) < length or not tail or (length == 2 and head.startswith("0")):
            continue
        for rest in _cut(tail, parts - 1):
            yield (int(head), *rest)


_MAX_SOLUTIONS = 64
"""Enough to see whether the readings agree on the totals; beyond, the table is noise."""


def _solutions(
    total_options: Iterator[tuple[int, int, int]], rows: list[tuple[str, str]]
) -> list[tuple[tuple[int, int, int], list[tuple[int, int, int]]]]:
    """Every (totals, cells per row) that adds up, at most ``_MAX_SOLUTIONS``."""
    # A zero may stand in either of two columns and read the same: one reading, not two.
    row_options = [list(dict.fromkeys(_splits(digits, exact=False))) for _, digits in rows]
    found: list[tuple[tuple[int, int, int], list[tuple[int, int, int]]]] = []
    for totals in total_options:
        for assignment in _assignments(row_options, totals):
            found.append((totals, assignment))
            if len(found) > _MAX_SOLUTIONS:
                return []
    return found


def _assignments(
    options: list[list[tuple[int, int, int]]], remaining: tuple[int, int, int]
) -> Iterator[list[tuple[int, int, int]]]:
    if not options:
        if remaining == (0, 0, 0):
            yield []
        return
    first, rest = options[0], options[1:]
    for cells in first:
        left = (remaining[0] - cells[0], remaining[1] - cells[1], remaining[2] - cells[2])
        if min(left) < 0:
            continue
        for tail in _assignments(rest, left):
            yield [cells, *tail]
