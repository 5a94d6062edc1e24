"""The search as a reader uses it: Chromium, the demo archive built by ``ratsarchiv build``,
Pagefind, served over HTTP on localhost.

Expectations come from the demo content (through the catalog), not from guesses. Every
test also checks, in the ``page`` fixture (tests/browser_support.py), that the pages asked
no other host for anything, logged no console error and caused no CSP violation.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.archive.model import Resolution
from generator.file_texts.extraction import extract_text
from generator.search.word_forms import linking
from tests.browser_support import CSP, SUBPATH, Server
from tests.sitecheck import pagefind_values

pytestmark = pytest.mark.browser

STATUS = ".ra-search__status"


PAGE_SIZE = 20
"""Hits the search page shows before "Weitere Treffer anzeigen"."""


def search(page: Page, server: Server, query: str) -> None:
    """Open the search page with ``query`` (a URL query string) and wait for the answer."""
    page.goto(server.url(f"{urls.SEARCH}?{query}"))
    settled(page)


def settled(page: Page) -> None:
    """Wait until the status names a count and the hits it announces are on the page
    (the status is written first, the hits after Pagefind loaded their fragments)."""
    expect(page.locator(STATUS)).not_to_be_empty()
    text = status(page)
    if text[0].isdigit():
        expect(page.locator(".ra-hit")).to_have_count(min(count(text), PAGE_SIZE))


def status(page: Page) -> str:
    return page.locator(STATUS).inner_text()


def hit_ids(page: Page) -> list[str]:
    """The resolution ids of the hits shown, in order (from the links, ``…/beschluss/<id>/``)."""
    hrefs = page.locator(".ra-hit__title a").evaluate_all("as => as.map(a => a.pathname)")
    return [href.rstrip("/").rsplit("/", 1)[1] for href in hrefs]


def hit_dates(page: Page) -> list[str]:
    return list(page.locator(".ra-hit time").evaluate_all("ts => ts.map(t => t.dateTime)"))


def count(text: str) -> int:
    match = re.match(r"(\d+) Treffer", text)
    assert match, text
    return int(match.group(1))


def mentions(resolution: Resolution, word: str) -> bool:
    """Whether ``word`` occurs as a word of its own (not inside a compound)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    texts = (resolution.title, resolution.text, resolution.discussion)
    return any(pattern.search(text) for text in texts)


