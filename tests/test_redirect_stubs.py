"""The redirect stubs (former ids, papers decided once, faction months) bypass MkDocs: the
build writes them straight into the site, and the preview rewrites those an edit changed."""

from __future__ import annotations

import re
from pathlib import Path

from generator.build import Preview, build, prepare, run_mkdocs, stamp_preview
from tests.site_fixtures import HA, site_options, small_archive

FORMER = "beschluss/ha-2020-17/index.html"
MATTER = "vorlage/2020-0123/index.html"
FACTION_MONTH = "fraktion/cdu/2020/04/index.html"


def _stubs_in(folder: Path) -> list[str]:
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if "<title>Weiterleitung</title>" in path.read_text(encoding="utf-8")[:200]
    )


def test_the_stubs_reach_the_site_without_passing_the_docs_folder(tmp_path: Path) -> None:
    options = site_options(tmp_path, small_archive(tmp_path))
    build(options)
    stubs = _stubs_in(options.site_dir)
    assert {FORMER, MATTER, FACTION_MONTH} <= set(stubs)
    assert _stubs_in(options.docs_dir) == []
    assert not (options.docs_dir / "vorlage").exists()


def test_the_preview_rewrites_a_changed_stub_and_removes_a_gone_one(tmp_path: Path) -> None:
    content = small_archive(tmp_path)
    options = site_options(tmp_path, content)
    site = tmp_path / "preview"
    preview = Preview()
    prepared = prepare(options, preview=preview)
    run_mkdocs(prepared.config_file, site)  # what ``serve`` runs, with the hook's stamping
    stamp_preview(prepared, site, preview)
    assert "digitale Arbeitsplätze" in (site / MATTER).read_text(encoding="utf-8")
    assert (site / FORMER).is_file()
    faction_month = (site / FACTION_MONTH).read_bytes()

    file = content / HA / "2020-04-17-it-budget.md"
    text = file.read_text(encoding="utf-8").replace("digitale Arbeitsplätze", "mobile Geräte")
    file.write_text(re.sub(r"^former_ids:\n- ha-2020-17\n", "", text, flags=re.M), "utf-8")
    prepared = prepare(options, preview=preview)
    stamp_preview(prepared, site, preview)

    assert "mobile Geräte" in (site / MATTER).read_text(encoding="utf-8")
    assert not (site / FORMER).exists()
    assert (site / FACTION_MONTH).read_bytes() == faction_month
