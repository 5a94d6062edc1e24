"""What the commands share: exit codes, the handler type and the ``--content`` option."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
"""What shells report for a command ended by Ctrl+C."""

Handler = Callable[[argparse.Namespace], int]
# A string: argparse's action class takes no type arguments at run time.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""Where ``register`` adds a command (what ``add_subparsers`` returns)."""


def content_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="ORDNER",
        help="Ordner mit den Inhalten (Standard: content)",
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
