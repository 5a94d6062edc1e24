"""Wording families from the eighth set's work (``unseen8.tsv`` dev half, the assembled export's
unread items and the two defects the last closing note named), each with real and constructed
variants and the near forms that must stay unread.

Precision first: a wording read whole must not swallow a second sentence that states another
result, and a field must not publish one result where the resolution text reports its parts
decided differently.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
import yaml

from generator.archive.model import ResolutionKind, Result
from generator.importers.outcome import read_outcome
from generator.importers.part_outcomes import parts_contradict
from generator.importers.runner import run_oparl
from generator.reading.loading import load_archive
from tests.importers.test_import_oparl import _export

TODAY = datetime.date(2024, 5, 1)

# -- a wording read whole that ran over a second result ---------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        # the defect the last note named: the recommendation's pattern reads to the end
        "Der Ausschuss empfiehlt dem Rat, die Vorlage zu beschließen. "
        "Der Antrag der SPD wird abgelehnt.",
        "Der Bauausschuss empfiehlt dem Stadtrat, dem Bauantrag zuzustimmen.\n"
        "Der Antrag auf Vertagung wird abgelehnt.",
        "Der Haupt- und Finanzausschuss empfiehlt der Stadtverordnetenversammlung, die Satzung "
        "zu beschließen. Der Änderungsantrag der FDP wird mehrheitlich abgelehnt.",
    ],
)
def test_a_recommendation_does_not_swallow_a_second_result(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.kind is ResolutionKind.RECOMMENDATION  # still never written as a decision
    assert outcome.votes and outcome.votes[0].text  # the wording stays for the reader


def test_two_results_read_whole_stay_unread() -> None:
    # "(?:[\w.]+ ){0,6}vertagt" took "Einstimmig empfohlen." for words before the deferral
    assert read_outcome("Einstimmig empfohlen. Der Tagesordnungspunkt wird vertagt.").result is (
        Result.NOT_RECORDED
    )


@pytest.mark.parametrize(
    ("wording", "result", "body"),
    [
        # near forms: a second sentence without a result of its own, or with the same one
        (
            "Der Ausschuss empfiehlt dem Rat, die Vorlage zu beschließen. Die Verwaltung wird "
            "gebeten, bis zur Sitzung des Rates die Kosten zu ermitteln.",
            Result.ADOPTED,
            "Rat",
        ),
        (
            "Der Ausschuss empfiehlt dem Rat, die Vorlage Nr. 5 gem. § 34 BauGB zu beschließen. "
            "Dem wird einstimmig zugestimmt.",
            Result.ADOPTED,
            "Rat",
        ),
        ("Der Ausschuss empfiehlt dem Rat, die Vorlage zu beschließen.", Result.ADOPTED, "Rat"),
    ],
)
def test_a_recommendation_keeps_what_follows_without_a_result(
    wording: str, result: Result, body: str
) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.kind, outcome.recommended_to) == (
        result,
        ResolutionKind.RECOMMENDATION,
        body,
    )


def test_a_single_deferral_is_still_read() -> None:
    assert read_outcome("Der Tagesordnungspunkt wird vertagt.").result is Result.DEFERRED


# -- parts the text reports decided otherwise than the field ----------------------------------

_PARTS_SPLIT = (
    "1. Der Stadtrat stimmt der Erweiterung des Kindergartens zu. 2. Die Verwaltung wird "
    "beauftragt, die Mittel im Haushalt 2024 einzustellen. Ziffer 1 wurde mit 12:9 Stimmen "
    "angenommen, Ziffer 2 mit 9:12 Stimmen abgelehnt."
)


@pytest.mark.parametrize(
    ("result", "text"),
    [
        (Result.REJECTED, _PARTS_SPLIT),  # the Roth case: the field rejects, point 1 carried
        (Result.ADOPTED, "Punkt 1: einstimmig beschlossen. Punkt 2: mehrheitlich abgelehnt."),
        (
            Result.ADOPTED,  # counts per part, as Zeitz writes them
            "Abstimmungsergebnis zu 1.: Ja-Stimmen: 5 Nein-Stimmen: 1 "
            "Abstimmungsergebnis zu 2.: Ja-Stimmen: 3 Nein-Stimmen: 4",
        ),
        (Result.REJECTED, "Punkt 1 wurde einstimmig beschlossen."),
        # an amendment to a part carried beside a field that rejects: whose result? unread
        (
            Result.REJECTED,
            "Der Antrag, Ziffer 1 der Vorlage zu streichen, wurde mehrheitlich angenommen.",
        ),
    ],
)
def test_a_part_reported_otherwise_contradicts_the_field(result: Result, text: str) -> None:
    assert parts_contradict(result, text)


@pytest.mark.parametrize(
    ("result", "text"),
    [
        # the resolution's own words are what was put to the vote, not a report of it
        (Result.REJECTED, "1. Dem Antrag wird zugestimmt. 2. Die Mittel werden bereitgestellt."),
        (Result.REJECTED, "Ziffer 1 und Ziffer 2 wurden einstimmig abgelehnt."),
        (
            Result.ADOPTED,
            "Abstimmungsergebnis zu 1.: Ja-Stimmen: 5 Nein-Stimmen: 1 "
            "Abstimmungsergebnis zu 2.: Ja-Stimmen: 4 Nein-Stimmen: 3",
        ),
        # the agenda's point, not a part of the resolution
        (Result.REJECTED, "Der Beschluss zu Punkt 3 der Tagesordnung wurde einstimmig gefasst."),
        (Result.NOT_RECORDED, _PARTS_SPLIT),  # nothing published to contradict
        (Result.DEFERRED, _PARTS_SPLIT),
    ],
)
def test_parts_that_agree_with_the_field_leave_it(result: Result, text: str) -> None:
    assert not parts_contradict(result, text)


def test_an_export_row_whose_text_reports_a_part_adopted_is_not_published_rejected(
    tmp_path: Path, content: Path
) -> None:
    row = {"result": "mehrheitlich abgelehnt\nJa: 9, Nein: 12", "resolutionText": _PARTS_SPLIT}
    report = run_oparl(str(_export(tmp_path, row)), content, stream=io.StringIO(), today=TODAY)
    (path,) = report.written
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert data["result"] == "not_recorded"
    catalog, problems = load_archive(content)
    assert catalog is not None
    assert [p for p in problems if p.severity.value == "error"] == []


def test_an_export_row_whose_text_only_words_the_resolution_stays_rejected(
    tmp_path: Path, content: Path
) -> None:
    row = {
        "result": "mehrheitlich abgelehnt\nJa: 9, Nein: 12",
        "resolutionText": "1. Dem Antrag wird zugestimmt. 2. Die Mittel werden bereitgestellt.",
    }
    report = run_oparl(str(_export(tmp_path, row)), content, stream=io.StringIO(), today=TODAY)
    (path,) = report.written
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert data["result"] == "rejected"
