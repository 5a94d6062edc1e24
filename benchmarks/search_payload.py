"""How much a reader's browser loads for one search on a built site.

Serves a built ``site/`` on localhost, opens the search page in headless Chromium with a
one-word query, waits until the first results are shown, and adds up the bytes of every
request under ``pagefind/`` made until then (the Pagefind script, its WebAssembly, the
index chunks and the result fragments), and the vocabulary and synonym files
(``suche/synonyme/``) if the query made the search page load them (a word with few hits).

    python benchmarks/search_payload.py SITE_DIR [--query haushalt]
"""

from __future__ import annotations

import argparse
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
VERBOSE = False
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class declares a plain dict
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


VOCABULARY = "/suche/wortschatz.txt"
SYNONYMS = "/suche/synonyme/"
"""The synonym map's files (``search.synonym_map``): a word with few hits loads its own."""
LIBRARY = ("pagefind.js", "pagefind-worker.js", "wasm.")
"""The search program itself (the same for every archive), as opposed to index and fragments."""


def measure(site: Path, query: str) -> tuple[int, int, int, int]:
    """(all bytes under pagefind/, bytes of index and fragments alone, requests, results)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    loaded: list[tuple[str, int]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()

            def count(response: Any) -> None:
                # The vocabulary and the synonym files count too: the search page loads
                # them for a word with few or no hits.
                url = response.url
                if "/pagefind/" in url or url.endswith(VOCABULARY) or SYNONYMS in url:
                    # The server sends Content-Length; reading bodies would race the close.
                    size = int(response.headers.get("content-length", "0"))
                    name = response.url.split("/pagefind/")[-1].rsplit("/suche/", 1)[-1]
                    loaded.append((name, size))
                    if VERBOSE:
                        print(f"{size:>8} {name}")

            page.on("response", count)
            page.goto(f"http://127.0.0.1:{server.server_port}/suche/?q={query}")
            page.locator(".ra-hit").first.wait_for(timeout=60_000)
            shown = page.locator(".ra-hit").count()
            browser.close()
    finally:
        server.shutdown()
    total = sum(size for _, size in loaded)
    index = sum(size for name, size in loaded if not name.startswith(LIBRARY))
    return total, index, len(loaded), shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", default="haushalt")
    parser.add_argument("--verbose", action="store_true", help="jede Datei mit Größe zeigen")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    total, index, requests, shown = measure(args.site, args.query)
    print(
        f"Suche nach „{args.query}“: {total / 1024:.0f} KiB in {requests} Anfragen an "
        f"pagefind/ und suche/ bis zu den ersten {shown} Treffern, davon "
        f"{index / 1024:.0f} KiB Index, Fragmente und Synonyme (ohne Pagefinds Skripte "
        "und WebAssembly)"
    )


if __name__ == "__main__":
    main()
