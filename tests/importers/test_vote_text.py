from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.archive.model import FactionVote, ResolutionKind, Result, Vote
from generator.importers.result_field import parse_result
from generator.importers.vote_text import parse_votes


@pytest.mark.parametrize(
    ("text", "result", "unanimous"),
    [
        ("einstimmig beschlossen", Result.ADOPTED, True),
        ("mehrheitlich beschlossen", Result.ADOPTED, False),
        ("mehrheitlich abgelehnt", Result.REJECTED, False),
        ("geändert beschlossen", Result.ADOPTED_WITH_CHANGES, False),
        ("Geändert beschlossen", Result.ADOPTED_WITH_CHANGES, False),
        ("vertagt", Result.DEFERRED, False),
        ("vertagt in Folgegremium", Result.REFERRED, False),
        ("zur Kenntnis genommen", Result.NOTED, False),
        ("erledigt", Result.NOTED, False),
        ("zurückgezogen", Result.WITHDRAWN, False),
    ],
)
def test_result_spellings(text: str, result: Result, unanimous: bool) -> None:
    parsed = parse_result(text)
    assert (parsed.result, parsed.unanimous, parsed.kind) == (
        result,
        unanimous,
        ResolutionKind.ORDINARY,
    )


def test_recommendation_is_not_a_final_decision() -> None:
    parsed = parse_result("Beschlussempfehlung an den Rat: Wie Vorlage")
    assert parsed.kind is ResolutionKind.RECOMMENDATION
    assert parsed.recommended_to == "Rat"
    assert parsed.result is Result.ADOPTED


def test_unknown_result_is_none_and_kept() -> None:
    parsed = parse_result("in die Fraktionen geschoben")
    assert parsed.result is None
    assert parsed.text == "in die Fraktionen geschoben"


def test_unanimous_line() -> None:
    assert parse_votes("- einstimmig -").votes == (Vote(unanimous=True),)


def test_unanimous_with_abstentions() -> None:
    assert parse_votes("einstimmig bei 2 Enthaltungen").votes == (Vote(unanimous=True, abstain=2),)


def test_counts_with_factions_wrapped_over_lines() -> None:
    text = (
        "dafür: 14 (5 CDU, 5 SPD, 3 BÜNDNIS 90/DIE\nGRÜNEN, 1 FDP)\n"
        "dagegen: 9 (6 AfD, 3 DIE LINKE)\nEnth.: 1 (BÜRGERLISTE)"
    )
    parsed = parse_votes(text)
    assert parsed.unparsed == ()
    (vote,) = parsed.votes
    assert (vote.in_favour, vote.against, vote.abstain) == (14, 9, 1)
    assert vote.factions == (
        FactionVote(name="CDU", in_favour=5),
        FactionVote(name="SPD", in_favour=5),
        FactionVote(name="BÜNDNIS 90/DIE GRÜNEN", in_favour=3),
        FactionVote(name="FDP", in_favour=1),
        FactionVote(name="AfD", against=6),
        FactionVote(name="DIE LINKE", against=3),
        FactionVote(name="BÜRGERLISTE", abstain=1),
    )


def test_breakdown_that_does_not_add_up_keeps_totals_and_text() -> None:
    text = "dafür: 18 (5 CDU, 5 SPD, 3 BÜNDNIS 90/DIE GRÜNEN, 1 FDP)"
    parsed = parse_votes(text)
    (vote,) = parsed.votes
    assert vote.in_favour == 18
    assert vote.factions == ()
    assert vote.text == text
    assert parsed.unparsed == (text,)


@pytest.mark.parametrize(
    "text",
    ["13 Ja-Stimmen, 0 Enthaltungen, 0 Nein-Stimmen", "Ja: 13, Nein: 0, Enthaltungen: 0"],
)
def test_count_spellings(text: str) -> None:
    assert parse_votes(text).votes == (Vote(in_favour=13, against=0, abstain=0),)


