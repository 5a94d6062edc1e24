"""The theme's page shell, made smaller once before every page is stamped into it.

Material's templates indent for their own readability: about a quarter of every shell is
line breaks and indentation between tags. A run of white space that contains a line break
renders exactly like a single line break (outside ``pre``, ``textarea`` and scripts, which
are kept as they are), so the shell loses it without any visible change.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
_BREAK_RUN = re.compile(r"[ \t\r\f]*\n\s*")


def compact(html: str) -> str:
    """``html`` with each white-space run that holds a line break cut to one line break."""
    parts = _KEPT.split(html)
    out: list[str] = []
    # split() with two groups yields: text, whole kept element, its tag name, text, …
    for index in range(0, len(parts), 3):
        out.append(_BREAK_RUN.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out).lstrip("\n")
