"""Wiktionary's explanations as the last source of the synonym map (``search.synonym_map``,
``search.derive_glosses``): a word no other source leads anywhere reaches the archive's
words that explain it, kept apart from the other sources' map."""

from __future__ import annotations

import json
from collections import Counter

from generator.search.derive_glosses import derive, read_glosses
from generator.search.synonym_files import EXPLAINED, synonym_files
from generator.search.synonym_map import synonym_maps_kept
from generator.search.word_forms import forms, stem


def _maps(counts: dict[str, int]) -> tuple[dict[str, tuple[str, ...]], ...]:
    mapping, parts, explained, _ = synonym_maps_kept([None] * 5, (), Counter(counts))  # type: ignore[list-item]
    return mapping, parts, explained


def test_a_word_no_source_pairs_reaches_the_archive_word_that_explains_it() -> None:
    # Wiktionary: "Trauerhalle: für Bestattungszeremonien bestimmtes Gebäude, oft auf einem
    # Friedhof"; no list pairs them.
    mapping, _, explained = _maps({"friedhof": 3, "einäscherung": 2})
    assert explained[stem("Trauerhalle")] == ("friedhof",)
    assert stem("Trauerhalle") not in mapping


def test_a_word_the_archive_uses_is_not_explained() -> None:
    _, _, explained = _maps({"friedhof": 3, "trauerhalle": 1})
    assert stem("Trauerhalle") not in explained


def test_an_explanation_does_not_stand_in_where_a_list_leads() -> None:
    # "Knöllchen: … Hinweis über ein verhängtes Verwarnungsgeld": the shipped list already
    # pairs "Knöllchen" with "Verwarnungsgeld"; the explanation adds nothing to its place.
    mapping, _, explained = _maps({"verwarnungsgeld": 2, "hinweis": 4})
    assert mapping[stem("Knöllchen")] == ("verwarnungsgeld",)
    assert stem("Knöllchen") not in explained


def test_explanations_are_written_under_their_own_prefix() -> None:
    files = synonym_files({}, explained={"trauerhall": ("friedhof",)})
    assert [json.loads(file.content) for file in files] == [
        {EXPLAINED + "trauerhall": ["friedhof"]}
    ]


def test_the_derivation_keeps_specific_municipal_nouns_of_the_first_meaning() -> None:
    glosses = read_glosses(
        [
            "Trauerhalle\tfür Bestattungszeremonien bestimmtes Gebäude, oft auf einem Friedhof"
            " | veraltet: Halle der Trauer\n",
            "Sandkasten\tKasten mit Sand | Militär: Modell zu Zwecken der Planung\n",
            "Kapelle\tkleines Gebäude\n",
            "Halle\tgroßes Gebäude\n",
            "laufen\tsich bewegen\n",
        ]
    )
    assert "laufen" not in glosses
    assert glosses["Trauerhalle"] == [
        "für Bestattungszeremonien bestimmtes Gebäude, oft auf einem Friedhof"
    ]
    lexicon = {key for word in ("friedhof", "gebäude", "planung") for key in forms(word)}
    derived = derive(glosses, lexicon, most_explaining=2)
    # "Gebäude" explains three headwords: a kind of thing, not which; "Planung" is only
    # in the second meaning.
    assert derived == [["Trauerhalle", "Friedhof"]]
