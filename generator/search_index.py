"""The search stage: Pagefind indexes the finished site for client-side full-text search.

Minimal version; the search branch replaces it (German stemming, filters, compounds).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def build_search_index(site_dir: Path) -> str | None:
    """Index ``site_dir`` in place; return an error message, or None when it worked."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "de"]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        return f"Pagefind ließ sich nicht starten: {exc}"
    if completed.returncode != 0:
        output = (completed.stderr or completed.stdout).strip()
        return f"Pagefind endete mit Code {completed.returncode}: {output[-2000:]}"
    return None
