"""The vote rules live on the model: outcome, unanimity and majority, decided once."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.archive.model import (
    AgendaItem,
    Choice,
    FactionVote,
    Resolution,
    ResolutionKind,
    Result,
    Vote,
    all_unanimous,
    outcome_of,
    vote_totals,
)
from generator.pages.votes import vote_summary


@pytest.mark.parametrize(
    ("vote", "expected"),
    [
        (Vote(unanimous=True), Result.ADOPTED),
        (Vote(unanimous=True, abstain=2), Result.ADOPTED),
        (Vote(in_favour=18, against=9, abstain=1), Result.ADOPTED),
        (Vote(in_favour=9, against=18), Result.REJECTED),
        (Vote(in_favour=10, against=10, abstain=3), Result.REJECTED),  # § 50 GO NRW: a tie
        (Vote(in_favour=13, abstain=0), None),  # nothing said about the votes against
        (Vote(text="mehrheitlich"), None),
    ],
)
def test_a_vote_decides_by_its_counts_and_a_tie_rejects(vote: Vote, expected: Result) -> None:
    assert vote.outcome is expected


def test_several_votes_decide_only_when_they_agree() -> None:
    adopted, rejected = Vote(in_favour=5, against=1), Vote(in_favour=1, against=5)
    assert outcome_of((adopted, Vote(unanimous=True))) is Result.ADOPTED
    assert outcome_of((adopted, rejected)) is None
    assert outcome_of((adopted, Vote(in_favour=4))) is None
    assert outcome_of(()) is None


@pytest.mark.parametrize(
    ("faction", "choice"),
    [
        (FactionVote(name="A", in_favour=5), Choice.FOR),
        (FactionVote(name="B", against=3, abstain=1), Choice.AGAINST),
        (FactionVote(name="C", abstain=2), Choice.ABSTAIN),
        (FactionVote(name="D", in_favour=2, against=2), None),
        (FactionVote(name="E"), None),
    ],
)
def test_a_faction_votes_as_most_of_its_members(faction: FactionVote, choice: Choice) -> None:
    assert faction.choice is choice


def test_a_faction_is_with_the_majority_when_its_choice_decided() -> None:
    vote = Vote(in_favour=7, against=3)
    assert vote.in_majority(FactionVote(name="A", in_favour=7)) is True
    assert vote.in_majority(FactionVote(name="B", against=3)) is False
    assert vote.in_majority(FactionVote(name="C", abstain=1)) is False
    assert vote.in_majority(FactionVote(name="D", in_favour=1, against=1)) is False
    rejected = Vote(in_favour=3, against=3)
    assert rejected.in_majority(FactionVote(name="B", against=3)) is True
    assert Vote(text="mehrheitlich").in_majority(FactionVote(name="A", in_favour=1)) is None


def _resolution(*votes: Vote) -> Resolution:
    return Resolution(
        id="ha-2020-001",
        title="T",
        committee="hauptausschuss",
        date=datetime.date(2020, 4, 17),
        agenda_item=AgendaItem(number="1"),
        kind=ResolutionKind.ORDINARY,
        result=Result.ADOPTED,
        path=Path("x.md"),
        text="Text",
        votes=votes,
    )


def test_a_resolution_is_unanimous_only_when_every_recorded_vote_was() -> None:
    assert _resolution(Vote(unanimous=True), Vote(unanimous=True, part="2")).unanimous
    assert not _resolution(Vote(unanimous=True), Vote(in_favour=3, against=1)).unanimous
    assert not _resolution().unanimous
    assert not all_unanimous(())


def test_vote_totals_sum_only_the_counts_given() -> None:
    votes = (Vote(in_favour=3, against=1), Vote(in_favour=2, abstain=4), Vote(unanimous=True))
    assert vote_totals(votes) == (5, 1, 4)
    assert vote_totals((Vote(unanimous=True),)) == (None, None, None)


@pytest.mark.parametrize(
    ("vote", "shown"),
    [
        (Vote(in_favour=13), "13 Ja"),
        (Vote(in_favour=12, against=3), "12 Ja, 3 Nein"),
        (Vote(in_favour=12, against=0, abstain=1), "12 Ja, 0 Nein, 1 Enthaltung"),
        (Vote(against=9, abstain=2), "9 Nein, 2 Enthaltungen"),
    ],
)
def test_a_count_the_source_does_not_give_is_not_shown_as_zero(vote: Vote, shown: str) -> None:
    assert vote_summary(vote) == shown
