"""Published HTML without the end tags that the HTML parser supplies by itself.

HTML lets a page omit the end tag of an ``li``, ``dt``, ``dd``, ``td``, ``th``, ``tr``,
``option``, ``thead``, ``tbody`` or ``p`` where the next tag closes it anyway (HTML
Living Standard, "Optional tags"): ``<li>a</li><li>b</li></ul>`` and ``<li>a<li>b</ul>``
parse to the same document tree, so a browser, a screen reader and every script see the
same page. A list, a table or a metadata card is mostly such tags: about 0.5 KiB of a
resolution page.

The same section lets a document omit its ``<head>`` start tag where an element comes
first inside, ``</head>`` where ``<body`` follows, and ``</body></html>`` at its end
(27 bytes of every stamped page); the parser opens and closes those elements itself.

Only an end tag that is directly followed by a tag that implies it is dropped, never one
followed by text or white space, and nothing inside a ``script``, ``style``,
``textarea`` or ``title`` element or a comment, whose text the parser does not read as tags.
Pagefind indexes its own copy of each page (``search.page_input``), which keeps every tag.
"""

from __future__ import annotations

import re

_RAW_TEXT = re.compile(
    r"(<(script|style|textarea|title)\b.*?</\2\s*>|<!--.*?-->)", re.IGNORECASE | re.DOTALL
)
_CLOSES_P = (
    r"(?:address|article|aside|blockquote|details|div|dl|fieldset|figcaption|figure|footer|"
    r"form|h[1-6]|header|hgroup|hr|main|menu|nav|ol|p|pre|section|table|ul)"
)
"""Elements whose start tag ends an open ``p``."""
_P_PARENTS = (
    r"(?:article|aside|blockquote|body|dd|details|div|fieldset|figcaption|figure|footer|"
    r"form|header|li|main|nav|section|td|th)"
)
"""Parents whose end tag may end a ``p`` without its own (never ``a``, ``ins``, ``del`` …)."""
_IMPLIED = re.compile(
    r"</li>(?=<li[\s>]|</[ou]l>)"
    r"|</dt>(?=<d[dt][\s>])"
    r"|</dd>(?=<d[dt][\s>]|</dl>)"
    r"|</t[dh]>(?=<t[dh][\s>]|</tr>)"
    r"|</tr>(?=<tr[\s>]|</t(?:body|head|foot)>|</table>)"
    r"|</thead>(?=<tbody[\s>])"
    r"|</tbody>(?=</table>)"
    r"|</option>(?=<option[\s>]|</select>)"
    rf"|</p>(?=<{_CLOSES_P}[\s>/]|</{_P_PARENTS}>)"
    r"|<head>(?=<[a-z])"
    r"|</head>(?=<body[\s>])"
)
_DOCUMENT_END = re.compile(r"</body></html>(\s*)\Z")
"""Not followed by a comment, which is all HTML asks of either end tag."""


def omit_end_tags(html: str) -> str:
    """``html`` without the tags the parser implies (see the module's docstring)."""
    parts = _RAW_TEXT.split(html)
    # split() with two groups yields: text, whole raw-text element, its tag name, text, …
    out = [_IMPLIED.sub("", parts[0])]
    for index in range(1, len(parts), 3):
        out.append(parts[index])
        out.append(_IMPLIED.sub("", parts[index + 2]))
    out[-1] = _DOCUMENT_END.sub(r"\1", out[-1])
    return "".join(out)
