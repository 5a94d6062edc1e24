"""The ``ratsarchiv`` command. Exit codes: 0 ok, 1 content problems, 2 usage error."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from generator.loading import load_archive, resolution_files
from generator.problems import count_errors
from generator.reporting import (
    ReportFormat,
    format_problem,
    problems_as_codeclimate,
    problems_as_json,
    summary,
)

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace], int]


def _content_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="ORDNER",
        help="Ordner mit den Inhalten (Standard: content)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ratsarchiv",
        description=(
            "Ratsarchiv: macht aus den Beschlussdateien in content/ eine statische, "
            "durchsuchbare Website."
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", required=True)

    check = commands.add_parser(
        "check",
        help="alle Inhalte prüfen",
        description=(
            "Prüft alle Dateien in content/ und nennt jeden Fehler mit Datei, Zeile, Feld "
            "und dem, was erwartet wird. Endet mit 0, wenn alles in Ordnung ist, "
            "mit 1 bei Fehlern in den Inhalten."
        ),
    )
    _content_argument(check)
    check.add_argument(
        "--strict", action="store_true", help="auch Warnungen als Fehler werten (für CI)"
    )
    check.add_argument(
        "--format",
        choices=[f.value for f in ReportFormat],
        default=ReportFormat.TEXT.value,
        help=(
            "Ausgabeformat: text (Standard), github (Anmerkungen in Pull Requests), "
            "codeclimate (Code-Quality-Bericht für GitLab) oder json"
        ),
    )
    check.set_defaults(handler=run_check)

    new = commands.add_parser(
        "new",
        help="neue Beschlussdatei anlegen",
        description=(
            "Legt eine neue Beschlussdatei mit dem heutigen Datum und der nächsten freien "
            "Kennung des Gremiums an. Alle Pflichtfelder stehen darin bereit; "
            "'ratsarchiv check' meldet die Datei, bis sie ausgefüllt ist."
        ),
    )
    _content_argument(new)
    new.add_argument("committee", metavar="GREMIUM", help="Kennung aus committees.yml, z. B. rat")
    new.add_argument("--title", default="", help="Betreff des Beschlusses")
    new.add_argument(
        "--date",
        type=datetime.date.fromisoformat,
        default=None,
        metavar="JJJJ-MM-TT",
        help="Sitzungsdatum (Standard: heute)",
    )
    new.set_defaults(handler=run_new)

    ci = commands.add_parser(
        "ci",
        help="CI-Ablauf für das Archiv-Repository anlegen",
        description=(
            "Legt den CI-Ablauf an, der jeden Pull Request (GitHub) bzw. Merge Request "
            "(GitLab) prüft und den Hauptzweig als Website veröffentlicht: "
            "github schreibt .github/workflows/ratsarchiv.yml, gitlab schreibt .gitlab-ci.yml."
        ),
    )
    ci.add_argument("platform", choices=sorted(CI_TEMPLATES), help="github oder gitlab")
    ci.add_argument("--force", action="store_true", help="eine vorhandene Datei überschreiben")
    ci.set_defaults(handler=run_ci)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    handler: Command = args.handler
    return handler(args)


def run_check(args: argparse.Namespace) -> int:
    report_format = ReportFormat(args.format)
    if not args.content.is_dir():
        print(f"ratsarchiv: Inhaltsordner '{args.content}' nicht gefunden", file=sys.stderr)
        return EXIT_USAGE
    catalog, problems = load_archive(args.content)
    if report_format is ReportFormat.JSON:
        print(problems_as_json(problems))
    elif report_format is ReportFormat.CODECLIMATE:
        print(problems_as_codeclimate(problems))
    else:
        for problem in problems:
            print(format_problem(problem, report_format))
    files = len(resolution_files(args.content))
    print(summary(problems, files, strict=args.strict), file=sys.stderr)
    failed = count_errors(problems, strict=args.strict) > 0
    return EXIT_CONTENT if failed or catalog is None else EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from generator.scaffold import next_id, scaffold_path, scaffold_text
    from generator.settings_reader import read_committees

    committees, problems = read_committees(args.content, args.content)
    known = {committee.id for committee in committees}
    if args.committee not in known:
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        names = ", ".join(sorted(known)) or "(keine)"
        print(
            f"ratsarchiv: unbekanntes Gremium '{args.committee}' (bekannt: {names})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    date = args.date or datetime.date.today()
    all_ids, own_ids = _existing_ids(args.content, args.committee)
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
    path.write_text(text, encoding="utf-8")
    print(path)
    print(
        f"Neue Beschlussdatei {path} mit der Kennung {resolution_id} angelegt. "
        "Füllen Sie die leeren Felder aus und prüfen Sie mit 'ratsarchiv check'.",
        file=sys.stderr,
    )
    return EXIT_OK


CI_TEMPLATES = {
    "github": ("github-workflow.yml", Path(".github/workflows/ratsarchiv.yml")),
    "gitlab": ("gitlab-ci.yml", Path(".gitlab-ci.yml")),
}


def run_ci(args: argparse.Namespace) -> int:
    template, target = CI_TEMPLATES[args.platform]
    if target.exists() and not args.force:
        print(
            f"ratsarchiv: {target} gibt es schon; mit --force überschreiben",
            file=sys.stderr,
        )
        return EXIT_USAGE
    text = resources.files("generator").joinpath("ci_templates", template).read_text("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(target)
    return EXIT_OK


def _existing_ids(content_root: Path, committee: str) -> tuple[list[str], list[str]]:
    """Ids already used, read leniently: a half-filled file still holds its id."""
    from generator.resolution_reader import read_claims

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


__all__ = ["EXIT_CONTENT", "EXIT_OK", "EXIT_USAGE", "main"]
