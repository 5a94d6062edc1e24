"""Faction pages (``fraktion/<key>/``) and their index: every recorded vote of a faction,
how often it voted with the majority, its split votes, and how often it voted like the
others (a chart with the same numbers as a table beside it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial

from generator.archive import labels, urls
from generator.archive.catalog import FactionEntry
from generator.archive.faction_votes import (
    Agreement,
    figures,
    is_split,
    percent,
    position,
    with_majority,
)
from generator.archive.model import Faction, Resolution
from generator.outputs.charts import Bar, Table, figure
from generator.outputs.feeds import feed_title_faction
from generator.pages.common import (
    breadcrumbs,
    e,
    fragment,
    link,
    neighbours,
    page,
    pager,
    subscribe_links,
)
from generator.pages.context import PageContext
from generator.pages.kept import kept_page, listed
from generator.pages.kept_agreement import kept_agreement
from generator.pages.listing import bounded_inputs, bounded_list, month_name, period_index
from generator.pages.redirects import redirect_to
from generator.rendering.generated import GeneratedFile, PageFragment

FILTER_SCRIPT = "assets/javascripts/ratsarchiv-filter.js"
VOTES = ("Abstimmung", "Abstimmungen")
EMPTY = "Für diese Fraktion ist noch keine Abstimmung nach Fraktionen erfasst."


def faction_pages(context: PageContext) -> list[GeneratedFile | PageFragment]:
    catalog = context.catalog
    shared = kept_agreement(context)
    files: list[GeneratedFile | PageFragment] = [faction_index(context, shared)]
    for key in catalog.faction_names:
        # The shares with the other factions count votes of resolutions this page does
        # not list: named here, in the order the page shows them.
        shares = tuple(
            (other, shared[(key, other)])
            for other in catalog.faction_names
            if (key, other) in shared
        )
        inputs = ("faction", key, _entries(context, catalog.by_faction[key]), shares)
        make = partial(faction_page, context, key, shared)
        files.append(kept_page(context, urls.faction(key), inputs, make))
        files += faction_period_pages(context, key)
    return files


def _entries(context: PageContext, entries: Iterable[FactionEntry]) -> tuple[object, ...]:
    """What stands for a faction's ``entries`` in a page's inputs (``kept``): the files of
    their resolutions, which hold the votes."""
    return listed(context, (entry.resolution for entry in entries))


def _registered(context: PageContext, key: str) -> Faction | None:
    registry = context.catalog.archive.registry
    if registry is None:
        return None
    return next((f for f in registry.factions if f.id == key), None)


def full_name(context: PageContext, key: str) -> str:
    faction = _registered(context, key)
    return faction.name if faction is not None else context.catalog.faction_names[key]


def faction_index(context: PageContext, shared: Agreement) -> GeneratedFile:
    here = urls.FACTIONS
    catalog = context.catalog
    names = catalog.faction_names
    items = "".join(
        f"<li>{link(here, urls.faction(key), full_name(context, key))} "
        f'<span class="ra-count">'
        f"{labels.count(len(catalog.by_faction[key]), 'Abstimmung', 'Abstimmungen')}</span></li>"
        for key in names
    )
    header = "".join(f'<th scope="col">{e(name)}</th>' for name in names.values())
    rows = "".join(
        f'<tr><th scope="row">{e(name)}</th>'
        + "".join(
            "<td>–</td>" if key == other else f"<td>{_share(shared, key, other)}</td>"
            for other in names
        )
        + "</tr>"
        for key, name in names.items()
    )
    matrix = (
        '<div class="ra-table-wrap"><table class="ra-vote-table ra-agreement">'
        "<caption>Übereinstimmung: Anteil der gemeinsamen Abstimmungen, in denen zwei "
        "Fraktionen gleich stimmten (Zeile mit Spalte)</caption>"
        f'<thead><tr><th scope="col">Fraktion</th>{header}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
    if not names:
        body = (
            f"{breadcrumbs(here, ())}\n\n<h1>Fraktionen</h1>\n\n"
            '<p class="ra-empty">Es sind noch keine Abstimmungen nach Fraktionen erfasst.</p>'
        )
        return page(here, "Fraktionen", body)
    body = (
        f"{breadcrumbs(here, ())}\n\n<h1>Fraktionen</h1>\n\n"
        '<p class="ra-lead">Wie die Fraktionen abgestimmt haben – gezählt werden alle '
        "Abstimmungen, die nach Fraktionen aufgeschlüsselt sind.</p>\n\n"
        f'<ul class="ra-index">{items}</ul>\n\n'
        f'<h2 id="uebereinstimmung">Übereinstimmung zwischen den Fraktionen</h2>\n\n{matrix}'
    )
    return page(here, "Fraktionen", body)


def _share(shared: Agreement, key: str, other: str) -> str:
    same, both = shared.get((key, other), (0, 0))
    return percent(same, both)


def faction_page(context: PageContext, key: str, shared: Agreement) -> PageFragment:
    catalog = context.catalog
    here = urls.faction(key)
    name = full_name(context, key)
    entries = catalog.by_faction[key]
    counted = figures(entries)
    municipality = catalog.archive.settings.municipality
    feeds = (
        (feed_title_faction(catalog.faction_names[key], municipality), urls.feed_faction(key)),
    )
    parts = [
        breadcrumbs(here, ((urls.FACTIONS, "Fraktionen"),)),
        f"<h1>{e(name)}</h1>",
    ]
    faction = _registered(context, key)
    if faction is not None and catalog.archive.registry is not None:
        terms = [t.name for t in catalog.archive.registry.terms if t.id in faction.terms]
        parts.append(
            f'<p class="ra-lead">Kürzel {e(faction.short_name)} · {e(", ".join(terms))}</p>'
        )
    if not entries:
        parts.append(f'<p class="ra-empty">{EMPTY}</p>')
        return fragment(here, name, "\n".join(parts), feeds=feeds)
    parts.append(subscribe_links(here, urls.feed_faction(key)))
    parts.append(
        '<dl class="ra-figures">'
        f'<dt>Abstimmungen</dt><dd data-figure="votes">{counted.votes}</dd>'
        "<dt>mit der Mehrheit gestimmt</dt>"
        f'<dd data-figure="with-majority">{counted.with_majority} von '
        f"{counted.majority_known} ({percent(counted.with_majority, counted.majority_known)})</dd>"
        "<dt>uneinheitlich abgestimmt</dt>"
        f'<dd data-figure="split">{counted.split}</dd>'
        "</dl>"
    )
    parts.append(_agreement_figure(context, key, shared))
    if len(entries) <= context.list_limit:
        parts += _votes(context, here, entries)
    else:
        # The newest votes and a page per year: the whole record would grow without bound.
        newest = context.latest_count
        split = tuple(entry for entry in entries if is_split(entry.faction))[-newest:]
        parts += _votes(context, here, entries[-newest:], split, latest=True)
        years = Counter(entry.resolution.date.year for entry in entries)
        parts.append('<h2 id="jahre">Alle Jahre</h2>')
        parts.append(
            period_index(
                here,
                ((urls.faction_year(key, y), str(y), n) for y, n in sorted(years.items())[::-1]),
                words=VOTES,
            )
        )
    return fragment(here, name, "\n".join(parts), feeds=feeds)


def faction_period_pages(context: PageContext, key: str) -> list[PageFragment | GeneratedFile]:
    """A page per year with a recorded vote; a page per month only where its year is past
    the limit and so lists months instead of votes. The month of a year that lists all
    its votes would repeat that list (about 17 KiB of page each, a third of all faction
    pages): its address, which exists whatever the number of votes, leads to the year's
    table instead."""
    entries = context.catalog.by_faction[key]
    years = _grouped(entries, lambda entry: (entry.resolution.date.year,))
    months = _grouped(
        entries, lambda entry: (entry.resolution.date.year, entry.resolution.date.month)
    )
    long_years = {year[0] for year, in_year in years.items() if len(in_year) > context.list_limit}
    year_list = list(years)
    month_list = [month for month in months if month[0] in long_years]

    def year_target(year: tuple[int, ...]) -> tuple[str, str]:
        return urls.faction_year(key, year[0]), str(year[0])

    def month_target(month: tuple[int, ...]) -> tuple[str, str]:
        return urls.faction_month(key, *month), month_name(*month)

    pages: list[PageFragment | GeneratedFile] = []
    for index, year in enumerate(year_list):
        here = urls.faction_year(key, year[0])
        in_year = years[year]
        around = neighbours(year_list, index, year_target)
        long = year[0] in long_years
        inputs = ("faction-year", key, _entries(context, in_year), long, around)
        make = partial(_year_page, context, key, year[0], in_year, long, around)
        pages.append(kept_page(context, here, inputs, make))
    for month in months:
        if month[0] in long_years:
            continue
        year_page = urls.faction_year(key, month[0])
        title = f"{full_name(context, key)}: Abstimmungen {month[0]}"
        lead = f"Die Abstimmungen im {month_name(*month)} stehen auf der Seite des Jahres:"
        pages.append(
            redirect_to(
                context, urls.faction_month(key, *month), year_page, title, lead, "abstimmungen"
            )
        )
    for index, month in enumerate(month_list):
        in_month = months[month]
        around = neighbours(month_list, index, month_target)
        shown_inputs: tuple[object, ...] = _entries(context, in_month)
        if len(in_month) > context.list_limit:
            shown_inputs = bounded_inputs(context, _resolutions(in_month))
        month_inputs = ("faction-month", key, shown_inputs, around)
        make = partial(_month_page, context, key, month, in_month, around)
        pages.append(kept_page(context, urls.faction_month(key, *month), month_inputs, make))
    return pages


def _resolutions(entries: tuple[FactionEntry, ...]) -> list[Resolution]:
    return list(dict.fromkeys(entry.resolution for entry in entries))


def _year_page(
    context: PageContext,
    key: str,
    year: int,
    in_year: tuple[FactionEntry, ...],
    long: bool,
    around: tuple[tuple[str, str] | None, tuple[str, str] | None],
) -> PageFragment:
    """A year's votes, or past the limit (``long``) its months with their counts."""
    here = urls.faction_year(key, year)
    if not long:
        shown = _votes(context, here, in_year)
    else:
        counts = Counter(entry.resolution.date.month for entry in in_year)
        shown = [
            '<h2 id="monate">Abstimmungen nach Monaten</h2>',
            period_index(
                here,
                (
                    (urls.faction_month(key, year, m), month_name(year, m), n)
                    for m, n in sorted(counts.items())[::-1]
                ),
                words=VOTES,
            ),
        ]
    return _period_page(context, key, here, str(year), shown, around)


