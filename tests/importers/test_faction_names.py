"""Faction names in imported votes go through ``factions.yml``: spellings and aliases to the
short name, the mayor as the mayor, members as persons; nothing guessed, nothing written
that ``check`` refuses, and a re-import upgrades the files once the editor adds the names."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
import yaml

from generator.archive.model import (
    ElectoralTerm,
    Faction,
    FactionRegistry,
    FactionVote,
    Person,
    Result,
    Vote,
)
from generator.archive.problems import Severity
from generator.importers.draft import Draft
from generator.importers.faction_names import FactionNames
from generator.importers.runner import Report, run_oparl, run_sessionnet
from generator.importers.sessionnet import Overrides
from generator.reading.loading import load_archive
from tests.importers.conftest import FIXTURES

TODAY = datetime.date(2024, 5, 1)
BASE = "https://ris.example/oparl/"
TERM = ElectoralTerm(
    id="2014",
    name="Wahlperiode 2014–2020",
    start=datetime.date(2014, 6, 1),
    end=datetime.date(2020, 10, 31),
)
REGISTRY = FactionRegistry(
    terms=(TERM,),
    factions=(
        Faction(id="cdu", name="CDU-Fraktion", short_name="CDU", terms=("2014",)),
        Faction(id="spd", name="SPD-Fraktion", short_name="SPD", terms=("2014",)),
        Faction(
            id="gruene",
            name="Fraktion BÜNDNIS 90/DIE GRÜNEN",
            short_name="BÜNDNIS 90/DIE GRÜNEN",
            terms=("2014",),
            aliases=("B'90/Die Grünen", "GRÜNE"),
        ),
        Faction(id="buergerliste", name="BÜRGERLISTE", short_name="BÜRGERLISTE", terms=("2014",)),
    ),
    persons=(Person(id="peter-gillessen", name="Peter Gilleßen"),),
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CDU", "CDU"),
        ("cdu", "CDU"),
        ("CDU-Fraktion", "CDU"),
        ("B‘90/Die Grünen", "BÜNDNIS 90/DIE GRÜNEN"),
        ("B´90/DIE GRÜNEN", "BÜNDNIS 90/DIE GRÜNEN"),
        ("B’90 / Die  Grünen", "BÜNDNIS 90/DIE GRÜNEN"),
        ("Grüne", "BÜNDNIS 90/DIE GRÜNEN"),
        ("BM", "Bürgermeister"),
        ("OB", "Bürgermeister"),
        ("Bürgermeisterin", "Bürgermeisterin"),
        ("OBERBÜRGERMEISTER", "Oberbürgermeister"),
        ("Bürgermeister Schmitz", "Bürgermeister"),
        ("Hr. Gilleßen", "Hr. Gilleßen"),
        ("Herr Lind", "Herr Lind"),
        ("Frau  Beispiel", "Frau Beispiel"),
        ("peter gilleßen", "Peter Gilleßen"),
        ("Sonstige", "Sonstige"),
        ("Fraktionslose", "fraktionslos"),
        ("BÜRGRLISTE", None),  # a typo is close to a faction, and still never guessed
        ("FFH", None),
        ("FDPHr. Gilleßen", None),
    ],
)
def test_names_are_read_through_the_registry(name: str, expected: str | None) -> None:
    assert FactionNames(REGISTRY).canonical(name, TERM) == expected


def _draft(*rows: FactionVote, day: datetime.date = datetime.date(2016, 3, 17)) -> Draft:
    vote = Vote(
        in_favour=sum(r.in_favour for r in rows),
        against=sum(r.against for r in rows),
        abstain=sum(r.abstain for r in rows),
        factions=rows,
    )
    return Draft(
        id="gr-1",
        system="oparl",
        origin="x",
        committee="gr",
        date=day,
        result=Result.ADOPTED,
        votes=(vote,),
    )


def test_spellings_of_one_faction_become_one_row() -> None:
    names = FactionNames(REGISTRY)
    draft = names.apply(
        _draft(
            FactionVote(name="BM", in_favour=1),
            FactionVote(name="B‘90/Die Grünen", in_favour=2),
            FactionVote(name="GRÜNE", against=1),
        )
    )
    assert draft.votes == (
        Vote(
            in_favour=3,
            against=1,
            abstain=0,
            factions=(
                FactionVote(name="Bürgermeister", in_favour=1),
                FactionVote(name="BÜNDNIS 90/DIE GRÜNEN", in_favour=2, against=1),
            ),
        ),
    )
    assert draft.notes == ()
    assert names.unknown == {} and names.as_wording == 0


def test_an_unknown_name_keeps_the_totals_and_the_breakdown_as_wording() -> None:
    names = FactionNames(REGISTRY)
    draft = names.apply(
        _draft(FactionVote(name="CDU", in_favour=8, against=1), FactionVote(name="FFH", abstain=3))
    )
    assert draft.votes == (
        Vote(
            in_favour=8,
            against=1,
            abstain=3,
            text="Aufschlüsselung laut Quelle: CDU 8 Ja, 1 Nein; FFH 3 Enthaltung",
        ),
    )
    assert draft.notes == (
        "Fraktion nicht in content/factions.yml: 'FFH' (Abstimmung als Wortlaut übernommen)",
    )
    assert names.unknown == {("2014", "FFH"): 1}


def test_a_vote_outside_every_term_keeps_its_breakdown_as_wording() -> None:
    names = FactionNames(REGISTRY)
    draft = names.apply(
        _draft(FactionVote(name="CDU", in_favour=8), day=datetime.date(2011, 7, 14))
    )
    assert draft.votes == (
        Vote(in_favour=8, against=0, abstain=0, text="Aufschlüsselung laut Quelle: CDU 8 Ja"),
    )
    assert draft.notes == (
        "keine Wahlperiode in content/factions.yml: 2011-07-14 (Abstimmung nach Fraktionen "
        "als Wortlaut übernommen)",
    )
    assert names.summary()[0] == (
        "Abstimmungen an Tagen ohne Wahlperiode in content/factions.yml: 1 (2011-07-14 bis "
        "2011-07-14); Aufschlüsselung als Wortlaut übernommen. Unter 'terms' die "
        "Wahlperioden mit Beginn und Ende ergänzen und erneut importieren."
    )


# -- through the importer, with the report and a re-import ---------------------------------

ARCHIVE_REGISTRY = """\
terms:
  - id: "2014"
    name: Wahlperiode 2014–2020
    start: 2014-06-01
    end: 2020-10-31
{seats}factions:
  - id: cdu
    name: CDU-Fraktion
    short_name: CDU
    terms: ["2014"]
  - id: spd
    name: SPD-Fraktion
    short_name: SPD
    terms: ["2014"]
  - id: fdp
    name: FDP-Fraktion
    short_name: FDP
    terms: ["2014"]
  - id: gruene
    name: Fraktion BÜNDNIS 90/DIE GRÜNEN
    short_name: BÜNDNIS 90/DIE GRÜNEN
    terms: ["2014"]
    aliases: ["B'90/Die Grünen"]
