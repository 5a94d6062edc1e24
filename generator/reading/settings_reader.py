"""``archive.yml`` and ``committees.yml`` → ``ArchiveSettings`` and ``Committee`` records."""

from __future__ import annotations

import re
from pathlib import Path

from generator.archive.edit_links import Forge, guess_forge
from generator.archive.model import (
    ArchiveSettings,
    Committee,
    CommitteeKind,
    Contact,
    DataLicense,
    EditorSignIn,
    LegalPage,
)
from generator.archive.problems import Problem, Severity, error, warning
from generator.reading.body_safety import check_body
from generator.reading.demo_values import SAMPLE_MARKER, is_example_address, sample_text_line
from generator.reading.fields import FieldReader
from generator.reading.source_files import decode
from generator.reading.yaml_source import parse_yaml

ARCHIVE_FILE = "archive.yml"
COMMITTEES_FILE = "committees.yml"
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")
_MARKUP_IN_NAME = re.compile(r"[<>\"]")
_BRANCH = re.compile(r"^[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*$")
_APP_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_URL_PATH = re.compile(r"^[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*$")
EDITOR_KEYS = ("app_id", "base_url", "auth_endpoint")
GITHUB_ONLY = ("base_url", "auth_endpoint")
LEGAL_PAGES = {
    "imprint": ("Impressum", "impressum"),
    "privacy": ("Datenschutzerklärung", "datenschutz"),
    "accessibility": ("Erklärung zur Barrierefreiheit", "barrierefreiheit"),
}


def read_yaml_file(path: Path, display: Path) -> tuple[FieldReader | None, list[Problem]]:
    if not path.is_file():
        return None, [error(display, 0, 0, None, "die Datei fehlt")]
    text, problems = decode(display, path.read_bytes())
    if text is None:
        return None, problems
    document, problems = parse_yaml(text, display)
    if problems:
        return None, problems
    return FieldReader(document, display), []


def read_settings(
    content_root: Path, display_root: Path
) -> tuple[ArchiveSettings | None, list[Problem]]:
    display = display_root / ARCHIVE_FILE
    reader, problems = read_yaml_file(content_root / ARCHIVE_FILE, display)
    if reader is None:
        return None, problems
    known = (
        "municipality",
        "ags",
        "site_url",
        "repository_url",
        "repository_type",
        "repository_branch",
        "contact",
        "data_license",
        "legal",
        "editor",
    )
    required = ("municipality", "ags", "site_url", "contact", "data_license", "legal")
    data = reader.mapping((), reader.document.value, known=known, required=required)
    if data is None:
        return None, reader.problems
    municipality = _plain_name(reader, ("municipality",), data.get("municipality"))
    ags = reader.text(("ags",), data.get("ags"))
    if ags is not None and not (ags.isdigit() and len(ags) == 8):
        reader.fail(("ags",), f"erwartet den 8-stelligen Gemeindeschlüssel, gefunden '{ags}'")
    site_url = _url(reader, ("site_url",), data.get("site_url"))
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    repository_url = _url(reader, ("repository_url",), data.get("repository_url"))
    repository_type, repository_branch = _repository(reader, data, repository_url)
    editor = _editor_sign_in(reader, data, repository_url, repository_type)

    contact_data = reader.mapping(
        ("contact",),
        data.get("contact"),
        known=("name", "address", "email", "phone"),
        required=("name", "address", "email"),
    )
    contact = None
    if contact_data is not None:
        name = reader.text(("contact", "name"), contact_data.get("name"))
        address = reader.text(("contact", "address"), contact_data.get("address"))
        email = reader.text(("contact", "email"), contact_data.get("email"))
        if email is not None and "@" not in email:
            reader.fail(("contact", "email"), f"erwartet eine E-Mail-Adresse, gefunden '{email}'")
        phone = reader.text(("contact", "phone"), contact_data.get("phone"))
        if name and address and email:
            contact = Contact(name=name, address=address, email=email, phone=phone)

    license_data = reader.mapping(
        ("data_license",), data.get("data_license"), known=("name", "url"), required=("name", "url")
    )
    data_license = None
    if license_data is not None:
        license_name = reader.text(("data_license", "name"), license_data.get("name"))
        license_url = _url(reader, ("data_license", "url"), license_data.get("url"))
        if license_name and license_url:
            data_license = DataLicense(name=license_name, url=license_url)

    legal = _legal_pages(reader, data.get("legal"), content_root, display_root)
    _warn_demo_values(reader, data, legal, display_root)
    problems = reader.problems
    failed = any(problem.severity is Severity.ERROR for problem in problems)
    if failed or not (municipality and ags and site_url and contact and data_license):
        return None, problems
    if legal is None:
        return None, problems
    return ArchiveSettings(
        municipality=municipality,
        ags=ags,
        site_url=site_url,
        repository_url=repository_url,
        repository_type=repository_type,
        repository_branch=repository_branch,
        editor=editor,
        contact=contact,
        data_license=data_license,
        imprint=legal["imprint"],
        privacy=legal["privacy"],
        accessibility=legal["accessibility"],
    ), problems


def _warn_demo_values(
    reader: FieldReader,
    data: dict[str, object],
    legal: dict[str, LegalPage] | None,
    display_root: Path,
) -> None:
    """The demo's example addresses and sample legal texts, still in place."""
    contact = data.get("contact")
    addresses: list[tuple[tuple[str, ...], object]] = [
        (("site_url",), data.get("site_url")),
        (("repository_url",), data.get("repository_url")),
    ]
    if isinstance(contact, dict):
        addresses.append((("contact", "email"), contact.get("email")))
    for at, value in addresses:
        if isinstance(value, str) and is_example_address(value):
            reader.warn(
                at,
                f"'{value}' ist eine Beispieladresse aus den mitgelieferten Inhalten; "
                "bitte die Adresse Ihrer Kommune eintragen (siehe ratsarchiv init)",
            )
    legal_files = data.get("legal")
    for key, page in (legal or {}).items():
        line = sample_text_line(page.markdown)
        if line is None or not isinstance(legal_files, dict):
            continue
        reader.problems.append(
            warning(
                display_root / str(legal_files[key]),
                line,
                1,
                None,
                f"der Text ist als Muster markiert ('{SAMPLE_MARKER}'); bitte durch den "
                f"Text Ihrer Kommune ersetzen ({page.title})",
            )
        )


def _repository(
    reader: FieldReader, data: dict[str, object], repository_url: str | None
) -> tuple[Forge | None, str]:
    """The forge and branch that the "Quelldatei bearbeiten" links are built for."""
    forge = reader.choice(("repository_type",), data.get("repository_type"), Forge)
    branch = reader.text(("repository_branch",), data.get("repository_branch")) or "main"
    if not _BRANCH.match(branch):
        reader.fail(
            ("repository_branch",),
            f"erwartet den Namen eines Zweigs wie 'main', gefunden '{branch}'",
        )
        branch = "main"
    if repository_url and forge is None and "repository_type" not in data:
        forge = guess_forge(repository_url)
        if forge is None:
            reader.warn(
                ("repository_url",),
                "die Art des Servers ist an der Adresse nicht zu erkennen; ohne "
                "repository_type (github, gitlab oder gitea) fehlt der Link "
                "„Quelldatei bearbeiten“",
            )
    return forge, branch


def _editor_sign_in(
    reader: FieldReader,
    data: dict[str, object],
    repository_url: str | None,
    forge: Forge | None,
) -> EditorSignIn | None:
    """How the editors' area signs in: the forge (and its host) come from the repository
    settings the edit links use; only what the forge cannot tell is written here."""
    if "editor" not in data:
        return None
    at = ("editor",)
    section = reader.mapping(at, data["editor"], known=EDITOR_KEYS)
    if section is None:
        return None
    if repository_url is None:
        reader.fail(
            at,
            "der Redaktionsbereich speichert in das Repository aus repository_url; "
            "bitte repository_url (und repository_type) angeben",
        )
        return None
    if forge is None:
        reader.fail(
            at,
            "ohne repository_type (github, gitlab oder gitea) weiß der Redaktionsbereich "
            "nicht, wie er sich anmeldet",
        )
        return None
    app_id = reader.text((*at, "app_id"), section.get("app_id"))
    if app_id is not None and not _APP_ID.match(app_id):
        reader.fail(
            (*at, "app_id"),
            f"erwartet die ID der OAuth-Anwendung (Buchstaben, Ziffern, - und _), "
            f"gefunden '{app_id}'",
        )
        app_id = None
    base_url = _url(reader, (*at, "base_url"), section.get("base_url"))
    endpoint = reader.text((*at, "auth_endpoint"), section.get("auth_endpoint"))
    if endpoint is not None and not _URL_PATH.match(endpoint.strip("/")):
        reader.fail(
            (*at, "auth_endpoint"),
            f"erwartet den Pfad beim OAuth-Vermittler wie 'auth', gefunden '{endpoint}'",
        )
        endpoint = None
    before = len(reader.problems)
    if forge is Forge.GITHUB:
        if "app_id" in section:
            reader.fail(
                (*at, "app_id"),
                "bei GitHub gehören Client-ID und Client-Geheimnis in den OAuth-Vermittler, "
                "nicht in archive.yml",
            )
        if "base_url" not in section:
            reader.fail(
                at,
                "Pflichtfeld 'base_url' fehlt: GitHub braucht für die Anmeldung die Adresse "
                "eines OAuth-Vermittlers (siehe README, „Einrichtung der Anmeldung“)",
            )
    else:
        for key in GITHUB_ONLY:
            if key in section:
                reader.fail(
                    (*at, key),
                    "nur bei GitHub (OAuth-Vermittler); GitLab und Forgejo/Gitea melden direkt "
                    "am Server aus repository_url an",
                )
        if "app_id" not in section:
            reader.fail(
                at,
                "Pflichtfeld 'app_id' fehlt: die Anwendungs-ID (GitLab) bzw. Client-ID "
                "(Forgejo/Gitea) der OAuth-Anwendung für /redaktion/",
            )
    if len(reader.problems) > before:
        return None
    return EditorSignIn(
        app_id=app_id, base_url=base_url, auth_endpoint=(endpoint or "auth").strip("/")
    )


