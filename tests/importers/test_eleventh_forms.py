"""Families the towns10 dev half left unread, each with the real wording, constructed variants
and near misses that must stay unread: procedural motions that carry the item's result
(referral, removal from the agenda, withdrawal) and members named for a body."""

from __future__ import annotations

import pytest

from generator.archive.model import Result
from generator.importers.outcome import read_outcome

REFERRED, REMOVED, DEFERRED = Result.REFERRED, Result.REMOVED, Result.DEFERRED
WITHDRAWN, ADOPTED, UNREAD = Result.WITHDRAWN, Result.ADOPTED, Result.NOT_RECORDED
ERLANGEN = (
    "Aufgrund der Diskussion schlägt der Vorsitzende OBM Dr. Janik vor, den Tagesordnungspunkt "
    "an den SGA zu verweisen. Der Stadtrat ist damit einverstanden."
)
WERMELSKIRCHEN = (
    "Bürgermeisterin Marion Lück beantragt, den Punkt von der Tagesordnung zu nehmen. Diesem "
    "Antrag wird (mit einer Gegenstimme der AfD-Fraktion) zugestimmt."
)
FEHMARN = (
    "Bürgermeister Nielsen als gemeindlicher Vertreter und die 1. stellv. Bürgermeisterin Jensen "
    "als seine Stellvertreterin werden für den Zweckverband benannt.\nAbstimmungsergebnis: sechs "
    "Ja-Stimmen und zwei Enthaltungen"
)


# -- a motion on the procedure, then carried: the item's result ---------------------------------


@pytest.mark.parametrize(
    ("wording", "result", "body"),
    [
        (ERLANGEN, REFERRED, "SGA"),
        (
            "Wegen Klärungsbedarf Verweis in den Bau- und Werkausschuss. Einstimmig angenommen.",
            REFERRED,
            "Bau- und Werkausschuss",
        ),  # Fürth
        (WERMELSKIRCHEN, REMOVED, None),
        (
            "Über dieses Vorgehen besteht Konsens. Der ursprüngliche Antrag wird daher "
            "zurückgezogen.",
            WITHDRAWN,
            None,
        ),  # Meerbusch
        # constructed variants
        ("Verweisung in den Bauausschuss. Mehrheitlich angenommen.", REFERRED, "Bauausschuss"),
        ("Antrag auf Vertagung. Einstimmig beschlossen.", DEFERRED, None),
        ("Absetzung von der Tagesordnung. Einstimmig angenommen.", REMOVED, None),
        (
            "Herr Meier beantragt, den Tagesordnungspunkt von der heutigen Tagesordnung "
            "abzusetzen. Dem Antrag wird einstimmig zugestimmt.",
            REMOVED,
            None,
        ),
        (
            "Die Vorsitzende schlägt vor, die Angelegenheit an den Bauausschuss zu verweisen. Der "
            "Ausschuss ist damit einverstanden.",
            REFERRED,
            "Bauausschuss",
        ),
    ],
)
def test_a_carried_motion_on_the_procedure_gives_the_items_result(
    wording: str, result: Result, body: str | None
) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.referred_to) == (result, body)
    assert outcome.votes and outcome.votes[0].text  # the wording is kept with the vote


def test_an_adverb_after_the_auxiliary_does_not_hide_the_result() -> None:
    assert read_outcome("Der Antrag wird daher zurückgezogen.").result is WITHDRAWN
    assert read_outcome("Der Antrag ist somit abgelehnt.").result is Result.REJECTED


def test_the_count_beside_a_carried_motion_is_kept() -> None:
    vote = read_outcome(WERMELSKIRCHEN).votes[0]
    assert (vote.against, vote.unanimous) == (1, False)


@pytest.mark.parametrize(
    "wording",
    [
        # near misses: the motion failed, was not agreed, or its counts reject it
        ERLANGEN.replace("ist damit einverstanden", "ist damit nicht einverstanden"),
        WERMELSKIRCHEN.replace(
            "Diesem Antrag wird (mit einer Gegenstimme der AfD-Fraktion) zugestimmt.",
            "Dieser Antrag wird mehrheitlich abgelehnt.",
        ),
        "Herr Meier beantragt, den Punkt von der Tagesordnung zu nehmen. Dem Antrag wird mit 3 "
        "Ja-Stimmen und 12 Nein-Stimmen zugestimmt.",
        "Verweis in den Bauausschuss. Abgelehnt.",
        "Verweis in den Bauausschuss. Nicht angenommen.",
        "Verweis in den Bauausschuss. Einstimmig angenommen bei 2 Gegenstimmen.",
        "Absetzung. Einstimmig angenommen.",  # of what?
        "Der Antrag wird daher nicht zurückgezogen.",
    ],
)
def test_a_motion_not_carried_leaves_the_item_unread(wording: str) -> None:
    assert read_outcome(wording).result is UNREAD


# -- members named for a body ("benannt", "entsandt") --------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        FEHMARN,  # Amt Fehmarn (amtfa.de), towns10 dev
        "Herr Müller wird als Vertreter für den Zweckverband benannt.\nAbstimmungsergebnis: 9 "
        "Ja-Stimmen, 1 Nein-Stimme",
        "Frau Meier wird einstimmig in den Beirat der Stiftung entsandt.",
        "Herr Dr. Schulz wird als Mitglied in den Verwaltungsrat der Sparkasse berufen.",
    ],
)
def test_members_named_for_a_body_are_adopted(wording: str) -> None:
    assert read_outcome(wording).result is ADOPTED


