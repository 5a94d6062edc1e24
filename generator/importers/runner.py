"""Running an import: drafts → files, counting every outcome for the summary.

One bad object never stops the rest: every failure is recorded and the run goes on; the
caller turns ``Report.failed`` into the exit code.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from generator.importers.committee_registry import CommitteeRegistry, NewCommittee
from generator.importers.downloads import Downloader, DownloadReport
from generator.importers.draft import Draft
from generator.importers.faction_names import FactionNames
from generator.importers.meeting_files import MeetingDraft, MeetingReport, write_meetings
from generator.importers.oparl_client import OParlClient
from generator.importers.oparl_mapping import Failed, Mapped, link_related, map_items
from generator.importers.oparl_source import crawl, read_folder
from generator.importers.reimport import (
    Attach,
    ExistingFiles,
    IdTakenError,
    Outcome,
    write_draft,
)
from generator.importers.sessionnet import Overrides, Skipped, Unreadable, read_item
from generator.runtime.progress import Progress


@dataclass(slots=True)
class Report:
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    notes: list[tuple[Path, str]] = field(default_factory=list)
    committees_added: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    downloads: DownloadReport | None = None
    """Only with ``--download-files``."""
    meetings: MeetingReport | None = None
    """Only for OParl, whose meetings become meeting files."""
    factions: FactionNames | None = None
    """Only when the archive has ``factions.yml``: names mapped through it, and the unknown."""

    def summary(self) -> list[str]:
        """The overview for the terminal: counts by outcome and reason, then the verdict."""
        lines = [f"fehlgeschlagen: {what}: {why}" for what, why in self.failed]
        if self.downloads is not None:
            lines += self.downloads.summary()
        if self.committees_added:
            lines.append("neu in committees.yml: " + ", ".join(self.committees_added))
        lines.append("")
        lines += [f"{label:<58} {count:>7}" for label, count in self.table()]
        lines += self.factions.summary() if self.factions is not None else []
        lines.append("")
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        lines.append(
            f"Import beendet: {self.outcomes[Outcome.IMPORTED]} importiert, "
            f"{self.outcomes[Outcome.UPDATED]} aktualisiert, "
            f"{self.outcomes[Outcome.UNCHANGED]} unverändert, "
            f"{len(self.kept)} von Hand geändert (behalten), "
            f"{skipped} übersprungen{f' ({reasons})' if reasons else ''}, "
            f"{len(self.failed)} fehlgeschlagen."
        )
        return lines

    def table(self) -> list[tuple[str, int]]:
        """(what, how many): every outcome, every reason to skip, every reason to look."""
        rows = [
            ("importiert (neue Dateien)", self.outcomes[Outcome.IMPORTED]),
            ("aktualisiert", self.outcomes[Outcome.UPDATED]),
            ("unverändert", self.outcomes[Outcome.UNCHANGED]),
            ("von Hand geändert, nicht überschrieben", len(self.kept)),
        ]
        rows += [(f"übersprungen: {reason}", n) for reason, n in sorted(self.skipped.items())]
        rows.append(("fehlgeschlagen", len(self.failed)))
        if self.meetings is not None:
            rows += [
                ("Sitzungsdateien geschrieben", self.meetings.written),
                ("Sitzungsdateien unverändert", self.meetings.unchanged),
                ("Sitzungsdateien von Hand geändert, nicht überschrieben", len(self.meetings.kept)),
            ]
        rows += [(f"ansehen: {reason}", n) for reason, n in self.look_reasons().most_common()]
        return rows

    def look_reasons(self) -> Counter[str]:
        notes = self.notes + (self.meetings.notes if self.meetings else [])
        return Counter(_reason(note) for _, note in notes)

    def markdown(self) -> str:
        """The full report for the file: the table, then every file to look at, by reason."""
        lines = ["# Import-Bericht", "", "| Was | Anzahl |", "|---|---:|"]
        lines += [f"| {label} | {count} |" for label, count in self.table()]
        if self.failed:
            lines += ["", "## Fehlgeschlagen", ""]
            lines += [f"- {what}: {why}" for what, why in self.failed]
        if self.kept:
            lines += ["", "## Von Hand geändert, nicht überschrieben (mit --force überschreiben)"]
            lines += ["", *(f"- `{path}`" for path in self.kept)]
        lines += self.factions.markdown() if self.factions is not None else []
        by_reason: dict[str, list[tuple[Path, str]]] = {}
        for path, note in self.notes + (self.meetings.notes if self.meetings else []):
            by_reason.setdefault(_reason(note), []).append((path, note))
        for reason, entries in sorted(by_reason.items(), key=lambda item: -len(item[1])):
            lines += ["", f"## Ansehen: {reason} ({len(entries)})", ""]
            lines += [
                f"- `{path}`" + (f": {note}" if note != reason else "") for path, note in entries
            ]
        return "\n".join(lines) + "\n"


_HEAD_END = re.compile(r":\s|:$|\s\(")
"""Where a note's kind ends and its particulars begin: "Ergebnis nicht erkannt: 'x'",
"laut Quelle kein Beschluss ('ohne')"; not the colon of a time ("09:00")."""
_PARTICULARS = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
)
"""Times and dates inside a kind ("Sitzungsende 09:00 vor dem Beginn 10:00 …")."""


def _reason(note: str) -> str:
    """A note's kind, without the particulars ("Ergebnis nicht erkannt: 'x'" → its head)."""
    return _PARTICULARS.sub("…", _HEAD_END.split(note, maxsplit=1)[0]).strip()


