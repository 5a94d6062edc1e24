"""The faction page's filter by year and body, in Chromium (and the page without script)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from generator.archive import urls
from generator.archive.catalog import Catalog
from tests.browser_support import Server

pytestmark = pytest.mark.browser


def test_the_vote_table_filters_by_year_and_body(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    key = max(demo_catalog.by_faction, key=lambda k: len(demo_catalog.by_faction[k]))
    entries = demo_catalog.by_faction[key]
    page.goto(root_server.url(urls.faction(key)))
    form = page.locator("form.ra-filter")
    expect(form).to_be_visible()
    rows = page.locator("#ra-faction-votes tbody tr")
    expect(rows).to_have_count(len(entries))
    year = entries[0].resolution.date.year
    page.select_option("#ra-filter-year", str(year))
    in_year = [e for e in entries if e.resolution.date.year == year]
    expect(page.locator("#ra-faction-votes tbody tr:visible")).to_have_count(len(in_year))
    committee = in_year[0].resolution.committee
    page.select_option("#ra-filter-body", committee)
    both = [e for e in in_year if e.resolution.committee == committee]
    expect(page.locator("#ra-faction-votes tbody tr:visible")).to_have_count(len(both))
    expect(page.locator(".ra-filter__status")).to_have_text(
        f"{len(both)} von {len(entries)} Abstimmungen angezeigt"
    )


def test_a_year_of_the_faction_filters_what_it_shows(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    key = max(demo_catalog.by_faction, key=lambda k: len(demo_catalog.by_faction[k]))
    year = demo_catalog.by_faction[key][-1].resolution.date.year
    in_year = [e for e in demo_catalog.by_faction[key] if e.resolution.date.year == year]
    page.goto(root_server.url(urls.faction_year(key, year)))
    expect(page.locator("form.ra-filter")).to_be_visible()
    # One year shown: no year to choose, the bodies are those of the year's votes.
    expect(page.locator("#ra-filter-year")).to_have_count(0)
    bodies = sorted({e.resolution.committee for e in in_year})
    options = page.locator("#ra-filter-body option").evaluate_all("o => o.map(x => x.value)")
    assert sorted(options) == ["", *bodies]
    rows = page.locator("#ra-faction-votes tbody tr")
    expect(rows).to_have_count(len(in_year))
    page.select_option("#ra-filter-body", bodies[0])
    shown = [e for e in in_year if e.resolution.committee == bodies[0]]
    expect(page.locator("#ra-faction-votes tbody tr:visible")).to_have_count(len(shown))
    expect(page.locator(".ra-filter__status")).to_have_text(
        f"{len(shown)} von {len(in_year)} Abstimmungen angezeigt"
    )
