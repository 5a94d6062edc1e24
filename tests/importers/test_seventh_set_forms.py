"""Forms of result wording mapped (or left unread on purpose) in the seventh-set work, each as a
class: a real wording with its address, and near forms that must read the same or stay unread.

Dev material: the dev half of ``unseen7.tsv``, the sixth set's dev half and the gaps the
brief named (an amendment's vote published as the item's, a recommendation's counts dropped,
"keine Einwände" against another body's minutes read as adopted, a vote in two steps, a body
named with its place, parts that may be alternatives).
"""

from __future__ import annotations

import pytest

from generator.archive.model import ResolutionKind, Result
from generator.importers.outcome import read_outcome

# -- an amendment's vote is not the item's ------------------------------------------------


def test_an_amendments_vote_is_not_published_as_the_items() -> None:
    # https://buergerinfo.stadt-koeln.de/vo0053.asp?__kvonr=120582 (read adopted before)
    outcome = read_outcome(
        "Abstimmungsergebnis über den Änderungsantrag der Fraktionen Bündnis 90 / Die Grünen, "
        "CDU und Volt: Mehrheitlich gegen die Stimmen der SPD und FDP zugestimmt."
    )
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes[0].text is not None and "Änderungsantrag" in outcome.votes[0].text


@pytest.mark.parametrize(
    "wording",
    [
        "Dem Ergänzungsantrag wird einstimmig zugestimmt.",
        "Der Änderungsantrag der SPD wird mit 12:3 Stimmen angenommen.",
        "Zusatzantrag der CDU: mehrheitlich abgelehnt",
        "Abstimmung über den Änderungsantrag: Ja: 12, Nein: 3",
        # an amendment carried, then the item, not the amended item: which text was adopted?
        "Der Änderungsantrag wird angenommen. Die Vorlage wird einstimmig angenommen.",
        # two amendments, or a negation: not the plain two steps
        "Der Änderungsantrag der CDU wird angenommen. Der Änderungsantrag der SPD wird "
        "abgelehnt. Die so geänderte Vorlage wird angenommen.",
        "Der Änderungsantrag wird angenommen. Die so geänderte Vorlage wird nicht angenommen.",
        # counts beside the two steps that reject: whose are they?
        "Der Änderungsantrag wird angenommen. Die geänderte Vorlage wird beschlossen.\n"
        "Ja: 3, Nein: 9",
    ],
)
def test_an_amendments_vote_stays_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


# -- a vote in two steps: the amendment, then the item --------------------------------------


def test_an_amendment_carried_then_the_amended_item_is_adopted_with_changes() -> None:
    # https://landtag.sachsen-anhalt.de/22-sitzungsperiode (transcript: "Damit ist der
    # Änderungsantrag angenommen worden. … Somit ist die so geänderte Beschlussempfehlung
    # einstimmig beschlossen worden."; read nothing before)
    outcome = read_outcome(
        "Damit ist der Änderungsantrag angenommen worden. Kommen wir nunmehr zur Abstimmung "
        "über die so geänderte Beschlussempfehlung. Somit ist die so geänderte "
        "Beschlussempfehlung einstimmig beschlossen worden."
    )
    assert outcome.result is Result.ADOPTED_WITH_CHANGES
    # whose counts are beside such a text, it does not say: none are written, the text is kept
    assert not any(v.in_favour or v.against for v in outcome.votes)


@pytest.mark.parametrize(
    ("wording", "result"),
    [
        (
            "Der Änderungsantrag wird angenommen. Die geänderte Vorlage wird einstimmig "
            "beschlossen.\nJa: 12, Nein: 0",
            Result.ADOPTED_WITH_CHANGES,
        ),
        (
            "Der Änderungsantrag wird abgelehnt. Die Vorlage wird einstimmig angenommen.",
            Result.ADOPTED,
        ),
        (
            "Der Ergänzungsantrag der FDP wurde abgelehnt. Der Beschlussvorschlag der Verwaltung "
            "wurde mehrheitlich angenommen.",
            Result.ADOPTED,
        ),
    ],
)
def test_the_two_steps_read(wording: str, result: Result) -> None:
    assert read_outcome(wording).result is result


# -- a recommendation keeps its counts, and they must agree ------------------------------------


