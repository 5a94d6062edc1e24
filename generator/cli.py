"""The ``ratsarchiv`` command. Exit codes: 0 ok, 1 content problems, 2 usage error."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path

from generator.archive.model import Committee
from generator.archive.problems import Severity, count_errors
from generator.build import BuildFailed, BuildOptions, build
from generator.commands.reporting import (
    ReportFormat,
    format_problem,
    notes_by_field,
    problems_as_codeclimate,
    problems_as_json,
    summary,
)
from generator.publish.freshness import source_date_epoch
from generator.reading.loading import display_root_for, load_archive, resolution_files
from generator.runtime.progress import Progress
from generator.runtime.timings import StageTimings

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
"""What shells report for a command ended by Ctrl+C."""

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
        "--notes",
        action="store_true",
        help=(
            "auch jeden Hinweis auf Lücken in importierten Unterlagen einzeln nennen "
            "(sonst nur ihre Anzahl je Feld)"
        ),
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
    _import_parser(commands)
    _init_parser(commands)

    build = commands.add_parser(
        "build",
        help="Website erzeugen",
        description=(
            "Prüft die Inhalte und erzeugt die fertige Website in site/ (mit Suchindex). "
            "Scheitert ein Schritt, bleibt die bisherige Website unverändert."
        ),
    )
    _build_arguments(build)
    build.add_argument(
        "--timings",
        type=Path,
        default=None,
        metavar="DATEI",
        help="Dauer und Speicherbedarf je Schritt als JSON in DATEI schreiben (für Benchmarks)",
    )
    build.set_defaults(handler=run_build)

    serve = commands.add_parser(
        "serve",
        help="Vorschau mit automatischer Aktualisierung",
        description=(
            "Erzeugt die Website und zeigt sie unter http://127.0.0.1:8000/ an. Wird eine "
            "Datei in content/ gespeichert, aktualisiert sich die Vorschau von selbst."
        ),
    )
    _build_arguments(serve)
    serve.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="HOST:PORT",
        help="Adresse der Vorschau (Standard: 127.0.0.1:8000)",
    )
    serve.set_defaults(handler=run_serve)
    return parser


def _import_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = commands.add_parser(
        "import",
        help="Beschlüsse aus einem Ratsinformationssystem übernehmen",
        description=(
            "Legt aus einer OParl-Schnittstelle oder aus SessionNet-Seiten Beschlussdateien "
            "an. Ein erneuter Import aktualisiert die früher importierten Dateien, legt "
            "keine doppelt an und überschreibt keine Datei, die seitdem von Hand geändert "
            "wurde (außer mit --force). Endet mit 1, wenn etwas fehlgeschlagen ist."
        ),
    )
    kinds = importing.add_subparsers(dest="source_kind", metavar="QUELLE", required=True)
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
    _import_common(oparl)
    oparl.set_defaults(handler=run_import_oparl)

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
    _import_common(sessionnet)
    sessionnet.set_defaults(handler=run_import_sessionnet)


def _import_common(parser: argparse.ArgumentParser) -> None:
    _content_argument(parser)
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


def _build_arguments(parser: argparse.ArgumentParser) -> None:
    _content_argument(parser)
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        metavar="DATEI",
        help="Theme-Einstellungen für MkDocs (Standard: mkdocs.yml)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path("site"),
        metavar="ORDNER",
        help="Zielordner der Website (Standard: site)",
    )
    parser.add_argument(
        "--build-dir",
        type=Path,
        default=Path(".build"),
        metavar="ORDNER",
        help="Arbeitsordner für die erzeugten Seiten (Standard: .build)",
    )
    parser.add_argument(
        "--site-url",
        default=None,
        metavar="URL",
        help="öffentliche Adresse der Website; ersetzt site_url aus content/archive.yml",
    )


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


def run_new(args: argparse.Namespace) -> int:
    from generator.reading.scaffold import next_id, scaffold_path, scaffold_text
    from generator.reading.settings_reader import read_committees

    committees, problems = read_committees(args.content, args.content)
    known = {committee.id for committee in committees}
    if args.committee not in known:
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        names = ", ".join(sorted(known)) or "(keine)"
        hint = _committee_hint(args.committee, committees)
        print(
            f"ratsarchiv: unbekanntes Gremium '{args.committee}'{hint} (bekannt: {names})",
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


def _committee_hint(typed: str, committees: Sequence[Committee]) -> str:
    """``new Rat``: editors type the name they know, the file wants the id."""
    import difflib

    by_word: dict[str, str] = {}
    for committee in committees:
        for word in (committee.id, committee.short_name, committee.name):
            by_word.setdefault(word.casefold(), committee.id)
    word = typed.strip().casefold()
    if word not in by_word:
        close = difflib.get_close_matches(word, list(by_word), n=1, cutoff=0.7)
        if not close:
            return ""
        word = close[0]
    return f"; meinten Sie '{by_word[word]}'?"


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


def run_import_oparl(args: argparse.Namespace) -> int:
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
    return _finish_import(report, args.report or args.content.parent / REPORT_NAME)


def run_import_sessionnet(args: argparse.Namespace) -> int:
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
    return _finish_import(report, args.report or args.content.parent / REPORT_NAME)


REPORT_NAME = "import-bericht.md"


def _finish_import(report: object, report_file: Path) -> int:
    from generator.importers.runner import Report

    assert isinstance(report, Report)
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


def _build_options(args: argparse.Namespace, *, search: bool = True) -> BuildOptions:
    return BuildOptions(
        content_root=args.content,
        base_config=args.config,
        build_dir=args.build_dir,
        site_dir=args.output,
        site_url=args.site_url,
        search=search,
    )


def _report_failure(failure: BuildFailed) -> int:
    for problem in failure.problems:
        print(problem.format(), file=sys.stderr)
    print(
        f"ratsarchiv: Erstellen fehlgeschlagen im Schritt „{failure.stage}“: {failure.detail}",
        file=sys.stderr,
    )
    return EXIT_CONTENT


def run_build(args: argparse.Namespace) -> int:
    if not args.content.is_dir():
        print(f"ratsarchiv: Inhaltsordner '{args.content}' nicht gefunden", file=sys.stderr)
        return EXIT_USAGE
    progress = Progress(len(BUILD_STAGES), sys.stderr)
    timings = StageTimings(
        on_stage_end=lambda stage, seconds: progress.advance(
            f"{BUILD_STAGES.get(stage, stage)}: {_decimal(seconds)} s"
        )
    )
    started = time.perf_counter()
    try:
        with source_date_epoch(args.content), _terminate_as_interrupt():
            prepared = build(_build_options(args), timings)
    except BuildFailed as failure:
        return _report_failure(failure)
    except KeyboardInterrupt:
        print("ratsarchiv: Erstellen abgebrochen; die alte Website bleibt", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if args.timings is not None:
            timings.write(args.timings)
    for problem in prepared.problems:
        if problem.severity is not Severity.NOTE:
            print(problem.format(), file=sys.stderr)
    for line in notes_by_field(prepared.problems):
        print(line, file=sys.stderr)
    pages = len(prepared.fragments) + len(prepared.nav_pages)
    size = _folder_bytes(args.output)
    print(
        f"Website mit {len(prepared.catalog.by_id)} Beschlüssen ({pages} Seiten, "
        f"{_decimal(size / 2**20)} MiB) in {_decimal(time.perf_counter() - started)} s "
        f"nach {args.output} geschrieben.",
        file=sys.stderr,
    )
    return EXIT_OK


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Let SIGTERM (a CI timeout, ``kill``) end the build like Ctrl+C does: through every
    ``finally``, so that no staging folder is left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _folder_bytes(folder: Path) -> int:
    """The size of every file below ``folder`` (scandir: tens of thousands of files in a
    fraction of the time ``Path.rglob`` needs)."""
    total = 0
    pending = [str(folder)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    total += entry.stat(follow_symlinks=False).st_size
    return total


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


BUILD_STAGES = {
    "load": "Inhalte gelesen und geprüft",
    "file_texts": "Beschlusstexte aus Dateien gelesen",
    "generate": "Seiten erzeugt",
    "mkdocs": "Seiten der Navigation gerendert (MkDocs)",
    "stamp": "übrige Seiten eingesetzt",
    "pagefind": "Suchindex fertig (Pagefind)",
    "publish": "veröffentlicht",
}
"""German names of the build stages, for the progress display."""


def run_serve(args: argparse.Namespace) -> int:
    from generator.preview.serve import serve

    if not args.content.is_dir():
        print(f"ratsarchiv: Inhaltsordner '{args.content}' nicht gefunden", file=sys.stderr)
        return EXIT_USAGE
    try:
        serve(_build_options(args, search=False), dev_addr=args.dev_addr)
    except BuildFailed as failure:
        return _report_failure(failure)
    return EXIT_OK


INIT_QUESTIONS = (
    ("municipality", "Name der Kommune, wie er in Zitaten steht (z. B. Stadt Beispielhausen)"),
    ("ags", "Amtlicher Gemeindeschlüssel (8 Ziffern)"),
    ("site_url", "Adresse der Website (z. B. https://ratsarchiv.beispielhausen.de/)"),
    ("contact_name", "Kontakt: zuständige Stelle (z. B. Büro des Rates)"),
    ("address", "Kontakt: Anschrift (z. B. Markt 1, 12345 Beispielhausen)"),
    ("email", "Kontakt: E-Mail-Adresse"),
)


def _init_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser(
        "init",
        help="ein leeres Archiv für die eigene Kommune anlegen",
        description=(
            "Entfernt die Beispielbeschlüsse aus content/ und trägt die Angaben der eigenen "
            "Kommune ein: archive.yml, committees.yml (mit dem Rat) und Vorlagen für "
            "Impressum, Datenschutz und Barrierefreiheit. Fehlende Angaben werden erfragt. "
            "Danach meldet 'ratsarchiv check --strict' nur noch die Rechtstexte, bis sie "
            "geschrieben sind."
        ),
    )
    _content_argument(init)
    for name, question in INIT_QUESTIONS:
        init.add_argument(f"--{name.replace('_', '-')}", dest=name, help=question)
    init.add_argument("--phone", default=None, help="Kontakt: Telefon (optional)")
    init.add_argument(
        "--repository-url", default=None, help="Adresse des Git-Repositorys (optional)"
    )
    init.add_argument(
        "--force",
        action="store_true",
        help="auch ein content/ mit eigenen Beschlüssen leeren (Vorsicht)",
    )
    init.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace) -> int:
    from generator.commands.init import Town, holds_own_resolutions, initialise

    content: Path = args.content
    if content.is_dir() and holds_own_resolutions(content) and not args.force:
        print(
            f"ratsarchiv: {content} enthält schon Beschlüsse einer Kommune; init würde sie "
            "löschen. Mit --force trotzdem leeren.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    values: dict[str, str] = {}
    for name, question in INIT_QUESTIONS:
        value = getattr(args, name)
        if not value and sys.stdin.isatty():
            value = input(f"{question}: ").strip()
        if not value:
            option = "--" + name.replace("_", "-")
            print(f"ratsarchiv: es fehlt {option} ({question})", file=sys.stderr)
            return EXIT_USAGE
        values[name] = value
    town = Town(**values, phone=args.phone, repository_url=args.repository_url)
    # Tried in a scratch folder first: wrong values must not cost the demo content.
    with tempfile.TemporaryDirectory() as scratch:
        initialise(Path(scratch), town)
        catalog, problems = load_archive(Path(scratch), keep_texts=False)
        if catalog is None or count_errors(problems, strict=False):
            for problem in problems:
                if problem.severity is Severity.ERROR:
                    text = format_problem(problem, ReportFormat.TEXT)
                    shown = str(display_root_for(content))
                    print(
                        text.replace(str(display_root_for(Path(scratch))), shown, 1),
                        file=sys.stderr,
                    )
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


def _existing_ids(content_root: Path, committee: str) -> tuple[list[str], list[str]]:
    """Ids already used, read leniently: a half-filled file still holds its id."""
    from generator.reading.resolution_reader import read_claims

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
