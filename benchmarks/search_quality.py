"""How well the search finds what people type: recall@5, success@5 and MRR per kind of query.

Runs every query of ``benchmarks/search_queries.yml`` twice against the same built site in
headless Chromium: once through the search page as a reader uses it (synonyms, typos,
reference numbers, compounds; ``ratsarchiv-query.js``), and once as plain Pagefind over the
same bundles (``pagefind.search(query)``, the vocabulary records filtered out, nothing
else). Without ``--site`` it first builds the demo archive from ``content/``.

    python benchmarks/search_quality.py [--site SITE_DIR] [--queries FILE ...] [--misses]

Without ``--queries`` all four sets run: ``search_queries.yml``, the independently written
``search_queries_independent.yml`` (since used for tuning), the holdout
``search_queries_holdout.yml`` (written later; its misses have since been looked at) and the
second holdout ``search_queries_holdout2.yml`` (written after that, by a session that saw
neither the synonym data nor the search code: the honest figure for changes made after it).
The third holdout ``search_queries_holdout3.yml`` (written the same way after the second had
been measured) runs only when named: ``--queries benchmarks/search_queries_holdout3.yml``;
so does the fourth, ``search_queries_holdout4.yml`` (written the same way, before the
changes of issue 23's session "search7"; see its header), and the fifth,
``search_queries_holdout5.yml`` (written the same way before the session "search8").

The precision set ``search_queries_negative.yml`` (``--queries``) holds words of other
topics than a council's, which no resolution of the demo archive answers (``expected: []``):
for them every figure is 1 where the first five hits are empty, else 0, so that recall
bought with loose hits shows.

recall@5: the share of a query's expected resolutions among the first five hits;
success@5: whether at least one is; MRR: the mean of 1 / rank of the first expected hit
(0 when none is in the first 20). Not part of the tests' pass or fail.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from playwright.sync_api import Page, expect, sync_playwright

REPOSITORY = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "search_queries.yml"
INDEPENDENT = Path(__file__).resolve().parent / "search_queries_independent.yml"
"""Written from the demo texts without looking at synonyms.yml (issue 23): see its header."""
HOLDOUT = Path(__file__).resolve().parent / "search_queries_holdout.yml"
"""Written after the tuning on ``INDEPENDENT``, before the changes it measures: its header."""
HOLDOUT2 = Path(__file__).resolve().parent / "search_queries_holdout2.yml"
"""Written blind to the synonym data and search code: the honest figure for later changes."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
TOP = 5
DEEP = 20
SHARD_PAGES = 25
"""As in the browser tests: the demo archive in three shards, as a large archive would be."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Query:
    kind: str
    query: str
    expected: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    recall: float
    success: float
    reciprocal_rank: float


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(kind=item["kind"], query=str(item["query"]), expected=tuple(item["expected"]))
        for item in data["queries"]
    ]


def score(expected: Sequence[str], found: Sequence[str]) -> Scores:
    if not expected:  # a query nothing should answer: right only with no hit in the top five
        right = 0.0 if found[:TOP] else 1.0
        return Scores(recall=right, success=right, reciprocal_rank=right)
    top = set(found[:TOP])
    hits = [rank for rank, page in enumerate(found[:DEEP], start=1) if page in expected]
    return Scores(
        recall=sum(page in top for page in expected) / len(expected),
        success=1.0 if any(page in top for page in expected) else 0.0,
        reciprocal_rank=1 / hits[0] if hits else 0.0,
    )


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class declares a plain dict
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def _resolution_id(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


def search_page_hits(page: Page, base: str, query: str) -> list[str]:
    """The ids the search page shows for ``query``, in order (typed into the open page)."""
    status = page.locator(".ra-search__status")
    if not page.url.startswith(f"{base}suche/"):
        page.goto(f"{base}suche/?q={quote(query)}")
    else:
        page.get_by_label("Suchbegriff").fill(query)
        page.get_by_label("Suchbegriff").press("Enter")
    expect(status).to_contain_text(f"für „{query}“", timeout=30_000)
    if not status.inner_text()[0].isdigit():
        return []
    count = int(status.inner_text().split(" ", 1)[0].replace(".", ""))
    expect(page.locator(".ra-hit")).to_have_count(min(count, DEEP), timeout=30_000)
    hrefs = page.locator(".ra-hit__title a").evaluate_all("as => as.map(a => a.pathname)")
    return [_resolution_id(href) for href in hrefs]


PLAIN = """async ([query, deep]) => {
  const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
  const search = await pagefind.search(query, { filters: { not: { Wortschatz: "ja" } } });
  const data = await Promise.all(search.results.slice(0, deep).map((r) => r.data()));
  return data.map((d) => d.url);
}"""


def plain_pagefind_hits(page: Page, base: str, query: str) -> list[str]:
    """The ids plain Pagefind ranks first for ``query`` over the same (merged) bundles."""
    if not page.url.startswith(f"{base}suche/"):
        page.goto(f"{base}suche/")
        page.wait_for_selector(".ra-search--ready", state="attached", timeout=30_000)
    urls: list[str] = page.evaluate(PLAIN, [query, DEEP])
    return [_resolution_id(url) for url in urls]


def evaluate(
    site: Path, queries: Sequence[Query], show_misses: bool
) -> dict[str, dict[str, list[Scores]]]:
    """{system: {kind: [scores per query]}}."""
    results: dict[str, dict[str, list[Scores]]] = {"ours": defaultdict(list)}
    results["plain"] = defaultdict(list)
    systems: dict[str, Callable[[Page, str, str], list[str]]] = {
        "ours": search_page_hits,
        "plain": plain_pagefind_hits,
    }
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for system, hits_of in systems.items():
            page = browser.new_page()
            for query in queries:
                found = hits_of(page, base, query.query)
                scores = score(query.expected, found)
                results[system][query.kind].append(scores)
                if (
                    show_misses
                    and system == "ours"
                    and min(scores.reciprocal_rank, scores.recall) < 1
                ):
                    print(
                        f"  nicht zuerst [{query.kind}] {query.query!r}: erwartet "
                        f"{', '.join(_ranked(query.expected, found))}; "
                        f"erste fünf {', '.join(found[:TOP])}",
                        file=sys.stderr,
                    )
            page.close()
        browser.close()
    return results


def _ranked(expected: Sequence[str], found: Sequence[str]) -> list[str]:
    """Each expected id with its rank among the first ``DEEP`` hits ("a (Rang 7)", "b (–)"):
    whether a miss is near (ranking) or not found at all (no way there)."""
    return [
        f"{page} (Rang {found.index(page) + 1})" if page in found else f"{page} (–)"
        for page in expected
    ]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def report(results: dict[str, dict[str, list[Scores]]]) -> str:
    kinds = list(results["ours"])
    lines = [
        "| Art der Anfrage | Anfragen | recall@5 | success@5 | MRR | "
        "Pagefind pur recall@5 | success@5 | MRR |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in [*kinds, "gesamt"]:
        row = [kind]
        for system in ("ours", "plain"):
            scores = (
                [s for k in kinds for s in results[system][k]]
                if kind == "gesamt"
                else results[system][kind]
            )
            if system == "ours":
                row.append(str(len(scores)))
            row += [
                f"{_mean([s.recall for s in scores]):.2f}",
                f"{_mean([s.success for s in scores]):.2f}",
                f"{_mean([s.reciprocal_rank for s in scores]):.2f}",
            ]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def build_demo(target: Path) -> Path:
    sys.path.insert(0, str(REPOSITORY))
    from generator.build import BuildOptions, build

    site = target / "site"
    build(
        BuildOptions(
            content_root=REPOSITORY / "content",
            base_config=REPOSITORY / "mkdocs.yml",
            build_dir=target / ".build",
            site_dir=site,
            search_shard_pages=SHARD_PAGES,
        )
    )
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="eine gebaute Website (sonst: Demo bauen)")
    parser.add_argument(
        "--queries",
        type=Path,
        action="append",
        help="Anfragen-Datei (mehrfach möglich; Standard: alle vier Sätze)",
    )
    parser.add_argument(
        "--misses", action="store_true", help="Anfragen ohne Erwartetes an erster Stelle zeigen"
    )
    args = parser.parse_args()
    files = args.queries or [QUERIES, INDEPENDENT, HOLDOUT, HOLDOUT2]
    with tempfile.TemporaryDirectory(prefix="ratsarchiv-quality-") as work:
        site = args.site or build_demo(Path(work))
        for number, path in enumerate(files):
            if len(files) > 1:
                print(("\n" if number else "") + f"{path.name}:\n")
            print(report(evaluate(site, load_queries(path), args.misses)))


if __name__ == "__main__":
    main()
