"""OParl objects → drafts: Organization → committee, Meeting + AgendaItem (+ Consultation,
Paper, File) → one resolution per agenda item.

Agenda items that are section headers (neither resolution, nor paper, nor result),
non-public or deleted are skipped, each with its reason. Related papers become ``see_also``
relations when the related paper was itself decided in this import.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import yaml

from generator.archive.model import (
    CommitteeKind,
    Relation,
    RelationType,
    ResolutionKind,
    Result,
    Vote,
)
from generator.archive.slugs import slugify
from generator.importers.committee_registry import CommitteeRegistry, NewCommittee
from generator.importers.draft import Draft, UrlAttachment
from generator.importers.meeting_files import AgendaLine, MeetingDraft, meeting_draft
from generator.importers.oparl_source import OParlData, type_name
from generator.importers.outcome import read_outcome
from generator.importers.part_outcomes import parts_contradict
from generator.importers.recipients import Recipients, referral_note
from generator.importers.result_wording import recommendation_in
from generator.importers.sessionnet import Skipped
from generator.importers.source_text import meeting_number, multiline, single_line

_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li)\s*/?>", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Failed:
    origin: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Mapped:
    draft: Draft
    paper: str | None
    related_papers: tuple[str, ...]


Item = Mapped | Skipped | Failed


def committee_for(org: dict[str, object], registry: CommitteeRegistry) -> NewCommittee | str:
    """The registry id of an existing committee, or the entry to add for a new one."""
    name = single_line(org.get("name")) or single_line(org.get("shortName")) or "Gremium"
    short = single_line(org.get("shortName")) or name
    for candidate in (name, short):
        found = registry.find(candidate)
        if found:
            return found
    kind_text = " ".join(  # the name too: SD.NET RIM classifies the Gemeinderat as "Gremien"
        filter(
            None,
            (
                single_line(org.get("classification")),
                single_line(org.get("organizationType")),
                name,
            ),
        )
    ).casefold()
    if re.search(r"\b(?:stadt|gemeinde)?rat\b|kreistag", kind_text):
        kind = CommitteeKind.COUNCIL
    elif "bezirk" in kind_text:
        kind = CommitteeKind.DISTRICT_COUNCIL
    else:
        kind = CommitteeKind.COMMITTEE
    return NewCommittee(
        id=_committee_id(short),
        name=name,
        short_name=short,
        kind=kind,
        active_from=_date(org.get("startDate")),
        active_until=_date(org.get("endDate")),
    )


def _committee_id(short: str) -> str:
    """The slug of the short name, unless YAML would read that slug as something other than
    text ("784" a number, "2021-04-14" a date, "no" false): ids are written unquoted into
    committees.yml and every file's front matter, so such a slug gets a word in front."""
    slug = slugify(short, max_length=40)
    return slug if isinstance(yaml.safe_load(slug), str) else f"gremium-{slug}"


