"""Result wordings and vote lines added after the held-out set was frozen, one family each.

Every case is a form seen in real records (the dev half of ``unseen.tsv``, the Hürtgenwald
crawl, the tuned towns' pages); the cases beside them pin what must stay unread.
"""

from __future__ import annotations

import pytest

from generator.archive.model import Result
from generator.importers.outcome import read_outcome


def _read(text: str) -> tuple[Result, str | None, tuple[int | None, int | None, int | None]]:
    outcome = read_outcome(text)
    body = outcome.referred_to or outcome.recommended_to
    vote = outcome.votes[0] if outcome.votes else None
    counts = (vote.in_favour, vote.against, vote.abstain) if vote else (None, None, None)
    return outcome.result, body, counts


@pytest.mark.parametrize(
    ("wording", "result"),
    [
        # "Maßgabe": a proviso added to the resolution, i.e. changed; "ohne Maßgabe": as proposed
        ("mit Maßgabe beschlossen", Result.ADOPTED_WITH_CHANGES),
        ("beschlossen mit Maßgaben", Result.ADOPTED_WITH_CHANGES),
        ("einstimmig beschlossen ohne Maßgabe", Result.ADOPTED),
        # "endgültig" (Köln) says the procedure ends here, not another result
        ("endgültig abgelehnt", Result.REJECTED),
        ("endgültig zurückgezogen", Result.WITHDRAWN),
        # Berlin's note on the procedure after the result
        ("ohne Änderungen in der BVV beschlossen (Beratungsfolge beendet)", Result.ADOPTED),
        # a deferral "until" something
        (
            "Der Antrag der SPD-Fraktion wurde einstimmig bis zum Inkrafttreten der "
            "Haushaltssatzung für das Jahr 2013 zurückgestellt.\nJa: 16 Nein: 0 Enthaltung: 0",
            Result.DEFERRED,
        ),
        ("Stimmabgabe: einstimmig", Result.ADOPTED),
        # unread on purpose: no result in the words
        ("ohne Änderungen", Result.NOT_RECORDED),
        ("bis zum Inkrafttreten der Satzung nicht zurückgestellt", Result.NOT_RECORDED),
        # "not finally decided" is no rejection
        ("nicht endgültig beschlossen", Result.NOT_RECORDED),
    ],
)
def test_wording_families(wording: str, result: Result) -> None:
    assert _read(wording)[0] is result


def test_a_referral_to_the_following_bodies_keeps_no_procedural_note_in_the_body() -> None:
    assert _read("verwiesen in nachfolgende Gremien (ohne Rücklauf)")[:2] == (
        Result.REFERRED,
        "nachfolgende Gremien",
    )
    assert _read("ohne Votum in nachfolgende Gremien")[:2] == (
        Result.REFERRED,
        "nachfolgende Gremien",
    )


@pytest.mark.parametrize(
    ("text", "result", "body"),
    [
        (
            "Frau Dirks schlägt vor, dem Beschluss des Stadtentwicklungs- und Bauausschusses zu "
            "folgen und die Angelegenheit auf die nächste Sitzung zu vertagen. Dem Vorschlag "
            "wird mit 24 Ja-Stimmen, 2 Enthaltungen gefolgt.",
            Result.DEFERRED,
            None,
        ),
        (
            "Herr Stark beantragt, den Tagesordnungspunkt an den Bauausschuss zu verweisen. "
            "Der Antrag wird einstimmig angenommen.",
            Result.REFERRED,
            "Bauausschuss",
        ),
        (
            "Der Vorsitzende schlägt vor, den Tagesordnungspunkt abzusetzen. Diesem Vorschlag "
            "wird zugestimmt.",
            Result.REMOVED,
            None,
        ),
        # a motion not carried leaves the item's own result unknown
        (
            "Herr Stark beantragt, den Tagesordnungspunkt abzusetzen. Der Antrag wird "
            "mehrheitlich abgelehnt.",
            Result.NOT_RECORDED,
            None,
        ),
        (
            "Herr Stark schlägt vor, den TOP zu vertagen. Dem Vorschlag wird nicht gefolgt.",
            Result.NOT_RECORDED,
            None,
        ),
        # a motion on the matter, not on the item: postponing the building is the decision
        (
            "Die Fraktion beantragt, den Bau der Turnhalle auf das Jahr 2025 zu verschieben. "
            "Der Antrag wird angenommen.",
            Result.NOT_RECORDED,
            None,
        ),
    ],
)
def test_a_carried_motion_on_the_procedure_is_the_items_result(
    text: str, result: Result, body: str | None
) -> None:
    assert _read(text)[:2] == (result, body)


