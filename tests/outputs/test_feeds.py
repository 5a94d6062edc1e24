"""Atom feeds parse with a real feed parser and list the right entries, newest first."""

from __future__ import annotations

import feedparser

from generator.archive import urls
from generator.archive.catalog import Catalog, chronological_key
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.outputs.feeds import FEED_SIZE, feeds


def _parsed(catalog: Catalog, context: OutputContext) -> dict[str, feedparser.FeedParserDict]:
    result = {}
    for generated in feeds(catalog, context):
        assert generated.content is not None
        parsed = feedparser.parse(generated.content)
        assert not parsed.bozo, (generated.path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        result[generated.path] = parsed
    return result


def _expected_ids(resolutions: tuple[Resolution, ...], context: OutputContext) -> list[str]:
    newest = sorted(resolutions, key=chronological_key, reverse=True)[:FEED_SIZE]
    return [context.absolute(urls.resolution(r.id)) for r in newest]


def test_feed_of_all_lists_the_newest_resolutions(catalog: Catalog, context: OutputContext) -> None:
    parsed = _parsed(catalog, context)[urls.feed_all()]
    ids = [entry.id for entry in parsed.entries]
    assert ids == _expected_ids(catalog.resolutions, context)
    dates = [entry.updated for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert parsed.feed.updated == parsed.entries[0].updated


def test_one_feed_per_committee_with_its_resolutions(
    catalog: Catalog, context: OutputContext
) -> None:
    parsed = _parsed(catalog, context)
    for committee_id in catalog.committees:
        feed = parsed[urls.feed_committee(committee_id)]
        expected = _expected_ids(catalog.by_committee.get(committee_id, ()), context)
        assert [entry.id for entry in feed.entries] == expected
        assert feed.feed.link == context.absolute(urls.committee(committee_id))


def test_one_feed_per_topic_with_its_resolutions(catalog: Catalog, context: OutputContext) -> None:
    parsed = _parsed(catalog, context)
    assert catalog.by_topic
    for topic, resolutions in catalog.by_topic.items():
        feed = parsed[urls.feed_topic(topic)]
        assert [entry.id for entry in feed.entries] == _expected_ids(resolutions, context)


def test_entries_link_to_the_page_and_summarise(
    fixture_catalog: Catalog, context: OutputContext
) -> None:
    feed = _parsed(fixture_catalog, context)[urls.feed_committee("finanzausschuss")]
    entry = next(e for e in feed.entries if e.id.endswith("/beschluss/fa-2023-002/"))
    assert entry.link == "https://ratsarchiv.example/beschluss/fa-2023-002/"
    assert entry.updated == "2023-01-19T00:00:00Z"
    assert "Ausschuss für Finanzen & Beteiligungen" in entry.summary
    assert "19. Januar 2023" in entry.summary
    assert "geändert beschlossen" in entry.summary


def test_an_empty_feed_is_dated_by_the_stand(
    fixture_catalog: Catalog, context: OutputContext
) -> None:
    feed = _parsed(fixture_catalog, context)[urls.feed_committee("bv-sued")]
    assert feed.entries == []
    assert feed.feed.updated == "2024-05-06T00:00:00Z"


def test_feeds_do_not_depend_on_the_clock(catalog: Catalog, context: OutputContext) -> None:
    assert feeds(catalog, context) == feeds(catalog, context)
