"""The result a sentence of the minutes states, where no result field does.

Minutes often state the result in a sentence of their own rather than in a result field:
"Die Gemeindevertretung beschließt einstimmig, …", "Dem Satzungsentwurf wurde einstimmig
zugestimmt", "Die Niederschrift gilt somit als genehmigt". The reader takes such a sentence
apart by its grammar (who decides, the deciding verb, the manner and counts) rather than by a
list of whole sentences; anything it cannot place with certainty reads nothing.
"""

from __future__ import annotations

import re

from generator.archive.model import Result
from generator.importers.result_wording import (
    MANNER,
    QUOTES,
    SPACE,
    UNANIMOUS,
    VOTE_DETAIL,
    Meaning,
    body_as_written,
    read_wording,
)
from generator.importers.vote_text import NUMBER_WORDS, number_value

_FACTION = (
    r"(?:[\w-]*(?:fraktion|gruppe|partei|liste)\w*|cdu|csu|spd|fdp|afd|grüne[n]?|linke[n]?"
    r"|freie[n]?|fw|fwg|uwg|ödp|bp|piraten|volt|bündnis\w*)\b"
)
"""A faction or party: its members agreeing are not the body deciding ("Die Mitglieder der
SPD-Fraktion stimmen dem Antrag zu" was read as the item adopted)."""
_DECIDING_BODY = (
    r"(?:(?:gesamte |zuständige )?(?:[\w-]*gemeinderat|[\w-]*stadtrat|rat|marktrat|[\w-]*ortsrat"
    r"|ortschaftsrat|ortsbeirat|kreistag|[\w-]*ausschuss|gemeindevertretung|stadtvertretung"
    r"|stadtverordnetenversammlung|bezirksversammlung|bezirksvertretung|verbandsversammlung"
    r"|bürgerschaft|gremium|gv)(?: der [\w-]+(?: [\w-]+)??| des [\w-]+)?"
    r"|(?:[\w-]*mitglieder|stadtverordneten|gemeindevertreter(?:innen)?|stadtvertreter(?:innen)?"
    rf"|ratsmitglieder|ratsherren)(?: (?:der|des) (?!{_FACTION})[\w-]+(?: [\w-]+)??)?"
    r"|(?:stadt|gemeinde|markt|kreis|ortschafts)räte(?! (?:der|des|von|aus)\b))"
)
"""The deciding body as a sentence names it: "der Marktgemeinderat", "die Mitglieder der
Stadtvertretung", "das Gremium", "die Ausschussmitglieder", "die Stadtverordneten"."""
_BY_BODY = re.compile(
    rf"^(?:(?:daraufhin|sodann|anschließend|abschließend|somit|damit|danach) )?"
    rf"(?:der|die|das) {_DECIDING_BODY}"
    rf"(?:(?: [\w-]+)? (?:und|sowie) (?:der|die|das) {_DECIDING_BODY})? (?P<rest>.+)$"
)
"""The deciding body, or two deciding together ("Der Ortschaftsrat Lackendorf und der
Gemeinderat fassten den einstimmigen Beschluss, …")."""
_NOTED_AND_AGREED = (
    r"(?:hat|nimmt|nahm|nehmen|nahmen) (?:\S+ ){0,6}?kenntnis\b(?!.*\b(?:nicht|kein\w*)\b).*"
    r" und (?:stimmt|stimmte|stimmen|stimmten) (?:dieser|diesem|diesen|dem|der|ihr|ihm|ihnen) zu"
)
"""Took note of a paper and agreed to it ("Der Marktgemeinderat … hat Kenntnis vom
öffentlichen Teil der Sitzungsniederschrift … und stimmt dieser zu"): the agreement is the
decision, on what was noted; not two results."""
_ACTIVE: tuple[tuple[re.Pattern[str], Result], ...] = tuple(
    (re.compile(pattern), result)
    for pattern, result in (
        (_NOTED_AND_AGREED, Result.ADOPTED),
        (
            r"(?:beschließt|beschloss|beschließen|beschlossen|hat beschlossen|haben beschlossen)"
            r" (?:geändert|mit änderungen)\b.*",
            Result.ADOPTED_WITH_CHANGES,
        ),
        (
            r"(?:beschließt|beschloss|beschließen|beschlossen|hat beschlossen|haben beschlossen"
            r"|fasst|fasste|fassen|fassten)\b.*",
            Result.ADOPTED,
        ),
        (r"(?:stimmt|stimmte|stimmen|stimmten)\b(?:.* )?zu", Result.ADOPTED),
        (
            r"(?:billigt|billigte|billigen|billigten|genehmigt|genehmigte|genehmigten|bestätigt"
            r"|bestätigte|bestätigten)\b.*",
            Result.ADOPTED,
        ),
        # "Der Stadtrat anerkennt den Bedarf …", "erkennt den Bedarf … an" (Bedarfsanerkennung)
        (r"(?:anerkennt|anerkannte|anerkennen|anerkannten)\b.*", Result.ADOPTED),
        (r"(?:erkennt|erkannte|erkennen|erkannten)\b.* an", Result.ADOPTED),
        (
            r"(?:ist|sind|war|waren) (?:damit )?(?:\S+ ){0,3}?(?:dafür|einverstanden)\b.*",
            Result.ADOPTED,
        ),
        (r"(?:spricht|sprechen|sprach|sprachen) sich\b.* für\b.* aus", Result.ADOPTED),
        (r"(?:stimmt|stimmte|stimmen|stimmten)\b(?:.* )?dafür", Result.ADOPTED),
        (r"(?:stimmt|stimmte|stimmen|stimmten)\b(?:.* )?dagegen", Result.REJECTED),
        (r"(?:lehnt|lehnte|lehnen|lehnten)\b.* ab", Result.REJECTED),
        (r"(?:spricht|sprechen|sprach|sprachen) sich\b.* gegen\b.* aus", Result.REJECTED),
        (r"(?:nimmt|nahm|nehmen|nahmen)\b.* (?:zur )?kenntnis\b.*", Result.NOTED),
        (r"(?:vertagt|vertagte|vertagen|vertagten)\b.*", Result.DEFERRED),
        # "Der Ortsgemeinderat schließt sich der Initiative … an und beschließt …"
        # (never "schließt sich der Ablehnung des Ortschaftsrates an": joins a rejection)
        (
            r"(?:schließt|schloss|schließen|schlossen) sich\b"
            r"(?!.*\b(?:ablehnung|abgelehnt|abzulehnen|ablehnt|versagung|auffassung|meinung))"
            r".* an\b.*",
            Result.ADOPTED,
        ),
        # "Der Gemeinderat vergab die Arbeiten an die Firma …": a contract awarded (only a
        # contract: "vergibt die Entscheidung an den Bauausschuss" delegates, it awards nothing)
        (
            r"(?:vergibt|vergab|vergeben|vergaben) (?:(?:den|die|das|folgende|sämtliche|alle) )?"
            r"(?:[\w-]+ )?[\w-]*(?:auftrag|aufträge|arbeiten|leistungen|lieferung(?:en)?|gewerke?"
            r"|lose?)\b.* an\b.*",
            Result.ADOPTED,
        ),
    )
)
"""The deciding verb after "der/die/das <Gremium>": what the body did."""
_ADOPTING = frozenset({Result.ADOPTED, Result.ADOPTED_WITH_CHANGES})
_ACTIVE_ANYWHERE = {
    Result.ADOPTED: re.compile(r"\b(?:beschließt|beschlossen|stimmt \w+ zu|stimmen \w+ zu)\b"),
    Result.ADOPTED_WITH_CHANGES: re.compile(r"\bgeändert beschlossen\b"),
    Result.REJECTED: re.compile(r"\b(?:lehnt|lehnen|lehnte|lehnten)\b.* ab\b"),
    Result.NOTED: re.compile(r"\bkenntnis\b"),
    Result.DEFERRED: re.compile(r"\bvertag"),
}
"""A second deciding verb in the same sentence, whatever its place."""
_FASST_BESCHLUSS = re.compile(r"^(?:fasst|fasste|fassen|fassten)\b.*\bbeschluss\b")
_MATTER = (
    r"(?:tagesordnung(?:en)?|niederschrift(?:en)?|sitzungsniederschrift(?:en)?|protokoll(?:e)?"
    r"|jahresrechnung(?:en)?|jahresabschluss|jahresabschlüsse)"
)
_PASSIVE: tuple[tuple[re.Pattern[str], Result], ...] = tuple(
    (re.compile(pattern), result)
    for pattern, result in (
        # "Dem wurde zugestimmt", "Diesem Vorgehen wird einstimmig zugestimmt", "Dem
        # Satzungsentwurf … wurde einstimmig zugestimmt"
        (
            r"^(?:dem|diesem|der|dieser|den|diesen)\b[^,]*? (?:wird|wurde|werden|wurden)\b(?:.* )?"
            r"zugestimmt",
            Result.ADOPTED,
        ),
        # "Die Tagesordnung wurde einstimmig festgestellt", "Die Niederschrift wird genehmigt"
        (
            rf"^(?:die|das|der) (?:[\w-]+ )?{_MATTER}\b.* (?:wird|wurde|ist|werden|wurden|sind)\b"
            r"(?:.* )?(?:genehmigt|bestätigt|festgestellt|angenommen|beschlossen|gebilligt)",
            Result.ADOPTED,
        ),
        # "Die ordnungsgemäße Ladung, die Beschlussfähigkeit sowie die Tagesordnung … werden
        # festgestellt": the matter as the last of a list, its verb in the plural
        (
            rf"^(?:die|das|der) [^.]*?(?:,| sowie| und) (?:die|das|der) (?:[\w-]+ )?{_MATTER}\b"
            r".* (?:werden|wurden|sind)\b(?:.* )?(?:genehmigt|bestätigt|festgestellt|angenommen"
            r"|beschlossen|gebilligt)",
            Result.ADOPTED,
        ),
        # "Dem Antrag wurde entsprochen": the motion granted
        (r"^(?:dem|diesem) [\w-]+ (?:wird|wurde) (?:\S+ )?entsprochen$", Result.ADOPTED),
        # "… wurde das Einvernehmen erteilt", "die Genehmigung wird erteilt": consent given
        (
            r"(?:^|, )(?:(?:dem|der|einem|einer|den) [^,]*? )?(?:wird|wurde|werden|wurden|ist)"
            r" (?:\S+ ){0,3}?(?:das|die) (?:gemeindliche |gemeindlichen )?(?:einvernehmen"
            r"|genehmigung|zustimmung)\b(?: \S+){0,4}? erteilt$",
            Result.ADOPTED,
        ),
        (
            r"(?:^|, )(?:das|die) (?:gemeindliche )?(?:einvernehmen|genehmigung|zustimmung)\b"
            r"(?: \S+){0,5}? (?:wird|wurde|werden|wurden|ist) (?:\S+ ){0,3}?erteilt$",
            Result.ADOPTED,
        ),
        (
            rf"^(?:die|das|der) (?:änderung|ergänzung|erweiterung) (?:der|des) {_MATTER}\b.*"
            r" (?:wird|wurde)\b(?:.* )?(?:genehmigt|beschlossen|angenommen|zugestimmt)",
            Result.ADOPTED,
        ),
        # "Sie gilt somit als genehmigt": whatever "sie" is, no objection made it so
        (
            r"^(?:sie|es|diese[rs]?|die [\w-]+|das [\w-]+|der [\w-]+) gilt (?:\w+ )?als "
            r"(?:genehmigt|angenommen|beschlossen|festgestellt)",
            Result.ADOPTED,
        ),
        # "… mit 35 Stimmen … zur Schiedsperson … gewählt wurde"
        (r"\b(?:zum|zur|als) [\w ().-]+? gewählt (?:wird|wurde|worden|ist)\b", Result.ELECTED),
        (r"(?:die )?(?:erforderliche )?mehrheit\b.* nicht erreicht", Result.REJECTED),
        # "Die Zustimmung des Gemeinderats erfolgte ebenfalls einstimmig"
        # (only a deciding body's, done: not "Die Zustimmung des Kreises erfolgte am …", not
        # "… erfolgt erst in der nächsten Sitzung")
        (
            r"^(?:die )?zustimmung (?:des|der) (?:[\w-]*(?:rat|rates|rats|ausschusses|kreistags"
            r"|kreistages)|gemeindevertretung|stadtvertretung|stadtverordnetenversammlung"
            r"|bezirksvertretung|mitglieder|[\w-]*mitglieder|gremiums) erfolgte"
            r"(?: (?:ebenfalls|einstimmig|mehrheitlich|auch|somit|damit|sodann|daraufhin"
            r"|(?:mit|bei) [\w -]*?(?:stimmen|stimmenmehrheit|enthaltungen?|gegenstimmen?)))*$",
            Result.ADOPTED,
        ),
        # "Die Berechnungen werden durch die Ausschussmitglieder zur Kenntnis genommen"
        (
            r"^(?:die|das|der) [\w-]+(?: [\w-]+)? (?:wird|wurde|werden|wurden)"
            rf" (?:(?:durch|von) (?:der|die|den|dem) {_DECIDING_BODY} )?zur kenntnis genommen$",
            Result.NOTED,
        ),
        # "Herr Graske nimmt die Wahl an": whoever accepts the election was elected
        (r"^(?:herr|frau) [\w-]+(?: [\w-]+)? (?:nimmt|nahm) die wahl an$", Result.ELECTED),
    )
)
"""A sentence whose subject is the thing decided, in the passive."""
_NEGATED = re.compile(r"\b(?:nicht|kein|keine|keinen|keiner|keinem|weder|nie)\b")
_NO_OBJECTION = re.compile(
    r"\b(?:keine|keinerlei) (?:weiteren )?(?:einwände|einwendungen|bedenken|änderungswünsche"
    r"|anmerkungen|wortmeldungen|gegenstimmen|fragen)\b"
)
"""A negation that says no one objected ("es bestehen keine Einwände, die Genehmigung wird
erteilt"): it does not negate the decision beside it."""
_HYPOTHETICAL = re.compile(
    r"\b(?:würde|würden|solle|sollen|sollte|sollten|könnte|könnten|müsste|müssten|wäre|wären"
    r"|hätte|hätten|falls|sofern|wenn|vorbehaltlich|ob)\b"
)
"""Konjunktiv and conditions: a sentence about what would happen is not what happened."""
RECOMMENDING = re.compile(
    r"\bempf(?:iehlt|ehlen|ohlen|ahl|ahlen)\b|\b(?:beschluss)?empfehlung\w*|\bweitergeleitet\b"
    r"|\bvorberat(?:end|en)\b"
)
"""A recommendation, in any of its words: "empfiehlt", "Empfehlungsbeschluss", "beschließt
vorberatend" (a committee's vote before the deciding body's)."""
_DECIDED_ELSEWHERE = re.compile(
    r"\b(?:gibt|geben|gab|leitet|leiten|leitete|reicht|reichte)\b[^.]*"
    r"\b(?:an|dem|der|den) [\w-]+ weiter\b"
    r"|\bzur weiter(?:leitung|gabe) an\b|\bweiter(?:leitung|gabe) an (?:den|die|das)\b"
    r"|\b(?:abschließende|endgültige) entscheidung (?:trifft|obliegt|liegt)\b|\banhörung\b"
)
"""A text that says another body decides: "stimmt der Vorlage zu und gibt sie an den Rat
weiter", "zur Weiterleitung an den Kreistag", "Die abschließende Entscheidung trifft der
Rat", a hearing ("Anhörung"). Its agreement is no decision of its own, and whether it is a
recommendation the text does not say plainly: read nothing, keep the wording."""
_DECIDING_VERB = (
    r"(?:beschließt|beschloss|beschließen|beschlossen|stimmt|stimmte|stimmen|stimmten|lehnt"
    r"|lehnte|lehnen|lehnten|nimmt|nahm|nehmen|nahmen|billigt|billigte|billigen|billigten"
    r"|genehmigt|genehmigte|genehmigten"
    r"|fasst|fasste|fassen|fassten|vertagt|vertagte|vertagen|anerkennt|anerkannte|vergab"
    r"|vergibt)"
)
_FOLLOWED_RECOMMENDATION = re.compile(
    r"\b(?:entsprechend|gemäß|nach|auf) (?:der |die )?(?:beschluss)?empfehlung (?:des|der) "
    rf"[^,]+? (?={_DECIDING_VERB} )"
)
""""Entsprechend der Empfehlung des Planungsausschusses beschließt die Gemeindevertretung":
the recommendation was followed; the sentence is the deciding body's decision."""
_INVERTED = re.compile(
    rf"^(?:(?:daraufhin|sodann|anschließend|abschließend|somit|damit|danach) )?"
    rf"(?P<verb>{_DECIDING_VERB}) (?P<body>(?:der|die|das) {_DECIDING_BODY})(?P<rest>[ ,].*|)$"
)
""""Sodann beschließt die GV, …", "Abschließend beschloss der Gemeinderat: …": the verb
before its subject."""
_LEADING_PHRASE = re.compile(
    r"^(?:in anbetracht|angesichts|aufgrund|auf grund|wegen|im hinblick auf"
    r"|unter (?:berücksichtigung|abwägung)|nach (?:eingehender |kurzer |ausführlicher "
    r"|längerer |intensiver |reiflicher )?(?:beratung|diskussion|aussprache|abwägung"
    r"|erörterung|vorberatung)|mit \d+ ?(?::|zu|gegen) ?\d+ stimmen)\b[^;:]*? "
    rf"(?={_DECIDING_VERB} (?:der|die|das) {_DECIDING_BODY}\b)"
)
"""A phrase of reasons or of what came before the verb ("In Anbetracht des hohen Aufkommens
an Schwerlastverkehr, … und des beengten Verkehrsraumes beschließt der Stadtrat …", "Nach
Vorberatung im Haupt- und Finanzausschuss beschließt der Stadtrat …"), or the counts ("Mit
13:10 Stimmen billigten die Stadträte …", their vote read by the vote readers): the main clause
is read (before: nothing was); a negation in the phrase leaves the sentence as it was."""
_AGREED_TO_THAT = re.compile(
    rf"^(?P<object>dem|diesem) (?P<verb>stimmt|stimmte|stimmen|stimmten) "
    rf"(?P<body>(?:der|die|das) {_DECIDING_BODY}) (?P<rest>(?:(?:einstimmig|mehrheitlich"
    r"|ebenfalls|auch|somit|damit|ohne gegenstimmen?|(?:mit|bei) [\w -]*?(?:stimmen"
    r"|stimmenmehrheit|enthaltungen?|gegenstimmen?)) )*zu)$"
)
""""Dem stimmt der Gemeinderat zu.": the item's proposal agreed to, object first (a proposal on
the procedure before it is caught by the reader of motions)."""
_SECOND_BODY = re.compile(rf"\b(?:und|sowie|während|aber) (?:der|die|das) {_DECIDING_BODY} ")
"""A second body with its own verb after the first's: each decided for itself."""
_LIST_MARK = re.compile(r"\s+(?=[a-h]\) )")
""""… beschloss der Gemeinderat: a) … wird akzeptiert b) … wird anerkannt c) …": the points
of one resolution, each read on its own (only a list that opens with "a) " after the colon:
"… Gesamt11132Somit ist der Beschluss b) mit Stimmenmehrheit abgelehnt" names part b) of a
vote whose part a) was adopted)."""
_REFERRAL_REQUEST = re.compile(
    r"^(?:der|die|das) (?P<body>[\w-]*(?:ausschuss|beirat|rat))\b wird um (?:die )?"
    r"(?:weitere )?(?:beratung|befassung)\b[^.]* gebeten$"
)
""""Der Hauptausschuss wird um Beratung und Erarbeitung einer Beschlussempfehlung … gebeten":
the matter goes to that committee (what it is asked to write is not this body's result)."""
PROCEDURAL = re.compile(
    r"\b(?:vertag\w*|verweis\w*|verwies\w*|(?:zu)?rückverw[ie]\w*|überweis\w*|absetz\w*"
    r"|abgesetzt|abzusetzen|zurückstell\w*|zurückgestellt|zurückgezogen|zurückgenommen"
    r"|geschäftsordnung\w*|go-antr[aä]g\w*|dringlichkeit\w*|unterbrech\w*|unterbrochen"
    r"|geheime\w* abstimmung|schluss der (?:debatte|aussprache|rednerliste)|nichtbefassung"
    r"|verfahrensweise|in (?:den|die) fraktionen)\b"
    r"|\bvon der (?:heutigen )?tagesordnung\b"
)
"""Words of a motion that changes what happens to the item itself (deferral, referral,
withdrawal, urgency, a motion on the rules of procedure, talking it over in the factions
first, agreeing on a "Verfahrensweise" …), matched as word beginnings ("Zurückverweisung",
"Geschäftsordnungsantrag"): a sentence agreeing to such a motion is not the item adopted."""
_DEFERS_ITEM = re.compile(
    r"^(?:beschließt|beschloss|beschließen|beschlossen|hat beschlossen|haben beschlossen) ?,? "
    r"(?:die|den|das) (?:weitere )?(?:beratung|beschlussfassung|entscheidung|behandlung"
    r"|angelegenheit|tagesordnungspunkt|punkt|thema)\b[^,]* zu vertagen$"
)
""""Der Gemeinderat beschloss einstimmig, die Beratung und Beschlussfassung über … zu
vertagen": what the body decided is that the item waits (manner and counts taken out)."""
_LEADING_CLAUSE = re.compile(r"^(?:nachdem|da|weil) [^,]+, (?=\S)")
""""Nachdem in der Sitzung vom … bereits darüber diskutiert wurde, beschließt das Gremium …":
the clause before the main clause tells what came before, not what was decided."""
AGENDA_ADOPTED = re.compile(
    r"\b(?:die|der) (?:[\w-]+ )?tagesordnung\b[^.]*? (?:wird|wurde|ist) (?:\S+ ){0,4}?"
    r"(?:angenommen|festgestellt|genehmigt|beschlossen|bestätigt|gebilligt)\b"
)
"""The item is the agenda and it was adopted ("Den Tagesordnungspunkt … zog der Vorsitzende von
der Tagesordnung zurück. Die geänderte Tagesordnung wurde einstimmig angenommen."): taking a
point off the agenda is part of what was adopted, not a motion beside the item."""
_BACKGROUND = re.compile(
    r"\b(?:in (?:der|seiner|ihrer) (?:letzten )?sitzung (?:vom|am)|bereits|zuvor|damals"
    r"|seinerzeit|im vorfeld|letzte[nm]? sitzung)\b"
)
"""A decision taken earlier, told as background: not this item's."""
_PROPOSING = re.compile(
    r"\b(?:schlägt|schlug|schlagen|beantragt|beantragte|bittet|bat|regt|regte|vorschlag\w*)\b"
)
_RESULT_WORD = re.compile(
    r"\b(?:beschlossen|beschließt|angenommen|abgelehnt|zugestimmt|vertagt|verwiesen|zurückgezogen"
    r"|genehmigt|gewählt|kenntnis)\b"
)
_QUOTED = re.compile(r'"[^"]*"')
_WITH_PROVISO = re.compile(r"\bmit (?:der |den |folgender |folgenden )?maßgaben?\b")
""""Der Änderungssatzung wird mit der Maßgabe zugestimmt, dass Artikel I Nr. 4 … wie folgt
gefasst wird": adopted, with what the proviso changes."""
_SENTENCE_END = re.compile(r"(?<=[^\d\s.][.!])\s+|\n+|(?<=:)\s+(?=[a-zäöüß])")
_STATES_THAT = re.compile(r"^.*?\b(?:stellt|stellte|stellen) (?:\w+ )?fest, dass (?P<clause>.+)$")
_COUNT = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_FOR_AGAINST = re.compile(
    rf"\bmit (?P<yes>{_COUNT}) gegen (?P<no>{_COUNT}) stimmen\b"
    r"|\bmit (?P<ryes>\d{1,3}) ?: ?(?P<rno>\d{1,3})(?: ?: ?(?P<rab>\d{1,3}))? stimmen\b"
)
""""mit 13 gegen 0 Stimmen": for against, as Bavarian minutes write it; and "mit 15:5
Stimmen" (before: read as 5 votes for, the 15 dropped); "mit 15:5:2 Stimmen" for, against,
abstaining (before: read as 2 votes for)."""
_COUNTS_IN_SENTENCE = re.compile(
    rf"\b(?P<count>{_COUNT})[ -]*(?P<what>ja-stimmen?|stimmen dafür|stimmen? dagegen|stimmen?"
    r"|nein-stimmen?|gegenstimmen?|enthaltung(?:en)?|stimmenthaltung(?:en)?"
    r"|(?:ja|nein)-(?=,? (?:und|sowie|bei) ))(?:\b|(?<=-))(?! *:)"
    rf"|\b(?P<label>ja(?:-stimmen)?|nein(?:-stimmen)?|dafür|dagegen|enthaltung(?:en)?)\b *:? *"
    rf"(?P<after>{_COUNT})\b"
)
"""A count in a sentence: "12 Stimmen dafür", "2 Stimmen dagegen", "1 Enthaltung", and
label first, "(Ja 10, Nein 12)", "Dafür: 27, Dagegen: 0", "Ja-Stimmen: 5", and the
elliptic "mit 5 Ja- und 8 Nein-Stimmen" (before: 8 against and no count for). A label with a
colon after it is the next count's ("Stimmberechtigte: 11 Ja-Stimmen: 5 Nein-Stimmen: 5"):
the 11 entitled to vote are no votes for."""