"""
PASTED = "JaNeinEnthaltungBM1CDU81SPD6B‘90/Die Grünen3FFH3FDP2Hr. Gilleßen1Gesamt2410"


def _crawl(root: Path, result: str) -> Path:
    organization = {
        "id": f"{BASE}organization/1",
        "type": "https://schema.oparl.org/1.0/Organization",
        "name": "Gemeinderat",
        "shortName": "GR",
    }
    meeting = {
        "id": f"{BASE}meeting/1",
        "type": "https://schema.oparl.org/1.0/Meeting",
        "name": "Gemeinderat (36. Sitzung)",
        "start": "2016-03-17T18:00:00+01:00",
        "organization": [organization["id"]],
        "agendaItem": [
            {
                "id": f"{BASE}agendaitem/1",
                "type": "https://schema.oparl.org/1.0/AgendaItem",
                "name": "Haushalt 2016",
                "number": "1.",
                "result": result,
                "resolutionText": "Der Rat beschließt den Haushalt.",
            }
        ],
    }
    path = root / "crawl.json"
    path.write_text(json.dumps([organization, meeting], ensure_ascii=False), encoding="utf-8")
    return path


def _import(content: Path, crawl: Path) -> tuple[Report, dict[str, object]]:
    report = run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    catalog, problems = load_archive(content)
    assert [p.format() for p in problems if p.severity is Severity.ERROR] == []
    assert catalog is not None
    (path,) = (content / "resolutions").rglob("*.md")
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(front, dict)
    return report, front


def test_unknown_names_are_listed_and_a_reimport_upgrades_the_file(
    content: Path, tmp_path: Path
) -> None:
    (content / "factions.yml").write_text(ARCHIVE_REGISTRY.format(seats=""), encoding="utf-8")
    crawl = _crawl(tmp_path, PASTED)
    report, front = _import(content, crawl)
    assert front["vote"] == {
        "for": 24,
        "against": 1,
        "abstain": 0,
        "text": "Aufschlüsselung laut Quelle: BM 1 Ja; CDU 8 Ja, 1 Nein; SPD 6 Ja; "
        "B‘90/Die Grünen 3 Ja; FFH 3 Ja; FDP 2 Ja; Hr. Gilleßen 1 Ja",
    }
    lines = [
        "factions:",
        "  # 'FFH' (1-mal): als neue Fraktion",
        "  - id: ffh",
        '    name: "FFH"',
        '    short_name: "FFH"',
        '    terms: ["2014"]',
        '  # oder bei der Fraktion, die damit gemeint ist: aliases: ["FFH"]',
    ]
    summary = report.summary()
    start = summary.index(
        "Fraktionsnamen, die content/factions.yml nicht kennt (Anzahl Abstimmungen):"
    )
    assert summary[start : start + 4 + len(lines)] == [
        "Fraktionsnamen, die content/factions.yml nicht kennt (Anzahl Abstimmungen):",
        "  'FFH': 1",
        "Zeilen für content/factions.yml:",
        *(f"  {line}" for line in lines),
        "Abstimmungen mit Fraktionen als Wortlaut übernommen: 1",
    ]
    markdown = report.markdown()
    assert "| `FFH` | 1 | 2014 |" in markdown
    assert "```yaml\n" + "\n".join(lines) + "\n```" in markdown
    assert "## Ansehen: Fraktion nicht in content/factions.yml (1)" in markdown

    # The editor pastes the lines as they are; importing again updates the file.
    with (content / "factions.yml").open("a", encoding="utf-8") as registry:
        registry.write("\n".join(lines[1:]) + "\n")
    report, front = _import(content, crawl)
    assert (report.outcomes["aktualisiert"], report.kept) == (1, [])
    assert front["vote"] == {
        "for": 24,
        "against": 1,
        "abstain": 0,
        "factions": [
            {"name": "Bürgermeister", "for": 1},
            {"name": "CDU", "for": 8, "against": 1},
            {"name": "SPD", "for": 6},
            {"name": "BÜNDNIS 90/DIE GRÜNEN", "for": 3},
            {"name": "FFH", "for": 3},
            {"name": "FDP", "for": 2},
            {"name": "Hr. Gilleßen", "for": 1},
        ],
    }
    assert report.factions is not None and report.factions.summary() == []


SEATS = """\
seats:
  - committee: gr
    term: "2014"
    factions:
      cdu: 6
      spd: 6
      fdp: 2
      gruene: 3
