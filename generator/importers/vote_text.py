"""Votes as council records write them: free text in many spellings → structure.

Shared by the OParl and SessionNet importers. The rule is: parse what is unambiguous, keep
everything else verbatim (``Vote.text``) and say so. Nothing is dropped and nothing is
guessed: a faction breakdown that does not add up to its total is kept as text beside the
totals rather than "corrected". A result field is read by ``result_field``; members excluded
for bias are taken out of the line by ``bias_exclusion``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.archive.model import FactionVote, Vote
from generator.importers.bias_exclusion import extract_bias, extract_bias_label

NUMBER_WORDS = {
    "kein": 0,
    "keine": 0,
    "keiner": 0,
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "einen": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
}
"""Counts written as words, as minutes write them; the one table every reader of counts uses."""
_NUMBER = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?![\w-])"
_END = r"(?=[\s:,;()]|$)"
_LABELS = {
    "for": r"(?:dafür|ja-stimmen|ja-stimme|ja|zustimmungen|zustimmung|für)",
    "against": r"(?:dagegen|nein-stimmen|nein-stimme|nein|gegenstimmen|gegenstimme)",
    "abstain": r"(?:enth\.|stimmenthaltungen|stimmenthaltung|enthaltungen|enthaltung|enthalten)",
}
_LABEL = "|".join(f"(?P<{column}>{pattern})" for column, pattern in _LABELS.items())
_BREAKDOWN = r"(?:\s*\((?P<breakdown>[^()]*)\))?"
_LABEL_FIRST = re.compile(rf"(?:{_LABEL}){_END}\s*:?\s*(?P<n>{_NUMBER}){_BREAKDOWN}", re.IGNORECASE)
_NUMBER_FIRST = re.compile(rf"(?P<n>{_NUMBER})\s+(?:{_LABEL}){_END}{_BREAKDOWN}", re.IGNORECASE)
_FILLER = re.compile(r"(?:[\s,;./]+|(?:und|bei|mit|sowie)(?=\s))+", re.IGNORECASE)
_UNANIMOUS = re.compile(
    rf"einstimmig(?:\s+(?:bei|mit)\s+(?P<n>{_NUMBER})\s+(?:stimm)?enthaltung(?:en)?)?"
    r"(?:\s+beschlossen)?",
    re.IGNORECASE,
)
_UNANIMOUS_LEAD = re.compile(r"einstimmig\b[\s,;:]*", re.IGNORECASE)
_ABSTAIN_DETAIL = re.compile(
    rf"(?:bei|mit)?\s*(?P<n>{_NUMBER})\s+(?:stimm)?enthaltung(?:en)?\b(?P<who>.*)",
    re.IGNORECASE,
)
_VOTE_LABEL = re.compile(r"^(?:abstimmungsergebnis|abstimmung|ergebnis)\s*:\s*", re.IGNORECASE)
_PART = re.compile(
    r"(?:^|(?<=[\s.;,-]))zu\s+(?:den\s+)?"
    r"(?P<part>(?:punkt|punkten|ziffer|ziffern|beschlusspunkt|beschlusspunkten|top)\s+[^:]{1,60}?)"
    r"\s*:",
    re.IGNORECASE,
)
_SPACE = re.compile(r"[\s\u00a0]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedVotes:
    votes: tuple[Vote, ...]
    unparsed: tuple[str, ...]
    """Text that could not be turned into numbers; it is also in some ``Vote.text``."""


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


_REPAIRS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        # Slips seen in real records; each replacement reads the same to any person.
        (r"\bent(?:ahl|hla|hal)tung", "Enthaltung"),
        (r"enthaltung\(en\)", "Enthaltungen"),
        # "Ja-Stimme(n)", "Gegenstimme(n)": a plural ending in brackets, never a breakdown
        (r"(?<=[^\W\d])\((e?n)\)", r"\1"),
        (r"\beinstimmung\b(?=\s*(?:[,;.]|$))", "einstimmig"),
        (r"\bO(?=\s+(?:enthaltung|nein|ja|gegen|stimm))", "0"),
        (r"(\d)\s*-\s*(ja|nein)[- ]stimm", r"\1 \2-Stimm"),
        (r"(einstimmig)(?=\d)", r"\1, "),
        (r"\bohne\s+(?:stimm)?enthaltung(?:en)?\b", "0 Enthaltungen"),
        (r"\bohne\s+gegenstimme(?:n)?\b", "0 Gegenstimmen"),
        (r"(?<=\w)\s*/\s*(?=\d)", ", "),
        # "0 EnthaltungenRatsmitglied Arnold …": a sentence glued to the vote
        (r"(enthaltung(?:en)?|stimmen?)(?=(?-i:[A-ZÄÖÜ][a-zäöüß]))", r"\1. "),
    )
)


def repair(text: str) -> str:
    """Common slips in vote wording ("Entahltungen", "O Enthaltungen", "12-Ja Stimmen",
    "einstimmig12 Ja-Stimmen") written the way the parser reads them."""
    for pattern, replacement in _REPAIRS:
        text = pattern.sub(replacement, text)
    return text


def number_value(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def parse_votes(text: str) -> ParsedVotes:
    """Parse a vote record; whatever is not understood is kept verbatim in ``Vote.text``."""
    original = text.strip()
    if not normalise(original):
        return ParsedVotes(votes=(), unparsed=())
    joined = repair(normalise(original))
    joined, excluded = extract_bias(joined)
    joined, named, count = extract_bias_label(joined)
    excluded = (*excluded, *named)
    parsed = _parse_votes(original, joined, excluded)
    if count and not excluded:  # "Befangen: 2": members excluded under § 31 GO NRW, unnamed
        votes = tuple(replace(vote, excluded_for_bias_count=count) for vote in parsed.votes)
        return ParsedVotes(votes=votes, unparsed=parsed.unparsed)
    return parsed


def _parse_votes(original: str, joined: str, excluded: tuple[str, ...]) -> ParsedVotes:
    joined = _VOTE_LABEL.sub("", joined.strip(" -")).strip()
    parts = _split_parts(joined) or _split_lettered_parts(joined)
    if parts is None:
        if not joined.strip(" -.") and excluded:
            vote = Vote(excluded_for_bias=excluded, text=original)
            return ParsedVotes(votes=(vote,), unparsed=(original,))
        parsed = _parse_segment(joined, part=None, excluded=excluded)
        if parsed is None:
            vote = Vote(excluded_for_bias=excluded, text=original)
            return ParsedVotes(votes=(vote,), unparsed=(original,))
        vote, leftover = parsed
        return ParsedVotes(votes=(vote,), unparsed=(leftover,) if leftover else ())
    votes: list[Vote] = []
    unparsed: list[str] = []
    for part, segment, chunk in parts:
        parsed = _parse_segment(segment, part=part, excluded=excluded)
        if parsed is None:
            votes.append(Vote(part=part, excluded_for_bias=excluded, text=chunk))
            unparsed.append(chunk)
            continue
        vote, leftover = parsed
        votes.append(vote)
        if leftover:
            unparsed.append(leftover)
    return ParsedVotes(votes=tuple(votes), unparsed=tuple(unparsed))


def _split_parts(text: str) -> list[tuple[str, str, str]] | None:
    """(part name, its vote text, the whole chunk as written) for "zu Punkt …:" records."""
    matches = list(_PART.finditer(text))
    if not matches or text[: matches[0].start()].strip(" -.;,"):
        return None
    parts = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        part = normalise(match["part"])
        part = part[0].upper() + part[1:]
        chunk = text[match.start() : end].strip(" ;,")
        parts.append((part, text[match.end() : end].strip(" ;,"), chunk))
    return parts


_LETTERED_PART = re.compile(r"(?:^|(?<=[\w.,;\s]))(?P<label>[a-h])\)\s*")


def _split_lettered_parts(text: str) -> list[tuple[str, str, str]] | None:
    """ "a) einstimmig, 0 Enthaltungenb) einstimmig": parts a), b), … in order, from a)."""
    matches = list(_LETTERED_PART.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    labels = [m["label"] for m in matches]
    if labels != [chr(ord("a") + index) for index in range(len(labels))] or len(labels) < 2:
        return None
    parts = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        chunk = text[match.start() : end].strip(" ;,")
        parts.append((f"{match['label']})", text[match.end() : end].strip(" ;,"), chunk))
    return parts


_TRAILING_SENTENCE = re.compile(r"\.\s+(?=[A-ZÄÖÜ])")


def _parse_segment(
    segment: str, *, part: str | None, excluded: tuple[str, ...]
) -> tuple[Vote, str] | None:
    """One vote's text → (vote, text kept because the breakdown did not add up), or None."""
    cleaned = segment.strip().strip("-–").strip().rstrip(".").strip().strip("-–").strip()
    unanimous = _UNANIMOUS.fullmatch(cleaned)
    if unanimous:
        abstain = number_value(unanimous["n"]) if unanimous["n"] else None
        return Vote(part=part, unanimous=True, abstain=abstain, excluded_for_bias=excluded), ""
    lead = _UNANIMOUS_LEAD.match(cleaned)
    if lead:
        return _unanimous_with_details(cleaned[lead.end() :], segment, part, excluded)
    counted = _counts(cleaned)
    leftover = ""
    if counted is None:
        # "19 Ja-Stimmen, 8 Nein-Stimmen, 1 Enthaltung. In der Beschlussvorlage …": the
        # counts stand before a sentence of the minutes, which is kept as the wording.
        sentence = _TRAILING_SENTENCE.search(cleaned)
        counted = _counts(cleaned[: sentence.start()]) if sentence else None
        if counted is None:
            return None
        leftover = normalise(segment)
    counts, breakdowns = counted
    factions = _factions(counts, breakdowns)
    if breakdowns and factions is None:
        leftover = segment.strip()
    vote = Vote(
        part=part,
        in_favour=counts.get("for"),
        against=counts.get("against"),
        abstain=counts.get("abstain"),
        factions=factions or (),
        excluded_for_bias=excluded,
        text=leftover or None,
    )
    return vote, leftover


