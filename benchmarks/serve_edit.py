"""How long an editor waits in ``ratsarchiv serve`` until a saved change shows.

Starts ``ratsarchiv serve`` on an archive, waits until the preview answers, then appends a
unique word to one resolution's text (as an editor saving the file would), polls that
resolution's page until the word is there, and reports the seconds from saving to the
changed page being served. The file is restored afterwards.

    python benchmarks/serve_edit.py CONTENT_DIR [--id ID] [--edits 3]
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None


def _wait_for(url: str, marker: str | None, timeout: float) -> float:
    """Seconds until ``url`` answers (and contains ``marker``, if given)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        page = _get(url)
        if page is not None and (marker is None or marker in page):
            return time.perf_counter() - started
        time.sleep(0.05)
    raise TimeoutError(f"{url} zeigte nach {timeout:.0f} s nicht {marker or 'die Seite'}")


_ID = re.compile(r"^id:\s*['\"]?([^'\"\s]+)", re.MULTILINE)


def _resolution(content: Path, wanted: str | None) -> tuple[Path, str]:
    """The file of resolution ``wanted`` (default: the first file) and its id."""
    for path in sorted((content / "resolutions").rglob("*.md")):
        found = _ID.search(path.read_text(encoding="utf-8"))
        if found and wanted in (None, found.group(1)):
            return path, found.group(1)
    raise SystemExit(f"Kein Beschluss {wanted or ''} in {content}")


def measure(content: Path, resolution_id: str | None, edits: int) -> tuple[float, list[float]]:
    """(seconds until the preview answers, seconds per edit until it shows)."""
    source, page_id = _resolution(content, resolution_id)
    original = source.read_bytes()
    port = _free_port()
    work = Path(tempfile.mkdtemp(prefix="ratsarchiv-serve-"))
    command = [
        sys.executable,
        "-m",
        "generator",
        "serve",
        "--content",
        str(content),
        "--config",
        str(REPO / "mkdocs.yml"),
        "--output",
        str(work / "site"),
        "--build-dir",
        str(work / "build"),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/beschluss/{page_id}/"
    try:
        startup = _wait_for(url, None, timeout=600)
        times = []
        for number in range(edits):
            marker = f"Benchmarkwort{number}x{time.time_ns()}"
            text = original.decode("utf-8").rstrip("\n") + f"\n\n{marker}\n"
            saved = time.perf_counter()
            source.write_text(text, encoding="utf-8")
            _wait_for(url, marker, timeout=120)
            times.append(time.perf_counter() - saved)
            time.sleep(1)  # let the watcher settle before the next save
        return startup, times
    finally:
        source.write_bytes(original)
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path, help="archive folder (e.g. from synthesize.py)")
    parser.add_argument("--id", default=None, help="resolution to edit (default: the first)")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    startup, times = measure(args.content, args.id, args.edits)
    shown = "; ".join(_seconds(seconds) for seconds in times)
    print(f"Vorschau bereit nach {_seconds(startup)}; Änderung sichtbar nach {shown}")
    return 0


def _seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


if __name__ == "__main__":
    sys.exit(main())
