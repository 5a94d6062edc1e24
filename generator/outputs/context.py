"""What every reuse output needs besides the catalog: where the site lives and how fresh it is."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class OutputContext:
    site_url: str
    """Absolute base URL of the published site, always ending in ``/``."""
    updated: datetime.date
    """The "Stand" date: the newest content change, never the build clock, so that
    rebuilding the same commit gives the same bytes."""

    @staticmethod
    def create(site_url: str, updated: datetime.date) -> OutputContext:
        return OutputContext(site_url=site_url.rstrip("/") + "/", updated=updated)

    def absolute(self, path: str) -> str:
        """``beschluss/x/`` → ``https://…/beschluss/x/``: feeds and OParl need absolute URLs."""
        return self.site_url + path

    @property
    def updated_timestamp(self) -> str:
        """The Stand date as an RFC 3339 instant (midnight UTC)."""
        return f"{self.updated.isoformat()}T00:00:00Z"
