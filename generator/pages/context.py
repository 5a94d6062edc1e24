"""What every page generator needs besides the catalog: the public address of the site."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from generator.archive.catalog import Catalog
from generator.archive.edit_links import edit_url
from generator.archive.model import Resolution
from generator.pages.stand_phase import StandPhase
from generator.publish.page_cache import PageCache
from generator.rendering.generated import PageFragment
from generator.search.shards import Shard
from generator.search.synonym_cache import SynonymCache
from generator.search.word_counts import ArchiveWords

LIST_LIMIT = 250
"""Entries one list page shows at most (a resolution entry is about 400 bytes of HTML):
beyond it a page links to its years, months or meetings instead of listing everything."""

PageMemo = dict[str, tuple[object, PageFragment]]
"""Page URL → (everything the page shows, the page): lets ``serve`` re-render only what an
edit touched, in an archive of tens of thousands of resolutions."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PageContext:
    catalog: Catalog
    site_url: str
    """Absolute, ending in ``/`` (``https://example.org/ratsarchiv/``)."""
    content_prefix: PurePosixPath
    """The part of ``Resolution.path`` in front of the path inside ``content/``."""
    search: bool = True
    """Whether the pages will be indexed; the preview skips the search keywords."""
    search_shards: tuple[Shard, ...] = ()
    """How the search index is split (``search.shards``): the search page names the bundles."""
    memo: PageMemo | None = None
    """Pages of the previous run, reused where nothing they show has changed (preview)."""
    page_cache: PageCache | None = None
    """Resolution and list pages of the previous build, by the digest of their inputs
    (build)."""
    list_inputs: str = ""
    """``kept.shared_inputs``, once for the build: part of every list page's key (empty:
    list pages are not kept)."""
    synonym_cache: SynonymCache | None = None
    archive_words: ArchiveWords | None = None
    """The archive's words, counted from the kept counts of the previous build
    (``search.word_counts``); None: counted while the resolution pages are made."""
    """The synonym map's parts of the previous build (``search.synonym_cache``)."""
    file_texts: Mapping[str, str] = field(default_factory=dict)
    """Resolution id → the text read from its resolution file, for resolutions whose text
    is only in that file (``file_texts.extraction``)."""
    attachment_texts: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Resolution id → (title, text) of its PDF attachments: searched, never shown."""
    identities: Mapping[str, str] = field(default_factory=dict)
    """Resolution id → digest of what its file gives (``KeptReads.identities``): stands
    for the resolution in the keys of kept pages and outputs; empty: the resolution
    itself is hashed."""
    list_limit: int = LIST_LIMIT
    """See ``LIST_LIMIT``; tests set a small one to see the long layouts."""
    today: datetime.date | None = None
    """The Stand date (``SOURCE_DATE_EPOCH`` or the content's last commit), never the wall
    clock: meetings after it are upcoming. None: no meeting is (tests of single pages)."""
    stand_phase: StandPhase | None = None
    """What the pages show of ``today`` (``stand_phase``), for the keys of kept pages;
    None: the keys hold ``today`` itself."""

    @property
    def latest_count(self) -> int:
        """How many of the newest entries a long page shows above its links."""
        return max(1, self.list_limit // 5)

    def upcoming(self, day: datetime.date) -> bool:
        return self.today is not None and day > self.today

    def today_in_keys(self) -> object:
        """What stands for ``today`` in the keys of kept and remembered pages."""
        return self.stand_phase if self.stand_phase is not None else self.today

    def deadlines_in_keys(self) -> object:
        """What stands for ``today`` in the keys of pages that judge only deadlines by it
        (resolution pages: a mandate is overdue), not meetings."""
        return self.stand_phase[1] if self.stand_phase is not None else self.today

    def identity(self, resolution: Resolution | None) -> object:
        """What stands for ``resolution`` in a key (see ``identities``)."""
        if resolution is None:
            return None
        return self.identities.get(resolution.id, resolution)

    def absolute(self, url: str) -> str:
        """The permanent public address of a site path, for permalinks and citations."""
        return self.site_url + url

    def source_url(self, resolution: Resolution) -> str | None:
        """Where an editor changes the file, when the archive names its repository."""
        settings = self.catalog.archive.settings
        if not settings.repository_url or settings.repository_type is None:
            return None
        path = PurePosixPath(resolution.path.as_posix())
        try:
            inside = path.relative_to(self.content_prefix)
        except ValueError:
            inside = path
        return edit_url(
            settings.repository_url,
            settings.repository_type,
            settings.repository_branch,
            f"content/{inside.as_posix()}",
        )
