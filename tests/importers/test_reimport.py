from __future__ import annotations

import datetime
import io
from pathlib import Path

from generator.importers.reimport import Outcome
from generator.importers.runner import run_oparl, run_sessionnet
from generator.importers.sessionnet import Overrides
from tests.importers.conftest import FIXTURES

CRAWL = str(FIXTURES / "oparl")


def _snapshot(content: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in (content / "resolutions").rglob("*.md")}


def test_reimport_is_idempotent(content: Path) -> None:
    first = run_oparl(CRAWL, content, stream=io.StringIO(), today=datetime.date(2024, 5, 1))
    before = _snapshot(content)
    committees = (content / "committees.yml").read_text(encoding="utf-8")
    second = run_oparl(CRAWL, content, stream=io.StringIO(), today=datetime.date(2024, 6, 1))
    assert first.outcomes[Outcome.IMPORTED] == 3
    assert second.outcomes[Outcome.UNCHANGED] == 3
    assert second.outcomes[Outcome.IMPORTED] == second.outcomes[Outcome.UPDATED] == 0
    assert _snapshot(content) == before  # not even the imported date moves
    assert (content / "committees.yml").read_text(encoding="utf-8") == committees


def test_edited_file_survives_reimport_and_force_overwrites(content: Path) -> None:
    run_oparl(CRAWL, content, stream=io.StringIO(), today=datetime.date(2024, 5, 1))
    edited = next(p for p in _snapshot(content) if "radverkehr" in p.name)
    original = edited.read_text(encoding="utf-8")
    changed = original.replace("berichtet im Herbst erneut", "berichtet im Winter erneut")
    edited.write_text(changed, encoding="utf-8")

    report = run_oparl(CRAWL, content, stream=io.StringIO(), today=datetime.date(2024, 6, 1))
    assert report.kept == [edited]
    assert edited.read_text(encoding="utf-8") == changed
    assert any("von Hand geändert" in line for line in report.summary())

    forced = run_oparl(
        CRAWL, content, stream=io.StringIO(), today=datetime.date(2024, 6, 1), force=True
    )
    assert forced.outcomes[Outcome.UPDATED] == 1
    assert "berichtet im Herbst erneut" in edited.read_text(encoding="utf-8")
    assert len(_snapshot(content)) == 3


def test_changed_source_updates_file_in_place(content: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    template = (
        "Gremium: Rat\nDatum: 02.07.2020\nTOP: 3\nBetreff: Punkt\n\n"
        "Beschluss: {}\n\nBeschluss:\n\nText.\n"
    )
    export.write_text(template.format("vertagt"), encoding="utf-8")
    run = lambda: run_sessionnet(  # noqa: E731
        [export], content, Overrides(), stream=io.StringIO(), today=datetime.date(2024, 5, 1)
    )
    first = run()
    export.write_text(template.format("einstimmig beschlossen"), encoding="utf-8")
    second = run()
    assert first.written == second.written
    assert second.outcomes[Outcome.UPDATED] == 1
    assert "result: adopted" in first.written[0].read_text(encoding="utf-8")
    assert len(_snapshot(content)) == 1
