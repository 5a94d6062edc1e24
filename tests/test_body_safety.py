"""Hostile Markdown is refused by check with the line and a reason (issue: trust)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.reading.body_safety import check_body

P = Path("content/x.md")


def messages(body: str) -> list[str]:
    return [problem.format() for problem in check_body(body, P, first_line=20)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Text\n<script>alert(1)</script>\n",
            "content/x.md:21:1: error: das HTML-Element <script> ist nicht erlaubt; schreiben "
            "Sie Markdown (erlaubt sind nur <abbr>, <br>, <del>, <ins>, <kbd>, <mark>, <s>, "
            "<sub>, <sup>, <u>)",
        ),
        ("<iframe src=x>", "content/x.md:20:1: error: das HTML-Element <iframe> ist nicht"),
        ("a <object data=x>", "content/x.md:20:3: error: das HTML-Element <object> ist nicht"),
        ("<style>p{}</style>", "content/x.md:20:1: error: das HTML-Element <style> ist nicht"),
        (
            'Hallo <abbr title="x" onmouseover="alert(1)">GO</abbr>',
            "content/x.md:20:7: error: HTML-Attribute wie onclick= (Skripte) sind nicht erlaubt",
        ),
        (
            "[klick](javascript:alert(1))",
            "content/x.md:20:9: error: Links mit 'javascript:' sind nicht erlaubt; erlaubt "
            "sind https://, http://, mailto: und tel:",
        ),
        ("[klick]( JaVaScRiPt:alert(1))", "content/x.md:20:10: error: Links mit 'javascript:'"),
        ("[klick](java&#09;script:alert(1))", "content/x.md:20:9: error: Links mit 'javascript:'"),
        (
            "![bild](data:image/svg+xml;base64,PHN2Zz4=)",
            "content/x.md:20:9: error: Links mit 'data:'",
        ),
        ("[x]: vbscript:msgbox\n\n[y][x]", "content/x.md:20:6: error: Links mit 'vbscript:'"),
        ("<javascript:alert(1)>", "content/x.md:20:2: error: Links mit 'javascript:'"),
    ],
)
def test_hostile_markdown_is_refused(body: str, expected: str) -> None:
    found = messages(body)
    assert len(found) == 1, found
    assert found[0].startswith(expected)


@pytest.mark.parametrize(
    "body",
    [
        "1. Punkt eins\n2. Punkt zwei",
        "[Satzung](https://musterstadt.example/satzung.pdf) und <https://example.org>",
        "Fragen an <ratsbuero@musterstadt.example> oder [Telefon](tel:+4999991230)",
        'Zeile<br>Umbruch, H<sub>2</sub>O, <abbr title="Gemeindeordnung">GO</abbr> NRW',
        "Im Code: `<script>` ist nur Text\n\n```\n<iframe>\n```",
        "<!-- Notiz der Redaktion -->\nText",
        "[Anlage](anlage.pdf), [oben](#beratung), a < b und c > d",
    ],
)
def test_ordinary_markdown_passes(body: str) -> None:
    found = [
        p.format()
        for p in check_body(body, P, first_line=20, attachment_names=frozenset({"anlage.pdf"}))
    ]
    assert found == []


def test_relative_links_must_name_an_attachment() -> None:
    assert messages("Siehe [Plan](../2020/plan.md) und [Anlage](anlage.pdf).") == [
        "content/x.md:20:14: error: der Link '../2020/plan.md' führt ins Leere: im Text sind "
        "nur vollständige Adressen (https://…), Anker (#…) und die eigenen Anlagen des "
        "Beschlusses möglich; Bezüge zu anderen Beschlüssen gehören in 'relations'",
        "content/x.md:20:44: error: der Link 'anlage.pdf' führt ins Leere: im Text sind "
        "nur vollständige Adressen (https://…), Anker (#…) und die eigenen Anlagen des "
        "Beschlusses möglich; Bezüge zu anderen Beschlüssen gehören in 'relations'",
    ]