def _month_page(
    context: PageContext,
    key: str,
    month: tuple[int, ...],
    in_month: tuple[FactionEntry, ...],
    around: tuple[tuple[str, str] | None, tuple[str, str] | None],
) -> PageFragment:
    here = urls.faction_month(key, *month)
    if len(in_month) <= context.list_limit:
        shown = _votes(context, here, in_month)
    else:
        shown = [bounded_list(context, here, _resolutions(in_month))]
    return _period_page(
        context, key, here, month_name(*month), shown, around, unit="Monat", year=month[0]
    )


def _grouped(
    entries: tuple[FactionEntry, ...], period: Callable[[FactionEntry], tuple[int, ...]]
) -> dict[tuple[int, ...], tuple[FactionEntry, ...]]:
    grouped: dict[tuple[int, ...], list[FactionEntry]] = {}
    for entry in entries:
        grouped.setdefault(period(entry), []).append(entry)
    return {when: tuple(items) for when, items in sorted(grouped.items())}


def _period_page(
    context: PageContext,
    key: str,
    here: str,
    period: str,
    shown: list[str],
    around: tuple[tuple[str, str] | None, tuple[str, str] | None],
    *,
    unit: str = "Jahr",
    year: int | None = None,
) -> PageFragment:
    """A year's or (with ``year``) a month's page of the faction's votes."""
    name = full_name(context, key)
    title = f"{name}: Abstimmungen {period}"
    trail: tuple[tuple[str, str], ...] = (
        (urls.FACTIONS, "Fraktionen"),
        (urls.faction(key), context.catalog.faction_names[key]),
    )
    if year is not None:
        trail += ((urls.faction_year(key, year), str(year)),)
    parts = [breadcrumbs(here, trail), f"<h1>{e(title)}</h1>", *shown, pager(here, unit, *around)]
    return fragment(here, title, "\n".join(parts))


