"""End-to-end: build real sites and read the HTML back, as a reader's browser would."""

from __future__ import annotations

import json
import os
import re
import shutil
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.reading.loading import load_archive
from generator.rendering.end_tags import omit_end_tags
from tests.browser_support import Server
from tests.conftest import DEMO_CONTENT
from tests.markup import quoted_page
from tests.site_fixtures import build_site, small_archive
from tests.sitecheck import (
    CSS_URL,
    html_files,
    page_at,
    pagefind_values,
    read_page,
    resolve_internal,
)


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    """The demo archive, built once per session (MkDocs + Pagefind take a while)."""
    base = tmp_path_factory.mktemp("demo")
    content = base / "content"
    # The variable lets a branch test against demo content that is not merged yet.
    shutil.copytree(os.environ.get("RATSARCHIV_DEMO_CONTENT", DEMO_CONTENT), content)
    catalog, problems = load_archive(content)
    assert catalog is not None, [p.format() for p in problems]
    assert catalog.by_id, "the demo archive has no resolutions"
    return build_site(base, content), catalog


@pytest.fixture(scope="session")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("small")
    return build_site(base, small_archive(base))


@pytest.fixture(scope="session")
def subpath(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("subpath")
    return build_site(base, small_archive(base), site_url="https://example.org/ratsarchiv/")


def text(site: Path, url: str) -> str:
    return quoted_page(site / url / "index.html")


# --- The demo archive ------------------------------------------------------------------


def test_every_resolution_has_its_page_with_card_breadcrumbs_permalink_and_citation(
    demo: tuple[Path, Catalog],
) -> None:
    site, catalog = demo
    settings = catalog.archive.settings
    for resolution in catalog.by_id.values():
        html = text(site, urls.resolution(resolution.id))
        committee = catalog.committees[resolution.committee]
        assert '<article class="ra-resolution">' in html
        # Pagefind reads its own copy (``search.page_input``): the published page carries
        # none of its search data, which no reader or browser uses.
        assert "ra-search-data" not in html
        for attribute in ("body", "meta", "filter", "sort"):
            assert f"data-pagefind-{attribute}" not in html
        assert 'class="ra-card"' in html
        assert '<nav class="ra-breadcrumbs" aria-label="Brotkrumenpfad">' in html
        permalink = settings.site_url + urls.resolution(resolution.id)
        assert f'class="ra-permalink" href="{permalink}"' in html
        citation = (
            f"{settings.municipality}, {committee.name}, Beschluss vom "
            f"{labels.date(resolution.date)} „{resolution.title}“, "
            f"TOP {resolution.agenda_item.number}"
        )
        assert escape(citation, quote=True) in html
        assert f"{permalink} (abgerufen am <span data-ra-today>TT.MM.JJJJ</span>)</cite>" in html
        assert labels.RESULT[resolution.result] in html


def test_committee_year_and_meeting_pages_list_exactly_their_resolutions_in_order(
    demo: tuple[Path, Catalog],
) -> None:
    site, catalog = demo
    for committee_id in catalog.committees:
        listed = page_at(site, urls.committee(committee_id)).resolutions
        meetings = sorted(
            (key for key in catalog.by_meeting if key.committee == committee_id),
            key=lambda key: key.date,
            reverse=True,
        )
        expected = [r.id for key in meetings for r in catalog.by_meeting[key]]
        assert listed == expected, committee_id
    for year, resolutions in catalog.by_year.items():
        newest_first = sorted(resolutions, key=lambda r: r.date, reverse=True)
        assert page_at(site, urls.year(year)).resolutions == [r.id for r in newest_first]
    for key, resolutions in catalog.by_meeting.items():
        listed = page_at(site, urls.meeting(key.committee, key.date)).resolutions
        if key in catalog.meeting_records:  # the meeting file's agenda gives the order
            assert sorted(listed) == sorted(r.id for r in resolutions)
        else:
            assert listed == [r.id for r in resolutions]


def test_relations_appear_in_both_directions(demo: tuple[Path, Catalog]) -> None:
    site, catalog = demo
    relations = [(r, rel) for r in catalog.by_id.values() for rel in r.relations]
    assert relations, "the demo archive should show related resolutions"
    for source, relation in relations:
        outgoing = text(site, urls.resolution(source.id))
        assert labels.OUTGOING[relation.type] in outgoing
        assert f'href="../../beschluss/{relation.target}/"' in outgoing
        incoming = text(site, urls.resolution(relation.target))
        assert labels.INCOMING[relation.type] in incoming
        assert f'href="../../beschluss/{source.id}/"' in incoming


def test_a_referral_names_the_committee_it_went_to(demo: tuple[Path, Catalog]) -> None:
    site, catalog = demo
    referred = [r for r in catalog.by_id.values() if r.referred_to]
    assert referred, "the demo archive should show a referral to a named committee"
    for resolution in referred:
        target = catalog.committees[resolution.referred_to or ""]
        page = text(site, urls.resolution(resolution.id))
        assert (
            f'<dt>Überwiesen an<dd><a href="../../{urls.committee(target.id)}">'
            f"{escape(target.name)}</a>"
        ) in page
    record = json.loads((site / urls.resolution_json("rat-2021-014")).read_text("utf-8"))
    assert record["referred_to"] == "sozialausschuss"


def test_legal_pages_are_linked_from_every_page(demo: tuple[Path, Catalog]) -> None:
    site, _ = demo
    pages = [
        p
        for p in html_files(site)
        if not {"pagefind", "redaktion"} & set(p.parts) and p.name != "404.html"
    ]
    assert len(pages) > 20
    for path in pages:  # the editors' area (redaktion/) is Decap's page, not the archive's
        if "Weiterleitung" in path.read_text(encoding="utf-8")[:400]:
            continue  # redirect stubs carry no chrome
        targets = {
            resolved[0]
            for _, _, value in read_page(path).links
            if (resolved := resolve_internal(site, path, value, "https://x.invalid/"))
        }
        for legal in urls.LEGAL.values():
            assert (site / legal / "index.html").resolve() in targets, (path, legal)


def test_pages_announce_their_feeds(demo: tuple[Path, Catalog]) -> None:
    site, catalog = demo
    alternate = re.compile(
        r'<link rel="alternate feed" type="application/atom\+xml" [^>]*href="([^"]+)"'
    )
    committee = next(iter(catalog.by_committee))
    topic = next(iter(catalog.by_topic))
    expectations = {
        urls.committee(committee): [urls.feed_committee(committee), urls.feed_all()],
        urls.topic(topic): [urls.feed_topic(topic), urls.feed_all()],
        urls.resolution(next(iter(catalog.by_id))): [urls.feed_all()],
        urls.HOME: [urls.feed_all()],
        urls.MANDATES: [urls.feed_mandates(), urls.feed_all()],
    }
    # A committee whose resolutions carry mandates also announces their status changes.
    if any(r.mandates for r in catalog.by_committee[committee]):
        expectations[urls.committee(committee)].insert(1, urls.feed_committee_mandates(committee))
    for page_url, feeds in expectations.items():
        html = text(site, page_url)
        assert alternate.findall(html) == [urls.relative(page_url, f) for f in feeds], page_url
        for feed in feeds:
            assert (site / feed).is_file()
        if page_url != urls.resolution(next(iter(catalog.by_id))):
            assert (
                f'href="{urls.relative(page_url, feeds[0])}" type="application/atom+xml">'
                "Feed abonnieren</a>" in html
            ), page_url


def test_reuse_outputs_are_published(demo: tuple[Path, Catalog]) -> None:
    site, catalog = demo
    for path in (
        "daten/beschluesse.json",
        "daten/beschluesse.csv",
        "oparl/system.json",
        "kalender/alle.ics",
        "statistik/index.html",
        "daten/index.html",
    ):
        assert (site / path).is_file(), path
    for resolution_id in catalog.by_id:
        assert (site / urls.resolution_json(resolution_id)).is_file()


def test_no_page_requests_anything_from_another_host(demo: tuple[Path, Catalog]) -> None:
    site, catalog = demo
    own = urlsplit(catalog.archive.settings.site_url).netloc
    for path in html_files(site):
        page = read_page(path)
        for tag, attribute, value in page.links:
            host = urlsplit(value).netloc
            if not host or host == own:
                continue
            # Following a link is the reader's choice; loading a resource is not.
            assert tag.startswith("a[") or tag == "form", (path, tag, attribute, value)
        for style in page.styles:
            for value in CSS_URL.findall(style):
                assert not urlsplit(value).netloc, (path, value)
    for path in site.rglob("*.css"):
        for value in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
            assert not urlsplit(value).netloc or value.startswith("data:"), (path, value)
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")


def check_links(site: Path, site_url: str) -> list[str]:
    """Every internal link and anchor in the site resolves to a file (and an id)."""
    broken = []
    cache: dict[Path, set[str]] = {}
    for path in html_files(site):
        for tag, _, value in read_page(path).links:
            if value.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            resolved = resolve_internal(site, path, value, site_url)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {tag} {value} → missing")
                continue
            if fragment and target.suffix == ".html":
                if target not in cache:
                    cache[target] = read_page(target).ids
                if fragment not in cache[target]:
                    broken.append(f"{path.relative_to(site)}: {value} → no #{fragment}")
    return broken


def test_every_internal_link_and_anchor_resolves(demo: tuple[Path, Catalog]) -> None:
    site, catalog = demo
    assert check_links(site, catalog.archive.settings.site_url) == []


def test_search_index_is_built(demo: tuple[Path, Catalog]) -> None:
    site, _ = demo
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind" / "filter").iterdir())


def test_topic_pages_are_grouped_by_year_with_jump_links(demo: tuple[Path, Catalog]) -> None:
    site, catalog = demo
    topic, resolutions = next(
        (topic, items)
        for topic, items in catalog.by_topic.items()
        if len({r.date.year for r in items}) > 1
    )
    html = text(site, urls.topic(topic))
    years = sorted({r.date.year for r in resolutions}, reverse=True)
    jump = "".join(f'<li><a href="#jahr-{year}">{year}</a></li>' for year in years)
    assert omit_end_tags(f'<nav class="ra-jump" aria-label="Jahre"><ul>{jump}</ul></nav>') in html
    positions = [html.index(f'<h2 id="jahr-{year}">{year}</h2>') for year in years]
    assert positions == sorted(positions)
    dates = [catalog.by_id[rid].date for rid in page_at(site, urls.topic(topic)).resolutions]
    assert dates == sorted(dates, reverse=True)


# --- The small archive: every feature once ------------------------------------------------


def test_resolution_page_shows_the_metadata_card(small: Path) -> None:
    html = text(small, "beschluss/ha-2020-017/")
    assert "<h1" in html and "IT-Budget 2020 – digitale Arbeitsplätze &lt;sofort&gt;" in html
    assert "<dd>TOP 3.1<dt>" in html
    assert "Dringlichkeitsentscheidung" in html
    assert '<span class="ra-badge ra-badge--adopted">beschlossen</span>' in html
    assert "<caption>Abstimmung nach Fraktionen</caption>" in html
    assert ('<th scope="row"><a href="../../fraktion/spd/">SPD</a><td>4<td>3<td>0<tr>') in html
    assert "Rm. Befangen (CDU)" in html
    assert "§ 60 Abs. 1 Satz 1 GO NRW" in html
    assert "2020/0123 (Antrag)" in html
    assert "FDP-Fraktion" in html
    assert '<a href="../../thema/digitalisierung/">Digitalisierung</a>' in html
    assert '<time datetime="2020-04-17">17.04.2020</time>' in html
    assert "<em>ermächtigt</em>" in html
    assert '<h2 id="beratung">Beratung</h2>' in html
    assert "Antrag der FDP</a>" in html and "(PDF, 2,0 kB)" in html
    assert (small / "beschluss/ha-2020-017/2020-04-17-it-budget-antrag.pdf").is_file()
    assert (
        '<p class="ra-editor">Für die Redaktion: <a href="'
        "https://git.teststadt.test/rat/archiv/-/edit/veroeffentlicht/content/resolutions/"
        'hauptausschuss/2020/2020-04-17-it-budget.md">Quelldatei bearbeiten</a></p>'
    ) in html
    # Out of the citizen's way: not in the card, after the citation and the pager.
    assert html.index('class="ra-editor"') > html.index('class="ra-pager"')
    assert "Quelldatei" not in html[html.index('class="ra-card"') : html.index("</section>")]
    assert (
        "Stadt Teststadt, Hauptausschuss, Beschluss vom 17.04.2020 „IT-Budget 2020 – digitale "
        "Arbeitsplätze &lt;sofort&gt;“, TOP 3.1, Drucksache 2020/0123, "
        "https://archiv.teststadt.test/beschluss/ha-2020-017/ (abgerufen am "
        "<span data-ra-today>TT.MM.JJJJ</span>)"
    ) in html
    # The filters are in Pagefind's own copy of the page, not in the published one.
    (indexed,) = small.parent.glob(".build/search/*/beschluss/ha-2020-017/index.html")
    assert ("Gremium", "Hauptausschuss") in pagefind_values(indexed.read_text("utf-8"), "filter")
    assert pagefind_values(html, "filter") == []


def test_resolution_page_tells_link_previews_what_was_decided(small: Path) -> None:
    html = text(small, "beschluss/ha-2020-017/")
    head = html[: html.index("<body")]
    description = (
        "Hauptausschuss, 17.04.2020, TOP 3.1: beschlossen. Die Verwaltung wird ermächtigt, "
        "Laptops zu beschaffen. Erstens Zweitens"
    )
    assert f'<meta name="description" content="{description}">' in head
    assert head.count('name="description"') == 1
    title = "IT-Budget 2020 – digitale Arbeitsplätze &lt;sofort&gt;"
    assert f'<meta property="og:title" content="{title}">' in head
    assert '<meta property="og:type" content="article">' in head
    assert (
        '<meta property="og:url" content="https://archiv.teststadt.test/beschluss/ha-2020-017/">'
    ) in head
    assert '<meta property="article:published_time" content="2020-04-17">' in head
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', head)
    assert block is not None
    assert "<sofort>" not in block.group(1)  # cannot close the script element early
    record = json.loads(block.group(1))
    assert record["@type"] == "Legislation"
    assert record["name"] == "IT-Budget 2020 – digitale Arbeitsplätze <sofort>"
    assert "description" not in record, "the description tag holds it, once"
    assert record["legislationDate"] == "2020-04-17"
    assert record["creativeWorkStatus"] == "beschlossen"
    assert record["legislationIdentifier"] == "2020/0123"
    assert record["legislationPassedBy"] == {"@type": "Organization", "name": "Hauptausschuss"}
    # A non-public resolution's text stays out of the previews too.
    private = text(small, "beschluss/ha-2020-018/")
    assert "Geheim" not in private[: private.index("<body")]


def test_breadcrumbs_lead_from_archive_to_the_meeting(small: Path) -> None:
    html = text(small, "beschluss/ha-2020-017/")
    assert (
        '<li><a href="../../">Archiv</a><li><a href="../../gremium/hauptausschuss/">HA</a>'
        '<li><a href="../../gremium/hauptausschuss/2020/">2020</a><li><a href="'
        '../../sitzung/hauptausschuss/2020-04-17/">12. Sitzung des Hauptausschusses</a></ol>'
    ) in html
    # The year crumb leads to the committee's own year: a page of its own, whether or not
    # the committee page (short here) also lists the year as a section.
    year = text(small, "gremium/hauptausschuss/2020/")
    assert "<h1>Hauptausschuss 2020</h1>" in year
    assert "ha-2020-017" in page_at(small, "gremium/hauptausschuss/2020/").resolutions
    assert '<h2 id="jahr-2020">' in text(small, "gremium/hauptausschuss/")


def test_list_entries_name_their_resolution_by_the_link_alone(small: Path) -> None:
    # No data-resolution beside the link (30 bytes an entry, read by no script).
    year = text(small, "gremium/hauptausschuss/2020/")
    meeting = text(small, "sitzung/hauptausschuss/2020-04-17/")
    assert "data-resolution" not in year and "data-resolution" not in meeting
    link = '<a href="../../../beschluss/ha-2020-017/">IT-Budget 2020'
    assert f"<li>{link}" in year and f"<li>{link}" in meeting


def test_relations_are_labelled_in_both_directions(small: Path) -> None:
    target = text(small, "beschluss/ha-2020-017/")
    assert 'genehmigt durch</span> <a href="../../beschluss/rat-2020-031/">' in target
    assert 'geändert durch</span> <a href="../../beschluss/rat-2021-004/">' in target
    assert 'genehmigt</span> <a href="../../beschluss/ha-2020-017/">' in text(
        small, "beschluss/rat-2020-031/"
    )
    assert "ändert</span>" in text(small, "beschluss/rat-2021-004/")


def test_non_public_resolution_shows_metadata_only(small: Path) -> None:
    html = text(small, "beschluss/ha-2020-018/")
    assert "Personalangelegenheit" in html
    assert "Geheim." not in html
    assert "nicht öffentlicher Sitzung" in html
    assert 'class="ra-card"' in html


def test_former_id_redirects_without_script(small: Path) -> None:
    html = quoted_page(small / "beschluss/ha-2020-17/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../../beschluss/ha-2020-017/">' in html
    assert (
        '<link rel="canonical" href="https://archiv.teststadt.test/beschluss/ha-2020-017/">' in html
    )
    assert '<a href="../../beschluss/ha-2020-017/">' in html
    assert "<script" not in html


def test_a_matter_with_one_resolution_redirects_to_it_and_is_not_linked(small: Path) -> None:
    html = quoted_page(small / "vorlage/2020-0123/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../../beschluss/ha-2020-017/">' in html
    assert (
        '<link rel="canonical" href="https://archiv.teststadt.test/beschluss/ha-2020-017/">' in html
    )
    assert "<p>Zur Drucksache 2020/0123 gibt es einen Beschluss: " in html
    # The stub's title says only what it is; the resolution is named in its link.
    assert "<title>Weiterleitung</title>" in html
    assert ">IT-Budget 2020 – digitale Arbeitsplätze &lt;sofort&gt;</a>" in html
    card = text(small, "beschluss/ha-2020-017/")
    assert "vorlage/" not in card and "Beratungsfolge" not in card
    assert "vorlage/" not in (small / "sitemap.xml").read_text(encoding="utf-8")


def test_committee_without_resolutions_has_a_friendly_empty_state(small: Path) -> None:
    html = text(small, "gremium/ausschuss-fuer-digitalisierung/")
    assert "Für dieses Gremium sind noch keine Beschlüsse veröffentlicht." in html


def test_meeting_page_lists_agenda_items_in_order(small: Path) -> None:
    page = page_at(small, "sitzung/hauptausschuss/2020-04-17/")
    assert page.resolutions == ["ha-2020-017", "ha-2020-016", "ha-2020-018"]


def test_home_page_shows_latest_committees_years_and_a_search_form(small: Path) -> None:
    html = text(small, "")
    latest = page_at(small, "").resolutions
    assert latest[:2] == ["rat-2021-005", "rat-2021-004"]
    assert "0 Beschlüsse" in html and "3 Beschlüsse" in html
    assert '<a href="jahr/2021/">2021</a>' in html
    assert 'action="suche/"' in html and 'name="q"' in html
    # One search box (the header's): two filled a phone's first screen.
    assert html.count('type="search"') == 1


def test_resolutions_meetings_and_years_link_to_previous_and_next(small: Path) -> None:
    first, middle = text(small, "beschluss/ha-2020-017/"), text(small, "beschluss/ha-2020-016/")
    assert 'rel="prev"' not in first
    assert (
        '<a rel="next" href="../../beschluss/ha-2020-016/">'
        "<span>Nächster Beschluss</span> Bericht der Verwaltung</a>"
    ) in first
    # Within the committee, in agenda order: 3.1, 3.2, 10.
    assert 'rel="prev" href="../../beschluss/ha-2020-017/"' in middle
    assert 'rel="next" href="../../beschluss/ha-2020-018/"' in middle
    meeting = text(small, "sitzung/rat/2020-05-07/")
    assert 'rel="prev"' not in meeting
    assert (
        '<a rel="next" href="../../../sitzung/rat/2021-02-11/">'
        "<span>Nächste Sitzung</span> Sitzung vom 11.02.2021</a>"
    ) in meeting
    # The next meeting is the committee's own, never another committee's.
    assert 'class="ra-pager"' not in text(small, "sitzung/hauptausschuss/2020-04-17/")
    assert 'rel="next" href="../../jahr/2021/"' in text(small, "jahr/2020/")
    assert 'rel="prev" href="../../jahr/2020/"' in text(small, "jahr/2021/")


def test_committee_page_jumps_to_each_year_newest_first(small: Path) -> None:
    html = text(small, "gremium/rat/")
    assert (
        '<nav class="ra-jump" aria-label="Jahre"><ul><li><a href="#jahr-2021">2021</a>'
        '<li><a href="#jahr-2020">2020</a></ul></nav>'
    ) in html
    assert html.index('<h2 id="jahr-2021">') < html.index('<h2 id="jahr-2020">')


def test_every_page_has_lang_de_header_search_and_stand(small: Path) -> None:
    for url in ("", "beschluss/ha-2020-017/", "gremium/", "thema/haushalt/", "suche/"):
        html = text(small, url)
        assert '<html lang="de"' in html
        assert re.search(r'<div class="ra-searchbar" role="search">\s*<form action="', html)
        assert 'for="ra-header-q"' in html
        assert "Stand: <time datetime=" in html


def test_stamped_pages_carry_none_of_materials_unused_elements(small: Path) -> None:
    for url in ("beschluss/ha-2020-017/", "thema/haushalt/"):
        html = text(small, url)
        for unused in (
            '<meta name="generator"',
            'data-md-component="skip"',
            'data-md-component="announce"',
            'data-md-component="dialog"',
        ):
            assert unused not in html, (url, unused)
        # The same configuration for Material's bundle, without spaces.
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)
        assert config is not None and " " not in config[1]
        values = json.loads(config[1])
        # Without the keys Material leaves empty and without the address of its search
        # worker, which the site does not ship.
        assert values == {
            "base": "../..",
            "features": ["navigation.tabs", "navigation.prune"],
            "translations": {},
        }


def test_the_light_dark_form_stands_once_in_a_cached_script(small: Path) -> None:
    # Not in the pages (1.3 KiB each): the script that Material's header includes writes it.
    for url in ("", "beschluss/ha-2020-017/", "thema/haushalt/"):
        html = text(small, url)
        assert "md-option" not in html and "__palette" not in html
        assert "assets/javascripts/ratsarchiv-md-palette.js" in html
    script = (small / "assets/javascripts/ratsarchiv-md-palette.js").read_text("utf-8")
    assert "{%" not in script and "{{" not in script, "rendered, not copied"
    form = json.loads(re.search(r'insertAdjacentHTML\("beforebegin", (".*?")\);', script)[1])
    assert form.count('class="md-option"') == 2
    assert 'aria-label="Dunkle Darstellung einschalten"' in form
    assert 'data-md-color-media="(prefers-color-scheme: dark)"' in form


@pytest.mark.browser
def test_the_light_dark_toggle_switches_and_is_remembered(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    resolution = next(iter(demo_catalog.by_id))
    page.emulate_media(color_scheme="light")
    page.goto(root_server.url(urls.resolution(resolution)))
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Dunkle Darstellung einschalten").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(root_server.url(urls.SEARCH))
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Helle Darstellung einschalten").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_nav_lists_sections_never_resolutions(small: Path) -> None:
    html = text(small, "gremium/")
    nav = html[html.index('class="md-tabs"') : html.index("</nav>", html.index('class="md-tabs"'))]
    for title in ("Startseite", "Gremien", "Jahre", "Themen", "Suche", "Statistik", "Daten"):
        assert title in nav
    # The legal pages form the nav's last section (besides the footer of every page).
    assert re.search(r'href="\.\./impressum/"[^>]*>\s*Rechtliches', nav)
    assert "beschluss/" not in nav


def test_the_404_page_speaks_german(subpath: Path) -> None:
    html = (subpath / "404.html").read_text(encoding="utf-8")
    assert "Not found" not in html
    assert "<h1>Seite nicht gefunden</h1>" in html
    # Shown at any depth, so its links start at the site's own root path.
    assert '<a href="/ratsarchiv/suche/">Beschlüsse durchsuchen</a>' in html
    assert '<a href="/ratsarchiv/">Zur Startseite des Archivs</a>' in html


def test_small_site_links_resolve(small: Path) -> None:
    assert check_links(small, "https://archiv.teststadt.test/") == []


def test_site_under_a_subpath_has_no_broken_links(subpath: Path) -> None:
    assert check_links(subpath, "https://example.org/ratsarchiv/") == []
    html = text(subpath, "beschluss/ha-2020-017/")
    assert 'href="https://example.org/ratsarchiv/beschluss/ha-2020-017/"' in html
