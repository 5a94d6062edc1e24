"""The mandates page (``auftraege/``): every mandate of the archive, overdue ones first, with
a filter by state, responsible office, committee and year; and the open mandates of one
committee for its page.

"Overdue" is judged against ``PageContext.today``, the Stand date of the content, never the
build clock: the same content gives the same page on every build.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.archive.mandates import MANDATE_STATE_LABELS, Mandate, MandateState
from generator.archive.model import Committee, Resolution
from generator.archive.slugs import slugify
from generator.outputs.feeds import feed_title_mandates
from generator.outputs.mandate_data import MANDATES_CSV
from generator.pages.common import breadcrumbs, e, link, page, subscribe_links
from generator.pages.context import PageContext
from generator.pages.faction import FILTER_SCRIPT
from generator.pages.mandate_block import state_label
from generator.rendering.generated import GeneratedFile

TITLE = "Aufträge"
OVERDUE = "overdue"
"""The filter value of open mandates past their due date (beside their state)."""
WORDS = ("Auftrag", "Aufträge")

Entry = tuple[Resolution, Mandate]


def mandate_entries(catalog: Catalog) -> list[Entry]:
    return [(r, m) for r in catalog.resolutions for m in r.mandates]


def overdue_first(entries: Iterable[Entry], as_of: datetime.date | None) -> list[Entry]:
    """Overdue (longest overdue first), then the other open ones by due date (those without
    one last), then the closed ones, most recently closed first."""

    def key(entry: Entry) -> tuple[int, int, str, str]:
        resolution, mandate = entry
        due = mandate.due.toordinal() if mandate.due is not None else 10**7
        if mandate.closed:
            closed = mandate.history[-1].date.toordinal() if mandate.history else 0
            return (2, -closed, resolution.id, mandate.id)
        overdue = as_of is not None and mandate.overdue(as_of)
        return (0 if overdue else 1, due, resolution.id, mandate.id)

    return sorted(entries, key=key)


def _is_overdue(mandate: Mandate, as_of: datetime.date | None) -> bool:
    return as_of is not None and mandate.overdue(as_of)


def mandate_pages(context: PageContext) -> list[GeneratedFile]:
    return [mandates_page(context)]


def mandates_page(context: PageContext) -> GeneratedFile:
    here = urls.MANDATES
    catalog = context.catalog
    entries = overdue_first(mandate_entries(catalog), context.today)
    municipality = catalog.archive.settings.municipality
    feed = (feed_title_mandates(municipality), urls.feed_mandates())
    parts = [
        breadcrumbs(here, ()),
        f"<h1>{TITLE}</h1>",
        '<p class="ra-lead">Was die Beschlüsse der Verwaltung und anderen Stellen aufgetragen '
        "haben, und ob es erledigt ist. Überfällig ist ein nicht erledigter Auftrag, dessen "
        "Frist vor dem Stand des Archivs"
        + (f" ({labels.date(context.today)})" if context.today is not None else "")
        + " liegt.</p>",
    ]
    if not entries:
        parts.append('<p class="ra-empty">Es sind noch keine Aufträge erfasst.</p>')
        return page(here, TITLE, "\n\n".join(parts), feed=feed)
    parts.append(subscribe_links(here, urls.feed_mandates()))
    parts.append(_figures(entries, context.today))
    shown, caption = _bounded(context, entries)
    if len(shown) < len(entries):
        parts.append(
            f'<p class="ra-note">Alle nicht erledigten Aufträge stehen in der Tabelle, von den '
            f"erledigten und gegenstandslosen die {len(shown) - _open_count(entries)} "
            f"zuletzt abgeschlossenen; alle {len(entries)} Aufträge mit ihrem Verlauf enthält "
            f"{link(here, MANDATES_CSV, 'die Tabelle auftraege.csv')}.</p>"
        )
    parts.append(_filter_form(catalog, shown, context.today))
    parts.append(_table(context, here, shown, "ra-mandates-all", caption))
    parts.append(f'<script src="{e(urls.relative(here, FILTER_SCRIPT))}" defer></script>')
    return page(here, TITLE, "\n\n".join(parts), feed=feed)


def _open_count(entries: list[Entry]) -> int:
    return sum(1 for _, mandate in entries if not mandate.closed)


def _bounded(context: PageContext, entries: list[Entry]) -> tuple[list[Entry], str]:
    """Every open mandate, and of the closed ones (last in ``entries``) at most the list
    limit: an archive's closed mandates grow without bound, the filter needs all rows."""
    still_open = _open_count(entries)
    if len(entries) - still_open <= context.list_limit:
        return entries, "Alle Aufträge"
    return entries[: still_open + context.list_limit], "Aufträge"


