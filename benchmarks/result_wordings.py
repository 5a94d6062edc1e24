"""How many real result wordings the importer reads, measured on wordings it was not tuned on.

    python -m benchmarks.result_wordings            # dev half + the older tuned set
    python -m benchmarks.result_wordings --held-out # also the held-out half (measure rarely)

Each row of ``tests/fixtures/result_wordings/unseen.tsv`` (and of ``wordings.tsv``) is one
agenda item as a real town published it: the result wording, the vote line beside it and
what a careful clerk reads in them. The wording goes through ``read_outcome`` as the
importers hand it over (wording, newline, vote line); where the tenth set's export carries the
page's resolution text for the item (an election under "einstimmig", a recommendation the field
does not name, a motion rejected under "beschlossen"), it is read over that text as the OParl
import reads it. An item is

- **read** when the importer gives the clerk's result (``ambiguous`` → ``not_recorded``);
- **unrecognised** when the importer leaves ``not_recorded`` although the clerk reads a result;
- **wrong** when the importer gives a result the clerk does not read (a guess: the worst).

The figures are given by item and by distinct wording (the wording as written, case and
spaces aside; an empty wording counts by its vote line). A distinct wording is unrecognised
(or wrong) when any of its items is.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.archive.model import ResolutionKind, Result
from generator.importers.outcome import read_outcome
from generator.importers.result_wording import recommendation_in
from generator.importers.text_against_field import result_with_text

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "result_wordings"
UNSEEN = FIXTURES / "unseen.tsv"
UNSEEN2 = FIXTURES / "unseen2.tsv"
"""The second, larger-town set (2026-12-07), frozen before the importer was run on it."""
UNSEEN3 = FIXTURES / "unseen3.tsv"
"""The third set (later on 2026-12-07), 29 more towns, frozen before the importer ran on it."""
UNSEEN4 = FIXTURES / "unseen4.tsv"
"""The fourth set (2026-12-07 afternoon), 32 more towns, frozen before the importer ran on it."""
UNSEEN5 = FIXTURES / "unseen5.tsv"
"""The fifth set (2026-12-07, later), 38 more towns, frozen before the importer ran on it."""
UNSEEN6 = FIXTURES / "unseen6.tsv"
"""The sixth set (2026-12-07, evening), 22 more towns, frozen before the importer ran on it."""
UNSEEN7 = FIXTURES / "unseen7.tsv"
"""The seventh set (2026-12-07, late evening), 27 more towns, frozen before the importer ran."""
UNSEEN8 = FIXTURES / "unseen8.tsv"
"""The eighth set (2026-12-07, night): 18 rows of new towns, 22 new pages of known towns."""
TOWNS9 = FIXTURES / "towns9.tsv"
"""The ninth set (2026-12-08): every item of the pages generic queries found, not curated for
diversity; items whose page states no result are read ``empty`` and counted apart."""
TOWNS10 = FIXTURES / "towns10.tsv"
"""The tenth set (2026-12-08): the larger sample of items as towns publish them (178 items, 116
stating a result, 84 towns), frozen before the importer ran on it."""
TUNED = FIXTURES / "wordings.tsv"
TOWNS10_EXPORT = FIXTURES.parent / "real" / "towns10.oparl.json"


@dataclass(frozen=True, slots=True)
class Item:
    dataset: str
    url: str
    wording: str
    vote: str
    result: str
    kind: str
    body: str
    town: str = ""
    """The town column of the sets that have one (a host, or host/path on shared hosts)."""


@dataclass(frozen=True, slots=True)
class Reading:
    item: Item
    result: str
    kind: str
    body: str

    @property
    def expected(self) -> str:
        if self.item.result in ("ambiguous", "empty"):
            return Result.NOT_RECORDED.value
        return self.item.result

    @property
    def unrecognised(self) -> bool:
        return self.result == Result.NOT_RECORDED.value and self.expected != self.result

    @property
    def wrong(self) -> bool:
        return self.result != Result.NOT_RECORDED.value and self.result != self.expected


@dataclass(frozen=True, slots=True)
class Figures:
    items: int
    unrecognised: int
    wrong: int
    distinct: int
    distinct_unrecognised: int
    distinct_wrong: int
    kind_differs: int
    empty: int = 0
    """Items whose page states no result wording or vote (towns9.tsv), counted apart."""
    stating: int = 0
    """Items whose page states a result the clerk reads (neither ambiguous nor empty)."""

    @property
    def rate(self) -> float:
        return self.unrecognised / self.items if self.items else 0.0

    @property
    def stating_rate(self) -> float:
        return self.unrecognised / self.stating if self.stating else 0.0

    @property
    def distinct_rate(self) -> float:
        return self.distinct_unrecognised / self.distinct if self.distinct else 0.0


def load(path: Path, dataset: str | None = None) -> list[Item]:
    """The rows of a wordings file, only those of ``dataset`` where one is given."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        town = ""
        if len(fields) == 8:  # unseen.tsv … unseen8.tsv: with the town
            dataset_of, town, url, wording, vote, result, kind, body = fields
        else:
            dataset_of, url, wording, vote, result, kind, body = fields
        if dataset is None or dataset_of == dataset:
            items.append(Item(dataset_of, url, wording, vote, result, kind, body, town))
    return items