def _write(
    report: Report,
    content_root: Path,
    draft: Draft,
    existing: ExistingFiles,
    *,
    today: datetime.date,
    force: bool,
    attach: Attach | None = None,
) -> None:
    if report.factions is not None:
        draft = report.factions.apply(draft)  # the one place every importer's drafts pass
    try:
        written = write_draft(
            content_root, draft, existing, today=today, force=force, attach=attach
        )
    except (IdTakenError, OSError) as exc:
        report.failed.append((draft.origin, str(exc)))
        return
    if written.outcome is Outcome.KEPT_EDITED:
        report.kept.append(written.path)
    else:
        report.outcomes[written.outcome] += 1
        report.written.append(written.path)
        if written.outcome is not Outcome.UNCHANGED:
            report.notes.extend((written.path, note) for note in draft.notes)


def run_oparl(
    source: str,
    content_root: Path,
    *,
    stream: TextIO,
    today: datetime.date,
    force: bool = False,
    client: OParlClient | None = None,
    download_files: bool = False,
) -> Report:
    report = Report(factions=FactionNames.of_archive(content_root))
    progress = Progress(0, stream)
    client = client or OParlClient()
    downloader = Downloader(client) if download_files else None
    if source.startswith(("http://", "https://")):
        data = crawl(client, source, progress.log)
    else:
        data = read_folder(Path(source))
    registry = CommitteeRegistry(content_root)
    mapped: list[Mapped] = []
    meetings: list[tuple[MeetingDraft, NewCommittee | None]] = []
    new_committees: dict[str, NewCommittee] = {}
    for item, new in map_items(data, registry, meetings):
        if isinstance(item, Skipped):
            report.skipped[item.reason] += 1
        elif isinstance(item, Failed):
            report.failed.append((item.origin, item.reason))
        else:
            mapped.append(item)
            if new is not None:
                new_committees.setdefault(new.id, new)
    report.failed.extend(data.failures)
    for _, new in meetings:
        if new is not None:
            new_committees.setdefault(new.id, new)
    for committee in new_committees.values():
        if registry.add(committee):
            report.committees_added.append(committee.id)
    existing = ExistingFiles.scan(content_root)
    drafts = link_related(mapped)
    progress = Progress(len(drafts), stream)
    attach = downloader.attach if downloader else None
    for draft in drafts:
        _write(report, content_root, draft, existing, today=today, force=force, attach=attach)
        progress.advance(draft.title or draft.id)
    if downloader is not None:
        report.downloads = downloader.report
        report.failed.extend(downloader.report.failed)  # counted, and the exit code says so
    failed = {origin for origin, _ in report.failed}
    missing = {draft.id for draft in drafts if draft.origin in failed}
    report.meetings = write_meetings(
        content_root, (_without(meeting, missing) for meeting, _ in meetings), force=force
    )
    return report


def _without(meeting: MeetingDraft, missing: set[str]) -> MeetingDraft:
    """The meeting with no agenda line pointing at a resolution that was not written."""
    if not missing:
        return meeting
    agenda = tuple(
        replace(line, resolution=None) if line.resolution in missing else line
        for line in meeting.agenda
    )
    return replace(meeting, agenda=agenda)


def run_sessionnet(
    files: Sequence[Path],
    content_root: Path,
    overrides: Overrides,
    *,
    stream: TextIO,
    today: datetime.date,
    force: bool = False,
) -> Report:
    report = Report(factions=FactionNames.of_archive(content_root))
    registry = CommitteeRegistry(content_root)
    existing = ExistingFiles.scan(content_root)
    progress = Progress(len(files), stream)
    for path in files:
        origin = path.as_posix()
        try:
            item = read_item(path, registry, overrides, origin=origin)
        except OSError as exc:
            report.failed.append((origin, f"nicht lesbar: {exc.strerror or exc}"))
            progress.advance(origin)
            continue
        if isinstance(item, Skipped):
            report.skipped[item.reason] += 1
        elif isinstance(item, Unreadable):
            report.failed.append((origin, item.reason))
        else:
            _write(report, content_root, item, existing, today=today, force=force)
        progress.advance(origin)
    return report
