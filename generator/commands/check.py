"""``ratsarchiv check``: every problem in ``content/``, in the chosen format."""

from __future__ import annotations

import argparse
import sys

from generator.archive.problems import Severity, count_errors
from generator.commands.reporting import (
    ReportFormat,
    format_problem,
    notes_by_field,
    problems_as_codeclimate,
    problems_as_json,
    summary,
)
from generator.commands.shared import (
    EXIT_CONTENT,
    EXIT_OK,
    EXIT_USAGE,
    content_argument,
    content_missing,
)
from generator.reading.loading import load_archive, resolution_files

HELP = "alle Inhalte prüfen"
DESCRIPTION = (
    "Prüft alle Dateien in content/ und nennt jeden Fehler mit Datei, Zeile, Feld "
    "und dem, was erwartet wird. Endet mit 0, wenn alles in Ordnung ist, "
    "mit 1 bei Fehlern in den Inhalten."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    parser.add_argument(
        "--strict", action="store_true", help="auch Warnungen als Fehler werten (für CI)"
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help=(
            "auch jeden Hinweis auf Lücken in importierten Unterlagen einzeln nennen "
            "(sonst nur ihre Anzahl je Feld)"
        ),
    )
    parser.add_argument(
        "--format",
        choices=[f.value for f in ReportFormat],
        default=ReportFormat.TEXT.value,
        help=(
            "Ausgabeformat: text (Standard), github (Anmerkungen in Pull Requests), "
            "codeclimate (Code-Quality-Bericht für GitLab) oder json"
        ),
    )


def run(args: argparse.Namespace) -> int:
    report_format = ReportFormat(args.format)
    if content_missing(args.content):
        return EXIT_USAGE
    files = resolution_files(args.content)
    catalog, problems = load_archive(args.content, files=files, keep_texts=False)
    shown = problems if args.notes else [p for p in problems if p.severity is not Severity.NOTE]
    if report_format is ReportFormat.JSON:
        print(problems_as_json(shown))
    elif report_format is ReportFormat.CODECLIMATE:
        print(problems_as_codeclimate(shown))
    else:
        for problem in shown:
            print(format_problem(problem, report_format))
        if not args.notes:
            for line in notes_by_field(problems):
                print(line, file=sys.stderr)
    print(summary(problems, len(files), strict=args.strict), file=sys.stderr)
    failed = count_errors(problems, strict=args.strict) > 0
    return EXIT_CONTENT if failed or catalog is None else EXIT_OK
