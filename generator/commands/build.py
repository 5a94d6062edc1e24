"""``ratsarchiv build``: the finished site, with a line of progress per stage."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from generator.archive.problems import Severity
from generator.build import BuildFailed, BuildOptions, build
from generator.commands.reporting import notes_by_field
from generator.commands.shared import (
    EXIT_CONTENT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    content_argument,
    content_missing,
    decimal,
    path_option,
)
from generator.publish.freshness import source_date_epoch
from generator.publish.site_writer import folder_bytes
from generator.runtime.build_lock import BUILD, BuildFolderBusy, exclusive_build_folder
from generator.runtime.disk_space import full_disk_message
from generator.runtime.progress import Progress
from generator.runtime.timings import StageTimings

STAGES = {
    "load": "Inhalte gelesen und geprüft",
    "file_texts": "Beschlusstexte aus Dateien gelesen",
    "generate": "Seiten erzeugt",
    "mkdocs": "Seiten der Navigation gerendert (MkDocs)",
    "stamp": "übrige Seiten eingesetzt",
    "pagefind": "Suchindex fertig (Pagefind)",
    "publish": "veröffentlicht",
}
"""German names of the build stages, for the progress display."""


HELP = "Website erzeugen"
DESCRIPTION = (
    "Prüft die Inhalte und erzeugt die fertige Website in site/ (mit Suchindex). "
    "Scheitert ein Schritt, bleibt die bisherige Website unverändert."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    build_arguments(parser)
    parser.add_argument(
        "--timings",
        type=Path,
        default=None,
        metavar="DATEI",
        help="Dauer und Speicherbedarf je Schritt als JSON in DATEI schreiben (für Benchmarks)",
    )


_FOLDERS_AND_FILES = (
    ("--config", "mkdocs.yml", "DATEI", "Theme-Einstellungen für MkDocs (Standard: mkdocs.yml)"),
    ("--output", "site", "ORDNER", "Zielordner der Website (Standard: site)"),
    (
        "--build-dir",
        ".build",
        "ORDNER",
        "Arbeitsordner für die erzeugten Seiten (Standard: .build)",
    ),
)


def build_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``build`` that ``serve`` shares."""
    content_argument(parser)
    for flag, default, metavar, text in _FOLDERS_AND_FILES:
        path_option(parser, flag, default, metavar, text)
    parser.add_argument(
        "--site-url",
        default=None,
        metavar="URL",
        help="öffentliche Adresse der Website; ersetzt site_url aus content/archive.yml",
    )


def build_options(args: argparse.Namespace, *, search: bool = True) -> BuildOptions:
    return BuildOptions(
        content_root=args.content,
        base_config=args.config,
        build_dir=args.build_dir,
        site_dir=args.output,
        site_url=args.site_url,
        search=search,
    )


def report_failure(failure: BuildFailed) -> int:
    for problem in failure.problems:
        print(problem.format(), file=sys.stderr)
    print(
        f"ratsarchiv: Erstellen fehlgeschlagen im Schritt „{failure.stage}“: {failure.detail}",
        file=sys.stderr,
    )
    return EXIT_CONTENT


def run(args: argparse.Namespace) -> int:
    if content_missing(args.content):
        return EXIT_USAGE
    progress = Progress(len(STAGES), sys.stderr)
    timings = StageTimings(
        on_stage_end=lambda stage, seconds: progress.advance(
            f"{STAGES.get(stage, stage)}: {decimal(seconds)} s"
        )
    )
    started = time.perf_counter()
    options = build_options(args)
    try:
        with (
            source_date_epoch(args.content),
            _terminate_as_interrupt(),
            exclusive_build_folder(options.build_dir, BUILD, on_wait=_say),
        ):
            prepared = build(options, timings)
    except BuildFailed as failure:
        return report_failure(failure)
    except BuildFolderBusy as busy:
        _say(str(busy))
        return EXIT_USAGE
    except OSError as failure:
        message = full_disk_message(failure, site_dir=options.site_dir)
        if message is None:
            raise
        _say(message)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        print("ratsarchiv: Erstellen abgebrochen; die alte Website bleibt", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if args.timings is not None:
            timings.write(args.timings)
    for problem in prepared.problems:
        if problem.severity is not Severity.NOTE:
            print(problem.format(), file=sys.stderr)
    for line in notes_by_field(prepared.problems):
        print(line, file=sys.stderr)
    pages = len(prepared.fragments) + len(prepared.nav_pages)
    size = prepared.site_bytes if prepared.site_bytes is not None else folder_bytes(args.output)
    print(
        f"Website mit {len(prepared.catalog.by_id)} Beschlüssen ({pages} Seiten, "
        f"{decimal(size / 2**20)} MiB) in {decimal(time.perf_counter() - started)} s "
        f"nach {args.output} geschrieben.",
        file=sys.stderr,
    )
    return EXIT_OK


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Let SIGTERM (a CI timeout, ``kill``) end the build like Ctrl+C does: through every
    ``finally``, so that no staging folder is left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return

    build_process = os.getpid()

    def interrupt(signum: int, frame: object) -> None:
        if os.getpid() != build_process:
            # A forked worker inherits the handler; the pool ends its workers with SIGTERM,
            # and a KeyboardInterrupt there would only print a traceback. Die as asked.
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _say(message: str) -> None:
    print(f"ratsarchiv: {message}", file=sys.stderr)
