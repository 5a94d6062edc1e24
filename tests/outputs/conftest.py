"""Fixtures for the reuse-output tests: the archives they run on, and a fixed Stand."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.archive.catalog import Catalog
from generator.archive.problems import Severity
from generator.outputs.context import OutputContext
from generator.reading.loading import load_archive

FIXTURE_ARCHIVE = Path(__file__).parent / "fixtures" / "archive"
"""A small archive that uses every field (votes by part and faction, non-public, …)."""

DEMO_ARCHIVE = Path(__file__).resolve().parent.parent.parent / "content"
"""The demo archive of Stadt Musterstadt that ships with the repository."""

ARCHIVES = {"fixture": FIXTURE_ARCHIVE, "demo": DEMO_ARCHIVE}

STAND = datetime.date(2024, 5, 6)

_loaded: dict[Path, Catalog] = {}


def load(root: Path) -> Catalog:
    if root not in _loaded:
        catalog, problems = load_archive(root)
        errors = [p for p in problems if p.severity is Severity.ERROR]
        assert catalog is not None and not errors, errors
        assert catalog.by_id, f"{root} holds no resolutions"
        _loaded[root] = catalog
    return _loaded[root]


@pytest.fixture(params=sorted(ARCHIVES))
def catalog(request: pytest.FixtureRequest) -> Catalog:
    """Each test that takes ``catalog`` runs on every archive."""
    return load(ARCHIVES[request.param])


@pytest.fixture
def fixture_catalog() -> Catalog:
    return load(FIXTURE_ARCHIVE)


@pytest.fixture
def context() -> OutputContext:
    return OutputContext.create("https://ratsarchiv.example/", STAND)
