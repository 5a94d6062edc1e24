from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.importers.runner import run_sessionnet
from generator.importers.sessionnet import Overrides
from generator.importers.sessionnet_body import read_body
from generator.importers.vote_text import normalise
from generator.reading.loading import load_archive
from tests.importers.conftest import FIXTURES

SESSIONNET = FIXTURES / "sessionnet"
TODAY = datetime.date(2024, 5, 1)


def _read(path: Path) -> tuple[dict[str, object], str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def _import(content: Path, *names: str, overrides: Overrides | None = None) -> list[Path]:
    report = run_sessionnet(
        [SESSIONNET / name for name in names],
        content,
        overrides or Overrides(),
        stream=io.StringIO(),
        today=TODAY,
    )
    assert report.failed == []
    return report.written


def test_seed_text_with_options(content: Path) -> None:
    (path,) = _import(
        content,
        "seed-resolution.txt",
        overrides=Overrides(
            committee="hauptausschuss",
            date=datetime.date(2020, 4, 17),
            title="IT-Budget 2020 – digitale Arbeitsplätze",
            agenda_item="3.1",
        ),
    )
    assert path.relative_to(content).as_posix() == (
        "resolutions/hauptausschuss/2020/2020-04-17-it-budget-2020-digitale-arbeitsplaetze.md"
    )
    data, body = _read(path)
    assert data["addendum_date"] == datetime.date(2020, 4, 17)
    assert data["kind"] == "urgency_decision"
    assert data["legal_basis"] == "§ 60 Abs. 1 Satz 1 GO NRW"
    assert data["result"] == "adopted"
    assert data["vote"] == {"unanimous": True}
    assert data["agenda_item"] == {"number": "3.1"}
    text, discussion = body.split("\n## Beratung\n")
    assert text.strip().startswith("Weil es sich um einen Fall äußerster Dringlichkeit handelt")
    assert "\n\n1. Die Verwaltung wird" in text
    assert "\u00a0" not in text
    assert discussion.strip().startswith("Rf. Ballin-Meyer-Ahrens (FDP) erläutert")
    assert "einstimmig" not in discussion
    catalog, problems = load_archive(content)
    assert problems == [] and catalog is not None


def test_seed_text_without_options_names_the_missing_options_and_writes_nothing(
    content: Path,
) -> None:
    # The text export does not say committee, date, title or TOP. A file check would
    # refuse is never written: the import fails for this page and says what to add.
    report = run_sessionnet(
        [SESSIONNET / "seed-resolution.txt"],
        content,
        Overrides(),
        stream=io.StringIO(),
        today=TODAY,
    )
    assert report.written == []
    assert report.failed == [
        (
            str(SESSIONNET / "seed-resolution.txt"),
            "die Seite nennt nicht alles; bitte angeben: --committee, --date, --title, "
            "--agenda-item",
        )
    ]
    assert not (content / "resolutions").exists()


def test_saved_html_page(content: Path) -> None:
    (path,) = _import(content, "to0050-ausschuss.html")
    data, body = _read(path)
    assert data["id"] == "hauptausschuss-2020-to4711"
    assert data["title"] == "Radweg Lindenallee"
    assert data["committee"] == "hauptausschuss"
    assert data["date"] == datetime.date(2020, 5, 14)
    assert data["meeting"] == {"name": "12. Sitzung des Hauptausschusses", "number": 12}
    assert data["agenda_item"] == {"number": "4.2"}
    assert data["reference"] == "2020/0456"
    assert data["kind"] == "recommendation"
    assert data["recommended_to"] == "rat"
    assert data["result"] == "adopted"
    assert data["vote"] == {
        "for": 14,
        "against": 9,
        "abstain": 1,
        "factions": [
            {"name": "CDU", "for": 5},
            {"name": "SPD", "for": 5},
            {"name": "BÜNDNIS 90/DIE GRÜNEN", "for": 3},
            {"name": "FDP", "for": 1},
            {"name": "AfD", "against": 6},
            {"name": "DIE LINKE", "against": 3},
            {"name": "BÜRGERLISTE", "abstain": 1},
        ],
        "excluded_for_bias": ["Rm. Beispiel (CDU)"],
    }
    assert data["source"]["origin"] == "to0050.asp?__ktonr=4711"
    text, discussion = body.split("\n## Beratung\n")
    assert text.strip() == (
        "Der Rat beschließt den Bau des Radwegs an der Lindenallee.\n\n"
        "Die Verwaltung wird beauftragt, Fördermittel zu beantragen."
    )
    assert discussion.strip() == "Rm. Muster (SPD) begrüßt den Radweg."
    assert "nicht lesen" not in body
    catalog, problems = load_archive(content)
    assert problems == [] and catalog is not None


def test_non_public_item_is_skipped(content: Path) -> None:
    report = run_sessionnet(
        [SESSIONNET / "nichtoeffentlich.html"],
        content,
        Overrides(),
        stream=io.StringIO(),
        today=TODAY,
    )
    assert report.skipped == {"nicht öffentlich": 1}
    assert not (content / "resolutions").exists()


def test_text_exports_with_every_vote_spelling(content: Path) -> None:
    written = _import(
        content, "teilabstimmung.txt", "ja-nein.txt", "enthaltungen.txt", "unklar.txt"
    )
    by_title = {_read(p)[0]["title"]: _read(p)[0] for p in written}
    plan = by_title["Bebauungsplan Nr. 12 „Am Bach“"]
    assert plan["result"] == "adopted_with_changes"
    assert plan["vote"] == [
        {"part": "Punkt 1 und 2", "unanimous": True},
        {"part": "Punkt 3-5", "for": 13, "against": 0, "abstain": 0},
    ]
    assert by_title["Sportplatz Nord"]["vote"] == {"for": 34, "against": 0, "abstain": 0}
    assert by_title["Stellenplan"]["vote"] == {"unanimous": True, "abstain": 2}
    unclear = by_title["Parkgebühren"]
    assert unclear["result"] == "rejected"
    assert unclear["vote"] == {"text": "mehrheitlich gegen die Stimmen der Opposition"}
    catalog, problems = load_archive(content)
    assert catalog is not None
    assert [(p.severity, p.field) for p in problems] == [("note", "vote.text")]


@pytest.mark.parametrize(
    ("wording", "result"),
    [
        ("vertagt", "deferred"),
        ("vertagt in Folgegremium", "referred"),
        ("zur Kenntnis genommen", "noted"),
        ("erledigt", "noted"),
        ("zurückgezogen", "withdrawn"),
        ("mehrheitlich beschlossen", "adopted"),
    ],
)
def test_result_spellings_in_text_export(
    content: Path, tmp_path: Path, wording: str, result: str
) -> None:
    export = tmp_path / "export.txt"
    export.write_text(
        f"Gremium: Rat\nDatum: 02.07.2020\nTOP: 3\nBetreff: Punkt\n\nBeschluss: {wording}\n\n"
        "Beschluss:\n\nText.\n",
        encoding="utf-8",
    )
    report = run_sessionnet([export], content, Overrides(), stream=io.StringIO(), today=TODAY)
    (path,) = report.written
    assert _read(path)[0]["result"] == result


def test_cli_exit_codes_and_summary(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["import", "sessionnet", "--content", str(content), str(SESSIONNET / "ja-nein.txt")]
    )
    assert code == 0
    err = capsys.readouterr().err
    assert "1 importiert" in err and "0 fehlgeschlagen" in err
    code = main(["import", "sessionnet", "--content", str(content), str(SESSIONNET / "fehlt.txt")])
    assert code == 1
    assert "fehlgeschlagen: " in capsys.readouterr().err


def test_current_sessionnet_markup_and_real_vote_shapes(content: Path) -> None:
    # Header as <dl><dt>/<dd> (current pages), a wrapped title, a recommendation with
    # changes, the mayor as "OB" without a number, and blank paragraphs inside the vote.
    (path,) = _import(content, "to0050-aktuell.html")
    data, body = _read(path)
    assert data["id"] == "hauptausschuss-2020-to90817"
    assert data["title"] == "Einführung eines Sozialtickets"
    assert data["date"] == datetime.date(2020, 11, 3)
    assert data["meeting"] == {"name": "7. Sitzung des Hauptausschusses", "number": 7}
    assert data["agenda_item"] == {"number": "6"}
    assert data["reference"] == "2020/0731"
    # "Wie Vorlage mit den Änderungen …" and 5 votes for, 12 against: the record
    # contradicts itself, so the result is left for the editor (the vote stays).
    assert (data["kind"], data["recommended_to"], data["result"]) == (
        "recommendation",
        "rat",
        "not_recorded",
    )
    assert data["vote"] == {
        "for": 5,
        "against": 12,
        "abstain": 0,
        "factions": [
            {"name": "BÜRGERLISTE", "for": 3},
            {"name": "Aufbruch Leverkusen", "for": 2},
            {"name": "OB", "against": 1},
            {"name": "CDU", "against": 5},
            {"name": "SPD", "against": 4},
            {"name": "FDP", "against": 2},
        ],
    }
    assert (
        body.strip() == "Der Rat beschließt die Einführung eines Sozialtickets zum 1. Januar 2021."
    )
    catalog, problems = load_archive(content)
    assert catalog is not None
    assert [(p.severity, p.field) for p in problems] == [("note", "result")]


def test_header_rows_with_th_labels_and_a_plain_result_word(content: Path) -> None:
    (path,) = _import(content, "to0050-kopfzeilen.html")
    data, body = _read(path)
    assert data["id"] == "hauptausschuss-2021-to33221"
    assert (data["title"], data["agenda_item"], data["result"]) == (
        "Spielplatz Am Weiher",
        {"number": "3.2"},
        "adopted",
    )
    assert "Erneuerung des Spielplatzes" in body
    assert "Hauptausschuss" not in body.split("Erneuerung")[0].replace("Der Hauptausschuss", "")


def _export(tmp_path: Path, body: str) -> Path:
    export = tmp_path / "export.txt"
    export.write_text(
        "Gremium: Hauptausschuss\nDatum: 02.07.2020\nTOP: 3\nBetreff: Punkt\n" + body,
        encoding="utf-8",
    )
    return export


def _one(content: Path, export: Path) -> tuple[dict[str, object], str, list[str]]:
    report = run_sessionnet([export], content, Overrides(), stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    (path,) = report.written
    data, body = _read(path)
    return data, body, [note for _, note in report.notes]


def test_counts_on_separate_lines_with_befangen(content: Path, tmp_path: Path) -> None:
    # The layout of issue 20: one count per line, "Befangen" among them.
    export = _export(
        tmp_path,
        "Beschluss: einstimmig beschlossen\n\nBeschluss:\n\nDer Spielplatz wird erneuert.\n"
        "Ja-Stimmen: 7\nNein-Stimmen: 0\nEnthaltungen: 0\nBefangen: 1\n",
    )
    data, body, _ = _one(content, export)
    assert data["result"] == "adopted"
    assert data["vote"] == {
        "unanimous": True,
        "for": 7,
        "against": 0,
        "abstain": 0,
        "excluded_for_bias_count": 1,
    }
    assert body.strip() == "Der Spielplatz wird erneuert."
    catalog, problems = load_archive(content)
    assert catalog is not None and problems == []


def test_header_counts_with_present_members(content: Path, tmp_path: Path) -> None:
    export = _export(
        tmp_path,
        "Beschluss: Mehrheitlich beschlossen\n\nAbstimmung: Ja: 22, Nein: 3, Anwesend: 25\n\n"
        "Beschluss:\n\nDie Geschäftsordnung gilt weiter.\n",
    )
    data, _, notes = _one(content, export)
    assert (data["result"], data["vote"]) == ("adopted", {"for": 22, "against": 3})
    assert notes == []


def test_prose_vote_with_abstentions(content: Path, tmp_path: Path) -> None:
    export = _export(
        tmp_path,
        "Der Vorsitzende ruft zur Abstimmung auf.\n\n"
        "Der Beschlussvorschlag wird einstimmig mit drei Enthaltungen angenommen.\n",
    )
    data, body, _ = _one(content, export)
    assert (data["result"], data["vote"]) == ("adopted", {"unanimous": True, "abstain": 3})
    assert body.strip().startswith("## Beratung")  # minutes, not a resolution text


def test_not_yet_decided_is_not_recorded(content: Path, tmp_path: Path) -> None:
    export = _export(
        tmp_path,
        "Beschluss: noch nicht festgelegt\n\n"
        "Abstimmung: JA-Stimmen:0 NEIN-Stimmen:0 Enthaltungen:0\n\nText.\n",
    )
    data, _, notes = _one(content, export)
    assert data["result"] == "not_recorded" and "vote" not in data
    assert notes == ["Ergebnis laut Quelle nicht festgelegt: 'noch nicht festgelegt'"]


def test_a_committee_text_for_the_council_is_a_recommendation(
    content: Path, tmp_path: Path
) -> None:
    export = _export(
        tmp_path,
        "Beschluss: einstimmig beschlossen\n\n"
        "Der Hauptausschuss empfiehlt dem Rat, dem Antrag zuzustimmen.\n",
    )
    data, _, notes = _one(content, export)
    assert (data["kind"], data["recommended_to"], data["result"]) == (
        "recommendation",
        "rat",
        "adopted",
    )
    assert notes == [
        "Beschlusstext spricht für ein anderes Gremium, als Empfehlung eingetragen: 'Rat'"
    ]


def test_result_wording_against_the_counts_is_left_open(content: Path, tmp_path: Path) -> None:
    export = _export(tmp_path, "Beschluss: Annahme\n\nAbstimmung: Ja: 17, Nein: 43\n\nText.\n")
    data, _, notes = _one(content, export)
    assert (data["result"], data["vote"]) == ("not_recorded", {"for": 17, "against": 43})
    assert notes == ["Ergebnis widerspricht den Stimmen: 'Annahme'"]


def test_befangen_count_and_names_must_agree(content: Path) -> None:
    folder = content / "resolutions" / "rat" / "2020"
    folder.mkdir(parents=True)
    (folder / "2020-07-02-punkt.md").write_text(
        "---\nid: rat-2020-001\ntitle: Punkt\ncommittee: rat\ndate: 2020-07-02\n"
        'agenda_item:\n  number: "3"\nkind: ordinary\nresult: adopted\nvote:\n  unanimous: true\n'
        "  excluded_for_bias:\n    - Rm. Beispiel\n  excluded_for_bias_count: 2\n---\n\nText.\n",
        encoding="utf-8",
    )
    _, problems = load_archive(content)
    assert [(p.field, p.message) for p in problems] == [
        (
            "vote.excluded_for_bias_count",
            "hier stehen 2, unter 'excluded_for_bias' 1 Namen; bitte angleichen oder die Zahl "
            "weglassen",
        )
    ]


_LINES = [
    "Beschluss:",
    "Beschlussempfehlung an den Rat:",
    "Protokoll:",
    "Abstimmungsergebnis:",
    "Wie Antrag",
    "dafür: 5 (3 BÜRGERLISTE,",
    "2 Aufbruch Leverkusen)",
    "dagegen: 36 (OB, 13 CDU, 10 SPD)",
    "Enth.: 1 (Herr Lind)",
    "Ja-Stimmen: 14 Nein-Stimmen: 4 Enthaltungen: 2",
    "Befangen: 1",
    "- einstimmig –",
    "Damit ist der Antrag abgelehnt.",
    "Der Beschlussvorschlag wird einstimmig angenommen.",
    "Rh. Pott (OP) hat gem. § 31 GO NRW an der Beratung und der Abstimmung nicht teilgenommen.",
    "Der Rat beschließt den Bau des Radwegs.",
]
_BREAKS = ["\n", "\n\n", "\n\u00a0\n", "\n\n\n"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.sampled_from(_LINES),
                st.text(alphabet="abcdefghij ÄÖÜäöüß.,", min_size=1, max_size=30),
            ),
            st.sampled_from(_BREAKS),
        ),
        max_size=12,
    )
)
def test_body_reader_never_loses_a_line(pieces: list[tuple[str, str]]) -> None:
    body = "".join(line + gap for line, gap in pieces)
    read = read_body(body)
    kept = normalise(
        " ".join([*read.text, *read.discussion, *(c.text for c in read.votes), *read.bias])
    )
    labels = ("Beschluss:", "Protokoll:", "Abstimmungsergebnis:")
    for line, _ in pieces:
        if normalise(line) and line not in labels and not line.startswith("Beschlussempfehlung"):
            assert normalise(line) in kept


def test_numbered_points_of_the_text_are_not_taken_for_votes(content: Path, tmp_path: Path) -> None:
    export = _export(
        tmp_path,
        "Beschluss: einstimmig beschlossen\n\nBeschluss:\n\n"
        "Zu Punkt 1: Die Verwaltung wird beauftragt, einen Plan vorzulegen.\n\n"
        "Zu Punkt 2: Die Mittel werden bereitgestellt.\n\n\n- einstimmig -\n",
    )
    data, body, _ = _one(content, export)
    assert data["vote"] == {"unanimous": True}
    assert body.strip() == (
        "Zu Punkt 1: Die Verwaltung wird beauftragt, einen Plan vorzulegen.\n\n"
        "Zu Punkt 2: Die Mittel werden bereitgestellt."
    )
