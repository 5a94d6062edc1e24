"""Meeting calendars (iCalendar, RFC 5545): one per committee and one for all committees.

A meeting is a committee and a date; the archive knows no times, so each meeting is an
all-day event. UIDs derive from committee and date only, so a calendar client updates
an event instead of duplicating it; DTSTAMP is the Stand date, never the build clock.
Written by hand: the format is small, and the three rules that matter (CRLF, folding at
75 octets, escaping) are easy to get right and to test with a real parser.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from generator import urls
from generator.catalog import Catalog, MeetingKey
from generator.generated import GeneratedFile
from generator.model import Resolution
from generator.outputs.context import OutputContext

MAX_OCTETS = 75


def calendars(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    municipality = catalog.archive.settings.municipality
    files = [
        GeneratedFile(
            path=urls.calendar_all(),
            content=calendar_document(
                f"Sitzungen – {municipality}", list(catalog.by_meeting), catalog, context
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
    """The meeting's own name if a resolution gives one, else "Sitzung: <committee>"."""
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
        items = catalog.by_meeting[key]
        agenda = "\n".join(f"TOP {r.agenda_item.number}: {r.title}" for r in items)
        lines += [
            "BEGIN:VEVENT",
            f"UID:sitzung-{key.committee}-{key.date.isoformat()}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(key.date)}",
            f"DTEND;VALUE=DATE:{_date(key.date + datetime.timedelta(days=1))}",
            f"SUMMARY:{_escape(meeting_name(key, items, catalog))}",
            f"DESCRIPTION:{_escape(agenda)}",
            f"URL:{context.absolute(urls.meeting(key.committee, key.date))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


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
