"""The static OParl API validates against the OParl 1.1 schema and is complete by links."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.archive import urls
from generator.archive.catalog import Catalog, agenda_resolutions
from generator.outputs.context import OutputContext
from generator.outputs.downloads import downloads
from generator.outputs.oparl import oparl
from generator.reading.loading import load_archive
from tests.conftest import ContentTree, resolution_file

SCHEMA_DIR = Path(__file__).parent / "fixtures" / "oparl-schema"
SCHEMAS = {path.stem: json.loads(path.read_text("utf-8")) for path in SCHEMA_DIR.glob("*.json")}
LIST_KEYS = {"data", "pagination", "links"}


def _validate(value: dict[str, Any], name: str) -> None:
    """Validate against ``name``'s schema, then every embedded object against its own.

    OParl's schema names the schema of embedded objects in a ``"schema"`` keyword that
    JSON Schema ignores; following it is what makes embedded agenda items count.
    """
    schema = SCHEMAS[name]
    jsonschema.validate(value, schema)
    assert value["type"] == f"https://schema.oparl.org/1.1/{name}"
    for key, spec in schema["properties"].items():
        if key not in value:
            continue
        if spec.get("type") == "object" and "schema" in spec:
            _validate(value[key], spec["schema"].removesuffix(".json"))
        items = spec.get("items", {})
        if spec.get("type") == "array" and "schema" in items:
            for item in value[key]:
                _validate(item, items["schema"].removesuffix(".json"))


def _files(catalog: Catalog, context: OutputContext, page_size: int) -> dict[str, Any]:
    return {
        context.absolute(f.path): json.loads(f.content or b"")
        for f in oparl(catalog, context, page_size=page_size)
    }


@pytest.mark.parametrize("page_size", [2, 100])
def test_every_file_validates_against_the_schema(
    catalog: Catalog, context: OutputContext, page_size: int
) -> None:
    for url, value in _files(catalog, context, page_size).items():
        assert url.startswith(context.site_url + "oparl/")
        if set(value) == LIST_KEYS:
            for item in value["data"]:
                _validate(item, item["type"].rsplit("/", 1)[1])
        else:
            _validate(value, value["type"].rsplit("/", 1)[1])
            assert value["id"] == url, "an object's id is where it can be fetched"


def _all_ids(value: object) -> list[str]:
    if isinstance(value, dict):
        found = [value["id"]] if isinstance(value.get("id"), str) else []
        return found + [i for item in value.values() for i in _all_ids(item)]
    if isinstance(value, list):
        return [i for item in value for i in _all_ids(item)]
    return []


def _read_list(files: dict[str, Any], first: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url: str | None = first
    pages = 0
    while url is not None:
        page = files[url]
        pages += 1
        assert page["pagination"]["currentPage"] == pages
        items += page["data"]
        url = page["links"].get("next")
    assert pages == page["pagination"]["totalPages"]
    assert len(items) == page["pagination"]["totalElements"]
    return items


@pytest.mark.parametrize("page_size", [2, 3, 100])
def test_following_links_from_system_reaches_everything_once(
    catalog: Catalog, context: OutputContext, page_size: int
) -> None:
    files = _files(catalog, context, page_size)
    system = files[context.absolute(urls.oparl_system())]
    (body,) = _read_list(files, system["body"])
    meetings = _read_list(files, body["meeting"])
    meeting_ids = Counter(m["id"] for m in meetings)
    assert meeting_ids == Counter(
        context.absolute(urls.oparl_meeting(k.committee, k.date)) for k in catalog.meeting_keys
    )
    embedded = Counter(item["id"] for m in meetings for item in m["agendaItem"])
    expected_items = Counter(
        context.absolute(urls.oparl_agenda_item(r.id)) for r in catalog.resolutions
    )
    for key, record in catalog.meeting_records.items():  # agenda items without a resolution
        rows = agenda_resolutions(record, catalog.by_meeting.get(key, ()))
        expected_items.update(
            context.absolute(urls.oparl_agenda_entry(key.committee, key.date, order))
            for order, row in enumerate(rows, start=1)
            if row[3] is None
        )
    assert embedded == expected_items
    listed = Counter(
        item["id"]
        for meeting in _read_list(files, body["meeting"])
        for item in meeting["agendaItem"]
    )
    assert listed == expected_items
    organizations = _read_list(files, body["organization"])
    assert [o["name"] for o in organizations][: len(catalog.committees)] == [
        c.name for c in catalog.archive.committees
    ]
    factions = [o for o in organizations if o["organizationType"] == "Fraktion"]
    assert [o["shortName"] for o in factions] == list(catalog.faction_names.values())
    persons = _read_list(files, body["person"])
    registry = catalog.archive.registry
    assert [p["name"] for p in persons] == ([p.name for p in registry.persons] if registry else [])
    papers = _read_list(files, body["paper"])
    assert Counter(p["reference"] for p in papers) == Counter(
        {r.reference for r in catalog.resolutions if r.reference}
    )
    # Every URL an object names inside the API can be fetched.
    for value in files.values():
        for object_id in _all_ids(value):
            if object_id.startswith(context.site_url + "oparl/"):
                assert object_id in files, object_id


def test_agenda_item_carries_text_and_leads_to_the_structured_vote(
    fixture_catalog: Catalog, context: OutputContext
) -> None:
    files = _files(fixture_catalog, context, 100)
    item = files[context.absolute(urls.oparl_agenda_item("fa-2023-002"))]
    assert item["resolutionText"].startswith("Der Finanzausschuss empfiehlt dem Rat:")
    # Vote, discussion, movers stand once, in the resolution's JSON the item names.
    assert item["ratsarchiv:resolution"] == context.absolute(urls.resolution_json("fa-2023-002"))
    records = {
        context.absolute(f.path): json.loads(f.content or b"")
        for f in downloads(fixture_catalog, context)
        if f.path.endswith("beschluss.json")
    }
    record = records[item["ratsarchiv:resolution"]]
    assert record["votes"][1]["factions"][2] == {
        "name": "GRÜNE",
        "for": 0,
        "against": 3,
        "abstain": 1,
    }
    assert record["discussion"]
    assert not {"ratsarchiv:vote", "ratsarchiv:discussion", "ratsarchiv:movedBy"} & set(item)
    assert item["result"] == "geändert beschlossen"
    assert item["ratsarchiv:result"] == "adopted_with_changes"
    secret = files[context.absolute(urls.oparl_agenda_item("rat-2023-003"))]
    assert secret["public"] is False
    assert "resolutionText" not in secret
    paper = files[context.absolute(urls.oparl_paper("2023-0007"))]
    assert [c["role"] for c in paper["consultation"]] == ["Vorberatung", "Entscheidung"]
    # The back-reference to the paper only where the consultation stands alone (OParl 1.1).
    for embedded in paper["consultation"]:
        assert "paper" not in embedded
        alone = files[embedded["id"]]
        assert alone == {**embedded, "paper": paper["id"]}
        assert list(alone)[:3] == ["id", "type", "paper"]


def test_a_meeting_file_gives_time_place_and_the_whole_agenda(context: OutputContext) -> None:
    from tests.outputs.conftest import DEMO_ARCHIVE, load

    catalog = load(DEMO_ARCHIVE)
    files = _files(catalog, context, 100)
    meeting = files[context.absolute(urls.oparl_meeting("rat", datetime.date(2027, 3, 18)))]
    assert meeting["start"] == "2027-03-18T17:00:00+01:00"
    assert meeting["end"] == "2027-03-18T21:00:00+01:00"
    assert meeting["location"]["description"].startswith("Ratssaal, Rathaus")
    assert [item["number"] for item in meeting["agendaItem"]] == ["1", "2", "3", "4", "5", "6"]
    assert meeting["agendaItem"][5]["public"] is False
    paper = files[context.absolute(urls.oparl_paper("2020-0388"))]
    assert paper["web"] == context.absolute(urls.matter("2020-0388"))
    cdu = files[context.absolute(urls.oparl_faction("cdu"))]
    (membership,) = cdu["membership"]
    person = files[context.absolute(urls.oparl_person("anna-beispiel"))]
    assert person["membership"][0]["id"] == membership
    assert files[membership]["organization"] == cdu["id"]


def test_meeting_and_list_carry_standard_fields_and_the_item_file_the_rest(
    fixture_catalog: Catalog, context: OutputContext
) -> None:
    files = _files(fixture_catalog, context, 100)
    item_url = context.absolute(urls.oparl_agenda_item("fa-2023-002"))
    item = files[item_url]
    meeting = files[item["meeting"]]
    (embedded,) = [i for i in meeting["agendaItem"] if i["id"] == item_url]
    assert not [key for key in embedded if key.startswith("ratsarchiv:")]
    assert "meeting" not in embedded
    standard = {k for k in item if not k.startswith("ratsarchiv:") and k != "meeting"}
    assert set(embedded) == standard
    assert embedded["resolutionText"] == item["resolutionText"]
    for file, full in zip(embedded["auxiliaryFile"], item["auxiliaryFile"], strict=True):
        assert "agendaItem" not in file
        assert file == {k: v for k, v in full.items() if k != "agendaItem"}
    assert item["ratsarchiv:kind"], "the item's own file keeps the vendor fields"
    body = next(v for v in files.values() if v.get("type", "").endswith("/Body"))
    meetings = {m["id"]: m for m in _read_list(files, body["meeting"])}
    assert meetings[item["meeting"]] == meeting, "the meetings list carries the same"
    # No list of all agenda items (optional in OParl): it repeated the meetings list's.
    assert "agendaItem" not in body
    assert not [url for url in files if "/agendaitems/" in url]


def test_the_resolution_file_is_an_object_of_its_own(
    content_tree: ContentTree, context: OutputContext
) -> None:
    """An agenda item names its ``resolutionFile`` by an id like its auxiliary files: that
    address must answer with the File, not a 404."""
    root = content_tree(
        {
            "resolutions/rat/2024/2024-03-01-satzung.md": resolution_file(
                "",
                id="rat-2024-001",
                title="Satzung",
                committee="rat",
                date="2024-03-01",
                resolution_file={"url": "https://ris.example/satzung.pdf", "title": "Ausfertigung"},
                attachments=[{"url": "https://ris.example/plan.pdf", "title": "Plan"}],
            )
        }
    )
    catalog, problems = load_archive(root)
    assert catalog is not None, problems
    files = _files(catalog, context, 100)
    item = files[context.absolute(urls.oparl_agenda_item("rat-2024-001"))]

    for file in (item["resolutionFile"], *item["auxiliaryFile"]):
        assert files[file["id"]] == file
        _validate(files[file["id"]], "File")
