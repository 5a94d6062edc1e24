"""A second look at a result read from a wording, for what the first reading cannot see.

- Two lines that each state the same result (``agreeing_lines``): read, where together they
  were left unread.
- A deciding body with its abbreviation in brackets ("Die Gemeindevertretung (Gv) stimmt
  jeweils einstimmig den unter a-c genannten Änderungen zu."): read as without it.
- An election told as a sentence (``election_sentence``), or a ballot whose leading candidate
  has an absolute majority (``ballot``): elected.
- Minutes approved with a correction ("Gegen die Niederschrift wird ein Einwand erhoben, sie ist
  mit der Änderung genehmigt", "Das Protokoll wird mit den vorgetragenen Änderungen einstimmig
  genehmigt"): adopted with changes, not adopted as drafted.
- A recommendation with a second result beside it ("Einstimmig empfohlen. Der
  Tagesordnungspunkt wird vertagt."): unread, but still a recommendation, never published as
  the committee's own decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.archive.model import ResolutionKind, Result
from generator.importers.agreeing_lines import agreeing_lines
from generator.importers.ballot import ballot_elects
from generator.importers.election_sentence import election_sentence
from generator.importers.result_wording import split_wording

if TYPE_CHECKING:
    from generator.importers.outcome import RecordedOutcome

_MINUTES_CORRECTED = re.compile(
    r"\b(?:niederschrift|protokoll|sitzungsniederschrift)\w*\b[^.;:]*?\bmit (?:der |den |dieser "
    r"|diesen |folgender |folgenden |einer )?(?:[\w-]+ )?(?:änderung|berichtigung|korrektur"
    r"|ergänzung)(?:en)?\b(?! (?:der|des)\b)"
)
"""The minutes and "mit (der|den …) Änderung(en)/Berichtigung/Korrektur" in one sentence; never
"ohne Änderungen", nor "mit der Änderung des Bebauungsplans" (what the minutes were about)."""

_ABBREVIATED_BODY = re.compile(r"^(?P<body>(?:Der|Die|Das) [\w-]+) \([\w.-]{1,8}\)(?= )")
"""A body named with its abbreviation ("Die Gemeindevertretung (Gv) …"); never a bracket of
words ("Der Ausschuss (nicht öffentlich) …")."""
_FIRST_SENTENCE = re.compile(r"(?<=[^\d\s.][.!])\s+")


def second_look(
    outcome: RecordedOutcome, wording: str, text: str, read: Callable[[str], RecordedOutcome]
) -> RecordedOutcome:
    """The outcome, corrected where the wording as a whole says more than the first reading.

    ``wording`` is the field as the source wrote it (lines not joined), ``text`` as read."""
    note = outcome.note or ""
    if note.startswith("Ergebnis nicht erkannt"):
        if election_sentence(wording) or ballot_elects(wording):
            return replace(outcome, result=Result.ELECTED, note=None)
        if _ABBREVIATED_BODY.match(wording):
            again = read(_ABBREVIATED_BODY.sub(r"\g<body>", wording, count=1))
            if again.result is not Result.NOT_RECORDED:
                return replace(again, votes=tuple(replace(v, text=text) for v in again.votes))
        return agreeing_lines(wording, read) or outcome
    if note.startswith("Wortlaut nennt zwei Ergebnisse"):
        # the first sentence alone: read whole, "… empfohlen. … wird vertagt." is a deferral
        worded = split_wording(_FIRST_SENTENCE.split(text, maxsplit=1)[0])
        if worded is not None and worded[0].kind is ResolutionKind.RECOMMENDATION:
            return replace(outcome, kind=worded[0].kind, recommended_to=worded[0].body)
        return outcome
    if outcome.result is Result.ADOPTED and _MINUTES_CORRECTED.search(text.lower()):
        return replace(outcome, result=Result.ADOPTED_WITH_CHANGES)
    return outcome
