"""Published HTML with attribute values unquoted where HTML reads them the same.

HTML lets an attribute value go without quotes if it is not empty and holds no white
space, ``"``, ``'``, ``=``, ``<``, ``>`` or `````` ` `````` (HTML Living Standard,
"Unquoted attribute value syntax"): ``<a href="../x/" class="ra-meta">`` and
``<a href=../x/ class=ra-meta>`` parse to the same element, so a browser, a screen reader
and every script see the same page. Most values in a page are such: relative links,
class names, ids, ``rel`` and ``data-`` values; two bytes each, about 0.4 KiB of a
resolution page.

A value keeps its quotes where it is empty, holds any of those characters (a title with
spaces, an SVG path), ends directly before a ``/`` that would otherwise become part of it
(``<br class="x"/>``), or contains one of the ``keep`` strings (stamp markers that a
longer text replaces later). Nothing inside a ``script``, ``style``, ``textarea``,
``title`` or ``pre`` element or a comment is touched, nor a tag this module does not read
as well formed: such a tag stays exactly as it is. Pagefind indexes its own copy of each
page (``search.page_input``), which keeps every quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_ATTRIBUTE = rf"""\s+[^\s"'<>/=]+(?:\s*=\s*{_VALUE})?"""
_START_TAG = rf"""<[A-Za-z][^\s/>]*(?:{_ATTRIBUTE})*+\s*/?>"""
_TOKEN = re.compile(
    rf"<!--.*?-->"
    rf"|(<(script|style|textarea|title|pre)(?=[\s/>])(?:{_ATTRIBUTE})*+\s*/?>)(.*?)(?=</\2\s*>|\Z)"
    rf"|({_START_TAG})",
    re.DOTALL | re.IGNORECASE,
)
"""A comment; a raw-text element's start tag and its text up to its end tag; a start tag."""
_NAME = re.compile(r"<[A-Za-z][^\s/>]*")
_ONE_ATTRIBUTE = re.compile(rf"""(\s+[^\s"'<>/=]+)(?:(\s*=\s*)({_VALUE}))?""")
_PLAIN_DOUBLE_QUOTED = re.compile(r"""(\s[^\s"'<>/=]+=)"([^\s"'=<>`]+)"(?=[\s>])""")
_TAG_END = re.compile(r"\s*/?>")
_QUOTED_PLAIN = re.compile(r"""(["'])([^\s"'=<>`]+)\1""")


def unquote_attributes(html: str, keep: Iterable[str] = ()) -> str:
    """``html`` with the quotes that the parser does not need dropped (see the module's
    docstring); a value that contains a string of ``keep`` keeps its quotes."""
    kept = tuple(keep)

    def token(match: re.Match[str]) -> str:
        if match[1] is not None:  # a raw-text element: its start tag, its text unchanged
            return _unquoted_tag(match[1], kept) + match[3]
        if match[4] is not None:
            return _unquoted_tag(match[4], kept)
        return match[0]  # a comment

    return _TOKEN.sub(token, html)


def _unquoted_tag(tag: str, kept: tuple[str, ...]) -> str:
    if '"' not in tag and "'" not in tag:
        return tag
    if "'" not in tag and not any(mark in tag for mark in kept):
        # Only double quotes in a well-formed tag: each one opens or closes a value, so
        # ` name="value"` followed by white space or ">" is always a whole attribute.
        return _PLAIN_DOUBLE_QUOTED.sub(_without_quotes, tag)
    name_end = _NAME.match(tag)
    assert name_end is not None  # the tag matched _START_TAG
    out = [name_end.group(0)]
    position = name_end.end()
    while match := _ONE_ATTRIBUTE.match(tag, position):
        name, equals, value = match.groups()
        position = match.end()
        if value is not None and _may_drop_quotes(value, tag, position, kept):
            value = value[1:-1]
        out.append(name + (equals or "") + (value or ""))
    rest = tag[position:]
    if not _TAG_END.fullmatch(rest):
        return tag  # read differently than _START_TAG did: leave it as it is
    return "".join(out) + rest


def _without_quotes(match: re.Match[str]) -> str:
    return match[1] + match[2]


def _may_drop_quotes(value: str, tag: str, end: int, kept: tuple[str, ...]) -> bool:
    return (
        _QUOTED_PLAIN.fullmatch(value) is not None
        and tag[end] != "/"
        and not any(mark in value for mark in kept)
    )
