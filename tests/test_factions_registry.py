"""The optional faction registry: ``check`` knows the factions of each term and their seats."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from generator.pages.context import PageContext
from generator.pages.resolution import resolution_page
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


ALIASES = REGISTRY.replace(
    "    short_name: CDU\n", '    short_name: CDU\n    aliases: ["CDU-Fraktion", "Union"]\n'
).replace("    short_name: SPD\n", '    short_name: SPD\n    aliases: ["Sozialdemokraten"]\n')


def test_aliases_are_read_with_the_faction(content_tree: ContentTree, in_tmp: Path) -> None:
    catalog, problems = load_archive(content_tree({"factions.yml": ALIASES}))
    assert problems == []
    assert catalog is not None and catalog.archive.registry is not None
    cdu, spd = catalog.archive.registry.factions
    assert cdu.aliases == ("CDU-Fraktion", "Union")
    assert spd.aliases == ("Sozialdemokraten",)
    assert catalog.archive.registry.mayor == "Bürgermeister"


@pytest.mark.parametrize(
    ("registry", "expected"),
    [
        pytest.param(
            ALIASES.replace('["Sozialdemokraten"]', '["Sozialdemokraten", "union"]'),
            "content/factions.yml:15:35: error: factions[1].aliases[1]: die Schreibweise "
            "'union' gehört in der Wahlperiode '2020' schon zur Fraktion 'cdu'",
            id="alias-of-two-factions",
        ),
        pytest.param(
            ALIASES.replace('["Sozialdemokraten"]', '["CDU"]'),
            "content/factions.yml:15:15: error: factions[1].aliases[0]: die Schreibweise "
            "'CDU' gehört in der Wahlperiode '2020' schon zur Fraktion 'cdu'",
            id="alias-is-another-short-name",
        ),
        pytest.param(
            ALIASES.replace('["Sozialdemokraten"]', '["OB", "union"]'),
            [
                "content/factions.yml:15:15: error: factions[1].aliases[0]: 'OB' steht für den "
                "Bürgermeister, nicht für eine Fraktion (siehe 'mayor' in content/README.md)",
                "content/factions.yml:15:21: error: factions[1].aliases[1]: die Schreibweise "
                "'union' gehört in der Wahlperiode '2020' schon zur Fraktion 'cdu'",
            ],
            id="positions-after-a-refused-alias",
        ),
        pytest.param(
            ALIASES.replace('["Sozialdemokraten"]', '["Sozialdemokraten", " "]'),
            "content/factions.yml:15:35: error: factions[1].aliases[1]: der Text ist leer",
            id="empty-alias",
        ),
        pytest.param(
            ALIASES.replace('["Sozialdemokraten"]', '["BM"]'),
            "content/factions.yml:15:15: error: factions[1].aliases[0]: 'BM' steht für den "
            "Bürgermeister, nicht für eine Fraktion (siehe 'mayor' in content/README.md)",
            id="alias-is-the-mayor",
        ),
        pytest.param(
            ALIASES.replace('["Sozialdemokraten"]', "Sozialdemokraten"),
            "content/factions.yml:15:5: error: factions[1].aliases: erwartet eine Liste "
            "(Zeilen mit '- '), gefunden 'Sozialdemokraten'",
            id="alias-not-a-list",
        ),
    ],
)
def test_alias_mistakes_are_reported(
    registry: str, expected: str | list[str], content_tree: ContentTree, in_tmp: Path
) -> None:
    wanted = expected if isinstance(expected, list) else [expected]
    assert messages(content_tree, {"factions.yml": registry}) == wanted


def test_an_alias_in_a_hand_written_file_asks_for_the_short_name(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    files = {
        "factions.yml": ALIASES,
        f"{HA}/2021-03-18-test.md": with_vote(second="sozialdemokraten"),
    }
    assert messages(content_tree, files) == [
        f"{FILE}:16:7: error: vote.factions[1].name: 'sozialdemokraten' ist laut "
        "content/factions.yml eine andere Schreibweise der Fraktion 'SPD'; in Abstimmungen "
        "steht ihr Kürzel: meinten Sie 'SPD'?"
    ]


MIXED = """\
vote:
  for: 9
  against: 2
  abstain: 1
  factions:
    - name: CDU
      for: 6
    - name: {mayor}
      for: {mayor_votes}
    - name: Hr. Lind
      against: 1
    - name: fraktionslos
      against: 1
      abstain: 1
    - name: SPD
      for: {spd_for}
