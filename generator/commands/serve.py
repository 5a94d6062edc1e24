"""``ratsarchiv serve``: the live preview, rebuilt when a file in ``content/`` is saved."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from generator.build import BuildFailed
from generator.commands.build import build_arguments, build_options, report_failure
from generator.commands.shared import EXIT_OK, EXIT_USAGE, content_missing
from generator.editor.area import repository_layout
from generator.editor.local_backend import Workspace, preview_origins, running
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
    parser.add_argument(
        "--redaktion",
        action="store_true",
        help="der Redaktionsbereich (/redaktion/) der Vorschau speichert in content/ "
        "(lokaler Modus, ohne Anmeldung)",
    )
    parser.add_argument(
        "--redaktion-port",
        type=int,
        default=8081,
        metavar="PORT",
        help="Port, über den der Redaktionsbereich speichert (Standard: 8081)",
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
            if not args.redaktion:
                serve(options, dev_addr=args.dev_addr)
                return EXIT_OK
            root, _ = repository_layout(options.content_root)
            workspace = Workspace(root=root, content=options.content_root)
            origins = preview_origins(args.dev_addr)
            with running(workspace, origins, port=args.redaktion_port) as url:
                print_notice(
                    f"Redaktionsbereich: http://{args.dev_addr}/redaktion/ speichert nach "
                    f"{options.content_root}/"
                )
                serve(replace(options, local_backend_url=url), dev_addr=args.dev_addr)
    except BuildFailed as failure:
        return report_failure(failure)
    return EXIT_OK


def print_notice(message: str) -> None:
    print(f"ratsarchiv: {message}", file=sys.stderr)
