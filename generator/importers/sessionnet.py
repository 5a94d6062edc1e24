"""SessionNet item pages → drafts: saved HTML (``to0050.asp``) or text copied from it.

A text copy looks like ``shared/examples/seed-resolution.txt``: a few ``Label: value``
lines, then ``Beschluss:`` and the resolution text, the discussion after two empty lines,
and the vote at the end. Paragraphs inside a text are separated by lines holding only a
no-break space (that is how SessionNet's editor spaces paragraphs), sections by two truly
empty lines.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from generator.archive.model import ResolutionKind, Result, Vote
from generator.importers.committee_registry import CommitteeRegistry
from generator.importers.draft import Draft
from generator.importers.outcome import result_of_votes
from generator.importers.vote_text import normalise, parse_result, parse_votes

HEADER_LABELS = ("gremium", "sitzung", "datum", "top", "vorlage", "betreff")
TEXT_LABELS = (
    *HEADER_LABELS,
    "nachtrag",
    "beschluss",
    "ergebnis",
    "abstimmung",
    "abstimmungsergebnis",
)
_LABEL_LINE = re.compile(r"^\s*(?P<label>[A-Za-zÄÖÜäöü]+)\s*:\s*(?P<value>.*?)\s*$")
_SECTION_BREAK = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_DATE = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})")
_VOTE_START = re.compile(
    r"^\s*-?\s*(?:einstimmig|mehrheitlich|dafür|dagegen|ja\b|ja-stimmen|nein\b|enth|"
    r"stimmenthaltung|\d+\s+(?:ja|nein)|zu\s+(?:den\s+)?(?:punkt|ziffer|beschlusspunkt|top)\b|"
    r"abstimmung)",
    re.IGNORECASE,
)
_URGENCY = re.compile(r"§\s*60\s+Abs\.\s*1(?:\s+Satz\s+\d)?\s+GO\s+NRW")
_KTONR = re.compile(r"__ktonr=(\d+)")
_MEETING_NUMBER = re.compile(r"^(\d+)\.\s*Sitzung")


@dataclass(frozen=True, slots=True, kw_only=True)
class Overrides:
    """Metadata given on the command line for what the export does not say."""

    committee: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    agenda_item: str | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Unreadable:
    """A page that lacks what a resolution needs and no option supplied it."""

    reason: str


@dataclass(slots=True)
class _Page:
    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""
    item_id: str | None = None


def read_item(
    path: Path, registry: CommitteeRegistry, overrides: Overrides, *, origin: str
) -> Draft | Skipped | Unreadable:
    raw = path.read_bytes()
    text = _decode(raw)
    page = _from_html(text) if _looks_like_html(text) else _Page(body=text)
    return build_draft(page, registry, overrides, origin=origin)


def _decode(raw: bytes) -> str:
    """SessionNet pages are often windows-1252; copies made on Windows too."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<") and ("<html" in head or "<!doctype" in head or "<table" in head)


