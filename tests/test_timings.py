"""``--timings``: each stage's wall and CPU time, for the benchmarks."""

from __future__ import annotations

import json
import time
from pathlib import Path

from generator.runtime.timings import StageTimings


def test_a_stage_reports_the_cpu_time_it_spent(tmp_path: Path) -> None:
    timings = StageTimings()
    with timings.stage("busy"):
        started = time.process_time()
        while time.process_time() - started < 0.05:  # work, not a wait
            pass
    with timings.stage("idle"):
        pass
    path = tmp_path / "timings.json"
    timings.write(path)
    stages = json.loads(path.read_text(encoding="utf-8"))
    assert list(stages) == ["busy", "idle"]
    assert stages["busy"]["cpu_seconds"] >= 0.05
    assert stages["busy"]["seconds"] > 0
    assert 0 <= stages["idle"]["cpu_seconds"] < stages["busy"]["cpu_seconds"]
