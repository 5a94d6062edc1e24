"""An election told as a sentence: "Herr Wulff ist als Ausschussvorsitzender gewählt und bereit,
das Amt anzunehmen." (Greifswald), "Frau Dirks stellt fest, dass damit Herr Wiesmann zum
Vorsitzenden, Herr Faltmann zum 1. stellv. Vorsitzenden … gewählt sind." (Billerbeck).

Only a named person elected to a named office, in the indicative and without negation: "Herr
Hersel ist nicht gewählt", "… soll zum Vorsitzenden gewählt werden", "Frau X wird als
Vorsitzende vorgeschlagen" elect no one. The counts beside it stay as written (a flattened
ballot table "Ja-Stimmen Nein-Stimmen Enthaltungen 8 5 2" is not read); counts that can be
read must carry it ("… gewählt" beside "Ja: 3, Nein: 9" stays unread).
"""

from __future__ import annotations

import re

from generator.archive.model import Result
from generator.importers.wording_votes import counted, read_votes, result_of_votes

_PERSON = r"(?:herr|frau) [\w-]+(?: [\w-]+)?"
_ELECTED = re.compile(
    rf"^(?:(?:damit|somit|sodann) )?{_PERSON} "
    r"(?:(?:ist|wurde) (?:(?:damit|somit|einstimmig|mehrheitlich) )?(?:als|zum|zur) [^;]+? gewählt"
    r"|(?:zum|zur|als) [^;]+? gewählt (?:ist|sind|wurde|wurden|worden))\b"
)
_STATES_THAT = re.compile(r"^.*?\b(?:stellt|stellte) (?:\w+ )?fest, dass ")
_NOT_SO = re.compile(
    r"\b(?:nicht|kein\w*|soll\w*|werden|vorgeschlagen|vorschlag\w*|kandidi\w*|abgelehnt)\b"
)
_OTHER_RESULT = re.compile(
    r"\b(?:beschlossen|beschließt|abgelehnt|zugestimmt|angenommen|vertagt|verwiesen"
    r"|zurückgezogen|kenntnis|empfohlen|empfiehlt)\b"
)


def election_sentence(text: str) -> bool:
    """Whether the wording tells, in its first line, that a named person was elected, and
    nothing else: no other result, no count beside it that does not carry."""
    first, *rest = [line.strip() for line in text.lower().splitlines() if line.strip()] or [""]
    sentence = _STATES_THAT.sub("", first)
    if not _ELECTED.search(sentence) or _NOT_SO.search(first) or _OTHER_RESULT.search(first):
        return False
    if any(_NOT_SO.search(line) or _OTHER_RESULT.search(line) for line in rest):
        return False
    votes = read_votes(" ".join(rest))
    return not any(map(counted, votes)) or result_of_votes(votes) is Result.ADOPTED