_PLACE_WORD = re.compile(r"[^\W\d]+(?:-[^\W\d]+)*\.?")
_NOT_A_PLACE = re.compile(
    r"(?:nicht|kein\w*|auch|jedoch|aber|nun|heute|daher|deshalb|somit|damit|dann|sodann"
    r"|daraufhin|anschließend|abschließend|bereits|schon|noch|zuvor|erneut|dazu|hierzu"
    r"|möge|mögen|möchte|soll|sollte|sollen|will|wollen|wird|werden|wurde|hat|haben|hatte|ist"
    r"|sind|war|kann|könnte|muss|müsse|darf|würde|wäre|habe|sei|ein|eine|einen|dem|den|das"
    r"|die|des|zu|für|mit|von)\.?"
)
"""Words a place name is not made of: negations, adverbs, auxiliaries and modals ("Der
Stadtrat möge die Satzung beschließen" is no place "möge die Satzung"), articles."""
_PLACE_START = re.compile(r"(?:am|an|im|in|ob|bei|auf|vor|der)\.?")
"""Words a place name does not begin with ("Waging am See", "Neustadt an der Aisch")."""


def _without_place(rest: str) -> str:
    """What follows a body named with its place ("Der Gemeinderat Oerlenbach stimmt …",
    "Der Marktgemeinderat Waging am See hat Kenntnis …"): the place taken off where the words
    after it are a deciding verb (before: the place was read as the verb, and the sentence
    nothing). At most four words, none of them a negation or an adverb."""
    if any(pattern.match(rest) for pattern, _ in _ACTIVE):
        return rest
    words = rest.split(" ")
    for length in range(1, min(4, len(words) - 1) + 1):
        place = words[:length]
        if _PLACE_START.fullmatch(place[0]) or not all(
            _PLACE_WORD.fullmatch(w) and not _NOT_A_PLACE.fullmatch(w) for w in place
        ):
            break
        after = " ".join(words[length:])
        if any(pattern.match(after) for pattern, _ in _ACTIVE):
            return after
    return rest


