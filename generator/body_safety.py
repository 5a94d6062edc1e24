"""Refuse Markdown that could attack readers: script, frames, styles, unsafe link targets.

Resolutions arrive through pull requests, so a body is untrusted input. ``check`` refuses
what must never reach a page, with the line and a plain explanation; the renderer
additionally passes every generated HTML fragment through an allowlist sanitizer (nh3), so
that anything this scan misses is still removed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.problems import Problem, error

ALLOWED_TAGS = frozenset({"br", "sup", "sub", "abbr", "u", "s", "del", "ins", "mark", "kbd"})
"""Raw HTML elements an editor may use; Markdown covers everything else."""
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"\bstyle\s*=", re.IGNORECASE)
_INLINE_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE_TARGET = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^>\s]*)>")
_AUTOLINK_OR_EMAIL = re.compile(r"<[^>\s]*[:@][^>\s]*>")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\s]+")


def _blank_out(text: str, pattern: re.Pattern[str]) -> str:
    """Replace matches with spaces, keeping newlines, so line numbers stay right."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def unsafe_url_reason(url: str) -> str | None:
    """Why a link target is refused, or None if it is safe."""
    # Browsers decode entities in attributes and ignore control characters and
    # whitespace inside a scheme: "java&#09;script:" runs as "javascript:".
    compact = _INVISIBLE.sub("", html.unescape(url))
    match = _SCHEME.match(compact)
    if match is None:
        return None  # relative link or anchor
    scheme = match.group(1).lower()
    if scheme in ALLOWED_SCHEMES:
        return None
    return (
        f"Links mit '{scheme}:' sind nicht erlaubt; "
        "erlaubt sind https://, http://, mailto: und tel:"
    )


def check_body(
    text: str, path: Path, first_line: int, *, attachment_names: frozenset[str] = frozenset()
) -> list[Problem]:
    """Problems in a Markdown body that starts on file line ``first_line``.

    A relative link can only name one of the resolution's own attachments: the page lives
    at ``/beschluss/<id>/``, not where the file lies, so any other relative path would
    break (and MkDocs never sees these pages to warn about it).
    """
    if "<" not in text and "](" not in text and "]:" not in text:
        return []  # no HTML, no link: nothing to check (most texts; check stays fast)
    scannable = _blank_out(_blank_out(_blank_out(text, _FENCE), _CODE_SPAN), _COMMENT)
    problems: list[Problem] = []

    def report(offset: int, message: str) -> None:
        line = first_line + scannable.count("\n", 0, offset)
        column = offset - (scannable.rfind("\n", 0, offset) + 1) + 1
        problems.append(error(path, line, column, None, message))

    for match in _TAG.finditer(scannable):
        if _AUTOLINK_OR_EMAIL.fullmatch(match.group(0)):
            continue  # <https://…> and <name@example.org> are Markdown autolinks
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            continue  # the opening tag has been reported already
        if name not in ALLOWED_TAGS:
            allowed = ", ".join(f"<{tag}>" for tag in sorted(ALLOWED_TAGS))
            report(
                match.start(),
                f"das HTML-Element <{name}> ist nicht erlaubt; schreiben Sie Markdown "
                f"(erlaubt sind nur {allowed})",
            )
        elif _EVENT_HANDLER.search(attributes):
            report(match.start(), "HTML-Attribute wie onclick= (Skripte) sind nicht erlaubt")
        elif _STYLE_ATTRIBUTE.search(attributes):
            report(match.start(), "das HTML-Attribut style= ist nicht erlaubt")
    for pattern in (_INLINE_TARGET, _REFERENCE_TARGET, _AUTOLINK):
        for match in pattern.finditer(scannable):
            target = match.group(1)
            reason = unsafe_url_reason(target) or _relative_link_reason(target, attachment_names)
            if reason is not None:
                report(match.start(1), reason)
    problems.sort(key=Problem.sort_key)
    return problems


def _relative_link_reason(target: str, attachment_names: frozenset[str]) -> str | None:
    if not target or target.startswith(("#", "//")) or _SCHEME.match(target):
        return None
    if target.split("#", 1)[0] in attachment_names:
        return None
    return (
        f"der Link '{target}' führt ins Leere: im Text sind nur vollständige Adressen "
        "(https://…), Anker (#…) und die eigenen Anlagen des Beschlusses möglich; "
        "Bezüge zu anderen Beschlüssen gehören in 'relations'"
    )
