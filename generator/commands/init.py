"""``ratsarchiv init``: an empty archive for one's own town (``reading.empty_archive``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.shared import EXIT_OK, EXIT_USAGE, content_argument

QUESTIONS = (
    ("municipality", "Name der Kommune, wie er in Zitaten steht (z. B. Stadt Beispielhausen)"),
    ("ags", "Amtlicher Gemeindeschlüssel (8 Ziffern)"),
    ("site_url", "Adresse der Website (z. B. https://ratsarchiv.beispielhausen.de/)"),
    ("contact_name", "Kontakt: zuständige Stelle (z. B. Büro des Rates)"),
    ("address", "Kontakt: Anschrift (z. B. Markt 1, 12345 Beispielhausen)"),
    ("email", "Kontakt: E-Mail-Adresse"),
)
"""The town's data ``init`` needs: an option each, asked for when missing on a terminal."""


HELP = "ein leeres Archiv für die eigene Kommune anlegen"
DESCRIPTION = (
    "Entfernt die Beispielbeschlüsse aus content/ und trägt die Angaben der eigenen "
    "Kommune ein: archive.yml, committees.yml (mit dem Rat) und Vorlagen für "
    "Impressum, Datenschutz und Barrierefreiheit. Fehlende Angaben werden erfragt. "
    "Danach meldet 'ratsarchiv check --strict' nur noch die Rechtstexte, bis sie "
    "geschrieben sind."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    content_argument(parser)
    for name, question in QUESTIONS:
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name, help=question)
    parser.add_argument("--phone", default=None, help="Kontakt: Telefon (optional)")
    parser.add_argument(
        "--repository-url", default=None, help="Adresse des Git-Repositorys (optional)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="auch ein content/ mit eigenen Beschlüssen leeren (Vorsicht)",
    )


def run(args: argparse.Namespace) -> int:
    from generator.archive.model import Contact
    from generator.reading.empty_archive import (
        Town,
        holds_own_resolutions,
        initialise,
        trial_errors,
    )

    content: Path = args.content
    if content.is_dir() and holds_own_resolutions(content) and not args.force:
        print(
            f"ratsarchiv: {content} enthält schon Beschlüsse einer Kommune; init würde sie "
            "löschen. Mit --force trotzdem leeren.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    values: dict[str, str] = {}
    for name, question in QUESTIONS:
        value = getattr(args, name)
        if not value and sys.stdin.isatty():
            value = input(f"{question}: ").strip()
        if not value:
            option = "--" + name.replace("_", "-")
            print(f"ratsarchiv: es fehlt {option} ({question})", file=sys.stderr)
            return EXIT_USAGE
        values[name] = value
    contact = Contact(
        name=values["contact_name"],
        address=values["address"],
        email=values["email"],
        phone=args.phone,
    )
    town = Town(
        municipality=values["municipality"],
        ags=values["ags"],
        site_url=values["site_url"],
        contact=contact,
        repository_url=args.repository_url,
    )
    errors = trial_errors(content, town)
    if errors:
        for line in errors:
            print(line, file=sys.stderr)
        print("ratsarchiv: nichts geändert; bitte die Angaben berichtigen.", file=sys.stderr)
        return EXIT_USAGE
    content.mkdir(parents=True, exist_ok=True)
    for line in initialise(content, town):
        print(line, file=sys.stderr)
    print(
        "Leeres Archiv angelegt. Nächste Schritte: Rechtstexte in content/legal/ schreiben, "
        "Gremien in content/committees.yml eintragen, mit 'ratsarchiv new rat' den ersten "
        "Beschluss anlegen.",
        file=sys.stderr,
    )
    return EXIT_OK
