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


# -- counts written "N Stimmen dafür" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("vote", "result", "counts"),
    [
        # Eisenach (export, held-out of the first sets): the count, "Stimmen", the side
        (
            "Abstimmung: 6 Stimmen dafür 0 Stimmen dagegen 3 Stimmenthaltungen",
            Result.ADOPTED,
            (6, 0, 3),
        ),
        ("Abstimmung: 2 Stimmen dafür 7 Stimmen dagegen", Result.REJECTED, (2, 7, None)),
        ("1 Stimme dafür, 8 Stimmen dagegen", Result.REJECTED, (1, 8, None)),
    ],
)
def test_counts_with_stimmen_before_the_side_are_read(
    vote: str, result: Result, counts: tuple[int | None, ...]
) -> None:
    outcome = read_outcome(vote)
    assert outcome.result is result
    assert (outcome.votes[0].in_favour, outcome.votes[0].against, outcome.votes[0].abstain) == (
        counts
    )


def test_dafuer_without_its_count_is_no_count() -> None:
    assert read_outcome("6 Stimmen, dafür 3 Enthaltungen").result is Result.NOT_RECORDED


# -- minutes no one objected to, said approved in as many words ---------------------------


@pytest.mark.parametrize(
    "wording",
    [
        # Gilching and Vohenstrauß (komuna; export, held-out of the sixth set, not blind)
        "Gegen die öffentliche Niederschrift vom 23.02.2021 wird kein Einwand erhoben, sie ist "
        "somit genehmigt.\nDafür: 24, Dagegen: 0",
        "Einwendungen gegen die Sitzungsniederschrift vom 30.07.2015 werden nicht erhoben. Damit "
        "gilt diese Niederschrift als vom Stadtrat Vohenstrauß genehmigt (Art. 54 Abs. 2 GO).\n"
        "Dafür: 0, Dagegen: 0",
        "Gegen das Protokoll der letzten Sitzung werden keine Einwendungen erhoben, es ist damit "
        "genehmigt.",
    ],
)
def test_minutes_without_objection_said_approved_are_adopted(wording: str) -> None:
    assert read_outcome(wording).result is Result.ADOPTED


@pytest.mark.parametrize(
    "wording",
    [
        # counts that reject beside it: the wording and the counts cannot both be right
        "Gegen die Niederschrift wird kein Einwand erhoben, sie ist somit genehmigt.\n"
        "Dafür: 3, Dagegen: 12",
        "Gegen die Niederschrift wird kein Einwand erhoben, sie gilt aber nicht als genehmigt.",
        "Einwendungen gegen die Niederschrift werden nicht erhoben. Damit gilt diese "
        "Niederschrift nicht als genehmigt.",
        # another body's minutes: not this body's to approve
        "Gegen die Niederschrift der Sitzung des Ortschaftsrates wird kein Einwand erhoben, sie "
        "ist somit genehmigt.",
        # a second result after it
        "Gegen die Niederschrift wird kein Einwand erhoben, sie ist somit genehmigt. Der Antrag "
        "der SPD wird abgelehnt.",
    ],
)
def test_near_forms_of_minutes_approved_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


# -- a resolution under a label that says how it was carried ---------------------------------


@pytest.mark.parametrize(
    ("wording", "unanimous"),
    [
        # Salzgitter (ALLRIS extract; eighth set, dev)
        (
            "Einstimmiger Beschluss: Die Standgebühren auf den städtischen Wochenmarktplätzen "
            "bleiben für 2016 unverändert bestehen. Für 2016 wird eine kalkulierte Unterdeckung "
            "in Höhe von 40.195,42 € beschlossen.",
            True,
        ),
        ("Mehrheitlicher Beschluss: Der Zuschuss wird auf 5.000 € festgesetzt.", False),
        ("Einstimmig gefasster Beschluss: Die Gebühren bleiben unverändert.\nJa: 9, Nein: 0", True),
    ],
)
def test_a_labelled_resolution_is_adopted(wording: str, unanimous: bool) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.kind) == (Result.ADOPTED, ResolutionKind.ORDINARY)
    assert any(vote.unanimous for vote in outcome.votes) is unanimous


@pytest.mark.parametrize(
    "wording",
    [
        # a proposal, not a decision
        "Einstimmiger Beschlussvorschlag: Die Gebühren bleiben unverändert.",
        # counts against a label that says unanimous, or counts that reject
        "Einstimmiger Beschluss: Die Gebühren bleiben unverändert.\nJa: 9, Nein: 3",
        "Einstimmiger Beschluss: Die Gebühren bleiben unverändert.\nJa: 3, Nein: 9",
        # a condition, a recommendation
        "Einstimmiger Beschluss: Die Gebühren bleiben unverändert, sofern der Kreis zustimmt.",
        "Einstimmiger Beschluss: Der Ausschuss empfiehlt dem Rat, die Satzung zu beschließen.",
    ],
)
def test_near_forms_of_a_labelled_resolution_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


