"""A SessionNet item's votes and result, from the header line and the body's vote text.

SessionNet pages may state a vote twice: as the header line ``Abstimmung: Ja: 22, Nein: 3,
Anwesend: 25`` (the numbers the clerk typed into the form) and in the rich text, often with
the breakdown by faction. The body's record wins where it adds up; the header fills in
what the body lacks; where both give totals that differ, the import says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.archive.model import Result, Vote
from generator.importers.bias_exclusion import extract_bias_label
from generator.importers.sessionnet_body import Body
from generator.importers.vote_text import (
    ParsedVotes,
    normalise,
    number_value,
    parse_votes,
    repair,
)

_EXTRA_COUNT = re.compile(r"[,;]?\s*(?P<label>befangen|anwesend)\s*:\s*(?P<n>\d+)\s*", re.I)
_PROSE_VERBS = {
    "angenommen": Result.ADOPTED,
    "beschlossen": Result.ADOPTED,
    "zugestimmt": Result.ADOPTED,
    "abgelehnt": Result.REJECTED,
    "vertagt": Result.DEFERRED,
    "zurückgezogen": Result.WITHDRAWN,
}
"""Result verbs of sentences the minutes close a vote with. Kept here because they are read
from whole sentences, not from the result field that ``outcome.py`` maps."""
_PROSE_RESULT = re.compile(
    r"(?P<how>einstimmig|mehrheitlich)\b[^.]*?\b(?P<verb>zugestimmt|abgelehnt|beschlossen|"
    r"angenommen)\b\.?",
    re.I,
)
"""The vote in words with its result: "Mehrheitlich gegen die CDU-Fraktion bei Enthaltung
der FDP-Fraktion zugestimmt.", "Einstimmig abgelehnt." """
NOT_YET_DECIDED = re.compile(r"noch\s+nicht\s+festgelegt|offen|\(offen\)", re.I)
"""SessionNet's default "Beschlussart" before the clerk sets one: says nothing."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadVotes:
    votes: tuple[Vote, ...]
    stated_result: Result | None
    """A result the vote text states in words ("Damit ist der Antrag abgelehnt.")."""
    notes: tuple[str, ...]


def read_votes(header: str | None, body: Body) -> ReadVotes:
    notes: list[str] = []
    head_vote, excluded_count = _header_vote(header, notes)
    stated: set[Result] = set()
    excluded_counts: list[int] = []
    named: list[str] = []
    votes = _body_votes(body, stated, excluded_counts, named, notes)
    excluded_count = sum(excluded_counts) or excluded_count
    if not votes and body.prose_votes:
        votes = _prose_votes(body, stated)
    for how, verb in body.result_sentences:
        stated.add(_PROSE_VERBS[verb.lower()])
        if not votes and how.strip().lower() == "einstimmig":
            votes = (Vote(unanimous=True),)
    if head_vote is not None:
        votes = _merged(votes, head_vote, notes)
    excluded = (*_excluded(body), *named)
    if not votes and (excluded or excluded_count):
        notes.append("Befangenheit genannt, aber keine Abstimmung: bitte von Hand eintragen")
    if votes and (excluded or excluded_count):
        first = votes[0]
        votes = (
            replace(
                first,
                excluded_for_bias=first.excluded_for_bias or excluded,
                excluded_for_bias_count=None if excluded else excluded_count,
            ),
            *votes[1:],
        )
    result = stated.pop() if len(stated) == 1 else None
    if len(stated) > 1:
        notes.append("Abstimmung nennt verschiedene Ergebnisse")
    return ReadVotes(votes=votes, stated_result=result, notes=tuple(notes))


def _header_vote(header: str | None, notes: list[str]) -> tuple[Vote | None, int | None]:
    """``Ja: 9, Nein: 2, Anwesend: 11, Befangen: 0`` → (the vote, members excluded for bias).

    "Anwesend" is no vote; it is dropped where it is the sum of the counts, kept as wording
    where it is not. Counts that are all 0 are the form's defaults, not a vote.
    """
    if not header or not normalise(header):
        return None, None
    extras = {m["label"].lower(): int(m["n"]) for m in _EXTRA_COUNT.finditer(header)}
    counts_text = _EXTRA_COUNT.sub(" ", header).strip(" ,;")
    parsed = parse_votes(counts_text) if counts_text else None
    vote = parsed.votes[0] if parsed and len(parsed.votes) == 1 else None
    if vote is None or vote.text is not None or parsed is None or parsed.unparsed:
        notes.append(f"Abstimmung im Kopf nicht ausgewertet: {normalise(header)!r}")
        return Vote(text=normalise(header)), None
    counts = [c for c in (vote.in_favour, vote.against, vote.abstain) if c is not None]
    if counts and not any(counts) and not vote.unanimous:
        return None, extras.get("befangen") or None
    present = extras.get("anwesend")
    if present is not None and present != sum(counts):
        vote = replace(vote, text=normalise(header))
        notes.append(f"Anwesende und Stimmen passen nicht zusammen: {present} und {sum(counts)}")
    return vote, extras.get("befangen") or None


def _body_votes(
    body: Body, stated: set[Result], excluded: list[int], named: list[str], notes: list[str]
) -> tuple[Vote, ...]:
    votes: list[Vote] = []
    parts: dict[str | None, list[str]] = {}
    for chunk in body.votes:
        text = chunk.text
        for match in _EXTRA_COUNT.finditer(text):
            if match["label"].lower() == "befangen":
                excluded.append(int(match["n"]))
        text = _EXTRA_COUNT.sub("\n", text).strip()
        text, names, _ = extract_bias_label(text)  # "Befangen: Herr Lind": named members
        named.extend(names)
        if text:
            parts.setdefault(chunk.part, []).append(text)
    for part, texts in parts.items():
        wording = "\n\n".join(texts)
        counted: list[str] = []
        for text in texts:
            prose = _PROSE_RESULT.match(normalise(text))
            if prose:
                stated.add(_PROSE_VERBS[prose["verb"].lower()])
                if prose["how"].lower() == "einstimmig" and prose.end() == len(normalise(text)):
                    counted.append("einstimmig")
                continue
            counted.append(text)
        parsed = _parsed(counted)
        if parsed is None or not parsed.votes:
            votes.append(Vote(part=part, text=normalise(wording)))
            continue
        found = parsed.votes
        if parsed.unparsed or len(counted) < len(texts):
            # Something besides numbers ("Nicht anwesend: …", a sentence): keep the wording.
            found = tuple(replace(v, text=_wording(wording)) for v in found)
        votes.extend(replace(v, part=v.part or part) for v in found)
    if any(v.text for v in votes):
        notes.extend(f"Abstimmung nicht ganz ausgewertet: {v.text!r}" for v in votes if v.text)
    return tuple(votes)


def _parsed(texts: list[str]) -> ParsedVotes | None:
    """The counts among the paragraphs; "Nicht anwesend: Herr X" beside them stays wording."""
    if not texts:
        return None
    whole = parse_votes("\n".join(texts))
    if not whole.unparsed or len(texts) == 1:
        return whole
    counted = [t for t in texts if not parse_votes(t).votes[0].text or _counts_in(t)]
    if not counted or len(counted) == len(texts):
        return whole
    found = parse_votes("\n".join(counted))
    return ParsedVotes(votes=found.votes, unparsed=(*found.unparsed, "…"))


def _counts_in(text: str) -> bool:
    vote = parse_votes(text).votes[0]
    return any(c is not None for c in (vote.in_favour, vote.against, vote.abstain))


def _wording(text: str) -> str:
    lines = [normalise(line) for line in text.split("\n") if normalise(line)]
    return "\n".join(lines)


def _prose_votes(body: Body, stated: set[Result]) -> tuple[Vote, ...]:
    """ "Der Beschlussvorschlag wird mehrheitlich mit 12 Ja-Stimmen, einer Gegenstimme und
    drei Enthaltungen angenommen." → the counts and the result."""
    how, verb = body.prose_votes[-1]
    stated.add(_PROSE_VERBS[verb.lower()])
    words = repair(normalise(how))
    if re.fullmatch(r"einstimmig", words, re.I):
        return (Vote(unanimous=True),)
    unanimous = re.match(r"einstimmig\s+(?:mit|bei)\s+(?P<n>\S+)\s+enthaltung(?:en)?$", words, re.I)
    if unanimous:
        try:
            return (Vote(unanimous=True, abstain=number_value(unanimous["n"])),)
        except KeyError:
            return ()
    majority = re.match(r"mehrheitlich\s+(?:mit|bei)\s+(?P<counts>.+)$", words, re.I)
    if majority:
        parsed = parse_votes(majority["counts"])
        if len(parsed.votes) == 1 and not parsed.unparsed:
            return parsed.votes
    return ()


def _merged(votes: tuple[Vote, ...], head: Vote, notes: list[str]) -> tuple[Vote, ...]:
    """The body's vote with what only the header says; the header's where the body has none."""
    if not votes:
        return (head,)
    if len(votes) > 1 or head.text:
        return votes
    body = votes[0]
    filled = {}
    for name in ("in_favour", "against", "abstain"):
        mine, theirs = getattr(body, name), getattr(head, name)
        if mine is None and theirs is not None:
            if not body.factions:  # a breakdown must add up to every total it stands by
                filled[name] = theirs
        elif mine is not None and theirs is not None and mine != theirs:
            notes.append(
                "Kopfzeile und Abstimmung nennen verschiedene Zahlen: "
                f"{_totals(head)} gegenüber {_totals(body)}"
            )
            return votes
    return (replace(body, **filled),) if filled else votes


def _totals(vote: Vote) -> str:
    return f"{vote.in_favour}/{vote.against}/{vote.abstain}"


def _excluded(body: Body) -> tuple[str, ...]:
    if not body.bias:
        return ()
    parsed = parse_votes(" ".join(body.bias))
    return parsed.votes[0].excluded_for_bias if parsed.votes else ()
