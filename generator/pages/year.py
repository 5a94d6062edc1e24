"""Year pages (all decisions of the year, by month), month pages and the index of years."""

from __future__ import annotations

from collections import Counter
from functools import partial
from itertools import groupby

from generator.archive import labels, urls
from generator.archive.model import Resolution
from generator.pages.common import (
    breadcrumbs,
    counted_link,
    e,
    fragment,
    neighbours,
    newest_first,
    page,
    pager,
    resolution_list,
)
from generator.pages.context import PageContext
from generator.pages.kept import kept_page, listed
from generator.pages.listing import bounded_inputs, bounded_list, month_name, period_index
from generator.rendering.generated import GeneratedFile, PageFragment


def year_pages(context: PageContext) -> list[GeneratedFile | PageFragment]:
    files: list[GeneratedFile | PageFragment] = [year_index(context)]
    years = sorted(context.catalog.by_year)

    def target(year: int) -> tuple[str, str]:
        return urls.year(year), str(year)

    for index, year in enumerate(years):
        previous, following = neighbours(years, index, target)
        resolutions = context.catalog.by_year[year]
        make = partial(
            year_page, context, year, resolutions, previous=previous, following=following
        )
        inputs = ("year", listed(context, resolutions), previous, following)
        files.append(kept_page(context, urls.year(year), inputs, make))
    months = [
        (year, month, list(items))
        for year in reversed(years)
        for month, items in groupby(
            newest_first(context.catalog.by_year[year]), key=lambda r: r.date.month
        )
    ]
    months.reverse()  # oldest first, as the years

    def month_target(entry: tuple[int, int, list[Resolution]]) -> tuple[str, str]:
        return urls.year_month(entry[0], entry[1]), month_name(entry[0], entry[1])

    for index, (year, month, items) in enumerate(months):
        around = neighbours(months, index, month_target)
        shown = ("month", bounded_inputs(context, items), around)
        make = partial(month_page, context, year, month, items, around)
        files.append(kept_page(context, urls.year_month(year, month), shown, make))
    return files


def year_index(context: PageContext) -> GeneratedFile:
    here = urls.YEARS
    items = "".join(
        counted_link(here, urls.year(year), str(year), len(resolutions))
        for year, resolutions in sorted(context.catalog.by_year.items(), reverse=True)
    )
    body = f"{breadcrumbs(here, ())}\n\n<h1>Jahre</h1>\n\n"
    body += (
        f'<ul class="ra-index ra-index--years">{items}</ul>'
        if items
        else ('<p class="ra-empty">Es sind noch keine Beschlüsse veröffentlicht.</p>')
    )
    return page(here, "Jahre", body)


def year_page(
    context: PageContext,
    year: int,
    resolutions: tuple[Resolution, ...],
    *,
    previous: tuple[str, str] | None = None,
    following: tuple[str, str] | None = None,
) -> PageFragment:
    """The year by month while it fits one page; past the list limit the months (each
    its own page) and the committees' years."""
    here = urls.year(year)
    parts = [breadcrumbs(here, ((urls.YEARS, "Jahre"),)), f"\n\n<h1>Beschlüsse {year}</h1>\n"]
    by_month = [
        (month, list(items))
        for month, items in groupby(newest_first(resolutions), key=lambda r: r.date.month)
    ]
    if len(resolutions) <= context.list_limit:
        for month, listed in by_month:
            parts.append(
                f'<section class="ra-month"><h2 id="monat-{month:02d}">'
                f"{labels.month(listed[0].date)}</h2>"
                + resolution_list(here, listed, context.catalog)
                + "</section>"
            )
    else:
        committees = context.catalog.committees
        counts = Counter(r.committee for r in resolutions)
        parts += [
            f'<p class="ra-lead">{labels.count(len(resolutions), "Beschluss", "Beschlüsse")}</p>',
            '<h2 id="monate">Nach Monaten</h2>',
            period_index(
                here,
                (
                    (urls.year_month(year, month), month_name(year, month), len(items))
                    for month, items in by_month
                ),
            ),
            '<h2 id="gremien">Nach Gremien</h2>',
            period_index(
                here,
                (
                    (urls.committee_year(cid, year), committees[cid].name, counts[cid])
                    for cid in committees
                    if cid in counts
                ),
            ),
        ]
    parts.append(pager(here, "Jahr", previous, following))
    return fragment(here, f"Beschlüsse {year}", "\n".join(parts))


def month_page(
    context: PageContext,
    year: int,
    month: int,
    resolutions: list[Resolution],
    around: tuple[tuple[str, str] | None, tuple[str, str] | None] = (None, None),
) -> PageFragment:
    """A month of every committee (exists for every month with a decision, whether or not
    its year page lists it too)."""
    here = urls.year_month(year, month)
    title = f"Beschlüsse {month_name(year, month)}"
    parts = [
        breadcrumbs(here, ((urls.YEARS, "Jahre"), (urls.year(year), str(year)))),
        f"\n\n<h1>{e(title)}</h1>\n",
        bounded_list(context, here, resolutions),
        pager(here, "Monat", *around),
    ]
    return fragment(here, title, "\n".join(parts))