def _url(reader: FieldReader, at: tuple[str, ...], value: object) -> str | None:
    url = reader.text(at, value)
    if url is not None and not url.lower().startswith(("https://", "http://")):
        reader.fail(at, f"erwartet eine Webadresse, die mit https:// beginnt, gefunden '{url}'")
        return None
    if url is not None and _UNSAFE_IN_URL.search(url):
        # These addresses end up in links and in the MkDocs config: a quote or bracket
        # would end the attribute and let the rest become markup.
        reader.fail(
            at,
            "die Webadresse enthält Leerzeichen oder eines der Zeichen \" ' < > ` \\; "
            "bitte kodiert angeben (z. B. %20 für ein Leerzeichen)",
        )
        return None
    return url


def _plain_name(reader: FieldReader, at: tuple[str, ...], value: object) -> str | None:
    """A name MkDocs' theme prints unescaped (the municipality becomes ``site_name``)."""
    name = reader.text(at, value)
    if name is not None and _MARKUP_IN_NAME.search(name):
        reader.fail(at, f"der Name darf die Zeichen < > \" nicht enthalten, gefunden '{name}'")
        return None
    return name


def _legal_pages(
    reader: FieldReader, value: object, content_root: Path, display_root: Path
) -> dict[str, LegalPage] | None:
    data = reader.mapping(("legal",), value, known=LEGAL_PAGES, required=LEGAL_PAGES)
    if data is None:
        return None
    pages = {}
    for key, (title, slug) in LEGAL_PAGES.items():
        name = reader.text(("legal", key), data.get(key))
        if name is None:
            continue
        path = (content_root / name).resolve()
        if not path.is_relative_to(content_root.resolve()) or not path.is_file():
            reader.fail(("legal", key), f"die Datei '{name}' gibt es in content/ nicht")
            continue
        display = display_root / name
        text, problems = decode(display, path.read_bytes())
        reader.problems.extend(problems)
        if text is None:
            continue
        # The page reaches every reader like a resolution text does: the same rules.
        unsafe = check_body(text, display, 1, relative_links=True)
        reader.problems.extend(unsafe)
        if not unsafe:
            pages[key] = LegalPage(title=title, slug=slug, markdown=text)
    return pages if len(pages) == len(LEGAL_PAGES) else None


def read_committees(
    content_root: Path, display_root: Path
) -> tuple[tuple[Committee, ...], list[Problem]]:
    display = display_root / COMMITTEES_FILE
    reader, problems = read_yaml_file(content_root / COMMITTEES_FILE, display)
    if reader is None:
        return (), problems
    data = reader.mapping(
        (), reader.document.value, known=("committees",), required=("committees",)
    )
    if data is None:
        return (), reader.problems
    committees = []
    seen: dict[str, int] = {}
    known = ("id", "name", "short_name", "kind", "description", "active_from", "active_until")
    for index, item in enumerate(reader.list_of(("committees",), data.get("committees"))):
        at = ("committees", index)
        entry = reader.mapping(at, item, known=known, required=known[:4])
        if entry is None:
            continue
        committee_id = reader.identifier((*at, "id"), entry.get("id"))
        name = reader.text((*at, "name"), entry.get("name"))
        short_name = reader.text((*at, "short_name"), entry.get("short_name"))
        kind = reader.choice((*at, "kind"), entry.get("kind"), CommitteeKind)
        description = reader.text((*at, "description"), entry.get("description"), multiline=True)
        if description:
            # The description is rendered as Markdown on the committee page: the same
            # rules as a resolution text (no script, frames, styles, unsafe links).
            unsafe = check_body(description, display, 0)
            for problem in unsafe:
                reader.fail((*at, "description"), problem.message)
            if unsafe:
                description = None
        active_from = reader.date((*at, "active_from"), entry.get("active_from"))
        active_until = reader.date((*at, "active_until"), entry.get("active_until"))
        if committee_id in seen:
            reader.fail(
                (*at, "id"),
                f"die Kennung '{committee_id}' steht schon in Eintrag {seen[committee_id] + 1}",
            )
            continue
        if committee_id and name and short_name and kind:
            seen[committee_id] = index
            committees.append(
                Committee(
                    id=committee_id,
                    name=name,
                    short_name=short_name,
                    kind=kind,
                    description=description or "",
                    active_from=active_from,
                    active_until=active_until,
                )
            )
    return tuple(committees), reader.problems