def read(item: Item) -> Reading:
    field = f"{item.wording}\n{item.vote}" if item.vote else item.wording
    outcome = read_outcome(field)
    result, kind = outcome.result, outcome.kind
    named = outcome.recommended_to or outcome.referred_to or ""
    text = _page_texts().get(item.url, "")
    if text:  # as the OParl import reads a result field over the page's resolution text
        result, _ = result_with_text(result, field, text)
        opening = recommendation_in(text) if kind is ResolutionKind.ORDINARY else None
        if opening is not None:
            kind, named = opening.kind, opening.body or ""
    return Reading(item, result.value, kind.value, named)


@cache
def _page_texts() -> dict[str, str]:
    """Page address → the resolution text the tenth set's export carries for it (the towns'
    own words where the kind or result depends on them; ``assemble_towns10.py``)."""
    data = json.loads(TOWNS10_EXPORT.read_text(encoding="utf-8"))["data"]
    return {
        str(item["web"]): str(item["resolutionText"])
        for meeting in data
        for item in meeting.get("agendaItem", ())
        if item.get("resolutionText")
    }


def distinct_key(item: Item) -> str:
    return " ".join((item.wording or item.vote).lower().split())


def figures(readings: list[Reading]) -> Figures:
    by_wording: dict[str, list[Reading]] = {}
    for reading in readings:
        by_wording.setdefault(distinct_key(reading.item), []).append(reading)
    return Figures(
        items=len(readings),
        unrecognised=sum(r.unrecognised for r in readings),
        wrong=sum(r.wrong for r in readings),
        distinct=len(by_wording),
        distinct_unrecognised=sum(any(r.unrecognised for r in rs) for rs in by_wording.values()),
        distinct_wrong=sum(any(r.wrong for r in rs) for rs in by_wording.values()),
        kind_differs=sum(r.kind != r.item.kind for r in readings),
        empty=sum(r.item.result == "empty" for r in readings),
        stating=sum(r.item.result not in ("ambiguous", "empty") for r in readings),
    )


