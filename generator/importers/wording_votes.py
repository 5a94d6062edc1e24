"""The votes in a result wording: counts, ratios, tables, parts and groups of voters.

What ``outcome`` reads as "the vote beside the wording": "Ja: 9, Nein: 2", "8 : 1" after a
label, a pasted table, "1. einstimmig … 2. einstimmig …", Brandenburg's one result per group
of voters, and a plain resolution with the counts cast on it. A count that is not the vote
(present, entitled, biased) stays in the vote's text; a form's empty fields are no vote.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.archive.model import Result, Vote, outcome_of
from generator.importers.pasted_table import parse_pasted_table
from generator.importers.vote_text import NUMBER_WORDS, number_value, parse_votes, repair

_NUMBERED_PART = re.compile(
    r"(?:^|(?<=[^\W\d])|(?<=\s))(?:(?:beratungs|abstimmungs)ergebnis\s*(?:zu\s+)?)?"
    r"(?P<label>\d{1,2})\.?\s*:\s*"
    r"|(?:^|(?<=[^\W\d])|(?<=\s))(?P<dotted>\d{1,2})\.\s*(?=einstimmig|\d+\s*ja)",
    re.IGNORECASE,
)
"""Parts numbered in one field: "1. einstimmig, 0 Enthaltungen2. einstimmig, 0 Enthaltungen",
"Beratungsergebnis 2: 5 Ja-Stimmen, 0 Nein-Stimmen, 9 Enthaltungen…"."""


def numbered_parts(text: str) -> tuple[Vote, ...]:
    """One vote per numbered part, each with its part's label; () unless every part is a
    vote read whole (a part with words besides its counts leaves the field unread)."""
    starts = list(_NUMBERED_PART.finditer(text))
    numbers = [int(start["label"] or start["dotted"]) for start in starts]
    if len(starts) < 2 or starts[0].start() != 0:
        return ()
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return ()  # "1.", "2.", "3.": a count that looks like a number is not a part
    votes = []
    for start, end in zip(starts, [*starts[1:], None], strict=True):
        segment = text[start.end() : end.start() if end else len(text)].strip(" ,;")
        found = read_votes(segment)
        if len(found) != 1 or not counted(found[0]) or found[0].text not in (None, segment):
            return ()
        votes.append(replace(found[0], part=start.group(0).strip(" :"), text=None))
    return (with_text(votes[0], text), *votes[1:])


VOTE_AFTER = re.compile(r"\b(?:abstimmungsergebnis|abstimmung)\s*:\s*", re.IGNORECASE)
VOTE_STARTS = re.compile(
    r"\b(?:abstimmungsergebnis|abstimmung)\s*:\s*|(?<![\w-])(?=(?:ja-stimmen|ja|dafür)\s*:?\s*\d)",
    re.IGNORECASE,
)
"""Where a vote may start after the words of a resolution: its label, or its first count."""


_PRESENT = re.compile(
    r"[,/]?\s*\b(?:anwesend|mitgliederzahl|stimmberechtigte|pers(?:\.|önlich)\s*beteiligt"
    r"|befangen(?:heit)?|gesetzl\.\s*anzahl\s+der\s+(?:vertreter|mitglieder)|davon\s+anwesend"
    # Saxony-Anhalt's form: "von der Abstimmung gemäß § 31 GO-LSA ausgeschlossen: 0"
    r"|von\s+der\s+abstimmung\s+gemäß\s+§\s*\d+\s+[\w-]+\s+ausgeschlossen)"
    r"\s*:?\s*\.?\d+\s*(?:/\s*)?",
    re.IGNORECASE,
)
"""Counts beside the vote that are not the vote: SessionNet's "Anwesend: 35",
"Mitgliederzahl: 13", "Stimmberechtigte: 7", "Pers. Beteiligt: 0", "Befangen: 0". The
source's text stays with the vote, so a member excluded for bias is not lost."""
_LEADING_LABEL = re.compile(
    r"^(?:(?:abstimmungsergebnis|abstimmung|stimmabgabe|ergebnis)\b"
    r"|beschluss\s+nr\.?(?:\s*\d[\d/.-]*)?(?=[\s:]|$))\s*:?\s*",
    re.IGNORECASE,
)
""""Stimmabgabe: 24 Ja-Stimmen, 1 Nein-Stimme", "Abstimmungsergebnis Ja: 17 Nein: 9"; the
field "Beschluss Nr." left without its number, before "Ja: 14, Nein: 0, Anwesend: 14"."""
_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        # "13 Ja Stimmen", "13 Ja- Stimmen", "6 Nein Stimmen": one word, as the parser reads it
        (r"\b(ja|nein)(?:\s*-\s*|\s+)(stimmen?)\b", r"\1-\2"),
        # "6 Stimmen dafür 0 Stimmen dagegen 3 Stimmenthaltungen" (Eisenach): the count, then
        # "Stimmen" and the side; never "dafür" alone ("6 Stimmen, dafür 3 …" is no count)
        (r"\b(\d+)\s+stimmen?\s+dafür\b", r"\1 Ja-Stimmen"),
        (r"\b(\d+)\s+stimmen?\s+dagegen\b", r"\1 Nein-Stimmen"),
        # "12x ja, 1x nein, 1x Enthaltung"
        (r"\b(\d+)\s*x\s+(?=ja\b|nein\b|enthaltung)", r"\1 "),
        # "12 – ja- Stimmen, 0 – nein-Stimmen"
        (r"\b(\d+)\s*[-–]\s*(?=(?:ja|nein)-stimm)", r"\1 "),
        # ALLRIS in Mecklenburg-Vorpommern: "Zustimmung: 13 Ablehnung: 0 Enthaltung: 0"
        (r"\bzustimmung\s*:\s*\.?(?=\d)", "Ja: "),
        (r"\bablehnung\s*:\s*\.?(?=\d)", "Nein: "),
        (r"\benthaltung(en)?\s*:\s*\.(?=\d)", r"Enthaltung\1: "),
        # "Anwesend 12 - Ja 12 - Nein 0": the count after its label, parts set off by dashes
        (r"\b(ja|nein|enthaltung(?:en)?)\s+(?=\d)", r"\1: "),
        (r"(?<=\d)\s+-\s+(?=(?:ja|nein|enthaltung)\b)", ", "),
    )
)
"""Spellings of a count any reader reads alike ("13 Ja Stimmen" = "13 Ja-Stimmen")."""
_FOR_AGAINST = re.compile(r"\bmit\s+(?P<yes>\d+)\s+gegen\s+(?P<no>\d+)\s+stimmen\b", re.IGNORECASE)
"""Bavarian SessionNet: "Anwesend: 14 / mit 13 gegen 0 Stimmen"."""


