"""Meeting pages: one committee on one day. With a meeting file, the full public agenda
(items without a resolution too), time, place, minutes and the RIS item; else the items
that have a resolution, in agenda order. Both link the body's previous and next meeting."""

from __future__ import annotations

from functools import partial

from generator.archive import labels, urls
from generator.archive.catalog import MeetingKey, agenda_resolutions
from generator.archive.model import MeetingRecord, Resolution
from generator.pages.common import (
    breadcrumbs,
    e,
    fragment,
    link,
    pager,
    resolution_list,
    result_badge,
)
from generator.pages.context import PageContext
from generator.pages.kept import kept_page, listed
from generator.rendering.generated import PageFragment


def meeting_pages(context: PageContext) -> list[PageFragment]:
    catalog = context.catalog
    keys = catalog.meeting_keys  # sorted by committee, then date: neighbours are adjacent
    pages = []
    for index, key in enumerate(keys):
        before = keys[index - 1] if index > 0 else None
        after = keys[index + 1] if index + 1 < len(keys) else None
        resolutions = catalog.by_meeting.get(key, ())
        previous = _link(context, before, key.committee)
        following = _link(context, after, key.committee)
        record = catalog.meeting_records.get(key)
        inputs = ("meeting", key, record, listed(context, resolutions), previous, following)
        make = partial(
            meeting_page, context, key, resolutions, previous=previous, following=following
        )
        pages.append(kept_page(context, urls.meeting(key.committee, key.date), inputs, make))
    return pages


def meeting_title(context: PageContext, key: MeetingKey) -> str:
    record = context.catalog.meeting_records.get(key)
    if record is not None and record.name:
        return record.name
    for resolution in context.catalog.by_meeting.get(key, ()):
        if resolution.meeting.name:
            return resolution.meeting.name
    return f"Sitzung vom {labels.date(key.date)}"


def time_span(record: MeetingRecord) -> str:
    """``17:00 bis 21:15 Uhr``, ``17:00 Uhr`` or empty."""
    if record.start is None:
        return ""
    start = record.start.strftime("%H:%M")
    if record.end is None:
        return f"{start} Uhr"
    return f"{start} bis {record.end.strftime('%H:%M')} Uhr"


def _link(context: PageContext, key: MeetingKey | None, committee: str) -> tuple[str, str] | None:
    """Another meeting of the same committee as (url, title), for the pager."""
    if key is None or key.committee != committee:
        return None
    title = meeting_title(context, key)
    if labels.date(key.date) not in title:  # "Sitzung vom 11.02.2021" names its day already
        title = f"{title} ({labels.date(key.date)})"
    return urls.meeting(key.committee, key.date), title


def meeting_page(
    context: PageContext,
    key: MeetingKey,
    resolutions: tuple[Resolution, ...],
    *,
    previous: tuple[str, str] | None = None,
    following: tuple[str, str] | None = None,
) -> PageFragment:
    committee = context.catalog.committees[key.committee]
    record = context.catalog.meeting_records.get(key)
    here = urls.meeting(key.committee, key.date)
    title = meeting_title(context, key)
    trail = breadcrumbs(
        here,
        (
            (urls.committee(committee.id), committee.short_name),
            (urls.committee_year(committee.id, key.date.year), str(key.date.year)),
        ),
    )
    when = f'<time datetime="{key.date.isoformat()}">{labels.long_date(key.date)}</time>'
    parts = [trail, f"<h1>{e(title)}</h1>"]
    if record is None:
        # Unlike every other list (newest first), a meeting lists its items in agenda
        # order: the order in which they were discussed and the minutes list them.
        count = labels.count(len(resolutions), "Tagesordnungspunkt", "Tagesordnungspunkte")
        parts.append(
            f'<p class="ra-lead">{e(committee.name)}, {when} · {count}'
            " in der Reihenfolge der Tagesordnung</p>"
        )
        parts.append(
            resolution_list(here, resolutions, context.catalog, committee=False, date=False)
        )
    else:
        parts += _with_record(context, here, record, resolutions, when)
    parts.append(pager(here, "Sitzung", previous, following))
    return fragment(here, f"{title} – {committee.short_name}", "\n".join(parts))


def _with_record(
    context: PageContext,
    here: str,
    record: MeetingRecord,
    resolutions: tuple[Resolution, ...],
    when: str,
) -> list[str]:
    committee = context.catalog.committees[record.committee]
    rows = [
        ("Gremium", link(here, urls.committee(committee.id), committee.name)),
        ("Datum", when),
    ]
    if record.start is not None:
        rows.append(("Uhrzeit", e(time_span(record))))
    if record.place:
        rows.append(("Ort", e(record.place)))
    if record.cancelled:
        rows.append(("Hinweis", "<strong>Die Sitzung fällt aus.</strong>"))
    if record.minutes_url:
        rows.append(("Niederschrift", f'<a href="{e(record.minutes_url)}">Niederschrift</a>'))
    if record.ris_url:
        rows.append(
            (
                "Ratsinformationssystem",
                f'<a href="{e(record.ris_url)}">Sitzung im Ratsinformationssystem</a>',
            )
        )
    card = "".join(f"<dt>{term}</dt><dd>{value}</dd>" for term, value in rows)
    status = "Tagesordnung" if context.upcoming(record.date) else "Tagesordnung und Ergebnisse"
    items = []
    for number, title, public, resolution in agenda_resolutions(record, resolutions):
        if resolution is not None:
            text = link(here, urls.resolution(resolution.id), resolution.title)
            text += f" {result_badge(resolution)}"
        elif public:
            text = e(title)
        else:
            text = f"{e(title)} <span class='ra-item__meta'>(nicht öffentlich)</span>"
        items.append(f'<li><span class="ra-agenda__number">TOP {e(number)}</span> {text}</li>')
    return [
        '<section class="ra-card" aria-label="Angaben zur Sitzung">'
        f'<dl class="ra-card__list">{card}</dl></section>',
        f'<h2 id="tagesordnung">{status}</h2>',
        f'<ol class="ra-agenda">{"".join(items)}</ol>'
        if items
        else '<p class="ra-empty">Die Tagesordnung ist noch nicht veröffentlicht.</p>',
    ]