"""


def test_votes_beyond_the_seats_are_kept_as_wording(content: Path, tmp_path: Path) -> None:
    registry = ARCHIVE_REGISTRY.format(seats=SEATS) + (
        '  - id: ffh\n    name: FFH\n    short_name: FFH\n    terms: ["2014"]\n'
    )
    (content / "factions.yml").write_text(registry, encoding="utf-8")
    report, front = _import(content, _crawl(tmp_path, PASTED))
    vote = front["vote"]
    assert isinstance(vote, dict)
    assert (vote["for"], vote["against"], "factions" in vote) == (24, 1, False)
    notes = [note for _, note in report.notes]
    assert (
        "Abstimmung passt nicht zu content/factions.yml: die Fraktion 'CDU' hat 9 Stimmen "
        "abgegeben, hat im Gremium aber nur 6 Sitze (Wahlperiode 2014–2020) (als Wortlaut "
        "übernommen)"
    ) in notes


def test_a_typo_is_listed_with_the_faction_it_resembles(content: Path, tmp_path: Path) -> None:
    (content / "factions.yml").write_text(ARCHIVE_REGISTRY.format(seats=""), encoding="utf-8")
    report, front = _import(content, _crawl(tmp_path, PASTED.replace("FFH3", "SDP3")))
    assert "factions" not in front["vote"]  # type: ignore[operator]
    assert report.factions is not None
    assert report.factions.lines_to_add()[-1] == (
        "  # oder, falls damit 'SPD' gemeint ist, bei 'spd' statt der neuen Fraktion: "
        'aliases: ["SDP"]'
    )


def test_without_a_registry_names_stay_as_the_source_wrote_them(
    content: Path, tmp_path: Path
) -> None:
    report, front = _import(content, _crawl(tmp_path, PASTED))
    assert report.factions is None
    vote = front["vote"]
    assert isinstance(vote, dict)
    assert [row["name"] for row in vote["factions"]][:4] == ["BM", "CDU", "SPD", "B‘90/Die Grünen"]


SESSIONNET_REGISTRY = """\
mayor: Oberbürgermeister
terms:
  - id: "2020"
    name: Wahlperiode 2020–2025
    start: 2020-11-01
