"""A saved SessionNet item page (``to0050.asp``) → its header fields and its body as text.

Old pages put the header in a table (``<td>Betreff:</td><td>…</td>``, or ``<th>`` labels),
current ones in ``<dl><dt>Betreff</dt><dd>…</dd></dl>``. The body keeps the page's
paragraphs as single empty lines and its blocks (divs, tables) as double ones, the layout
``sessionnet_body`` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from generator.importers.vote_text import normalise

HEADER_LABELS = ("gremium", "sitzung", "datum", "top", "vorlage", "betreff")
TEXT_LABELS = (
    *HEADER_LABELS,
    "nachtrag",
    "zusatz",
    "beschluss",
    "ergebnis",
    "abstimmung",
    "abstimmungsergebnis",
)
LABEL_LINE = re.compile(r"^\s*(?P<label>[A-Za-zÄÖÜäöü]+)\s*:\s*(?P<value>.*?)\s*$")
_KTONR = re.compile(r"__ktonr=(\d+)")


@dataclass(slots=True)
class Page:
    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""
    item_id: str | None = None


_PARAGRAPHS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote"}
_SECTIONS = {"div", "table", "section", "article", "hr"}
_SKIP = {"script", "style", "head", "title", "noscript", "nav", "form", "button", "select", "h1"}
"""Page chrome; the <h1> is the page's own heading ("Auszug - <Betreff>"), never text."""


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.buffers: list[list[str]] = [[]]
        self.header_tables: list[bool] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.fields: dict[str, str] = {}
        self.skip_depth = 0
        self.item_id: str | None = None
        self.row_heads: list[bool] = []
        """Per cell of the current row: whether it is a header cell (th)."""
        self.term = ""
        """The label of the current <dt>, lower case, for the <dd> that follows."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for _, value in attrs:
            found = _KTONR.search(value or "")
            if found and self.item_id is None and tag in ("link", "base", "meta"):
                self.item_id = found.group(1)
        attributes = dict(attrs)
        if tag == "input" and attributes.get("name") == "__ktonr" and attributes.get("value"):
            self.item_id = self.item_id or attributes["value"]
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if tag in ("table", "dl"):
            self.buffers.append([])
            self.header_tables.append(False)
        elif tag == "tr":
            self.row = []
            self.row_heads = []
        elif tag in ("td", "th"):
            self.cell = []
            self.row_heads.append(tag == "th")
        elif tag in ("dt", "dd"):
            self.cell = []
        if tag in ("br", "hr"):
            self.buffers[-1].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(normalise("".join(self.cell)))
            self.cell = None
            self.buffers[-1].append("\n")
        elif tag == "tr" and self.row is not None:
            if self._take_header_row(self.row, self.row_heads) and self.header_tables:
                self.header_tables[-1] = True
            self.row = None
        elif tag == "dt" and self.cell is not None:
            self.term = normalise("".join(self.cell)).rstrip(":").strip().lower()
            self.cell = None
        elif tag == "dd" and self.cell is not None:
            # Current SessionNet pages: <dl><dt>Betreff</dt><dd>…</dd></dl>
            value = normalise("".join(self.cell))
            if self.term in HEADER_LABELS and self.header_tables:
                if value:
                    self.fields.setdefault(self.term, value)
                self.header_tables[-1] = True
            self.cell, self.term = None, ""
        elif tag in ("table", "dl") and len(self.buffers) > 1:
            text = self.buffers.pop()
            if not self.header_tables.pop():
                self.buffers[-1].extend(text)
        if tag in _PARAGRAPHS:
            self.buffers[-1].append("\n\n")
        elif tag in _SECTIONS:
            self.buffers[-1].append("\n\n\n")
        elif tag == "tr":
            self.buffers[-1].append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.cell is not None:
            self.cell.append(data)
        self.buffers[-1].append(data.replace("\n", " "))

    def handle_comment(self, data: str) -> None:
        found = _KTONR.search(data)  # "<!-- saved from url=(…)…/to0050.asp?__ktonr=… -->"
        if found and self.item_id is None:
            self.item_id = found.group(1)

    def _take_header_row(self, cells: list[str], heads: list[bool]) -> bool:
        """Label and value cells: "Betreff:" in a td (older pages) or "Betreff" in a th."""
        taken = False
        for index, cell in enumerate(cells[:-1]):
            label = cell.rstrip(":").strip().lower()
            is_head = index < len(heads) and heads[index]
            if label in HEADER_LABELS and (cell.endswith(":") or is_head):
                value = cells[index + 1]
                if value and value.rstrip(":").strip().lower() not in HEADER_LABELS:
                    self.fields.setdefault(label, value)
                taken = True
        return taken


def from_html(text: str) -> Page:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    while len(parser.buffers) > 1:  # unclosed tables
        inner = parser.buffers.pop()
        parser.buffers[-1].extend(inner)
    body = "".join(parser.buffers[0])
    # Paragraphs become single blank lines, sections (two or more) double ones.
    body = "\n".join(line.strip(" \t") for line in body.split("\n"))
    body = re.sub(r"\n{4,}", "\n\n\n", body)
    lines = body.split("\n")
    for index, line in enumerate(lines):  # page headings before the first label are chrome
        match = LABEL_LINE.match(line)
        if match and match["label"].lower() in TEXT_LABELS:
            body = "\n".join(lines[index:])
            break
    return Page(fields=parser.fields, body=body, item_id=parser.item_id)
