"""Pages outside the nav, themed without MkDocs rendering each one.

MkDocs renders one "shell" page per folder depth, with markers where the title, the extra
head elements and the content go. Every page outside the nav at that depth has exactly
the same theme chrome (same relative asset paths, same nav with nothing active), so after
MkDocs each ``PageFragment`` is stamped into its shell: a few string replacements instead
of a Markdown conversion and a template render per page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from pathlib import Path

from generator.archive import urls
from generator.pages.shell import compact, trim
from generator.publish import site_writer
from generator.rendering.attribute_quotes import unquote_attributes
from generator.rendering.end_tags import omit_end_tags
from generator.rendering.generated import GeneratedFile, PageFragment

SHELL_ROOT = "ra-vorlage/"
TITLE_MARK = "RA-STAMP-TITLE"
HEAD_MARK = '<meta name="ra-stamp-head">'
"""Kept with its quotes in the shell (``Shell`` keeps them on every marker)."""
CONTENT_MARK = "<div>RA-STAMP-CONTENT<h1>RA</h1></div>"
"""The ``<h1>`` keeps Material from adding a heading of its own; the page brings one."""


class ShellMissing(Exception):
    """MkDocs did not render a shell as expected (a theme override removed a marker)."""


def depth(url: str) -> int:
    return url.count("/")


def shell_url(level: int) -> str:
    """``ra-vorlage/s1/`` for pages like ``beschluss/x/``; one segment more per level."""
    return SHELL_ROOT + "".join(f"s{i}/" for i in range(1, level))


def shell_pages(fragments: Iterable[PageFragment]) -> list[GeneratedFile]:
    """One Markdown page per depth the fragments need, for MkDocs to render."""
    levels = sorted({depth(fragment.url) for fragment in fragments})
    front = (
        f"---\ntitle: {json.dumps(TITLE_MARK)}\n"
        'hide: ["navigation", "toc"]\nra_shell: true\nsearch:\n  exclude: true\n---\n\n'
    )
    return [
        GeneratedFile.text(urls.markdown_file(shell_url(level)), front + CONTENT_MARK + "\n")
        for level in levels
    ]


class Shell:
    """A rendered shell, split at the content marker once and reused for every page."""

    def __init__(self, html: str, level: int) -> None:
        for mark in (TITLE_MARK, HEAD_MARK, CONTENT_MARK):
            if mark not in html:
                raise ShellMissing(
                    f"die Vorlage {shell_url(level)} enthält die Markierung {mark!r} nicht; "
                    "wurde theme_overrides/main.html geändert?"
                )
        self.url = shell_url(level)
        # A value with a marker or the shell's address keeps its quotes: a title with
        # spaces, or a page's address, takes its place there.
        shell = unquote_attributes(
            omit_end_tags(trim(compact(html))), keep=(TITLE_MARK, "ra-stamp-head", self.url)
        )
        self.before, self.after = shell.split(CONTENT_MARK, 1)

    @property
    def identity(self) -> str:
        """Everything ``stamp`` takes from the shell (for ``stamp_cache``)."""
        return f"{self.url}\0{self.before}\0{self.after}"

    def stamp(self, fragment: PageFragment) -> str:
        """The finished page. Editors' text is inserted last, so no marker inside it is
        ever replaced."""
        title = escape(fragment.title)
        before = (
            self.before.replace(HEAD_MARK, unquote_attributes(fragment.head))
            .replace(TITLE_MARK, title)
            .replace(self.url, fragment.url)  # the canonical address
        )
        after = self.after.replace(TITLE_MARK, title).replace(self.url, fragment.url)
        return before + unquote_attributes(omit_end_tags(fragment.content)) + after


def read_shells(site_dir: Path, fragments: Iterable[PageFragment]) -> dict[int, Shell]:
    """The rendered shell of each depth the fragments need, from MkDocs' output.

    Raises ``OSError`` or ``ShellMissing`` if MkDocs did not render one as expected.
    """
    shells: dict[int, Shell] = {}
    for level in sorted({depth(fragment.url) for fragment in fragments}):
        path = site_dir / shell_url(level) / "index.html"
        shells[level] = Shell(path.read_text(encoding="utf-8"), level)
    return shells


def write_stamped(
    site_dir: Path, fragments: Iterable[PageFragment], shells: dict[int, Shell]
) -> int:
    """Each fragment stamped into the shell of its depth, written at its URL; returns the
    number of pages written."""
    # A generator: each page is stamped as a writer thread gets to it, never all at once.
    return site_writer.write_pages(
        site_dir, ((f.url, shells[depth(f.url)].stamp(f)) for f in fragments)
    )
