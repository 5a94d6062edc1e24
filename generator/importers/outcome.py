"""What a record says was decided: its result wording → result, kind and votes.

Council information systems put very different things into the one "result" field: the
decision ("Geändert beschlossen"), the vote ("Einstimmig, 0 Enthaltungen", "13 Ja-Stimmen,
0 Enthaltungen, 0 Nein-Stimmen"), a vote table pasted without separators, or a note that
nothing was voted on ("ohne", "(kein Text vorhanden)"). The rule is the importers' rule:
derive what is unambiguous, keep the wording, and never guess. A unanimous vote or a
counted majority decides the result (a tie rejects, § 50 Abs. 1 GO NRW); anything else
leaves the result ``not_recorded`` and the wording in the vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.archive.model import ResolutionKind, Result, Vote
from generator.importers.amendment_steps import AMENDMENT, two_step_result
from generator.importers.carried_forms import (
    agenda_established,
    naming_sentence,
    noun_motion_carried,
)
from generator.importers.deciding_sentence import read_deciding_sentences
from generator.importers.empty_counts import filled_empty_counts
from generator.importers.labelled_resolution import labelled_resolution
from generator.importers.outcome_checks import (
    ADOPTING,
    COUNTED,
    NAMED_BODYS_MINUTES,
    QUALIFIED,
    closing_against,
    elected_against,
    on_the_procedure,
    ratio_against,
)
from generator.importers.recommending_sentence import OWN_RECOMMENDATION, recommending_sentence
from generator.importers.result_wording import (
    TO_ADMINISTRATION,
    Meaning,
    recommendation_in,
    split_wording,
)
from generator.importers.second_look import second_look
from generator.importers.sentence_result import RECOMMENDING
from generator.importers.vote_text import normalise
from generator.importers.wording_spellings import SLIPS, spelled_out
from generator.importers.wording_table import ADMINISTRATION, CONDITION
from generator.importers.wording_votes import (
    VOTE_AFTER,
    VOTE_STARTS,
    against_in,
    closing_result,
    counted,
    group_votes,
    numbered_parts,
    read_votes,
    resolution_counted,
    result_of_votes,
    with_text,
)

_NOTHING_VOTED = re.compile(
    r"\(?\s*(?:ohne(?:\s*[,;(]\s*da\b.*)?|kein(?:e)?\s+text\s+vorhanden|"
    r"(?:es\s+)?(?:erfolgt(?:e)?\s+)?keine\s+abstimmung(?:\s+erfolgt)?|entfällt|"
    r"[-./\s]+|0)\s*\)?\s*\.?",
    re.IGNORECASE,
)
"""Wording that says no decision was taken or recorded: "ohne", "Ohne, da
Mitteilungsvorlage.", "(kein Text vorhanden)", "-.-", "entfällt"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedOutcome:
    result: Result
    """``NOT_RECORDED`` when the wording does not say it unambiguously."""
    kind: ResolutionKind = ResolutionKind.ORDINARY
    recommended_to: str | None = None
    """The body a recommendation goes to, as written (e.g. "Rat")."""
    referred_to: str | None = None
    """The body a referral sends the matter to, as written (e.g. "Bauausschuss")."""
    votes: tuple[Vote, ...] = ()
    nothing_voted: bool = False
    """The record says no vote was taken ("ohne") or has no result at all."""
    note: str | None = None
    """For the import report: why the result is not recorded."""


def read_outcome(wording: str | None) -> RecordedOutcome:
    text = SLIPS.sub("einstimmig", normalise(wording or "")).rstrip(" ,;")
    full = filled_empty_counts(spelled_out(text))
    stepped = two_step_result(full)
    if stepped is not None:
        outcome = RecordedOutcome(result=stepped, votes=(Vote(text=full),))
    else:
        outcome = _amendments_vote(_to_deciding_body(_read_outcome(full), full), full)
    outcome = _condition_kept(second_look(outcome, wording or "", full, read_outcome), full)
    if full == text:
        return outcome
    # the wording is kept as the source wrote it, not as it was read
    return replace(
        outcome,
        votes=tuple(replace(v, text=text) if v.text == full else v for v in outcome.votes),
        note=outcome.note.replace(repr(full), repr(text)) if outcome.note else None,
    )


