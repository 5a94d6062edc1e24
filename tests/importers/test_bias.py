"""Members excluded for bias (§ 31 GO NRW) as records give them: a count ("Befangen: 1")
or names ("Befangen: Herr Lind"); both reach the file and the page (issue 20)."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
import yaml

from generator.archive.model import Vote
from generator.importers.bias_exclusion import extract_bias_label
from generator.importers.outcome import read_outcome
from generator.importers.runner import run_sessionnet
from generator.importers.sessionnet import Overrides
from generator.importers.vote_text import parse_votes
from generator.pages.votes import vote_block
from generator.reading.loading import load_archive

TODAY = datetime.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("text", "names", "count"),
    [
        ("Ja: 10, Nein: 2, Befangen: 1", (), 1),
        ("Ja: 10, Nein: 2, Befangen: 0", (), None),
        ("einstimmig, Befangen: keine", (), None),
        ("Ja: 10, Nein: 2, Befangen: Herr Müller", ("Herr Müller",), None),
        (
            "einstimmig; befangen: Ratsherr Schulz, Frau Meier",
            ("Ratsherr Schulz", "Frau Meier"),
            None,
        ),
        ("Ja: 9, Befangen: 2 (Herr Lind und Frau Roth)", ("Herr Lind", "Frau Roth"), None),
    ],
)
def test_befangen_as_count_or_names(text: str, names: tuple[str, ...], count: int | None) -> None:
    (vote,) = parse_votes(text).votes
    assert vote.excluded_for_bias == names
    assert vote.excluded_for_bias_count == count
    assert vote.text is None
    (read,) = read_outcome(text).votes
    assert (read.excluded_for_bias, read.excluded_for_bias_count) == (names, count)


def test_a_count_that_disagrees_with_the_names_is_not_taken() -> None:
    rest, names, count = extract_bias_label("Ja: 9, Befangen: 2 (Herr Lind)")
    assert (names, count) == ((), None)
    assert "Befangen: 2 (Herr Lind)" in rest


def test_vote_words_after_befangen_are_no_names() -> None:
    assert extract_bias_label("Befangen: keine Ja-Stimmen")[1] == ()


def test_the_page_says_excluded_under_section_31_for_count_and_names() -> None:
    counted = vote_block(Vote(in_favour=9, against=0, excluded_for_bias_count=2))
    assert "Wegen Befangenheit nicht beteiligt (§ 31 GO NRW): 2 Mitglieder" in counted
    named = vote_block(Vote(in_favour=9, against=0, excluded_for_bias=("Herr Lind",)))
    assert "Wegen Befangenheit nicht beteiligt (§ 31 GO NRW): Herr Lind" in named


def test_sessionnet_names_the_excluded_member(content: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    export.write_text(
        "Gremium: Hauptausschuss\nDatum: 02.07.2020\nTOP: 3\nBetreff: Punkt\n"
        "Beschluss: mehrheitlich beschlossen\n\nBeschluss:\n\nDer Spielplatz wird erneuert.\n\n"
        "Ja-Stimmen: 7\nNein-Stimmen: 1\nEnthaltungen: 0\nBefangen: Herr Lind\n",
        encoding="utf-8",
    )
    report = run_sessionnet([export], content, Overrides(), stream=io.StringIO(), today=TODAY)
    (path,) = report.written
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert front["vote"] == {
        "for": 7,
        "against": 1,
        "abstain": 0,
        "excluded_for_bias": ["Herr Lind"],
    }
    assert "Befangen" not in path.read_text(encoding="utf-8").split("---\n", 2)[2]
    catalog, problems = load_archive(content)
    assert catalog is not None and problems == []
