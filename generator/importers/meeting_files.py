"""OParl meetings → meeting files (``meetings/<committee>/<year>/<date>.yml``).

A meeting file carries what resolution files cannot: time, place, the links to the
minutes and to the RIS, and the full public agenda, including the items that decided
nothing (reports, questions), which the import does not turn into resolutions.

Re-imports treat meeting files like resolution files: the first line records a checksum
of what the import wrote; a file changed by hand since is kept (unless ``--force``).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.archive.model import AgendaEntry, MeetingRecord
from generator.importers.content_files import scalar
from generator.importers.reimport import write_text_atomically
from generator.importers.source_text import meeting_number, single_line
from generator.reading.meeting_reader import MEETINGS_DIR, WEB_ADDRESS

_MARKER = re.compile(r"^# ratsarchiv import: (?P<origin>\S+) (?P<checksum>sha256:[0-9a-f]{64})\n")
_TIME = re.compile(r"T(\d{2}):(\d{2})")


AgendaLine = AgendaEntry
"""An agenda item as the import writes it: the same as the meeting reader gives."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingDraft(MeetingRecord):
    """A meeting file the import is about to write: the record the meeting reader would
    give for it (``path`` relative to the content folder), with where it came from."""

    origin: str
    notes: tuple[str, ...] = ()
    """For the import report: what was left out and why."""


@dataclass(slots=True)
class MeetingReport:
    written: int = 0
    unchanged: int = 0
    kept: list[Path] = field(default_factory=list)
    """Changed by hand since the last import: not overwritten."""
    notes: list[tuple[Path, str]] = field(default_factory=list)


def meeting_draft(
    meeting: Mapping[str, object],
    committee: str,
    date: datetime.date,
    agenda: Iterable[AgendaEntry],
) -> MeetingDraft:
    name = single_line(meeting.get("name"))
    start, end = _time(meeting.get("start")), _time(meeting.get("end"))
    notes: list[str] = []
    if start is not None and end is not None and end <= start:
        notes.append(
            f"Sitzungsende {end:%H:%M} vor dem Beginn {start:%H:%M} laut Quelle; Ende weggelassen"
        )
        end = None
    return MeetingDraft(
        origin=str(meeting.get("id")),
        committee=committee,
        date=date,
        path=Path(MEETINGS_DIR, committee, str(date.year), f"{date.isoformat()}.yml"),
        name=name,
        number=meeting_number(name),
        start=start,
        end=end,
        place=_place(meeting.get("location")),
        minutes_url=_file_url(meeting.get("verbatimProtocol"))
        or _file_url(meeting.get("resultsProtocol")),
        ris_url=_http(meeting.get("web")),
        cancelled=meeting.get("cancelled") is True,
        agenda=_unique(agenda),
        notes=tuple(notes),
    )


def render_meeting(draft: MeetingDraft) -> str:
    lines = [
        f"committee: {draft.committee}",
        f"date: {draft.date.isoformat()}",
    ]
    for key, value in (("name", draft.name), ("place", draft.place)):
        if value:
            lines.append(f"{key}: {scalar(value)}")
    if draft.number:
        lines.append(f"number: {draft.number}")
    for key, time in (("start", draft.start), ("end", draft.end)):
        if time is not None:
            lines.append(f'{key}: "{time:%H:%M}"')
    for key, value in (("minutes_url", draft.minutes_url), ("ris_url", draft.ris_url)):
        if value:
            lines.append(f"{key}: {scalar(value)}")
    if draft.cancelled:
        lines.append("cancelled: true")
    if draft.agenda:
        lines.append("agenda:")
        for entry in draft.agenda:
            lines.append(f"  - number: {json.dumps(entry.number, ensure_ascii=False)}")
            lines.append(f"    title: {scalar(entry.title)}")
            if entry.resolution:
                lines.append(f"    resolution: {entry.resolution}")
            if not entry.public:
                lines.append("    public: false")
    return "\n".join(lines) + "\n"


def write_meetings(
    content_root: Path, drafts: Iterable[MeetingDraft], *, force: bool = False
) -> MeetingReport:
    report = MeetingReport()
    taken: dict[Path, str] = {}
    for draft in drafts:
        path = content_root / draft.path
        if path in taken:  # one file per body and day; check refuses a second
            report.notes.append(
                (path, f"zweite Sitzung am selben Tag ({draft.origin}) nicht übernommen")
            )
            continue
        taken[path] = draft.origin
        report.notes.extend((path, note) for note in draft.notes)
        body = render_meeting(draft)
        checksum = "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()
        text = f"# ratsarchiv import: {draft.origin} {checksum}\n{body}"
        if path.is_file():
            current = path.read_text(encoding="utf-8")
            if current == text:
                report.unchanged += 1
                continue
            if not force and not _unedited(current):
                report.kept.append(path)
                continue
        write_text_atomically(path, text)
        report.written += 1
    return report


def _unedited(text: str) -> bool:
    """Whether a meeting file is as the import wrote it (its marker checksum still fits)."""
    marker = _MARKER.match(text)
    if marker is None:
        return False  # written by hand
    body = text[marker.end() :]
    return marker["checksum"] == "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


def _unique(agenda: Iterable[AgendaEntry]) -> tuple[AgendaEntry, ...]:
    """Each TOP number once (check refuses repeats): a repeated number keeps its first item."""
    seen: set[str] = set()
    entries = []
    for entry in agenda:
        if entry.number not in seen:
            seen.add(entry.number)
            entries.append(entry)
    return tuple(entries)


def _time(value: object) -> datetime.time | None:
    match = _TIME.search(value) if isinstance(value, str) else None
    if match is None or match.group(0) == "T00:00":
        return None  # a date alone, or midnight standing in for "no time known"
    return datetime.time(int(match.group(1)), int(match.group(2)))


def _place(location: object) -> str | None:
    if not isinstance(location, Mapping):
        return None
    for key in ("description", "room", "streetAddress"):
        text = single_line(location.get(key))
        if text:
            return text
    return None


def _file_url(file: object) -> str | None:
    if not isinstance(file, Mapping):
        return None
    return _http(file.get("accessUrl")) or _http(file.get("downloadUrl"))


def _http(value: object) -> str | None:
    text = single_line(value)
    if text and WEB_ADDRESS.match(text):
        return text
    return None