factions:
""" + "".join(
    f'  - id: {slug}\n    name: {name}\n    short_name: "{name}"\n    terms: ["2020"]\n'
    for slug, name in (
        ("buergerliste", "BÜRGERLISTE"),
        ("cdu", "CDU"),
        ("spd", "SPD"),
        ("fdp", "FDP"),
    )
)


def test_sessionnet_drafts_go_through_the_registry_too(content: Path) -> None:
    page = FIXTURES / "sessionnet" / "to0050-aktuell.html"

    def vote() -> object:
        report = run_sessionnet([page], content, Overrides(), stream=io.StringIO(), today=TODAY)
        assert report.failed == []
        _, problems = load_archive(content)
        assert [p.format() for p in problems if p.severity is Severity.ERROR] == []
        (path,) = report.written
        return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])["vote"]

    (content / "factions.yml").write_text(SESSIONNET_REGISTRY, encoding="utf-8")
    assert vote() == {
        "for": 5,
        "against": 12,
        "abstain": 0,
        "text": "Aufschlüsselung laut Quelle: BÜRGERLISTE 3 Ja; Aufbruch Leverkusen 2 Ja; "
        "OB 1 Nein; CDU 5 Nein; SPD 4 Nein; FDP 2 Nein",
    }
    with (content / "factions.yml").open("a", encoding="utf-8") as registry:
        registry.write(
            '  - id: aufbruch\n    name: Aufbruch Leverkusen\n    short_name: "Aufbruch"\n'
            '    terms: ["2020"]\n    aliases: ["Aufbruch Leverkusen"]\n'
        )
    assert vote() == {
        "for": 5,
        "against": 12,
        "abstain": 0,
        "factions": [
            {"name": "BÜRGERLISTE", "for": 3},
            {"name": "Aufbruch", "for": 2},
            {"name": "Oberbürgermeister", "against": 1},
            {"name": "CDU", "against": 5},
            {"name": "SPD", "against": 4},
            {"name": "FDP", "against": 2},
        ],
    }
