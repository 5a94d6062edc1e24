"""One resolution file → a ``Resolution``, or the problems that stand in the way.

This checks what one file can tell on its own: field types, closed vocabularies, vote
arithmetic, attachment paths. What needs the whole archive (unique ids, relation targets,
committees) is checked by ``catalog``.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path, PurePosixPath

from generator.archive.model import (
    AgendaItem,
    Attachment,
    Choice,
    FactionVote,
    Meeting,
    NamedVote,
    Relation,
    RelationType,
    Resolution,
    ResolutionKind,
    Result,
    Source,
    Vote,
)
from generator.archive.problems import Problem, error
from generator.reading.body_safety import check_body
from generator.reading.fields import FieldReader
from generator.reading.source_files import SourceText, decode, split_front_matter
from generator.reading.yaml_source import KeyPath, format_key_path, parse_yaml

FIELDS = (
    "id",
    "former_ids",
    "title",
    "committee",
    "date",
    "meeting",
    "agenda_item",
    "addendum_date",
    "reference",
    "paper_type",
    "kind",
    "recommended_to",
    "result",
    "vote",
    "legal_basis",
    "moved_by",
    "topics",
    "resolution_file",
    "attachments",
    "relations",
    "public",
    "source",
)
REQUIRED = ("id", "title", "committee", "date", "agenda_item", "kind", "result")
CROSS_FILE_FIELDS = frozenset(
    {
        "id",
        "former_ids",
        "committee",
        "recommended_to",
        "kind",
        "relations",
        "topics",
        "vote",
        "resolution_file",
    }
)
"""Fields the checks across files (and the build's reading of resolution files) report
on: only their positions are kept."""
VOTE_FIELDS = (
    "unanimous",
    "for",
    "against",
    "abstain",
    "factions",
    "excluded_for_bias",
    "excluded_for_bias_count",
    "text",
    "roll_call",
)
ROLL_CALL_FIELDS = ("person", "faction", "vote")
FACTION_FIELDS = ("name", "for", "against", "abstain")
ATTACHMENT_SUFFIXES = {".pdf", ".odt", ".ods", ".docx", ".xlsx", ".png", ".jpg", ".jpeg", ".csv"}
MAX_ATTACHMENT_BYTES = 50_000_000
DISCUSSION_HEADING = re.compile(r"^##[ \t]+Beratung[ \t]*#*[ \t]*$", re.MULTILINE)
LEVEL_ONE_HEADING = re.compile(r"^#[ \t]+\S", re.MULTILINE)
_EPOCH = datetime.date(1970, 1, 1)
"""Stands in for a missing date only in objects that are then discarded for their errors."""
SAFE_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+", re.IGNORECASE)


def read_resolution(
    source: SourceText, *, file_path: Path, content_root: Path
) -> tuple[Resolution | None, list[Problem]]:
    """Validate one split file; ``source.path`` is what messages show."""
    display_path = source.path
    document, problems = parse_yaml(
        source.front_matter, display_path, first_line=source.front_matter_line
    )
    if document.value is None and problems:
        return None, problems  # a syntax error: nothing further can be read
    imported = isinstance(document.value, dict) and document.value.get("source") is not None
    reader = FieldReader(document, display_path, imported=imported)
    reader.problems.extend(problems)
    data = reader.mapping((), document.value, known=FIELDS, required=REQUIRED, what="Kopfdaten")
    if data is None:
        return None, reader.problems

    agenda_item = _agenda_item(reader, data.get("agenda_item"))
    attachments = _attachments(reader, data.get("attachments"), file_path, content_root)
    resolution_file = (
        _attachment(reader, ("resolution_file",), value, file_path, content_root)
        if (value := data.get("resolution_file")) is not None
        else None
    )
    attachment_names = frozenset(
        a.file.name for a in (*attachments, resolution_file) if a is not None and a.file
    )
    text, discussion = _split_body(reader, source, attachment_names, resolution_file)
    votes = _votes(reader, data.get("vote"))
    resolution_id = reader.identifier(("id",), data.get("id"))
    title = reader.text(("title",), data.get("title"))
    committee = reader.identifier(("committee",), data.get("committee"))
    date = reader.date(("date",), data.get("date"))
    kind = reader.choice(("kind",), data.get("kind"), ResolutionKind)
    result = reader.choice(("result",), data.get("result"), Result)
    if result is Result.NOT_RECORDED:
        reader.gap(
            ("result",),
            "das Ergebnis ist nicht erfasst; die Seite sagt das so. Bitte aus der "
            "Niederschrift nachtragen, sobald es bekannt ist",
        )
    recommended_to = reader.identifier(("recommended_to",), data.get("recommended_to"))
    if kind is ResolutionKind.RECOMMENDATION and recommended_to is None:
        reader.fail(
            ("kind",),
            "eine Beschlussempfehlung braucht 'recommended_to' mit dem Gremium, "
            "an das sie geht (z. B. rat)",
        )
    public = reader.boolean(("public",), data.get("public"))
    resolution = Resolution(
        id=resolution_id or "",
        title=title or "",
        committee=committee or "",
        date=date or _EPOCH,
        agenda_item=agenda_item or AgendaItem(number=""),
        kind=kind or ResolutionKind.ORDINARY,
        result=result or Result.ADOPTED,
        path=display_path,
        text=text,
        discussion=discussion,
        former_ids=_identifiers(reader, ("former_ids",), data.get("former_ids")),
        meeting=_meeting(reader, data.get("meeting")),
        addendum_date=reader.date(("addendum_date",), data.get("addendum_date")),
        reference=reader.text(("reference",), data.get("reference")),
        paper_type=reader.text(("paper_type",), data.get("paper_type")),
        recommended_to=recommended_to,
        votes=votes,
        legal_basis=reader.text(("legal_basis",), data.get("legal_basis")),
        moved_by=reader.text_list(("moved_by",), data.get("moved_by")),
        topics=reader.text_list(("topics",), data.get("topics")),
        resolution_file=resolution_file,
        attachments=attachments,
        relations=_relations(reader, data.get("relations")),
        public=True if public is None else public,
        source=_source(reader, data.get("source")),
        positions={
            format_key_path(key): mark
            for key, mark in document.marks.items()
            if key and key[0] in CROSS_FILE_FIELDS
        },
    )
    _check_path_agrees(reader, resolution)
    if reader.problems and any(p.severity == "error" for p in reader.problems):
        return None, reader.problems
    return resolution, reader.problems


def _split_body(
    reader: FieldReader,
    source: SourceText,
    attachment_names: frozenset[str],
    resolution_file: Attachment | None,
) -> tuple[str, str]:
    body = source.body
    heading = LEVEL_ONE_HEADING.search(body)
    if heading:
        line = source.body_line + body[: heading.start()].count("\n")
        reader.problems.append(
            error(
                reader.path,
                line,
                1,
                None,
                "Überschriften der Ebene 1 ('# ') sind dem Titel vorbehalten; "
                "beginnen Sie Zwischenüberschriften mit '### '",
            )
        )
    reader.problems.extend(
        check_body(body, reader.path, source.body_line, attachment_names=attachment_names)
    )
    match = DISCUSSION_HEADING.search(body)
    text, discussion = (
        (body.strip(), "")
        if match is None
        else (body[: match.start()].strip(), body[match.end() :].strip())
    )
    if not text and resolution_file is None and reader.imported:
        reader.gap(
            (),
            "die Quelle enthält keinen Beschlusstext; die Seite sagt das so. Bitte aus der "
            "Niederschrift unter den Kopfdaten nachtragen oder unter 'resolution_file' die "
            "Datei nennen, in der er steht",
        )
    elif not text and resolution_file is None:
        reader.problems.append(
            error(
                reader.path,
                source.body_line,
                1,
                None,
                "der Beschlusstext fehlt; er steht unter den Kopfdaten, vor '## Beratung' "
                "(oder nennen Sie unter 'resolution_file' die Datei, in der er steht)",
            )
        )
    elif not text and resolution_file is not None and resolution_file.file is None:
        reader.gap(
            ("resolution_file",),
            "der Beschlusstext steht nur in der verlinkten Datei; die Seite verweist darauf. "
            "Liegt die Datei neben dem Beschluss (import oparl --download-files), zeigt die "
            "Seite ihren Text und die Suche findet ihn",
        )
    return text, discussion


def _agenda_item(reader: FieldReader, value: object) -> AgendaItem | None:
    if isinstance(value, str | int) and not isinstance(value, bool):
        reader.fail(
            ("agenda_item",),
            f"erwartet die Zuordnung 'number: \"{value}\"' (TOP-Nummer) "
            "und optional 'order', gefunden einen einzelnen Wert",
        )
        return None
    data = reader.mapping(("agenda_item",), value, known=("number", "order"), required=("number",))
    if data is None:
        return None
    number = reader.text(("agenda_item", "number"), data.get("number"))
    order = reader.integer(("agenda_item", "order"), data.get("order"))
    return AgendaItem(number=number, order=order) if number else None


def _meeting(reader: FieldReader, value: object) -> Meeting:
    if value is None:
        return Meeting()
    data = reader.mapping(("meeting",), value, known=("name", "number"))
    if data is None:
        return Meeting()
    return Meeting(
        name=reader.text(("meeting", "name"), data.get("name")),
        number=reader.integer(("meeting", "number"), data.get("number"), minimum=1),
    )


def _identifiers(reader: FieldReader, key_path: KeyPath, value: object) -> tuple[str, ...]:
    ids = []
    for index, item in enumerate(reader.list_of(key_path, value)):
        ident = reader.identifier((*key_path, index), item)
        if ident:
            ids.append(ident)
    return tuple(ids)


def _votes(reader: FieldReader, value: object) -> tuple[Vote, ...]:
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
    known = ("part", *VOTE_FIELDS) if partial else VOTE_FIELDS
    data = reader.mapping(at, value, known=known, required=("part",) if partial else ())
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


def _roll_call(reader: FieldReader, at: KeyPath, value: object) -> tuple[NamedVote, ...]:
    entries = []
    for index, item in enumerate(reader.list_of(at, value)):
        where = (*at, index)
        data = reader.mapping(where, item, known=ROLL_CALL_FIELDS, required=("person", "vote"))
        if data is None:
            continue
        person = reader.text((*where, "person"), data.get("person"))
        faction = reader.text((*where, "faction"), data.get("faction"))
        choice = reader.choice((*where, "vote"), data.get("vote"), Choice)
        if person and choice:
            entries.append(NamedVote(person=person, faction=faction, choice=choice))
    return tuple(entries)


_ATTRIBUTE = {"for": "in_favour", "against": "against", "abstain": "abstain"}


def _factions(reader: FieldReader, at: KeyPath, value: object) -> tuple[FactionVote, ...]:
    factions = []
    for index, item in enumerate(reader.list_of(at, value)):
        where = (*at, index)
        data = reader.mapping(where, item, known=FACTION_FIELDS, required=("name",))
        if data is None:
            continue
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


def _attachments(
    reader: FieldReader, value: object, file_path: Path, content_root: Path
) -> tuple[Attachment, ...]:
    attachments = []
    for index, item in enumerate(reader.list_of(("attachments",), value)):
        attachment = _attachment(reader, ("attachments", index), item, file_path, content_root)
        if attachment is not None:
            attachments.append(attachment)
    return tuple(attachments)


def _attachment(
    reader: FieldReader, at: KeyPath, item: object, file_path: Path, content_root: Path
) -> Attachment | None:
    data = reader.mapping(at, item, known=("file", "url", "title"), required=("title",))
    if data is None:
        return None
    title = reader.text((*at, "title"), data.get("title"))
    if ("file" in data) == ("url" in data):
        reader.fail(at, "eine Anlage braucht genau eines von 'file' (Datei) oder 'url'")
        return None
    if "url" in data:
        url = reader.text((*at, "url"), data.get("url"))
        if url is not None and not SAFE_URL.match(url):
            reader.fail(
                (*at, "url"),
                f"erwartet eine Webadresse, die mit https:// beginnt, gefunden '{url}'",
            )
        elif url and title:
            return Attachment(title=title, url=url)
        return None
    file = _attachment_file(reader, (*at, "file"), data.get("file"), file_path, content_root)
    if file is not None and title:
        return Attachment(title=title, file=file, size=file.stat().st_size)
    return None


def _attachment_file(
    reader: FieldReader, at: KeyPath, value: object, file_path: Path, content_root: Path
) -> Path | None:
    name = reader.text(at, value)
    if name is None:
        return None
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        # Never echo the name: a NUL or escape sequence would garble terminals and CI logs.
        reader.fail(at, "der Dateiname enthält ein Steuerzeichen (z. B. NUL); bitte umbenennen")
        return None
    if "\\" in name or "\x00" in name or name.startswith("/") or ":" in name:
        reader.fail(
            at,
            f"erwartet einen Dateinamen relativ zum Beschluss mit '/' als Trenner, "
            f"gefunden '{name}'",
        )
        return None
    if ".." in PurePosixPath(name).parts:
        reader.fail(at, f"die Anlage darf nicht außerhalb von content/ liegen ('{name}')")
        return None
    target = (file_path.parent / name).resolve()
    if not target.is_relative_to(content_root.resolve()):
        reader.fail(at, f"die Anlage darf nicht außerhalb von content/ liegen ('{name}')")
        return None
    if target.suffix.lower() not in ATTACHMENT_SUFFIXES:
        allowed = ", ".join(sorted(ATTACHMENT_SUFFIXES))
        reader.fail(at, f"Anlagen dieses Dateityps sind nicht erlaubt (erlaubt: {allowed})")
        return None
    if not target.is_file():
        reader.fail(at, f"die Datei '{name}' gibt es nicht neben dem Beschluss")
        return None
    size = target.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        reader.fail(
            at,
            f"die Datei ist {size // 1_000_000} MB groß; erlaubt sind höchstens "
            f"{MAX_ATTACHMENT_BYTES // 1_000_000} MB",
        )
        return None
    return target


def _relations(reader: FieldReader, value: object) -> tuple[Relation, ...]:
    relations = []
    for index, item in enumerate(reader.list_of(("relations",), value)):
        at: KeyPath = ("relations", index)
        data = reader.mapping(at, item, known=("type", "target"), required=("type", "target"))
        if data is None:
            continue
        kind = reader.choice((*at, "type"), data.get("type"), RelationType)
        target = reader.identifier((*at, "target"), data.get("target"))
        if kind and target:
            relations.append(Relation(type=kind, target=target))
    return tuple(relations)


def _source(reader: FieldReader, value: object) -> Source | None:
    if value is None:
        return None
    known = ("system", "origin", "checksum", "imported")
    data = reader.mapping(("source",), value, known=known, required=known[:3])
    if data is None:
        return None
    system = reader.text(("source", "system"), data.get("system"))
    origin = reader.text(("source", "origin"), data.get("origin"))
    checksum = reader.text(("source", "checksum"), data.get("checksum"))
    if not (system and origin and checksum):
        return None
    return Source(
        system=system,
        origin=origin,
        checksum=checksum,
        imported=reader.date(("source", "imported"), data.get("imported")),
    )


def _check_path_agrees(reader: FieldReader, resolution: Resolution) -> None:
    """Warn when the file's folder does not show its committee and year (the contract)."""
    parts = resolution.path.parts
    if not resolution.committee or resolution.date == _EPOCH or len(parts) < 3:
        return
    committee_dir, year_dir, name = parts[-3], parts[-2], parts[-1]
    expected = f"resolutions/{resolution.committee}/{resolution.date.year}/"
    if (
        committee_dir != resolution.committee
        or year_dir != str(resolution.date.year)
        or not name.startswith(resolution.date.isoformat())
    ):
        reader.warn(
            ("committee",),
            f"der Ablageort passt nicht zu Gremium und Datum; erwartet "
            f"content/{expected}{resolution.date.isoformat()}-….md",
        )


def read_resolution_file(
    path: Path, data: bytes, *, content_root: Path, display_path: Path
) -> tuple[Resolution | None, list[Problem]]:
    """Read one file's bytes; ``path`` locates attachments, ``display_path`` is shown."""
    text, problems = decode(display_path, data)
    if text is None:
        return None, problems
    source, problems = split_front_matter(display_path, text)
    if source is None:
        return None, problems
    return read_resolution(source, file_path=path, content_root=content_root)


def read_claims(data: bytes) -> tuple[str, str | None, tuple[str, ...]] | None:
    """(id, committee, former ids) of a file, read leniently even if it has errors.

    A file with a typo elsewhere still claims its id: other files that refer to it must not
    report a dangling relation, and ``new`` must not hand out the same id again.
    """
    text, _ = decode(Path(), data)
    source, _ = split_front_matter(Path(), text or "")
    if source is None:
        return None
    document, _ = parse_yaml(source.front_matter, Path())
    fields = document.value
    if not isinstance(fields, dict) or not isinstance(fields.get("id"), str):
        return None
    committee = fields.get("committee")
    former = fields.get("former_ids")
    former_ids = tuple(str(item) for item in former if item) if isinstance(former, list) else ()
    return fields["id"], committee if isinstance(committee, str) else None, former_ids
