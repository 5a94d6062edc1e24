from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ARCHIVE_YML, COMMITTEES_YML, write_tree

FIXTURES = Path(__file__).parent.parent / "fixtures"

__all__ = ["ARCHIVE_YML", "COMMITTEES_YML", "FIXTURES"]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty archive that passes check: settings, two committees, legal pages."""
    return write_tree(tmp_path / "content", {})