_RATIO = re.compile(
    r"(?P<label>(?:beschluss|abstimmung|abstimmungsergebnis)\s*:?\s*)?"
    r"(?P<yes>\d{1,3})\s*:\s*(?P<no>\d{1,3})"
    r"(?:\s*:\s*(?P<abstain>\d{1,3})(?P<legend>\s*\(\s*j\s*:\s*n\s*:\s*e\s*\))?)?",
    re.IGNORECASE,
)
"""A field that is nothing but a ratio: "Beschluss: 8 : 1" (for : against, as councils write
it), or with the legend that says so, "26:00:00 (J:N:E)"; three numbers after a label are
for : against : abstaining, the order minutes write them in ("Abstimmung: 19:0:0"). A ratio
without such a label (a time? "18:30") or inside a sentence is not read."""


_VOTERS = (
    r"(?:stadtverordnete|gemeindevertreter(?:innen)?|kreistagsabgeordnete|kreistagsmitglieder"
    r"|ausschussmitglieder|mitglieder|ratsmitglieder|stadträte|gemeinderäte"
    r"|sachkundige (?:einwohner|bürger)(?:innen)?(?:/-innen)?|beratende mitglieder)"
)
_MEMBERS = re.compile(
    r"stadtverordnete|gemeindevertreter(?:innen)?|kreistagsabgeordnete|kreistagsmitglieder"
    r"|ausschussmitglieder|mitglieder|ratsmitglieder|stadträte|gemeinderäte",
    re.IGNORECASE,
)
_GROUP_VOTE = re.compile(
    rf"(?:abstimmungsergebnis|abstimmung)\s+(?P<group>{_VOTERS})\s*:\s*"
    r"(?P<yes>\d{1,3})\s*/\s*(?P<no>\d{1,3})\s*/\s*(?P<abstain>\d{1,3})\s*",
    re.IGNORECASE,
)
"""Brandenburg's ALLRIS, one result per group of voters, for / against / abstaining:
"Abstimmungsergebnis Stadtverordnete: 6/0/0 Abstimmungsergebnis Sachkundige Einwohner: 3/0/0".
Only groups of voters, named as such ("Abstimmungsergebnis Antrag CDU: 6/0/0 …" are two
motions, not two groups), and the members' vote first: the members decide."""


