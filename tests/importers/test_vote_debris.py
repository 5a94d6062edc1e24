"""Debris of real vote tables never becomes a faction name (Hürtgenwald crawl, issue 20):
a member glued to a faction splits off, a digit of a name stays in the name, a plural
ending in brackets is no breakdown, and what cannot be read stays wording."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.archive.model import FactionVote
from generator.importers.faction_names import FactionNames
from generator.importers.pasted_table import parse_pasted_table
from generator.importers.vote_text import parse_votes
from tests.importers.test_faction_names import REGISTRY, _draft


def test_a_member_glued_to_a_faction_is_a_member_row_of_its_own() -> None:
    text = (
        "JaNeinEnthaltungBM1CDU111SPD6Grüne3FDPHr. Gilleßen1Hr. Breuer1Gesamt2301"
        "Ratsmitglied Cranen nimmt an folgenden Beratungen und Beschlussfassungen wieder teil."
    )
    parsed = parse_pasted_table(text)
    assert parsed is not None
    vote, rest = parsed
    assert (vote.in_favour, vote.against, vote.abstain) == (23, 0, 1)
    assert [f.name for f in vote.factions] == [
        "BM",
        "CDU",
        "SPD",
        "Grüne",
        "Hr. Gilleßen",
        "Hr. Breuer",
    ]
    assert FactionVote(name="Hr. Gilleßen", in_favour=1) in vote.factions
    assert rest.startswith("Ratsmitglied Cranen")


def test_the_digits_of_b90_stay_in_the_name_and_an_ambiguous_table_stays_wording() -> None:
    # "BM10" may be 1 yes and 0 no or 10 yes: the table fits its totals more than one way.
    text = "JaNeinEnthaltungBM10CDU1400SPD030FDP300B90/ Die Grünen000Hr. Prinz000Ergebnis1830"
    assert parse_pasted_table(text) is None  # 18/3/0 or 1/83/0: both add up


def test_b90_without_a_quote_is_one_row() -> None:
    text = "JaNeinEnthaltungCDU12SPD7B90/Die Grünen3Gesamt2200"
    parsed = parse_pasted_table(text)
    assert parsed is not None
    assert [f.name for f in parsed[0].factions] == ["CDU", "SPD", "B90/Die Grünen"]


def test_a_one_letter_row_name_is_debris_and_the_table_stays_wording() -> None:
    assert parse_pasted_table("JaNeinEnthaltungCDU5B4Gesamt900") is None


def test_a_plural_ending_in_brackets_is_no_faction() -> None:
    parsed = parse_votes("2 Ja-Stimme(n), 1 Gegenstimme(n), 0 Stimmenthaltung(en)")
    (vote,) = parsed.votes
    assert (vote.in_favour, vote.against, vote.abstain) == (2, 1, 0)
    assert vote.factions == ()
    assert parsed.unparsed == ()


def test_a_one_letter_breakdown_is_no_faction() -> None:
    (vote,) = parse_votes("Ja: 3 (B), Nein: 0").votes
    assert vote.factions == ()
    assert vote.in_favour == 3


ROW_NAMES = [
    "BM",
    "CDU",
    "SPD",
    "B90/ Die Grünen",
    "B‘90/DIE GRÜNEN",
    "FDP",
    "FFH",
    "Grüne",
    "Hr. Gilleßen",
    "Hr. Prinz",
]


@st.composite
def pasted_tables(draw: st.DrawFn) -> tuple[str, list[tuple[str, tuple[int, int, int]]]]:
    """A table as RIS paste it (empty cells vanish, or zeros are written) and its truth."""
    names = draw(st.lists(st.sampled_from(ROW_NAMES), min_size=1, max_size=7, unique=True))
    zeros_written = draw(st.booleans())
    rows = []
    text = "JaNeinEnthaltung"
    for index, name in enumerate(names):
        cells = (draw(st.integers(0, 15)), draw(st.integers(0, 3)), draw(st.integers(0, 3)))
        following = names[index + 1] if index + 1 < len(names) else ""
        if not (zeros_written or any(cells) or name == "BM" or following.startswith("Hr.")):
            # An empty faction row glued to the next name ("CDUSPD1") reads as one name: no
            # parser can tell without the registry, which then keeps the table as wording.
            cells = (1, cells[1], cells[2])
        rows.append((name, cells))
        text += name + "".join(str(c) for c in cells if zeros_written or c)
    totals = tuple(sum(cells[i] for _, cells in rows) for i in range(3))
    return text + "Gesamt" + "".join(str(t) for t in totals), rows


@settings(max_examples=300, deadline=None)
@given(pasted_tables())
def test_a_pasted_table_is_read_right_or_not_at_all(
    table: tuple[str, list[tuple[str, tuple[int, int, int]]]],
) -> None:
    text, rows = table
    parsed = parse_pasted_table(text)
    if parsed is None:
        return  # more than one reading: the caller keeps the text
    vote, _ = parsed
    truth = tuple(sum(cells[i] for _, cells in rows) for i in range(3))
    assert (vote.in_favour, vote.against, vote.abstain) == truth
    if vote.factions:  # one reading only: it is the truth, with every name as written
        expected = [
            FactionVote(name=name, in_favour=a, against=b, abstain=c)
            for name, (a, b, c) in rows
            if a or b or c
        ]
        assert list(vote.factions) == expected


def test_two_registered_names_glued_together_are_no_new_faction() -> None:
    """ "JaNeinEnthaltungCDUSPD5…": an empty row glued to the next. The registry knows both
    halves; the import keeps the breakdown as wording and suggests no faction "CDUSPD"."""
    names = FactionNames(REGISTRY)
    draft = names.apply(
        _draft(FactionVote(name="CDUSPD", in_favour=5), FactionVote(name="GRÜNE", against=2))
    )
    (vote,) = draft.votes
    assert (vote.in_favour, vote.against, vote.factions) == (5, 2, ())
    assert vote.text == "Aufschlüsselung laut Quelle: CDUSPD 5 Ja; GRÜNE 2 Nein"
    assert draft.notes == (
        "zwei Namen ohne Trenner: 'CDUSPD' (CDU + SPD) (Abstimmung als Wortlaut übernommen)",
    )
    assert names.unknown == {}
