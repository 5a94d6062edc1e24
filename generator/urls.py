"""Where everything lives on the site: the one place that knows the URL scheme.

All paths are relative to the site root, without a leading slash; pages end in ``/``.
A resolution's URL depends only on its id, so it never breaks when a title or committee
changes. Committee, meeting, year and topic pages have readable German slugs.
"""

from __future__ import annotations

import datetime

from generator.slugs import slugify

HOME = ""
SEARCH = "suche/"
STATISTICS = "statistik/"
DATA = "daten/"
TOPICS = "thema/"
COMMITTEES = "gremium/"
YEARS = "jahr/"
LEGAL = {"imprint": "impressum/", "privacy": "datenschutz/", "accessibility": "barrierefreiheit/"}


def resolution(resolution_id: str) -> str:
    return f"beschluss/{resolution_id}/"


def resolution_json(resolution_id: str) -> str:
    return f"beschluss/{resolution_id}/beschluss.json"


def attachment(resolution_id: str, file_name: str) -> str:
    return f"beschluss/{resolution_id}/{file_name}"


def committee(committee_id: str) -> str:
    return f"gremium/{committee_id}/"


def year(value: int) -> str:
    return f"jahr/{value}/"


def meeting(committee_id: str, date: datetime.date) -> str:
    return f"sitzung/{committee_id}/{date.isoformat()}/"


def topic_slug(topic: str) -> str:
    return slugify(topic)


def topic(name: str) -> str:
    return f"thema/{topic_slug(name)}/"


def feed_all() -> str:
    return "feeds/alle.atom"


def feed_committee(committee_id: str) -> str:
    return f"feeds/gremium/{committee_id}.atom"


def feed_topic(name: str) -> str:
    return f"feeds/thema/{topic_slug(name)}.atom"


def calendar_all() -> str:
    return "kalender/alle.ics"


def calendar_committee(committee_id: str) -> str:
    return f"kalender/{committee_id}.ics"


def markdown_file(page_url: str) -> str:
    """The Markdown file MkDocs turns into ``page_url`` (with ``use_directory_urls``)."""
    return f"{page_url}index.md" if page_url else "index.md"


def relative(from_page: str, to: str) -> str:
    """A link from one page URL to another site path that works under any base path."""
    depth = from_page.count("/")
    return "../" * depth + to if (depth or to) else "./"
