"""Index the built site with Pagefind: the last stage of a build, after MkDocs.

Pagefind runs as ``python -m pagefind`` from the same interpreter, so the binary shipped in
the ``pagefind[bin]`` wheel is used and no download happens at build time. The archive is
indexed in shards (``search.shards``), one Pagefind process after the other, because each
process holds all its pages in memory; ``ShardedPagefind`` runs them in the background.
The search page loads the primary bundle from ``<site>/pagefind/`` and merges the others.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from generator.publish import site_writer
from generator.search.pagefind_bundle import ENTRY, UnknownFormat, canonical_changes

BUNDLE_DIR = "pagefind"
"""Where Pagefind writes its bundle, relative to the site root (Pagefind's default)."""

LANGUAGE = "de"

KEPT_IN_SECONDARY = ("pagefind-entry.json", ".pf_meta")
"""What a secondary bundle keeps at its top level besides its index, fragment and filter
folders: the browser runs Pagefind's script and WebAssembly from the primary bundle only."""


UNUSED_SCRIPTS = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's ready-made interfaces and its highlighter, which it writes into every bundle:
the search page has its own (``ratsarchiv-search.js``, which loads only ``pagefind.js``;
that loads the worker and WebAssembly), so no page asks for them (0.40 MiB in each site)."""


class SearchIndexError(Exception):
    """Pagefind failed; the message is German and says what to do."""


def pagefind_command(site_dir: Path, output_dir: Path | None = None) -> list[str]:
    """``site_dir`` holds the pages to index; the bundle goes to ``output_dir`` (by default
    ``site_dir/pagefind``)."""
    output = ["--output-path", str(output_dir.resolve())] if output_dir else []
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        # Every page is German; forcing it keeps one index with German stemming even if a
        # page lacks lang="de", and makes the bundle's file names independent of detection.
        "--force-language",
        LANGUAGE,
        "--output-subdir",
        BUNDLE_DIR,
        *output,
        "--quiet",
    ]


INDEX_CHUNK_SIZE = "2000"
"""Word positions per index chunk (Pagefind's default is 20,000). A one-word query loads one
chunk per shard; smaller chunks keep that to the word's own entries plus a few KB instead
of 25-45 KB per shard ("haushalt" at 10,000 resolutions in 14 shards: 216 KiB of index and
fragments instead of 321 KiB with 5,000), for more but smaller files. Pagefind reads it
from ``PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE``; should a later Pagefind drop the variable,
the search still works, only with larger chunks."""


def pagefind_environment() -> dict[str, str]:
    return {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": INDEX_CHUNK_SIZE}


class PagefindRun:
    """Pagefind running in the background while the build goes on (it reads only the
    search input, which is written before MkDocs starts). ``finish`` waits for it."""

    def __init__(self, site_dir: Path, output_dir: Path | None = None) -> None:
        self.site_dir = site_dir
        self.bundle = output_dir or site_dir / BUNDLE_DIR
        self.started = time.perf_counter()
        self.seconds = 0.0
        job = [sys.executable, "-m", "generator.search.pagefind_job", str(self.bundle), "--"]
        try:
            self.process = subprocess.Popen(
                [*job, *pagefind_command(site_dir, output_dir)],
                env=pagefind_environment(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                # A group of its own, so that ``kill`` stops Pagefind with the job.
                start_new_session=os.name == "posix",
            )
        except OSError as exc:
            raise SearchIndexError(
                f"Pagefind konnte nicht gestartet werden ({exc}). "
                "Ist das Paket 'pagefind[bin]' installiert?"
            ) from exc

    def kill(self) -> None:
        """Stop Pagefind; ``finish`` (in the thread that waits for it) then reports it."""
        if self.process.poll() is not None:
            return
        if os.name == "posix":
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        else:
            self.process.kill()

    def finish(self) -> None:
        """Wait for Pagefind; raise SearchIndexError if it failed.

        The output is reproducible: Pagefind names most files by content hash and indexes
        pages in path order; the files it writes in a random order (filters and metadata)
        are put in a fixed order afterwards (``generator.search.pagefind_bundle``), in the
        same process (``pagefind_job``).
        """
        stdout, stderr = self.process.communicate()
        self.seconds = time.perf_counter() - self.started
        if self.process.returncode != 0:
            details = (stderr or stdout).strip()
            if "No module named pagefind" in details:
                raise SearchIndexError(
                    "Pagefind ist nicht installiert: pip install 'pagefind[bin]' "
                    "(oder die Projektabhängigkeiten neu installieren)."
                )
            raise SearchIndexError(
                f"Pagefind ist beim Erstellen des Suchindex für {self.site_dir} gescheitert "
                f"(Exit-Code {self.process.returncode}):\n{details}"
            )
        if not (self.bundle / ENTRY).is_file():
            raise SearchIndexError(
                f"Pagefind hat in {self.bundle} keinen Suchindex geschrieben; "
                "enthält die Website Beschlussseiten mit data-pagefind-body?"
            )


class ShardedPagefind:
    """One Pagefind run per shard in the background while the build goes on. ``finish``
    waits for all and raises the first failure; ``abort`` stops the runs and the rest.

    Each run holds its shard's pages in memory, so at first one runs at a time, beside the
    build's own work. Once the build has nothing left but to wait, ``use_second_core`` lets
    a second run go alongside: Pagefind itself keeps about one core busy.

    ``jobs`` are (search input folder, bundle folder) pairs; the first is the primary
    bundle, the others lose the files only the primary needs (``KEPT_IN_SECONDARY``).
    """

    def __init__(self, jobs: Sequence[tuple[Path, Path]], *, primary: Path | None = None) -> None:
        """``primary``: the primary bundle's folder, if not the first job's (an incremental
        build that kept the primary bundle runs only secondary shards)."""
        self.started = time.perf_counter()
        self.seconds = 0.0
        self._primary = jobs[0][1] if primary is None else primary
        self._pending = list(jobs)
        self._lock = threading.Lock()
        self._stopped = False
        self._error: SearchIndexError | None = None
        self._running: set[PagefindRun] = set()
        self._threads: list[threading.Thread] = []
        # The first run starts here, so a missing Pagefind fails the build at once.
        first = self._next()
        assert first is not None
        self._start_thread(first)

    def use_second_core(self) -> None:
        with self._lock:
            more = not self._stopped and bool(self._pending) and len(self._threads) < 2
        if not more:
            return
        try:
            run = self._next()
        except SearchIndexError as exc:
            with self._lock:
                self._error = self._error or exc
            return
        if run is not None:
            self._start_thread(run)

    def _start_thread(self, run: PagefindRun) -> None:
        thread = threading.Thread(target=self._work, args=(run,), name="pagefind", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _next(self) -> PagefindRun | None:
        with self._lock:
            if self._stopped or not self._pending:
                return None
            site_dir, bundle = self._pending.pop(0)
            run = PagefindRun(site_dir, bundle)
            self._running.add(run)
            return run

    def _work(self, run: PagefindRun | None) -> None:
        try:
            while run is not None:
                run.finish()
                with self._lock:
                    self._running.discard(run)
                if run.bundle != self._primary:
                    strip_secondary(run.bundle)
                run = self._next()
        except SearchIndexError as exc:
            with self._lock:
                self._error = self._error or exc
                self._stopped = True

    def finish(self) -> None:
        for thread in list(self._threads):
            thread.join()
        self.seconds = time.perf_counter() - self.started
        if self._error is not None:
            raise self._error

    def abort(self) -> None:
        with self._lock:
            self._stopped = True
            running = list(self._running)
        for run in running:
            run.kill()
        for thread in list(self._threads):
            thread.join()


def strip_secondary(bundle: Path) -> None:
    unused = [
        path
        for path in sorted(bundle.iterdir())
        if path.is_file() and not path.name.endswith(KEPT_IN_SECONDARY)
    ]
    site_writer.apply_changes((), unused)


def run_pagefind(site_dir: Path, output_dir: Path | None = None) -> None:
    """Write the search index into ``output_dir`` (default ``site_dir/pagefind/``) and wait."""
    PagefindRun(site_dir, output_dir).finish()


def make_reproducible(bundle: Path) -> bool:
    """Sort what Pagefind wrote in hash-map order; False if the layout was not recognised.

    An unrecognised layout (a future Pagefind) is left as written: the search still works,
    only two builds may differ, which the reproducibility test reports.
    """
    try:
        changes = canonical_changes(bundle)
    except (UnknownFormat, OSError, ValueError, KeyError, TypeError):
        return False
    site_writer.apply_changes(changes.write, changes.remove)
    return True


def drop_unused_scripts(bundle: Path) -> None:
    """Remove what Pagefind wrote into ``bundle`` that no page loads (``UNUSED_SCRIPTS``)."""
    unused = [bundle / name for name in UNUSED_SCRIPTS if (bundle / name).is_file()]
    site_writer.apply_changes((), unused)
