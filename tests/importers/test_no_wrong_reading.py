"""Readings that published a wrong fact, each fixed as a class with near misses: a committee's
advice to the administration shown as a recommendation to a deciding body, a conditional
consent shown as plain consent (the condition dropped)."""

from __future__ import annotations

import pytest

from generator.archive.model import ResolutionKind, Result
from generator.importers.outcome import read_outcome
from generator.importers.result_wording import recommendation_in
from generator.importers.text_against_field import elected_in_text, rejection_under_adoption

ADOPTED, UNREAD = Result.ADOPTED, Result.NOT_RECORDED
ORDINARY, RECOMMENDATION = ResolutionKind.ORDINARY, ResolutionKind.RECOMMENDATION


# -- advice to the administration is no recommendation to a deciding body ----------------------


@pytest.mark.parametrize(
    "wording",
    [
        "Der Ausschuss empfiehlt der Verwaltung, die Straße zu sanieren.",
        "Der Ausschuss empfiehlt der Verwaltung, die Straße zu sanieren.\neinstimmig",
        "Der Ausschuss empfiehlt einstimmig der Verwaltung, einen Zuschuss zu gewähren.",
        "Der Bauausschuss empfiehlt der Stadtverwaltung, die Planung fortzuführen.",
        "Der Bauausschuss empfiehlt dem Bürgermeister, den Auftrag zu vergeben.\neinstimmig",
        "Der Ausschuss empfiehlt dem Oberbürgermeister, den Vertrag zu unterzeichnen.",
        "Der Verwaltung wird empfohlen, die Straße zu sanieren.",
        "Empfohlen an Verwaltung",
    ],
)
def test_advice_to_the_administration_is_neither_a_recommendation_nor_a_result(
    wording: str,
) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.kind, outcome.recommended_to) == (UNREAD, ORDINARY, None)
    assert outcome.votes[0].text  # the wording stays where the reader sees it
    assert recommendation_in(wording) is None


@pytest.mark.parametrize(
    ("wording", "body"),
    [
        # near misses: a deciding body is addressed; the administration is only named after it
        ("Der Ausschuss empfiehlt dem Rat, der Verwaltung den Auftrag zu erteilen.", "Rat"),
        ("Der Ausschuss empfiehlt dem Rat, die Verwaltung zu beauftragen.", "Rat"),
        ("Der Verwaltungsausschuss empfiehlt dem Rat, die Satzung zu beschließen.", "Rat"),
        ("Dem Verwaltungsausschuss wird empfohlen, die Satzung zu beschließen.", None),
        ("Empfohlen an Rat", "Rat"),
    ],
)
def test_a_recommendation_to_a_deciding_body_naming_the_administration_stays_one(
    wording: str, body: str | None
) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.kind) == (ADOPTED, RECOMMENDATION)
    assert outcome.recommended_to == (body or "Verwaltungsausschuss")


def test_a_committee_named_with_commas_recommends_in_the_resolution_text() -> None:
    """Remagen (towns10, held-out, looked at after its measurement): the text under "einstimmig
    beschlossen" recommends to the Stadtrat; the committee's name has commas."""
    text = (
        "Der Bau-, Verkehrs- und Umweltausschuss empfiehlt dem Stadtrat die unter a) erläuterte "
        "Bewertung von Gemeindestraßen festzulegen und die Verwaltung zu beauftragen, in den "
        "nächsten Monaten die Straßen im Stadtgebiet den vier Kategorien zuzuordnen."
    )
    found = recommendation_in(text)
    assert found is not None
    assert (found.kind, found.body) == (RECOMMENDATION, "Stadtrat")
    assert (
        recommendation_in("Der Bau-, Verkehrs- und Umweltausschuss beschließt die Planung.") is None
    )
    assert (
        recommendation_in("Der Bau-, Verkehrs- und Umweltausschuss empfiehlt der Verwaltung, …")
        is None
    )


# -- a conditional consent keeps its condition visible: it stays unread --------------------------


