"""The body a recommendation goes to: among the archive's committees and those an import adds.

"Beschlussempfehlung an den Rat" names the council by its kind, not by its name; the
council of a first import is not in ``committees.yml`` yet when its items are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.archive.model import CommitteeKind
from generator.importers.committee_registry import CommitteeRegistry, NewCommittee
from generator.importers.oparl_source import OParlData

_COUNCIL = re.compile(
    r"(?:stadt|gemeinde|samtgemeinde|kreis|markt|marktgemeinde|ortsgemeinde)?rat"
    r"|rat der (?:stadt|gemeinde)\b.*|kreistag"
    r"|stadtverordnetenversammlung|gemeindevertretung|bürgerschaft|ratsversammlung"
)
"""How a wording names the council of whatever town (a Bavarian Markt's is its "Marktrat" or
"Marktgemeinderat", a Rhineland-Palatinate Ortsgemeinde's its "Ortsgemeinderat")."""


class Recipients:
    """The registry, and the committees this import will add."""

    def __init__(
        self,
        registry: CommitteeRegistry,
        data: OParlData,
        committee_for: Callable[[dict[str, object], CommitteeRegistry], NewCommittee | str],
    ) -> None:
        self.registry = registry
        self.new: list[NewCommittee] = []
        for meeting in data.of_type("Meeting"):
            organizations = meeting.get("organization")
            org = (
                data.get(organizations[0])
                if isinstance(organizations, list) and organizations
                else None
            )
            if org is not None:
                found = committee_for(org, registry)
                if isinstance(found, NewCommittee) and found not in self.new:
                    self.new.append(found)

    def council(self) -> str | None:
        known = self.registry.council()
        if known is not None or any(
            c.kind is CommitteeKind.COUNCIL for c in self.registry.committees
        ):
            return known
        councils = {c.id for c in self.new if c.kind is CommitteeKind.COUNCIL}
        return councils.pop() if len(councils) == 1 else None

    def recipient(self, name: str) -> str | None:
        found = self.registry.find(name)
        if found is not None:
            return found
        wanted = " ".join(name.split()).casefold()
        for committee in self.new:
            if wanted in (committee.id, committee.name.casefold(), committee.short_name.casefold()):
                return committee.id
        if _COUNCIL.fullmatch(wanted):
            return self.council()
        return None


_NO_BODY = re.compile(r"(?:die\s+)?(?:fraktionen|gruppen|verwaltung)\b.*", re.IGNORECASE)
"""Referred to the factions or the administration: no body of the archive, never a committee."""


def referral_note(name: str) -> str:
    """For the import report: a referral whose body is not in the registry (never guessed)."""
    if _NO_BODY.fullmatch(" ".join(name.split())):
        return f"verwiesen an {name!r}: kein Gremium, daher ohne 'referred_to' (nichts einzutragen)"
    return (
        f"verwiesen an {name!r}: dieses Gremium steht nicht in committees.yml; der Wortlaut "
        "bleibt bei der Abstimmung. Bitte das Gremium eintragen und neu importieren, dann "
        "steht es in 'referred_to'"
    )
