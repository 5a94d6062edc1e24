"""SessionNet item pages → drafts: saved HTML (``to0050.asp``) or text copied from it.

A page has a few ``Label: value`` lines (``Beschluss: mehrheitlich beschlossen``,
``Abstimmung: Ja: 22, Nein: 3, Anwesend: 25``; on saved pages also Gremium, Datum, TOP,
Vorlage, Betreff), then its rich text: the resolution text, the discussion and the vote
in the many layouts towns use (``sessionnet_body``). Whatever cannot be read without
guessing stays as written, with a note for the import report.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from generator.archive.model import ResolutionKind, Result, Vote
from generator.importers.committee_registry import CommitteeRegistry
from generator.importers.draft import Draft
from generator.importers.recipients import referral_note
from generator.importers.result_field import ParsedResult, parse_result
from generator.importers.result_wording import read_wording
from generator.importers.sessionnet_body import RECOMMENDATION_LABEL, Body, read_body
from generator.importers.sessionnet_html import LABEL_LINE, TEXT_LABELS, Page, from_html
from generator.importers.sessionnet_votes import NOT_YET_DECIDED, read_votes
from generator.importers.vote_text import normalise
from generator.importers.wording_votes import result_of_votes

_DATE = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})")
_URGENCY = re.compile(r"§\s*60\s+Abs\.\s*1(?:\s+Satz\s+\d)?\s+GO\s+NRW")
_MEETING_NUMBER = re.compile(r"^(\d+)\.\s*Sitzung")
_COUNCIL = re.compile(
    r"(?:stadt|gemeinde|samtgemeinde|orts)?rat|kreistag|stadtverordnetenversammlung|"
    r"gemeindevertretung|stadtvertretung|rat der stadt\b.*|rat der gemeinde\b.*",
    re.IGNORECASE,
)
"""How pages name the council a committee recommends to."""
_RECOMMENDS = re.compile(
    r"\bempfiehlt\s+(?:dem|der|den)\s+(?P<to>[\w-]+(?:\s+der\s+(?:stadt|gemeinde)\b)?)", re.I
)
"""The text says it: "Der Haupt- und Finanzausschuss empfiehlt der Stadtverordnetenversammlung,
dem Antrag zuzustimmen." """
_COUNCIL_DECIDES = re.compile(r"(?:der|die)\s+(?P<to>[\w-]+)\s+beschließt\b", re.I)
"""A committee's text that begins "Der Kreistag beschließt …": the draft it sends on."""
_LOCAL_WORDINGS = ((re.compile(r"zurück\s+(?:in|an)\s+die\s+fraktion.*", re.I), Result.REFERRED),)
"""Result wordings ``result_field``/``outcome`` do not know yet ("zurück in die
Fraktionen/Gruppen ohne erneute Beratung im Fachausschuss"); for the lead to merge there."""


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


