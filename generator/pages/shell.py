"""The theme's page shell, made smaller once before every page is stamped into it.

Material's templates indent for their own readability: about a quarter of every shell is
line breaks and indentation between tags. A run of white space that contains a line break
renders exactly like a single line break (outside ``pre``, ``textarea`` and scripts, which
are kept as they are), so the shell loses it without any visible change.

Between two tags of elements that lay out as blocks or flex boxes in the shell (``div``,
``nav``, ``li`` …, never inline ones such as ``a``, ``span``, ``label`` or ``input``), even
that one line break renders as nothing, and it goes too, as it does right after such a
tag opens or before it closes (white space at the start or end of a line is dropped); so
does the line break around the
text of a header title or tab link, which sits alone in a flex box (Material's
``md-ellipsis`` and ``md-tabs__link``), where white space at the ends of a line is dropped.
About 0.45 KiB a page.

``trim`` then drops what Material writes into every page for features the archive does not
use (0.25 KiB a page): the generator tag, the empty containers of its skip link and
announcement bar (the shell has its own skip link, no announcement), the dialog its code-copy
button reports into (no code blocks; the citation's copy button has its own status line),
and the spaces in its ``__config`` JSON. The bundle looks for each of these elements with
``querySelectorAll`` and mounts none it does not find. From ``__config`` go the keys whose
value is ``null`` (``annotate``, ``tags``, ``version``: the bundle only tests them for a
value, as ``t.annotate&&…`` or ``t.version?.provider``, where a missing key reads the same)
and ``search``, the address of Material's search worker, which the site does not ship and
the bundle loads only for Material's own search box, which no page has (0.14 KiB a page).

It also drops markup that a browser does not need to draw the same page (0.5 KiB a page):
the class of every tab and tab link (``md-tabs__item``, ``md-tabs__link``; the stylesheet
gives them Material's look by their place, ``.md-tabs__list > li > a``, and Material's
bundle selects tabs by ``data-md-component``, never by these classes; an active tab keeps
``md-tabs__item--active``) and the ``xmlns`` of inline SVG, which the HTML parser supplies.
"""

from __future__ import annotations

import json
import re

_KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
_BREAK_RUN = re.compile(r"[ \t\r\f]*\n\s*")
_BLOCK = (
    r"(?:html|head|body|meta|link|title|script|style|div|nav|header|footer|main|article|"
    r"section|aside|form|ul|ol|li|dl|dt|dd|p|h[1-6]|table|thead|tbody|tfoot|tr|th|td)"
)
_BETWEEN_BLOCKS = re.compile(rf"(</?{_BLOCK}\b[^<>]*>)\n(?=</?{_BLOCK}\b)")
_AFTER_START = re.compile(rf"(<{_BLOCK}\b[^<>]*>)\n")
_BEFORE_END = re.compile(rf"\n(?=</{_BLOCK}>)")
_STAND_IN = "ra-kept-"
_STAND_INS = re.compile(rf"<script {_STAND_IN}(\d+)></script>|<{_STAND_IN}(\d+)>")
_FLEX_TEXT = re.compile(
    r'(<(?:a|span) [^<>]*class="md-(?:tabs__link|ellipsis)"[^<>]*>)\n([^<\n]+)\n<'
)


def compact(html: str) -> str:
    """``html`` with each white-space run that holds a line break cut to one line break,
    or to nothing where it cannot show (see the module's docstring)."""
    parts = _KEPT.split(html)
    out: list[str] = []
    kept: list[str] = []
    # split() with two groups yields: text, whole kept element, its tag name, text, …
    for index in range(0, len(parts), 3):
        out.append(_FLEX_TEXT.sub(r"\1\2<", _BREAK_RUN.sub("\n", parts[index])))
        if index + 1 < len(parts):
            # A stand-in while the breaks around it are judged: a script is a block, pre
            # and textarea are not; what is inside none of them is touched.
            tag = parts[index + 2].lower()
            out.append(
                f"<script {_STAND_IN}{len(kept)}></script>"
                if tag == "script"
                else f"<{_STAND_IN}{len(kept)}>"
            )
            kept.append(parts[index + 1])
    joined = _BETWEEN_BLOCKS.sub(r"\1", "".join(out).lstrip("\n"))
    joined = _BEFORE_END.sub("", _AFTER_START.sub(r"\1", joined))
    return _STAND_INS.sub(lambda match: kept[int(match.group(1) or match.group(2))], joined)


_UNUSED = re.compile(
    r'<meta name="generator" content="[^"<>]*">'
    r'|<div data-md-component="(?:skip|announce)"></div>'
    r'|<div class="md-dialog" data-md-component="dialog">'
    r'<div class="md-dialog__inner md-typeset"></div></div>'
)
_TAB_CLASSES = re.compile(
    r'<li class="md-tabs__item( md-tabs__item--active)?">| class="md-tabs__link"'
)
_SVG_NAMESPACE = re.compile(r'(<svg\b[^<>]*?) xmlns="http://www\.w3\.org/2000/svg"')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_UNSHIPPED_CONFIG = frozenset({"search"})
"""``__config`` keys that name files the site does not ship: ``search`` is the worker of
Material's own search, left out with it (``publish/unused_theme_files.py``)."""
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})
"""What Jinja's ``tojson`` escapes, so that the JSON can never close its script element."""


def trim(html: str) -> str:
    """``html`` (a compacted shell) without the theme's unused elements (see the module's
    docstring); the same JSON in ``__config``, without spaces."""

    def dense(match: re.Match[str]) -> str:
        values = {
            key: value
            for key, value in json.loads(match[2]).items()
            if value is not None and key not in _UNSHIPPED_CONFIG
        }
        config = json.dumps(values, separators=(",", ":"), ensure_ascii=False)
        return match[1] + config.translate(_JSON_IN_HTML) + match[3]

    def tab(match: re.Match[str]) -> str:
        if match[0].startswith("<li"):
            return '<li class="md-tabs__item--active">' if match[1] else "<li>"
        return ""

    html = _SVG_NAMESPACE.sub(r"\1", _TAB_CLASSES.sub(tab, _UNUSED.sub("", html)))
    return _CONFIG.sub(dense, html)
