"""The result wordings German council information systems use, and what each one means.

One table (``WORDINGS``, in ``wording_table``) holds the whole vocabulary: a pattern over the
normalised wording → result, kind and, where the wording names it, the body a matter is referred or
recommended to. The wordings come from real records: the result fields of SessionNet
("Beschluss: ungeändert beschlossen"), ALLRIS ("Beschlussart: geändert beschlossen"),
SD.NET RIM and Session item pages, and OParl ``AgendaItem.result`` of several towns.

Normalising takes away what does not change the meaning: a label ("Beschluss:"), the
manner of the vote ("einstimmig", "mehrheitlich", "ohne Gegenrede"), the subject and
auxiliary of a sentence ("Der Antrag wird …", "Damit ist …"). What is left must match a
pattern whole; a wording that matches none is not guessed at (``read_wording`` → None).
A recommendation is never read as a decision: "empfohlen", "Beschlussempfehlung an den
Rat: …" give ``kind: recommendation`` even where the result stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.archive.model import ResolutionKind, Result
from generator.importers.wording_table import ADMINISTRATION, WORDINGS

_ORDINARY = ResolutionKind.ORDINARY
_RECOMMENDATION = ResolutionKind.RECOMMENDATION


_COMPILED = tuple(
    (re.compile(alternative), wording)
    for wording in WORDINGS
    for alternative in wording.alternatives
)

_LABEL = re.compile(
    r"^(?:beschluss(?:art|ergebnis)?|ergebnis|abstimmungsergebnis|beratungsergebnis|entscheidung"
    r"|status|ergebnis der beratung|ergebnis der abstimmung|stimmabgabe)\s*:\s*"
)
MANNER = re.compile(
    r"\b(?:einstimmig|einstimmung|mehrheitlich|einvernehmlich|mit (?:großer |breiter )?mehrheit"
    r"|mit stimmenmehrheit|mit den stimmen der mehrheit|ohne gegenstimmen?|ohne gegenrede"
    r"|ohne widerrede|ohne widerspruch|ohne aussprache|ohne debatte|mit debatte"
    r"|in der vorgelegten fassung|(?<!nicht )endgültig)\b,?"
)
_SUBJECT = re.compile(
    r"^(?:(?:damit|somit|hiermit|insofern|daher|demnach) )?"
    r"(?:(?:ist|wird|wurde|sind|werden|wurden) )?"
    r"(?:(?:der|die|das|dem|den) "
    r"(?:gesamte |so geänderte |geänderte |vorliegende |obige |ursprüngliche |o\. ?g\. )?"
    r"(?:antrag|anträge|vorlage|beschlussvorlage|beschlussvorschlag"
    r"|beschlussvorschlägen|verwaltungsvorschlag|vorschlag|vorschlägen|tagesordnungspunkt|top|punkt"
    r"|angelegenheit|sache|beschluss|beratungsgegenstand|anfrage|bericht|mitteilung)"
    r"(?: der verwaltung| der [\w-]+-fraktion| der fraktion [\w/ -]+?)? )"
)
_ANY_SUBJECT = re.compile(
    r"^(?:der|die|das|dem|den) "
    # not a motion on the procedure or on a part: "Die Vertagung wurde abgelehnt" says
    # nothing of the item's own result
    r"(?!\S*(?:vertagung|verweisung|absetzung|änderung|ergänzung|zusatz|geschäftsordnung))"
    # nor a decision taken before ("Der Beschluss des Ortschaftsrates wird durch den
    # Gemeinderat zurückgenommen": another body's decision revoked, not the item withdrawn)
    r"(?!beschluss\S* (?:des|der|vom) )"
    r"(?:[\w./-]+ ){1,4}?(?=(?:wird|wurde|werden|wurden|ist|sind) )"
)
"""Any short subject before an auxiliary ("Die Tagesordnung wurde …", "Der TOP A 11 wird …"),
tried after the wording as it stands: "Dem Rat wird empfohlen" must keep its body."""
COUNT_WORD = r"(?:\d+|eine[rn]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|keiner?)"
_COUNTED_AS = r"(?:stimm)?(?:enthaltung(?:en)?|gegenstimmen?|nein-stimmen?|ja-stimmen?)"
VOTE_DETAIL = re.compile(
    rf"\b(?:bei|mit)\s+{COUNT_WORD}\s+{_COUNTED_AS}(?:,?\s+(?:und|bei|sowie)?\s*{COUNT_WORD}\s+{_COUNTED_AS})*\b"
)
"""A count inside a sentence ("… einstimmig mit drei Enthaltungen angenommen"): taken out of
the wording and handed to the vote readers."""
_ADDRESSED = re.compile(
    r"^(?:beschluss)?empfehlung (?!(?:\S+ )?gefasst\b)(?:an )?(?:den |die |das )?"
    r"(?P<body>[^:]+?)\s*:\s*(?P<rest>.*)$"
)
""""Beschlussempfehlung an den Rat: Wie Antrag": a recommendation, whatever follows."""
_VOTE_CLAUSE = re.compile(
    r"(?:gegen|bei|mit|in|ohne|auf) (?:(?![.!?]\s)[^;])+? "
    r"(?P<rest>(?:ungeändert |unverändert |geändert )?"
    r"(?:zugestimmt|beschlossen|angenommen|abgelehnt|empfohlen|genehmigt"
    r"|zur kenntnis genommen|vertagt|verwiesen|gewählt))"
    r"(?:\.? ?\(.*)?"
)
"""Cologne writes who voted how before the result: "Mehrheitlich gegen die CDU-Fraktion bei
Enthaltung der FDP-Fraktion zugestimmt." The result is the last words; the rest is the vote,
within one sentence ("Mit … besteht Einverständnis. Der Antrag der SPD wird abgelehnt." is two
results, read rejected before)."""
_NOT = re.compile(r"\b(?:nicht|kein|keine|keinen|keiner)\b")
_ASIDE = re.compile(r"\s*\((?:ohne rücklauf|mit rücklauf|beratungsfolge beendet)\)\s*$")
"""Köln's and Berlin's notes on the procedure after the result: "(ohne Rücklauf)"."""
_AUXILIARY = re.compile(r"\b(?:wird|wurde|werden|wurden|worden|ist|sind|hat|haben)\b")
SPACE = re.compile(r"\s+")
QUOTES = str.maketrans({"\u00a0": " ", "„": '"', "“": '"', "”": '"', "–": "-", "—": "-"})
UNANIMOUS = re.compile(r"\beinstimmig|\beinstimmung\b|\bohne gegenstimmen?\b")


@dataclass(frozen=True, slots=True, kw_only=True)
class Meaning:
    """What a result wording says: its result, kind and the body it names."""

    result: Result
    """``NOT_RECORDED`` for a wording that says no result was taken or recorded."""
    kind: ResolutionKind = _ORDINARY
    body: str | None = None
    """The body referred or recommended to, as the wording writes it ("Bauausschuss")."""
    unanimous: bool = False
    vote_details: tuple[str, ...] = ()
    """Counts the sentence carried ("mit drei Enthaltungen"), for the vote readers."""
    no_decision: bool = False
    """The wording says nothing was decided here ("ohne Beschluss")."""
    says_more: bool = False
    """The wording tells more of the vote than the table reads ("gegen die CDU-Fraktion"):
    keep it verbatim with the vote."""


def normalise_wording(text: str, *, any_subject: bool = False) -> str:
    """The wording without label, vote manner, subject and auxiliaries, casefolded.

    ``any_subject``: take away any short subject before an auxiliary, not only the known ones.
    """
    # lower(), not casefold(): casefold writes "ß" as "ss", and the table is written with "ß"
    phrase = SPACE.sub(" ", text.translate(QUOTES)).strip().lower()
    phrase = _LABEL.sub("", phrase)
    phrase = VOTE_DETAIL.sub(" ", phrase)
    phrase = MANNER.sub(" ", phrase)
    phrase = _ASIDE.sub("", SPACE.sub(" ", phrase)).strip(" ,;:-.!")
    if any_subject:
        phrase = _ANY_SUBJECT.sub("", phrase)
    phrase = _SUBJECT.sub("", phrase)
    phrase = _AUXILIARY.sub(" ", phrase)
    phrase = _THEREFORE.sub("", SPACE.sub(" ", phrase).strip())
    return SPACE.sub(" ", phrase).strip(' ,;:-.!"()')


_THEREFORE = re.compile(r"^(?:daher|somit|damit|deshalb|folglich) (?=\S+$)")
"""An adverb left before the one word of a result ("Der … Antrag wird daher zurückgezogen")."""


_PRELIMINARY_VOTE = re.compile(
    r"(?:beschluss\s*:\s*)?vorberatung\s*[-–,:]?\s*(?P<manner>einstimmig|mehrheitlich)\s+"
    r"(?:und\s+)?(?:weiter|weitergeleitet|weitergegeben)\.?",
    re.IGNORECASE,
)
"""Schwelm's "Vorberatung - einstimmig und weiter": a body that only prepares the decision
voted on the proposal and passed it on. What it voted for is its recommendation to the
deciding body, never a decision of its own; "Vorberatung" without a vote stays consulted."""


def read_wording(text: str) -> Meaning | None:
    """What the wording means, or None where the table does not know it (never a guess).

    ``"Einstimmig empfohlen"`` → adopted, recommendation; ``"Weiterbehandlung im
    Bauausschuss"`` → referred, body "Bauausschuss"; ``"13 Ja-Stimmen"`` → None (a vote,
    not a wording: the vote readers take it).
    """
    phrase = normalise_wording(text)
    if not phrase:
        return None
    addressed = _ADDRESSED.fullmatch(_LABEL.sub("", SPACE.sub(" ", text).strip().lower()))
    if addressed:
        found = split_wording(addressed["rest"]) if addressed["rest"] else None
        inner, rest = found if found is not None else (None, "")
        return Meaning(
            result=inner.result if inner is not None else Result.NOT_RECORDED,
            kind=_RECOMMENDATION,
            body=body_as_written(text, addressed["body"]),
            unanimous=inner.unanimous if inner else False,
            vote_details=(*inner.vote_details, *([rest] if rest else ())) if inner else (),
            says_more=inner.says_more if inner else False,
        )
    preliminary = _PRELIMINARY_VOTE.fullmatch(SPACE.sub(" ", text.translate(QUOTES)).strip())
    if preliminary is not None:
        return Meaning(
            result=Result.ADOPTED,
            kind=_RECOMMENDATION,
            unanimous=preliminary["manner"].lower() == "einstimmig",
        )
    meaning = _from_table(text, phrase)
    if meaning is None:
        meaning = _from_table(text, normalise_wording(text, any_subject=True))
    if meaning is not None:
        return meaning
    clause = _VOTE_CLAUSE.fullmatch(phrase)
    if clause is not None and not _NOT.search(phrase[: clause.start("rest")]):
        # (never "mit der Maßgabe nicht zugestimmt": a negation is no part of who voted how)
        meaning = _from_table(text, clause["rest"])
        if meaning is not None and meaning.result is not Result.NOT_RECORDED:
            return replace(meaning, says_more=True)
    return _proposal_carried(text)


_PROPOSAL = re.compile(
    r"^[^.]*?\b(?:schlägt|schlug|beantragt|beantragte)\b[^.]*?"
    # the motion is about the item itself, not about a matter it decides ("den Bau auf 2025
    # zu verschieben" is the decision, not a deferral)
    r"\b(?:den|die|das|diesen|diese|dieses) (?:tagesordnungspunkt|top|punkt|angelegenheit"
    r"|beratung|beschlussfassung|entscheidung|vorlage|beschlussvorlage|antrag|thema|sache)\b"
    r"[^.;]*?\b(?P<act>zu (?:vertagen|verschieben|verweisen|überweisen)"
    r"|zurückzustellen|zurückzuverweisen|abzusetzen"
    r"|von der (?:heutigen )?tagesordnung (?:zu nehmen|abzusetzen))\b"
    r"[^.]*\.\s+(?P<carried>[^.]+)\.?$",
    re.IGNORECASE,
)
"""A motion on the item's procedure, then its vote: "Frau Dirks schlägt vor, die
Angelegenheit auf die nächste Sitzung zu vertagen. Dem Vorschlag wird mit 24 Ja-Stimmen,
2 Enthaltungen gefolgt." The item's result is what the carried motion did with it."""
_CARRIED = re.compile(
    r"^(?:(?:dem|diesem) (?:vorschlag|antrag)\b.*\b(?:gefolgt|zugestimmt|stattgegeben)"
    r"|(?:der|dieser) (?:vorschlag|antrag)\b.*\b(?:angenommen|beschlossen)"
    # "Der Stadtrat ist damit einverstanden." (Erlangen)
    r"|(?:der|die|das) [\w-]+ (?:ist|war|erklärt sich) (?:damit|hiermit|mit dem vorschlag) "
    r"einverstanden)$"
)
_BY_MOTION = {
    "zu vertagen": Result.DEFERRED,
    "zu verschieben": Result.DEFERRED,
    "zurückzustellen": Result.DEFERRED,
    "zu verweisen": Result.REFERRED,
    "zu überweisen": Result.REFERRED,
    "zurückzuverweisen": Result.REFERRED,
    "abzusetzen": Result.REMOVED,
    "von der tagesordnung zu nehmen": Result.REMOVED,
    "von der heutigen tagesordnung zu nehmen": Result.REMOVED,
    "von der tagesordnung abzusetzen": Result.REMOVED,
    "von der heutigen tagesordnung abzusetzen": Result.REMOVED,
}
_TITLE = re.compile(r"\b(dr|prof|hr|fr|stellv|bgm|obm?)\.", re.IGNORECASE)
"""A title's dot ("OBM Dr. Janik") ends no sentence."""
_MOTION_BODY = re.compile(
    r"\b(?:an|in) (?:den|die|das) (?P<body>[^\d.,;]+?) "
    r"zu (?:verweisen|überweisen|zurückzuverweisen)"
)


