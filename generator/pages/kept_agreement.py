"""How often two factions voted alike (``faction_votes.agreement``), kept in the build
folder and brought up to date by the resolutions that changed: counting every vote of the
archive again for each edit was the largest part of the faction pages' cost.

The page cache keeps, under the digest of the registry (which names the factions' keys),
the agreement and what each resolution contributed to it, by its identity (the digest of
its file, ``PageContext.identities``): a build takes away what a changed or removed
resolution contributed and adds what a changed or new one contributes. The counts are
sums of integers, so the result is the clean build's, pair for pair.
"""

from __future__ import annotations

from collections import defaultdict

from generator.archive.catalog import Catalog
from generator.archive.faction_votes import Agreement, Position, agreement, position
from generator.archive.model import Resolution
from generator.pages.context import PageContext
from generator.publish.page_cache import digest

NAME = "ra-fraktionen-uebereinstimmung"
"""The agreement's name in the page cache (no page has it as address)."""
AGREEMENT = "agreement"
"""Its kind in the page cache's counts."""

Votes = tuple[tuple[tuple[str, Position], ...], ...]
"""A resolution's votes with a breakdown: each faction's key and position."""

Kept = tuple[dict[str, tuple[object, Votes]], dict[tuple[str, str], list[int]]]
"""Resolution id → (identity, votes) and (key, other) → [alike, both]."""


def kept_agreement(context: PageContext) -> Agreement:
    """``agreement(context.catalog)``, counting only the votes of resolutions whose file
    changed since the build that kept it (all of them without a page cache)."""
    catalog = context.catalog
    cache = context.page_cache
    if cache is None or not context.identities:
        return agreement(catalog)
    key = digest(("faction-agreement", catalog.archive.registry))
    found = cache.get_value(NAME, key, kind=AGREEMENT)
    kept: Kept = found if isinstance(found, tuple) else ({}, {})
    before, totals = kept
    alike = defaultdict(lambda: [0, 0], totals)
    after: dict[str, tuple[object, Votes]] = {}
    keys: dict[str, str] = {}
    for resolution in catalog.by_id.values():
        identity = context.identity(resolution)
        previous = before.pop(resolution.id, None)
        if previous is not None and previous[0] == identity:
            after[resolution.id] = previous
            continue
        if previous is not None:
            _count(alike, previous[1], -1)
        votes = _votes(catalog, resolution, keys)
        _count(alike, votes, 1)
        after[resolution.id] = (identity, votes)
    for _, votes in before.values():  # resolutions no longer in the archive
        _count(alike, votes, -1)
    totals = {pair: counts for pair, counts in alike.items() if counts[1]}
    cache.put_value(NAME, key, (after, totals))
    return {pair: (counts[0], counts[1]) for pair, counts in totals.items()}


def _votes(catalog: Catalog, resolution: Resolution, keys: dict[str, str]) -> Votes:
    """What ``agreement`` reads of ``resolution``: each vote's factions, by key."""
    votes = []
    for vote in resolution.votes:
        present = []
        for faction in vote.factions:
            if faction.name not in keys:
                keys[faction.name] = catalog.faction_key(faction.name)
            present.append((keys[faction.name], position(faction)))
        votes.append(tuple(present))
    return tuple(votes)


def _count(alike: defaultdict[tuple[str, str], list[int]], votes: Votes, sign: int) -> None:
    """Add (``sign`` 1) or take away (-1) what ``votes`` contribute, as ``agreement``."""
    for present in votes:
        for key, mine in present:
            for other, theirs in present:
                if key != other:
                    counts = alike[(key, other)]
                    counts[1] += sign
                    counts[0] += sign * (mine is theirs and mine is not Position.SPLIT)
