"""``ratsarchiv ci``: the CI workflow of the archive's repository, from a template."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from generator.commands.shared import EXIT_OK, EXIT_USAGE

CI_TEMPLATES = {
    "github": ("github-workflow.yml", Path(".github/workflows/ratsarchiv.yml")),
    "gitlab": ("gitlab-ci.yml", Path(".gitlab-ci.yml")),
}
"""Platform → (template in ``generator/ci_templates``, file it becomes)."""


HELP = "CI-Ablauf für das Archiv-Repository anlegen"
DESCRIPTION = (
    "Legt den CI-Ablauf an, der jeden Pull Request (GitHub) bzw. Merge Request "
    "(GitLab) prüft und den Hauptzweig als Website veröffentlicht: "
    "github schreibt .github/workflows/ratsarchiv.yml, gitlab schreibt .gitlab-ci.yml."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", choices=sorted(CI_TEMPLATES), help="github oder gitlab")
    parser.add_argument("--force", action="store_true", help="eine vorhandene Datei überschreiben")


def run(args: argparse.Namespace) -> int:
    template, target = CI_TEMPLATES[args.platform]
    if target.exists() and not args.force:
        print(
            f"ratsarchiv: {target} gibt es schon; mit --force überschreiben",
            file=sys.stderr,
        )
        return EXIT_USAGE
    text = resources.files("generator").joinpath("ci_templates", template).read_text("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(target)
    return EXIT_OK
