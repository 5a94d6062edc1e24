"""MkDocs hook for ``ratsarchiv serve``: regenerate the pages before each rebuild.

Only used by the preview server; the build itself never runs inside MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from generator.build import BuildFailed, prepare, stamp_preview
from generator.serve import ACTIVE, LAST

log = logging.getLogger("mkdocs.ratsarchiv")


def on_pre_build(config: Any) -> None:
    if not ACTIVE:
        return
    options, preview = ACTIVE[0]
    try:
        prepared = prepare(options, preview=preview)
        LAST[:] = [prepared]
        report = prepared.report
    except BuildFailed as failure:
        # Keep serving the last good pages; the editor sees why in the terminal.
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
    written = stamp_preview(LAST[0], Path(config["site_dir"]), ACTIVE[0][1])
    if written:
        log.info("%d Seiten eingesetzt", written)