def test_a_recommendation_keeps_the_counts_beside_it() -> None:
    # https://info.karben.de/bi/to0050.asp?__ktonr=33078 ("Abstimmung: Ja: 11, Nein: 0,
    # Enthaltungen: 0"; the counts were dropped before)
    outcome = read_outcome(
        "Der Haupt- und Finanzausschuss empfiehlt der Stadtverordnetenversammlung dem Antrag "
        "zuzustimmen.\nJa: 11, Nein: 0, Enthaltungen: 0"
    )
    assert (outcome.result, outcome.kind) == (Result.ADOPTED, ResolutionKind.RECOMMENDATION)
    assert outcome.recommended_to == "Stadtverordnetenversammlung"
    assert [(v.in_favour, v.against, v.abstain) for v in outcome.votes] == [(11, 0, 0)]


def test_a_recommendation_whose_counts_reject_it_stays_unread() -> None:
    # read adopted before: the counts were not looked at
    outcome = read_outcome(
        "Der Ausschuss empfiehlt dem Rat, die Satzung zu beschließen.\nJa: 3, Nein: 9"
    )
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.kind is ResolutionKind.RECOMMENDATION


# -- "keine Einwände" against a named body's minutes ------------------------------------------


def test_no_objection_to_a_named_bodys_minutes_decides_nothing_alone() -> None:
    # the form of https://ris.komuna.net/heilsbronn/Meeting.mvc/ps/114906374 without its vote;
    # whose minutes? another body's this one cannot approve (read adopted before)
    for wording in (
        "Gegen das Protokoll des Ortschaftsrates bestehen keine Einwände.",
        "Gegen die Niederschrift der 22. öffentlichen Sitzung des Stadtrates vom 22.09.2021 "
        "bestehen keine Einwände.",
        "Gegen die Niederschrift über die Sitzung des Ortsbeirates vom 3. Mai werden keine "
        "Einwendungen erhoben.",
    ):
        assert read_outcome(wording).result is Result.NOT_RECORDED, wording


@pytest.mark.parametrize(
    "wording",
    [
        # https://ris.komuna.net/heilsbronn/Meeting.mvc/ps/114906374: the vote decides
        "Gegen die Niederschrift der 22. öffentlichen Sitzung des Stadtrates vom 22.09.2021 "
        "bestehen keine Einwände.\nDafür: 19, Dagegen: 0",
        # minutes that name no body: the body's own, as before
        "Gegen die Niederschrift vom 3. Mai werden keine Einwendungen erhoben.",
        "Gegen das Protokoll der letzten Sitzung bestehen keine Einwände.",
    ],
)
def test_no_objection_to_the_minutes_still_reads_where_it_did(wording: str) -> None:
    assert read_outcome(wording).result is Result.ADOPTED


# -- a body named with its place ------------------------------------------------------------


def test_a_body_named_with_its_place_decides() -> None:
    # https://ris.komuna.net/vgwagingasee/Meeting.mvc/ps/44572131 (read nothing before)
    outcome = read_outcome(
        "Der Marktgemeinderat Waging am See hat Kenntnis vom öffentlichen Teil der "
        "Sitzungsniederschrift vom 07.05.2020 und stimmt dieser zu.\nDafür: 20, Dagegen: 0"
    )
    assert outcome.result is Result.ADOPTED
    assert [(v.in_favour, v.against) for v in outcome.votes] == [(20, 0)]
    assert read_outcome("Der Gemeinderat Oerlenbach stimmt dem Bauantrag zu.").result is (
        Result.ADOPTED
    )


@pytest.mark.parametrize(
    "wording",
    [
        "Der Gemeinderat Oerlenbach stimmt dem Bauantrag nicht zu.",
        "Der Gemeinderat Oerlenbach würde dem Bauantrag zustimmen.",
        "Der Stadtrat möge die Satzung in der vorgelegten Fassung beschließen.",  # no place
        "Der Ortschaftsrat Lackendorf lehnt ab und der Gemeinderat stimmt zu.",
    ],
)
def test_a_body_with_a_place_near_form_stays_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


