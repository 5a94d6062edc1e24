"""The assembled export of 123 towns the importer was not written for
(``tests/fixtures/real/unseen-towns.oparl.json``, from ``unseen.tsv``, ``unseen2.tsv`` and
``unseen3.tsv``):
imported into an archive fresh from ``ratsarchiv init``, checked strictly, and compared item
by item with what a careful clerk reads on each town's page.

No item may be read wrongly (a result the clerk does not read, or a recommendation written as
a decision); the items left "nicht erfasst" although the clerk reads a result may not grow.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.result_wordings import UNSEEN, UNSEEN2, UNSEEN3, Item, load
from generator.cli import EXIT_OK, main
from tests.conftest import DEMO_CONTENT, REPOSITORY

EXPORT = REPOSITORY / "tests" / "fixtures" / "real" / "unseen-towns.oparl.json"
TOWN = [
    *("--municipality", "Gemeinde Am See", "--ags", "05999123"),
    *("--site-url", "https://ratsarchiv.am-see.de/", "--contact-name", "Büro des Rates"),
    *("--address", "Markt 1, 12345 Am See", "--email", "rat@am-see.de"),
]
UNRECOGNISED_AT_MOST = 17
"""Measured at the end of the third-set work (2026-12-07): 17 of the 151 items whose page
states a result (13 of them in the held-out halves; of the four dev items, a recommendation to
"Kreisausschuss und Kreistag" names no body of the archive and is rightly left open, a field
"beschlossen" beside "Ja: 4, Nein: 8" contradicts its counts, and two sentences touch the
procedure or revoke an earlier decision, which the sentence reader leaves unread)."""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("am-see") / "content"
    shutil.copytree(DEMO_CONTENT, content)
    assert main(["init", "--content", str(content), *TOWN]) == EXIT_OK
    for name in ("impressum", "datenschutz", "barrierefreiheit"):
        (content / "legal" / f"{name}.md").write_text(f"## {name}\n\nText.\n", encoding="utf-8")
    assert main(["import", "oparl", str(EXPORT), "--content", str(content)]) == EXIT_OK
    return content


def _clerk_by_item() -> dict[str, Item]:
    """Agenda item id → the clerk's reading of the row it was assembled from."""
    rows = {
        (i.url, f"{i.wording}\n{i.vote}" if i.vote else i.wording): i
        for path in (UNSEEN, UNSEEN2, UNSEEN3)
        for i in load(path)
    }
    data = json.loads(EXPORT.read_text(encoding="utf-8"))["data"]
    return {
        item["id"]: rows[(item["web"], item["result"])]
        for meeting in data
        for item in meeting.get("agendaItem", ())
    }


def _front_matter(path: Path) -> dict[str, object]:
    matter = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
    assert isinstance(matter, dict)
    return matter


def test_every_item_is_imported_and_check_strict_finds_no_error(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(list((imported / "resolutions").rglob("*.md"))) == 154
    capsys.readouterr()
    assert main(["check", "--strict", "--content", str(imported)]) == EXIT_OK
    assert "Fehler" not in capsys.readouterr().err.splitlines()[-1]


def test_no_item_is_read_wrongly_and_the_unread_do_not_grow(imported: Path) -> None:
    clerk = _clerk_by_item()
    wrong, unrecognised = [], []
    for path in (imported / "resolutions").rglob("*.md"):
        matter = _front_matter(path)
        source = matter["source"]
        assert isinstance(source, dict)
        row = clerk[str(source["origin"])]
        expected = "not_recorded" if row.result == "ambiguous" else row.result
        result, kind = str(matter["result"]), str(matter["kind"])
        if result not in ("not_recorded", expected):
            wrong.append((row.url, result, expected))
        elif row.kind == "recommendation" and kind != "recommendation" and result != "not_recorded":
            wrong.append((row.url, f"{result} als Beschluss", f"{expected} als Empfehlung"))
        elif result == "not_recorded" and expected != "not_recorded":
            unrecognised.append(row.url)
    assert not wrong
    assert len(unrecognised) <= UNRECOGNISED_AT_MOST, sorted(unrecognised)
