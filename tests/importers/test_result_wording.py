"""The result vocabulary: real RIS wordings → result, kind and body; nothing guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.archive.model import ResolutionKind, Result, Vote
from generator.importers.outcome import read_outcome
from generator.importers.result_wording import read_wording, split_wording

WORDINGS = Path(__file__).parent.parent / "fixtures" / "result_wordings" / "wordings.tsv"


def _real_wordings() -> list[tuple[str, str, str, str, str, str, str]]:
    rows = []
    for line in WORDINGS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            dataset, url, wording, vote, result, kind, body = line.split("\t")
            rows.append((dataset, url, wording, vote, result, kind, body))
    return rows


@pytest.mark.parametrize(
    ("dataset", "url", "wording", "vote", "result", "kind", "body"), _real_wordings()
)
def test_real_wordings_read_as_a_clerk_reads_them(
    dataset: str, url: str, wording: str, vote: str, result: str, kind: str, body: str
) -> None:
    outcome = read_outcome(f"{wording}\n{vote}" if vote else wording)
    named = outcome.recommended_to or outcome.referred_to or ""
    assert (outcome.result.value, outcome.kind.value, named) == (result, kind, body), url


def test_the_real_wordings_come_from_many_towns() -> None:
    hosts = {url.split("/")[2].removeprefix("www.") for _, url, *_ in _real_wordings()}
    assert len(_real_wordings()) >= 60
    assert len(hosts) >= 30


@pytest.mark.parametrize(
    ("wording", "result", "kind", "body"),
    [
        # The kinds of wording a large city's OParl export had that were not understood.
        ("zugestimmt zu geändertem Beschlusstext", Result.ADOPTED_WITH_CHANGES, "ordinary", None),
        ("mit geändertem Beschlusstext beschlossen", Result.ADOPTED_WITH_CHANGES, "ordinary", None),
        ("bei Stimmengleichheit abgelehnt", Result.REJECTED, "ordinary", None),
        ("Antrag zurückgezogen", Result.WITHDRAWN, "ordinary", None),
        ("Weiterbehandlung im Bauausschuss", Result.REFERRED, "ordinary", "Bauausschuss"),
        ("verwiesen an den Haupt- und Finanzausschuss", Result.REFERRED, "ordinary",
         "Haupt- und Finanzausschuss"),
        ("In den Jugendhilfeausschuss verwiesen", Result.REFERRED, "ordinary",
         "Jugendhilfeausschuss"),
        ("gewählt", Result.ELECTED, "ordinary", None),
        ("genehmigt", Result.ADOPTED, "ordinary", None),
        ("einverstanden", Result.ADOPTED, "ordinary", None),
        ("mit Stellungnahme einverstanden", Result.ADOPTED, "ordinary", None),
        ("erledigt durch Stellungnahme der Verwaltung", Result.SETTLED, "ordinary", None),
        ("abgesetzt", Result.REMOVED, "ordinary", None),
        ("von der Tagesordnung abgesetzt", Result.REMOVED, "ordinary", None),
        ("teilweise zugestimmt", Result.PARTLY_ADOPTED, "ordinary", None),
        ("teilweise abgelehnt", Result.PARTLY_ADOPTED, "ordinary", None),
        ("vorberaten ohne Änderungen", Result.CONSULTED, "ordinary", None),
        # Recommendations: never a decision of the body that recommends.
        ("Einstimmig empfohlen", Result.ADOPTED, "recommendation", None),
        ("empfohlen an den Rat", Result.ADOPTED, "recommendation", "Rat"),
        ("Beschlussempfehlung an den Rat: Wie Antrag", Result.ADOPTED, "recommendation", "Rat"),
        ("Beschlussempfehlung an den Kreistag: abgelehnt", Result.REJECTED, "recommendation",
         "Kreistag"),
        ("mit Änderungen empfohlen", Result.ADOPTED_WITH_CHANGES, "recommendation", None),
        ("nicht empfohlen", Result.REJECTED, "recommendation", None),
        ("Dem Rat wird empfohlen, die Vorlage zu beschließen", Result.ADOPTED, "recommendation",
         "Rat"),
        ("Der Ausschuss empfiehlt dem Rat, den Bebauungsplan als Satzung zu beschließen.",
         Result.ADOPTED, "recommendation", "Rat"),
        # Sentences as the minutes write them.
        ("Der Beschlussvorschlag wird einstimmig angenommen.", Result.ADOPTED, "ordinary", None),
        ("Damit ist der Antrag abgelehnt.", Result.REJECTED, "ordinary", None),
        ("Der Antrag wird in den Bauausschuss verwiesen.", Result.REFERRED, "ordinary",
         "Bauausschuss"),
    ],
)  # fmt: skip
def test_vocabulary(wording: str, result: Result, kind: str, body: str | None) -> None:
    meaning = read_wording(wording)
    assert meaning is not None
    assert (meaning.result, meaning.kind.value, meaning.body) == (result, kind, body)


def test_a_recommendation_without_a_result_stays_a_recommendation() -> None:
    outcome = read_outcome("Beschlussempfehlung an den Rat:")
    assert outcome.kind is ResolutionKind.RECOMMENDATION
    assert outcome.recommended_to == "Rat"
    assert outcome.result is Result.NOT_RECORDED
    assert (
        outcome.note == "Empfehlung erkannt, ihr Ergebnis nicht: 'Beschlussempfehlung an den Rat:'"
    )


@pytest.mark.parametrize(
    "wording",
    [
        "Die Vertagung wurde abgelehnt.",  # the motion to defer, not the item
        "Der Änderungsantrag der CDU-Fraktion wurde abgelehnt.",  # a part, not the whole
        "befürwortet",  # an advisory body's support: decision or recommendation?
        "nicht vertagt",
        "Sachstand",
    ],
)
def test_ambiguous_wording_is_not_read(wording: str) -> None:
    assert read_wording(wording) is None
    outcome = read_outcome(wording)
    assert outcome.result is Result.NOT_RECORDED
    assert outcome.votes == (Vote(text=wording),)


def test_wording_and_counts_that_disagree_are_not_recorded() -> None:
    outcome = read_outcome("Annahme\nJa: 17, Nein: 43")
    assert outcome.result is Result.NOT_RECORDED
    assert (
        outcome.note == "Wortlaut und Stimmenzahlen widersprechen sich: 'Annahme Ja: 17, Nein: 43'"
    )
    assert outcome.votes == (Vote(in_favour=17, against=43, text="Annahme Ja: 17, Nein: 43"),)


def test_counts_in_a_sentence_become_the_vote() -> None:
    outcome = read_outcome(
        "Der Beschlussvorschlag wird einstimmig mit drei Enthaltungen angenommen"
    )
    assert outcome.result is Result.ADOPTED
    assert outcome.votes == (Vote(unanimous=True, abstain=3),)


def test_a_wording_before_the_vote_is_split_from_it() -> None:
    assert split_wording("Einstimmig beschlossen Abstimmung: Ja: 16, Nein: 0") is not None
    meaning, rest = split_wording("Einstimmig beschlossen Abstimmung: Ja: 16, Nein: 0") or (
        None,
        "",
    )
    assert meaning is not None and meaning.result is Result.ADOPTED and meaning.unanimous
    assert rest == "Abstimmung: Ja: 16, Nein: 0"
