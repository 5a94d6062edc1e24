"""Pagefind runs inside a job process of its own (``search.pagefind_job``), which also makes
its bundle reproducible: stopping a run must stop the command inside it too."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.search import index as search_index
from generator.search.index import PagefindRun

SLEEPER = (
    "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); "
    "os.close(1); os.close(2); time.sleep(120)"  # the job's pipes closed: finish needs no wait
)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its parent has not looked yet


def _wait_for(condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"nach 30 s noch nicht: {what}")
        time.sleep(0.05)


def test_kill_stops_the_command_inside_the_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "pid"
    sleeper = [sys.executable, "-c", SLEEPER, str(pid_file)]
    monkeypatch.setattr(search_index, "pagefind_command", lambda *arguments: sleeper)
    run = PagefindRun(tmp_path, tmp_path / "bundle")
    _wait_for(lambda: pid_file.exists() and pid_file.read_text(), "the command started")
    inner = int(pid_file.read_text())
    assert inner != run.process.pid  # it runs inside the job, not as the job

    run.kill()

    with pytest.raises(search_index.SearchIndexError, match="Exit-Code"):
        run.finish()
    _wait_for(lambda: not _alive(inner), "the command inside the job ended")
