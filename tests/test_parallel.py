"""Using both cores must not change a single byte of the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pages.context import PageContext
from generator.pages.resolution import resolution_pages
from generator.reading.loading import load_archive
from generator.runtime import parallel
from tests.site_fixtures import build_site
from tests.test_build_pipeline import generated_archive


def test_parallel_and_serial_page_generation_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, problems = load_archive(generated_archive(tmp_path, 120))
    assert catalog is not None, problems
    context = PageContext(
        catalog=catalog, site_url="https://x.example/", content_prefix=tmp_path / "content"
    )
    serial = resolution_pages(context)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10)
    forked = resolution_pages(context)
    assert forked == serial


def test_task_keeps_order_and_uses_shared_state() -> None:
    task = parallel.Task(lambda offset, item: item + offset, 1000)
    items = list(range(2000))
    assert task.map(items, workers=2) == [i + 1000 for i in items]
    assert task.map(items, workers=1) == [i + 1000 for i in items]


def _site_of(base: Path, content: Path) -> dict[str, bytes]:
    site = build_site(base, content, search=False)
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file()
    }


def test_reuse_outputs_beside_the_pages_give_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = generated_archive(tmp_path, 60)
    forked = _site_of(tmp_path / "forked", content)
    # Without fork, Background runs in the caller: the serial reference.
    monkeypatch.setattr(parallel.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    serial = _site_of(tmp_path / "serial", content)
    assert forked == serial
    # The bulk files (OParl objects, per-resolution JSON) reached the site, nothing stayed
    # in the hidden folder they were written to.
    assert any(path.startswith("oparl/") and path.count("/") > 2 for path in forked)
    assert not any(part.startswith(".") for path in forked for part in path.split("/"))


def _fail(message: str) -> int:
    raise ValueError(message)


def test_background_returns_the_result_and_hands_over_errors() -> None:
    assert parallel.Background(lambda n: n * 2, 21).result() == 42
    with pytest.raises(ValueError, match="kaputt"):
        parallel.Background(_fail, "kaputt").result()


def test_a_background_process_takes_a_core_from_tasks_until_it_ends() -> None:
    cores = parallel.free_cores()
    background = parallel.Background(lambda n: n, 1)
    try:
        assert parallel.free_cores() == max(1, cores - 1)
    finally:
        background.cancel()
    assert parallel.free_cores() == cores


def test_a_background_process_that_holds_no_core_leaves_tasks_every_core() -> None:
    cores = parallel.free_cores()
    background = parallel.Background(lambda n: n, 1, holds_core=False)
    try:
        assert parallel.free_cores() == cores
        assert background.result() == 1
    finally:
        background.cancel()
    assert parallel.free_cores() == cores


def test_a_task_beside_a_background_process_keeps_order() -> None:
    # Whenever the background process ends, the task shares the rest with a worker:
    # the results must come back complete and in order either way.
    background = parallel.Background(lambda n: sum(range(n)), 200_000)
    try:
        task = parallel.Task(lambda offset, item: (item, offset), "x")
        items = list(range(3000))
        assert task.map(items) == [(i, "x") for i in items]
    finally:
        background.cancel()
    assert not parallel._BACKGROUND
