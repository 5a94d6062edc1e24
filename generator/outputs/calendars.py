"""Meeting calendars (iCalendar, RFC 5545): one per committee and one for all committees.

A meeting is a committee and a date. With a meeting file that gives the time, the event
has its start (and end) in UTC and the place as LOCATION; otherwise it is an all-day
event. Upcoming meetings (from their files) are in the calendars as well. UIDs derive
from committee and date only, so a calendar client updates an event instead of
duplicating it; DTSTAMP is the Stand date, never the build clock.
Written by hand: the format is small, and the three rules that matter (CRLF, folding at
75 octets, escaping) are easy to get right and to test with a real parser.
"""

from __future__ import annotations

import datetime
import zoneinfo
from urllib.parse import urlsplit

from generator.archive import urls
from generator.archive.catalog import Catalog, MeetingKey
from generator.archive.model import MeetingRecord, Resolution
from generator.outputs.context import OutputContext
from generator.rendering.generated import GeneratedFile

MAX_OCTETS = 75
LOCAL = zoneinfo.ZoneInfo("Europe/Berlin")
"""Times in meeting files are local (German council meetings)."""


def calendars(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    municipality = catalog.archive.settings.municipality
    files = [
        GeneratedFile(
            path=urls.calendar_all(),
            content=calendar_document(
                f"Sitzungen – {municipality}", list(catalog.meeting_keys), catalog, context
            ),
        )
    ]
    for committee_id, committee in catalog.committees.items():
        files.append(
            GeneratedFile(
                path=urls.calendar_committee(committee_id),
                content=calendar_document(
                    f"Sitzungen: {committee.name}",
                    catalog.meetings_of(committee_id),
                    catalog,
                    context,
                ),
            )
        )
    return files


def meeting_name(key: MeetingKey, items: tuple[Resolution, ...], catalog: Catalog) -> str:
    """The meeting's own name from its file or a resolution, else "Sitzung: <committee>"."""
    record = catalog.meeting_records.get(key)
    if record is not None and record.name:
        return record.name
    for resolution in items:
        if resolution.meeting.name:
            return resolution.meeting.name
    committee = catalog.committees.get(key.committee)
    return f"Sitzung: {committee.name if committee else key.committee}"


def calendar_document(
    name: str, meetings: list[MeetingKey], catalog: Catalog, context: OutputContext
) -> bytes:
    host = urlsplit(context.site_url).hostname or "ratsarchiv"
    stamp = context.updated.strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Ratsarchiv//{_escape(catalog.archive.settings.municipality)}//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for key in sorted(meetings):
        items = catalog.by_meeting.get(key, ())
        record = catalog.meeting_records.get(key)
        if record is not None and record.agenda:
            agenda = "\n".join(f"TOP {entry.number}: {entry.title}" for entry in record.agenda)
        else:
            agenda = "\n".join(f"TOP {r.agenda_item.number}: {r.title}" for r in items)
        lines += [
            "BEGIN:VEVENT",
            f"UID:sitzung-{key.committee}-{key.date.isoformat()}@{host}",
            f"DTSTAMP:{stamp}",
            *_when(key, record),
            f"SUMMARY:{_escape(meeting_name(key, items, catalog))}",
            f"DESCRIPTION:{_escape(agenda)}",
            f"URL:{context.absolute(urls.meeting(key.committee, key.date))}",
        ]
        if record is not None and record.place:
            lines.append(f"LOCATION:{_escape(record.place)}")
        if record is not None and record.cancelled:
            lines.append("STATUS:CANCELLED")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def _when(key: MeetingKey, record: MeetingRecord | None) -> list[str]:
    """DTSTART/DTEND: in UTC when the time is known (no VTIMEZONE needed), else all day."""
    if record is None or record.start is None:
        return [
            f"DTSTART;VALUE=DATE:{_date(key.date)}",
            f"DTEND;VALUE=DATE:{_date(key.date + datetime.timedelta(days=1))}",
        ]
    lines = [f"DTSTART:{_utc(key.date, record.start)}"]
    if record.end is not None:
        lines.append(f"DTEND:{_utc(key.date, record.end)}")
    return lines


def _utc(day: datetime.date, time: datetime.time) -> str:
    local = datetime.datetime.combine(day, time, LOCAL)
    return local.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_OCTETS:
        return line
    chunks: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size = "", 0
            limit = MAX_OCTETS - 1  # continuation lines start with one space
        current += char
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _date(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")
