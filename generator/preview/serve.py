"""``ratsarchiv serve``: MkDocs' live-reloading server on the generated docs folder.

MkDocs watches ``content/`` too; before each rebuild a thin hook (``live_hook.py``)
regenerates the pages, and the writer rewrites only those whose bytes changed, so MkDocs'
dirty build re-renders just the pages an editor touched.
"""

from __future__ import annotations

from pathlib import Path

from generator.build import BuildFailed, BuildOptions, Prepared, Preview, prepare
from generator.preview.overlay import EditorLog

ACTIVE: list[tuple[BuildOptions, Preview]] = []
"""The running server's options and memory, read by the hook (MkDocs loads it as a file)."""
LAST: list[Prepared] = []
"""The pages of the latest rebuild, stamped by the hook once MkDocs has rendered."""

FAILURE: list[BuildFailed] = []
"""Why the latest rebuild failed, if it did; shown on the preview's pages."""

HOOK = Path(__file__).with_name("live_hook.py")


def serve(options: BuildOptions, *, dev_addr: str = "127.0.0.1:8000") -> None:
    import logging

    from mkdocs.commands.serve import serve as mkdocs_serve

    # MkDocs reports "Serving on …" and rebuilds through logging; the mkdocs CLI would
    # install this handler, we run it as a library.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(EditorLog())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    preview = Preview()
    prepared = prepare(options, preview=preview)
    ACTIVE[:] = [(options, preview)]
    LAST[:] = [prepared]
    mkdocs_serve(
        config_file=str(prepared.config_file),
        livereload=True,
        build_type="dirty",
        watch=[str(options.content_root.resolve())],
        dev_addr=dev_addr,
        hooks=[str(HOOK)],
    )
