"""Clean ``ratsarchiv build`` against Hugo + Pagefind on the same archive, in the same run.

    python benchmarks/hugo_compare.py --count 10000 --rounds 2

A ratio measured on one machine at one time says more than two figures from different
days: the (virtual) machine's speed varies by 10-30 % from run to run. So both builds run
here, interleaved (ours, Hugo, ours, Hugo, …), on one synthetic archive
(``benchmarks/synthesize.py``, seeded) and the medians are compared.

The comparator is Debian's ``hugo`` (``apt-get install hugo``) with minimal layouts that
show what a resolution page shows (committee, meeting, date, TOP, reference, kind,
result, the vote with its factions, topics, the text), a list page per committee and per
topic (Hugo taxonomies, paginated), then ``python -m pagefind`` over Hugo's output, as our
build runs it. Converting the archive into Hugo's content folder is preparation, like
writing the archive, and is not timed. Our build starts from an empty build folder each
round (a clean build, not an incremental one).

Results: printed, and ``benchmarks/results-hugo.json`` (all measurements and the machine).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from benchmarks.run import Measured, SiteSize, machine, measure, site_size  # noqa: E402
from benchmarks.synthesize import synthesize  # noqa: E402

HUGO_CONFIG = """\
baseURL = "https://ratsarchiv.example/"
languageCode = "de"
title = "Ratsarchiv (Hugo-Vergleich)"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[pagination]
  pagerSize = 50
[taxonomies]
  gremium = "gremien"
  thema = "themen"
[markup.goldmark.renderer]
  unsafe = false