def _votes(
    context: PageContext,
    here: str,
    entries: tuple[FactionEntry, ...],
    split: tuple[FactionEntry, ...] | None = None,
    *,
    latest: bool = False,
) -> list[str]:
    """The split votes (those among ``entries`` unless given) and the table of ``entries``,
    with its filter; ``latest``: both are the newest of a longer record."""
    parts = []
    if split is None:
        split = tuple(entry for entry in entries if is_split(entry.faction))
    if split:
        heading = "Neueste uneinheitliche Abstimmungen" if latest else "Uneinheitliche Abstimmungen"
        parts.append(
            f'<h2 id="uneinheitlich">{heading}</h2>'
            '<ul class="ra-list">'
            + "".join(_split_item(context, here, entry) for entry in reversed(split))
            + "</ul>"
        )
    heading = "Neueste Abstimmungen" if latest else "Alle Abstimmungen"
    parts.append(_all_votes(context, here, entries, heading))
    parts.append(f'<script src="{e(urls.relative(here, FILTER_SCRIPT))}" defer></script>')
    return parts


def _agreement_figure(context: PageContext, key: str, shared: Agreement) -> str:
    names = context.catalog.faction_names
    me = names[key]
    others = [other for other in names if other != key and (key, other) in shared]
    if not others:
        return ""
    bars = []
    rows = []
    for other in others:
        same, both = shared[(key, other)]
        bars.append(Bar(label=names[other], value=same / both, text=percent(same, both)))
        rows.append((names[other], str(same), str(both), percent(same, both)))
    description = f"Balkendiagramm: Anteil der gemeinsamen Abstimmungen, in denen {me} so " + (
        "stimmte wie die andere Fraktion. " + "; ".join(f"{row[0]}: {row[3]}" for row in rows)
    )
    chart = figure(
        f"uebereinstimmung-{key}",
        f"Übereinstimmung von {me} mit den anderen Fraktionen",
        description,
        bars,
        Table(
            caption=f"Übereinstimmung von {me} mit den anderen Fraktionen",
            header=("Fraktion", "gleich gestimmt", "gemeinsame Abstimmungen", "Anteil"),
            rows=tuple(rows),
        ),
        maximum=1.0,
    )
    # The table beside the chart scrolls sideways on a narrow screen, not the page.
    return (
        '<h2 id="uebereinstimmung">Übereinstimmung mit anderen Fraktionen</h2>\n'
        f'<div class="ra-table-wrap">{chart}</div>'
    )


