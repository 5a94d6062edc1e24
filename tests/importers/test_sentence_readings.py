"""Sentences a reviewer found read wrongly: counts, procedure, recommendations, ties, bias."""

from __future__ import annotations

import pytest

from generator.archive.model import ResolutionKind, Result
from generator.importers.outcome import read_outcome

_CONTRADICTION = "Wortlaut und Stimmenzahlen widersprechen sich"


@pytest.mark.parametrize(
    ("wording", "result", "counts"),
    [
        (
            "Der Gemeinderat beschließt mit 13 gegen 0 Stimmen die Satzung.",
            Result.ADOPTED,
            (13, 0, None),
        ),
        (
            "Der Gemeinderat lehnt den Antrag mit 5 gegen 9 Stimmen ab.",
            Result.REJECTED,
            (5, 9, None),
        ),
        ("Der Gemeinderat stimmt mit zehn gegen zwei Stimmen zu.", Result.ADOPTED, (10, 2, None)),
        (
            "Der Gemeinderat beschließt mit 11 gegen 2 Stimmen bei 1 Enthaltung.",
            Result.ADOPTED,
            (11, 2, 1),
        ),
        (
            "Der Rat beschließt die Satzung mit 12 Stimmen dafür und 2 Stimmen dagegen.",
            Result.ADOPTED,
            (12, 2, None),
        ),
        (
            "Der Rat beschließt die Satzung mit einer Stimme dagegen.",
            Result.ADOPTED,
            (None, 1, None),
        ),
    ],
)
def test_counts_for_against_in_a_sentence(
    wording: str, result: Result, counts: tuple[int | None, ...]
) -> None:
    outcome = read_outcome(wording)
    vote = outcome.votes[0]
    assert (outcome.result, (vote.in_favour, vote.against, vote.abstain)) == (result, counts)


