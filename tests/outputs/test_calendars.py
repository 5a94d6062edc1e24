"""Meeting calendars parse with the icalendar library and hold one event per meeting."""

from __future__ import annotations

import datetime
import zoneinfo

import icalendar

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.outputs.calendars import calendars, fold
from generator.outputs.context import OutputContext


def _events(content: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(content)
    return list(calendar.walk("VEVENT"))


def _files(catalog: Catalog, context: OutputContext) -> dict[str, bytes]:
    return {f.path: f.content for f in calendars(catalog, context) if f.content is not None}


def _day(event: icalendar.Event) -> datetime.date:
    """The local day of an event: all-day events give a date, timed ones a UTC datetime."""
    start = event.decoded("DTSTART")
    if isinstance(start, datetime.datetime):
        return start.astimezone(zoneinfo.ZoneInfo("Europe/Berlin")).date()
    assert isinstance(start, datetime.date)
    return start


def test_calendar_of_all_has_one_event_per_meeting(
    catalog: Catalog, context: OutputContext
) -> None:
    events = _events(_files(catalog, context)[urls.calendar_all()])
    assert len(events) == len(catalog.meeting_keys)
    seen = {(str(e["URL"]), _day(e)) for e in events}
    expected = {
        (context.absolute(urls.meeting(key.committee, key.date)), key.date)
        for key in catalog.meeting_keys
    }
    assert seen == expected
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_one_calendar_per_committee(catalog: Catalog, context: OutputContext) -> None:
    files = _files(catalog, context)
    for committee_id in catalog.committees:
        events = _events(files[urls.calendar_committee(committee_id)])
        assert sorted(_day(e) for e in events) == [
            key.date for key in catalog.meetings_of(committee_id)
        ]


def test_events_are_all_day_named_and_stamped_with_the_stand(
    fixture_catalog: Catalog, context: OutputContext
) -> None:
    events = _events(_files(fixture_catalog, context)[urls.calendar_committee("finanzausschuss")])
    (event,) = events
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.decoded("DTEND") == datetime.date(2023, 1, 20)
    assert str(event["SUMMARY"]) == "7. Sitzung des Finanzausschusses"
    assert event.decoded("DTSTAMP") == datetime.datetime(2024, 5, 6, tzinfo=datetime.UTC)
    description = str(event["DESCRIPTION"])
    assert description.splitlines()[0].startswith("TOP 10: Haushaltssatzung 2024, ")


def test_lines_end_in_crlf_and_fold_at_75_octets(catalog: Catalog, context: OutputContext) -> None:
    for content in _files(catalog, context).values():
        assert content.endswith(b"\r\n")
        for line in content.split(b"\r\n"):
            assert len(line) <= 75
            line.decode("utf-8")  # folding never splits a character


def test_folding_keeps_multibyte_characters_whole() -> None:
    line = "SUMMARY:" + "Ä" * 100
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