def map_items(
    data: OParlData,
    registry: CommitteeRegistry,
    meetings: list[tuple[MeetingDraft, NewCommittee | None]] | None = None,
) -> Iterator[tuple[Item, NewCommittee | None]]:
    """Every agenda item of every meeting, with the committee to register (if new).

    ``meetings`` collects each meeting with its full agenda, for the meeting files, and
    its committee to register (if new): a meeting may have no resolution at all.
    """
    by_agenda_item: dict[str, dict[str, object]] = {}
    spellings: dict[str, str] = {}
    recipients = Recipients(registry, data, committee_for)
    council_dates: dict[str, list[tuple[datetime.date, str]]] = {}
    for consultation in data.of_type("Consultation"):
        agenda_item = consultation.get("agendaItem")
        if isinstance(agenda_item, str):
            by_agenda_item[agenda_item] = consultation
        paper_id, consulted = consultation.get("paper"), _consulted(data, registry, consultation)
        if isinstance(paper_id, str) and consulted and consulted[1] is CommitteeKind.COUNCIL:
            council_dates.setdefault(paper_id, []).append((consulted[0], consulted[2]))
    for meeting in data.of_type("Meeting"):
        meeting_id = str(meeting.get("id"))
        items = meeting.get("agendaItem")
        raw_items = items if isinstance(items, list) else []
        if meeting.get("deleted") or meeting.get("cancelled"):
            reason = "Sitzung gelöscht" if meeting.get("deleted") else "Sitzung abgesagt"
            for _ in raw_items:
                yield Skipped(reason=reason), None
            continue
        organizations = meeting.get("organization")
        org = (
            data.get(organizations[0])
            if isinstance(organizations, list) and organizations
            else None
        )
        date = _date(meeting.get("start"))
        if org is None or date is None:
            why = "die Sitzung nennt kein Gremium" if org is None else "die Sitzung hat kein Datum"
            for raw in raw_items:
                yield (
                    Failed(origin=str(raw.get("id") if isinstance(raw, dict) else raw), reason=why),
                    None,
                )
            continue
        committee = committee_for(org, registry)
        new = committee if isinstance(committee, NewCommittee) else None
        committee_id = committee.id if isinstance(committee, NewCommittee) else committee
        prepares = _kind_of(committee, registry) is CommitteeKind.COMMITTEE
        agenda: list[AgendaLine] = []
        for position, raw in enumerate(raw_items, start=1):
            item = data.get(raw)
            if item is None:
                yield Failed(origin=str(raw), reason="Tagesordnungspunkt nicht abrufbar"), None
                continue
            try:
                mapped = _map_item(
                    data,
                    recipients,
                    item,
                    meeting,
                    committee_id,
                    date,
                    position,
                    by_agenda_item,
                    spellings,
                    council_dates if prepares else {},
                )
            except (KeyError, TypeError, ValueError) as exc:  # one odd object never stops the rest
                mapped = Failed(
                    origin=str(item.get("id", meeting_id)), reason=f"unerwartete Daten: {exc}"
                )
            if not item.get("deleted"):
                agenda.append(_agenda_line(item, position, mapped))
            yield mapped, new if not isinstance(mapped, Failed) else None
        if meetings is not None:
            meetings.append((meeting_draft(meeting, committee_id, date, agenda), new))


def _agenda_line(item: dict[str, object], position: int, mapped: Item) -> AgendaLine:
    """The item as its meeting's agenda lists it, decided or not."""
    if isinstance(mapped, Mapped):
        draft = mapped.draft
        number = draft.agenda_number or str(position)
        return AgendaLine(number=number, title=draft.title or number, resolution=draft.id)
    number = single_line(item.get("number")) or str(position)
    title = single_line(item.get("name")) or f"Tagesordnungspunkt {number}"
    return AgendaLine(number=number, title=title, public=item.get("public") is not False)


