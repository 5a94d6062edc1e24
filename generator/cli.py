"""The ``ratsarchiv`` command: parses the arguments and dispatches to one of ``commands/``.

Exit codes: 0 ok, 1 content problems, 2 usage error (130 when interrupted).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from generator.commands import auftraege, build, check, ci, importing, init, new, serve
from generator.commands.shared import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Command

COMMANDS: dict[str, Command] = {
    "check": check,
    "new": new,
    "ci": ci,
    "import": importing,
    "init": init,
    "build": build,
    "serve": serve,
    "auftraege": auftraege,
}
"""Name → module; ``--help`` lists them in this order. A new command is a module in
``commands/`` with ``HELP``, ``DESCRIPTION``, ``arguments`` and ``run`` (see
``shared.Command``), imported and named here."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ratsarchiv",
        description=(
            "Ratsarchiv: macht aus den Beschlussdateien in content/ eine statische, "
            "durchsuchbare Website."
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", required=True)
    for name, command in COMMANDS.items():
        subparser = commands.add_parser(name, help=command.HELP, description=command.DESCRIPTION)
        command.arguments(subparser)
        subparser.set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


__all__ = ["EXIT_CONTENT", "EXIT_OK", "EXIT_USAGE", "main"]
