"""Mandates ("Aufträge"): each invalid case gets the exact file:line:field message; the
model's state, overdue judgement (against the content date) and the downloads."""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import replace
from pathlib import Path, PurePosixPath

import pytest

from generator.archive.mandates import Mandate, MandateState, MandateStatus
from generator.cli import main
from generator.outputs import reuse_outputs
from generator.pages.context import PageContext
from generator.pages.resolution import resolution_page
from generator.reading.loading import load_archive
from tests.conftest import ContentTree, resolution_text

HA = "resolutions/hauptausschuss/2020"
FILE = f"content/{HA}/2020-04-17-test.md"

VALID = """\
mandates:
  - id: a1
    task: Die Verwaltung legt ein Konzept vor.
    responsible: Amt für Stadtentwicklung
    report_to: hauptausschuss
    due: 2020-12-31
    history:
      - date: 2020-04-17
        status: open
      - date: 2020-11-02
        status: done
        note: Konzept vorgelegt
        by: ha-2020-002
"""


def messages(content_tree: ContentTree, files: dict[str, str | bytes]) -> list[str]:
    _, problems = load_archive(content_tree(files))
    return [problem.format() for problem in problems if problem.severity == "error"]


def files(extra: str) -> dict[str, str | bytes]:
    return {
        f"{HA}/2020-04-17-test.md": resolution_text(extra=extra),
        f"{HA}/2020-11-02-report.md": resolution_text(id="ha-2020-002", date="2020-11-02"),
    }


def test_valid_mandate_is_read(content_tree: ContentTree, in_tmp: Path) -> None:
    catalog, problems = load_archive(content_tree(files(VALID)))
    assert [p.format() for p in problems if p.severity == "error"] == []
    assert catalog is not None
    (mandate,) = catalog.by_id["ha-2020-001"].mandates
    assert mandate.state is MandateState.DONE
    assert mandate.done_on == datetime.date(2020, 11, 2)
    assert mandate.done_on_time is True
    assert mandate.history[-1].by == "ha-2020-002"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "status: open",
            "status: offen",
            f"{FILE}:18:9: error: mandates[0].history[0].status: unbekannter Wert 'offen'; "
            "meinten Sie 'open'? (erlaubt: open, in_progress, done, delayed, obsolete)",
            id="unknown-status",
        ),
        pytest.param(
            "date: 2020-11-02",
            "date: 2020-04-16",
            f"{FILE}:19:9: error: mandates[0].history[1].date: der Stand vom 2020-04-16 liegt "
            "vor dem Sitzungsdatum 2020-04-17",
            id="status-before-resolution",
        ),
        pytest.param(
            "date: 2020-04-17\n        status: open",
            "date: 2020-12-01\n        status: open",
            f"{FILE}:19:9: error: mandates[0].history[1].date: die Stände stehen nicht in "
            "zeitlicher Folge: 2020-11-02 liegt vor dem vorigen Stand vom 2020-12-01; "
            "ältester zuerst",
            id="dates-out-of-order",
        ),
        pytest.param(
            "by: ha-2020-002\n",
            "by: ha-2020-002\n      - date: 2020-12-01\n        status: in_progress\n",
            f"{FILE}:24:9: error: mandates[0].history[2].status: nach 'done' (erledigt am "
            "2020-11-02) folgt kein weiterer Stand; ist der Auftrag wieder offen, als neuen "
            "Auftrag eintragen",
            id="status-after-done",
        ),
        pytest.param(
            "by: ha-2020-002",
            "by: ha-2020-999",
            f"{FILE}:22:9: error: mandates[0].history[1].by: es gibt keinen Beschluss mit "
            "der Kennung 'ha-2020-999'",
            id="link-to-unknown-id",
        ),
        pytest.param(
            "due: 2020-12-31",
            "due: 2019-12-31",
            f"{FILE}:15:5: error: mandates[0].due: die Frist 2019-12-31 liegt vor dem "
            "Sitzungsdatum 2020-04-17; prüfen Sie die Jahreszahl",
            id="due-before-resolution",
        ),
        pytest.param(
            "    due: 2020-12-31\n",
            "",
            f"{FILE}:11:5: error: mandates[0]: ein Auftrag braucht eine Frist 'due' "
            "(JJJJ-MM-TT) oder einen wiederkehrenden Bericht 'interval' (z. B. \"halbjährlich\")",
            id="neither-due-nor-interval",
        ),
    ],
)
def test_invalid_mandate(
    content_tree: ContentTree, in_tmp: Path, old: str, new: str, expected: str
) -> None:
    assert old in VALID
    assert messages(content_tree, files(VALID.replace(old, new, 1))) == [expected]


