"""What a record says was decided: its result wording → result, kind and votes.

Council information systems put very different things into the one "result" field: the
decision ("Geändert beschlossen"), the vote ("Einstimmig, 0 Enthaltungen", "13 Ja-Stimmen,
0 Enthaltungen, 0 Nein-Stimmen"), a vote table pasted without separators, or a note that
nothing was voted on ("ohne", "(kein Text vorhanden)"). The rule is the importers' rule:
derive what is unambiguous, keep the wording, and never guess. A unanimous vote or a
counted majority decides the result (a tie rejects, § 50 Abs. 1 GO NRW); anything else
leaves the result ``not_recorded`` and the wording in the vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.archive.model import ResolutionKind, Result, Vote, outcome_of
from generator.importers.pasted_table import parse_pasted_table
from generator.importers.vote_text import normalise, parse_result, parse_votes, repair

_NOTHING_VOTED = re.compile(
    r"\(?\s*(?:ohne(?:\s*[,;(]\s*da\b.*)?|kein(?:e)?\s+text\s+vorhanden|"
    r"(?:es\s+)?(?:erfolgt(?:e)?\s+)?keine\s+abstimmung(?:\s+erfolgt)?|entfällt|"
    r"[-./\s]+|0)\s*\)?\s*\.?",
    re.IGNORECASE,
)
"""Wording that says no decision was taken or recorded: "ohne", "Ohne, da
Mitteilungsvorlage.", "(kein Text vorhanden)", "-.-", "entfällt"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedOutcome:
    result: Result
    """``NOT_RECORDED`` when the wording does not say it unambiguously."""
    kind: ResolutionKind = ResolutionKind.ORDINARY
    recommended_to: str | None = None
    """The body a recommendation goes to, as written (e.g. "Rat")."""
    votes: tuple[Vote, ...] = ()
    nothing_voted: bool = False
    """The record says no vote was taken ("ohne") or has no result at all."""
    note: str | None = None
    """For the import report: why the result is not recorded."""


def read_outcome(wording: str | None) -> RecordedOutcome:
    text = normalise(wording or "")
    if not text:
        return RecordedOutcome(
            result=Result.NOT_RECORDED, nothing_voted=True, note="die Quelle nennt kein Ergebnis"
        )
    if _NOTHING_VOTED.fullmatch(text):
        return RecordedOutcome(
            result=Result.NOT_RECORDED,
            nothing_voted=True,
            note=f"laut Quelle keine Abstimmung ({text!r})",
        )
    parsed = parse_result(text)
    if parsed.result is not None:
        return RecordedOutcome(
            result=parsed.result,
            kind=parsed.kind,
            recommended_to=parsed.recommended_to,
            votes=(Vote(unanimous=True),) if parsed.unanimous else (),
        )
    table = parse_pasted_table(repair(text))
    if table is not None:
        vote, rest = table
        if not vote.factions or rest:
            vote = _with_text(vote, text)  # the breakdown or the sentence after it stays
        return _decided_by((vote,), text)
    votes = parse_votes(text).votes
    return _decided_by(votes, text)


def _with_text(vote: Vote, text: str) -> Vote:
    return replace(vote, text=text)


def result_of_votes(votes: tuple[Vote, ...]) -> Result | None:
    """Adopted or rejected where every vote says so alike; None where they do not."""
    return outcome_of(votes)


def _decided_by(votes: tuple[Vote, ...], text: str) -> RecordedOutcome:
    result = result_of_votes(votes)
    if result is not None:
        return RecordedOutcome(result=result, votes=votes)
    parts_differ = len({_vote_result(vote) for vote in votes}) > 1
    if not votes:
        votes = (Vote(text=text),)
    why = "Teile mit verschiedenem Ausgang" if parts_differ else "Ergebnis nicht erkannt"
    return RecordedOutcome(result=Result.NOT_RECORDED, votes=votes, note=f"{why}: {text!r}")


def _vote_result(vote: Vote) -> Result | None:
    """Adopted or rejected, where the vote itself says so; None where it does not."""
    return vote.outcome
