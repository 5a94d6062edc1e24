"""What every reuse output needs besides the catalog: where the site lives and how fresh it is."""

from __future__ import annotations

import datetime
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

    def of(self, path: Path) -> Dates | None:
        """The dates of ``path``: its commits, else (not committed, outside git) its
        modification time; None if it does not exist."""
        relative = path.relative_to(self.root if path.is_absolute() else self.display)
        found = self.committed.get(relative.as_posix())
        if found is not None:
            return found
        try:
            changed = int((self.root / relative).stat().st_mtime)
        except OSError:
            return None
        return changed, changed


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
