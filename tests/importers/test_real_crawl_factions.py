"""The real Hürtgenwald crawl imported into the demo archive, whose ``factions.yml`` is
Musterstadt's (other factions, other spellings, no terms before 2014), and into an archive
fresh from ``init`` (no registry): ``check`` finds 0 errors both times.

One import each; the crawl's 5,106 agenda items take a few seconds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.oparl_crawl import unpack_real_crawl
from generator.cli import EXIT_OK, main
from tests.conftest import DEMO_CONTENT
from tests.test_init import TOWN


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real crawl, unpacked from the repository's archive (it travels with the tests)."""
    return unpack_real_crawl(tmp_path_factory.mktemp("crawl"))


def _import_and_check(crawl: Path, content: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert (crawl / "system.json").is_file(), f"the real crawl is missing: {crawl}"
    assert main(["import", "oparl", str(crawl), "--content", str(content)]) == EXIT_OK
    captured = capsys.readouterr()
    summary = captured.out + captured.err
    assert main(["check", "--content", str(content)]) == EXIT_OK
    verdict = capsys.readouterr().err.splitlines()[-1]
    assert "Fehler" not in verdict
    return summary


def _faction_rows(content: Path) -> set[str]:
    names = set()
    for path in (content / "resolutions").rglob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        votes = front.get("vote") or []
        for vote in votes if isinstance(votes, list) else [votes]:
            names.update(row["name"] for row in vote.get("factions", ()))
    return names


def test_into_the_demo_archive_with_musterstadts_registry(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    summary = _import_and_check(crawl, content, capsys)
    rows = _faction_rows(content)
    # Spellings went through the aliases, the mayor and the members kept as what they are.
    assert {"BÜNDNIS 90/DIE GRÜNEN", "Bürgermeister", "Hr. Gilleßen"} <= rows
    assert not rows & {"BM", "B‘90/Die Grünen", "B´90/Die Grünen", "Grüne", "GRÜNE"}
    # Hürtgenwald's own faction is not Musterstadt's: listed with the lines to add.
    unknown = dict(re.findall(r"^  '(.+)': (\d+)$", summary, re.MULTILINE))
    assert "FFH" in unknown and "FFH" not in rows
    report = (tmp_path / "import-bericht.md").read_text(encoding="utf-8")
    for name, count in unknown.items():
        assert f"| `{name}` | {count} |" in report
    assert '    short_name: "FFH"' in report
    assert "Abstimmungen an Tagen ohne Wahlperiode in content/factions.yml" in summary


def test_into_an_archive_fresh_from_init(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    assert main(["init", "--content", str(content), *TOWN]) == EXIT_OK
    assert not (content / "factions.yml").exists()
    summary = _import_and_check(crawl, content, capsys)
    assert "Fraktionsnamen, die" not in summary  # without a registry, names are free text
    assert "BM" in _faction_rows(content)
