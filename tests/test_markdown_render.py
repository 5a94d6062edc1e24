"""The Markdown renderer frees what cmark allocates but renders exactly what cmarkgfm does."""

from __future__ import annotations

import cmarkgfm
import pytest

from generator.rendering.markdown_render import _OPTIONS, _node_free, _to_html

TEXTS = (
    "",
    "Der Rat beschließt den „Haushalt“ -- mit *Änderungen* und [Plan](https://x.de).",
    "| Jahr | Betrag |\n|---|--:|\n| 2024 | 1.000 € |\n\n~~alt~~ neu, siehe www.example.org",
    "- [ ] offen\n- [x] erledigt\n\n```python\nprint(1)\n```\n\n<script>alert(1)</script>",
    "# Titel\n\n> Zitat\n\n1. eins\n2. zwei\n\nFußnote<br>Zeile",
)


@pytest.mark.parametrize("text", TEXTS)
def test_rendering_matches_cmarkgfm(text: str) -> None:
    assert _node_free() is not None  # else the fallback (cmarkgfm itself) would be tested
    assert _to_html(text) == cmarkgfm.github_flavored_markdown_to_html(text, options=_OPTIONS)
