"""Faction votes as a tidy table: one row per resolution (and vote part) and faction.

The main CSV packs the breakdown by faction as JSON into one cell; this one has a row per
faction, so that a spreadsheet or pandas can filter and sum without parsing. Same
conventions as ``beschluesse.csv`` (UTF-8 with BOM, RFC 4180, CRLF).
"""

from __future__ import annotations

import csv
import io

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.faction_votes import is_split, position, with_majority
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


def faction_csv(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([column for column, _, _ in COLUMNS])
    for key, entries in catalog.by_faction.items():
        for entry in entries:
            r = entry.resolution
            f = entry.faction
            majority = with_majority(entry)
            writer.writerow(
                [
                    r.id,
                    context.absolute(urls.resolution(r.id)),
                    r.date.isoformat(),
                    r.committee,
                    r.reference or "",
                    entry.vote.part or "",
                    key,
                    f.name,
                    f.in_favour,
                    f.against,
                    f.abstain,
                    position(f).value,
                    "" if majority is None else ("true" if majority else "false"),
                    "true" if is_split(f) else "false",
                ]
            )
    text.flush()
    return [GeneratedFile(path=urls.faction_votes_csv(), content=buffer.getvalue())]
