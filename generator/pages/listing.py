"""Lists that stay small however large the archive grows.

A list page shows its resolutions only while they are at most ``PageContext.list_limit``;
beyond that it lists the meetings they were decided in (a link and a count each): a
meeting's page is bounded by its agenda, and a year or month has only so many meetings.
Pages that split by year or month link to those pages with ``period_index``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from generator.archive import labels, urls
from generator.archive.catalog import MeetingKey
from generator.archive.model import Resolution
from generator.pages.common import counted_link, e, resolution_list
from generator.pages.context import PageContext
from generator.pages.kept import listed
from generator.pages.meeting import meeting_title


def period_index(
    here: str,
    periods: Iterable[tuple[str, str, int]],
    *,
    words: tuple[str, str] = ("Beschluss", "Beschlüsse"),
) -> str:
    """(URL, name, count) of years or months, as an index of links with their counts."""
    items = "".join(
        counted_link(here, url, text, count, words=words) for url, text, count in periods
    )
    return f'<ul class="ra-index ra-index--years">{items}</ul>'


def month_name(year: int, month: int) -> str:
    return f"{labels.MONTHS[month - 1]} {year}"


def meeting_index(
    context: PageContext,
    here: str,
    resolutions: Iterable[Resolution],
    meetings: Iterable[MeetingKey] = (),
) -> str:
    """The meetings of ``resolutions`` (and ``meetings``, e.g. upcoming ones without any),
    newest first, each with how many of them it has."""
    counts = Counter(dict.fromkeys(meetings, 0))
    counts.update(MeetingKey(committee=r.committee, date=r.date) for r in resolutions)
    committees = context.catalog.committees
    items = []
    for key in sorted(counts, key=lambda k: (k.date, committees[k.committee].name), reverse=True):
        details = f"{labels.date(key.date)} · {e(committees[key.committee].short_name)}"
        items.append(
            counted_link(
                here,
                urls.meeting(key.committee, key.date),
                meeting_title(context, key),
                counts[key],
                extra=f' <span class="ra-item__meta">{details}</span>',
            )
        )
    return f'<ul class="ra-index ra-index--meetings">{"".join(items)}</ul>'


def bounded_list(
    context: PageContext,
    here: str,
    resolutions: Sequence[Resolution],
    *,
    committee: bool = True,
    date: bool = True,
) -> str:
    """The resolutions themselves, or, past the limit, the meetings that list them."""
    if len(resolutions) <= context.list_limit:
        return resolution_list(here, resolutions, context.catalog, committee=committee, date=date)
    count = labels.count(len(resolutions), "Beschluss", "Beschlüsse")
    return (
        f'<p class="ra-lead">{count} in {_meetings(resolutions)}; die Sitzungen führen '
        "zu den einzelnen Beschlüssen.</p>" + meeting_index(context, here, resolutions)
    )


def bounded_inputs(context: PageContext, resolutions: Sequence[Resolution]) -> tuple[object, ...]:
    """What ``bounded_list`` shows of ``resolutions`` (``kept``): past the limit also their
    meetings' titles, which a meeting file or another resolution of the meeting gives."""
    shown = listed(context, resolutions)
    if len(resolutions) <= context.list_limit:
        return (shown,)
    meetings = dict.fromkeys(MeetingKey(committee=r.committee, date=r.date) for r in resolutions)
    return shown, tuple(meeting_title(context, key) for key in meetings)


def _meetings(resolutions: Sequence[Resolution]) -> str:
    number = len({(r.committee, r.date) for r in resolutions})
    return labels.count(number, "Sitzung", "Sitzungen")
