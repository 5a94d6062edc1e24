"""Counts that a field says were cast on a motion on the procedure are not the item's vote.

Found by the precision audit (tests/fixtures/real/precision-audit.md): Hürtgenwald's council
item "Straßenreinigungssatzung; hier: Ergänzung der Satzung" has the result field
"JaNeinEnthaltungBMCDU48…Gesamt12140Damit ist der Antrag der FFH, diesen Top zu vertagen,
abgelehnt. …", and was published as the statute rejected: the 12 to 14 were the deferral
motion's. The same rule held already for a deciding sentence; now for counts too.
"""

from __future__ import annotations

import pytest

from generator.archive.model import Result
from generator.importers.outcome import read_outcome

MOTION = [
    "JaNeinEnthaltungBMCDU48SPD33B‘90/Die Grünen2FFH3FDP2Hr. Gilleßen1Gesamt12140Damit ist der "
    "Antrag der FFH, diesen Top zu vertagen, abgelehnt.Herr Franke beantwortet weitere "
    "inhaltliche Fragen des Gremiums.",
    "12 Ja-Stimmen, 14 Nein-Stimmen, 0 Enthaltungen Damit ist der Antrag der FFH, diesen Top zu "
    "vertagen, abgelehnt.",
    "9 Ja-Stimmen, 4 Nein-Stimmen, 1 Enthaltung Damit ist die Angelegenheit in den "
    "Bauausschuss verwiesen.",
    "JaNeinEnthaltungBM1CDU12SPD6B‘90/Die Grünen3FFH3FDP1Hr. Gilleßen1Gesamt2700Die "
    "Zurückstellung des Punktes wurde damit beschlossen.",
]


@pytest.mark.parametrize("wording", MOTION)
def test_counts_on_a_motion_on_the_procedure_leave_the_item_unread(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.note
    # the counts are the motion's: never written as the item's result; the wording stays
    assert any(vote.text == wording.strip() for vote in outcome.votes)


NEAR = [
    (
        "JaNeinEnthaltungBM1CDU12SPD6B‘90/Die Grünen12FFH3FDP2Hr. Gilleßen1Gesamt7138Mit diesem "
        "Beratungsergebnis wurde der Beschlussvorschlag abgelehnt.",
        Result.REJECTED,
    ),
    (
        "10 Ja-Stimmen, 13 Nein-Stimmen, 1 EnthaltungRatsmitglied Simon bittet darum, "
        "schnellstmöglich mit der Kommunalaufsicht zu klären, ob die Sanierung möglich ist.",
        Result.REJECTED,
    ),
    ("12 Ja-Stimmen, 1 Nein-Stimme, 0 Enthaltungen", Result.ADOPTED),
    (
        "Einstimmig, 0 EnthaltungenDie Ratsmitglieder Linzenich und Beißel betreten den "
        "Sitzungssaal.",
        Result.ADOPTED,
    ),
    ("Die geänderte Tagesordnung wurde einstimmig angenommen.", Result.ADOPTED),
]


@pytest.mark.parametrize(("wording", "result"), NEAR)
def test_counts_beside_other_sentences_stay_read(wording: str, result: Result) -> None:
    assert read_outcome(wording).result is result


def test_the_motions_counts_are_not_written_as_the_items_vote() -> None:
    outcome = read_outcome(MOTION[0])
    assert [(v.in_favour, v.against, v.abstain, v.factions) for v in outcome.votes] == [
        (None, None, None, ())
    ]
