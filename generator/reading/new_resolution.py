"""What ``ratsarchiv new`` needs to know of the archive besides the scaffold (``scaffold``):
the ids already taken, and which committee an editor meant by the name they typed."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Sequence
from pathlib import Path

from generator.archive.model import Committee
from generator.reading.loading import resolution_files
from generator.reading.resolution_reader import read_claims


def existing_ids(content_root: Path, committee: str) -> tuple[list[str], list[str]]:
    """(every id in the archive, former ids too; the ids of ``committee``'s resolutions),
    read leniently: a half-filled file still holds its id."""
    all_ids: list[str] = []
    own_ids: list[str] = []
    for path in resolution_files(content_root):
        claims = read_claims(path.read_bytes())
        if claims is None:
            continue
        resolution_id, its_committee, former_ids = claims
        all_ids.extend((resolution_id, *former_ids))
        if its_committee == committee:
            own_ids.append(resolution_id)
    return all_ids, own_ids


def meant_committee(typed: str, committees: Sequence[Committee]) -> str | None:
    """The id of the committee whose id, short name or name ``typed`` is, or is close to
    (``new Rat``: editors type the name they know, the file wants the id)."""
    by_word: dict[str, str] = {}
    for committee in committees:
        for word in (committee.id, committee.short_name, committee.name):
            by_word.setdefault(word.casefold(), committee.id)
    word = typed.strip().casefold()
    if word not in by_word:
        close = difflib.get_close_matches(word, list(by_word), n=1, cutoff=0.7)
        if not close:
            return None
        word = close[0]
    return by_word[word]


def with_mandate_skeleton(text: str, committee: str, date: datetime.date) -> str:
    """``text`` (a scaffold) with a commented mandate before the end of its front matter,
    in the form of the commented vote: the editor removes the '#' and fills it in."""
    skeleton = (
        "# Auftrag: die '#' vor den Zeilen entfernen und ausfüllen (siehe content/README.md).\n"
        "# mandates:\n"
        "#   - id: a1                  # eindeutig in diesem Beschluss\n"
        '#     task: ""                # was zu tun ist, ein Satz\n'
        '#     responsible: ""         # zuständige Stelle, wie im Beschluss genannt\n'
        f"#     report_to: {committee + ' ':<13}# optional: Gremium, dem berichtet wird\n"
        "#     due:                    # Frist JJJJ-MM-TT, oder statt dessen:\n"
        '#     # interval: "halbjährlich"  # wiederkehrender Bericht\n'
        "#     history:                # ältester Stand zuerst\n"
        f"#       - date: {date.isoformat()}\n"
        "#         status: open        # open | in_progress | done | delayed | obsolete\n"
        '#         # note: ""          # optional: Bemerkung\n'
        "#         # by: rat-2024-001  # optional: Kennung des berichtenden Beschlusses\n"
    )
    head, end, body = text.rpartition("\n---\n")
    return f"{head}\n{skeleton.rstrip()}{end}{body}"
