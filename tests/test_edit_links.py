"""The "Quelldatei bearbeiten" link: built for the archive's forge and branch."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.archive.edit_links import Forge, edit_url, guess_forge
from generator.reading.loading import load_archive
from tests.conftest import ARCHIVE_YML, ContentTree

PATH = "content/resolutions/rat/2020/2020-05-07-genehmigung.md"


@pytest.mark.parametrize(
    ("forge", "expected"),
    [
        (Forge.GITHUB, "https://github.com/stadt/archiv/edit/live/" + PATH),
        (Forge.GITLAB, "https://github.com/stadt/archiv/-/edit/live/" + PATH),
        (Forge.GITEA, "https://github.com/stadt/archiv/_edit/live/" + PATH),
    ],
)
def test_each_forge_opens_its_editor_on_the_configured_branch(forge: Forge, expected: str) -> None:
    assert edit_url("https://github.com/stadt/archiv/", forge, "live", PATH) == expected


@pytest.mark.parametrize(
    ("url", "forge"),
    [
        ("https://github.com/stadt/archiv", Forge.GITHUB),
        ("https://gitlab.com/stadt/archiv", Forge.GITLAB),
        ("https://gitlab.stadt.de/rat/archiv", Forge.GITLAB),
        ("https://codeberg.org/stadt/archiv", Forge.GITEA),
        ("https://forgejo.stadt.de/rat/archiv", Forge.GITEA),
        ("https://git.stadt.de/rat/archiv", None),
    ],
)
def test_the_forge_is_guessed_from_a_telling_host(url: str, forge: Forge | None) -> None:
    assert guess_forge(url) is forge


def test_a_silent_host_asks_for_the_repository_type(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    archive = ARCHIVE_YML + "repository_url: https://git.stadt.de/rat/archiv\n"
    catalog, problems = load_archive(content_tree({"archive.yml": archive}))
    assert [problem.format() for problem in problems] == [
        "content/archive.yml:15:1: warning: repository_url: die Art des Servers ist an der "
        "Adresse nicht zu erkennen; ohne repository_type (github, gitlab oder gitea) fehlt der "
        "Link „Quelldatei bearbeiten“"
    ]
    assert catalog is not None and catalog.archive.settings.repository_type is None


def test_branch_and_type_are_read(content_tree: ContentTree, in_tmp: Path) -> None:
    archive = ARCHIVE_YML + (
        "repository_url: https://git.stadt.de/rat/archiv\n"
        "repository_type: gitlab\nrepository_branch: release/2026\n"
    )
    catalog, problems = load_archive(content_tree({"archive.yml": archive}))
    assert problems == []
    assert catalog is not None
    assert catalog.archive.settings.repository_type is Forge.GITLAB
    assert catalog.archive.settings.repository_branch == "release/2026"
