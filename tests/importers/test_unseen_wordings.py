"""The measured reading of real result wordings from towns the vocabulary was not written for
(``tests/fixtures/result_wordings/unseen.tsv``) may only get better.

The bounds are the figures measured on 2026-12-02 after the vocabulary work (held-out half:
7 of 38 items unrecognised, none wrong; dev half: 2 of 35). A change that reads one more
wording wrongly, or leaves one more unread, fails here; one that reads more lowers the bound.
"""

from __future__ import annotations

import pytest

from benchmarks.result_wordings import TUNED, UNSEEN, figures, load, read

BOUNDS = {"heldout": (38, 7), "dev": (35, 2)}
"""Items, and at most this many of them unrecognised."""


@pytest.mark.parametrize("dataset", sorted(BOUNDS))
def test_unseen_wordings_stay_read(dataset: str) -> None:
    items, unrecognised = BOUNDS[dataset]
    found = figures([read(item) for item in load(UNSEEN, dataset)])
    assert found.items == items  # the frozen set is not edited to fit
    assert found.wrong == 0  # never a result the clerk does not read
    assert found.unrecognised <= unrecognised


def test_the_tuned_wordings_stay_read() -> None:
    found = figures([read(item) for item in load(TUNED)])
    assert (found.items, found.unrecognised, found.wrong) == (66, 0, 0)


def test_the_unseen_towns_are_not_the_tuned_towns() -> None:
    def host(url: str) -> str:
        return url.split("/")[2].removeprefix("www.")

    unseen = {host(item.url) for item in load(UNSEEN)}
    tuned = {host(item.url) for item in load(TUNED)}
    assert len(unseen) >= 50
    assert not unseen & tuned
    halves = {dataset: {host(i.url) for i in load(UNSEEN, dataset)} for dataset in BOUNDS}
    assert not halves["dev"] & halves["heldout"]  # split by town, not by item
