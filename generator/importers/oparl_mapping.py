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
from dataclasses import dataclass

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
from generator.importers.draft import Draft
from generator.importers.meeting_files import AgendaLine, MeetingDraft, meeting_draft
from generator.importers.oparl_committees import (
    committee_for,
    consulted_by,
    kind_of,
    next_council,
    oparl_date,
)
from generator.importers.oparl_files import as_list, file_text, item_files
from generator.importers.oparl_source import OParlData, type_name
from generator.importers.outcome import read_outcome
from generator.importers.part_outcomes import parts_contradict
from generator.importers.recipients import Recipients, referral_note
from generator.importers.result_wording import recommendation_in
from generator.importers.sessionnet import Skipped
from generator.importers.source_text import meeting_number, multiline, single_line
from generator.importers.text_against_field import result_with_text

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
        paper_id, consulted = consultation.get("paper"), consulted_by(data, registry, consultation)
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
        date = oparl_date(meeting.get("start"))
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
        prepares = kind_of(committee, registry) is CommitteeKind.COMMITTEE
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
        resolution_text = file_text(file, from_file)
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
    else:  # an election under a bare vote, a motion's rejection under "beschlossen"
        result, text_note = result_with_text(result, result_text, resolution_text)
        notes.extend(filter(None, [text_note]))
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
        and (council := next_council(council_dates, consultation, date)) is not None
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
    resolution_file, attachments, attachment_notes = item_files(data, item, paper)
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


def _topics(
    item: dict[str, object], paper: dict[str, object] | None, spellings: dict[str, str]
) -> tuple[str, ...]:
    """The keywords as topics, each written as it was first seen in this import: check
    refuses two spellings of one topic ("Verkehr", "verkehr") across the archive."""
    topics: list[str] = []
    slugs: set[str] = set()
    for source in (item, paper or {}):
        for keyword in as_list(source.get("keyword")):
            text = single_line(keyword)
            if not text or not any(character.isalnum() for character in text):
                continue  # punctuation alone names no topic
            slug = slugify(text)
            if slug not in slugs:
                slugs.add(slug)
                topics.append(spellings.setdefault(slug, text))
    return tuple(topics)


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


def _plain(text: str) -> str:
    """resolutionText is sometimes HTML; keep its paragraphs, drop the markup."""
    if "<" not in text:
        return text
    import html

    text = _BREAK.sub("\n\n", text)
    return html.unescape(_TAG.sub("", text)).strip()


__all__ = ["Failed", "Item", "Mapped", "committee_for", "link_related", "map_items", "type_name"]
