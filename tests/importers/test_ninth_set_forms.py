"""Families of result wordings the ninth set (``towns9.tsv``: towns as they publish) showed,
each with the real wording, constructed variants and near misses that must stay unread."""

from __future__ import annotations

import pytest

from generator.archive.model import ResolutionKind, Result
from generator.importers.outcome import read_outcome

KOELN = (
    "ungeändert beschlossen\nMehrheitlich gegen die CDU-Fraktion bei Enthaltung der FDP-Fraktion "
    "und Herrn Schöppe zugestimmt. (Nicht anwesend: Herr Giesen)"
)


@pytest.mark.parametrize(
    ("wording", "result"),
    [
        (KOELN, Result.ADOPTED),  # Köln, the result field above the field "Abstimmungsergebnis"
        ("ungeändert beschlossen\nEinstimmig zugestimmt.", Result.ADOPTED),
        ("einstimmig beschlossen\nEinstimmig zugestimmt.", Result.ADOPTED),
        ("geändert beschlossen\nEinstimmig zugestimmt.", Result.ADOPTED_WITH_CHANGES),
        ("abgelehnt\nMehrheitlich gegen die Stimmen der SPD-Fraktion abgelehnt.", Result.REJECTED),
    ],
)
def test_a_result_field_and_a_line_saying_the_same_result_read_as_that_result(
    wording: str, result: Result
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    assert outcome.kind is ResolutionKind.ORDINARY
    assert outcome.votes[0].text == " ".join(wording.splitlines())  # the wording kept whole


def test_the_agreeing_line_keeps_its_count() -> None:
    outcome = read_outcome("ungeändert beschlossen\nJa: 12, Nein: 3, Enthaltungen: 1")
    assert outcome.result is Result.ADOPTED
    assert (outcome.votes[0].in_favour, outcome.votes[0].against) == (12, 3)


@pytest.mark.parametrize(
    "wording",
    [
        "ungeändert beschlossen\nMehrheitlich abgelehnt.",  # the two lines disagree
        "ungeändert beschlossen\nDer Antrag der SPD wird abgelehnt.",
        "geändert beschlossen\nungeändert beschlossen",
        "ungeändert beschlossen\nEinstimmig geändert beschlossen.",  # unchanged, or changed?
        # the second line is an amendment's vote, not the item's
        "ungeändert beschlossen\nAbstimmungsergebnis über den Änderungsantrag der SPD: "
        "Einstimmig zugestimmt.",
        "ungeändert beschlossen\nJa: 3, Nein: 10",  # the counts reject
    ],
)
def test_two_lines_that_do_not_say_the_same_result_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


def test_two_lines_of_a_recommendation_and_a_decision_are_not_read_as_a_decision() -> None:
    outcome = read_outcome("Einstimmig empfohlen\nEinstimmig zugestimmt.")
    assert outcome.kind is ResolutionKind.RECOMMENDATION or outcome.result is Result.NOT_RECORDED


@pytest.mark.parametrize(
    "wording",
    [
        # the stop's closing note: read adopted, as if the minutes stood as drafted
        "Gegen die Niederschrift wird ein Einwand erhoben, sie ist mit der Änderung genehmigt.",
        "Das Protokoll wird mit den vorgetragenen Änderungen einstimmig genehmigt.",
        "Die Niederschrift wird mit folgender Änderung einstimmig genehmigt: Auf Seite 3 …",
        "Die Niederschrift wird mit der Berichtigung zu TOP 3 genehmigt.",
    ],
)
def test_minutes_approved_with_a_correction_are_adopted_with_changes(wording: str) -> None:
    assert read_outcome(wording).result is Result.ADOPTED_WITH_CHANGES


@pytest.mark.parametrize(
    "wording",
    [
        "Die Niederschrift wird ohne Änderungen genehmigt.",
        "Die Niederschrift wird in der vorliegenden Fassung genehmigt.",
        # the change is what the minutes were about, not a change to them
        "Die Niederschrift über die Sitzung mit der Änderung des Bebauungsplans Nr. 5 wird "
        "genehmigt.",
        "Die Niederschrift wird genehmigt; Änderungswünsche werden nicht vorgebracht.",
        # the change is in another sentence, about another matter
        "Die Niederschrift wird einstimmig genehmigt. Mit der Änderung der Gebührensatzung "
        "befasst sich der Ausschuss im Mai.",
    ],
)
def test_minutes_approved_as_drafted_stay_adopted(wording: str) -> None:
    assert read_outcome(wording).result is Result.ADOPTED


@pytest.mark.parametrize(
    ("wording", "body"),
    [
        ("Einstimmig empfohlen. Der Tagesordnungspunkt wird vertagt.", None),  # closing note
        ("Mehrheitlich empfohlen. Die Beratung wird vertagt.", None),
        ("Dem Rat wird einstimmig empfohlen, zu beschließen. Der Punkt wird vertagt.", "Rat"),
    ],
)
def test_a_recommendation_beside_a_second_result_stays_unread_and_a_recommendation(
    wording: str, body: str | None
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.kind is ResolutionKind.RECOMMENDATION
    assert outcome.recommended_to == body


def test_two_results_without_a_recommendation_stay_an_ordinary_item_unread() -> None:
    outcome = read_outcome("Der Antrag der SPD wird abgelehnt. Der Vorlage wird zugestimmt.")
    assert (outcome.result, outcome.kind) == (Result.NOT_RECORDED, ResolutionKind.ORDINARY)


@pytest.mark.parametrize(
    "wording",
    [
        # Greifswald (ALLRIS, a ballot table flattened beside it) and Billerbeck
        "Herr Wulff ist als Ausschussvorsitzender gewählt und bereit, das Amt anzunehmen.\n"
        "Wahlergebnis: Ja-Stimmen Nein-Stimmen Enthaltungen 8 5 2",
        "Frau Dirks stellt fest, dass damit Herr Wiesmann zum Vorsitzenden, Herr Faltmann zum 1. "
        "stellv. Vorsitzenden und Herr Kösters zum 2. stellv. Vorsitzenden des "
        "Bezirksausschusses gewählt sind.",
        "Der Vorsitzende stellt fest, dass Herr Weber zum Ortsbrandmeister gewählt ist.",
        "Herr Müller ist als Vorsitzender gewählt.\nJa: 9, Nein: 3",
    ],
)
def test_a_person_elected_to_an_office_is_an_election(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.ELECTED
    assert outcome.votes[0].text == " ".join(wording.splitlines())


@pytest.mark.parametrize(
    "wording",
    [
        "Herr Hersel ist nicht gewählt.",
        "Herr Müller soll zum Vorsitzenden gewählt werden.",
        "Frau Schmidt wird als Vorsitzende vorgeschlagen und gewählt werden.",
        "Herr Müller ist als Vorsitzender gewählt. Der Antrag der SPD wird abgelehnt.",
        "Herr Müller ist als Vorsitzender gewählt.\nJa: 3, Nein: 9",  # the counts do not carry
    ],
)
def test_no_election_is_read_where_the_wording_does_not_say_one_carried(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


@pytest.mark.parametrize(
    ("wording", "result"),
    [
        # Wenningstedt-Braderup's minutes (Amt Landschaft Sylt)
        (
            "Die Gemeindevertretung (Gv) stimmt jeweils einstimmig den unter a-c genannten "
            "Änderungen zu.",
            Result.ADOPTED,
        ),
        ("Der Gemeinderat (GR) beschließt einstimmig die Satzung.", Result.ADOPTED),
        ("Der Ausschuss (BUA) lehnt den Antrag mehrheitlich ab.", Result.REJECTED),
    ],
)
def test_a_body_named_with_its_abbreviation_reads_as_without_it(
    wording: str, result: Result
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    assert outcome.votes[0].text == wording


@pytest.mark.parametrize(
    "wording",
    [
        "Die Gemeindevertretung (Gv) stimmt nicht zu.",
        "Der Ausschuss (nicht öffentlich) stimmt zu.",  # a bracket of words, not an abbreviation
        "Die Gemeindevertretung (Gv) nimmt den Bericht zur Kenntnis und stimmt nicht zu.",
    ],
)
def test_what_stays_unread_without_the_abbreviation_stays_unread_with_it(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED
