"""What a reader sees in Chromium on a phone (320 CSS pixels) and at desktop width.

Each test checks one rough edge found by trying the site as a citizen on a phone:
the vote table, German hyphenation, the statistics charts, citing and sharing.
"""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from generator.archive import urls
from generator.archive.catalog import Catalog
from tests.browser_support import OpenPage, Server
from tests.test_accessibility import DESKTOP, NARROW, vote_resolution

pytestmark = pytest.mark.browser


def test_the_whole_vote_is_readable_at_320_px(
    open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    voted = vote_resolution(demo_catalog)
    page = open_page(viewport=NARROW)
    page.goto(root_server.url(urls.resolution(voted.id)))
    table = page.locator("table.ra-vote-table").first
    expect(table).to_be_visible()
    # No scrolling inside the table's wrapper: every count is in view, not cut off.
    wrap = table.locator("xpath=..")
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth"), "the vote table scrolls"
    cells = table.locator("tbody td")
    assert cells.count() >= 3
    for index in range(cells.count()):
        cell = cells.nth(index)
        expect(cell).to_be_visible()
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"]
        # Each count names its column, so "0" never stands alone.
        label = cell.evaluate("c => getComputedStyle(c, '::before').content")
        assert label in ('"Ja "', '"Nein "', '"Enthaltung "'), label


def test_headings_are_hyphenated_as_german(
    open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    voted = vote_resolution(demo_catalog)
    page = open_page(viewport=NARROW)
    page.goto(root_server.url(urls.resolution(voted.id)))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    heading = page.locator("h1").first
    assert heading.evaluate("h => getComputedStyle(h).hyphens") == "auto"
    # Broken only at a hyphenation point or not at all: never after any letter.
    assert heading.evaluate("h => getComputedStyle(h).overflowWrap") == "break-word"
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_desktop_vote_table_keeps_its_columns(
    open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    voted = vote_resolution(demo_catalog)
    page = open_page(viewport=DESKTOP)
    page.goto(root_server.url(urls.resolution(voted.id)))
    table = page.locator("table.ra-vote-table").first
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    expect(table.locator("thead")).to_be_visible()


def test_desktop_footer_shows_the_legal_links_in_one_row(
    open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    voted = vote_resolution(demo_catalog)
    page = open_page(viewport=DESKTOP)
    page.goto(root_server.url(urls.resolution(voted.id)))
    links = page.locator("footer nav[aria-label='Rechtliches'] a")
    expect(links).to_have_count(3)
    tops = {round(links.nth(index).bounding_box()["y"]) for index in range(3)}  # type: ignore[index]
    assert len(tops) == 1, f"the legal links stack: {tops}"
    # Flush with the footer's text, not indented like a bulleted list in a page's body.
    footer_left = page.locator("footer .ra-footer__inner").evaluate(
        "e => e.getBoundingClientRect().left + parseFloat(getComputedStyle(e).paddingLeft)"
    )
    assert abs(links.first.bounding_box()["x"] - footer_left) < 2  # type: ignore[index]


def test_the_citation_names_the_day_and_copies_with_one_click(
    open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    voted = vote_resolution(demo_catalog)
    page = open_page(viewport=NARROW, permissions=["clipboard-read", "clipboard-write"])
    page.goto(root_server.url(urls.resolution(voted.id)))
    today = datetime.date.today()
    cite = page.locator(".ra-citation cite")
    expect(cite).to_contain_text(f"(abgerufen am {today:%d.%m.%Y})")
    expect(cite).to_contain_text(f"„{voted.title}“")
    page.get_by_role("button", name="Zitat kopieren").click()
    expect(page.locator(".ra-copy__status")).to_have_text("Zitat in die Zwischenablage kopiert.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == " ".join(cite.inner_text().split())
    assert copied.endswith(f"/beschluss/{voted.id}/ (abgerufen am {today:%d.%m.%Y})")


CHART_LABEL_PX = """() => [...document.querySelectorAll('svg.ratsarchiv-chart text')].map(t =>
    t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))"""


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["desktop", "320px"])
def test_statistics_charts_are_legible(
    viewport: dict[str, int], open_page: OpenPage, root_server: Server
) -> None:
    page = open_page(viewport=viewport)
    page.goto(root_server.url(urls.STATISTICS))
    charts = page.locator("svg.ratsarchiv-chart")
    expect(charts.first).to_be_visible()
    column = page.locator(".md-content__inner").first.bounding_box()
    assert column is not None
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box is not None
        # As wide as the column on a phone, at least 400 px on a desktop.
        assert box["width"] >= min(400, column["width"] - 40), box
        assert box["x"] + box["width"] <= viewport["width"]
    sizes = page.evaluate(CHART_LABEL_PX)
    assert sizes and min(sizes) >= 12, f"chart labels of {min(sizes):.1f} px"
    assert max(sizes) <= 24
    # Each chart is named once on the page: by its section heading, not again by a caption.
    headings = page.locator("h2").all_inner_texts()
    assert len(headings) == len(set(headings))
    for title in page.evaluate(
        "[...document.querySelectorAll('svg.ratsarchiv-chart title')].map(t => t.textContent)"
    ):
        shown = page.locator(".md-content").get_by_text(title, exact=True).all()
        boxes = [box for box in (element.bounding_box() for element in shown) if box]
        assert len([box for box in boxes if box["height"] > 2]) <= 1, title


SECTIONS = [
    "Startseite", "Gremien", "Jahre", "Themen", "Fraktionen", "Aufträge", "Suche",
    "Statistik", "Daten", "Rechtliches",
]  # fmt: skip


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_menu_button_opens_the_navigation_on_a_phone(
    scheme: str, open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    # A resolution page carries the navigation once (the tabs); on a phone the drawer
    # behind the menu button shows it, also after scrolling (when Material hides the tabs).
    voted = vote_resolution(demo_catalog)
    page = open_page(viewport=NARROW, color_scheme=scheme)
    page.goto(root_server.url(urls.resolution(voted.id)))
    assert page.locator(".md-sidebar--primary").count() == 0
    tabs = page.locator(".md-tabs")
    expect(tabs).to_be_hidden()
    page.mouse.wheel(0, 800)
    page.locator('label.md-header__button[for="__drawer"]').click()
    links = tabs.get_by_role("link")
    expect(links).to_have_text(SECTIONS)
    for index in range(links.count()):
        link = links.nth(index)
        expect(link).to_be_visible()
        expect(link).to_have_css("opacity", "1")
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"]
    tabs.get_by_role("link", name="Jahre").click()
    page.wait_for_url("**/jahr/")
