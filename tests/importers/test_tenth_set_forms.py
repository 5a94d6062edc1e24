"""Families of result wordings the tenth set's dev half (``towns10.tsv``) and the ninth set's
two open items showed, each with the real wording, constructed variants and near misses that
must stay unread: a recommendation is never published as a decision, a rejection never as an
adoption."""

from __future__ import annotations

import pytest

from generator.archive.model import ResolutionKind, Result
from generator.importers.outcome import read_outcome
from generator.importers.result_wording import recommendation_in

ADOPTED, REJECTED, NOTED = Result.ADOPTED, Result.REJECTED, Result.NOTED
UNREAD = Result.NOT_RECORDED
WERMELSKIRCHEN = (
    "Der Ausschuss für Stadtentwicklung und Verkehr beschließt mit 11 Ja-Stimmen (CDU, BüFo, FDP) "
    "bei 6 Gegenstimmen (SPD, Bündnis 90/Die Grünen, fraktionslos) und 2 Enthaltungen (UWG, "
    "WNK/UWG) die Aufstellung eines Bebauungsplanes mit der Maßgabe, dass für die Stadt keine "
    "Kosten für die Aufstellung des Bebauungsplanes sowie für die Erschließung des Gebietes "
    "entstehen."
)


# -- a committee named with coordinated parts or "für …" (Wermelskirchen, Lübeck) --------------


@pytest.mark.parametrize(
    ("wording", "result"),
    [
        (WERMELSKIRCHEN, Result.ADOPTED_WITH_CHANGES),  # towns9, open since the ninth set
        (
            "Der Vorsitzende eröffnet die Sitzung und stellt die Beschlussfähigkeit des "
            "Ausschusses fest. Der Finanz-, Personal-und Rechnungsprüfungsausschuss nimmt "
            "Kenntnis.",
            NOTED,
        ),  # Lübeck, minutes of one item
        ("Der Haupt- und Finanzausschuss beschließt einstimmig die Vorlage.", ADOPTED),
        ("Der Bau-, Umwelt- und Verkehrsausschuss lehnt den Antrag ab.", REJECTED),
        ("Der Ausschuss für Bauen, Stadtentwicklung und Umwelt stimmt der Vorlage zu.", ADOPTED),
        (
            "Der Ausschuss für Stadtentwicklung und Verkehr beschließt mit 11 Ja-Stimmen bei 6 "
            "Gegenstimmen die Aufstellung.",
            ADOPTED,
        ),
        # near misses: stay unread
        ("Der Haupt- und Finanzausschuss beschließt nicht.", UNREAD),
        (
            "Die Mitglieder der SPD-Fraktion im Ausschuss für Stadtentwicklung und Verkehr stimmen "
            "dem Antrag zu.",
            UNREAD,
        ),
        (
            "Der Ausschuss für Stadtentwicklung und Verkehr beschließt mit 6 Ja-Stimmen (SPD) "
            "bei 11 Gegenstimmen (CDU, BüFo, FDP) die Aufstellung.",
            UNREAD,
        ),  # the counts reject it
    ],
)
def test_a_committee_named_in_parts_decides_as_any_body(wording: str, result: Result) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    assert outcome.kind is ResolutionKind.ORDINARY


def test_the_counts_by_faction_in_brackets_are_kept() -> None:
    vote = read_outcome(WERMELSKIRCHEN).votes[0]
    assert (vote.in_favour, vote.against, vote.abstain) == (11, 6, 2)


# -- a committee's recommendation told as a sentence (Esens, Rödermark, Pohlheim, W. Börde) ----


@pytest.mark.parametrize(
    ("wording", "body"),
    [
        (  # Esens (towns9, open since the ninth set): names no body, says what for
            "Nach kurzer Diskussion empfiehlt der Ausschuss einstimmig die Haushaltssatzung "
            "2020 zur Beschlussfassung.",
            None,
        ),
        (  # Rödermark
            "Der Haupt-, Finanz- und Wirtschaftsförderungsausschuss empfiehlt der "
            "Stadtverordnetenversammlung einstimmig, dem Beschlussvorschlag zuzustimmen.",
            "Stadtverordnetenversammlung",
        ),
        (  # Pohlheim, the counts on their own line
            "Nach eingehender Beratung und Diskussion beschließt der Ausschuss für Bauen, "
            "Stadtentwicklung und Umwelt, der Stadtverordnetenversammlung zu empfehlen, der "
            "Erweiterung der Kindertagesstätte zuzustimmen.\nAbstimmungsergebnis: 4 Ja-Stimmen "
            "3 Enthaltungen",
            "Stadtverordnetenversammlung",
        ),
        (  # Westliche Börde
            "Die Beschlusssache wird einstimmig mit einer Enthaltung an den Gemeinderat zur "
            "Beschlussfassung weitergeleitet.",
            "Gemeinderat",
        ),
        ("Der Beschlussvorschlag wird mehrheitlich an den Kreistag weitergeleitet.", "Kreistag"),
        (
            "Anschließend empfiehlt der Bauausschuss dem Rat mehrheitlich, die Satzung zu "
            "erlassen.",
            "Rat",
        ),
    ],
)
def test_a_recommendation_told_as_a_sentence_is_adopted_as_a_recommendation(
    wording: str, body: str | None
) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.kind) == (ADOPTED, ResolutionKind.RECOMMENDATION)
    assert outcome.recommended_to == body


