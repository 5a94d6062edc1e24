"""Editors' Markdown → safe HTML, fast enough for tens of thousands of resolutions.

Resolution texts are CommonMark (with GitHub's tables, strikethrough and autolinks),
converted by cmark-gfm, the C library behind GitHub's own rendering: about twenty times
faster than Python-Markdown, which was two thirds of a 10,000-resolution build. ``check``
already refuses unsafe input (``body_safety``); the output still passes an allowlist
sanitizer (nh3, the Rust library Ammonia), so that nothing the scan misses reaches a page.
"""

from __future__ import annotations

import ctypes
import functools

import cmarkgfm
import nh3
from cmarkgfm import _cmark
from cmarkgfm.cmark import Options

_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_SMART
"""Raw HTML passes cmark (the allowlist below decides); typographic quotes and dashes."""

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s",
        "del", "ins", "mark", "sup", "sub", "abbr", "kbd", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"align", "scope"},
    "td": {"align"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def render_markdown(markdown: str, *, shift_headings: bool = False) -> str:
    """HTML for an editor's Markdown; ``shift_headings`` turns ``#`` into ``<h2>`` and so on,
    for text that sits below a page's own ``<h1>``."""
    html = _to_html(markdown)
    if shift_headings:
        html = _shift_headings(html)
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def _shift_headings(html: str) -> str:
    for level in (5, 4, 3, 2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return html


_EXTENSIONS = ("table", "autolink", "tagfilter", "strikethrough", "tasklist")
"""What ``cmarkgfm.github_flavored_markdown_to_html`` enables, with its extra option."""
_GFM_OPTIONS = _OPTIONS | Options.CMARK_OPT_GITHUB_PRE_LANG


@functools.cache
def _node_free() -> ctypes._NamedFuncPointer | None:
    """``cmark_node_free`` from the library cmarkgfm loaded (its bindings omit it)."""
    try:
        function = ctypes.CDLL(_cmark.__file__).cmark_node_free
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_void_p]
    function.restype = None
    return function


_LIBC_FREE = ctypes.CDLL(None).free
_LIBC_FREE.argtypes = [ctypes.c_void_p]
_LIBC_FREE.restype = None


def _free(address: int) -> None:
    _LIBC_FREE(address)


def _to_html(markdown: str) -> str:
    """``cmarkgfm.github_flavored_markdown_to_html``, but freeing the document tree.

    cmarkgfm's wrapper never frees the tree ``cmark_parser_finish`` hands over (about
    30 KB per text): 300 MB at 10,000 resolutions, and a leak on every ``serve`` rebuild.
    Same calls, same output; where the free function cannot be found, cmarkgfm renders.
    """
    node_free = _node_free()
    if node_free is None:
        rendered: str = cmarkgfm.github_flavored_markdown_to_html(markdown, options=_OPTIONS)
        return rendered
    lib, ffi = _cmark.lib, _cmark.ffi
    cmarkgfm.cmark.core_extensions_ensure_registered()
    parser = lib.cmark_parser_new(_GFM_OPTIONS)
    try:
        for name in _EXTENSIONS:
            lib.cmark_parser_attach_syntax_extension(
                parser, lib.cmark_find_syntax_extension(name.encode("utf-8"))
            )
        encoded = markdown.encode("utf-8")
        lib.cmark_parser_feed(parser, encoded, len(encoded))
        root = lib.cmark_parser_finish(parser)
        try:
            extensions = lib.cmark_parser_get_syntax_extensions(parser)
            raw = lib.cmark_render_html(root, _GFM_OPTIONS, extensions)
            try:
                html: str = ffi.string(raw).decode("utf-8")
            finally:
                _free(int(ffi.cast("uintptr_t", raw)))  # cmark's default allocator: libc
        finally:
            node_free(int(ffi.cast("uintptr_t", root)))
    finally:
        lib.cmark_parser_free(parser)
    return html