def _proposal_carried(text: str) -> Meaning | None:
    """The result of a carried motion on the procedure; None for any other sentence, and
    for a motion not carried (then the item's own result is not in the wording)."""
    plain = _TITLE.sub(r"\1", SPACE.sub(" ", text.translate(QUOTES)).strip())
    found = _PROPOSAL.match(plain)
    if found is None:
        return None
    carried = found["carried"].lower()
    if _CARRIED.match(carried) is None or re.search(r"\b(?:nicht|abgelehnt)\b", carried):
        return None
    result = _BY_MOTION[found["act"].lower().replace("  ", " ")]
    body = _MOTION_BODY.search(found.group(0).lower()) if result is Result.REFERRED else None
    return Meaning(
        result=result,
        body=body_as_written(text, body["body"]) if body else None,
        vote_details=tuple(m.group(0) for m in VOTE_DETAIL.finditer(carried)),
        says_more=True,
    )


def _from_table(text: str, phrase: str) -> Meaning | None:
    for pattern, wording in _COMPILED:
        match = pattern.fullmatch(phrase)
        if match is None:
            continue
        body = match.groupdict().get("body")
        return Meaning(
            result=wording.result,
            kind=wording.kind,
            no_decision=wording.no_decision,
            body=body_as_written(text, body) if body else None,
            unanimous=bool(UNANIMOUS.search(text.lower()))
            and wording.result is not Result.REJECTED,
            vote_details=tuple(m.group(0) for m in VOTE_DETAIL.finditer(text.lower())),
        )
    return None