def _one_sentence(sentence: str) -> Result | bool | None:
    """The result one sentence states; None where it states none; False where it has a
    deciding verb but cannot be read with certainty (negated, hypothetical, recommending)."""
    sentence = _FOLLOWED_RECOMMENDATION.sub("", sentence)
    leading = _LEADING_PHRASE.match(sentence)
    if leading is not None and not _NEGATED.search(leading.group(0)):
        sentence = sentence[leading.end() :]
    inverted = _INVERTED.match(sentence)
    if inverted is not None:
        sentence = f"{inverted['body']} {inverted['verb']}{inverted['rest']}"
    agreed = _AGREED_TO_THAT.match(sentence)
    if agreed is not None:
        sentence = f"{agreed['body']} {agreed['verb']} {agreed['object']} {agreed['rest']}"
    stated = _STATES_THAT.match(sentence)
    if stated is not None:
        sentence = stated["clause"]
    elif ", dass " in sentence:
        sentence = sentence.split(", dass ", 1)[0]  # "…, dass" tells of something else
    main = sentence.split(",", 1)[0]
    result: Result | None = None
    by_body = _BY_BODY.match(sentence)
    if by_body is not None:
        rest = MANNER.sub(" ", by_body["rest"])
        rest = SPACE.sub(" ", VOTE_DETAIL.sub(" ", rest)).strip()
        rest = _without_place(rest)
        for pattern, found in _ACTIVE:
            if pattern.match(rest):
                if (
                    found is Result.ADOPTED
                    and rest.split(" ", 1)[0] in {"fasst", "fasste", "fassen", "fassten"}
                    and not _FASST_BESCHLUSS.match(rest)
                ):
                    continue
                result = found
                break
        if result is Result.ADOPTED and _DEFERS_ITEM.match(rest) and not _NEGATED.search(rest):
            return Result.DEFERRED  # "beschließt, die Beratung … zu vertagen": the item deferred
        same = {Result.ADOPTED, Result.ADOPTED_WITH_CHANGES} if result in _ADOPTING else {result}
        others = {found for pattern, found in _ACTIVE if pattern.search(rest)} - same
        if re.fullmatch(_NOTED_AND_AGREED, rest):
            others -= {Result.NOTED}
        if result is not None and any(_ACTIVE_ANYWHERE[other].search(rest) for other in others):
            return False  # "nimmt Kenntnis und beschließt": two verbs, two results
        if result is not None and _SECOND_BODY.search(rest):
            return False  # "Der Ortschaftsrat lehnt ab und der Gemeinderat stimmt zu": whose?
    if result is None:
        for pattern, found in _PASSIVE:
            if pattern.search(sentence):
                result = found
                break
    if result is None:
        return None
    if result is Result.REJECTED and "mehrheit" in sentence and "nicht erreicht" in sentence:
        return result
    if _NEGATED.search(
        _NO_OBJECTION.sub(" ", main if by_body is None else sentence.split(", ", 1)[0])
    ):
        return False
    if _HYPOTHETICAL.search(main) or re.search(
        r"\b(?:falls|sofern|wenn|vorbehaltlich)\b", sentence
    ):
        return False
    if RECOMMENDING.search(sentence) or PROCEDURAL.search(sentence):
        return False
    if re.search(
        r"\babzulehnen\b|\bnicht\b|\bkeines(?:falls|wegs)\b|\bteil(?:weise|s)\b", sentence
    ):
        return False  # "beschließt, den Antrag abzulehnen", "stimmt nur teilweise zu": which?
    return result


