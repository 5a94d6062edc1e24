"""The files of ``/redaktion/``: the page, Decap's config and script, our format script.

Decap CMS and the ``yaml`` library come from ``editor/node_modules`` (``npm ci`` in
``editor/``, which ``make site`` and ``make test`` run); they are copied into the site, so
the editors' area loads nothing from another host. The page is ``noindex`` and lies outside
the nav, the sitemap (which lists only Markdown pages), the feeds and the search index.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import os
import pickle
from pathlib import Path, PurePosixPath

import yaml

from generator.archive.catalog import Catalog
from generator.editor.config import (
    api_origins,
    archive_backend,
    editor_config,
    editor_csp,
    format_settings,
)
from generator.reading.loading import display_root_for
from generator.rendering.generated import GeneratedFile

AREA = "redaktion"
DECAP_DIST = PurePosixPath("node_modules/decap-cms/dist")
YAML_DIST = PurePosixPath("node_modules/yaml/browser/dist")
OWN_SCRIPT = "ratsarchiv-redaktion.js"
SETUP = "npm ci --prefix editor (oder make site)"


def repository_layout(content_root: Path) -> tuple[Path, PurePosixPath]:
    """(the repository root, ``content/`` relative to it): the CMS's paths start there.

    Run from the repository root (as CI and ``make`` do), the root is the working directory;
    a content folder elsewhere counts as lying at the top of its own repository.
    """
    display = display_root_for(content_root)
    if display.is_absolute():
        resolved = content_root.resolve()
        return resolved.parent, PurePosixPath(resolved.name)
    return Path.cwd(), PurePosixPath(display.as_posix())


class KeptConfig:
    """The YAML of Decap's ``config.yml`` kept in the build folder under the digest of the
    config it dumps: dumping it (hundreds of widgets per committee) with the pure-Python
    ``yaml`` emitter took seconds of every build, and the config changes only with the
    committees, choices and settings it names.

    The digest is of the config pickled (its order and its shared parts, which the dump
    writes as anchors, included) and salted with the program's fingerprint, which covers
    the ``yaml`` library and this module. The file is replaced by renaming a complete one;
    whatever is wrong with it is a text not kept."""

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.reused = False

    def text(self, config: object) -> str:
        key = hashlib.sha256(self.salt.encode("utf-8") + pickle.dumps(config, protocol=5))
        digest = key.hexdigest()
        try:
            kept = self.path.read_text(encoding="utf-8")  # the build folder's own file
        except (OSError, UnicodeDecodeError):
            kept = ""
        first, _, text = kept.partition("\n")
        if first == digest:
            self.reused = True
            return text
        text = config_yaml(config)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(f"{digest}\n{text}", encoding="utf-8")
        temporary.replace(self.path)
        return text


def config_yaml(config: object) -> str:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


class EditorMissing(Exception):
    """``editor/node_modules`` lacks the CMS: the set-up was not run."""


def editor_page(municipality: str, policy: str) -> str:
    """The page that loads Decap. Its ``<meta>`` policy holds even where the server sends
    none for ``/redaktion/``; a header policy applies on top of it (both must allow)."""
    title = html.escape(f"Redaktion – Ratsarchiv {municipality}")
    return (
        "<!doctype html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{html.escape(policy, quote=False)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{title}</title>\n"
        '<link rel="icon" href="../assets/images/favicon.png">\n'
        "</head>\n<body>\n"
        "<noscript>Der Redaktionsbereich braucht JavaScript.</noscript>\n"
        '<script src="einstellungen.js"></script>\n'
        '<script src="decap-cms.js"></script>\n'
        f'<script type="module" src="{OWN_SCRIPT}"></script>\n'
        "</body>\n</html>\n"
    )


def editor_files(
    catalog: Catalog,
    *,
    editor_dir: Path,
    today: datetime.date,
    content_prefix: PurePosixPath,
    local_backend_url: str | None = None,
    kept: KeptConfig | None = None,
) -> list[GeneratedFile]:
    """``kept``: where the build keeps the YAML of the config between builds."""
    decap = editor_dir / DECAP_DIST
    library = editor_dir / YAML_DIST
    if not (decap / "decap-cms.js").is_file() or not (library / "index.js").is_file():
        raise EditorMissing(
            f"der Redaktionsbereich braucht Decap CMS aus {editor_dir / 'node_modules'}; "
            f"bitte {SETUP} ausführen"
        )
    config = editor_config(
        catalog, today=today, content_prefix=content_prefix, local_backend_url=local_backend_url
    )
    settings = json.dumps(format_settings(), ensure_ascii=False, sort_keys=True)
    origins = api_origins(archive_backend(catalog), local_backend_url)
    files = [
        GeneratedFile.text(
            f"{AREA}/index.html",
            editor_page(catalog.archive.settings.municipality, editor_csp(origins, header=False)),
        ),
        GeneratedFile.text(
            f"{AREA}/config.yml", kept.text(config) if kept is not None else config_yaml(config)
        ),
        GeneratedFile.text(
            f"{AREA}/einstellungen.js",
            "// Erzeugt von ratsarchiv build aus generator/reading/contract.py\n"
            "window.CMS_MANUAL_INIT = true;\n"
            f"window.RATSARCHIV_REDAKTION = {settings};\n",
        ),
        GeneratedFile(path=f"{AREA}/{OWN_SCRIPT}", copy_from=editor_dir / OWN_SCRIPT),
    ]
    for path in sorted(decap.iterdir()):
        if path.name.endswith((".decap-cms.js", ".wasm")) or path.name in (
            "decap-cms.js",
            "decap-cms.js.LICENSE.txt",
        ):
            files.append(GeneratedFile(path=f"{AREA}/{path.name}", copy_from=path))
    for path in sorted(library.rglob("*.js")):
        relative = path.relative_to(library).as_posix()
        files.append(GeneratedFile(path=f"{AREA}/yaml/{relative}", copy_from=path))
    return files
