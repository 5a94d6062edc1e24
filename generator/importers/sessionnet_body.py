"""The body of a SessionNet item page, paragraph by paragraph: text, discussion, votes.

Towns fill the one rich-text field of an agenda item in many ways. What the real pages
show (``tests/fixtures/sessionnet/real/``):

- section labels on a line of their own: ``Beschluss:``, ``Beschlussvorschlag:``,
  ``Ergebnis/Beschluss:`` open the resolution text, ``Protokoll:`` the discussion,
  ``Abstimmungsergebnis:`` the vote;
- ``Beschlussempfehlung an den Rat:`` (optionally ``… zu Punkt 1 und 2:``), then the text
  of the recommendation, often just ``Wie Antrag`` / ``Wie Vorlage``;
- vote lines (``dafür: 5 (3 BÜRGERLISTE, …)``, ``Ja-Stimmen: 14 Nein-Stimmen: 4``,
  ``Befangen: 1``, ``- einstimmig -``), a faction list wrapped onto the next paragraph;
- minutes in prose with the vote as a sentence ("Der Beschlussvorschlag wird einstimmig
  angenommen.") and no resolution text of their own;
- closing sentences ("Damit ist der Antrag abgelehnt.") and § 31 notes after the vote.

Paragraphs are separated by empty lines or lines holding only a no-break space; a
section break is two or more truly empty lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importers.vote_text import normalise

_TEXT_LABEL = re.compile(
    r"(?:beschluss|beschlussvorschlag|beschlusstext|ergebnis\s*/\s*beschluss)\s*:", re.I
)
_DISCUSSION_LABEL = re.compile(
    r"(?:protokoll|protokollvermerk|beratung|beratungsverlauf|sitzungsverlauf)\s*:", re.I
)
_VOTE_LABEL = re.compile(r"(?:abstimmungsergebnis|abstimmung)\s*:", re.I)
_PART_WORDS = r"(?:punkt|punkten|ziffer|ziffern|beschlusspunkt|beschlusspunkten|top)"
RECOMMENDATION_LABEL = re.compile(
    r"beschlussempfehlung\s+an\s+(?:den\s+|die\s+|das\s+)?(?P<to>.+?)"
    rf"(?:\s+zu\s+(?P<part>{_PART_WORDS}\s+.+?))?\s*(?::\s*(?P<rest>.*))?",
    re.I,
)
_VOTE_LINE = re.compile(
    r"(?:dafür|dagegen|enth\.|enthaltung(?:en)?|stimmenthaltung(?:en)?|ja-stimmen|"
    r"nein-stimmen|gegenstimmen|ja|nein|befangen)\s*:\s*\d"
    r"|befangen\s*:\s*(?:herr|frau|hr\.|fr\.|rats|rm\b|dr\.)"
    r"|\d+\s+(?:ja|nein)-stimmen\b"
    r"|-?\s*einstimmig\s*[-–]?\s*$"
    rf"|zu\s+(?:den\s+)?{_PART_WORDS}\s+[^:]{{1,60}}:\s*(?:-\s*)?(?:einstimmig|mehrheitlich|\d|"
    r"dafür|ja\b|ja-stimmen)",
    re.I,
)
_MAJORITY_LINE = re.compile(r"(?:einstimmig|mehrheitlich)\b", re.I)
_BIAS = re.compile(r"§\s*31\b.*nicht\s+teilgenommen", re.I)
_PROSE_VOTE = re.compile(
    r"(?:der|die|das)\s+(?:beschlussvorschlag|beschlussvorlage|vorlage|antrag)\s+wird\s+"
    r"(?P<how>.*?)\s*(?P<verb>angenommen|abgelehnt|beschlossen)\s*\.?",
    re.I,
)
"""A vote written as a sentence of the minutes; ``how`` is "einstimmig", "mehrheitlich mit
12 Ja-Stimmen, einer Gegenstimme und drei Enthaltungen", …"""
_RESULT_SENTENCE = re.compile(
    r"(?:damit\s+ist\s+(?:der|die|das)\s+\w+|(?:der|die|das)\s+(?:beschlussfassung|"
    r"angelegenheit|antrag|tagesordnungspunkt|vorlage)\s+(?:wurde|wird|ist))\s+"
    r"(?P<how>[^.]*?)\s*(?P<verb>abgelehnt|angenommen|beschlossen|vertagt|zurückgezogen)\s*\.?",
    re.I,
)
"""A closing sentence that states the result: "Damit ist der Antrag abgelehnt.", "Die
Beschlussfassung wurde mehrheitlich auf eine andere Sitzung vertagt." """
_DESCRIBES_VOTE = re.compile(
    r"stimmenverhältnis|\b(?:mit|bei)\s+\S+\s+(?:ja-stimmen|gegenstimmen|nein-stimmen|"
    r"stimmenthaltung(?:en)?|stimmenenthaltung(?:en)?|enthaltung(?:en)?)\b",
    re.I,
)
_CALLS_VOTE = re.compile(
    r"lässt\b.*\babstimmen|ruft\b.*\bzur\s+abstimmung\b|zur\s+abstimmung\s+auf", re.I
)
_AS_SUBMITTED = re.compile(r"wie\s+(?:antrag|vorlage|beschlussvorschlag|beschlussvorlage)\b", re.I)


