"""A ``Draft`` → the text of a content file, in the field order of content/README.md.

The YAML is written by hand rather than by ``yaml.dump`` so that the order, the quoting of
TOP and reference numbers (``"3.10"`` must stay text) and the schema comment line are
exactly what editors see in files they write themselves.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable

import yaml

from generator.archive.model import ResolutionKind, Result, Vote
from generator.importers.draft import Attachment, Draft, UrlAttachment
from generator.reading.contract import FIELD, RESOLUTION_FIELDS
from generator.reading.scaffold import SCHEMA_COMMENT

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where installed: asking YAML how it reads each value is most of an
import's time, and the C loader reads it the same way twenty times faster."""
Writer = Callable[[Draft], list[str]]
"""The lines of one field in the file (none when the draft does not have it)."""
_SOURCE_BLOCK = re.compile(r"^source:[ \t]*\n(?:[ \t]+.*\n?)*", re.MULTILINE)
_RESERVED_LINE = re.compile(
    r"^(?=#[ \t]|##[ \t]+Beratung\b|---[ \t]*$|\.\.\.[ \t]*$)", re.MULTILINE
)


def scalar(value: str, *, quote: bool = False) -> str:
    """A YAML scalar that reads back as exactly this text."""
    if not quote and value == value.strip() and "\n" not in value and value:
        try:
            if yaml.load(f"k: {value}", Loader=_LOADER) == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def render(
    draft: Draft, *, checksum: str | None = None, imported: datetime.date | None = None
) -> str:
    """The file text; without ``checksum`` the ``source`` block is left out (for hashing)."""
    writers: dict[str, Writer] = {
        **_WRITERS,
        "source": lambda draft: _source(draft, checksum, imported),
    }
    lines = ["---", SCHEMA_COMMENT]
    for field in RESOLUTION_FIELDS:  # the contract's order
        if (write := writers.get(field.name)) is not None:
            lines.extend(write(draft))
    lines.append("---")
    body = "\n".join(lines) + "\n\n" + _markdown(draft.text) + "\n"
    if draft.discussion.strip():
        body += "\n## Beratung\n\n" + _markdown(draft.discussion) + "\n"
    return body


def _meeting(draft: Draft) -> list[str]:
    if not (draft.meeting_name or draft.meeting_number):
        return []
    lines = ["meeting:"]
    if draft.meeting_name:
        lines.append(f"  name: {scalar(draft.meeting_name)}")
    if draft.meeting_number:
        lines.append(f"  number: {draft.meeting_number}")
    return lines


def _agenda_item(draft: Draft) -> list[str]:
    if draft.agenda_number:
        lines = ["agenda_item:", f"  number: {scalar(draft.agenda_number, quote=True)}"]
    else:
        lines = _placeholder("agenda_item")
    if draft.agenda_order is not None:
        lines.append(f"  order: {draft.agenda_order}")
    return lines


def _result(draft: Draft) -> list[str]:
    if draft.result is Result.NOT_RECORDED and draft.result_text:
        return [f"result: {draft.result.value}  # laut Quelle: {_comment(draft.result_text)}"]
    if draft.result is not None:
        return [f"result: {draft.result.value}"]
    wording = f"Ergebnis laut Quelle: {draft.result_text}" if draft.result_text else "fehlt"
    return [f"result:  # {_comment(wording)}"]


def _recommended_to(draft: Draft) -> list[str]:
    if draft.recommended_to:
        return [f"recommended_to: {scalar(draft.recommended_to)}"]
    if draft.kind is ResolutionKind.RECOMMENDATION:
        return ["recommended_to:  # Gremium, z. B. rat"]
    return []


def _attachments(draft: Draft) -> list[str]:
    if not draft.attachments:
        return []
    lines = ["attachments:"]
    for attachment in draft.attachments:
        lines.extend(_attachment_lines(attachment, "  - ", "    "))
    return lines


def _relations(draft: Draft) -> list[str]:
    lines = ["relations:"] if draft.relations else []
    for relation in draft.relations:
        lines.append(f"  - type: {relation.type.value}")
        lines.append(f"    target: {relation.target}")
    return lines


def _source(draft: Draft, checksum: str | None, imported: datetime.date | None) -> list[str]:
    if checksum is None:
        return []
    lines = [
        "source:",
        f"  system: {scalar(draft.system)}",
        f"  origin: {scalar(draft.origin, quote=True)}",
        f"  checksum: {scalar(checksum, quote=True)}",
    ]
    if imported is not None:
        lines.append(f"  imported: {imported.isoformat()}")
    return lines


def _optional(name: str, value: str | None, *, quote: bool = False) -> list[str]:
    return [f"{name}: {scalar(value, quote=quote)}"] if value else []


def _placeholder(name: str) -> list[str]:
    """What ``ratsarchiv new`` writes for the field: the editor sees the same hint."""
    return (FIELD[name].scaffold or f"{name}:").split("\n")


