"""The built site under a strict Content-Security-Policy (no inline script, no inline style).

The browser test loads the pages a reader sees most with the CSP header the README
recommends; the ``page`` fixture fails on any ``securitypolicyviolation`` event and on any
console error (Chromium also logs each refused resource there). The static test reads
every built page for what the policy would refuse, so a page the browser test does not
visit cannot bring inline code back unnoticed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.archive import urls
from generator.archive.catalog import Catalog
from tests.browser_support import CSP, Server
from tests.markup import quoted_page

pytestmark = pytest.mark.browser

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>\s*\S", re.IGNORECASE)
"""A script element with content and no ``src`` (JSON data blocks are allowed, see below)."""
DATA_SCRIPT = re.compile(r'<script\b[^>]*type="application/(?:ld\+)?json"', re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""\shref=["']?\s*javascript:""", re.IGNORECASE)


def test_pages_work_under_the_strict_csp(
    page: Page, csp_server: Server, demo_catalog: Catalog
) -> None:
    voted = next(r for r in demo_catalog.resolutions if any(v.factions for v in r.votes))
    for path in (
        urls.HOME,
        urls.resolution(voted.id),
        urls.committee(voted.committee),
        f"{urls.SEARCH}?q=Satzung&fraktion=FDP",
        urls.STATISTICS,
        urls.matter(demo_catalog.reference_slugs[str(voted.reference)]),
        urls.FACTIONS,
        urls.faction(demo_catalog.faction_key(voted.votes[0].factions[0].name)),
        urls.meeting(
            max(demo_catalog.meeting_records).committee, max(demo_catalog.meeting_records).date
        ),
    ):
        response = page.goto(csp_server.url(path))
        assert response is not None and response.ok, path
        assert response.headers["content-security-policy"] == CSP
        # The scripts ran: Material marked the page, and the search found something.
        expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
        if path.startswith(urls.SEARCH):
            expect(page.locator(".ra-hit").first).to_be_visible()
    # Violations and console errors are asserted by the page fixture when the test ends.


def test_no_page_carries_inline_script_or_style(demo_site: Path) -> None:
    offences: list[str] = []
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 50
    for html_file in pages:
        html = quoted_page(html_file)
        name = html_file.relative_to(demo_site).as_posix()
        for match in INLINE_SCRIPT.finditer(html):
            if not DATA_SCRIPT.match(html, match.start()):
                offences.append(f"{name}: inline script {match.group(0)[:60]!r}")
        for pattern, what in (
            (STYLE_ELEMENT, "style element"),
            (STYLE_ATTRIBUTE, "style attribute"),
            (EVENT_HANDLER, "event handler attribute"),
            (JAVASCRIPT_URL, "javascript: link"),
        ):
            offences += [f"{name}: {what} {m.group(0)[:60]!r}" for m in pattern.finditer(html)]
    assert offences == []
