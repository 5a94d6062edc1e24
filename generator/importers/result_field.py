"""The result a result field states ("Geändert beschlossen", "Beschlussempfehlung an den Rat:
einstimmig beschlossen") → structure; unknown wording is kept for the editor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.archive.model import ResolutionKind, Result
from generator.importers.vote_text import normalise


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedResult:
    result: Result | None
    """None when the wording is not known; the caller keeps ``text`` for the editor."""
    kind: ResolutionKind = ResolutionKind.ORDINARY
    recommended_to: str | None = None
    """The body a recommendation goes to, as written (e.g. "Rat")."""
    unanimous: bool = False
    text: str = ""


_RESULT_PATTERNS: tuple[tuple[re.Pattern[str], Result], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), result)
    for pattern, result in (
        (
            r"(?:einstimmig |mehrheitlich )?(?:geändert|mit änderungen) beschlossen",
            "adopted_with_changes",
        ),
        (
            r"(?:einstimmig |mehrheitlich )?(?:ungeändert |wie vorgeschlagen )?beschlossen",
            "adopted",
        ),
        (
            r"(?:einstimmig |mehrheitlich )?wie (?:vorlage|beschlussvorschlag|beschlussvorlage)"
            r",? mit (?:den |der )?änderung(?:en)?\b.*",
            "adopted_with_changes",
        ),
        (
            r"(?:einstimmig |mehrheitlich )?"
            r"wie (?:vorlage|beschlussvorschlag|beschlussvorlage|antrag)(?: beschlossen)?",
            "adopted",
        ),
        (r"(?:einstimmig |mehrheitlich )?(?:annahme|angenommen|zugestimmt|zustimmung)", "adopted"),
        (r"(?:einstimmig |mehrheitlich )?(?:abgelehnt|ablehnung)", "rejected"),
        # "vertagt in Folgegremium": the body took no decision and the item moved on to
        # the next body of its consultation sequence; the archive calls that "referred".
        (r"vertagt in (?:das )?folgegremium", "referred"),
        (r"vertagt", "deferred"),
        (r"(?:zurück)?verwiesen(?: an .+| in .+)?", "referred"),
        (r"(?:einstimmig )?(?:zur )?kenntnis genommen|kenntnisnahme", "noted"),
        # "Der Ausschuss nimmt die Ausführungen zur Kenntnis."
        (r"(?:der|die|das)\b[^.]*\b(?:nimmt|nehmen|nahm|nahmen)\b[^.]*\bzur kenntnis", "noted"),
        # "erledigt": dealt with without a decision of its own (an answered inquiry, a
        # report); "noted" is the archive's value for an item that was only heard.
        (r"erledigt", "noted"),
        (r"zurückgezogen", "withdrawn"),
    )
    for result in (Result(result),)
)
_RECOMMENDATION = re.compile(
    r"beschlussempfehlung an (?:den |die |das )?(?P<to>[^:]+?)\s*:\s*(?P<rest>.+)", re.IGNORECASE
)
_RECOMMENDED = re.compile(
    r"(?P<how>einstimmig |mehrheitlich )?(?:empfohlen|zur annahme empfohlen)"
    r"(?: (?:an|dem|den) (?P<to>.+))?",
    re.IGNORECASE,
)


def parse_result(text: str) -> ParsedResult:
    """``"Geändert beschlossen"`` → adopted_with_changes; unknown wording → result None."""
    phrase = normalise(text).rstrip(".").strip(" -")
    recommendation = _RECOMMENDATION.fullmatch(phrase)
    if recommendation:
        inner = parse_result(recommendation["rest"])
        return ParsedResult(
            result=inner.result,
            kind=ResolutionKind.RECOMMENDATION,
            recommended_to=recommendation["to"].strip(),
            unanimous=inner.unanimous,
            text=text.strip(),
        )
    recommended = _RECOMMENDED.fullmatch(phrase)
    if recommended:  # "Einstimmig empfohlen": the body recommends adopting the paper
        return ParsedResult(
            result=Result.ADOPTED,
            kind=ResolutionKind.RECOMMENDATION,
            recommended_to=recommended["to"].strip() if recommended["to"] else None,
            unanimous=(recommended["how"] or "").lower().startswith("einstimmig"),
            text=text.strip(),
        )
    for pattern, result in _RESULT_PATTERNS:
        if pattern.fullmatch(phrase):
            unanimous = "einstimmig" in phrase.lower() and result is not Result.REJECTED
            return ParsedResult(result=result, unanimous=unanimous, text=text.strip())
    return ParsedResult(result=None, text=text.strip())
