"""Published pages leave out the quotes around attribute values that HTML does not need."""

from __future__ import annotations

from html.parser import HTMLParser

from generator.publish.stamping import HEAD_MARK, TITLE_MARK, Shell, shell_url
from generator.rendering.attribute_quotes import unquote_attributes
from generator.rendering.generated import PageFragment
from tests.markup import quoted


class _Elements(HTMLParser):
    """Every start tag with its attributes and every piece of text, as a browser reads
    them."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[object] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.read.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.read.append(data)


def _parsed(html: str) -> list[object]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.read


PAGE = (
    '<!doctype html><html lang="de"><head><meta charset="utf-8">'
    '<link rel="stylesheet" href="../../assets/main.css"></head>'
    '<body dir="ltr"><nav class="md-tabs" aria-label="Reiter" data-md-component="tabs">'
    '<a href="../x/?a=1&amp;b=2" class="ra-list ra-list--wide" title="Rat &quot;alt&quot;">'
    "Rat</a><input type='search' placeholder='' required>"
    '<svg viewBox="0 0 24 24"><path d="M12 2L2 22h20z"/></svg>'
    '<a href="a=b">x</a><a href="`q`">y</a><a href="it\'s">z</a><br class="end"/>'
    "</nav></body></html>"
)


def test_plain_values_lose_their_quotes() -> None:
    assert unquote_attributes(
        '<a href="../../beschluss/ha-2020-017/" class="ra-meta" data-year=\'2020\'>x</a>'
    ) == ("<a href=../../beschluss/ha-2020-017/ class=ra-meta data-year=2020>x</a>")


def test_values_the_parser_would_read_differently_keep_their_quotes() -> None:
    kept = (
        '<a title="" class="a b" href="x=y" data-a="<" data-b=">" data-c="`" '
        'data-d=\'say "hi"\' data-e="it\'s" data-f="tab\there">x</a>'
        '<br class="end"/><img alt="" src="a/"/>'
    )
    assert unquote_attributes(kept) == kept


def test_a_value_before_a_space_and_a_slash_loses_its_quotes() -> None:
    assert unquote_attributes('<img src="a.png" />') == "<img src=a.png />"


def test_the_page_reads_the_same_to_a_parser() -> None:
    unquoted = unquote_attributes(PAGE)
    assert len(unquoted) == len(PAGE) - 2 * 9  # lang … type: nine values
    assert _parsed(unquoted) == _parsed(PAGE)
    assert quoted(unquoted) == PAGE.replace(
        "type='search' placeholder=''", "type=\"search\" placeholder=''"
    )


def test_values_with_a_kept_string_keep_their_quotes() -> None:
    html = '<meta name="ra-stamp-head"><meta property="og:title" content="RA-T"><p id="x">'
    assert unquote_attributes(html, keep=("ra-stamp-head", "RA-T")) == (
        '<meta name="ra-stamp-head"><meta property=og:title content="RA-T"><p id=x>'
    )


def test_scripts_styles_titles_text_areas_preformatted_text_and_comments_stay() -> None:
    raw = (
        '<title><a href="t"></title><script>let s = \'<a href="s">\';</script>'
        '<style>a[href="x"]{}</style><textarea><b class="t"></textarea>'
        '<pre><code class="c">x</code></pre><!-- <a href="c"> -->'
    )
    start_tags = '<script src="b.js" defer></script><pre class="p">x</pre>'
    assert unquote_attributes(raw + start_tags + '<a href="y">') == (
        raw + "<script src=b.js defer></script><pre class=p>x</pre><a href=y>"
    )


def test_a_tag_it_cannot_read_stays_as_it_is() -> None:
    broken = '<a href="x" title="open>text</a><p class="y"x>'
    assert unquote_attributes(broken) == broken


def _shell() -> Shell:
    level = 2
    html = (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{TITLE_MARK}</title>{HEAD_MARK}"
        f'<meta property="og:title" content="{TITLE_MARK}">'
        f'<link rel="canonical" href="https://rat.test/{shell_url(level)}"></head>'
        '<body><main class="md-main"><div>RA-STAMP-CONTENT<h1>RA</h1></div>'
        '</main><footer class="md-footer"><a href="../../">Start</a></footer></body></html>'
    )
    return Shell(html, level)


def test_stamped_pages_keep_their_markers_working() -> None:
    page = _shell().stamp(
        PageFragment(
            url="beschluss/x/",
            title="Ein Titel mit Leerzeichen",
            content='<h1 class="ra-title">Titel</h1><ul class="ra-list"><li>a</li><li>b</li></ul>',
            head='<meta name="description" content="Zwei Worte"><meta name="robots" content="all">',
        )
    )
    assert page == (
        "<!doctype html><html lang=de><meta charset=utf-8><title>Ein Titel mit Leerzeichen</title>"
        '<meta name=description content="Zwei Worte"><meta name=robots content=all>'
        '<meta property=og:title content="Ein Titel mit Leerzeichen">'
        '<link rel=canonical href="https://rat.test/beschluss/x/">'
        "<body><main class=md-main><h1 class=ra-title>Titel</h1><ul class=ra-list><li>a<li>b</ul>"
        "</main><footer class=md-footer><a href=../../>Start</a></footer>"
    )