@pytest.mark.parametrize(
    "wording",
    [
        "Nach kurzer Diskussion empfiehlt der Ausschuss einstimmig, die Haushaltssatzung "
        "abzulehnen.",
        "Der Ausschuss empfiehlt einstimmig, die Verwaltung möge die Kosten prüfen.",
        "Der Ausschuss empfiehlt einstimmig die Haushaltssatzung nicht zur Beschlussfassung.",
        "Der Beschlussvorschlag wird ohne Empfehlung an den Gemeinderat weitergeleitet.",
        "Nach kurzer Diskussion empfiehlt der Ausschuss mehrheitlich die Haushaltssatzung zur "
        "Beschlussfassung.\nJa: 2, Nein: 7",  # the counts against it
        "Nach eingehender Beratung beschließt der Ausschuss, der Stadtverordnetenversammlung zu "
        "empfehlen, der Erweiterung zuzustimmen.\nAbstimmungsergebnis: 2 Ja-Stimmen 5 "
        "Nein-Stimmen",
    ],
)
def test_a_recommendation_against_without_one_or_contradicted_is_never_read_adopted(
    wording: str,
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is UNREAD
    assert outcome.kind is ResolutionKind.RECOMMENDATION or "ohne Empfehlung" in wording


# -- the minutes' closing statement: "Damit ist … genehmigt / gewählt" (Amt Probstei) --------


@pytest.mark.parametrize(
    ("wording", "result"),
    [
        (
            "Einwendungen gegen die Niederschrift werden nicht vorgetragen. Damit ist die "
            "Niederschrift genehmigt.",
            ADOPTED,
        ),
        (
            "Einwendungen gegen die Niederschrift werden nicht vorgebracht. Sie ist somit "
            "genehmigt.",
            ADOPTED,
        ),
        ("Damit ist die Niederschrift genehmigt.", ADOPTED),
        ("Somit ist die Tagesordnung festgestellt.", ADOPTED),
        (
            "Bei 9 anwesenden Verbandsvertretern entfallen auf Frau Walsemann 8 Ja-Stimmen und 1 "
            "Enthaltung. Damit ist Frau Walsemann zur Verbandsvorsteherin des Zweckverbandes Am "
            "Sandberg gewählt.",
            Result.ELECTED,
        ),
        ("Damit ist Herr Meier zum Wehrführer gewählt.", Result.ELECTED),
        # near misses: stay unread
        ("Damit ist die Niederschrift nicht genehmigt.", UNREAD),
        ("Damit wäre die Niederschrift genehmigt.", UNREAD),
        ("Damit ist die Tagesordnung erschöpft.", UNREAD),
        (
            "Einwendungen gegen die Niederschrift werden nicht vorgetragen. Damit ist die "
            "Niederschrift nicht genehmigt.",
            UNREAD,
        ),
        (
            "Einwendungen gegen die Niederschrift werden nicht vorgetragen, jedoch wird TOP 3 "
            "berichtigt. Damit ist die Niederschrift genehmigt.",
            UNREAD,
        ),
        ("Damit ist Frau Walsemann nicht zur Verbandsvorsteherin gewählt.", UNREAD),
        ("Damit wäre Frau Walsemann zur Verbandsvorsteherin gewählt.", UNREAD),
    ],
)
def test_a_closing_statement_with_the_verb_first_reads_as_said(
    wording: str, result: Result
) -> None:
    assert read_outcome(wording).result is result


def test_the_election_keeps_the_count_before_it() -> None:
    outcome = read_outcome(
        "Bei 9 anwesenden Verbandsvertretern entfallen auf Frau Walsemann 8 Ja-Stimmen und 1 "
        "Enthaltung. Damit ist Frau Walsemann zur Verbandsvorsteherin gewählt."
    )
    assert (outcome.votes[0].in_favour, outcome.votes[0].abstain) == (8, 1)


# -- a count joined to its noun by a hyphen: "4-Ja-Stimmen" (Westliche Börde) ---------------


@pytest.mark.parametrize(
    ("wording", "result", "counts"),
    [
        (
            "Der Antrag wird mit 9 Gegenstimmen, 4-Ja-Stimmen und einer Enthaltung abgelehnt.",
            REJECTED,
            (4, 9),
        ),
        ("Der Vorlage wird mit 12-Ja-Stimmen und 2-Nein-Stimmen zugestimmt.", ADOPTED, (12, 2)),
        # near miss: the joined counts contradict the wording, so it stays unread
        ("Der Vorlage wird mit 3-Ja-Stimmen und 9-Nein-Stimmen zugestimmt.", UNREAD, (3, 9)),
    ],
)
def test_a_count_joined_by_a_hyphen_is_read_as_a_count(
    wording: str, result: Result, counts: tuple[int, int]
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    assert (outcome.votes[0].in_favour, outcome.votes[0].against) == counts
    assert outcome.votes[0].text == wording or result is not UNREAD


# -- a decision taken "als Empfehlung für …": the text says it is a recommendation (Pfinztal) --


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Das Gremium fasst als Empfehlung für den Gemeinderat somit einstimmig folgenden "
            "Beschluss:\n\n1. Die Lärmaktionsplanung ist fortzuschreiben.",
            "Gemeinderat",
        ),
        (
            "Der Ausschuss beschließt als Beschlussempfehlung an den Kreistag: Die Satzung wird "
            "erlassen.",
            "Kreistag",
        ),
    ],
)
def test_a_decision_taken_as_a_recommendation_makes_the_text_a_recommendation(
    text: str, body: str
) -> None:
    found = recommendation_in(text)
    assert found is not None
    assert (found.kind, found.body) == (ResolutionKind.RECOMMENDATION, body)


def test_following_a_recommendation_is_not_making_one() -> None:
    assert recommendation_in("Der Gemeinderat folgt der Empfehlung des Ausschusses.") is None
    assert recommendation_in("Gemäß der Empfehlung für den Gemeinderat wird beschlossen.") is None
