"""The optional faction registry: ``check`` knows the factions of each term and their seats."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading.loading import load_archive
from tests.conftest import ContentTree, resolution_text

HA = "resolutions/hauptausschuss/2021"
FILE = f"content/{HA}/2021-03-18-test.md"

REGISTRY = """\
terms:
  - id: "2020"
    name: Wahlperiode 2020–2025
    start: 2020-11-01
    end: 2025-10-31
factions:
  - id: cdu
    name: CDU-Fraktion
    short_name: CDU
    terms: ["2020"]
  - id: spd
    name: SPD-Fraktion
    short_name: SPD
    terms: ["2020"]
seats:
  - committee: hauptausschuss
    term: "2020"
    factions:
      cdu: 6
      spd: 5
"""

VOTE = """\
vote:
  for: {cdu_for}
  against: 2
  factions:
    - name: CDU
      for: {cdu_for}
    - name: {second}
      against: 2
"""


def messages(content_tree: ContentTree, files: dict[str, str]) -> list[str]:
    _, problems = load_archive(content_tree(files))
    return [problem.format() for problem in problems]


def with_vote(*, second: str = "SPD", cdu_for: int = 6, date: str = "2021-03-18") -> str:
    return resolution_text(
        id="ha-2021-001", date=date, extra=VOTE.format(second=second, cdu_for=cdu_for)
    )


def test_registered_factions_pass(content_tree: ContentTree, in_tmp: Path) -> None:
    files = {"factions.yml": REGISTRY, f"{HA}/2021-03-18-test.md": with_vote()}
    assert messages(content_tree, files) == []


def test_a_misspelled_faction_fails_with_file_line_and_suggestion(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    files = {"factions.yml": REGISTRY, f"{HA}/2021-03-18-test.md": with_vote(second="SDP")}
    assert messages(content_tree, files) == [
        f"{FILE}:16:7: error: vote.factions[1].name: die Fraktion 'SDP' gibt es in der "
        "Wahlperiode 2020–2025 nicht; meinten Sie 'SPD'? (bekannt: CDU, SPD)"
    ]


def test_more_votes_than_seats_fail(content_tree: ContentTree, in_tmp: Path) -> None:
    files = {"factions.yml": REGISTRY, f"{HA}/2021-03-18-test.md": with_vote(cdu_for=7)}
    assert messages(content_tree, files) == [
        f"{FILE}:14:7: error: vote.factions[0]: die Fraktion 'CDU' hat 7 Stimmen abgegeben, "
        "hat im Gremium aber nur 6 Sitze (Wahlperiode 2020–2025)"
    ]


def test_a_vote_outside_every_term_is_reported(content_tree: ContentTree, in_tmp: Path) -> None:
    files = {
        "factions.yml": REGISTRY,
        "resolutions/hauptausschuss/2019/2019-03-18-test.md": with_vote(date="2019-03-18"),
    }
    assert messages(content_tree, files) == [
        "content/resolutions/hauptausschuss/2019/2019-03-18-test.md:10:1: error: vote: "
        "für den 2019-03-18 nennt content/factions.yml keine Wahlperiode; bitte unter "
        "'terms' ergänzen"
    ]


def test_without_a_registry_faction_names_are_free_text(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    catalog, problems = load_archive(
        content_tree({f"{HA}/2021-03-18-test.md": with_vote(second="SDP")})
    )
    assert problems == []
    assert catalog is not None
    assert catalog.faction_names == {"cdu": "CDU", "sdp": "SDP"}


@pytest.mark.parametrize(
    ("registry", "expected"),
    [
        pytest.param(
            REGISTRY.replace('terms: ["2020"]\n  - id: spd', 'terms: ["2021"]\n  - id: spd'),
            "content/factions.yml:10:13: error: factions[0].terms[0]: die Wahlperiode '2021' "
            "steht nicht unter 'terms' (bekannt: 2020)",
            id="unknown-term",
        ),
        pytest.param(
            REGISTRY.replace("      spd: 5", "      sdp: 5"),
            "content/factions.yml:20:7: error: seats[0].factions.sdp: die Fraktion 'sdp' steht "
            "nicht unter 'factions'; meinten Sie 'spd'?",
            id="seats-of-unknown-faction",
        ),
    ],
)
def test_registry_mistakes_are_reported(
    registry: str, expected: str, content_tree: ContentTree, in_tmp: Path
) -> None:
    assert expected in messages(content_tree, {"factions.yml": registry})
