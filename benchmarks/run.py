"""Benchmark ``ratsarchiv build`` against a naive MkDocs setup, for archives of N resolutions.

    python benchmarks/run.py --sizes 1000 5000 10000 20000

For each N: synthesize a fictional archive (benchmarks/synthesize.py, seeded), time
``ratsarchiv check --strict``, run the real ``ratsarchiv build --timings FILE`` as a
subprocess and read its per-stage timings, measure the built site, then (for N in
``--baseline-sizes``) build the same resolution files with plain MkDocs + Material,
automatic navigation and lunr search, and print both side by side. Results go to
benchmarks/results.md (the table the README quotes) and benchmarks/results.json.

How memory is measured: while a command runs, this script polls /proc every 50 ms and sums
the proportional set size (PSS, ``Pss:`` in ``/proc/<pid>/smaps_rollup``) of the command's
whole process tree (worker processes, MkDocs, the Pagefind binary). PSS splits each page
shared between processes (forked workers share the parent's catalog) among them, so the
sum is what the tree really occupies; summing RSS would count a shared page once per
process. Where smaps_rollup is unreadable (not Linux >= 4.14, or not permitted) the RSS
from ``statm`` stands in for that process, and results.json says which measure was used
(``memory_measure``). The build's own per-stage peaks come from ``--timings`` (the build
measures them itself, per process). The largest single process (``ru_maxrss`` from
wait4) is recorded in results.json as well.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(REPO))

from benchmarks.synthesize import synthesize  # noqa: E402  (needs the path above)

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
POLL_SECONDS = 0.05
NAIVE_MKDOCS_YML = """\
site_name: Ratsarchiv Musterstadt (naiv)
docs_dir: docs
site_dir: site
theme:
  name: material
  language: de
plugins:
  - search
"""


@dataclass(slots=True)
class Measured:
    """One command run: wall time, peak memory, and how it ended."""

    seconds: float
    peak_memory_bytes: int
    """Largest sum of PSS over the process tree (see the module docstring)."""
    max_process_rss_bytes: int
    exit_code: int | None
    timed_out: bool = False
    log: str = ""
    cpu_seconds: float = 0.0
    """User + system time of the command and the children it waited for (from wait4)."""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out


@dataclass(slots=True)
class SiteSize:
    total_bytes: int = 0
    files: int = 0
    resolution_pages: int = 0
    bytes_per_resolution_page: int = 0
    search_index_bytes: int = 0
    search_index_files: int = 0


@dataclass(slots=True)
class Run:
    n: int
    synthesize_seconds: float
    content_bytes: int
    check: Measured | None = None
    build: Measured | None = None
    stages: dict[str, dict[str, float]] = field(default_factory=dict)
    site: SiteSize | None = None
    baseline: Measured | None = None
    baseline_site: SiteSize | None = None
    edit_build: Measured | None = None
    """``ratsarchiv build`` again, build folder kept, after one title was edited."""
    edit_stages: dict[str, dict[str, float]] = field(default_factory=dict)
    add_build: Measured | None = None
    """And once more after one resolution was added."""
    add_stages: dict[str, dict[str, float]] = field(default_factory=dict)
    next_day_build: Measured | None = None
    """And once more after one more title was edited on the next day (a new Stand)."""
    next_day_stages: dict[str, dict[str, float]] = field(default_factory=dict)


def _tree(root: int) -> list[int]:
    """The process and all its descendants, read from /proc."""
    pids, stack = [], [root]
    while stack:
        pid = stack.pop()
        pids.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                stack.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue  # the process ended between listing and reading
    return pids


MEASURES: set[str] = set()
"""Which measure the samples used ("PSS", "RSS" where smaps_rollup was unreadable)."""


def _process_pss(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024  # in kB
    except (OSError, IndexError, ValueError):
        return None
    return None


def _process_rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0  # the process ended between listing and reading


def _tree_memory(root: int) -> int:
    """Sum of PSS over the process tree (RSS for a process whose PSS is unreadable)."""
    total = 0
    for pid in _tree(root):
        pss = _process_pss(pid)
        if pss is not None:
            MEASURES.add("PSS")
            total += pss
        elif Path(f"/proc/{pid}").exists():
            MEASURES.add("RSS")
            total += _process_rss(pid)
    return total


def memory_measure() -> str:
    """How the tree's memory was measured, for the results: "PSS", "RSS" or "PSS+RSS"."""
    return "+".join(sorted(MEASURES, reverse=True)) or "PSS"


