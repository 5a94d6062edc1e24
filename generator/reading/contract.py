"""The content contract: every field of a resolution file, declared once.

Each ``Field`` says what the field is called in the file, its German label, how it is
read and checked, what the model keeps when the file leaves it out, its JSON Schema
fragment, what ``ratsarchiv new`` writes for it and which CSV columns publish it. The rest
is derived from ``RESOLUTION_FIELDS``, in its order: the reader's loop and its check for
unknown fields (``resolution_reader``), the scaffold (``scaffold``), the field order of
imported files (``importers.content_files``), the published JSON and CSV
(``outputs.downloads``) and the JSON Schema (``schema``, written to ``generator/schemas/``).

The order is that of the published data (CSV columns, JSON keys); files the importers
write follow it too, and editors may write fields in any order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from generator.archive.model import AgendaItem, ResolutionKind, Result
from generator.reading import columns, parts
from generator.reading import field_readers as readers
from generator.reading.attachment_reader import attachment_schema
from generator.reading.columns import Column
from generator.reading.field_readers import Read
from generator.reading.mandate_reader import MANDATES_SCHEMA, mandates
from generator.reading.parts import Schema, object_schema
from generator.reading.vote_reader import VOTE_SCHEMA

EPOCH = datetime.date(1970, 1, 1)
"""Stands in for a missing date only in objects that are then discarded for their errors."""


@dataclass(frozen=True, slots=True)
class RequiredIf:
    """The field is required when another field has this value."""

    field: str
    value: str
    message: str
    """Reported at the other field, which is what made this one necessary."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Field:
    name: str
    """The key in the file (OParl's name where it has one)."""
    label: str
    """German, for editors (the schema's title, which their editors show)."""
    read: Read
    schema: Schema
    attribute: str | None = None
    """The ``Resolution`` attribute, when it is not called like the key."""
    required: bool = False
    missing: object = None
    """The model's value when the file gives none. For a required field it stands in only
    in an object that is discarded for the error."""
    required_if: RequiredIf | None = None
    cross_file: bool = False
    """Checked across files (catalog): the reader keeps the positions of its keys."""
    scaffold: str | None = None
    """The lines ``ratsarchiv new`` writes for the field; None: only named as optional."""
    suggested: bool = True
    """Named in the scaffold's list of optional fields (when it has no lines of its own)."""
    csv: tuple[Column, ...] = ()

    @property
    def model_attribute(self) -> str:
        return self.attribute or self.name


VOTE_SKELETON = """\
# Abstimmung: eine der beiden Formen, die '#' vor den Zeilen entfernen.
# vote:
#   unanimous: true         # einstimmig
# vote:
#   for: 0                  # Ja-Stimmen
#   against: 0              # Nein-Stimmen
#   abstain: 0              # Enthaltungen
#   factions:               # optional, je Fraktion; Summen wie oben
#     - name: Fraktionsname
#       for: 0
#       against: 0
#       abstain: 0
#   excluded_for_bias:      # optional, § 31 GO NRW
#     - Name (Fraktion)"""


def _values(enum: type[StrEnum], separator: str) -> str:
    return separator.join(member.value for member in enum)


