""" "Stand" comes from the content's history, never from the wall clock."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from generator.publish.freshness import content_date


def test_source_date_epoch_decides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1587081600")  # 2020-04-17T00:00:00Z
    assert content_date(tmp_path) == datetime.date(2020, 4, 17)


def test_outside_git_the_newest_file_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    stamp = datetime.datetime(2021, 2, 11, 12, tzinfo=datetime.UTC).timestamp()
    os.utime(tmp_path / "a.md", (stamp, stamp))
    assert content_date(tmp_path) == datetime.date(2021, 2, 11)