_WRITERS: dict[str, Writer] = {
    "id": lambda draft: [f"id: {draft.id}"],
    "title": lambda draft: _optional("title", draft.title) or _placeholder("title"),
    "committee": lambda draft: _optional("committee", draft.committee) or _placeholder("committee"),
    "date": lambda draft: (
        [f"date: {draft.date.isoformat()}"] if draft.date else _placeholder("date")
    ),
    "meeting": _meeting,
    "agenda_item": _agenda_item,
    "addendum_date": lambda draft: (
        [f"addendum_date: {draft.addendum_date.isoformat()}"] if draft.addendum_date else []
    ),
    "reference": lambda draft: _optional("reference", draft.reference, quote=True),
    "paper_type": lambda draft: _optional("paper_type", draft.paper_type),
    "kind": lambda draft: [f"kind: {draft.kind.value}"],
    "recommended_to": _recommended_to,
    "result": _result,
    "referred_to": lambda draft: _optional("referred_to", draft.referred_to),
    "vote": lambda draft: _votes(draft.votes),
    "legal_basis": lambda draft: _optional("legal_basis", draft.legal_basis),
    "topics": lambda draft: (
        ["topics:", *(f"  - {scalar(topic)}" for topic in draft.topics)] if draft.topics else []
    ),
    "resolution_file": lambda draft: (
        []
        if draft.resolution_file is None
        else ["resolution_file:", *_attachment_lines(draft.resolution_file, "  ", "  ")]
    ),
    "attachments": _attachments,
    "relations": _relations,
}
"""How each field a draft can hold is written; fields not named here (``former_ids``,
``moved_by``, ``public``) are never imported. ``source`` is written by ``render``."""


def _attachment_lines(attachment: Attachment, first: str, rest: str) -> list[str]:
    if isinstance(attachment, UrlAttachment):
        location = f"{first}url: {scalar(attachment.url)}"
    else:
        location = f"{first}file: {scalar(attachment.file)}"
    lines = [location, f"{rest}title: {scalar(attachment.title)}"]
    if isinstance(attachment, UrlAttachment) and attachment.text:
        lines.append(f"{rest}text: {scalar(attachment.text)}")
    return lines


def _comment(text: str) -> str:
    return " ".join(text.split())


def _votes(votes: tuple[Vote, ...]) -> list[str]:
    if not votes:
        return []
    if len(votes) == 1 and votes[0].part is None:
        return ["vote:", *_vote_lines(votes[0], "  ")]
    lines = ["vote:"]
    for vote in votes:
        body = _vote_lines(vote, "    ")
        lines.append(f"  - part: {scalar(vote.part or '')}")
        lines.extend(body)
    return lines


def _vote_lines(vote: Vote, indent: str) -> list[str]:
    lines = []
    if vote.unanimous:
        lines.append(f"{indent}unanimous: true")
    for key, count in (
        ("for", vote.in_favour),
        ("against", vote.against),
        ("abstain", vote.abstain),
    ):
        if count is not None:
            lines.append(f"{indent}{key}: {count}")
    if vote.factions:
        lines.append(f"{indent}factions:")
        for faction in vote.factions:
            lines.append(f"{indent}  - name: {scalar(faction.name)}")
            for key, count in (
                ("for", faction.in_favour),
                ("against", faction.against),
                ("abstain", faction.abstain),
            ):
                if count:
                    lines.append(f"{indent}    {key}: {count}")
    if vote.excluded_for_bias:
        lines.append(f"{indent}excluded_for_bias:")
        lines.extend(f"{indent}  - {scalar(name)}" for name in vote.excluded_for_bias)
    if vote.excluded_for_bias_count is not None:
        lines.append(f"{indent}excluded_for_bias_count: {vote.excluded_for_bias_count}")
    if vote.text:
        lines.append(f"{indent}text: {scalar(vote.text, quote=True)}")
    return lines


def _markdown(text: str) -> str:
    """Plain source text as Markdown that shows it as written: never structure of the
    content file, never a link, picture, HTML element or entity (the source's text is
    text; its "[x](javascript:…)" or "<img src=…>" must not become markup)."""
    text = _MARKUP.sub(r"\\\g<0>", text).replace("](", "]\\(")
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return _RESERVED_LINE.sub("\\\\", text)


_MARKUP = re.compile(r"[\\\[\]&]")
"""What turns text into links, pictures, HTML or entities in Markdown."""


# -- checksums -------------------------------------------------------------------------


def without_source(text: str) -> str:
    """The file text minus its ``source`` block: what the checksum covers."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    end = text.find("\n---", 3)  # only the front matter holds the block
    if end < 0:
        return text
    return _SOURCE_BLOCK.sub("", text[: end + 1], count=1) + text[end + 1 :]


def checksum(text: str) -> str:
    return "sha256:" + hashlib.sha256(without_source(text).encode("utf-8")).hexdigest()
