"""Matters (Vorlagen): every consultation of one paper reference, and what each one was.

Derived from ``reference`` alone, without any manual relation: the catalog groups the
resolutions by reference (``Catalog.by_reference``), and this module says which role each
consultation played and which decision followed a recommendation.
"""

from __future__ import annotations

from enum import StrEnum

from generator.archive.catalog import Catalog
from generator.archive.model import Resolution, ResolutionKind, Result


class Role(StrEnum):
    """OParl ``Consultation.role``, in the words council information systems use."""

    PRELIMINARY = "Vorberatung"
    RECOMMENDATION = "Empfehlung"
    DECISION = "Entscheidung"


_NOT_FINAL = frozenset(
    {Result.DEFERRED, Result.REFERRED, Result.WITHDRAWN, Result.CONSULTED, Result.REMOVED}
)


def consultations(catalog: Catalog, resolution: Resolution) -> tuple[Resolution, ...]:
    """Every resolution on the same paper, in order (just this one without a reference)."""
    if not resolution.reference:
        return (resolution,)
    return catalog.by_reference.get(resolution.reference, (resolution,))


def role(resolution: Resolution, matter: tuple[Resolution, ...]) -> Role:
    if resolution.kind is ResolutionKind.RECOMMENDATION:
        return Role.RECOMMENDATION
    position = _position(resolution, matter)
    later = position is not None and position < len(matter) - 1
    if resolution.result in _NOT_FINAL or (resolution.result is Result.NOTED and later):
        return Role.PRELIMINARY
    return Role.DECISION


def _position(resolution: Resolution, matter: tuple[Resolution, ...]) -> int | None:
    """``matter.index(resolution)``, found by identity first: comparing resolutions field
    by field cost seconds per build in the OParl consultations of a large archive (a
    catalog holds each resolution once, so the first identical one is the first equal)."""
    for index, other in enumerate(matter):
        if other is resolution:
            return index
    return matter.index(resolution) if resolution in matter else None


def decision_after(catalog: Catalog, recommendation: Resolution) -> Resolution | None:
    """The decision that followed a recommendation: the next consultation of the body it
    went to (any later decision if it names none)."""
    if recommendation.kind is not ResolutionKind.RECOMMENDATION:
        return None
    matter = consultations(catalog, recommendation)
    later = matter[matter.index(recommendation) + 1 :]
    for resolution in later:
        if resolution.committee == recommendation.recommended_to:
            return resolution
    return next((r for r in later if r.kind is not ResolutionKind.RECOMMENDATION), None)


def recommendations_before(catalog: Catalog, decision: Resolution) -> tuple[Resolution, ...]:
    """The recommendations whose ``decision_after`` is ``decision``: the other direction."""
    if decision.kind is ResolutionKind.RECOMMENDATION:
        return ()
    matter = consultations(catalog, decision)
    earlier = matter[: matter.index(decision)]
    return tuple(
        r
        for r in earlier
        if r.kind is ResolutionKind.RECOMMENDATION and decision_after(catalog, r) == decision
    )