_SEPARATOR = re.compile(
    r"\s*(?:[;\n]|,(?=\s*\D)|\s-\s|\.\s+|(?<=\D)\s(?=(?:bei|mit)\s+\d)"
    r"|(?<=[a-zäöüß])(?=\d)|(?-i:(?<=[a-zäöüß])(?=[A-ZÄÖÜ][a-zäöüß]))|\s(?=\d+\s*(?:x\s*)?(?:ja|nein|enth|stimm|gegen|dafür))"
    # a vote after the wording: "einstimmig beschlossen Abstimmung: Ja: 16, Nein: 0"
    r"|\s(?=(?:abstimmung|abstimmungsergebnis|ja|nein|dafür|dagegen|enth\.|enthaltungen?"
    r"|stimmberechtigte|anwesend|zustimmung|ablehnung|gesetzl\.[\w. ]*"
    r"|ja-stimmen|nein-stimmen)\s*:)"
    # a vote per part after the wording: "geändert beschlossen Abstimmungsergebnis zu 1.: …"
    r"|\s(?=(?:abstimmungs|beratungs)ergebnis\s+zu\s+\d)"
    # "Einstimmig beschlossen Ja 17 Nein 0 Anwesend 17": the count after its label, no colon;
    # at most two digits (no council has 100 members): "Ja 2023" is a year, not a count
    r"|\s(?=(?:ja|nein|dafür|dagegen|enthalten|enthaltungen?|anwesend)\s+\d{1,2}(?!\d))"
    r"|\s(?=\(?nicht anwesend\b))\s*",
    re.IGNORECASE,
)


