"""The search stage of a build: index what is new, assemble each shard's bundle.

Every resolution page's search input (``search.page_input``) is keyed by its digest; a
page whose part of a bundle (``search.pagefind_pages``) is kept in the build folder is not
indexed again. The others go to Pagefind in batches of at most ``BATCH_PAGES``, so a
Pagefind process holds a bounded number of pages whatever a shard's size; each batch's
bundle is split into its pages' parts and kept. Then each shard's bundle is assembled from
its pages' parts (``search.pagefind_assembly``), or taken whole from the build folder when
none of its pages changed. A clean build goes the same way, so an incremental build
publishes the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from generator.publish import site_writer
from generator.publish.search_cache import PageDataCache, SearchCache, pagefind_version
from generator.rendering.generated import GeneratedFile
from generator.search.index import SearchIndexError, ShardedPagefind
from generator.search.pagefind_assembly import assemble
from generator.search.pagefind_chunks import UnknownFormat
from generator.search.pagefind_pages import PageData, shared_files, sort_values, split_bundle
from generator.search.shards import Shard

BATCH_PAGES = 800
"""Pages per Pagefind run: Pagefind holds about 240 KB per page, so a run stays near
200 MB and two can run at once, however large a shard of years grows."""


class SearchBundles:
    def __init__(
        self, pages: PageDataCache, bundles: SearchCache, input_dir: Path, work_dir: Path
    ) -> None:
        self.pages = pages
        self.bundles = bundles
        self.input_dir = input_dir
        """Where the batches' search input is written (kept between builds)."""
        self.work_dir = work_dir
        """Where Pagefind writes the batches' bundles (emptied first)."""
        self.shards: tuple[Shard, ...] = ()
        self.shard_keys: dict[str, str] = {}
        self.page_keys: dict[str, list[tuple[str, str]]] = {}
        """Shard folder → (URL, page key) of each of its pages."""
        self.reused: set[str] = set()
        self.indexed = 0
        self.run: ShardedPagefind | None = None
        self._batch_keys: dict[Path, dict[str, str]] = {}

    def start(self, shards: tuple[Shard, ...], files: Sequence[GeneratedFile]) -> None:
        """Start indexing what is not kept; ``files`` are every shard's search input
        (``search_input``), at ``<shard folder>/<url>index.html``."""
        site_writer.discard(self.work_dir)
        self.shards = shards
        inputs: dict[str, bytes] = {}
        urls: dict[str, str] = {}
        for file in files:
            assert file.content is not None
            folder, _, rest = file.path.partition("/")
            url = "/" + str(PurePosixPath(rest).parent).removeprefix(".") + "/"
            url = url.replace("//", "/")
            key = self.pages.key(file.content)
            inputs[key], urls[key] = file.content, url
            self.page_keys.setdefault(folder, []).append((url, key))
        wanted: list[str] = []
        for shard in shards:
            keys = self.page_keys.get(shard.folder, [])
            self.shard_keys[shard.folder] = shard_key = self.bundles.key(shard, keys)
            if self.bundles.has(shard_key):
                self.reused.add(shard.folder)
            else:
                wanted += [key for _, key in keys]
        missing = sorted({key for key in wanted if self.pages.load(key) is None})
        if wanted and not missing and self.pages.files() is None:
            missing = [min(wanted)]  # Pagefind's own files come only from a run
        self.indexed = len(missing)
        batches = _batches(missing, urls)
        batch_files: list[GeneratedFile] = []
        jobs: list[tuple[Path, Path]] = []
        for number, batch in enumerate(batches, start=1):
            name = f"stapel-{number}"
            self._batch_keys[self.work_dir / name] = {urls[key]: key for key in batch}
            batch_files += [
                GeneratedFile(path=f"{name}{urls[key]}index.html", content=inputs[key])
                for key in batch
            ]
            jobs.append((self.input_dir / name, self.work_dir / name))
        site_writer.write_docs(self.input_dir, batch_files)
        if jobs:
            self.run = ShardedPagefind(jobs, on_bundle=self._split)

    def _split(self, bundle: Path) -> None:
        """Keep each page's part of a batch's bundle (in the thread that ran it)."""
        keys = self._batch_keys[bundle]
        folder = self.input_dir / bundle.name
        try:
            sorts = {
                url: sort_values((folder / f"{url[1:]}index.html").read_text(encoding="utf-8"))
                for url in keys
            }
            parts = split_bundle(bundle, sorts)
            if set(parts) != set(keys):
                raise UnknownFormat("andere Seiten im Index als in der Eingabe")
            self.pages.keep_files(shared_files(bundle))
        except (UnknownFormat, OSError, ValueError, KeyError, TypeError) as exc:
            raise SearchIndexError(
                f"Pagefind {pagefind_version()} hat einen Suchindex geschrieben, dessen "
                f"Aufbau dieses Programm nicht kennt ({exc}); es wird nichts veröffentlicht. "
                "Bitte die Pagefind-Version der Projektabhängigkeiten installieren."
            ) from exc
        for url, part in parts.items():
            self.pages.keep(keys[url], part)
        site_writer.discard(bundle)

    def use_second_core(self) -> None:
        if self.run is not None:
            self.run.use_second_core()

    def abort(self) -> None:
        if self.run is not None:
            self.run.abort()

    def finish(self, staging: Path) -> None:
        """Wait for Pagefind, then put every shard's bundle into the staging site."""
        if self.run is not None:
            self.run.finish()
        files = self.pages.files()
        for shard in self.shards:
            key = self.shard_keys[shard.folder]
            target = staging / shard.bundle
            if shard.folder in self.reused:
                self.bundles.copy_out(key, target)
                continue
            if files is None:
                raise SearchIndexError("Pagefinds eigene Dateien fehlen im Build-Ordner.")
            pages = [self._load(key) for _, key in self.page_keys.get(shard.folder, [])]
            written = assemble(pages, files, primary=shard.number == 1)
            del pages
            site_writer.apply_changes([(target / path, data) for path, data in written], ())
            self.bundles.keep(key, target)

    def _load(self, key: str) -> PageData:
        page = self.pages.load(key)
        if page is None:  # checked when the build started: lost while it ran
            raise SearchIndexError(
                f"Die Suchdaten einer Seite ({key[:12]}) fehlen im Build-Ordner; "
                "bitte den Build wiederholen."
            )
        return page

    def used_page_keys(self) -> set[str]:
        return {key for keys in self.page_keys.values() for _, key in keys}


def _batches(keys: list[str], urls: dict[str, str]) -> list[list[str]]:
    """At most ``BATCH_PAGES`` each, no URL twice in one (a page's input may differ
    between shards, as the vocabulary record may)."""
    batches: list[list[str]] = []
    seen: list[set[str]] = []
    for key in keys:
        for batch, batch_urls in zip(batches, seen, strict=True):
            if len(batch) < BATCH_PAGES and urls[key] not in batch_urls:
                batch.append(key)
                batch_urls.add(urls[key])
                break
        else:
            batches.append([key])
            seen.append({urls[key]})
    return batches
