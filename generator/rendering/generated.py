"""What the generating stages produce: files for the MkDocs docs folder, not yet written.

Pages are Markdown (``*.md``, with front matter the templates read); everything else
(feeds, JSON, CSV, calendars, attachments) is copied by MkDocs into the site unchanged.
Stages return these; only ``site_writer`` writes them, so a stage can be tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, kw_only=True)
class GeneratedFile:
    path: str
    """Relative to the docs folder with ``/`` separators: ``beschluss/ha-2020-017/index.md``."""
    content: bytes | None = None
    copy_from: Path | None = None
    """A file to copy (an attachment) instead of ``content``."""
    bulk: bool = False
    """One of many files per resolution (its JSON, its OParl objects, its attachments, the
    redirect stubs) that no page MkDocs renders links to as a file (links to a folder, such
    as ``vorlage/x/``, it does not check): written straight into the site, not the docs
    folder, so that MkDocs does not have to collect and copy tens of thousands of files (the
    build writes them into its staging folder, see ``build.BULK_DIR`` and ``stamp_pages``)."""

    @staticmethod
    def text(path: str, text: str) -> GeneratedFile:
        return GeneratedFile(path=path, content=text.encode("utf-8"))


@dataclass(frozen=True, slots=True, kw_only=True)
class PageFragment:
    """A themed page rendered without MkDocs: the theme is rendered once per folder depth
    (a "shell" page) and each fragment is stamped into it after MkDocs has run.

    Only pages outside the nav can be stamped, because their theme chrome is identical for
    every page at the same depth. With tens of thousands of resolutions this is what keeps
    the build linear and fast: MkDocs renders a few hundred pages, not the whole archive.
    """

    url: str
    title: str
    content: str
    """The page's HTML inside the theme's content area, starting with its ``<h1>``."""
    head: str = ""
    """Extra elements for ``<head>``, e.g. the page's own feed links."""
