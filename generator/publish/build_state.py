"""What an incremental build compares: the program's fingerprint and the stage keys.

The build folder keeps, beside the docs folder and the search input, the results of the
expensive stages under the SHA-256 of their inputs (never file times):

- ``cache/pages.pickle``: each resolution page under the digest of what it shows
  (``page_cache``); only pages whose digest changed are rendered again;
- ``cache/search/<key>/``: each search shard's Pagefind bundle under the digest of its
  search input (every article of the shard plus the archive vocabulary); Pagefind runs
  only for shards whose input changed;
- ``cache/mkdocs/``: what MkDocs rendered, under the digest of the effective config, the
  Markdown pages and the docs folder's paths (``mkdocs_cache``); MkDocs runs only when
  one of them changed;
- ``cache/stamped/<key>``: each stamped resolution page under the digest of its page key
  and its shell (``stamp_cache``), linked into the site instead of stamped again;
- ``manifest.json``: the fingerprint and the key of every stage and shard of the last
  finished build, written last, for people and tests to see what was reused.

Every key is salted with ``fingerprint``: the program's own source, the versions of the
libraries that render (MkDocs, Material, Markdown, Pagefind), ``mkdocs.yml``, the theme
overrides and the build options. A change of any of them invalidates everything, the
simplest rule that is correct. Everything cheaper (list pages, feeds, OParl, downloads,
the stamping of pages other than resolution pages) is made fresh by every build, so the
site is always byte-identical to a clean build of the same content.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import yaml

PROGRAM_ROOT = Path(__file__).resolve().parent.parent
"""The ``generator`` package: its source is part of every key."""

LIBRARIES = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "cmarkgfm",
    "nh3",
    "jinja2",
    "pagefind",
    "pagefind-bin",
    "pyyaml",
)
"""Libraries whose version changes the bytes of the site."""

CACHE_DIR = "cache"
MANIFEST = "manifest.json"
_SKIPPED_PARTS = {"__pycache__", "node_modules", ".git"}


def tree_digest(root: Path, update: hashlib._Hash | None = None) -> str:
    """SHA-256 over every file below ``root`` (relative path and bytes, in path order)."""
    hashed = update or hashlib.sha256()
    if root.is_file():
        hashed.update(root.read_bytes())
        return hashed.hexdigest()
    files: list[tuple[str, Path]] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d not in _SKIPPED_PARTS)
        for name in names:
            if not name.endswith((".pyc", ".tmp")):
                path = Path(folder, name)
                files.append((path.relative_to(root).as_posix(), path))
    for relative, path in sorted(files):
        hashed.update(relative.encode("utf-8") + b"\0")
        hashed.update(hashlib.sha256(path.read_bytes()).digest())
    return hashed.hexdigest()


def _library_versions() -> list[str]:
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return versions


def theme_folder(base_config: Path) -> Path | None:
    """The ``custom_dir`` ``mkdocs.yml`` names (the theme overrides), if it names one."""
    try:
        config = yaml.safe_load(base_config.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return None
    theme = config.get("theme") if isinstance(config, dict) else None
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return base_config.parent / custom if isinstance(custom, str) else None


def fingerprint(base_config: Path, options: Iterable[object]) -> str:
    """The salt of every key: program source, libraries, config, theme and options."""
    hashed = hashlib.sha256()
    hashed.update(tree_digest(PROGRAM_ROOT).encode("ascii"))
    hashed.update("\n".join(_library_versions()).encode("utf-8"))
    if base_config.is_file():
        hashed.update(base_config.read_bytes())
    theme = theme_folder(base_config)
    if theme is not None and theme.exists():
        hashed.update(tree_digest(theme).encode("ascii"))
    hashed.update(repr(tuple(options)).encode("utf-8"))
    return hashed.hexdigest()


def files_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """SHA-256 over (path, bytes) pairs, in the order given."""
    hashed = hashlib.sha256()
    for path, content in files:
        hashed.update(path.encode("utf-8") + b"\0")
        hashed.update(hashlib.sha256(content).digest())
    return hashed.hexdigest()


def write_manifest(build_dir: Path, manifest: dict[str, object]) -> None:
    """Written last and by renaming, so it always describes one finished build."""
    path = build_dir / MANIFEST
    temporary = path.with_name(f".{MANIFEST}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", "utf-8")
    temporary.replace(path)


def remove_leftovers(cache_dir: Path) -> None:
    """Temporary files of a build that was killed while writing a cache file (the build
    lock makes sure no other build is writing one now)."""
    if cache_dir.is_dir():
        for leftover in cache_dir.glob(".*.tmp"):
            if leftover.is_file():
                leftover.unlink()
