"""Forms of real result wordings left unread in the assembled export of unseen towns and in the
fifth set's dev half (2026-12-07), each mapped as a class: the real wording it was found in,
and near forms that must stay unread (a negation, a second result, a motion on the procedure,
a recommendation) so that no rule turns an open or recommending wording into a decision."""

from __future__ import annotations

import pytest

from generator.archive.model import ResolutionKind, Result
from generator.importers.outcome import read_outcome
from generator.importers.result_wording import recommendation_in


@pytest.mark.parametrize(
    ("wording", "result", "counts"),
    [
        # labelled counts after a result word: "Ja-Stimmen: 37" is a label with its count
        ("ungeändert beschlossen\nJa-Stimmen: 37, Nein-Stimmen: 1", Result.ADOPTED, (37, 1, None)),
        # Probstei's vote block on one line: the entitled to vote are no votes for
        (
            "Die Tagesordnung wird mit dem –nichtöffentlichen Teil- genehmigt.\n"
            "Stimmberechtigte: 7 Ja-Stimmen: 7 Nein-Stimmen: 0 Enthaltungen: 0 Befangen: 0",
            Result.ADOPTED,
            (7, 0, 0),
        ),
        (
            "Die erforderliche Mehrheit für die Änderung der Tagesordnung wurde somit nicht "
            "erreicht.\nStimmberechtigte: 11 Ja-Stimmen: 5 Nein-Stimmen: 5 Enthaltungen: 1",
            Result.REJECTED,
            (5, 5, 1),
        ),
        # a contract awarded
        (
            "Der Gemeinderat vergab die Arbeiten an die Firma Keller Telekom mit einem Angebot "
            "von 25.484,92 €.",
            Result.ADOPTED,
            None,
        ),
        (
            "Der Gemeinderat vergab folgende Arbeiten an den jeweils günstigsten Bieter:",
            Result.ADOPTED,
            None,
        ),
        # whoever accepts the election was elected
        (
            "Mit Ja stimmen 8 Gemeindevertreter ohne Gegenstimmen oder Enthaltungen. Herr Graske "
            "nimmt die Wahl an.",
            Result.ELECTED,
            None,
        ),
        # consent as a noun: "Die Zustimmung … erfolgte"
        ("Die Zustimmung des Gemeinderats erfolgte ebenfalls einstimmig.", Result.ADOPTED, None),
        # noted, in the passive with the members as agent
        (
            "Die Berechnungen werden durch die Ausschussmitglieder zur Kenntnis genommen.",
            Result.NOTED,
            None,
        ),
        # two bodies deciding together
        (
            "Der Ortschaftsrat Lackendorf und der Gemeinderat fassten den einstimmigen Beschluss, "
            "den Wärmepreis von 0,08 €/kWh auf 0,09 €/kWh zu erhöhen.",
            Result.ADOPTED,
            None,
        ),
        # "Abschließend beschloss der Gemeinderat:" and its points a) b) c)
        (
            "Abschließend beschloss der Gemeinderat: a) die Dokumentation zur 10jährigen "
            "Forsteinrichtungserneuerung wird akzeptiert b) das Betriebsergebnis für das Fortjahr "
            "2010 wird anerkannt c) den Planungen für das Betriebsjahr 2012 wird zugestimmt.",
            Result.ADOPTED,
            None,
        ),
        # object first: "Dem stimmt der Gemeinderat zu."
        ("Dem stimmt der Gemeinderat zu.\n13 : 0", Result.ADOPTED, None),
        # "mit der Maßgabe zugestimmt": adopted with what the proviso changes, as the table reads
        # "mit Maßgabe beschlossen" (the fifth set's one held-out item read wrongly at its
        # baseline, looked at after the one measurement and fixed as a class)
        (
            "Der 2. Änderungsatzung zur Aufwandsentschädigungssatzung wird mit der Maßgabe "
            "zugestimmt, dass Artikel I Nr. 4 der Änderungssatzung wie folgt gefasst wird: "
            '"Nimmt ein Ratsmitglied an drei Sitzungen des Rates in Folge und der dazwischen '
            "liegenden Ratsausschüsse in Folge nicht teil, mindert sich seine "
            "Aufwendungspauschale einmalig um 200 Euro. Auf den Grund der Verhinderung kommt es "
            'nicht an."\nAbstimmungsergebnis: einstimmig',
            Result.ADOPTED_WITH_CHANGES,
            None,
        ),
        # joining an initiative and adopting its paper: two verbs, one result
        (
            "Der Ortsgemeinderat schließt sich der Initiative „Jetzt reden WIR - Ortsgemeinden "
            "stehen auf!“ an und beschließt das dem Ortsgemeinderat vorliegende "
            "„Forderungspapier zur Stärkung bzw. Revitalisierung der kommunalen Selbstverwaltung“.",
            Result.ADOPTED,
            None,
        ),
    ],
)
def test_forms_read_as_a_clerk_reads_them(
    wording: str, result: Result, counts: tuple[int | None, int | None, int | None] | None
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    assert outcome.kind is ResolutionKind.ORDINARY
    if counts is not None:
        (vote,) = outcome.votes
        assert (vote.in_favour, vote.against, vote.abstain) == counts


def test_a_recommendation_voted_for_stays_a_recommendation() -> None:
    outcome = read_outcome("Beschlussempfehlung einstimmig gefasst\nJa: 12")
    assert (outcome.result, outcome.kind) == (Result.ADOPTED, ResolutionKind.RECOMMENDATION)
    assert outcome.recommended_to is None  # "einstimmig gefasst Ja" is no body
    against = read_outcome("Beschlussempfehlung gefasst\nJa: 3, Nein: 9")
    assert (against.result, against.kind) == (Result.NOT_RECORDED, ResolutionKind.RECOMMENDATION)


def test_the_entitled_to_vote_are_never_counted_as_votes_for() -> None:
    """Before: "Stimmberechtigte: 11 Ja-Stimmen: 5 …" beside a sentence read 11 for, 5
    against, 5 abstaining; a sentence that said adopted would have been published 11:5."""
    outcome = read_outcome(
        "Dem Satzungsentwurf wurde zugestimmt.\n"
        "Stimmberechtigte: 9 Ja-Stimmen: 4 Nein-Stimmen: 5 Enthaltungen: 0"
    )
    assert outcome.result is Result.NOT_RECORDED  # the sentence and the 4:5 contradict
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against, vote.abstain) == (4, 5, 0)


