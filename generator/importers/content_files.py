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

import yaml

from generator.archive.model import Result, Vote
from generator.importers.draft import Attachment, Draft, UrlAttachment
from generator.reading.scaffold import SCHEMA_COMMENT

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where installed: asking YAML how it reads each value is most of an
import's time, and the C loader reads it the same way twenty times faster."""
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
    lines = ["---", SCHEMA_COMMENT, f"id: {draft.id}"]
    lines.append(_field("title", draft.title, "Betreff des Beschlusses"))
    lines.append(_field("committee", draft.committee, "Kennung aus committees.yml"))
    lines.append(
        f"date: {draft.date.isoformat()}" if draft.date else "date:  # Sitzungsdatum JJJJ-MM-TT"
    )
    if draft.meeting_name or draft.meeting_number:
        lines.append("meeting:")
        if draft.meeting_name:
            lines.append(f"  name: {scalar(draft.meeting_name)}")
        if draft.meeting_number:
            lines.append(f"  number: {draft.meeting_number}")
    lines.append("agenda_item:")
    if draft.agenda_number:
        lines.append(f"  number: {scalar(draft.agenda_number, quote=True)}")
    else:
        lines.append('  number:  # TOP-Nummer in Anführungszeichen, z. B. "3.1"')
    if draft.agenda_order is not None:
        lines.append(f"  order: {draft.agenda_order}")
    if draft.addendum_date:
        lines.append(f"addendum_date: {draft.addendum_date.isoformat()}")
    if draft.reference:
        lines.append(f"reference: {scalar(draft.reference, quote=True)}")
    if draft.paper_type:
        lines.append(f"paper_type: {scalar(draft.paper_type)}")
    lines.append(f"kind: {draft.kind.value}")
    if draft.recommended_to or draft.kind.value == "recommendation":
        lines.append(_field("recommended_to", draft.recommended_to, "Gremium, z. B. rat"))
    if draft.result is Result.NOT_RECORDED and draft.result_text:
        lines.append(f"result: {draft.result.value}  # laut Quelle: {_comment(draft.result_text)}")
    elif draft.result is not None:
        lines.append(f"result: {draft.result.value}")
    else:
        wording = f"Ergebnis laut Quelle: {draft.result_text}" if draft.result_text else "fehlt"
        lines.append(f"result:  # {_comment(wording)}")
    lines.extend(_votes(draft.votes))
    if draft.legal_basis:
        lines.append(f"legal_basis: {scalar(draft.legal_basis)}")
    if draft.topics:
        lines.append("topics:")
        lines.extend(f"  - {scalar(topic)}" for topic in draft.topics)
    if draft.resolution_file is not None:
        lines.append("resolution_file:")
        lines.extend(_attachment_lines(draft.resolution_file, "  ", "  "))
    if draft.attachments:
        lines.append("attachments:")
        for attachment in draft.attachments:
            lines.extend(_attachment_lines(attachment, "  - ", "    "))
    if draft.relations:
        lines.append("relations:")
        for relation in draft.relations:
            lines.append(f"  - type: {relation.type.value}")
            lines.append(f"    target: {relation.target}")
    if checksum is not None:
        lines.append("source:")
        lines.append(f"  system: {scalar(draft.system)}")
        lines.append(f"  origin: {scalar(draft.origin, quote=True)}")
        lines.append(f"  checksum: {scalar(checksum, quote=True)}")
        if imported is not None:
            lines.append(f"  imported: {imported.isoformat()}")
    lines.append("---")
    body = "\n".join(lines) + "\n\n" + _markdown(draft.text) + "\n"
    if draft.discussion.strip():
        body += "\n## Beratung\n\n" + _markdown(draft.discussion) + "\n"
    return body


def _attachment_lines(attachment: Attachment, first: str, rest: str) -> list[str]:
    if isinstance(attachment, UrlAttachment):
        location = f"{first}url: {scalar(attachment.url)}"
    else:
        location = f"{first}file: {scalar(attachment.file)}"
    return [location, f"{rest}title: {scalar(attachment.title)}"]


def _field(name: str, value: str | None, hint: str) -> str:
    return f"{name}: {scalar(value)}" if value else f"{name}:  # {hint}"


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
