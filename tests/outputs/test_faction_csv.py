"""The faction votes table: the same bytes whether its rows are made or kept."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from generator.archive.catalog import Catalog
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.outputs.faction_csv import COLUMNS, Rows, faction_csv


class Kept:
    """A build folder's kept rows, as ``record_cache`` keeps them: by inputs."""

    def __init__(self, identities: dict[str, str]) -> None:
        self.identities = identities
        self.values: dict[str, tuple[object, Rows]] = {}
        self.made = 0

    def identity(self, resolution: Resolution) -> str | None:
        return self.identities.get(resolution.id)

    def kept(self, kind: str, name: str, inputs: object | None, make: Callable[[], Rows]) -> Rows:
        found = self.values.get(f"{kind}:{name}")
        if inputs is not None and found is not None and found[0] == inputs:
            return found[1]
        self.made += 1
        value = make()
        if inputs is not None:
            self.values[f"{kind}:{name}"] = (inputs, value)
        return value


def test_kept_rows_give_the_table_made_rows_give(
    fixture_catalog: Catalog, context: OutputContext
) -> None:
    made = faction_csv(fixture_catalog, context)
    assert made[0].content is not None
    assert made[0].content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(made[0].content.decode("utf-8-sig"), newline="")))
    assert rows[0] == [column for column, _, _ in COLUMNS]
    assert len(rows) > 3
    assert all(len(row) == len(COLUMNS) and row[6] for row in rows[1:])  # each with its key

    voted = [r for r in fixture_catalog.resolutions if any(v.factions for v in r.votes)]
    kept = Kept({r.id: f"datei-{r.id}" for r in voted[1:]})  # the first without identity
    assert faction_csv(fixture_catalog, context, kept) == made
    assert kept.made == len(voted)
    assert faction_csv(fixture_catalog, context, kept) == made
    assert kept.made == len(voted) + 1  # only the one without identity made again
