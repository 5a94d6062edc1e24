"""A committee's own recommendation told as one sentence, read with its result.

Minutes write a committee's vote for a recommendation as a sentence more often than as a result
field: "Der Haupt-, Finanz- und Wirtschaftsförderungsausschuss empfiehlt der
Stadtverordnetenversammlung einstimmig, dem Beschlussvorschlag zuzustimmen.", "Nach kurzer
Diskussion empfiehlt der Ausschuss einstimmig die Haushaltssatzung 2020 zur Beschlussfassung.",
"… beschließt der Ausschuss für Bauen, Stadtentwicklung und Umwelt, der
Stadtverordnetenversammlung zu empfehlen, der Erweiterung … zuzustimmen.", "Die Beschlusssache
wird einstimmig mit einer Enthaltung an den Gemeinderat zur Beschlussfassung weitergeleitet."

Each is the committee voting for what goes on to the deciding body: a recommendation, adopted,
never a decision of the committee. Read only where the sentence says what goes on for a decision
("zuzustimmen", "zu beschließen", "zur Beschlussfassung"); a recommendation to the
administration ("empfiehlt der Verwaltung, … zu prüfen"), one against ("abzulehnen"), passed on
without one ("ohne Empfehlung weitergeleitet"), negated, conditional or modal stays unread.
"""

from __future__ import annotations

import re

from generator.archive.model import ResolutionKind, Result
from generator.importers.result_wording import Meaning
from generator.importers.wording_votes import VOTE_STARTS

OWN_RECOMMENDATION = re.compile(
    r"\bvorberat(?:end|en)\b|\b(?:fasst|fasste|fassen|fassten)\b[^.:]*\bempfehlungsbeschluss"
    r"|\bempf(?:iehlt|ehlen|ahl)\b",
    re.IGNORECASE,
)
"""The body's own recommendation ("beschließt vorberatend", "fasst folgenden
Empfehlungsbeschluss"), as against a decision that follows someone's recommendation."""

_COMMITTEE = (
    r"(?:der|die|das) (?:\w+-,? ?)*(?:(?:und|sowie) )?[\w-]*(?:ausschuss|beirat|ortsrat"
    r"|ortschaftsrat|bezirksvertretung|gremium)(?: für [\w-]+(?:, [\w-]+)*(?: und [\w-]+)?)?"
)
"""The recommending committee, its name coordinated or not: "der Haupt-, Finanz- und
Wirtschaftsförderungsausschuss", "der Ausschuss für Bauen, Stadtentwicklung und Umwelt"."""
_BODY = r"[\w-]*(?:rat|kreistag|versammlung|vertretung|ausschuss|bürgerschaft)"
"""The body recommended to; never "der Verwaltung" (the administration decides nothing)."""
_TO = rf"(?:dem|der|den) (?P<{{name}}>{_BODY})"
_MANNER = r"(?P<manner>einstimmig|mehrheitlich|einvernehmlich|mit mehrheit)"
_COUNTS = r"(?: (?:mit|bei) [^,.]*?(?:stimme\w*|enthaltung\w*))?"
_FOR_DECISION = (
    r"(?:zuzustimmen|zu beschließen|zu erlassen|zu verabschieden|anzunehmen"
    r"|zur (?:beschlussfassung|annahme|zustimmung|entscheidung))"
)
_LEAD = r"(?:(?:nach|im anschluss|anschließend|danach|daraufhin|sodann|abschließend)\b[^,]*?,? )?"
_FORMS = (
    re.compile(
        rf"^{_LEAD}(?:{_COMMITTEE} empfiehlt|empfiehlt {_COMMITTEE})"
        rf"(?: {_TO.format(name='first')})?(?: {_MANNER}{_COUNTS})?(?: {_TO.format(name='body')})?"
        rf",? [^.]*\b{_FOR_DECISION}\.?$"
    ),
    re.compile(
        rf"^{_LEAD}(?:{_COMMITTEE} beschließt|beschließt {_COMMITTEE})(?: {_MANNER}{_COUNTS})?, "
        rf"{_TO.format(name='body')} zu empfehlen,? [^.]*\b{_FOR_DECISION}\.?$"
    ),
    re.compile(
        r"^(?:die|der|das) (?:beschlusssache|beschlussvorlage|vorlage|beschlussvorschlag"
        rf"|angelegenheit) (?:wird|wurde) {_MANNER}{_COUNTS} an (?:den|die|das) (?P<body>{_BODY})"
        r"(?: zur (?:beschlussfassung|entscheidung))? weitergeleitet\.?$"
    ),
)
_HOLDS_BACK = re.compile(
    r"\b(?:nicht|kein\w*|ohne|ablehn\w*|abzulehnen|ablehnung|sofern|falls|wenn|vorbehaltlich"
    r"|soll|sollte|sollen|könnte|könnten|würde|würden|möge|mögen|verwaltung)\b"
)


def recommending_sentence(text: str) -> tuple[Meaning, str] | None:
    """The recommendation the sentence before any vote tells, and the vote after it."""
    cut = VOTE_STARTS.search(text)
    first, rest = (text[: cut.start()], text[cut.start() :]) if cut else (text, "")
    sentence = " ".join(first.split())
    lowered = sentence.lower()
    if _HOLDS_BACK.search(lowered):
        return None
    for form in _FORMS:
        found = form.match(lowered)
        if found is None:
            continue
        named = "body" if found["body"] else "first" if found.groupdict().get("first") else None
        meaning = Meaning(
            result=Result.ADOPTED,
            kind=ResolutionKind.RECOMMENDATION,
            body=sentence[found.start(named) : found.end(named)] if named else None,
            unanimous=found["manner"] == "einstimmig",
        )
        return meaning, rest.strip()
    return None