def _unanimous_with_details(
    rest: str, segment: str, part: str | None, excluded: tuple[str, ...]
) -> tuple[Vote, str] | None:
    """ "einstimmig, 1 Enthaltung CDU-Fraktion", "einstimmig, 12 Ja-Stimmen, 0 Nein-Stimmen".

    Who abstained is kept in the vote's wording, since it names no count to structure.
    """
    abstaining = _ABSTAIN_DETAIL.fullmatch(rest)
    if abstaining:
        who = abstaining["who"]
        vote = Vote(
            part=part,
            unanimous=True,
            abstain=number_value(abstaining["n"]),
            excluded_for_bias=excluded,
            text=normalise(segment) if who and who.strip(" .,;-") else None,
        )
        return vote, ""
    counted = _counts(rest)
    if counted is None:
        return None
    counts, breakdowns = counted
    if counts.get("against") or breakdowns:
        return None  # "einstimmig" with votes against: the record contradicts itself
    vote = Vote(
        part=part,
        unanimous=True,
        in_favour=counts.get("for"),
        against=counts.get("against"),
        abstain=counts.get("abstain"),
        excluded_for_bias=excluded,
    )
    return vote, ""


def _counts(text: str) -> tuple[dict[str, int], dict[str, str]] | None:
    """{column: count} and {column: breakdown text}, or None unless all of it is counts."""
    counts: dict[str, int] = {}
    breakdowns: dict[str, str] = {}
    position = 0
    while position < len(text):
        filler = _FILLER.match(text, position)
        if filler and filler.end() > position:
            position = filler.end()
            continue
        match = _LABEL_FIRST.match(text, position) or _NUMBER_FIRST.match(text, position)
        if match is None:
            return None
        column = next(name for name in _LABELS if match[name] is not None)
        if column in counts:
            return None  # "Ja: 3, Ja: 4" is not something to pick from
        counts[column] = number_value(match["n"])
        if match["breakdown"] is not None:
            breakdowns[column] = match["breakdown"]
        position = match.end()
    return (counts, breakdowns) if counts else None


