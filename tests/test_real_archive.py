"""End to end on a real town's records: the OParl crawl of Hürtgenwald (5,106 agenda items,
kept packed in ``tests/fixtures/real/``) → ``import oparl`` → ``check`` → ``build``.

This is the path a town takes with its own council information system; the crawl has
every oddity of real data (vote wording as result, pasted tables, texts only in PDFs,
line breaks in names, reports without decisions).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from benchmarks.oparl_crawl import unpack_real_crawl
from generator.archive.labels import RESULT
from generator.archive.problems import Severity
from generator.cli import EXIT_OK, main
from generator.reading.loading import load_archive
from tests.conftest import REPOSITORY
from tests.importers.conftest import ARCHIVE_YML
from tests.markup import quoted_page


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpack_real_crawl(tmp_path_factory.mktemp("crawl"))


@pytest.fixture(scope="module")
def imported(crawl: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("huertgenwald")
    content = root / "content"
    (content / "legal").mkdir(parents=True)
    (content / "archive.yml").write_text(
        ARCHIVE_YML.replace("Stadt Musterstadt", "Gemeinde Hürtgenwald"), encoding="utf-8"
    )
    for name in ("impressum", "datenschutz", "barrierefreiheit"):
        (content / "legal" / f"{name}.md").write_text(f"## {name}\n\nText.\n", encoding="utf-8")
    assert main(["import", "oparl", str(crawl), "--content", str(content)]) == EXIT_OK
    return content


def test_import_keeps_every_decision_and_says_why_it_skipped_the_rest(
    imported: Path,
) -> None:
    report = (imported.parent / "import-bericht.md").read_text(encoding="utf-8")
    counts = dict(re.findall(r"^\| (.+?) \| (\d+) \|$", report, re.MULTILINE))
    assert counts["importiert (neue Dateien)"] == "2245"
    assert counts["fehlgeschlagen"] == "0"
    skipped = {k: int(v) for k, v in counts.items() if k.startswith("übersprungen: ")}
    assert sum(skipped.values()) + 2245 == 5106  # every agenda item is accounted for
    assert skipped["übersprungen: Zwischenüberschrift"] == 2562
    assert len(list(imported.rglob("*.md"))) == 2245 + 3
    assert counts["Sitzungsdateien geschrieben"] == "346"
    assert len(list((imported / "meetings").rglob("*.yml"))) == 346


UNRECOGNISED = REPOSITORY / "tests" / "fixtures" / "real" / "huertgenwald-unrecognised.txt"
_LEFT = re.compile(
    r"^- `[^`]+`: ((?:Ergebnis nicht erkannt|Teile mit verschiedenem Ausgang"
    r"|Wortlaut und Stimmenzahlen widersprechen sich): .*)$",
    re.MULTILINE,
)


def test_no_result_goes_unread_beyond_the_known_list(imported: Path) -> None:
    report = (imported.parent / "import-bericht.md").read_text(encoding="utf-8")
    left = set(_LEFT.findall(report))
    known = {
        line
        for line in UNRECOGNISED.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert left <= known, sorted(left - known)
    # pasted tables without separators, parts, counts without "Nein"; 186 since a table whose
    # digits read as 18/3/0 or as 1/83/0 is no longer published as the latter (issue 20)
    assert len(left) <= 186


@pytest.mark.parametrize("state", ["init", "demo"])
def test_the_crawl_into_an_initialised_and_into_the_demo_archive_passes_check(
    crawl: Path, state: str, tmp_path: Path
) -> None:
    """The archives a town starts from: ``ratsarchiv init`` (no registry) and the demo with
    Musterstadt's ``factions.yml`` (other factions, terms from 2014, seats): 0 errors."""
    content = tmp_path / "content"
    if state == "init":
        town = ["--municipality", "Gemeinde Hürtgenwald", "--ags", "05358024"]
        town += ["--site-url", "https://ratsarchiv.huertgenwald.test/"]
        town += ["--contact-name", "Büro des Rates", "--address", "Rathaus, 52393 Hürtgenwald"]
        town += ["--email", "rat@huertgenwald.test"]
        assert main(["init", "--content", str(content), *town]) == EXIT_OK
    else:
        shutil.copytree(REPOSITORY / "content", content)
    assert main(["import", "oparl", str(crawl), "--content", str(content)]) == EXIT_OK
    catalog, problems = load_archive(content, keep_texts=False)  # what `check` runs
    assert [p.format() for p in problems if p.severity is Severity.ERROR] == []
    assert catalog is not None
    assert len(catalog.by_id) == 2245 + (64 if state == "demo" else 0)
    names = set(catalog.faction_names.values())
    if state == "demo":  # only the registry's factions get a page
        assert names <= {
            "CDU",
            "SPD",
            "BÜNDNIS 90/DIE GRÜNEN",
            "FDP",
            "DIE LINKE",
            "AfD",
            "BÜRGERLISTE",
        }
    else:  # no mayor, member or debris ("n", "B", "FDPHr. Gilleßen") as a faction
        assert {"BM", "n", "B", "FDPHr. Gilleßen", "Hr. Gilleßen", "Hr. Prinz"}.isdisjoint(names)
        assert {"CDU", "SPD", "FDP"} <= names


