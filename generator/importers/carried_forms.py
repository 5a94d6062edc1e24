"""Two short forms the item's result follows from, read with the vote beside them.

- **A motion on the procedure named as a noun, then carried**: "Wegen Klärungsbedarf Verweis
  in den Bau- und Werkausschuss. Einstimmig angenommen." (Fürth): the item was referred there.
  Only where the second sentence carries the motion and says nothing else ("Abgelehnt.", "Nicht
  angenommen." and anything longer stay unread: then the item's own result is not in it).
- **Members named for a body** ("Bürgermeister Nielsen als gemeindlicher Vertreter und … werden
  für den Zweckverband benannt." with "Abstimmungsergebnis: 6 Ja-Stimmen und 2 Enthaltungen",
  Amt Fehmarn): the body decided the naming, adopted, checked against the counts. Not an
  election (nobody ran against anyone); never where the naming is negated, modal or only
  proposed.
"""

from __future__ import annotations

import re

from generator.archive.model import Result
from generator.importers.result_wording import QUOTES, SPACE, Meaning, body_as_written
from generator.importers.wording_votes import VOTE_STARTS

_NOUN_MOTION = re.compile(
    r"^(?:(?:wegen|aufgrund|auf grund) [^.]+? )?(?:(?:der )?antrag auf )?"
    r"(?P<act>verweis(?:ung)?|überweisung|zurückverweisung|rückverweisung|vertagung"
    r"|zurückstellung|absetzung)"
    r"(?: (?:in|an) (?:den|die|das) (?P<body>[^.\d]+?))?(?: von der (?:heutigen )?tagesordnung)?"
    r"\.\s+(?P<manner>einstimmig|mehrheitlich)? ?(?:angenommen|beschlossen|zugestimmt)\.?$"
)
_BY_ACT = {
    "verweis": Result.REFERRED,
    "verweisung": Result.REFERRED,
    "überweisung": Result.REFERRED,
    "zurückverweisung": Result.REFERRED,
    "rückverweisung": Result.REFERRED,
    "vertagung": Result.DEFERRED,
    "zurückstellung": Result.DEFERRED,
    "absetzung": Result.REMOVED,
}


def noun_motion_carried(text: str) -> tuple[Meaning, str] | None:
    """ "Verweis in den Bauausschuss. Einstimmig angenommen." → referred to "Bauausschuss"."""
    plain = SPACE.sub(" ", text.translate(QUOTES)).strip()
    found = _NOUN_MOTION.match(plain.lower())
    if found is None:
        return None
    result = _BY_ACT[found["act"]]
    if result is not Result.REFERRED and found["body"]:
        return None  # "Vertagung in den …" is no form a clerk writes
    if result is Result.REMOVED and "tagesordnung" not in found.group(0):
        return None  # "Absetzung." alone: of what?
    body = found["body"]
    meaning = Meaning(
        result=result,
        body=body_as_written(plain, body) if body else None,
        unanimous=found["manner"] == "einstimmig",
        says_more=True,
    )
    return meaning, ""


_NAMED = re.compile(
    r"^(?:[^.;]|\b(?:\d{1,2}|nr|dr|stellv)\.)+? (?:wird|werden|wurde|wurden) "
    r"(?:(?:einstimmig|mehrheitlich) )?(?:als [^.;]+? )?(?:für|in|zum|zur|als) "
    r"(?:den|die|das|dem|der) [^.;]+? (?:benannt|entsandt|bestellt|berufen)\.?$"
)
_NOT_NAMED = re.compile(
    r"\b(?:nicht|kein\w*|soll\w*|sollte\w*|vorgeschlagen|vorschlag\w*|können|könnte\w*|möge\w*"
    r"|werden (?:benannt|entsandt|bestellt|berufen) werden)\b"
)


def naming_sentence(text: str) -> tuple[Meaning, str] | None:
    """Members named for a body, and the vote after the sentence."""
    cut = VOTE_STARTS.search(text)
    first, rest = (text[: cut.start()], text[cut.start() :]) if cut else (text, "")
    sentence = SPACE.sub(" ", first.translate(QUOTES)).strip().lower()
    if not _NAMED.match(sentence) or _NOT_NAMED.search(sentence):
        return None
    return Meaning(result=Result.ADOPTED, says_more=True), rest.strip()


_CHAIR_ESTABLISHES = re.compile(
    r"^(?:der|die) (?:[\w.-]+ ){0,4}?stellt (?:die|den) (?:(?:vorliegende|heutige|so geänderte"
    r"|geänderte|ergänzte) )?(?:tagesordnung|entwurf der tagesordnung) fest$"
)
"""The chair establishes the agenda ("Der Bürgermeister stellt die vorliegende Tagesordnung
fest."): the project reads an agenda "festgestellt" as adopted (``AGENDA_ADOPTED``)."""
_NO_OBJECTION = re.compile(
    r"^(?:(?:einwendungen|einwände) gegen die (?:vorliegende )?tagesordnung (?:werden|wurden) "
    r"nicht erhoben|gegen die (?:vorliegende )?tagesordnung (?:werden|wurden) keine "
    r"(?:einwendungen|einwände) erhoben)$"
)


def agenda_established(text: str) -> tuple[Meaning, str] | None:
    """ "Einwendungen gegen die Tagesordnung werden nicht erhoben. Der Bürgermeister stellt
    die vorliegende Tagesordnung fest." (Helmstedt) → adopted; any other sentence beside them,
    or no chair establishing it, reads nothing."""
    plain = SPACE.sub(" ", text.translate(QUOTES)).strip().lower()
    sentences = [s.strip() for s in re.split(r"(?<=[a-zäöüß])\.\s*", plain) if s.strip()]
    if not any(_CHAIR_ESTABLISHES.match(s) for s in sentences):
        return None
    if not all(_CHAIR_ESTABLISHES.match(s) or _NO_OBJECTION.match(s) for s in sentences):
        return None
    return Meaning(result=Result.ADOPTED, says_more=True), ""
