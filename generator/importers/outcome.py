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
from generator.importers.result_wording import Meaning, split_wording
from generator.importers.vote_text import normalise, parse_votes, repair

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
    referred_to: str | None = None
    """The body a referral sends the matter to, as written (e.g. "Bauausschuss")."""
    votes: tuple[Vote, ...] = ()
    nothing_voted: bool = False
    """The record says no vote was taken ("ohne") or has no result at all."""
    note: str | None = None
    """For the import report: why the result is not recorded."""


_SLIPS = re.compile(r"\b(?:enstimmig|einstimimig|einstimmit|einstimig)\b", re.IGNORECASE)
"""Misspellings of "einstimmig" seen in real records; each reads the same to any person."""


def read_outcome(wording: str | None) -> RecordedOutcome:
    text = _SLIPS.sub("einstimmig", normalise(wording or "")).rstrip(" ,;")
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
    worded = split_wording(text)
    if worded is not None:
        return _as_worded(*worded, text)
    votes = _read_votes(text)
    labelled = _VOTE_AFTER.search(text)  # "Mit Debatte - mit folgendem Abstimmungsergebnis: Ja: 10"
    if labelled is not None and not any(_counted(vote) for vote in votes):
        after = _read_votes(text[labelled.end() :])
        if any(_counted(vote) for vote in after):
            votes = (_with_text(after[0], text), *after[1:])  # the words before stay with it
    return _decided_by(votes, text)


_VOTE_AFTER = re.compile(r"\b(?:abstimmungsergebnis|abstimmung)\s*:\s*", re.IGNORECASE)


_PRESENT = re.compile(r",?\s*\banwesend\s*:\s*\d+", re.IGNORECASE)
"""SessionNet's "Anwesend: 35" counts those present, not a vote."""


def _read_votes(text: str) -> tuple[Vote, ...]:
    votes = _read_counts(text)
    if not any(_counted(vote) for vote in votes) and _PRESENT.search(text):
        without = _read_counts(_PRESENT.sub("", text))
        if any(_counted(vote) for vote in without):
            return (_with_text(without[0], text), *without[1:])
    return votes


def _read_counts(text: str) -> tuple[Vote, ...]:
    table = parse_pasted_table(repair(text))
    if table is not None:
        vote, rest = table
        if not vote.factions or rest:
            vote = _with_text(vote, text)  # the breakdown or the sentence after it stays
        return (vote,)
    return parse_votes(text).votes


_COUNTED = frozenset({Result.ADOPTED, Result.ADOPTED_WITH_CHANGES, Result.REJECTED})
"""Results a counted vote can confirm or contradict."""


def _as_worded(meaning: Meaning, rest: str, text: str) -> RecordedOutcome:
    """A known wording, with the vote that came with it ("einstimmig", "Ja: 9, Nein: 2")."""
    recommended_to = meaning.body if meaning.kind is ResolutionKind.RECOMMENDATION else None
    referred_to = meaning.body if meaning.result is Result.REFERRED else None
    if meaning.no_decision:  # "ohne Beschluss"
        return RecordedOutcome(
            result=Result.NOT_RECORDED,
            nothing_voted=not rest,
            votes=(Vote(text=text),) if rest else (),
            note=f"laut Quelle kein Beschluss ({text!r})",
        )
    if meaning.result is Result.NOT_RECORDED and meaning.kind is ResolutionKind.ORDINARY:
        return RecordedOutcome(  # "noch nicht festgelegt", "(offen)": decided, not recorded
            result=Result.NOT_RECORDED,
            votes=(Vote(text=text),),
            note=f"laut Quelle noch kein Ergebnis ({text!r})",
        )
    detail = ", ".join(filter(None, (*meaning.vote_details, rest)))
    votes: tuple[Vote, ...] = ()
    if detail:
        lead = "einstimmig, " if meaning.unanimous else ""
        votes = tuple(  # a text kept with the vote is the source's, not the lead added here
            _with_text(vote, text) if vote.text else vote for vote in _read_votes(lead + detail)
        )
        if not any(_counted(vote) for vote in votes):
            votes = (Vote(unanimous=meaning.unanimous, text=text),)
    elif meaning.unanimous:
        votes = (Vote(unanimous=True),)
    if meaning.says_more and votes and not any(vote.text for vote in votes):
        votes = (_with_text(votes[0], text), *votes[1:])
    elif meaning.says_more:
        votes = (Vote(unanimous=meaning.unanimous, text=text),)
    note = None
    result = meaning.result
    counted = result_of_votes(votes)
    if (
        counted is not None
        and result in _COUNTED
        and (counted is Result.REJECTED) != (result is Result.REJECTED)
    ):
        result, note = (
            Result.NOT_RECORDED,
            f"Wortlaut und Stimmenzahlen widersprechen sich: {text!r}",
        )
    elif result is Result.NOT_RECORDED:
        note = f"Empfehlung erkannt, ihr Ergebnis nicht: {text!r}"
    if result is Result.NOT_RECORDED and not any(vote.text for vote in votes):
        # the wording stays, beside whatever counts it had
        votes = (_with_text(votes[0], text), *votes[1:]) if votes else (Vote(text=text),)
    return RecordedOutcome(
        result=result,
        kind=meaning.kind,
        recommended_to=recommended_to,
        referred_to=referred_to,
        votes=votes,
        note=note,
    )


def _counted(vote: Vote) -> bool:
    return vote.unanimous or vote.in_favour is not None or vote.against is not None


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
