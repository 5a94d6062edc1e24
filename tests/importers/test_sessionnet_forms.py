"""Every SessionNet form named in issue 20, each on a real text of
``tests/fixtures/sessionnet/real/`` (address and town in its ``.yml``): the form is in the
text, and the import writes what a careful clerk would. Where no stored page shows a form
("Weiterbehandlung im …ausschuss" as the result line), a text in SessionNet's layout stands
in and says so."""

from __future__ import annotations

import datetime
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.archive.problems import Severity
from generator.importers.runner import run_sessionnet
from generator.importers.sessionnet import Overrides
from generator.reading.loading import load_archive
from tests.conftest import REPOSITORY
from tests.importers.sessionnet_real import (
    EXTRA_COMMITTEES,
    PARTS,
    TODAY,
    Fixture,
    fixtures,
    import_fixture,
    imported,
    overrides,
)

BY_NAME = {fixture.name: fixture for part in PARTS for fixture in fixtures(part)}

FORMS = [
    # (form, fixture, text the page holds, what the import must write)
    ("Kopfzeile mit Anwesenden", "roth-17207", "Abstimmung: Ja: 9, Nein: 2, Anwesend: 11",
     {"vote": {"for": 9, "against": 2}}),
    ("Zählungen auf eigenen Zeilen", "koeln-190896", "10 Ja-Stimmen (5 CDU, 4 SPD, 1 FDP)\n8 Nein",
     {"result": "adopted", "vote": {"for": 10, "against": 8}}),
    ("Befangen auf eigener Zeile", "pfinztal-1019161", "\nBefangen: 1\n",
     {"result": "deferred", "vote": {"excluded_for_bias_count": 1}}),
    ("Fraktion ohne Zahl", "leverkusen-56569", "(BÜRGERLISTE)",
     {"faction": ("BÜRGERLISTE", "for", 4)}),
    ("Bürgermeister in der Liste", "leverkusen-56569", "(OB, 15 CDU,",
     {"faction": ("OB", "against", 1)}),
    ("umbrochene Fraktionsliste", "leverkusen-63571", "Aufbruch Leverkusen,\n",
     {"vote": {"for": 11, "against": 3, "abstain": 1}}),
    ("fehlendes Komma", "leverkusen-83648", "1 BÜRGERLISTE 1 OP",
     {"faction": ("OP", "against", 1)}),
    ("Beschlussempfehlung an den Rat", "leverkusen-20122", "Beschlussempfehlung an den Rat:",
     {"kind": "recommendation", "recommended_to": "rat"}),
    ("Wie Antrag", "leverkusen-20122", "Wie Antrag", {"text": "Wie Antrag"}),
    ("Abstimmung in Prosa", "westliche-boerde-10255",
     "wird mehrheitlich mit 12 Ja-Stimmen, einer Gegenstimme und drei Enthaltungen angenommen",
     {"result": "adopted", "vote": {"for": 12, "against": 1, "abstain": 3}}),
    ("noch nicht festgelegt", "norderstedt-8055", "Beschluss: noch nicht festgelegt",
     {"result": "not_recorded"}),
    ("Verweisung an ein genanntes Gremium", "friedberg-36749",
     "in den Ausschuss für Stadtentwicklung verwiesen",
     {"result": "referred", "referred_to": "stadtentwicklungsausschuss"}),
    ("Verweisung in die Fraktionen", "lauf-672", "Beschluss: in die Fraktionen verwiesen",
     {"result": "referred"}),
]  # fmt: skip


@pytest.fixture
def archive(content: Path) -> Path:
    with (content / "committees.yml").open("a", encoding="utf-8") as registry:
        registry.write(EXTRA_COMMITTEES)
    return content


