"""How the search index is split into shards of whole years (generator/search_shards.py)."""

from __future__ import annotations

import pytest

from generator.search_shards import Shard, plan_shards


def years(shards: tuple[Shard, ...]) -> list[tuple[int, ...]]:
    return [shard.years for shard in shards]


def test_years_are_packed_newest_first_within_the_limit() -> None:
    shards = plan_shards({2019: 300, 2020: 400, 2021: 500, 2022: 600, 2023: 100}, 1000)
    assert years(shards) == [(2023, 2022), (2021, 2020), (2019,)]
    assert [shard.pages for shard in shards] == [700, 900, 300]
    assert all(shard.pages <= 1000 for shard in shards)


def test_a_year_above_the_limit_is_a_shard_of_its_own() -> None:
    shards = plan_shards({2020: 100, 2021: 5000, 2022: 100}, 1000)
    assert years(shards) == [(2022,), (2021,), (2020,)]


def test_the_newest_shard_is_the_primary_bundle() -> None:
    shards = plan_shards({2020: 3, 2021: 3, 2022: 3}, 3)
    assert [(s.number, s.folder, s.bundle) for s in shards] == [
        (1, "teil-1", "pagefind/"),
        (2, "teil-2", "pagefind/teil-2/"),
        (3, "teil-3", "pagefind/teil-3/"),
    ]


def test_the_plan_depends_only_on_the_counts() -> None:
    counts = {year: (year * 37) % 700 + 1 for year in range(1990, 2025)}
    shuffled = dict(sorted(counts.items(), key=lambda item: item[1]))
    assert plan_shards(counts, 2000) == plan_shards(shuffled, 2000)
    covered = [year for shard in plan_shards(counts, 2000) for year in shard.years]
    assert covered == sorted(counts, reverse=True)


def test_no_resolutions_no_shards_and_a_limit_below_one_is_refused() -> None:
    assert plan_shards({}, 2000) == ()
    with pytest.raises(ValueError):
        plan_shards({2020: 1}, 0)
