"""Meeting files → ``MeetingRecord``: time, place, the full public agenda, links.

Optional: a meeting without a file is known from its resolutions alone, as before.
A file lies at ``meetings/<committee>/<year>/<date>.yml``; committee and date inside the
file are what counts (a path that disagrees only warns, as for resolutions).
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from generator.archive.model import AgendaEntry, MeetingRecord
from generator.archive.problems import Problem
from generator.reading.fields import FieldReader
from generator.reading.settings_reader import read_yaml_file
from generator.reading.yaml_source import KeyPath, format_key_path

MEETINGS_DIR = "meetings"
FIELDS = (
    "committee",
    "date",
    "name",
    "number",
    "start",
    "end",
    "place",
    "minutes_url",
    "ris_url",
    "cancelled",
    "agenda",
)
REQUIRED = ("committee", "date")
AGENDA_FIELDS = ("number", "title", "public", "resolution")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
WEB_ADDRESS = re.compile(r"^https?://[^\s/?#\"'<>`]+\.[^\s\"'<>`]+$", re.IGNORECASE)


def meeting_files(content_root: Path) -> list[Path]:
    root = content_root / MEETINGS_DIR
    if not root.is_dir():
        return []
    found = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        found += [Path(directory) / name for name in files if name.endswith((".yml", ".yaml"))]
    return sorted(found)


def read_meetings(
    content_root: Path, display_root: Path
) -> tuple[tuple[MeetingRecord, ...], list[Problem]]:
    meetings: list[MeetingRecord] = []
    problems: list[Problem] = []
    for path in meeting_files(content_root):
        display = display_root / path.relative_to(content_root)
        meeting, found = read_meeting_file(path, display)
        problems += found
        if meeting is not None:
            meetings.append(meeting)
    return tuple(meetings), problems


def read_meeting_file(path: Path, display: Path) -> tuple[MeetingRecord | None, list[Problem]]:
    reader, problems = read_yaml_file(path, display)
    if reader is None:
        return None, problems
    data = reader.mapping(
        (), reader.document.value, known=FIELDS, required=REQUIRED, what="Sitzung"
    )
    if data is None:
        return None, reader.problems
    committee = reader.identifier(("committee",), data.get("committee"))
    date = reader.date(("date",), data.get("date"))
    start = _time(reader, ("start",), data.get("start"))
    end = _time(reader, ("end",), data.get("end"))
    if start and end and end <= start:
        reader.fail(("end",), "das Ende der Sitzung liegt vor ihrem Beginn")
    cancelled = reader.boolean(("cancelled",), data.get("cancelled"))
    meeting = MeetingRecord(
        committee=committee or "",
        date=date or datetime.date(1970, 1, 1),
        path=display,
        name=reader.text(("name",), data.get("name")),
        number=reader.integer(("number",), data.get("number"), minimum=1),
        start=start,
        end=end,
        place=reader.text(("place",), data.get("place")),
        minutes_url=_url(reader, ("minutes_url",), data.get("minutes_url")),
        ris_url=_url(reader, ("ris_url",), data.get("ris_url")),
        cancelled=bool(cancelled),
        agenda=_agenda(reader, data.get("agenda")),
        positions={format_key_path(key): mark for key, mark in reader.document.marks.items()},
    )
    if committee and date:
        _check_path(reader, meeting)
    if not committee or not date or any(p.severity == "error" for p in reader.problems):
        return None, reader.problems
    return meeting, reader.problems


def _time(reader: FieldReader, at: KeyPath, value: object) -> datetime.time | None:
    if value is None:
        return None
    # Unquoted 17:00 is a number to YAML 1.1 (base 60); its spelling is what was meant.
    text = reader.document.spelling.get(at) if isinstance(value, int) else value
    match = _TIME.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        shown = text if text is not None else value
        reader.fail(at, f"erwartet eine Uhrzeit wie \"17:00\", gefunden '{shown}'")
        return None
    return datetime.time(int(match[1]), int(match[2]))


def _url(reader: FieldReader, at: KeyPath, value: object) -> str | None:
    url = reader.text(at, value)
    if url is not None and not WEB_ADDRESS.match(url):
        reader.fail(at, f"erwartet eine Webadresse, die mit https:// beginnt, gefunden '{url}'")
        return None
    return url


def _agenda(reader: FieldReader, value: object) -> tuple[AgendaEntry, ...]:
    entries: list[AgendaEntry] = []
    numbers: set[str] = set()
    for index, item in enumerate(reader.list_of(("agenda",), value)):
        at: KeyPath = ("agenda", index)
        data = reader.mapping(at, item, known=AGENDA_FIELDS, required=("number", "title"))
        if data is None:
            continue
        number = reader.text((*at, "number"), data.get("number"))
        title = reader.text((*at, "title"), data.get("title"))
        public = reader.boolean((*at, "public"), data.get("public"))
        resolution = reader.identifier((*at, "resolution"), data.get("resolution"))
        if number in numbers:
            reader.fail((*at, "number"), f"TOP {number} steht schon auf der Tagesordnung")
            continue
        if number and title:
            numbers.add(number)
            entries.append(
                AgendaEntry(
                    number=number,
                    title=title,
                    public=True if public is None else public,
                    resolution=resolution,
                )
            )
    return tuple(entries)


def _check_path(reader: FieldReader, meeting: MeetingRecord) -> None:
    parts = meeting.path.parts
    folder = (MEETINGS_DIR, meeting.committee, str(meeting.date.year))
    if tuple(parts[-4:-1]) != folder or meeting.path.stem != meeting.date.isoformat():
        expected = "/".join(folder) + f"/{meeting.date.isoformat()}.yml"
        reader.warn(
            ("committee",),
            f"der Ablageort passt nicht zu Gremium und Datum; erwartet content/{expected}",
        )
