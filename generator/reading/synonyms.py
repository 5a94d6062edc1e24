"""``synonyms.yml``: groups of words the search treats as the same (the thesaurus).

Editors extend it; the search page receives the groups and, for a query containing one
term of a group, also searches the others ("Kita" also finds "Kindertageseinrichtung").
The file is optional: without it the search simply has no synonyms.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.archive.problems import Problem, error
from generator.reading.fields import FieldReader
from generator.reading.source_files import decode
from generator.reading.yaml_source import KeyPath, parse_yaml

SYNONYMS_FILE = "synonyms.yml"

SynonymGroup = tuple[str, ...]

_NOT_A_TERM = re.compile(r"[<>\"{}\[\]]")
MAX_TERM_WORDS = 4
"""A term is a word or a short phrase ("Bus und Bahn"), not a sentence."""


def read_synonyms(
    content_root: Path, display_root: Path
) -> tuple[tuple[SynonymGroup, ...], list[Problem]]:
    path = content_root / SYNONYMS_FILE
    display = display_root / SYNONYMS_FILE
    if not path.is_file():
        return (), []
    text, problems = decode(display, path.read_bytes())
    if text is None:
        return (), problems
    document, problems = parse_yaml(text, display)
    if problems:
        return (), problems
    if document.value is None:
        return (), [error(display, 1, 0, None, "die Datei ist leer; erwartet 'synonyms:'")]
    reader = FieldReader(document, display)
    data = reader.mapping((), document.value, known=("synonyms",), required=("synonyms",))
    if data is None:
        return (), reader.problems
    groups: list[SynonymGroup] = []
    first_group: dict[str, int] = {}
    for index, item in enumerate(reader.list_of(("synonyms",), data.get("synonyms"))):
        at: KeyPath = ("synonyms", index)
        if not isinstance(item, list):
            reader.fail(
                at,
                "erwartet eine Gruppe gleichbedeutender Wörter in eckigen Klammern, "
                "z. B. [Kita, Kindertageseinrichtung]",
            )
            continue
        known_problems = len(reader.problems)
        terms = _terms(reader, at, item)
        if len(reader.problems) > known_problems:
            continue
        if len(terms) < 2:
            reader.fail(at, "eine Gruppe braucht mindestens zwei verschiedene Wörter")
            continue
        for term in terms:
            key = term.casefold()
            if key in first_group:
                reader.warn(
                    at,
                    f"'{term}' steht schon in Gruppe {first_group[key] + 1}; "
                    "die Suche verwendet beide Gruppen",
                )
            else:
                first_group[key] = index
        groups.append(terms)
    return tuple(groups), reader.problems


def _terms(reader: FieldReader, at: KeyPath, items: list[object]) -> SynonymGroup:
    terms: dict[str, str] = {}
    for position, item in enumerate(items):
        where = (*at, position)
        term = reader.text(where, item)
        if term is None:
            continue
        term = " ".join(term.split())
        if _NOT_A_TERM.search(term):
            reader.fail(where, f"'{term}' enthält ein Zeichen, das kein Suchwort enthalten kann")
        elif len(term.split()) > MAX_TERM_WORDS:
            reader.fail(where, f"'{term}' ist zu lang; erwartet ein Wort oder eine kurze Wendung")
        elif term.casefold() in terms:
            reader.fail(where, f"'{term}' steht zweimal in derselben Gruppe")
        else:
            terms[term.casefold()] = term
    return tuple(terms.values())
