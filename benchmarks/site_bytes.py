"""Where a built site's bytes go: one table row per byte class.

Usage: python benchmarks/site_bytes.py SITE [--json]

The classes follow what a reader or reuser gets (resolution pages, their JSON, OParl by
object type, list pages by kind, redirects, downloads, search index, theme assets, editor
area), so that a change in size can be said per class. For HTML pages the column "Hülle"
(shell) is the part outside the page's own content (``md-content__inner``): the theme's
head, header, navigation and footer that every page repeats.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

CONTENT_START = '<article class="md-content__inner'
REDIRECT_MARKS = (b'http-equiv="refresh"', b"http-equiv=refresh")
"""With or without quotes (stubs leave out the quotes HTML does not need)."""


@dataclass
class Row:
    files: int = 0
    size: int = 0
    shell: int = 0


def shell_bytes(html: bytes) -> int:
    """Bytes outside the page's own content; 0 where the page has no theme content box."""
    start = html.find(CONTENT_START.encode())
    if start < 0:
        return 0
    end = html.rfind(b"</article>")
    return start + (len(html) - end) if end > start else 0


def classify(rel: str, data: bytes) -> str:
    """The byte class of one site file, from its path (and, for HTML, its first bytes)."""
    parts = rel.split("/")
    top = parts[0]
    is_html = rel.endswith(".html")
    if is_html and any(mark in data[:600] for mark in REDIRECT_MARKS):
        return f"Weiterleitung {top}/"
    if top == "beschluss" and len(parts) >= 3:
        if parts[-1] == "index.html":
            return "Beschlussseite"
        if parts[-1].endswith(".json"):
            return "Beschluss-JSON"
        return "Beschluss-Anlage"
    if top == "oparl":
        if len(parts) == 2:
            return "OParl system"
        if parts[1] == "body" and len(parts) >= 5:
            return f"OParl Liste {parts[3]}"
        return f"OParl {parts[1]}"
    if top == "fraktion" and is_html:
        # fraktion/<slug>/<year>/<month>/index.html
        kinds = {2: "Übersicht", 3: "Fraktion", 4: "Fraktion-Jahr", 5: "Fraktion-Monat"}
        return f"Liste {kinds.get(len(parts), 'Fraktion')}"
    if top in {"gremium", "jahr", "thema", "sitzung", "vorlage"} and is_html:
        return f"Liste {top}/ (Tiefe {len(parts) - 1})"
    if top == "daten":
        return "Downloads daten/"
    if top == "pagefind":
        return "Suchindex pagefind/"
    if top == "assets":
        return "Theme assets/"
    if top == "redaktion":
        return "Redaktion redaktion/"
    if top in {"feeds", "kalender"}:
        return f"{top}/"
    if is_html:
        return "übrige Seiten"
    return "übrige Dateien"


def measure(site: Path) -> tuple[dict[str, Row], int]:
    rows: dict[str, Row] = defaultdict(Row)
    resolutions = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        name = classify(rel, data)
        row = rows[name]
        row.files += 1
        row.size += len(data)
        if rel.endswith(".html"):
            row.shell += shell_bytes(data)
        if name == "Beschlussseite":
            resolutions += 1
    return dict(rows), resolutions


def mib(n: int) -> str:
    return f"{n / 2**20:,.2f}"


def table(rows: dict[str, Row], resolutions: int) -> str:
    total = sum(row.size for row in rows.values())
    per = max(resolutions, 1)
    lines = [
        "| Klasse | Dateien | MiB | Anteil | KiB je Beschluss | davon Hülle KiB/B. |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in sorted(rows.items(), key=lambda item: -item[1].size):
        lines.append(
            f"| {name} | {row.files:,} | {mib(row.size)} | {row.size / total:.1%} | "
            f"{row.size / per / 1024:.2f} | {row.shell / per / 1024:.2f} |"
        )
    files = sum(row.files for row in rows.values())
    shell = sum(row.shell for row in rows.values())
    lines.append(
        f"| **gesamt** ({resolutions:,} Beschlüsse) | {files:,} | {mib(total)} | 100% | "
        f"**{total / per / 1024:.2f}** | {shell / per / 1024:.2f} |"
    )
    pages = rows.get("Beschlussseite")
    if pages and pages.files:
        lines.append("")
        lines.append(
            f"Beschlussseite im Mittel: {pages.size / pages.files / 1024:.2f} KiB, "
            f"davon Hülle {pages.shell / pages.files / 1024:.2f} KiB"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: kein Ordner", file=sys.stderr)
        return 2
    rows, resolutions = measure(args.site)
    if args.json:
        out = {name: vars(row) for name, row in rows.items()}
        print(json.dumps({"resolutions": resolutions, "classes": out}, indent=1))
    else:
        print(table(rows, resolutions))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
