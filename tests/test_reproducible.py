"""The same commit gives the same site: two builds compared byte for byte."""

from __future__ import annotations

import datetime
import gzip
import os
import shutil
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from generator.cli import main
from generator.search.index import make_reproducible
from generator.search.pagefind_bundle import canonical_changes
from tests.conftest import DEMO_CONTENT, REPOSITORY
from tests.site_fixtures import small_archive


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def cli_build(content: Path, base: Path) -> Path:
    site = base / "site"
    code = main(
        [
            "build",
            "--content",
            str(content),
            "--config",
            str(REPOSITORY / "mkdocs.yml"),
            "--build-dir",
            str(base / ".build"),
            "--output",
            str(site),
        ]
    )
    assert code == 0
    return site


def test_two_builds_of_the_demo_archive_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = snapshot(cli_build(DEMO_CONTENT, tmp_path / "a"))
    second = snapshot(cli_build(DEMO_CONTENT, tmp_path / "b"))
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []
    # The comparison covers the search bundle (filters included) and the sitemap.
    assert any(name.startswith("pagefind/filter/") for name in first)
    assert "pagefind/pagefind-entry.json" in first
    assert "sitemap.xml.gz" in first


def test_the_search_bundle_is_already_canonical_after_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    bundle = cli_build(small_archive(tmp_path), tmp_path) / "pagefind"
    before = snapshot(bundle)
    changes = canonical_changes(bundle)
    # Every filter file the metadata names exists, and nothing else is in filter/.
    filters = {p.name for p in (bundle / "filter").iterdir()}
    assert filters == {p.name for p, _ in changes.write if p.parent.name == "filter"}
    assert make_reproducible(bundle)
    assert snapshot(bundle) == before


def test_an_unknown_bundle_layout_is_left_as_pagefind_wrote_it(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    (bundle / "pagefind-entry.json").write_text(
        '{"version":"2.0.0","languages":{}}', encoding="utf-8"
    )
    assert not make_reproducible(bundle)
    assert [p.name for p in bundle.iterdir()] == ["pagefind-entry.json"]


def test_without_source_date_epoch_the_stand_is_dated_by_the_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    content = tmp_path / "copy" / "content"  # outside git: the newest file's date counts
    shutil.copytree(small_archive(tmp_path), content)
    stamp = datetime.datetime(2021, 2, 11, 15, 30, tzinfo=datetime.UTC).timestamp()
    for path in content.rglob("*"):
        os.utime(path, (stamp, stamp))
    site = cli_build(content, tmp_path / "out")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'Stand: <time datetime="2021-02-11">11.02.2021</time>' in home
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    # No date in the sitemap: one for every address would say nothing about any page.
    assert "<lastmod>" not in sitemap and "beschluss/" in sitemap
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    midnight = datetime.datetime(2021, 2, 11, tzinfo=datetime.UTC).timestamp()
    # No build time in the gzip header: none at all, or the content's date.
    assert int.from_bytes(header[4:8], "little") in (0, int(midnight))
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the build does not leak it


def test_two_builds_in_several_search_shards_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    def sharded(base: Path) -> dict[str, bytes]:
        options = BuildOptions(
            content_root=DEMO_CONTENT,
            base_config=REPOSITORY / "mkdocs.yml",
            build_dir=base / ".build",
            site_dir=base / "site",
            search_shard_pages=20,
        )
        build(options)
        return snapshot(options.site_dir)

    first, second = sharded(tmp_path / "a"), sharded(tmp_path / "b")
    assert sorted(first) == sorted(second)
    assert sorted(name for name in first if first[name] != second[name]) == []
    entries = sorted(name for name in first if name.endswith("pagefind-entry.json"))
    assert entries == [
        "pagefind/pagefind-entry.json",
        "pagefind/teil-2/pagefind-entry.json",
        "pagefind/teil-3/pagefind-entry.json",
    ]
    assert any(name.startswith("pagefind/teil-3/filter/") for name in first)