@dataclass(frozen=True, slots=True, kw_only=True)
class Recommendation:
    to: str
    """The body as written: "Rat", "Ausschuss für Stadtentwicklung, Bauen und Planen"."""
    part: str | None = None
    wording: str | None = None
    """Text after the colon on the same line ("…: Wie Vorlage mit den Änderungen …")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class VoteChunk:
    part: str | None
    text: str


@dataclass(slots=True)
class Body:
    text: list[str] = field(default_factory=list)
    discussion: list[str] = field(default_factory=list)
    votes: list[VoteChunk] = field(default_factory=list)
    bias: list[str] = field(default_factory=list)
    """§ 31 sentences, for the vote's ``excluded_for_bias``."""
    prose_votes: list[tuple[str, str]] = field(default_factory=list)
    """(how, verb) of "Der Beschlussvorschlag wird <how> <verb>" sentences."""
    result_sentences: list[tuple[str, str]] = field(default_factory=list)
    """(how, verb) of closing sentences such as "Damit ist der Antrag abgelehnt."."""
    recommendations: list[Recommendation] = field(default_factory=list)
    as_submitted: str | None = None
    """The "Wie Antrag" / "Wie Vorlage …" paragraph of the resolution text, if any."""


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str
    section: int
    """Index of the section (blocks between two-empty-line breaks) it stands in."""


def read_body(body: str) -> Body:
    result = Body()
    mode = "auto"  # auto | text | discussion | vote
    pending: list[_Paragraph] = []
    """Paragraphs before any label: the text or the minutes, decided at the end."""
    text_section: int | None = None
    after_vote = False
    part: str | None = None
    narration = False
    # labels again after the vote lines: a label may open the lines between two votes
    paragraphs = _joined_wrapped(_split_labels(_split_vote_lines(_split_labels(_paragraphs(body)))))
    for paragraph in paragraphs:
        line = normalise(paragraph.text)
        if mode == "text" and text_section is not None and paragraph.section != text_section:
            mode = "discussion"  # a section break ends the text
        if _TEXT_LABEL.fullmatch(line):
            result.discussion.extend(p.text for p in pending)
            pending, mode, text_section, after_vote = [], "text", None, False
            continue
        if _DISCUSSION_LABEL.fullmatch(line):
            mode = "discussion"
            continue
        if _VOTE_LABEL.fullmatch(line):
            mode = "vote"
            continue
        recommendation = RECOMMENDATION_LABEL.fullmatch(line)
        if recommendation:
            rest = (recommendation["rest"] or "").strip()
            part = normalise(recommendation["part"]) if recommendation["part"] else None
            result.recommendations.append(
                Recommendation(to=recommendation["to"].strip(), part=part, wording=rest or None)
            )
            if rest:
                continue  # "…an den Rat: Wie Vorlage" is a result line; the text follows
            result.discussion.extend(p.text for p in pending)
            pending, mode, text_section, after_vote = [], "text", None, False
            if part:
                result.text.append(f"Zu {part}:")
            continue
        if mode == "vote" or _VOTE_LINE.match(line) or _is_majority_line(line, mode):
            if _BIAS.search(line) and not _VOTE_LINE.match(line):
                result.bias.append(line)
            else:
                result.votes.append(VoteChunk(part=part, text=paragraph.text))
            after_vote = True
            continue
        if _BIAS.search(line):
            result.bias.append(line)
            continue
        closing = _RESULT_SENTENCE.fullmatch(line)
        if closing:
            result.result_sentences.append((closing["how"], closing["verb"]))
            if mode != "text" or after_vote:  # "Damit ist der Antrag abgelehnt."
                result.discussion.append(paragraph.text)
                continue
        if mode == "text" and result.text and _DESCRIBES_VOTE.search(line):
            # "Die Beschlussfassung erfolgt mehrheitlich mit einem Stimmenverhältnis von
            # 44 : 4.": how it was voted, said after the text, is not part of it
            result.discussion.append(paragraph.text)
            continue
        for sentence in _sentences(line):
            prose = _PROSE_VOTE.fullmatch(sentence)
            if prose:
                result.prose_votes.append((prose["how"], prose["verb"]))
                narration = True
            elif _CALLS_VOTE.search(sentence):
                narration = True
        if after_vote or mode == "discussion":
            result.discussion.append(paragraph.text)
        elif mode == "text":
            text_section = paragraph.section if text_section is None else text_section
            result.text.append(paragraph.text)
            if _AS_SUBMITTED.match(line) and result.as_submitted is None:
                result.as_submitted = line
        else:
            pending.append(paragraph)
    if pending:
        if narration:  # minutes in prose: the resolution text is the paper's, not here
            result.discussion[:0] = [p.text for p in pending]
        else:
            first = pending[0].section
            in_text = [
                p.section == first and not (index and _DESCRIBES_VOTE.search(normalise(p.text)))
                for index, p in enumerate(pending)
            ]
            result.text[:0] = [p.text for p, keep in zip(pending, in_text, strict=True) if keep]
            result.discussion[:0] = [
                p.text for p, keep in zip(pending, in_text, strict=True) if not keep
            ]
            if result.as_submitted is None and _AS_SUBMITTED.match(normalise(pending[0].text)):
                result.as_submitted = normalise(pending[0].text)
    return result


