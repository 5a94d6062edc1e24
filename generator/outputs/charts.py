"""Static, accessible SVG bar charts, rendered at build time: no script, no external request.

Each chart is a ``<figure>`` with an SVG (``role="img"``, named by its ``<title>`` and
described by its ``<desc>``) followed by the same numbers as a data table. Bars have one
colour; every bar carries its value as text, so nothing is said by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

BAR_COLOUR = "#1d4f91"
"""Dark blue: 8.3:1 against the white chart background (WCAG 1.4.11 asks 3:1)."""
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#767676"

WIDTH = 360
"""Narrow on purpose: the SVG scales to the column, and text scales with it. At 720 units
a phone (288 px of column) showed 6 px labels; at 360 it shows 12.8 px, and the stylesheet
caps the chart at a width where the labels stay near the body text's size."""
FONT_SIZE = 16
VALUE_WIDTH = 64
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
ROW_GAP = 10
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
PADDING = 10
LABEL_LIMIT = 38
"""Characters of a label that fit the width at ``FONT_SIZE``; the table has the rest."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Bar:
    label: str
    value: float
    text: str
    """The value as a reader sees it: ``12`` or ``83,3 %``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    """The first cell of a row is its row header."""
    footer: tuple[str, ...] | None = None


def bar_chart(
    chart_id: str, title: str, description: str, bars: Sequence[Bar], maximum: float | None = None
) -> str:
    """``maximum`` fixes the full bar length (1.0 for shares); else the largest value.

    Each bar has its label above it, not beside it: the whole width is left for the bar,
    and long names need no room of their own, which keeps the chart narrow enough to be
    legible on a phone.
    """
    height = PADDING * 2 + ROW_HEIGHT * max(len(bars), 1) - ROW_GAP
    scale_width = WIDTH - VALUE_WIDTH - PADDING * 2
    largest = maximum or max((bar.value for bar in bars), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'class="ratsarchiv-chart" font-family="sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<line x1="{PADDING}" y1="{PADDING}" x2="{PADDING}" '
        f'y2="{height - PADDING}" stroke="{GRID_COLOUR}" stroke-width="1"/>',
    ]
    for index, bar in enumerate(bars):
        top = PADDING + index * ROW_HEIGHT
        bar_top = top + LABEL_HEIGHT
        length = round(scale_width * bar.value / largest, 1)
        parts += [
            f'<text x="{PADDING + 4}" y="{top + LABEL_HEIGHT - 5}" '
            f'fill="{TEXT_COLOUR}">{escape(_short(bar.label))}</text>',
            f'<rect x="{PADDING}" y="{bar_top}" '
            f'width="{length}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>',
            f'<text x="{PADDING + length + 6}" y="{bar_top + BAR_HEIGHT / 2}" '
            f'dominant-baseline="middle" fill="{TEXT_COLOUR}">{escape(bar.text)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def figure(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    table: Table,
    maximum: float | None = None,
) -> str:
    """Chart and table in one figure; no blank line inside, so Markdown leaves it alone.

    No figcaption: the section's heading names the chart already (the SVG's title names it
    for screen readers, the table's caption names the table).
    """
    return "\n".join(
        [
            f'<figure class="ratsarchiv-figure" id="{chart_id}">',
            bar_chart(chart_id, title, description, bars, maximum),
            data_table(f"{chart_id}-tabelle", table),
            "</figure>",
        ]
    )


def data_table(table_id: str, table: Table) -> str:
    lines = [f'<table id="{table_id}">', f"<caption>{escape(table.caption)}</caption>"]
    lines.append(
        "<thead><tr>"
        + "".join(f'<th scope="col">{escape(cell)}</th>' for cell in table.header)
        + "</tr></thead>"
    )
    lines.append("<tbody>")
    lines += [_row(row) for row in table.rows]
    lines.append("</tbody>")
    if table.footer is not None:
        lines.append(f"<tfoot>{_row(table.footer)}</tfoot>")
    lines.append("</table>")
    return "\n".join(lines)


def _row(row: Sequence[str]) -> str:
    head, *cells = row
    return (
        f'<tr><th scope="row">{escape(head)}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
        + "</tr>"
    )


def _short(label: str, limit: int = LABEL_LIMIT) -> str:
    # Long committee names would run into the bars; the table beside has them in full.
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
