"""A committee's vote on a paper the council takes up afterwards is a recommendation.

Found by the precision audit (tests/fixtures/real/precision-audit.md): in the Hürtgenwald
crawl 82 committee items (the Bauausschuss voting 8:1 on a statute the council adopted a week
later, …) were published as the committee's own decisions. OParl 1.0 from SD.NET RIM names
no consultation role; the paper's consultations do say where the matter went next.
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
import yaml

from generator.archive.problems import Severity
from generator.importers.runner import run_oparl
from generator.reading.loading import load_archive

BASE = "https://ris.example.test/oparl/v1.0"
TODAY = datetime.date(2024, 5, 1)


def _org(number: int, name: str) -> dict[str, object]:
    return {"id": f"{BASE}/organization/{number}", "type": "https://schema.oparl.org/1.0/Organization",
            "name": name, "classification": "Gremien", "organizationType": "Gremium"}  # fmt: skip


def _meeting(number: int, org: int, day: str, result: str) -> dict[str, object]:
    return {
        "id": f"{BASE}/meeting/{number}", "type": "https://schema.oparl.org/1.0/Meeting",
        "name": f"{number}. Sitzung", "start": f"{day}T18:00:00+01:00",
        "organization": [f"{BASE}/organization/{org}"],
        "agendaItem": [{"id": f"{BASE}/agendaitem/{number}",
                        "type": "https://schema.oparl.org/1.0/AgendaItem", "number": "4.",
                        "name": "Satzung über eine Veränderungssperre", "result": result,
                        "consultation": f"{BASE}/consultation/{number}"}],
    }  # fmt: skip


def _export(tmp_path: Path, meetings: list[tuple[int, str, str]], **consultation: object) -> Path:
    """Hauptausschuss (org 1) and Rat (org 2); one paper consulted in each meeting given as
    (organization, day, result)."""
    objects: list[dict[str, object]] = [
        _org(1, "Hauptausschuss"),
        _org(2, "Rat der Stadt Teststadt"),
    ]
    consultations = []
    for number, (org, day, result) in enumerate(meetings, start=1):
        objects.append(_meeting(number, org, day, result))
        consultations.append({
            "id": f"{BASE}/consultation/{number}", "type": "https://schema.oparl.org/1.0/Consultation",
            "meeting": f"{BASE}/meeting/{number}", "agendaItem": f"{BASE}/agendaitem/{number}",
            "organization": [f"{BASE}/organization/{org}"], **consultation,
        })  # fmt: skip
    objects.append({
        "id": f"{BASE}/paper/1", "type": "https://schema.oparl.org/1.0/Paper",
        "name": "Satzung über eine Veränderungssperre", "reference": "39/2019",
        "paperType": "Beschlussvorlage", "consultation": consultations,
    })  # fmt: skip
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"data": objects}), encoding="utf-8")
    return path


def _written(content: Path) -> dict[str, dict[str, object]]:
    out = {}
    for path in (content / "resolutions").rglob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        out[front["committee"]] = front
    return out


def _import(tmp_path: Path, content: Path, meetings: list[tuple[int, str, str]], **c: object):
    report = run_oparl(
        str(_export(tmp_path, meetings, **c)), content, stream=io.StringIO(), today=TODAY
    )
    assert report.failed == []
    catalog, problems = load_archive(content)
    assert catalog is not None
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    return _written(content)


@pytest.mark.parametrize(
    ("committee_result", "result"),
    [("8 Ja-Stimmen, 1 Nein-Stimme, 2 Enthaltungen", "adopted"),
     ("Einstimmig, 0 Enthaltungen", "adopted"),
     ("2 Ja-Stimmen, 11 Nein-Stimmen, 0 Enthaltungen", "rejected")],
)  # fmt: skip
def test_the_committees_vote_before_the_councils_is_a_recommendation_to_it(
    tmp_path: Path, content: Path, committee_result: str, result: str
) -> None:
    meetings = [(1, "2019-05-16", committee_result), (2, "2019-05-23", "Einstimmig")]
    written = _import(tmp_path, content, meetings)
    assert written["hauptausschuss"]["kind"] == "recommendation"
    assert written["hauptausschuss"]["recommended_to"] == "rat"
    assert written["hauptausschuss"]["result"] == result
    assert written["rat"]["kind"] == "ordinary"  # the council decides
    assert written["rat"]["result"] == "adopted"


@pytest.mark.parametrize(
    ("meetings", "consultation"),
    [
        # the committee alone: its decision
        ([(1, "2019-05-16", "Einstimmig")], {}),
        # the council first, the committee after it (carrying out, reporting): its decision
        ([(2, "2019-05-09", "Einstimmig"), (1, "2019-05-16", "Einstimmig")], {}),
        # both on one day (a joint session): no order to read
        ([(1, "2019-05-16", "Einstimmig"), (2, "2019-05-16", "Einstimmig")], {}),
        # the source marks the committee's consultation as the deciding one
        ([(1, "2019-05-16", "Einstimmig"), (2, "2019-05-23", "Einstimmig")],
         {"authoritative": True}),
    ],
)  # fmt: skip
def test_near_orders_stay_the_committees_decision(
    tmp_path: Path,
    content: Path,
    meetings: list[tuple[int, str, str]],
    consultation: dict[str, object],
) -> None:
    written = _import(tmp_path, content, meetings, **consultation)
    assert written["hauptausschuss"]["kind"] == "ordinary"
    assert written["hauptausschuss"]["result"] == "adopted"


def test_a_noted_item_before_the_council_stays_noted(tmp_path: Path, content: Path) -> None:
    meetings = [(1, "2019-05-16", "Der Ausschuss nimmt die Ausführungen zur Kenntnis."),
                (2, "2019-05-23", "Einstimmig")]  # fmt: skip
    written = _import(tmp_path, content, meetings)
    assert (written["hauptausschuss"]["kind"], written["hauptausschuss"]["result"]) == (
        "ordinary",
        "noted",
    )


def test_the_recommendation_goes_to_the_council_that_took_the_paper_up(
    tmp_path: Path, content: Path
) -> None:
    """Not to whichever council the registry knows: to the one the source names next."""
    path = _export(tmp_path, [(1, "2019-05-16", "Einstimmig"), (2, "2019-05-23", "Einstimmig")])
    exported = json.loads(path.read_text(encoding="utf-8"))
    exported["data"][1]["name"] = "Gemeinderat"
    path.write_text(json.dumps(exported), encoding="utf-8")
    report = run_oparl(str(path), content, stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    written = _written(content)
    assert written["hauptausschuss"]["recommended_to"] == "gemeinderat"
    assert written["gemeinderat"]["kind"] == "ordinary"
