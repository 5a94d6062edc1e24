"""What MkDocs rendered, kept in the build folder under the digest of everything it read:
a build whose nav pages, shells and effective config are unchanged runs no MkDocs.

MkDocs renders only the Markdown pages of the docs folder (the nav pages and one shell
per depth) and adds the theme's assets; every other file of the docs folder it merely
copies (here: links, ``mkdocs_run``) to the same path. So its output is fixed by the
effective config, the Markdown files, the set of paths in the docs folder (its link
checks look at them) and the theme (in the program's fingerprint, the ``salt``), plus
the build date where ``SOURCE_DATE_EPOCH`` does not fix it. Under that key the rendered
files are kept as copies (a few hundred small files; never links, since the stamping
rewrites some of them in the site); the docs folder's other files are linked from it
anew, as MkDocs would.

The kept folder is replaced by renaming a complete new one, so a killed build leaves the
old one (right for the key it names) or the new one, never half of one.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
from pathlib import Path

MARKDOWN = ".md"
KEY_FILE = "key.json"
COPIED_FILE = "copied.json"
RENDERED = "rendered"


def _docs_files(docs_dir: Path) -> list[str]:
    """Every file MkDocs sees in the docs folder, by relative POSIX path, sorted (MkDocs
    leaves out hidden files, like the temporaries of ``write_if_changed``)."""
    found: list[str] = []
    root = str(docs_dir)
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else f"{relative}/"
        found += (prefix + name for name in names if not name.startswith("."))
    found.sort()
    return found


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class MkDocsCache:
    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.salt = salt
        self.reused = False

    def key(self, config_file: Path, docs_dir: Path) -> tuple[str, list[str]]:
        """The digest of what MkDocs reads, and the docs folder's files that it copies."""
        files = _docs_files(docs_dir)
        hashed = hashlib.sha256(f"{self.salt}\0".encode())
        hashed.update(config_file.read_bytes())
        hashed.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode() + b"\0")
        hashed.update(datetime.datetime.now(datetime.UTC).date().isoformat().encode())
        copied: list[str] = []
        for name in files:
            hashed.update(f"\0{name}\0".encode())
            if name.endswith(MARKDOWN):
                hashed.update((docs_dir / name).read_bytes())
            else:
                copied.append(name)
        return hashed.hexdigest(), copied

    def copy_out(self, key: str, docs_dir: Path, target: Path) -> bool:
        """MkDocs' output for ``key`` put into ``target`` (a fresh folder, which must not
        exist yet); False if none is kept for it."""
        try:
            stored = json.loads((self.root / KEY_FILE).read_text(encoding="utf-8"))
            copied = json.loads((self.root / COPIED_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if stored != key or not isinstance(copied, list):
            return False
        try:
            shutil.copytree(self.root / RENDERED, target, copy_function=shutil.copyfile)
            # str paths: a ``Path`` for each of ten thousand files cost more than linking.
            source_root, target_root = str(docs_dir), str(target)
            made: set[str] = set()
            for name in copied:
                folder = os.path.dirname(name)  # noqa: PTH120 (str paths, thousands)
                if folder not in made:
                    os.makedirs(os.path.join(target_root, folder), exist_ok=True)  # noqa: PTH103, PTH118
                    made.add(folder)
                _link_or_copy(
                    os.path.join(source_root, name),  # noqa: PTH118
                    os.path.join(target_root, name),  # noqa: PTH118
                )
        except OSError:
            shutil.rmtree(target, ignore_errors=True)
            return False
        self.reused = True
        return True

    def keep(self, key: str, copied: list[str], site_dir: Path) -> None:
        """Copy what MkDocs rendered into ``site_dir`` (all but the docs folder's files,
        whose paths are kept; hidden entries, such as the bulk folder, are not MkDocs')."""
        from_docs = set(copied)
        temporary = self.root.with_name(f".{self.root.name}.{os.getpid()}.tmp")
        shutil.rmtree(temporary, ignore_errors=True)
        rendered = temporary / RENDERED
        rendered.mkdir(parents=True)
        linked: list[str] = []
        for folder, subfolders, names in os.walk(site_dir):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            relative = os.path.relpath(folder, site_dir).replace(os.sep, "/")
            prefix = "" if relative == "." else f"{relative}/"
            for name in names:
                if prefix + name in from_docs:
                    linked.append(prefix + name)
                    continue
                (rendered / prefix).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(folder, name), rendered / prefix / name)
        (temporary / COPIED_FILE).write_text(json.dumps(sorted(linked)), encoding="utf-8")
        (temporary / KEY_FILE).write_text(json.dumps(key), encoding="utf-8")
        old = self.root.with_name(f".{self.root.name}.{os.getpid()}.old")
        if self.root.exists():
            self.root.rename(old)
        temporary.rename(self.root)
        shutil.rmtree(old, ignore_errors=True)
