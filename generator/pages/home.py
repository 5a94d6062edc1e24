"""The home page: the latest decisions, the committees, the years.

The search field is the one in the header (theme_overrides/main.html), on every page: a
second one here filled a phone's first screen with two search boxes.
"""

from __future__ import annotations

from itertools import islice

from generator.archive import labels, urls
from generator.archive.catalog import MeetingKey
from generator.pages.common import (
    counted_link,
    e,
    link,
    page,
    resolution_list,
    subscribe_links,
)
from generator.pages.context import PageContext
from generator.pages.meeting import meeting_title, time_span
from generator.rendering.generated import GeneratedFile

LATEST = 10
UPCOMING = 5


def home_pages(context: PageContext) -> list[GeneratedFile]:
    catalog = context.catalog
    settings = catalog.archive.settings
    here = urls.HOME
    latest = list(islice(reversed(catalog.by_id.values()), LATEST))
    committees = "".join(
        counted_link(here, urls.committee(c.id), c.name, len(catalog.by_committee.get(c.id, ())))
        for c in catalog.committees.values()
    )
    years = "".join(
        f"<li>{link(here, urls.year(year), str(year))}</li>"
        for year in sorted(catalog.by_year, reverse=True)
    )
    upcoming = [key for key in catalog.meeting_keys if context.upcoming(key.date)]
    upcoming.sort(key=lambda key: (key.date, key.committee))
    parts = [
        f"<h1>Ratsarchiv {e(settings.municipality)}</h1>",
        '<p class="ra-lead">Beschlüsse des Rates, der Ausschüsse und der Bezirksvertretungen '
        f"– {labels.count(len(catalog.by_id), 'Beschluss', 'Beschlüsse')}, "
        "dauerhaft abrufbar und zitierbar.</p>",
        _upcoming(context, here, upcoming[:UPCOMING]),
        '<section class="ra-home-latest"><h2>Neueste Beschlüsse</h2>',
        subscribe_links(here, urls.feed_all(), urls.calendar_all()),
        resolution_list(here, latest, catalog)
        if latest
        else '<p class="ra-empty">Es sind noch keine Beschlüsse veröffentlicht.</p>',
        "</section>",
        f'<section class="ra-home-committees"><h2>Gremien</h2><ul class="ra-index">{committees}'
        "</ul></section>",
    ]
    if years:
        parts.append(
            f'<section class="ra-home-years"><h2>Jahre</h2>'
            f'<ul class="ra-index ra-index--years">{years}</ul></section>'
        )
    return [page(here, "Startseite", "\n\n".join(parts))]


def _upcoming(context: PageContext, here: str, keys: list[MeetingKey]) -> str:
    """The next meetings after the Stand date, with time and place where a file gives them."""
    if not keys:
        return ""
    items = []
    for key in keys:
        committee = context.catalog.committees[key.committee]
        record = context.catalog.meeting_records.get(key)
        details = [
            f'<time datetime="{key.date.isoformat()}">{labels.date(key.date)}</time>',
            e(committee.short_name),
        ]
        if record is not None and record.start is not None:
            details.append(e(time_span(record)))
        if record is not None and record.place:
            details.append(e(record.place))
        name = meeting_title(context, key)
        items.append(
            f'<li><span class="ra-item__title">'
            f"{link(here, urls.meeting(key.committee, key.date), name)}</span> "
            f'<span class="ra-item__meta">{" · ".join(details)}</span></li>'
        )
    return (
        '<section class="ra-home-upcoming"><h2>Nächste Sitzungen</h2>'
        f'<ul class="ra-list">{"".join(items)}</ul></section>'
    )
