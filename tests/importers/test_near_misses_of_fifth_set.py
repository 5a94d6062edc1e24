"""Near misses of the fifth set's rules (issue 20), written as a clerk might and read wrongly
before: each stays unread now (or keeps its counts apart). Grounded in real forms where the
stored pages had one: a contract award "Einstimmig beschloss der Gemeinderat der Firma …
den Auftrag zu erteilen" (https://ratsinfo.vgem-mespelbrunn.de/bi/to0050.asp?__ktonr=8135),
"Dem stimmt der Gemeinderat zu. 13 : 0" after a motion on the agenda (Gräfendorf,
https://ol.wittich.de/titel/2035/ausgabe/47/2022/artikel/00000000000034132458-OL-2035-2022-47-47-0),
"Der Gemeinderat vertagt die Auftragsvergabe …"
(https://buergerinfo-denklingen.livingdata.de/to0050.asp?__ktonr=4849)."""

from __future__ import annotations

import pytest

from generator.archive.model import Result
from generator.importers.outcome import read_outcome


@pytest.mark.parametrize(
    "wording",
    [
        # "vergab … an" awards a contract, never delegates (read adopted before)
        "Der Gemeinderat vergibt die Entscheidung an den Bauausschuss.",
        # "Dem stimmt … zu": only the manner of the vote between body and "zu"
        "Dem stimmt der Gemeinderat nur teilweise zu.",
        "Dem stimmt der Gemeinderat keinesfalls zu.",
        # the same words with the body first (read adopted before: a part or a refusal is no
        # whole adoption)
        "Der Gemeinderat stimmt nur teilweise zu.",
        "Der Gemeinderat stimmt keinesfalls zu.",
        # the consent of another authority, or one still to come, is no decision of the body
        "Die Zustimmung des Kreises erfolgte am 12.03.2020.",
        "Die Zustimmung des Gemeinderats erfolgt erst in der nächsten Sitzung.",
        "Die Zustimmung der Kommunalaufsicht erfolgt nach Vorlage der Unterlagen.",
        "Die Zustimmung des Gemeinderats erfolgte unter Vorbehalt.",
        # joining a rejection is no adoption
        "Der Gemeinderat schließt sich der Ablehnung des Ortschaftsrates an.",
        "Der Gemeinderat schließt sich der Auffassung an, dass das Vorhaben abgelehnt wird.",
        # two bodies, each with its own verb: whose result is the item's?
        "Der Ortschaftsrat lehnt ab und der Gemeinderat stimmt zu.",
        # points with a vote each: part b) was rejected 3:9 (read adopted before)
        "Der Gemeinderat beschloss: a) Ja 10 Nein 2 b) Ja 3 Nein 9",
        # a motion rejected, then the paper adopted (read rejected before: the motion's)
        "Der Antrag der SPD wird abgelehnt. Der Vorlage wird zugestimmt.",
        "Die Maßgabe der SPD wird abgelehnt. Der Vorlage wird zugestimmt.",
        "Der Antrag der CDU wird mit 3 Ja-Stimmen und 10 Nein-Stimmen abgelehnt. Der Vorlage "
        "wird zugestimmt.",
        # noted and adopted in one text: two results (read noted before)
        "Der Bericht wird zur Kenntnis genommen. Der Maßnahme wird zugestimmt.",
    ],
)
def test_near_misses_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


@pytest.mark.parametrize(
    "wording",
    [
        # elliptic counts: before, 8 against and no count for, published as adopted
        "Dem stimmt der Gemeinderat mit 5 Ja- und 8 Nein-Stimmen zu.",
        "Der Gemeinderat stimmt mit 5 Ja- und 8 Nein-Stimmen zu.",
        # a labelled vote after words of the resolution is checked against the wording
        "Der Vorlage wird mit der Maßgabe zugestimmt, dass die Verwaltung prüft. "
        "Abstimmung: Ja 3, Nein 9",
        # … or unlabelled after the words of the resolution (read adopted before, counts lost)
        "Der Vorlage wird mit der Maßgabe zugestimmt, dass die Mittel gestrichen werden. "
        "Ja-Stimmen: 4 Nein-Stimmen: 7",
    ],
)
def test_counts_that_contradict_the_wording_leave_it_unread(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against) in {(5, 8), (3, 9), (4, 7)}


def test_an_earlier_motions_counts_are_never_the_items() -> None:
    """Before: adopted with 10 against, the count of the SPD's rejected motion."""
    outcome = read_outcome(
        "Dem stimmt der Gemeinderat zu. Zuvor lehnte der Rat den Antrag der SPD mit 3 Ja- und "
        "10 Nein-Stimmen ab."
    )
    assert outcome.result is Result.ADOPTED
    assert all(vote.against is None and vote.in_favour is None for vote in outcome.votes)


def test_a_contract_awarded_still_reads_adopted() -> None:
    assert (
        read_outcome("Der Gemeinderat vergab die Arbeiten an die Firma X.").result is Result.ADOPTED
    )


def test_a_vote_after_a_proviso_that_agrees_is_kept() -> None:
    outcome = read_outcome(
        "Der Vorlage wird mit der Maßgabe zugestimmt, dass die Verwaltung prüft. "
        "Abstimmung: Ja 10, Nein 2"
    )
    assert outcome.result is Result.ADOPTED
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against) == (10, 2)


def test_an_award_decided_in_a_sentence_reads_adopted_with_its_counts() -> None:
    """As Mespelbrunn awards a contract (to0050 __ktonr=8135), "beschloss, … zu vergeben"."""
    outcome = read_outcome(
        "Der Gemeinderat beschloss, den Auftrag an die Firma Kaderidis zu vergeben. "
        "Abstimmung: Ja: 14, Nein: 0"
    )
    assert outcome.result is Result.ADOPTED
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against) == (14, 0)


def test_elliptic_counts_are_read_in_full_and_the_wording_kept_as_written() -> None:
    """ "mit 5 Ja- und 8 Nein-Stimmen angenommen" was published as adopted, counts lost."""
    wording = "Der Beschlussvorschlag wird mit 5 Ja- und 8 Nein-Stimmen angenommen."
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against, vote.text) == (5, 8, wording)
    agreeing = read_outcome("Der Antrag wird mit 3 Ja- und 10 Nein-Stimmen abgelehnt.")
    assert agreeing.result is Result.REJECTED
    (vote,) = agreeing.votes
    assert (vote.in_favour, vote.against) == (3, 10)
