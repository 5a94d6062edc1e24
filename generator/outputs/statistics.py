"""The statistics page: decisions per year and committee, unanimity, results by kind.

Counts everything the archive holds (every resolution, also recommendations and items
only noted). "Einstimmig" counts resolutions whose every recorded vote was unanimous,
out of those with a recorded vote.
"""

from __future__ import annotations

import datetime
import statistics
from collections import Counter

from generator.archive import labels, urls
from generator.archive.catalog import Catalog
from generator.archive.mandates import MandateState
from generator.archive.model import ResolutionKind, Result
from generator.outputs.charts import Bar, Table, data_table, figure
from generator.outputs.context import OutputContext
from generator.rendering.generated import GeneratedFile


def statistics_page(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    sections = [
        "# Statistik",
        "",
        f"Zahlen zu allen {len(catalog.by_id)} Beschlüssen im Archiv, "
        f"Stand: {labels.long_date(context.updated)}. Jedes Diagramm hat darunter eine Tabelle "
        f"mit denselben Zahlen. Die Rohdaten gibt es auf der Seite "
        f"[Daten]({urls.relative(urls.STATISTICS, urls.DATA)}).",
        "",
        "## Beschlüsse je Jahr",
        "",
        _per_year(catalog),
        "",
        "## Beschlüsse je Gremium",
        "",
        _per_committee(catalog),
        "",
        "## Beschlüsse je Jahr und Gremium",
        "",
        _year_by_committee(catalog),
        "",
        "## Einstimmige Beschlüsse",
        "",
        _unanimous(catalog),
        "",
        "## Ergebnisse nach Art des Beschlusses",
        "",
        _results_by_kind(catalog),
        "",
    ]
    if any(r.mandates for r in catalog.resolutions):
        sections += ["## Aufträge", "", _mandates(catalog, context.updated), ""]
    return [GeneratedFile.text(urls.markdown_file(urls.STATISTICS), "\n".join(sections))]


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %".replace(".", ",") if whole else "–"


def _per_year(catalog: Catalog) -> str:
    years = sorted(catalog.by_year)
    counts = [(str(year), len(catalog.by_year[year])) for year in years]
    return figure(
        "jahre",
        "Beschlüsse je Jahr",
        "Balkendiagramm: Anzahl der Beschlüsse je Jahr. "
        + "; ".join(f"{label}: {_count(n)}" for label, n in counts),
        [Bar(label=label, value=n, text=_count(n)) for label, n in counts],
        Table(
            caption="Beschlüsse je Jahr",
            header=("Jahr", "Beschlüsse"),
            rows=tuple((label, _count(n)) for label, n in counts),
            footer=("Summe", _count(len(catalog.by_id))),
        ),
    )


def _per_committee(catalog: Catalog) -> str:
    counts = [
        (committee.name, len(catalog.by_committee.get(committee.id, ())))
        for committee in catalog.archive.committees
    ]
    # Short names fit beside the bars; the table and the description keep the full names.
    short = [c.short_name for c in catalog.archive.committees]
    return figure(
        "gremien",
        "Beschlüsse je Gremium",
        "Balkendiagramm: Anzahl der Beschlüsse je Gremium. "
        + "; ".join(f"{label}: {_count(n)}" for label, n in counts),
        [
            Bar(label=label, value=n, text=_count(n))
            for label, (_, n) in zip(short, counts, strict=True)
        ],
        Table(
            caption="Beschlüsse je Gremium",
            header=("Gremium", "Beschlüsse"),
            rows=tuple((label, _count(n)) for label, n in counts),
            footer=("Summe", _count(len(catalog.by_id))),
        ),
    )


def _year_by_committee(catalog: Catalog) -> str:
    committees = [c for c in catalog.archive.committees if catalog.by_committee.get(c.id)]
    years = sorted(catalog.by_year)
    counts = Counter((r.date.year, r.committee) for r in catalog.resolutions)
    return data_table(
        "jahr-gremium-tabelle",
        Table(
            caption="Beschlüsse je Jahr (Zeilen) und Gremium (Spalten)",
            header=("Jahr", *(c.short_name for c in committees), "Summe"),
            rows=tuple(
                (
                    str(year),
                    *(_count(counts[(year, c.id)]) for c in committees),
                    _count(len(catalog.by_year[year])),
                )
                for year in years
            ),
            footer=(
                "Summe",
                *(_count(len(catalog.by_committee[c.id])) for c in committees),
                _count(len(catalog.by_id)),
            ),
        ),
    )


def _unanimous(catalog: Catalog) -> str:
    rows: list[tuple[str, int, int]] = []
    for year in sorted(catalog.by_year):
        voted = [r for r in catalog.by_year[year] if r.votes]
        rows.append((str(year), len(voted), sum(1 for r in voted if r.unanimous)))
    all_voted = sum(voted for _, voted, _ in rows)
    all_unanimous = sum(unanimous for _, _, unanimous in rows)
    intro = (
        f"Von {_count(all_voted)} Beschlüssen mit dokumentierter Abstimmung fielen "
        f"{_count(all_unanimous)} einstimmig ({_percent(all_unanimous, all_voted)})."
    )
    chart = figure(
        "einstimmig",
        "Anteil einstimmiger Beschlüsse je Jahr",
        "Balkendiagramm: Anteil der einstimmigen an den Beschlüssen mit dokumentierter "
        "Abstimmung, je Jahr. " + "; ".join(f"{label}: {_percent(u, v)}" for label, v, u in rows),
        [Bar(label=label, value=(u / v if v else 0), text=_percent(u, v)) for label, v, u in rows],
        Table(
            caption="Einstimmige Beschlüsse je Jahr",
            header=("Jahr", "Beschlüsse mit Abstimmung", "davon einstimmig", "Anteil"),
            rows=tuple((label, _count(v), _count(u), _percent(u, v)) for label, v, u in rows),
            footer=(
                "Gesamt",
                _count(all_voted),
                _count(all_unanimous),
                _percent(all_unanimous, all_voted),
            ),
        ),
        maximum=1.0,
    )
    return intro + "\n\n" + chart


def _results_by_kind(catalog: Catalog) -> str:
    counts = Counter((r.kind, r.result) for r in catalog.resolutions)
    kinds = [k for k in ResolutionKind if any(counts[(k, res)] for res in Result)]
    results = [res for res in Result if any(counts[(k, res)] for k in ResolutionKind)]
    bars = [
        Bar(
            label=f"{labels.KIND[k]}: {labels.RESULT[res]}",
            value=counts[(k, res)],
            text=_count(counts[(k, res)]),
        )
        for k in kinds
        for res in results
        if counts[(k, res)]
    ]
    return figure(
        "art-ergebnis",
        "Ergebnisse nach Art des Beschlusses",
        "Balkendiagramm: Anzahl der Beschlüsse je Art und Ergebnis. "
        + "; ".join(f"{bar.label}: {bar.text}" for bar in bars),
        bars,
        Table(
            caption="Beschlüsse nach Art (Zeilen) und Ergebnis (Spalten)",
            header=("Art", *(labels.RESULT[res] for res in results), "Summe"),
            rows=tuple(
                (
                    labels.KIND[k],
                    *(_count(counts[(k, res)]) for res in results),
                    _count(sum(counts[(k, res)] for res in results)),
                )
                for k in kinds
            ),
            footer=(
                "Summe",
                *(_count(sum(counts[(k, res)] for k in kinds)) for res in results),
                _count(len(catalog.by_id)),
            ),
        ),
    )


def _mandates(catalog: Catalog, as_of: datetime.date) -> str:
    """Share done on time, median days from the resolution to done, and what is still open
    per office (overdue judged against the Stand date ``as_of``)."""
    given = [(r, m) for r in catalog.resolutions for m in r.mandates]
    timed = [m.done_on_time for _, m in given if m.done_on_time is not None]
    on_time = sum(1 for value in timed if value)
    days = [
        (m.done_on - r.date).days
        for r, m in given
        if m.state is MandateState.DONE and m.done_on is not None
    ]
    median = f"{statistics.median(days):.0f}".replace(".", ",") if days else "–"
    intro = (
        f"Von {_count(len(given))} Aufträgen aus Beschlüssen sind {_count(len(days))} erledigt. "
        f"Von {_count(len(timed))} erledigten Aufträgen mit Frist wurden {_count(on_time)} "
        f"fristgerecht erledigt ({_percent(on_time, len(timed))}). Vom Beschluss bis zur "
        f"Erledigung vergingen im Median {median} Tage. Jeden einzelnen Auftrag zeigt die Seite "
        f"[Aufträge]({urls.relative(urls.STATISTICS, urls.MANDATES)})."
    )
    figures = data_table(
        "auftraege-kennzahlen",
        Table(
            caption="Aufträge: Kennzahlen",
            header=("Kennzahl", "Wert"),
            rows=(
                ("Aufträge", _count(len(given))),
                ("erledigt", _count(len(days))),
                (
                    "fristgerecht erledigt (Anteil der erledigten mit Frist)",
                    f"{_count(on_time)} von {_count(len(timed))} ({_percent(on_time, len(timed))})",
                ),
                ("Tage bis zur Erledigung (Median)", median),
            ),
        ),
    )
    kinds = (
        ("fristgerecht erledigt", sum(1 for _, m in given if m.done_on_time is True)),
        ("verspätet erledigt", sum(1 for _, m in given if m.done_on_time is False)),
        (
            "erledigt, ohne Frist",
            sum(1 for _, m in given if m.state is MandateState.DONE and m.due is None),
        ),
        (
            "nicht erledigt, in der Frist",
            sum(1 for _, m in given if not m.closed and not m.overdue(as_of)),
        ),
        ("nicht erledigt, überfällig", sum(1 for _, m in given if m.overdue(as_of))),
        ("gegenstandslos", sum(1 for _, m in given if m.state is MandateState.OBSOLETE)),
    )
    states = figure(
        "auftraege-stand",
        "Aufträge nach Stand",
        "Balkendiagramm: Anzahl der Aufträge nach Stand. "
        + "; ".join(f"{label}: {_count(n)}" for label, n in kinds),
        [Bar(label=label, value=n, text=_count(n)) for label, n in kinds],
        Table(
            caption=f"Aufträge nach Stand, {labels.date(as_of)}",
            header=("Stand", "Aufträge"),
            rows=tuple((label, _count(n)) for label, n in kinds),
            footer=("Summe", _count(len(given))),
        ),
    )
    figures += "\n\n### Aufträge nach Stand\n\n" + states
    still_open = Counter(m.responsible for _, m in given if not m.closed)
    overdue = Counter(m.responsible for _, m in given if m.overdue(as_of))
    offices = sorted(still_open, key=lambda o: (-still_open[o], o.casefold()))
    if not offices:
        return intro + "\n\n" + figures
    chart = figure(
        "auftraege-offen",
        "Nicht erledigte Aufträge je zuständiger Stelle",
        "Balkendiagramm: Anzahl der nicht erledigten Aufträge je zuständiger Stelle. "
        + "; ".join(f"{o}: {_count(still_open[o])}" for o in offices),
        [Bar(label=o, value=still_open[o], text=_count(still_open[o])) for o in offices],
        Table(
            caption=f"Nicht erledigte Aufträge je zuständiger Stelle, Stand {labels.date(as_of)}",
            header=("Zuständig", "nicht erledigt", "davon überfällig"),
            rows=tuple((o, _count(still_open[o]), _count(overdue[o])) for o in offices),
            footer=(
                "Summe",
                _count(sum(still_open.values())),
                _count(sum(overdue.values())),
            ),
        ),
    )
    return intro + "\n\n" + figures + "\n\n### Nicht erledigt je Stelle\n\n" + chart
