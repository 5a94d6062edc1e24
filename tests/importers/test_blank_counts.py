"""Counts that are all 0 are a form's empty fields, not a vote.

Found by the precision audit (tests/fixtures/real/precision-audit.md): Burgdorf's
"einstimmig beschlossen" beside "Ja: 0, Nein: 0, Enthaltungen: 0, Befangen: 0" was published
as unanimous with 0 for and 0 against; alone, "Ja: 0, Nein: 0, Enthaltungen: 0" read as a
0:0 tie and so as rejected. The SessionNet header reader drops such counts already.
"""

from __future__ import annotations

import pytest

from generator.archive.model import Result
from generator.importers.outcome import read_outcome

BLANK = [
    ("einstimmig beschlossen Ja: 0, Nein: 0, Enthaltungen: 0, Befangen: 0", Result.ADOPTED),
    ("beschlossen Ja: 0, Nein: 0", Result.ADOPTED),
    ("mehrheitlich abgelehnt Ja: 0, Nein: 0, Enthaltungen: 0", Result.REJECTED),
    ("zur Kenntnis genommen Ja: 0, Nein: 0, Enthaltungen: 0", Result.NOTED),
    ("Ja: 0, Nein: 0, Enthaltungen: 0", Result.NOT_RECORDED),
    ("0 Ja-Stimmen, 0 Nein-Stimmen, 0 Enthaltungen", Result.NOT_RECORDED),
    ("Abstimmungsergebnis: Ja: 0, Nein: 0", Result.NOT_RECORDED),
]


@pytest.mark.parametrize(("wording", "result"), BLANK)
def test_all_zero_counts_are_no_vote(wording: str, result: Result) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    for vote in outcome.votes:  # no count written; the wording stays for the reader
        assert (vote.in_favour, vote.against, vote.abstain) == (None, None, None)
    assert any(vote.text == wording for vote in outcome.votes)


def test_a_unanimous_vote_keeps_its_manner_without_the_blank_counts() -> None:
    (vote,) = read_outcome("einstimmig beschlossen Ja: 0, Nein: 0, Enthaltungen: 0").votes
    assert vote.unanimous


NEAR = [
    ("Einstimmig, 0 Enthaltungen", Result.ADOPTED, (None, None, 0)),
    ("einstimmig, 0 Nein-Stimmen, 0 Enthaltungen", Result.ADOPTED, (None, 0, 0)),
    ("0 Ja-Stimmen, 0 Enthaltungen, 13 Nein-Stimmen", Result.REJECTED, (0, 13, 0)),
    ("einstimmig beschlossen Ja: 5, Nein: 0, Enthaltungen: 0", Result.ADOPTED, (5, 0, 0)),
]


@pytest.mark.parametrize(("wording", "result", "counts"), NEAR)
def test_a_zero_beside_a_real_count_stays(
    wording: str, result: Result, counts: tuple[int | None, ...]
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against, vote.abstain) == counts
