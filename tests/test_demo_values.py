"""``check`` warns while the demo's example addresses and sample legal texts remain."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading.demo_values import is_example_address
from generator.reading.loading import load_archive
from tests.conftest import ARCHIVE_YML, ContentTree


@pytest.mark.parametrize(
    ("address", "example"),
    [
        ("https://ratsarchiv.musterstadt.example/", True),
        ("ratsbuero@musterstadt.example", True),
        ("https://example.org/archiv", True),
        ("info@example.com", True),
        ("https://www.musterstadt.de/", False),
        ("rat@teststadt.test", False),
        ("https://example-stadt.de/", False),
        ("https://beispiel.de/example", False),
    ],
)
def test_example_domains(address: str, example: bool) -> None:
    assert is_example_address(address) is example


def test_example_address_and_sample_text_are_warnings(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    archive = ARCHIVE_YML.replace("rat@teststadt.test", "rat@teststadt.example")
    root = content_tree(
        {
            "archive.yml": archive,
            "legal/impressum.md": "## Anbieter\n\n> **Beispieldaten:** erfunden.\n",
        }
    )
    catalog, problems = load_archive(root)
    assert catalog is not None  # warnings: the archive still builds
    assert [problem.format() for problem in problems] == [
        "content/archive.yml:7:3: warning: contact.email: 'rat@teststadt.example' ist eine "
        "Beispieladresse aus den mitgelieferten Inhalten; bitte die Adresse Ihrer Kommune "
        "eintragen (siehe ratsarchiv init)",
        "content/legal/impressum.md:3:1: warning: der Text ist als Muster markiert "
        "('**Beispieldaten:**'); bitte durch den Text Ihrer Kommune ersetzen (Impressum)",
    ]
