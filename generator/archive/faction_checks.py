"""Votes against the faction registry: known factions for the date, no more votes than seats.

Runs only when the archive has ``factions.yml``; each problem points at the faction's
line in the resolution file and suggests the nearest known short name.

A row of ``vote.factions`` is a faction only if the registry names it so. Three other rows
are real and allowed: the mayor's own vote (``FactionRegistry.mayor`` or a title from
``MAYOR_TITLES``, one vote), a single
member written as a person (``Hr. Gilleßen``, a name or id from ``persons``; one vote) and
the groups ``fraktionslos`` and ``Sonstige``. The importer checks its drafts with
``vote_problems`` too, so that what it writes is what ``check`` accepts.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from enum import StrEnum

from generator.archive.model import ElectoralTerm, Faction, FactionRegistry, Resolution, Vote
from generator.archive.problems import Problem, error

GROUPS = ("fraktionslos", "Sonstige")
"""Members outside every faction, counted together; never a faction of their own."""

MAYOR_SPELLING = re.compile(
    r"(?:BM|OB|(?:Ober)?bürgermeister(?:in)?)(?:\s+\S.*)?", re.IGNORECASE | re.DOTALL
)
"""``BM``, ``OB``, ``Bürgermeisterin``, ``Bürgermeister Schmitz``: the mayor, as RIS write it."""

MAYOR_TITLES = ("Bürgermeister", "Bürgermeisterin", "Oberbürgermeister", "Oberbürgermeisterin")
"""Written out, the title names the mayor in any archive; ``FactionRegistry.mayor`` is the
town's own (what ``BM`` and ``OB`` become on import)."""

MEMBER_SPELLING = re.compile(
    r"(?:(?:Hr|Fr|Rm|Rf)\.\s*|(?:Herr|Frau|RM|Ratsmitglied|Ratsherr|Ratsfrau)\s+)\S.*",
    re.DOTALL,
)
"""``Hr. Gilleßen``, ``Herr Lind``, ``Frau Beispiel``: one member, named as a person."""

