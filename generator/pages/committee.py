"""Committee pages (years → meetings → agenda items) and the index of committees."""

from __future__ import annotations

from functools import partial
from itertools import groupby

from generator.archive import labels, urls
from generator.archive.catalog import MeetingKey
from generator.archive.model import Committee
from generator.outputs.feeds import feed_title_committee, feed_title_committee_mandates
from generator.pages.common import (
    breadcrumbs,
    counted_link,
    e,
    fragment,
    jump_links,
    link,
    neighbours,
    page,
    pager,
    resolution_list,
    subscribe_links,
)
from generator.pages.context import PageContext
from generator.pages.kept import kept_page, listed
from generator.pages.listing import meeting_index, period_index
from generator.pages.mandates import committee_mandates
from generator.pages.meeting import meeting_title
from generator.rendering.generated import GeneratedFile, PageFragment
from generator.rendering.markdown_render import render_markdown

EMPTY = "Für dieses Gremium sind noch keine Beschlüsse veröffentlicht."


def committee_pages(context: PageContext) -> list[GeneratedFile | PageFragment]:
    meetings: dict[str, list[MeetingKey]] = {cid: [] for cid in context.catalog.committees}
    for key in context.catalog.meeting_keys:  # sorted by committee, then date
        meetings.setdefault(key.committee, []).append(key)
    files: list[GeneratedFile | PageFragment] = [committee_index(context)]
    for committee in context.catalog.committees.values():
        files.append(committee_page(context, committee, meetings[committee.id]))
        files += committee_year_pages(context, committee, meetings[committee.id])
    return files


def committee_index(context: PageContext) -> GeneratedFile:
    here = urls.COMMITTEES
    items = []
    for committee in context.catalog.committees.values():
        count = len(context.catalog.by_committee.get(committee.id, ()))
        period = ""
        if committee.active_until:
            period = (
                f' <span class="ra-item__meta">(bis {labels.date(committee.active_until)})</span>'
            )
        items.append(
            counted_link(here, urls.committee(committee.id), committee.name, count, extra=period)
        )
    body = (
        f'{breadcrumbs(here, ())}\n\n<h1>Gremien</h1>\n\n<ul class="ra-index">{"".join(items)}</ul>'
    )
    return page(here, "Gremien", body)


def committee_page(
    context: PageContext, committee: Committee, meetings: list[MeetingKey]
) -> PageFragment:
    here = urls.committee(committee.id)
    municipality = context.catalog.archive.settings.municipality
    feeds: tuple[tuple[str, str], ...] = (
        (feed_title_committee(committee.name, municipality), urls.feed_committee(committee.id)),
    )
    mandates = committee_mandates(context, committee, here)
    if mandates:
        title = feed_title_committee_mandates(committee.name, municipality)
        feeds += ((title, urls.feed_committee_mandates(committee.id)),)
    parts = [
        breadcrumbs(here, ((urls.COMMITTEES, "Gremien"),)),
        f"\n\n<h1>{e(committee.name)}</h1>\n",
        subscribe_links(
            here, urls.feed_committee(committee.id), urls.calendar_committee(committee.id)
        ),
        description(committee),
        composition(context, committee, here),
        mandates,
        meeting_sections(context, committee, meetings, here),
    ]
    return fragment(here, committee.name, "\n".join(part for part in parts if part), feeds=feeds)


def description(committee: Committee) -> str:
    if not committee.description.strip():
        return ""
    rendered = render_markdown(committee.description, shift_headings=True)
    return f'<div class="ra-description">{rendered}</div>\n'


def meeting_sections(
    context: PageContext, committee: Committee, meetings: list[MeetingKey], here: str
) -> str:
    """Every year with its meetings and decisions while they fit one page; past the list
    limit the newest meetings and the committee's years (each its own page)."""
    if not meetings:
        return f'<p class="ra-empty">{EMPTY}</p>'
    catalog = context.catalog
    if len(catalog.by_committee.get(committee.id, ())) > context.list_limit:
        return _latest_and_years(context, committee, meetings, here)
    years = catalog.by_year
    jump_years = sorted({key.date.year for key in meetings}, reverse=True)
    parts = [jump_links("Jahre", ((urls.year_anchor(year), str(year)) for year in jump_years))]
    # Newest first; within a meeting, agenda order (see meeting.py).
    for year, keys in groupby(reversed(meetings), key=lambda key: key.date.year):
        parts.append(
            f'<section class="ra-year"><h2 id="{urls.year_anchor(year)}">'
            # A year with only upcoming meetings has no year page yet.
            f"{link(here, urls.year(year), str(year)) if year in years else year}</h2>"
        )
        parts += [_meeting(context, here, key, "h3") for key in keys]
        parts.append("</section>")
    return "\n".join(parts)


def _latest_and_years(
    context: PageContext, committee: Committee, meetings: list[MeetingKey], here: str
) -> str:
    by_meeting = context.catalog.by_meeting
    latest: list[MeetingKey] = []
    shown = 0
    for key in reversed(meetings):
        count = len(by_meeting.get(key, ()))
        if latest and shown + count > context.latest_count:
            break
        latest.append(key)
        shown += count
    counts: dict[int, int] = {}
    for key in reversed(meetings):
        counts[key.date.year] = counts.get(key.date.year, 0) + len(by_meeting.get(key, ()))
    years = [(urls.committee_year(committee.id, y), str(y), n) for y, n in counts.items()]
    return (
        '<section class="ra-year"><h2 id="neueste-sitzungen">Neueste Sitzungen</h2>\n'
        # A meeting longer than the whole limit (a budget session) shows only its count.
        + "\n".join(_meeting(context, here, key, "h3", listed=context.list_limit) for key in latest)
        + '</section>\n<h2 id="jahre">Alle Jahre</h2>\n'
        + period_index(here, years)
    )


def committee_year_pages(
    context: PageContext, committee: Committee, meetings: list[MeetingKey]
) -> list[PageFragment]:
    """One page per year with a meeting, whether or not the committee page lists it too:
    an address that exists does not depend on how many decisions there are."""
    by_year = [(year, list(keys)) for year, keys in groupby(meetings, lambda k: k.date.year)]
    years = [year for year, _ in by_year]

    def target(year: int) -> tuple[str, str]:
        return urls.committee_year(committee.id, year), str(year)

    pages = []
    for index, (year, keys) in enumerate(by_year):
        around = neighbours(years, index, target)
        items = [r for key in keys for r in context.catalog.by_meeting.get(key, ())]
        titles = tuple(meeting_title(context, key) for key in keys)
        inputs = ("committee-year", tuple(keys), listed(context, items), titles, around)
        make = partial(committee_year_page, context, committee, year, keys, around)
        pages.append(kept_page(context, urls.committee_year(committee.id, year), inputs, make))
    return pages


def committee_year_page(
    context: PageContext,
    committee: Committee,
    year: int,
    meetings: list[MeetingKey],
    around: tuple[tuple[str, str] | None, tuple[str, str] | None] = (None, None),
) -> PageFragment:
    here = urls.committee_year(committee.id, year)
    title = f"{committee.name} {year}"
    items = [r for key in meetings for r in context.catalog.by_meeting.get(key, ())]
    count = labels.count(len(items), "Beschluss", "Beschlüsse")
    sessions = labels.count(len(meetings), "Sitzung", "Sitzungen")
    parts = [
        breadcrumbs(
            here,
            ((urls.COMMITTEES, "Gremien"), (urls.committee(committee.id), committee.short_name)),
        ),
        f"\n\n<h1>{e(title)}</h1>\n",
        f'<p class="ra-lead">{sessions}, {count}</p>',
    ]
    if len(items) <= context.list_limit:
        parts += [_meeting(context, here, key, "h2") for key in reversed(meetings)]
    else:
        parts.append(meeting_index(context, here, items, meetings))
    parts.append(pager(here, "Jahr", *around))
    return fragment(here, title, "\n".join(parts))


def _meeting(
    context: PageContext, here: str, key: MeetingKey, heading: str, *, listed: int | None = None
) -> str:
    """A meeting's heading and its resolutions (only their count past ``listed``)."""
    items = context.catalog.by_meeting.get(key, ())
    when = labels.date(key.date)
    if context.upcoming(key.date):
        when += " (bevorstehend)"
    if listed is not None and len(items) > listed:
        when += " · " + labels.count(len(items), "Beschluss", "Beschlüsse")
        items = ()
    name = meeting_title(context, key)
    return (
        f'<{heading} class="ra-meeting">{link(here, urls.meeting(key.committee, key.date), name)}'
        f' <span class="ra-item__meta">{when}</span></{heading}>'
        + (
            resolution_list(here, items, context.catalog, committee=False, date=False)
            if items
            else ""
        )
    )


def composition(context: PageContext, committee: Committee, here: str) -> str:
    """Seats per faction in each electoral term, newest first (from ``factions.yml``)."""
    registry = context.catalog.archive.registry
    if registry is None:
        return ""
    terms = {term.id: term for term in registry.terms}
    names = {faction.id: faction.short_name for faction in registry.factions}
    tables = []
    held = [s for s in registry.seats if s.committee == committee.id and s.term in terms]
    for seats in sorted(held, key=lambda s: terms[s.term].start, reverse=True):
        term = terms[seats.term]
        rows = "".join(
            f'<tr><th scope="row">{link(here, urls.faction(faction_id), names[faction_id])}</th>'
            f"<td>{number}</td></tr>"
            for faction_id, number in seats.seats
        )
        total = sum(number for _, number in seats.seats)
        tables.append(
            '<div class="ra-table-wrap"><table class="ra-vote-table ra-composition">'
            f"<caption>Sitze nach Fraktionen, {e(term.name)}</caption>"
            '<thead><tr><th scope="col">Fraktion</th><th scope="col">Sitze</th></tr></thead>'
            f'<tbody>{rows}</tbody><tfoot><tr><th scope="row">Summe</th><td>{total}</td></tr>'
            "</tfoot></table></div>"
        )
    if not tables:
        return ""
    return '<h2 id="zusammensetzung">Zusammensetzung</h2>\n' + "".join(tables)
