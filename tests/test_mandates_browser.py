"""The mandates page in Chromium: its filters by state, office, committee and year, the page
without script, the way to it from the nav, the search filter by state, and axe on the new
and changed pages (light and dark, desktop and 320 px)."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.mandates import MANDATE_STATE_LABELS, Mandate, MandateState
from generator.archive.model import Resolution
from generator.archive.slugs import slugify
from generator.publish.freshness import content_date
from tests.browser_support import OpenPage, Server
from tests.conftest import DEMO_CONTENT
from tests.test_accessibility import DESKTOP, NARROW, SCHEMES, scan
from tests.test_search_browser import search, status

pytestmark = pytest.mark.browser

ROWS = "#ra-mandates-all tbody tr"
SHOWN = f"{ROWS}:visible"


def stand(catalog: Catalog) -> datetime.date:
    """The Stand the demo build used (``build._generate``): the content's last change."""
    return content_date(DEMO_CONTENT) or max(r.date for r in catalog.resolutions)


def entries(catalog: Catalog) -> list[tuple[Resolution, Mandate]]:
    return [(r, m) for r in catalog.resolutions for m in r.mandates]


def test_the_filters_narrow_the_table_and_count(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    given = entries(demo_catalog)
    day = stand(demo_catalog)
    page.goto(root_server.url(urls.MANDATES))
    expect(page.locator("form.ra-filter")).to_be_visible()
    expect(page.locator(ROWS)).to_have_count(len(given))

    overdue = [m for _, m in given if m.overdue(day)]
    assert overdue, "the demo has overdue mandates"
    # Overdue first: the first rows are exactly the overdue ones.
    states = page.locator(ROWS).evaluate_all("rows => rows.map(r => r.dataset.state)")
    assert ["overdue" in s.split() for s in states] == [
        index < len(overdue) for index in range(len(given))
    ]
    option = page.locator("#ra-filter-state option[value=overdue]")
    expect(option).to_have_text(f"überfällig ({len(overdue)})")
    page.select_option("#ra-filter-state", "overdue")
    expect(page.locator(SHOWN)).to_have_count(len(overdue))
    expect(page.locator(".ra-filter__status")).to_have_text(
        f"{len(overdue)} von {len(given)} Aufträgen angezeigt"
    )

    done = [m for _, m in given if m.state is MandateState.DONE]
    page.select_option("#ra-filter-state", MandateState.DONE.value)
    expect(page.locator(SHOWN)).to_have_count(len(done))
    expect(page.locator(f"{SHOWN} td:nth-child(2)")).to_have_text(
        [MANDATE_STATE_LABELS[MandateState.DONE]] * len(done)
    )
    obsolete = page.locator("#ra-filter-state option[value=obsolete]")
    expect(obsolete).to_have_text("gegenstandslos (1)")

    # Office, committee and year together, with the state back on "alle".
    page.select_option("#ra-filter-state", "")
    resolution, mandate = max(
        given, key=lambda e: sum(m.responsible == e[1].responsible for _, m in given)
    )
    office = mandate.responsible
    page.select_option("#ra-filter-office", slugify(office))
    by_office = [(r, m) for r, m in given if m.responsible == office]
    expect(page.locator(SHOWN)).to_have_count(len(by_office))
    expect(page.locator(f"{SHOWN} td:nth-child(4)")).to_have_text([office] * len(by_office))
    page.select_option("#ra-filter-committee", resolution.committee)
    page.select_option("#ra-filter-year", str(resolution.date.year))
    narrowed = [
        m
        for r, m in by_office
        if r.committee == resolution.committee and r.date.year == resolution.date.year
    ]
    expect(page.locator(SHOWN)).to_have_count(len(narrowed))
    expect(page.locator(".ra-filter__status")).to_have_text(
        f"{len(narrowed)} von {len(given)} Aufträgen angezeigt"
    )
    # A mandate's link leads to its block on the resolution page.
    page.locator(f"{SHOWN} th a").first.click()
    expect(page.locator("section.ra-mandates h2")).to_have_text("Aufträge")
    assert "#auftrag-" in page.url


def test_the_filter_hides_rows_on_a_phone_too(
    open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    # On a phone the rows are flex boxes, which must not override the hidden attribute.
    overdue = [m for _, m in entries(demo_catalog) if m.overdue(stand(demo_catalog))]
    page = open_page(viewport=NARROW)
    page.goto(root_server.url(f"{urls.MANDATES}?stand=overdue"))
    expect(page.locator("#ra-filter-state")).to_have_value("overdue")
    expect(page.locator(SHOWN)).to_have_count(len(overdue))
    expect(page.locator(f"{SHOWN} td[data-label='Stand:']").first).to_be_visible()


def test_without_script_the_whole_table_shows(browser: Browser, root_server: Server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(root_server.url(urls.MANDATES))
        expect(page.locator("form.ra-filter")).to_be_hidden()
        rows = page.locator(ROWS)
        expect(rows.first).to_be_visible()
        assert rows.count() == page.locator(SHOWN).count()
    finally:
        context.close()


def test_the_nav_leads_to_the_page_and_its_feed_is_announced(
    page: Page, root_server: Server
) -> None:
    page.goto(root_server.url(urls.HOME))
    page.locator(".md-tabs").get_by_role("link", name="Aufträge").click()
    expect(page).to_have_url(root_server.url(urls.MANDATES))
    expect(page.locator("h1")).to_have_text("Aufträge")
    feed = page.locator(f'link[rel="alternate feed"][href$="{urls.feed_mandates()}"]')
    expect(feed).to_have_count(1)


def test_a_committee_page_lists_its_open_mandates(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    day = stand(demo_catalog)
    committee = "schulausschuss"
    open_ = [m for r in demo_catalog.by_committee[committee] for m in r.mandates if not m.closed]
    assert open_
    page.goto(root_server.url(urls.committee(committee)))
    rows = page.locator("#ra-mandates-committee tbody tr")
    expect(rows).to_have_count(len(open_))
    overdue = sum(m.overdue(day) for m in open_)
    expect(page.locator("#auftraege + p")).to_contain_text(f"davon {overdue} überfällig")
    # Its link opens the mandates page filtered to the committee; choices go into the address.
    page.get_by_role("link", name="Alle Aufträge aus diesem Gremium").click()
    expect(page).to_have_url(root_server.url(f"{urls.MANDATES}?gremium={committee}"))
    expect(page.locator("#ra-filter-committee")).to_have_value(committee)
    given = [m for r in demo_catalog.by_committee[committee] for m in r.mandates]
    expect(page.locator(SHOWN)).to_have_count(len(given))
    page.select_option("#ra-filter-state", "overdue")
    expect(page.locator(SHOWN)).to_have_count(overdue)
    expect(page).to_have_url(root_server.url(f"{urls.MANDATES}?gremium={committee}&stand=overdue"))
    page.reload()
    expect(page.locator("#ra-filter-state")).to_have_value("overdue")
    expect(page.locator(SHOWN)).to_have_count(overdue)


def test_the_search_filters_by_the_state_of_mandates(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    label = MANDATE_STATE_LABELS[MandateState.DONE]
    expected = [
        r for r in demo_catalog.resolutions if any(m.state is MandateState.DONE for m in r.mandates)
    ]
    search(page, root_server, f"auftrag={label}")
    assert status(page) == f"{len(expected)} Treffer"
    option = page.locator("#ra-filter-auftrag option", has_text=label)
    expect(option).to_have_text(f"{label} ({len(expected)})")


def pages(catalog: Catalog) -> dict[str, str]:
    with_mandates = next(r for r in catalog.resolutions if len(r.mandates) > 1)
    return {
        "mandates": urls.MANDATES,
        "committee-with-mandates": urls.committee("schulausschuss"),
        "resolution-with-mandates": urls.resolution(with_mandates.id),
    }


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    "name", ["mandates", "committee-with-mandates", "resolution-with-mandates"]
)
def test_no_axe_violations(
    name: str, scheme: str, open_page: OpenPage, root_server: Server, demo_catalog: Catalog
) -> None:
    path = pages(demo_catalog)[name]
    page = open_page(color_scheme=scheme, viewport=DESKTOP)
    response = page.goto(root_server.url(path))
    assert response is not None and response.ok, path
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    if name == "mandates":
        expect(page.locator("form.ra-filter")).to_be_visible()
    scan(page, f"{path} ({scheme}, {DESKTOP['width']} px)")
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], (
        "horizontal scrolling at 320 px"
    )
    scan(page, f"{path} ({scheme}, {NARROW['width']} px)")