def _read_outcome(text: str) -> RecordedOutcome:
    if not text:
        return RecordedOutcome(
            result=Result.NOT_RECORDED, nothing_voted=True, note="die Quelle nennt kein Ergebnis"
        )
    if _NOTHING_VOTED.fullmatch(text):
        return RecordedOutcome(
            result=Result.NOT_RECORDED,
            nothing_voted=True,
            note=f"laut Quelle keine Abstimmung ({text!r})",
        )
    carried = noun_motion_carried(text) or naming_sentence(text) or agenda_established(text)
    if carried is not None:  # "Verweis in den Bauausschuss. Einstimmig angenommen."
        return _as_worded(*carried, text)
    worded = split_wording(text)
    if worded is not None and _swallowed_result(worded[0], worded[1], text):
        # "Der Ausschuss empfiehlt dem Rat, die Vorlage zu beschließen. Der Antrag der SPD wird
        # abgelehnt.": the recommendation's pattern reads to the end of the field and took the
        # second sentence as part of what is recommended (read adopted before)
        unread = _unread(text, "Wortlaut nennt zwei Ergebnisse")
        if worded[0].kind is ResolutionKind.RECOMMENDATION:  # still only a recommendation
            return replace(unread, kind=worded[0].kind, recommended_to=worded[0].body)
        return unread
    if worded is not None and QUALIFIED.search(worded[1]):
        # "Mit der Bezuschussung besteht Einverständnis, sofern der Kreis zustimmt.", "…
        # keine Einwände, mit Ausnahme der Änderung zu TOP 3": a condition or an exception
        # after the wording; what holds, the reader decides
        unread = _unread(text, "Wortlaut mit Bedingung oder Ausnahme")
        if worded[0].kind is ResolutionKind.RECOMMENDATION and worded[0].body:
            # "Der Ausschuss empfiehlt dem Rat, … zuzustimmen, sofern …": still a recommendation
            return replace(unread, kind=worded[0].kind, recommended_to=worded[0].body)
        return unread
    if worded is not None and _second_result(worded[0], worded[1]):
        # "Der Antrag der SPD wird abgelehnt. Der Vorlage wird zugestimmt.": the first sentence
        # is a motion's, the rest says another result; which is the item's the field does not
        # say plainly (before: read as the first, rejected). Nor is either sentence alone
        # the item's ("Mit … besteht Einverständnis. Der Antrag der SPD wird abgelehnt.":
        # read rejected before)
        return _unread(text, "Wortlaut nennt zwei Ergebnisse")
    worded = (
        worded
        or labelled_resolution(text)
        or recommending_sentence(text)
        or read_deciding_sentences(text)
    )
    if worded is not None:
        outcome = _as_worded(*worded, text)
        if (
            outcome.result is Result.ADOPTED
            and NAMED_BODYS_MINUTES.search(text)
            and not any(counted(vote) for vote in outcome.votes)
        ):
            # "Gegen das Protokoll des Ortschaftsrates bestehen keine Einwände.": whose minutes?
            # another body's this one cannot approve (read adopted before); a vote beside it
            # still decides ("… Sitzung des Stadtrates … keine Einwände." with "Dafür: 19")
            return _unread(text, "keine Einwände gegen das Protokoll eines genannten Gremiums")
        if on_the_procedure(outcome.result, text):
            # "Dem Antrag auf Zurückstellung wird zugestimmt": the motion's vote, not the item's
            return _motions_vote(outcome, text)
        if outcome.result in ADOPTING and re.search("stimmengleichheit", text, re.IGNORECASE):
            return replace(  # a tie rejects (§ 50 Abs. 1 GO NRW): the wording contradicts it
                outcome,
                result=Result.NOT_RECORDED,
                votes=outcome.votes if any(v.text for v in outcome.votes) else (Vote(text=text),),
                note=f"Wortlaut und Stimmenzahlen widersprechen sich: {text!r}",
            )
        return outcome
    if RECOMMENDING.search(text.lower()):
        # "Der Hauptausschuss beschließt vorberatend …": counts or not, never a decision
        recommended = recommendation_in(text)
        if recommended is None and OWN_RECOMMENDATION.search(text):
            recommended = Meaning(result=Result.NOT_RECORDED, kind=ResolutionKind.RECOMMENDATION)
        if recommended is not None:
            return _as_worded(recommended, "", text)
        # "Gemäß der Beschlussempfehlung des Ausschusses …": whose vote? read nothing
        votes = tuple(with_text(vote, text) for vote in read_votes(text)[:1])
        return RecordedOutcome(
            result=Result.NOT_RECORDED,
            votes=votes or (Vote(text=text),),
            note=f"Wortlaut nennt eine Empfehlung, Ergebnis nicht erkannt: {text!r}",
        )
    votes = read_votes(text)
    labelled = VOTE_AFTER.search(text)  # "Mit Debatte - mit folgendem Abstimmungsergebnis: Ja: 10"
    if labelled is not None and not any(counted(vote) for vote in votes):
        after = read_votes(text[labelled.end() :])
        if any(counted(vote) for vote in after):
            votes = (with_text(after[0], text), *after[1:])  # the words before stay with it
    if not any(counted(vote) for vote in votes):
        votes = numbered_parts(text) or group_votes(text) or resolution_counted(text) or votes
    outcome = _decided_by(votes, text)
    if on_the_procedure(outcome.result, text):
        # "…Gesamt12140Damit ist der Antrag der FFH, diesen Top zu vertagen, abgelehnt.": the
        # counts are the deferral motion's; what became of the item the field does not say,
        # so the counts are not written as the item's vote: the wording stays for the reader
        return _motions_vote(replace(outcome, votes=(Vote(text=text),)), text)
    return outcome