def test_a_query_finds_the_resolution_with_metadata_and_a_highlighted_excerpt(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    search(page, root_server, "q=Homeoffice")
    # The IT budget writes "HomeOffice-Lösungen", the report "Homeoffice": both are found.
    assert {"ha-2020-017", "ha-2021-008"} <= set(hit_ids(page))
    # Every hit contains the word or one of its synonyms (content/synonyms.yml: "mobiles
    # Arbeiten", "Telearbeit"; Pagefind matches their stems): no shard adds loose prefix
    # matches ("H." for it).
    # The text of PDF attachments is searched too.
    for resolution_id in hit_ids(page):
        resolution = demo_catalog.by_id[resolution_id]
        files = [extract_text(a.file).text for a in resolution.attachments if a.file]
        texts = " ".join((resolution.title, resolution.text, resolution.discussion, *files))
        assert any(w in texts.lower() for w in ("homeoffice", "mobil", "telearbeit")), resolution_id
    assert count(status(page)) == len(hit_ids(page))
    assert status(page).endswith("für „Homeoffice“")
    it_budget = demo_catalog.by_id["ha-2020-017"]
    hit = page.locator(".ra-hit", has=page.locator('a[href$="/beschluss/ha-2020-017/"]'))
    expect(hit.locator(".ra-hit__committee")).to_have_text(
        demo_catalog.committees[it_budget.committee].name
    )
    expect(hit.locator("time")).to_have_text(it_budget.date.strftime("%d.%m.%Y"))
    expect(hit.locator("time")).to_have_attribute("datetime", it_budget.date.isoformat())
    expect(hit.locator(".ra-hit__reference")).to_have_text(f"Drucksache {it_budget.reference}")
    expect(hit.locator(".ra-badge")).to_have_text(labels.RESULT[it_budget.result])
    expect(hit.locator(".ra-hit__excerpt mark").first).to_have_text(
        re.compile("homeoffice", re.IGNORECASE)
    )
    hit.locator(".ra-hit__title a").click()
    expect(page).to_have_url(root_server.url(urls.resolution("ha-2020-017")))
    expect(page.locator("h1")).to_have_text(it_budget.title)


def test_the_header_field_on_every_page_leads_to_the_search(
    page: Page, root_server: Server
) -> None:
    page.goto(root_server.url(urls.resolution("ha-2020-017")))
    page.get_by_label("Beschlüsse durchsuchen").fill("Homeoffice")
    page.get_by_label("Beschlüsse durchsuchen").press("Enter")
    expect(page).to_have_url(root_server.url(f"{urls.SEARCH}?q=Homeoffice"))
    expect(page.locator(STATUS)).to_contain_text("Treffer für „Homeoffice“")
    settled(page)
    assert "ha-2020-017" in hit_ids(page)


def test_a_stemmed_form_finds_the_resolution(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    budget_2021 = demo_catalog.by_id["rat-2020-052"]
    assert mentions(budget_2021, "Haushaltssatzung")
    assert not mentions(budget_2021, "Haushaltssatzungen")
    search(page, root_server, "q=Haushaltssatzungen")
    assert "rat-2020-052" in hit_ids(page)


def test_a_compound_part_finds_the_compound(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    budget_2021 = demo_catalog.by_id["rat-2020-052"]
    # Only the compound "Haushaltssatzung" is in it, never the word "Satzung" on its own.
    assert not mentions(budget_2021, "Satzung")
    search(page, root_server, "q=Satzung")
    assert "rat-2020-052" in hit_ids(page)


def test_a_reference_number_is_found_as_typed(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    reference = "2020/0123"
    expected = {r.id for r in demo_catalog.resolutions if r.reference == reference}
    assert "ha-2020-017" in expected
    # Across all shards: those without the reference must not add Pagefind's prefix
    # fallback ("20" for "2020/0123"); the vocabulary record in each shard prevents it.
    search(page, root_server, "q=2020%2F0123")
    found = hit_ids(page)
    assert expected <= set(found)
    for resolution_id in found:
        resolution = demo_catalog.by_id[resolution_id]
        assert resolution.reference == reference or reference in resolution.text
    expect(page.locator(".ra-hit__reference").first).to_have_text(f"Drucksache {reference}")


def test_no_hits_says_so_and_leaves_no_empty_list(page: Page, root_server: Server) -> None:
    search(page, root_server, "q=Quastenflosser")
    assert status(page).startswith("Keine Treffer für „Quastenflosser“")
    assert page.locator(".ra-search ol, .ra-search ul").count() == 0


def test_a_committee_filter_narrows_the_count_and_goes_into_the_url(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    committee = demo_catalog.committees["finanzausschuss"].name
    search(page, root_server, "q=Satzung")
    everything = hit_ids(page)
    assert count(status(page)) == len(everything)  # all on the first page, none hidden
    in_committee = [
        resolution_id
        for resolution_id in everything
        if demo_catalog.by_id[resolution_id].committee == "finanzausschuss"
    ]
    assert 0 < len(in_committee) < len(everything)

    page.get_by_label("Gremium").select_option(committee)
    expect(page.locator(STATUS)).to_have_text(f"{len(in_committee)} Treffer für „Satzung“")
    settled(page)
    assert sorted(hit_ids(page)) == sorted(in_committee)
    expect(page.locator(".ra-hit__committee")).to_have_text([committee] * len(in_committee))
    assert parse_qs(urlsplit(page.url).query) == {"q": ["Satzung"], "gremium": [committee]}


def test_a_committee_filter_alone_lists_all_its_resolutions(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    committee = demo_catalog.committees["finanzausschuss"]
    expected = demo_catalog.by_committee["finanzausschuss"]
    search(page, root_server, "gremium=" + committee.name)
    expect(page.locator(STATUS)).to_have_text(f"{len(expected)} Treffer")
    # The filter's choice names the same count, straight from the index.
    option = page.locator("#ra-filter-gremium option", has_text=committee.name)
    expect(option).to_have_text(f"{committee.name} ({len(expected)})")
    settled(page)
    shown = hit_ids(page)
    assert len(shown) == min(len(expected), PAGE_SIZE)
    assert set(shown) <= {r.id for r in expected}


def test_date_sort_orders_results_by_date(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    search(page, root_server, "q=Haushalt&sort=neu")
    newest_first = hit_dates(page)
    assert len(newest_first) > 5
    assert newest_first == sorted(newest_first, reverse=True)
    assert newest_first == [demo_catalog.by_id[i].date.isoformat() for i in hit_ids(page)]
    page.get_by_label("Sortierung").select_option(label="älteste zuerst")
    expect(page).to_have_url(re.compile(r"sort=alt"))
    expect(page.locator(".ra-hit time").first).not_to_have_attribute("datetime", newest_first[0])
    settled(page)
    oldest_first = hit_dates(page)
    assert oldest_first == sorted(oldest_first)
    assert oldest_first[0] <= newest_first[-1]


def test_the_url_round_trips_query_filters_and_sort(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    committee = demo_catalog.committees["finanzausschuss"].name
    search(page, root_server, f"q=haushalt&gremium={committee}&jahr=2021&sort=alt")
    expect(page.get_by_label("Suchbegriff")).to_have_value("haushalt")
    expect(page.get_by_label("Gremium")).to_have_value(committee)
    expect(page.get_by_label("Jahr")).to_have_value("2021")
    expect(page.get_by_label("Sortierung")).to_have_value("alt")
    found = [demo_catalog.by_id[i] for i in hit_ids(page)]
    assert found
    assert {(r.committee, r.date.year) for r in found} == {("finanzausschuss", 2021)}
    assert hit_dates(page) == sorted(hit_dates(page))
    # Typing a new query keeps the other choices and rewrites the URL for sharing.
    page.get_by_label("Gremium").select_option("")
    page.get_by_label("Suchbegriff").fill("Satzung")
    page.get_by_label("Suchbegriff").press("Enter")
    expect(page).to_have_url(root_server.url(f"{urls.SEARCH}?q=Satzung&jahr=2021&sort=alt"))
    expect(page.locator(STATUS)).to_contain_text("für „Satzung“")
    settled(page)
    shared = hit_ids(page)
    page.reload()
    expect(page.get_by_label("Suchbegriff")).to_have_value("Satzung")
    expect(page.get_by_label("Jahr")).to_have_value("2021")
    expect(page.get_by_label("Gremium")).to_have_value("")
    expect(page.locator(STATUS)).to_contain_text("für „Satzung“")
    settled(page)
    assert hit_ids(page) == shared


def test_the_search_works_by_keyboard(page: Page, root_server: Server) -> None:
    page.goto(root_server.url(urls.SEARCH))
    expect(page.locator(".ra-search__nojs")).to_be_hidden()
    page.get_by_label("Suchbegriff").focus()
    page.keyboard.type("Homeoffice")
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_contain_text("Treffer für „Homeoffice“")
    page.keyboard.press("Tab")  # the submit button
    page.keyboard.press("Tab")  # the first filter
    assert page.evaluate("document.activeElement.id") == "ra-filter-gremium"


def test_the_search_works_under_a_subpath(
    page: Page, subpath_server: Server, demo_catalog: Catalog
) -> None:
    assert subpath_server.base.endswith(SUBPATH)
    page.goto(subpath_server.url(urls.resolution("ha-2021-008")))
    page.get_by_label("Beschlüsse durchsuchen").fill("Homeoffice")
    page.get_by_label("Beschlüsse durchsuchen").press("Enter")
    expect(page).to_have_url(subpath_server.url(f"{urls.SEARCH}?q=Homeoffice"))
    expect(page.locator(STATUS)).to_contain_text("Treffer für „Homeoffice“")
    page.get_by_label("Gremium").select_option("Hauptausschuss")
    expect(page).to_have_url(re.compile(r"gremium=Hauptausschuss"))
    link = page.locator('.ra-hit__title a[href$="/beschluss/ha-2020-017/"]')
    expect(link).to_have_attribute("href", f"{SUBPATH}{urls.resolution('ha-2020-017')}")
    link.click()
    expect(page.locator("h1")).to_have_text(demo_catalog.by_id["ha-2020-017"].title)


def test_the_search_works_under_a_strict_csp(page: Page, csp_server: Server) -> None:
    response = page.goto(csp_server.url(f"{urls.SEARCH}?q=Satzung&gremium=Finanzausschuss"))
    assert response is not None
    assert response.headers["content-security-policy"] == CSP
    settled(page)
    assert "fa-2020-011" in hit_ids(page)
    # The page fixture fails the test on any securitypolicyviolation event.


def test_without_javascript_the_page_says_why(browser: Browser, root_server: Server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(root_server.url(urls.SEARCH))
        expect(page.locator(".ra-search__nojs")).to_contain_text("braucht JavaScript")
        expect(page.locator(".ra-search__nojs a")).to_have_count(3)
    finally:
        context.close()


# --- The index in shards of years, merged in the browser ----------------------------------


def test_the_demo_site_is_searched_in_several_shards(demo_site: Path) -> None:
    bundles = sorted(p.parent.name for p in demo_site.glob("pagefind/**/pagefind-entry.json"))
    assert bundles == ["pagefind", "teil-2", "teil-3"]
    page = (demo_site / urls.SEARCH / "index.html").read_text(encoding="utf-8")
    assert 'data-indexes="pagefind/teil-2/ pagefind/teil-3/"' in page


def test_a_query_finds_hits_from_every_shard(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    expected = {r.id for r in demo_catalog.resolutions if mentions(r, "Haushalt")}
    years = {demo_catalog.by_id[i].date.year for i in expected}
    assert {2020, 2021} <= years and years & {2022, 2023}, "the word must span all shards"
    page.goto(root_server.url(f"{urls.SEARCH}?q=Haushalt"))
    settled(page)
    while page.locator(".ra-search__more").is_visible():
        before = page.locator(".ra-hit").count()
        page.locator(".ra-search__more button").click()
        expect(page.locator(".ra-hit")).not_to_have_count(before)
    found = set(hit_ids(page))
    assert count(status(page)) == len(found)
    assert expected <= found
    assert {demo_catalog.by_id[i].date.year for i in found} == years


@pytest.mark.parametrize(("sort", "newest_first"), [("neu", True), ("alt", False)])
def test_date_sort_is_strict_across_shards(
    page: Page, root_server: Server, demo_catalog: Catalog, sort: str, newest_first: bool
) -> None:
    # A committee alone lists all its resolutions, over every year: more than one page.
    committee = demo_catalog.committees["hauptausschuss"]
    expected = demo_catalog.by_committee["hauptausschuss"]
    assert len({r.date.year for r in expected}) >= 3
    search(page, root_server, f"gremium={committee.name}&sort={sort}")
    expect(page.locator(STATUS)).to_have_text(f"{len(expected)} Treffer")
    while page.locator(".ra-search__more").is_visible():
        before = page.locator(".ra-hit").count()
        page.locator(".ra-search__more button").click()
        expect(page.locator(".ra-hit")).not_to_have_count(before)
    dates = page.locator(".ra-hit").evaluate_all("items => items.map(i => i.dataset.date)")
    assert len(dates) == len(expected)
    assert dates == sorted(dates, reverse=newest_first)
    assert sorted(hit_ids(page)) == sorted(r.id for r in expected)


def test_the_filter_counts_in_the_page_match_the_content(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    page.goto(root_server.url(urls.SEARCH))
    per_year = Counter(str(r.date.year) for r in demo_catalog.resolutions)
    years = page.locator("#ra-filter-jahr option").all_inner_texts()
    assert years == ["alle", *(f"{y} ({n})" for y, n in sorted(per_year.items(), reverse=True))]
    topic = "Haushalt"
    with_topic = sum(topic in r.topics for r in demo_catalog.resolutions)
    option = page.locator("#ra-filter-thema option", has_text=re.compile(rf"^{topic} \("))
    expect(option).to_have_text(f"{topic} ({with_topic})")
    # The index agrees: the filter alone finds exactly as many.
    page.get_by_label("Thema").select_option(topic)
    expect(page.locator(STATUS)).to_have_text(f"{with_topic} Treffer")


def test_a_query_loads_no_filter_choices(page: Page, root_server: Server) -> None:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    search(page, root_server, "q=Haushalt")
    # The choices come with the page; a query loads per bundle only the one-value filter
    # that excludes its vocabulary record, not the five filters with all their values.
    filter_files = [url for url in loaded if url.endswith(".pf_filter")]
    bundles = {url.rsplit("/filter/", 1)[0] for url in filter_files}
    assert len(filter_files) == len(bundles)
    assert any("/pagefind/teil-3/" in url for url in loaded)


# --- Finding what people type (issue 13) ------------------------------------------------


def note(page: Page) -> str:
    return page.locator(".ra-search__note").inner_text()


def test_a_synonym_finds_the_official_term_and_says_so(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    parents_fees = demo_catalog.by_id["ha-2020-016"]
    assert not mentions(parents_fees, "Kita") and mentions(parents_fees, "Kindertagesbetreuung")
    search(page, root_server, "q=Kita")
    assert {"rat-2021-029", "ha-2020-016", "rat-2020-030"} <= set(hit_ids(page)[:5])
    expect(page.locator(".ra-search__note")).to_contain_text(
        "auch gesucht: Kindertageseinrichtung, Kindertagesstätte"
    )
    # The excerpt shows the sentence with the synonym, highlighted.
    hit = page.locator(".ra-hit", has=page.locator('a[href$="/beschluss/ha-2020-016/"]'))
    expect(hit.locator(".ra-hit__excerpt mark").first).to_have_text(re.compile("^Kinder"))


# --- Everyday words nobody listed: the thesaurus (issue 23) ----------------------------


def via(page: Page, resolution_id: str) -> str:
    hit = page.locator(".ra-hit", has=page.locator(f'a[href$="/beschluss/{resolution_id}/"]'))
    return hit.locator(".ra-hit__via").inner_text() if hit.locator(".ra-hit__via").count() else ""


def test_an_everyday_word_nobody_listed_finds_the_official_term_and_says_so(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # "Beerdigung" is in no record and not in content/synonyms.yml; the thesaurus pairs it
    # with "Bestattung", which the cemetery statutes use.
    funerals = {"rat-2020-004", "rat-2021-013", "rat-2022-034"}
    assert not any(mentions(r, "Beerdigung") for r in demo_catalog.resolutions)
    assert not any("beerdigung" in t.lower() for g in demo_catalog.archive.synonyms for t in g)
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    search(page, root_server, "q=Beerdigung")
    assert funerals <= set(hit_ids(page)[:5])
    assert re.fullmatch(r"Treffer über „Bestattung\w*“", via(page, "rat-2020-004"))
    # Only the file of the word's first letters is loaded, not the whole map.
    assert [url.rsplit("/", 1)[1] for url in loaded if "/suche/synonyme/" in url] == ["be.json"]


def test_a_compound_of_an_everyday_word_is_found_through_its_part(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    assert not any(mentions(r, "Kindergartenplätze") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Kindergartenplätze")
    assert "rat-2021-029" in hit_ids(page)[:5]
    assert via(page, "rat-2021-029").startswith("Treffer über „")


def test_an_inflected_everyday_word_is_found(page: Page, root_server: Server) -> None:
    search(page, root_server, "q=Laptops")
    assert "rat-2020-031" in hit_ids(page)[:5]
    assert via(page, "rat-2020-031") == "Treffer über „Notebooks“"


def test_a_plural_with_an_umlaut_finds_the_singulars_synonyms(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # The shipped list has "Freibad"; a reader types the plural. The energy saving
    # resolution lowers the water temperature in the "Hallenbädern".
    assert not any(mentions(r, "Freibäder") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Freibäder")
    assert "rat-2022-035" in hit_ids(page)[:5]
    assert via(page, "rat-2022-035").startswith("Treffer über „")


def test_a_compound_whose_kept_part_the_archive_lacks_finds_the_archive_compound(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # "Weihnachts|licht": the archive has no "Weihnacht" on its own, but "Licht" leads to
    # "Beleuchtung", and "Weihnachtsbeleuchtung" is the archive's word.
    assert not any(mentions(r, "Weihnachtslicht") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Weihnachtslicht")
    assert "rat-2022-035" in hit_ids(page)[:5]
    assert via(page, "rat-2022-035") == "Treffer über „Weihnachtsbeleuchtung“"


def test_a_compound_no_page_has_finds_the_pages_with_both_its_words(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # No page says "Gebührenerhöhung"; the waste fee statute for 2021 has "Gebühren" and
    # "Erhöhung". A look-alike correction would find something else.
    assert not any(mentions(r, "Gebührenerhöhung") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Gebührenerhöhung")
    assert "rat-2020-053" in hit_ids(page)[:5]
    assert "stattdessen" not in note(page)


def test_a_compound_no_page_has_finds_the_archive_compounds_with_its_head(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # No page says "Einsatzfahrzeug" and no synonym list has it; its head "Fahrzeug" ends
    # the archive's "Hilfeleistungslöschgruppenfahrzeugs", a vehicle of the same kind. A
    # look-alike correction would find something else.
    assert not any(mentions(r, "Einsatzfahrzeug") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Einsatzfahrzeug")
    assert "fa-2023-003" in hit_ids(page)[:5]
    assert via(page, "fa-2023-003") == "Treffer über „Hilfeleistungslöschgruppenfahrzeugs“"
    assert "stattdessen" not in note(page)


def test_a_page_with_the_word_as_typed_ranks_above_one_found_through_a_synonym(
    page: Page, root_server: Server
) -> None:
    search(page, root_server, "q=Kita")
    ids = hit_ids(page)
    notes = [via(page, resolution_id) for resolution_id in ids]
    # The first hit has "Kita" itself; hits through synonyms follow and say so.
    assert notes[0] == ""
    assert any(n.startswith("Treffer über „Kindertages") for n in notes)


def test_a_word_the_archive_has_often_loads_one_synonym_file_and_no_vocabulary(
    page: Page, root_server: Server
) -> None:
    # The file of its first letters says whether the archive has the word at all (a word
    # it lacks is searched through its archive words alone); nothing else loads.
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    search(page, root_server, "q=Haushalt")
    assert [url.rsplit("/", 1)[1] for url in loaded if "/suche/synonyme/" in url] == ["ha.json"]
    assert not any(url.endswith("wortschatz.txt") for url in loaded)


def test_a_word_no_record_has_is_searched_through_its_archive_words_alone(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # No word of the demo archive contains "bürgersteig"; the map leads it to the archive's
    # words for footways. Neither the vocabulary nor the index for the word is needed.
    assert not any(mentions(r, "Bürgersteig") for r in demo_catalog.resolutions)
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    search(page, root_server, "q=B%C3%BCrgersteig")
    assert hit_ids(page)
    assert via(page, hit_ids(page)[0]).startswith("Treffer über „")
    assert not any(url.endswith("wortschatz.txt") for url in loaded)


def test_a_hyphenated_word_is_searched_through_its_parts_synonyms(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # No record writes "Beerdigung"; its synonym "Bestattung" with the kept part "Kosten"
    # finds the cemetery fee statutes.
    funerals = {"rat-2020-004", "rat-2021-013", "rat-2022-034"}
    assert not any(mentions(r, "Beerdigung") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Beerdigungs-Kosten")
    assert funerals & set(hit_ids(page)[:5])
    first = next(i for i in hit_ids(page) if i in funerals)
    assert via(page, first).startswith("Treffer über „")


def test_a_part_of_a_compound_no_page_has_is_replaced_by_its_synonym(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # No page says "Hauptschulschließung"; the school plan decides the "Auflösung der
    # Hauptschule". "Schließungen" is an archive word (of the Corona closures), so its
    # thesaurus synonym applies only inside the compound typed.
    assert not any(mentions(r, "Hauptschulschließung") for r in demo_catalog.resolutions)
    assert any(mentions(r, "Schließungen") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Hauptschulschlie%C3%9Fung")
    assert "sa-2021-008" in hit_ids(page)[:5]
    assert "Auflösung" in via(page, "sa-2021-008")


def test_an_abbreviation_of_three_letters_is_searched_through_its_synonyms(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # OpenThesaurus: "PC (Abkürzung)" with "Rechner"; the archive buys
    # "Arbeitsplatzrechner". Too short to be corrected, not too short for synonyms.
    assert not any(mentions(r, "PCs") for r in demo_catalog.resolutions)
    search(page, root_server, "q=PCs")
    assert "ha-2021-010" in hit_ids(page)[:5]
    assert via(page, "ha-2021-010") == "Treffer über „Arbeitsplatzrechner“"


def test_a_word_of_the_map_inside_a_compound_needs_no_vocabulary(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # "Ausrüstung" stands alone nowhere, only in "Schutzausrüstung"; the synonym file
    # names that compound, so the vocabulary does not load.
    assert not any(mentions(r, "Ausrüstung") for r in demo_catalog.resolutions)
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    search(page, root_server, "q=Ausr%C3%BCstung")
    assert "rat-2020-033" in hit_ids(page)[:5]
    assert not any(url.endswith("wortschatz.txt") for url in loaded)


def test_a_phrase_of_the_thesaurus_is_one_unit(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # OpenThesaurus: "amtliche Mitteilung" with "Bekanntmachung", which the cemetery
    # statute of 2021 has; typed as two words, the phrase is looked up as one.
    assert not any(mentions(r, "amtliche Mitteilung") for r in demo_catalog.resolutions)
    search(page, root_server, "q=amtliche+Mitteilung")
    assert "rat-2021-013" in hit_ids(page)[:5]
    assert via(page, "rat-2021-013").startswith("Treffer über „Bekanntmachung")


def test_a_phrase_synonym_is_one_unit(page: Page, root_server: Server) -> None:
    search(page, root_server, "q=Bus+und+Bahn")
    assert {"rat-2021-014", "soz-2021-007"} <= set(hit_ids(page)[:5])
    expect(page.locator(".ra-search__note")).to_contain_text("auch gesucht: ÖPNV, Nahverkehr")


def test_a_typo_is_searched_as_the_nearest_word_of_the_archive(
    page: Page, root_server: Server
) -> None:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    search(page, root_server, "q=Bebaungsplan")
    expect(page.locator(".ra-search__note")).to_have_text(
        "Keine Treffer für „Bebaungsplan“; gesucht wurde stattdessen „Bebauungsplan“."
    )
    assert {"spu-2020-014", "spu-2021-015", "rat-2022-011"} <= set(hit_ids(page)[:5])
    assert sum(url.endswith("/suche/wortschatz.txt") for url in loaded) == 1


def test_the_vocabulary_loads_once_and_only_for_a_word_without_hits(
    page: Page, root_server: Server
) -> None:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    search(page, root_server, "q=Haushalt")
    assert not any(url.endswith("wortschatz.txt") for url in loaded)
    # Typed letter by letter: however many searches run, the vocabulary loads once.
    field = page.get_by_label("Suchbegriff")
    field.fill("")
    field.press_sequentially("Gewerbesteur", delay=40)
    field.press("Enter")
    expect(page.locator(".ra-search__note")).to_contain_text("„Gewerbesteuer“")
    settled(page)
    assert "fa-2021-005" in hit_ids(page)[:5]
    field.fill("Klimaschutzkonzpt")
    field.press("Enter")
    expect(page.locator(".ra-search__note")).to_contain_text("„Klimaschutzkonzept“")
    assert sum(url.endswith("wortschatz.txt") for url in loaded) == 1


def test_a_word_of_a_compound_finds_the_compound_through_the_vocabulary(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # "Wache" stands alone nowhere, only in "Rettungswache" and "Feuerwache".
    assert not any(mentions(r, "Wache") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Wache")
    assert {"rat-2021-028", "fa-2023-003"} <= set(hit_ids(page)[:5])
    hit = page.locator(".ra-hit", has=page.locator('a[href$="/beschluss/rat-2021-028/"]'))
    expect(hit.locator(".ra-hit__excerpt mark").first).to_have_text(re.compile("wache$"))


@pytest.mark.parametrize(
    "query",
    ["Drucksache 2023/0089", "2023/0089", "2023/89", "89/2023", "DS 2023/89", "Vorlage 0089/2023"],
)
def test_a_reference_number_in_any_form_finds_its_resolution_first(
    page: Page, root_server: Server, query: str
) -> None:
    page.goto(root_server.url(urls.SEARCH))
    page.get_by_label("Suchbegriff").fill(query)
    page.get_by_label("Suchbegriff").press("Enter")
    expect(page.locator(STATUS)).to_contain_text(f"für „{query}“")
    settled(page)
    assert hit_ids(page)[0] == "rat-2023-009"
    expect(page.locator(".ra-hit__reference").first).to_have_text("Drucksache 2023/0089")


def test_an_exact_reference_match_ranks_above_a_mention_in_the_text(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    reference = "2020/0388"
    exact = {r.id for r in demo_catalog.resolutions if r.reference == reference}
    mentioning = {
        r.id for r in demo_catalog.resolutions if r.reference != reference and reference in r.text
    }
    assert len(exact) == 2
    search(page, root_server, "q=Drucksache+388%2F2020")
    found = hit_ids(page)
    assert set(found[:2]) == exact
    assert set(found[2:]) <= mentioning


@pytest.mark.parametrize("query", ["Home Office", "Home-Office", "Homeoffice", "homeoffice"])
def test_a_compound_written_apart_hyphenated_or_together_is_found(
    page: Page, root_server: Server, query: str
) -> None:
    page.goto(root_server.url(urls.SEARCH))
    page.get_by_label("Suchbegriff").fill(query)
    page.get_by_label("Suchbegriff").press("Enter")
    expect(page.locator(STATUS)).to_contain_text(f"für „{query}“")
    settled(page)
    # Both resolutions with the word come first, beside at most one whose title names a
    # synonym's stem ("mobiler Arbeitsplatzrechner" for "mobiles Arbeiten"; a known quirk).
    assert {"ha-2021-008", "ha-2020-017"} <= set(hit_ids(page)[:3])


def test_pages_with_all_words_rank_above_pages_with_some(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    def has(resolution: Resolution, word: str) -> bool:
        texts = (resolution.title, resolution.text, resolution.discussion)
        return any(word in text.lower() for text in texts)

    search(page, root_server, "q=Fahrradstraße+Sozialticket")
    found = [demo_catalog.by_id[i] for i in hit_ids(page)]
    both = [has(r, "fahrradstraße") and has(r, "sozialticket") for r in found]
    one = [has(r, "fahrradstraße") != has(r, "sozialticket") for r in found]
    assert any(one), "the query must also find pages with one of the words"
    assert both == sorted(both, reverse=True), "a page with both words ranks first"
    search(page, root_server, "q=Fahrradstraße+Nordring+Erfahrungen")
    assert hit_ids(page)[0] == "bvn-2022-006"


def _keywords(site: Path, resolution_id: str) -> list[str]:
    # Pagefind's own copy of the page in the build folder: the published page carries no
    # search data.
    search_input = site.parent / ".build" / "search"
    (indexed,) = search_input.glob(f"*/{urls.resolution(resolution_id)}index.html")
    html = indexed.read_text(encoding="utf-8")
    return dict(pagefind_values(html, "meta")).get("keywords", "").split()


EXCERPT_QUERIES = (
    "Haushalt", "Satzung", "Haushaltssatzung", "Plan", "Bebauungsplan", "Kita", "Wache",
    "Schule", "Corona", "Feuerwehr", "Bedarfsplan", "Konzept", "Ticket", "Verkehr", "Gebühren",
    "Abfall", "Klimaschutz", "Energie", "Homeoffice", "Radverkehr", "Friedhof", "Partnerschaft",
    "Grundschule", "Beteiligung", "Sanierung", "Wärmeplanung", "Ukraine", "Digitalisierung",
    "2021/0097", "Gewerbesteur",
)  # fmt: skip


def test_no_excerpt_shows_hidden_keywords(page: Page, root_server: Server, demo_site: Path) -> None:
    checked = 0
    for query in EXCERPT_QUERIES:
        search(page, root_server, f"q={query}")
        for hit in page.locator(".ra-hit").all():
            href = hit.locator(".ra-hit__title a").get_attribute("href") or ""
            resolution_id = href.rstrip("/").rsplit("/", 1)[1]
            keywords = _keywords(demo_site, resolution_id)
            excerpt = hit.locator(".ra-hit__excerpt").inner_text().lower()
            runs = [" ".join(keywords[at : at + 3]) for at in range(len(keywords) - 2)]
            assert not any(run in excerpt for run in runs), (query, resolution_id, excerpt)
            checked += 1
    assert checked > 100


def test_the_excerpt_is_the_matching_sentence_not_the_page_start(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # "Satzung" occurs in the 2021 budget only inside "Haushaltssatzung".
    search(page, root_server, "q=Satzung")
    hit = page.locator(".ra-hit", has=page.locator('a[href$="/beschluss/rat-2020-052/"]'))
    excerpt = hit.locator(".ra-hit__excerpt")
    expect(excerpt.locator("mark").first).to_have_text(re.compile("satzung", re.IGNORECASE))
    text = excerpt.inner_text()
    assert text != demo_catalog.by_id["rat-2020-052"].title
    assert "Beschlusstext" not in text


def test_hidden_search_aids_are_not_visible_on_the_resolution_page(
    page: Page, root_server: Server, demo_site: Path
) -> None:
    keywords = _keywords(demo_site, "rat-2021-028")
    assert len(keywords) >= 3
    page.goto(root_server.url(urls.resolution("rat-2021-028")))
    visible = page.locator("article.ra-resolution").inner_text().lower()
    assert " ".join(keywords[:3]) not in visible


def test_a_hit_only_in_an_attachment_says_so(page: Page, root_server: Server) -> None:
    # The hook for text extracted from attachments (search_markup.file_text_markup): a
    # page's metadata holds the file text; the search page takes the excerpt from there.
    page.goto(root_server.url(urls.SEARCH))
    found = page.evaluate(
        """([content, fileText]) => window.RatsarchivQuery.bestExcerpt(
             { content, meta: { anlage_1: "Lageplan", anlage_text_1: fileText } }, ["rutsch"])""",
        [
            "Erneuerung des Spielplatzes. Beschlusstext. Die Bezirksvertretung beschließt.",
            "Maßstab 1:500. Die Rutsche wird ersetzt.",
        ],
    )
    assert found["file"] == "Lageplan"
    assert "".join(text for text, _ in found["pieces"]) == "Die Rutsche wird ersetzt."
    assert [text for text, marked in found["pieces"] if marked] == ["Rutsche"]
    # A hit in the page's own text wins over the attachment.
    in_text = page.evaluate(
        """() => window.RatsarchivQuery.bestExcerpt(
             { content: "Die Rutsche bleibt.", meta: { anlage_text_1: "Rutsche" } }, ["rutsch"])"""
    )
    assert "file" not in in_text


def test_a_word_no_source_pairs_is_searched_through_its_explanation(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # Wiktionary: "Aussegnungshalle: für Bestattungszeremonien bestimmtes Gebäude, das sich
    # oft auf einem Friedhof befindet". No list pairs it; the archive has no "…halle" of a
    # cemetery, but its cemetery statutes have "Friedhöfe": they come before the other
    # halls of the archive (compounds of the same head).
    assert not any("aussegnung" in r.text.lower() for r in demo_catalog.resolutions)
    search(page, root_server, "q=Aussegnungshalle")
    statutes = {"rat-2020-004", "rat-2021-013", "rat-2022-034"}
    first = hit_ids(page)[0]
    assert first in statutes
    assert via(page, first).startswith("Treffer über „Friedhöfe")


# --- Causes of misses that carry to unseen queries (benchmarks/search-misses.md) ---------


def test_a_synonym_inside_a_compound_the_index_cannot_split_is_found(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # The shipped list leads "Kneipe" to "Gastronomie"; the outdoor dining resolution says
    # only "Außengastronomie", which has no keyword "gastronomie" ("außen" is no word of
    # the archive): the map names the compound as well.
    outdoor = demo_catalog.by_id["rat-2020-032"]
    assert not mentions(outdoor, "Gastronomie") and not mentions(outdoor, "Kneipen")
    search(page, root_server, "q=Kneipen")
    assert "rat-2020-032" in hit_ids(page)[:5]
    assert via(page, "rat-2020-032") == "Treffer über „Außengastronomie“"


def test_a_compound_with_an_entry_of_its_own_is_found_through_its_head(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # "Biomüll" leads to "Bioabfälle"; the waste statute of 2021 says "Abfall…" only.
    statute = demo_catalog.by_id["rat-2020-053"]
    assert not mentions(statute, "Bioabfälle") and not mentions(statute, "Biomüll")
    search(page, root_server, "q=Biom%C3%BCll")
    assert "rat-2020-053" in hit_ids(page)[:5]


def test_a_word_no_page_has_is_not_joined_to_the_next_one(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # No page has "Hartz", so none has "hartziv" either: the joined word's loose matches
    # (budget pages) must not rank first as if they had both words. The first hits have
    # "IV" ("Dezernat IV") or "Hartz"'s archive word "Sozialgesetzbuch".
    assert not any(mentions(r, "Hartz") for r in demo_catalog.resolutions)
    search(page, root_server, "q=Hartz+IV")
    first = [demo_catalog.by_id[found] for found in hit_ids(page)[:5]]
    assert first
    for found in first:
        texts = (found.title, found.text, found.discussion)
        assert mentions(found, "IV") or any("Sozialgesetzbuch" in text for text in texts)


def test_a_word_no_page_has_does_not_outrank_the_word_pages_have(
    page: Page, root_server: Server, demo_catalog: Catalog
) -> None:
    # No page says "islamische"; nothing stands in for it. The cemetery statutes, which
    # have "Bestattung", come first, not the loose matches for "islamische".
    funerals = {"rat-2020-004", "rat-2021-013", "rat-2022-034"}
    assert not any(mentions(r, "islamische") for r in demo_catalog.resolutions)
    search(page, root_server, "q=islamische+Bestattung")
    assert funerals <= set(hit_ids(page)[:5])


EXPANSIONS = """async ([query, shards]) => {
  const hints = { synonymShards: Object.keys(shards) };
  const loaded = new Set();
  const load = async (name) => loaded.add(name) && shards[name];
  const found = await RatsarchivQuery.expansions(query, hints, load, true);
  const key = query.toLowerCase();
  const parts = (found.parts && found.parts.get(key)) || [];
  return { own: found.get(key) || [], parts, loaded: [...loaded].sort() };
}"""
"""``expansions`` of ratsarchiv-query.js for one word, over synonym files given as data:
the word's own entry, its parts' compounds and the files loaded."""


def test_a_replaced_modifier_is_joined_with_its_linking_element(
    page: Page, root_server: Server
) -> None:
    page.goto(root_server.url(urls.SEARCH))
    shards = {"in": {"info": ["information"]}, "ab": {}}
    found = page.evaluate(EXPANSIONS, ["Infoabende", shards])
    assert "informationsabende" in found["own"]
    assert "informationabende" not in found["own"]
    # The same rule as the synonym map's (search/word_forms.py).
    words = ["Information", "Sicherheit", "Gemeinschaft", "Info", "Abfall", "Schule", "Rat"]
    linked = page.evaluate("words => words.map(RatsarchivQuery.linking)", words)
    assert linked == [linking(word) for word in words]


def test_a_compound_with_an_entry_of_its_own_also_gets_its_parts_compounds(
    page: Page, root_server: Server
) -> None:
    # "Infoabende" has an entry of its own; its parts' entries make the archive's word
    # "Informationsabende", after the own entry's words.
    page.goto(root_server.url(urls.SEARCH))
    shards = {"in": {"infoabend": ["informationsveranstaltung"], "info": ["information"]}}
    found = page.evaluate(EXPANSIONS, ["Infoabende", {**shards, "ab": {}}])
    assert found["own"] == ["informationsveranstaltung"]
    assert found["parts"][0] == "informationsabende"
    # A short compound is not split ("Kneipen" is no "Kne|ipen"), nor one whose modifier
    # has no entry: no other file loads for it ("Beerdi|gung").
    shards = {"kn": {"kneip": ["gastronomie"], "kne": ["knie"]}, "ip": {"ipen": ["x"]}}
    found = page.evaluate(EXPANSIONS, ["Kneipen", shards])
    assert found == {"own": ["gastronomie"], "parts": [], "loaded": ["kn"]}
    shards = {"be": {"beerdigung": ["bestattung"]}, "gu": {"gung": ["x"]}}
    found = page.evaluate(EXPANSIONS, ["Beerdigung", shards])
    assert found == {"own": ["bestattung"], "parts": [], "loaded": ["be"]}