def _figures(entries: list[Entry], as_of: datetime.date | None) -> str:
    mandates = [mandate for _, mandate in entries]
    still_open = [m for m in mandates if not m.closed]
    overdue = sum(1 for m in still_open if _is_overdue(m, as_of))
    done = sum(1 for m in mandates if m.state is MandateState.DONE)
    obsolete = sum(1 for m in mandates if m.state is MandateState.OBSOLETE)
    return (
        '<dl class="ra-figures">'
        f'<dt>Aufträge</dt><dd data-figure="mandates">{len(mandates)}</dd>'
        f'<dt>nicht erledigt</dt><dd data-figure="open">{len(still_open)}</dd>'
        f'<dt>davon überfällig</dt><dd data-figure="overdue">{overdue}</dd>'
        f'<dt>erledigt</dt><dd data-figure="done">{done}</dd>'
        f'<dt>gegenstandslos</dt><dd data-figure="obsolete">{obsolete}</dd>'
        "</dl>"
    )


def _options(counts: Counter[str], names: dict[str, str]) -> str:
    return '<option value="">alle</option>' + "".join(
        f'<option value="{e(value)}">{e(name)} ({counts[value]})</option>'
        for value, name in names.items()
        if counts[value]
    )


def _select(key: str, param: str, label: str, options: str) -> str:
    """``param``: the choice's name in the address (``auftraege/?stand=overdue``)."""
    return (
        f'<p><label for="ra-filter-{key}">{label}</label> '
        f'<select id="ra-filter-{key}" name="{param}" data-filter="{key}">{options}</select></p>'
    )


def _filter_form(catalog: Catalog, entries: list[Entry], as_of: datetime.date | None) -> str:
    states: Counter[str] = Counter()
    offices: Counter[str] = Counter()
    committees: Counter[str] = Counter()
    years: Counter[str] = Counter()
    office_names: dict[str, str] = {}
    for resolution, mandate in entries:
        states[mandate.state.value] += 1
        if _is_overdue(mandate, as_of):
            states[OVERDUE] += 1
        office = slugify(mandate.responsible)
        offices[office] += 1
        office_names.setdefault(office, mandate.responsible)
        committees[resolution.committee] += 1
        years[str(resolution.date.year)] += 1
    state_names = {OVERDUE: "überfällig"} | {s.value: MANDATE_STATE_LABELS[s] for s in MandateState}
    committee_names = {cid: c.name for cid, c in catalog.committees.items() if committees[cid]}
    office_names = dict(sorted(office_names.items(), key=lambda item: item[1].casefold()))
    year_names = {year: year for year in sorted(years, reverse=True)}
    # The form appears only once the script runs; without it the whole table shows.
    return (
        '<form class="ra-filter" hidden data-filter-table="ra-mandates-all" '
        'data-filter-words="Aufträgen">'
        + _select("state", "stand", "Stand", _options(states, state_names))
        + _select("office", "stelle", "Zuständig", _options(offices, office_names))
        + _select("committee", "gremium", "Gremium", _options(committees, committee_names))
        + _select("year", "jahr", "Jahr", _options(years, year_names))
        + '<p class="ra-filter__status" role="status" aria-live="polite"></p></form>'
    )


