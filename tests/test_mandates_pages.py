"""Mandates beyond the resolution page: the ``auftraege/`` page and the committee block
(overdue judged against the Stand date), the Atom feeds of status changes, the statistics,
the OParl extension property, the search filter and ``ratsarchiv new --auftrag``."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

import feedparser
import pytest

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.problems import Severity
from generator.cli import main
from generator.outputs import reuse_outputs
from generator.outputs.context import OutputContext
from generator.outputs.feeds import mandate_feeds
from generator.pages.committee import committee_page
from generator.pages.context import PageContext
from generator.pages.mandates import mandates_page
from generator.pages.search import filter_counts
from generator.reading.loading import load_archive
from generator.search.markup import search_markup
from tests.conftest import ContentTree, resolution_text
from tests.sitecheck import pagefind_values

DEMO = Path(__file__).resolve().parent.parent / "content"
HA = "resolutions/hauptausschuss/2020"

MANDATES = """\
mandates:
  - id: a1
    task: Die Verwaltung legt ein Konzept vor.
    responsible: Amt für Stadtentwicklung
    due: 2020-12-31
    history:
      - date: 2020-04-17
        status: open
      - date: 2020-11-02
        status: done
        note: Konzept vorgelegt
        by: ha-2020-002
  - id: a2
    task: Bericht über den Radverkehr.
    responsible: Tiefbauamt
    due: 2021-03-01
    history:
      - date: 2020-04-17
        status: open
  - id: a3
    task: Später fällig.
    responsible: Tiefbauamt
    due: 2022-01-01
    history:
      - date: 2020-04-17
        status: open
      - date: 2021-02-01
        status: in_progress
