"""Result wording as real records write it → result and vote; nothing guessed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.archive.model import FactionVote, ResolutionKind, Result, Vote
from generator.importers.outcome import read_outcome
from generator.importers.pasted_table import parse_pasted_table
from generator.importers.result_wording import recommendation_in


@pytest.mark.parametrize(
    ("wording", "result", "votes"),
    [
        # The Hürtgenwald crawl's most common wordings, as they stand in the `result` field.
        ("einstimmig, 0 Enthaltungen", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmig; 0 Enthaltungen.", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("einstimmig, ohne Enthaltung", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmig, O Enthaltungen", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmig, 0 Entahltungen", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmig, 0 Enthaltung(en)", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        ("Einstimmung, 0 Enthaltungen", Result.ADOPTED, (Vote(unanimous=True, abstain=0),)),
        (
            "13 Ja-Stimmen, 0 Enthaltungen, 0 Nein-Stimmen",
            Result.ADOPTED,
            (Vote(in_favour=13, against=0, abstain=0),),
        ),
        (
            "12-Ja Stimmen, 0 Enthaltungen, 0 Nein-Stimmen",
            Result.ADOPTED,
            (Vote(in_favour=12, against=0, abstain=0),),
        ),
        (
            "einstimmig12 Ja-Stimmen, 0 Enthaltungen, 0 Nein-Stimmen",
            Result.ADOPTED,
            (Vote(unanimous=True, in_favour=12, against=0, abstain=0),),
        ),
        (
            "4 Ja-Stimmen, 9 Nein-Stimmen, 0 Enthaltungen",
            Result.REJECTED,
            (Vote(in_favour=4, against=9, abstain=0),),
        ),
        (  # a tie rejects (§ 50 Abs. 1 GO NRW)
            "6 Ja-Stimmen; 6 Nein-Stimmen; 0 Enthaltungen",
            Result.REJECTED,
            (Vote(in_favour=6, against=6, abstain=0),),
        ),
        (
            "einstimmig, 1 Enthaltung CDU-Fraktion",
            Result.ADOPTED,
            (Vote(unanimous=True, abstain=1, text="einstimmig, 1 Enthaltung CDU-Fraktion"),),
        ),
        (
            "a) einstimmig, 0 Enthaltungenb) einstimmig 0 Enthaltungen",
            Result.ADOPTED,
            (
                Vote(part="a)", unanimous=True, abstain=0),
                Vote(part="b)", unanimous=True, abstain=0),
            ),
        ),
        (
            "Der Ausschuss nimmt die Ausführungen zur Kenntnis.",
            Result.NOTED,
            (),
        ),
        ("Annahme", Result.ADOPTED, ()),
        ("Ablehnung", Result.REJECTED, ()),
        ("Kenntnisnahme", Result.NOTED, ()),
        ("Wie Vorlage", Result.ADOPTED, ()),
    ],
)
def test_wording_gives_result_and_vote(
    wording: str, result: Result, votes: tuple[Vote, ...]
) -> None:
    outcome = read_outcome(wording)
    assert (outcome.result, outcome.votes) == (result, votes)
    assert not outcome.nothing_voted


@pytest.mark.parametrize(
    "wording",
    [
        "",
        "ohne",
        "Ohne.",
        "Ohne, da Mitteilungsvorlage.",
        "(kein Text vorhanden)",
        "-.-",
        "entfällt",
        "Es erfolgt keine Abstimmung.",
    ],
)
def test_no_vote_is_not_recorded_and_says_so(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes == ()
    assert outcome.nothing_voted


def test_unknown_wording_is_kept_as_the_vote_text() -> None:
    wording = "mehrheitlich gegen die Stimmen der Opposition"
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes == (Vote(text=wording),)
    assert outcome.note == f"Ergebnis nicht erkannt: {wording!r}"


def test_parts_with_different_results_are_not_recorded() -> None:
    outcome = read_outcome(
        "a) 7 Ja-Stimmen, 6 Nein-Stimmen, 0 Enthaltungenb) 6 Ja-Stimmen, 7 Nein-Stimmen"
    )
    assert outcome.result is Result.NOT_RECORDED
    assert [vote.part for vote in outcome.votes] == ["a)", "b)"]


def test_recommendations_as_sessionnet_writes_them() -> None:
    outcome = read_outcome(
        "Beschlussempfehlung an den Rat: Wie Vorlage mit den Änderungen aus dem Antrag Nr. 12"
    )
    assert (outcome.result, outcome.kind, outcome.recommended_to) == (
        Result.ADOPTED_WITH_CHANGES,
        ResolutionKind.RECOMMENDATION,
        "Rat",
    )
    empfohlen = read_outcome("Einstimmig empfohlen")
    assert (empfohlen.result, empfohlen.kind, empfohlen.votes) == (
        Result.ADOPTED,
        ResolutionKind.RECOMMENDATION,
        (Vote(unanimous=True),),
    )


def test_a_pasted_table_with_one_reading_gives_the_factions() -> None:
    text = "JaNeinEnthaltungBM1CDU81SPD6B‘90/Die Grünen3FFH3FDP2Hr. Gilleßen1Gesamt2410"
    outcome = read_outcome(text)
    assert outcome.result is Result.ADOPTED
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against, vote.abstain) == (24, 1, 0)
    assert vote.factions == (
        FactionVote(name="BM", in_favour=1),
        FactionVote(name="CDU", in_favour=8, against=1),
        FactionVote(name="SPD", in_favour=6),
        FactionVote(name="B‘90/Die Grünen", in_favour=3),
        FactionVote(name="FFH", in_favour=3),
        FactionVote(name="FDP", in_favour=2),
        FactionVote(name="Hr. Gilleßen", in_favour=1),
    )
    assert vote.text is None


def test_a_pasted_table_whose_cells_are_ambiguous_keeps_only_sure_totals() -> None:
    # "FDP11" is 1 yes + 1 abstain or 1 no + 1 abstain …: several readings fit the totals.
    text = "JaNeinEnthaltungenBM1CDU12SPD6FDP1B´90/Grüne3Linke1Hr. Breuer1Gesamt2401"
    outcome = read_outcome(text)
    (vote,) = outcome.votes
    assert (vote.in_favour, vote.against, vote.abstain, vote.factions) == (24, 0, 1, ())
    assert vote.text == text  # the breakdown is kept as written
    assert outcome.result is Result.ADOPTED


def test_a_pasted_table_whose_totals_are_ambiguous_stays_text() -> None:
    text = "JaNeinEnthaltungBM1CDU121SPD7B‘90/DIE GRÜNEN3FDP11Hr. Gilleßen1Hr. Breuer1Gesamt2611"
    assert parse_pasted_table(text) is None
    outcome = read_outcome(text)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes == (Vote(text=text),)


@given(st.text(max_size=200))
def test_any_wording_gives_an_outcome_without_error(wording: str) -> None:
    outcome = read_outcome(wording)
    assert outcome.result in Result
    if outcome.result is Result.NOT_RECORDED and not outcome.nothing_voted:
        assert outcome.votes, "unparsed wording is kept"


# -- readings added with the second set of real wordings (unseen2.tsv, dev half) -----------


def test_a_vote_in_a_preliminary_consultation_is_a_recommendation_never_a_decision() -> None:
    # Schwelm: the finance committee prepared the matter, voted 15:0 on the proposal and
    # passed it on. What it voted for is its recommendation to the deciding body.
    outcome = read_outcome("Vorberatung - einstimmig und weiter\nJa: 15, Nein: 0, Enthaltungen: 0")
    assert (outcome.result, outcome.kind) == (Result.ADOPTED, ResolutionKind.RECOMMENDATION)
    assert outcome.votes[0].in_favour == 15 and outcome.votes[0].against == 0
    # counts against the proposal contradict "und weiter": not guessed either way
    contradicted = read_outcome("Vorberatung - mehrheitlich und weiter\nJa: 3, Nein: 9")
    assert contradicted.result is Result.NOT_RECORDED
    assert contradicted.kind is ResolutionKind.RECOMMENDATION
    # without a vote, a preliminary consultation decided nothing
    assert read_outcome("Vorberatung").result is Result.CONSULTED


@pytest.mark.parametrize(
    ("wording", "result", "vote"),
    [
        ("Beschluss: 8 : 1", Result.ADOPTED, (8, 1, None)),
        ("Abstimmungsergebnis: 26:00:00 (J:N:E)", Result.ADOPTED, (26, 0, 0)),
        ("Abstimmung: 4:9", Result.REJECTED, (4, 9, None)),
        (  # ALLRIS in Mecklenburg-Vorpommern
            "geändert beschlossen\nZustimmung: 13, Ablehnung: 0, Enthaltung: 0, Befangenheit: 0",
            Result.ADOPTED_WITH_CHANGES,
            (13, 0, 0),
        ),
    ],
)
def test_counts_written_as_a_ratio_or_as_zustimmung_ablehnung(
    wording: str, result: Result, vote: tuple[int, int, int | None]
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    (found,) = outcome.votes
    assert (found.in_favour, found.against, found.abstain) == vote


@pytest.mark.parametrize("wording", ["18:30", "8 : 1", "Sitzungsende 21:45", "1:2:3"])
def test_a_ratio_without_a_label_that_says_it_is_a_vote_is_not_read(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


@pytest.mark.parametrize(
    ("wording", "result", "body"),
    [
        (
            "Aufgrund einer Eingabe von Anwohnern der Rosengasse gegen das Projekt wird eine "
            "Entscheidung hierzu vertagt.",
            Result.DEFERRED,
            None,
        ),
        (
            "Einvernehmlich sprechen sich die Ausschussmitglieder dafür aus, die Entscheidung "
            "in den Rat zu schieben.",
            Result.REFERRED,
            "Rat",
        ),
        (
            "Herr Schulz informiert, dass der TOP 7.16 auf Wunsch des Einreichers Herrn Laack "
            "von der heutigen Tagesordnung abgesetzt und schriftlich beantwortet wird, da Herr "
            "Laack an der heutigen Sitzung nicht teilnehmen kann.",
            Result.REMOVED,
            None,
        ),
    ],
)
def test_sentences_that_state_what_happened_to_the_item(
    wording: str, result: Result, body: str | None
) -> None:
    outcome = read_outcome(wording)
    assert outcome.result is result
    assert outcome.referred_to == body


@pytest.mark.parametrize(
    "wording",
    [
        "Eine Entscheidung hierzu wird nicht vertagt.",
        "Der Antrag, eine Entscheidung hierzu zu vertagen, wird abgelehnt.",
        "Die Ausschussmitglieder sprechen sich nicht dafür aus, die Entscheidung in den Rat "
        "zu schieben.",
    ],
)
def test_the_same_sentences_negated_are_not_read(wording: str) -> None:
    assert read_outcome(wording).result is Result.NOT_RECORDED


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Dem Stadtrat wird empfohlen, vom Bebauungsplanverfahren zum Regelverfahren zu "
            "wechseln.",
            "Stadtrat",
        ),
        (
            "Dem Marktrat wird vorgeschlagen die Erweiterung der Beregnungsanlage zu bezuschussen.",
            "Marktrat",
        ),
        (
            "Der Stadtverordnetenversammlung wird empfohlen, die Satzung zu beschließen.",
            "Stadtverordnetenversammlung",
        ),
    ],
)
def test_a_text_that_opens_as_a_passive_recommendation_names_its_body(text: str, body: str) -> None:
    opening = recommendation_in(text)
    assert opening is not None
    assert (opening.kind, opening.body) == (ResolutionKind.RECOMMENDATION, body)
    assert opening.result is Result.NOT_RECORDED  # the result comes from the result field


def test_a_proposal_by_a_person_is_not_a_recommendation() -> None:
    assert recommendation_in("Der Bürgermeister hat vorgeschlagen, die Straße zu sanieren.") is None


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Der Ausschuss nimmt die Gebührenkalkulation zur Kenntnis. Der Haupt- und "
            "Finanzausschuss empfiehlt der Gemeindevertretung folgenden Gebührensatz.",
            "Gemeindevertretung",
        ),
        (
            "Der Antrag wird abgelehnt.\n\n(Empfehlung für Kreisausschuss und Kreistag)",
            "Kreisausschuss und Kreistag",
        ),
    ],
)
def test_a_recommendation_further_in_the_text_makes_it_a_recommendation(
    text: str, body: str
) -> None:
    later = recommendation_in(text)
    assert later is not None
    assert (later.kind, later.body, later.result) == (
        ResolutionKind.RECOMMENDATION,
        body,
        Result.NOT_RECORDED,
    )


# -- one deciding sentence: subject, deciding verb, manner and counts ------------------------


@pytest.mark.parametrize(
    ("text", "result"),
    [
        (
            "Dem Satzungsentwurf in der vorgelegten Fassung wurde einstimmig zugestimmt.",
            Result.ADOPTED,
        ),
        (
            "Der Marktgemeinderat fasste den einstimmigen Beschluss, die Straße auszubauen.",
            Result.ADOPTED,
        ),
        ("Die Ausschussmitglieder stimmen mehrheitlich dafür.", Result.ADOPTED),
        ("Die Mitglieder der Stadtvertretung stimmen einstimmig zu.", Result.ADOPTED),
        ("Das Gremium beschließt geändert.", Result.ADOPTED_WITH_CHANGES),
        ("Die Niederschrift wird einstimmig genehmigt.", Result.ADOPTED),
        ("Die Tagesordnung in der geänderten Fassung wird einstimmig angenommen.", Result.ADOPTED),
        (
            "Gegen die Niederschrift gibt es keine Einwände. Sie gilt somit als genehmigt.",
            Result.ADOPTED,
        ),
        ("Die erforderliche Mehrheit wurde nicht erreicht.", Result.REJECTED),
        ("Der Rat lehnt den Antrag mit 5 Ja-Stimmen und 7 Nein-Stimmen ab.", Result.REJECTED),
        ("Der Ausschuss nimmt den Bericht zur Kenntnis.", Result.NOTED),
        (
            "Entsprechend der Empfehlung des Planungs- und Maßnahmenausschusses beschließt die "
            "Gemeindevertretung, die Planvariante 2.2 weiter zu verfolgen.",
            Result.ADOPTED,
        ),
        (
            "Der Stadtverordnetenvorsteher stellt fest, dass Herr W. mit 35 Stimmen die Mehrheit "
            "erhalten hat und somit zur Schiedsperson gewählt wurde.",
            Result.ELECTED,
        ),
        (
            "Ratsvorsitzender L. schlug vor, die TOP 26 und 27 zusammen zu beraten. Dem wurde "
            "zugestimmt. Die Tagesordnung wurde in der vorgelegten Form einstimmig festgestellt.",
            Result.ADOPTED,
        ),
    ],
)
def test_a_deciding_sentence_is_read_by_its_grammar(text: str, result: Result) -> None:
    outcome = read_outcome(text)
    assert (outcome.result, outcome.kind) == (result, ResolutionKind.ORDINARY)


def test_the_deciding_sentence_stays_with_its_vote() -> None:
    text = "Die Mitglieder der Stadtvertretung stimmen einstimmig zu."
    assert read_outcome(text).votes == (Vote(unanimous=True, text=text),)


@pytest.mark.parametrize(
    "text",
    [
        "Der Gemeinderat beschließt nicht.",
        "Der Rat stimmt dem Antrag nicht zu.",
        "Der Gemeinderat würde zustimmen, wenn die Kosten sinken.",
        "Antrag: „Der Rat beschließt die Satzung.“",  # a quoted motion is not its vote
        "Der Gemeinderat hat in seiner Sitzung vom 12.03.2020 beschlossen, den Plan aufzustellen.",
        "Herr X schlägt vor, den Punkt zu vertagen. Der Ausschuss stimmt zu.",
        "Frau Y beantragt, die Sitzung zu unterbrechen. Dem wird zugestimmt.",
        "Der Bürgermeister stellt fest, dass der Rat beschlussfähig ist.",
        "Die Beschlussfähigkeit wird festgestellt.",
        "Der Gemeinderat beschließt, den Antrag abzulehnen.",  # which result is the item's?
        "Der Gemeinderat nimmt Kenntnis und beschließt einstimmig.",
        "Der Rat beschließt einstimmig. Der Antrag wird abgelehnt.",
        "Die Fraktion stimmt dem Antrag zu.",  # a faction is not the deciding body
        "Die Mitglieder sprechen sich mit 9 Ja-Stimmen für die Absetzung der Punkte aus.",
    ],
)
def test_a_sentence_not_read_with_certainty_stays_not_recorded(text: str) -> None:
    assert read_outcome(text).result is Result.NOT_RECORDED


def test_a_deciding_sentence_that_contradicts_its_counts_stays_not_recorded() -> None:
    outcome = read_outcome("Der Rat beschließt die Satzung mit 10 Ja-Stimmen und 20 Nein-Stimmen.")
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.note is not None and "widersprechen" in outcome.note


@pytest.mark.parametrize(
    "text",
    [
        "Beschlussempfehlung einstimmig gefasst",
        "Der Ausschuss empfiehlt dem Rat, die Satzung zu beschließen.",
        "Der Bauausschuss beschließt, dem Gemeinderat die Annahme zu empfehlen.",
        "Der Beschlussvorschlag wird einstimmig an den Gemeinderat weitergeleitet.",
    ],
)
def test_a_recommending_sentence_never_becomes_a_decision(text: str) -> None:
    outcome = read_outcome(text)
    assert outcome.kind is ResolutionKind.RECOMMENDATION or outcome.result is Result.NOT_RECORDED


def test_a_request_to_a_committee_refers_the_matter_to_it() -> None:
    outcome = read_outcome(
        "Der Hauptausschuss wird um Beratung und Erarbeitung einer Beschlussempfehlung für die "
        "Bezirksversammlung gebeten."
    )
    assert (outcome.result, outcome.referred_to) == (Result.REFERRED, "Hauptausschuss")


@pytest.mark.parametrize(
    ("text", "vote"),
    [
        ("Abstimmung: 19:0:0", Vote(in_favour=19, against=0, abstain=0, text="Abstimmung: 19:0:0")),
        (
            "Abstimmungsergebnis: Anwesend 12 - Ja 12 - Nein 0",
            Vote(in_favour=12, against=0, text="Abstimmungsergebnis: Anwesend 12 - Ja 12 - Nein 0"),
        ),
    ],
)
def test_labelled_counts_in_the_forms_minutes_write_them(text: str, vote: Vote) -> None:
    outcome = read_outcome(text)
    assert outcome.result is Result.ADOPTED
    assert (outcome.votes[0].in_favour, outcome.votes[0].against, outcome.votes[0].abstain) == (
        vote.in_favour,
        vote.against,
        vote.abstain,
    )


def test_an_unlabelled_three_part_ratio_is_not_read() -> None:
    assert read_outcome("18:30:00").result is Result.NOT_RECORDED