@pytest.mark.parametrize(
    "wording",
    [
        "Der Gemeinderat beschließt mit 10 gegen 12 Stimmen die Satzung.",
        "Der Gemeinderat beschließt mit zehn gegen zwölf Stimmen die Satzung.",
        "Der Rat beschließt die Satzung mit 10 Stimmen dafür und 12 Stimmen dagegen.",
        "Der Rat beschließt mehrheitlich die Satzung (Ja 10, Nein 12).",
    ],
)
def test_counts_that_contradict_the_verb_leave_the_result_unrecorded(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.note is not None and outcome.note.startswith(_CONTRADICTION)
    assert (outcome.votes[0].in_favour, outcome.votes[0].against) == (10, 12)
    assert outcome.votes[0].text == wording


@pytest.mark.parametrize(
    "wording",
    [
        "Der Rat stimmt der Zurückverweisung in den Bauausschuss zu.",
        "Der Rat stimmt dem Geschäftsordnungsantrag zu.",
        "Der Rat stimmt dem GO-Antrag zu.",
        "Der Rat stimmt der Dringlichkeit zu.",
        "Der Rat beschließt die Rückverweisung an die Verwaltung",
        "Dem Antrag auf Zurückstellung wird zugestimmt",
        "Dem Antrag auf Rückverweisung wird zugestimmt",
        "Dem Antrag auf Schluss der Debatte wird zugestimmt",
        "Der Ausschuss spricht sich dafür aus, die Angelegenheit zunächst in den Fraktionen zu "
        "beraten.",
        "Die Mitglieder sprechen sich für die vorgeschlagene Verfahrensweise aus.",
        "Der Bürgermeister schlägt vor, das Thema in die Fraktionen zu geben. Die Mitglieder "
        "stimmen zu.",
        "Dem Vorschlag, die Beratung in den Fraktionen fortzusetzen, wird zugestimmt.",
    ],
)
def test_a_vote_on_a_motion_on_procedure_is_not_the_item_adopted(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert any(vote.text == wording for vote in outcome.votes)
    assert outcome.note is not None


@pytest.mark.parametrize(
    "wording",
    [
        "Der Ausschuss fasst folgenden Empfehlungsbeschluss: Die Satzung wird beschlossen.",
        "Der Ausschuss fasst folgenden Empfehlungsbeschluss: Die Satzung wird einstimmig "
        "beschlossen.",
        "Der Hauptausschuss beschließt vorberatend die Satzung.",
        "Der Ausschuss beschließt vorberatend einstimmig die Satzung.",
        "Der Ausschuss stimmt der Vorlage vorberatend zu.",
        "Der Ausschuss fasst folgenden Beschluss: Der Ausschuss empfiehlt dem Rat, die Satzung zu "
        "beschließen.",
    ],
)
def test_a_recommendation_in_any_of_its_words_is_never_a_decision(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.kind is ResolutionKind.RECOMMENDATION
    assert outcome.result is Result.NOT_RECORDED
    assert any(vote.text == wording for vote in outcome.votes)


@pytest.mark.parametrize(
    "wording",
    [
        "Einstimmig angenommen bei 3 Gegenstimmen",
        "Einstimmig bei 3 Gegenstimmen",
        "Der Rat beschließt einstimmig die Satzung mit 10 Ja-Stimmen und 5 Nein-Stimmen.",
    ],
)
def test_einstimmig_beside_votes_against_is_a_contradiction_not_a_unanimous_vote(
    wording: str,
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.note is not None and outcome.note.startswith(_CONTRADICTION)
    assert not any(vote.unanimous for vote in outcome.votes)
    assert any(vote.text == wording for vote in outcome.votes)


@pytest.mark.parametrize(
    "wording",
    [
        "einstimmig, 0 Nein-Stimmen",
        "Einstimmig beschlossen, Gegenstimmen: keine",
        # labels before their counts: "3 Nein-Stimmen" here is the 3 of "Ja-Stimmen: 3"
        "Dem Satzungsentwurf wurde einstimmig zugestimmt. Ja-Stimmen: 3 Nein-Stimmen: 0",
        # a second vote (on extending the sitting) after the item's own
        "einstimmig, 1 Enthaltung FDP-FraktionDie Sitzung soll verlängert werden."
        "Beratungsergebnis: 24 Ja-Stimmen, 1 Nein-Stimme",
    ],
)
def test_einstimmig_with_no_votes_against_stays_unanimous(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.ADOPTED
    assert outcome.votes[0].unanimous


@pytest.mark.parametrize(
    "wording",
    [
        "Der Gemeinderat stimmt dem Antrag bei Stimmengleichheit zu.",
        "Bei Stimmengleichheit angenommen",
        "Der Rat beschließt: Die Satzung wird nicht erlassen.",
        "Der Rat beschließt: Der Antrag ist abzulehnen.",
    ],
)
def test_a_tie_or_a_negation_after_the_colon_is_never_read_as_adopted(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert any(vote.text == wording for vote in outcome.votes)


def test_a_tie_that_rejects_stays_rejected() -> None:
    assert read_outcome("Bei Stimmengleichheit abgelehnt").result is Result.REJECTED


@pytest.mark.parametrize(
    "wording",
    [
        "Gemäß der Beschlussempfehlung des Ausschusses wurde der Satzung einstimmig zugestimmt.",
        "Der Empfehlung des Bauausschusses folgend einstimmig beschlossen",
        "Ja: 10, Nein: 2 (Beschlussempfehlung des HFA)",
    ],
)
def test_a_decision_that_names_a_recommendation_is_not_labelled_one(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.kind is ResolutionKind.ORDINARY
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes[0].text == wording


@pytest.mark.parametrize(
    "wording",
    [
        "Der Ausschuss stimmt der Vorlage zu und gibt sie an den Rat weiter.",
        "Der Ortsbeirat stimmt der Vorlage zu (Anhörung).",
        "Der Ausschuss stimmt der Vorlage zu. Die abschließende Entscheidung trifft der Rat.",
        "Der Ausschuss beschließt einstimmig die Vorlage zur Weiterleitung an den Kreistag.",
    ],
)
def test_an_agreement_another_body_decides_on_is_no_decision(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED


@pytest.mark.parametrize(
    ("wording", "result", "counts"),
    [
        # the fourth set's dev half (unseen4.tsv), each a form, not a town
        (
            "Nachdem in der Sitzung vom 28.06.2016 bereits darüber diskutiert wurde, beschließt "
            "das Gremium einstimmig einen Kostendeckungsgrad von 20%.",
            Result.ADOPTED,
            None,
        ),
        (
            "Die Ladung, die Beschlussfähigkeit sowie die Tagesordnung werden festgestellt.",
            Result.ADOPTED,
            None,
        ),
        (
            "Die Niederschriften lfd. Nr. 07 und lfd. Nr. 08 werden genehmigt.",
            Result.ADOPTED,
            None,
        ),
        ("Einem Baugesuch in Feld wurde das Einvernehmen erteilt.", Result.ADOPTED, None),
        ("Das gemeindliche Einvernehmen wird erteilt.", Result.ADOPTED, None),
        (
            "Auf Befragung bestehen dazu keine Einwände, die Genehmigung wird erteilt.\n"
            "Dafür: 12, Dagegen: 0",
            Result.ADOPTED,
            (12, 0, None),
        ),
        (
            "Der Stadtrat anerkennt den Bedarf zum Bau einer Kindertageseinrichtung.\n"
            "Dafür: 27, Dagegen: 0",
            Result.ADOPTED,
            (27, 0, None),
        ),
        (
            "Die Niederschrift der Sitzung vom 25.09.2023 wird genehmigt.\n"
            "Dafür: 7, Dagegen: 1, Enthaltung: 1",
            Result.ADOPTED,
            (7, 1, 1),
        ),
        (
            "Die Gemeindevertretung stimmt dem Vertrag zu.\nDafür: 15 / Dagegen: 0 / Enthaltung: 1",
            Result.ADOPTED,
            (15, 0, 1),
        ),
        (
            "Vor Eintritt in die Tagesordnung beantragte der Bürgermeister, TOP 2 vorzuziehen. "
            "Dem Antrag wurde entsprochen. Der Beschluss erfolgte einstimmig.",
            Result.ADOPTED,
            None,
        ),
        (
            "Den Tagesordnungspunkt „Personalangelegenheiten“ zog der Vorsitzende von der "
            "Tagesordnung zurück. Die geänderte Tagesordnung wurde einstimmig angenommen.",
            Result.ADOPTED,
            None,
        ),
        (
            "Der Gemeinderat beschloss einstimmig, die Beratung und Beschlussfassung über die "
            "Geschäftsordnung zu vertagen.",
            Result.DEFERRED,
            None,
        ),
    ],
)
def test_forms_of_the_fourth_sets_dev_half(
    wording: str, result: Result, counts: tuple[int | None, ...] | None
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    if counts is not None:
        vote = outcome.votes[0]
        assert (vote.in_favour, vote.against, vote.abstain) == counts


@pytest.mark.parametrize(
    "wording",
    [
        "Das gemeindliche Einvernehmen wird nicht erteilt.",
        "Das gemeindliche Einvernehmen wird versagt.",
        "Dem Antrag wurde nicht entsprochen.",
        "Die Genehmigung wird erteilt, sofern der Bauherr die Stellplätze nachweist.",
        "Es bestehen Bedenken, die Genehmigung wird nicht erteilt.",
        "Der Gemeinderat beschloss nicht, die Beratung zu vertagen.",
        "Der Gemeinderat beschließt, die Beratung zu vertagen und die Satzung zu erlassen.",
        "Nachdem der Rat die Satzung in seiner letzten Sitzung beschlossen hat, wird sie heute "
        "nicht erneut beraten.",
        "Der Antrag, TOP 5 von der Tagesordnung abzusetzen, wird angenommen.",
        "Der Rat erkennt die Bedenken nicht an.",
    ],
)
def test_near_forms_that_do_not_say_it_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED
