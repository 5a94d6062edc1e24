"""Committee pages (years → meetings → agenda items) and the index of committees."""

from __future__ import annotations

from itertools import groupby

from generator.archive import labels, urls
from generator.archive.catalog import MeetingKey
from generator.archive.model import Committee
from generator.outputs.feeds import feed_title_committee
from generator.pages.common import (
    breadcrumbs,
    counted_link,
    e,
    fragment,
    jump_links,
    link,
    page,
    resolution_list,
    subscribe_links,
)
from generator.pages.context import PageContext
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
    feeds = (
        (feed_title_committee(committee.name, municipality), urls.feed_committee(committee.id)),
    )
    parts = [
        breadcrumbs(here, ((urls.COMMITTEES, "Gremien"),)),
        f"\n\n<h1>{e(committee.name)}</h1>\n",
        subscribe_links(
            here, urls.feed_committee(committee.id), urls.calendar_committee(committee.id)
        ),
    ]
    if committee.description.strip():
        description = render_markdown(committee.description, shift_headings=True)
        parts.append(f'<div class="ra-description">{description}</div>\n')
    seats = composition(context, committee, here)
    if seats:
        parts.append(seats)
    if not meetings:
        parts.append(f'<p class="ra-empty">{EMPTY}</p>')
        return fragment(here, committee.name, "\n".join(parts), feeds=feeds)
    years = context.catalog.by_year
    jump_years = sorted({key.date.year for key in meetings}, reverse=True)
    parts.append(jump_links("Jahre", ((urls.year_anchor(year), str(year)) for year in jump_years)))
    # Newest first; within a meeting, agenda order (see meeting.py).
    for year, keys in groupby(reversed(meetings), key=lambda key: key.date.year):
        parts.append(
            f'<section class="ra-year"><h2 id="{urls.year_anchor(year)}">'
            # A year with only upcoming meetings has no year page yet.
            f"{link(here, urls.year(year), str(year)) if year in years else year}</h2>"
        )
        for key in keys:
            items = context.catalog.by_meeting.get(key, ())
            name = meeting_title(context, key)
            when = labels.date(key.date)
            if context.upcoming(key.date):
                when += " (bevorstehend)"
            parts.append(
                f'<h3 class="ra-meeting">{link(here, urls.meeting(key.committee, key.date), name)}'
                f' <span class="ra-item__meta">{when}</span></h3>'
                + (
                    resolution_list(here, items, context.catalog, committee=False, date=False)
                    if items
                    else ""
                )
            )
        parts.append("</section>")
    return fragment(here, committee.name, "\n".join(parts), feeds=feeds)


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
