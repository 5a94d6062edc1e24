"""Index the built site with Pagefind: the last stage of a build, after MkDocs.

Pagefind runs as ``python -m pagefind`` from the same interpreter, so the binary shipped in
the ``pagefind[bin]`` wheel is used and no download happens at build time. It writes the
search bundle into ``<site>/pagefind/``; the search page loads it from there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator import site_writer
from generator.pagefind_bundle import UnknownFormat, canonical_changes

BUNDLE_DIR = "pagefind"
"""Where Pagefind writes its bundle, relative to the site root (Pagefind's default)."""

LANGUAGE = "de"


class SearchIndexError(Exception):
    """Pagefind failed; the message is German and says what to do."""


def pagefind_command(site_dir: Path, output_dir: Path | None = None) -> list[str]:
    """``site_dir`` holds the pages to index; the bundle goes to ``output_dir`` (by default
    ``site_dir/pagefind``)."""
    output = ["--output-path", str(output_dir.resolve())] if output_dir else []
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        # Every page is German; forcing it keeps one index with German stemming even if a
        # page lacks lang="de", and makes the bundle's file names independent of detection.
        "--force-language",
        LANGUAGE,
        "--output-subdir",
        BUNDLE_DIR,
        *output,
        "--quiet",
    ]


def run_pagefind(site_dir: Path, output_dir: Path | None = None) -> None:
    """Write the search index into ``site_dir/pagefind/``; raise SearchIndexError on failure.

    The output is reproducible: Pagefind names most files by content hash and indexes
    pages in path order; the files it writes in a random order (filters and metadata)
    are put in a fixed order afterwards (``generator.pagefind_bundle``).
    """
    try:
        completed = subprocess.run(
            pagefind_command(site_dir, output_dir),
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        raise SearchIndexError(
            f"Pagefind konnte nicht gestartet werden ({exc}). "
            "Ist das Paket 'pagefind[bin]' installiert?"
        ) from exc
    if completed.returncode != 0:
        details = (completed.stderr or completed.stdout).strip()
        if "No module named pagefind" in details:
            raise SearchIndexError(
                "Pagefind ist nicht installiert: pip install 'pagefind[bin]' "
                "(oder die Projektabhängigkeiten neu installieren)."
            )
        raise SearchIndexError(
            f"Pagefind ist beim Erstellen des Suchindex für {site_dir} gescheitert "
            f"(Exit-Code {completed.returncode}):\n{details}"
        )
    bundle = output_dir or site_dir / BUNDLE_DIR
    if not (bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError(
            f"Pagefind hat in {bundle} keinen Suchindex geschrieben; "
            "enthält die Website Beschlussseiten mit data-pagefind-body?"
        )
    make_reproducible(bundle)


def make_reproducible(bundle: Path) -> bool:
    """Sort what Pagefind wrote in hash-map order; False if the layout was not recognised.

    An unrecognised layout (a future Pagefind) is left as written: the search still works,
    only two builds may differ, which the reproducibility test reports.
    """
    try:
        changes = canonical_changes(bundle)
    except (UnknownFormat, OSError, ValueError, KeyError, TypeError):
        return False
    site_writer.apply_changes(changes.write, changes.remove)
    return True


def build_search_index(site_dir: Path, output_dir: Path | None = None) -> str | None:
    """``run_pagefind`` for callers that report errors as text: the message, or None."""
    try:
        run_pagefind(site_dir, output_dir)
    except SearchIndexError as exc:
        return str(exc)
    return None
