"""No page grows with the archive: list pages show at most ``list_limit`` entries and link to
years, months and meetings beyond it, every resolution stays reachable and in the sitemap.

A synthetic archive of a few thousand resolutions, built with a small limit, shows every
long layout; sizes are asserted as counts, nothing is timed.
"""

from __future__ import annotations

import dataclasses
import datetime
import gzip
import re
from collections import Counter
from pathlib import Path, PurePosixPath

import pytest

from benchmarks.site_bytes import shell_bytes
from benchmarks.synthesize import synthesize
from generator.archive import urls
from generator.archive.catalog import Catalog, FactionEntry, build_catalog
from generator.archive.faction_votes import is_split
from generator.archive.model import AgendaItem, Meeting, Resolution
from generator.archive.problems import Severity
from generator.build import BuildOptions, build
from generator.pages.all import generate_pages
from generator.pages.committee import committee_pages
from generator.pages.context import LIST_LIMIT, PageContext
from generator.pages.faction import faction_pages
from generator.pages.home import home_pages
from generator.pages.mandates import mandate_pages
from generator.pages.matter import matter_pages
from generator.pages.meeting import meeting_pages
from generator.pages.topic import topic_pages
from generator.pages.year import year_pages
from generator.publish.sitemap import sitemap_files
from generator.reading.loading import load_archive
from generator.rendering.generated import PageFragment
from tests.conftest import REPOSITORY
from tests.markup import quoted, quoted_page
from tests.sitecheck import page_at, read_html

COUNT = 1500
LIMIT = 20
LIST_ROOTS = ("gremium/", "jahr/", "thema/", "fraktion/")
VOTE_ROW = re.compile(r'<tr(?: data-year="\d+")? data-committee="[^"]*">')
SPLIT_ITEM = re.compile(r'<li><span class="ra-item__title">')


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    """(site, catalog) of the synthetic archive, built with the small limit."""
    base = tmp_path_factory.mktemp("bounded")
    content = base / "content"
    synthesize(content, COUNT, seed=3)
    catalog, problems = load_archive(content)
    assert catalog is not None, problems
    options = BuildOptions(
        content_root=content,
        base_config=REPOSITORY / "mkdocs.yml",
        build_dir=base / ".build",
        site_dir=base / "site",
        search=False,
        list_limit=LIMIT,
    )
    build(options)
    return options.site_dir, catalog


def text(site: Path, url: str) -> str:
    return quoted_page(site / url / "index.html")


def list_pages(site: Path) -> list[str]:
    """The list pages, not the addresses that redirect to one."""
    return sorted(
        path.parent.relative_to(site).as_posix() + "/"
        for root in LIST_ROOTS
        for path in (site / root).rglob("index.html")
        if 'http-equiv="refresh"' not in quoted_page(path)[:600]
    )


def test_no_list_page_shows_more_entries_than_the_limit(archive: tuple[Path, Catalog]) -> None:
    site, catalog = archive
    pages = list_pages(site)
    assert len(pages) > 100
    for url in pages:
        html = text(site, url)
        assert len(page_at(site, url).resolutions) <= LIMIT, url
        assert len(VOTE_ROW.findall(html)) <= LIMIT, url
        assert len(SPLIT_ITEM.findall(html)) <= LIMIT, url
    # The archive is long enough for every long layout to appear.
    rat = len(catalog.by_committee["rat"])
    assert rat > LIMIT
    committee = text(site, urls.committee("rat"))
    assert '<h2 id="neueste-sitzungen">Neueste Sitzungen</h2>' in committee
    years = sorted({r.date.year for r in catalog.by_committee["rat"]})
    for year in years:
        here = urls.committee("rat")
        assert f'href="{urls.relative(here, urls.committee_year("rat", year))}"' in committee
    year = max(catalog.by_year)
    overview = text(site, urls.year(year))
    assert '<h2 id="monate">Nach Monaten</h2>' in overview
    assert '<h2 id="gremien">Nach Gremien</h2>' in overview
    assert page_at(site, urls.year(year)).resolutions == []
    topic = max(catalog.by_topic, key=lambda t: len(catalog.by_topic[t]))
    long_topic = text(site, urls.topic(topic))
    assert '<h2 id="neueste">Neueste Beschlüsse</h2>' in long_topic
    assert len(page_at(site, urls.topic(topic)).resolutions) == LIMIT // 5
    faction = max(catalog.by_faction, key=lambda f: len(catalog.by_faction[f]))
    assert '<h2 id="abstimmungen">Neueste Abstimmungen</h2>' in text(site, urls.faction(faction))
    busy = Counter(e.resolution.date.year for e in catalog.by_faction[faction]).most_common(1)
    faction_year = text(site, urls.faction_year(faction, busy[0][0]))
    assert busy[0][1] > LIMIT
    assert '<h2 id="monate">Abstimmungen nach Monaten</h2>' in faction_year