@pytest.mark.parametrize(
    ("line", "result", "counts"),
    [
        ("Stimmabgabe: 24 Ja-Stimmen, 1 Nein-Stimme", Result.ADOPTED, (24, 1, None)),
        ("Abstimmungsergebnis\nJa: 17 Nein: 9 Enthaltung: 1", Result.ADOPTED, (17, 9, 1)),
        # counts beside the vote that are not the vote
        (
            "Ja-Stimmen: 13 Anwesend: 14 Nein-Stimmen 1 Pers. Beteiligt: 0",
            Result.ADOPTED,
            (13, 1, None),
        ),
        (
            "Ja-Stimmen: 8 Mitgliederzahl: 13 Nein-Stimmen: 0 Anwesend: 8",
            Result.ADOPTED,
            (8, 0, None),
        ),
        (
            "Stimmberechtigte: 7 Ja-Stimmen: 7 Nein-Stimmen: 0 Enthaltungen: 0 Befangen: 0",
            Result.ADOPTED,
            (7, 0, 0),
        ),
        ("Anwesend: 14 / mit 13 gegen 0 Stimmen", Result.ADOPTED, (13, 0, None)),
        # spellings of the counts (Hürtgenwald)
        ("12x ja, 1x nein, 1x Enthaltung", Result.ADOPTED, (12, 1, 1)),
        ("0x ja, 14x nein, 0 Enthaltungen", Result.REJECTED, (0, 14, 0)),
        ("13 Ja Stimmen, 9 Nein-Stimmen", Result.ADOPTED, (13, 9, None)),
        ("13 Ja- Stimmen, 1 Nein-Stimme, 0 Enthaltungen", Result.ADOPTED, (13, 1, 0)),
        ("12 – ja- Stimmen, 0 – nein-Stimmen, 1 Enthaltung", Result.ADOPTED, (12, 0, 1)),
        ("8 Ja Stimmen; 3 Nein Stimmen, 0 Enthaltungen", Result.ADOPTED, (8, 3, 0)),
        # a sentence after the counts that states the same outcome
        (
            "3 Ja Stimmen, 6 Nein Stimmen, 3 Enthaltungen Somit ist der Antrag abgelehnt.",
            Result.REJECTED,
            (3, 6, 3),
        ),
        (
            "6 Ja Stimmen, 6 Nein-Stimmen, 1 EnthaltungMit diesem Beratungsergebnis wurde die "
            "Hebesatzsatzung abgelehnt.",
            Result.REJECTED,
            (6, 6, 1),
        ),
    ],
)
def test_vote_lines_as_towns_write_them(
    line: str, result: Result, counts: tuple[int | None, int | None, int | None]
) -> None:
    assert _read(line)[0] is result
    assert _read(line)[2] == counts
    assert read_outcome(line).votes[0].text  # the source's line stays with the vote


@pytest.mark.parametrize(
    "line",
    [
        # a second decision after the counts: the counts give only the first one's result
        "0x ja, 14x nein, 0 Enthaltungen Darüber hinaus wird die Verwaltung einstimmig damit "
        "beauftragt, eine Statistik zu erstellen.",
        # a sentence that says otherwise than the counts
        "3 Ja Stimmen, 6 Nein Stimmen, 3 Enthaltungen Somit ist der Antrag angenommen.",
        # two "mit … gegen …" counts: which one is the item's is not said
        "mit 13 gegen 0 Stimmen, dann mit 7 gegen 6 Stimmen",
    ],
)
def test_vote_lines_that_stay_unread(line: str) -> None:
    outcome = read_outcome(line)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes[0].text == line


def test_counts_without_the_votes_against_decide_nothing() -> None:
    assert read_outcome("7 Ja-Stimmen, 1 Enthaltung").result is Result.NOT_RECORDED


def test_numbered_parts_each_with_its_vote() -> None:
    outcome = read_outcome("1. einstimmig, 0 Enthaltungen2. 9 Ja-Stimmen, 1 Nein-Stimme")
    assert outcome.result is Result.ADOPTED
    assert [(vote.part, vote.unanimous, vote.in_favour) for vote in outcome.votes] == [
        ("1.", True, None),
        ("2.", False, 9),
    ]
    labelled = read_outcome(
        "Beratungsergebnis 1: einstimmig, 0 EnthaltungenBeratungsergebnis 2: 5 Ja-Stimmen, "
        "0 Nein-Stimmen, 9 Enthaltungen"
    )
    assert labelled.result is Result.ADOPTED
    assert [vote.part for vote in labelled.votes] == ["Beratungsergebnis 1", "Beratungsergebnis 2"]


@pytest.mark.parametrize(
    "line",
    [
        # parts with different outcomes: the item's result is not one of them
        "1. 5 Ja-Stimmen, 8 Nein-Stimmen2. einstimmig",
        # numbers out of order are no part labels
        "1. einstimmig3. einstimmig",
        # a part with words besides its counts
        "1. einstimmig, 0 Enthaltungen2. 4 Stimmen für „exART Musiktheater“, 7 Stimmen für "
        "Herrn Menningen",
    ],
)
def test_numbered_parts_that_stay_unread(line: str) -> None:
    assert read_outcome(line).result is Result.NOT_RECORDED
