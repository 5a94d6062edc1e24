"""Result wording as real records write it → result and vote; nothing guessed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.archive.model import FactionVote, ResolutionKind, Result, Vote
from generator.importers.outcome import read_outcome
from generator.importers.pasted_table import parse_pasted_table


@pytest.mark.parametrize(
    ("wording", "result", "votes"),
    [
        # The Hürtgenwald crawl's most common wordings, as they stand in the `result` field.
        ("einstimmig, 0 Enthaltungen", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmig; 0 Enthaltungen.", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("einstimmig, ohne Enthaltung", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmig, O Enthaltungen", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmig, 0 Entahltungen", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmig, 0 Enthaltung(en)", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmung, 0 Enthaltungen", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        (
            "13 Ja-Stimmen, 0 Enthaltungen, 0 Nein-Stimmen",
            Result.ADOPTED,
            (Vote(in_favour=13, against=0, abstain=0),),
        ),
        (
            "12-Ja Stimmen, 0 Enthaltungen, 0 Nein-Stimmen",
            Result.ADOPTED,
            (Vote(in_favour=12, against=0, abstain=0),),
        ),
        (
            "einstimmig12 Ja-Stimmen, 0 Enthaltungen, 0 Nein-Stimmen",
            Result.ADOPTED,
            (Vote(unanimous=True, in_favour=12, against=0, abstain=0),),
        ),
        (
            "4 Ja-Stimmen, 9 Nein-Stimmen, 0 Enthaltungen",
            Result.REJECTED,
            (Vote(in_favour=4, against=9, abstain=0),),
        ),
        (  # a tie rejects (§ 50 Abs. 1 GO NRW)
            "6 Ja-Stimmen; 6 Nein-Stimmen; 0 Enthaltungen",
            Result.REJECTED,
            (Vote(in_favour=6, against=6, abstain=0),),
        ),
        (
            "einstimmig, 1 Enthaltung CDU-Fraktion",
            Result.ADOPTED,
            (Vote(unanimous=True, abstain=1, text="einstimmig, 1 Enthaltung CDU-Fraktion"),),
        ),
        (
            "a) einstimmig, 0 Enthaltungenb) einstimmig 0 Enthaltungen",
            Result.ADOPTED,
            (
                Vote(part="a)", unanimous=True, abstain=0),
                Vote(part="b)", unanimous=True, abstain=0),
            ),
        ),
        (
            "Der Ausschuss nimmt die Ausführungen zur Kenntnis.",
            Result.NOTED,
            (),
        ),
        ("Annahme", Result.ADOPTED, ()),
        ("Ablehnung", Result.REJECTED, ()),
        ("Kenntnisnahme", Result.NOTED, ()),
        ("Wie Vorlage", Result.ADOPTED, ()),
    ],
)
def test_wording_gives_result_and_vote(
    wording: str, result: Result, votes: tuple[Vote, ...]
) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.votes) == (result, votes)
    assert not outcome.nothing_voted


@pytest.mark.parametrize(
    "wording",
    [
        "",
        "ohne",
        "Ohne.",
        "Ohne, da Mitteilungsvorlage.",
        "(kein Text vorhanden)",
        "-.-",
        "entfällt",
        "Es erfolgt keine Abstimmung.",
    ],
)
def test_no_vote_is_not_recorded_and_says_so(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes == ()
    assert outcome.nothing_voted


def test_unknown_wording_is_kept_as_the_vote_text() -> None:
    wording = "mehrheitlich gegen die Stimmen der Opposition"
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes == (Vote(text=wording),)
    assert outcome.note == f"Ergebnis nicht erkannt: {wording!r}"


def test_parts_with_different_results_are_not_recorded() -> None:
    outcome = read_outcome(
        "a) 7 Ja-Stimmen, 6 Nein-Stimmen, 0 Enthaltungenb) 6 Ja-Stimmen, 7 Nein-Stimmen"
    )
    assert outcome.result is Result.NOT_RECORDED
    assert [vote.part for vote in outcome.votes] == ["a)", "b)"]


def test_recommendations_as_sessionnet_writes_them() -> None:
    outcome = read_outcome(
        "Beschlussempfehlung an den Rat: Wie Vorlage mit den Änderungen aus dem Antrag Nr. 12"
    )
    assert (outcome.result, outcome.kind, outcome.recommended_to) == (
        Result.ADOPTED_WITH_CHANGES,
        ResolutionKind.RECOMMENDATION,
        "Rat",
    )
    empfohlen = read_outcome("Einstimmig empfohlen")
    assert (empfohlen.result, empfohlen.kind, empfohlen.votes) == (
        Result.ADOPTED,
        ResolutionKind.RECOMMENDATION,
        (Vote(unanimous=True),),
    )


def test_a_pasted_table_with_one_reading_gives_the_factions() -> None:
    text = "JaNeinEnthaltungBM1CDU81SPD6B‘90/Die Grünen3FFH3FDP2Hr. Gilleßen1Gesamt2410"
    outcome = read_outcome(text)
    assert outcome.result is Result.ADOPTED
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against, vote.abstain) == (24, 1, 0)
    assert vote.factions == (
        FactionVote(name="BM", in_favour=1),
        FactionVote(name="CDU", in_favour=8, against=1),
        FactionVote(name="SPD", in_favour=6),
        FactionVote(name="B‘90/Die Grünen", in_favour=3),
        FactionVote(name="FFH", in_favour=3),
        FactionVote(name="FDP", in_favour=2),
        FactionVote(name="Hr. Gilleßen", in_favour=1),
    )
    assert vote.text is None


def test_a_pasted_table_whose_cells_are_ambiguous_keeps_only_sure_totals() -> None:
    # "FDP11" is 1 yes + 1 abstain or 1 no + 1 abstain …: several readings fit the totals.
    text = "JaNeinEnthaltungenBM1CDU12SPD6FDP1B´90/Grüne3Linke1Hr. Breuer1Gesamt2401"
    outcome = read_outcome(text)
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against, vote.abstain, vote.factions) == (24, 0, 1, ())
    assert vote.text == text  # the breakdown is kept as written
    assert outcome.result is Result.ADOPTED


def test_a_pasted_table_whose_totals_are_ambiguous_stays_text() -> None:
    text = "JaNeinEnthaltungBM1CDU121SPD7B‘90/DIE GRÜNEN3FDP11Hr. Gilleßen1Hr. Breuer1Gesamt2611"
    assert parse_pasted_table(text) is None
    outcome = read_outcome(text)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes == (Vote(text=text),)


@given(st.text(max_size=200))
def test_any_wording_gives_an_outcome_without_error(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result in Result
    if outcome.result is Result.NOT_RECORDED and not outcome.nothing_voted:
        assert outcome.votes, "unparsed wording is kept"