def test_every_page_of_a_year_or_month_exists_once_it_has_entries(
    archive: tuple[Path, Catalog],
) -> None:
    site, catalog = archive
    for r in catalog.resolutions:
        for url in (
            urls.year(r.date.year),
            urls.year_month(r.date.year, r.date.month),
            urls.committee_year(r.committee, r.date.year),
            *(urls.topic_year(topic, r.date.year) for topic in r.topics),
        ):
            assert (site / url / "index.html").is_file(), url
    for key, entries in catalog.by_faction.items():
        for entry in entries:
            when = entry.resolution.date
            assert (site / urls.faction_month(key, when.year, when.month) / "index.html").is_file()


def _leaf_of(site: Path, page: str, resolution_id: str, meeting: str) -> str:
    """The page of ``page``'s tree that lists the resolution: the page itself, or, where it
    lists meetings instead, the meeting's page (which it must link to)."""
    if resolution_id in page_at(site, page).resolutions:
        return page
    assert f'href="{urls.relative(page, meeting)}"' in text(site, page), (page, resolution_id)
    assert resolution_id in page_at(site, meeting).resolutions
    return meeting


def test_every_resolution_is_listed_on_exactly_one_leaf_of_each_tree(
    archive: tuple[Path, Catalog],
) -> None:
    site, catalog = archive
    months = [url for url in list_pages(site) if re.fullmatch(r"jahr/\d{4}/\d\d/", url)]
    committee_years = [
        url for url in list_pages(site) if re.fullmatch(r"gremium/[^/]+/\d{4}/", url)
    ]
    in_months = Counter(i for url in months for i in page_at(site, url).resolutions)
    in_committee_years = Counter(
        i for url in committee_years for i in page_at(site, url).resolutions
    )
    leaves: Counter[bool] = Counter()
    for r in catalog.resolutions:
        meeting = urls.meeting(r.committee, r.date)
        month = _leaf_of(site, urls.year_month(r.date.year, r.date.month), r.id, meeting)
        committee_year = _leaf_of(
            site, urls.committee_year(r.committee, r.date.year), r.id, meeting
        )
        for topic in r.topics:
            _leaf_of(site, urls.topic_year(topic, r.date.year), r.id, meeting)
        # Listed once in its tree's leaves, never on a second month or committee year.
        assert in_months[r.id] == (1 if month != meeting else 0), r.id
        assert in_committee_years[r.id] == (1 if committee_year != meeting else 0), r.id
        leaves[month == meeting] += 1
    assert leaves[True] and leaves[False], "both kinds of leaf should occur"
    for key, entries in catalog.by_faction.items():
        for when, count in Counter(
            (e.resolution.date.year, e.resolution.date.month) for e in entries
        ).items():
            html = text(site, urls.faction_month(key, *when))
            assert len(VOTE_ROW.findall(html)) in (count, 0), (key, when)


def test_the_sitemap_lists_every_resolution_and_every_list_page(
    archive: tuple[Path, Catalog],
) -> None:
    site, catalog = archive
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>[^<]*?://[^/]+/([^<]*)</loc>", sitemap))
    assert {urls.resolution(r.id) for r in catalog.resolutions} <= listed
    assert set(list_pages(site)) <= listed
    # Synthetic papers are consulted once each: no matter page, only redirects.
    assert not any(url.startswith(urls.MATTERS) for url in listed)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap


def test_past_the_limit_a_list_names_its_meetings(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 300, seed=5)
    catalog, problems = load_archive(content)
    assert catalog is not None, problems
    context = PageContext(
        catalog=catalog,
        site_url="https://archiv.example/",
        content_prefix=PurePosixPath(content.as_posix()),
        search=False,
        list_limit=1,
    )
    pages = {p.url: p.content for p in generate_pages(context) if isinstance(p, PageFragment)}
    key = next(iter(catalog.by_faction))
    by_month: dict[tuple[int, int], list[FactionEntry]] = {}
    for entry in catalog.by_faction[key]:
        by_month.setdefault((entry.resolution.date.year, entry.resolution.date.month), []).append(
            entry
        )
    month, entries = next((when, found) for when, found in by_month.items() if len(found) > 1)
    html = pages[urls.faction_month(key, *month)]
    assert not VOTE_ROW.search(html)
    here = urls.faction_month(key, *month)
    for entry in entries:
        meeting = urls.meeting(entry.resolution.committee, entry.resolution.date)
        assert f'href="{urls.relative(here, meeting)}"' in html
    for url, html in pages.items():
        if url.startswith(LIST_ROOTS):
            assert len(read_html(html).resolutions) <= 1, url


def test_the_addresses_do_not_depend_on_the_limit(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 300, seed=5)
    catalog, problems = load_archive(content)
    assert catalog is not None, problems

    def page_urls(limit: int) -> set[str]:
        context = PageContext(
            catalog=catalog,
            site_url="https://archiv.example/",
            content_prefix=PurePosixPath(content.as_posix()),
            search=False,
            list_limit=limit,
        )
        pages = generate_pages(context)
        # A page or a redirect at the same address (a faction's month within the limit).
        return {
            p.url if isinstance(p, PageFragment) else p.path.removesuffix("index.html")
            for p in pages
        }

    assert page_urls(5) == page_urls(100_000)


def test_a_long_sitemap_becomes_an_index_of_parts(tmp_path: Path) -> None:
    pages = [f"beschluss/b-{number}/" for number in range(7)]
    files = sitemap_files("https://archiv.example/", pages, limit=3)
    assert sorted(files) == [
        "sitemap-1.xml",
        "sitemap-1.xml.gz",
        "sitemap-2.xml",
        "sitemap-2.xml.gz",
        "sitemap-3.xml",
        "sitemap-3.xml.gz",
        "sitemap.xml",
        "sitemap.xml.gz",
    ]
    index = files["sitemap.xml"].decode()
    assert index.count("<sitemap><loc>https://archiv.example/sitemap-") == 3
    parts = [files[f"sitemap-{n}.xml"].decode() for n in (1, 2, 3)]
    assert [part.count("<url>") for part in parts] == [3, 3, 1]
    assert all(
        gzip.decompress(files[f"{name}.gz"]) == files[name]
        for name in files
        if name.endswith(".xml")
    )
    assert files == sitemap_files("https://archiv.example/", reversed(pages), limit=3)
    short = sitemap_files("https://archiv.example/", pages)
    assert sorted(short) == ["sitemap.xml", "sitemap.xml.gz"]
    assert short["sitemap.xml"].decode().count("<url>") == 7


def test_a_month_whose_year_lists_every_vote_leads_to_that_year(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 300, seed=5)
    catalog, problems = load_archive(content)
    assert catalog is not None, problems
    context = PageContext(
        catalog=catalog,
        site_url="https://archiv.example/",
        content_prefix=PurePosixPath(content.as_posix()),
        search=False,
    )
    generated = list(generate_pages(context))
    fragments = {p.url for p in generated if isinstance(p, PageFragment)}
    files = {p.path: p for p in generated if not isinstance(p, PageFragment)}
    key = next(iter(catalog.by_faction))
    when = catalog.by_faction[key][0].resolution.date
    month = urls.faction_month(key, when.year, when.month)
    assert month not in fragments
    html = quoted((files[f"{month}index.html"].content or b"").decode())
    target = urls.relative(month, urls.faction_year(key, when.year)) + "#abstimmungen"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in html
    assert urls.faction_year(key, when.year) in fragments


