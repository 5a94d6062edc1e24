"""The page shell loses its indentation and nothing a browser renders."""

from __future__ import annotations

from generator.pages.shell import compact


def test_line_breaks_with_indentation_become_one_line_break() -> None:
    html = '\n<nav>\n      \n    <a href="x">\n        Start\n      </a>  <b>x</b>\n</nav>\n'
    assert compact(html) == '<nav>\n<a href="x">\nStart\n</a>  <b>x</b>\n</nav>\n'


def test_preformatted_text_and_scripts_stay_as_they_are() -> None:
    kept = (
        "<pre>a\n\n    b</pre>\n  <textarea>\n  x\n</textarea>\n"
        "  <script>\n  let a = `x\n  y`;</script>"
    )
    assert compact(kept) == kept.replace("</pre>\n  ", "</pre>\n").replace(
        "</textarea>\n  ", "</textarea>\n"
    )
