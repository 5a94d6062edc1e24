"""Reading the archive on several cores gives exactly what reading it on one gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading import loading
from tests.conftest import DEMO_CONTENT, ContentTree, resolution_text


def test_parallel_and_serial_reading_agree(
    content_tree: ContentTree, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files: dict[str, str | bytes] = {
        f"resolutions/hauptausschuss/2020/2020-04-17-{n:03d}.md": resolution_text(
            id=f"ha-2020-{n:03d}", extra=("public: maybe\n" if n % 7 == 0 else "")
        )
        for n in range(1, 450)
    }
    root = content_tree(files)
    monkeypatch.setattr(loading, "_CHUNK", 37)
    serial = loading.read_resolutions(root, Path("content"), workers=1)
    parallel = loading.read_resolutions(root, Path("content"), workers=2)
    assert [r.id for r in parallel[0]] == [r.id for r in serial[0]]
    assert parallel == serial
    assert len(serial[1]) == 64  # every seventh file is broken, and each is reported


def test_demo_archive_loads_into_catalog() -> None:
    catalog, problems = loading.load_archive(DEMO_CONTENT)
    # Only the warnings that the demo's sample values must be replaced (see demo_values).
    assert {problem.severity.value for problem in problems} == {"warning"}
    assert {str(problem.location.path) for problem in problems} == {
        "content/archive.yml",
        "content/legal/impressum.md",
        "content/legal/datenschutz.md",
        "content/legal/barrierefreiheit.md",
    }
    assert catalog is not None
    assert len(catalog.by_id) >= 40
    assert len({r.committee for r in catalog.resolutions}) >= 5
    assert len(catalog.by_year) >= 3


def test_a_resolution_saved_outside_resolutions_is_named_with_where_it_belongs(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    root = content_tree(
        {
            "2020-04-17-testbeschluss.md": resolution_text(),
            "entwuerfe/ha.md": resolution_text(id="ha-2020-002", date="'2020-05-02'"),
            "resolutions/hauptausschuss/2020/2020-04-17-da.md": resolution_text(id="ha-2020-003"),
            "notizen.md": "# Notizen\n\nKein Beschluss.\n",
        }
    )
    catalog, problems = loading.load_archive(root)
    assert catalog is not None and list(catalog.by_id) == ["ha-2020-003"]
    assert [problem.format() for problem in problems] == [
        "content/2020-04-17-testbeschluss.md:1:1: warning: diese Datei sieht aus wie ein "
        "Beschluss, liegt aber nicht unter resolutions/ und wird darum nicht veröffentlicht; "
        "verschieben nach resolutions/hauptausschuss/2020/2020-04-17-testbeschluss.md",
        "content/entwuerfe/ha.md:1:1: warning: diese Datei sieht aus wie ein Beschluss, liegt "
        "aber nicht unter resolutions/ und wird darum nicht veröffentlicht; verschieben nach "
        "resolutions/hauptausschuss/2020/ha.md",
    ]


def test_the_demo_archive_has_no_stray_resolution() -> None:
    assert loading.stray_resolution_files(DEMO_CONTENT, Path("content")) == []


def test_resolution_files_come_in_the_order_paths_sort_in(tmp_path: Path) -> None:
    """Files are listed as ``Path`` objects sort (the build's order), also where a folder
    name sorts apart from the same text as a string: "-" and "." before "/"."""
    names = [
        "a/2020/x.md",
        "a-b/2020/x.md",
        "a.b/2020/x.md",
        "a/2020-1/x.md",
        "a/2020/x-y.md",
        "a/2020/x/y.md",
        "Ä/2020/z.md",
        "B/2020/z.md",
        "a/2020/.hidden.md",
        "a/.drafts/x.md",
        "a/2020/notes.txt",
    ]
    for name in names:
        path = tmp_path / "resolutions" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n---\n", encoding="utf-8")
    found = loading.resolution_files(tmp_path)
    expected = sorted(
        tmp_path / "resolutions" / name
        for name in names
        if name.endswith(".md") and "/." not in f"/{name}"
    )
    assert found == expected
    assert len(found) == 8
