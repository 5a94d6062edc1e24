"""What the commands share: exit codes, the handler type and the ``--content`` option."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Protocol

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
"""What shells report for a command ended by Ctrl+C."""


class Command(Protocol):
    """A module of ``commands/``: the texts of its ``--help``, its arguments, its handler."""

    HELP: str
    """One line, in the list of commands."""
    DESCRIPTION: str
    """The command's own ``--help``."""

    def arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int:
        """The exit code (``EXIT_…``)."""
        ...


def path_option(
    parser: argparse.ArgumentParser, flag: str, default: str, metavar: str, text: str
) -> None:
    """An option naming a file or folder, with its default (``--content ORDNER``)."""
    parser.add_argument(flag, type=Path, default=Path(default), metavar=metavar, help=text)


def content_argument(parser: argparse.ArgumentParser) -> None:
    path_option(
        parser, "--content", "content", "ORDNER", "Ordner mit den Inhalten (Standard: content)"
    )


def content_missing(content: Path) -> bool:
    """Says so on stderr when the content folder is not there (a usage error)."""
    if content.is_dir():
        return False
    print(f"ratsarchiv: Inhaltsordner '{content}' nicht gefunden", file=sys.stderr)
    return True


def decimal(value: float) -> str:
    """``1,5``: German decimal comma, one place."""
    return f"{value:.1f}".replace(".", ",")