# -- parts that may be alternatives stay unread ------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        # http://ratsinfo.schwabach.de/to0050.asp?__ktonr=52635 (variants: one chosen, not
        # "partly adopted")
        "Die Variante 6-Bahnen+, (16,67m) Ja 10 Nein 26 (abgelehnt) 6-Bahnen Variante, (15m) "
        "Ja 35 Nein 1 5-Bahnen-Variante, (12,5m) Ja 11 Nein 25 (abgelehnt)",
        # http://www2.haan.de/bi/to0050.php?__ktonr=9591 (referred in part, rejected in part)
        "Die Punkte 1 und 2 der Vorlage werden zur weiteren Beratung an den Ausschuss für "
        "Stadtentwicklung, Umwelt und Verkehr verwiesen. Die Punkte 3, 4 und 5 der Vorlage "
        "werden abgelehnt.",
        "Variante A wird mit 8:5 Stimmen beschlossen. Variante B wird mit 5:8 Stimmen abgelehnt.",
        "Ziffer 1 wird einstimmig beschlossen. Ziffer 2 wird mehrheitlich abgelehnt.",
    ],
)
def test_parts_with_different_outcomes_stay_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


# -- a phrase before the verb: reasons, what came before, the counts -------------------------


@pytest.mark.parametrize(
    ("wording", "counts"),
    [
        # https://buergerinfo-marktoberdorf.livingdata.de/to0050.asp?__ktonr=4216
        (
            "In Anbetracht des hohen Aufkommens an Schwerlastverkehr, der damit verbundenen "
            "erheblichen Beeinträchtigung der Anwohner durch Staubentwicklung und des beengten "
            "Verkehrsraumes beschließt der Stadtrat die Reduzierung der zugelassenen "
            "Höchstgeschwindigkeit auf 20 km/h bzw. 10 km/h sowie die Verschiebung der Zone 30 "
            "in die abgehenden Seitenstraßen, wie oben dargestellt.\nJa: 22, Nein: 2",
            (22, 2),
        ),
        # https://buergerinfo-traunstein.livingdata.de/to0050.asp?__ktonr=16256
        (
            "Nach Vorberatung im Haupt- und Finanzausschuss beschließt der Stadtrat, dass der Bau "
            "des Feuerwehrgerätehauses entsprechend der vorgelegten Machbarkeitsstudie "
            "weiterverfolgt wird.\nJa: 18, Nein: 5, Anwesend: 23",
            (18, 5),
        ),
        # https://cdn.idowa.de/regionen/landshut/vilsbiburg/vilsbiburger-stadtrat-ebnet-weg-fuer-photovoltaik-2253153.html
        (
            "Mit 13:10 Stimmen billigten die Stadträte den entsprechenden Bebauungsplan und die "
            "Änderung des Flächennutzungsplans.",
            (13, 10),
        ),
    ],
)
def test_the_main_clause_after_a_leading_phrase_is_read(
    wording: str, counts: tuple[int, int]
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.ADOPTED
    assert [(v.in_favour, v.against) for v in outcome.votes] == [counts]


@pytest.mark.parametrize(
    "wording",
    [
        "In Anbetracht der Lage beschließt der Stadtrat die Reduzierung nicht.",
        "Wegen der nicht vorliegenden Zahlen beschließt der Stadtrat die Reduzierung.",
        "Nach eingehender Beratung beschließt der Stadtrat, dem Kreistag zu empfehlen, die "
        "Satzung zu beschließen.",
        "Mit 10:13 Stimmen billigten die Stadträte den Bebauungsplan.",  # counts against it
        "Mit 13:10 Stimmen billigten die Stadträte der CSU den Bebauungsplan.",  # a faction
        "Die Stadträte der CSU billigten den Bebauungsplan.",
        "Die Stadträte billigten den Bebauungsplan nicht.",
    ],
)
def test_a_leading_phrase_near_form_stays_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


# -- a faction's members agreeing are not the body deciding ---------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        "Die Mitglieder der SPD-Fraktion stimmen dem Antrag zu.",  # read adopted before
        "Die Ratsmitglieder der CSU stimmen dem Antrag zu.",
        "Die Gemeindevertreter der CDU stimmen zu.",
        "Die Mitglieder der Fraktion Bündnis 90/Die Grünen stimmen zu.",
    ],
)
def test_a_factions_members_agreeing_stays_unread(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


@pytest.mark.parametrize(
    "wording",
    [
        # the form of unseen3.tsv's amtfa.de row ("Die Mitglieder der Stadtvertretung sprechen
        # sich … aus"): members of the body are the body
        "Die Mitglieder der Stadtvertretung stimmen dem Antrag zu.",
        "Die Mitglieder des Bauausschusses stimmen zu.",
    ],
)
def test_the_bodys_members_still_decide(wording: str) -> None:
    assert read_outcome(wording).result is Result.ADOPTED
