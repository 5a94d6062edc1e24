"""Shared browser fixtures: the demo archive built once, served on localhost, seen by Chromium.

Registered as a pytest plugin in ``tests/conftest.py``, so the search tests, the
accessibility tests and the CSP tests share one build per session and one browser.

Every page opened through ``page`` or ``open_page`` is watched: a console error, a request
to another host or a ``securitypolicyviolation`` event fails the test that opened it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from generator.archive.catalog import Catalog
from generator.build import BuildOptions, build
from generator.reading.loading import load_archive

REPOSITORY = Path(__file__).resolve().parent.parent
DEMO_CONTENT = REPOSITORY / "content"

CHROMIUM = Path("/usr/bin/chromium")
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
SHARD_PAGES = 20
"""The demo archive's search index in three bundles (2022–2023, 2021, 2020), so that every
browser test runs against merged shards as a large archive has them."""
HOST = "127.0.0.1"
PATIENCE_MS = 90_000
"""How long a browser test waits for a condition (a page to load, search results to show)
before it fails. Playwright's defaults (5 s for ``expect``, 30 s for navigation) fail on a
busy machine, where loading Pagefind's WebAssembly alone can take longer; a generous
limit costs nothing when the condition comes early, so a red run means a defect."""
expect.set_options(timeout=PATIENCE_MS)

# Reports every violation to Python at once: a listener array in the page would be lost on
# each navigation. Playwright's init scripts are exempt from the page's CSP.
_REPORT_CSP = (
    "document.addEventListener('securitypolicyviolation', e => window.__raCspViolation("
    "e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':'"
    " + e.lineNumber));"
)


@dataclass(frozen=True, slots=True)
class Server:
    base: str
    """The site root's URL, ending in ``/``."""

    def url(self, path: str = "") -> str:
        return self.base + path


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


def _serve(directory: Path, path: str, csp: str | None = None) -> Iterator[Server]:
    server = ThreadingHTTPServer((HOST, 0), _handler(directory, csp))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(base=f"http://{HOST}:{server.server_port}{path}")
    finally:
        server.shutdown()
        server.server_close()


def _build_demo(base: Path, site_dir: Path, site_url: str) -> Path:
    build(
        BuildOptions(
            content_root=DEMO_CONTENT,
            base_config=REPOSITORY / "mkdocs.yml",
            build_dir=base / ".build",
            site_dir=site_dir,
            site_url=site_url,
            search_shard_pages=SHARD_PAGES,
        )
    )
    return site_dir


@pytest.fixture(scope="session")
def demo_catalog() -> Catalog:
    """The demo archive as the generator reads it: expectations are computed from it."""
    catalog, problems = load_archive(DEMO_CONTENT)
    assert catalog is not None, problems
    return catalog


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo archive, built once per session with the real ``ratsarchiv build``."""
    base = tmp_path_factory.mktemp("demo")
    return _build_demo(base, base / "site", f"http://{HOST}/")


@pytest.fixture(scope="session")
def demo_subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo archive built for ``/archiv/``; it lies in ``<tmp>/archiv`` to be served there."""
    base = tmp_path_factory.mktemp("demo-subpath")
    return _build_demo(base, base / SUBPATH.strip("/"), f"http://{HOST}{SUBPATH}")


@pytest.fixture(scope="session")
def root_server(demo_site: Path) -> Iterator[Server]:
    yield from _serve(demo_site, "/")


@pytest.fixture(scope="session")
def subpath_server(demo_subpath_site: Path) -> Iterator[Server]:
    yield from _serve(demo_subpath_site.parent, SUBPATH)


@pytest.fixture(scope="session")
def csp_server(demo_site: Path) -> Iterator[Server]:
    yield from _serve(demo_site, "/", csp=CSP)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium fehlt ({CHROMIUM}): bitte `apt-get install chromium` ausführen. / "
            f"Chromium is missing ({CHROMIUM}): run `apt-get install chromium`. "
            "Browser tests are never skipped.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=PATIENCE_MS
        )
        yield browser
        browser.close()


@dataclass
class Watch:
    """What the pages of one test did wrong; asserted empty when the test ends.

    No ``slots``: Playwright caches a wrapper as an attribute on a bound method's instance.
    """

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.expose_function("__raCspViolation", self._csp_violation)
        context.add_init_script(_REPORT_CSP)
        context.on("request", self._check_host)

    def attach_page(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _csp_violation(self, description: str) -> None:
        self.csp.append(description)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url', '')})")

    def _check_host(self, request: Any) -> None:
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob") and url.hostname != HOST:
            self.foreign.append(request.url)

    def check(self) -> None:
        assert self.errors == [], "Konsolenfehler / console errors"
        assert self.foreign == [], "Anfragen an andere Hosts / requests to other hosts"
        assert self.csp == [], "CSP-Verstöße / CSP violations"


OpenPage = Callable[..., Page]


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """Opens watched pages; keyword arguments go to ``browser.new_context``."""
    watch = Watch()
    contexts: list[BrowserContext] = []

    def open_(**options: Any) -> Page:
        context = browser.new_context(locale="de-DE", **options)
        context.set_default_timeout(PATIENCE_MS)
        context.set_default_navigation_timeout(PATIENCE_MS)
        contexts.append(context)
        watch.attach(context)
        page = context.new_page()
        watch.attach_page(page)
        return page

    yield open_
    for context in contexts:
        context.close()
    watch.check()


@pytest.fixture
def page(open_page: OpenPage) -> Page:
    return open_page()
