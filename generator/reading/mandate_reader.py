"""The ``mandates`` field: what a resolution instructed, and the dated history of each.

Checks within the file: ids unique, a due date or an interval, no due date before the
resolution's own date, status dates in order, nothing after ``done``. Links (``by``) to
other resolutions are checked across files, in the catalog.
"""

from __future__ import annotations

import datetime

from generator.archive.mandates import Mandate, MandateState, MandateStatus
from generator.reading import parts as schema
from generator.reading.field_readers import FileContext
from generator.reading.parts import Part, Schema, names, object_schema, required_names
from generator.reading.yaml_source import KeyPath

STATUS_PARTS = (
    Part("date", schema.date("Datum des Standes"), required=True),
    Part("status", schema.choice(MandateState), required=True),
    Part("note", schema.text("Kurze Anmerkung zum Stand")),
    Part("by", schema.identifier("Kennung des Beschlusses, der berichtet oder erledigt")),
)

MANDATE_PARTS = (
    Part("id", schema.identifier("Kennung, eindeutig im Beschluss (z. B. a1)"), required=True),
    Part("task", schema.text("Was zu tun ist, ein Satz"), required=True),
    Part("responsible", schema.text("Zuständige Stelle, wie im Beschluss genannt"), required=True),
    Part("report_to", schema.identifier("Gremium, dem berichtet wird (optional)")),
    Part("due", schema.date("Frist")),
    Part("interval", schema.text('Wiederkehrender Bericht, z. B. "halbjährlich"')),
    Part("history", schema.array(object_schema(STATUS_PARTS)), required=True),
)

MANDATES_SCHEMA: Schema = schema.array(
    object_schema(MANDATE_PARTS), "Aufträge an die Verwaltung mit Frist und Stand"
)


def mandates(file: FileContext, at: KeyPath, value: object) -> tuple[Mandate, ...]:
    reader = file.reader
    resolution_date = file.earlier.get("date")
    found: list[Mandate] = []
    seen: set[str] = set()
    for index, item in enumerate(reader.list_of(at, value)):
        where: KeyPath = (*at, index)
        data = reader.mapping(
            where, item, known=names(MANDATE_PARTS), required=required_names(MANDATE_PARTS)
        )
        if data is None:
            continue
        ident = reader.identifier((*where, "id"), data.get("id"))
        if ident is not None and ident in seen:
            reader.fail(
                (*where, "id"), f"die Kennung '{ident}' kommt in diesem Beschluss zweimal vor"
            )
        task = reader.text((*where, "task"), data.get("task"))
        responsible = reader.text((*where, "responsible"), data.get("responsible"))
        report_to = reader.identifier((*where, "report_to"), data.get("report_to"))
        due = reader.date((*where, "due"), data.get("due"))
        interval = reader.text((*where, "interval"), data.get("interval"))
        if due is None and interval is None and "due" not in data:
            reader.fail(
                where,
                "ein Auftrag braucht eine Frist 'due' (JJJJ-MM-TT) oder einen "
                "wiederkehrenden Bericht 'interval' (z. B. \"halbjährlich\")",
            )
        if due is not None and isinstance(resolution_date, datetime.date) and due < resolution_date:
            reader.fail(
                (*where, "due"),
                f"die Frist {due.isoformat()} liegt vor dem Sitzungsdatum "
                f"{resolution_date.isoformat()}; prüfen Sie die Jahreszahl",
            )
        history = _history(file, (*where, "history"), data.get("history"), resolution_date)
        if ident is None or task is None or responsible is None or history is None:
            continue
        seen.add(ident)
        found.append(
            Mandate(
                id=ident,
                task=task,
                responsible=responsible,
                report_to=report_to,
                due=due,
                interval=interval,
                history=history,
            )
        )
    return tuple(found)


def _history(
    file: FileContext, at: KeyPath, value: object, resolution_date: object
) -> tuple[MandateStatus, ...] | None:
    reader = file.reader
    items = reader.list_of(at, value)
    if value is not None and isinstance(value, list) and not items:
        reader.fail(at, "die Liste ist leer; erwartet mindestens einen Stand (z. B. status: open)")
        return None
    entries: list[MandateStatus] = []
    ok = True
    for index, item in enumerate(items):
        where: KeyPath = (*at, index)
        data = reader.mapping(
            where, item, known=names(STATUS_PARTS), required=required_names(STATUS_PARTS)
        )
        if data is None:
            ok = False
            continue
        date = reader.date((*where, "date"), data.get("date"))
        status = reader.choice((*where, "status"), data.get("status"), MandateState)
        note = reader.text((*where, "note"), data.get("note"))
        by = reader.identifier((*where, "by"), data.get("by"))
        if date is None or status is None:
            ok = False
            continue
        if isinstance(resolution_date, datetime.date) and date < resolution_date:
            reader.fail(
                (*where, "date"),
                f"der Stand vom {date.isoformat()} liegt vor dem Sitzungsdatum "
                f"{resolution_date.isoformat()}",
            )
            ok = False
        elif entries and date < entries[-1].date:
            reader.fail(
                (*where, "date"),
                f"die Stände stehen nicht in zeitlicher Folge: {date.isoformat()} liegt vor "
                f"dem vorigen Stand vom {entries[-1].date.isoformat()}; ältester zuerst",
            )
            ok = False
        if entries and entries[-1].status is MandateState.DONE:
            reader.fail(
                (*where, "status"),
                f"nach 'done' (erledigt am {entries[-1].date.isoformat()}) folgt kein "
                "weiterer Stand; ist der Auftrag wieder offen, als neuen Auftrag eintragen",
            )
            ok = False
        entries.append(MandateStatus(date=date, status=status, note=note or "", by=by))
    return tuple(entries) if ok else None