def _map_item(
    data: OParlData,
    registry: Recipients,
    item: dict[str, object],
    meeting: dict[str, object],
    committee: str,
    date: datetime.date,
    position: int,
    by_agenda_item: dict[str, dict[str, object]],
    spellings: dict[str, str],
    council_dates: dict[str, list[tuple[datetime.date, str]]],
) -> Item:
    item_id = str(item.get("id"))
    if item.get("deleted"):
        return Skipped(reason="gelöscht")
    if item.get("public") is False:
        return Skipped(reason="nicht öffentlich")
    consultation = data.get(item.get("consultation")) or by_agenda_item.get(item_id)
    paper = data.get(consultation.get("paper")) if consultation else None
    resolution_text = _plain(multiline(item.get("resolutionText")) or "")
    result_text = multiline(item.get("result"))
    file = data.get(item.get("resolutionFile"))
    has_file = file is not None
    from_file = multiline(file.get("text")) if file is not None and not resolution_text else None
    if file is not None and from_file:
        resolution_text = _file_text(file, from_file)
    if not resolution_text and not result_text and paper is None and not has_file:
        return Skipped(reason="Zwischenüberschrift")
    title = single_line(item.get("name")) or (single_line(paper.get("name")) if paper else None)
    paper_type = single_line(paper.get("paperType")) if paper else None
    outcome = read_outcome(result_text)
    if outcome.nothing_voted and not resolution_text and not has_file:
        no_decision = _no_decision_reason(title, paper_type, explicit=bool(result_text))
        if no_decision:
            return Skipped(reason=no_decision)
    notes: list[str] = [outcome.note] if outcome.note else []
    kind, recommended_to, result = outcome.kind, None, outcome.result
    if parts_contradict(result, resolution_text):
        # Roth: "mehrheitlich abgelehnt" and counts that reject, while the text says point 1
        # was adopted; from the field alone a partial adoption would read as a rejection
        result = Result.NOT_RECORDED
        notes.append(f"Beschlusstext nennt Teile mit anderem Ausgang als {result_text!r}")
    recipient = outcome.recommended_to
    council = None
    opening = recommendation_in(resolution_text) if kind is ResolutionKind.ORDINARY else None
    if opening is not None:  # "Der Ausschuss empfiehlt dem Rat, …": whatever `result` says
        kind, recipient = ResolutionKind.RECOMMENDATION, opening.body
    elif (
        kind is ResolutionKind.ORDINARY
        and result in _DECIDED
        and consultation is not None
        and consultation.get("authoritative") is not True
        and (council := _next_council(council_dates, consultation, date)) is not None
    ):
        # A committee's vote on a paper the council takes up afterwards prepares the council's
        # decision (Hürtgenwald: the Bauausschuss votes 8:1 on a statute, the council adopts
        # it a week later): published as the committee's decision, the page would say the
        # committee decided what only the council may. The source's consultation order says
        # so, not the wording; a consultation marked ``authoritative`` stays a decision.
        kind, recipient = ResolutionKind.RECOMMENDATION, None
        notes.append(
            "als Empfehlung an den Rat übernommen: die Vorlage wurde danach im Rat beraten "
            "(Beratungsfolge der Quelle)"
        )
    if kind is ResolutionKind.RECOMMENDATION:
        if council is not None:  # the council that took the paper up next, as the source says
            recommended_to = council
        else:
            recommended_to = registry.recipient(recipient) if recipient else registry.council()
        if recommended_to is None:
            # A recommendation must name its body and we cannot: written as a decision with
            # its result, the page would say this body decided what it only recommended.
            kind, result = ResolutionKind.ORDINARY, Result.NOT_RECORDED
            notes.append(f"Empfehlung an unbekanntes Gremium: {result_text!r}")
    votes, referred_to = outcome.votes, None
    if result is Result.REFERRED and outcome.referred_to:
        referred_to = registry.recipient(outcome.referred_to)
        if referred_to is None:  # the wording stays where the reader sees it
            notes.append(referral_note(outcome.referred_to))
            if not votes:
                votes = (Vote(text=result_text or outcome.referred_to),)
    if not resolution_text and not has_file:
        notes.append("Beschlusstext fehlt")
    if from_file:
        notes.append("Beschlusstext aus dem Text der Beschlussdatei (OParl File.text)")
    order = item.get("order")
    number = single_line(item.get("number"))
    if number is None:  # check requires a TOP; the position in the agenda is what we know
        number = str(position)
        notes.append("TOP-Nummer fehlt in der Quelle; Position in der Tagesordnung übernommen")
    if title is None:
        title = f"Tagesordnungspunkt {number} ohne Betreff"
        notes.append("Betreff fehlt in der Quelle")
    topics = _topics(item, paper, spellings)
    resolution_file, attachments, attachment_notes = _files(data, item, paper)
    notes.extend(attachment_notes)
    meeting_name = single_line(meeting.get("name"))
    draft = Draft(
        id=f"{committee}-{date.year}-{hashlib.sha1(item_id.encode()).hexdigest()[:8]}",
        system="oparl",
        origin=item_id,
        title=title,
        committee=committee,
        date=date,
        meeting_name=meeting_name,
        meeting_number=meeting_number(meeting_name),
        agenda_number=number,
        agenda_order=order if isinstance(order, int) and not isinstance(order, bool) else position,
        reference=single_line(paper.get("reference")) if paper else None,
        paper_type=paper_type,
        kind=kind,
        recommended_to=recommended_to,
        result=result,
        result_text=result_text,
        referred_to=referred_to,
        votes=votes,
        topics=topics,
        resolution_file=resolution_file,
        attachments=attachments,
        text=resolution_text,
        notes=tuple(notes),
    )
    related = paper.get("relatedPaper") if paper else None
    return Mapped(
        draft=draft,
        paper=str(paper.get("id")) if paper else None,
        related_papers=tuple(p for p in related if isinstance(p, str))
        if isinstance(related, list)
        else (),
    )


