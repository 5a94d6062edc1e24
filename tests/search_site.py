"""A small static site made from our own search markup and search page, indexed by Pagefind.

Stands in for ``ratsarchiv build`` in the search tests: resolution pages are a minimal
HTML shell around ``<article data-pagefind-body>`` with ``search_markup``; the search page
is the generated Markdown rendered with Python-Markdown; the front-end assets are copied
from ``theme_overrides`` as MkDocs would.
"""

from __future__ import annotations

import datetime
import shutil
from html import escape
from pathlib import Path

import markdown

from generator import urls
from generator.model import (
    AgendaItem,
    Committee,
    CommitteeKind,
    Resolution,
    ResolutionKind,
    Result,
)
from generator.pages.search import search_page
from generator.search_index import run_pagefind
from generator.search_markup import archive_splitter, search_markup

REPOSITORY = Path(__file__).resolve().parent.parent
ASSETS = REPOSITORY / "theme_overrides" / "assets"

COMMITTEES = (
    Committee(
        id="rat", name="Rat der Stadt Musterstadt", short_name="Rat", kind=CommitteeKind.COUNCIL
    ),
    Committee(
        id="hauptausschuss", name="Hauptausschuss", short_name="HA", kind=CommitteeKind.COMMITTEE
    ),
    Committee(
        id="schule",
        name="Ausschuss für Schule, Sport und Kultur",
        short_name="SchA",
        kind=CommitteeKind.COMMITTEE,
    ),
)


def _resolution(
    id: str,
    title: str,
    committee: str,
    date: str,
    text: str,
    *,
    result: Result = Result.ADOPTED,
    reference: str | None = None,
    topics: tuple[str, ...] = (),
    discussion: str = "",
) -> Resolution:
    return Resolution(
        id=id,
        title=title,
        committee=committee,
        date=datetime.date.fromisoformat(date),
        agenda_item=AgendaItem(number="1"),
        kind=ResolutionKind.ORDINARY,
        result=result,
        path=Path(f"content/resolutions/{id}.md"),
        text=text,
        discussion=discussion,
        reference=reference,
        topics=topics,
    )


RESOLUTIONS = (
    _resolution(
        "rat-2020-045",
        "Haushaltssatzung 2021",
        "rat",
        "2020-12-10",
        "Der Rat beschließt die Haushaltssatzung der Stadt Musterstadt für das Jahr 2021 "
        "einschließlich des Stellenplans.",
        reference="2020/0123",
        topics=("Finanzen",),
        discussion="Die Kämmerin erläutert den Entwurf. Der Haushalt ist ausgeglichen.",
    ),
    _resolution(
        "ha-2019-012",
        "Pilotprojekt Homeoffice im Bürgeramt",
        "hauptausschuss",
        "2019-05-09",
        "Der Hauptausschuss beauftragt die Verwaltung, Homeoffice im Bürgeramt zu erproben.",
        reference="2019/0301",
        topics=("Personal",),
    ),
    _resolution(
        "ha-2020-017",
        "Regelung zum Homeoffice in der Verwaltung",
        "hauptausschuss",
        "2020-04-17",
        "Die Dienstvereinbarung über mobiles Arbeiten wird beschlossen. Beschäftigte dürfen "
        "bis zu drei Tage pro Woche im Homeoffice arbeiten.",
        reference="2020/0456",
        topics=("Personal", "Digitalisierung"),
    ),
    _resolution(
        "ha-2021-003",
        "Änderung der Satzung über die Friedhofsgebühren",
        "hauptausschuss",
        "2021-03-04",
        "Die Satzung über die Gebühren der Friedhöfe wird nicht geändert.",
        result=Result.REJECTED,
        reference="2021/0042",
        topics=("Finanzen",),
    ),
    _resolution(
        "sch-2022-008",
        "Ausstattung der Lehrkräfte für Homeoffice",
        "schule",
        "2022-06-01",
        "Die Schulen erhalten Laptops, damit Lehrkräfte im Homeoffice arbeiten können.",
        reference="2022/0815",
        topics=("Schule", "Digitalisierung"),
    ),
)


def _shell(title: str, body: str, depth: int) -> str:
    # rel="icon" with a data: URL: without it Chromium requests /favicon.ico and logs a 404.
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f'<title>{escape(title)}</title><link rel="icon" href="data:,">'
        f"</head><body><main>{body}</main></body></html>"
    )


def build_search_site(site: Path) -> Path:
    site.mkdir(parents=True)
    committees = {committee.id: committee for committee in COMMITTEES}
    splitter = archive_splitter(RESOLUTIONS)
    for resolution in RESOLUTIONS:
        url = urls.resolution(resolution.id)
        article = (
            '<article class="ra-resolution" data-pagefind-body>'
            f"<h1>{escape(resolution.title)}</h1>"
            f"{markdown.markdown(resolution.text)}{markdown.markdown(resolution.discussion)}"
            f"{search_markup(resolution, committees[resolution.committee], splitter=splitter)}"
            "</article>"
        )
        target = site / url / "index.html"
        target.parent.mkdir(parents=True)
        target.write_text(_shell(resolution.title, article, url.count("/")), encoding="utf-8")
    generated = search_page()
    assert generated.content is not None
    page_markdown = generated.content.decode("utf-8").split("---\n", 2)[2]
    target = site / urls.SEARCH / "index.html"
    target.parent.mkdir(parents=True)
    target.write_text(_shell("Suche", markdown.markdown(page_markdown), 1), encoding="utf-8")
    (site / "index.html").write_text(_shell("Start", "<h1>Ratsarchiv</h1>", 0), encoding="utf-8")
    shutil.copytree(ASSETS, site / "assets")
    run_pagefind(site)
    return site
