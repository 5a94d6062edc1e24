"""The statistics page's numbers equal counts taken straight from the content files."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.outputs.context import OutputContext
from generator.outputs.statistics import statistics_page


class _Tables(HTMLParser):
    """Collects every table by id as rows of cell texts; notes SVG accessibility."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.svgs: list[dict[str, str | None]] = []
        self._table: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = dict(attrs)["id"]
            assert self._table is not None
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []
        elif tag == "svg":
            self.svgs.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._table:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _front_matter(root: Path) -> list[dict[str, Any]]:
    """Every resolution's front matter, read with plain YAML — not through the generator."""
    result = []
    for path in sorted((root / "resolutions").rglob("*.md")):
        text = path.read_text("utf-8")
        result.append(yaml.safe_load(text.split("---\n")[1]))
    return result


def _page(catalog: Catalog, context: OutputContext) -> _Tables:
    (generated,) = statistics_page(catalog, context)
    assert generated.path == "statistik/index.md"
    assert generated.content is not None
    parser = _Tables()
    parser.feed(generated.content.decode("utf-8"))
    return parser


def _content_root(catalog: Catalog) -> Path:
    path = next(iter(catalog.by_id.values())).path
    parts = path.parts
    return Path(*parts[: len(parts) - 1 - parts[::-1].index("resolutions")])


def _number(cell: str) -> int:
    return int(cell.replace(".", ""))


def test_counts_per_year_and_committee_match_the_content(
    catalog: Catalog, context: OutputContext
) -> None:
    files = _front_matter(_content_root(catalog))
    page = _page(catalog, context)
    per_year = Counter(str(f["date"].year) for f in files)
    rows = page.tables["jahre-tabelle"][1:]
    assert {row[0]: _number(row[1]) for row in rows[:-1]} == per_year
    assert rows[-1] == ["Summe", str(len(files))]
    per_committee = Counter(f["committee"] for f in files)
    names = {c.name: c.id for c in catalog.archive.committees}
    rows = page.tables["gremien-tabelle"][1:-1]
    assert {names[row[0]]: _number(row[1]) for row in rows if _number(row[1])} == per_committee
    matrix = page.tables["jahr-gremium-tabelle"]
    short = {c.short_name: c.id for c in catalog.archive.committees}
    header = matrix[0]
    for row in matrix[1:-1]:
        for column, cell in zip(header[1:-1], row[1:-1], strict=True):
            expected = sum(
                1
                for f in files
                if str(f["date"].year) == row[0] and f["committee"] == short[column]
            )
            assert _number(cell) == expected


def _unanimous(vote: object) -> bool:
    votes = vote if isinstance(vote, list) else [vote]
    return all(isinstance(v, dict) and v.get("unanimous") is True for v in votes)


def test_unanimous_share_matches_the_content(catalog: Catalog, context: OutputContext) -> None:
    files = _front_matter(_content_root(catalog))
    voted = [f for f in files if f.get("vote")]
    unanimous = [f for f in voted if _unanimous(f["vote"])]
    total = _page(catalog, context).tables["einstimmig-tabelle"][-1]
    assert total[:3] == ["Gesamt", str(len(voted)), str(len(unanimous))]
    share = f"{100 * len(unanimous) / len(voted):.1f} %".replace(".", ",")
    assert total[3] == share


def test_results_by_kind_match_the_content(catalog: Catalog, context: OutputContext) -> None:
    files = _front_matter(_content_root(catalog))
    expected = Counter((f["kind"], f["result"]) for f in files)
    table = _page(catalog, context).tables["art-ergebnis-tabelle"]
    kinds = {label: kind.value for kind, label in labels.KIND.items()}
    results = {label: result.value for result, label in labels.RESULT.items()}
    found = Counter()
    for row in table[1:-1]:
        for column, cell in zip(table[0][1:-1], row[1:-1], strict=True):
            if _number(cell):
                found[(kinds[row[0]], results[column])] = _number(cell)
    assert found == expected


def test_charts_are_accessible_images(catalog: Catalog, context: OutputContext) -> None:
    page = _page(catalog, context)
    # Two more (state, open per office) where the archive has mandates.
    assert len(page.svgs) == 4 + (2 if any(r.mandates for r in catalog.resolutions) else 0)
    for svg in page.svgs:
        assert svg["role"] == "img"
        labelled = (svg["aria-labelledby"] or "").split()
        assert [label.rsplit("-", 1)[1] for label in labelled] == ["title", "desc"]
    (generated,) = statistics_page(catalog, context)
    assert b"<script" not in (generated.content or b"")
    assert b"http" not in (generated.content or b"").replace(b"http://www.w3.org/2000/svg", b"")
    assert urls.markdown_file(urls.STATISTICS) == generated.path
