"""The archive's committees as importers need them: look up by name, add OParl bodies.

New committees are appended to ``committees.yml`` as text, so that the comments and the
layout editors gave the file survive an import.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from generator.archive.model import Committee, CommitteeKind
from generator.importers.content_files import scalar
from generator.reading.settings_reader import COMMITTEES_FILE, read_committees


@dataclass(frozen=True, slots=True, kw_only=True)
class NewCommittee:
    id: str
    name: str
    short_name: str
    kind: CommitteeKind
    active_from: datetime.date | None = None
    active_until: datetime.date | None = None


class CommitteeRegistry:
    def __init__(self, content_root: Path) -> None:
        self.content_root = content_root
        committees, _ = read_committees(content_root, content_root)
        self.committees: list[Committee | NewCommittee] = list(committees)

    def find(self, name: str) -> str | None:
        """The id of the committee called ``name`` (id, name or short name, any case)."""
        wanted = " ".join(name.split()).casefold()
        for committee in self.committees:
            if wanted in (committee.id, committee.name.casefold(), committee.short_name.casefold()):
                return committee.id
        return None

    def council(self) -> str | None:
        councils = [c.id for c in self.committees if c.kind is CommitteeKind.COUNCIL]
        return councils[0] if len(councils) == 1 else None

    def recipient(self, name: str) -> str | None:
        """``"Rat"`` in "Beschlussempfehlung an den Rat" → the council's id."""
        found = self.find(name)
        if found is None and re.fullmatch(r"(?:stadt|gemeinde)?rat", name.strip(), re.I):
            return self.council()
        return found

    def known(self, committee_id: str) -> bool:
        return any(c.id == committee_id for c in self.committees)

    def add(self, committee: NewCommittee) -> bool:
        """Append to committees.yml unless the id is there already; True when added."""
        if self.known(committee.id):
            return False
        path = self.content_root / COMMITTEES_FILE
        text = path.read_text(encoding="utf-8") if path.is_file() else "committees:\n"
        indent = _list_indent(text)
        entry = [f"{indent}- id: {committee.id}"]
        pad = indent + "  "
        entry.append(f"{pad}name: {scalar(committee.name)}")
        entry.append(f"{pad}short_name: {scalar(committee.short_name)}")
        entry.append(f"{pad}kind: {committee.kind.value}")
        if committee.active_from:
            entry.append(f"{pad}active_from: {committee.active_from.isoformat()}")
        if committee.active_until:
            entry.append(f"{pad}active_until: {committee.active_until.isoformat()}")
        if not text.endswith("\n"):
            text += "\n"
        if re.fullmatch(r"(?s).*^committees:[ \t]*\[\][ \t]*\n", text, re.MULTILINE):
            text = re.sub(r"(?m)^committees:[ \t]*\[\][ \t]*$", "committees:", text)
        self.content_root.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n".join(entry) + "\n", encoding="utf-8")
        self.committees.append(committee)
        return True


def _list_indent(text: str) -> str:
    match = re.search(r"^([ \t]*)- ", text, re.MULTILINE)
    return match.group(1) if match else "  "