_DECIDED = frozenset(
    {Result.ADOPTED, Result.ADOPTED_WITH_CHANGES, Result.REJECTED, Result.PARTLY_ADOPTED}
)
"""Results that, in a committee preparing the council's decision, are its recommendation."""


def _next_council(
    council_dates: dict[str, list[tuple[datetime.date, str]]],
    consultation: dict[str, object],
    date: datetime.date,
) -> str | None:
    """The council that consulted the item's paper next after ``date``, if any."""
    later = sorted(c for c in council_dates.get(str(consultation.get("paper")), ()) if c[0] > date)
    return later[0][1] if later else None


def _kind_of(committee: NewCommittee | str, registry: CommitteeRegistry) -> CommitteeKind | None:
    if isinstance(committee, NewCommittee):
        return committee.kind
    return next((c.kind for c in registry.committees if c.id == committee), None)


def _consulted(
    data: OParlData, registry: CommitteeRegistry, consultation: dict[str, object]
) -> tuple[datetime.date, CommitteeKind | None, str] | None:
    """When and by what kind of body a consultation took place (None where not crawled:
    nothing is fetched for it)."""
    meeting = data.by_id.get(str(consultation.get("meeting")))
    date = _date(meeting.get("start")) if meeting else None
    if meeting is None or date is None:
        return None
    organizations = consultation.get("organization") or meeting.get("organization")
    first = organizations[0] if isinstance(organizations, list) and organizations else None
    org = data.by_id.get(str(first if first is not None else organizations))
    if org is None:
        return None
    committee = committee_for(org, registry)
    found = committee.id if isinstance(committee, NewCommittee) else committee
    return date, _kind_of(committee, registry), found


def link_related(mapped: list[Mapped]) -> list[Draft]:
    """``relatedPaper`` → ``see_also`` to the resolutions on that paper in this import."""
    by_paper: dict[str, list[str]] = {}
    for entry in mapped:
        if entry.paper:
            by_paper.setdefault(entry.paper, []).append(entry.draft.id)
    drafts = []
    for entry in mapped:
        targets: list[str] = []
        for paper in entry.related_papers:
            for target in by_paper.get(paper, []):
                if target != entry.draft.id and target not in targets:
                    targets.append(target)
        relations = tuple(Relation(type=RelationType.SEE_ALSO, target=t) for t in targets)
        unresolved = [p for p in entry.related_papers if p not in by_paper]
        notes = entry.draft.notes + tuple(
            f"Bezug auf Vorlage {p} ohne importierten Beschluss" for p in unresolved
        )
        drafts.append(_replace(entry.draft, relations=relations, notes=notes))
    return drafts


def _replace(draft: Draft, **changes: object) -> Draft:
    from dataclasses import replace

    return replace(draft, **changes)  # type: ignore[arg-type]


def _files(
    data: OParlData, item: dict[str, object], paper: dict[str, object] | None
) -> tuple[UrlAttachment | None, tuple[UrlAttachment, ...], list[str]]:
    """The resolution file, the other files as links, and notes on those left out."""
    resolution_file, notes = _links(data, [item.get("resolutionFile")])
    files: list[object] = list(_as_list(item.get("auxiliaryFile")))
    if paper is not None:
        files.append(paper.get("mainFile"))
        files.extend(_as_list(paper.get("auxiliaryFile")))
    seen = {resolution_file[0].url} if resolution_file else set()
    others, other_notes = _links(data, files, seen=seen)
    # The resolution file's text becomes the resolution text (``_file_text``), not search data.
    first = replace(resolution_file[0], text=None) if resolution_file else None
    return first, others, notes + other_notes