def group_votes(text: str) -> tuple[Vote, ...]:
    """The first group's vote (the members'), where every group's vote says the same; else ()."""
    found = list(_GROUP_VOTE.finditer(text))
    if not found or "".join(m.group(0) for m in found).strip() != text.strip():
        return ()
    if not _MEMBERS.fullmatch(found[0]["group"]):
        return ()  # "Abstimmungsergebnis Sachkundige Einwohner: 3/0/0" alone: not the members'
    if len({m["group"].lower() for m in found}) != len(found):
        return ()
    votes = [
        Vote(in_favour=int(m["yes"]), against=int(m["no"]), abstain=int(m["abstain"]))
        for m in found
    ]
    if result_of_votes(tuple(votes)) is None or any(_blank(vote) for vote in votes):
        return ()
    return (with_text(votes[0], text),)


_COUNTS_AFTER_SENTENCE = re.compile(
    r"(?<=[.!])\s+(?=(?:abstimmungsergebnis\s*:?\s*|abstimmung\s*:\s*)?"
    r"(?:ja|dafür|ja-stimmen)\s*:?\s*\d)",
    re.IGNORECASE,
)
NOT_A_PLAIN_RESOLUTION = re.compile(
    r"kenntnis|vertag|zurück|abgesetzt|absetz|verwie|verweis|überwie|überweis|empf[ieo]h|empfahl"
    r"|empfiehl"
    r"|vorschlag|vorgeschlagen|wähl|\bwahl|ablehn|abgelehnt|\bnicht\b|\bkein|antr[aä]g"
    r"|tagesordnung|niederschrift|protokoll|einw[äa]nd|bedenken|erledigt|aufgehoben|aufheb"
    r"|widerspr|befangen|maßgabe|geändert|änderungsantrag|vorbehalt|stimm|mehrheit|\d\s*:\s*\d"
    r"|vorberat|beratung|erläuter|bericht|informier|erklär|teilt\b|fragt|stellt\b.*\bvor\b"
    r"|[?]|\bod(?:er)?\b|variante|alternativ"
    # a recommendation or a text put to another body ("Der Stadtrat möge … beschließen",
    # "schlägt dem Rat … vor", "zur Beschlussfassung vorgelegt"), an appointment, a motion
    # on the procedure (the public excluded, the debate closed, the matter put off or sent
    # on), a refusal in other words, a condition
    r"|\bmöge|\bsoll(?:en|te|ten)?\b|schläg|schlug|vorgelegt|vorleg|beschlussfassung"
    r"|ernenn|ernannt|bestell|beruf|benenn|benannt|entsend|delegier"
    r"|öffentlichkeit|redezeit|rederecht|debatte|sitzung|unterbr|gegeben|entschied|entscheid"
    r"|verleg|verschieb|verschob|versag|verweiger|untersag|\bob\b|prüf"
    r"|sofern|\bfalls\b|\bwenn\b|soweit|vorausgesetzt|vorbehaltlich|bedingung",
    re.IGNORECASE,
)
_COUNTS_ONLY = re.compile(
    r"(?:(?:abstimmungsergebnis|abstimmung)\s*:?\s*)?"
    r"(?:(?:ja|nein|dafür|dagegen|ja-stimmen|nein-stimmen|gegenstimmen|enthaltung(?:en)?"
    r"|stimmenthaltung(?:en)?|enthalten|enth\.|anwesend|stimmberechtigte|befangen)"
    r"\s*:?\s*\d{1,3}\s*[,;./]?\s*)+",
    re.IGNORECASE,
)
"""Nothing but counts after their labels: "Dafür: 18, Dagegen: 0" (not "Ja: 12, Nein: 3
(Änderungsantrag der SPD)", the counts of another motion)."""
"""Words that make a sentence more than the resolution the counts were cast on: another
result (noted, deferred, referred, rejected, elected …), a motion, a recommendation, minutes,
a negation, a choice between options, or the minutes' narrative (someone explains, reports)."""


