"""What an importer produces for one resolution, before it becomes a content file.

Unlike ``model.Resolution`` every field may be missing: what the source does not say is
left empty in the file for an editor, and ``ratsarchiv check`` reports it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from generator.archive.model import Relation, ResolutionKind, Result, Vote


@dataclass(frozen=True, slots=True, kw_only=True)
class UrlAttachment:
    title: str
    url: str
    download_url: str | None = None
    """Where to fetch the file for ``--download-files`` (OParl ``downloadUrl`` or ``accessUrl``)."""
    file_name: str | None = None
    """The source's name for the file (OParl ``fileName``), to derive the local name from."""
    mime_type: str | None = None
    text: str | None = None
    """The file's text as the source delivers it (OParl 1.1 ``File.text``), for the search."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FileAttachment:
    title: str
    file: str
    """A file name beside the resolution file (its text the build reads from the file)."""


Attachment = UrlAttachment | FileAttachment


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    id: str
    system: str
    """``oparl`` or ``sessionnet``."""
    origin: str
    """What identifies the record in its source: an OParl id (URL) or a file/page."""
    title: str | None = None
    committee: str | None = None
    date: datetime.date | None = None
    meeting_name: str | None = None
    meeting_number: int | None = None
    agenda_number: str | None = None
    agenda_order: int | None = None
    addendum_date: datetime.date | None = None
    reference: str | None = None
    paper_type: str | None = None
    kind: ResolutionKind = ResolutionKind.ORDINARY
    recommended_to: str | None = None
    result: Result | None = None
    result_text: str | None = None
    referred_to: str | None = None
    """The committee id a referral goes to; None where the wording names none we know."""
    """The source's result wording when ``result`` could not be derived from it."""
    votes: tuple[Vote, ...] = ()
    legal_basis: str | None = None
    topics: tuple[str, ...] = ()
    resolution_file: Attachment | None = None
    """The signed resolution (OParl ``resolutionFile``): often the only place of its text."""
    attachments: tuple[Attachment, ...] = ()
    relations: tuple[Relation, ...] = ()
    text: str = ""
    discussion: str = ""
    notes: tuple[str, ...] = ()
    """Things the importer could not settle (unparsed votes, missing fields), for the report."""
