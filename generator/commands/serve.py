"""``ratsarchiv serve``: the live preview, rebuilt when a file in ``content/`` is saved."""

from __future__ import annotations

import argparse
import sys

from generator.build import BuildFailed
from generator.commands.build import build_arguments, build_options, report_failure
from generator.commands.shared import EXIT_OK, EXIT_USAGE, content_missing
from generator.runtime.build_lock import SERVE, exclusive_build_folder

HELP = "Vorschau mit automatischer Aktualisierung"
DESCRIPTION = (
    "Erzeugt die Website und zeigt sie unter http://127.0.0.1:8000/ an. Wird eine "
    "Datei in content/ gespeichert, aktualisiert sich die Vorschau von selbst."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    build_arguments(parser)
    parser.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="HOST:PORT",
        help="Adresse der Vorschau (Standard: 127.0.0.1:8000)",
    )


def run(args: argparse.Namespace) -> int:
    from generator.preview.serve import serve

    if content_missing(args.content):
        return EXIT_USAGE
    options = build_options(args, search=False)
    try:
        # Holds the build folder while the preview runs: a build started meanwhile says so
        # instead of rewriting the docs folder under the server.
        with exclusive_build_folder(options.build_dir, SERVE, on_wait=print_notice):
            serve(options, dev_addr=args.dev_addr)
    except BuildFailed as failure:
        return report_failure(failure)
    return EXIT_OK


def print_notice(message: str) -> None:
    print(f"ratsarchiv: {message}", file=sys.stderr)
