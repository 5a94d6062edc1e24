"""The import benchmark's synthetic OParl crawl: N agenda items, readable, seeded, and as odd
as the real crawl it is grown from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks.oparl_crawl import ID_OFFSET, read_real_crawl, synthesize_crawl, unpack_real_crawl
from generator.importers.oparl_source import OParlData, read_folder, type_name


@pytest.fixture(scope="module")
def real_crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's real crawl, unpacked once for this module."""
    return unpack_real_crawl(tmp_path_factory.mktemp("real"))


EXTRA = 700
"""Agenda items beyond one whole copy of the town: the second copy is partial."""


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def real_items(real_crawl: Path) -> int:
    return read_real_crawl(real_crawl).agenda_items


@pytest.fixture(scope="module")
def crawl(
    tmp_path_factory: pytest.TempPathFactory, real_crawl: Path, real_items: int
) -> tuple[Path, OParlData]:
    root = tmp_path_factory.mktemp("crawl")
    synthesize_crawl(root, real_items + EXTRA, seed=7, real=real_crawl)
    return root, read_folder(root)


def _copied(data: OParlData, name: str) -> list[dict[str, object]]:
    """Objects of the second copy: their ids carry the offset."""
    return [
        obj
        for obj in data.of_type(name)
        if int(re.findall(r"\d+", str(obj["id"]))[-1]) >= ID_OFFSET
    ]


def test_exactly_n_agenda_items_read_without_failures(
    crawl: tuple[Path, OParlData], real_items: int
) -> None:
    _, data = crawl
    assert data.failures == []
    assert len(data.of_type("AgendaItem")) == real_items + EXTRA
    assert len(_copied(data, "AgendaItem")) == EXTRA


def test_ids_are_unique_across_all_files(crawl: tuple[Path, OParlData]) -> None:
    root, _ = crawl
    listed: list[str] = []
    for name in ("meeting", "paper", "organization"):
        for page in root.glob(f"body/1/{name}*.json"):
            listed.extend(obj["id"] for obj in json.loads(page.read_text())["data"])
            agenda = [
                item["id"]
                for obj in json.loads(page.read_text())["data"]
                for item in obj.get("agendaItem", [])
            ]
            listed.extend(agenda)
    assert len(listed) == len(set(listed))


def test_pages_look_like_the_real_crawl(crawl: tuple[Path, OParlData], real_crawl: Path) -> None:
    root, _ = crawl
    pages = sorted(root.glob("body/1/meeting*.json"))
    assert (root / "body/1/meeting.json") in pages
    assert (root / "body/1/meeting?page=2.json") in pages
    first = json.loads((root / "body/1/meeting.json").read_text())
    assert first["pagination"]["elementsPerPage"] == 25
    assert first["pagination"]["totalPages"] == len(pages)
    assert len(first["data"]) == 25
    assert first["links"]["next"].endswith("/body/1/meeting?page=2")
    for name in ("system.json", "body.json", "body/1/person.json"):
        assert (root / name).read_bytes() == (real_crawl / name).read_bytes()


def test_copies_keep_the_real_oddities(crawl: tuple[Path, OParlData]) -> None:
    _, data = crawl
    items = _copied(data, "AgendaItem")
    assert any("\n" in str(item["name"]) for item in items)
    results = [str(item["result"]) for item in items if "result" in item]
    assert any(re.search(r"\d+ Ja-Stimmen", result) for result in results)
    assert any(result.lower().startswith("einstimmig") for result in results)
    files = [item["resolutionFile"] for item in items if "resolutionFile" in item]
    assert files
    for file in files:
        assert isinstance(file, dict)
        assert file["mimeType"] == "application/pdf"
        assert str(file["accessUrl"]).startswith("https://")
        assert int(re.findall(r"\d+", str(file["id"]))[-1]) >= ID_OFFSET
    # Section headers (no consultation, result or file) stay among the agenda items.
    assert any(set(item) <= {"id", "type", "number", "name"} for item in items)


def test_copied_consultations_sit_in_copied_papers_and_point_at_copied_items(
    crawl: tuple[Path, OParlData],
) -> None:
    _, data = crawl
    copied_items = {str(item["id"]) for item in _copied(data, "AgendaItem")}
    consultations = _copied(data, "Consultation")
    assert consultations
    for consultation in consultations:
        paper = data.by_id[str(consultation["paper"])]  # set by read_folder: it was embedded
        assert type_name(paper) == "Paper"
    linked = [c for c in consultations if c.get("agendaItem") in copied_items]
    assert linked
    for consultation in linked:
        item = data.by_id[str(consultation["agendaItem"])]
        assert item.get("consultation") in (None, consultation["id"])


def test_copies_are_shifted_in_time_and_named_like_the_original(
    crawl: tuple[Path, OParlData],
) -> None:
    _, data = crawl
    original = {str(m["id"]): m for m in data.of_type("Meeting")}
    copies = _copied(data, "Meeting")
    assert copies
    for meeting in copies:
        source = original[re.sub(r"/meeting/(\d+)$", _original_id, str(meeting["id"]))]
        assert meeting["name"] == source["name"]
        assert str(meeting["start"])[10:] == str(source["start"])[10:]  # same time of day
        assert str(meeting["start"])[:10] > str(source["start"])[:10]


def _original_id(match: re.Match[str]) -> str:
    return f"/meeting/{int(match.group(1)) - ID_OFFSET}"


def test_same_seed_gives_byte_identical_files(
    tmp_path: Path, real_crawl: Path, real_items: int
) -> None:
    count = real_items + 100
    synthesize_crawl(tmp_path / "a", count, seed=3, real=real_crawl)
    synthesize_crawl(tmp_path / "b", count, seed=3, real=real_crawl)
    synthesize_crawl(tmp_path / "c", count, seed=4)  # the packed crawl, unpacked by itself
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