_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛´`′ʼʻ", "'"))
_SPACE = re.compile(r"\s+")
_SLASH = re.compile(r"\s*/\s*")


class Row(StrEnum):
    """What a row of ``vote.factions`` stands for."""

    FACTION = "faction"
    MAYOR = "mayor"
    MEMBER = "member"
    GROUP = "group"


def spelling_key(name: str) -> str:
    """A name as compared: Unicode-composed, one kind of apostrophe, spaces and case folded."""
    text = unicodedata.normalize("NFC", name).translate(_QUOTES)
    return _SLASH.sub("/", _SPACE.sub(" ", text).strip()).casefold()


def factions_in(registry: FactionRegistry, term: ElectoralTerm) -> dict[str, Faction]:
    """The term's factions by short name."""
    return {f.short_name: f for f in registry.factions if term.id in f.terms}


def row_kind(name: str, registry: FactionRegistry, term: ElectoralTerm) -> Row | None:
    """What ``name`` stands for as written in a file; None when the registry does not know it."""
    if name in factions_in(registry, term):
        return Row.FACTION
    if name == registry.mayor or name in MAYOR_TITLES:
        return Row.MAYOR
    if name in GROUPS:
        return Row.GROUP
    if is_member(name, registry):
        return Row.MEMBER
    return None


def never_a_faction(name: str) -> bool:
    """The mayor (``BM``), one member (``Hr. Gilleßen``) or a group, by its spelling alone:
    a row no faction page is made for, also in an archive without ``factions.yml``."""
    cleaned = name.strip()
    return (
        MAYOR_SPELLING.fullmatch(cleaned) is not None
        or MEMBER_SPELLING.fullmatch(cleaned) is not None
        or spelling_key(cleaned) in {spelling_key(group) for group in GROUPS}
    )


def is_member(name: str, registry: FactionRegistry) -> bool:
    persons = {p.name for p in registry.persons} | {p.id for p in registry.persons}
    return name in persons or MEMBER_SPELLING.fullmatch(name) is not None


def seats_in(
    registry: FactionRegistry, committee: str | None, term: ElectoralTerm
) -> dict[str, int]:
    """Faction id → seats in the committee during the term (empty when not registered)."""
    return {
        faction_id: number
        for seats in registry.seats
        if seats.committee == committee and seats.term == term.id
        for faction_id, number in seats.seats
    }


def no_term_message(day: datetime.date) -> str:
    return (
        f"für den {day.isoformat()} nennt content/factions.yml keine Wahlperiode; "
        "bitte unter 'terms' ergänzen"
    )


def vote_problems(
    vote: Vote, *, committee: str | None, registry: FactionRegistry, term: ElectoralTerm
) -> list[tuple[str, str]]:
    """(field below the vote, message) for everything ``check`` refuses in this vote."""
    problems: list[tuple[str, str]] = []
    seats_of = seats_in(registry, committee, term)
    factions = factions_in(registry, term)
    outside = 0
    for position, faction_vote in enumerate(vote.factions):
        at = f".factions[{position}]"
        cast = faction_vote.in_favour + faction_vote.against + faction_vote.abstain
        kind = row_kind(faction_vote.name, registry, term)
        if kind is None:
            problems.append((f"{at}.name", _unknown(faction_vote.name, registry, term)))
            continue
        if kind is not Row.FACTION:
            outside += cast
            if kind is not Row.GROUP and cast > 1:
                who = "der Bürgermeister" if kind is Row.MAYOR else f"'{faction_vote.name}'"
                problems.append(
                    (at, f"{who} hat eine Stimme, hier stehen {cast}; bitte berichtigen")
                )
            continue
        faction = factions[faction_vote.name]
        seats = seats_of.get(faction.id)
        if seats_of and seats is not None and cast > seats:
            problems.append(
                (
                    at,
                    f"die Fraktion '{faction.short_name}' hat {cast} Stimmen abgegeben, "
                    f"hat im Gremium aber nur {seats} Sitze ({term.name})",
                )
            )
        elif seats_of and seats is None:
            problems.append(
                (
                    f"{at}.name",
                    f"die Fraktion '{faction.short_name}' hat laut content/factions.yml in "
                    "diesem Gremium keine Sitze",
                )
            )
    total = sum((count or 0) for count in (vote.in_favour, vote.against, vote.abstain))
    all_seats = sum(seats_of.values())
    if seats_of and total > all_seats + outside:
        beyond = f" und {outside} Stimmen außerhalb der Fraktionen" if outside else ""
        problems.append(
            (
                "",
                f"die Abstimmung zählt {total} Stimmen, das Gremium hat in der "
                f"'{term.name}' aber nur {all_seats} Sitze{beyond}",
            )
        )
    for position, named in enumerate(vote.roll_call):
        if named.faction is not None and named.faction not in factions:
            problems.append(
                (f".roll_call[{position}].faction", _unknown(named.faction, registry, term))
            )
    return problems


def _unknown(name: str, registry: FactionRegistry, term: ElectoralTerm) -> str:
    factions = factions_in(registry, term)
    known = ", ".join(sorted(factions)) or "(keine)"
    alias = next(
        (
            f
            for f in factions.values()
            if spelling_key(name) in {spelling_key(a) for a in f.aliases}
        ),
        None,
    )
    if alias is not None:
        return (
            f"'{name}' ist laut content/factions.yml eine andere Schreibweise der Fraktion "
            f"'{alias.short_name}'; in Abstimmungen steht ihr Kürzel: meinten Sie "
            f"'{alias.short_name}'?"
        )
    close = [meant] if (meant := _spelled_otherwise(name, registry, term)) else []
    close = close or difflib.get_close_matches(name, list(factions), n=1, cutoff=0.5)
    if not close:
        lowered = {short.casefold(): short for short in factions}
        close = [lowered[name.casefold()]] if name.casefold() in lowered else []
    hint = f"; meinten Sie '{close[0]}'?" if close else ""
    return f"die Fraktion '{name}' gibt es in der {term.name} nicht{hint} (bekannt: {known})"


def _spelled_otherwise(name: str, registry: FactionRegistry, term: ElectoralTerm) -> str | None:
    """The canonical name when ``name`` is an alias, a spelling of the mayor or of a group."""
    key = spelling_key(name)
    for faction in factions_in(registry, term).values():
        if key in {spelling_key(n) for n in (faction.short_name, faction.name, *faction.aliases)}:
            return faction.short_name
    if MAYOR_SPELLING.fullmatch(name.strip()):
        return registry.mayor
    return next((group for group in GROUPS if spelling_key(group) == key), None)


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
            no_term_message(resolution.date),
        )
        return problems
    for index, vote in enumerate(resolution.votes):
        prefix = _prefix(resolution, index)
        found = vote_problems(vote, committee=resolution.committee, registry=registry, term=term)
        for field, message in found:
            fail(prefix + field, message)
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
