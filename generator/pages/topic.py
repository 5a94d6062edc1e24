"""Topic pages, a page per year of each topic, and the index of topics."""

from __future__ import annotations

from functools import partial
from itertools import groupby

from generator.archive import urls
from generator.archive.model import Resolution
from generator.outputs.feeds import feed_title_topic
from generator.pages.common import (
    breadcrumbs,
    counted_link,
    e,
    fragment,
    jump_links,
    neighbours,
    newest_first,
    page,
    pager,
    resolution_list,
    subscribe_links,
)
from generator.pages.context import PageContext
from generator.pages.kept import kept_page, listed
from generator.pages.listing import bounded_inputs, bounded_list, period_index
from generator.rendering.generated import GeneratedFile, PageFragment


def topic_pages(context: PageContext) -> list[GeneratedFile | PageFragment]:
    files: list[GeneratedFile | PageFragment] = [topic_index(context)]
    for topic, resolutions in context.catalog.by_topic.items():
        inputs = ("topic", topic, listed(context, resolutions))
        make = partial(topic_page, context, topic, resolutions)
        files.append(kept_page(context, urls.topic(topic), inputs, make))
        files += topic_year_pages(context, topic, resolutions)
    return files


def topic_index(context: PageContext) -> GeneratedFile:
    here = urls.TOPICS
    items = "".join(
        counted_link(here, urls.topic(topic), topic, len(resolutions))
        for topic, resolutions in context.catalog.by_topic.items()
    )
    body = f"{breadcrumbs(here, ())}\n\n<h1>Themen</h1>\n\n"
    body += (
        f'<ul class="ra-index">{items}</ul>'
        if items
        else ('<p class="ra-empty">Es sind noch keine Themen vergeben.</p>')
    )
    return page(here, "Themen", body)


def topic_page(
    context: PageContext, topic: str, resolutions: tuple[Resolution, ...]
) -> PageFragment:
    here = urls.topic(topic)
    municipality = context.catalog.archive.settings.municipality
    feeds = ((feed_title_topic(topic, municipality), urls.feed_topic(topic)),)
    parts = [
        f"{breadcrumbs(here, ((urls.TOPICS, 'Themen'),))}\n\n<h1>Thema: {e(topic)}</h1>\n\n",
        subscribe_links(here, urls.feed_topic(topic)),
    ]
    # Newest first: readers following a topic want the current state. A topic can span
    # decades, so the years come as sections with links to each (no script needed); past
    # the list limit, the newest decisions and a page per year.
    by_year = _by_year(resolutions)
    if len(resolutions) > context.list_limit:
        latest = newest_first(resolutions)[: context.latest_count]
        parts += [
            '<h2 id="neueste">Neueste Beschlüsse</h2>',
            resolution_list(here, latest, context.catalog),
            '<h2 id="jahre">Alle Jahre</h2>',
            period_index(
                here, ((urls.topic_year(topic, y), str(y), len(items)) for y, items in by_year)
            ),
        ]
        return fragment(here, f"Thema: {topic}", "\n".join(parts), feeds=feeds)
    if len(by_year) > 1:
        parts.append(
            jump_links("Jahre", ((urls.year_anchor(year), str(year)) for year, _ in by_year))
        )
    for year, items in by_year:
        parts.append(
            f'<section class="ra-year"><h2 id="{urls.year_anchor(year)}">{year}</h2>'
            + resolution_list(here, items, context.catalog)
            + "</section>"
        )
    return fragment(here, f"Thema: {topic}", "\n".join(parts), feeds=feeds)


def _by_year(resolutions: tuple[Resolution, ...]) -> list[tuple[int, list[Resolution]]]:
    return [
        (year, list(items))
        for year, items in groupby(newest_first(resolutions), lambda r: r.date.year)
    ]


def topic_year_pages(
    context: PageContext, topic: str, resolutions: tuple[Resolution, ...]
) -> list[PageFragment]:
    """One page per year of the topic, whether or not the topic page lists it too."""
    by_year = _by_year(resolutions)[::-1]
    years = [year for year, _ in by_year]

    def target(year: int) -> tuple[str, str]:
        return urls.topic_year(topic, year), str(year)

    pages = []
    for index, (year, items) in enumerate(by_year):
        here = urls.topic_year(topic, year)
        around = neighbours(years, index, target)
        inputs = ("topic-year", topic, bounded_inputs(context, items), around)
        make = partial(_topic_year_page, context, topic, year, items, around)
        pages.append(kept_page(context, here, inputs, make))
    return pages


def _topic_year_page(
    context: PageContext,
    topic: str,
    year: int,
    items: list[Resolution],
    around: tuple[tuple[str, str] | None, tuple[str, str] | None],
) -> PageFragment:
    here = urls.topic_year(topic, year)
    title = f"Thema: {topic} – {year}"
    parts = [
        breadcrumbs(here, ((urls.TOPICS, "Themen"), (urls.topic(topic), topic))),
        f"\n\n<h1>{e(title)}</h1>\n",
        bounded_list(context, here, items),
        pager(here, "Jahr", *around),
    ]
    return fragment(here, title, "\n".join(parts))
