"""Matter and faction pages on the demo archive, checked against the content files.

The faction figures are recounted here straight from the YAML of the content files,
without the generator's model or catalog, so that a mistake in either shows up.
"""

from __future__ import annotations

import datetime
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.reading.loading import load_archive
from tests.conftest import DEMO_CONTENT
from tests.markup import quoted_page
from tests.site_fixtures import build_site
from tests.sitecheck import read_html

FIGURE = re.compile(r'<dd data-figure="([a-z-]+)">([^<]*)<')


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    base = tmp_path_factory.mktemp("council")
    content = base / "content"
    shutil.copytree(DEMO_CONTENT, content)
    catalog, problems = load_archive(content)
    assert catalog is not None, [p.format() for p in problems]
    return build_site(base, content, search=False), catalog


def page(site: Path, url: str) -> str:
    return quoted_page(site / url / "index.html")


def front_matters() -> list[dict[str, object]]:
    documents = []
    for path in sorted((DEMO_CONTENT / "resolutions").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        documents.append(yaml.safe_load(text.split("---\n")[1]))
    return documents


def recount() -> dict[str, Counter[str]]:
    """Per faction short name: votes, with the majority (of those with known outcome), split."""
    short_to_id = {
        f["short_name"]: f["id"]
        for f in yaml.safe_load((DEMO_CONTENT / "factions.yml").read_text(encoding="utf-8"))[
            "factions"
        ]
    }
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for front in front_matters():
        vote = front.get("vote")
        for part in vote if isinstance(vote, list) else [vote] if vote else []:
            if not part.get("factions"):
                continue
            totals = [sum(f.get(k, 0) for f in part["factions"]) for k in ("for", "against")]
            yes = part.get("for", totals[0])
            no = part.get("against", totals[1])
            decided = "for" if part.get("unanimous") or yes > no else "against"
            for faction in part["factions"]:
                numbers = {k: faction.get(k, 0) for k in ("for", "against", "abstain")}
                ranked = sorted(numbers.values(), reverse=True)
                top = None if ranked[0] == ranked[1] else max(numbers, key=numbers.__getitem__)
                tally = counts[short_to_id[faction["name"]]]
                tally["votes"] += 1
                tally["with-majority"] += top == decided
                tally["split"] += sum(1 for n in numbers.values() if n) > 1
    return counts


def test_each_faction_page_shows_the_figures_counted_from_the_content_files(
    demo: tuple[Path, Catalog],
) -> None:
    site, catalog = demo
    expected = recount()
    assert set(expected) == set(catalog.faction_names)
    for key, tally in expected.items():
        shown = dict(FIGURE.findall(page(site, urls.faction(key))))
        assert shown["votes"] == str(tally["votes"]), key
        assert shown["with-majority"].startswith(f"{tally['with-majority']} von {tally['votes']} ")
        assert shown["split"] == str(tally["split"]), key


def test_every_matter_with_more_than_one_consultation_has_a_timeline(
    demo: tuple[Path, Catalog],
) -> None:
    site, catalog = demo
    references: dict[str, list[str]] = defaultdict(list)
    for front in front_matters():
        if front.get("reference"):
            references[str(front["reference"])].append(str(front["id"]))
    several = {ref: ids for ref, ids in references.items() if len(ids) > 1}
    assert several, "the demo archive should have matters with several consultations"
    for reference, ids in several.items():
        html = page(site, urls.matter(catalog.reference_slugs[reference]))
        steps = re.findall(r'<li class="ra-timeline__step" data-resolution="([^"]+)"', html)
        assert sorted(steps) == sorted(ids)
        assert [catalog.by_id[i].date for i in steps] == sorted(catalog.by_id[i].date for i in ids)
        for resolution_id in ids:
            card = page(site, urls.resolution(resolution_id))
            assert f'href="../../{urls.matter(catalog.reference_slugs[reference])}"' in card


def test_a_matter_with_a_single_consultation_has_no_page_but_a_redirect(
    demo: tuple[Path, Catalog],
) -> None:
    site, catalog = demo
    single = [ref for ref, found in catalog.by_reference.items() if len(found) == 1]
    assert single, "the demo archive should have matters consulted once"
    for reference in single:
        resolution = catalog.by_reference[reference][0]
        matter = site / urls.matter(catalog.reference_slugs[reference]) / "index.html"
        html = quoted_page(matter)
        target = f"../../{urls.resolution(resolution.id)}"
        assert f'<meta http-equiv="refresh" content="0; url={target}">' in html
        assert "ra-timeline" not in html
        assert "Beratungsfolge" not in page(site, urls.resolution(resolution.id))


def test_a_recommendation_and_the_decision_that_followed_link_each_other(
    demo: tuple[Path, Catalog],
) -> None:
    site, catalog = demo
    recommendation = catalog.by_id["fa-2020-011"]
    decision = catalog.by_id["rat-2020-052"]
    assert recommendation.reference == decision.reference
    assert "entschieden durch" in page(site, urls.resolution(recommendation.id))
    assert f'href="../../{urls.resolution(decision.id)}"' in page(
        site, urls.resolution(recommendation.id)
    )
    back = page(site, urls.resolution(decision.id))
    assert "empfohlen von" in back and f'href="../../{urls.resolution(recommendation.id)}"' in back
    timeline = page(site, urls.matter(catalog.reference_slugs[str(decision.reference)]))
    assert timeline.index("<strong>Empfehlung</strong>") < timeline.index(
        "<strong>Entscheidung</strong>"
    )


def test_faction_votes_csv_has_one_row_per_resolution_and_faction(
    demo: tuple[Path, Catalog],
) -> None:
    site, catalog = demo
    lines = (site / urls.faction_votes_csv()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("resolution_id,url,date,committee")
    assert len(lines) - 1 == sum(len(entries) for entries in catalog.by_faction.values())


def test_the_future_meeting_is_on_the_home_page_and_in_the_calendars_with_time_and_place(
    demo: tuple[Path, Catalog],
) -> None:
    site, _ = demo
    home = page(site, urls.HOME)
    assert "<h2>Nächste Sitzungen</h2>" in home
    section = home[home.index("Nächste Sitzungen") : home.index("Neueste Beschlüsse")]
    assert 'href="sitzung/rat/2027-03-18/"' in section
    assert "17:00 bis 21:00 Uhr · Ratssaal, Rathaus" in section
    assert 'href="sitzung/rat/2021-03-25/"' not in section, "past meetings are not upcoming"
    for calendar in (urls.calendar_all(), urls.calendar_committee("rat")):
        ics = (site / calendar).read_text(encoding="utf-8").replace("\r\n ", "")
        event = ics[ics.index("UID:sitzung-rat-2027-03-18@") :].split("END:VEVENT")[0]
        assert "DTSTART:20270318T160000Z" in event  # 17:00 in Berlin, winter time
        assert "DTEND:20270318T200000Z" in event
        assert "LOCATION:Ratssaal\\, Rathaus\\, Rathausplatz 1\\, 99999 Musterstadt" in event


def test_a_meeting_file_gives_the_full_agenda_and_the_neighbouring_meetings(
    demo: tuple[Path, Catalog],
) -> None:
    site, catalog = demo
    html = page(site, urls.meeting("rat", datetime.date(2021, 3, 25)))
    numbers = re.findall(r'<span class="ra-agenda__number">TOP ([^<]+)</span>', html)
    assert numbers == [str(n) for n in range(1, 11)]
    assert "Einwohnerfragestunde" in html  # an item without a resolution
    assert 'href="../../../beschluss/rat-2021-012/"' in html  # TOP 6, matched by number
    # The link names the resolution; no data-resolution beside it.
    assert "data-resolution" not in html and "rat-2021-012" in read_html(html).resolutions
    assert "17:00 bis 21:15 Uhr" in html
    assert 'href="https://ris.musterstadt.example/si0057.asp?__ksinr=4711"' in html
    assert "<span>Vorherige Sitzung</span>" in html
    assert "<span>Nächste Sitzung</span>" in html
    keys = catalog.meetings_of("rat")
    index = [k.date.isoformat() for k in keys].index("2021-03-25")
    before, after = keys[index - 1], keys[index + 1]
    assert f'href="../../../{urls.meeting("rat", before.date)}"' in html
    assert f'href="../../../{urls.meeting("rat", after.date)}"' in html


def test_each_faction_page_announces_its_feed(demo: tuple[Path, Catalog]) -> None:
    site, catalog = demo
    for key, entries in catalog.by_faction.items():
        html = page(site, urls.faction(key))
        href = urls.relative(urls.faction(key), urls.feed_faction(key))
        assert '<link rel="alternate feed" type="application/atom+xml"' in html
        assert f'href="{href}"' in html
        feed = (site / urls.feed_faction(key)).read_text(encoding="utf-8")
        voted = {entry.resolution.id for entry in entries}
        assert feed.count("<entry>") == min(len(voted), 50)
