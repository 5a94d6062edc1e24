"""The vocabulary: every result wording German council information systems use, and its meaning.

``WORDINGS`` is the table ``result_wording`` reads with: a pattern over the normalised wording
(label, manner of the vote, subject and auxiliaries taken away, casefolded) → result, kind and,
where the wording names it, the body a matter is referred or recommended to. Each pattern is
matched whole; the comments name the real wordings it was written for.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.archive.model import ResolutionKind, Result

_ORDINARY = ResolutionKind.ORDINARY
_RECOMMENDATION = ResolutionKind.RECOMMENDATION

_BODY = (
    r"(?:(?:in den|in die|in das|an den|an die|an das|an|in|im|dem|der|den) )?(?P<body>[^\d:;]+?)"
)
"""The body a wording names ("im Bauausschuss", "an den Rat"): kept as written."""
ADMINISTRATION = (
    r"(?:[\w-]*verwaltung|(?:ober)?bürgermeister(?:in)?|landrat|landrätin|bezirksamt"
    r"|amtsdirektor(?:in)?|gemeindedirektor(?:in)?)\b"
)
"""Whom a committee may advise but who is no deciding body: "Der Ausschuss empfiehlt der
Verwaltung, …" is the committee's own decision, never a recommendation to a council."""
CONDITION = (
    r"\b(?:sofern|falls|soweit|wenn|vorausgesetzt|vorbehaltlich|unter (?:der|den) "
    r"(?:bedingung|voraussetzung)(?:en)?|unter dem vorbehalt)\b"
)
"""A condition on what is consented to ("… zuzustimmen, sofern der Kreis die Kosten trägt"):
read whole, the wording would publish the consent and drop the condition."""
_ADOPT = r"(?:beschlossen|angenommen|zugestimmt|genehmigt|bestätigt|stattgegeben|verabschiedet)"
_CHANGED = (
    r"(?:geändert|abgeändert|verändert|modifiziert|ergänzt|mit änderung(?:en)?|mit ergänzung(?:en)?"
    r"|mit (?:den |der )?(?:vorgenannten |folgenden |o\. ?g\. |genannten )?änderung(?:en)?"
    r"|in geänderter fassung|mit geändertem beschlusstext|mit geändertem beschlussvorschlag"
    r"|mit änderungen und ergänzungen|mit maßgaben?|mit den maßgaben?)"
)
_AS_PROPOSED = (
    r"(?:ungeändert|unverändert|wie vorgeschlagen|wie vorgelegt|antragsgemäß|vorlagengemäß"
    r"|wie beantragt|gemäß (?:beschluss)?vorlage|gemäß beschlussvorschlag|laut vorlage"
    r"|lt\. vorlage|ohne änderungen?)"
)
_PAPER = (
    r"(?:vorlage|beschlussvorlage|beschlussvorschlag|verwaltungsvorlage|verwaltungsvorschlag"
    r"|antrag|vorschlag)"
)
_FOR = r"(?:zur (?:weiteren |abschließenden )?(?:beratung|entscheidung|beschlussfassung) )?"
_SENT = r"(?:zurück|weiter)?(?:verwiesen|überwiesen)"

_RAISED = r"(?:erhoben|vorgetragen|vorgebracht|geltend gemacht)"
"""Objections "not raised", however the minutes say it ("werden nicht vorgetragen")."""


@dataclass(frozen=True, slots=True)
class Wording:
    alternatives: tuple[str, ...]
    """Patterns, each matched whole against the normalised wording; a group ``body`` names
    the body referred or recommended to."""
    result: Result
    kind: ResolutionKind = _ORDINARY
    no_decision: bool = False
    """The wording says nothing was decided ("ohne Beschluss"), not that it went unrecorded."""


WORDINGS: tuple[Wording, ...] = (
    # -- a recommendation to another body: never a decision of this one -------------------
    Wording(
        (
            r"(?:ungeändert |unverändert |wie vorgeschlagen )?(?:zur annahme )?empfohlen"
            rf"(?: {_BODY})?",
            rf"(?:zustimmung|annahme|beschlussfassung) empfohlen(?: {_BODY})?",
            r"(?:dem|der) (?P<body>.+?) (?:wird )?(?:zur annahme |die annahme |die zustimmung )?"
            r"empfohlen(?:,? (?:die vorlage|den antrag|wie vorgeschlagen) zu beschließen)?",
            rf"(?:der|die|das) [\w -]+? empfiehlt (?:dem|der|den) (?!{ADMINISTRATION})"
            rf"(?P<body>[^,.:]+?)\b(?!.*{CONDITION}).*",
            rf"(?:der|die|das) \w+ beschließt,? (?:dem|der|den) (?!{ADMINISTRATION})"
            rf"(?P<body>[^,.:]+?) (?:nach [^,]+ )?zu empfehlen\b(?!.*{CONDITION}).*",
            # "Beschlussempfehlung einstimmig gefasst": the recommendation was voted for
            r"(?:die )?(?:beschlussempfehlung|empfehlungsbeschluss) (?:wird |wurde |ist )?gefasst",
        ),
        Result.ADOPTED,
        _RECOMMENDATION,
    ),
    Wording((rf"{_CHANGED} empfohlen(?: {_BODY})?",), Result.ADOPTED_WITH_CHANGES, _RECOMMENDATION),
    Wording(
        (
            rf"(?:nicht empfohlen|ablehnung empfohlen|zur ablehnung empfohlen)(?: {_BODY})?",
            r"(?:dem|der) (?P<body>.+?) (?:wird )?(?:die ablehnung |zur ablehnung )empfohlen",
            r"(?:es wird )?(?:dem|der) (?P<body>.+?) empfohlen,? "
            r"(?:den antrag|die vorlage) abzulehnen",
        ),
        Result.REJECTED,
        _RECOMMENDATION,
    ),
    # "Beschlussempfehlung" alone: a recommendation whose result the wording does not give
    # (but not "Beschlussempfehlung einstimmig gefasst": that one was voted for, above)
    Wording(
        (rf"(?:beschluss)?empfehlung(?!.*\bgefasst\b)(?: {_BODY})?",),
        Result.NOT_RECORDED,
        _RECOMMENDATION,
    ),
    # -- adopted in part -------------------------------------------------------------------
    Wording(
        (
            rf"teilweise {_ADOPT}(?:,? teilweise abgelehnt)?",
            rf"teilweise abgelehnt(?:,? teilweise {_ADOPT})?",
            rf"in teilen {_ADOPT}",
            r"teilweise zustimmung",
        ),
        Result.PARTLY_ADOPTED,
    ),
    # -- adopted with changes (before plain adoption: "geändert beschlossen") --------------
    Wording(
        (
            rf"{_CHANGED}(?: im ausschuss| in der sitzung)? {_ADOPT}(?: und ergänzt)?",
            rf"{_ADOPT} {_CHANGED}",
            r"(?:zugestimmt|zustimmung) zu(?:m)? geänderte(?:m|n) "
            r"(?:beschlusstext|beschlussvorschlag|antrag)",
            rf"(?:zustimmung|annahme) {_CHANGED}",
            rf"(?:wie|gemäß) {_PAPER},? {_CHANGED}(?: {_ADOPT})?(?:\b.*)?",
            r"geänderter beschluss|beschluss mit änderungen",
        ),
        Result.ADOPTED_WITH_CHANGES,
    ),
    # -- adopted ---------------------------------------------------------------------------
    Wording(
        (
            rf"(?:{_AS_PROPOSED} )?{_ADOPT}(?: wie vorgeschlagen| wie vorgelegt| ohne maßgaben?)?",
            rf"(?:wie|gemäß|lt\.|laut) {_PAPER}(?: {_ADOPT})?",
            rf"beschluss (?:wie|gemäß) {_PAPER}",
            r"annahme|zustimmung(?: erteilt)?|so beschlossen|beschluss gefasst|dafür",
            r"dem (?:zugestimmt|stattgegeben)",  # "Ohne Widerrede wird dem zugestimmt"
            r"(?:mit (?:der |dem )?(?:vorlage|antrag|vorschlag|stellungnahme(?: der verwaltung)?"
            r"|vorgehen) )?einverstanden",
            r"(?:das )?einvernehmen (?:erteilt|hergestellt)",
            # "Mit der Bezuschussung … bis zu einem Höchstbetrag von 61.000 € besteht
            # Einverständnis." (never "besteht kein Einverständnis")
            r"(?!.*\b(?:nicht|kein\w*|sofern|falls|wenn|soweit|vorbehaltlich|bedingung|jedoch"
            r"|aber|außer|ausgenommen|ausnahme|abgesehen)\b)"
            r"mit (?:der|dem|den|diese[mnr]?) .+ besteht"
            r" (?:allseits |allgemeines |volles )?einverständnis",
            # "Gegen die Niederschrift der 22. öffentlichen Sitzung … bestehen keine Einwände.":
            # minutes no one objects to are approved (Art. 54 Abs. 2 GO); only the minutes
            # ("gegen die Feststellungen … keine Einwände" approves nothing)
            r"(?!.*\b(?:sofern|falls|wenn|soweit|vorbehaltlich|bedingung|jedoch|aber|außer"
            r"|ausgenommen|ausnahme|abgesehen|änderung\w*|korrektur\w*|berichtigung\w*)\b)"
            r"gegen (?:die|das|den) (?:[\w.,-]+ )*?(?:sitzungs)?(?:niederschrift|protokoll)\b[^;]*?"
            r" (?:(?:bestehen|bestanden|werden|wurden|gibt es|gab es) )?keine"
            r" (?:einwände|einwendungen)(?: erhoben)?",
            # "Gegen die öffentliche Niederschrift … wird kein Einwand erhoben, sie ist somit
            # genehmigt.", "Einwendungen gegen die Sitzungsniederschrift … werden nicht erhoben.
            # Damit gilt diese Niederschrift als … genehmigt (Art. 54 Abs. 2 GO)": no objection,
            # and the minutes said approved in as many words (never "gilt nicht als genehmigt",
            # nor with a change or a condition)
            r"(?!.*\b(?:sofern|falls|wenn|soweit|vorbehaltlich|jedoch|aber|außer|ausgenommen"
            r"|ausnahme|änderung\w*|korrektur\w*|berichtigung\w*)\b)"
            r"(?!.*\b(?:nicht|kein\w*) (?:als )?(?:[\w-]+ ){0,4}genehmigt\b)"
            r"(?:gegen (?:die|das|den) (?:[\w.,-]+ )*?(?:sitzungs)?(?:niederschrift|protokoll)\b"
            rf"[^;]*? (?:kein einwand|keine einwände|keine einwendungen) {_RAISED}"
            r"|(?:einwendungen|einwände) gegen (?:die|das|den) (?:[\w.,-]+ )*?(?:sitzungs)?"
            rf"(?:niederschrift|protokoll)\b[^;]*? nicht {_RAISED})"
            r"[,.]? (?:sie|es|diese|die niederschrift|das protokoll|damit|somit|daher)\b[^;]*?"
            r"\bgenehmigt\b[^;:]*",  # (not on into the vote after it: "… Dafür: 3, Dagegen: 12")
            # "Der … gefasste Beschluss über … ist ungültig und wird durch die
            # Gemeindevertretung zurückgenommen.": the body revokes its own decision
            # (the body revoking is a council; not another body's decision, "des Ortschaftsrates",
            # nor one reported, "Der Bürgermeister teilt mit, der Beschluss … werde …")
            r"(?!.*\b(?:nicht|kein\w*|antrag\w*|teilt|teilte|berichtet\w*|informiert\w*"
            r"|sofern|falls|wenn|soweit|vorbehaltlich)\b)"
            r"(?![^;]*\bbeschluss\w* (?:des|der) )"
            r"(?:der|den) [^;,]*?\bbeschluss\b[^;]*?"
            r" (?:(?:wird|werden) )?(?:durch|von) (?:die|den|das) [\w-]*(?:vertretung|versammlung"
            r"|rat|kreistag|ausschuss)"
            r" (?:aufgehoben|zurückgenommen)",
            # "Mit 21 Ja-Stimmen und 2 Enthaltungen fasst der Gemeinderat folgenden Beschluss:"
            r"(?:(?:der|die|das) [\w-]+ )?(?:fasst|fasste)(?: (?:der|die|das) [\w-]+)? "
            r"(?:folgenden|nachstehenden|den folgenden|diesen) beschluss\b"
            r"(?!.*(?:\bempf(?:iehlt|ehlen|ohlen|ahl)\b|empfehlung|\bvorberat)).*",
        ),
        Result.ADOPTED,
    ),
    # -- rejected (a tie rejects: § 50 Abs. 1 GO NRW and the other Länder alike) -----------
    Wording(
        (
            r"(?:bei stimmengleichheit )?(?:abgelehnt|ablehnung)(?: bei stimmengleichheit)?",
            rf"nicht {_ADOPT}|keine zustimmung|keine mehrheit",
            r"(?:die )?(?:erforderliche )?mehrheit (?:wurde )?nicht erreicht",
        ),
        Result.REJECTED,
    ),
    # -- elected ---------------------------------------------------------------------------
    Wording(
        (
            r"gewählt|benannt|bestellt",
            r"(?:die )?wahl (?:erfolgt|durchgeführt)",
            r"(?:wahl|benennung|bestellung) (?:wie vorgeschlagen|gemäß vorschlag)(?: erfolgt)?",
        ),
        Result.ELECTED,
    ),
    # -- referred to another body ----------------------------------------------------------
    Wording(
        (
            # "vertagt in Folgegremium": no decision here, the item moved on to the next body
            r"vertagt in (?:das )?folgegremium|in (?:das )?folgegremium (?:vertagt|verwiesen)",
            rf"{_FOR}{_SENT}(?: {_BODY})?",
            rf"{_BODY} {_FOR}{_SENT}",
            rf"(?:zurück|weiter)?(?:verweisung|überweisung)(?: {_BODY})?",
            r"(?:weiterbehandlung|weiterberatung|weitere beratung) "
            r"(?:im|in der|in den|in die|im rahmen der|in) (?P<body>.+)",
            # "zurück in die Fraktionen/Gruppen ohne erneute Beratung im Fachausschuss"
            r"zurück (?:in|an) (?:die |den |das )?(?P<body>[^ ,;]+)(?: .*)?",
            r"mit (?:der )?verweisung(?: {_BODY})? einverstanden".replace("{_BODY}", _BODY),
            # "ohne Votum in nachfolgende Gremien" (Köln): passed on, this body decided nothing
            r"ohne (?:votum|beschluss|empfehlung) (?:in|an) (?:die )?"
            r"(?P<body>nachfolgende gremien)",
            # "Einvernehmlich sprechen sich die Ausschussmitglieder dafür aus, die
            # Entscheidung in den Rat zu schieben."
            r"(?!.*\bnicht\b)(?:[\w-]+ ){0,4}(?:spricht|sprechen) sich [\w -]+? dafür aus,? "
            r"(?:die|den) (?:entscheidung|beschlussfassung|tagesordnungspunkt|antrag|vorlage) "
            r"(?:in|an) (?:den|die|das) (?P<body>[\w-]+(?: [\w-]+)?) zu "
            r"(?:schieben|verweisen|überweisen|geben)",
            # "Es besteht Einmütigkeit im Haupt- und Finanzausschuss, die … vorgelegten
            # Beschlussvorschläge … nicht abzustimmen, sondern zur weiteren Beratung in den
            # Kulturausschuss zu überweisen." (Waldbröl): the one negation allowed is that of
            # voting, set against the referral by "sondern"; any other "nicht" leaves it unread
            r"es besteht (?:einmütigkeit|einigkeit|einvernehmen)\b[^,.;]*, "
            r"(?:(?!\b(?:nicht|kein\w*)\b)[^.;])*?"
            r"(?:\bnicht (?:abzustimmen|zu beschließen|zu entscheiden), sondern )?"
            r"(?:(?!\b(?:nicht|kein\w*)\b)[^.;])*?"
            r"\b(?:in|an) (?:den|die|das) (?P<body>[\w-]+(?: [\w-]+)?) zu (?:überweisen|verweisen)",
        ),
        Result.REFERRED,
    ),
    # -- deferred --------------------------------------------------------------------------
    Wording(
        (
            r"(?:beratung |beschlussfassung |entscheidung )?"
            r"(?:vertagt|zurückgestellt|verschoben|aufgeschoben)(?: (?:auf|in|zur|bis|in die) .+)?",
            r"vertagung|zurückstellung",
            # "Vertagung angenommen.": the motion to defer carried, the item is deferred
            r"(?:vertagung|zurückstellung) (?:angenommen|beschlossen|zugestimmt)",
            r"mit (?:der )?(?:vertagung|zurückstellung) einverstanden",
            # "Bis nach dem Fachgespräch geschoben", "zu Beginn der Sitzung zurückgestellt"
            r"(?!.*\bnicht\b)(?:[\w.]+ ){0,6}(?:vertagt|zurückgestellt|verschoben|geschoben)"
            r"(?:,? .+)?",
            r"(?:zusammen mit [\w. ]+ )?(?:in|auf) (?:eine|die) [\w. ]+ (?:vertagt|verschoben)",
            # "… wurde einstimmig bis zum Inkrafttreten der Haushaltssatzung zurückgestellt"
            r"(?!.*\bnicht\b)bis (?:zu[mr]|nach|auf|in) [^.;]+? "
            r"(?:vertagt|zurückgestellt|verschoben|aufgeschoben)",
            # "Aufgrund einer Eingabe … wird eine Entscheidung hierzu vertagt."
            r"(?!.*\b(?:nicht|kein\w*|abgelehnt)\b)[^.;]*\b(?:eine|die) "
            r"(?:entscheidung|beschlussfassung)(?: (?:hierzu|hierüber|darüber|dazu))? "
            r"(?:vertagt|zurückgestellt|verschoben)",
        ),
        Result.DEFERRED,
    ),
    # -- withdrawn -------------------------------------------------------------------------
    Wording(
        (
            r"(?:(?:vom|von der|durch den|durch die) [\w-]+(?: [\w-]+)? )?"
            r"(?:zurückgezogen|zurückgenommen)",
            r"rücknahme|(?:antrag|vorlage) zurückgezogen",
        ),
        Result.WITHDRAWN,
    ),
    # -- taken off the agenda --------------------------------------------------------------
    Wording(
        (
            r"(?:von der tagesordnung )?abgesetzt|absetzung(?: von der tagesordnung)?",
            r"von der tagesordnung (?:genommen|gestrichen)",
            # "Herr Schulz informiert, dass der TOP 7.16 auf Wunsch des Einreichers … von der
            # heutigen Tagesordnung abgesetzt und schriftlich beantwortet wird, da …"
            r"[^,.;]*, dass (?:der|die|das) (?:top|tagesordnungspunkt|punkt)\b[^,;]*? "
            r"von der (?:heutigen )?tagesordnung (?:abgesetzt|genommen)\b.*",
        ),
        Result.REMOVED,
    ),
    # -- noted -----------------------------------------------------------------------------
    Wording(
        (
            r"(?:zustimmend |ohne beschluss |ohne beschlussfassung )?(?:zur )?kenntnis"
            r"(?: genommen)?(?: ohne beschluss)?",
            r"kenntnisnahme|zur information|informiert",
            r"dient (?:der|zur) (?:kenntnis(?:nahme)?|information)",  # "Dient zur Kenntnis."
            r"bericht (?:erstattet|entgegengenommen|zur kenntnis genommen)",
            # "Der Ausschuss nimmt die Ausführungen zur Kenntnis."
            # (not "… zur Kenntnis und lehnt den Antrag ab": a second result, whose is the item's?)
            r"(?:der|die|das)\b[^.]*\b(?:nimmt|nehmen|nahm|nahmen)\b[^.]*\bzur kenntnis\b"
            r"(?!.*\bund (?:\S+ )?(?:beschließt|beschloss|beschließen|lehnt|lehnte|lehnen|stimmt"
            r"|stimmte|stimmen|vertagt|vertagte|verweist|verwies|empfiehlt|empfahl|billigt"
            r"|genehmigt|wählt|wählte)\b).*",
        ),
        Result.NOTED,
    ),
    # -- settled without a vote of its own -------------------------------------------------
    Wording(
        (
            r"(?:(?:hat )?sich )?erledigt(?: durch .+| mit .+)?|(?:durch .+ )?erledigt",
            r"erledigung(?: durch .+)?",
            r"(?:(?:anfrage|frage) )?beantwortet",
        ),
        Result.SETTLED,
    ),
    # -- consulted without a decision of its own -------------------------------------------
    Wording(
        (
            r"(?:vor)?beraten"
            r"(?: ohne (?:änderungen|beschluss|beschlussempfehlung|votum|empfehlung))?",
            r"(?:vor)?beraten mit änderungen|(?:ohne beschluss|ohne votum) (?:vor)?beraten",
            r"vorberatung(?: erfolgt)?|erste lesung|1\. lesung|beratung erfolgt",
        ),
        Result.CONSULTED,
    ),
    # -- nothing decided: recognised, and no resolution to import -------------------------
    Wording(
        (
            r"ohne (?:beschluss|beschlussfassung|abstimmung|votum)",
            r"kein(?:e)? (?:beschluss|beschlussfassung|abstimmung)(?: erforderlich| erfolgt)?",
        ),
        Result.NOT_RECORDED,
        no_decision=True,
    ),
    # -- a result not (yet) recorded: recognised, the editor fills it in -------------------
    Wording(
        (r"(?:noch )?nicht festgelegt|(?:noch )?offen|keine angabe",),
        Result.NOT_RECORDED,
    ),
)
"""Ordered: the first match wins (recommendations first, changed before plain adoption)."""
