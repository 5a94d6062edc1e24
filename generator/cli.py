"""The ``ratsarchiv`` command: parses the arguments and dispatches to one of ``commands/``.

Exit codes: 0 ok, 1 content problems, 2 usage error (130 when interrupted).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from generator.commands import build, check, ci, importing, init, new, serve
from generator.commands.shared import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Handler

COMMANDS = (check, new, ci, importing, init, build, serve)
"""Each adds its subcommand with ``register``; ``--help`` lists them in this order. A new
command is a module in ``commands/`` with ``register`` and its handler, named here."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ratsarchiv",
        description=(
            "Ratsarchiv: macht aus den Beschlussdateien in content/ eine statische, "
            "durchsuchbare Website."
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", required=True)
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    handler: Handler = args.handler
    return handler(args)


__all__ = ["EXIT_CONTENT", "EXIT_OK", "EXIT_USAGE", "main"]
