"""A referral names the committee it goes to (``referred_to``), where the wording does and
the registry knows it; a body it does not know stays as wording, with a note."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
import yaml

from generator.importers.runner import run_oparl, run_sessionnet
from generator.importers.sessionnet import Overrides
from generator.reading.loading import load_archive
from tests.importers.test_import_oparl import _export

TODAY = datetime.date(2024, 5, 1)


def _front(path: Path) -> dict[str, object]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def _checked(content: Path) -> None:
    catalog, problems = load_archive(content)
    assert [p for p in problems if p.severity.value == "error"] == []
    assert catalog is not None


@pytest.mark.parametrize(
    ("wording", "committee"),
    [
        ("Weiterbehandlung im Hauptausschuss", "hauptausschuss"),
        ("verwiesen an den Rat", "rat"),
        ("Überwiesen an den Hauptausschuss", "hauptausschuss"),
    ],
)
def test_oparl_referral_to_a_known_committee(
    tmp_path: Path, content: Path, wording: str, committee: str
) -> None:
    report = run_oparl(
        str(_export(tmp_path, {"result": wording, "resolutionText": "Zur Beratung."})),
        content,
        stream=io.StringIO(),
        today=TODAY,
    )
    (path,) = report.written
    data = _front(path)
    assert (data["result"], data["referred_to"]) == ("referred", committee)
    assert "vote" not in data
    _checked(content)


def test_oparl_referral_to_an_unknown_body_keeps_the_wording(tmp_path: Path, content: Path) -> None:
    wording = "Weiterbehandlung im Bauausschuss"
    report = run_oparl(
        str(_export(tmp_path, {"result": wording, "resolutionText": "Zur Beratung."})),
        content,
        stream=io.StringIO(),
        today=TODAY,
    )
    (path,) = report.written
    data = _front(path)
    assert data["result"] == "referred"
    assert "referred_to" not in data
    assert data["vote"] == {"text": wording}
    assert any("verwiesen an 'Bauausschuss'" in note for _, note in report.notes)
    _checked(content)


def _sessionnet(tmp_path: Path, content: Path, wording: str) -> tuple[dict[str, object], list[str]]:
    export = tmp_path / "export.txt"
    export.write_text(
        "Gremium: Hauptausschuss\nDatum: 02.07.2020\nTOP: 3\nBetreff: Punkt\n"
        f"Beschluss: {wording}\n\nBeschluss:\n\nDer Antrag wird verwiesen.\n",
        encoding="utf-8",
    )
    report = run_sessionnet([export], content, Overrides(), stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    (path,) = report.written
    return _front(path), [note for _, note in report.notes]


def test_sessionnet_referral_to_the_council(tmp_path: Path, content: Path) -> None:
    data, notes = _sessionnet(tmp_path, content, "verwiesen an den Rat")
    assert (data["result"], data["referred_to"]) == ("referred", "rat")
    assert notes == []
    _checked(content)


def test_sessionnet_referral_to_an_unknown_body_keeps_the_wording(
    tmp_path: Path, content: Path
) -> None:
    data, notes = _sessionnet(tmp_path, content, "verwiesen an den Bauausschuss")
    assert data["result"] == "referred"
    assert "referred_to" not in data
    assert data["vote"] == {"text": "verwiesen an den Bauausschuss"}
    assert any("verwiesen an 'Bauausschuss'" in note for note in notes)
    _checked(content)


def test_a_re_import_names_the_committee_once_it_is_in_the_registry(
    tmp_path: Path, content: Path
) -> None:
    export = _export(tmp_path, {"result": "Weiterbehandlung im Bauausschuss"})
    run_oparl(str(export), content, stream=io.StringIO(), today=TODAY)
    registry = content / "committees.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "  - id: bauausschuss\n    name: Bauausschuss\n    short_name: BauA\n"
        "    kind: committee\n",
        encoding="utf-8",
    )
    report = run_oparl(str(export), content, stream=io.StringIO(), today=TODAY)
    (path,) = report.written
    data = _front(path)
    assert (data["result"], data["referred_to"]) == ("referred", "bauausschuss")
    assert "vote" not in data
    _checked(content)
