"""Year pages (all decisions of the year, by month) and the index of years."""

from __future__ import annotations

from itertools import groupby

from generator.archive import labels, urls
from generator.archive.model import Resolution
from generator.pages.common import (
    breadcrumbs,
    counted_link,
    fragment,
    newest_first,
    page,
    pager,
    resolution_list,
)
from generator.pages.context import PageContext
from generator.rendering.generated import GeneratedFile, PageFragment


def year_pages(context: PageContext) -> list[GeneratedFile | PageFragment]:
    files: list[GeneratedFile | PageFragment] = [year_index(context)]
    years = sorted(context.catalog.by_year)
    for index, year in enumerate(years):
        previous = years[index - 1] if index > 0 else None
        following = years[index + 1] if index + 1 < len(years) else None
        files.append(
            year_page(
                context,
                year,
                context.catalog.by_year[year],
                previous=None if previous is None else (urls.year(previous), str(previous)),
                following=None if following is None else (urls.year(following), str(following)),
            )
        )
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
    here = urls.year(year)
    parts = [breadcrumbs(here, ((urls.YEARS, "Jahre"),)), f"\n\n<h1>Beschlüsse {year}</h1>\n"]
    for month, items in groupby(newest_first(resolutions), key=lambda r: r.date.month):
        listed = list(items)
        parts.append(
            f'<section class="ra-month"><h2 id="monat-{month:02d}">'
            f"{labels.month(listed[0].date)}</h2>"
            + resolution_list(here, listed, context.catalog)
            + "</section>"
        )
    parts.append(pager(here, "Jahr", previous, following))
    return fragment(here, f"Beschlüsse {year}", "\n".join(parts))
