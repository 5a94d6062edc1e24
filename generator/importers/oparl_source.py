"""OParl objects from an endpoint (through the client) or from a local crawl folder/file.

Both end as an ``OParlData``: every object by id, embedded objects included (a Paper's
Consultations, a Meeting's AgendaItems), so that mapping never cares where data came from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.importers.oparl_client import OParlClient, OParlError

Log = Callable[[str], None]


def type_name(obj: dict[str, object]) -> str:
    """``https://schema.oparl.org/1.1/Meeting`` → ``Meeting`` (1.0 and 1.1 alike)."""
    value = obj.get("type")
    return value.rstrip("/").rsplit("/", 1)[-1] if isinstance(value, str) else ""


@dataclass(slots=True)
class OParlData:
    by_id: dict[str, dict[str, object]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(what, why) for lists, pages or files that could not be read."""
    fetch: Callable[[str], dict[str, object]] | None = None
    fetch_failed: set[str] = field(default_factory=set)

    def add(self, obj: dict[str, object], parent: dict[str, object] | None = None) -> None:
        ident = obj.get("id")
        if isinstance(ident, str) and obj.get("type"):
            embedded_in_paper = parent is not None and type_name(parent) == "Paper"
            if type_name(obj) == "Consultation" and embedded_in_paper and "paper" not in obj:
                obj = {**obj, "paper": parent.get("id") if parent else None}
            if ident not in self.by_id:
                self.order.append(ident)
            self.by_id[ident] = obj
        for value in obj.values():
            children = value if isinstance(value, list) else [value]
            for child in children:
                if isinstance(child, dict) and isinstance(child.get("id"), str):
                    self.add(child, parent=obj)

    def of_type(self, name: str) -> list[dict[str, object]]:
        return [self.by_id[i] for i in self.order if type_name(self.by_id[i]) == name]

    def get(self, ident: object) -> dict[str, object] | None:
        """The object with this id, fetched on demand from an endpoint when not crawled."""
        if isinstance(ident, dict):
            return ident
        if not isinstance(ident, str):
            return None
        found = self.by_id.get(ident)
        if found is None and self.fetch is not None and ident not in self.fetch_failed:
            try:
                fetched = self.fetch(ident)
            except OParlError as exc:
                self.failures.append((ident, str(exc)))
                self.fetch_failed.add(ident)
                return None
            self.add(fetched)
            found = self.by_id.get(ident, fetched)
        return found


LISTS = ("organization", "meeting", "paper")


def crawl(client: OParlClient, url: str, log: Log) -> OParlData:
    """system → bodies → organization/meeting/paper lists, every page of each."""
    data = OParlData(fetch=client.get)
    try:
        root = client.get(url)
    except OParlError as exc:
        data.failures.append((url, str(exc)))
        return data
    bodies: list[dict[str, object]] = []
    if type_name(root) == "System":
        body_list = root.get("body")
        if isinstance(body_list, str):
            bodies = list(_pages(client, body_list, data, log))
    elif type_name(root) == "Body":
        bodies = [root]
    else:
        data.failures.append((url, f"{url}: weder System noch Body (type '{root.get('type')}')"))
    for body in bodies:
        data.add(body)
        for key in LISTS:
            list_url = body.get(key)
            if isinstance(list_url, str):
                log(f"Lese {key}-Liste von {body.get('shortName') or body.get('name') or ''}")
                for obj in _pages(client, list_url, data, log):
                    data.add(obj)
    return data


def _pages(client: OParlClient, url: str, data: OParlData, log: Log) -> Iterator[dict[str, object]]:
    try:
        yield from client.pages(url)
    except OParlError as exc:  # the rest of this list is lost; other lists go on
        log(f"Fehler: {exc}")
        data.failures.append((url, str(exc)))


def read_folder(path: Path) -> OParlData:
    """A crawl on disk: ``*.json`` files holding objects, list pages or arrays of objects."""
    data = OParlData()
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    for file in files:
        try:
            value = json.loads(file.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            data.failures.append((str(file), f"{file}: nicht lesbar ({exc})"))
            continue
        items = value.get("data") if isinstance(value, dict) and "data" in value else value
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, dict):
                data.add(item)
            else:
                data.failures.append((str(file), f"{file}: enthält kein OParl-Objekt"))
    return data
