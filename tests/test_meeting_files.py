"""Meeting files: optional, and every mistake in one is named with file, line and field."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.archive.catalog import Catalog, MeetingKey
from generator.reading.loading import load_archive
from tests.conftest import ContentTree, resolution_text

MEETING = "meetings/hauptausschuss/2020/2020-04-17.yml"
VALID = """\
committee: hauptausschuss
date: 2020-04-17
start: 17:00
place: Ratssaal
agenda:
  - number: "1"
    title: Testbeschluss
  - number: "2"
    title: Anfragen
"""


def load(content_tree: ContentTree, meeting: str) -> tuple[object, list[str]]:
    catalog, problems = load_archive(
        content_tree(
            {
                "resolutions/hauptausschuss/2020/2020-04-17-test.md": resolution_text(),
                MEETING: meeting,
            }
        )
    )
    return catalog, [problem.format() for problem in problems]


def test_a_valid_meeting_file_is_read(content_tree: ContentTree, in_tmp: Path) -> None:
    catalog, problems = load(content_tree, VALID)
    assert problems == []
    assert isinstance(catalog, Catalog)
    record = catalog.meeting_records[MeetingKey("hauptausschuss", datetime.date(2020, 4, 17))]
    assert record.start == datetime.time(17, 0)  # unquoted: YAML reads 17:00 as a number
    assert [entry.title for entry in record.agenda] == ["Testbeschluss", "Anfragen"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("start: 17:00", 'start: "17 Uhr"'),
            f'content/{MEETING}:3:1: error: start: erwartet eine Uhrzeit wie "17:00", '
            "gefunden '17 Uhr'",
            id="time",
        ),
        pytest.param(
            ("    title: Anfragen", "    title: Anfragen\n    resolution: ha-2020-999"),
            f"content/{MEETING}:10:5: error: agenda[1].resolution: es gibt keinen Beschluss "
            "mit der Kennung 'ha-2020-999'",
            id="unknown-resolution",
        ),
        pytest.param(
            ("committee: hauptausschuss", "committee: hauptauschuss"),
            f"content/{MEETING}:1:1: error: committee: das Gremium 'hauptauschuss' steht nicht "
            "in content/committees.yml (bekannt: hauptausschuss, rat)",
            id="unknown-committee",
        ),
        pytest.param(
            ("place: Ratssaal", "plase: Ratssaal"),
            f"content/{MEETING}:4:1: error: plase: unbekanntes Feld; meinten Sie 'place'? "
            "(erlaubt: agenda, cancelled, committee, date, end, minutes_url, name, number, place, "
            "ris_url, start)",
            id="unknown-field",
        ),
    ],
)
def test_mistakes_in_a_meeting_file_are_named(
    change: tuple[str, str], expected: str, content_tree: ContentTree, in_tmp: Path
) -> None:
    _, problems = load(content_tree, VALID.replace(*change))
    assert expected in problems