_ABBREVIATION = re.compile(
    r"\b(?:lfd|nr|bzw|gem|abs|ca|vgl|ggf|inkl|evtl|stv|st|str|tsd|mio|dr|hr|fr|ziff|top|z\.b"
    r"|u\.a|d\.h|i\.v)\.$"
)
"""Abbreviations a sentence does not end at: "Die Niederschriften lfd. Nr. 07 …"."""


def _sentences(text: str) -> list[str]:
    """The text cut at sentence ends, but not after an abbreviation."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if sentences and _ABBREVIATION.search(sentences[-1].rstrip()):
            sentences[-1] = f"{sentences[-1].rstrip()} {piece}"
        else:
            sentences.append(piece)
    return sentences


def read_deciding_sentences(text: str) -> tuple[Meaning, str] | None:
    """The result the text's deciding sentences state alike, and the text's counts.

    Every sentence with a deciding verb must be readable and all must say the same; a text
    that recommends, or whose agreement answers a motion on the procedure, reads nothing.
    Returns the meaning and the counts found (for the vote readers, which check them).
    """
    plain = SPACE.sub(" ", _QUOTED.sub('""', text.translate(QUOTES)).replace("\n", " \n "))
    lowered = _FOLLOWED_RECOMMENDATION.sub("", plain.lower())
    sentences = [
        re.sub(r"^[a-h]\) ", "", point).strip(" .;:")
        for s in _sentences(lowered)
        for point in (_LIST_MARK.split(s) if s.startswith("a) ") else (s,))
        if point.strip(" .;:")
    ]
    if len(sentences) == 1:
        referral = _REFERRAL_REQUEST.match(sentences[0])
        if referral is not None and not _NEGATED.search(sentences[0]):
            body = body_as_written(text, referral["body"])
            return Meaning(result=Result.REFERRED, body=body, says_more=True), ""
    if RECOMMENDING.search(lowered) or _DECIDED_ELSEWHERE.search(lowered):
        return None  # a recommendation never becomes a decision
    if any(_PROPOSING.search(s) and PROCEDURAL.search(s) for s in sentences):
        return None  # a motion on the procedure: what follows is its vote, not the item's
    listed = [s for s in _sentences(lowered) if s.startswith("a) ") and _LIST_MARK.search(s)]
    if any(_COUNTS_IN_SENTENCE.search(s) or re.search(r"\b\d+ ?: ?\d+\b", s) for s in listed):
        return None  # "beschloss: a) Ja 10 Nein 2 b) Ja 3 Nein 9": a vote per point, each its own
    results: set[Result] = set()
    counted: list[str] = []
    for sentence in sentences:
        sentence = _LEADING_CLAUSE.sub("", sentence)
        if _BACKGROUND.search(sentence):
            continue  # (and its counts are the earlier decision's: never the item's)
        counted.append(sentence)
        found = _one_sentence(sentence)
        if found is False:
            return None
        if found is None:
            table = read_wording(sentence)
            if table is not None and table.result is not Result.NOT_RECORDED:
                found = table.result  # the table knows it: it must agree with the rest
            elif _RESULT_WORD.search(sentence):
                return None  # a result word in a sentence not understood: it may differ
            else:
                continue
        assert isinstance(found, Result)
        results.add(found)
    if len(results) != 1:
        return None
    if any(_PROPOSING.search(s) for s in sentences) and "tagesordnung" not in lowered:
        return None  # "X beantragt, … Der Antrag wird angenommen": the motion (an amendment?)
    (result,) = results
    if result is Result.ADOPTED and _WITH_PROVISO.search(lowered):
        result = Result.ADOPTED_WITH_CHANGES  # as the table reads "mit Maßgabe beschlossen"
    if result is not Result.REJECTED and re.search(r"\bnicht\b|\babzulehnen\b", lowered):
        return None  # "Der Rat beschließt: Die Satzung wird nicht erlassen": a negation anywhere
    if result in _ADOPTING and "stimmengleichheit" in lowered:
        return None  # a tie rejects (§ 50 Abs. 1 GO NRW): "stimmt bei Stimmengleichheit zu"?
    counts = _counts_of(" . ".join(counted))
    return (
        Meaning(
            result=result,
            unanimous=bool(UNANIMOUS.search(lowered)) and result is not Result.REJECTED,
            says_more=True,
        ),
        counts,
    )


def _counts_of(text: str) -> str:
    """The counts a sentence gives ("mit 6 Stimmen dafür bei 1 Enthaltung"), as a vote line.

    "mit 13 gegen 0 Stimmen" is 13 for, 0 against; a bare "Stimmen" after "gegen N" is never
    read as for (it is the against of such a pair), and "N Stimmen dagegen" is against."""
    found: dict[str, int] = {}
    pairs = list(_FOR_AGAINST.finditer(text))
    if len(pairs) > 1:
        return ""  # two pairs: two votes; leave them to the reader of text
    if pairs:
        pair = pairs[0]
        yes, no = (pair["yes"], pair["no"]) if pair["yes"] else (pair["ryes"], pair["rno"])
        found = {"Ja": number_value(yes), "Nein": number_value(no)}
        if pair["rab"]:
            found["Enthaltungen"] = int(pair["rab"])
        text = text[: pairs[0].start()] + " " + text[pairs[0].end() :]
    for match in _COUNTS_IN_SENTENCE.finditer(text):
        what = match["what"] or match["label"]
        count = number_value(match["count"] or match["after"])
        if match["what"] and re.search(r"\bgegen\s*$", text[: match.start()]):
            return ""  # "gegen 2 Stimmen" without its pair: which side, how many for?
        label = (
            "Nein"
            if what.startswith(("nein", "gegen")) or what.endswith("dagegen")
            else "Enthaltungen"
            if "enthaltung" in what
            else "Ja"
        )
        if label in found:
            return ""  # two counts of one kind: two votes; leave them to the reader of text
        found[label] = count
    return ", ".join(f"{label}: {count}" for label, count in found.items())
