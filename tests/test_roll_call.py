"""Roll-call votes (namentliche Abstimmung): in the content model, checked, on the page."""

from __future__ import annotations

from pathlib import Path

from generator.archive.catalog import Catalog
from generator.archive.model import Choice
from generator.pages.votes import vote_block
from generator.reading.loading import load_archive
from tests.conftest import ContentTree, resolution_text

HA = "resolutions/hauptausschuss/2020"
FILE = f"content/{HA}/2020-04-17-test.md"

ROLL_CALL = """\
vote:
  for: {yes}
  against: 1
  roll_call:
    - person: Anna Beispiel
      faction: CDU
      vote: for
    - person: Bernd Muster
      faction: SPD
      vote: against
"""


def load(content_tree: ContentTree, yes: int) -> tuple[Catalog | None, list[str]]:
    catalog, problems = load_archive(
        content_tree({f"{HA}/2020-04-17-test.md": resolution_text(extra=ROLL_CALL.format(yes=yes))})
    )
    return catalog, [p.format() for p in problems]


def test_a_roll_call_is_read_and_shown_by_name(content_tree: ContentTree, in_tmp: Path) -> None:
    catalog, problems = load(content_tree, 1)
    assert problems == []
    assert catalog is not None
    (vote,) = catalog.by_id["ha-2020-001"].votes
    assert [(n.person, n.faction, n.choice) for n in vote.roll_call] == [
        ("Anna Beispiel", "CDU", Choice.FOR),
        ("Bernd Muster", "SPD", Choice.AGAINST),
    ]
    html = vote_block(vote, persons={"x": "y"})
    assert "<caption>Namentliche Abstimmung</caption>" in html
    assert '<tr><th scope="row">Bernd Muster</th><td>SPD</td><td>Nein</td></tr>' in html


def test_a_roll_call_that_disagrees_with_the_counts_is_an_error(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    _, problems = load(content_tree, 2)
    assert problems == [
        f"{FILE}:13:3: error: vote.roll_call: die namentliche Abstimmung zählt 1-mal 'for', "
        "die Abstimmung nennt 2; bitte Zahlen oder Namensliste berichtigen"
    ]


def test_a_roll_call_with_a_faction_breakdown_needs_no_totals(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    breakdown = (
        "vote:\n  factions:\n    - name: CDU\n      for: 1\n    - name: SPD\n      against: 1\n"
        "  roll_call:\n    - person: Anna Beispiel\n      vote: for\n"
        "    - person: Bernd Muster\n      vote: against\n"
    )
    catalog, problems = load_archive(
        content_tree({f"{HA}/2020-04-17-test.md": resolution_text(extra=breakdown)})
    )
    assert problems == []
    assert catalog is not None
    (vote,) = catalog.by_id["ha-2020-001"].votes
    assert (vote.in_favour, vote.against, vote.abstain) == (1, 1, 0)
