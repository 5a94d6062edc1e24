"""The build pipeline: incremental docs, atomic swap, failures, scale, golden Markdown."""

from __future__ import annotations

import dataclasses
import datetime
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.model import Resolution
from generator.build import BuildFailed, build, prepare
from generator.cli import main
from generator.outputs import reuse_outputs
from generator.pages.all import generate_pages
from generator.pages.context import PageContext
from generator.reading.loading import load_archive
from generator.rendering import markdown_render
from generator.rendering.generated import PageFragment
from generator.search import index as search_index
from tests.conftest import REPOSITORY, resolution_file, write_tree
from tests.site_fixtures import build_site, site_options, small_archive

GOLDEN = Path(__file__).parent / "golden"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    content = small_archive(tmp_path)
    site = build_site(tmp_path, content, search=False)
    before = snapshot(site)
    # A Markdown link to a page that does not exist: check refuses it with file and line.
    broken = content / "resolutions/rat/2021/2021-02-11-radweg.md"
    broken.write_text(
        broken.read_text(encoding="utf-8") + "\nSiehe [Plan](fehlt.md).\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as failure:
        build_site(tmp_path, content, search=False)
    assert failure.value.stage == "Inhalte prüfen"
    assert any("der Link 'fehlt.md' führt ins Leere" in p.message for p in failure.value.problems)
    assert snapshot(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_cli_names_the_failing_stage_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = small_archive(tmp_path)
    (content / "committees.yml").write_text("committees: []\n", encoding="utf-8")
    code = main(["build", "--content", str(content), "--output", str(tmp_path / "site")])
    assert code == 1
    err = capsys.readouterr().err
    assert "Erstellen fehlgeschlagen im Schritt „Inhalte prüfen“" in err
    assert "committee: das Gremium 'hauptausschuss' steht nicht in content/committees.yml" in err
    assert not (tmp_path / "site").exists()


def test_only_changed_files_are_rewritten(tmp_path: Path) -> None:
    """Folders kept between builds (docs, search input) are only touched where content changed,
    so MkDocs' dirty reload and the file system cache see just the edits."""
    content = small_archive(tmp_path)
    options = site_options(tmp_path, content)
    first = prepare(options)
    assert "index.md" in first.report.written
    untouched = options.search_dir / "teil-1/beschluss/ha-2020-016/index.html"
    changed = options.search_dir / "teil-1/beschluss/rat-2021-005/index.html"
    mtime = untouched.stat().st_mtime_ns
    assert prepare(options).report.written == ()

    path = content / "resolutions/rat/2021/2021-02-11-radweg.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Hauptstraße", "Nordstraße"), "utf-8")
    (content / "resolutions/rat/2021/2021-02-11-aenderung.md").unlink()
    prepare(options)
    assert "Nordstraße" in changed.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == mtime
    assert not (options.search_dir / "teil-1/beschluss/rat-2021-004").exists()


def test_search_input_is_split_into_year_shards_and_stale_shards_go(tmp_path: Path) -> None:
    content = small_archive(tmp_path)
    options = dataclasses.replace(site_options(tmp_path, content), search_shard_pages=3)
    prepared = prepare(options)
    assert [(s.folder, s.years, s.pages) for s in prepared.search_shards] == [
        ("teil-1", (2021,), 2),
        ("teil-2", (2020,), 4),  # one year above the limit is a shard of its own
    ]
    inputs = sorted(
        p.relative_to(options.search_dir).as_posix() for p in options.search_dir.rglob("*.html")
    )
    assert inputs == [
        "teil-1/beschluss/rat-2021-004/index.html",
        "teil-1/beschluss/rat-2021-005/index.html",
        "teil-1/ra-wortschatz/index.html",
        "teil-2/beschluss/ha-2020-016/index.html",
        "teil-2/beschluss/ha-2020-017/index.html",
        "teil-2/beschluss/ha-2020-018/index.html",
        "teil-2/beschluss/rat-2020-031/index.html",
        "teil-2/ra-wortschatz/index.html",
    ]
    # Each shard's vocabulary record knows the words of the other shards too, and is
    # marked with the filter the search page excludes.
    for shard in ("teil-1", "teil-2"):
        record = (options.search_dir / shard / "ra-wortschatz/index.html").read_text("utf-8")
        assert 'data-pagefind-filter="Wortschatz[data-value]" data-value="ja"' in record
        words = set(record.split("<p>", 1)[1].split("</p>", 1)[0].split())
        assert {"IT-Budget", "Laptops", "2020/0123", "Hauptausschuss"} <= words
    prepare(dataclasses.replace(options, search_shard_pages=100))
    assert sorted(p.name for p in options.search_dir.iterdir()) == ["teil-1"]
    # One shard has nothing to fall back from: no vocabulary record.
    assert not (options.search_dir / "teil-1/ra-wortschatz").exists()