def _split_item(context: PageContext, here: str, entry: FactionEntry) -> str:
    r = entry.resolution
    f = entry.faction
    committee = context.catalog.committees[r.committee].short_name
    part = f" ({e(entry.vote.part)})" if entry.vote.part else ""
    return (
        f'<li><span class="ra-item__title">'
        f"{link(here, urls.resolution(r.id), r.title)}{part}</span> "
        f'<span class="ra-item__meta">{labels.date(r.date)} · {e(committee)} · '
        f"{f.in_favour} Ja, {f.against} Nein, {f.abstain} Enthaltung</span></li>"
    )


def _all_votes(
    context: PageContext, here: str, entries: tuple[FactionEntry, ...], heading: str
) -> str:
    catalog = context.catalog
    years = sorted({entry.resolution.date.year for entry in entries}, reverse=True)
    bodies = sorted(
        {entry.resolution.committee for entry in entries},
        key=lambda c: catalog.committees[c].name.casefold(),
    )
    year_options = "".join(f'<option value="{y}">{y}</option>' for y in years)
    body_options = "".join(
        f'<option value="{e(c)}">{e(catalog.committees[c].name)}</option>' for c in bodies
    )
    # The form appears only once the script runs; without it the whole table shows.
    # A page of one year needs no year filter; the filters offer only what the table shows.
    by_year = (
        '<p><label for="ra-filter-year">Jahr</label> <select id="ra-filter-year" '
        f'data-filter="year"><option value="">alle</option>{year_options}</select></p>'
        if len(years) > 1
        else ""
    )
    form = (
        '<form class="ra-filter" hidden data-filter-table="ra-faction-votes">'
        f"{by_year}"
        '<p><label for="ra-filter-body">Gremium</label> <select id="ra-filter-body" '
        f'data-filter="committee"><option value="">alle</option>{body_options}</select></p>'
        '<p class="ra-filter__status" role="status" aria-live="polite"></p></form>'
    )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in (
            "Beschluss",
            "Datum",
            "Gremium",
            "Ja",
            "Nein",
            "Enthaltung",
            "Position",
            "Mehrheit",
        )
    )
    rows = []
    # Each row's year only for the year filter: a page of one year has none (17 bytes a row).
    with_year = bool(by_year)
    for entry in reversed(entries):
        r = entry.resolution
        f = entry.faction
        majority = with_majority(entry)
        title = link(here, urls.resolution(r.id), r.title)
        if entry.vote.part:
            title += f" ({e(entry.vote.part)})"
        year = f' data-year="{r.date.year}"' if with_year else ""
        rows.append(
            f"<tr{year}"
            f' data-committee="{e(r.committee)}">'
            f'<th scope="row">{title}</th>'
            f'<td><time datetime="{r.date.isoformat()}">{labels.date(r.date)}</time></td>'
            f"<td>{e(catalog.committees[r.committee].short_name)}</td>"
            f"<td>{f.in_favour}</td><td>{f.against}</td><td>{f.abstain}</td>"
            f"<td>{e(position(f).value)}</td>"
            f"<td>{'–' if majority is None else ('ja' if majority else 'nein')}</td></tr>"
        )
    return (
        f'<h2 id="abstimmungen">{e(heading)}</h2>' + form + '<div class="ra-table-wrap">'
        '<table class="ra-vote-table ra-faction-votes" id="ra-faction-votes">'
        "<caption>Abstimmungen der Fraktion, neueste zuerst</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