@pytest.mark.parametrize(
    ("wording", "kind", "body"),
    [
        (
            "Der Ausschuss empfiehlt dem Rat, dem Antrag zuzustimmen, sofern der Kreis die "
            "Kosten trägt.",
            RECOMMENDATION,
            "Rat",
        ),
        (
            "Der Hauptausschuss empfiehlt dem Rat, der Vorlage unter der Bedingung zuzustimmen, "
            "dass die Mittel bereitstehen.",
            RECOMMENDATION,
            "Rat",
        ),
        (
            "Der Ausschuss empfiehlt der Gemeindevertretung einstimmig, zuzustimmen, falls die "
            "Förderung bewilligt wird.",
            RECOMMENDATION,
            "Gemeindevertretung",
        ),
        (
            "Einstimmig beschlossen, vorbehaltlich der Genehmigung durch die Aufsicht.",
            ORDINARY,
            None,
        ),
        (
            "Dem Bauantrag wird zugestimmt, sofern die Stellplätze nachgewiesen werden.",
            ORDINARY,
            None,
        ),
        ("Einstimmig zugestimmt, vorausgesetzt, der Kreis beteiligt sich.", ORDINARY, None),
    ],
)
def test_a_conditional_consent_stays_unread_with_its_wording(
    wording: str, kind: ResolutionKind, body: str | None
) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.kind, outcome.recommended_to) == (UNREAD, kind, body)
    assert wording.split(",")[0] in (outcome.votes[0].text or "")


@pytest.mark.parametrize(
    "wording",
    [
        # near misses: no condition on the consent
        "Der Ausschuss empfiehlt dem Rat, dem Antrag zuzustimmen.",
        "Der Ausschuss empfiehlt dem Rat einstimmig, der Satzung zuzustimmen.",
    ],
)
def test_a_consent_without_condition_is_read(wording: str) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.kind, outcome.recommended_to) == (
        ADOPTED,
        RECOMMENDATION,
        "Rat",
    )


# -- the resolution text where the field says less or otherwise (OParl) ------------------------

COBURG = (
    "1. Zum Verbandsvorsitzenden wurde gewählt:\nLandrat Michael Busch\nmit folgendem "
    "Wahlergebnis:\nabgegebene Stimmen: 4"
)
ERKELENZ = (
    "„Der Antrag der Fraktion Bündnis 90/DIE GRÜNEN vom 01.05.2004, der Rat der Stadt möge "
    "beschließen, mit einer passenden Stadt in einem der Beitrittsländer der EU eine neue "
    "Partnerschaft einzugehen und die notwendigen Schritte unverzüglich zu unternehmen, wird "
    "abgelehnt.“"
)


@pytest.mark.parametrize(
    ("field", "text", "elected"),
    [
        ("einstimmig", COBURG, True),  # Coburg, towns10 dev
        ("Ja: 7, Nein: 0, Enthaltungen: 0", COBURG, True),
        ("mehrheitlich", "Zum Vorsitzenden wurde Herr Müller gewählt.", True),
        ("einstimmig", "Herr Müller wird zum Vorsitzenden gewählt.", True),
        ("einstimmig", "Gewählt wurde Frau Meier.", True),
        # near misses: the field says more than a vote, or no one is elected
        ("einstimmig beschlossen", COBURG, False),
        ("zur Kenntnis genommen", COBURG, False),
        ("einstimmig", "Zum Vorsitzenden wurde Herr Müller vorgeschlagen.", False),
        ("einstimmig", "Zum Vorsitzenden soll Herr Müller gewählt werden.", False),
        ("einstimmig", "Zum Vorsitzenden wurde Herr Müller nicht gewählt.", False),
        ("einstimmig", "Der Rat beschließt die Satzung.", False),
        ("", COBURG, False),
    ],
)
def test_a_bare_vote_over_an_election_told_in_the_text_elected(
    field: str, text: str, elected: bool
) -> None:
    assert elected_in_text(field, text) is elected


@pytest.mark.parametrize(
    ("result", "text", "contradicts"),
    [
        (ADOPTED, ERKELENZ, True),  # Erkelenz, towns10 dev: "ungeändert beschlossen", 43 : 7
        (Result.ADOPTED_WITH_CHANGES, "Der Antrag der SPD-Fraktion wird abgelehnt.", True),
        (ADOPTED, "Der Rat lehnt den Antrag der CDU-Fraktion ab.", True),
        (ADOPTED, "Der Stadtrat beschließt, den Antrag der Fraktion abzulehnen.", True),
        # near misses: the field agrees, or the text decides more than the rejection
        (Result.REJECTED, ERKELENZ, False),
        (ADOPTED, "Der Antrag der SPD wird angenommen.", False),
        (ADOPTED, "1. Der Antrag wird abgelehnt.\n2. Die Verwaltung wird beauftragt, …", False),
        (ADOPTED, "Die Verwaltung wird beauftragt. Der Antrag wird abgelehnt.", False),
        (ADOPTED, "Der Rat beschließt, den Antrag der SPD anzunehmen.", False),
        (ADOPTED, "", False),
    ],
)
def test_a_field_adopting_a_text_that_only_rejects_a_motion_stays_unread(
    result: Result, text: str, contradicts: bool
) -> None:
    assert rejection_under_adoption(result, text) is contradicts
