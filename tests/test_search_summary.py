"""The search summary: page digests and the vocabulary kept between builds, recounting
only the pages whose file changed."""

from __future__ import annotations

from pathlib import Path

from generator.publish.search_summary import SearchSummary, search_digest

FILES = {
    "a1": "Haushalt Satzung",
    "b1": "Satzung Schule",
    "b2": "Schule Radweg",
    "c1": "Markt",
}


class Reader:
    """The page files' words, recording which files were read."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files
        self.read: list[str] = []

    def __call__(self, name: str) -> str:
        self.read.append(name)
        if name not in self.files:
            raise OSError(name)
        return self.files[name]


def _kept(tmp_path: Path, pages: dict[str, str]) -> SearchSummary:
    summary = SearchSummary(tmp_path / "search.pickle", "salt")
    summary.vocabulary(pages, Reader(FILES))
    summary.save()
    return SearchSummary(tmp_path / "search.pickle", "salt")


def test_vocabulary_reads_only_changed_pages(tmp_path: Path) -> None:
    summary = _kept(tmp_path, {"a/": "a1", "b/": "b1"})
    reader = Reader(FILES)
    words = summary.vocabulary({"a/": "a1", "b/": "b2"}, reader)
    # "Satzung" stays (page a still has it), "Radweg" comes with b's new file.
    assert words == ["Haushalt", "Radweg", "Satzung", "Schule"]
    assert sorted(reader.read) == ["b1", "b2"]


def test_a_word_goes_with_its_last_page(tmp_path: Path) -> None:
    summary = _kept(tmp_path, {"a/": "a1", "b/": "b1", "c/": "c1"})
    assert summary.vocabulary({"a/": "a1", "b/": "b1"}, Reader(FILES)) == [
        "Haushalt",
        "Satzung",
        "Schule",
    ]


def test_a_lost_old_file_counts_every_page_again(tmp_path: Path) -> None:
    summary = _kept(tmp_path, {"a/": "a1", "b/": "b1"})
    files = {name: words for name, words in FILES.items() if name != "b1"}
    reader = Reader(files)
    assert summary.vocabulary({"a/": "a1", "b/": "b2"}, reader) == [
        "Haushalt",
        "Radweg",
        "Satzung",
        "Schule",
    ]
    assert "a1" in reader.read  # counted again from scratch


def test_counts_follow_several_builds(tmp_path: Path) -> None:
    path = tmp_path / "search.pickle"
    builds = [
        {"a/": "a1", "b/": "b1"},
        {"a/": "a1", "b/": "b2", "c/": "c1"},
        {"b/": "b1", "c/": "c1"},
        {"c/": "c1"},
    ]
    for pages in builds:
        summary = SearchSummary(path, "salt")
        words = summary.vocabulary(pages, Reader(FILES))
        summary.save()
        expected = sorted({word for name in pages.values() for word in FILES[name].split()})
        assert words == expected


def test_digests_are_kept_by_page_file_and_salt(tmp_path: Path) -> None:
    path = tmp_path / "search.pickle"
    summary = SearchSummary(path, "salt")
    made = search_digest("beschluss/1/", "Titel", "<h1>Titel</h1>")
    assert summary.digest("a1", lambda: made) == made
    summary.save()

    def fail() -> str:
        raise AssertionError("made again")

    assert SearchSummary(path, "salt").digest("a1", fail) == made
    assert SearchSummary(path, "other").digest("a1", lambda: "new") == "new"
    assert search_digest("beschluss/1/", "Titel", "<h1>Titel!</h1>") != made