def _amendments_vote(outcome: RecordedOutcome, text: str) -> RecordedOutcome:
    """A result read where the wording votes on an amendment ("Abstimmungsergebnis über den
    Änderungsantrag der Fraktionen …: Mehrheitlich … zugestimmt"): the amendment's, not the
    item's (it was published as the item adopted)."""
    if outcome.result not in COUNTED or not AMENDMENT.search(text):
        return outcome
    return replace(
        outcome,
        result=Result.NOT_RECORDED,
        votes=outcome.votes if any(v.text for v in outcome.votes) else (Vote(text=text),),
        note=f"Abstimmung über einen Änderungsantrag, nicht über die Sache: {text!r}",
    )


def _to_deciding_body(outcome: RecordedOutcome, text: str) -> RecordedOutcome:
    """A recommendation to the administration or the mayor ("Der Ausschuss empfiehlt der
    Verwaltung, …", "Empfohlen an Verwaltung") is no recommendation to a deciding body: the
    committee's own decision, whose result the wording does not state as a decision's."""
    to = outcome.recommended_to
    if (to is None or not _ADMINISTRATION.fullmatch(to)) and not TO_ADMINISTRATION.search(text):
        return outcome
    return _unread(text, "Empfehlung an die Verwaltung, an kein beschließendes Gremium")


_ADMINISTRATION = re.compile(ADMINISTRATION, re.IGNORECASE)


def _condition_kept(outcome: RecordedOutcome, text: str) -> RecordedOutcome:
    """A result given under a condition ("… empfiehlt dem Rat, … zuzustimmen, sofern der Kreis
    die Kosten trägt", read adopted before, the condition dropped) stays unread, the wording
    kept for the reader: whether the condition holds, no field says."""
    if outcome.result is Result.NOT_RECORDED or not _CONDITION.search(text):
        return outcome
    unread = _unread(text, "Wortlaut mit Bedingung oder Ausnahme")
    return replace(unread, kind=outcome.kind, recommended_to=outcome.recommended_to)


_CONDITION = re.compile(CONDITION, re.IGNORECASE)


def _unread(text: str, why: str) -> RecordedOutcome:
    votes = tuple(with_text(vote, text) for vote in read_votes(text)[:1] if counted(vote))
    return RecordedOutcome(
        result=Result.NOT_RECORDED, votes=votes or (Vote(text=text),), note=f"{why}: {text!r}"
    )


def _second_result(meaning: Meaning, rest: str) -> bool:
    """Whether what follows a wording read at the start states a result of its own that
    differs from it."""
    if not rest:
        return False
    after = split_wording(rest) or read_deciding_sentences(rest)
    return (
        after is not None
        and after[0].result is not Result.NOT_RECORDED
        and after[0].result is not meaning.result
    )