def build_draft(
    page: _Page, registry: CommitteeRegistry, overrides: Overrides, *, origin: str
) -> Draft | Skipped | Unreadable:
    header, body = _split_header(page.body)
    fields = {**header, **page.fields}  # the HTML header table wins over body labels
    agenda = fields.get("top") or overrides.agenda_item
    if agenda and re.match(r"^N\s+\S", agenda):
        return Skipped(reason="nicht öffentlich")
    if agenda:
        agenda = re.sub(r"^Ö\s+", "", agenda).strip()
    text, discussion, vote_text, result_line = _sections(body)
    notes: list[str] = []
    result_source = fields.get("beschluss") or fields.get("ergebnis") or result_line or ""
    parsed = parse_result(result_source) if result_source else None
    votes_parsed = parse_votes(vote_text) if vote_text else None
    votes: tuple[Vote, ...] = votes_parsed.votes if votes_parsed else ()
    if votes_parsed:
        notes.extend(f"Abstimmung nicht ausgewertet: {u!r}" for u in votes_parsed.unparsed)
    result = parsed.result if parsed else None
    if result is None:
        # No result line, or one in unknown words: the vote may still say it plainly.
        result = result_of_votes(votes) if votes else None
        if result is None:
            result = Result.NOT_RECORDED
            notes.append(f"Ergebnis nicht erkannt: {parsed.text!r}" if parsed else "Ergebnis fehlt")
    if not votes and parsed is not None and parsed.unanimous:
        votes = (Vote(unanimous=True),)

    committee_name = fields.get("gremium")
    committee = overrides.committee if not committee_name else registry.find(committee_name)
    if committee is None and committee_name:
        notes.append(f"Gremium {committee_name!r} steht nicht in committees.yml")
    date = _date(fields.get("datum")) or overrides.date
    kind = parsed.kind if parsed else ResolutionKind.ORDINARY
    legal_basis = None
    urgency = _URGENCY.search(text)
    if urgency and "Dringlichkeit" in text:
        kind, legal_basis = ResolutionKind.URGENCY_DECISION, urgency.group(0)
    recommended_to = None
    if kind is ResolutionKind.RECOMMENDATION:
        # "Einstimmig empfohlen" names no body: a committee's recommendation goes to the Rat.
        wanted = parsed.recommended_to if parsed else None
        recommended_to = registry.recipient(wanted) if wanted else registry.council()
        if recommended_to is None:
            kind = ResolutionKind.ORDINARY
            notes.append(f"Empfehlung an ein unbekanntes Gremium ({wanted or 'ohne Angabe'})")
    meeting_name = fields.get("sitzung")
    meeting_number = _MEETING_NUMBER.match(meeting_name or "")
    title = fields.get("betreff") or overrides.title
    missing = [
        option
        for option, value in (
            ("--committee", committee),
            ("--date", date),
            ("--title", title),
            ("--agenda-item", agenda),
        )
        if not value
    ]
    if missing:  # a file check would refuse is never written
        return Unreadable(
            reason=f"die Seite nennt nicht alles; bitte angeben: {', '.join(missing)}"
        )
    return Draft(
        id=_identifier(committee, date, page.item_id, origin),
        system="sessionnet",
        origin=f"to0050.asp?__ktonr={page.item_id}" if page.item_id else origin,
        title=title,
        committee=committee,
        date=date,
        meeting_name=meeting_name,
        meeting_number=int(meeting_number.group(1)) if meeting_number else None,
        agenda_number=agenda,
        addendum_date=_date(fields.get("nachtrag")),
        reference=fields.get("vorlage") or overrides.reference,
        kind=kind,
        recommended_to=recommended_to,
        result=result,
        result_text=parsed.text if parsed else None,
        votes=votes,
        legal_basis=legal_basis,
        text=text,
        discussion=discussion,
        notes=tuple(notes),
    )


def _identifier(
    committee: str | None, date: datetime.date | None, item_id: str | None, origin: str
) -> str:
    """Stable across re-imports: SessionNet's item number, else a hash of the origin."""
    suffix = f"to{item_id}" if item_id else hashlib.sha1(origin.encode()).hexdigest()[:8]
    if committee and date:
        return f"{committee}-{date.year}-{suffix}"
    return f"sn-{suffix}"


