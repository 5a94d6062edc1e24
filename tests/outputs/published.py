"""Readers for the published downloads: they rebuild the model so tests can compare."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path
from typing import Any

from generator.archive.mandates import Mandate, MandateState, MandateStatus
from generator.archive.model import (
    AgendaItem,
    Attachment,
    Choice,
    FactionVote,
    Meeting,
    NamedVote,
    Relation,
    RelationType,
    Resolution,
    ResolutionKind,
    Result,
    Source,
    Vote,
)


def _date(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


def resolution_from_record(record: dict[str, Any]) -> Resolution:
    """The inverse of ``downloads.resolution_record``.

    Two fields cannot come back byte-identical and are normalised by the comparison:
    an attachment file is published by name (``Path(name)``) and ``path`` relative to
    ``content/``.
    """
    date = _date(record["date"])
    assert date is not None
    source = record["source"]
    return Resolution(
        id=record["id"],
        title=record["title"],
        committee=record["committee"],
        date=date,
        meeting=Meeting(**record["meeting"]),
        agenda_item=AgendaItem(**record["agenda_item"]),
        addendum_date=_date(record["addendum_date"]),
        reference=record["reference"],
        paper_type=record["paper_type"],
        kind=ResolutionKind(record["kind"]),
        recommended_to=record["recommended_to"],
        result=Result(record["result"]),
        referred_to=record["referred_to"],
        votes=tuple(_vote(v) for v in record["votes"]),
        legal_basis=record["legal_basis"],
        moved_by=tuple(record["moved_by"]),
        topics=tuple(record["topics"]),
        public=record["public"],
        former_ids=tuple(record["former_ids"]),
        attachments=tuple(
            Attachment(
                title=a["title"],
                file=Path(a["file"]) if a["file"] else None,
                url=None if a["file"] else a["url"],
                size=a["size"],
            )
            for a in record["attachments"]
        ),
        relations=tuple(
            Relation(type=RelationType(r["type"]), target=r["target"]) for r in record["relations"]
        ),
        mandates=tuple(
            Mandate(
                id=m["id"],
                task=m["task"],
                responsible=m["responsible"],
                report_to=m["report_to"],
                due=_date(m["due"]),
                interval=m["interval"],
                history=tuple(
                    MandateStatus(
                        date=datetime.date.fromisoformat(h["date"]),
                        status=MandateState(h["status"]),
                        note=h["note"],
                        by=h["by"],
                    )
                    for h in m["history"]
                ),
            )
            for m in record["mandates"]
        ),
        source=None
        if source is None
        else Source(
            system=source["system"],
            origin=source["origin"],
            checksum=source["checksum"],
            imported=_date(source["imported"]),
        ),
        path=Path(record["source_file"]),
        text=record["text"],
        discussion=record["discussion"],
    )


def _vote(data: dict[str, Any]) -> Vote:
    return Vote(
        part=data["part"],
        unanimous=data["unanimous"],
        in_favour=data["for"],
        against=data["against"],
        abstain=data["abstain"],
        factions=tuple(
            FactionVote(
                name=f["name"], in_favour=f["for"], against=f["against"], abstain=f["abstain"]
            )
            for f in data["factions"]
        ),
        excluded_for_bias=tuple(data["excluded_for_bias"]),
        text=data["text"],
        roll_call=tuple(
            NamedVote(person=n["person"], faction=n["faction"], choice=Choice(n["vote"]))
            for n in data["roll_call"]
        ),
    )


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def record_from_csv_row(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row back into the JSON record shape (only the model's fields)."""

    def optional(column: str) -> str | None:
        return row[column] or None

    def integer(column: str) -> int | None:
        return int(row[column]) if row[column] else None

    def lines(column: str) -> list[str]:
        return row[column].split("\n") if row[column] else []

    return {
        "id": row["id"],
        "title": row["title"],
        "committee": row["committee"],
        "date": row["date"],
        "meeting": {"name": optional("meeting_name"), "number": integer("meeting_number")},
        "agenda_item": {"number": row["agenda_item"], "order": integer("agenda_order")},
        "addendum_date": optional("addendum_date"),
        "reference": optional("reference"),
        "paper_type": optional("paper_type"),
        "kind": row["kind"],
        "recommended_to": optional("recommended_to"),
        "result": row["result"],
        "referred_to": optional("referred_to"),
        "votes": json.loads(row["votes"]),
        "legal_basis": optional("legal_basis"),
        "moved_by": lines("moved_by"),
        "topics": lines("topics"),
        "public": {"true": True, "false": False}[row["public"]],
        "former_ids": lines("former_ids"),
        "attachments": json.loads(row["attachments"]),
        "relations": json.loads(row["relations"]),
        "mandates": json.loads(row["mandates"]),
        "source": json.loads(row["source"]) if row["source"] else None,
        "source_file": row["source_file"],
        "text": row["text"],
        "discussion": row["discussion"],
    }