@pytest.mark.parametrize(("form", "name", "written", "wanted"), FORMS, ids=[f[0] for f in FORMS])
def test_each_form_on_a_real_text(
    archive: Path, form: str, name: str, written: str, wanted: dict[str, Any]
) -> None:
    fixture: Fixture = BY_NAME[name]
    assert written in fixture.text_path.read_text(encoding="utf-8"), form
    assert fixture.gap is None and fixture.expected is not None
    report = import_fixture(fixture, archive)
    (path,) = report.written
    decision = imported(path)
    assert decision == fixture.expected
    for key, value in wanted.items():
        if key == "faction":
            faction, column, count = value
            (row,) = [row for row in decision["vote"]["factions"] if row["name"] == faction]
            assert row[column] == count, form
        elif isinstance(value, dict):
            assert {k: decision[key].get(k) for k in value} == value, form
        else:
            assert decision[key] == value, form
    if wanted.get("result") == "referred" and "referred_to" not in wanted:
        assert "referred_to" not in decision  # the factions are no body of the archive


def test_wie_antrag_is_the_text_with_the_paper_referenced(archive: Path) -> None:
    fixture = BY_NAME["leverkusen-28799"]
    assert "Wie Antrag" in fixture.text_path.read_text(encoding="utf-8")
    report = run_sessionnet(
        [fixture.text_path],
        archive,
        Overrides(
            committee="hauptausschuss",
            date=datetime.date(2013, 5, 6),
            title="Antrag der BÜRGERLISTE",
            agenda_item="4",
            reference="2013/2214",
        ),
        stream=io.StringIO(),
        today=TODAY,
    )
    (path,) = report.written
    decision = imported(path)
    assert decision["text"] == "Wie Antrag"
    assert decision["reference"] == "2013/2214"
    assert decision["kind"] == "recommendation"
    assert not [note for _, note in report.notes if "Drucksache fehlt" in note]
    without = import_fixture(fixture, archive)  # no paper given: the report asks for it
    assert any("Drucksache fehlt" in note for _, note in without.notes)


@pytest.mark.parametrize(
    ("line", "body"),
    [
        (
            "Weiterbehandlung im Ausschuss für Stadtentwicklung, Bauen und Planen",
            "stadtentwicklung",
        ),
        ("Verweisung in den Hauptausschuss", "hauptausschuss"),
        ("Weiterbehandlung im Sportausschuss", None),
    ],
)
def test_referral_wording_in_the_result_line(
    archive: Path, tmp_path: Path, line: str, body: str | None
) -> None:
    # No stored SessionNet page has this result line; the layout is SessionNet's own.
    export = tmp_path / "export.txt"
    export.write_text(
        "Gremium: Rat\nDatum: 02.07.2020\nTOP: 3\nBetreff: Spielplatz\n"
        f"Beschluss: {line}\n\nAbstimmung: Ja: 30, Nein: 2\n",
        encoding="utf-8",
    )
    report = run_sessionnet([export], archive, Overrides(), stream=io.StringIO(), today=TODAY)
    (path,) = report.written
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert front["result"] == "referred"
    assert front.get("referred_to") == body
    if body is None:  # an unknown body is never guessed: the report asks for it
        assert any("Sportausschuss" in note for _, note in report.notes)


def test_every_real_text_into_the_demo_archive_with_its_registry_passes_check(
    tmp_path: Path,
) -> None:
    """Musterstadt's ``factions.yml`` knows none of Leverkusen's or Köln's factions: the
    breakdowns stay wording, and ``check`` finds no error (issue 20: 7 errors before)."""
    content = tmp_path / "content"
    shutil.copytree(REPOSITORY / "content", content)
    with (content / "committees.yml").open("a", encoding="utf-8") as registry:
        registry.write(EXTRA_COMMITTEES)
    _, before = load_archive(content, keep_texts=False)
    assert [p for p in before if p.severity is Severity.ERROR] == []
    for fixture in BY_NAME.values():
        report = run_sessionnet(
            [fixture.text_path], content, overrides(fixture), stream=io.StringIO(), today=TODAY
        )
        assert report.failed == [] and len(report.written) == 1, fixture.name
    catalog, problems = load_archive(content, keep_texts=False)
    assert [p.format() for p in problems if p.severity is Severity.ERROR] == []
    assert catalog is not None and len(catalog.by_id) == 64 + len(BY_NAME)
