"""Where everything lives on the site: the one place that knows the URL scheme.

All paths are relative to the site root, without a leading slash; pages end in ``/``.
A resolution's URL depends only on its id, so it never breaks when a title or committee
changes. Committee, meeting, year and topic pages have readable German slugs.
"""

from __future__ import annotations

import datetime

from generator.archive.slugs import slugify

HOME = ""
SEARCH = "suche/"
STATISTICS = "statistik/"
DATA = "daten/"
TOPICS = "thema/"
COMMITTEES = "gremium/"
YEARS = "jahr/"
MANDATES = "auftraege/"
LEGAL = {"imprint": "impressum/", "privacy": "datenschutz/", "accessibility": "barrierefreiheit/"}


RESOLUTIONS = "beschluss/"


def resolution(resolution_id: str) -> str:
    return f"{RESOLUTIONS}{resolution_id}/"


def resolution_json(resolution_id: str) -> str:
    return f"beschluss/{resolution_id}/beschluss.json"


def attachment(resolution_id: str, file_name: str) -> str:
    return f"beschluss/{resolution_id}/{file_name}"


def committee(committee_id: str) -> str:
    return f"gremium/{committee_id}/"


def year(value: int) -> str:
    return f"jahr/{value}/"


def committee_year(committee_id: str, value: int) -> str:
    """A committee's meetings and decisions of one year (exists for every year with a
    meeting, whether or not the committee page lists that year in full)."""
    return f"{committee(committee_id)}{value}/"


def year_month(value: int, month: int) -> str:
    """All decisions of one month (exists for every month with a decision)."""
    return f"{year(value)}{month:02d}/"


def year_anchor(value: int) -> str:
    return f"jahr-{value}"


def meeting(committee_id: str, date: datetime.date) -> str:
    return f"sitzung/{committee_id}/{date.isoformat()}/"


MATTERS = "vorlage/"
FACTIONS = "fraktion/"


def matter(reference_slug: str) -> str:
    """A paper's consultations; the slug comes from ``Catalog.reference_slugs``."""
    return f"{MATTERS}{reference_slug}/"


def faction(faction_key: str) -> str:
    return f"{FACTIONS}{faction_key}/"


def faction_year(faction_key: str, value: int) -> str:
    """A faction's recorded votes of one year (exists for every year with one)."""
    return f"{faction(faction_key)}{value}/"


def faction_month(faction_key: str, value: int, month: int) -> str:
    """A faction's recorded votes of one month (exists for every month with one)."""
    return f"{faction_year(faction_key, value)}{month:02d}/"


def topic_slug(topic: str) -> str:
    return slugify(topic)


def topic(name: str) -> str:
    return f"thema/{topic_slug(name)}/"


def topic_year(name: str, value: int) -> str:
    """A topic's decisions of one year (exists for every year the topic has one)."""
    return f"{topic(name)}{value}/"


def feed_all() -> str:
    return "feeds/alle.atom"


def feed_committee(committee_id: str) -> str:
    return f"feeds/gremium/{committee_id}.atom"


def feed_topic(name: str) -> str:
    return f"feeds/thema/{topic_slug(name)}.atom"


def feed_faction(faction_key: str) -> str:
    return f"feeds/fraktion/{faction_key}.atom"


def feed_mandates() -> str:
    return "feeds/auftraege/alle.atom"


def feed_committee_mandates(committee_id: str) -> str:
    return f"feeds/auftraege/{committee_id}.atom"


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


# Reuse outputs (feeds, calendars, downloads, OParl): files, not pages.


def data_json() -> str:
    return "daten/beschluesse.json"


def data_csv() -> str:
    return "daten/beschluesse.csv"


def faction_votes_csv() -> str:
    return "daten/fraktionsstimmen.csv"


def oparl_system() -> str:
    """The OParl entry point; clients start here and follow links."""
    return "oparl/system.json"


def oparl_body_list(page: int) -> str:
    return f"oparl/bodies/page-{page}.json"


def oparl_body(body_id: str) -> str:
    return f"oparl/body/{body_id}.json"


def oparl_body_list_of(body_id: str, kind: str, page: int) -> str:
    """A paginated external list of a body: ``kind`` is ``meetings``, ``papers`` …"""
    return f"oparl/body/{body_id}/{kind}/page-{page}.json"


def oparl_organization(committee_id: str) -> str:
    return f"oparl/organization/{committee_id}.json"


def oparl_meeting(committee_id: str, date: datetime.date) -> str:
    return f"oparl/meeting/{committee_id}/{date.isoformat()}.json"


def oparl_agenda_item(resolution_id: str) -> str:
    return f"oparl/agendaitem/{resolution_id}.json"


def oparl_consultation(resolution_id: str) -> str:
    return f"oparl/consultation/{resolution_id}.json"


def oparl_file(resolution_id: str, index: int) -> str:
    return f"oparl/file/{resolution_id}/{index}.json"


def oparl_paper(paper_slug: str) -> str:
    return f"oparl/paper/{paper_slug}.json"


def oparl_agenda_entry(committee_id: str, date: datetime.date, order: int) -> str:
    """An item of a meeting file's agenda that has no resolution."""
    return f"oparl/agendaitem/{committee_id}/{date.isoformat()}/{order}.json"


def oparl_location(committee_id: str, date: datetime.date) -> str:
    return f"oparl/location/{committee_id}/{date.isoformat()}.json"


def oparl_faction(faction_key: str) -> str:
    return f"oparl/organization/fraktion/{faction_key}.json"


def oparl_person(person_id: str) -> str:
    return f"oparl/person/{person_id}.json"


def oparl_membership(person_id: str) -> str:
    return f"oparl/membership/{person_id}.json"


def oparl_legislative_term(term_id: str) -> str:
    return f"oparl/legislativeterm/{term_id}.json"
