"""``ratsarchiv init``: from the demo to a valid, empty archive of one's own town."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, main
from generator.reading.loading import load_archive
from tests.conftest import DEMO_CONTENT, ContentTree, resolution_text

TOWN = [
    "--municipality",
    "Gemeinde Am See",
    "--ags",
    "05999123",
    "--site-url",
    "https://ratsarchiv.am-see.de/",
    "--contact-name",
    "Büro des Rates",
    "--address",
    "Markt 1, 12345 Am See",
    "--email",
    "rat@am-see.de",
]


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    return content


def test_init_empties_the_demo_and_leaves_a_valid_archive(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--content", str(demo_copy), *TOWN]) == EXIT_OK
    assert not list((demo_copy / "resolutions").rglob("*.md"))
    catalog, _ = load_archive(demo_copy)
    assert catalog is not None and not catalog.by_id
    settings = catalog.archive.settings
    assert settings.municipality == "Gemeinde Am See"
    assert settings.site_url == "https://ratsarchiv.am-see.de/"
    assert [c.name for c in catalog.committees.values()] == ["Rat der Gemeinde Am See"]
    assert "Markt 1, 12345 Am See" in settings.imprint.markdown
    capsys.readouterr()
    # Valid; strict names only the legal texts still to be written, no demo address.
    assert main(["check", "--content", str(demo_copy)]) == EXIT_OK
    capsys.readouterr()
    assert main(["check", "--strict", "--content", str(demo_copy)]) == EXIT_CONTENT
    out = capsys.readouterr().out
    assert "example" not in out
    assert [line.split(":")[0].rsplit("/", 1)[1] for line in out.splitlines()] == [
        "barrierefreiheit.md",
        "datenschutz.md",
        "impressum.md",
    ]
    assert main(["new", "rat", "--content", str(demo_copy)]) == EXIT_OK


def test_init_changes_nothing_when_a_value_is_invalid(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.relative_to(demo_copy) for p in demo_copy.rglob("*"))
    town = [*TOWN[:2], "--ags", "0599", *TOWN[4:]]
    assert main(["init", "--content", str(demo_copy), *town]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"{demo_copy}/archive.yml:3:1: error: ags: erwartet den 8-stelligen " in err
    assert "nichts geändert" in err
    assert sorted(p.relative_to(demo_copy) for p in demo_copy.rglob("*")) == before


def test_init_asks_for_missing_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["Stadt Neuhaus", "05999124", "https://rat.neuhaus.de/", "Ratsbüro"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: next(answers))
    content = tmp_path / "neu"
    arguments = ["init", "--content", str(content), "--address", "Markt 2, 12346 Neuhaus"]
    assert main([*arguments, "--email", "rat@neuhaus.de"]) == EXIT_OK
    catalog, _ = load_archive(content)
    assert catalog is not None
    assert catalog.archive.settings.contact.name == "Ratsbüro"


def test_init_without_a_terminal_names_the_missing_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--content", str(tmp_path / "neu"), *TOWN[:2]]) == EXIT_USAGE
    assert "es fehlt --ags (Amtlicher Gemeindeschlüssel (8 Ziffern))" in capsys.readouterr().err


def test_init_keeps_an_archive_that_holds_its_own_resolutions(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({"resolutions/rat/2020/2020-04-17-a.md": resolution_text()})
    assert main(["init", "--content", str(root), *TOWN]) == EXIT_USAGE
    assert "enthält schon Beschlüsse" in capsys.readouterr().err
    assert (root / "resolutions/rat/2020/2020-04-17-a.md").is_file()
    assert main(["init", "--content", str(root), *TOWN, "--force"]) == EXIT_OK
