"""JSON and CSV downloads carry every field of every resolution and read back to the model."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.outputs.downloads import CSV_COLUMNS, downloads, source_file
from tests.outputs.published import read_csv, record_from_csv_row, resolution_from_record


def _as_published(resolution: Resolution) -> Resolution:
    """What the downloads promise: non-public text stays out, files by name, path in content/."""
    public = resolution.public
    return dataclasses.replace(
        resolution,
        path=Path(source_file(resolution)),
        text=resolution.text if public else "",
        discussion=resolution.discussion if public else "",
        attachments=tuple(
            dataclasses.replace(
                a, file=Path(a.file.name) if a.file else None, url=None if a.file else a.url
            )
            for a in resolution.attachments
        )
        if public
        else (),
    )


def _files(catalog: Catalog, context: OutputContext) -> dict[str, bytes]:
    files = {f.path: f.content for f in downloads(catalog, context)}
    assert all(content is not None for content in files.values())
    return {path: content for path, content in files.items() if content is not None}


def test_json_round_trips_every_resolution(catalog: Catalog, context: OutputContext) -> None:
    bundle = json.loads(_files(catalog, context)[urls.data_json()])
    rebuilt = [resolution_from_record(record) for record in bundle["resolutions"]]
    assert rebuilt == [_as_published(r) for r in catalog.resolutions]
    assert bundle["license"]["url"] == catalog.archive.settings.data_license.url


def test_json_per_resolution_lies_next_to_its_page(
    catalog: Catalog, context: OutputContext
) -> None:
    files = _files(catalog, context)
    for resolution in catalog.resolutions:
        record = json.loads(files[urls.resolution_json(resolution.id)])
        assert resolution_from_record(record) == _as_published(resolution)
        assert record["url"] == context.absolute(urls.resolution(resolution.id))


def test_csv_round_trips_every_resolution(catalog: Catalog, context: OutputContext) -> None:
    data = _files(catalog, context)[urls.data_csv()]
    rows = read_csv(data)
    rebuilt = [resolution_from_record(record_from_csv_row(row)) for row in rows]
    assert rebuilt == [_as_published(r) for r in catalog.resolutions]


def test_csv_has_the_documented_columns_and_a_bom(catalog: Catalog, context: OutputContext) -> None:
    data = _files(catalog, context)[urls.data_csv()]
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_csv(data)
    assert len(rows) == len(catalog.by_id)
    assert list(rows[0]) == [column for column, _, _ in CSV_COLUMNS]


def test_csv_vote_columns_sum_the_counts(fixture_catalog: Catalog, context: OutputContext) -> None:
    rows = {row["id"]: row for row in read_csv(_files(fixture_catalog, context)[urls.data_csv()])}
    split = rows["fa-2023-002"]  # part 1 unanimous, part 3 counted 10/4/1
    assert (split["votes_for"], split["votes_against"], split["votes_abstain"]) == ("10", "4", "1")
    assert split["unanimous"] == "false"
    assert split["vote_count"] == "2"
    assert rows["fa-2023-001"]["unanimous"] == "true"
    assert rows["fa-2023-001"]["votes_abstain"] == "2"
    assert rows["rat-2023-002"]["votes_for"] == ""


def test_non_public_text_is_not_published(fixture_catalog: Catalog, context: OutputContext) -> None:
    for path, content in _files(fixture_catalog, context).items():
        assert b"Geheim" not in content, path
