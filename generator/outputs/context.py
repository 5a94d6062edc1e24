"""What every reuse output needs besides the catalog: where the site lives and how fresh it is."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

Dates = tuple[int, int]
"""When a content file was first added and last changed, in Unix seconds (UTC)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceDates:
    """When each content file was added and last changed (``publish.file_dates``): the
    dates of the OParl objects made from it."""

    root: Path
    """The content folder, absolute (attachments name their files so)."""
    display: Path
    """The content folder as the loaded records name their files (``Resolution.path``)."""
    committed: Mapping[str, Dates] = field(default_factory=dict)
    """Path relative to ``root`` → the dates of its first and last commit; empty outside git."""
    latest: int | None = None
    """``SOURCE_DATE_EPOCH`` as the caller set it: no modification time is later (the
    reproducible-builds convention's clamp), so a copy whose file times differ builds the
    same bytes; commit times are left as they are (the checkout fixes them)."""
    found: dict[str, Dates | None] = field(default_factory=dict, compare=False, repr=False)
    """``of`` by path as given: each file is asked for by several objects and their keys."""

    def of(self, path: Path) -> Dates | None:
        """The dates of ``path``: its commits, else (not committed, outside git) its
        modification time, at most ``latest``; None if it does not exist."""
        name = str(path)
        if name in self.found:
            return self.found[name]
        # Strings, not ``Path.relative_to``: at 10,000 resolutions, tens of thousands of calls.
        relative = name
        for start in (self.display, self.root):  # as loaded; attachments: maybe resolved
            prefix = f"{start}{os.sep}"
            if start != Path() and name.startswith(prefix):
                relative = name.removeprefix(prefix)
                break
        dates = self.committed.get(relative.replace(os.sep, "/"))
        if dates is None:
            try:
                changed = int(os.stat(os.path.join(self.root, relative)).st_mtime)  # noqa: PTH116, PTH118
            except OSError:
                changed = None
            if changed is not None and self.latest is not None:
                changed = min(changed, self.latest)
            dates = None if changed is None else (changed, changed)
        self.found[name] = dates
        return dates


@dataclass(frozen=True, slots=True, kw_only=True)
class OutputContext:
    site_url: str
    """Absolute base URL of the published site, always ending in ``/``."""
    updated: datetime.date
    """The "Stand" date: the newest content change, never the build clock, so that
    rebuilding the same commit gives the same bytes."""
    sources: SourceDates | None = None
    """The content files' own dates, which date the OParl objects; None: every object
    carries the Stand (outputs made without a content folder, as in tests)."""

    @staticmethod
    def create(
        site_url: str, updated: datetime.date, sources: SourceDates | None = None
    ) -> OutputContext:
        return OutputContext(site_url=site_url.rstrip("/") + "/", updated=updated, sources=sources)

    def absolute(self, path: str) -> str:
        """``beschluss/x/`` → ``https://…/beschluss/x/``: feeds and OParl need absolute URLs."""
        return self.site_url + path

    @property
    def updated_timestamp(self) -> str:
        """The Stand date as an RFC 3339 instant (midnight UTC)."""
        return f"{self.updated.isoformat()}T00:00:00Z"
