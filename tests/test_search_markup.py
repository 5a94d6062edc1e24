"""Compound splitting, the hidden Pagefind markup, and running Pagefind."""

from __future__ import annotations

import datetime
import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.archive.model import (
    AgendaItem,
    Committee,
    CommitteeKind,
    Resolution,
    ResolutionKind,
    Result,
)
from generator.search.compounds import CompoundSplitter, distinct_words, words
from generator.search.index import UNUSED_SCRIPTS, SearchIndexError, run_pagefind
from generator.search.markup import (
    archive_splitter,
    compound_keywords,
    file_text_markup,
    search_markup,
)
from tests.sitecheck import pagefind_values

_WORDS = """
Haushalt Satzung Plan Verfahren Bebauung Stadt Rat Schule Weg Bund Straße Reinigung
Kind Garten einstimmig stimmig Lage Beratung
"""
LEXICON = CompoundSplitter(_WORDS.split())


@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), max_size=5))
def test_distinct_words_equals_the_words_of_every_text(texts: list[str]) -> None:
    # The fast path (whitespace tokens first) must find exactly what the pattern finds.
    assert distinct_words(texts) == {word for text in texts for word in words(text)}


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Haushaltssatzung", ("haushalt", "satzung")),  # linking s
        ("Stadtrat", ("stadt", "rat")),  # three-letter head
        ("Bundesstraße", ("bund", "straße")),  # linking es
        ("Straßenreinigung", ("straße", "reinigung")),  # linking n
        ("Kindergarten", ("kind", "garten")),  # linking er
        ("Schulweg", ("schule", "weg")),  # dropped e
        (
            "Bebauungsplanverfahren",
            ("bebauung", "plan", "verfahren"),
        ),
    ],
)
def test_compounds_split_into_words_of_the_lexicon(word: str, parts: tuple[str, ...]) -> None:
    assert LEXICON.parts(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "einstimmig",  # "ein" is a function word
        "Vorlage",  # "vor" is a prefix, not a part
        "Beratung",  # no halves known
        "Homeoffice",
    ],
)
def test_non_compounds_stay_whole(word: str) -> None:
    assert LEXICON.parts(word) == ()


def _resolution(**changes: object) -> Resolution:
    values: dict[str, object] = {
        "id": "rat-2020-045",
        "title": "Haushaltssatzung 2021 <Entwurf>",
        "committee": "rat",
        "date": datetime.date(2020, 12, 10),
        "agenda_item": AgendaItem(number="3"),
        "kind": ResolutionKind.ORDINARY,
        "result": Result.ADOPTED_WITH_CHANGES,
        "path": Path("content/x.md"),
        "text": "Der Rat beschließt die Haushaltssatzung.",
        "reference": "2020/0123",
        "topics": ("Finanzen", "Recht & Ordnung"),
    }
    values.update(changes)
    return Resolution(**values)  # type: ignore[arg-type]


COMMITTEE = Committee(
    id="rat",
    name="Ausschuss für Schule, Sport & Kultur",
    short_name="S",
    kind=CommitteeKind.COMMITTEE,
)


def _attributes(markup: str, attribute: str) -> list[tuple[str, str]]:
    return pagefind_values(markup, attribute.removeprefix("data-pagefind-"))


def test_markup_carries_filters_metadata_and_sort_key_escaped() -> None:
    markup = search_markup(_resolution(), COMMITTEE)
    assert _attributes(markup, "data-pagefind-filter") == [
        ("Gremium", "Ausschuss für Schule, Sport &amp; Kultur"),
        ("Jahr", "2020"),
        ("Ergebnis", "geändert beschlossen"),
        ("Art", "Beschluss"),
        ("Thema", "Finanzen"),
        ("Thema", "Recht &amp; Ordnung"),
    ]
    assert dict(_attributes(markup, "data-pagefind-meta")) == {
        "title": "Haushaltssatzung 2021 &lt;Entwurf&gt;",
        "date": "10.12.2020",
        "date_iso": "2020-12-10",
        "committee": "Ausschuss für Schule, Sport &amp; Kultur",
        "result": "geändert beschlossen",
        "result_key": "adopted_with_changes",
        "kind": "Beschluss",
        "reference": "2020/0123",
    }
    resolution_id = _resolution().id
    assert _attributes(markup, "data-pagefind-sort") == [("date", f"2020-12-10 {resolution_id}")]
    # One empty hidden element; a value two keys share is written once.
    assert markup.startswith('<div class="ra-search-data" hidden data-pagefind-meta="title[')
    assert markup.endswith("></div>") and markup.count("<") == 2
    assert markup.count('="Ausschuss für Schule, Sport &amp; Kultur"') == 1
    assert markup.count('="2020-12-10"') == 1


def test_two_resolutions_of_one_day_have_different_sort_keys() -> None:
    # A tie would keep Pagefind's page order, which the file system decides: the canonical
    # page numbers of search.pagefind_bundle follow this sort.
    first = _attributes(search_markup(_resolution(id="a"), COMMITTEE), "data-pagefind-sort")
    second = _attributes(search_markup(_resolution(id="b"), COMMITTEE), "data-pagefind-sort")
    assert first != second
    assert first[0][1][:10] == second[0][1][:10] == "2020-12-10"


