"""Meeting pages: the agenda items one committee decided on one day, in agenda order."""

from __future__ import annotations

from generator import labels, urls
from generator.catalog import MeetingKey
from generator.generated import PageFragment
from generator.model import Resolution
from generator.pages.common import breadcrumbs, e, fragment, resolution_list
from generator.pages.context import PageContext


def meeting_pages(context: PageContext) -> list[PageFragment]:
    return [meeting_page(context, key, items) for key, items in context.catalog.by_meeting.items()]


def meeting_page(
    context: PageContext, key: MeetingKey, resolutions: tuple[Resolution, ...]
) -> PageFragment:
    committee = context.catalog.committees[key.committee]
    here = urls.meeting(key.committee, key.date)
    title = resolutions[0].meeting.name or f"Sitzung vom {labels.date(key.date)}"
    trail = breadcrumbs(
        here,
        (
            (urls.committee(committee.id), committee.short_name),
            (urls.year(key.date.year), str(key.date.year)),
        ),
    )
    body = (
        f"{trail}\n\n<h1>{e(title)}</h1>\n\n"
        f'<p class="ra-lead">{e(committee.name)}, '
        f'<time datetime="{key.date.isoformat()}">{labels.long_date(key.date)}</time> · '
        f"{labels.count(len(resolutions), 'Tagesordnungspunkt', 'Tagesordnungspunkte')}</p>\n\n"
        + resolution_list(here, resolutions, context.catalog, committee=False, date=False)
    )
    return fragment(here, f"{title} – {committee.short_name}", body)