def resolution_counted(text: str) -> tuple[Vote, ...]:
    """A resolution's text, then the counts cast on it ("Der Gemeinderat beauftragt die
    Verwaltung mit der weiteren Planung … Dafür: 18, Dagegen: 0"): the counts decide, as they
    do without the text; only where the text is a plain resolution and nothing else."""
    found = list(_COUNTS_AFTER_SENTENCE.finditer(text))
    if len(found) != 1:
        return ()
    head, tail = text[: found[0].start()], text[found[0].end() :]
    if len(head.split()) < 4 or NOT_A_PLAIN_RESOLUTION.search(head):
        return ()
    if not _COUNTS_ONLY.fullmatch(tail.strip()):
        return ()
    votes = read_votes(tail)
    if len(votes) != 1 or votes[0].in_favour is None or votes[0].against is None:
        return ()
    if votes[0].text not in (None, tail) or result_of_votes(votes) is None:
        return ()
    return (with_text(votes[0], text),)


def read_votes(text: str) -> tuple[Vote, ...]:
    """The votes in ``text``; counts that are all 0 are a form's empty fields, not a vote."""
    votes = _read_any_votes(text)
    if any(_blank(vote) for vote in votes):
        # "einstimmig beschlossen Ja: 0, Nein: 0, Enthaltungen: 0": nobody voted 0 to 0; the
        # manner stays, the counts go, the wording stays for the reader
        return tuple(
            Vote(part=vote.part, unanimous=vote.unanimous, text=text) if _blank(vote) else vote
            for vote in votes
        )
    return votes


def _blank(vote: Vote) -> bool:
    """ "Ja: 0, Nein: 0, Enthaltungen: 0": no one for and no one else counted either. (A
    unanimous vote with "0 Enthaltungen" states no count for; it is a vote.)"""
    counts = (vote.in_favour, vote.against, vote.abstain)
    return (
        vote.in_favour == 0
        and not any(counts)
        and not vote.factions
        and not vote.roll_call
        and not vote.excluded_for_bias
    )


def _read_any_votes(text: str) -> tuple[Vote, ...]:
    votes = _read_counts(text)
    if any(counted(vote) for vote in votes):
        return votes
    ratio = _RATIO.fullmatch(text.strip(" .;"))
    if ratio is not None and (ratio["label"] or ratio["legend"]):
        abstain = int(ratio["abstain"]) if ratio["abstain"] else None
        return (
            Vote(in_favour=int(ratio["yes"]), against=int(ratio["no"]), abstain=abstain, text=text),
        )
    for variant in _variants(text):
        found = _read_counts(variant)
        if any(counted(vote) for vote in found) and _says_the_same(text, variant, found):
            return (with_text(found[0], text), *found[1:])
    for_against = _FOR_AGAINST.search(text)
    if for_against is not None and len(_FOR_AGAINST.findall(text)) == 1:
        yes, no = int(for_against["yes"]), int(for_against["no"])
        return (Vote(in_favour=yes, against=no, text=text),)
    return votes


def _spelled(text: str) -> str:
    text = repair(text)
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return text


def _variants(text: str) -> tuple[str, ...]:
    """The text read more leniently, one step at a time: without a leading label, without
    the counts that are not the vote, in the spelling the parser reads."""
    unlabelled = _LEADING_LABEL.sub("", text)
    without = _PRESENT.sub(" ", unlabelled).strip(" ,;/-")
    spelled = _spelled(without)
    counts_only = _SENTENCE_AFTER.split(spelled, maxsplit=1)[0]
    return tuple(
        dict.fromkeys(v for v in (unlabelled, without, spelled, counts_only) if v and v != text)
    )


def _says_the_same(text: str, variant: str, votes: tuple[Vote, ...]) -> bool:
    """Where the counts were read without a sentence after them, that sentence must state
    the same outcome and nothing else decided ("Darüber hinaus wird … beauftragt": a second
    decision, whose result the counts do not give)."""
    read_as = _SENTENCE_AFTER.split(_spelled(_PRESENT.sub(" ", _LEADING_LABEL.sub("", text))), 1)
    if len(read_as) == 1 or variant != read_as[0]:
        return True
    after = read_as[1].lower()
    result = result_of_votes(votes)
    if result is Result.REJECTED:
        states = re.search(r"\babgelehnt\b|\bnicht angenommen\b", after)
    else:
        states = re.search(r"\b(?:angenommen|beschlossen|zugestimmt)\b", after)
    return bool(states) and not _MORE_DECIDED.search(after)