def test_markup_without_reference_has_no_reference_meta() -> None:
    markup = search_markup(_resolution(reference=None), COMMITTEE)
    assert "reference" not in markup


def test_compound_parts_become_hidden_keywords_from_the_archive_lexicon() -> None:
    resolution = _resolution()
    other = _resolution(id="x", title="Satzung", text="Der Haushalt ist ausgeglichen.")
    # Alone, the resolution's own words cannot split "Haushaltssatzung".
    assert 'data-pagefind-meta="keywords' not in search_markup(resolution, COMMITTEE)
    splitter = archive_splitter([resolution, other])
    markup = search_markup(resolution, COMMITTEE, splitter=splitter)
    # Metadata (searched, never part of the page's text or an excerpt), not element text.
    assert ("keywords", "haushalt satzung") in _attributes(markup, "data-pagefind-meta")
    assert re.sub(r"<[^>]*>", "", markup) == ""


def test_file_text_is_hidden_metadata_numbered_per_attachment() -> None:
    markup = file_text_markup(
        [("Lageplan", "Der Spielplatz\n  erhält eine <Rutsche>."), ("Kosten", "12.000 Euro")]
    )
    assert _attributes(markup, "data-pagefind-meta") == [
        ("anlage_1", "Lageplan"),
        ("anlage_text_1", "Der Spielplatz erhält eine &lt;Rutsche&gt;."),
        ("anlage_2", "Kosten"),
        ("anlage_text_2", "12.000 Euro"),
    ]
    with_files = search_markup(_resolution(), COMMITTEE, file_texts=[("Lageplan", "Rutsche")])
    assert ("anlage_text_1", "Rutsche") in _attributes(with_files, "data-pagefind-meta")
    assert "anlage_" not in search_markup(_resolution(), COMMITTEE)


def test_keywords_skip_words_the_text_already_contains() -> None:
    splitter = CompoundSplitter(["haushalt", "satzung"])
    assert compound_keywords(["Die Satzung, die Haushaltssatzung."], splitter) == ("haushalt",)


def test_run_pagefind_writes_a_bundle(tmp_path: Path) -> None:
    page = tmp_path / "beschluss" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html lang="de"><body><article data-pagefind-body><h1>Test</h1>'
        f"{search_markup(_resolution(), COMMITTEE)}</article></body></html>",
        encoding="utf-8",
    )
    run_pagefind(tmp_path)
    bundle = tmp_path / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "pagefind-worker.js").is_file()
    assert list(bundle.glob("wasm.de.pagefind"))
    # Pagefind's own interfaces are left out, and nothing that stays asks for them.
    kept = sorted(path.name for path in bundle.iterdir())
    assert not set(UNUSED_SCRIPTS) & set(kept)
    assert "pagefind-ui.js" in UNUSED_SCRIPTS and "pagefind-highlight.js" in UNUSED_SCRIPTS
    for name in ("pagefind.js", "pagefind-worker.js"):
        script = (bundle / name).read_text(encoding="utf-8")
        assert not [unused for unused in UNUSED_SCRIPTS if unused in script]


def test_run_pagefind_fails_with_a_german_message(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="Pagefind ist beim Erstellen des Suchindex"):
        run_pagefind(tmp_path / "leer")


def test_pagefind_reads_back_every_value_unchanged(tmp_path: Path) -> None:
    # Commas, colons, quotes, ampersands: what Pagefind stores must be the value.
    title = 'Plan: "Nord" & Süd, Teil 2'
    resolution = _resolution(
        title=title, topics=("Recht & Ordnung", "Bau, Verkehr", 'Plan: "Nord"', "C:\\Pfad")
    )
    files = [("Anlage: 1, Karte", "Maßstab 1:500, Nord\\Süd")]
    page = tmp_path / "beschluss" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html lang="de"><body><article data-pagefind-body><h1>Test</h1>'
        f"{search_markup(resolution, COMMITTEE, file_texts=files)}</article></body></html>",
        encoding="utf-8",
    )
    run_pagefind(tmp_path)
    [fragment_file] = (tmp_path / "pagefind" / "fragment").glob("*.pf_fragment")
    fragment = json.loads(gzip.decompress(fragment_file.read_bytes()).removeprefix(b"pagefind_dcd"))
    assert fragment["filters"] == {
        "Gremium": ["Ausschuss für Schule, Sport & Kultur"],
        "Jahr": ["2020"],
        "Ergebnis": ["geändert beschlossen"],
        "Art": ["Beschluss"],
        "Thema": ["Recht & Ordnung", "Bau, Verkehr", 'Plan: "Nord"', "C:\\Pfad"],
    }
    keys = ("title", "date", "date_iso", "committee", "reference", "anlage_1", "anlage_text_1")
    assert {key: fragment["meta"][key] for key in keys} == {
        "title": title,
        "date": "10.12.2020",
        "date_iso": "2020-12-10",
        "committee": "Ausschuss für Schule, Sport & Kultur",
        "reference": "2020/0123",
        "anlage_1": "Anlage: 1, Karte",
        "anlage_text_1": "Maßstab 1:500, Nord\\Süd",
    }
