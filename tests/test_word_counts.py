"""The archive's words kept per resolution (``search.word_counts``): after any edit, the
sums are what counting every resolution gives, and only edited resolutions are counted."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.archive.model import Resolution
from generator.reading.loading import load_archive
from generator.search.hints import word_uses
from generator.search.markup import archive_splitter
from generator.search.word_counts import WordCounts
from tests.conftest import ContentTree, resolution_text


def _resolutions(content_tree: ContentTree) -> list[Resolution]:
    files = {
        f"resolutions/hauptausschuss/2020/2020-04-1{n}-test.md": resolution_text(
            id=f"ha-2020-00{n}",
            date=f"2020-04-1{n}",
            title=f"Beschluss {n} zur Lichtsignalanlage",
            body=f"Die Verwaltung wird beauftragt, Punkt {n} zu prüfen. Öl und İz.\n",
        )
        for n in range(1, 4)
    }
    catalog, problems = load_archive(content_tree(files))
    assert problems == [] and catalog is not None
    return list(catalog.resolutions)


def _same_as_counting_all(counts: WordCounts, resolutions: list[Resolution]) -> None:
    words = counts.count(resolutions, {})
    assert words.uses == word_uses(resolutions)
    assert words.splitter.lexicon == archive_splitter(resolutions).lexicon


def test_kept_counts_follow_edits_additions_and_removals(
    content_tree: ContentTree, tmp_path: Path
) -> None:
    first = _resolutions(content_tree)
    path = tmp_path / "words.pickle"
    counts = WordCounts(path, "salz")
    _same_as_counting_all(counts, first)
    assert counts.recounted == 3
    counts.save()

    edited = dataclasses.replace(first[1], text="Die Ampel am Markt wird erneuert.")
    extra = dataclasses.replace(first[0], id="ha-2020-009", title="Neuer Beschluss")
    later = [first[0], edited, extra]  # the third resolution is gone
    kept = WordCounts(path, "salz")
    _same_as_counting_all(kept, later)
    assert kept.recounted == 2
    assert kept.uses["ampel"] == 1 and "lichtsignalanlage" in kept.uses
    kept.save()

    again = WordCounts(path, "salz")
    _same_as_counting_all(again, later)
    assert again.recounted == 0
    assert WordCounts(path, "anderes-programm").counted == {}
