"""MkDocs in-process, strict: the nav pages and the shells, or every warning it gave."""

from __future__ import annotations

import logging
from pathlib import Path


class MkDocsFailed(Exception):
    """MkDocs stopped; the message is its warnings, or the error itself."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    """MkDocs with ``strict``: any warning (a broken link, a bad anchor) fails."""
    from jinja2 import TemplateError
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, OSError, TemplateError) as exc:
        # A template error comes from theme_overrides/, which operators may edit.
        details = "; ".join(collect.messages) or f"{type(exc).__name__}: {exc}"
        raise MkDocsFailed(details) from exc
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
