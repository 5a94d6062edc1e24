"""``ratsarchiv import oparl|sessionnet``: resolution (and meeting) files from a council
information system, with a report of everything skipped or to look at."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.commands.shared import (
    EXIT_CONTENT,
    EXIT_OK,
    EXIT_USAGE,
    content_argument,
)

if TYPE_CHECKING:
    from generator.importers.runner import Report

REPORT_NAME = "import-bericht.md"
"""The report's file, beside the content folder unless ``--report`` names another."""


HELP = "Beschlüsse aus einem Ratsinformationssystem übernehmen"
DESCRIPTION = (
    "Legt aus einer OParl-Schnittstelle oder aus SessionNet-Seiten Beschlussdateien "
    "an. Ein erneuter Import aktualisiert die früher importierten Dateien, legt "
    "keine doppelt an und überschreibt keine Datei, die seitdem von Hand geändert "
    "wurde (außer mit --force). Endet mit 1, wenn etwas fehlgeschlagen ist."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="source_kind", metavar="QUELLE", required=True)
    oparl = kinds.add_parser(
        "oparl",
        help="aus einer OParl-Schnittstelle oder einem gespeicherten OParl-Abzug",
        description=(
            "QUELLE ist die Adresse einer OParl-1.0/1.1-Schnittstelle (System oder Body) "
            "oder ein Ordner bzw. eine Datei mit OParl-JSON-Objekten. Gremien kommen nach "
            "committees.yml, jeder öffentliche Tagesordnungspunkt mit Beschluss wird eine "
            "Datei; Anlagen werden als Links übernommen, mit --download-files als Dateien "
            "neben dem Beschluss."
        ),
    )
    oparl.add_argument("source", metavar="QUELLE", help="OParl-Adresse, Ordner oder Datei")
    oparl.add_argument(
        "--download-files",
        action="store_true",
        help=(
            "Anlagen herunterladen und neben dem Beschluss speichern (höchstens 50 MB je "
            "Datei); misslingt das, bleibt der Link"
        ),
    )
    _common_arguments(oparl)

    sessionnet = kinds.add_parser(
        "sessionnet",
        help="aus gespeicherten SessionNet-Seiten (to0050.asp) oder kopiertem Text",
        description=(
            "Jede DATEI ist eine gespeicherte Tagesordnungspunkt-Seite aus SessionNet "
            "(HTML) oder der daraus kopierte Text. Was die Datei nicht nennt, kommt aus "
            "den Optionen; fehlt es auch dort, bleibt das Feld leer und 'ratsarchiv check' "
            "meldet es."
        ),
    )
    sessionnet.add_argument("files", nargs="+", type=Path, metavar="DATEI", help="Dateien")
    sessionnet.add_argument("--committee", metavar="GREMIUM", help="Kennung des Gremiums")
    sessionnet.add_argument(
        "--date", type=datetime.date.fromisoformat, metavar="JJJJ-MM-TT", help="Sitzungsdatum"
    )
    sessionnet.add_argument("--title", help="Betreff")
    sessionnet.add_argument("--agenda-item", metavar="TOP", help='TOP-Nummer, z. B. "3.1"')
    sessionnet.add_argument("--reference", metavar="NUMMER", help="Vorlagennummer")
    _common_arguments(sessionnet)


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    parser.add_argument(
        "--force",
        action="store_true",
        help="auch von Hand geänderte, früher importierte Dateien überschreiben",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="DATEI",
        help=(
            "Bericht mit allen übersprungenen und anzusehenden Dateien samt Grund "
            "(Standard: import-bericht.md neben dem Inhaltsordner)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    runs = {"oparl": run_oparl, "sessionnet": run_sessionnet}
    return runs[args.source_kind](args)


def run_oparl(args: argparse.Namespace) -> int:
    from generator.importers.runner import run_oparl

    source = str(args.source)
    if not source.startswith(("http://", "https://")) and not Path(source).exists():
        print(f"ratsarchiv: '{source}' ist weder eine Adresse noch eine Datei", file=sys.stderr)
        return EXIT_USAGE
    report = run_oparl(
        source,
        args.content,
        stream=sys.stderr,
        today=datetime.date.today(),
        force=args.force,
        download_files=args.download_files,
    )
    return _finish(report, args.report or args.content.parent / REPORT_NAME)


def run_sessionnet(args: argparse.Namespace) -> int:
    from generator.importers.runner import run_sessionnet
    from generator.importers.sessionnet import Overrides

    overrides = Overrides(
        committee=args.committee,
        date=args.date,
        title=args.title,
        agenda_item=args.agenda_item,
        reference=args.reference,
    )
    report = run_sessionnet(
        args.files,
        args.content,
        overrides,
        stream=sys.stderr,
        today=datetime.date.today(),
        force=args.force,
    )
    return _finish(report, args.report or args.content.parent / REPORT_NAME)


def _finish(report: Report, report_file: Path) -> int:
    for path in report.written:
        print(path)
    for line in report.summary():
        print(line, file=sys.stderr)
    try:
        report_file.write_text(report.markdown(), encoding="utf-8")
        print(f"Bericht mit allen Dateien zum Ansehen: {report_file}", file=sys.stderr)
    except OSError as exc:
        print(f"ratsarchiv: Bericht nicht geschrieben ({exc.strerror})", file=sys.stderr)
    return EXIT_CONTENT if report.failed else EXIT_OK
