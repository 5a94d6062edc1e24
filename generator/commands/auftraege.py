"""``ratsarchiv auftraege``: open mandates, overdue first, for the clerk's next report."""

from __future__ import annotations

import argparse
import datetime

from generator.archive import labels
from generator.archive.mandates import MANDATE_STATE_LABELS
from generator.commands.shared import (
    EXIT_CONTENT,
    EXIT_OK,
    EXIT_USAGE,
    content_argument,
    content_missing,
)
from generator.reading.loading import load_archive

HELP = "offene Aufträge auflisten (mit --faellig: fällige und überfällige)"
DESCRIPTION = (
    "Listet die offenen Aufträge aus den Beschlüssen, überfällige zuerst, mit Frist, "
    "zuständiger Stelle und Beschluss. Mit --faellig nur, was bis --tage Tage nach dem "
    "Stichtag fällig oder schon überfällig ist."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    parser.add_argument(
        "--faellig", action="store_true", help="nur fällige und überfällige Aufträge"
    )
    parser.add_argument(
        "--tage",
        type=int,
        default=90,
        help="fällig heißt: Frist bis so viele Tage nach dem Stichtag (Standard 90)",
    )
    parser.add_argument(
        "--stichtag",
        type=datetime.date.fromisoformat,
        default=None,
        help="Datum JJJJ-MM-TT, an dem gemessen wird (Standard: heute)",
    )


def run(args: argparse.Namespace) -> int:
    if content_missing(args.content):
        return EXIT_USAGE
    catalog, _ = load_archive(args.content, keep_texts=False)
    if catalog is None:
        print("Die Inhalte haben Fehler; zuerst 'ratsarchiv check' ausführen.")
        return EXIT_CONTENT
    day: datetime.date = args.stichtag or datetime.date.today()
    horizon = day + datetime.timedelta(days=args.tage)
    rows = []
    for resolution in catalog.resolutions:
        for mandate in resolution.mandates:
            if mandate.closed:
                continue
            if args.faellig and (mandate.due is None or mandate.due > horizon):
                continue
            overdue = mandate.overdue(day)
            rows.append((not overdue, mandate.due or datetime.date.max, resolution, mandate))
    rows.sort(key=lambda row: (row[0], row[1], row[2].id, row[3].id))
    for _, _, resolution, mandate in rows:
        state = MANDATE_STATE_LABELS[mandate.state]
        when = f"Frist {labels.date(mandate.due)}" if mandate.due else f"Bericht {mandate.interval}"
        flag = "ÜBERFÄLLIG " if mandate.overdue(day) else ""
        print(f"{flag}{when} · {state} · {mandate.responsible}")
        print(f"  {mandate.task}")
        print(f"  {resolution.id}#{mandate.id}: {resolution.title} ({resolution.path})")
    print(f"{len(rows)} Aufträge, Stichtag {labels.date(day)}.")
    return EXIT_OK
