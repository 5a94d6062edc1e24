"""Published pages as the tests compare them: every attribute value in double quotes.

Stamped pages leave out the quotes around attribute values where HTML does not need them
(``generator/rendering/attribute_quotes.py``). Tests that look for ``href="…"`` or
``class="…"`` in a page read it through ``quoted``: Python's HTML parser finds each start
tag and its attributes, and each value it read without quotes is written back in double
quotes; everything else, text and end tags, stays character for character.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_ATTRIBUTE = re.compile(r"[\s/]*([^\s/>][^\s/=>]*)(\s*=+\s*)?")
"""One attribute's name and equals sign, as ``html.parser`` reads them."""
_UNQUOTED = re.compile(r"[^>\s]*")


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[tuple[int, int], str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text()
        assert text is not None
        self.found.append((self.getpos(), text, len(attrs)))


def _quoted_tag(text: str, count: int) -> str:
    name = re.match(r"<[^\s/>]+", text)
    assert name is not None, text
    out = [name.group(0)]
    position = name.end()
    for _ in range(count):
        attribute = _ATTRIBUTE.match(text, position)
        assert attribute is not None and attribute.group(1), text
        out.append(attribute.group(0))
        position = attribute.end()
        if not attribute.group(2):
            continue
        if text[position] in "\"'":
            end = text.index(text[position], position + 1) + 1
            out.append(text[position:end])
        else:
            end = _UNQUOTED.match(text, position).end()  # type: ignore[union-attr]
            out.append(f'"{text[position:end]}"')
        position = end
    return "".join(out) + text[position:]


def quoted(html: str) -> str:
    """``html`` with each unquoted attribute value in double quotes."""
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    # The parser counts lines by "\n" only.
    starts = [0] + [match.end() for match in re.finditer("\n", html)]
    out: list[str] = []
    position = 0
    for (line, column), text, count in parser.found:
        index = starts[line - 1] + column
        assert html.startswith(text, index), (line, column, text)
        out.append(html[position:index])
        out.append(_quoted_tag(text, count))
        position = index + len(text)
    out.append(html[position:])
    return "".join(out)


def quoted_page(path: Path) -> str:
    """A published page, its attribute values quoted (see the module's docstring)."""
    return quoted(path.read_text(encoding="utf-8"))
