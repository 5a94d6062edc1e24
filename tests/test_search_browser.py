"""The search as a reader uses it: Chromium, the built site, Pagefind, served over HTTP.

Every test also checks (in the ``page`` fixture) that the page asked no other host for
anything and logged no console error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.search_site import build_search_site

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:"
)
SUBPATH = "/archiv/"


@dataclass(frozen=True, slots=True)
class Server:
    base: str
    """The site root's URL, ending in ``/``."""


def _handler(directory: Path, csp: str | None) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        extensions_map = {  # noqa: RUF012 - the base class declares it as a plain dict
            **SimpleHTTPRequestHandler.extensions_map,
            ".wasm": "application/wasm",
            ".js": "text/javascript",
        }

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(directory), **kwargs)

        def end_headers(self) -> None:
            if csp:
                self.send_header("Content-Security-Policy", csp)
            super().end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once; it lies in ``<tmp>/archiv`` so it can also be served there."""
    return build_search_site(tmp_path_factory.mktemp("search") / SUBPATH.strip("/"))


def _serve(directory: Path, path: str, csp: str | None = None) -> Iterator[Server]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(directory, csp))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(base=f"http://127.0.0.1:{server.server_port}{path}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def root_server(built_site: Path) -> Iterator[Server]:
    yield from _serve(built_site, "/")


@pytest.fixture(scope="session")
def subpath_server(built_site: Path) -> Iterator[Server]:
    yield from _serve(built_site.parent, SUBPATH)


@pytest.fixture(scope="session")
def csp_server(built_site: Path) -> Iterator[Server]:
    yield from _serve(built_site, "/", csp=CSP)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))

    def check_host(request: Any) -> None:
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob") and url.hostname != "127.0.0.1":
            foreign.append(request.url)

    page.on("request", check_host)
    # Playwright's init scripts are exempt from the page's CSP, so this listener sees
    # every violation the page's own scripts and styles cause.
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    yield page
    violations = page.evaluate("window.__cspViolations || []")
    context.close()
    assert errors == [], "console errors"
    assert foreign == [], "requests to other hosts"
    assert violations == [], "CSP violations"


def search(page: Page, server: Server, query: str) -> None:
    """Open the search page with ``query`` (a URL query string) and wait for the answer."""
    page.goto(f"{server.base}suche/?{query}")
    status = page.locator(".ra-search__status")
    expect(status).not_to_be_empty()


def titles(page: Page) -> list[str]:
    return page.locator(".ra-hit__title a").all_inner_texts()


def status(page: Page) -> str:
    return page.locator(".ra-search__status").inner_text()


def test_a_query_finds_the_resolution_with_metadata_and_a_highlighted_excerpt(
    page: Page, root_server: Server
) -> None:
    search(page, root_server, "q=Homeoffice")
    assert status(page) == "3 Treffer für „Homeoffice“"
    hit = page.locator(".ra-hit", has_text="Regelung zum Homeoffice in der Verwaltung")
    expect(hit.locator(".ra-hit__committee")).to_have_text("Hauptausschuss")
    expect(hit.locator("time")).to_have_text("17.04.2020")
    expect(hit.locator("time")).to_have_attribute("datetime", "2020-04-17")
    expect(hit.locator(".ra-badge")).to_have_text("beschlossen")
    expect(hit.locator(".ra-hit__excerpt mark").first).to_have_text("Homeoffice")
    link = hit.locator(".ra-hit__title a")
    expect(link).to_have_attribute("href", "/beschluss/ha-2020-017/")
    link.click()
    expect(page.locator("h1")).to_have_text("Regelung zum Homeoffice in der Verwaltung")


def test_a_stemmed_form_finds_the_resolution(page: Page, root_server: Server) -> None:
    search(page, root_server, "q=Regelungen")
    assert titles(page) == ["Regelung zum Homeoffice in der Verwaltung"]


def test_a_compound_part_finds_the_compound(page: Page, root_server: Server) -> None:
    search(page, root_server, "q=Satzung")
    assert "Haushaltssatzung 2021" in titles(page)


def test_a_reference_number_is_found_as_typed(page: Page, root_server: Server) -> None:
    search(page, root_server, "q=2020%2F0123")
    assert titles(page)[0] == "Haushaltssatzung 2021"


def test_no_hits_says_so_and_leaves_no_empty_list(page: Page, root_server: Server) -> None:
    search(page, root_server, "q=Quastenflosser")
    assert status(page).startswith("Keine Treffer für „Quastenflosser“")
    assert page.locator(".ra-search ol, .ra-search ul").count() == 0


def test_a_committee_filter_narrows_the_count_and_goes_into_the_url(
    page: Page, root_server: Server
) -> None:
    search(page, root_server, "q=Homeoffice")
    assert len(titles(page)) == 3
    page.get_by_label("Gremium").select_option("Hauptausschuss")
    expect(page.locator(".ra-search__status")).to_have_text("2 Treffer für „Homeoffice“")
    expect(page.locator(".ra-hit__committee")).to_have_text(["Hauptausschuss"] * 2)
    assert parse_qs(urlsplit(page.url).query) == {
        "q": ["Homeoffice"],
        "gremium": ["Hauptausschuss"],
    }


def test_date_sort_orders_results_by_date(page: Page, root_server: Server) -> None:
    search(page, root_server, "q=Homeoffice&sort=neu")
    newest_first = page.locator(".ra-hit time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert newest_first == ["2022-06-01", "2020-04-17", "2019-05-09"]
    page.get_by_label("Sortierung").select_option(label="älteste zuerst")
    expect(page.locator(".ra-hit time").first).to_have_attribute("datetime", "2019-05-09")
    oldest_first = page.locator(".ra-hit time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert oldest_first == sorted(newest_first)


def test_the_url_round_trips_query_filters_and_sort(page: Page, root_server: Server) -> None:
    committee = "Ausschuss für Schule, Sport und Kultur"
    search(
        page,
        root_server,
        "q=homeoffice&gremium=Ausschuss+f%C3%BCr+Schule%2C+Sport+und+Kultur&jahr=2022&sort=alt",
    )
    expect(page.get_by_label("Suchbegriff")).to_have_value("homeoffice")
    expect(page.get_by_label("Gremium")).to_have_value(committee)
    expect(page.get_by_label("Jahr")).to_have_value("2022")
    expect(page.get_by_label("Sortierung")).to_have_value("alt")
    assert titles(page) == ["Ausstattung der Lehrkräfte für Homeoffice"]
    # Typing a new query keeps the filters and rewrites the URL for sharing.
    page.get_by_label("Gremium").select_option("")
    page.get_by_label("Suchbegriff").fill("Satzung")
    page.get_by_label("Suchbegriff").press("Enter")
    expect(page).to_have_url(f"{root_server.base}suche/?q=Satzung&jahr=2022&sort=alt")
    expect(page.locator(".ra-search__status")).to_contain_text("Keine Treffer")
    page.reload()
    expect(page.get_by_label("Suchbegriff")).to_have_value("Satzung")
    expect(page.get_by_label("Jahr")).to_have_value("2022")


def test_filters_alone_list_the_committees_resolutions(page: Page, root_server: Server) -> None:
    search(page, root_server, "gremium=Hauptausschuss&sort=neu")
    assert titles(page) == [
        "Änderung der Satzung über die Friedhofsgebühren",
        "Regelung zum Homeoffice in der Verwaltung",
        "Pilotprojekt Homeoffice im Bürgeramt",
    ]
    expect(page.locator(".ra-badge").first).to_have_text("abgelehnt")


def test_the_search_works_by_keyboard(page: Page, root_server: Server) -> None:
    page.goto(f"{root_server.base}suche/")
    expect(page.locator(".ra-search__nojs")).to_be_hidden()
    page.get_by_label("Suchbegriff").focus()
    page.keyboard.type("Haushalt")
    page.keyboard.press("Enter")
    expect(page.locator(".ra-search__status")).to_have_text("1 Treffer für „Haushalt“")
    page.keyboard.press("Tab")  # the submit button
    page.keyboard.press("Tab")  # the first filter
    assert page.evaluate("document.activeElement.id") == "ra-filter-gremium"


def test_the_search_works_under_a_subpath(page: Page, subpath_server: Server) -> None:
    search(page, subpath_server, "q=Homeoffice&gremium=Hauptausschuss")
    assert status(page) == "2 Treffer für „Homeoffice“"
    link = page.get_by_role("link", name="Regelung zum Homeoffice in der Verwaltung")
    expect(link).to_have_attribute("href", f"{SUBPATH}beschluss/ha-2020-017/")
    link.click()
    expect(page.locator("h1")).to_have_text("Regelung zum Homeoffice in der Verwaltung")


def test_the_search_works_under_a_strict_csp(page: Page, csp_server: Server) -> None:
    response = page.goto(f"{csp_server.base}suche/?q=Satzung")
    assert response is not None
    assert response.headers["content-security-policy"] == CSP
    expect(page.locator(".ra-search__status")).not_to_be_empty()
    assert "Haushaltssatzung 2021" in titles(page)


def test_without_javascript_the_page_says_why(browser: Browser, root_server: Server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{root_server.base}suche/")
    expect(page.locator(".ra-search__nojs")).to_contain_text("braucht JavaScript")
    context.close()