"""
# Hugo 0.111 names the pager size ``paginate``; newer ones ``[pagination]``. Both are given.
HUGO_CONFIG_LEGACY = "paginate = 50\n"

LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<dl>
<dt>Gremium</dt><dd>{{ .Params.gremium_name }}</dd>
<dt>Sitzung</dt><dd>{{ .Params.meeting }}</dd>
<dt>Datum</dt><dd>{{ .Date.Format "02.01.2006" }}</dd>
<dt>TOP</dt><dd>{{ .Params.top }}</dd>
{{ with .Params.reference }}<dt>Drucksache</dt><dd>{{ . }}</dd>{{ end }}
<dt>Art</dt><dd>{{ .Params.kind }}</dd>
<dt>Ergebnis</dt><dd data-pagefind-filter="Ergebnis">{{ .Params.result }}</dd>
{{ with .Params.vote }}<dt>Abstimmung</dt><dd>{{ . }}</dd>{{ end }}
</dl>
{{ with .Params.factions }}<table><thead><tr><th>Fraktion</th><th>Ja</th><th>Nein</th>
<th>Enthaltung</th></tr></thead><tbody>{{ range . }}<tr><td>{{ .name }}</td><td>{{ .for }}</td>
<td>{{ .against }}</td><td>{{ .abstain }}</td></tr>{{ end }}</tbody></table>{{ end }}
{{ .Content }}
{{ with .Params.themen }}<p>Themen: {{ range . }}
<a href="{{ "themen/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>{{ end }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ .Date.Format "02.01.2006" }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>
({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>
{{ range first 20 (where .Site.RegularPages "Section" "beschluss") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}

RESULT_WORDS = {
    "adopted": "beschlossen",
    "adopted_with_changes": "mit Änderungen beschlossen",
    "rejected": "abgelehnt",
    "deferred": "vertagt",
    "referred": "verwiesen",
    "withdrawn": "zurückgezogen",
    "noted": "zur Kenntnis genommen",
}


@dataclass(slots=True)
class Round:
    ours: Measured
    hugo: Measured


def _front_matter_and_body(path: Path) -> tuple[dict[str, object], str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _vote_words(vote: dict[str, object]) -> str:
    if vote.get("unanimous"):
        return "einstimmig"
    return ", ".join(
        f"{vote[key]} {word}"
        for key, word in (("for", "Ja"), ("against", "Nein"), ("abstain", "Enthaltung"))
        if key in vote
    )


def hugo_project(content: Path, folder: Path) -> Path:
    """The synthetic archive as a Hugo site: one page per resolution, same metadata."""
    committees = {
        entry["id"]: entry["name"]
        for entry in yaml.safe_load((content / "committees.yml").read_text(encoding="utf-8"))[
            "committees"
        ]
    }
    pages = folder / "content" / "beschluss"
    pages.mkdir(parents=True)
    for source in sorted((content / "resolutions").rglob("*.md")):
        data, body = _front_matter_and_body(source)
        raw_votes = data.get("vote") or {}
        # A resolution voted in parts carries a list of votes: each is shown, as ours does.
        votes = raw_votes if isinstance(raw_votes, list) else [raw_votes]
        counts = "; ".join(_vote_words(vote) for vote in votes if vote)
        meeting = data.get("meeting") or {}
        front = {
            "title": data["title"],
            "date": str(data["date"]),
            "url": f"/beschluss/{data['id']}/",
            "gremium": [committees.get(data["committee"], data["committee"])],
            "gremium_name": committees.get(data["committee"], data["committee"]),
            "meeting": meeting.get("name", ""),
            "top": str((data.get("agenda_item") or {}).get("number", "")),
            "reference": data.get("reference", ""),
            "kind": data.get("kind", "ordinary"),
            "result": RESULT_WORDS.get(str(data.get("result")), str(data.get("result"))),
            "vote": counts,
            "factions": [
                {key: faction.get(key, 0) for key in ("name", "for", "against", "abstain")}
                for vote in votes
                for faction in vote.get("factions", [])
            ],
            "themen": data.get("topics", []),
        }
        target = pages / f"{data['id']}.md"
        target.write_text(
            "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body,
            encoding="utf-8",
        )
    for name, layout in LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(layout, encoding="utf-8")
    version = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=True)
    legacy = "v0.11" in version.stdout or "v0.10" in version.stdout
    (folder / "hugo.toml").write_text(
        (HUGO_CONFIG_LEGACY if legacy else "") + HUGO_CONFIG, encoding="utf-8"
    )
    return folder


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=10000, help="resolutions in the archive")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds of both builds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs builds")
    parser.add_argument("--workdir", type=Path, default=None, help="where temp folders go")
    parser.add_argument("--keep", action="store_true", help="keep the temp folders")
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks" / "results-hugo.json")
    args = parser.parse_args(argv)
    if shutil.which("hugo") is None:
        print("hugo fehlt: sudo apt-get install hugo", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix=f"ratsarchiv-hugo-{args.count}-", dir=args.workdir))
    content = work / "content"
    synthesize(content, args.count, args.seed)
    hugo = hugo_project(content, work / "hugo")
    print(f"N={args.count}: archive and Hugo project ready in {work}", flush=True)

    ours_command = [
        args.python, "-m", "generator", "build", "--content", str(content),
        "--config", str(REPO / "mkdocs.yml"),
    ]  # fmt: skip
    hugo_command = [
        "sh", "-c",
        f"hugo --quiet --destination public && {args.python} -m pagefind --site public",
    ]  # fmt: skip
    rounds: list[Round] = []
    ours_site: SiteSize | None = None
    hugo_site: SiteSize | None = None
    for number in range(1, args.rounds + 1):
        shutil.rmtree(work / ".build", ignore_errors=True)
        shutil.rmtree(hugo / "public", ignore_errors=True)
        ours = measure(ours_command, work, args.timeout, work / f"ours-{number}.log")
        print(f"round {number}: ratsarchiv build {ours.seconds:.1f} s", flush=True)
        other = measure(hugo_command, hugo, args.timeout, work / f"hugo-{number}.log")
        print(f"round {number}: hugo + pagefind {other.seconds:.1f} s", flush=True)
        if not (ours.ok and other.ok):
            print(ours.log or other.log, file=sys.stderr)
            return 1
        rounds.append(Round(ours=ours, hugo=other))
    site = work / "site"
    ours_site = site_size(site, sorted(site.glob("beschluss/*/index.html")), site / "pagefind")
    public = hugo / "public"
    hugo_site = site_size(
        public, sorted(public.glob("beschluss/*/index.html")), public / "pagefind"
    )
    ours_median = _median([r.ours.seconds for r in rounds])
    hugo_median = _median([r.hugo.seconds for r in rounds])
    summary = {
        "count": args.count,
        "seed": args.seed,
        "machine": machine(),
        "ours_median_seconds": ours_median,
        "hugo_median_seconds": hugo_median,
        "ratio": ours_median / hugo_median,
        "ours_peak_bytes": max(r.ours.peak_memory_bytes for r in rounds),
        "hugo_peak_bytes": max(r.hugo.peak_memory_bytes for r in rounds),
        "ours_site": asdict(ours_site),
        "hugo_site": asdict(hugo_site),
        "rounds": [asdict(r) for r in rounds],
    }
    args.output.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(
        f"\nN={args.count}: ratsarchiv build {ours_median:.1f} s (median), "
        f"Hugo + Pagefind {hugo_median:.1f} s: ratio {ours_median / hugo_median:.2f}\n"
        f"peak {summary['ours_peak_bytes'] / 2**20:.0f} MiB vs "
        f"{summary['hugo_peak_bytes'] / 2**20:.0f} MiB; site "
        f"{ours_site.total_bytes / 2**20:.0f} MiB ({ours_site.files} files) vs "
        f"{hugo_site.total_bytes / 2**20:.0f} MiB ({hugo_site.files} files)"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