_MORE_DECIDED = re.compile(
    r"\b(?:darüber hinaus|außerdem|ferner|zusätzlich|beauftragt|einstimmig|mehrheitlich"
    r"|ja-stimmen?|nein-stimmen?|\d)"
)


_SENTENCE_AFTER = re.compile(
    r"(?:(?<=stimme)|(?<=stimmen)|(?<=enthaltung)|(?<=enthaltungen))\.?\s*"
    r"(?=(?-i:[A-ZÄÖÜ][a-zäöüß]+\s))"
    # "Ja: 4, Nein: 8 - Damit ist der Antrag abgelehnt.": a closing statement after the last
    # count (before: the counts were lost with it, and "beschlossen" beside them published)
    r"|(?<=\d)\s*(?:-\s*|\.\s*|\s)(?=(?:somit|damit|folglich)\s)",
    re.IGNORECASE,
)
"""Where a sentence follows the counts ("… 3 Enthaltungen Somit ist der Antrag abgelehnt."):
the counts decide, the sentence stays in the vote's text."""


def _read_counts(text: str) -> tuple[Vote, ...]:
    table = parse_pasted_table(repair(text))
    if table is not None:
        vote, rest = table
        if not vote.factions or rest:
            vote = with_text(vote, text)  # the breakdown or the sentence after it stays
        return (vote,)
    return parse_votes(text).votes


_COUNT = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?![\w-])"
_AGAINST = re.compile(
    rf"\b(?P<n>{_COUNT})\s*(?:nein[- ]?stimmen?|gegenstimmen?|stimmen?\s+dagegen)\b(?!\s*:)"
    rf"|\b(?:nein|gegenstimmen?|dagegen)\s*:?\s*(?P<m>{_COUNT})",
    re.IGNORECASE,
)
"""A count of votes against: "3 Gegenstimmen", "5 Nein-Stimmen", "Nein: 2"."""


_ANOTHER_VOTE = re.compile(
    r"(?<=[^\W\d])\.\s*(?=[A-ZÄÖÜ])|\b(?:beratungs|abstimmungs)ergebnis\b", re.IGNORECASE
)
"""Where a sentence or a second vote begins: "… verlängert werden soll.Beratungsergebnis: …"."""


def against_in(text: str) -> bool:
    """Whether the part that says "einstimmig" counts a vote against (which it cannot)."""
    parts = _ANOTHER_VOTE.split(text)
    scope = next((part for part in parts if "einstimmig" in part.lower()), text)
    return any(number_value(m["n"] or m["m"]) > 0 for m in _AGAINST.finditer(scope))


def counted(vote: Vote) -> bool:
    return vote.unanimous or vote.in_favour is not None or vote.against is not None


def with_text(vote: Vote, text: str) -> Vote:
    return replace(vote, text=text)


def result_of_votes(votes: tuple[Vote, ...]) -> Result | None:
    """Adopted or rejected where every vote says so alike; None where they do not."""
    return outcome_of(votes)


_CLOSING = re.compile(
    r"\b(?:somit|damit|folglich)\s+(?:ist|wurde|wird|sind|wurden)\s+(?:der|die|das)\s+"
    r"(?:antrag|beschlussvorschlag|beschluss|vorlage|beschlussvorlage)\s+"
    r"(?:(?:mehrheitlich|einstimmig|mit\s+stimmenmehrheit)\s+)?"
    r"(?P<said>nicht\s+angenommen|abgelehnt|angenommen|beschlossen)\b(?!\s+worden\s+ist\s+und)",
    re.IGNORECASE,
)
"""The minutes' own closing statement after the counts: "(Abstimmungsergebnis: Ja 8 / Nein 10
- Somit ist der Antrag abgelehnt.)"."""


def closing_result(text: str) -> Result | None:
    """Adopted or rejected, where one closing statement says so; None otherwise."""
    found = _CLOSING.findall(text)
    if len(found) != 1:
        return None
    said = found[0].lower()
    return Result.REJECTED if said == "abgelehnt" or said.startswith("nicht") else Result.ADOPTED