PAGE_BOUND = 300_000
"""Bytes the largest HTML page of an archive of 100,000 resolutions may have (issue 21)."""
LONG_TITLE = (
    "Änderung der Satzung über die Erhebung von Gebühren für die Straßen- und "
    "Gehwegreinigung und den Winterdienst in der Stadt, Nachtrag Nr. {number}"
)


def _year_of(
    template: Resolution, committee: str, year: int, count: int, per_meeting: int
) -> list[Resolution]:
    """``count`` resolutions of one committee in one year, ``per_meeting`` to a meeting on
    each working day from the year's start, with long titles and the template's vote."""
    day = datetime.date(year, 1, 2)
    made = []
    for number in range(count):
        if number and number % per_meeting == 0:
            day += datetime.timedelta(days=1)
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        made.append(
            dataclasses.replace(
                template,
                id=f"{committee}-{year}-{number:05d}",
                title=LONG_TITLE.format(number=number),
                committee=committee,
                date=day,
                agenda_item=AgendaItem(number=f"{number % per_meeting + 1}.1"),
                reference=f"{year}/{number:05d}",
                topics=(f"Straßenreinigung und Winterdienst {year}",),
                former_ids=(),
                relations=(),
                mandates=(),
                attachments=(),
                meeting=Meeting(),
            )
        )
    return made


def test_no_page_of_a_huge_or_a_full_year_passes_the_page_bound(
    archive: tuple[Path, Catalog], tmp_path: Path
) -> None:
    """The largest HTML page stays under ``PAGE_BOUND`` however many resolutions a year
    holds: its content (generated here in memory, with the default list limit) plus the
    largest theme shell of any list page of the built site. One year of one committee
    holds 10,000 resolutions, 40 to a meeting on every working day (more than a synthetic
    archive of 100,000 puts in any committee's, topic's or faction's year); another
    exactly the list limit, in meetings of 10, each with a split faction vote, so that
    every list shows every entry at its longest."""
    site, _ = archive
    shell = max(
        shell_bytes(path.read_bytes())
        for root in LIST_ROOTS
        for path in (site / root).rglob("index.html")
    )
    content = tmp_path / "content"
    synthesize(content, 200, seed=7)
    small, problems = load_archive(content)
    assert small is not None, problems
    template = next(
        r for r in small.resolutions if any(is_split(f) for v in r.votes for f in v.factions)
    )
    huge = _year_of(template, template.committee, 2024, 10_000, 40)
    full = _year_of(template, template.committee, 2000, LIST_LIMIT, 10)
    catalog, problems = build_catalog(
        dataclasses.replace(small.archive, resolutions=(*small.resolutions, *huge, *full))
    )
    assert not [p for p in problems if p.severity == Severity.ERROR], problems[:3]
    context = PageContext(
        catalog=catalog,
        site_url="https://archiv.example/",
        content_prefix=PurePosixPath(content.as_posix()),
        search=False,
    )
    sizes: dict[str, int] = {}
    for generator in (
        committee_pages,
        year_pages,
        meeting_pages,
        faction_pages,
        topic_pages,
        home_pages,
        matter_pages,
        mandate_pages,
    ):
        for made in generator(context):
            if isinstance(made, PageFragment):
                sizes[made.url] = len(made.content.encode("utf-8"))
            elif made.content is not None:
                sizes[made.path] = len(made.content)
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] + shell <= PAGE_BOUND, (largest, sizes[largest], shell)
    # Both years are there, listed in full where they fit the limit.
    committee = template.committee
    assert sizes[urls.committee_year(committee, 2024)] > 20_000
    assert sizes[urls.committee_year(committee, 2000)] > LIST_LIMIT * 300
    faction = catalog.faction_key(template.votes[0].factions[0].name)
    assert sizes[urls.faction_year(faction, 2000)] > LIST_LIMIT * 300