RESOLUTION_FIELDS: tuple[Field, ...] = (
    Field(
        name="id",
        label="Kennung",
        read=readers.identifier,
        schema=parts.identifier("Dauerhafte Kennung; bestimmt die Adresse /beschluss/<id>/"),
        required=True,
        missing="",
        cross_file=True,
        scaffold="id:  # Kennung wie ha-2020-017",
        csv=(
            Column("id", "Text", "Dauerhafte Kennung des Beschlusses"),
            Column("url", "URL", "Adresse der Beschlussseite"),
        ),
    ),
    Field(
        name="title",
        label="Betreff",
        read=readers.text,
        schema=parts.text("Betreff"),
        required=True,
        missing="",
        scaffold="title:  # Betreff des Beschlusses",
        csv=(Column("title", "Text", "Betreff"),),
    ),
    Field(
        name="committee",
        label="Gremium",
        read=readers.identifier,
        schema=parts.identifier("Gremium (Kennung aus committees.yml)"),
        required=True,
        missing="",
        cross_file=True,
        scaffold="committee:  # Kennung aus committees.yml",
        csv=(
            Column("committee", "Text", "Kennung des Gremiums"),
            Column("committee_name", "Text", "Name des Gremiums"),
        ),
    ),
    Field(
        name="date",
        label="Sitzungsdatum",
        read=readers.date,
        schema=parts.date("Sitzungsdatum"),
        required=True,
        missing=EPOCH,
        scaffold="date:  # Sitzungsdatum JJJJ-MM-TT",
        csv=(Column("date", "Datum (JJJJ-MM-TT)", "Sitzungsdatum"),),
    ),
    Field(
        name="meeting",
        label="Sitzung",
        read=readers.meeting,
        schema=object_schema(readers.MEETING_PARTS),
        scaffold='meeting:\n  name:  # z. B. "12. Sitzung des Ausschusses" (optional)',
        csv=(
            Column(
                "meeting_name", "Text", "Bezeichnung der Sitzung", columns.at("meeting", "name")
            ),
            Column(
                "meeting_number",
                "Ganzzahl",
                "Laufende Nummer der Sitzung",
                columns.at("meeting", "number"),
            ),
        ),
    ),
    Field(
        name="agenda_item",
        label="Tagesordnungspunkt (TOP)",
        read=readers.agenda_item,
        schema=object_schema(readers.AGENDA_PARTS),
        required=True,
        missing=AgendaItem(number=""),
        scaffold='agenda_item:\n  number:  # TOP-Nummer in Anführungszeichen, z. B. "3.1"',
        csv=(
            Column(
                "agenda_item",
                "Text",
                "Tagesordnungspunkt (TOP)",
                columns.at("agenda_item", "number"),
            ),
            Column(
                "agenda_order",
                "Ganzzahl",
                "Reihenfolge in der Sitzung, falls abweichend vom TOP",
                columns.at("agenda_item", "order"),
            ),
        ),
    ),
    Field(
        name="addendum_date",
        label="Nachtrag vom",
        read=readers.date,
        schema=parts.date("Nachtrag: Datum der Aufnahme in die Tagesordnung"),
        csv=(
            Column(
                "addendum_date", "Datum", "Datum, an dem der Punkt als Nachtrag aufgenommen wurde"
            ),
        ),
    ),
    Field(
        name="reference",
        label="Drucksache",
        read=readers.text,
        schema=parts.text("Drucksachen-/Vorlagennummer"),
        csv=(Column("reference", "Text", "Drucksachen-/Vorlagennummer"),),
    ),
    Field(
        name="paper_type",
        label="Art der Vorlage",
        read=readers.text,
        schema=parts.text("Art der Vorlage"),
        csv=(Column("paper_type", "Text", "Art der Vorlage"),),
    ),
    Field(
        name="kind",
        label="Art des Beschlusses",
        read=readers.choice(ResolutionKind),
        schema=parts.choice(ResolutionKind),
        required=True,
        missing=ResolutionKind.ORDINARY,
        cross_file=True,
        scaffold=f"kind: ordinary  # {_values(ResolutionKind, ' | ')}",
        csv=(Column("kind", "Code", f"Art: {_values(ResolutionKind, ', ')}"),),
    ),
    Field(
        name="recommended_to",
        label="Empfohlen an",
        read=readers.identifier,
        schema=parts.identifier("Empfängergremium einer Beschlussempfehlung"),
        required_if=RequiredIf(
            "kind",
            ResolutionKind.RECOMMENDATION.value,
            "eine Beschlussempfehlung braucht 'recommended_to' mit dem Gremium, "
            "an das sie geht (z. B. rat)",
        ),
        cross_file=True,
        suggested=False,
        csv=(Column("recommended_to", "Text", "Gremium, an das eine Beschlussempfehlung geht"),),
    ),
    Field(
        name="result",
        label="Ergebnis",
        read=readers.result,
        schema=parts.choice(Result),
        required=True,
        missing=Result.ADOPTED,
        scaffold=f"result:  # {_values(Result, ' | ')}",
        csv=(Column("result", "Code", f"Ergebnis: {_values(Result, ', ')}"),),
    ),
    Field(
        name="referred_to",
        label="Überwiesen an",
        read=readers.identifier,
        schema=parts.identifier("Gremium, an das eine Angelegenheit verwiesen wurde"),
        cross_file=True,
        suggested=False,
        csv=(Column("referred_to", "Text", "Gremium, an das verwiesen wurde (bei referred)"),),
    ),
    Field(
        name="vote",
        label="Abstimmung",
        read=readers.votes,
        schema=VOTE_SCHEMA,
        attribute="votes",
        cross_file=True,
        scaffold=VOTE_SKELETON,
        csv=(
            Column(
                "unanimous",
                "Wahrheitswert",
                "true, wenn es Abstimmungen gab und alle einstimmig waren",
                columns.unanimous,
            ),
            Column(
                "votes_for",
                "Ganzzahl",
                "Ja-Stimmen, Summe über alle gezählten Abstimmungen",
                columns.total(0),
            ),
            Column(
                "votes_against",
                "Ganzzahl",
                "Nein-Stimmen, Summe über alle gezählten Abstimmungen",
                columns.total(1),
            ),
            Column(
                "votes_abstain",
                "Ganzzahl",
                "Enthaltungen, Summe über alle gezählten Abstimmungen",
                columns.total(2),
            ),
            Column(
                "vote_count",
                "Ganzzahl",
                "Anzahl der Abstimmungen (mehrere bei getrennter Abstimmung)",
                lambda record: str(len(record["votes"])),
            ),
            Column(
                "votes",
                "JSON",
                "Alle Abstimmungen mit Fraktionen und Befangenheit (Aufbau wie in JSON)",
                columns.as_json("votes"),
            ),
        ),
    ),
    Field(
        name="legal_basis",
        label="Rechtsgrundlage",
        read=readers.text,
        schema=parts.text(),
        csv=(Column("legal_basis", "Text", "Rechtsgrundlage"),),
    ),
    Field(
        name="moved_by",
        label="Antragsteller",
        read=readers.text_list,
        schema=parts.array(parts.text()),
        csv=(
            Column("moved_by", "Liste", "Antragsteller, einer je Zeile", columns.lines("moved_by")),
        ),
    ),
    Field(
        name="topics",
        label="Themen",
        read=readers.text_list,
        schema=parts.array(parts.text()),
        cross_file=True,
        csv=(Column("topics", "Liste", "Themen, eines je Zeile", columns.lines("topics")),),
    ),
    Field(
        name="public",
        label="Öffentlich",
        read=readers.boolean,
        schema=parts.boolean(),
        missing=True,
        csv=(
            Column(
                "public", "Wahrheitswert", "false bei nicht öffentlichen Beschlüssen (ohne Text)"
            ),
        ),
    ),
    Field(
        name="former_ids",
        label="Frühere Kennungen",
        read=readers.identifiers,
        schema=parts.array(
            {"type": "string", "pattern": parts.identifier()["pattern"]},
            "Frühere Kennungen (Weiterleitungen)",
        ),
        cross_file=True,
        suggested=False,
        csv=(
            Column(
                "former_ids",
                "Liste",
                "Frühere Kennungen, eine je Zeile",
                columns.lines("former_ids"),
            ),
        ),
    ),
    Field(
        name="resolution_file",
        label="Beschlussausfertigung",
        read=readers.resolution_file,
        schema=attachment_schema(
            "Die Beschlussausfertigung als Datei (OParl resolutionFile); steht der Text nur "
            "dort, darf der Text unter den Kopfdaten fehlen"
        ),
        cross_file=True,
        suggested=False,
        csv=(
            Column(
                "resolution_file",
                "JSON",
                "Beschlussausfertigung als Datei: title, url, size",
                columns.as_json("resolution_file"),
            ),
        ),
    ),
    Field(
        name="attachments",
        label="Anlagen",
        read=readers.attachments,
        schema=parts.array(attachment_schema()),
        csv=(
            Column(
                "attachments", "JSON", "Anlagen: title, url, size", columns.as_json("attachments")
            ),
        ),
    ),
    Field(
        name="relations",
        label="Bezüge",
        read=readers.relations,
        schema=parts.array(object_schema(readers.RELATION_PARTS)),
        cross_file=True,
        csv=(
            Column(
                "relations",
                "JSON",
                "Bezüge zu anderen Beschlüssen: type, target",
                columns.as_json("relations"),
            ),
        ),
    ),
    Field(
        name="mandates",
        label="Aufträge",
        read=mandates,
        schema=MANDATES_SCHEMA,
        cross_file=True,
        suggested=False,
        csv=(
            Column(
                "mandates",
                "JSON",
                "Aufträge: id, task, responsible, report_to, due, interval, history "
                "(eine Zeile je Stand in auftraege.csv)",
                columns.as_json("mandates"),
            ),
        ),
    ),
    Field(
        name="source",
        label="Herkunft",
        read=readers.source,
        schema=object_schema(readers.SOURCE_PARTS),
        suggested=False,
        csv=(
            Column(
                "source",
                "JSON",
                "Herkunft importierter Beschlüsse: system, origin, checksum, imported",
                columns.as_json("source"),
            ),
        ),
    ),
)

FIELD = {field.name: field for field in RESOLUTION_FIELDS}
FIELDS = tuple(FIELD)
REQUIRED = tuple(field.name for field in RESOLUTION_FIELDS if field.required)
CROSS_FILE_FIELDS = frozenset(field.name for field in RESOLUTION_FIELDS if field.cross_file)
"""Fields the checks across files (and the build's reading of resolution files) report
on: only their positions are kept."""
