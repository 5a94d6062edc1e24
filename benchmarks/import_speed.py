"""Benchmark ``ratsarchiv import oparl FOLDER`` on local crawls of N agenda items.

    python benchmarks/import_speed.py --sizes 5000 10000 15000 20000

The product asks: a local crawl of 15,000 agenda items imports in at most 2 minutes on the
2-core machine, and the cost per item stays constant as the archive grows.

For each N: grow a crawl of N agenda items from the real Hürtgenwald crawl
(benchmarks/oparl_crawl.py, seeded) into a temp folder, then run the real command as a
subprocess into a content folder that holds only archive.yml and legal/ (the importer
writes committees.yml and resolutions/ itself), and measure it as benchmarks/run.py
measures a build: wall time, peak PSS of the process tree, CPU time (user + system, from
wait4). Then the same import again over the same folder: nothing changed, so every file
must come out unchanged, and how long that takes is what a nightly re-import costs.
Results go to the section "Import (OParl)" of benchmarks/results.md and to
benchmarks/results-import.json.

The machine is shared: the load average (1 min) before and after each run stands beside
the figures. CPU time is the steadier measure under load; wall time is what a user waits.
``--profile`` runs one more import per size under cProfile (not timed) and prints where
the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(REPO))

from benchmarks.oparl_crawl import REAL_CRAWL_ARCHIVE, synthesize_crawl  # noqa: E402
from benchmarks.run import (  # noqa: E402  (needs the path above)
    Measured,
    _de,
    _mib,
    _size,
    machine,
    measure,
    memory_measure,
)

SECTION = "## Import (OParl)"
REQUIRED_SECONDS = 120
REQUIRED_ITEMS = 15_000
_SUMMARY = re.compile(
    r"Import beendet: (\d+) importiert, (\d+) aktualisiert, (\d+) unverändert, "
    r"(\d+) von Hand geändert \(behalten\), (\d+) übersprungen.*?, (\d+) fehlgeschlagen"
)


@dataclass(slots=True)
class Outcomes:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    skipped: int = 0
    failed: int = 0


@dataclass(slots=True)
class ImportRun:
    measured: Measured
    outcomes: Outcomes
    files_written: int
    """Files created or modified under the content folder (by mtime and inode)."""
    load_before: float
    load_after: float


@dataclass(slots=True)
class SizeRun:
    items: int
    synthesize_seconds: float
    crawl_bytes: int
    crawl_files: int
    first: ImportRun | None = None
    again: ImportRun | None = None
    profile_top: list[tuple[str, float, float]] = field(default_factory=list)
    """(file:function, own seconds, cumulative seconds) of the profiled import."""
    profile_total: float = 0.0


def _files(folder: Path) -> dict[Path, tuple[int, int]]:
    return {
        path: (path.stat().st_mtime_ns, path.stat().st_ino)
        for path in folder.rglob("*")
        if path.is_file()
    }


def _outcomes(log: Path) -> Outcomes:
    match = _SUMMARY.search(log.read_text(encoding="utf-8", errors="replace"))
    return Outcomes(*(int(n) for n in match.groups())) if match else Outcomes()


def prepare_content(content: Path) -> None:
    """An empty archive: the settings the build needs, no committees, no resolutions."""
    content.mkdir(parents=True)
    shutil.copyfile(REPO / "content" / "archive.yml", content / "archive.yml")
    shutil.copytree(REPO / "content" / "legal", content / "legal")


def run_import(
    command: list[str], content: Path, work: Path, timeout: float, log: Path
) -> ImportRun:
    before = _files(content)
    load_before = os.getloadavg()[0]
    measured = measure(command, work, timeout, log)
    load_after = os.getloadavg()[0]
    after = _files(content)
    written = sum(1 for path, stamp in after.items() if before.get(path) != stamp)
    return ImportRun(measured, _outcomes(log), written, load_before, load_after)


def _describe(run: ImportRun) -> str:
    measured = run.measured
    if measured.timed_out:
        return f"TIMEOUT after {measured.seconds:.0f} s"
    text = (
        f"{measured.seconds:.1f} s wall, {measured.cpu_seconds:.1f} s CPU, "
        f"peak {_mib(measured.peak_memory_bytes)}, {run.files_written} files written, "
        f"load {run.load_before:.1f}→{run.load_after:.1f}"
    )
    if measured.exit_code != 0:
        text += f", FAILED (exit {measured.exit_code}):\n{measured.log}"
    return text


def profile(command: list[str], work: Path, content: Path, size: SizeRun, top: int) -> None:
    """One more import under cProfile, into a fresh content folder; not timed."""
    stats_file = work / "import.pstats"
    profiled = [command[0], "-m", "cProfile", "-o", str(stats_file), *command[1:]]
    prepare_content(content)
    measure(profiled, work, float("inf"), work / "import-profile.log")
    stats = pstats.Stats(str(stats_file))
    size.profile_total = stats.total_tt
    rows = []
    for (filename, line, function), entry in stats.stats.items():
        own, cumulative = entry[2], entry[3]
        name = filename.removeprefix(str(REPO) + "/")
        rows.append((f"{name}:{line}:{function}", own, cumulative))
    size.profile_top = sorted(rows, key=lambda row: row[1], reverse=True)[:top]


def bench_size(n: int, args: argparse.Namespace, work: Path) -> SizeRun:
    crawl = work / "crawl"
    started = time.perf_counter()
    synthesize_crawl(crawl, n, args.seed, args.real_crawl)
    files = [path for path in crawl.rglob("*") if path.is_file()]
    size = SizeRun(
        items=n,
        synthesize_seconds=time.perf_counter() - started,
        crawl_bytes=sum(path.stat().st_size for path in files),
        crawl_files=len(files),
    )
    note = f"N={n:>6}"
    print(f"{note}: crawl written in {size.synthesize_seconds:.1f} s ({work})", flush=True)
    content = work / "content"
    prepare_content(content)
    command = [args.python, "-m", "generator", "import", "oparl", str(crawl)]
    command += ["--content", str(content)]
    size.first = run_import(command, content, work, args.timeout, work / "import.log")
    print(f"{note}: import {_describe(size.first)}", flush=True)
    size.again = run_import(command, content, work, args.timeout, work / "import-again.log")
    print(f"{note}: re-import {_describe(size.again)}", flush=True)
    if args.profile:
        profiled_content = work / "content-profile"
        profiled = [*command[:-1], str(profiled_content)]
        profile(profiled, work, profiled_content, size, args.profile_top)
        print(f"{note}: profile ({size.profile_total:.1f} s in the profiler)", flush=True)
        for name, own, cumulative in size.profile_top:
            share = 100 * own / size.profile_total if size.profile_total else 0
            print(f"    {share:5.1f} %  {own:6.2f} s own  {cumulative:6.2f} s cum  {name}")
    return size


def _per_thousand(seconds: float, items: int) -> str:
    return f"{_de(1000 * seconds / items, 2)} s"


def _time_cells(run: ImportRun | None, items: int) -> list[str]:
    if run is None or run.measured.timed_out or run.measured.exit_code not in (0, 1):
        reason = "Zeitlimit" if run and run.measured.timed_out else "Fehler"
        return [reason, "–", "–", "–", "–"]
    measured = run.measured
    return [
        f"{_de(measured.seconds)} s",
        f"{_de(measured.cpu_seconds)} s",
        _per_thousand(measured.seconds, items),
        _per_thousand(measured.cpu_seconds, items),
        _mib(measured.peak_memory_bytes),
    ]


def _load(run: ImportRun | None) -> str:
    return f"{_de(run.load_before)} → {_de(run.load_after)}" if run else "–"


def markdown(sizes: list[SizeRun], info: dict[str, object], seed: int) -> str:
    lines = [
        SECTION,
        "",
        f"Gemessen am {info['date']} auf {info['cpu']}, {info['cores']} Kerne, "
        f"Python {info['python']}. `ratsarchiv import oparl ORDNER` als eigener Prozess in "
        "einen Inhaltsordner, der nur archive.yml und legal/ enthält. Abzug: der echte "
        "OParl-1.0-Abzug von Hürtgenwald (5.106 Tagesordnungspunkte), vervielfältigt mit "
        f"neuen Kennungen und um 52 Wochen je Kopie verschobenen Daten "
        f"(benchmarks/oparl_crawl.py, Seed {seed}). Befehl: "
        "`python benchmarks/import_speed.py --sizes …`.",
        "",
        "### Erster Import (leeres Archiv)",
        "",
        "| Tagesordnungspunkte | Abzug | Beschlussdateien | Import | CPU-Zeit "
        "| je 1.000 TOP | CPU je 1.000 TOP | Spitzen-PSS | Last (1 min) vorher → nachher |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        first = size.first
        lines.append(
            "| "
            + " | ".join(
                (
                    f"{size.items:,}".replace(",", "."),
                    f"{_size(size.crawl_bytes)} in {size.crawl_files} Dateien",
                    f"{first.outcomes.imported:,}".replace(",", ".") if first else "–",
                    *_time_cells(first, size.items),
                    _load(first),
                )
            )
            + " |"
        )
    lines += [
        "",
        "### Erneuter Import desselben Abzugs (nichts geändert)",
        "",
        "| Tagesordnungspunkte | unverändert | geschriebene Dateien | Re-Import | CPU-Zeit "
        "| je 1.000 TOP | CPU je 1.000 TOP | Spitzen-PSS | Last (1 min) vorher → nachher |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        again = size.again
        lines.append(
            "| "
            + " | ".join(
                (
                    f"{size.items:,}".replace(",", "."),
                    f"{again.outcomes.unchanged:,}".replace(",", ".") if again else "–",
                    str(again.files_written) if again else "–",
                    *_time_cells(again, size.items),
                    _load(again),
                )
            )
            + " |"
        )
    lines += [
        "",
        f"Anforderung: {_de(REQUIRED_ITEMS, 0)} Tagesordnungspunkte in höchstens "
        f"{REQUIRED_SECONDS // 60} Minuten auf dem Rechner mit 2 Kernen, gleiche Kosten je "
        "Punkt bei wachsendem Archiv. Etwa die Hälfte der Tagesordnungspunkte sind "
        "Zwischenüberschriften, Mitteilungen und Anfragen ohne Beschluss: Sie werden "
        "übersprungen, daher weniger Beschlussdateien als Punkte. Der Rechner wird mit "
        "anderen Prozessen geteilt: Wandzeit schwankt mit der Last (Lastmittel über 1 Minute, "
        "vor und nach jedem Lauf), CPU-Zeit (Benutzer + System, aus wait4) ist das ruhigere "
        "Maß; der Import läuft in einem Prozess, die CPU-Zeit ist also die Wandzeit, die er "
        "auf einem freien Rechner mindestens braucht. Spitzen-PSS wie oben "
        f"(gemessen: {memory_measure()}).",
        "",
    ]
    return "\n".join(lines)


def write_section(results: Path, section: str) -> None:
    """Replace this section in results.md (or append it), leaving the rest as it is."""
    text = results.read_text(encoding="utf-8") if results.is_file() else ""
    start = text.find(SECTION)
    if start < 0:
        text = (text.rstrip("\n") + "\n\n" if text else "") + section
    else:
        following = re.search(r"^## ", text[start + len(SECTION) :], re.MULTILINE)
        end = start + len(SECTION) + following.start() if following else len(text)
        text = text[:start] + section + ("\n" + text[end:] if following else "")
    results.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark ratsarchiv import oparl (see module docstring)."
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 15000, 20000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--real-crawl",
        type=Path,
        default=None,
        help=f"an unpacked real OParl crawl to grow from (default: {REAL_CRAWL_ARCHIVE.name})",
    )
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds per import before it counts as timeout"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs imports")
    parser.add_argument("--workdir", type=Path, default=None, help="where temp folders go")
    parser.add_argument("--keep", action="store_true", help="keep the temp folders")
    parser.add_argument(
        "--profile", action="store_true", help="one more import per size under cProfile"
    )
    parser.add_argument("--profile-top", type=int, default=20, help="functions to list")
    parser.add_argument(
        "--output",
        type=Path,
        default=REPO / "benchmarks",
        help="folder for results.md/results-import.json",
    )
    args = parser.parse_args(argv)
    if args.real_crawl is not None and not (args.real_crawl / "system.json").is_file():
        parser.error(f"{args.real_crawl}: no system.json, not an OParl crawl (see --real-crawl)")
    info = machine()
    print(f"{info['cpu']}, {info['cores']} cores, Python {info['python']}", flush=True)
    works = [
        Path(tempfile.mkdtemp(prefix=f"ratsarchiv-import-{n}-", dir=args.workdir))
        for n in args.sizes
    ]
    sizes = [bench_size(n, args, work) for n, work in zip(args.sizes, works, strict=True)]
    if not args.keep:
        # Only now, as in run.py: creating files right after deleting tens of thousands is
        # slower on ext4, and the next size would measure the file system.
        for work in works:
            shutil.rmtree(work, ignore_errors=True)
    section = markdown(sizes, info, args.seed)
    args.output.mkdir(parents=True, exist_ok=True)
    write_section(args.output / "results.md", section)
    (args.output / "results-import.json").write_text(
        json.dumps(
            {
                "machine": info,
                "seed": args.seed,
                "real_crawl": str(args.real_crawl or REAL_CRAWL_ARCHIVE.relative_to(REPO)),
                "memory_measure": memory_measure(),
                "runs": [asdict(size) for size in sizes],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print()
    print(section)
    failed = any(
        size.first is None or size.first.measured.exit_code != 0 or size.first.measured.timed_out
        for size in sizes
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
