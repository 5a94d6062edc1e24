"""The measured reading of real result wordings from towns the vocabulary was not written for
(``tests/fixtures/result_wordings/unseen.tsv``) may only get better.

The bounds are the figures measured after the sentence-reader work (2026-12-07): first set
held-out 4 of 38 unrecognised, dev 0 of 35; second set (``unseen2.tsv``) held-out 1 of 22,
dev 0 of 19; third set (``unseen3.tsv``) held-out 8 of 19, dev 3 of 21; none wrong anywhere.
The fourth set (``unseen4.tsv``, 2026-12-07 afternoon) is bounded by its baseline on the code
as it stood: held-out 6 of 18 unread and 1 wrong, dev 13 of 22 unread (2 after the work on
its dev half).
The fifth set (``unseen5.tsv``, 2026-12-07 evening) is bounded by its baseline on the code as it
stood: held-out 7 of 21 unread and 1 wrong (7 and 0 after the fifth-set work), dev 5 of 20 unread
(4 after it).
The sixth set (``unseen6.tsv``, 2026-12-07, later evening) is bounded by its baseline on the code
as it stood: held-out 7 of 16 unread, dev 6 of 14 unread, none wrong; after the sixth-set work
(tuned on its dev half and on the fifth set's held-out half, no longer blind): held-out 6 of
16, dev 3 of 14; the fifth set 1 of 21 held-out and 2 of 20 dev; the third 2 of 19 and 2 of 21.
After that work the held-out halves of the first four sets, no longer blind (their unread items
were looked at in the assembled export), read: 1 of 38, 0 of 22, 3 of 19, 3 of 18.
The seventh set (``unseen7.tsv``, 2026-12-07, late evening) is bounded by its baseline on the code
as it stood (main bf016fd): held-out 5 of 15 unread, dev 5 of 15 unread, none wrong; after the
seventh-set work (``test_seventh_set_forms.py``, tuned on its dev half and the sixth set's):
held-out 5 of 15 (unchanged), dev 4 of 15; the sixth set's dev half 1 of 14.
The eighth set (``unseen8.tsv``, 2026-12-07, night; 18 rows of new towns, 22 new pages of towns
already in fixtures) is bounded by its baseline on the code as it stood (main d3518e7): held-out
10 of 21 unread, dev 4 of 19 unread, none wrong; after the eighth-set work
(``test_eighth_set_forms.py``, tuned on its dev half and the export's unread items): dev 2 of 19,
held-out 10 of 21 (unchanged, measured once at the end); the sixth set's held-out half, whose
unread items are among the export's (not blind), 2 of 16.
A change that reads one more wording wrongly, or leaves one more unread, fails here; one that
reads more lowers the bound.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.result_wordings import (
    TUNED,
    UNSEEN,
    UNSEEN2,
    UNSEEN3,
    UNSEEN4,
    UNSEEN5,
    UNSEEN6,
    UNSEEN7,
    UNSEEN8,
    figures,
    load,
    read,
)

BOUNDS = {
    (UNSEEN, "heldout"): (38, 1),
    (UNSEEN, "dev"): (35, 0),
    (UNSEEN2, "heldout"): (22, 0),
    (UNSEEN2, "dev"): (19, 0),
    (UNSEEN3, "heldout"): (19, 2),
    (UNSEEN3, "dev"): (21, 2),
    (UNSEEN4, "heldout"): (18, 3),
    (UNSEEN4, "dev"): (22, 1),
    (UNSEEN5, "heldout"): (21, 1),
    (UNSEEN5, "dev"): (20, 2),
    (UNSEEN6, "heldout"): (16, 2),
    (UNSEEN6, "dev"): (14, 1),
    (UNSEEN7, "heldout"): (15, 5),
    (UNSEEN7, "dev"): (15, 4),
    (UNSEEN8, "heldout"): (21, 10),
    (UNSEEN8, "dev"): (19, 2),
}
"""Items, and at most this many of them unrecognised."""

WRONG_AT_MOST: dict[tuple[Path, str], int] = {}
"""Read wrongly: none anywhere. The fifth set's held-out half had one at its baseline and after
the fifth-set work ("wird mit der Maßgabe zugestimmt, dass …" read adopted where the clerk reads
adopted with changes); it was looked at after the one measurement and fixed as a class (a
proviso changes what is adopted, as the table already read "mit Maßgabe beschlossen"), so that
half is no longer blind for that item. The fourth set's held-out half had one at its baseline
(a members' agreement to a procedure read as the item adopted), fixed the same way. Only ever
stays at none."""


@pytest.mark.parametrize(
    ("path", "dataset"), sorted(BOUNDS), ids=[f"{p.stem}-{d}" for p, d in sorted(BOUNDS)]
)
def test_unseen_wordings_stay_read(path: Path, dataset: str) -> None:
    items, unrecognised = BOUNDS[path, dataset]
    found = figures([read(item) for item in load(path, dataset)])
    assert found.items == items  # the frozen set is not edited to fit
    assert found.wrong <= WRONG_AT_MOST.get((path, dataset), 0)  # a result the clerk does not read
    assert found.unrecognised <= unrecognised


def test_the_tuned_wordings_stay_read() -> None:
    found = figures([read(item) for item in load(TUNED)])
    assert (found.items, found.unrecognised, found.wrong) == (66, 0, 0)


def test_the_unseen_towns_are_not_the_tuned_towns() -> None:
    def host(url: str) -> str:
        return url.split("/")[2].removeprefix("www.")

    earlier = (UNSEEN, UNSEEN2, UNSEEN3, UNSEEN4, UNSEEN5, UNSEEN6, UNSEEN7, TUNED)
    earlier_pages = {item.url for path in earlier for item in load(path)}
    eighth = load(UNSEEN8)
    assert not {item.url for item in eighth} & earlier_pages  # no page measured twice
    halves8 = {d: {i.town for i in load(UNSEEN8, d)} for d in ("dev", "heldout")}
    assert not halves8["dev"] & halves8["heldout"]
    earlier_hosts = {host(item.url) for path in earlier for item in load(path)}
    earlier_towns = {item.town for path in earlier for item in load(path)}
    new_towns = {
        item.town
        for item in eighth
        if item.town not in earlier_towns
        and ("/" in item.town or host(item.url) not in earlier_hosts)  # on a shared host, the path
    }
    assert len(new_towns) >= 18  # the rest are new pages of towns already measured

    seventh = {item.town for item in load(UNSEEN7)}
    up_to_sixth = {
        item.town
        for path in (UNSEEN, UNSEEN2, UNSEEN3, UNSEEN4, UNSEEN5, UNSEEN6)
        for item in load(path)
    }
    hosts_up_to_sixth = {
        host(item.url)
        for p in (UNSEEN, UNSEEN2, UNSEEN3, UNSEEN4, UNSEEN5, UNSEEN6, TUNED)
        for item in load(p)
    }
    assert len(seventh) >= 20 and not seventh & up_to_sixth and not seventh & hosts_up_to_sixth
    halves7 = {d: {i.town for i in load(UNSEEN7, d)} for d in ("dev", "heldout")}
    assert not halves7["dev"] & halves7["heldout"]
    sixth = {item.town for item in load(UNSEEN6)}
    up_to_fifth = {
        item.town for path in (UNSEEN, UNSEEN2, UNSEEN3, UNSEEN4, UNSEEN5) for item in load(path)
    }
    every_host = {
        host(item.url)
        for p in (UNSEEN, UNSEEN2, UNSEEN3, UNSEEN4, UNSEEN5, TUNED)
        for item in load(p)
    }
    assert len(sixth) >= 20 and not sixth & up_to_fifth and not sixth & every_host
    halves6 = {d: {i.town for i in load(UNSEEN6, d)} for d in ("dev", "heldout")}
    assert not halves6["dev"] & halves6["heldout"]
    fifth = {item.town for item in load(UNSEEN5)}
    before = {item.town for path in (UNSEEN, UNSEEN2, UNSEEN3, UNSEEN4) for item in load(path)}
    earliest = {host(item.url) for path in (UNSEEN, UNSEEN2, TUNED) for item in load(path)}
    assert len(fifth) >= 25 and not fifth & before and not fifth & earliest
    halves5 = {d: {i.town for i in load(UNSEEN5, d)} for d in ("dev", "heldout")}
    assert not halves5["dev"] & halves5["heldout"]
    fourth = {item.town for item in load(UNSEEN4)}
    older = {item.town for path in (UNSEEN, UNSEEN2, UNSEEN3) for item in load(path)}
    assert len(fourth) >= 30 and not fourth & older
    halves4 = {d: {i.town for i in load(UNSEEN4, d)} for d in ("dev", "heldout")}
    assert not halves4["dev"] & halves4["heldout"]
    third = {item.town for item in load(UNSEEN3)}
    earlier = {host(item.url) for path in (UNSEEN, UNSEEN2, TUNED) for item in load(path)}
    assert len(third) >= 29 and not third & earlier  # shared hosts: the town is the path
    halves3 = {d: {i.town for i in load(UNSEEN3, d)} for d in ("dev", "heldout")}
    assert not halves3["dev"] & halves3["heldout"]
    unseen = {host(item.url) for item in load(UNSEEN)}
    second = {host(item.url) for item in load(UNSEEN2)}
    tuned = {host(item.url) for item in load(TUNED)}
    assert len(unseen) >= 50 and len(second) >= 35
    assert not unseen & tuned and not second & tuned and not second & unseen
    for path in (UNSEEN, UNSEEN2):
        halves = {d: {host(i.url) for i in load(path, d)} for d in ("dev", "heldout")}
        assert not halves["dev"] & halves["heldout"]  # split by town, not by item
