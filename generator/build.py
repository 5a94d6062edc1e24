"""``ratsarchiv build``: the one place where the stages meet, in order.

content → catalog → resolution pages, each with its ``SearchRecord`` → search input,
and Pagefind starts on it (one shard of years after the other, beside everything that
follows: see ``search.shards``) → the other pages (nav pages as Markdown, all others as
fragments) and, in a process beside them, the reuse outputs (the bulk ones written
straight into the staging folder as they are made) → docs folder → MkDocs (nav pages and
one shell per depth) → stamping (bulk files moved into place, fragments into shells,
sitemap) → Pagefind's last shards, two at a time
→ swap into ``site/``.

The site is built in a fresh staging folder and swapped in only when every stage
succeeded, so a failed build leaves the previous ``site/`` untouched. A failing stage
raises ``BuildFailed`` naming it.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.problems import Problem
from generator.editor.area import EditorMissing, KeptConfig, editor_files, repository_layout
from generator.file_texts.stage import FileTextMemo, FileTexts, read_resolution_file_texts
from generator.outputs import output_context, reuse_output_files, reuse_outputs
from generator.outputs.kept import KeptFile, OutputFile, made_file
from generator.pages.all import generate_pages
from generator.pages.context import LIST_LIMIT, PageContext, PageMemo
from generator.pages.stand_phase import stand_phase
from generator.publish import build_state, site_writer
from generator.publish.file_dates import file_dates
from generator.publish.freshness import content_date
from generator.publish.mkdocs_cache import MkDocsCache
from generator.publish.mkdocs_config import ConfigError, dump, effective_config, normalise_site_url
from generator.publish.mkdocs_run import MkDocsFailed, mkdocs_build
from generator.publish.output_cache import KeptOutputs, OutputCache
from generator.publish.page_cache import LIST, SEARCH, PageCache
from generator.publish.read_cache import KeptReads
from generator.publish.record_cache import RecordCache
from generator.publish.search_cache import SearchCache
from generator.publish.search_plan import plan_search
from generator.publish.search_summary import SearchSummary
from generator.publish.sitemap import sitemap_files
from generator.publish.stamp_cache import StampCache
from generator.publish.stamping import (
    SHELL_ROOT,
    ShellMissing,
    depth,
    read_shells,
    shell_pages,
    write_stamped,
)
from generator.reading.loading import ReadCache, display_root_for, load_archive
from generator.rendering.generated import GeneratedFile, PageFragment
from generator.rendering.packed import PackedPages
from generator.runtime.memory import release_freed_memory
from generator.runtime.parallel import Background, BackgroundFailed
from generator.runtime.timings import StageTimings
from generator.search.index import BUNDLE_DIR, SearchIndexError, ShardedPagefind
from generator.search.page_input import SearchRecord, search_input
from generator.search.shards import DEFAULT_SHARD_PAGES, Shard, catalog_shards
from generator.search.synonym_cache import SynonymCache
from generator.search.word_counts import WordCounts

EFFECTIVE_CONFIG = "mkdocs.yml"
PROGRAM_EDITOR = Path(__file__).resolve().parent.parent / "editor"
DOCS = "docs"
SEARCH_INPUT = "search"
PAGE_CACHE = "pages"
OBSOLETE_CACHES = ("pages.pickle",)
"""Files of earlier program versions in the cache folder (the page cache was one file)."""
READ_CACHE = "files.pickle"
SEARCH_CACHE = "search"
MKDOCS_CACHE = "mkdocs"
STAMP_CACHE = "stamped"
OUTPUT_CACHE = "outputs"
RECORD_CACHE = "records.pickle"
FILE_DATES_CACHE = "file-dates.json"
SYNONYM_CACHE = "synonyms.pickle"
WORD_CACHE = "words.pickle"
SEARCH_SUMMARY = "search-pages.pickle"
EDITOR_CACHE = "editor-config.yml"
PACKED_FILE = ".packed"
"""Inside the staging folder: the packed pages until they are stamped (``PackedPages``)."""
BULK_DIR = ".bulk"
"""Inside the staging folder: the bulk files, written while the pages are generated and
moved into place after MkDocs (which leaves hidden entries alone when it cleans)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildOptions:
    content_root: Path = Path("content")
    base_config: Path = Path("mkdocs.yml")
    """The theme settings editors keep at the top of the repository."""
    build_dir: Path = Path(".build")
    """Persistent between builds: the generated docs folder and the effective config."""
    site_dir: Path = Path("site")
    site_url: str | None = None
    """Overrides ``site_url`` from ``archive.yml`` (e.g. for a preview under another host)."""
    search: bool = True
    search_shard_pages: int = DEFAULT_SHARD_PAGES
    """At most this many resolutions per Pagefind run, unless one year alone has more
    (``search.shards``): bounds the build's memory."""
    list_limit: int = LIST_LIMIT
    """Entries a list page shows at most (``pages.context.LIST_LIMIT``)."""
    editor_dir: Path | None = None
    """Where ``npm ci`` installed the editors' area (default: ``editor/`` beside the config)."""
    local_backend_url: str | None = None
    """The local mode's proxy, when ``serve --redaktion`` runs one (``editor.local_backend``)."""

    @property
    def docs_dir(self) -> Path:
        return self.build_dir / DOCS

    @property
    def config_file(self) -> Path:
        return self.build_dir / EFFECTIVE_CONFIG

    @property
    def editor_folder(self) -> Path:
        """``editor/`` beside the config, else this program's own (a config kept elsewhere)."""
        if self.editor_dir is not None:
            return self.editor_dir
        beside = self.base_config.parent / "editor"
        return beside if beside.is_dir() else PROGRAM_EDITOR

    @property
    def search_dir(self) -> Path:
        """The articles Pagefind indexes, kept between builds like the docs folder."""
        return self.build_dir / SEARCH_INPUT


