"""``factions.yml`` → ``FactionRegistry``: electoral terms, factions, seats, persons.

The file is optional. Without it the archive keeps working as before: faction names in
votes are free text, nothing is checked against seats, and committee pages show no
composition. With it, ``catalog`` checks every faction named in a vote against it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from generator.archive.faction_checks import MAYOR_SPELLING, spelling_key
from generator.archive.model import (
    MAYOR,
    ElectoralTerm,
    Faction,
    FactionRegistry,
    Person,
    Seats,
)
from generator.archive.problems import Problem
from generator.reading.fields import FieldReader
from generator.reading.settings_reader import read_yaml_file
from generator.reading.yaml_source import KeyPath

FACTIONS_FILE = "factions.yml"
_SECTIONS = ("terms", "factions", "seats", "persons", "mayor")


def read_registry(
    content_root: Path, display_root: Path
) -> tuple[FactionRegistry | None, list[Problem]]:
    path = content_root / FACTIONS_FILE
    if not path.exists():
        return None, []
    reader, problems = read_yaml_file(path, display_root / FACTIONS_FILE)
    if reader is None:
        return None, problems
    data = reader.mapping((), reader.document.value, known=_SECTIONS, required=_SECTIONS[:2])
    if data is None:
        return None, reader.problems
    terms = _terms(reader, data.get("terms"))
    factions = _factions(reader, data.get("factions"), {term.id for term in terms})
    seats = _seats(reader, data.get("seats"), terms, factions)
    persons = _persons(reader, data.get("persons"), {faction.id for faction in factions})
    mayor = reader.text(("mayor",), data.get("mayor"))
    registry = FactionRegistry(
        terms=terms,
        factions=factions,
        seats=seats,
        persons=persons,
        mayor=mayor or MAYOR,
    )
    return registry, reader.problems


def _terms(reader: FieldReader, value: object) -> tuple[ElectoralTerm, ...]:
    terms: list[ElectoralTerm] = []
    for index, item in enumerate(reader.list_of(("terms",), value)):
        at = ("terms", index)
        entry = reader.mapping(
            at, item, known=("id", "name", "start", "end"), required=("id", "name", "start")
        )
        if entry is None:
            continue
        term_id = reader.identifier((*at, "id"), _as_text(entry.get("id")))
        name = reader.text((*at, "name"), entry.get("name"))
        start = reader.date((*at, "start"), entry.get("start"))
        end = reader.date((*at, "end"), entry.get("end"))
        if start and end and end < start:
            reader.fail((*at, "end"), "das Ende der Wahlperiode liegt vor ihrem Beginn")
            continue
        overlapping = next(
            (
                t
                for t in terms
                if start and (t.end is None or start <= t.end) and (end is None or t.start <= end)
            ),
            None,
        )
        if overlapping is not None:
            reader.fail(
                (*at, "start"), f"die Wahlperiode überschneidet sich mit '{overlapping.id}'"
            )
            continue
        if term_id and name and start:
            terms.append(ElectoralTerm(id=term_id, name=name, start=start, end=end))
    return tuple(terms)


def _as_text(value: object) -> object:
    """Term ids like ``2020`` are numbers to YAML; as ids they are text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _factions(reader: FieldReader, value: object, term_ids: set[str]) -> tuple[Faction, ...]:
    factions: list[Faction] = []
    short_names: dict[str, str] = {}
    known = ("id", "name", "short_name", "terms", "aliases")
    places: list[tuple[int, tuple[int, ...]]] = []
    """Where each kept faction and its aliases stand in the file."""
    for index, item in enumerate(reader.list_of(("factions",), value)):
        at = ("factions", index)
        entry = reader.mapping(at, item, known=known, required=known[:4])
        if entry is None:
            continue
        faction_id = reader.identifier((*at, "id"), entry.get("id"))
        name = reader.text((*at, "name"), entry.get("name"))
        short_name = reader.text((*at, "short_name"), entry.get("short_name"))
        terms = []
        for position, term in enumerate(reader.list_of((*at, "terms"), entry.get("terms"))):
            term_id = reader.text((*at, "terms", position), _as_text(term))
            if term_id is not None and term_id not in term_ids:
                reader.fail(
                    (*at, "terms", position),
                    f"die Wahlperiode '{term_id}' steht nicht unter 'terms' "
                    f"(bekannt: {', '.join(sorted(term_ids)) or '(keine)'})",
                )
            elif term_id is not None:
                terms.append(term_id)
        if faction_id in {f.id for f in factions}:
            reader.fail((*at, "id"), f"die Kennung '{faction_id}' ist schon vergeben")
            continue
        for term_id in terms:
            key = f"{term_id}\0{short_name}"
            if key in short_names:
                reader.fail(
                    (*at, "short_name"),
                    f"das Kürzel '{short_name}' hat in der Wahlperiode '{term_id}' schon "
                    f"die Fraktion '{short_names[key]}'",
                )
            elif faction_id:
                short_names[key] = faction_id
        aliases = _aliases(reader, at, entry.get("aliases"))
        positions = tuple(position for position, _ in aliases)
        if faction_id and name and short_name and terms:
            factions.append(
                Faction(
                    id=faction_id,
                    name=name,
                    short_name=short_name,
                    terms=tuple(terms),
                    aliases=tuple(alias for _, alias in aliases),
                )
            )
            places.append((index, positions))
    return _without_shared_aliases(reader, factions, places)


def _aliases(reader: FieldReader, at: KeyPath, value: object) -> list[tuple[int, str]]:
    """(position in the list, alias) of every valid alias."""
    aliases: list[tuple[int, str]] = []
    for position, item in enumerate(reader.list_of((*at, "aliases"), value)):
        alias = reader.text((*at, "aliases", position), _as_text(item))
        if alias is None:
            continue
        if MAYOR_SPELLING.fullmatch(alias):
            reader.fail(
                (*at, "aliases", position),
                f"'{alias}' steht für den Bürgermeister, nicht für eine Fraktion "
                "(siehe 'mayor' in content/README.md)",
            )
            continue
        aliases.append((position, alias))
    return aliases


def _without_shared_aliases(
    reader: FieldReader, factions: list[Faction], places: list[tuple[int, tuple[int, ...]]]
) -> tuple[Faction, ...]:
    """An alias must name one faction per term, or the importer could not tell which."""
    owner: dict[tuple[str, str], str] = {}
    for faction in factions:
        for term in faction.terms:
            for own in (faction.short_name, faction.name):
                owner.setdefault((term, spelling_key(own)), faction.id)
    result = []
    for faction, (index, positions) in zip(factions, places, strict=True):
        kept = []
        for position, alias in zip(positions, faction.aliases, strict=True):
            clash = next(
                (
                    (term, owner[(term, spelling_key(alias))])
                    for term in faction.terms
                    if owner.get((term, spelling_key(alias)), faction.id) != faction.id
                ),
                None,
            )
            if clash is not None:
                reader.fail(
                    ("factions", index, "aliases", position),
                    f"die Schreibweise '{alias}' gehört in der Wahlperiode '{clash[0]}' "
                    f"schon zur Fraktion '{clash[1]}'",
                )
                continue
            for term in faction.terms:
                owner[(term, spelling_key(alias))] = faction.id
            kept.append(alias)
        result.append(replace(faction, aliases=tuple(kept)))
    return tuple(result)


def _seats(
    reader: FieldReader,
    value: object,
    terms: tuple[ElectoralTerm, ...],
    factions: tuple[Faction, ...],
) -> tuple[Seats, ...]:
    result: list[Seats] = []
    term_ids = {term.id for term in terms}
    by_id = {faction.id: faction for faction in factions}
    for index, item in enumerate(reader.list_of(("seats",), value)):
        at = ("seats", index)
        entry = reader.mapping(
            at,
            item,
            known=("committee", "term", "factions"),
            required=("committee", "term", "factions"),
        )
        if entry is None:
            continue
        committee = reader.identifier((*at, "committee"), entry.get("committee"))
        term = reader.text((*at, "term"), _as_text(entry.get("term")))
        if term is not None and term not in term_ids:
            reader.fail((*at, "term"), f"die Wahlperiode '{term}' steht nicht unter 'terms'")
            term = None
        counts = entry.get("factions")
        if not isinstance(counts, dict):
            reader.fail(
                (*at, "factions"), "erwartet Fraktionskennungen mit Sitzzahlen, z. B. 'cdu: 20'"
            )
            continue
        seats = []
        for faction_id, number in counts.items():
            where = (*at, "factions", faction_id)
            faction = by_id.get(str(faction_id))
            if faction is None:
                reader.fail(
                    where,
                    f"die Fraktion '{faction_id}' steht nicht unter 'factions'"
                    + _hint(str(faction_id), by_id),
                )
                continue
            if term is not None and term not in faction.terms:
                reader.fail(
                    where, f"die Fraktion '{faction_id}' gibt es in der Wahlperiode '{term}' nicht"
                )
                continue
            seat_count = reader.integer(where, number, minimum=1)
            if seat_count is not None:
                seats.append((faction.id, seat_count))
        if committee and term:
            result.append(Seats(committee=committee, term=term, seats=tuple(seats)))
    return tuple(result)


def _persons(reader: FieldReader, value: object, faction_ids: set[str]) -> tuple[Person, ...]:
    persons: list[Person] = []
    for index, item in enumerate(reader.list_of(("persons",), value)):
        at = ("persons", index)
        entry = reader.mapping(at, item, known=("id", "name", "faction"), required=("id", "name"))
        if entry is None:
            continue
        person_id = reader.identifier((*at, "id"), entry.get("id"))
        name = reader.text((*at, "name"), entry.get("name"))
        faction = reader.identifier((*at, "faction"), entry.get("faction"))
        if faction is not None and faction not in faction_ids:
            reader.fail((*at, "faction"), f"die Fraktion '{faction}' steht nicht unter 'factions'")
            faction = None
        if person_id and name:
            persons.append(Person(id=person_id, name=name, faction=faction))
    return tuple(persons)


def _hint(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; meinten Sie '{close[0]}'?" if close else ""
