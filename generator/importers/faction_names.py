"""Faction names in imported votes, read through the archive's ``factions.yml``.

A town's RIS spells its factions many ways (``B‘90/Die Grünen``, ``B´90/DIE GRÜNEN``,
``GRÜNE``), names the mayor (``BM``, ``OB``) and single members (``Hr. Gilleßen``) in the
same table, and has groups (``fraktionslos``). Every draft passes ``FactionNames.apply``
before it is written: a name the registry knows (short name, full name, alias; quotes,
spaces and case aside) becomes the faction's short name, the mayor the registry's mayor,
a member stays a person. A name it does not know is never guessed, not even a near miss:
the vote keeps its totals, the breakdown becomes wording, and the report lists the name
with the lines to add. Then the draft is held to the same rules as ``check``
(``vote_problems``), so that an import never writes a file ``check`` refuses.

Without ``factions.yml`` nothing changes: faction names are free text.
"""

from __future__ import annotations

import datetime
import difflib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.archive.faction_checks import (
    GROUPS,
    MAYOR_SPELLING,
    MAYOR_TITLES,
    factions_in,
    is_member,
    spelling_key,
    vote_problems,
)
from generator.archive.model import (
    Choice,
    ElectoralTerm,
    Faction,
    FactionRegistry,
    FactionVote,
    Vote,
)
from generator.archive.slugs import slugify
from generator.importers.draft import Draft
from generator.reading.registry_reader import FACTIONS_FILE, read_registry

REGISTRY = f"content/{FACTIONS_FILE}"
_GROUP_SPELLINGS = {
    **{spelling_key(group): group for group in GROUPS},
    "fraktionslose": "fraktionslos",
    "fraktionslose mitglieder": "fraktionslos",
    "fraktionsloses mitglied": "fraktionslos",
    "sonst.": "Sonstige",
}
_CHOICE = {Choice.FOR: "Ja", Choice.AGAINST: "Nein", Choice.ABSTAIN: "Enthaltung"}


