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
