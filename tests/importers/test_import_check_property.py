"""Whatever ``import oparl`` writes, ``check`` accepts: a property over OParl objects with
the oddities of real council data (line breaks in names, vote wording in ``result``,
pasted tables, "ohne", missing texts, resolution files, odd numbers and keywords)."""

from __future__ import annotations

import datetime
import io
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.archive.problems import Severity
from generator.importers.runner import run_oparl
from generator.reading.loading import load_archive
from tests.importers.conftest import ARCHIVE_YML, COMMITTEES_YML

BASE = "https://ris.example/oparl/"
TODAY = datetime.date(2024, 5, 1)

RESULT_WORDINGS = [
    "einstimmig, 0 Enthaltungen",
    "Einstimmig; 1 Enthaltung",
    "13 Ja-Stimmen, 0 Enthaltungen, 0 Nein-Stimmen",
    "4 Ja-Stimmen, 9 Nein-Stimmen, 0 Enthaltungen",
    "JaNeinEnthaltungBM1CDU81SPD6B‘90/Die Grünen3FFH3FDP2Hr. Gilleßen1Gesamt2410",
    "JaNeinEnthaltungBM1CDU121SPD7B‘90/DIE GRÜNEN3FDP11Hr. Gilleßen1Gesamt2611",
    "ohne",
    "Ohne, da Mitteilungsvorlage.",
    "(kein Text vorhanden)",
    "Geändert beschlossen",
    "Beschlussempfehlung an den Rat: Wie Vorlage",
    "Beschlussempfehlung an den Kreistag: Wie Vorlage",
    "Einstimmig empfohlen",
    "Der Ausschuss nimmt die Ausführungen zur Kenntnis.",
    "a) einstimmig, 0 Enthaltungenb) 3 Ja-Stimmen, 9 Nein-Stimmen",
    "in die Fraktionen geschoben",
]

HOSTILE_TEXTS = [
    "<p>Text</p><br>zwei",
    "[Klick](javascript:alert(1))",
    "Siehe ![Plan](https://tracker.example/p.png)",
    '<img src="https://tracker.example/x.gif"> Bild',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<a href="javascript:alert(1)" onclick="x()">Link</a>',
    "[Anlage](anlage.pdf) und [Web](http://ris.example/x)",
    "# Überschrift\n\n## Beratung\n\n---\n",
]

# Text as sources deliver it: line breaks, tabs, non-breaking spaces, quotes, markup.
odd_text = st.text(
    alphabet=st.sampled_from(
        [*"aäbcßdeöüXYZ 0123456789.,;:-/()\"'#&<>\n\t\u00a0*_`|", "\u202e", "\u200b", "\x07"]
    ),
    min_size=0,
    max_size=60,
)
names = st.one_of(
    odd_text,
    st.sampled_from(
        [
            "Anregungen und Beschwerden nach § 24 GO;\nhier: Antrag vom 01.02.2016",
            "Mitteilungen der Verwaltung",
            "Anfragen",
            "Einwohnerfragestunde",
            "- leer -",
            "# Überschrift?",
            "---",
            "key: value",
        ]
    ),
)


@st.composite
def agenda_items(draw: st.DrawFn, index: int) -> dict[str, object]:
    item: dict[str, object] = {
        "id": f"{BASE}agendaitem/{index}",
        "type": "https://schema.oparl.org/1.0/AgendaItem",
        "name": draw(names),
    }
    if draw(st.booleans()):
        item["number"] = draw(st.sampled_from(["1.", "3.10", "Ö 5", "", "\n7\n", "12 a"]))
    if draw(st.booleans()):
        item["result"] = draw(st.one_of(st.sampled_from(RESULT_WORDINGS), odd_text))
    if draw(st.booleans()):
        item["resolutionText"] = draw(st.one_of(odd_text, st.sampled_from(HOSTILE_TEXTS)))
    if draw(st.booleans()):
        item["resolutionFile"] = {
            "id": f"{BASE}file/{index}",
            "type": "https://schema.oparl.org/1.0/File",
            "name": draw(names),
            "accessUrl": f"{BASE}files/{index}.pdf",
        }
    if draw(st.booleans()):
        item["consultation"] = f"{BASE}consultation/{index}"
    if draw(st.booleans()):
        item["keyword"] = draw(st.lists(names, max_size=3))
    if draw(st.booleans()):
        item["public"] = draw(st.booleans())
    return item


@st.composite
def crawls(draw: st.DrawFn) -> list[dict[str, object]]:
    items = [draw(agenda_items(index)) for index in range(draw(st.integers(1, 6)))]
    papers = [
        {
            "id": f"{BASE}paper/{index}",
            "type": "https://schema.oparl.org/1.0/Paper",
            "name": draw(names),
            "reference": draw(st.sampled_from(["30/2015", "2023/0089", "\n12/2016 ", "#1"])),
            "paperType": draw(st.sampled_from(["Beschlussvorlage", "Mitteilungsvorlage", ""])),
            "consultation": [
                {
                    "id": f"{BASE}consultation/{index}",
                    "type": "https://schema.oparl.org/1.0/Consultation",
                    "agendaItem": f"{BASE}agendaitem/{index}",
                }
            ],
        }
        for index, item in enumerate(items)
        if item.get("consultation")
    ]
    organization = {
        "id": f"{BASE}organization/1",
        "type": "https://schema.oparl.org/1.0/Organization",
        "name": draw(st.sampled_from(["Gemeinderat", "Bau- und\nUmweltausschuss", "Rat"])),
        "shortName": draw(st.sampled_from(["GR", "BUA", "", "Rat"])),
    }
    meeting = {
        "id": f"{BASE}meeting/1",
        "type": "https://schema.oparl.org/1.0/Meeting",
        "name": draw(st.sampled_from(["Gemeinderat (36. Sitzung)", "", "Sitzung\nNr. 2"])),
        "start": draw(st.sampled_from(["2016-03-17T18:00:00+01:00", "2009-09-22"])),
        "organization": [organization["id"]],
        "agendaItem": items,
    }
    return [organization, meeting, *papers]


def _content(root: Path) -> Path:
    content = root / "content"
    (content / "legal").mkdir(parents=True)
    (content / "archive.yml").write_text(ARCHIVE_YML, encoding="utf-8")
    (content / "committees.yml").write_text(COMMITTEES_YML, encoding="utf-8")
    for name in ("impressum", "datenschutz", "barrierefreiheit"):
        (content / "legal" / f"{name}.md").write_text("Text\n", encoding="utf-8")
    return content


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(crawls())
def test_what_import_writes_check_accepts(objects: list[dict[str, object]]) -> None:
    root = Path(tempfile.mkdtemp(prefix="import-property-"))
    try:
        content = _content(root)
        crawl = root / "crawl.json"
        crawl.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
        report = run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY)
        assert report.failed == []
        catalog, problems = load_archive(content)
        errors = [p.format() for p in problems if p.severity is Severity.ERROR]
        assert errors == []
        assert catalog is not None
        written = sum(report.outcomes.values())
        assert len(catalog.by_id) == written
    finally:
        shutil.rmtree(root)
