"""The benchmark's synthetic archive is valid content of the promised shape, and seeded."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthesize import COMMITTEES, FIRST_YEAR, MAX_WORDS, MIN_WORDS, synthesize
from generator.archive.catalog import Catalog
from generator.reading.loading import load_archive

COUNT = 60


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    root = tmp_path_factory.mktemp("synthetic") / "content"
    synthesize(root, COUNT, seed=7)
    catalog, problems = load_archive(root)
    assert problems == []
    assert catalog is not None
    return root, catalog


def test_output_loads_without_any_problem(archive: tuple[Path, Catalog]) -> None:
    _, catalog = archive
    assert len(catalog.by_id) == COUNT


def test_same_seed_gives_byte_identical_files(
    archive: tuple[Path, Catalog], tmp_path: Path
) -> None:
    root, _ = archive
    again = tmp_path / "again"
    synthesize(again, COUNT, seed=7)
    assert _files(again) == _files(root)
    other = tmp_path / "other"
    synthesize(other, COUNT, seed=8)
    assert _files(other) != _files(root)


def test_fifteen_committees_and_twenty_years(archive: tuple[Path, Catalog]) -> None:
    _, catalog = archive
    assert len(catalog.committees) == len(COMMITTEES) == 15
    kinds = {committee.kind for committee in catalog.committees.values()}
    assert {kind.value for kind in kinds} == {"council", "committee", "district_council"}
    years = {resolution.date.year for resolution in catalog.by_id.values()}
    assert min(years) >= FIRST_YEAR
    assert max(years) <= FIRST_YEAR + 19
    # 60 resolutions are about 5 meetings, spread over the whole span.
    assert max(years) - min(years) >= 10


def test_text_and_discussion_have_realistic_length(archive: tuple[Path, Catalog]) -> None:
    _, catalog = archive
    for resolution in catalog.by_id.values():
        words = len(resolution.text.split()) + len(resolution.discussion.split())
        assert MIN_WORDS <= words <= MAX_WORDS, (resolution.id, words)
        points = [line for line in resolution.text.splitlines() if line[:1].isdigit()]
        assert [point.split(".")[0] for point in points][:2] == ["1", "2"], resolution.id


def test_meetings_have_five_to_twenty_items(archive: tuple[Path, Catalog]) -> None:
    _, catalog = archive
    sizes = [len(items) for items in catalog.by_meeting.values()]
    assert sum(sizes) == COUNT
    assert all(1 <= size <= 20 for size in sizes)
    assert sum(size >= 5 for size in sizes) >= len(sizes) - 1


def test_votes_topics_and_relations(archive: tuple[Path, Catalog], tmp_path: Path) -> None:
    _, catalog = archive
    resolutions = list(catalog.by_id.values())
    votes = [vote for resolution in resolutions for vote in resolution.votes]
    assert any(vote.unanimous for vote in votes)
    split = [vote for vote in votes if vote.factions]
    assert split
    for vote in split:
        assert vote.in_favour == sum(f.in_favour for f in vote.factions)
        assert vote.against == sum(f.against for f in vote.factions)
    assert all(resolution.topics for resolution in resolutions)
    assert all(resolution.reference for resolution in resolutions)
    # Relations point back in time; the catalog has resolved all of them (no problems).
    relations = [(r, rel) for r in resolutions for rel in r.relations]
    assert relations
    for resolution, relation in relations:
        assert catalog.by_id[relation.target].date <= resolution.date
    # A larger archive uses the whole topic list.
    big = tmp_path / "big"
    synthesize(big, 600, seed=7)
    big_catalog, problems = load_archive(big)
    assert problems == []
    assert big_catalog is not None
    assert len(big_catalog.by_topic) >= 38