def _deadline(mandate: Mandate) -> str:
    if mandate.due is not None:
        return f'<time datetime="{mandate.due.isoformat()}">{labels.date(mandate.due)}</time>'
    return e(mandate.interval or "–")


def _table(
    context: PageContext, here: str, entries: list[Entry], table_id: str, caption: str
) -> str:
    catalog = context.catalog
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Auftrag", "Stand", "Frist", "Zuständig", "Beschluss", "Letzte Änderung")
    )
    rows = []
    for resolution, mandate in entries:
        overdue = _is_overdue(mandate, context.today)
        tokens = mandate.state.value + (f" {OVERDUE}" if overdue else "")
        last = mandate.history[-1] if mandate.history else None
        changed = (
            f'<time datetime="{last.date.isoformat()}">{labels.date(last.date)}</time>'
            if last is not None
            else "–"
        )
        committee = catalog.committees[resolution.committee].short_name
        state = e(state_label(mandate, context))
        if overdue:
            state = f"<strong>{state}</strong>"
        rows.append(
            f'<tr data-state="{tokens}" data-office="{e(slugify(mandate.responsible))}" '
            f'data-committee="{e(resolution.committee)}" data-year="{resolution.date.year}">'
            '<th scope="row">'
            + link(here, f"{urls.resolution(resolution.id)}#auftrag-{mandate.id}", mandate.task)
            # data-label: on a phone the rows stack and each cell names its column.
            + f'</th><td data-label="Stand:">{state}</td>'
            f'<td data-label="Frist:">{_deadline(mandate)}</td>'
            f'<td data-label="Zuständig:">{e(mandate.responsible)}</td>'
            f'<td data-label="Beschluss:">'
            f"{link(here, urls.resolution(resolution.id), resolution.title)} "
            f'<span class="ra-item__meta">{e(committee)}, {labels.date(resolution.date)}</span>'
            f'</td><td data-label="Geändert:">{changed}</td></tr>'
        )
    return (
        '<div class="ra-table-wrap">'
        f'<table class="ra-vote-table ra-mandate-table" id="{table_id}">'
        f"<caption>{e(caption)}, überfällige zuerst</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def committee_mandates(context: PageContext, committee: Committee, here: str) -> str:
    """The open mandates from the committee's resolutions, overdue first (committee page)."""
    resolutions = context.catalog.by_committee.get(committee.id, ())
    given = [(r, m) for r in resolutions for m in r.mandates]
    if not given:
        return ""
    entries = overdue_first(((r, m) for r, m in given if not m.closed), context.today)
    overdue = sum(1 for _, m in entries if _is_overdue(m, context.today))
    lead = f"Von {len(given)} {'Auftrag' if len(given) == 1 else 'Aufträgen'} aus "
    lead += "Beschlüssen dieses Gremiums "
    lead += f"{'ist' if len(entries) == 1 else 'sind'} {len(entries)} nicht erledigt"
    if overdue:
        lead += f", davon {overdue} überfällig"
    shown = entries[: context.list_limit]
    if len(shown) < len(entries):
        lead += f"; hier die ersten {len(shown)}"
    # The mandates page opens with its committee filter chosen (ratsarchiv-filter.js).
    everything = link(
        here, f"{urls.MANDATES}?gremium={committee.id}", "Alle Aufträge aus diesem Gremium"
    )
    feed = link(
        here,
        urls.feed_committee_mandates(committee.id),
        "Feed der Änderungen",
        attributes='type="application/atom+xml"',
    )
    return f'<h2 id="auftraege">Offene Aufträge</h2>\n<p>{lead}. {everything} · {feed}</p>\n' + (
        _table(context, here, shown, "ra-mandates-committee", f"Offene Aufträge: {committee.name}")
        if shown
        else ""
    )