def test_a_labelled_recommendation_stays_a_recommendation() -> None:
    outcome = read_outcome(
        "Einstimmiger Beschluss: Der Ausschuss empfiehlt dem Rat, die Satzung zu beschließen."
    )
    assert outcome.kind is ResolutionKind.RECOMMENDATION


# -- the minutes' own closing statement after the counts -------------------------------------


@pytest.mark.parametrize(
    ("wording", "result"),
    [
        # Zusmarshausen (gazette; export, held-out of the sixth set, not blind): the text put to
        # the vote, then counts and a closing statement that agree
        (
            "Der Marktgemeinderat stimmt der Durchführung einer Machbarkeitsstudie, zur „Neuen "
            "Mitte“ Zusmarshausen zu.\n(Abstimmungsergebnis: Ja 8 / Nein 10 - Somit ist der "
            "Antrag abgelehnt.)",
            Result.REJECTED,
        ),
        ("beschlossen\nJa: 9, Nein: 2 - Damit ist der Antrag angenommen.", Result.ADOPTED),
        ("Ja: 4, Nein: 8 - Damit ist der Antrag abgelehnt.", Result.REJECTED),
        # a field against counts and closing statement alike: two against one
        ("beschlossen\nJa: 4, Nein: 8 - Damit ist der Antrag abgelehnt.", Result.REJECTED),
    ],
)
def test_counts_and_a_closing_statement_that_agree_decide(wording: str, result: Result) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    assert outcome.votes[0].in_favour is not None  # the counts are kept, not lost with it


@pytest.mark.parametrize(
    "wording",
    [
        # the closing statement against its counts, or the counts alone against the wording
        "Der Marktgemeinderat stimmt der Machbarkeitsstudie zu.\n(Abstimmungsergebnis: Ja 8 / "
        "Nein 10 - Somit ist der Antrag angenommen.)",
        "Der Marktgemeinderat stimmt der Machbarkeitsstudie zu.\n(Abstimmungsergebnis: Ja 8 / "
        "Nein 10)",
        # "einstimmig" beside counts against it; a recommendation (the body's own vote failed)
        "einstimmig beschlossen\nJa: 4, Nein: 8 - Damit ist der Antrag abgelehnt.",
        "Der Bauausschuss empfiehlt dem Rat, zuzustimmen.\nJa: 4, Nein: 8 - Damit ist der "
        "Antrag abgelehnt.",
    ],
)
def test_near_forms_of_a_closing_statement_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


# -- one vote a part, after the wording --------------------------------------------------------

_ZEITZ = (
    "Abstimmungsergebnis zu 1.: Gesetzl. Anzahl der Mitglieder: 7 davon anwesend: 7 "
    "Ja-Stimmen: 5 Nein-Stimmen: 1 Stimmenthaltungen: 1 von der Abstimmung gemäß § 31 GO-LSA "
    "ausgeschlossen: 0 Abstimmungsergebnis zu 2.: Gesetzl. Anzahl der Mitglieder: 7 davon "
    "anwesend: 7 Ja-Stimmen: 4 Nein-Stimmen: 3 Stimmenthaltungen: 0 von der Abstimmung gemäß "
    "§ 31 GO-LSA ausgeschlossen: 0"
)


def test_every_part_carried_confirms_the_wording() -> None:
    # Zeitz (ALLRIS, Saxony-Anhalt; eighth set, dev)
    outcome = read_outcome(f"geändert beschlossen\n{_ZEITZ}")
    assert outcome.result is Result.ADOPTED_WITH_CHANGES
    assert [(v.in_favour, v.against, v.abstain) for v in outcome.votes] == [(5, 1, 1), (4, 3, 0)]
    assert read_outcome(_ZEITZ).result is Result.ADOPTED  # the parts alone, as before


@pytest.mark.parametrize(
    "wording",
    [
        # a part rejected: a partial adoption, never published as the wording's one result
        "geändert beschlossen\n"
        + _ZEITZ.replace("Ja-Stimmen: 4 Nein-Stimmen: 3", "Ja-Stimmen: 3 Nein-Stimmen: 4"),
        "geändert beschlossen\n"
        + _ZEITZ.replace("Ja-Stimmen: 5 Nein-Stimmen: 1", "Ja-Stimmen: 1 Nein-Stimmen: 5"),
        # the wording against every part; "einstimmig" beside votes against
        f"abgelehnt\n{_ZEITZ}",
        f"einstimmig beschlossen\n{_ZEITZ}",
    ],
)
def test_parts_against_the_wording_leave_it_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED
