"""The effective MkDocs config: the theme settings from ``mkdocs.yml`` plus what the
generator knows (folders, site URL, name, nav, the "Stand" date).

Editors and designers keep ``mkdocs.yml`` small and readable; everything that follows
from the content is derived here, so the two can never disagree.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from generator.archive import labels, urls
from generator.archive.model import ArchiveSettings
from generator.outputs.feeds import feed_title_all
from generator.publish.stamping import SHELL_ROOT

NAV: tuple[tuple[str, str], ...] = (
    ("Startseite", urls.HOME),
    ("Gremien", urls.COMMITTEES),
    ("Jahre", urls.YEARS),
    ("Themen", urls.TOPICS),
    ("Fraktionen", urls.FACTIONS),
    ("Aufträge", urls.MANDATES),
    ("Suche", urls.SEARCH),
    ("Statistik", urls.STATISTICS),
    ("Daten", urls.DATA),
)
"""The whole nav, with ``LEGAL_NAV`` as its last section. Resolutions are never in it:
every page carries the nav."""

LEGAL_NAV: tuple[tuple[str, str], ...] = (
    ("Impressum", urls.LEGAL["imprint"]),
    ("Datenschutz", urls.LEGAL["privacy"]),
    ("Barrierefreiheit", urls.LEGAL["accessibility"]),
)

NOT_IN_NAV = "\n".join(
    f"/{path}"
    for path in (
        "beschluss/",
        "gremium/*/",
        "jahr/*/",
        "sitzung/",
        "thema/*/",
        "fraktion/*/",
        "vorlage/",
        SHELL_ROOT,
    )
)


class ConfigError(Exception):
    """``mkdocs.yml`` is missing or not a mapping: a usage error, reported in German."""


def normalise_site_url(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"


def effective_config(
    *,
    base_config: Path,
    settings: ArchiveSettings,
    docs_dir: Path,
    site_dir: Path,
    site_url: str,
    stand: datetime.date,
) -> dict[str, Any]:
    try:
        data = yaml.safe_load(base_config.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{base_config} lässt sich nicht lesen: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{base_config} enthält keine MkDocs-Einstellungen")
    config: dict[str, Any] = dict(data)
    theme = dict(config.get("theme") or {})
    custom_dir = theme.get("custom_dir")
    if custom_dir:
        # Relative paths in mkdocs.yml mean relative to it; the effective config lives elsewhere.
        theme["custom_dir"] = str((base_config.parent / custom_dir).resolve())
    config["theme"] = theme
    config.update(
        site_name=f"Ratsarchiv {settings.municipality}",
        site_url=normalise_site_url(site_url),
        docs_dir=str(docs_dir.resolve()),
        site_dir=str(site_dir.resolve()),
        use_directory_urls=True,
        nav=[
            *({title: urls.markdown_file(url)} for title, url in NAV),
            {"Rechtliches": [{title: urls.markdown_file(url)} for title, url in LEGAL_NAV]},
        ],
        not_in_nav=NOT_IN_NAV,
        # Material's files no page loads stay out of the site (unused_theme_files.py).
        hooks=[str(Path(__file__).with_name("unused_theme_files.py").resolve())],
    )
    extra = dict(config.get("extra") or {})
    extra.update(
        ra_municipality=settings.municipality,
        ra_stand=labels.date(stand),
        ra_stand_iso=stand.isoformat(),
        ra_feed_all=urls.feed_all(),
        ra_feed_all_title=feed_title_all(settings.municipality),
        ra_legal=dict(urls.LEGAL),
        ra_search=urls.SEARCH,
        ra_committees=urls.COMMITTEES,
    )
    config["extra"] = extra
    return config


def dump(config: dict[str, Any]) -> str:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