def read_item(
    path: Path, registry: CommitteeRegistry, overrides: Overrides, *, origin: str
) -> Draft | Skipped | Unreadable:
    raw = path.read_bytes()
    text = _decode(raw)
    page = from_html(text) if _looks_like_html(text) else Page(body=text)
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
    page: Page, registry: CommitteeRegistry, overrides: Overrides, *, origin: str
) -> Draft | Skipped | Unreadable:
    header, rest = _split_header(page.body)
    fields = {**header, **page.fields}  # the HTML header table wins over body labels
    agenda = fields.get("top") or overrides.agenda_item
    if agenda and re.match(r"^N\s+\S", agenda):
        return Skipped(reason="nicht öffentlich")
    if agenda:
        agenda = re.sub(r"^Ö\s+", "", agenda).strip()
    body = read_body(rest)
    notes: list[str] = []
    wording = fields.get("beschluss") or fields.get("ergebnis") or ""
    for recommendation in body.recommendations:
        if recommendation.wording and not wording:
            wording = f"Beschlussempfehlung an den {recommendation.to}: {recommendation.wording}"
    parsed = parse_result(wording) if wording else None
    read = read_votes(fields.get("abstimmung") or fields.get("abstimmungsergebnis"), body)
    notes.extend(read.notes)
    votes = read.votes
    result = _result(parsed, read.stated_result, votes, body, notes)
    unanimous = parsed is not None and parsed.unanimous
    if unanimous and len(votes) == 1 and not votes[0].against:
        votes = (replace(votes[0], unanimous=True),)
    elif unanimous and not votes:
        votes = (Vote(unanimous=True),)

    committee_name = fields.get("gremium")
    committee = overrides.committee if not committee_name else registry.find(committee_name)
    if committee is None and committee_name:
        notes.append(f"Gremium {committee_name!r} steht nicht in committees.yml")
    date = _date(fields.get("datum")) or overrides.date
    text = "\n\n".join(body.text)
    kind = ResolutionKind.ORDINARY
    legal_basis = None
    urgency = _URGENCY.search(text)
    if urgency and "Dringlichkeit" in text:
        kind, legal_basis = ResolutionKind.URGENCY_DECISION, urgency.group(0)
    recommended_to = None
    wanted = _recipient_named(parsed, body)
    if wanted is None and kind is ResolutionKind.ORDINARY:
        wanted = _recommended_in_text(text, registry, committee)
        if wanted is not None:
            notes.append(
                "Beschlusstext spricht für ein anderes Gremium, als Empfehlung eingetragen: "
                f"{wanted!r}"
            )
    if wanted is not None:
        # A committee's recommendation stated as a decision is a false statement: when
        # the body it goes to is unknown, nothing is written.
        kind = ResolutionKind.RECOMMENDATION
        recommended_to = _recipient(registry, wanted) if wanted else registry.council()
        if recommended_to is None:
            return Unreadable(
                reason=f"Beschlussempfehlung an {wanted or 'ein nicht genanntes Gremium'!r}: "
                "dieses Gremium steht nicht in committees.yml; bitte dort eintragen"
            )
        if not wanted:
            notes.append("Empfehlung nennt kein Gremium, als Empfehlung an den Rat eingetragen")
    referred_to = None
    referred = read_wording(parsed.text) if parsed and result is Result.REFERRED else None
    body_named = referred.body if referred is not None else None
    if result is Result.REFERRED and not body_named:
        # "Beschluss: verwiesen" and the minutes: "… in den Ausschuss für X verwiesen"
        body_named = _referred_in_text([*body.text, *body.discussion])
    if body_named:
        referred_to = _recipient(registry, body_named)
        if referred_to is None:  # the wording stays where the reader sees it
            notes.append(referral_note(body_named))
            if not votes:
                votes = (Vote(text=parsed.text if parsed else body_named),)
    reference = fields.get("vorlage") or overrides.reference
    if body.as_submitted and not reference:
        notes.append(
            "Beschlusstext verweist auf Antrag oder Vorlage, Drucksache fehlt (bitte mit "
            f"--reference angeben): {body.as_submitted!r}"
        )
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
        reference=reference,
        kind=kind,
        recommended_to=recommended_to,
        result=result,
        result_text=parsed.text if parsed else None,
        referred_to=referred_to,
        votes=votes,
        legal_basis=legal_basis,
        text=text,
        discussion="\n\n".join(body.discussion),
        notes=tuple(notes),
    )


def _result(
    parsed: ParsedResult | None,
    stated: Result | None,
    votes: tuple[Vote, ...],
    body: Body,
    notes: list[str],
) -> Result:
    """The result field's wording, else what the vote text states, else what the votes
    show (only where the page has a resolution text they were cast on)."""
    if parsed is not None and NOT_YET_DECIDED.fullmatch(normalise(parsed.text)):
        notes.append(f"Ergebnis laut Quelle nicht festgelegt: {parsed.text!r}")
        return Result.NOT_RECORDED
    result = parsed.result if parsed else None
    for pattern, local in _LOCAL_WORDINGS:
        if result is None and parsed is not None and pattern.fullmatch(normalise(parsed.text)):
            result = local
    if result is None and parsed is not None:
        # The wordings German RIS use (result_wording.py): "Weiterbehandlung im
        # Bauausschuss" is a referral; only a wording read whole, as an ordinary result.
        meaning = read_wording(parsed.text)
        if (
            meaning is not None
            and meaning.kind is ResolutionKind.ORDINARY
            and meaning.result is not Result.NOT_RECORDED
            and not (meaning.no_decision or meaning.says_more or meaning.vote_details)
        ):
            result = meaning.result
    counted = result_of_votes(votes) if len(votes) == 1 and votes[0].against else None
    if result in _DECIDED and counted is not None and _contradicts(result, counted):
        notes.append(f"Ergebnis widerspricht den Stimmen: {parsed.text if parsed else ''!r}")
        return Result.NOT_RECORDED
    if result is not None and stated is not None and _contradicts(result, stated):
        notes.append(f"Ergebnis widerspricht der Abstimmung: {parsed.text if parsed else ''!r}")
        return Result.NOT_RECORDED
    if result is None:
        result = stated
    if result is None and votes and (body.text or body.recommendations):
        result = result_of_votes(votes) or _listed_majority(votes)
    elif result is None and votes:
        notes.append(
            "Abstimmung ohne Beschlusstext: worüber abgestimmt wurde, steht nur in der Beratung"
        )
        return Result.NOT_RECORDED
    if result is Result.ADOPTED and body.as_submitted:
        changed = parse_result(body.as_submitted).result
        if changed is Result.ADOPTED_WITH_CHANGES:  # "Wie Vorlage mit den Änderungen …"
            result = changed
    if result is None:
        notes.append(f"Ergebnis nicht erkannt: {parsed.text!r}" if parsed else "Ergebnis fehlt")
        return Result.NOT_RECORDED
    return result


