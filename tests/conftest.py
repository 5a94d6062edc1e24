"""Shared fixtures: small archives built from dicts (MkDocs' ``@tempdir(files=...)`` idea)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# A test suite that holds on a busy machine: hypothesis' default deadline (200 ms per
# example) and its too-slow health check measure the machine's load, not the code. Tests
# that must be fast say so by counting work, never by the clock.
settings.register_profile("patient", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("patient")

REPOSITORY = Path(__file__).resolve().parent.parent
DEMO_CONTENT = REPOSITORY / "content"

ARCHIVE_YML = """\
municipality: Stadt Teststadt
ags: "05999001"
site_url: https://archiv.teststadt.test/
contact:
  name: Stadt Teststadt, Ratsbüro
  address: Markt 1, 99998 Teststadt
  email: rat@teststadt.test
data_license:
  name: Datenlizenz Deutschland – Namensnennung – Version 2.0
  url: https://www.govdata.de/dl-de/by-2-0
legal:
  imprint: legal/impressum.md
  privacy: legal/datenschutz.md
  accessibility: legal/barrierefreiheit.md
"""

COMMITTEES_YML = """\
committees:
  - id: rat
    name: Rat der Stadt Teststadt
    short_name: Rat
    kind: council
  - id: hauptausschuss
    name: Hauptausschuss
    short_name: HA
    kind: committee
"""

LEGAL = {
    "legal/impressum.md": "## Anbieter\n\nStadt Teststadt\n",
    "legal/datenschutz.md": "## Keine Cookies\n\nDiese Website setzt keine Cookies.\n",
    "legal/barrierefreiheit.md": "## Stand\n\nGeprüft mit axe-core.\n",
}


def resolution_text(
    *,
    id: str = "ha-2020-001",
    committee: str = "hauptausschuss",
    date: str = "2020-04-17",
    extra: str = "",
    body: str = "Der Hauptausschuss beschließt.\n",
    title: str = "Testbeschluss",
) -> str:
    """A valid resolution file; ``extra`` adds front-matter lines, ``body`` replaces the text."""
    return (
        "---\n"
        f"id: {id}\n"
        f"title: {title}\n"
        f"committee: {committee}\n"
        f"date: {date}\n"
        "agenda_item:\n"
        '  number: "1"\n'
        "kind: ordinary\n"
        "result: adopted\n"
        f"{extra}"
        "---\n"
        f"{body}"
    )


ContentTree = Callable[[Mapping[str, str | bytes]], Path]


@pytest.fixture
def content_tree(tmp_path: Path) -> ContentTree:
    """Build ``tmp_path/content`` from ``{relative path: text}``; settings are defaulted.

    Pass ``{"archive.yml": None}``-style overrides by giving the file explicitly.
    """

    def build(files: Mapping[str, str | bytes]) -> Path:
        return write_tree(tmp_path / "content", files)

    return build


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from ``tmp_path`` so that messages show paths as ``content/…``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- Archives for site builds: front matter from dicts, written anywhere -------------------


def resolution_file(body: str = "Der Rat beschließt.", **fields: object) -> str:
    """A resolution file whose front matter is ``fields`` (dumped as YAML) and text ``body``.

    ``agenda_item`` may be given as a plain TOP number; kind and result default to an
    adopted ordinary resolution.
    """
    import yaml

    front: dict[str, object] = {"kind": "ordinary", "result": "adopted", **fields}
    agenda = front.setdefault("agenda_item", {"number": "1"})
    if isinstance(agenda, str):
        front["agenda_item"] = {"number": agenda}
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\n{body}\n"


def write_tree(root: Path, files: Mapping[str, str | bytes | None]) -> Path:
    """Like ``content_tree`` but into any folder (session fixtures have no ``tmp_path``).

    A value of None drops a default file.
    """
    defaults: dict[str, str | bytes | None] = {
        "archive.yml": ARCHIVE_YML,
        "committees.yml": COMMITTEES_YML,
        **LEGAL,
    }
    for relative, data in {**defaults, **files}.items():
        if data is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


# The browser fixtures (demo build, servers, Chromium, watched pages) for the browser tests.
pytest_plugins = ("tests.browser_support",)