_NEXT_SENTENCE = re.compile(r"(?<=[^\W\d]{2}[.!?])\s+(?=[A-ZÄÖÜ])|\n+")
"""Where a sentence ends: after a word of two letters or more ("Nr. 5", "gem. § 3", "i. V."
do not end one), before a capital or at a line break."""


def _swallowed_result(meaning: Meaning, rest: str, text: str) -> bool:
    """Whether a wording read whole ran over a sentence that states a result of its own,
    differing from it ("… empfiehlt dem Rat, …" reads to the end of the field; "Einstimmig
    empfohlen. Der Tagesordnungspunkt wird vertagt." was read whole as deferred)."""
    if rest or meaning.result is Result.NOT_RECORDED or meaning.says_more:
        # (says_more: a motion, then the sentence that carried it, read as one on purpose)
        return False
    sentences = [s.strip() for s in _NEXT_SENTENCE.split(text) if s.strip()]
    if len(sentences) < 2:
        return False
    stated = {meaning.result}
    for sentence in sentences:
        own = split_wording(sentence) or read_deciding_sentences(sentence)
        if own is not None and own[0].result is not Result.NOT_RECORDED:
            stated.add(own[0].result)
    return len(stated) > 1


def _motions_vote(outcome: RecordedOutcome, text: str) -> RecordedOutcome:
    """The outcome left unread, the wording kept for the reader (with the counts only where
    a text already says whose they are)."""
    votes = outcome.votes if any(v.text for v in outcome.votes) else (Vote(text=text),)
    return replace(
        outcome,
        result=Result.NOT_RECORDED,
        votes=votes,
        note=f"Abstimmung über einen Antrag zum Verfahren, nicht über die Sache: {text!r}",
    )


def _as_worded(meaning: Meaning, rest: str, text: str) -> RecordedOutcome:
    """A known wording, with the vote that came with it ("einstimmig", "Ja: 9, Nein: 2")."""
    recommended_to = meaning.body if meaning.kind is ResolutionKind.RECOMMENDATION else None
    referred_to = meaning.body if meaning.result is Result.REFERRED else None
    if meaning.no_decision:  # "ohne Beschluss"
        return RecordedOutcome(
            result=Result.NOT_RECORDED,
            nothing_voted=not rest,
            votes=(Vote(text=text),) if rest else (),
            note=f"laut Quelle kein Beschluss ({text!r})",
        )
    if meaning.result is Result.NOT_RECORDED and meaning.kind is ResolutionKind.ORDINARY:
        return RecordedOutcome(  # "noch nicht festgelegt", "(offen)": decided, not recorded
            result=Result.NOT_RECORDED,
            votes=(Vote(text=text),),
            note=f"laut Quelle noch kein Ergebnis ({text!r})",
        )
    if not rest and meaning.kind is ResolutionKind.RECOMMENDATION:
        # "Der … Ausschuss empfiehlt der Stadtverordnetenversammlung dem Antrag zuzustimmen.
        # Ja: 11, Nein: 0, Enthaltungen: 0": the table's wording took the whole text, and the
        # counts after it were dropped; they are the recommendation's, checked against it
        rest = next(
            (
                text[start.end() :]
                for start in VOTE_STARTS.finditer(text)
                if any(counted(vote) for vote in read_votes(text[start.end() :]))
            ),
            "",
        )
    detail = ", ".join(filter(None, (*meaning.vote_details, rest)))
    votes: tuple[Vote, ...] = ()
    if detail:
        lead = "einstimmig, " if meaning.unanimous else ""
        votes = tuple(  # a text kept with the vote is the source's, not the lead added here
            with_text(vote, text) if vote.text else vote for vote in read_votes(lead + detail)
        )
        if not any(counted(vote) for vote in votes):
            # "Abstimmungsergebnis zu 1.: … Ja-Stimmen: 5 … zu 2.: …" (Zeitz): one vote a part,
            # every part checked against the wording (not the last part's counts alone)
            votes = numbered_parts(rest) or votes
        for start in VOTE_STARTS.finditer(rest):
            if any(counted(vote) for vote in votes):
                break
            # "… mit der Maßgabe zugestimmt, dass … Abstimmung: Ja 3, Nein 9" (or "… Ja-Stimmen:
            # 4 Nein-Stimmen: 7"): the vote after words of the resolution, checked against the
            # wording like any other (before: dropped, and the wording published as adopted)
            after = read_votes(rest[start.end() :])
            if any(counted(vote) for vote in after):
                votes = after  # (the wording is kept with them below)
        if not any(counted(vote) for vote in votes):
            votes = (Vote(unanimous=meaning.unanimous, text=text),)
    elif meaning.unanimous:
        votes = (Vote(unanimous=True),)
    if meaning.says_more and votes and not any(vote.text for vote in votes):
        votes = (with_text(votes[0], text), *votes[1:])
    elif meaning.says_more:
        votes = (Vote(unanimous=meaning.unanimous, text=text),)
    note = None
    result = meaning.result
    by_counts = result_of_votes(votes)
    unanimous_against = meaning.unanimous and (
        against_in(text) or any(vote.against for vote in votes if vote.part)
    )
    if unanimous_against:  # "Einstimmig angenommen bei 3 Gegenstimmen": not unanimous at all
        votes = tuple(replace(vote, unanimous=False) for vote in votes)
    if (
        unanimous_against
        or (
            by_counts is not None
            and result in COUNTED
            and (by_counts is Result.REJECTED) != (result is Result.REJECTED)
        )
        or elected_against(result, votes)
        or (result in _CARRIED_MOTION and by_counts is Result.REJECTED)
        or ratio_against(result, text, votes)
        or closing_against(result, text)
        or (result in COUNTED and by_counts is None and any(vote.part for vote in votes))
    ):
        result, note = (
            Result.NOT_RECORDED,
            f"Wortlaut und Stimmenzahlen widersprechen sich: {text!r}",
        )
        if (
            not unanimous_against
            and meaning.kind is ResolutionKind.ORDINARY
            and by_counts is not None
            and closing_result(text) is by_counts
        ):
            # "Der Marktgemeinderat stimmt … zu." then "(Abstimmungsergebnis: Ja 8 / Nein 10 -
            # Somit ist der Antrag abgelehnt.)": the text put to the vote, then the counts and
            # the minutes' own closing statement, which agree
            result, note = by_counts, None
    elif result is Result.NOT_RECORDED:
        note = f"Empfehlung erkannt, ihr Ergebnis nicht: {text!r}"
    if result is Result.NOT_RECORDED and not any(vote.text for vote in votes):
        # the wording stays, beside whatever counts it had
        votes = (with_text(votes[0], text), *votes[1:]) if votes else (Vote(text=text),)
    return RecordedOutcome(
        result=result,
        kind=meaning.kind,
        recommended_to=recommended_to,
        referred_to=referred_to,
        votes=votes,
        note=note,
    )


_CARRIED_MOTION = frozenset({Result.DEFERRED, Result.REFERRED, Result.REMOVED})
"""Results a carried motion on the procedure gives ("Vertagung angenommen"): counts that
reject ("Ja: 3, Nein: 10") say the motion failed, not that the item was put off."""


def _decided_by(votes: tuple[Vote, ...], text: str) -> RecordedOutcome:
    if len(votes) == 1 and votes[0].unanimous and against_in(text):
        return RecordedOutcome(
            result=Result.NOT_RECORDED,
            votes=(with_text(replace(votes[0], unanimous=False), text),),
            note=f"Wortlaut und Stimmenzahlen widersprechen sich: {text!r}",
        )
    result = result_of_votes(votes)
    if result is not None:
        return RecordedOutcome(result=result, votes=votes)
    parts_differ = len({_vote_result(vote) for vote in votes}) > 1
    if not votes:
        votes = (Vote(text=text),)
    why = "Teile mit verschiedenem Ausgang" if parts_differ else "Ergebnis nicht erkannt"
    return RecordedOutcome(result=Result.NOT_RECORDED, votes=votes, note=f"{why}: {text!r}")


def _vote_result(vote: Vote) -> Result | None:
    """Adopted or rejected, where the vote itself says so; None where it does not."""
    return vote.outcome
