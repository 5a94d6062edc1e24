"""What the resolution text says of the result where the result field says less or otherwise.

The result field is the wording (the project's rule), with two exceptions where the field
alone would publish a wrong fact:

- **An election under a bare vote.** Coburg's field says only "einstimmig" over "1. Zum
  Verbandsvorsitzenden wurde gewählt: Landrat Michael Busch …": the vote carried an election,
  not a resolution adopted. Only where the field is a vote and nothing else, and the text opens
  by telling, in the indicative and without negation, that someone was elected.
- **A resolution that only rejects a motion, under a field that adopts.** Erkelenz's field says
  "ungeändert beschlossen" (43 : 7) over "Der Antrag der Fraktion … wird abgelehnt.": the
  council adopted the rejection, so the item is adopted or the motion rejected, and which one
  the archive's single result should say the page does not settle (read so since
  ``unseen8.tsv``'s Lindenberg). Left unread, the wording kept, never published as adopted.
"""

from __future__ import annotations

import re

from generator.archive.model import Result
from generator.importers.result_wording import normalise_wording

_ELECTED = re.compile(
    r"^(?:\d{1,2}\.\s*)?(?:(?:zum|zur|als) [^:;\n]{1,80}? (?:wurde|wurden|wird|werden|ist|sind)"
    r"(?: [^:;\n.]{1,60}?)? gewählt"
    r"|(?:herr|frau) [\w-]+(?: [\w-]+)? (?:wird|wurde|ist) (?:zum|zur|als) [^:;\n]{1,80}? gewählt"
    r"|gewählt (?:wurde|wurden|ist|sind))\s*(?::|\s[^\s]|[.!]?$)",
    re.IGNORECASE,
)
"""An election told at the text's start: "1. Zum Verbandsvorsitzenden wurde gewählt:", "Als
Schiedsperson wird … gewählt", "Gewählt wurde …"."""
_NOT_ELECTED = re.compile(
    r"\b(?:nicht|kein\w*|soll\w*|vorgeschlagen|abgelehnt|zurückgezogen|vertagt|gewählt werden)\b",
    re.IGNORECASE,
)
_REJECTS_MOTION = re.compile(
    r'^(?:\d{1,2}\.\s*)?["„]?\s*(?:(?:der|die|das) (?:[\w-]+ ){0,2}?(?:antrag|anregung|eingabe'
    r"|bürgerantrag|einwohnerantrag|petition|beschwerde|änderungsantrag)\b.*\b"
    r"(?:wird|werden|wurde|wurden) (?:\w+ )?abgelehnt"
    r"|(?:der|die|das) [\w -]+? lehnt (?:den|die|das) [^.]*?(?:antrag|anregung|eingabe|petition)"
    r"\b.*\bab"
    r"|(?:der|die|das) [\w -]+? beschließt,? (?:den|die|das) [^.]*?(?:antrag|anregung|eingabe"
    r"|petition)\b.*\babzulehnen)\s*[.!]?\s*[\"“]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
"""A text whose whole decision is a motion rejected: "Der Antrag der Fraktion … vom 01.05.2004,
der Rat der Stadt möge beschließen, …, wird abgelehnt.", "Der Rat lehnt den Antrag … ab."."""
_ADOPTING = frozenset({Result.ADOPTED, Result.ADOPTED_WITH_CHANGES})


def elected_in_text(result_text: str | None, text: str) -> bool:
    """Whether a field that is a vote and nothing else stands over a text telling of an
    election (then the vote elected)."""
    if not result_text or not text or normalise_wording(_without_counts(result_text)):
        return False
    return _ELECTED.search(text.strip()) is not None and not _NOT_ELECTED.search(text)


def rejection_under_adoption(result: Result, text: str) -> bool:
    """Whether the field adopts what the text only rejects (a motion)."""
    return result in _ADOPTING and bool(text) and _REJECTS_MOTION.match(text.strip()) is not None


def result_with_text(
    result: Result, result_text: str | None, text: str
) -> tuple[Result, str | None]:
    """The field's result as the resolution text bears it out, and a note for the import report
    where the text leaves it unread."""
    if result is Result.ADOPTED and elected_in_text(result_text, text):
        return Result.ELECTED, None  # Coburg: "einstimmig" over "Zum … wurde gewählt: …"
    if rejection_under_adoption(result, text):
        # Erkelenz: "ungeändert beschlossen" over "Der Antrag … wird abgelehnt."
        return (
            Result.NOT_RECORDED,
            f"Beschlusstext lehnt einen Antrag ab, Ergebnisfeld {result_text!r}",
        )
    return result, None


_COUNTS = re.compile(
    r"\b(?:ja|nein|enthaltung(?:en)?|stimmenthaltung(?:en)?|dafür|dagegen|anwesend|befangen"
    r"|ja-stimmen|nein-stimmen|gegenstimmen?|stimmberechtigte|abstimmung(?:sergebnis)?)\b\s*:?"
    r"\s*\d*|\d+",
    re.IGNORECASE,
)


def _without_counts(result_text: str) -> str:
    """The field without its counts: empty (after normalising away "einstimmig") where the
    field is a vote and nothing else."""
    return _COUNTS.sub(" ", result_text)
