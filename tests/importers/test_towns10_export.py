"""The larger export of towns as they publish (``tests/fixtures/real/towns10.oparl.json``, from
``towns10.tsv``): every item the tenth set's queries found, not curated for diversity, those whose
page states no result included. Imported into an archive fresh from ``ratsarchiv init``, checked
strictly, and compared item by item with what a careful clerk reads on each town's page.

This is the export the issue's target is about ("≤ 2 % unrecognised on a large real export"):
frequent standard wordings dominate it, as in a town's own export, not rare ones. With 116
items stating a result, one item is 0.9 points.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.result_wordings import TOWNS10, Item, load
from generator.cli import EXIT_OK, main
from tests.conftest import DEMO_CONTENT, REPOSITORY

EXPORT = REPOSITORY / "tests" / "fixtures" / "real" / "towns10.oparl.json"
TOWN = [
    *("--municipality", "Gemeinde Am See", "--ags", "05999123"),
    *("--site-url", "https://ratsarchiv.am-see.de/", "--contact-name", "Büro des Rates"),
    *("--address", "Markt 1, 12345 Am See", "--email", "rat@am-see.de"),
]
ITEMS = 131
"""Of the 178 items, the 47 whose page states no result are headings to the importer (no file)."""
UNRECOGNISED_AT_MOST = 6
"""After the eleventh work (``test_eleventh_forms.py``): 6 of 116 (5.2 %), 2 dev (Pfinztal's
satzung adopted paragraph by paragraph, Aitrach's report with negated words), 4 held-out.
After the tenth-set work (``test_tenth_set_forms.py``): 12 of 116 (10.3 %), 8 dev, 4 held-out.
Measured blind when the export was first assembled, on the code before any change for it
(main 38dabc9): 20 of the 116 items whose page states a result (17.2 %), 16 dev, 4 held-out."""
WRONG_AT_MOST = 0
"""After the eleventh work: 0. Remagen's text recommends with a committee named with commas
("Der Bau-, Verkehrs- und Umweltausschuss empfiehlt dem Stadtrat …"), Coburg's "einstimmig"
stands over an election told in the text (elected), Erkelenz's "ungeändert beschlossen" over a
text that only rejects a motion (unread; the text added to the export from the stored page).
After the tenth-set work: 3 (2 dev, 1 held-out); Pfinztal's decision taken "als Empfehlung für
den Gemeinderat" is a recommendation now. Measured blind when first assembled: 4 (3 dev, 1
held-out), a result or a kind the clerk does not read on the page."""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("am-see-10") / "content"
    shutil.copytree(DEMO_CONTENT, content)
    assert main(["init", "--content", str(content), *TOWN]) == EXIT_OK
    for name in ("impressum", "datenschutz", "barrierefreiheit"):
        (content / "legal" / f"{name}.md").write_text(f"## {name}\n\nText.\n", encoding="utf-8")
    assert main(["import", "oparl", str(EXPORT), "--content", str(content)]) == EXIT_OK
    return content


def _clerk_by_item() -> dict[str, Item]:
    """Agenda item id → the clerk's reading of the row it was assembled from."""
    rows = {item.url: item for item in load(TOWNS10)}
    data = json.loads(EXPORT.read_text(encoding="utf-8"))["data"]
    return {
        item["id"]: rows[item["web"]] for meeting in data for item in meeting.get("agendaItem", ())
    }


def _front_matter(path: Path) -> dict[str, object]:
    matter = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
    assert isinstance(matter, dict)
    return matter


def test_every_item_is_imported_and_check_strict_finds_no_error(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(list((imported / "resolutions").rglob("*.md"))) == ITEMS
    capsys.readouterr()
    assert main(["check", "--strict", "--content", str(imported)]) == EXIT_OK
    assert "Fehler" not in capsys.readouterr().err.splitlines()[-1]


def test_no_more_items_are_read_wrongly_or_left_unread_than_measured(imported: Path) -> None:
    clerk = _clerk_by_item()
    wrong, unrecognised, stating = [], [], 0
    for path in (imported / "resolutions").rglob("*.md"):
        matter = _front_matter(path)
        source = matter["source"]
        assert isinstance(source, dict)
        row = clerk[str(source["origin"])]
        expected = row.result if row.result not in ("ambiguous", "empty") else "not_recorded"
        stating += expected != "not_recorded"
        result, kind = str(matter["result"]), str(matter["kind"])
        if result not in ("not_recorded", expected):
            wrong.append((row.url, result, row.result))
        elif row.kind == "recommendation" and kind != "recommendation" and result != "not_recorded":
            wrong.append((row.url, f"{result} als Beschluss", f"{expected} als Empfehlung"))
        elif result == "not_recorded" and expected != "not_recorded":
            unrecognised.append(row.url)
    assert stating == 116
    assert len(wrong) <= WRONG_AT_MOST, sorted(wrong)
    assert len(unrecognised) <= UNRECOGNISED_AT_MOST, sorted(unrecognised)
