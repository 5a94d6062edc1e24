"""A new Stand date alone re-renders only the pages whose upcoming meetings or overdue
mandates it may change: an edit committed on another day costs an edit, not a clean build,
and the site is still a clean build's of the same content on that day."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.pages.stand_phase import stand_phase
from generator.reading.loading import load_archive
from tests.conftest import DEMO_CONTENT
from tests.test_incremental_build import _clean_build, _manifest, _options, assert_same_site


def _epoch(day: datetime.date) -> str:
    midnight = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
    return str(int(midnight.timestamp()))


def _dates() -> tuple[list[datetime.date], list[datetime.date]]:
    catalog, _ = load_archive(DEMO_CONTENT)
    meetings = sorted({key.date for key in catalog.meeting_keys})
    dues = sorted({m.due for r in catalog.resolutions for m in r.mandates if m.due is not None})
    return meetings, dues


def test_the_phase_changes_only_where_a_meeting_or_a_deadline_lies_between() -> None:
    catalog, _ = load_archive(DEMO_CONTENT)
    meetings, dues = _dates()
    assert dues, "the demo archive has mandates with deadlines"
    last = max(meetings[-1], dues[-1])
    after = last + datetime.timedelta(days=30)
    assert stand_phase(catalog, after) == stand_phase(catalog, after + datetime.timedelta(1))
    assert stand_phase(catalog, after) == (None, None)
    newest = meetings[-1]
    before = newest - datetime.timedelta(days=1)
    assert stand_phase(catalog, before)[0] == newest  # upcoming the day before
    assert stand_phase(catalog, newest)[0] is None or stand_phase(catalog, newest)[0] > newest
    due = dues[-1]
    assert stand_phase(catalog, due)[1] == due  # due that day: not yet overdue
    later = stand_phase(catalog, due + datetime.timedelta(days=1))[1]
    assert later is None or later > due


def test_a_new_day_keeps_every_page_and_a_passed_meeting_renders_its_pages_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    meetings, dues = _dates()
    quiet = max(meetings[-1], dues[-1]) + datetime.timedelta(days=30)
    kept = _options(tmp_path, content, "kept", search=False)

    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(quiet))
    build(kept)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(quiet + datetime.timedelta(days=1)))
    build(kept)
    assert _manifest(kept)["resolution_pages"] == {
        "reused": len(list((content / "resolutions").rglob("*.md"))),
        "rendered": 0,
    }
    lists = _manifest(kept)["list_pages"]
    assert isinstance(lists, dict) and lists["rendered"] == 0 and lists["reused"] > 50
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)
    footer = (kept.site_dir / "index.html").read_text(encoding="utf-8")
    assert (quiet + datetime.timedelta(days=1)).isoformat() in footer  # the Stand is new

    # The day before the newest meeting it is upcoming; on its day it has taken place:
    # the list pages that show meetings are made again, the resolution pages (which judge
    # only deadlines by the Stand, and none falls on that day) are kept, and the site is
    # that day's clean build.
    newest = meetings[-1]
    assert newest not in dues
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(newest - datetime.timedelta(days=1)))
    build(kept)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(newest))
    build(kept)
    lists = _manifest(kept)["list_pages"]
    assert isinstance(lists, dict) and lists["rendered"] >= 1
    resolution_pages = _manifest(kept)["resolution_pages"]
    assert isinstance(resolution_pages, dict) and resolution_pages["rendered"] == 0
    assert_same_site(kept.site_dir, _clean_build(tmp_path, content, search=False).site_dir)
