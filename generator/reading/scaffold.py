"""``ratsarchiv new``: a resolution file with every required field ready to fill.

The placeholders are left empty on purpose, so that ``check`` keeps reporting the file
until an editor has filled them in.
"""

from __future__ import annotations

import datetime
import re
import textwrap
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from generator.archive.slugs import slugify
from generator.reading.contract import RESOLUTION_FIELDS
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


OPTIONAL_NOTE = "# Optional, siehe content/README.md: "


def scaffold_text(
    *, resolution_id: str, committee: str, date: datetime.date, title: str | None
) -> str:
    """Every field with scaffold lines in the contract's order, then the optional ones."""
    given = {
        "id": resolution_id,
        "title": _quoted(title) if title else None,
        "committee": committee,
        "date": date.isoformat(),
    }
    lines = ["---", SCHEMA_COMMENT]
    for field in RESOLUTION_FIELDS:
        value = given.get(field.name)
        if value is not None:
            lines.append(f"{field.name}: {value}")
        elif field.scaffold is not None:
            lines.append(field.scaffold)
    optional = [f.name for f in RESOLUTION_FIELDS if f.scaffold is None and f.suggested]
    lines += textwrap.wrap(
        ", ".join(optional), width=76, initial_indent=OPTIONAL_NOTE, subsequent_indent="# "
    )
    return "\n".join(lines) + "\n---\n\n## Beratung\n\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scaffold_path(content_root: Path, committee: str, date: datetime.date, title: str) -> Path:
    name = f"{date.isoformat()}-{slugify(title or 'beschluss', max_length=50)}.md"
    return content_root / RESOLUTIONS_DIR / committee / str(date.year) / name
