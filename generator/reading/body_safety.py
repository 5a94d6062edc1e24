"""Refuse Markdown that could attack readers: script, frames, styles, unsafe link targets.

Resolutions arrive through pull requests, so a body is untrusted input. ``check`` refuses
what must never reach a page, with the line and a plain explanation; the renderer
additionally passes every generated HTML fragment through an allowlist sanitizer (nh3), so
that anything this scan misses is still removed.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from generator.archive.problems import Problem, error

ALLOWED_TAGS = frozenset({"br", "sup", "sub", "abbr", "u", "s", "del", "ins", "mark", "kbd"})
"""Raw HTML elements an editor may use; Markdown covers everything else."""
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
FOREIGN_IMAGE = (
    "Bilder von anderen Servern sind nicht erlaubt (jeder Aufruf der Seite würde diesen "
    "Server anfragen); legen Sie das Bild als Anlage ab"
)

# Every pattern stops at the characters that would end its construct (no "<" inside a
# tag outside quotes, no brackets in a link target, labels of at most 999 characters, as
# in CommonMark), so that a scan tries each start only as far as the next such character:
# a body of a million "<a" or "](" is scanned in linear time, not quadratic.
_FENCE_OPEN = re.compile(r"^(```|~~~)", re.MULTILINE)
_FENCE_CLOSE = re.compile(r"^(```|~~~)[ \t]*$", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"\bstyle\s*=", re.IGNORECASE)
_TARGET = r"\s*<?([^()\s<>\[\]]*)"
_INLINE_TARGET = re.compile(r"\]\(" + _TARGET)
_LABEL = r"\[((?:[^\[\]]|\[[^\[\]]*\]){0,999})\]"
_REFERENCE_TARGET = re.compile(r"^[ ]{0,3}\[([^\[\]]{1,999})\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_IMAGE_TARGET = re.compile("!" + _LABEL + r"\(" + _TARGET)
_IMAGE_REFERENCE = re.compile("!" + _LABEL + r"(?:\[([^\[\]]{0,999})\])?(?!\()")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>")
_AUTOLINK_OR_EMAIL = re.compile(r"<[^>\s]*[:@][^>\s]*>")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\s]+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_NEWLINE = re.compile(r"\n")
MAX_PROBLEMS = 100
"""Problems reported per text; beyond this, one more says that there are more."""


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace the spans with spaces, keeping newlines, so line numbers stay right."""
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        last = end
    return "".join([*parts, text[last:]])


def _fences(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks: from a ``` or ~~~ line to the next closing line of the same kind."""
    closers: dict[str, list[tuple[int, int]]] = {"```": [], "~~~": []}
    for match in _FENCE_CLOSE.finditer(text):
        closers[match.group(1)].append((match.start(), match.end()))
    spans: list[tuple[int, int]] = []
    for match in _FENCE_OPEN.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue  # inside the previous block
        candidates = closers[match.group(1)]
        index = bisect.bisect_right(candidates, (match.end(), match.end()))
        if index < len(candidates):
            spans.append((match.start(), candidates[index][1]))
    return spans


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks up to the next run of the same length (CommonMark)."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        following = bisect.bisect_right(same, index)
        if following < len(same):
            closing = same[following]
            spans.append((start, runs[closing][1]))
            index = closing + 1
        else:
            index += 1
    return spans


def _comments(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break  # unclosed: no later comment can close either
        spans.append((start, end + 3))
        position = end + 3
    return spans


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
    text: str,
    path: Path,
    first_line: int,
    *,
    attachment_names: frozenset[str] = frozenset(),
    relative_links: bool = False,
) -> list[Problem]:
    """Problems in a Markdown body that starts on file line ``first_line``.

    A relative link can only name one of the resolution's own attachments: the page lives
    at ``/beschluss/<id>/``, not where the file lies, so any other relative path would
    break (and MkDocs never sees these pages to warn about it). ``relative_links`` allows
    any relative link, for the legal pages, which MkDocs renders and checks itself.
    """
    if "<" not in text and "](" not in text and "]:" not in text:
        return []  # no HTML, no link: nothing to check (most texts; check stays fast)
    scannable = _blank(text, _fences(text))
    scannable = _blank(scannable, _code_spans(scannable))
    scannable = _blank(scannable, _comments(scannable))
    line_starts = [0, *(match.end() for match in _NEWLINE.finditer(scannable))]
    problems: list[Problem] = []
    findings = _findings(scannable, attachment_names, relative_links)
    # A hostile text could otherwise fill the report with millions of lines.
    for count, (offset, message) in enumerate(itertools.islice(findings, MAX_PROBLEMS + 1)):
        if count == MAX_PROBLEMS:
            message = f"weitere Probleme im Text werden nicht gemeldet (höchstens {MAX_PROBLEMS})"
        index = bisect.bisect_right(line_starts, offset) - 1
        column = offset - line_starts[index] + 1
        problems.append(error(path, first_line + index, column, None, message))
    problems.sort(key=Problem.sort_key)
    return problems


def _findings(
    scannable: str, attachment_names: frozenset[str], relative_links: bool
) -> Iterator[tuple[int, str]]:
    """(offset, message) for everything refused in a text whose code is blanked out."""
    for match in _TAG.finditer(scannable):
        if _AUTOLINK_OR_EMAIL.fullmatch(match.group(0)):
            continue  # <https://…> and <name@example.org> are Markdown autolinks
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            continue  # the opening tag has been reported already
        if name not in ALLOWED_TAGS:
            allowed = ", ".join(f"<{tag}>" for tag in sorted(ALLOWED_TAGS))
            yield (
                match.start(),
                f"das HTML-Element <{name}> ist nicht erlaubt; schreiben Sie Markdown "
                f"(erlaubt sind nur {allowed})",
            )
        elif _EVENT_HANDLER.search(attributes):
            yield match.start(), "HTML-Attribute wie onclick= (Skripte) sind nicht erlaubt"
        elif _STYLE_ATTRIBUTE.search(attributes):
            yield match.start(), "das HTML-Attribut style= ist nicht erlaubt"
    for pattern in (_INLINE_TARGET, _REFERENCE_TARGET, _AUTOLINK):
        for match in pattern.finditer(scannable):
            group = match.lastindex or 1
            target = match.group(group)
            if not target:
                continue
            reason = unsafe_url_reason(target)
            if reason is None and not relative_links:
                reason = _relative_link_reason(target, attachment_names)
            if reason is not None:
                yield match.start(group), reason
    # A picture from another server makes every reader's browser ask that server: the
    # site promises no third-party requests (DSGVO).
    for match in _IMAGE_TARGET.finditer(scannable):
        if _is_foreign(match.group(2)):
            yield match.start(2), FOREIGN_IMAGE
    image_labels = {
        _normal_label(match.group(2) or match.group(1))
        for match in _IMAGE_REFERENCE.finditer(scannable)
    }
    if image_labels:
        for match in _REFERENCE_TARGET.finditer(scannable):
            if _normal_label(match.group(1)) in image_labels and _is_foreign(match.group(2)):
                yield match.start(2), FOREIGN_IMAGE


def _normal_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _is_foreign(target: str) -> bool:
    compact = _INVISIBLE.sub("", html.unescape(target)).lower()
    return compact.startswith(("http:", "https:", "//"))


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
