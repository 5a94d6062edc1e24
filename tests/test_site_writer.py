"""The docs folder the build keeps: only changed files are rewritten, stale ones go."""

from __future__ import annotations

from pathlib import Path

from generator.publish.site_writer import write_docs
from generator.rendering.generated import GeneratedFile


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def test_write_docs_makes_the_folder_hold_exactly_the_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = write_docs(
        docs,
        [
            GeneratedFile.text("index.md", "# Start\n"),
            GeneratedFile.text("a/b/alt.md", "alt\n"),
            GeneratedFile.text("a/bleibt.md", "bleibt\n"),
            GeneratedFile.text("c/gleich.md", "gleich\n"),
        ],
    )
    assert sorted(first.written) == ["a/b/alt.md", "a/bleibt.md", "c/gleich.md", "index.md"]
    unchanged = docs / "c" / "gleich.md"
    before = unchanged.stat().st_ino, unchanged.stat().st_mtime_ns
    (docs / "beside.md").write_text("von einem anderen Prozess\n", encoding="utf-8")
    second = write_docs(
        docs,
        [
            GeneratedFile.text("index.md", "# Start, neu\n"),
            GeneratedFile.text("a/bleibt.md", "bleibt\n"),
            GeneratedFile.text("c/gleich.md", "gleich\n"),
        ],
        written=[("beside.md", True)],
    )
    assert second.written == ("index.md", "beside.md")
    assert second.deleted == ("a/b/alt.md",)
    assert second.unchanged == 2
    assert _tree(docs) == {
        "index.md": b"# Start, neu\n",
        "a/bleibt.md": b"bleibt\n",
        "c/gleich.md": b"gleich\n",
        "beside.md": b"von einem anderen Prozess\n",
    }
    assert not (docs / "a" / "b").exists()  # emptied, so gone
    assert (unchanged.stat().st_ino, unchanged.stat().st_mtime_ns) == before
    assert not list(docs.rglob(".*.tmp"))
