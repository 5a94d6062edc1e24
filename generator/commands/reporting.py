"""Printing problems for people (compiler format), GitHub annotations and JSON."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum

from generator.archive.problems import Problem, Severity


class ReportFormat(StrEnum):
    TEXT = "text"
    GITHUB = "github"
    CODECLIMATE = "codeclimate"
    """GitLab's code quality report, shown at the lines in a merge request."""
    JSON = "json"


_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}
_CODECLIMATE_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.NOTE: "info"}


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_problem(problem: Problem, report_format: ReportFormat) -> str:
    if report_format is ReportFormat.GITHUB:
        loc = problem.location
        command = _GITHUB_COMMAND[problem.severity]
        properties = [f"file={_github_escape(str(loc.path), property_value=True)}"]
        if loc.line:
            properties.append(f"line={loc.line}")
        if loc.column:
            properties.append(f"col={loc.column}")
        if problem.field:
            properties.append(f"title={_github_escape(problem.field, property_value=True)}")
        return f"::{command} {','.join(properties)}::{_github_escape(problem.message)}"
    return problem.format()


def problems_as_json(problems: Sequence[Problem]) -> str:
    return json.dumps(
        [
            {
                "path": str(p.location.path),
                "line": p.location.line,
                "column": p.location.column,
                "severity": str(p.severity),
                "field": p.field,
                "message": p.message,
            }
            for p in problems
        ],
        ensure_ascii=False,
        indent=2,
    )


def problems_as_codeclimate(problems: Sequence[Problem]) -> str:
    return json.dumps(
        [
            {
                "type": "issue",
                "check_name": f"ratsarchiv/{p.field or 'datei'}",
                "description": f"{p.field}: {p.message}" if p.field else p.message,
                "severity": _CODECLIMATE_SEVERITY[p.severity],
                "fingerprint": hashlib.sha256(p.format().encode("utf-8")).hexdigest(),
                "location": {
                    "path": str(p.location.path),
                    "lines": {"begin": max(p.location.line, 1)},
                },
            }
            for p in problems
        ],
        ensure_ascii=False,
        indent=2,
    )


def notes_by_field(problems: Sequence[Problem]) -> list[str]:
    """How many gaps of each kind the imported records have, for a run without --notes."""
    counts = Counter(
        re.sub(r"\[\d+\]", "", p.field or "Beschlusstext")
        for p in problems
        if p.severity is Severity.NOTE
    )
    if not counts:
        return []
    lines = ["Lücken in importierten Unterlagen (einzeln mit --notes):"]
    lines += [f"  {n:6d} × {_GAP_LABELS.get(field, field)}" for field, n in counts.most_common()]
    return lines


_GAP_LABELS = {
    "result": "Ergebnis nicht erfasst",
    "resolution_file": "Beschlusstext nur in einer verlinkten Datei",
    "vote.text": "Abstimmung nur als Wortlaut",
    "Beschlusstext": "kein Beschlusstext in der Quelle",
}


def summary(problems: Sequence[Problem], files: int, *, strict: bool) -> str:
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = sum(1 for p in problems if p.severity is Severity.WARNING)
    notes = sum(1 for p in problems if p.severity is Severity.NOTE)
    if not problems:
        return f"{files} Beschlüsse geprüft: keine Probleme."
    parts = []
    if errors:
        parts.append(f"{errors} Fehler")
    if warnings:
        parts.append(f"{warnings} {'Warnung' if warnings == 1 else 'Warnungen'}")
    if notes:
        parts.append(
            f"{notes} {'Hinweis' if notes == 1 else 'Hinweise'} auf Lücken in importierten "
            "Unterlagen (scheitern nie)"
        )
    verdict = "" if errors or strict or not warnings else " (Warnungen scheitern nur mit --strict)"
    return f"{files} Beschlüsse geprüft: {', '.join(parts)}{verdict}."