def test_duplicate_mandate_id(content_tree: ContentTree, in_tmp: Path) -> None:
    second = VALID.split("\n", 1)[1]
    found = messages(content_tree, files(VALID + second))
    assert found == [
        f"{FILE}:23:5: error: mandates[1].id: die Kennung 'a1' kommt in diesem Beschluss "
        "zweimal vor"
    ]


def _mandate(due: datetime.date | None, *states: tuple[str, MandateState]) -> Mandate:
    return Mandate(
        id="a1",
        task="t",
        responsible="Amt",
        due=due,
        history=tuple(
            MandateStatus(date=datetime.date.fromisoformat(day), status=state)
            for day, state in states
        ),
    )


def test_overdue_is_judged_against_the_content_date() -> None:
    due = datetime.date(2021, 6, 30)
    mandate = _mandate(due, ("2021-01-01", MandateState.OPEN))
    assert not mandate.overdue(datetime.date(2021, 6, 30))
    assert mandate.overdue(datetime.date(2021, 7, 1))
    done = _mandate(due, ("2021-01-01", MandateState.OPEN), ("2021-08-01", MandateState.DONE))
    assert not done.overdue(datetime.date(2022, 1, 1))
    assert done.done_on_time is False
    obsolete = _mandate(due, ("2021-01-01", MandateState.OBSOLETE))
    assert not obsolete.overdue(datetime.date(2022, 1, 1))
    recurring = _mandate(None, ("2021-01-01", MandateState.IN_PROGRESS))
    assert not recurring.overdue(datetime.date(2030, 1, 1))


def test_downloads_carry_every_status_entry(content_tree: ContentTree, in_tmp: Path) -> None:
    catalog, _ = load_archive(content_tree(files(VALID)))
    assert catalog is not None
    outputs = {f.path: f.content for f in reuse_outputs(catalog, updated=datetime.date(2021, 1, 1))}
    bundle = json.loads(outputs["daten/beschluesse.json"])
    (record,) = [r for r in bundle["resolutions"] if r["id"] == "ha-2020-001"]
    assert record["mandates"][0]["state"] == "done"
    assert [e["status"] for e in record["mandates"][0]["history"]] == ["open", "done"]
    rows = list(csv.DictReader(io.StringIO(outputs["daten/auftraege.csv"].decode("utf-8-sig"))))
    assert [(r["mandate_id"], r["status_date"], r["status"], r["by"]) for r in rows] == [
        ("a1", "2020-04-17", "open", ""),
        ("a1", "2020-11-02", "done", "ha-2020-002"),
    ]


def test_resolution_pages_show_mandates_and_backlinks(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    catalog, _ = load_archive(
        content_tree(files(VALID.replace("status: done", "status: in_progress")))
    )
    assert catalog is not None
    context = PageContext(
        catalog=catalog,
        site_url="https://example.org/",
        content_prefix=PurePosixPath("content"),
        today=datetime.date(2021, 1, 1),
    )
    page = resolution_page(context, catalog.by_id["ha-2020-001"], None).content
    assert "<h2>Aufträge</h2>" in page
    assert "Die Verwaltung legt ein Konzept vor." in page
    assert "Stand: <strong>in Arbeit, überfällig</strong>" in page
    assert "Zuständig: Amt für Stadtentwicklung" in page
    assert '<a href="../../beschluss/ha-2020-002/">Testbeschluss</a>' in page
    report = resolution_page(context, catalog.by_id["ha-2020-002"], None).content
    assert (
        'in Arbeit durch diesen Beschluss: <a href="../../beschluss/ha-2020-001/#auftrag-a1">'
        "Die Verwaltung legt ein Konzept vor.</a>" in report
    )
    # Before the due date the same mandate is not overdue: judged by the Stand date only.
    earlier = replace(context, today=datetime.date(2020, 12, 31))
    page = resolution_page(earlier, catalog.by_id["ha-2020-001"], None).content
    assert "Stand: <strong>in Arbeit</strong>" in page


def test_auftraege_faellig_lists_due_and_overdue_first(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = VALID.replace("status: done", "status: in_progress") + (
        "  - id: a2\n    task: Bericht über den Radverkehr.\n    responsible: Verkehrsamt\n"
        "    due: 2021-03-01\n    history:\n      - date: 2020-04-17\n        status: open\n"
        "  - id: a3\n    task: Später fällig.\n    responsible: Verkehrsamt\n"
        "    due: 2022-01-01\n    history:\n      - date: 2020-04-17\n        status: open\n"
    )
    content = content_tree(files(extra))
    code = main(["auftraege", "--faellig", "--stichtag", "2021-01-15", "--content", str(content)])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0] == "ÜBERFÄLLIG Frist 31.12.2020 · in Arbeit · Amt für Stadtentwicklung"
    assert out[3] == "Frist 01.03.2021 · offen · Verkehrsamt"
    assert out[-1] == "2 Aufträge, Stichtag 15.01.2021."
