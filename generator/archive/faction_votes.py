"""How a faction voted, in figures: its position in each vote, with the majority or not,
split or not, and how often two factions voted alike.

Counts only votes with a breakdown by faction (``vote.factions``): a unanimous vote
without one does not say which factions were present. Each part of a divided vote counts
as a vote of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from generator.archive.catalog import Catalog, FactionEntry
from generator.archive.model import Choice, FactionVote


class Position(StrEnum):
    FOR = "Ja"
    AGAINST = "Nein"
    ABSTAIN = "Enthaltung"
    SPLIT = "uneinheitlich"
    """No single choice had the most of the faction's votes."""


_POSITION = {Choice.FOR: Position.FOR, Choice.AGAINST: Position.AGAINST}


def position(faction: FactionVote) -> Position:
    """The choice most of the faction's members made; ``SPLIT`` on a tie."""
    choice = faction.choice
    if choice is None:
        return Position.SPLIT
    return _POSITION.get(choice, Position.ABSTAIN)


def is_split(faction: FactionVote) -> bool:
    """Members of the faction voted in more than one way."""
    return sum(1 for n in (faction.in_favour, faction.against, faction.abstain) if n) > 1


def with_majority(entry: FactionEntry) -> bool | None:
    """Whether the faction's position was the body's decision; None if that is unknown."""
    return entry.vote.in_majority(entry.faction)


@dataclass(frozen=True, slots=True, kw_only=True)
class FactionFigures:
    votes: int
    with_majority: int
    """Votes in which the faction's position was the body's decision."""
    majority_known: int
    """Votes whose outcome is known (the base of the share)."""
    split: int
    positions: tuple[tuple[Position, int], ...]


def figures(entries: Iterable[FactionEntry]) -> FactionFigures:
    entries = tuple(entries)
    majority = [with_majority(entry) for entry in entries]
    positions = Counter(position(entry.faction) for entry in entries)
    return FactionFigures(
        votes=len(entries),
        with_majority=sum(1 for m in majority if m),
        majority_known=sum(1 for m in majority if m is not None),
        split=sum(1 for entry in entries if is_split(entry.faction)),
        positions=tuple((p, positions[p]) for p in Position),
    )


Agreement = dict[tuple[str, str], tuple[int, int]]
"""(faction key, other faction key) → (votes both took part in alike, votes both took part in)."""


def agreement(catalog: Catalog) -> Agreement:
    """One pass over every vote with a breakdown: linear in the number of resolutions."""
    alike: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    key_of: dict[str, str] = {}
    for resolution in catalog.by_id.values():
        for vote in resolution.votes:
            present = []
            for faction in vote.factions:
                if faction.name not in key_of:
                    key_of[faction.name] = catalog.faction_key(faction.name)
                present.append((key_of[faction.name], position(faction)))
            for key, mine in present:
                for other, theirs in present:
                    if key != other:
                        counts = alike[(key, other)]
                        counts[1] += 1
                        counts[0] += mine is theirs and mine is not Position.SPLIT
    return {pair: (counts[0], counts[1]) for pair, counts in alike.items()}


def percent(part: int, whole: int) -> str:
    """``83,3 %``; ``–`` when there is nothing to divide."""
    return f"{100 * part / whole:.1f} %".replace(".", ",") if whole else "–"
