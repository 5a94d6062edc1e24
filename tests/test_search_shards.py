"""How the search index is split into shards of whole years (generator/search/shards.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.search import index as search_index
from generator.search.index import ShardedPagefind
from generator.search.shards import Shard, plan_shards


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


_FAKE_PAGEFIND = """
import os, sys, time
from pathlib import Path
running, bundle, total = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
wait_for_partner = sys.argv[4] == "partner"
me = running / bundle.name
me.touch()
seen = len(list(running.iterdir()))
if wait_for_partner:
    # Wait for a condition, not for a time: a second run to start beside this one, or
    # every other run to be done. A fixed pause lets a busy machine start the partner
    # only after this run has ended, and the test would fail without a defect.
    give_up = time.monotonic() + 120  # only if the runner never starts a partner
    while seen < 2 and time.monotonic() < give_up:
        done = len(list(bundle.parent.glob("*/pagefind-entry.json")))
        if done + 1 >= total:
            break
        time.sleep(0.01)
        seen = max(seen, len(list(running.iterdir())))
else:
    time.sleep(0.3)  # room for a wrongly started second run to show
with open(running.parent / "concurrency.log", "a") as log:
    log.write(f"{seen}\\n")
bundle.mkdir(parents=True, exist_ok=True)
(bundle / "pagefind-entry.json").write_text("{}")
me.unlink()
"""


def _fake_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int, *, partner: bool = False
) -> list[Path]:
    """Stand-in Pagefind runs that record how many run at the same time; with ``partner``
    each waits until a second run starts beside it (or no other run is left)."""
    running = tmp_path / "running"
    running.mkdir()
    script = tmp_path / "fake_pagefind.py"
    script.write_text(_FAKE_PAGEFIND)
    mode = "partner" if partner else "alone"

    def command(site_dir: Path, output_dir: Path | None = None) -> list[str]:
        return [sys.executable, str(script), str(running), str(output_dir), str(count), mode]

    monkeypatch.setattr(search_index, "pagefind_command", command)
    return [tmp_path / "bundles" / f"teil-{n}" for n in range(1, count + 1)]


def _concurrency(tmp_path: Path) -> list[int]:
    return [int(line) for line in (tmp_path / "concurrency.log").read_text().split()]


def test_shards_run_one_at_a_time_until_the_build_frees_a_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundles = _fake_runs(tmp_path, monkeypatch, 3)
    search = ShardedPagefind([(tmp_path, bundle) for bundle in bundles])
    search.finish()
    assert _concurrency(tmp_path) == [1, 1, 1]  # memory: one shard's pages at a time
    assert all((bundle / "pagefind-entry.json").is_file() for bundle in bundles)


def test_with_the_second_core_two_shards_run_at_once_never_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundles = _fake_runs(tmp_path, monkeypatch, 5, partner=True)
    search = ShardedPagefind([(tmp_path, bundle) for bundle in bundles])
    search.use_second_core()
    search.use_second_core()  # asking again starts no third run
    search.finish()
    assert max(_concurrency(tmp_path)) == 2
    assert len(_concurrency(tmp_path)) == 5
    assert all((bundle / "pagefind-entry.json").is_file() for bundle in bundles)
