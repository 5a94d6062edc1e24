"""Meeting pages: the agenda items one committee decided on one day, in agenda order."""

from __future__ import annotations

from generator import labels, urls
from generator.catalog import MeetingKey
from generator.generated import PageFragment
from generator.model import Resolution
from generator.pages.common import breadcrumbs, e, fragment, pager, resolution_list
from generator.pages.context import PageContext


def meeting_pages(context: PageContext) -> list[PageFragment]:
    keys = list(context.catalog.by_meeting)  # sorted by committee, then date
    pages = []
    for index, key in enumerate(keys):
        previous = keys[index - 1] if index > 0 else None
        following = keys[index + 1] if index + 1 < len(keys) else None
        pages.append(
            meeting_page(
                context,
                key,
                context.catalog.by_meeting[key],
                previous=_link(context, previous, key.committee),
                following=_link(context, following, key.committee),
            )
        )
    return pages


def _title(resolutions: tuple[Resolution, ...], key: MeetingKey) -> str:
    name = resolutions[0].meeting.name if resolutions else None
    return name or f"Sitzung vom {labels.date(key.date)}"


def _link(context: PageContext, key: MeetingKey | None, committee: str) -> tuple[str, str] | None:
    """Another meeting of the same committee as (url, title), for the pager."""
    if key is None or key.committee != committee:
        return None
    name = context.catalog.by_meeting[key][0].meeting.name
    title = f"{name} ({labels.date(key.date)})" if name else _title((), key)
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
    here = urls.meeting(key.committee, key.date)
    title = _title(resolutions, key)
    trail = breadcrumbs(
        here,
        (
            (urls.committee(committee.id), committee.short_name),
            (urls.committee_year(committee.id, key.date.year), str(key.date.year)),
        ),
    )
    # Unlike every other list (newest first), a meeting lists its items in agenda order:
    # that is the order in which they were discussed and in which the minutes list them.
    body = (
        f"{trail}\n\n<h1>{e(title)}</h1>\n\n"
        f'<p class="ra-lead">{e(committee.name)}, '
        f'<time datetime="{key.date.isoformat()}">{labels.long_date(key.date)}</time> · '
        f"{labels.count(len(resolutions), 'Tagesordnungspunkt', 'Tagesordnungspunkte')}"
        " in der Reihenfolge der Tagesordnung</p>\n\n"
        + resolution_list(here, resolutions, context.catalog, committee=False, date=False)
        + pager(here, "Sitzung", previous, following)
    )
    return fragment(here, f"{title} – {committee.short_name}", body)
