"""MkDocs hook for ``ratsarchiv serve``: regenerate the pages before each rebuild.

Only used by the preview server; the build itself never runs inside MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from generator.build import BuildFailed, prepare, stamp_preview
from generator.preview.overlay import SCRIPT, write_problems
from generator.preview.serve import ACTIVE, FAILURE, LAST

log = logging.getLogger("mkdocs.ratsarchiv")


def on_config(config: Any) -> Any:
    """The preview's pages load the script that shows content problems on the page."""
    config.extra_javascript.append(SCRIPT)
    return config


def on_pre_build(config: Any) -> None:
    if not ACTIVE:
        return
    options, preview = ACTIVE[0]
    try:
        prepared = prepare(options, preview=preview)
        LAST[:] = [prepared]
        report = prepared.report
        FAILURE[:] = []
    except BuildFailed as failure:
        # Keep serving the last good pages; the editor sees why in the terminal and,
        # through ratsarchiv-preview.js, on the page (on_post_build writes the problems).
        FAILURE[:] = [failure]
        for problem in failure.problems:
            log.error(problem.format())
        log.error("Vorschau nicht aktualisiert (%s): %s", failure.stage, failure.detail)
        return
    if report.written or report.deleted:
        log.info("%d Seiten neu erzeugt, %d entfernt", len(report.written), len(report.deleted))


def on_post_build(config: Any) -> None:
    """Stamp the pages outside the nav into the shells MkDocs has just rendered."""
    if not ACTIVE or not LAST:
        return
    site_dir = Path(config["site_dir"])
    if FAILURE:
        write_problems(site_dir, FAILURE[0].problems, FAILURE[0].stage)
    else:
        write_problems(site_dir, (), None)
    written = stamp_preview(LAST[0], site_dir, ACTIVE[0][1])
    if written:
        log.info("%d Seiten eingesetzt", written)
