"""Pieces every page uses: front matter, escaping, links, lists of resolutions."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import TypeVar

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.archive.model import Resolution
from generator.rendering.generated import GeneratedFile, PageFragment

_T = TypeVar("_T")


def e(text: object) -> str:
    """Escape text for HTML (element content and quoted attributes alike)."""
    return escape(str(text), quote=True)


def page(
    url: str,
    title: str,
    body: str,
    *,
    hide_toc: bool = True,
    feed: tuple[str, str] | None = None,
) -> GeneratedFile:
    """A Markdown page in the nav, for MkDocs. Front matter stays tiny: MkDocs parses it on
    every build. ``feed`` (title, path): the page's own feed, linked in its head by
    theme_overrides/main.html (pages outside the nav are fragments: see ``fragment``)."""
    hidden = '["navigation", "toc"]' if hide_toc else '["navigation"]'
    # JSON strings are valid YAML scalars, so any title survives the round trip unchanged.
    # Material prints page.meta.title (in <title>, the header, the nav) without escaping:
    # it is HTML here, so a title such as '</title><script>…' must arrive escaped.
    front = f"---\ntitle: {json.dumps(e(title), ensure_ascii=False)}\nhide: {hidden}\n"
    if feed is not None:
        front += (
            f"ra_feed: {json.dumps(feed[1])}\n"
            f"ra_feed_title: {json.dumps(e(feed[0]), ensure_ascii=False)}\n"
        )
    front += "---\n\n"
    return GeneratedFile.text(urls.markdown_file(url), front + body.strip() + "\n")


def fragment(
    url: str, title: str, body: str, *, feeds: Sequence[tuple[str, str]] = ()
) -> PageFragment:
    """A page outside the nav, stamped into the theme after MkDocs (see ``PageFragment``).

    ``body`` is finished HTML: editors' Markdown in it has gone through ``render_markdown``.
    """
    head = "".join(
        # "alternate feed": see theme_overrides/main.html for why not just "alternate".
        f'<link rel="alternate feed" type="application/atom+xml" title="{e(name)}" '
        f'href="{e(urls.relative(url, path))}">'
        for name, path in feeds
    )
    return PageFragment(url=url, title=title, content=body.strip(), head=head)


def counted_link(
    from_page: str,
    to: str,
    text: str,
    count: int,
    *,
    extra: str = "",
    words: tuple[str, str] = ("Beschluss", "Beschlüsse"),
) -> str:
    """An index entry: a link and how many resolutions (or ``words``) lie behind it."""
    return (
        f"<li>{link(from_page, to, text)}{extra} "
        f'<span class="ra-count">{labels.count(count, *words)}</span></li>'
    )


def subscribe_links(here: str, feed: str, calendar: str | None = None) -> str:
    """The visible way to follow a page: its feed and, for committees, its meetings."""
    links = [link(here, feed, "Feed abonnieren", attributes='type="application/atom+xml"')]
    if calendar:
        links.append(
            link(here, calendar, "Sitzungskalender (iCal)", attributes='type="text/calendar"')
        )
    return '<p class="ra-subscribe">' + " · ".join(links) + "</p>"


def link(from_page: str, to: str, text: str, *, attributes: str = "") -> str:
    extra = f" {attributes}" if attributes else ""
    return f'<a href="{e(urls.relative(from_page, to))}"{extra}>{e(text)}</a>'


def result_badge(resolution: Resolution) -> str:
    """The result as words in a coloured box: colour alone would exclude some readers."""
    result = resolution.result
    return f'<span class="ra-badge ra-badge--{result.value}">{e(labels.RESULT[result])}</span>'


def resolution_item(
    from_page: str,
    resolution: Resolution,
    catalog: Catalog,
    *,
    committee: bool = True,
    date: bool = True,
) -> str:
    """One resolution in a list: what a reader needs to decide whether to open it."""
    details = []
    if date:
        details.append(
            f'<time datetime="{resolution.date.isoformat()}">{labels.date(resolution.date)}</time>'
        )
    if committee:
        details.append(e(catalog.committees[resolution.committee].short_name))
    details.append(f"TOP {e(resolution.agenda_item.number)}")
    if resolution.reference:
        details.append(f"Drucksache {e(resolution.reference)}")
    title = link(from_page, urls.resolution(resolution.id), resolution.title)
    # The title link stands on its own line by the stylesheet (``.ra-list > li > a``), not
    # in a wrapping span: 37 bytes less in each of the ~9 entries per resolution the lists
    # hold. The link names the resolution; no ``data-resolution`` repeats its id (no script
    # reads one; 30 bytes an entry). The entry is a plain ``li`` of its ``ul.ra-list`` and
    # its details the ``span`` right after the link, which the stylesheet styles by place
    # (37 bytes an entry).
    return f"<li>{title} <span>{' · '.join(details)}</span> {result_badge(resolution)}</li>"


def resolution_list(
    from_page: str,
    resolutions: Iterable[Resolution],
    catalog: Catalog,
    *,
    committee: bool = True,
    date: bool = True,
) -> str:
    items = "".join(
        resolution_item(from_page, r, catalog, committee=committee, date=date) for r in resolutions
    )
    return f'<ul class="ra-list">{items}</ul>'


def breadcrumbs(from_page: str, trail: Iterable[tuple[str, str]]) -> str:
    """``Archiv › Gremium › …``: pages outside the nav still show where they belong."""
    crumbs = [link(from_page, urls.HOME, "Archiv")]
    crumbs += [link(from_page, url, text) for url, text in trail]
    items = "".join(f"<li>{crumb}</li>" for crumb in crumbs)
    return f'<nav class="ra-breadcrumbs" aria-label="Brotkrumenpfad"><ol>{items}</ol></nav>'


def markdown_block(markdown: str) -> str:
    """Editors' Markdown between our HTML blocks, separated so Python-Markdown parses it."""
    return f"\n\n{markdown.strip()}\n\n"


