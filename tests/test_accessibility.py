"""Accessibility of the built demo archive (BITV 2.0 / WCAG 2.1 AA), checked in Chromium.

axe-core (bundled by ``axe-playwright-python``) scans each kind of page in the light and
the dark palette, at desktop width and at 320 CSS pixels (WCAG 1.4.10 Reflow). Besides the
WCAG A/AA rules it runs the best-practice rules for heading order, one ``h1`` and one main
landmark, which the WCAG tags leave out. Further tests check what axe cannot see: the skip
link comes first, every tab stop shows a visible focus indicator, the vote result is
written out rather than conveyed by colour alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.archive.model import Resolution, ResolutionKind
from generator.build import BuildOptions, build
from tests.browser_support import HOST, OpenPage, Server, _serve
from tests.conftest import DEMO_CONTENT, REPOSITORY

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BEST_PRACTICE = ("heading-order", "page-has-heading-one", "landmark-one-main")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {rule: {"enabled": True} for rule in BEST_PRACTICE},
    "resultTypes": ["violations"],
}
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}
SCHEMES = {"light": "default", "dark": "slate"}
"""``prefers-color-scheme`` → the Material palette (``data-md-color-scheme``) it selects."""

AXE = Axe()


def vote_resolution(catalog: Catalog) -> Resolution:
    """The first resolution whose vote is broken down by faction (it has a vote table)."""
    return next(r for r in catalog.resolutions if any(vote.factions for vote in r.votes))


def recommended(catalog: Catalog) -> Resolution:
    """A recommendation whose matter has a decision after it (a timeline of two)."""
    return next(
        r
        for r in catalog.resolutions
        if r.kind is ResolutionKind.RECOMMENDATION
        and len(catalog.by_reference[str(r.reference)]) > 1
    )


def roll_call(catalog: Catalog) -> Resolution:
    return next(r for r in catalog.resolutions if any(vote.roll_call for vote in r.votes))


def page_paths(catalog: Catalog) -> dict[str, str]:
    voted = vote_resolution(catalog)
    full = next(
        key
        for key, meeting in catalog.meeting_records.items()
        if meeting.agenda and key in catalog.by_meeting
    )
    upcoming = max(catalog.meeting_records)
    topical = next(r for r in catalog.resolutions if r.topics)
    faction = next(iter(catalog.by_faction))
    voting = catalog.by_faction[faction][-1]
    return {
        "home": urls.HOME,
        "committee": urls.committee(voted.committee),
        "year": urls.year(voted.date.year),
        "meeting": urls.meeting(voted.committee, voted.date),
        "resolution-with-vote-table": urls.resolution(voted.id),
        "search-with-results": f"{urls.SEARCH}?q=Satzung",
        "search-without-results": f"{urls.SEARCH}?q=Quastenflosser",
        "statistics": urls.STATISTICS,
        "data": urls.DATA,
        "legal-accessibility": urls.LEGAL["accessibility"],
        "legal-imprint": urls.LEGAL["imprint"],
        "matter": urls.matter(catalog.reference_slugs[str(recommended(catalog).reference)]),
        "faction-index": urls.FACTIONS,
        "faction": urls.faction(next(iter(catalog.by_faction))),
        "meeting-with-file": urls.meeting(full.committee, full.date),
        "meeting-upcoming": urls.meeting(upcoming.committee, upcoming.date),
        "resolution-with-roll-call": urls.resolution(roll_call(catalog).id),
        "committee-year": urls.committee_year(voted.committee, voted.date.year),
        "year-month": urls.year_month(voted.date.year, voted.date.month),
        "topic-year": urls.topic_year(topical.topics[0], topical.date.year),
        "faction-year": urls.faction_year(faction, voting.resolution.date.year),
    }


PAGES = (
    "home",
    "committee",
    "year",
    "meeting",
    "resolution-with-vote-table",
    "search-with-results",
    "search-without-results",
    "statistics",
    "data",
    "legal-accessibility",
    "legal-imprint",
    "matter",
    "faction-index",
    "faction",
    "meeting-with-file",
    "meeting-upcoming",
    "resolution-with-roll-call",
    "committee-year",
    "year-month",
    "topic-year",
    "faction-year",
)


def report(results: dict[str, Any]) -> str:
    lines = []
    for violation in results["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            messages = [c["message"] for c in node["any"] + node["all"] + node["none"]]
            lines.append(f"    {', '.join(node['target'])}: {'; '.join(messages)}")
    return "\n".join(lines)


TABLES_SETTLED = """() => [...document.querySelectorAll('.md-typeset__scrollwrap, .ra-table-wrap')]
    .every((wrapper) => wrapper.scrollWidth <= wrapper.clientWidth + 1 || wrapper.tabIndex === 0)"""
"""What ratsarchiv-tables.js establishes: a table wrapper that overflows can take focus. Its
ResizeObserver answers a new viewport after the next layout, so a scan waits for it."""


def scan(page: Page, where: str) -> None:
    page.wait_for_function(TABLES_SETTLED)
    results = AXE.run(page, options=AXE_OPTIONS).response
    ran = {
        rule["id"]
        for kind in ("violations", "passes", "incomplete", "inapplicable")
        for rule in results[kind]
    }
    assert set(BEST_PRACTICE) <= ran, "axe did not run the best-practice rules"
    assert results["violations"] == [], f"{where}:\n{report(results)}"


def wait_for_search(page: Page) -> None:
    status = page.locator(".ra-search__status")
    expect(status).not_to_be_empty()
    if status.inner_text()[0].isdigit():
        expect(page.locator(".ra-hit").first).to_be_visible()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(
    name: str, scheme: str, open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    path = page_paths(demo_catalog)[name]
    page = open_page(color_scheme=scheme, viewport=DESKTOP)
    response = page.goto(root_server.url(path))
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    if path.startswith(urls.SEARCH):
        wait_for_search(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    scan(page, f"{path} ({scheme}, {DESKTOP['width']} px)")
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], (
        "horizontal scrolling at 320 px"
    )
    scan(page, f"{path} ({scheme}, {NARROW['width']} px)")


LONG_LIST_LIMIT = 3
"""The demo built with this limit shows the layouts of long lists (latest entries and
links to years, months and meetings) that a large archive gets."""


@pytest.fixture(scope="module")
def long_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("demo-long")
    build(
        BuildOptions(
            content_root=DEMO_CONTENT,
            base_config=REPOSITORY / "mkdocs.yml",
            build_dir=base / ".build",
            site_dir=base / "site",
            site_url=f"http://{HOST}/",
            search=False,
            list_limit=LONG_LIST_LIMIT,
        )
    )
    yield from _serve(base / "site", "/")


def long_page_paths(catalog: Catalog) -> dict[str, str]:
    committee = max(catalog.by_committee, key=lambda c: len(catalog.by_committee[c]))
    year = max(catalog.by_year, key=lambda y: len(catalog.by_year[y]))
    topic = max(catalog.by_topic, key=lambda t: len(catalog.by_topic[t]))
    faction = max(catalog.by_faction, key=lambda f: len(catalog.by_faction[f]))
    busiest = max(
        catalog.by_year, key=lambda y: sum(r.committee == committee for r in catalog.by_year[y])
    )
    votes_in = Counter(entry.resolution.date.year for entry in catalog.by_faction[faction])
    long_year = next(
        entry.resolution.date
        for entry in catalog.by_faction[faction]
        if votes_in[entry.resolution.date.year] > LONG_LIST_LIMIT
    )
    return {
        "committee": urls.committee(committee),
        "committee-year-meetings": urls.committee_year(committee, busiest),
        "year": urls.year(year),
        "topic": urls.topic(topic),
        "faction": urls.faction(faction),
        "faction-year": urls.faction_year(
            faction, catalog.by_faction[faction][-1].resolution.date.year
        ),
        # A month page exists only where its year is past the limit (else it redirects).
        "faction-month": urls.faction_month(faction, long_year.year, long_year.month),
    }


LONG_PAGES = (
    "committee",
    "committee-year-meetings",
    "year",
    "topic",
    "faction",
    "faction-year",
    "faction-month",
)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", LONG_PAGES)
def test_long_list_layouts_have_no_axe_violations(
    name: str, scheme: str, open_page: OpenPage, long_server: Server, demo_catalog: Catalog
) -> None:
    path = long_page_paths(demo_catalog)[name]
    page = open_page(color_scheme=scheme, viewport=DESKTOP)
    response = page.goto(long_server.url(path))
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    # The long layout, not the short one: no page lists more entries than the limit.
    entries = 'ul.ra-list > li > a:first-child[href*="beschluss/"], ol.ra-agenda > li > a'
    assert page.locator(entries).count() <= LONG_LIST_LIMIT
    assert page.locator("#ra-faction-votes tbody tr").count() <= LONG_LIST_LIMIT
    scan(page, f"{path} ({scheme}, {DESKTOP['width']} px)")
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], (
        "horizontal scrolling at 320 px"
    )
    scan(page, f"{path} ({scheme}, {NARROW['width']} px)")


@pytest.mark.parametrize(
    "path", [urls.HOME, urls.resolution("rat-2020-052"), urls.SEARCH, urls.STATISTICS]
)
def test_the_skip_link_is_the_first_tab_stop_and_leads_to_the_content(
    path: str, page: Page, root_server: Server
) -> None:
    page.goto(root_server.url(path))
    skip_links = "[...document.querySelectorAll('.md-skip')]"
    displayed = f"{skip_links}.filter(a => getComputedStyle(a).display !== 'none').length"
    assert page.evaluate(displayed) == 1, "one skip link, not Material's and ours"
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Zum Inhalt springen")
    expect(skip).to_be_visible()  # shown only while focused
    target = str(page.evaluate("document.activeElement.hash.slice(1)"))
    expect(page.locator(f"[id='{target}'] + .md-content")).to_have_count(1)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # The next tab stop is in the content, past the header, the search bar and the tabs.
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


def focus_indicator(page: Page) -> dict[str, str]:
    return dict(
        page.evaluate(
            """() => {
              const style = getComputedStyle(document.activeElement);
              return {
                tag: document.activeElement.tagName + '.' + document.activeElement.className,
                outline: style.outlineStyle === 'none' ? '' : style.outlineWidth,
                shadow: style.boxShadow === 'none' ? '' : style.boxShadow,
              };
            }"""
        )
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_tab_stop_shows_where_the_focus_is(
    scheme: str, open_page: OpenPage, root_server: Server
) -> None:
    page = open_page(color_scheme=scheme, viewport=DESKTOP)
    page.goto(root_server.url(urls.resolution("rat-2020-052")))
    seen = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        indicator = focus_indicator(page)
        if indicator["tag"].startswith("BODY"):
            break
        visible = indicator["outline"] not in ("", "0px") or indicator["shadow"]
        assert visible, f"no visible focus on {indicator['tag']} (tab stop {seen + 1})"
        seen += 1
    assert seen >= 10


def test_tables_have_headers_and_a_caption(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    voted = vote_resolution(demo_catalog)
    factions = next(vote.factions for vote in voted.votes if vote.factions)
    page.goto(root_server.url(urls.resolution(voted.id)))
    table = page.locator("table.ra-vote-table")
    expect(table).to_have_count(1)
    expect(table.locator("caption")).not_to_be_empty()
    expect(table.locator("thead th[scope=col]")).to_have_count(4)
    expect(table.locator("tbody th[scope=row]")).to_have_count(len(factions))
    for every_table in page.locator(".md-content table").all():
        assert every_table.locator("th").count() > 0


def test_the_vote_result_is_written_not_only_coloured(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    for resolution_id in ("rat-2020-052", "rat-2020-006"):
        resolution = demo_catalog.by_id[resolution_id]
        page.goto(root_server.url(urls.resolution(resolution_id)))
        badge = page.locator(".ra-card .ra-badge")
        expect(badge).to_have_text(labels.RESULT[resolution.result])
    page.goto(root_server.url(f"{urls.SEARCH}?q=Satzung"))
    wait_for_search(page)
    for badge in page.locator(".ra-hit .ra-badge").all():
        assert badge.inner_text().strip() in labels.RESULT.values()
