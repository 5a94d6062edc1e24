"""The real SessionNet decision texts in ``tests/fixtures/sessionnet/real/`` and how to import
one as the tests do: the page text names no committee, date or title, so those come from
the fixture's description, as an editor would give them on the command line."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.importers.runner import Report, run_sessionnet
from generator.importers.sessionnet import Overrides
from tests.importers.conftest import FIXTURES

REAL = FIXTURES / "sessionnet" / "real"
PARTS = ("dev", "heldout")
EXTRA_COMMITTEES = """\
  - id: stadtentwicklung
    name: Ausschuss für Stadtentwicklung, Bauen und Planen
    short_name: ASBP
    kind: committee
  - id: stadtentwicklungsausschuss
    name: Ausschuss für Stadtentwicklung
    short_name: StA
    kind: committee
"""
"""The bodies a Leverkusen recommendation and a Friedberg referral go to; a town's
committees.yml would list them."""
DATE = datetime.date(2020, 1, 1)
TODAY = datetime.date(2024, 5, 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fixture:
    name: str
    part: str
    text_path: Path
    town: str
    url: str
    committee: str
    expected: dict[str, Any] | None
    """What a careful clerk would write."""
    gap: str | None = None
    """Why the import does not write ``expected`` (yet); it then writes ``imported_as``."""
    imported_as: dict[str, Any] | None = None


def fixtures(part: str) -> list[Fixture]:
    found = []
    for text_path in sorted((REAL / part).glob("*.txt")):
        data = yaml.safe_load(text_path.with_suffix(".yml").read_text(encoding="utf-8"))
        found.append(
            Fixture(
                name=text_path.stem,
                part=part,
                text_path=text_path,
                town=data["town"],
                url=data["url"],
                committee=data.get("committee", "hauptausschuss"),
                expected=data.get("expected"),
                gap=data.get("gap"),
                imported_as=data.get("imported_as"),
            )
        )
    return found


def overrides(fixture: Fixture) -> Overrides:
    return Overrides(
        committee=fixture.committee,
        date=DATE,
        title=f"{fixture.town}, Tagesordnungspunkt {fixture.name.rsplit('-', 1)[1]}",
        agenda_item="1",
    )


def import_fixture(fixture: Fixture, content: Path) -> Report:
    return run_sessionnet(
        [fixture.text_path], content, overrides(fixture), stream=io.StringIO(), today=TODAY
    )


def imported(path: Path) -> dict[str, Any]:
    """The decision as written: front matter (without the import bookkeeping) and body."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.safe_load(front)
    text, _, discussion = body.partition("\n## Beratung\n")
    decision = {
        key: data[key]
        for key in ("kind", "recommended_to", "result", "referred_to", "reference", "vote")
        if key in data
    }
    decision["text"] = text.strip()
    decision["discussion"] = discussion.strip()
    return decision
