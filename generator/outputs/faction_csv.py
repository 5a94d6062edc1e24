"""Faction votes as a tidy table: one row per resolution (and vote part) and faction.

The main CSV packs the breakdown by faction as JSON into one cell; this one has a row per
faction, so that a spreadsheet or pandas can filter and sum without parsing. Same
conventions as ``beschluesse.csv`` (UTF-8 with BOM, RFC 4180, CRLF).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import partial
from typing import Protocol

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.faction_votes import is_split, position
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.rendering.generated import GeneratedFile

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("resolution_id", "Text", "Kennung des Beschlusses"),
    ("url", "URL", "Adresse der Beschlussseite"),
    ("date", "Datum (JJJJ-MM-TT)", "Sitzungsdatum"),
    ("committee", "Text", "Kennung des Gremiums"),
    ("reference", "Text", "Drucksachennummer"),
    ("part", "Text", "Teil des Antrags bei getrennter Abstimmung"),
    ("faction", "Text", "Kennung der Fraktion (Adresse /fraktion/<Kennung>/)"),
    ("faction_name", "Text", "Fraktion, wie in der Abstimmung genannt"),
    ("for", "Ganzzahl", "Ja-Stimmen der Fraktion"),
    ("against", "Ganzzahl", "Nein-Stimmen der Fraktion"),
    ("abstain", "Ganzzahl", "Enthaltungen der Fraktion"),
    (
        "position",
        "Text",
        "Ja, Nein, Enthaltung oder uneinheitlich (keine Mehrheit in der Fraktion)",
    ),
    (
        "with_majority",
        "Wahrheitswert",
        "true, wenn die Fraktion so stimmte, wie das Gremium entschied",
    ),
    ("split", "Wahrheitswert", "true, wenn Mitglieder der Fraktion verschieden stimmten"),
)


class KeptRows(Protocol):
    """What the build passes to reuse a resolution's rows (``publish.record_cache``)."""

    def identity(self, resolution: Resolution) -> str | None: ...

    def kept(
        self, kind: str, name: str, inputs: object | None, make: Callable[[], Rows]
    ) -> Rows: ...


Rows = tuple[tuple[bytes, bytes], ...]
"""A resolution's rows, one per faction of each of its votes in order, each as the bytes
before and after the ``faction`` cell: the faction's key is the registry's, not the
resolution file's, and goes in between."""

_FACTION_CELL = 6
"""Where the ``faction`` column is in ``COLUMNS``."""


def faction_csv(
    catalog: Catalog, context: OutputContext, kept: KeptRows | None = None
) -> list[GeneratedFile]:
    """``kept``: the rows of a resolution whose file is that of the last build are taken
    from the build folder instead of made (29,000 rows of 10,000 resolutions, made anew
    by every build, took a second)."""
    buffer = io.BytesIO()
    buffer.write(_BOM + _row([column for column, _, _ in COLUMNS]))
    made: dict[int, dict[tuple[int, int], tuple[bytes, bytes]]] = {}
    for key, entries in catalog.by_faction.items():
        cell = _row([key, ""])[:-3]  # as a cell among others (alone, "" would be quoted)
        for entry in entries:
            resolution = entry.resolution
            rows = made.get(id(resolution))
            if rows is None:
                rows = made[id(resolution)] = _rows_of(resolution, context, kept)
            before, after = rows[id(entry.vote), id(entry.faction)]
            buffer.write(before)
            buffer.write(cell)
            buffer.write(after)
    return [GeneratedFile(path=urls.faction_votes_csv(), content=buffer.getvalue())]


def _rows_of(
    resolution: Resolution, context: OutputContext, kept: KeptRows | None
) -> dict[tuple[int, int], tuple[bytes, bytes]]:
    """(vote, faction) of the resolution, by object → its row around the faction cell."""
    make = partial(_rows, resolution, context)
    if kept is None:
        rows = make()
    else:
        identity = kept.identity(resolution)
        inputs = None if identity is None else (identity, context.site_url)
        rows = kept.kept("faction_rows", resolution.id, inputs, make)
    places = [(id(vote), id(faction)) for vote in resolution.votes for faction in vote.factions]
    return dict(zip(places, rows, strict=True))


def _rows(resolution: Resolution, context: OutputContext) -> Rows:
    r = resolution
    rows = []
    for vote in r.votes:
        for f in vote.factions:
            majority = vote.in_majority(f)
            cells: list[object] = [
                r.id,
                context.absolute(urls.resolution(r.id)),
                r.date.isoformat(),
                r.committee,
                r.reference or "",
                vote.part or "",
                "",  # the faction's key: see ``Rows``
                f.name,
                f.in_favour,
                f.against,
                f.abstain,
                position(f).value,
                "" if majority is None else ("true" if majority else "false"),
                "true" if is_split(f) else "false",
            ]
            before = _row(cells[:_FACTION_CELL])[:-2] + b","
            after = b"," + _row(cells[_FACTION_CELL + 1 :])
            rows.append((before, after))
    return tuple(rows)


_BOM = "\ufeff".encode()


def _row(values: list[object]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue().encode("utf-8")