def test_the_naming_keeps_its_counts() -> None:
    vote = read_outcome(FEHMARN).votes[0]
    assert (vote.in_favour, vote.against, vote.abstain) == (6, None, 2)


@pytest.mark.parametrize(
    "wording",
    [
        # near misses: counts against, negated, modal or only proposed
        "Herr Müller wird als Vertreter für den Zweckverband benannt.\nAbstimmungsergebnis: 2 "
        "Ja-Stimmen, 7 Nein-Stimmen",
        "Herr Müller soll für den Zweckverband benannt werden.",
        "Herr Müller wird für den Zweckverband nicht benannt.",
        "Herr Müller wird für den Zweckverband vorgeschlagen.",
        "Herr Müller könnte für den Zweckverband benannt werden.",
    ],
)
def test_a_naming_not_made_stays_unread(wording: str) -> None:
    assert read_outcome(wording).result is UNREAD


# -- a vote table with empty fields ------------------------------------------------------------

PROBSTEI = "Stimmberechtigte: 10 Ja-Stimmen: 10 Nein-Stimmen: Enthaltungen: Befangen: 0"


@pytest.mark.parametrize(
    ("wording", "result", "counts"),
    [
        (PROBSTEI, ADOPTED, (10, 0, 0)),  # Amt Probstei, towns10 dev
        ("Stimmberechtigte: 10 Ja-Stimmen: 10 Nein-Stimmen: Enthaltungen:", ADOPTED, (10, 0, 0)),
        (
            "Stimmberechtigte: 7 Ja-Stimmen: Nein-Stimmen: 7 Enthaltungen:",
            Result.REJECTED,
            (0, 7, 0),
        ),
    ],
)
def test_empty_fields_beside_a_count_of_all_entitled_are_zero(
    wording: str, result: Result, counts: tuple[int, int, int]
) -> None:
    outcome = read_outcome(wording)
    vote = outcome.votes[0]
    assert outcome.result is result
    assert (vote.in_favour, vote.against, vote.abstain) == counts
    assert vote.text == wording  # kept as the town wrote it, not as it was read


@pytest.mark.parametrize(
    "wording",
    [
        # near misses: the empty fields could hold anything
        "Stimmberechtigte: 10 Ja-Stimmen: 8 Nein-Stimmen: Enthaltungen: Befangen: 0",
        "Ja-Stimmen: 10 Nein-Stimmen: Enthaltungen:",
        "Stimmberechtigte: 10 Ja-Stimmen: Nein-Stimmen: Enthaltungen:",
    ],
)
def test_empty_fields_that_could_hold_a_count_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is UNREAD


# -- the chair establishes the agenda ------------------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        "Einwendungen gegen die Tagesordnung werden nicht erhoben. Der Bürgermeister stellt die "
        "vorliegende Tagesordnung fest.",  # Helmstedt, unseen7 dev
        "Der Vorsitzende stellt die Tagesordnung fest.",
        "Gegen die Tagesordnung werden keine Einwände erhoben. Die Ortsvorsteherin stellt die "
        "Tagesordnung fest.",
    ],
)
def test_an_agenda_the_chair_establishes_is_adopted(wording: str) -> None:
    assert read_outcome(wording).result is ADOPTED


@pytest.mark.parametrize(
    "wording",
    [
        "Einwendungen gegen die Tagesordnung werden erhoben. Der Bürgermeister stellt die "
        "vorliegende Tagesordnung fest.",
        "Der Bürgermeister stellt die Beschlussfähigkeit fest.",
        "Der Vorsitzende stellt die Tagesordnung nicht fest.",
    ],
)
def test_an_agenda_objected_to_or_not_established_stays_unread(wording: str) -> None:
    assert read_outcome(wording).result is UNREAD


# -- a ballot between named candidates ----------------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        "Geheime Wahl des stellv. Vorsitzenden: OBM Jürgen Kern: 9 Ja-Stimmen OBM Bernhard "
        "Karsch: 5 Ja-Stimmen und 1 ungültige Stimme",  # Wiesbaden, unseen5 dev
        "Wahl des Vorsitzenden: Herr Kern: 8 Stimmen Frau Meier: 6 Stimmen",
        "Offene Wahl der Schriftführerin: Frau Lange: 10 Stimmen, Herr Otto: 3 Stimmen, "
        "1 Enthaltung",
    ],
)
def test_a_ballot_with_an_absolute_majority_elected(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.ELECTED
    assert outcome.votes[0].text == wording


@pytest.mark.parametrize(
    "wording",
    [
        # near misses: a tie, no absolute majority of all votes, one name, more words
        "Wahl des Vorsitzenden: Herr Kern: 7 Stimmen Frau Meier: 7 Stimmen",
        "Wahl des Vorsitzenden: Herr Kern: 7 Stimmen Frau Meier: 6 Stimmen und 2 Enthaltungen",
        "Wahl des Vorsitzenden: Herr Kern: 8 Stimmen",
        "Wahl des Vorsitzenden: Herr Kern: 8 Stimmen Frau Meier: 6 Stimmen, Herr Kern nimmt die "
        "Wahl nicht an",
    ],
)
def test_a_ballot_without_an_absolute_majority_stays_unread(wording: str) -> None:
    assert read_outcome(wording).result is UNREAD