class BuildFailed(Exception):
    def __init__(self, stage: str, detail: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(f"{stage}: {detail}")
        self.stage = stage
        self.detail = detail
        self.problems = problems


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    catalog: Catalog
    config_file: Path
    report: site_writer.WriteReport
    fragments: tuple[PageFragment, ...]
    """Pages stamped into the theme after MkDocs (see ``stamping``)."""
    bulk_files: tuple[GeneratedFile, ...]
    """Per-resolution files written straight into the site (see ``GeneratedFile.bulk``)."""
    bulk_dir: Path | None = None
    """Where the bulk reuse outputs (OParl objects, per-resolution JSON) already lie, inside
    the staging folder; ``stamp_pages`` moves them into the site. ``None``: they are in
    ``bulk_files`` (the preview, which has no staging folder)."""
    nav_pages: tuple[str, ...]
    """URLs of the pages MkDocs renders (for the sitemap)."""
    site_url: str
    stand: datetime.date
    search_shards: tuple[Shard, ...] = ()
    """The search index's shards, newest first; none without search or resolutions."""
    problems: tuple[Problem, ...] = field(default=())
    """Warnings from loading (errors stop the build before this exists)."""
    kept_outputs: KeptOutputs | None = None
    """What the bulk reuse outputs took from the build folder (``output_cache``)."""
    kept_by_inputs: dict[str, dict[str, int]] = field(default_factory=dict)
    """Kind of reuse output (download record, feed) → how many were taken from the build
    folder and how many made anew (``record_cache``)."""
    packed: Mapping[str, bytes] = field(default_factory=dict)
    """URL → the content of a fragment held packed (``_pack``) until it is stamped; that
    fragment's own ``content`` is empty."""
    kept_pages: PageCache | None = None
    """Where the content of a resolution page taken from the build folder is read again
    when it is stamped (``PageCache.kept_content``): such a page is neither held nor
    packed, and is mostly linked, not stamped."""
    site_bytes: int | None = None
    """The size of the published site (``build`` counts it while it waits for Pagefind)."""


def build(options: BuildOptions, timings: StageTimings | None = None) -> Prepared:
    """The whole build, incremental where the build folder holds results of an earlier
    one (``publish.build_state``): resolution pages and search shards whose inputs hash
    as before are taken from it, everything else is made fresh."""
    timings = timings or StageTimings()
    staging = site_writer.new_staging_dir(options.site_dir)
    replaced = site_writer.old_sites(options.site_dir)
    # The sites earlier builds replaced are deleted by the second core, which has nothing
    # else to do while this one reads the content. Its result is taken only when the build
    # ends, so it must not count as holding that core (pages would render on one).
    cleanup = (
        Background(site_writer.remove_folders, replaced, holds_core=False) if replaced else None
    )
    bundles = options.build_dir / BUNDLE_DIR
    search: ShardedPagefind | None = None
    salt = build_state.fingerprint(options.base_config, _option_key(options))
    cache_dir = options.build_dir / build_state.CACHE_DIR
    build_state.remove_leftovers(cache_dir)
    for obsolete in OBSOLETE_CACHES:
        (cache_dir / obsolete).unlink(missing_ok=True)
    pages = PageCache(cache_dir / PAGE_CACHE, salt)
    kept = SearchCache(cache_dir / SEARCH_CACHE, salt)
    rendered = MkDocsCache(cache_dir / MKDOCS_CACHE, salt)
    stamped = StampCache(cache_dir / STAMP_CACHE, salt)
    outputs = OutputCache(cache_dir / OUTPUT_CACHE)
    synonyms = SynonymCache(cache_dir / SYNONYM_CACHE, salt)
    words = WordCounts(cache_dir / WORD_CACHE, salt)
    summary = SearchSummary(cache_dir / SEARCH_SUMMARY, salt)
    shard_keys: dict[str, str] = {}
    reused: set[str] = set()

    def start_search(shards: tuple[Shard, ...], records: list[SearchRecord]) -> None:
        # Pagefind reads only the search input, so it starts as soon as that is written,
        # before the reuse outputs, MkDocs and the stamping, which run beside it: its
        # shards are the longest single job of the build. Shards whose input is made from
        # the same records as a kept bundle's are not indexed again, and their input is
        # not even made (writing the whole archive's took seconds of an edit).
        nonlocal search
        site_writer.discard(bundles)
        plan = plan_search(shards, records, kept, pages, summary)
        shard_keys.update(plan.keys)
        reused.update(plan.kept)
        site_writer.write_docs(options.search_dir, plan.input)
        del plan
        release_freed_memory()  # the search input, gone once written
        jobs = [
            (options.search_dir / s.folder, bundles / s.folder)
            for s in shards
            if s.folder not in reused
        ]
        if jobs:
            search = _start_search(jobs, primary=bundles / shards[0].folder)

    try:
        prepared = prepare(
            options,
            timings,
            staging=staging,
            start_search=start_search,
            page_cache=pages,
            kept_reads=KeptReads(cache_dir / READ_CACHE, salt, options.content_root),
            kept_outputs=outputs.root,
            kept_records=(cache_dir / RECORD_CACHE, salt),
            synonym_cache=synonyms,
            word_counts=words,
            editor_config=KeptConfig(cache_dir / EDITOR_CACHE, salt),
        )
        pages.save()
        summary.save()
        synonyms.save()
        words.save()
        with timings.stage("mkdocs"):
            # Unchanged nav pages, shells and config: MkDocs' kept output, not a new run.
            mkdocs_key, copied = rendered.key(prepared.config_file, options.docs_dir)
            reuse_into = staging / ".mkdocs"
            if rendered.copy_out(mkdocs_key, options.docs_dir, reuse_into):
                site_writer.merge_into(reuse_into, staging)
            else:
                run_mkdocs(prepared.config_file, staging, link_from=options.docs_dir)
                rendered.keep(mkdocs_key, copied, staging)
        timings.note("mkdocs", "reused", rendered.reused)
        with timings.stage("stamp"):
            stamp_pages(prepared, staging, stamped, pages.keys())
        timings.note("stamp", "pages_reused", stamped.reused)
        counted = _count_bytes(staging)
        if prepared.search_shards:
            if search is not None:
                search.use_second_core()  # this process has nothing left to do but wait
            with timings.stage("pagefind"):
                if search is not None:
                    _finish_search(search)
                for shard in prepared.search_shards:  # the primary first: the others inside
                    key = shard_keys[shard.folder]
                    if shard.folder in reused:
                        kept.copy_out(key, staging / shard.bundle)
                    else:
                        kept.keep(key, bundles / shard.folder)
                        site_writer.move(bundles / shard.folder, staging / shard.bundle)
            if search is not None:
                timings.note("pagefind", "seconds_in_parallel", round(search.seconds, 4))
            timings.note("pagefind", "shards", len(prepared.search_shards))
            timings.note("pagefind", "shards_reused", len(reused))
            site_writer.discard(bundles)
        searched = staging / BUNDLE_DIR
        site_bytes = counted.result() + (
            site_writer.folder_bytes(searched) if searched.is_dir() else 0
        )
        prepared = replace(prepared, site_bytes=site_bytes)
        with timings.stage("publish"):
            site_writer.publish(staging, options.site_dir)
        kept.prune(shard_keys.values())
        stamped.prune()
        pages.prune()
        kept_outputs = prepared.kept_outputs
        if kept_outputs is not None:
            outputs.prune(kept_outputs.used)
            timings.note("generate", "outputs_reused", kept_outputs.reused)
            timings.note("generate", "outputs_written", kept_outputs.written)
        for kind, counts in sorted(prepared.kept_by_inputs.items()):
            for what, count in sorted(counts.items()):
                timings.note("generate", f"{kind}s_{what}", count)
        timings.note("generate", "pages_reused", pages.hits)
        timings.note("generate", "pages_rendered", pages.misses)
        timings.note("generate", "lists_reused", pages.reused[LIST])
        timings.note("generate", "lists_rendered", pages.rendered[LIST])
        timings.note("generate", "search_page_reused", pages.reused[SEARCH])
        build_state.write_manifest(
            options.build_dir,
            {
                "fingerprint": salt,
                "resolution_pages": {"reused": pages.hits, "rendered": pages.misses},
                "list_pages": {"reused": pages.reused[LIST], "rendered": pages.rendered[LIST]},
                "search_page": {
                    "reused": pages.reused[SEARCH],
                    "rendered": pages.rendered[SEARCH],
                },
                "mkdocs": {"reused": rendered.reused},
                "kept_by_inputs": prepared.kept_by_inputs,
                "stamped_pages": {"reused": stamped.reused},
                "reuse_outputs": {
                    "reused": kept_outputs.reused if kept_outputs else 0,
                    "written": kept_outputs.written if kept_outputs else 0,
                },
                "search_shards": {
                    folder: {"key": key, "reused": folder in reused}
                    for folder, key in sorted(shard_keys.items())
                },
            },
        )
    finally:
        gc.unfreeze()
        if cleanup is not None:
            with contextlib.suppress(BackgroundFailed):  # a later build deletes the rest
                cleanup.result()
        pages.discard()  # a failed build leaves the kept pages as they were
        if search is not None:
            search.abort()
        if staging.exists():
            site_writer.discard(staging)
    return prepared


def _option_key(options: BuildOptions) -> tuple[object, ...]:
    """The options that change the site's bytes (besides the content and the config)."""
    return (
        options.site_url,
        options.search,
        options.search_shard_pages,
        options.list_limit,
        options.local_backend_url,
        str(options.editor_folder.resolve()),
    )


def _count_bytes(staging: Path) -> Future[int]:
    """The size of the staging folder without the search bundles (which come after), in
    a thread: this process mostly waits for Pagefind meanwhile, and counting a hundred
    thousand files after it took half a second of every build's critical path."""
    counter = ThreadPoolExecutor(max_workers=1)
    try:
        return counter.submit(site_writer.folder_bytes, staging, skip=BUNDLE_DIR)
    finally:
        counter.shutdown(wait=False)


def _start_search(jobs: list[tuple[Path, Path]], primary: Path) -> ShardedPagefind:
    try:
        return ShardedPagefind(jobs, primary=primary)
    except SearchIndexError as exc:
        raise BuildFailed("Suchindex (Pagefind)", str(exc)) from exc


def _finish_search(search: ShardedPagefind) -> None:
    try:
        search.finish()
    except SearchIndexError as exc:
        raise BuildFailed("Suchindex (Pagefind)", str(exc)) from exc


@dataclass(slots=True)
class Preview:
    """What ``serve`` keeps between rebuilds, so that one edit costs one page, not the archive.

    Files are re-read only when changed, resolution pages re-rendered only when something
    they show changed, and the reuse outputs (feeds, OParl, downloads) are generated once
    per preview session: the preview is for reading pages, and the build makes them fresh.
    """

    files: ReadCache = field(default_factory=dict)
    pages: PageMemo = field(default_factory=dict)
    reuse: list[GeneratedFile] | None = None
    stamped: dict[str, PageFragment] = field(default_factory=dict)
    """What was last stamped into the preview's site folder, by page URL."""
    bulk: dict[str, GeneratedFile] = field(default_factory=dict)
    """The bulk files last written into the preview's site folder, by path: an edit
    changes some (a redirect stub), MkDocs never sees them."""
    file_texts: FileTextMemo = field(default_factory=dict)
    """Texts read from resolution files, by file and its size and time of change: a
    rebuild of the preview then reads (and hashes) no unchanged PDF again."""


def prepare(
    options: BuildOptions,
    timings: StageTimings | None = None,
    preview: Preview | None = None,
    *,
    staging: Path | None = None,
    start_search: Callable[[tuple[Shard, ...], list[SearchRecord]], None] | None = None,
    page_cache: PageCache | None = None,
    kept_reads: KeptReads | None = None,
    kept_outputs: Path | None = None,
    kept_records: tuple[Path, str] | None = None,
    synonym_cache: SynonymCache | None = None,
    word_counts: WordCounts | None = None,
    editor_config: KeptConfig | None = None,
) -> Prepared:
    """Every stage up to MkDocs: shared by ``build`` and by each ``serve`` rebuild.

    With ``staging`` (the fresh site folder of ``build``), the bulk reuse outputs are
    written into it as they are generated, in a process beside the page generation.
    ``start_search`` is called with the shards once their search input is written (only
    if the archive has resolutions to index).
    """
    timings = timings or StageTimings()
    with timings.stage("load"):
        cache = preview.files if preview is not None else None
        if kept_reads is not None and preview is None:
            cache = kept_reads.read_cache()
        files = kept_reads.files if kept_reads is not None and preview is None else None
        catalog, problems = load_archive(options.content_root, cache=cache, files=files)
        identities: dict[str, str] = {}
        if kept_reads is not None and cache is not None and preview is None:
            kept_reads.save(cache)
            identities = kept_reads.identities(cache)
    if kept_reads is not None and preview is None:
        timings.note("load", "files_reused", kept_reads.reused)
        # The catalog lives until the build ends: the collector need not look through its
        # millions of objects again each time the generating stage's garbage fills up
        # (``build`` unfreezes them when it ends).
        gc.freeze()
    if catalog is None:
        raise BuildFailed(
            "Inhalte prüfen", "die Inhalte enthalten Fehler (siehe oben)", tuple(problems)
        )
    with timings.stage("file_texts"):
        file_texts = read_resolution_file_texts(
            catalog, options.build_dir, memo=preview.file_texts if preview is not None else None
        )
    with timings.stage("generate"):
        return _generate(
            options,
            catalog,
            [*problems, *file_texts.problems],
            preview,
            staging,
            start_search,
            file_texts,
            page_cache,
            kept_outputs,
            kept_records,
            identities,
            synonym_cache,
            word_counts,
            editor_config if preview is None else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class _ReuseJob:
    catalog: Catalog
    stand: datetime.date
    site_url: str
    docs_dir: Path
    bulk_dir: Path
    kept_dir: Path | None = None
    """Where bulk outputs are kept between builds (``output_cache``); ``None``: none."""
    records: Path | None = None
    """Where the download records are kept between builds (``record_cache``)."""
    salt: str = ""
    identities: Mapping[str, str] = field(default_factory=dict)
    """Resolution id → digest of its file (``KeptReads.identities``)."""
    content_root: Path | None = None
    """Whose files' dates date the OParl objects (``file_dates``); None: the Stand."""


_ReuseResult = tuple[
    tuple[tuple[str, bool], ...], tuple[str, ...], KeptOutputs | None, dict[str, dict[str, int]]
]


def _write_reuse_outputs(job: _ReuseJob) -> _ReuseResult:
    """Generate the reuse outputs and write them as they come: the bulk ones into the
    staging folder, the rest into the docs folder (only if changed, like ``write_docs``).

    Runs in a process of its own (``Background``) while the pages are generated, so only
    the paths travel back: ``((docs path, changed), …)``, the bulk paths and, with
    ``kept_dir``, what was linked from the kept outputs of earlier builds.
    """
    docs: list[tuple[str, bool]] = []
    bulk: list[str] = []

    def bulk_only(files: Iterator[OutputFile]) -> Iterator[OutputFile]:
        for file in files:
            if isinstance(file, KeptFile) or file.bulk:
                bulk.append(file.path)
                yield file
            else:
                content = file.content
                assert content is not None, file.path  # reuse outputs are never copies
                changed = site_writer.write_if_changed(job.docs_dir / file.path, content)
                docs.append((file.path, changed))
                # Not held while the next file is made (the bundle beside the CSV).
                del file, content

    records = None
    sources = None
    if job.content_root is not None:
        # Read here, beside the page generation; kept beside the download records, so
        # that the next build reads only the commits since.
        kept_dates = job.records.with_name(FILE_DATES_CACHE) if job.records else None
        sources = file_dates(job.content_root, kept_dates)
    if job.records is not None and job.kept_dir is not None:  # KeptFiles need kept_dir
        context = output_context(
            job.catalog, updated=job.stand, site_url=job.site_url, sources=sources
        )
        records = RecordCache(
            job.records, job.salt, job.identities, job.catalog, context, job.kept_dir
        )
    outputs = reuse_output_files(
        job.catalog,
        updated=job.stand,
        site_url=job.site_url,
        sources=sources,
        after_stage=release_freed_memory,
        kept=records,
    )
    if job.kept_dir is None:
        site_writer.write_files(job.bulk_dir, map(made_file, bulk_only(outputs)))
        kept = None
    else:
        kept = OutputCache(job.kept_dir).write_files(job.bulk_dir, bulk_only(outputs))
    if records is None:
        return tuple(docs), tuple(bulk), kept, {}
    records.save()
    return tuple(docs), tuple(bulk), kept, records.counts()


def _generate(
    options: BuildOptions,
    catalog: Catalog,
    problems: list[Problem],
    preview: Preview | None,
    staging: Path | None,
    start_search: Callable[[tuple[Shard, ...], list[SearchRecord]], None] | None,
    file_texts: FileTexts,
    page_cache: PageCache | None,
    kept_outputs: Path | None,
    kept_records: tuple[Path, str] | None,
    identities: dict[str, str],
    synonym_cache: SynonymCache | None = None,
    word_counts: WordCounts | None = None,
    editor_config: KeptConfig | None = None,
) -> Prepared:
    settings = catalog.archive.settings
    site_url = normalise_site_url(options.site_url or settings.site_url)
    shards: tuple[Shard, ...] = ()
    if options.search:
        shards = catalog_shards(catalog, options.search_shard_pages)
    stand = content_date(options.content_root) or _newest_resolution_date(catalog)
    context = PageContext(
        today=stand,
        stand_phase=stand_phase(catalog, stand),
        catalog=catalog,
        site_url=site_url,
        content_prefix=PurePosixPath(display_root_for(options.content_root).as_posix()),
        search=options.search,
        search_shards=shards,
        list_limit=options.list_limit,
        memo=preview.pages if preview is not None else None,
        # Pages taken from it come without their content, read again when they are stamped
        # into the staging folder (``_unpacked``).
        page_cache=page_cache if preview is None and staging is not None else None,
        synonym_cache=synonym_cache if preview is None else None,
        archive_words=(
            word_counts.count(catalog.resolutions, identities)
            if word_counts is not None and preview is None and options.search
            else None
        ),
        file_texts=file_texts.resolution_texts,
        attachment_texts=file_texts.attachment_texts,
        identities=identities,
    )
    bulk_dir = staging / BULK_DIR if staging is not None and preview is None else None
    reuse: Background[_ReuseJob, _ReuseResult] | None = None
    if bulk_dir is not None:
        # The reuse outputs need only the catalog: one core makes and writes them (tens
        # of thousands of files) while the other renders the pages.
        job = _ReuseJob(
            catalog=catalog,
            stand=stand,
            site_url=site_url,
            docs_dir=options.docs_dir,
            bulk_dir=bulk_dir,
            kept_dir=kept_outputs,
            records=kept_records[0] if kept_records is not None else None,
            salt=kept_records[1] if kept_records is not None else "",
            identities=identities,
            content_root=options.content_root,
        )
        reuse = Background(_write_reuse_outputs, job)

    def index_resolutions(records: list[SearchRecord]) -> None:
        # Pagefind needs only the resolution pages: it starts before the other pages.
        if shards and start_search is not None:
            start_search(shards, records)  # writes the input of the shards it indexes
            return
        site_writer.write_docs(options.search_dir, search_input(records, shards))
        release_freed_memory()  # the search input, gone once written

    # Beside the bulk files in the staging folder: discarded with it if the build fails.
    packed = PackedPages(bulk_dir.with_name(PACKED_FILE) if bulk_dir is not None else None)
    kept_pages = page_cache if bulk_dir is not None and preview is None else None
    try:
        pages = generate_pages(
            context,
            index_resolutions if options.search else None,
            (lambda page: _pack_one(page, packed, kept_pages)) if bulk_dir is not None else None,
        )
        fragments = [page for page in pages if isinstance(page, PageFragment)]
        files = [page for page in pages if isinstance(page, GeneratedFile)]
        del pages
        if bulk_dir is not None:
            fragments = _pack(fragments, packed, kept_pages)
            release_freed_memory()
        files += shell_pages(fragments)
        try:
            files += editor_files(
                catalog,
                editor_dir=options.editor_folder,
                today=stand,
                content_prefix=repository_layout(options.content_root)[1],
                local_backend_url=options.local_backend_url,
                kept=editor_config,
            )
        except EditorMissing as exc:
            raise BuildFailed("Redaktionsbereich", str(exc)) from exc
        reuse_docs: tuple[tuple[str, bool], ...] = ()
        reuse_bulk: tuple[str, ...] = ()
        kept: KeptOutputs | None = None
        records: dict[str, dict[str, int]] = {}
        if reuse is not None:
            reuse_docs, reuse_bulk, kept, records = reuse.result()
        elif preview is None or preview.reuse is None:
            generated = reuse_outputs(
                catalog,
                updated=stand,
                site_url=site_url,
                sources=file_dates(options.content_root),
            )
            if preview is not None:
                preview.reuse = generated
            files += generated
        else:
            files += preview.reuse
    finally:
        if reuse is not None:
            reuse.cancel()
    _check_unique(
        [
            *(file.path for file in files),
            *(path for path, _ in reuse_docs),
            *reuse_bulk,
            *(urls.markdown_file(f.url) for f in fragments),
        ]
    )
    try:
        config = effective_config(
            base_config=options.base_config,
            settings=settings,
            docs_dir=options.docs_dir,
            site_dir=options.site_dir,
            site_url=site_url,
            stand=stand,
        )
    except ConfigError as exc:
        raise BuildFailed("MkDocs-Einstellungen", str(exc)) from exc
    report = site_writer.write_docs(
        options.docs_dir, [f for f in files if not f.bulk], written=reuse_docs
    )
    site_writer.write_if_changed(options.config_file, dump(config).encode("utf-8"))
    return Prepared(
        catalog=catalog,
        config_file=options.config_file,
        report=report,
        fragments=tuple(fragments),
        bulk_files=tuple(f for f in files if f.bulk),
        bulk_dir=bulk_dir,
        nav_pages=tuple(
            path.removesuffix("index.md")
            for path in (*(f.path for f in files), *(path for path, _ in reuse_docs))
            if path.endswith("index.md") and not path.startswith(SHELL_ROOT)
        ),
        site_url=site_url,
        stand=stand,
        search_shards=shards,
        problems=tuple(problems),
        kept_outputs=kept,
        kept_by_inputs=records,
        packed=packed,
        kept_pages=kept_pages,
    )


def _pack(
    fragments: list[PageFragment], packed: PackedPages, kept: PageCache | None = None
) -> list[PageFragment]:
    """The fragments with their content and head moved into ``packed``, compressed, until
    MkDocs has rendered the shells they are stamped into: held as ``str``, a page with
    one umlaut takes two bytes a character, and the resolution pages alone were 15 KiB
    each (a growing share of the build's memory, 1.4 GiB at 100,000). The resolution
    pages come packed already (``_pack_one`` as each is made)."""
    return [f if _handled(f, packed, kept) else _pack_one(f, packed, kept) for f in fragments]


def _handled(fragment: PageFragment, packed: PackedPages, kept: PageCache | None) -> bool:
    """Packed already, or taken from the page cache and already without its content."""
    return fragment.url in packed or (
        kept is not None and kept.taken(fragment.url) and not fragment.content
    )


def _pack_one(
    fragment: PageFragment, packed: PackedPages, kept: PageCache | None = None
) -> PageFragment:
    """``fragment`` without its content, which goes into ``packed`` (with its head).

    A page taken from the page cache ``kept`` is not packed: its content is read from
    there again if it is stamped (see ``_unpacked``), and it keeps its head. Compressing
    every page of the archive took a second and a half of a one-edit build at 5,000."""
    if kept is not None and kept.taken(fragment.url):
        return replace(fragment, content="")
    text = f"{len(fragment.head)}:{fragment.head}{fragment.content}"
    packed[fragment.url] = zlib.compress(text.encode("utf-8"), 1)
    return replace(fragment, content="", head="")


def _unpacked(prepared: Prepared, fragments: Iterable[PageFragment]) -> Iterator[PageFragment]:
    """``fragments`` with their content and head again, one at a time (see ``_pack``)."""
    for fragment in fragments:
        data = prepared.packed.get(fragment.url)
        if data is not None:
            size, text = zlib.decompress(data).decode("utf-8").split(":", 1)
            head = text[: int(size)]
            yield replace(fragment, head=head, content=text[int(size) :])
            continue
        kept = prepared.kept_pages
        content = kept.kept_content(fragment.url) if kept is not None else None
        yield fragment if content is None else replace(fragment, content=content)


def stamp_pages(
    prepared: Prepared,
    site_dir: Path,
    kept: StampCache | None = None,
    page_keys: Mapping[str, str] | None = None,
) -> None:
    """Fill MkDocs' shells with the pages outside the nav, drop the shells, add the bulk
    per-resolution files, and write the sitemap of every page (MkDocs' own knows only the
    pages it rendered).

    With ``kept`` and the keys of the resolution and list pages (``PageCache.keys``), such
    a page stamped by an earlier build into the same shell is linked from the build
    folder, and each page stamped here is kept there for the next build
    (``stamp_cache``)."""
    try:
        shells = read_shells(site_dir, prepared.fragments)
    except (OSError, ShellMissing) as exc:
        raise BuildFailed("Seiten einsetzen", str(exc)) from exc
    if prepared.bulk_dir is not None:
        site_writer.merge_into(prepared.bulk_dir, site_dir)
    if kept is None or not page_keys:
        write_stamped(site_dir, _unpacked(prepared, prepared.fragments), shells)
    else:
        names = kept.names(
            {level: shell.identity for level, shell in shells.items()},
            {
                f.url: (depth(f.url), page_keys[f.url])
                for f in prepared.fragments
                if f.url in page_keys
            },
        )
        linked: list[tuple[str, str]] = []
        fresh: list[PageFragment] = []
        for fragment in prepared.fragments:
            name = names.get(fragment.url)
            source = kept.kept(name) if name is not None else None
            if source is None:
                fresh.append(fragment)
            else:
                linked.append((source, site_writer.page_file(fragment.url)))
        kept.reused = site_writer.link_files(site_dir, linked)
        write_stamped(site_dir, _unpacked(prepared, fresh), shells)
        kept.keep(
            (names[f.url], str(site_dir / site_writer.page_file(f.url)))
            for f in fresh
            if f.url in names
        )
    if isinstance(prepared.packed, PackedPages):
        prepared.packed.close()  # every page is stamped: the scratch file goes
    site_writer.discard(site_dir / SHELL_ROOT)
    site_writer.write_files(site_dir, prepared.bulk_files)
    page_urls = [*prepared.nav_pages, *(fragment.url for fragment in prepared.fragments)]
    for name, data in sitemap_files(prepared.site_url, page_urls).items():
        site_writer.write_file(site_dir / name, data)


def stamp_preview(prepared: Prepared, site_dir: Path, preview: Preview) -> int:
    """``stamp_pages`` for the preview's site folder, touching only changed pages.

    MkDocs' dirty rebuild keeps the shells, so they stay in place here; returns the number
    of pages written.
    """
    current = {fragment.url: fragment for fragment in prepared.fragments}
    bulk = {file.path: file for file in prepared.bulk_files}
    for path in preview.bulk.keys() - bulk.keys():  # first: a page may now take its place
        (site_dir / path).unlink(missing_ok=True)
    changed = [f for url, f in current.items() if preview.stamped.get(url) != f]
    written = write_stamped(site_dir, changed, read_shells(site_dir, changed))
    removed = tuple(set(preview.stamped) - set(current))
    for gone in removed:
        site_writer.discard(site_dir / gone)
    # The bulk files that changed (a redirect stub), and those in a removed page's folder.
    site_writer.write_files(
        site_dir,
        (f for f in bulk.values() if preview.bulk.get(f.path) != f or f.path.startswith(removed)),
    )
    preview.stamped = current
    preview.bulk = bulk
    return written


def _newest_resolution_date(catalog: Catalog) -> datetime.date:
    """Without git history or files to date (never in practice), the newest decision."""
    return max((r.date for r in catalog.by_id.values()), default=datetime.date(1970, 1, 1))


def _check_unique(paths: list[str]) -> None:
    """Two pages at one address (e.g. two topics with the same slug) would overwrite each other."""
    duplicates = sorted(path for path, n in Counter(paths).items() if n > 1)
    if duplicates:
        raise BuildFailed(
            "Seiten erzeugen",
            "mehrere Seiten hätten dieselbe Adresse: " + ", ".join(duplicates),
        )


def run_mkdocs(config_file: Path, site_dir: Path, *, link_from: Path | None = None) -> None:
    try:
        mkdocs_build(config_file, site_dir, link_from=link_from)
    except MkDocsFailed as exc:
        raise BuildFailed("Website erzeugen (MkDocs)", str(exc)) from exc
