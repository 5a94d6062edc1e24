"""Votes against the faction registry: known factions for the date, no more votes than seats.

Runs only when the archive has ``factions.yml``; each problem points at the faction's
line in the resolution file and suggests the nearest known short name.
"""

from __future__ import annotations

import difflib

from generator.archive.model import FactionRegistry, Resolution
from generator.archive.problems import Problem, error


def check_factions(resolution: Resolution, registry: FactionRegistry) -> list[Problem]:
    problems: list[Problem] = []
    if not any(vote.factions or vote.roll_call for vote in resolution.votes):
        return problems

    def fail(field: str, message: str) -> None:
        line, column = _position(resolution, field)
        problems.append(error(resolution.path, line, column, field, message))

    term = registry.term_on(resolution.date)
    if term is None:
        fail(
            _prefix(resolution, 0) if len(resolution.votes) == 1 else "vote",
            f"für den {resolution.date.isoformat()} nennt content/factions.yml keine "
            "Wahlperiode; bitte unter 'terms' ergänzen",
        )
        return problems
    seats_of = {
        faction_id: number
        for seats in registry.seats
        if seats.committee == resolution.committee and seats.term == term.id
        for faction_id, number in seats.seats
    }
    factions = {f.short_name: f for f in registry.factions if term.id in f.terms}
    known = ", ".join(sorted(factions)) or "(keine)"

    def unknown(name: str) -> str:
        close = difflib.get_close_matches(name, list(factions), n=1, cutoff=0.5)
        if not close:
            lowered = {short.casefold(): short for short in factions}
            close = [lowered[name.casefold()]] if name.casefold() in lowered else []
        hint = f"; meinten Sie '{close[0]}'?" if close else ""
        return f"die Fraktion '{name}' gibt es in der {term.name} nicht{hint} (bekannt: {known})"

    for index, vote in enumerate(resolution.votes):
        prefix = _prefix(resolution, index)
        for position, faction_vote in enumerate(vote.factions):
            at = f"{prefix}.factions[{position}]"
            faction = factions.get(faction_vote.name)
            if faction is None:
                fail(f"{at}.name", unknown(faction_vote.name))
                continue
            cast = faction_vote.in_favour + faction_vote.against + faction_vote.abstain
            seats = seats_of.get(faction.id)
            if seats_of and seats is not None and cast > seats:
                fail(
                    at,
                    f"die Fraktion '{faction.short_name}' hat {cast} Stimmen abgegeben, "
                    f"hat im Gremium aber nur {seats} Sitze ({term.name})",
                )
            elif seats_of and seats is None:
                fail(
                    f"{at}.name",
                    f"die Fraktion '{faction.short_name}' hat laut content/factions.yml in "
                    "diesem Gremium keine Sitze",
                )
        total = sum((count or 0) for count in (vote.in_favour, vote.against, vote.abstain))
        all_seats = sum(seats_of.values())
        if seats_of and total > all_seats:
            fail(
                prefix,
                f"die Abstimmung zählt {total} Stimmen, das Gremium hat in der "
                f"'{term.name}' aber nur {all_seats} Sitze",
            )
        for position, named in enumerate(vote.roll_call):
            if named.faction is not None and named.faction not in factions:
                fail(f"{prefix}.roll_call[{position}].faction", unknown(named.faction))
    return problems


def _prefix(resolution: Resolution, index: int) -> str:
    """``vote`` for a single vote, ``vote[1]`` for the parts of a divided one."""
    return f"vote[{index}]" if resolution.votes[index].part is not None else "vote"


def _position(resolution: Resolution, field: str) -> tuple[int, int]:
    while field:
        if field in resolution.positions:
            return resolution.positions[field]
        field = field.rsplit(".", 1)[0] if "." in field else ""
    return 0, 0