def pager(
    from_page: str,
    what: str,
    previous: tuple[str, str] | None,
    following: tuple[str, str] | None,
) -> str:
    """Links to the previous and the next page of a series (``what``: "Beschluss" …).

    The stylesheet knows each link by its ``rel`` and its label as the link's ``span``
    (no class on either: 90 bytes less on a resolution page)."""
    if previous is None and following is None:
        return ""
    links = [
        f'<a rel="{side}" href="{e(urls.relative(from_page, to[0]))}">'
        f"<span>{e(label[what])}</span> {e(to[1])}</a>"
        for side, label, to in (("prev", _PREVIOUS, previous), ("next", _NEXT, following))
        if to is not None
    ]
    return f'<nav class="ra-pager" aria-label="{e(_SERIES[what])}">' + "".join(links) + "</nav>"


_PREVIOUS = {
    "Beschluss": "Vorheriger Beschluss",
    "Sitzung": "Vorherige Sitzung",
    "Jahr": "Vorheriges Jahr",
    "Monat": "Vorheriger Monat",
}
_NEXT = {
    "Beschluss": "Nächster Beschluss",
    "Sitzung": "Nächste Sitzung",
    "Jahr": "Nächstes Jahr",
    "Monat": "Nächster Monat",
}
_SERIES = {
    "Beschluss": "Beschlüsse des Gremiums",
    "Sitzung": "Sitzungen des Gremiums",
    "Jahr": "Jahre",
    "Monat": "Monate",
}


def neighbours(
    series: Sequence[_T], index: int, target: Callable[[_T], tuple[str, str]]
) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The (URL, text) of the entries before and after ``series[index]``, for ``pager``."""
    previous = target(series[index - 1]) if index > 0 else None
    following = target(series[index + 1]) if index + 1 < len(series) else None
    return previous, following


def jump_links(label: str, targets: Iterable[tuple[str, str]]) -> str:
    """In-page links to the sections of a long page (``#jahr-2021``), e.g. one per year."""
    items = "".join(f'<li><a href="#{e(anchor)}">{e(text)}</a></li>' for anchor, text in targets)
    return f'<nav class="ra-jump" aria-label="{e(label)}"><ul>{items}</ul></nav>'


def newest_first(resolutions: Iterable[Resolution]) -> list[Resolution]:
    """Newest day first, the order of every list of the archive; within a day the catalog's
    order stays (committee, then agenda), as the minutes have it."""
    return sorted(resolutions, key=lambda resolution: resolution.date, reverse=True)
