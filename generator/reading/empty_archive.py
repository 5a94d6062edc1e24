"""What ``ratsarchiv init`` writes: the demo (or an empty folder) as an empty archive of one's town.

Writes ``archive.yml`` with the municipality's data, a committee registry with its council,
and legal texts from templates (still marked as samples, so ``check --strict`` names them
until they are written); removes the demo's resolutions, meetings and faction registry.
Everything else in ``content/`` (e.g. the synonyms for the search) stays.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.archive.model import Contact
from generator.archive.problems import Severity, count_errors
from generator.reading.loading import RESOLUTIONS_DIR, display_root_for, load_archive
from generator.reading.meeting_reader import MEETINGS_DIR
from generator.reading.registry_reader import FACTIONS_FILE
from generator.reading.settings_reader import ARCHIVE_FILE, COMMITTEES_FILE


@dataclass(frozen=True, slots=True, kw_only=True)
class Town:
    municipality: str
    """"Stadt Beispielhausen", "Gemeinde …": as it appears in titles and citations."""
    ags: str
    site_url: str
    contact: Contact
    repository_url: str | None = None


LEGAL_FILES = {
    "imprint": "legal/impressum.md",
    "privacy": "legal/datenschutz.md",
    "accessibility": "legal/barrierefreiheit.md",
}
DEMO_MUNICIPALITY = "Stadt Musterstadt"


def council_name(municipality: str) -> str:
    """ "Stadt Köln" → "Rat der Stadt Köln"; "Gemeinde Anröchte" → "Rat der Gemeinde …"."""
    return f"Rat der {municipality}"


def holds_own_resolutions(content_root: Path) -> bool:
    """Whether ``content/`` is more than the demo: resolutions of another municipality."""
    archive = content_root / ARCHIVE_FILE
    if not archive.is_file():
        return any((content_root / RESOLUTIONS_DIR).rglob("*.md"))
    text = archive.read_text(encoding="utf-8", errors="replace")
    demo = f"municipality: {DEMO_MUNICIPALITY}" in text
    return not demo and any((content_root / RESOLUTIONS_DIR).rglob("*.md"))


def initialise(content_root: Path, town: Town) -> list[str]:
    """Write the empty archive; returns what was done, one line each, for the editor."""
    done = []
    resolutions = content_root / RESOLUTIONS_DIR
    if resolutions.exists():
        count = sum(1 for _ in resolutions.rglob("*.md"))
        shutil.rmtree(resolutions)
        done.append(f"{count} Beispielbeschlüsse entfernt ({resolutions})")
    resolutions.mkdir(parents=True)
    # The demo's meetings and factions belong to its committees and resolutions: they go
    # with them (the importer writes the town's own meeting files).
    meetings = content_root / MEETINGS_DIR
    if meetings.exists():
        count = sum(1 for _ in meetings.rglob("*.yml"))
        shutil.rmtree(meetings)
        done.append(f"{count} Beispielsitzungen entfernt ({meetings})")
    factions = content_root / FACTIONS_FILE
    if factions.exists():
        factions.unlink()
        done.append(f"Beispiel-Fraktionsverzeichnis entfernt ({factions})")
    (content_root / ARCHIVE_FILE).write_text(archive_yaml(town), encoding="utf-8")
    done.append(f"{content_root / ARCHIVE_FILE} mit den Angaben von {town.municipality}")
    (content_root / COMMITTEES_FILE).write_text(committees_yaml(town), encoding="utf-8")
    done.append(f"{content_root / COMMITTEES_FILE} mit dem Rat (weitere Gremien dort eintragen)")
    values = {
        "municipality": town.municipality,
        "address": town.contact.address,
        "contact_name": town.contact.name,
        "email": town.contact.email,
        "site_url": town.site_url,
    }
    templates = resources.files("generator").joinpath("init_templates")
    for relative in LEGAL_FILES.values():
        target = content_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        template = templates.joinpath(Path(relative).name).read_text(encoding="utf-8")
        target.write_text(template.format_map(values), encoding="utf-8")
        done.append(f"{target}: Vorlage, bitte vervollständigen")
    return done


def trial_errors(content_root: Path, town: Town) -> list[str]:
    """The errors the archive ``initialise`` would write has, found in a scratch folder
    first (wrong values must not cost the demo content), each as ``check`` prints it and
    naming the file as it would be in ``content_root``. Empty if there are none."""
    with tempfile.TemporaryDirectory() as scratch:
        initialise(Path(scratch), town)
        catalog, problems = load_archive(Path(scratch), keep_texts=False)
        if catalog is not None and not count_errors(problems, strict=False):
            return []
        shown, tried = str(display_root_for(content_root)), str(display_root_for(Path(scratch)))
        return [
            problem.format().replace(tried, shown, 1)
            for problem in problems
            if problem.severity is Severity.ERROR
        ]


def _scalar(text: str) -> str:
    # A JSON string is a valid YAML scalar: quotes, colons and '#' in a name stay text.
    return json.dumps(text, ensure_ascii=False)


def archive_yaml(town: Town) -> str:
    contact = town.contact
    settings = (
        ("municipality", town.municipality),
        ("ags", town.ags),
        ("site_url", town.site_url),
        ("repository_url", town.repository_url),
    )
    contact_lines = (
        ("name", contact.name),
        ("address", contact.address),
        ("email", contact.email),
        ("phone", contact.phone),
    )
    lines = [
        f"# Einstellungen des Ratsarchivs von {town.municipality} (siehe content/README.md).",
        *(f"{key}: {_scalar(value)}" for key, value in settings if value),
        "contact:",
        *(f"  {key}: {_scalar(value)}" for key, value in contact_lines if value),
        "data_license:",
        "  name: Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "  url: https://www.govdata.de/dl-de/by-2-0",
        "legal:",
        *(f"  {key}: {path}" for key, path in LEGAL_FILES.items()),
    ]
    return "\n".join(lines) + "\n"


def committees_yaml(town: Town) -> str:
    return (
        "# Verzeichnis der Gremien; Ausschüsse und Bezirksvertretungen hier ergänzen.\n"
        "committees:\n"
        "  - id: rat\n"
        f"    name: {_scalar(council_name(town.municipality))}\n"
        "    short_name: Rat\n"
        "    kind: council\n"
    )