def report(title: str, readings: list[Reading], *, listed: bool = True) -> str:
    """The figures; with ``listed``, every item not read and what the importer made of it."""
    found = figures(readings)
    lines = [
        f"{title}: {found.items} items, {found.distinct} distinct wordings",
        f"  unrecognised: {found.unrecognised} items ({found.rate:.1%}),"
        f" {found.distinct_unrecognised} distinct ({found.distinct_rate:.1%})",
        f"  wrong (a result the clerk does not read): {found.wrong} items,"
        f" {found.distinct_wrong} distinct",
        f"  kind differs from the clerk's: {found.kind_differs} items",
        f"  stating a result: {found.stating} items, unread among them {found.stating_rate:.1%};"
        f" no result on the page: {found.empty} items",
    ]
    for reading in readings if listed else ():
        if reading.unrecognised or reading.wrong:
            mark = "UNRECOGNISED" if reading.unrecognised else "WRONG"
            lines.append(
                f"    {mark}: {reading.item.wording!r} / {reading.item.vote!r}"
                f" → {reading.result} (clerk: {reading.item.result})  {reading.item.url}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="also measure the held-out half (it stays a fair test only if measured rarely)",
    )
    args = parser.parse_args(argv)
    print(report("dev (unseen towns, tuned on)", [read(i) for i in load(UNSEEN, "dev")]))
    print(report("unseen2 dev (second set, tuned on)", [read(i) for i in load(UNSEEN2, "dev")]))
    print(report("unseen3 dev (third set, tuned on)", [read(i) for i in load(UNSEEN3, "dev")]))
    print(report("unseen4 dev (fourth set, tuned on)", [read(i) for i in load(UNSEEN4, "dev")]))
    print(report("unseen5 dev (fifth set, tuned on)", [read(i) for i in load(UNSEEN5, "dev")]))
    print(report("unseen6 dev (sixth set, tuned on)", [read(i) for i in load(UNSEEN6, "dev")]))
    print(report("unseen7 dev (seventh set, tuned on)", [read(i) for i in load(UNSEEN7, "dev")]))
    print(report("unseen8 dev (eighth set, tuned on)", [read(i) for i in load(UNSEEN8, "dev")]))
    print(report("towns9 dev (towns as they publish)", [read(i) for i in load(TOWNS9, "dev")]))
    print(report("towns10 dev (towns as they publish)", [read(i) for i in load(TOWNS10, "dev")]))
    print(report("wordings.tsv (older set, tuned on)", [read(i) for i in load(TUNED)]))
    if args.held_out:
        # figures only: a list of what failed would invite tuning on the held-out halves
        held_out = [read(item) for item in load(UNSEEN, "heldout")]
        print(report("HELD-OUT (unseen towns, never tuned on)", held_out, listed=False))
        held_out2 = [read(item) for item in load(UNSEEN2, "heldout")]
        print(report("HELD-OUT unseen2 (second set, never tuned on)", held_out2, listed=False))
        held_out3 = [read(item) for item in load(UNSEEN3, "heldout")]
        print(report("HELD-OUT unseen3 (third set, never tuned on)", held_out3, listed=False))
        held_out4 = [read(item) for item in load(UNSEEN4, "heldout")]
        print(report("HELD-OUT unseen4 (fourth set, never tuned on)", held_out4, listed=False))
        held_out5 = [read(item) for item in load(UNSEEN5, "heldout")]
        print(report("HELD-OUT unseen5 (fifth set, never tuned on)", held_out5, listed=False))
        held_out6 = [read(item) for item in load(UNSEEN6, "heldout")]
        print(report("HELD-OUT unseen6 (sixth set, never tuned on)", held_out6, listed=False))
        held_out7 = [read(item) for item in load(UNSEEN7, "heldout")]
        print(report("HELD-OUT unseen7 (seventh set, never tuned on)", held_out7, listed=False))
        held_out8 = [read(item) for item in load(UNSEEN8, "heldout")]
        print(report("HELD-OUT unseen8 (eighth set, never tuned on)", held_out8, listed=False))
        held_out9 = [read(item) for item in load(TOWNS9, "heldout")]
        print(report("HELD-OUT towns9 (towns as they publish)", held_out9, listed=False))
        held_out10 = [read(item) for item in load(TOWNS10, "heldout")]
        print(report("HELD-OUT towns10 (towns as they publish)", held_out10, listed=False))


if __name__ == "__main__":
    main()