def _date(value: str | None) -> datetime.date | None:
    match = _DATE.search(value or "")
    if not match:
        return None
    try:
        return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Leading ``Label: value`` lines → fields; ``Beschluss:`` alone opens the text."""
    fields: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        match = _LABEL_LINE.match(line)
        if match is None or match["label"].lower() not in TEXT_LABELS:
            if (
                parse_result(line).kind is ResolutionKind.RECOMMENDATION
                and "beschluss" not in fields
            ):
                fields["beschluss"] = line.strip()  # "Beschlussempfehlung an den Rat: …"
                index += 1
                continue
            break
        label, value = match["label"].lower(), match["value"].replace("\u00a0", " ").strip()
        index += 1
        if label == "beschluss" and not value:
            break
        fields.setdefault(label, value)
    return fields, "\n".join(lines[index:])


def _sections(body: str) -> tuple[str, str, str, str]:
    """(resolution text, discussion, vote text, result line found at the end)."""
    sections = [s for s in _SECTION_BREAK.split(body) if _clean(s)]
    vote_sections: list[str] = []
    result_line = ""
    while sections:
        last = _clean(sections[-1])
        if parse_result(last).kind is ResolutionKind.RECOMMENDATION and not result_line:
            result_line = last
        elif _VOTE_START.match(last) or "§ 31" in last or "§31" in last:
            vote_sections.insert(0, last)
        else:
            break
        sections.pop()
    text = _clean(sections[0]) if sections else ""
    discussion = "\n\n".join(_clean(s) for s in sections[1:])
    return text, discussion, "\n\n".join(vote_sections), result_line


def _clean(section: str) -> str:
    """No-break-space spacer lines become paragraph breaks; runs of blank lines collapse."""
    lines = [line.replace("\u00a0", " ").rstrip() for line in section.split("\n")]
    text = "\n".join(lines).strip()
    return re.sub(r"\n(?:[ \t]*\n)+", "\n\n", text)


# -- HTML ------------------------------------------------------------------------------

_PARAGRAPHS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote"}
_SECTIONS = {"div", "table", "section", "article", "hr"}
_SKIP = {"script", "style", "head", "title", "noscript", "nav", "form", "button", "select", "h1"}
"""Page chrome; the <h1> is the page's own heading ("Auszug - <Betreff>"), never text."""


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.buffers: list[list[str]] = [[]]
        self.header_tables: list[bool] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.fields: dict[str, str] = {}
        self.skip_depth = 0
        self.item_id: str | None = None
        self.row_heads: list[bool] = []
        """Per cell of the current row: whether it is a header cell (th)."""
        self.term = ""
        """The label of the current <dt>, lower case, for the <dd> that follows."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for _, value in attrs:
            found = _KTONR.search(value or "")
            if found and self.item_id is None and tag in ("link", "base", "meta"):
                self.item_id = found.group(1)
        attributes = dict(attrs)
        if tag == "input" and attributes.get("name") == "__ktonr" and attributes.get("value"):
            self.item_id = self.item_id or attributes["value"]
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if tag in ("table", "dl"):
            self.buffers.append([])
            self.header_tables.append(False)
        elif tag == "tr":
            self.row = []
            self.row_heads = []
        elif tag in ("td", "th"):
            self.cell = []
            self.row_heads.append(tag == "th")
        elif tag in ("dt", "dd"):
            self.cell = []
        if tag in ("br", "hr"):
            self.buffers[-1].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(normalise("".join(self.cell)))
            self.cell = None
            self.buffers[-1].append("\n")
        elif tag == "tr" and self.row is not None:
            if self._take_header_row(self.row, self.row_heads) and self.header_tables:
                self.header_tables[-1] = True
            self.row = None
        elif tag == "dt" and self.cell is not None:
            self.term = normalise("".join(self.cell)).rstrip(":").strip().lower()
            self.cell = None
        elif tag == "dd" and self.cell is not None:
            # Current SessionNet pages: <dl><dt>Betreff</dt><dd>…</dd></dl>
            value = normalise("".join(self.cell))
            if self.term in HEADER_LABELS and self.header_tables:
                if value:
                    self.fields.setdefault(self.term, value)
                self.header_tables[-1] = True
            self.cell, self.term = None, ""
        elif tag in ("table", "dl") and len(self.buffers) > 1:
            text = self.buffers.pop()
            if not self.header_tables.pop():
                self.buffers[-1].extend(text)
        if tag in _PARAGRAPHS:
            self.buffers[-1].append("\n\n")
        elif tag in _SECTIONS:
            self.buffers[-1].append("\n\n\n")
        elif tag == "tr":
            self.buffers[-1].append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.cell is not None:
            self.cell.append(data)
        self.buffers[-1].append(data.replace("\n", " "))

    def handle_comment(self, data: str) -> None:
        found = _KTONR.search(data)  # "<!-- saved from url=(…)…/to0050.asp?__ktonr=… -->"
        if found and self.item_id is None:
            self.item_id = found.group(1)

    def _take_header_row(self, cells: list[str], heads: list[bool]) -> bool:
        """Label and value cells: "Betreff:" in a td (older pages) or "Betreff" in a th."""
        taken = False
        for index, cell in enumerate(cells[:-1]):
            label = cell.rstrip(":").strip().lower()
            is_head = index < len(heads) and heads[index]
            if label in HEADER_LABELS and (cell.endswith(":") or is_head):
                value = cells[index + 1]
                if value and value.rstrip(":").strip().lower() not in HEADER_LABELS:
                    self.fields.setdefault(label, value)
                taken = True
        return taken


def _from_html(text: str) -> _Page:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    while len(parser.buffers) > 1:  # unclosed tables
        inner = parser.buffers.pop()
        parser.buffers[-1].extend(inner)
    body = "".join(parser.buffers[0])
    # Paragraphs become single blank lines, sections (two or more) double ones.
    body = "\n".join(line.strip(" \t") for line in body.split("\n"))
    body = re.sub(r"\n{4,}", "\n\n\n", body)
    lines = body.split("\n")
    for index, line in enumerate(lines):  # page headings before the first label are chrome
        match = _LABEL_LINE.match(line)
        if match and match["label"].lower() in TEXT_LABELS:
            body = "\n".join(lines[index:])
            break
    return _Page(fields=parser.fields, body=body, item_id=parser.item_id)
