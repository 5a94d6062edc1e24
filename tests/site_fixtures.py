"""A small archive that uses every feature a page shows, and a helper to build sites."""

from __future__ import annotations

from pathlib import Path

from generator.build import BuildOptions, build
from tests.conftest import ARCHIVE_YML, COMMITTEES_YML, REPOSITORY, resolution_file, write_tree

COMMITTEES = (
    COMMITTEES_YML
    + """\
    description: Entscheidet in **dringenden** Fällen anstelle des Rates.
  - id: ausschuss-fuer-digitalisierung
    name: Ausschuss für Digitalisierung
    short_name: Digitalausschuss
    kind: committee
"""
)

ARCHIVE = ARCHIVE_YML.replace(
    "site_url: https://archiv.teststadt.test/\n",
    "site_url: https://archiv.teststadt.test/\n"
    "repository_url: https://git.teststadt.test/rat/archiv\n"
    "repository_type: gitlab\n"
    "repository_branch: veroeffentlicht\n",
)

HA = "resolutions/hauptausschuss/2020"
SMALL_ARCHIVE: dict[str, str | bytes | None] = {
    "archive.yml": ARCHIVE,
    "committees.yml": COMMITTEES,
    f"{HA}/2020-04-17-it-budget.md": resolution_file(
        "Die Verwaltung wird *ermächtigt*, Laptops zu beschaffen.\n\n1. Erstens\n2. Zweitens\n\n"
        "## Beratung\n\nRf. Beispiel (FDP) erläutert den Antrag.",
        id="ha-2020-017",
        former_ids=["ha-2020-17"],
        title="IT-Budget 2020 – digitale Arbeitsplätze <sofort>",
        committee="hauptausschuss",
        date="2020-04-17",
        meeting={"name": "12. Sitzung des Hauptausschusses", "number": 12},
        agenda_item={"number": "3.1"},
        reference="2020/0123",
        paper_type="Antrag",
        kind="urgency_decision",
        legal_basis="§ 60 Abs. 1 Satz 1 GO NRW",
        moved_by=["FDP-Fraktion"],
        topics=["Digitalisierung", "Haushalt"],
        attachments=[{"file": "2020-04-17-it-budget-antrag.pdf", "title": "Antrag der FDP"}],
        vote={
            "for": 10,
            "against": 3,
            "abstain": 1,
            "factions": [
                {"name": "CDU", "for": 6},
                {"name": "SPD", "for": 4, "against": 3},
                {"name": "BÜRGERLISTE", "abstain": 1},
            ],
            "excluded_for_bias": ["Rm. Befangen (CDU)"],
        },
    ),
    f"{HA}/2020-04-17-it-budget-antrag.pdf": b"%PDF-1.4\n" + b"x" * 2000,
    f"{HA}/2020-04-17-personal.md": resolution_file(
        "Geheim.",
        id="ha-2020-018",
        title="Personalangelegenheit",
        committee="hauptausschuss",
        date="2020-04-17",
        meeting={"name": "12. Sitzung des Hauptausschusses", "number": 12},
        agenda_item={"number": "10"},
        public=False,
    ),
    f"{HA}/2020-04-17-bericht.md": resolution_file(
        "Der Bericht wird zur Kenntnis genommen.",
        id="ha-2020-016",
        title="Bericht der Verwaltung",
        committee="hauptausschuss",
        date="2020-04-17",
        meeting={"name": "12. Sitzung des Hauptausschusses", "number": 12},
        agenda_item={"number": "3.2"},
        result="noted",
    ),
    "resolutions/rat/2020/2020-05-07-genehmigung.md": resolution_file(
        "Der Rat genehmigt die Dringlichkeitsentscheidung.",
        id="rat-2020-031",
        title="Genehmigung der Dringlichkeitsentscheidung IT-Budget",
        committee="rat",
        date="2020-05-07",
        agenda_item={"number": "5"},
        kind="ratification",
        topics=["Haushalt"],
        vote={"unanimous": True, "abstain": 2},
        relations=[{"type": "ratifies", "target": "ha-2020-017"}],
    ),
    "resolutions/rat/2021/2021-02-11-aenderung.md": resolution_file(
        "Punkt 2 wird gestrichen.",
        id="rat-2021-004",
        title="Änderung des IT-Budgets",
        committee="rat",
        date="2021-02-11",
        agenda_item={"number": "2"},
        result="adopted_with_changes",
        relations=[{"type": "amends", "target": "ha-2020-017"}],
    ),
    "resolutions/rat/2021/2021-02-11-radweg.md": resolution_file(
        "Der Antrag wird abgelehnt.",
        id="rat-2021-005",
        title="Radweg an der Hauptstraße",
        committee="rat",
        date="2021-02-11",
        agenda_item={"number": "10"},
        result="rejected",
        topics=["Verkehr"],
    ),
}


def build_site(
    base: Path,
    content: Path,
    *,
    site_url: str | None = None,
    search: bool = True,
) -> Path:
    options = site_options(base, content, site_url=site_url, search=search)
    build(options)
    return options.site_dir


def site_options(
    base: Path, content: Path, *, site_url: str | None = None, search: bool = True
) -> BuildOptions:
    return BuildOptions(
        content_root=content,
        base_config=REPOSITORY / "mkdocs.yml",
        build_dir=base / ".build",
        site_dir=base / "site",
        site_url=site_url,
        search=search,
    )


def small_archive(base: Path) -> Path:
    return write_tree(base / "content", SMALL_ARCHIVE)