def test_the_search_input_holds_only_what_pagefind_indexes(tmp_path: Path) -> None:
    options = site_options(tmp_path, small_archive(tmp_path))
    prepare(options)
    html = (options.search_dir / "teil-1/beschluss/ha-2020-017/index.html").read_text("utf-8")
    body = html.split("<body>", 1)[1]
    assert body.startswith("<article data-pagefind-body><h1>IT-Budget 2020")
    # The search data right after the heading, as Pagefind read it when the page held it.
    assert '</h1>\n<div class="ra-search-data" hidden data-pagefind-meta=' in body
    for indexed in ('class="ra-search-data"', "Laptops zu beschaffen", "Rf. Beispiel", "Anlagen"):
        assert indexed in body
    # Breadcrumbs, kicker, card, relations and citation: all ignored by Pagefind anyway.
    for left_out in ("ra-breadcrumbs", "ra-kicker", "ra-card", "ra-relations", "ra-citation"):
        assert left_out not in body
    private = (options.search_dir / "teil-1/beschluss/ha-2020-018/index.html").read_text("utf-8")
    assert "nicht öffentlicher" in private and "Geheim" not in private


def test_empty_archive_builds(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", {})
    site = build_site(tmp_path, content)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Es sind noch keine Beschlüsse veröffentlicht." in home
    committee = (site / "gremium/rat/index.html").read_text(encoding="utf-8")
    assert "Für dieses Gremium sind noch keine Beschlüsse veröffentlicht." in committee


def generated_archive(base: Path, count: int) -> Path:
    files: dict[str, str | bytes | None] = {}
    for number in range(count):
        month, day = number % 12 + 1, number % 28 + 1
        files[f"resolutions/rat/2020/r{number:04d}.md"] = resolution_file(
            f"Text {number}.",
            id=f"rat-2020-{number:04d}",
            title=f"Beschluss Nummer {number:04d}",
            committee="rat",
            date=f"2020-{month:02d}-{day:02d}",
            agenda_item=str(number % 20 + 1),
            topics=[f"Thema {number % 7}"],
        )
    return write_tree(base / "content", files)


def test_page_size_does_not_grow_with_the_archive(tmp_path: Path) -> None:
    """The nav must not list resolutions: a page weighs the same in a 50 and a 500 archive."""
    sizes = {}
    for count in (50, 500):
        base = tmp_path / str(count)
        site = build_site(base, generated_archive(base, count), search=False)
        sizes[count] = {
            url: len((site / url / "index.html").read_bytes())
            for url in ("beschluss/rat-2020-0007/", "gremium/", "impressum/")
        }
    for url, small in sizes[50].items():
        assert abs(sizes[500][url] - small) < 0.02 * small, (url, small, sizes[500][url])


def small_archive_context(tmp_path: Path) -> PageContext:
    """The page context of the small test archive, as the build makes it."""
    catalog, problems = load_archive(small_archive(tmp_path))
    assert catalog is not None, problems
    return PageContext(
        catalog=catalog,
        site_url="https://archiv.teststadt.test/",
        content_prefix=PurePosixPath((tmp_path / "content").as_posix()),
    )


def test_resolution_pages_are_handed_over_first_and_the_order_stays(tmp_path: Path) -> None:
    # The build writes the search input from them and starts Pagefind before the other
    # pages are made; the page list itself must not change.
    context = small_archive_context(tmp_path)
    catalog = context.catalog
    handed: list[list[PageFragment]] = []
    pages = generate_pages(context, handed.append)
    assert len(handed) == 1
    assert [f.url for f in handed[0]] == [urls.resolution(r.id) for r in catalog.resolutions]
    assert pages == generate_pages(context)


def _work_counts(base: Path, count: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(Markdown conversions, whole-archive scans) for generating every page and output
    of an archive of ``count`` resolutions (in-process: below the parallel threshold)."""
    catalog, problems = load_archive(generated_archive(base, count))
    assert catalog is not None, problems
    conversions = scans = 0
    convert = markdown_render._to_html
    every_resolution = Catalog.resolutions.fget
    assert every_resolution is not None

    def counted_convert(markdown: str) -> str:
        nonlocal conversions
        conversions += 1
        return convert(markdown)

    def counted_scan(self: Catalog) -> tuple[Resolution, ...]:
        nonlocal scans
        scans += 1
        return every_resolution(self)

    with monkeypatch.context() as patch:
        patch.setattr(markdown_render, "_to_html", counted_convert)
        patch.setattr(Catalog, "resolutions", property(counted_scan))
        context = PageContext(
            catalog=catalog, site_url="https://x.example/", content_prefix=PurePosixPath("c")
        )
        generate_pages(context)
        reuse_outputs(catalog, updated=datetime.date(2024, 1, 1))
    return conversions, scans


def test_the_work_per_resolution_is_constant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counted, not timed: each added resolution costs the same number of Markdown
    # conversions, and no page walks the whole archive (the number of full scans is the
    # same for 20 and 60 resolutions). A per-page scan would make the build quadratic.
    (c20, s20), (c40, s40), (c60, s60) = (
        _work_counts(tmp_path / str(n), n, monkeypatch) for n in (20, 40, 60)
    )
    assert c60 - c40 == c40 - c20 > 0
    assert s20 == s40 == s60


# --- Golden files on our generated Markdown (UPDATE_GOLDEN=1 regenerates them) ------------


def generated_markdown(tmp_path: Path) -> dict[str, str]:
    context = small_archive_context(tmp_path)
    return {
        page.url: f"<!-- {page.title} -->\n{page.head}\n{page.content}\n"
        for page in generate_pages(context)
        if isinstance(page, PageFragment)
    }


@pytest.mark.parametrize(
    ("page", "golden"),
    [
        ("beschluss/ha-2020-017/", "resolution-ha-2020-017.html"),
        ("gremium/hauptausschuss/", "committee-hauptausschuss.html"),
    ],
)
def test_generated_markdown_matches_golden_file(tmp_path: Path, page: str, golden: str) -> None:
    actual = generated_markdown(tmp_path)[page]
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"UPDATE_GOLDEN=1 regenerates {path}"


# --- Atomic and strict: every stage's failure through the CLI, the old site intact -------


def cli_build(base: Path, content: Path, config: Path = REPOSITORY / "mkdocs.yml") -> int:
    return main(
        [
            "build",
            "--content",
            str(content),
            "--config",
            str(config),
            "--build-dir",
            str(base / ".build"),
            "--output",
            str(base / "site"),
        ]
    )


def break_validation(base: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = content / "resolutions/rat/2021/2021-02-11-radweg.md"
    path.write_text(path.read_text(encoding="utf-8").replace("date: ", "date: kein-"), "utf-8")
    return REPOSITORY / "mkdocs.yml"


def break_template(base: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = base / "theme" / "mkdocs.yml"
    shutil.copytree(REPOSITORY / "theme_overrides", base / "theme" / "theme_overrides")
    shutil.copy(REPOSITORY / "mkdocs.yml", config)
    main_html = base / "theme" / "theme_overrides" / "main.html"
    main_html.write_text(main_html.read_text(encoding="utf-8") + "\n{% if %}\n", encoding="utf-8")
    return config


def break_legal_link(base: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (content / "legal/impressum.md").write_text(
        "## Anbieter\n\nSiehe [Satzung](satzung-fehlt.md).\n", encoding="utf-8"
    )
    return REPOSITORY / "mkdocs.yml"


def break_legal_anchor(base: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (content / "legal/datenschutz.md").write_text(
        "## Keine Cookies\n\nSiehe [unten](#gibt-es-nicht).\n", encoding="utf-8"
    )
    return REPOSITORY / "mkdocs.yml"


def break_pagefind(base: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    failing = [sys.executable, "-c", "import sys; sys.exit('Pagefind: Absturz simuliert')"]
    monkeypatch.setattr(search_index, "pagefind_command", lambda *arguments: failing)
    # Without its kept bundles (unchanged content would reuse them), Pagefind has to run.
    shutil.rmtree(base / ".build" / "cache")
    return REPOSITORY / "mkdocs.yml"


@pytest.mark.parametrize(
    ("breaker", "stage", "detail"),
    [
        (break_validation, "Inhalte prüfen", "date: erwartet ein Datum wie 2020-04-17"),
        (break_template, "Website erzeugen (MkDocs)", "TemplateSyntaxError"),
        (break_legal_link, "Website erzeugen (MkDocs)", "satzung-fehlt.md"),
        (break_legal_anchor, "Website erzeugen (MkDocs)", "gibt-es-nicht"),
        (break_pagefind, "Suchindex (Pagefind)", "Absturz simuliert"),
    ],
    ids=["validation", "template", "legal-link", "legal-anchor", "pagefind"],
)
def test_a_failing_stage_exits_non_zero_and_keeps_the_published_site(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    breaker: Callable[[Path, Path, pytest.MonkeyPatch], Path],
    stage: str,
    detail: str,
) -> None:
    content = small_archive(tmp_path)
    assert cli_build(tmp_path, content) == 0
    site = tmp_path / "site"
    before = snapshot(site)
    assert "pagefind/pagefind-entry.json" in before
    capsys.readouterr()

    config = breaker(tmp_path, content, monkeypatch)
    assert cli_build(tmp_path, content, config) == 1
    err = capsys.readouterr().err
    assert f"Erstellen fehlgeschlagen im Schritt „{stage}“" in err
    assert detail in err
    assert snapshot(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_build_reports_each_stage_and_ends_with_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = small_archive(tmp_path)
    site = tmp_path / "site"
    arguments = ["--content", str(content), "--output", str(site)]
    assert main(["build", *arguments, "--build-dir", str(tmp_path / "b")]) == 0
    lines = capsys.readouterr().err.splitlines()
    # Not a terminal: one plain line per stage (a terminal gets a bar instead).
    assert [line.split(":")[0] for line in lines[:7]] == [
        "[1/7] Inhalte gelesen und geprüft",
        "[2/7] Beschlusstexte aus Dateien gelesen",
        "[3/7] Seiten erzeugt",
        "[4/7] Seiten der Navigation gerendert (MkDocs)",
        "[5/7] übrige Seiten eingesetzt",
        "[6/7] Suchindex fertig (Pagefind)",
        "[7/7] veröffentlicht",
    ]
    # 27 pages, the faction index and three faction pages, the mandates page, and a page
    # for each year or month with entries: three committee years, three months, three topic
    # years and three faction years (its one matter and the faction months, whose years list
    # every vote, are redirects, not pages).
    assert lines[-1].startswith("Website mit 6 Beschlüssen (44 Seiten, ")
    assert lines[-1].endswith(f"nach {site} geschrieben.")


def test_several_shards_give_several_bundles(tmp_path: Path) -> None:
    options = dataclasses.replace(
        site_options(tmp_path, small_archive(tmp_path)), search_shard_pages=3
    )
    build(options)
    site = options.site_dir
    assert (site / "pagefind/pagefind.js").is_file()
    assert list((site / "pagefind").glob("wasm.*.pagefind"))
    secondary = site / "pagefind/teil-2"
    # Only the index: the script and the WebAssembly come from the primary bundle.
    assert sorted(p.name for p in secondary.iterdir() if p.is_file())[0] == "pagefind-entry.json"
    assert not [p for p in secondary.iterdir() if p.suffix in (".js", ".css", ".pagefind")]
    assert {p.name for p in secondary.iterdir() if p.is_dir()} == {"filter", "fragment", "index"}
    assert not (site / "pagefind/teil-3").exists()
    search_page = (site / "suche/index.html").read_text(encoding="utf-8")
    assert 'data-indexes="pagefind/teil-2/"' in search_page
    assert not (options.build_dir / "pagefind").exists()


def test_a_failing_second_shard_fails_the_build_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = dataclasses.replace(
        site_options(tmp_path, small_archive(tmp_path)), search_shard_pages=3
    )
    build(options)
    before = snapshot(options.site_dir)
    real = search_index.pagefind_command
    failing = [sys.executable, "-c", "import sys; sys.exit('Pagefind: Teil 2 kaputt')"]

    def command(site_dir: Path, output_dir: Path | None = None) -> list[str]:
        return failing if site_dir.name == "teil-2" else real(site_dir, output_dir)

    monkeypatch.setattr(search_index, "pagefind_command", command)
    shutil.rmtree(options.build_dir / "cache")  # else the unchanged shards are reused
    with pytest.raises(BuildFailed) as failure:
        build(options)
    assert failure.value.stage == "Suchindex (Pagefind)"
    assert "Teil 2 kaputt" in failure.value.detail
    assert snapshot(options.site_dir) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]
