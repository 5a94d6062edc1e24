"""``ratsarchiv new``: a resolution file with every required field ready to fill.

The placeholders are left empty on purpose, so that ``check`` keeps reporting the file
until an editor has filled them in.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from generator.archive.model import ResolutionKind, Result
from generator.archive.slugs import slugify
from generator.reading.loading import RESOLUTIONS_DIR

_ID_PATTERN = re.compile(r"^(?P<prefix>[a-z0-9-]+?)-(?P<year>\d{4})-(?P<number>\d+)$")
SCHEMA_COMMENT = (
    "# yaml-language-server: $schema=../../../../generator/schemas/resolution.schema.json"
)


def next_id(committee: str, year: int, existing_ids: Iterable[str], own_ids: Iterable[str]) -> str:
    """The next free id ``<prefix>-<year>-<nnn>``, continuing the committee's own scheme.

    ``own_ids`` are the ids of the committee's resolutions (their prefix is reused);
    ``existing_ids`` are all ids in the archive (none may be taken twice).
    """
    prefixes = Counter(
        match["prefix"] for match in map(_ID_PATTERN.match, own_ids) if match is not None
    )
    prefix = prefixes.most_common(1)[0][0] if prefixes else committee
    taken = {ident.casefold() for ident in existing_ids}
    highest = 0
    for ident in taken:
        match = _ID_PATTERN.match(ident)
        if match and match["prefix"] == prefix and int(match["year"]) == year:
            highest = max(highest, int(match["number"]))
    number = highest + 1
    while f"{prefix}-{year}-{number:03d}" in taken:
        number += 1
    return f"{prefix}-{year}-{number:03d}"


VOTE_SKELETON = """\
# Abstimmung: eine der beiden Formen, die '#' vor den Zeilen entfernen.
# vote:
#   unanimous: true         # einstimmig
# vote:
#   for: 0                  # Ja-Stimmen
#   against: 0              # Nein-Stimmen
#   abstain: 0              # Enthaltungen
#   factions:               # optional, je Fraktion; Summen wie oben
#     - name: Fraktionsname
#       for: 0
#       against: 0
#       abstain: 0
#   excluded_for_bias:      # optional, § 31 GO NRW
#     - Name (Fraktion)
"""


def scaffold_text(
    *, resolution_id: str, committee: str, date: datetime.date, title: str | None
) -> str:
    kinds = " | ".join(kind.value for kind in ResolutionKind)
    results = " | ".join(result.value for result in Result)
    title_line = f"title: {_quoted(title)}" if title else "title:  # Betreff des Beschlusses"
    return f"""---
{SCHEMA_COMMENT}
id: {resolution_id}
{title_line}
committee: {committee}
date: {date.isoformat()}
meeting:
  name:  # z. B. "12. Sitzung des Ausschusses" (optional)
agenda_item:
  number:  # TOP-Nummer in Anführungszeichen, z. B. "3.1"
kind: ordinary  # {kinds}
result:  # {results}
{VOTE_SKELETON}# Optional, siehe content/README.md: reference, paper_type, legal_basis,
# moved_by, topics, attachments, relations, addendum_date, public
---

## Beratung

"""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scaffold_path(content_root: Path, committee: str, date: datetime.date, title: str) -> Path:
    name = f"{date.isoformat()}-{slugify(title or 'beschluss', max_length=50)}.md"
    return content_root / RESOLUTIONS_DIR / committee / str(date.year) / name