@pytest.mark.parametrize(
    "wording",
    [
        "Der Gemeinderat vergab die Arbeiten nicht an die Firma X.",
        "Dem stimmt der Gemeinderat nicht zu.",
        "Dem Antrag auf Vertagung stimmt der Rat zu.",
        "Frau Müller nimmt die Wahl nicht an.",
        "Die Zustimmung des Rates erfolgte nicht.",
        "Der Gemeinderat schließt sich der Stellungnahme nicht an.",
        "Der Ausschuss schließt sich der Empfehlung an.",
        "Der Rat schließt sich dem Antrag an und lehnt die Vorlage ab.",
        "Der Bauausschuss und der Rat empfehlen einstimmig die Annahme.",
        "Der Vorlage wird mit der Maßgabe nicht zugestimmt.",  # read adopted before
        "Abschließend beschloss der Gemeinderat: a) der Antrag wird abgelehnt b) die Vorlage "
        "wird zugestimmt",
        # Hürtgenwald: part a) adopted 21:5, part b) rejected; "b)" is no list of one resolution
        "a)JaNeinEnthaltungBM1CDU83SPD61B‘90/DIE GRÜNEN3FDP2Hr. Gilleßen1Hr. Breuer1Gesamt2150"
        "b)JaNeinEnthaltungBM1CDU47SPD34B‘90/DIE GRÜNEN21FDP2Hr. Gilleßen1Hr. Breuer1Gesamt11132"
        "Somit ist der Beschluss b) mit Stimmenmehrheit abgelehnt.",
        # the fifth set's dev half: open on purpose
        "Beschlussempfehlung: Die Niederschrift der letzten öffentlichen Sitzung vom 10.06.2021 "
        "wird genehmigt.",
        "Der Ausschuss stimmte nicht über die Drucksache ab und bittet um Klärung folgender "
        "Fragen:",
        "Da der Beschlussvorschlag der Verwaltung auch weitgehend die erforderliche Mehrheit "
        "erhalten hat, entfällt die Beschlussfassung über den Antrag von Simon Stock.",
        "Vom Ratsvorsitzenden werden die Beschlussfähigkeit des Gemeinderates sowie die "
        "Tagesordnung festgestellt. Gegen die Feststellungen des Ratsvorsitzenden werden keine "
        "Einwände erhoben.",
    ],
)
def test_near_forms_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


def test_a_text_that_recommends_without_naming_a_body_is_a_recommendation() -> None:
    """Soltau: "Abstimmungsergebnis: mehrheitlich abgelehnt" beside a text whose committee
    recommends ("empfiehlt, die Verwaltung möge …"): rejected, but as a recommendation."""
    text = (
        "Der Bauausschuss empfiehlt, die Verwaltung möge sich mit dem Antrag der Fraktion der "
        "dps zur Errichtung eines Freibades weitergehend befassen."
    )
    found = recommendation_in(text)
    assert found is not None
    assert (found.result, found.kind, found.body) == (
        Result.NOT_RECORDED,
        ResolutionKind.RECOMMENDATION,
        None,
    )
    assert recommendation_in("Der Bauausschuss beschließt, die Verwaltung zu beauftragen.") is None
