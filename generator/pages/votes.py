"""A vote as readers see it: counts in words, the table by faction, the roll call."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.archive import labels
from generator.archive.model import Choice, Vote
from generator.pages.common import e


def vote_summary(vote: Vote) -> str:
    """``18 Ja, 9 Nein, 1 Enthaltung`` or ``einstimmig``: HTML-escaped."""
    if vote.unanimous:
        text = "einstimmig"
        if vote.abstain:
            text += f" bei {labels.count(vote.abstain, 'Enthaltung', 'Enthaltungen')}"
        return text
    if vote.in_favour is None and vote.against is None and vote.abstain is None:
        return e(vote.text or "keine Angabe")
    # A count the source does not give is left out, never shown as 0.
    counts = (
        f"{vote.in_favour} Ja" if vote.in_favour is not None else "",
        f"{vote.against} Nein" if vote.against is not None else "",
        labels.count(vote.abstain, "Enthaltung", "Enthaltungen")
        if vote.abstain is not None
        else "",
    )
    return ", ".join(count for count in counts if count)


ROLL_CALL_CHOICE = {Choice.FOR: "Ja", Choice.AGAINST: "Nein", Choice.ABSTAIN: "Enthaltung"}


def vote_block(
    vote: Vote,
    *,
    faction_link: Callable[[str], str] | None = None,
    persons: Mapping[str, str] | None = None,
) -> str:
    """The vote in words, by faction (names linked to their pages by ``faction_link``) and
    by name for a roll call (``persons`` turns registry ids into names)."""
    name_of = faction_link or e
    part = f'<span class="ra-vote__part">{e(vote.part)}:</span> ' if vote.part else ""
    html = f'<div class="ra-vote"><p>{part}{vote_summary(vote)}</p>'
    if vote.factions:
        caption = "Abstimmung nach Fraktionen" + (f" ({vote.part})" if vote.part else "")
        head = "".join(
            f'<th scope="col">{name}</th>' for name in ("Fraktion", "Ja", "Nein", "Enthaltung")
        )
        # On a phone the rows stack and each count names its column (ratsarchiv.css, by the
        # cell's place in the row: a data-label on every cell cost 0.3 KiB a page), so no
        # column is cut off and no "0" stands for a hidden count.
        body = "".join(
            f'<tr><th scope="row">{name_of(f.name)}</th><td>{f.in_favour}</td>'
            f"<td>{f.against}</td><td>{f.abstain}</td></tr>"
            for f in vote.factions
        )
        html += (
            '<div class="ra-table-wrap"><table class="ra-vote-table ra-vote-table--factions">'
            f"<caption>{e(caption)}"
            f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        )
    if vote.roll_call:
        html += _roll_call(vote, name_of, persons or {})
    counted = vote.unanimous or any(
        count is not None for count in (vote.in_favour, vote.against, vote.abstain)
    )
    if vote.text and counted:  # the counts came from this wording; it may say more
        html += f'<p class="ra-vote__wording">Wortlaut laut Unterlagen: {e(vote.text)}</p>'
    if vote.excluded_for_bias:
        html += (
            '<p class="ra-vote__bias">Wegen Befangenheit nicht beteiligt (§ 31 GO NRW): '
            f"{e(', '.join(vote.excluded_for_bias))}</p>"
        )
    elif vote.excluded_for_bias_count:
        members = "Mitglied" if vote.excluded_for_bias_count == 1 else "Mitglieder"
        html += (
            '<p class="ra-vote__bias">Wegen Befangenheit nicht beteiligt (§ 31 GO NRW): '
            f"{vote.excluded_for_bias_count} {members}</p>"
        )
    return html + "</div>"


def _roll_call(vote: Vote, name_of: Callable[[str], str], persons: Mapping[str, str]) -> str:
    caption = "Namentliche Abstimmung" + (f" ({vote.part})" if vote.part else "")
    head = "".join(f'<th scope="col">{name}</th>' for name in ("Name", "Fraktion", "Stimme"))
    rows = "".join(
        f'<tr><th scope="row">{e(persons.get(named.person, named.person))}</th>'
        f"<td>{name_of(named.faction) if named.faction else '–'}</td>"
        f"<td>{ROLL_CALL_CHOICE[named.choice]}</td></tr>"
        for named in vote.roll_call
    )
    return (
        f'<div class="ra-table-wrap"><table class="ra-vote-table ra-roll-call">'
        f"<caption>{e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )
