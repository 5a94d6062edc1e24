"""The ``vote`` field: one vote or several parts, with counts, factions and roll call.

Checks the arithmetic one file can check: faction rows and the roll call add up to the
counts they stand beside, a unanimous vote has no votes against, and a vote says its
result somehow (counts, ``unanimous`` or at least its wording).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.archive.model import Choice, FactionVote, NamedVote, Vote
from generator.reading import parts as schema
from generator.reading.fields import FieldReader
from generator.reading.parts import Part, names, object_schema, required_names
from generator.reading.yaml_source import KeyPath

FACTION_PARTS = (
    Part("name", schema.text(), required=True),
    Part("for", schema.integer(0)),
    Part("against", schema.integer(0)),
    Part("abstain", schema.integer(0)),
)
ROLL_CALL_PARTS = (
    Part(
        "person",
        schema.text("Name oder Kennung aus content/factions.yml (persons)"),
        required=True,
    ),
    Part("faction", schema.text("Kürzel der Fraktion")),
    Part(
        "vote",
        schema.choice(Choice, "for (Ja), against (Nein), abstain (Enthaltung)"),
        required=True,
    ),
)
VOTE_PARTS = (
    Part("unanimous", schema.boolean("einstimmig")),
    Part("for", schema.integer(0, "Ja-Stimmen")),
    Part("against", schema.integer(0, "Nein-Stimmen")),
    Part("abstain", schema.integer(0, "Enthaltungen")),
    Part(
        "factions",
        schema.array(object_schema(FACTION_PARTS), "Abstimmung nach Fraktionen"),
    ),
    Part(
        "excluded_for_bias",
        schema.array(schema.text(), "wegen Befangenheit (§ 31 GO NRW) nicht beteiligt"),
    ),
    Part(
        "excluded_for_bias_count",
        schema.integer(
            0, "Zahl der wegen Befangenheit nicht Beteiligten, wo die Quelle keine Namen nennt"
        ),
    ),
    Part("text", schema.multiline_text("Wortlaut einer nicht ausgewerteten Abstimmung")),
    Part(
        "roll_call",
        schema.array(
            object_schema(ROLL_CALL_PARTS),
            "namentliche Abstimmung: je Mitglied Name, Fraktion und Stimme",
        ),
    ),
)
PART = Part("part", schema.text(), required=True)
"""What each vote of a divided vote (a list) names first: the part of the motion."""
VOTE_FIELDS = names(VOTE_PARTS)
VOTE_SCHEMA: schema.Schema = {
    "oneOf": [
        object_schema(VOTE_PARTS),
        {"type": "array", "items": object_schema((PART, *VOTE_PARTS)), "minItems": 1},
    ]
}


def read_votes(reader: FieldReader, value: object) -> tuple[Vote, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        votes = []
        for index, item in enumerate(value):
            vote = _vote(reader, ("vote", index), item, partial=True)
            if vote is not None:
                votes.append(vote)
        return tuple(votes)
    vote = _vote(reader, ("vote",), value, partial=False)
    return (vote,) if vote is not None else ()


def _vote(reader: FieldReader, at: KeyPath, value: object, *, partial: bool) -> Vote | None:
    parts = (PART, *VOTE_PARTS) if partial else VOTE_PARTS
    data = reader.mapping(at, value, known=names(parts), required=required_names(parts))
    if data is None:
        return None
    unanimous = reader.boolean((*at, "unanimous"), data.get("unanimous")) or False
    counts = {
        key: reader.integer((*at, key), data.get(key)) for key in ("for", "against", "abstain")
    }
    factions = _factions(reader, (*at, "factions"), data.get("factions"))
    roll_call = _roll_call(reader, (*at, "roll_call"), data.get("roll_call"))
    text = reader.text((*at, "text"), data.get("text"), multiline=True)
    for column in ("for", "against", "abstain"):
        if not factions:
            break
        total = sum(getattr(f, _ATTRIBUTE[column]) for f in factions)
        if counts[column] is None:
            counts[column] = total
        elif counts[column] != total:
            reader.fail(
                (*at, column),
                f"die Fraktionen ergeben zusammen {total}, hier steht {counts[column]}; "
                "bitte Gesamtzahl oder Aufschlüsselung berichtigen",
            )
    for column in ("for", "against", "abstain"):
        if not roll_call:
            break
        named = sum(1 for entry in roll_call if entry.choice.value == column)
        if counts[column] is None:
            counts[column] = named
        elif counts[column] != named:
            reader.fail(
                (*at, "roll_call"),
                f"die namentliche Abstimmung zählt {named}-mal '{column}', die Abstimmung "
                f"nennt {counts[column]}; bitte Zahlen oder Namensliste berichtigen",
            )
    if unanimous and counts["against"]:
        reader.fail((*at, "against"), "eine einstimmige Abstimmung kann keine Gegenstimmen haben")
    has_counts = any(count is not None for count in counts.values())
    if text is not None and not unanimous and not has_counts:
        reader.gap(
            (*at, "text"),
            "die Abstimmung liegt nur als Wortlaut vor; bitte 'unanimous' oder die Zahlen "
            "'for', 'against', 'abstain' eintragen",
        )
    elif not unanimous and not has_counts and text is None:
        reader.fail(
            at,
            "die Abstimmung nennt kein Ergebnis; erwartet 'unanimous: true' oder die "
            "Zahlen 'for', 'against', 'abstain'",
        )
    excluded = reader.text_list((*at, "excluded_for_bias"), data.get("excluded_for_bias"))
    excluded_count = reader.integer(
        (*at, "excluded_for_bias_count"), data.get("excluded_for_bias_count")
    )
    if excluded and excluded_count is not None and excluded_count != len(excluded):
        reader.fail(
            (*at, "excluded_for_bias_count"),
            f"hier stehen {excluded_count}, unter 'excluded_for_bias' {len(excluded)} Namen; "
            "bitte angleichen oder die Zahl weglassen",
        )
    return Vote(
        part=reader.text((*at, "part"), data.get("part")) if partial else None,
        unanimous=unanimous,
        in_favour=counts["for"],
        against=counts["against"],
        abstain=counts["abstain"],
        factions=factions,
        excluded_for_bias=excluded,
        excluded_for_bias_count=excluded_count,
        text=text,
        roll_call=roll_call,
    )


def _entries(
    reader: FieldReader, at: KeyPath, value: object, parts: tuple[Part, ...]
) -> Iterator[tuple[KeyPath, dict[str, object]]]:
    """Each mapping of a list field with its key path; entries that are no mapping are
    reported by the reader and skipped."""
    for index, item in enumerate(reader.list_of(at, value)):
        where = (*at, index)
        data = reader.mapping(where, item, known=names(parts), required=required_names(parts))
        if data is not None:
            yield where, data


def _roll_call(reader: FieldReader, at: KeyPath, value: object) -> tuple[NamedVote, ...]:
    entries = []
    for where, data in _entries(reader, at, value, ROLL_CALL_PARTS):
        person = reader.text((*where, "person"), data.get("person"))
        faction = reader.text((*where, "faction"), data.get("faction"))
        choice = reader.choice((*where, "vote"), data.get("vote"), Choice)
        if person and choice:
            entries.append(NamedVote(person=person, faction=faction, choice=choice))
    return tuple(entries)


_ATTRIBUTE = {"for": "in_favour", "against": "against", "abstain": "abstain"}


def _factions(reader: FieldReader, at: KeyPath, value: object) -> tuple[FactionVote, ...]:
    factions = []
    for where, data in _entries(reader, at, value, FACTION_PARTS):
        name = reader.text((*where, "name"), data.get("name"))
        counts = {
            key: reader.integer((*where, key), data.get(key)) or 0
            for key in ("for", "against", "abstain")
        }
        if name:
            factions.append(
                FactionVote(
                    name=name,
                    in_favour=counts["for"],
                    against=counts["against"],
                    abstain=counts["abstain"],
                )
            )
    return tuple(factions)
