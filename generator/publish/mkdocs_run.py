"""MkDocs in-process, strict: the nav pages and the shells, or every warning it gave."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class MkDocsFailed(Exception):
    """MkDocs stopped; the message is its warnings, or the error itself."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _linking_copies(docs_dir: Path) -> Iterator[None]:
    """While MkDocs runs, its copies of files from ``docs_dir`` (the build's own folder:
    feeds, downloads, matter pages, … thousands of them) are hard links, not copies.

    Safe because nothing writes into a file of the docs folder in place: a changed file
    is written beside it and renamed over it (``site_writer.write_if_changed``), which
    leaves the linked site file as it was. Where linking fails (another file system),
    MkDocs copies as usual.
    """
    from mkdocs import utils

    original: Callable[[str, str], None] = utils.copy_file
    prefix = f"{docs_dir.absolute()}{os.sep}"  # MkDocs' paths are absolute, not resolved

    def link_or_copy(source_path: str, output_path: str) -> None:
        if source_path.startswith(prefix):
            try:
                os.link(source_path, output_path)
            except OSError:
                pass
            else:
                return
        original(source_path, output_path)

    setattr(utils, "copy_file", link_or_copy)  # noqa: B010 (mypy: a plain assignment's type)
    try:
        yield
    finally:
        setattr(utils, "copy_file", original)  # noqa: B010


def mkdocs_build(config_file: Path, site_dir: Path, *, link_from: Path | None = None) -> None:
    """MkDocs with ``strict``: any warning (a broken link, a bad anchor) fails.

    ``link_from``: the docs folder, whose files are linked into ``site_dir`` instead of
    copied (``_linking_copies``)."""
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
            if link_from is None:
                build(config)
            else:
                with _linking_copies(link_from):
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
