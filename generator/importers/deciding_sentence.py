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
from generator.importers.deciding_grammar import ADOPTING
from generator.importers.result_wording import (
    QUOTES,
    SPACE,
    UNANIMOUS,
    Meaning,
    body_as_written,
    read_wording,
)
from generator.importers.sentence_counts import COUNTS_IN_SENTENCE, counts_of
from generator.importers.sentence_result import (
    FOLLOWED_RECOMMENDATION,
    NEGATED,
    PROCEDURAL,
    RECOMMENDING,
    read_one_sentence,
)

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
    lowered = FOLLOWED_RECOMMENDATION.sub("", plain.lower())
    sentences = [
        re.sub(r"^[a-h]\) ", "", point).strip(" .;:")
        for s in _sentences(lowered)
        for point in (_LIST_MARK.split(s) if s.startswith("a) ") else (s,))
        if point.strip(" .;:")
    ]
    if len(sentences) == 1:
        referral = _REFERRAL_REQUEST.match(sentences[0])
        if referral is not None and not NEGATED.search(sentences[0]):
            body = body_as_written(text, referral["body"])
            return Meaning(result=Result.REFERRED, body=body, says_more=True), ""
    if RECOMMENDING.search(lowered) or _DECIDED_ELSEWHERE.search(lowered):
        return None  # a recommendation never becomes a decision
    if any(_PROPOSING.search(s) and PROCEDURAL.search(s) for s in sentences):
        return None  # a motion on the procedure: what follows is its vote, not the item's
    listed = [s for s in _sentences(lowered) if s.startswith("a) ") and _LIST_MARK.search(s)]
    if any(COUNTS_IN_SENTENCE.search(s) or re.search(r"\b\d+ ?: ?\d+\b", s) for s in listed):
        return None  # "beschloss: a) Ja 10 Nein 2 b) Ja 3 Nein 9": a vote per point, each its own
    results: set[Result] = set()
    counted: list[str] = []
    for sentence in sentences:
        sentence = _LEADING_CLAUSE.sub("", sentence)
        if _BACKGROUND.search(sentence):
            continue  # (and its counts are the earlier decision's: never the item's)
        counted.append(sentence)
        found = read_one_sentence(sentence)
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
    if result in ADOPTING and "stimmengleichheit" in lowered:
        return None  # a tie rejects (§ 50 Abs. 1 GO NRW): "stimmt bei Stimmengleichheit zu"?
    counts = counts_of(" . ".join(counted))
    return (
        Meaning(
            result=result,
            unanimous=bool(UNANIMOUS.search(lowered)) and result is not Result.REJECTED,
            says_more=True,
        ),
        counts,
    )