@dataclass(slots=True)
class FactionNames:
    """The mapping for one import run, and what it could not map (for the report)."""

    registry: FactionRegistry
    unknown: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(term id, name as the source wrote it) → votes naming it."""
    committees: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    """Name → (committee, term id) it voted in: where it will need seats."""
    without_term: list[datetime.date | None] = field(default_factory=list)
    """Dates of votes with a breakdown for which the registry has no term."""
    as_wording: int = 0
    """Votes whose breakdown (or counts) the import kept as wording."""

    @classmethod
    def of_archive(cls, content_root: Path) -> FactionNames | None:
        registry, _ = read_registry(content_root, Path("content"))  # check reports its problems
        return cls(registry) if registry is not None else None

    def canonical(self, name: str, term: ElectoralTerm) -> str | None:
        """The name a file must use for ``name`` in ``term``, or None if unknown or ambiguous."""
        cleaned = " ".join(name.split())
        key = spelling_key(cleaned)
        matches = {
            faction.short_name
            for faction in factions_in(self.registry, term).values()
            if key in _spellings(faction)
        }
        if matches:
            return matches.pop() if len(matches) == 1 else None
        if key == spelling_key(self.registry.mayor):
            return self.registry.mayor
        if MAYOR_SPELLING.fullmatch(cleaned):  # "Bürgermeisterin Schmitz" keeps the title
            title = cleaned.split()[0].casefold()
            return next((t for t in MAYOR_TITLES if t.casefold() == title), self.registry.mayor)
        if key in _GROUP_SPELLINGS:
            return _GROUP_SPELLINGS[key]
        person = next(
            (p.name for p in self.registry.persons if key in {spelling_key(p.name), p.id}),
            None,
        )
        return person or (cleaned if is_member(cleaned, self.registry) else None)

    def apply(self, draft: Draft) -> Draft:
        if not any(vote.factions or vote.roll_call for vote in draft.votes):
            return draft
        term = self.registry.term_on(draft.date) if draft.date else None
        if term is None:
            self.without_term.append(draft.date)
            day = draft.date.isoformat() if draft.date else "ohne Datum"
            note = (
                f"keine Wahlperiode in {REGISTRY}: {day} (Abstimmung nach Fraktionen als "
                "Wortlaut übernommen)"
            )
            kept = tuple(
                self._as_wording(v) if v.factions or v.roll_call else v for v in draft.votes
            )
            return replace(draft, votes=kept, notes=(*draft.notes, note))
        notes: list[str] = []
        votes = [self._mapped(vote, term, notes, draft.committee) for vote in draft.votes]
        while any(vote.factions or vote.roll_call for vote in votes):
            changed = False
            for index, vote in enumerate(votes):
                found = vote_problems(
                    _with_totals(vote), committee=draft.committee, registry=self.registry, term=term
                )
                if found:
                    notes.append(
                        f"Abstimmung passt nicht zu {REGISTRY}: {found[0][1]} "
                        "(als Wortlaut übernommen)"
                    )
                    has_rows = vote.factions or vote.roll_call
                    votes[index] = (
                        self._as_wording(vote) if has_rows else self._without_counts(vote)
                    )
                    changed = True
            if not changed:
                break
        return replace(draft, votes=tuple(votes), notes=(*draft.notes, *notes))

    def _mapped(
        self, vote: Vote, term: ElectoralTerm, notes: list[str], committee: str | None
    ) -> Vote:
        rows: dict[str, FactionVote] = {}
        unknown: list[str] = []
        glued: list[str] = []
        for row in vote.factions:
            name = self.canonical(row.name, term)
            if name is None and (parts := self._glued(row.name, term)) is not None:
                glued.append(f"'{row.name}' ({' + '.join(parts)})")
                continue
            if name is None:
                unknown.append(row.name)
                continue
            before = rows.get(name, FactionVote(name=name))
            rows[name] = FactionVote(
                name=name,
                in_favour=before.in_favour + row.in_favour,
                against=before.against + row.against,
                abstain=before.abstain + row.abstain,
            )
        roll_call = []
        for named in vote.roll_call:
            faction = named.faction and self.canonical(named.faction, term)
            if named.faction is not None and faction is None:
                unknown.append(named.faction)
            roll_call.append(replace(named, faction=faction))
        if glued:
            # "CDUSPD1": an empty row glued to the next one in a pasted table. Which name the
            # votes belong to is not said here, and it is no new faction to register.
            notes.append(
                f"zwei Namen ohne Trenner: {', '.join(dict.fromkeys(glued))} "
                "(Abstimmung als Wortlaut übernommen)"
            )
        if unknown:
            for name in dict.fromkeys(unknown):
                self.unknown[(term.id, name)] += 1
                if committee is not None:
                    self.committees.setdefault(name, set()).add((committee, term.id))
            listed = ", ".join(f"'{name}'" for name in dict.fromkeys(unknown))
            notes.append(
                f"Fraktion nicht in {REGISTRY}: {listed} (Abstimmung als Wortlaut übernommen)"
            )
        if unknown or glued:
            return self._as_wording(vote)
        return replace(vote, factions=tuple(rows.values()), roll_call=tuple(roll_call))

    def _glued(self, name: str, term: ElectoralTerm) -> tuple[str, str] | None:
        """Two names the registry knows, written without a separator ("CDUSPD")."""
        for cut in range(2, len(name) - 1):
            head, tail = name[:cut].strip(), name[cut:].strip()
            if not head or not tail:
                continue
            first, second = self.canonical(head, term), self.canonical(tail, term)
            if first is not None and second is not None:
                return first, second
        return None

    def _as_wording(self, vote: Vote) -> Vote:
        """The vote with its totals and its breakdown written out as words."""
        self.as_wording += 1
        rows = [
            f"{row.name} "
            + ", ".join(
                f"{n} {label}"
                for n, label in (
                    (row.in_favour, "Ja"),
                    (row.against, "Nein"),
                    (row.abstain, "Enthaltung"),
                )
                if n
            )
            for row in vote.factions
        ]
        rows += [
            f"{n.person}{f' ({n.faction})' if n.faction else ''} {_CHOICE[n.choice]}"
            for n in vote.roll_call
        ]
        wording = "Aufschlüsselung laut Quelle: " + "; ".join(rows)

        def total(attribute: str, choice: Choice) -> int | None:
            given: int | None = getattr(vote, attribute)
            if given is not None:
                return given
            if vote.factions:
                return sum(int(getattr(row, attribute)) for row in vote.factions)
            if vote.roll_call:
                return sum(1 for n in vote.roll_call if n.choice is choice)
            return None

        return replace(
            vote,
            in_favour=total("in_favour", Choice.FOR),
            against=total("against", Choice.AGAINST),
            abstain=total("abstain", Choice.ABSTAIN),
            factions=(),
            roll_call=(),
            text="\n".join(filter(None, (vote.text, wording))),
        )

    def _without_counts(self, vote: Vote) -> Vote:
        """A vote whose totals the registry's seats cannot hold: its counts become wording."""
        self.as_wording += 1
        given = (("Ja", vote.in_favour), ("Nein", vote.against), ("Enthaltung", vote.abstain))
        counts = ", ".join(f"{label} {n}" for label, n in given if n is not None)
        return replace(
            vote,
            in_favour=None,
            against=None,
            abstain=None,
            text="\n".join(filter(None, (vote.text, f"Stimmen laut Quelle: {counts}"))),
        )

    # -- the report --------------------------------------------------------------------

    def summary(self) -> list[str]:
        """For the terminal: every unknown name with its count, the lines to add, the rest."""
        lines: list[str] = []
        if self.unknown:
            lines += ["", f"Fraktionsnamen, die {REGISTRY} nicht kennt (Anzahl Abstimmungen):"]
            lines += [f"  {name!r}: {count}" for name, count, _ in self._unknown_names()]
            lines += [f"Zeilen für {REGISTRY}:", *(f"  {line}" for line in self.lines_to_add())]
        if self.without_term:
            lines.append(self._without_term_line())
        if self.as_wording:
            lines.append(f"Abstimmungen mit Fraktionen als Wortlaut übernommen: {self.as_wording}")
        return lines

    def markdown(self) -> list[str]:
        lines: list[str] = []
        if self.unknown:
            lines += ["", f"## Fraktionsnamen, die `{REGISTRY}` nicht kennt", ""]
            lines += [
                "Diese Abstimmungen stehen als Wortlaut in `vote.text` (die Gesamtzahlen sind",
                "übernommen). Tragen Sie die Namen ein und importieren Sie erneut: die Dateien",
                "werden dann mit der Aufschlüsselung nach Fraktionen aktualisiert.",
                "",
                "| Name | Abstimmungen | Wahlperioden |",
                "|---|---:|---|",
            ]
            lines += [
                f"| `{name}` | {count} | {', '.join(terms)} |"
                for name, count, terms in self._unknown_names()
            ]
            lines += ["", f"Zeilen für `{REGISTRY}`:", "", "```yaml", *self.lines_to_add(), "```"]
        if self.without_term:
            lines += ["", "## Abstimmungen ohne Wahlperiode", "", self._without_term_line()]
        if self.as_wording:
            lines += [
                "",
                f"Abstimmungen mit Fraktionen als Wortlaut übernommen: {self.as_wording}",
            ]
        return lines

    def _unknown_names(self) -> list[tuple[str, int, list[str]]]:
        """(name, votes, term ids), the most frequent first."""
        counts: Counter[str] = Counter()
        terms: dict[str, list[str]] = {}
        for (term, name), count in self.unknown.items():
            counts[name] += count
            terms.setdefault(name, []).append(term)
        return [(name, count, sorted(terms[name])) for name, count in counts.most_common()]

    def lines_to_add(self) -> list[str]:
        """YAML to paste under ``factions:``: a new faction per name, or an alias if it is one."""
        lines = ["factions:"]
        taken = {faction.id for faction in self.registry.factions}
        for name, count, terms in self._unknown_names():
            similar = self._similar(name, terms)
            faction_id = base = slugify(name) or "fraktion"
            number = 2
            while faction_id in taken:
                faction_id, number = f"{base}-{number}", number + 1
            taken.add(faction_id)
            quoted_terms = ", ".join(json.dumps(term) for term in terms)
            lines += [
                f"  # {name!r} ({count}-mal): als neue Fraktion",
                f"  - id: {faction_id}",
                f"    name: {json.dumps(name, ensure_ascii=False)}",
                f"    short_name: {json.dumps(name, ensure_ascii=False)}",
                f"    terms: [{quoted_terms}]",
            ]
            alias = f"aliases: [{json.dumps(name, ensure_ascii=False)}]"
            if similar is not None:
                lines += [
                    f"  # oder, falls damit '{similar.short_name}' gemeint ist, bei "
                    f"'{similar.id}' statt der neuen Fraktion: {alias}",
                ]
            else:
                lines += [f"  # oder bei der Fraktion, die damit gemeint ist: {alias}"]
            seated = sorted(
                f"{committee} ({term})"
                for committee, term in self.committees.get(name, set())
                if any(s.committee == committee and s.term == term for s in self.registry.seats)
            )
            if seated:
                lines.append(
                    f"  # als neue Fraktion unter 'seats' auch ihre Sitze eintragen: "
                    f"{', '.join(seated)}"
                )
        return lines

    def _similar(self, name: str, terms: list[str]) -> Faction | None:
        """A faction the name resembles: offered to the editor, never applied."""
        if len(spelling_key(name)) < 3:
            return None  # "B" resembles every short name ("BL") and means none of them
        candidates = {
            spelling: faction
            for faction in self.registry.factions
            if set(terms) & set(faction.terms)
            for spelling in _spellings(faction)
        }
        close = difflib.get_close_matches(spelling_key(name), list(candidates), n=1, cutoff=0.6)
        return candidates[close[0]] if close else None

    def _without_term_line(self) -> str:
        days = sorted(day for day in self.without_term if day is not None)
        span = f" ({days[0].isoformat()} bis {days[-1].isoformat()})" if days else ""
        return (
            f"Abstimmungen an Tagen ohne Wahlperiode in {REGISTRY}: {len(self.without_term)}"
            f"{span}; Aufschlüsselung als Wortlaut übernommen. Unter 'terms' die Wahlperioden "
            "mit Beginn und Ende ergänzen und erneut importieren."
        )


def _with_totals(vote: Vote) -> Vote:
    """The vote as ``check`` reads it: totals left out are the sums of the breakdown."""
    if not vote.factions:
        return vote
    return replace(
        vote,
        in_favour=vote.in_favour
        if vote.in_favour is not None
        else sum(row.in_favour for row in vote.factions),
        against=vote.against if vote.against is not None else sum(r.against for r in vote.factions),
        abstain=vote.abstain if vote.abstain is not None else sum(r.abstain for r in vote.factions),
    )


def _spellings(faction: Faction) -> set[str]:
    return {spelling_key(n) for n in (faction.short_name, faction.name, *faction.aliases)}
