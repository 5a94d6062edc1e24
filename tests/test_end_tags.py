"""Published pages leave out the end tags that the HTML parser supplies by itself."""

from __future__ import annotations

from html.parser import HTMLParser

from generator.rendering.end_tags import omit_end_tags


def test_end_tags_implied_by_the_next_tag_go() -> None:
    html = (
        '<ul class="ra-list"><li><a href="x">A</a></li><li>B</li></ul>'
        "<dl><dt>Gremium</dt><dd>Rat</dd><dt>Datum</dt><dd>1.1.</dd></dl>"
        "<table><thead><tr><th>F</th><th>Ja</th></tr></thead><tbody><tr><th>CDU</th>"
        "<td>4</td></tr><tr><th>SPD</th><td>3</td></tr></tbody></table>"
        "<select><option>a</option><option>b</option></select>"
        "<section><p>Eins</p><p>Zwei</p><ol><li>x</li></ol><p>Drei</p></section>"
    )
    assert omit_end_tags(html) == (
        '<ul class="ra-list"><li><a href="x">A</a><li>B</ul>'
        "<dl><dt>Gremium<dd>Rat<dt>Datum<dd>1.1.</dl>"
        "<table><thead><tr><th>F<th>Ja<tbody><tr><th>CDU"
        "<td>4<tr><th>SPD<td>3</table>"
        "<select><option>a<option>b</select>"
        "<section><p>Eins<p>Zwei<ol><li>x</ol><p>Drei</section>"
    )


def test_an_end_tag_before_text_white_space_or_an_inline_element_stays() -> None:
    kept = (
        "<ul><li>a</li>\n<li>b</li> </ul><p>x</p>Text<p>y</p><span>z</span>"
        '<p>in a link</p></a><div><p>q</p><a href="#">r</a></div>'
    )
    assert omit_end_tags(kept) == kept


def test_scripts_titles_text_areas_and_comments_are_left_as_they_are() -> None:
    raw = (
        "<title>a</li><li>b</title><script>let s = '</li><li>';</script>"
        "<textarea></p><p></textarea><!-- </td><td> --><style>/*</tr><tr>*/</style>"
    )
    assert omit_end_tags(raw + "<ul><li>1</li><li>2</li></ul>") == raw + "<ul><li>1<li>2</ul>"


class _Texts(HTMLParser):
    """The text of each ``li`` and ``td``, as a parser that closes them by the next tag
    reads them (Python's parser does not imply end tags; this one does, as HTML says)."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.open = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("li", "td", "th", "dd", "dt"):
            self.cells.append("")
            self.open = True
        elif tag in ("ul", "tr", "table", "dl"):
            self.open = False

    def handle_endtag(self, tag: str) -> None:
        if tag in ("li", "td", "th", "dd", "dt", "ul", "tr", "table", "dl"):
            self.open = False

    def handle_data(self, data: str) -> None:
        if self.open:
            self.cells[-1] += data


def test_every_cell_and_item_keeps_its_text() -> None:
    html = (
        "<ul><li>Ein <b>Punkt</b></li><li>Zwei</li></ul><dl><dt>A</dt><dd>B</dd></dl>"
        "<table><tr><th>x</th><td>1</td></tr><tr><td>2</td></tr></table>"
    )
    before, after = _Texts(), _Texts()
    before.feed(html)
    after.feed(omit_end_tags(html))
    assert before.cells == after.cells == ["Ein Punkt", "Zwei", "A", "B", "x", "1", "2"]


def test_a_document_leaves_out_the_head_tags_and_its_last_end_tags() -> None:
    page = (
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>T</title></head>'
        '<body dir="ltr"><header>Kopf</header><p>x</p><script src="a.js"></script>'
        "</body></html>\n"
    )
    assert omit_end_tags(page) == (
        '<!doctype html><html lang="de"><meta charset="utf-8"><title>T</title>'
        '<body dir="ltr"><header>Kopf</header><p>x</p><script src="a.js"></script>\n'
    )


def test_document_tags_stay_where_a_comment_or_text_follows() -> None:
    kept = "<html><head>\n<title>T</title></head> <body><p>x</p></body></html><!-- Ende -->"
    assert omit_end_tags(kept) == kept.replace("<p>x</p>", "<p>x")
