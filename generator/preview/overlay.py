"""What the preview shows in the browser while a content file is invalid.

``serve`` keeps the last valid pages when a rebuild fails; without a sign on the page an
editor would take the old page for the result of the edit. After each rebuild the hook
writes the problems (or none) to a JSON file in the preview's site folder, and a script
that only the preview loads shows them above the page.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path

from generator.archive.problems import Problem

PROBLEMS_FILE = "ratsarchiv-vorschau/probleme.json"
_SERVING = re.compile(r"Serving on (\S+)")
SCRIPT = "assets/javascripts/ratsarchiv-preview.js"
"""Added to the preview's pages only (``live_hook.on_config``); the built site never has it."""


def problems_json(problems: Sequence[Problem], stage: str | None) -> str:
    return json.dumps(
        {
            "stage": stage,
            "problems": [
                {"text": problem.format(), "severity": problem.severity.value}
                for problem in problems
            ],
        },
        ensure_ascii=False,
    )


def write_problems(site_dir: Path, problems: Sequence[Problem], stage: str | None) -> None:
    target = site_dir / PROBLEMS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(problems_json(problems, stage), encoding="utf-8")


class EditorLog(logging.Filter):
    """Keeps MkDocs' English notices for developers ("A 'dirty' build is being performed",
    link checks of generated pages) away from editors: they see our German lines, the
    address of the preview and real errors."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "mkdocs.ratsarchiv":
            return True
        serving = _SERVING.search(record.getMessage())
        if serving:
            record.msg = "Vorschau unter %s (beenden mit Strg+C)"
            record.args = (serving.group(1),)
            return True
        return record.levelno >= logging.ERROR