def _links(
    data: OParlData, references: list[object], *, seen: set[str] | None = None
) -> tuple[tuple[UrlAttachment, ...], list[str]]:
    found: list[UrlAttachment] = []
    notes: list[str] = []
    seen = set() if seen is None else seen
    for reference in references:
        file = data.get(reference) if reference is not None else None
        if file is None or file.get("deleted"):
            continue
        title = single_line(file.get("name")) or single_line(file.get("fileName")) or "Anlage"
        access, download = single_line(file.get("accessUrl")), single_line(file.get("downloadUrl"))
        url = next((u for u in (access, download) if u and _is_http(u)), None)
        if url is None:  # a crawl may point at file:// copies; no link can be given
            notes.append(f"Anlage '{title}' ohne http(s)-Adresse, nicht übernommen")
            continue
        if url in seen:
            continue  # the spec's examples repeat one file several times
        seen.add(url)
        found.append(
            UrlAttachment(
                title=title,
                url=url,
                # downloadUrl, when given, is the one meant for saving the file
                download_url=download if download and _is_http(download) else url,
                file_name=single_line(file.get("fileName")) or single_line(file.get("name")),
                mime_type=single_line(file.get("mimeType")),
                text=_attachment_text(file),
            )
        )
    return tuple(found), notes


ATTACHMENT_TEXT_LIMIT = 30_000
"""As much of a file's text as the search indexes (``file_texts.stage``); the rest is in the
file, which the attachment links."""


def _attachment_text(file: dict[str, object]) -> str | None:
    """OParl 1.1 ``File.text`` of an attachment, for the search alone: the page links the file,
    and a hit only in this text is shown as found in the attachment."""
    text = multiline(file.get("text"))
    if not text:
        return None
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    words = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    cleaned = "".join(c for c in words if c == "\n" or c.isprintable())
    return cleaned[:ATTACHMENT_TEXT_LIMIT].strip() or None


def _is_http(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def _topics(
    item: dict[str, object], paper: dict[str, object] | None, spellings: dict[str, str]
) -> tuple[str, ...]:
    """The keywords as topics, each written as it was first seen in this import: check
    refuses two spellings of one topic ("Verkehr", "verkehr") across the archive."""
    topics: list[str] = []
    slugs: set[str] = set()
    for source in (item, paper or {}):
        for keyword in _as_list(source.get("keyword")):
            text = single_line(keyword)
            if not text or not any(character.isalnum() for character in text):
                continue  # punctuation alone names no topic
            slug = slugify(text)
            if slug not in slugs:
                slugs.add(slug)
                topics.append(spellings.setdefault(slug, text))
    return tuple(topics)


def _as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


_NO_DECISION = (
    (re.compile(r"einwohner\w*fragestunde|fragestunde", re.IGNORECASE), "Einwohnerfragestunde"),
    (re.compile(r"\banfrage|\bfragen\b", re.IGNORECASE), "Anfrage"),
    (
        re.compile(r"mitteilung|bericht|sachstand|information|bekanntgabe", re.IGNORECASE),
        "Mitteilung oder Bericht",
    ),
)


def _no_decision_reason(title: str | None, paper_type: str | None, *, explicit: bool) -> str | None:
    """Why an item without vote, text or file decided nothing, or None to import it.

    ``explicit``: the source says no vote was taken ("ohne"); without that, only the
    item's own name or paper type can tell a report from a decision whose result is
    missing, and the item is imported (as "not recorded") when neither does.
    """
    for pattern, reason in _NO_DECISION:
        if pattern.search(title or "") or pattern.search(paper_type or ""):
            return f"{reason}, kein Beschluss"
    return "ohne Abstimmung laut Quelle, kein Beschluss" if explicit else None


def _file_text(file: dict[str, object], text: str) -> str:
    """OParl 1.1 ``File.text``: the text of the resolution file, delivered with it, shown as
    taken from the file (as the build shows a PDF's text), so no one reads it as edited."""
    title = single_line(file.get("name")) or single_line(file.get("fileName")) or "Beschlussdatei"
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    body = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return (
        f"*Dieser Text stammt aus der Datei „{title}“, wie das Ratsinformationssystem ihn "
        "mitliefert. Maßgeblich ist die Datei; Tabellen und Aufzählungen können dort anders "
        f"aussehen.*\n\n{body}"
    )


def _plain(text: str) -> str:
    """resolutionText is sometimes HTML; keep its paragraphs, drop the markup."""
    if "<" not in text:
        return text
    import html

    text = _BREAK.sub("\n\n", text)
    return html.unescape(_TAG.sub("", text)).strip()


def _date(value: object) -> datetime.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


__all__ = ["Failed", "Item", "Mapped", "committee_for", "link_related", "map_items", "type_name"]
