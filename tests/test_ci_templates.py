"""The CI workflows shipped for an archive's repository are valid and do what the README says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import EXIT_OK, EXIT_USAGE, main
from tests.conftest import ContentTree, resolution_text

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


@pytest.mark.parametrize(
    ("platform", "target", "schema"),
    [
        ("github", ".github/workflows/ratsarchiv.yml", "vendor.github-workflows"),
        ("gitlab", ".gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
def test_ci_command_writes_a_valid_workflow(
    in_tmp: Path, platform: str, target: str, schema: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ci", platform]) == EXIT_OK
    written = in_tmp / target
    assert capsys.readouterr().out.strip() == target
    validation = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(written)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validation.returncode == 0, validation.stdout + validation.stderr
    assert main(["ci", platform]) == EXIT_USAGE  # never overwrites silently
    assert main(["ci", platform, "--force"]) == EXIT_OK


def test_github_workflow_checks_pull_requests_and_publishes_main(in_tmp: Path) -> None:
    main(["ci", "github"])
    workflow = yaml.safe_load((in_tmp / ".github/workflows/ratsarchiv.yml").read_text())
    steps = workflow["jobs"]["check-and-build"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert "ratsarchiv check --strict --format github" in commands
    assert "ratsarchiv build" in commands
    assert "pull_request" in workflow[True]  # PyYAML reads the key "on" as True
    publish = workflow["jobs"]["publish"]
    assert "pull_request" in publish["if"]
    assert publish["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_pipeline_reports_code_quality_and_publishes_pages(in_tmp: Path) -> None:
    main(["ci", "gitlab"])
    pipeline = yaml.safe_load((in_tmp / ".gitlab-ci.yml").read_text())
    assert pipeline["check"]["artifacts"]["reports"]["codequality"] == "ratsarchiv-check.json"
    assert any("--format codeclimate" in line for line in pipeline["check"]["script"])
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]


def test_codeclimate_report_points_at_the_line(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content_tree(
        {"resolutions/hauptausschuss/2020/2020-04-17-a.md": resolution_text(extra="public: 1\n")}
    )
    main(["check", "--format", "codeclimate", "--content", str(root)])
    (issue,) = json.loads(capsys.readouterr().out)
    assert issue["location"] == {
        "path": "content/resolutions/hauptausschuss/2020/2020-04-17-a.md",
        "lines": {"begin": 10},
    }
    assert issue["description"] == "public: erwartet true oder false, gefunden '1'"
    assert issue["severity"] == "major"


def test_github_workflow_keeps_the_build_folder_per_program_version(in_tmp: Path) -> None:
    main(["ci", "github"])
    workflow = yaml.safe_load((in_tmp / ".github/workflows/ratsarchiv.yml").read_text())
    steps = workflow["jobs"]["check-and-build"]["steps"]
    (cache,) = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    build = next(i for i, step in enumerate(steps) if step.get("run") == "ratsarchiv build")
    assert steps.index(cache) < build  # restored before the build, saved after the job
    assert cache["with"]["path"] == ".build"
    key, restore = cache["with"]["key"], cache["with"]["restore-keys"].strip()
    # A new program (its source and pyproject.toml), theme or config gives a new key, and
    # a run restores only entries of its own key's version.
    for part in ("pyproject.toml", "generator/**", "mkdocs.yml", "theme_overrides/**"):
        assert part in key
    assert key.startswith(restore) and key != restore


def test_gitlab_build_keeps_the_build_folder_per_program_version(in_tmp: Path) -> None:
    main(["ci", "gitlab"])
    pipeline = yaml.safe_load((in_tmp / ".gitlab-ci.yml").read_text())
    caches = pipeline["build"]["cache"]
    (kept,) = [cache for cache in caches if cache["paths"] == [".build"]]
    assert kept["key"]["files"] == ["pyproject.toml", "mkdocs.yml"]
    # The job's own cache replaces the pipeline's: pip's cache must stay in it.
    assert any(cache["paths"] == [".cache/pip"] for cache in caches)
