"""The thesaurus ``content/synonyms.yml``: read into groups, or problems with file, line, field."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pages.search import QueryHints, search_page
from generator.reading.loading import load_archive
from generator.search.hints import reference_digits, vocabulary, word_uses
from tests.conftest import ContentTree, resolution_text

SYNONYMS = "content/synonyms.yml"


def test_groups_reach_the_archive(content_tree: ContentTree, in_tmp: Path) -> None:
    catalog, problems = load_archive(
        content_tree(
            {"synonyms.yml": "synonyms:\n  - [Kita, Kindertagesstätte]\n  - [ÖPNV, Bus und Bahn]\n"}
        )
    )
    assert problems == []
    assert catalog is not None
    assert catalog.archive.synonyms == (("Kita", "Kindertagesstätte"), ("ÖPNV", "Bus und Bahn"))


def test_the_file_is_optional(content_tree: ContentTree, in_tmp: Path) -> None:
    catalog, problems = load_archive(content_tree({}))
    assert problems == []
    assert catalog is not None
    assert catalog.archive.synonyms == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "synonym:\n  - [Kita, Kindergarten]\n",
            [
                f"{SYNONYMS}:1:1: error: Pflichtfeld 'synonyms' fehlt",
                f"{SYNONYMS}:1:1: error: synonym: unbekanntes Feld; meinten Sie 'synonyms'? "
                "(erlaubt: synonyms)",
            ],
            id="misspelt-key",
        ),
        pytest.param(
            "synonyms:\n  - Kita\n",
            [
                f"{SYNONYMS}:2:5: error: synonyms[0]: erwartet eine Gruppe gleichbedeutender "
                "Wörter in eckigen Klammern, z. B. [Kita, Kindertageseinrichtung]"
            ],
            id="not-a-group",
        ),
        pytest.param(
            "synonyms:\n  - [Kita, kita]\n",
            [
                f"{SYNONYMS}:2:12: error: synonyms[0][1]: 'kita' steht zweimal in derselben Gruppe",
            ],
            id="same-word-twice",
        ),
        pytest.param(
            "synonyms:\n  - [Kita, 2021]\n",
            [
                f"{SYNONYMS}:2:12: error: synonyms[0][1]: erwartet einen Text, gefunden '2021', "
                'was YAML als eine Zahl liest; setzen Sie Text in Anführungszeichen: "2021"',
            ],
            id="number",
        ),
        pytest.param(
            "synonyms:\n  - [Kita, <b>Hort</b>]\n",
            [
                f"{SYNONYMS}:2:12: error: synonyms[0][1]: '<b>Hort</b>' enthält ein Zeichen, "
                "das kein Suchwort enthalten kann"
            ],
            id="markup",
        ),
        pytest.param(
            "synonyms:\n  - [Kita, Hort]\n  - [Hort, Schulkindbetreuung]\n",
            [
                f"{SYNONYMS}:3:5: warning: synonyms[1]: 'Hort' steht schon in Gruppe 1; "
                "die Suche verwendet beide Gruppen"
            ],
            id="term-in-two-groups",
        ),
    ],
)
def test_bad_thesaurus_names_file_line_and_field(
    content_tree: ContentTree, in_tmp: Path, text: str, expected: list[str]
) -> None:
    _, problems = load_archive(content_tree({"synonyms.yml": text}))
    assert [problem.format() for problem in problems] == expected


def test_the_search_page_carries_the_groups_and_the_reference_format() -> None:
    hints = QueryHints(synonyms=(("Kita", "Kindertagesstätte"),), reference_digits=4)
    page = search_page({}, (), hints)
    assert page.content is not None
    text = page.content.decode("utf-8")
    assert 'data-synonyms="[[&quot;Kita&quot;,&quot;Kindertagesstätte&quot;]]"' in text
    assert 'data-reference-digits="4"' in text
    assert 'data-vocabulary="wortschatz.txt"' in text


def test_reference_format_is_known_only_when_every_reference_has_it() -> None:
    assert reference_digits(["2023/0089", "2021/0097"]) == 4
    assert reference_digits(["2023/89", "2021/0097"]) == 0
    assert reference_digits(["2023/0089", "VO/2021/97"]) is None
    assert reference_digits([]) is None


def test_vocabulary_lists_common_words_first(content_tree: ContentTree, in_tmp: Path) -> None:
    files = {
        "resolutions/hauptausschuss/2020/2020-04-17-a.md": resolution_text(
            title="Bebauungsplan Lindenhof"
        ),
        "resolutions/hauptausschuss/2020/2020-04-18-b.md": resolution_text(
            id="ha-2020-002", title="Bebauungsplan Nordring", date="2020-04-18"
        ),
    }
    catalog, problems = load_archive(content_tree(files))
    assert catalog is not None, problems
    words = vocabulary(word_uses(catalog.resolutions))
    assert words[0] == "bebauungsplan"
    assert {"lindenhof", "nordring"} <= set(words)
    assert all(len(word) >= 4 and word == word.lower() for word in words)
