"""Real SessionNet decision texts from many towns, each against the file a careful clerk
would write (``expected`` in the fixture's ``.yml``). See ``tests/fixtures/sessionnet/real``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from generator.archive.model import CommitteeKind, Vote
from generator.archive.problems import Severity
from generator.cli import main
from generator.importers.committee_registry import CommitteeRegistry, NewCommittee
from generator.importers.runner import run_sessionnet
from generator.pages.votes import vote_block
from generator.reading.loading import load_archive
from tests.importers.sessionnet_real import (
    EXTRA_COMMITTEES,
    PARTS,
    REAL,
    TODAY,
    Fixture,
    fixtures,
    import_fixture,
    imported,
    overrides,
)

ALL = [fixture for part in PARTS for fixture in fixtures(part)]


@pytest.fixture
def archive(content: Path) -> Path:
    with (content / "committees.yml").open("a", encoding="utf-8") as registry:
        registry.write(EXTRA_COMMITTEES)
    return content


def test_the_fixture_set_is_large_and_split_by_town() -> None:
    dev, held_out = fixtures("dev"), fixtures("heldout")
    assert len(dev) + len(held_out) >= 40
    assert len({f.town for f in ALL}) >= 10
    assert len(held_out) >= 12
    assert not {f.town for f in held_out} & {f.town for f in dev}
    for fixture in ALL:
        assert fixture.url.startswith(("http://", "https://")) and "__ktonr=" in fixture.url
        assert fixture.expected is not None, f"{fixture.name}: expected fehlt"
    assert [f.name for f in ALL if f.gap] == ["havixbeck-56529", "rosendahl-11592"]
    assert (REAL / "README.md").is_file()


@pytest.mark.parametrize("fixture", ALL, ids=lambda f: f"{f.part}/{f.name}")
def test_real_text_imports_as_a_clerk_would_write_it(archive: Path, fixture: Fixture) -> None:
    report = import_fixture(fixture, archive)
    assert report.failed == []
    (path,) = report.written
    if fixture.gap is None:
        assert imported(path) == fixture.expected
    else:
        # A known gap: the import must still say nothing false, only less.
        assert fixture.expected is not None and fixture.imported_as is not None
        assert imported(path) == fixture.imported_as
        assert fixture.imported_as["kind"] == fixture.expected["kind"]
        assert fixture.imported_as["result"] in (fixture.expected["result"], "not_recorded")
    catalog, problems = load_archive(archive)
    assert catalog is not None
    assert [p.format() for p in problems if p.severity is Severity.ERROR] == []


RECOMMENDATION_LINE = re.compile(
    r"^(?:Beschluss:\s*)?(?:Beschlussempfehlung an\b|\w+ empfohlen\s*$)", re.MULTILINE
)
RECOMMENDATIONS = [
    f for f in ALL if RECOMMENDATION_LINE.search(f.text_path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize("fixture", RECOMMENDATIONS, ids=lambda f: f.name)
def test_a_recommendation_is_never_written_as_a_decision(archive: Path, fixture: Fixture) -> None:
    # The worst error an importer can make: the page would say the committee decided
    # what it only recommended to another body.
    (path,) = import_fixture(fixture, archive).written
    decision = imported(path)
    assert decision["kind"] == "recommendation"
    assert decision["recommended_to"] in ("rat", "stadtentwicklung")


def test_a_recommendation_to_a_body_not_in_the_registry_is_not_written(content: Path) -> None:
    (fixture,) = [f for f in ALL if f.name == "leverkusen-61572"]
    report = import_fixture(fixture, content)
    assert report.written == []
    assert report.failed == [
        (
            str(fixture.text_path),
            "Beschlussempfehlung an 'Ausschuss für Stadtentwicklung, Bauen und Planen': "
            "dieses Gremium steht nicht in committees.yml; bitte dort eintragen",
        )
    ]
    assert not (content / "resolutions").exists()


def test_every_fixture_passes_check_in_an_initialised_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    town = ["--municipality", "Stadt Beispielhausen", "--ags", "05999000"]
    town += ["--site-url", "https://ratsarchiv.beispielhausen.test/"]
    town += ["--contact-name", "Büro des Rates", "--address", "Markt 1, 12345 Beispielhausen"]
    town += ["--email", "rat@beispielhausen.test"]
    assert main(["init", "--content", str(content), *town]) == 0
    registry = CommitteeRegistry(content)
    for ident, name, short in (
        ("hauptausschuss", "Hauptausschuss", "HA"),
        ("stadtentwicklung", "Ausschuss für Stadtentwicklung, Bauen und Planen", "ASBP"),
    ):
        # what an editor adds after init: the committees the items come from
        registry.add(
            NewCommittee(id=ident, name=name, short_name=short, kind=CommitteeKind.COMMITTEE)
        )
    written = 0
    for fixture in ALL:
        report = run_sessionnet(
            [fixture.text_path], content, overrides(fixture), stream=io.StringIO(), today=TODAY
        )
        assert report.failed == []
        written += len(report.written)
    assert written == len(ALL)
    capsys.readouterr()
    assert main(["check", "--content", str(content)]) == 0
    assert "error:" not in capsys.readouterr().out


def test_a_bare_befangen_count_is_shown_on_the_page() -> None:
    html = vote_block(Vote(in_favour=14, against=4, abstain=2, excluded_for_bias_count=1))
    assert (
        '<p class="ra-vote__bias">Wegen Befangenheit nicht beteiligt (§ 31 GO NRW): 1 Mitglied</p>'
        in html
    )