def split_wording(text: str) -> tuple[Meaning, str] | None:
    """A wording at the start of a longer record and the rest (usually a vote).

    ``"Einstimmig beschlossen bei 2 Enthaltungen"`` → (adopted, "bei 2 Enthaltungen").
    """
    whole = read_wording(text)
    if whole is not None:
        return whole, ""
    preliminary = _PRELIMINARY_VOTE.match(text)  # before " - " would cut "Vorberatung" off
    if preliminary is not None and not text[preliminary.end() :][:1].isalnum():
        meaning = read_wording(preliminary.group(0))
        if meaning is not None:
            return meaning, text[preliminary.end() :].strip()
    for separator in _SEPARATOR.finditer(text):
        head, rest = text[: separator.start()], text[separator.end() :]
        meaning = read_wording(head)
        if meaning is None and not normalise_wording(head) and UNANIMOUS.search(head.lower()):
            meaning = Meaning(result=Result.ADOPTED, unanimous=True)  # "Mit Debatte - einstimmig -"
        if meaning is not None:
            return meaning, rest.strip()
    return None


def body_as_written(text: str, body: str) -> str:
    """The body's name in the source's own spelling (the match ran on casefolded text)."""
    found = re.search(re.escape(body), SPACE.sub(" ", text.translate(QUOTES)), re.IGNORECASE)
    name = found.group(0) if found else body
    return name.strip(' ,;:."()')