def test_a_missing_comma_between_two_factions() -> None:
    # Leverkusen, to0050.asp?__ktonr=83648: "1 BÜRGERLISTE 1 OP"
    parsed = parse_votes(
        "dagegen: 11 (4 SPD, 3 BÜNDNIS 90/DIE GRÜNEN, 1 BÜRGERLISTE 1 OP, 1 FDP, 1 DIE LINKE)"
    )
    (vote,) = parsed.votes
    assert parsed.unparsed == ()
    assert [f.name for f in vote.factions] == [
        "SPD",
        "BÜNDNIS 90/DIE GRÜNEN",
        "BÜRGERLISTE",
        "OP",
        "FDP",
        "DIE LINKE",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "dafür: 1 (BÜRGERLISTE)\ndagegen: 11 (6 CDU, 5 SPD)\nEnth.: 1 (Herr Lind)",
        "dafür: 2 (1 FDP, 1 BÜRGERLISTE)\ndagegen: 4 (1 OP, 3 Sonstige)",
        "dafür: 17 (16 CDU, 1 parteilos)",
        "Nein-Stimmen: 8 (7 Grüne, 1 Einzelmandatsträger)",
    ],
)
def test_members_and_groups_are_not_taken_as_factions(text: str) -> None:
    (vote,) = parse_votes(text).votes
    assert vote.factions == ()
    assert vote.text is not None  # the breakdown stays as written
    assert vote.in_favour is not None or vote.against is not None


def test_unanimous_between_a_hyphen_and_an_en_dash() -> None:
    assert parse_votes("- einstimmig –").votes == (Vote(unanimous=True),)


def test_separate_votes_on_parts() -> None:
    parsed = parse_votes("zu Punkt 1 und 2: - einstimmig -\nzu Punkt 3-5: dafür: 20, dagegen: 12")
    assert parsed.votes == (
        Vote(part="Punkt 1 und 2", unanimous=True),
        Vote(part="Punkt 3-5", in_favour=20, against=12),
    )


def test_bias_exclusion() -> None:
    parsed = parse_votes(
        "- einstimmig -\n\nRm. Beispiel (CDU) hat gem. § 31 GO NRW an der Beratung und der "
        "Abstimmung nicht teilgenommen."
    )
    assert parsed.votes == (Vote(unanimous=True, excluded_for_bias=("Rm. Beispiel (CDU)",)),)


def test_unparseable_vote_kept_verbatim() -> None:
    text = "mehrheitlich gegen die Stimmen der Opposition"
    parsed = parse_votes(text)
    assert parsed.votes == (Vote(text=text),)
    assert parsed.unparsed == (text,)


VOTE_WORDS = st.sampled_from(
    [
        "einstimmig",
        "dafür:",
        "dagegen:",
        "Enth.:",
        "Ja-Stimmen",
        "Nein",
        "zu Punkt 1:",
        "(",
        ")",
        "CDU",
        "SPD",
        ",",
        "-",
        "\n",
        "§ 31",
        "hat gem. § 31 GO NRW nicht teilgenommen.",
        "bei",
        "Enthaltungen",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(VOTE_WORDS, st.integers(0, 60).map(str), st.text(max_size=8))))
def test_vote_parser_never_crashes_and_never_loses_text(words: list[str]) -> None:
    text = " ".join(words)
    parsed = parse_votes(text)
    for vote in parsed.votes:
        has_counts = vote.unanimous or any(
            count is not None for count in (vote.in_favour, vote.against, vote.abstain)
        )
        assert has_counts or vote.text  # nothing is stored as an empty vote
        if vote.factions:  # a stored breakdown always adds up to its totals
            assert sum(f.in_favour for f in vote.factions) == (vote.in_favour or 0)
            assert sum(f.against for f in vote.factions) == (vote.against or 0)
            assert sum(f.abstain for f in vote.factions) == (vote.abstain or 0)
    for unparsed in parsed.unparsed:
        assert any(vote.text == unparsed for vote in parsed.votes)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 60),
    st.integers(0, 60),
    st.integers(0, 60),
    st.lists(st.sampled_from(["CDU", "SPD", "FDP", "DIE LINKE"]), min_size=1, max_size=4),
)
def test_generated_breakdowns_add_up(
    for_: int, against: int, abstain: int, names: list[str]
) -> None:
    share = [for_ // len(names)] * len(names)
    share[0] += for_ - sum(share)
    breakdown = ", ".join(f"{n} {name}" for n, name in zip(share, names, strict=True))
    parsed = parse_votes(f"dafür: {for_} ({breakdown})\ndagegen: {against}\nEnth.: {abstain}")
    (vote,) = parsed.votes
    assert (vote.in_favour, vote.against, vote.abstain) == (for_, against, abstain)
    if against == abstain == 0:
        assert sum(f.in_favour for f in vote.factions) == for_
    else:  # the breakdown covers only "dafür": kept as text, not dropped
        assert vote.text is not None


@given(st.text(max_size=200))
def test_arbitrary_text_is_kept(text: str) -> None:
    parsed = parse_votes(text)
    if text.strip() and not parsed.unparsed:
        assert parsed.votes
    if parsed.unparsed:
        assert all(u.strip() for u in parsed.unparsed)
