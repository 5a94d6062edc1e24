from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"

ARCHIVE_YML = """\
municipality: Stadt Musterstadt
ags: "05999000"
site_url: https://ratsarchiv.musterstadt.test/
contact:
  name: Büro des Rates
  address: "Rathausplatz 1, 99999 Musterstadt"
  email: rat@musterstadt.test
data_license:
  name: Datenlizenz Deutschland – Namensnennung – Version 2.0
  url: https://www.govdata.de/dl-de/by-2-0
legal:
  imprint: legal/impressum.md
  privacy: legal/datenschutz.md
  accessibility: legal/barrierefreiheit.md
"""
COMMITTEES_YML = """\
committees:
  - id: rat
    name: Rat der Stadt Musterstadt
    short_name: Rat
    kind: council
  - id: hauptausschuss
    name: Hauptausschuss
    short_name: HA
    kind: committee
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty archive that passes check: settings, two committees, legal pages."""
    root = tmp_path / "content"
    (root / "legal").mkdir(parents=True)
    (root / "archive.yml").write_text(ARCHIVE_YML, encoding="utf-8")
    (root / "committees.yml").write_text(COMMITTEES_YML, encoding="utf-8")
    for name in ("impressum", "datenschutz", "barrierefreiheit"):
        (root / "legal" / f"{name}.md").write_text("Text\n", encoding="utf-8")
    return root
