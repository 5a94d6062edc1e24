"""Shared fixtures: ``content_tree`` builds small archives from dicts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

ARCHIVE: dict[str, Any] = {
    "municipality": "Stadt Musterstadt",
    "ags": "05999000",
    "site_url": "https://ratsarchiv.musterstadt.example/",
    "repository_url": "https://git.musterstadt.example/ratsbuero/ratsarchiv",
    "contact": {
        "name": "Stadt Musterstadt, Büro des Rates",
        "address": "Rathausplatz 1, 99999 Musterstadt",
        "email": "ratsbuero@musterstadt.example",
    },
    "data_license": {
        "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "url": "https://www.govdata.de/dl-de/by-2-0",
    },
    "legal": {
        "imprint": "legal/impressum.md",
        "privacy": "legal/datenschutz.md",
        "accessibility": "legal/barrierefreiheit.md",
    },
}

COMMITTEES: dict[str, Any] = {
    "committees": [
        {"id": "rat", "name": "Rat der Stadt Musterstadt", "short_name": "Rat", "kind": "council"},
        {
            "id": "hauptausschuss",
            "name": "Hauptausschuss",
            "short_name": "Hauptausschuss",
            "kind": "committee",
            "description": "Entscheidet in **dringenden** Fällen.",
        },
    ]
}

LEGAL = {
    "legal/impressum.md": "# Impressum\n\nStadt Musterstadt, Rathausplatz 1.\n",
    "legal/datenschutz.md": "# Datenschutzerklärung\n\nWir speichern keine Daten.\n",
    "legal/barrierefreiheit.md": "# Erklärung zur Barrierefreiheit\n\nDiese Website …\n",
}


def resolution_file(body: str = "Der Rat beschließt.", **fields: Any) -> str:
    """A resolution file: ``fields`` become the front matter, ``body`` the text."""
    front = {
        "kind": "ordinary",
        "result": "adopted",
        **fields,
    }
    front.setdefault("agenda_item", {"number": "1"})
    if isinstance(front["agenda_item"], str):
        front["agenda_item"] = {"number": front["agenda_item"]}
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\n{body}\n"


def write_tree(root: Path, files: Mapping[str, str | bytes | dict[str, Any] | None]) -> Path:
    defaults: dict[str, str | bytes | dict[str, Any] | None] = {
        "archive.yml": ARCHIVE,
        "committees.yml": COMMITTEES,
        **LEGAL,
    }
    for name, value in {**defaults, **files}.items():
        path = root / name
        if value is None:  # lets a test drop a default file
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(value, bytes):
            path.write_bytes(value)
        elif isinstance(value, dict):
            path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), "utf-8")
        else:
            path.write_text(value, encoding="utf-8")
    return root


ContentTree = Callable[..., Path]


@pytest.fixture
def content_tree() -> ContentTree:
    """``content_tree(tmp_path, {"resolutions/rat/2020/a.md": resolution_file(...)})``.

    Writes a valid archive (settings, two committees, legal texts) plus the given files
    under ``<base>/content`` and returns that folder. A value of None removes a default.
    """

    def make(base: Path, files: Mapping[str, str | bytes | dict[str, Any] | None] = {}) -> Path:
        return write_tree(base / "content", files)

    return make