"""


def mixed(mayor: str = "Bürgermeister", mayor_votes: int = 1, spd_for: int = 2) -> str:
    extra = MIXED.format(mayor=mayor, mayor_votes=mayor_votes, spd_for=spd_for)
    return resolution_text(id="ha-2021-001", date="2021-03-18", extra=extra)


def test_the_mayor_a_member_and_a_group_are_rows_but_not_factions(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    catalog, problems = load_archive(
        content_tree({"factions.yml": REGISTRY, f"{HA}/2021-03-18-test.md": mixed()})
    )
    assert [p.format() for p in problems] == []
    assert catalog is not None
    assert catalog.faction_names == {"cdu": "CDU", "spd": "SPD"}
    assert [entry.faction.name for entry in catalog.by_faction["spd"]] == ["SPD"]


def test_the_mayor_has_one_vote_and_is_spelled_as_the_registry_says(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    files = {
        "factions.yml": REGISTRY,
        f"{HA}/2021-03-18-test.md": mixed(mayor_votes=2, spd_for=1),
    }
    assert messages(content_tree, files) == [
        f"{FILE}:17:7: error: vote.factions[1]: der Bürgermeister hat eine Stimme, hier "
        "stehen 2; bitte berichtigen"
    ]
    files = {
        "factions.yml": "mayor: Bürgermeisterin\n" + REGISTRY,
        f"{HA}/2021-03-18-test.md": mixed(mayor="BM"),
    }
    assert messages(content_tree, files) == [
        f"{FILE}:17:7: error: vote.factions[1].name: die Fraktion 'BM' gibt es in der "
        "Wahlperiode 2020–2025 nicht; meinten Sie 'Bürgermeisterin'? (bekannt: CDU, SPD)"
    ]


def test_votes_beyond_the_seats_count_the_mayor_and_members_apart(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    # 11 faction seats; 6 + 2 faction votes, 1 mayor, 1 member, 2 in the group: 12 in all
    files = {"factions.yml": REGISTRY, f"{HA}/2021-03-18-test.md": mixed()}
    assert messages(content_tree, files) == []
    divided = """\
vote:
  - part: Punkt 1
    for: 6
    factions:
      - name: CDU
        for: 6
  - part: Punkt 2
    for: 12
"""
    files = {
        "factions.yml": REGISTRY,
        f"{HA}/2021-03-18-test.md": resolution_text(
            id="ha-2021-001", date="2021-03-18", extra=divided
        ),
    }
    assert messages(content_tree, files) == [
        f"{FILE}:16:5: error: vote[1]: die Abstimmung zählt 12 Stimmen, das Gremium hat in "
        "der 'Wahlperiode 2020–2025' aber nur 11 Sitze"
    ]


def test_the_resolution_page_links_factions_but_not_the_mayor_or_a_member(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    catalog, problems = load_archive(
        content_tree({"factions.yml": REGISTRY, f"{HA}/2021-03-18-test.md": mixed()})
    )
    assert problems == [] and catalog is not None
    context = PageContext(
        catalog=catalog, site_url="https://example.org/", content_prefix=PurePosixPath("content")
    )
    html = resolution_page(context, catalog.by_id["ha-2021-001"], None).content
    assert '<a href="../../fraktion/cdu/">CDU</a>' in html
    assert '<th scope="row">Bürgermeister</th>' in html
    assert '<th scope="row">Hr. Lind</th>' in html
    assert '<th scope="row">fraktionslos</th>' in html
