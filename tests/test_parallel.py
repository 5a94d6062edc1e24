"""Using both cores must not change a single byte of the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import parallel
from generator.loading import load_archive
from generator.pages.context import PageContext
from generator.pages.resolution import resolution_pages
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