def test_check_accepts_everything_import_wrote(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["check", "--strict", "--content", str(imported)]) == EXIT_OK
    err = capsys.readouterr().err
    assert "Fehler" not in err.splitlines()[-1]
    assert "Ergebnis nicht erfasst" in err  # the gaps are counted, and never fail


def test_the_built_site_shows_result_vote_and_text_or_file(imported: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert (
        main(
            [
                "build",
                "--content",
                str(imported),
                "--output",
                str(site),
                "--config",
                str(REPOSITORY / "mkdocs.yml"),
                "--build-dir",
                str(tmp_path / ".build"),
            ]
        )
        == EXIT_OK
    )
    pages = sorted((site / "beschluss").glob("*/index.html"))
    assert len(pages) == 2245
    labels = tuple(RESULT.values())
    for page in pages[::50]:
        html = quoted_page(page)
        badge = re.search(r'class="ra-badge ra-badge--[a-z_]+">([^<]+)<', html)
        assert badge is not None and badge.group(1) in labels, page
        text = html.split('aria-labelledby="beschlusstext"', 1)[1].split("</section>", 1)[0]
        # a text, the note on the file, or the note on its absence
        assert "<p>" in text or '<p class="ra-note">' in text, page

    # One record seen by hand: a unanimous decision whose text is only in its PDF.
    (page,) = [
        p
        for p in pages
        if "Distanzierung von chauvinistischem und faschistischem Gedankengut</h1>"
        in p.read_text(encoding="utf-8")
    ]
    html = quoted_page(page)
    assert "ra-badge--adopted" in html
    assert "einstimmig bei 0 Enthaltungen" in html or "einstimmig" in html
    assert "Der Beschlusstext liegt nur als Datei vor:" in html
    assert "Beschlusstext_45-2016_-oeffentlich-_Gemeinderat_07.04.2016.pdf" in html
    assert (site / "pagefind" / "pagefind.js").is_file()

    # The meeting page lists the whole agenda, items without a resolution included.
    meeting = quoted_page(site / "sitzung/gr/2016-01-21/index.html")
    assert "Fragestunde der Einwohner der Gemeinde Hürtgenwald" in meeting
    assert "Einbringung des Haushaltsentwurfes 2016" in meeting
    assert "Oeffentliche_Niederschrift_Gemeinderat_21.01.2016.pdf" in meeting


# -- many towns: real result wordings from public RIS pages in one assembled export ------

MANY_TOWNS = REPOSITORY / "tests" / "fixtures" / "real" / "many-towns.oparl.json"


@pytest.fixture(scope="module")
def many_towns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many-towns")
    content = root / "content"
    (content / "legal").mkdir(parents=True)
    (content / "archive.yml").write_text(ARCHIVE_YML, encoding="utf-8")
    for name in ("impressum", "datenschutz", "barrierefreiheit"):
        (content / "legal" / f"{name}.md").write_text(f"## {name}\n\nText.\n", encoding="utf-8")
    assert main(["import", "oparl", str(MANY_TOWNS), "--content", str(content)]) == EXIT_OK
    return content


def test_many_towns_wordings_are_read_with_at_most_two_percent_left(many_towns: Path) -> None:
    report = (many_towns.parent / "import-bericht.md").read_text(encoding="utf-8")
    counts = dict(re.findall(r"^\| (.+?) \| (\d+) \|$", report, re.MULTILINE))
    items = int(counts["importiert (neue Dateien)"]) + sum(
        int(v) for k, v in counts.items() if k.startswith("übersprungen: ")
    )
    assert items == 66  # every row of the wordings fixture
    left = sum(
        int(counts.get(f"ansehen: {why}", 0))
        for why in (
            "Ergebnis nicht erkannt",
            "Teile mit verschiedenem Ausgang",
            "Wortlaut und Stimmenzahlen widersprechen sich",
            "Empfehlung erkannt, ihr Ergebnis nicht",
            "Empfehlung an unbekanntes Gremium",
        )
    )
    assert left / items <= 0.02  # one: "Annahme" with 17 for and 43 against, not guessed
    files = [p.read_text(encoding="utf-8") for p in (many_towns / "resolutions").rglob("*.md")]
    assert sum("\nkind: recommendation\nrecommended_to: rat\n" in f for f in files) == 3


def test_many_towns_check_and_build(
    many_towns: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["check", "--strict", "--content", str(many_towns)]) == EXIT_OK
    assert "Fehler" not in capsys.readouterr().err.splitlines()[-1]
    site = tmp_path / "site"
    arguments = ["--content", str(many_towns), "--output", str(site)]
    arguments += ["--config", str(REPOSITORY / "mkdocs.yml"), "--build-dir", str(tmp_path / "b")]
    assert main(["build", *arguments]) == EXIT_OK
    assert len(list((site / "beschluss").glob("*/index.html"))) == 66
