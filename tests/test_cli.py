"""The ``ratsarchiv`` command as editors and CI use it: exit codes, formats, scaffolding."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from generator.cli import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, main
from tests.conftest import DEMO_CONTENT, ContentTree, resolution_text

HA = "resolutions/hauptausschuss/2020"


def test_demo_archive_passes_check_but_strict_names_its_sample_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--content", str(DEMO_CONTENT)]) == EXIT_OK
    capsys.readouterr()
    # An archive must not go live with the demo's addresses and sample legal texts.
    assert main(["check", "--strict", "--content", str(DEMO_CONTENT)]) == EXIT_CONTENT
    warnings = capsys.readouterr().out.splitlines()
    assert [line.split(": warning: ")[1].split(":")[0] for line in warnings] == [
        "site_url",
        "repository_url",
        "contact.email",
        "der Text ist als Muster markiert ('**Beispieldaten",
        "der Text ist als Muster markiert ('**Beispieldaten",
        "der Text ist als Muster markiert ('**Beispieldaten",
    ]


def test_check_exit_codes(content_tree: ContentTree, in_tmp: Path) -> None:
    root = content_tree({f"{HA}/2020-04-17-a.md": resolution_text(extra="public: 1\n")})
    assert main(["check", "--content", str(root)]) == EXIT_CONTENT
    assert main(["check", "--content", str(in_tmp / "nowhere")]) == EXIT_USAGE
    assert main(["check", "--no-such-option"]) == EXIT_USAGE


def test_warnings_fail_only_under_strict(content_tree: ContentTree, in_tmp: Path) -> None:
    root = content_tree({"resolutions/rat/2020/2020-04-17-a.md": resolution_text()})
    assert main(["check", "--content", str(root)]) == EXIT_OK
    assert main(["check", "--strict", "--content", str(root)]) == EXIT_CONTENT


def test_github_annotations(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({f"{HA}/2020-04-17-a.md": resolution_text(extra="public: 1\n")})
    main(["check", "--format", "github", "--content", str(root)])
    assert capsys.readouterr().out.splitlines() == [
        f"::error file=content/{HA}/2020-04-17-a.md,line=10,col=1,title=public::"
        "erwartet true oder false, gefunden '1'"
    ]


def test_json_output(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({f"{HA}/2020-04-17-a.md": resolution_text(extra="public: 1\n")})
    main(["check", "--format", "json", "--content", str(root)])
    assert json.loads(capsys.readouterr().out) == [
        {
            "path": f"content/{HA}/2020-04-17-a.md",
            "line": 10,
            "column": 1,
            "severity": "error",
            "field": "public",
            "message": "erwartet true oder false, gefunden '1'",
        }
    ]


def test_help_explains_each_command(capsys: pytest.CaptureFixture[str]) -> None:
    explanations = {"check": "nennt jeden Fehler mit Datei, Zeile, Feld", "new": "nächsten freien"}
    for command, explanation in explanations.items():
        assert main([command, "--help"]) == EXIT_OK
        assert explanation in " ".join(capsys.readouterr().out.split())


def test_scaffold_fails_check_until_filled_then_passes(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({f"{HA}/2020-04-17-a.md": resolution_text(id="ha-2020-007")})
    assert (
        main(["new", "hauptausschuss", "--date", "2020-06-02", "--content", str(root)]) == EXIT_OK
    )
    path = Path(capsys.readouterr().out.strip())
    assert path == root / "resolutions/hauptausschuss/2020/2020-06-02-ha-2020-008.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "---\n# yaml-language-server: $schema=../../../../generator/schemas/"
        "resolution.schema.json\nid: ha-2020-008\n"
    )
    assert main(["check", "--content", str(root)]) == EXIT_CONTENT
    assert "Pflichtfeld 'result' fehlt" not in capsys.readouterr().out  # present, but empty

    filled = (
        text.replace("title:  # Betreff des Beschlusses", "title: Neuer Spielplatz")
        .replace('  number:  # TOP-Nummer in Anführungszeichen, z. B. "3.1"', '  number: "4"')
        .replace("result:  #", "result: adopted #")
        .replace("---\n\n## Beratung", "---\n\nDer Spielplatz wird gebaut.\n\n## Beratung")
    )
    path.write_text(filled, encoding="utf-8")
    assert main(["check", "--strict", "--content", str(root)]) == EXIT_OK


def test_scaffold_defaults_to_today_and_takes_title(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({})
    assert main(["new", "rat", "--title", "Straßenbenennung", "--content", str(root)]) == 0
    path = Path(capsys.readouterr().out.strip())
    today = datetime.date.today()
    assert path.name == f"{today.isoformat()}-strassenbenennung.md"
    assert 'title: "Straßenbenennung"' in path.read_text(encoding="utf-8")
    assert f"id: rat-{today.year}-001" in path.read_text(encoding="utf-8")


def test_scaffold_refuses_unknown_committee(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({})
    assert main(["new", "finanzausschus", "--content", str(root)]) == EXIT_USAGE
    assert "unbekanntes Gremium 'finanzausschus'" in capsys.readouterr().err


def test_next_id_counts_half_written_files(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({})
    for _ in range(2):
        assert main(["new", "rat", "--date", "2021-01-05", "--content", str(root)]) == EXIT_OK
        capsys.readouterr()
    ids = sorted(p.name for p in (root / "resolutions/rat/2021").iterdir())
    assert ids == ["2021-01-05-rat-2021-001.md", "2021-01-05-rat-2021-002.md"]


def test_scaffold_suggests_the_id_for_a_committee_name(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({})
    assert main(["new", "Rat", "--content", str(root)]) == EXIT_USAGE
    assert "unbekanntes Gremium 'Rat'; meinten Sie 'rat'?" in capsys.readouterr().err
    assert main(["new", "HA", "--content", str(root)]) == EXIT_USAGE
    assert "meinten Sie 'hauptausschuss'?" in capsys.readouterr().err


def test_scaffold_vote_skeleton_becomes_a_valid_vote(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({})
    assert main(["new", "rat", "--date", "2021-01-05", "--content", str(root)]) == EXIT_OK
    path = Path(capsys.readouterr().out.strip())
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "#   for: 0                  # Ja-Stimmen" in lines
    # Uncommenting the counted form (its first four lines) gives a valid vote.
    start = lines.index("# vote:", lines.index("#   unanimous: true         # einstimmig"))
    counted = "\n".join(line[2:] for line in lines[start : start + 4]).replace("for: 0", "for: 9")
    filled = (
        text.replace("title:  # Betreff des Beschlusses", "title: Neuer Spielplatz")
        .replace('  number:  # TOP-Nummer in Anführungszeichen, z. B. "3.1"', '  number: "4"')
        .replace("result:  #", "result: adopted #")
        .replace("---\n\n## Beratung", "---\n\nDer Spielplatz wird gebaut.\n\n## Beratung")
        .replace("# Optional, siehe", counted + "\n# Optional, siehe")
    )
    path.write_text(filled, encoding="utf-8")
    assert main(["check", "--strict", "--content", str(root)]) == EXIT_OK, capsys.readouterr()
    assert "vote:\n  for: 9" in path.read_text(encoding="utf-8")