_MAYOR = re.compile(r"OB|BM|(?:Ober)?[Bb]ürgermeister(?:in)?", re.IGNORECASE)
_NOT_A_FACTION = re.compile(
    r"(?:herr|frau|hr\.|fr\.|rh\.|rf\.|rm\.|dr\.)\s.*|sonstige[rn]?|parteilos|fraktionslos|"
    r"einzel(?:mandatsträger(?:in)?|vertreter(?:in)?|mitglied)",
    re.IGNORECASE,
)
"""A member ("Herr Lind") or a group ("3 Sonstige"): not a faction, so the breakdown
stays as wording until someone says where they belong."""
_GLUED_ITEM = re.compile(r"(?<=[^\W\d])\s+(?=\d+\s+[^\W\d])")
"""Where a comma is missing between two items: "1 BÜRGERLISTE 1 OP"."""
_LETTERS = re.compile(r"[^\W\d_]")
_ITEM_NUMBER_FIRST = re.compile(r"^(?P<n>\d+)\s+(?P<name>.+)$")
_ITEM_NAME_FIRST = re.compile(r"^(?P<name>.+?)\s*:?\s+(?P<n>\d+)$")


def _factions(counts: dict[str, int], breakdowns: dict[str, str]) -> tuple[FactionVote, ...] | None:
    """The per-faction breakdown, or None unless every non-zero total is broken down exactly.

    The archive checks that factions add up to each total, so a partial breakdown cannot be
    stored as structure; the caller then keeps the text.
    """
    if not breakdowns:
        return None
    table: dict[str, dict[str, int]] = {}
    for column, total in counts.items():
        breakdown = breakdowns.get(column)
        if breakdown is None:
            if total:
                return None
            continue
        items = [
            normalise(piece)
            for item in re.split(r"[,;]", breakdown)
            for piece in _GLUED_ITEM.split(item.strip())
            if piece.strip()
        ]
        found: list[tuple[str, int]] = []
        for item in items:
            match = _ITEM_NUMBER_FIRST.match(item) or _ITEM_NAME_FIRST.match(item)
            name = match["name"] if match else item
            if _NOT_A_FACTION.fullmatch(name) or len(_LETTERS.findall(name)) < 2:
                return None  # a member, a group, or debris ("(n)", "B") of a cut name
            if match:
                found.append((_faction_name(match["name"]), int(match["n"])))
            elif len(items) == 1:
                found.append((_faction_name(item), total))  # "Enth.: 1 (BÜRGERLISTE)"
            elif _MAYOR.fullmatch(item):
                found.append((item, 1))  # "(OB, 13 CDU, …)": the mayor votes as one member
            else:
                return None
        if sum(n for _, n in found) != total:
            return None
        for name, n in found:
            row = table.setdefault(name, {"for": 0, "against": 0, "abstain": 0})
            row[column] += n
    return tuple(
        FactionVote(name=name, in_favour=row["for"], against=row["against"], abstain=row["abstain"])
        for name, row in table.items()
    )


def _faction_name(name: str) -> str:
    return re.sub(r"\s*/\s*", "/", normalise(name))
