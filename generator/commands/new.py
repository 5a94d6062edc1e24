"""``ratsarchiv new``: a new resolution file with the next free id of its committee."""

from __future__ import annotations

import argparse
import datetime
import sys

from generator.commands.shared import EXIT_OK, EXIT_USAGE, content_argument

HELP = "neue Beschlussdatei anlegen"
DESCRIPTION = (
    "Legt eine neue Beschlussdatei mit dem heutigen Datum und der nächsten freien "
    "Kennung des Gremiums an. Alle Pflichtfelder stehen darin bereit; "
    "'ratsarchiv check' meldet die Datei, bis sie ausgefüllt ist."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    parser.add_argument(
        "committee", metavar="GREMIUM", help="Kennung aus committees.yml, z. B. rat"
    )
    parser.add_argument("--title", default="", help="Betreff des Beschlusses")
    parser.add_argument(
        "--date",
        type=datetime.date.fromisoformat,
        default=None,
        metavar="JJJJ-MM-TT",
        help="Sitzungsdatum (Standard: heute)",
    )
    parser.add_argument(
        "--auftrag",
        action="store_true",
        help="einen auskommentierten Auftrag (mandates) zum Ausfüllen einfügen",
    )


def run(args: argparse.Namespace) -> int:
    from generator.reading.new_resolution import (
        existing_ids,
        meant_committee,
        with_mandate_skeleton,
    )
    from generator.reading.scaffold import next_id, scaffold_path, scaffold_text
    from generator.reading.settings_reader import read_committees

    committees, problems = read_committees(args.content, args.content)
    known = {committee.id for committee in committees}
    if args.committee not in known:
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        names = ", ".join(sorted(known)) or "(keine)"
        meant = meant_committee(args.committee, committees)
        hint = f"; meinten Sie '{meant}'?" if meant else ""
        print(
            f"ratsarchiv: unbekanntes Gremium '{args.committee}'{hint} (bekannt: {names})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    date = args.date or datetime.date.today()
    all_ids, own_ids = existing_ids(args.content, args.committee)
    resolution_id = next_id(args.committee, date.year, all_ids, own_ids)
    path = scaffold_path(args.content, args.committee, date, args.title or resolution_id)
    if path.exists():
        print(
            f"ratsarchiv: {path} gibt es schon; bitte einen anderen Titel wählen", file=sys.stderr
        )
        return EXIT_USAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    text = scaffold_text(
        resolution_id=resolution_id, committee=args.committee, date=date, title=args.title
    )
    if args.auftrag:
        text = with_mandate_skeleton(text, args.committee, date)
    path.write_text(text, encoding="utf-8")
    print(path)
    print(
        f"Neue Beschlussdatei {path} mit der Kennung {resolution_id} angelegt. "
        "Füllen Sie die leeren Felder aus und prüfen Sie mit 'ratsarchiv check'.",
        file=sys.stderr,
    )
    return EXIT_OK