"""


@pytest.fixture
def catalog(content_tree: ContentTree, in_tmp: Path) -> Catalog:
    root = content_tree(
        {
            f"{HA}/2020-04-17-test.md": resolution_text(extra=MANDATES),
            f"{HA}/2020-11-02-report.md": resolution_text(
                id="ha-2020-002", date="2020-11-02", title="Bericht"
            ),
        }
    )
    loaded, problems = load_archive(root)
    assert [p.format() for p in problems if p.severity is Severity.ERROR] == []
    assert loaded is not None
    return loaded


def context(catalog: Catalog, today: datetime.date | None) -> PageContext:
    return PageContext(
        catalog=catalog,
        site_url="https://example.org/",
        content_prefix=PurePosixPath("content"),
        today=today,
    )


def rows(html: str) -> list[tuple[str, str]]:
    """(data-state, mandate anchor) of each table row, in order."""
    return re.findall(r'<tr data-state="([^"]+)".*?#auftrag-(\w+)"', html)


def test_the_page_lists_overdue_first_judged_by_the_stand(catalog: Catalog) -> None:
    text = mandates_page(context(catalog, datetime.date(2021, 6, 1))).content
    assert text is not None
    html = text.decode()
    # a2 is past its due date on the Stand; a3 is open but in time; a1 is done.
    assert rows(html) == [("open overdue", "a2"), ("in_progress", "a3"), ("done", "a1")]
    assert '<dd data-figure="overdue">1</dd>' in html
    assert '<option value="overdue">überfällig (1)</option>' in html
    assert '<option value="tiefbauamt">Tiefbauamt (2)</option>' in html
    assert "<strong>offen, überfällig</strong>" in html
    # The same content with an earlier Stand: nothing overdue, so the same page every build.
    earlier = mandates_page(context(catalog, datetime.date(2021, 2, 15))).content
    assert earlier is not None
    assert rows(earlier.decode()) == [("open", "a2"), ("in_progress", "a3"), ("done", "a1")]
    assert 'value="overdue"' not in earlier.decode()
    assert earlier == mandates_page(context(catalog, datetime.date(2021, 2, 15))).content


def test_past_the_list_limit_only_the_latest_closed_mandates_are_listed(
    catalog: Catalog,
) -> None:
    bounded = replace(context(catalog, datetime.date(2021, 6, 1)), list_limit=0)
    text = mandates_page(bounded).content
    assert text is not None
    html = text.decode()
    # Every open mandate stays (the filter needs them); the done one is in the CSV only.
    assert rows(html) == [("open overdue", "a2"), ("in_progress", "a3")]
    assert "alle 3 Aufträge mit ihrem Verlauf enthält" in html
    assert '<a href="../daten/auftraege.csv">' in html
    assert '<dd data-figure="done">1</dd>' in html
    assert 'value="done"' not in html


def test_the_page_names_its_feed_for_the_head_and_the_filter_script(catalog: Catalog) -> None:
    text = mandates_page(context(catalog, datetime.date(2021, 6, 1))).content
    assert text is not None
    front = text.decode().split("---\n")[1]
    assert f'ra_feed: "{urls.feed_mandates()}"' in front
    assert 'ra_feed_title: "Aufträge: Änderungen des Stands' in front
    assert 'src="../assets/javascripts/ratsarchiv-filter.js"' in text.decode()
    assert 'data-filter-words="Aufträgen"' in text.decode()


def test_an_archive_without_mandates_says_so(content_tree: ContentTree, in_tmp: Path) -> None:
    loaded, _ = load_archive(content_tree({f"{HA}/2020-04-17-test.md": resolution_text()}))
    assert loaded is not None
    text = mandates_page(context(loaded, datetime.date(2021, 6, 1))).content
    assert text is not None
    assert "Es sind noch keine Aufträge erfasst." in text.decode()
    assert "<table" not in text.decode()


def test_the_committee_page_shows_its_open_mandates_and_their_feed(catalog: Catalog) -> None:
    committee = catalog.committees["hauptausschuss"]
    fragment = committee_page(context(catalog, datetime.date(2021, 6, 1)), committee, [])
    assert '<h2 id="auftraege">Offene Aufträge</h2>' in fragment.content
    assert "Von 3 Aufträgen aus Beschlüssen dieses Gremiums sind 2 nicht erledigt, davon 1 " in (
        fragment.content
    )
    assert rows(fragment.content) == [("open overdue", "a2"), ("in_progress", "a3")]
    assert urls.feed_committee_mandates("hauptausschuss") in fragment.head
    assert 'rel="alternate feed"' in fragment.head


def test_a_committee_without_mandates_shows_no_block(catalog: Catalog) -> None:
    committee = catalog.committees["rat"]
    fragment = committee_page(context(catalog, datetime.date(2021, 6, 1)), committee, [])
    assert "Offene Aufträge" not in fragment.content
    assert "auftraege" not in fragment.head


STAND = OutputContext.create("https://example.org/", datetime.date(2021, 6, 1))


def parsed_feeds(catalog: Catalog) -> dict[str, feedparser.FeedParserDict]:
    result = {}
    for generated in mandate_feeds(catalog, STAND):
        assert generated.content is not None
        parsed = feedparser.parse(generated.content)
        assert not parsed.bozo, (generated.path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        result[generated.path] = parsed
    return result


def test_the_feed_has_an_entry_per_status_change_newest_first(catalog: Catalog) -> None:
    feeds = parsed_feeds(catalog)
    assert set(feeds) == {urls.feed_mandates(), urls.feed_committee_mandates("hauptausschuss")}
    feed = feeds[urls.feed_mandates()]
    assert [(e.updated[:10], e.title) for e in feed.entries] == [
        ("2021-02-01", "In Arbeit: Später fällig."),
        ("2020-11-02", "Erledigt: Die Verwaltung legt ein Konzept vor."),
        ("2020-04-17", "Offen: Die Verwaltung legt ein Konzept vor."),
        ("2020-04-17", "Offen: Bericht über den Radverkehr."),
        ("2020-04-17", "Offen: Später fällig."),
    ]
    assert len({e.id for e in feed.entries}) == 5
    assert feed.feed.updated == "2021-02-01T00:00:00Z"
    assert feed.feed.link == "https://example.org/auftraege/"
    done = feed.entries[1]
    assert done.link == "https://example.org/beschluss/ha-2020-001/#auftrag-a1"
    assert "Konzept vorgelegt" in done.summary
    assert "Bericht: „Bericht“" in done.summary
    related = [link.href for link in done.links if link.rel == "related"]
    assert related == ["https://example.org/beschluss/ha-2020-002/"]
    committee = feeds[urls.feed_committee_mandates("hauptausschuss")]
    assert committee.feed.link == "https://example.org/gremium/hauptausschuss/"
    assert [e.id for e in committee.entries] == [e.id for e in feed.entries]


def test_the_demo_feeds_are_valid_and_carry_every_status_entry() -> None:
    demo, _ = load_archive(DEMO)
    assert demo is not None
    feeds = parsed_feeds(demo)
    entries = [e for r in demo.resolutions for m in r.mandates for e in m.history]
    assert len(feeds[urls.feed_mandates()].entries) == min(len(entries), 50)
    for committee_id, resolutions in demo.by_committee.items():
        given = [e for r in resolutions for m in r.mandates for e in m.history]
        path = urls.feed_committee_mandates(committee_id)
        assert (path in feeds) == bool(given)
        if given:
            assert len(feeds[path].entries) == len(given)


def test_statistics_count_done_on_time_median_and_open_by_office(catalog: Catalog) -> None:
    files = reuse_outputs(catalog, updated=datetime.date(2021, 6, 1))
    page = next(f for f in files if f.path == urls.markdown_file(urls.STATISTICS))
    assert page.content is not None
    text = page.content.decode()
    assert "## Aufträge" in text
    # a1: done on 2020-11-02, 199 days after the resolution, before its due date.
    assert "<td>1 von 1 (100,0 %)</td>" in text
    assert '<tr><th scope="row">Tage bis zur Erledigung (Median)</th><td>199</td></tr>' in text
    assert '<tr><th scope="row">Tiefbauamt</th><td>2</td><td>1</td></tr>' in text
    assert '<tr><th scope="row">nicht erledigt, überfällig</th><td>1</td></tr>' in text
    assert text.count('role="img"') == 6


def test_oparl_agenda_items_carry_mandates_as_an_extension(catalog: Catalog) -> None:
    files = reuse_outputs(catalog, updated=datetime.date(2021, 6, 1), site_url="https://ex.org/")
    item = next(f for f in files if f.path == urls.oparl_agenda_item("ha-2020-001"))
    assert item.content is not None
    value = json.loads(item.content)
    mandates = value["ratsarchiv:mandates"]
    assert [m["id"] for m in mandates] == ["a1", "a2", "a3"]
    assert mandates[0]["history"][1] == {
        "date": "2020-11-02",
        "status": "done",
        "note": "Konzept vorgelegt",
        "by": "https://ex.org/" + urls.oparl_agenda_item("ha-2020-002"),
    }
    other = next(f for f in files if f.path == urls.oparl_agenda_item("ha-2020-002"))
    assert other.content is not None
    assert "ratsarchiv:mandates" not in json.loads(other.content)


def test_search_filters_by_the_states_of_the_mandates(catalog: Catalog) -> None:
    resolution = catalog.by_id["ha-2020-001"]
    markup = search_markup(resolution, catalog.committees["hauptausschuss"])
    states = [value for key, value in pagefind_values(markup, "filter") if key == "Auftrag"]
    assert states == ["offen", "in Arbeit", "erledigt"]
    assert filter_counts(catalog)["Auftrag"] == [("erledigt", 1), ("in Arbeit", 1), ("offen", 1)]


def test_new_with_auftrag_adds_a_commented_mandate(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree({})
    code = main(
        [
            "new",
            "rat",
            "--date",
            "2024-05-02",
            "--title",
            "Prüfauftrag",
            "--auftrag",
            "--content",
            str(root),
        ]
    )
    assert code == 0
    path = Path(capsys.readouterr().out.strip())
    text = path.read_text(encoding="utf-8")
    front = text.split("\n---\n")[0]
    assert "\n# mandates:\n#   - id: a1 " in front
    assert "#       - date: 2024-05-02\n" in front
    # Commented out, the file holds no mandate until the editor takes the '#' away.
    filled = front.replace("# Auftrag:", "#").replace('task: ""', 'task: "Prüfen."')
    filled = filled.replace('responsible: ""', 'responsible: "Hauptamt"')
    filled = filled.replace("due:   ", "due: 2024-12-31   ")
    before, block = filled.split("\n# mandates:\n")
    block = re.sub(r"^# ", "", block, flags=re.MULTILINE)
    filled = f"{before}\nmandates:\n{block}"
    filled = filled.replace("agenda_item:\n  number:", 'agenda_item:\n  number: "1"')
    filled = filled.replace("result:", "result: adopted", 1)
    path.write_text(filled + "\n---\nDer Rat beschließt.\n", encoding="utf-8")
    loaded, problems = load_archive(root)
    assert [p.format() for p in problems if p.severity is Severity.ERROR] == []
    assert loaded is not None
    (resolution,) = loaded.resolutions
    (mandate,) = resolution.mandates
    assert (mandate.task, mandate.responsible, mandate.report_to) == ("Prüfen.", "Hauptamt", "rat")
    assert mandate.due == datetime.date(2024, 12, 31)
    assert [entry.status.value for entry in mandate.history] == ["open"]
