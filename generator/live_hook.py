"""MkDocs hook for ``ratsarchiv serve``: regenerate the pages before each rebuild.

Only used by the preview server; the build itself never runs inside MkDocs.
"""

from __future__ import annotations

import logging
from typing import Any

from generator.build import BuildFailed, prepare
from generator.serve import ACTIVE

log = logging.getLogger("mkdocs.ratsarchiv")


def on_pre_build(config: Any) -> None:
    if not ACTIVE:
        return
    try:
        report = prepare(ACTIVE[0]).report
    except BuildFailed as failure:
        # Keep serving the last good pages; the editor sees why in the terminal.
        for problem in failure.problems:
            log.error(problem.format())
        log.error("Vorschau nicht aktualisiert (%s): %s", failure.stage, failure.detail)
        return
    if report.written or report.deleted:
        log.info("%d Seiten neu erzeugt, %d entfernt", len(report.written), len(report.deleted))
