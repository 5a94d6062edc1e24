"""The entry point the build calls: all outputs, unique paths, same bytes every time."""

from __future__ import annotations

import datetime

import markdown

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.outputs import reuse_outputs
from generator.outputs.downloads import CSV_COLUMNS
from generator.outputs.faction_csv import COLUMNS as FACTION_COLUMNS
from generator.outputs.mandate_data import CSV_FIELDS as MANDATE_COLUMNS


def test_reuse_outputs_are_complete_unique_and_reproducible(catalog: Catalog) -> None:
    stand = datetime.date(2024, 5, 6)
    files = reuse_outputs(catalog, updated=stand)
    paths = [f.path for f in files]
    assert len(paths) == len(set(paths))
    for expected in (
        urls.feed_all(),
        urls.calendar_all(),
        urls.data_json(),
        urls.data_csv(),
        urls.oparl_system(),
        "statistik/index.md",
        "daten/index.md",
    ):
        assert expected in paths
    assert reuse_outputs(catalog, updated=stand) == files
    site = catalog.archive.settings.site_url.rstrip("/") + "/"
    system = next(f for f in files if f.path == urls.oparl_system())
    assert f'"{site}oparl/system.json"'.encode() in (system.content or b"")


def test_site_url_can_be_overridden(fixture_catalog: Catalog) -> None:
    files = reuse_outputs(
        fixture_catalog, updated=datetime.date(2024, 1, 1), site_url="http://localhost:8000"
    )
    feed = next(f for f in files if f.path == urls.feed_all())
    assert b"http://localhost:8000/beschluss/" in (feed.content or b"")


def test_data_page_documents_every_column_and_the_licence(fixture_catalog: Catalog) -> None:
    files = reuse_outputs(fixture_catalog, updated=datetime.date(2024, 1, 1))
    page = next(f for f in files if f.path == "daten/index.md")
    text = (page.content or b"").decode("utf-8")
    assert text.startswith("# Daten\n")
    for column, _, _ in CSV_COLUMNS:
        assert f"| `{column}` |" in text
    licence = fixture_catalog.archive.settings.data_license
    assert f'<a href="{licence.url}">{licence.name}</a>' in text
    assert "oparl/system.json" in text
    for column, _, _ in FACTION_COLUMNS:
        assert f"| `{column}` |" in text
    html = markdown.markdown(text, extensions=["tables"])
    assert html.count("<table>") == 6  # downloads, three CSVs, votes, OParl fields
    for column, _, _ in MANDATE_COLUMNS:
        assert f"| `{column}` |" in text
    assert "`ratsarchiv:mandates`" in text
