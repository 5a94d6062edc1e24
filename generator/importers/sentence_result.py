"""The result one sentence of the minutes states, read by its grammar.

A sentence with a deciding verb that is negated, hypothetical, recommending or procedural reads
as uncertain (False), never as a result: ``deciding_sentence`` then reads nothing for the text.
"""

from __future__ import annotations

import re

from generator.archive.model import Result
from generator.importers.deciding_grammar import (
    ACTIVE,
    ACTIVE_ANYWHERE,
    ADOPTING,
    BY_BODY,
    DECIDING_BODY,
    DECIDING_VERB,
    FASST_BESCHLUSS,
    NOTED_AND_AGREED,
    PASSIVE,
)
from generator.importers.result_wording import MANNER, SPACE, VOTE_DETAIL

NEGATED = re.compile(r"\b(?:nicht|kein|keine|keinen|keiner|keinem|weder|nie)\b")
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
FOLLOWED_RECOMMENDATION = re.compile(
    r"\b(?:entsprechend|gemäß|nach|auf) (?:der |die )?(?:beschluss)?empfehlung (?:des|der) "
    rf"[^,]+? (?={DECIDING_VERB} )"
)
""""Entsprechend der Empfehlung des Planungsausschusses beschließt die Gemeindevertretung":
the recommendation was followed; the sentence is the deciding body's decision."""
_INVERTED = re.compile(
    rf"^(?:(?:daraufhin|sodann|anschließend|abschließend|somit|damit|danach) )?"
    rf"(?P<verb>{DECIDING_VERB}) (?P<body>(?:der|die|das) {DECIDING_BODY})(?P<rest>[ ,].*|)$"
)
""""Sodann beschließt die GV, …", "Abschließend beschloss der Gemeinderat: …": the verb
before its subject."""
_LEADING_PHRASE = re.compile(
    r"^(?:in anbetracht|angesichts|aufgrund|auf grund|wegen|im hinblick auf"
    r"|unter (?:berücksichtigung|abwägung)|nach (?:eingehender |kurzer |ausführlicher "
    r"|längerer |intensiver |reiflicher )?(?:beratung|diskussion|aussprache|abwägung"
    r"|erörterung|vorberatung)|mit \d+ ?(?::|zu|gegen) ?\d+ stimmen)\b[^;:]*? "
    rf"(?={DECIDING_VERB} (?:der|die|das) {DECIDING_BODY}\b)"
)
"""A phrase of reasons or of what came before the verb ("In Anbetracht des hohen Aufkommens
an Schwerlastverkehr, … und des beengten Verkehrsraumes beschließt der Stadtrat …", "Nach
Vorberatung im Haupt- und Finanzausschuss beschließt der Stadtrat …"), or the counts ("Mit
13:10 Stimmen billigten die Stadträte …", their vote read by the vote readers): the main clause
is read (before: nothing was); a negation in the phrase leaves the sentence as it was."""
_AGREED_TO_THAT = re.compile(
    rf"^(?P<object>dem|diesem) (?P<verb>stimmt|stimmte|stimmen|stimmten) "
    rf"(?P<body>(?:der|die|das) {DECIDING_BODY}) (?P<rest>(?:(?:einstimmig|mehrheitlich"
    r"|ebenfalls|auch|somit|damit|ohne gegenstimmen?|(?:mit|bei) [\w -]*?(?:stimmen"
    r"|stimmenmehrheit|enthaltungen?|gegenstimmen?)) )*zu)$"
)
""""Dem stimmt der Gemeinderat zu.": the item's proposal agreed to, object first (a proposal on
the procedure before it is caught by the reader of motions)."""
_SECOND_BODY = re.compile(rf"\b(?:und|sowie|während|aber) (?:der|die|das) {DECIDING_BODY} ")
"""A second body with its own verb after the first's: each decided for itself."""
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
_STATES_THAT = re.compile(r"^.*?\b(?:stellt|stellte|stellen) (?:\w+ )?fest, dass (?P<clause>.+)$")


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
    if any(pattern.match(rest) for pattern, _ in ACTIVE):
        return rest
    words = rest.split(" ")
    for length in range(1, min(4, len(words) - 1) + 1):
        place = words[:length]
        if _PLACE_START.fullmatch(place[0]) or not all(
            _PLACE_WORD.fullmatch(w) and not _NOT_A_PLACE.fullmatch(w) for w in place
        ):
            break
        after = " ".join(words[length:])
        if any(pattern.match(after) for pattern, _ in ACTIVE):
            return after
    return rest


def read_one_sentence(sentence: str) -> Result | bool | None:
    """The result one sentence states; None where it states none; False where it has a
    deciding verb but cannot be read with certainty (negated, hypothetical, recommending)."""
    sentence = FOLLOWED_RECOMMENDATION.sub("", sentence)
    leading = _LEADING_PHRASE.match(sentence)
    if leading is not None and not NEGATED.search(leading.group(0)):
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
    by_body = BY_BODY.match(sentence)
    if by_body is not None:
        rest = MANNER.sub(" ", by_body["rest"])
        rest = SPACE.sub(" ", VOTE_DETAIL.sub(" ", rest)).strip()
        rest = _without_place(rest)
        for pattern, found in ACTIVE:
            if pattern.match(rest):
                if (
                    found is Result.ADOPTED
                    and rest.split(" ", 1)[0] in {"fasst", "fasste", "fassen", "fassten"}
                    and not FASST_BESCHLUSS.match(rest)
                ):
                    continue
                result = found
                break
        if result is Result.ADOPTED and _DEFERS_ITEM.match(rest) and not NEGATED.search(rest):
            return Result.DEFERRED  # "beschließt, die Beratung … zu vertagen": the item deferred
        same = {Result.ADOPTED, Result.ADOPTED_WITH_CHANGES} if result in ADOPTING else {result}
        others = {found for pattern, found in ACTIVE if pattern.search(rest)} - same
        if re.fullmatch(NOTED_AND_AGREED, rest):
            others -= {Result.NOTED}
        if result is not None and any(ACTIVE_ANYWHERE[other].search(rest) for other in others):
            return False  # "nimmt Kenntnis und beschließt": two verbs, two results
        if result is not None and _SECOND_BODY.search(rest):
            return False  # "Der Ortschaftsrat lehnt ab und der Gemeinderat stimmt zu": whose?
    if result is None:
        for pattern, found in PASSIVE:
            if pattern.search(sentence):
                result = found
                break
    if result is None:
        return None
    if result is Result.REJECTED and "mehrheit" in sentence and "nicht erreicht" in sentence:
        return result
    if NEGATED.search(
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
