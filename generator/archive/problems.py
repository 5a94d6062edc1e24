"""Problems in the content: bad input is data, not an exception.

Every stage that reads editors' input returns problems instead of raising, so that one
run reports everything wrong in every file. They print in compiler format, which editors'
tools and CI annotations can jump to::

    content/resolutions/ha/2020/x.md:7:7: error: date: erwartet ein Datum wie 2020-04-17, …
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    """A gap in an imported record (no result, a vote only in words): a fact of the
    source, shown to editors but never failing a run, not even with ``--strict``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    path: Path
    """Relative to the directory the user runs from, as they would type it."""
    line: int = 0
    """1-based; 0 when the problem concerns the whole file."""
    column: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    location: Location
    field: str | None
    """Dotted path of the field, e.g. ``vote.factions[2].for``; None for the whole file."""
    message: str
    """German, addressed to an editor: what is wrong and what is expected."""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        where = str(self.location.path)
        if self.location.line:
            where += f":{self.location.line}"
            if self.location.column:
                where += f":{self.location.column}"
        subject = f"{self.field}: " if self.field else ""
        return f"{where}: {self.severity}: {subject}{self.message}"

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (str(loc.path), loc.line, loc.column, self.message)


def _problem(
    severity: Severity, path: Path, line: int, column: int, field: str | None, message: str
) -> Problem:
    location = Location(path=path, line=line, column=column)
    return Problem(location=location, field=field, message=message, severity=severity)


def error(path: Path, line: int, column: int, field: str | None, message: str) -> Problem:
    return _problem(Severity.ERROR, path, line, column, field, message)


def warning(path: Path, line: int, column: int, field: str | None, message: str) -> Problem:
    return _problem(Severity.WARNING, path, line, column, field, message)


def note(path: Path, line: int, column: int, field: str | None, message: str) -> Problem:
    return _problem(Severity.NOTE, path, line, column, field, message)


def count_errors(problems: list[Problem], *, strict: bool) -> int:
    """How many problems fail the run: errors, and warnings too under ``--strict``."""
    return sum(
        1
        for p in problems
        if p.severity is Severity.ERROR or (strict and p.severity is Severity.WARNING)
    )