def measure(command: list[str], cwd: Path, timeout: float, log: Path) -> Measured:
    """Run ``command``; wall time, peak RSS of its process tree, timeout as a result."""
    started = time.perf_counter()
    with log.open("wb") as output:
        # A session of its own, so that a timeout ends the whole tree this script started.
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_memory(process.pid))
            if time.perf_counter() - started > timeout:
                os.killpg(process.pid, 9)
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = -9
                return Measured(
                    seconds=time.perf_counter() - started,
                    peak_memory_bytes=peak,
                    max_process_rss_bytes=usage.ru_maxrss * 1024,
                    exit_code=None,
                    timed_out=True,
                    log=_tail(log),
                    cpu_seconds=usage.ru_utime + usage.ru_stime,
                )
            time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        seconds=seconds,
        # Short commands can end between two polls; the largest process is a lower bound.
        peak_memory_bytes=max(peak, usage.ru_maxrss * 1024),
        max_process_rss_bytes=usage.ru_maxrss * 1024,
        exit_code=process.returncode,
        log="" if process.returncode == 0 else _tail(log),
        cpu_seconds=usage.ru_utime + usage.ru_stime,
    )


def _environment() -> dict[str, str]:
    """This checkout's ``generator`` package first on the path, whatever is installed."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{path}" if path else str(REPO)}


def _tail(log: Path, lines: int = 15) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def _folder_bytes(folder: Path) -> tuple[int, int]:
    total = files = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            total += (Path(directory) / name).stat().st_size
            files += 1
    return total, files


def site_size(site: Path, pages: list[Path], search: Path) -> SiteSize:
    total, files = _folder_bytes(site)
    search_bytes, search_files = _folder_bytes(search) if search.exists() else (0, 0)
    page_bytes = sum(page.stat().st_size for page in pages)
    return SiteSize(
        total_bytes=total,
        files=files,
        resolution_pages=len(pages),
        bytes_per_resolution_page=page_bytes // len(pages) if pages else 0,
        search_index_bytes=search_bytes,
        search_index_files=search_files,
    )


def naive_project(content: Path, folder: Path) -> Path:
    """Plain MkDocs + Material: every resolution file as it is, automatic nav, lunr search."""
    docs = folder / "docs"
    shutil.copytree(content / "resolutions", docs / "resolutions")
    (docs / "index.md").write_text("# Ratsarchiv Musterstadt\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(NAIVE_MKDOCS_YML, encoding="utf-8")
    return config


def bench_size(n: int, args: argparse.Namespace, baseline: bool, work: Path) -> Run:
    content = work / "content"
    started = time.perf_counter()
    synthesize(content, n, args.seed)
    run = Run(n=n, synthesize_seconds=time.perf_counter() - started, content_bytes=0)
    run.content_bytes = _folder_bytes(content)[0]
    python = [args.python, "-m", "generator"]
    env_note = f"N={n:>6}"
    print(f"{env_note}: synthesized in {run.synthesize_seconds:.1f} s ({work})", flush=True)

    run.check = measure(
        [*python, "check", "--strict", "--content", str(content)],
        work,
        args.timeout,
        work / "check.log",
    )
    print(f"{env_note}: check {_describe(run.check)}", flush=True)

    timings = work / "timings.json"
    build_command = [
        *python,
        "build",
        "--content",
        str(content),
        "--config",
        str(args.config),
        "--timings",
        str(timings),
    ]
    run.build = measure(build_command, work, args.timeout, work / "build.log")
    print(f"{env_note}: ratsarchiv build {_describe(run.build)}", flush=True)
    if timings.exists():
        run.stages = json.loads(timings.read_text(encoding="utf-8"))
    site = work / "site"
    if run.build.ok and site.is_dir():
        run.site = site_size(site, sorted(site.glob("beschluss/*/index.html")), site / "pagefind")
    if run.build.ok and args.incremental:
        run.edit_build, run.edit_stages = _rebuild(build_command, work, args, edit_one_title)
        print(f"{env_note}: after one edited title {_describe(run.edit_build)}", flush=True)
        run.add_build, run.add_stages = _rebuild(build_command, work, args, add_one_resolution)
        print(f"{env_note}: after one added resolution {_describe(run.add_build)}", flush=True)
        run.next_day_build, run.next_day_stages = _rebuild(
            build_command, work, args, edit_one_title_next_day
        )
        print(f"{env_note}: after an edit on the next day {_describe(run.next_day_build)}")

    if baseline:
        naive = work / "naive"
        config = naive_project(content, naive)
        run.baseline = measure(
            [args.python, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)],
            naive,
            args.timeout,
            work / "naive.log",
        )
        print(f"{env_note}: naive MkDocs {_describe(run.baseline)}", flush=True)
        naive_site = naive / "site"
        if run.baseline.ok:
            run.baseline_site = site_size(
                naive_site,
                sorted(naive_site.glob("resolutions/*/*/*/index.html")),
                naive_site / "search",
            )
    return run


def _resolution_file(content: Path, number: int) -> Path:
    files = sorted((content / "resolutions").rglob("*.md"))
    return files[number * 7919 % len(files)]  # the same file for a seed, anywhere


def edit_one_title(content: Path) -> None:
    """An editor's correction: one title gets two more words (ones the archive already
    uses: a word new to the archive also re-indexes every search shard, since each knows
    the whole vocabulary)."""
    edit_title(_resolution_file(content, 1))


def edit_title(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r'^title: "(.*)"$', r'title: "\1 der Verwaltung"', text, count=1, flags=re.M),
        encoding="utf-8",
    )


def edit_one_title_next_day(content: Path) -> None:
    """The same correction to another resolution, committed a day later: outside git the
    Stand is the newest file's date, so the edited file is dated tomorrow (in git, the
    commit date does the same). Editors rarely commit twice on one day, so this is the
    edit build a pull request usually gets."""
    path = _resolution_file(content, 3)
    edit_title(path)
    tomorrow = time.time() + 86_400
    os.utime(path, (tomorrow, tomorrow))


def add_one_resolution(content: Path) -> None:
    """A new resolution in an existing meeting (a copy of one with a new id, agenda item
    and no reference of its own)."""
    source = _resolution_file(content, 2)
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^id: (\S+)$", r"id: \1-neu", text, count=1, flags=re.M)
    text = re.sub(r'^  number: "(.*)"$', r'  number: "9\1"', text, count=1, flags=re.M)
    text = re.sub(r"^reference: .*\n", "", text, count=1, flags=re.M)
    source.with_name(f"neu-{source.name}").write_text(text, encoding="utf-8")


def _rebuild(
    command: list[str], work: Path, args: argparse.Namespace, edit: Callable[[Path], None]
) -> tuple[Measured, dict[str, dict[str, float]]]:
    """Edit the content, then build again with the build folder of the last build kept."""
    edit(work / "content")
    timings = Path(command[-1])
    timings.unlink(missing_ok=True)
    measured = measure(command, work, args.timeout, work / f"{edit.__name__}.log")
    stages = json.loads(timings.read_text(encoding="utf-8")) if timings.exists() else {}
    return measured, stages


def _describe(measured: Measured) -> str:
    if measured.timed_out:
        return f"TIMEOUT after {measured.seconds:.0f} s"
    text = f"{measured.seconds:.1f} s, peak {_mib(measured.peak_memory_bytes)}"
    if measured.exit_code != 0:
        text += f", FAILED (exit {measured.exit_code}):\n{measured.log}"
    return text


def _de(number: float, digits: int = 1) -> str:
    """German decimal comma for the table the (German) README quotes."""
    return f"{number:,.{digits}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _mib(size: int) -> str:
    return f"{_de(size / 2**20, 0)} MiB"


def _size(size: int) -> str:
    return f"{_de(size / 2**20)} MiB" if size >= 2**20 else f"{_de(size / 1024)} KiB"


def machine() -> dict[str, object]:
    cpu = "unknown"
    memory = 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    except OSError:
        pass
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "pagefind", "markdown"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_bytes": memory,
        "python": platform.python_version(),
        "system": platform.platform(),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "versions": versions,
    }


def _cell(measured: Measured | None) -> str:
    if measured is None:
        return "–"
    if measured.timed_out:
        return f"Zeitlimit ({_de(measured.seconds, 0)} s)"
    if measured.exit_code != 0:
        return f"Fehler (Exit {measured.exit_code})"
    return f"{_de(measured.seconds)} s"


def _ratio(ours: Measured | None, naive: Measured | None) -> str:
    if ours is None or naive is None or not ours.ok:
        return "–"
    if naive.timed_out:
        return f"> {_de(naive.seconds / ours.seconds)}×"
    if not naive.ok:
        return "–"
    return f"{_de(naive.seconds / ours.seconds)}×"


def markdown(runs: list[Run], info: dict[str, object], stage_names: list[str]) -> str:
    memory = int(str(info["memory_bytes"]))
    lines = [
        "# Benchmark: ratsarchiv build",
        "",
        f"Gemessen am {info['date']} auf {info['cpu']}, {info['cores']} Kerne, "
        f"{_de(memory / 2**30, 0)} GiB RAM, Python {info['python']}. "
        "Synthetisches Archiv (benchmarks/synthesize.py, 15 Gremien, 20 Jahre, "
        "300–600 Wörter je Beschluss). Befehl: `python benchmarks/run.py --sizes …`.",
        "",
        "## Vollständiger Build (mit Pagefind) im Vergleich zu naivem MkDocs",
        "",
        "| Beschlüsse | check | Build gesamt | Spitzen-PSS | Website | je Beschlussseite "
        "| Pagefind-Index | naives MkDocs | Spitzen-PSS naiv | Website naiv | lunr-Index naiv "
        "| Faktor Zeit |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        site, naive_site = run.site, run.baseline_site
        lines.append(
            "| "
            + " | ".join(
                (
                    f"{run.n:,}".replace(",", "."),
                    _cell(run.check),
                    _cell(run.build),
                    _mib(run.build.peak_memory_bytes) if run.build and run.build.ok else "–",
                    _size(site.total_bytes) if site else "–",
                    _size(site.bytes_per_resolution_page) if site else "–",
                    _size(site.search_index_bytes) if site else "–",
                    _cell(run.baseline),
                    _mib(run.baseline.peak_memory_bytes)
                    if run.baseline and run.baseline.ok
                    else "–",
                    _size(naive_site.total_bytes) if naive_site else "–",
                    _size(naive_site.search_index_bytes) if naive_site else "–",
                    _ratio(run.build, run.baseline),
                )
            )
            + " |"
        )
    if any(run.edit_build is not None for run in runs):
        lines += [
            "",
            "## Inkrementeller Build (Arbeitsordner .build vom letzten Build behalten)",
            "",
            "| Beschlüsse | Build gesamt (leerer Ordner) | nach einer Titeländerung "
            "| nach einem neuen Beschluss | nach einer Titeländerung am nächsten Tag "
            "| Beschlussseiten neu gerendert (Titel / neu / nächster Tag) "
            "| Suchteile neu indexiert (Titel / neu / nächster Tag) |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for run in runs:
            if run.edit_build is None:
                continue
            lines.append(
                f"| {run.n:,} | ".replace(",", ".")
                + " | ".join(
                    (
                        _cell(run.build),
                        _cell(run.edit_build),
                        _cell(run.add_build),
                        _cell(run.next_day_build),
                        f"{_note(run.edit_stages, 'generate', 'pages_rendered')} / "
                        f"{_note(run.add_stages, 'generate', 'pages_rendered')} / "
                        f"{_note(run.next_day_stages, 'generate', 'pages_rendered')}",
                        f"{_shards_redone(run.edit_stages)} / {_shards_redone(run.add_stages)}"
                        f" / {_shards_redone(run.next_day_stages)}",
                    )
                )
                + " |"
            )
    if stage_names:
        lines += [
            "",
            "## Build nach Stufen (Zeit / Spitzen-RSS)",
            "",
            "| Beschlüsse | " + " | ".join(stage_names) + " | übrige Zeit |",
            "|---:|" + "---:|" * (len(stage_names) + 1),
        ]
        for run in runs:
            cells = []
            for name in stage_names:
                stage = run.stages.get(name)
                cells.append(
                    f"{_de(stage['seconds'])} s / {_mib(int(stage['peak_rss_bytes']))}"
                    if stage
                    else "–"
                )
            measured = sum(float(stage["seconds"]) for stage in run.stages.values())
            rest = f"{_de(run.build.seconds - measured)} s" if run.build and run.stages else "–"
            cells.append(rest)
            lines.append(f"| {run.n:,} | ".replace(",", ".") + " | ".join(cells) + " |")
    lines += [
        "",
        "Spitzen-PSS: Summe des proportionalen Speichers (PSS, /proc/<pid>/smaps_rollup) "
        "aller Prozesse des Befehls (Build, Worker, MkDocs, Pagefind), alle 50 ms gelesen; "
        "gemeinsam genutzte Seiten (geforkte Worker) werden auf die Prozesse aufgeteilt, "
        f"also nur einmal gezählt (gemessen: {memory_measure()}; RSS nur, wo smaps_rollup "
        "nicht lesbar war). Stufen: größter einzelner Prozess (RSS, aus --timings). "
        "Pagefind läuft im Hintergrund, während MkDocs und stamp laufen; die Spalte pagefind "
        "zeigt nur die Wartezeit danach (seine ganze Laufzeit steht in results.json als "
        "seconds_in_parallel). "
        "Naives MkDocs: MkDocs + Material, automatische Navigation mit allen Seiten, "
        "lunr-Suche, die Beschlussdateien unverändert als Seiten.",
        "",
    ]
    return "\n".join(lines)


def _note(stages: dict[str, dict[str, float]], stage: str, key: str) -> str:
    value = stages.get(stage, {}).get(key)
    return "–" if value is None else f"{int(value):,}".replace(",", ".")


def _shards_redone(stages: dict[str, dict[str, float]]) -> str:
    """Search shards indexed again, of all."""
    pagefind = stages.get("pagefind", {})
    if "shards" not in pagefind or "shards_reused" not in pagefind:
        return "–"
    shards = int(pagefind["shards"])
    return f"{shards - int(pagefind['shards_reused'])} von {shards}"


def _stage_names(runs: list[Run]) -> list[str]:
    names: list[str] = []
    for run in runs:
        for name in run.stages:
            if name not in names:
                names.append(name)
    return names


def _keep_import_section(table: str, results: Path) -> str:
    """benchmarks/import_speed.py keeps its own section at the end of results.md."""
    old = results.read_text(encoding="utf-8") if results.is_file() else ""
    start = old.find("\n## Import (OParl)")
    return table if start < 0 else table.rstrip("\n") + "\n" + old[start:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark ratsarchiv build against naive MkDocs (see module docstring)."
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000, 20000])
    parser.add_argument(
        "--baseline-sizes",
        type=int,
        nargs="*",
        default=[1000, 2000],
        help="sizes that also get the naive MkDocs build (quadratic: 2 min at 2,000, "
        "about 15 min at 5,000)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-incremental",
        dest="incremental",
        action="store_false",
        help="skip the three incremental builds (one edited title, one added resolution, "
        "one title edited on the next day) after each clean build",
    )
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds per build before it counts as timeout"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs builds")
    parser.add_argument(
        "--config",
        type=Path,
        default=REPO / "mkdocs.yml",
        help="theme settings passed to ratsarchiv build --config",
    )
    parser.add_argument("--workdir", type=Path, default=None, help="where temp folders go")
    parser.add_argument("--keep", action="store_true", help="keep the temp folders")
    parser.add_argument(
        "--output", type=Path, default=REPO / "benchmarks", help="folder for results.md/.json"
    )
    args = parser.parse_args(argv)
    info = machine()
    print(f"{info['cpu']}, {info['cores']} cores, Python {info['python']}", flush=True)
    works = [
        Path(tempfile.mkdtemp(prefix=f"ratsarchiv-bench-{n}-", dir=args.workdir))
        for n in args.sizes
    ]
    runs = [
        bench_size(n, args, n in args.baseline_sizes, work)
        for n, work in zip(args.sizes, works, strict=True)
    ]
    if not args.keep:
        # Only now: on ext4, creating files shortly after tens of thousands were deleted is
        # several times slower (the inode allocator skips recently deleted inodes one by
        # one), so deleting one size's folder before the next size's build would slow that
        # build by 10-20 s and measure the file system, not the build.
        for work in works:
            shutil.rmtree(work, ignore_errors=True)
    stage_names = _stage_names(runs)
    table = markdown(runs, info, stage_names)
    args.output.mkdir(parents=True, exist_ok=True)
    results = args.output / "results.md"
    results.write_text(_keep_import_section(table, results), encoding="utf-8")
    (args.output / "results.json").write_text(
        json.dumps(
            {
                "machine": info,
                "seed": args.seed,
                "memory_measure": memory_measure(),
                "runs": [asdict(run) for run in runs],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print()
    print(table)
    failed = any(run.build is None or not run.build.ok for run in runs)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
