"""Where an editor changes a file in the browser: the edit page of the archive's forge.

GitHub, GitLab and Gitea/Forgejo each open their editor at a different path; the branch
is the archive's own (``repository_branch``), not necessarily ``main``.
"""

from __future__ import annotations

from enum import StrEnum
from urllib.parse import quote, urlsplit


class Forge(StrEnum):
    GITHUB = "github"
    GITLAB = "gitlab"
    GITEA = "gitea"
    """Also Forgejo (e.g. Codeberg), which keeps Gitea's paths."""


_EDIT_PATH = {Forge.GITHUB: "edit", Forge.GITLAB: "-/edit", Forge.GITEA: "_edit"}
_KNOWN_HOSTS = {"github.com": Forge.GITHUB, "gitlab.com": Forge.GITLAB, "codeberg.org": Forge.GITEA}
_HOST_PREFIXES = (
    ("github.", Forge.GITHUB),
    ("gitlab.", Forge.GITLAB),
    ("gitea.", Forge.GITEA),
    ("forgejo.", Forge.GITEA),
    ("codeberg.", Forge.GITEA),
)


def guess_forge(repository_url: str) -> Forge | None:
    """The forge a well-known or plainly named host runs; None when the name says nothing."""
    host = (urlsplit(repository_url).hostname or "").lower()
    if host in _KNOWN_HOSTS:
        return _KNOWN_HOSTS[host]
    for prefix, forge in _HOST_PREFIXES:
        if host.startswith(prefix):
            return forge
    return None


def edit_url(repository_url: str, forge: Forge, branch: str, path: str) -> str:
    """``path`` is relative to the repository root, with ``/`` separators."""
    return f"{repository_url.rstrip('/')}/{_EDIT_PATH[forge]}/{quote(branch)}/{quote(path)}"