TO_ADMINISTRATION = re.compile(
    rf"\bempf(?:iehlt|ahl)(?: \w+)? (?:dem|der|den) {ADMINISTRATION}"
    rf"|^\s*(?:dem|der) {ADMINISTRATION} (?:wird|wurde) (?:\w+ )?empfohlen",
    re.IGNORECASE,
)
"""A recommendation addressed to the administration or the mayor, who decide nothing a council
decides: the committee's own decision, written as neither a recommendation nor a result."""
_FIRST_SENTENCE = re.compile(r"^\s*(?P<sentence>[^.:\n]+(?:[.:\n]|$))")
_RECOMMENDED_TO = re.compile(
    r"\s*(?:dem|der) (?P<body>[\w-]+(?: [\w-]+){0,2}?) wird (?:empfohlen|vorgeschlagen)\b",
    re.IGNORECASE,
)
""""Dem Stadtrat wird empfohlen, …", "Dem Marktrat wird vorgeschlagen …": the text is a
recommendation to that body (only its kind and body are taken from it, never a result)."""
_RECOMMENDS = re.compile(r"\bempfiehlt\b|\bzu empfehlen\b|^\s*beschlussempfehlung\b", re.IGNORECASE)


def recommendation_in(text: str) -> Meaning | None:
    """A resolution text that opens as a recommendation ("Der Haupt- und Finanzausschuss
    empfiehlt der Stadtverordnetenversammlung, …"), whatever the result field said."""
    found = _FIRST_SENTENCE.match(text)
    if found is None or TO_ADMINISTRATION.search(SPACE.sub(" ", text)):
        # "Der Ausschuss empfiehlt der Verwaltung, …": advice to no deciding body
        return None
    passive = _RECOMMENDED_TO.match(SPACE.sub(" ", found["sentence"]))
    if passive is not None:
        return Meaning(
            result=Result.NOT_RECORDED,
            kind=_RECOMMENDATION,
            body=passive["body"].strip(),
        )
    meaning = read_wording(found["sentence"]) if _RECOMMENDS.search(found["sentence"]) else None
    if meaning is not None and meaning.kind is _RECOMMENDATION:
        return meaning
    later = _RECOMMENDS_LATER.search(SPACE.sub(" ", text))
    if later is not None:  # "… zur Kenntnis. Der Ausschuss empfiehlt der Gemeindevertretung …"
        body = later["body"] or later["addressed"] or later["as_body"]
        return Meaning(result=Result.NOT_RECORDED, kind=_RECOMMENDATION, body=body)
    return None


_RECOMMENDS_LATER = re.compile(
    r"(?:^|[.:]\s)(?:der|die|das) [\w -]+?(?:, [\w -]+?)* empfiehlt(?:,| (?:dem|der|den) "
    rf"(?!{ADMINISTRATION})(?P<body>[\w-]+)\b)"
    r"|\(\s*(?:beschluss)?empfehlung (?:für|an) (?:den |die |das )?(?P<addressed>[^)]+?)\s*\)\s*$"
    r"|\bals (?:beschluss)?empfehlung (?:für|an) (?:den |die |das )?(?P<as_body>[\w-]+)",
    re.IGNORECASE,
)
"""A recommendation further in the text: a sentence "Der Haupt- und Finanzausschuss empfiehlt
der Gemeindevertretung …" (or, naming no body, "Der Bauausschuss empfiehlt, die Verwaltung
möge …"), a closing note "(Empfehlung für Kreisausschuss und Kreistag)", or a decision taken
"als Empfehlung für den Gemeinderat" (Pfinztal: "Das Gremium fasst als Empfehlung für den
Gemeinderat … folgenden Beschluss").
Only the kind is taken from it: the text recommends, so it is never written as a decision."""
