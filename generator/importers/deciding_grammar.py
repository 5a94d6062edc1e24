"""Who decides and what they did: the grammar a deciding sentence is read by.

The deciding body as minutes name it, the deciding verbs after it (active), and the sentences
whose subject is the thing decided (passive). ``sentence_result`` reads one sentence with them.
"""

from __future__ import annotations

import re

from generator.archive.model import Result

_FACTION = (
    r"(?:[\w-]*(?:fraktion|gruppe|partei|liste)\w*|cdu|csu|spd|fdp|afd|grüne[n]?|linke[n]?"
    r"|freie[n]?|fw|fwg|uwg|ödp|bp|piraten|volt|bündnis\w*)\b"
)
"""A faction or party: its members agreeing are not the body deciding ("Die Mitglieder der
SPD-Fraktion stimmen dem Antrag zu" was read as the item adopted)."""
_COMMITTEE = (
    r"(?:\w+-,? ?)*(?:(?:und|sowie) )?[\w-]*ausschuss"
    r"(?: für [\w-]+(?:(?:,| und| sowie) [\w-]+)*)?"
)
"""A committee however its name is coordinated or specified: "Haupt- und Finanzausschuss",
"Finanz-, Personal-und Rechnungsprüfungsausschuss", "Ausschuss für Stadtentwicklung und
Verkehr", "Ausschuss für Bauen, Stadtentwicklung und Umwelt"."""
DECIDING_BODY = (
    r"(?:(?:gesamte |zuständige )?(?:[\w-]*gemeinderat|[\w-]*stadtrat|rat|marktrat|[\w-]*ortsrat"
    rf"|ortschaftsrat|ortsbeirat|kreistag|{_COMMITTEE}|gemeindevertretung|stadtvertretung"
    r"|stadtverordnetenversammlung|bezirksversammlung|bezirksvertretung|verbandsversammlung"
    r"|bürgerschaft|gremium|gv)(?: der [\w-]+(?: [\w-]+)??| des [\w-]+)?"
    r"|(?:[\w-]*mitglieder|stadtverordneten|gemeindevertreter(?:innen)?|stadtvertreter(?:innen)?"
    rf"|ratsmitglieder|ratsherren)(?: (?:der|des) (?!{_FACTION})[\w-]+(?: [\w-]+)??)?"
    r"|(?:stadt|gemeinde|markt|kreis|ortschafts)räte(?! (?:der|des|von|aus)\b))"
)
"""The deciding body as a sentence names it: "der Marktgemeinderat", "die Mitglieder der
Stadtvertretung", "das Gremium", "die Ausschussmitglieder", "die Stadtverordneten"."""
BY_BODY = re.compile(
    rf"^(?:(?:daraufhin|sodann|anschließend|abschließend|somit|damit|danach) )?"
    rf"(?:der|die|das) {DECIDING_BODY}"
    rf"(?:(?: [\w-]+)? (?:und|sowie) (?:der|die|das) {DECIDING_BODY})? (?P<rest>.+)$"
)
"""The deciding body, or two deciding together ("Der Ortschaftsrat Lackendorf und der
Gemeinderat fassten den einstimmigen Beschluss, …")."""
NOTED_AND_AGREED = (
    r"(?:hat|nimmt|nahm|nehmen|nahmen) (?:\S+ ){0,6}?kenntnis\b(?!.*\b(?:nicht|kein\w*)\b).*"
    r" und (?:stimmt|stimmte|stimmen|stimmten) (?:dieser|diesem|diesen|dem|der|ihr|ihm|ihnen) zu"
)
"""Took note of a paper and agreed to it ("Der Marktgemeinderat … hat Kenntnis vom
öffentlichen Teil der Sitzungsniederschrift … und stimmt dieser zu"): the agreement is the
decision, on what was noted; not two results."""
ACTIVE: tuple[tuple[re.Pattern[str], Result], ...] = tuple(
    (re.compile(pattern), result)
    for pattern, result in (
        (NOTED_AND_AGREED, Result.ADOPTED),
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
ADOPTING = frozenset({Result.ADOPTED, Result.ADOPTED_WITH_CHANGES})
ACTIVE_ANYWHERE = {
    Result.ADOPTED: re.compile(r"\b(?:beschließt|beschlossen|stimmt \w+ zu|stimmen \w+ zu)\b"),
    Result.ADOPTED_WITH_CHANGES: re.compile(r"\bgeändert beschlossen\b"),
    Result.REJECTED: re.compile(r"\b(?:lehnt|lehnen|lehnte|lehnten)\b.* ab\b"),
    Result.NOTED: re.compile(r"\bkenntnis\b"),
    Result.DEFERRED: re.compile(r"\bvertag"),
}
"""A second deciding verb in the same sentence, whatever its place."""
FASST_BESCHLUSS = re.compile(r"^(?:fasst|fasste|fassen|fassten)\b.*\bbeschluss\b")
_MATTER = (
    r"(?:tagesordnung(?:en)?|niederschrift(?:en)?|sitzungsniederschrift(?:en)?|protokoll(?:e)?"
    r"|jahresrechnung(?:en)?|jahresabschluss|jahresabschlüsse)"
)
PASSIVE: tuple[tuple[re.Pattern[str], Result], ...] = tuple(
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
        # "Damit ist die Niederschrift genehmigt.": the minutes' closing statement, the verb
        # before the matter decided
        (
            rf"^(?:damit|somit|hiermit|demnach) (?:ist|sind|wurde|wurden) (?:die|das|der) "
            rf"(?:[\w-]+ )?{_MATTER}\b(?:.* )?(?:genehmigt|bestätigt|festgestellt|angenommen"
            r"|beschlossen|gebilligt)$",
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
        # "Damit ist Frau Walsemann zur Verbandsvorsteherin … gewählt."
        (
            r"^(?:damit|somit|hiermit|demnach) (?:ist|sind|wurde|wurden) (?:herr|frau) [\w-]+"
            r"(?: [\w-]+)? (?:zum|zur|als) [\w ().-]+? gewählt$",
            Result.ELECTED,
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
            rf" (?:(?:durch|von) (?:der|die|den|dem) {DECIDING_BODY} )?zur kenntnis genommen$",
            Result.NOTED,
        ),
        # "Herr Graske nimmt die Wahl an": whoever accepts the election was elected
        (r"^(?:herr|frau) [\w-]+(?: [\w-]+)? (?:nimmt|nahm) die wahl an$", Result.ELECTED),
    )
)
"""A sentence whose subject is the thing decided, in the passive."""
DECIDING_VERB = (
    r"(?:beschließt|beschloss|beschließen|beschlossen|stimmt|stimmte|stimmen|stimmten|lehnt"
    r"|lehnte|lehnen|lehnten|nimmt|nahm|nehmen|nahmen|billigt|billigte|billigen|billigten"
    r"|genehmigt|genehmigte|genehmigten"
    r"|fasst|fasste|fassen|fassten|vertagt|vertagte|vertagen|anerkennt|anerkannte|vergab"
    r"|vergibt)"
)