def _is_majority_line(line: str, mode: str) -> bool:
    """ "mehrheitlich gegen die Stimmen der Opposition": a vote in words, standing alone."""
    return mode != "text" and len(line) < 160 and bool(_MAJORITY_LINE.match(line))


def _sentences(line: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", line) if s.strip()]


def _paragraphs(body: str) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    lines: list[str] = []
    section = 0
    empty_run = 0
    for raw in body.split("\n"):
        stripped = raw.strip(" \t")
        if not stripped or not stripped.replace("\u00a0", "").strip():
            if lines:
                paragraphs.append(_Paragraph("\n".join(lines), section))
                lines = []
            empty_run = empty_run + 1 if not stripped else 0
            if empty_run >= 2 and paragraphs and paragraphs[-1].section == section:
                section += 1
            continue
        empty_run = 0
        lines.append(raw.replace("\u00a0", " ").rstrip())
    if lines:
        paragraphs.append(_Paragraph("\n".join(lines), section))
    return [_Paragraph(p.text.strip("\n"), p.section) for p in paragraphs]


def _split_labels(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """ "Beschluss:" on the first line of a paragraph with the text right below it."""
    result: list[_Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text
        while True:
            first, _, rest = text.partition("\n")
            if not rest.strip() or not _is_label(normalise(first)):
                break
            result.append(_Paragraph(first, paragraph.section))
            text = rest
        result.append(_Paragraph(text, paragraph.section))
    return result


def _is_label(line: str) -> bool:
    recommendation = RECOMMENDATION_LABEL.fullmatch(line)
    if recommendation is not None and not recommendation["rest"]:
        return True
    return any(p.fullmatch(line) for p in (_TEXT_LABEL, _DISCUSSION_LABEL, _VOTE_LABEL))


def _split_vote_lines(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """Vote lines inside a paragraph of single lines (``Ja-Stimmen: 14 …`` between the
    text and a closing sentence) become paragraphs of their own."""
    result: list[_Paragraph] = []
    for paragraph in paragraphs:
        lines = paragraph.text.split("\n")
        if len(lines) == 1 or not any(_VOTE_LINE.match(line.strip()) for line in lines[1:]):
            result.append(paragraph)
            continue
        group: list[str] = []
        for line in lines:
            if _VOTE_LINE.match(line.strip()) and not _unbalanced("\n".join(group)):
                if group:
                    result.append(_Paragraph("\n".join(group), paragraph.section))
                    group = []
                result.append(_Paragraph(line.strip(), paragraph.section))
            else:
                group.append(line)
        if group:
            result.append(_Paragraph("\n".join(group), paragraph.section))
    return result


def _joined_wrapped(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """ "dafür: 18 (5 CDU, …, 1 FDP," and "1 DIE LINKE, 1 Aufbruch Leverkusen)" are one line
    the page wrapped: join until the parenthesis closes."""
    result: list[_Paragraph] = []
    for paragraph in paragraphs:
        if result and _unbalanced(result[-1].text) and _VOTE_LINE.match(result[-1].text):
            previous = result.pop()
            joined = f"{previous.text.rstrip()} {paragraph.text.strip()}"
            result.append(_Paragraph(joined, previous.section))
        else:
            result.append(paragraph)
    return result


def _unbalanced(text: str) -> bool:
    return text.count("(") > text.count(")")
