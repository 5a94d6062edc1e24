"""The export of towns as they publish (``tests/fixtures/real/towns9.oparl.json``, from
``towns9.tsv``): every item the ninth set's queries found, not curated for diversity, those whose
page states no result included. Imported into an archive fresh from ``ratsarchiv init``, checked
strictly, and compared item by item with what a careful clerk reads on each town's page.

This is the export the issue's target is about ("≤ 2 % unrecognised on a large real export"):
frequent standard wordings dominate it, as in a town's own export, not rare ones.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.result_wordings import TOWNS9, Item, load
from generator.cli import EXIT_OK, main
from tests.conftest import DEMO_CONTENT, REPOSITORY

EXPORT = REPOSITORY / "tests" / "fixtures" / "real" / "towns9.oparl.json"
TOWN = [
    *("--municipality", "Gemeinde Am See", "--ags", "05999123"),
    *("--site-url", "https://ratsarchiv.am-see.de/", "--contact-name", "Büro des Rates"),
    *("--address", "Markt 1, 12345 Am See", "--email", "rat@am-see.de"),
]
ITEMS = 45
"""Of the 78 items, the 32 whose page states no result are headings to the importer (no
file), as is Fuhlenhagen's "entfällt." (the source says there was no vote)."""
UNRECOGNISED_AT_MOST = 0
"""After the eleventh-set work: 0 of 42 (Grasleben's agenda row corrected to the convention, see
``WRONG_AT_MOST``). After the tenth-set work (``test_tenth_set_forms.py``): 0 of 41; the two
below are read.
After the ninth-set work (``test_ninth_set_forms.py``): 2 of 41 (4.9 %), both dev (a
"Maßgabe" inside a sentence with counts by faction; a recommendation "zur Beschlussfassung"
naming no body). When the export was first assembled, on the code before any change for it:
6 of the items whose page states a result, all dev: 6 of 39 (15.4 %), 6 of 41 (14.6 %) once
five readings were corrected to the earlier sets' convention (README of ``result_wordings``),
two of which made an ambiguous row a result."""
WRONG_AT_MOST = 0
"""When first assembled: 6 (4 dev, 2 held-out); 1 (held-out) once five readings were corrected
to the convention of the earlier sets (README of ``result_wordings``); 1 after the ninth and
tenth sets' work; 0 once Grasleben's "Die Tagesordnung wird mit 19 Tagesordnungspunkten
festgestellt." was corrected to that same convention (an agenda "festgestellt" is adopted, as
Edewecht's and Göttingen's; the row read ambiguous), which makes it 42 items stating a result."""


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
    rows = {item.url: item for item in load(TOWNS9)}
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
    assert stating == 42
    assert len(wrong) <= WRONG_AT_MOST, sorted(wrong)
    assert len(unrecognised) <= UNRECOGNISED_AT_MOST, sorted(unrecognised)