_REFERRED_TO = re.compile(
    r"\b(?:in|an)\s+(?:den|die|das)\s+(?P<body>[^.,;:()]+?)\s+(?:zurück)?(?:verwiesen|überwiesen)"
    r"(?:\s+(?:wird|ist|worden))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
"""A sentence that ends with the referral: "Sodann ist der Antrag in den Ausschuss für
Stadtentwicklung verwiesen"."""


def _referred_in_text(paragraphs: list[str]) -> str | None:
    """The one body the text refers the matter to, or None (none, or more than one)."""
    named = {
        normalise(match["body"])
        for paragraph in paragraphs
        for sentence in re.split(r"(?<=[.!?])\s+", normalise(paragraph))
        if (match := _REFERRED_TO.search(sentence))
        and not re.match(r"(?:zuständigen|jeweiligen)\b", match["body"], re.IGNORECASE)
    }
    return named.pop() if len(named) == 1 else None


def _listed_majority(votes: tuple[Vote, ...]) -> Result | None:
    """ "dafür: 15 (5 CDU, …)", "Enth.: 2 (…)" and no "dagegen" line: a record that lists
    every faction's vote lists those against too, so none voted against."""
    if len(votes) != 1:
        return None
    vote = votes[0]
    listed = vote.factions and vote.abstain is not None and vote.against is None
    return Result.ADOPTED if listed and vote.in_favour else None


_DECIDED = (Result.ADOPTED, Result.ADOPTED_WITH_CHANGES, Result.REJECTED)


def _contradicts(result: Result, stated: Result) -> bool:
    adopted = {Result.ADOPTED, Result.ADOPTED_WITH_CHANGES}
    return not (result is stated or (result in adopted and stated in adopted))


def _recommended_in_text(
    text: str, registry: CommitteeRegistry, committee: str | None
) -> str | None:
    """The council a committee's text recommends to or speaks for, else None."""
    if committee is None or committee == registry.council():
        return None
    recommends = _RECOMMENDS.search(text)
    if recommends and _COUNCIL.fullmatch(recommends["to"]):
        return recommends["to"]
    decides = _COUNCIL_DECIDES.match(text)
    if decides and _COUNCIL.fullmatch(decides["to"]):
        return decides["to"]
    return None


def _recipient_named(parsed: ParsedResult | None, body: Body) -> str | None:
    """The body a recommendation goes to as written; "" for one that names none; None
    for no recommendation."""
    names = {normalise(r.to) for r in body.recommendations}
    if parsed is not None and parsed.kind is ResolutionKind.RECOMMENDATION:
        names.add(normalise(parsed.recommended_to or ""))
    if len(names) > 1:
        names.discard("")  # "Einstimmig empfohlen" beside "Beschlussempfehlung an den Rat"
    if not names:
        return None
    # Two different bodies: no such body exists, so the import stops and names both.
    return " / ".join(sorted(names))


def _recipient(registry: CommitteeRegistry, name: str) -> str | None:
    found = registry.recipient(name)
    if found is None and _COUNCIL.fullmatch(name):
        return registry.council()
    return found


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
    """Leading ``Label: value`` lines → fields; the rest, from the first other line (a
    label alone such as ``Beschluss:`` included), is the body."""
    fields: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.replace("\u00a0", " ").strip():
            index += 1
            continue
        match = LABEL_LINE.match(line)
        label = match["label"].lower() if match else ""
        value = match["value"].replace("\u00a0", " ").strip() if match else ""
        if match is None or label not in TEXT_LABELS or not value:
            recommendation = RECOMMENDATION_LABEL.fullmatch(normalise(line))
            if recommendation and recommendation["rest"] and "beschluss" not in fields:
                fields["beschluss"] = line.strip()  # "Beschlussempfehlung an den Rat: …"
                index += 1
                continue
            break
        fields.setdefault(label, value)
        index += 1
    return fields, "\n".join(lines[index:])
