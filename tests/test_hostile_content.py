"""Hostile content (tests/fixtures/hostile/): refused by check, or escaped — never in site/.

``refused/`` holds inputs ``check`` must refuse, each with the message it must give;
``accepted/`` holds hostile-looking text that is allowed (titles, topics, names with
markup) and must reach the site escaped. Oversized files are made by the test (a sparse
file for the attachment), not kept in the repository.
"""

from __future__ import annotations

import datetime
import html
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import LEGAL, REPOSITORY, write_tree

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
R = "content/resolutions/rat/2021/2021-03-01-"
ELEMENT = "das HTML-Element <{}> ist nicht erlaubt; schreiben Sie Markdown"
LINK = "Links mit '{}:' sind nicht erlaubt; erlaubt sind https://, http://, mailto: und tel:"
OUTSIDE = "attachments[0].file: die Anlage darf nicht außerhalb von content/ liegen"
RELATIVE = "attachments[0].file: erwartet einen Dateinamen relativ zum Beschluss mit '/'"
IDENTIFIER = "erwartet eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen"
URL_CHARACTERS = "die Webadresse enthält Leerzeichen oder eines der Zeichen"
ALLOWED_ELEMENTS = (
    "(erlaubt sind nur <abbr>, <br>, <del>, <ins>, <kbd>, <mark>, <s>, <sub>, <sup>, <u>)"
)
FOREIGN_IMAGE = (
    "Bilder von anderen Servern sind nicht erlaubt (jeder Aufruf der Seite würde diesen "
    "Server anfragen); legen Sie das Bild als Anlage ab"
)
IMPLAUSIBLE = (
    "date: das Datum {} ist nicht plausibel; erwartet ein Datum zwischen 1800-01-01 und "
    f"{datetime.date.today().year + 5}-12-31, prüfen Sie die Jahreszahl"
)
INVISIBLE = (
    "der Text enthält das unsichtbare Steuerzeichen {} an Stelle {}; löschen Sie es "
    "(im Editor mit den Pfeiltasten zu finden)"
)
SYNTAX = "YAML-Syntaxfehler: "

EXPECTED = {
    f"{R}script.md:14:1": ELEMENT.format("script"),
    f"{R}img-onerror.md:12:7": ELEMENT.format("img"),
    f"{R}abbr-onmouseover.md:12:5": "HTML-Attribute wie onclick= (Skripte) sind nicht erlaubt",
    f"{R}iframe.md:12:1": ELEMENT.format("iframe"),
    f"{R}object.md:12:1": ELEMENT.format("object"),
    f"{R}embed.md:12:1": ELEMENT.format("embed"),
    f"{R}style.md:12:1": ELEMENT.format("style"),
    f"{R}style-attribute.md:12:1": "das HTML-Attribut style= ist nicht erlaubt",
    f"{R}svg-script.md:12:1": ELEMENT.format("svg"),
    f"{R}svg-script.md:12:24": ELEMENT.format("script"),
    f"{R}javascript-link.md:12:9": LINK.format("javascript"),
    f"{R}javascript-mixed-case.md:12:9": LINK.format("javascript"),
    f"{R}javascript-entity.md:12:9": LINK.format("javascript"),
    f"{R}javascript-entity-colon.md:12:9": LINK.format("javascript"),
    f"{R}javascript-reference.md:14:10": LINK.format("javascript"),
    f"{R}javascript-autolink.md:12:2": LINK.format("javascript"),
    f"{R}data-link.md:12:8": LINK.format("data"),
    f"{R}data-image.md:12:9": LINK.format("data"),
    f"{R}data-image.md:12:28": ELEMENT.format("svg"),
    f"{R}attachment-dotdot.md:11:5": OUTSIDE,
    f"{R}attachment-dotdot-nested.md:11:5": OUTSIDE,
    f"{R}attachment-absolute.md:11:5": RELATIVE,
    f"{R}attachment-backslash.md:11:5": RELATIVE,
    f"{R}attachment-drive.md:11:5": RELATIVE,
    f"{R}attachment-nul.md:11:5": "attachments[0].file: der Dateiname enthält ein Steuerzeichen",
    f"{R}attachment-svg.md:11:5": "Anlagen dieses Dateityps sind nicht erlaubt",
    f"{R}attachment-oversized.md:11:5": "die Datei ist 60 MB groß; erlaubt sind höchstens 50 MB",
    f"{R}id-script.md:2:1": f"id: {IDENTIFIER}",
    f"{R}id-dotdot.md:2:1": f"id: {IDENTIFIER}",
    f"{R}relation-script.md:12:5": f"relations[0].target: {IDENTIFIER}",
    f"{R}oversized.md": "die Datei ist 1100 kB groß; erlaubt sind höchstens 1000 kB",
    f"{R}alias-bomb.md:11:6": (
        "YAML-Anker ('&a') sind nicht erlaubt; schreiben Sie den Wert an jeder Stelle aus"
    ),
    f"{R}date-9999.md:5:1": IMPLAUSIBLE.format("9999-12-31"),
    f"{R}date-1299.md:5:1": IMPLAUSIBLE.format("1299-03-01"),
    f"{R}title-rlo.md:3:1": "title: " + INVISIBLE.format("U+202E (Schreibrichtungs-Umkehrung)", 10),
    f"{R}topic-zero-width.md:11:5": "topics[0]: "
    + INVISIBLE.format("U+200B (Leerzeichen ohne Breite)", 5),
    f"{R}moved-by-isolate.md:11:5": "moved_by[0]: "
    + INVISIBLE.format("U+2067 (Isolierung rechts-nach-links)", 1),
    f"{R}yaml-colon.md:10:25": SYNTAX
    + "ein Doppelpunkt mit folgendem Leerzeichen ist hier nicht möglich; enthält der Wert "
    'einen Doppelpunkt, setzen Sie den ganzen Wert in Anführungszeichen ("…"); sonst '
    "prüfen Sie die Einrückung",
    f"{R}yaml-tab.md:11:1": SYNTAX
    + "Tabulator statt Leerzeichen; rücken Sie nur mit Leerzeichen ein",
    f"{R}yaml-unclosed-quote.md:3:8": SYNTAX
    + "die Anführungszeichen werden in dieser Zeile nicht geschlossen; setzen Sie am Ende "
    "des Wertes das passende Anführungszeichen",
    f"{R}foreign-image.md:12:17": FOREIGN_IMAGE,
    "content/legal/impressum.md:5:1": f"{ELEMENT.format('script')} {ALLOWED_ELEMENTS}",
    "content/legal/impressum.md:7:11": LINK.format("javascript"),
    "content/legal/impressum.md:9:1": "HTML-Attribute wie onclick= (Skripte) sind nicht erlaubt",
    "content/legal/impressum.md:11:1": f"{ELEMENT.format('img')} {ALLOWED_ELEMENTS}",
    "content/legal/impressum.md:13:11": FOREIGN_IMAGE,
    "content/committees.yml:15:5": f"committees[2].description: {FOREIGN_IMAGE}",
    "content/archive.yml:3:1": 'municipality: der Name darf die Zeichen < > " nicht enthalten',
    "content/archive.yml:5:1": "site_url: erwartet eine Webadresse, die mit https:// beginnt",
    "content/archive.yml:6:1": "repository_url: erwartet eine Webadresse, die mit https://",
    "content/archive.yml:13:3": f"data_license.url: {URL_CHARACTERS}",
    "content/archive.yml:16:3": "legal.privacy: die Datei '../../../etc/passwd' gibt es in",
    "content/archive.yml:17:3": "legal.accessibility: die Datei '/etc/hostname' gibt es in",
    "content/committees.yml:6:5": f"committees[0].description: {ELEMENT.format('iframe')}",
    "content/committees.yml:7:5": f"committees[1].id: {IDENTIFIER}",
}


def refused_archive(base: Path) -> Path:
    content = write_tree(base / "content", LEGAL)
    shutil.copytree(HOSTILE / "refused", content, dirs_exist_ok=True)
    folder = content / "resolutions/rat/2021"
    (folder / "2021-03-01-oversized.md").write_text(
        (folder / "2021-03-01-script.md").read_text(encoding="utf-8") + "x" * 1_100_000,
        encoding="utf-8",
    )
    (folder / "2021-03-01-attachment-oversized.md").write_text(
        (folder / "2021-03-01-attachment-svg.md")
        .read_text(encoding="utf-8")
        .replace("zeichnung.svg", "riesig.pdf")
        .replace('number: "24"', 'number: "99"'),
        encoding="utf-8",
    )
    with (folder / "riesig.pdf").open("wb") as sparse:
        sparse.truncate(60_000_000)  # sparse: no 60 MB on disk
    return content


def test_check_refuses_every_hostile_input_with_a_clear_message(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused_archive(in_tmp)
    assert main(["check", "--content", "content"]) == 1
    out = capsys.readouterr().out
    reported = {}
    for line in out.splitlines():
        location, _, message = line.partition(": error: ")
        reported.setdefault(location.removesuffix(":0:0"), []).append(message)
    for location, expected in EXPECTED.items():
        assert any(expected in m for m in reported.get(location, [])), (location, expected)
    # Every refused resolution file is reported; none slips through as valid.
    files = {p.name for p in (in_tmp / "content/resolutions/rat/2021").glob("*.md")}
    assert files == {loc.split(":")[0].rsplit("/", 1)[1] for loc in EXPECTED if R in loc}
    assert "\x00" not in out  # a NUL in a name is never echoed


# --- The accepted corpus builds, and nothing hostile reaches site/ ----------------------

THEME_SCRIPT_DIRECTORIES = ("assets/javascripts/",)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href"}
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "style", "frame", "applet", "base"}
"""Material draws its icons as inline <svg>: those are allowed; script or on* in them is not."""


class Scan(HTMLParser):
    def __init__(self, page: Path, site: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.site = page, site
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = self.page.relative_to(self.site).as_posix()
        values = {name: value or "" for name, value in attrs}
        if tag in FORBIDDEN_ELEMENTS:
            self.findings.append(f"{where}: <{tag}>")
        if tag == "script":
            self._check_script(where, values)
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.append(f"{where}: <{tag} {name}=…>")
            compact = "".join(c for c in html.unescape(value) if c > " ").lower()
            if name in URL_ATTRIBUTES and compact.startswith(("javascript:", "data:", "vbscript:")):
                self.findings.append(f"{where}: <{tag} {name}={value[:40]}>")

    def _check_script(self, where: str, values: dict[str, str]) -> None:
        if values.get("type") == "application/json" and values.get("id") == "__config":
            return  # Material's settings: data, not code (never run by the browser)
        if values.get("type") == "application/ld+json":
            # The schema.org record of a resolution page: data too. A title that closed
            # it early would leave a <script> without type behind, which is reported.
            return
        source = values.get("src")
        if source is None:
            self.findings.append(f"{where}: inline <script>")
            return
        target = (self.page.parent / source).resolve() if not source.startswith("/") else None
        relative = target.relative_to(self.site.resolve()).as_posix() if target else source[1:]
        if (
            not relative.startswith(THEME_SCRIPT_DIRECTORIES)
            or not (self.site / relative).is_file()
        ):
            self.findings.append(f"{where}: <script src={source}>")


def scan_site(site: Path) -> list[str]:
    findings = []
    for page in sorted(site.rglob("*.html")):
        if page.parent == site / "redaktion":
            continue  # the editors' area: a fixed page that loads Decap; content only as data
        scan = Scan(page, site)
        scan.feed(page.read_text(encoding="utf-8"))
        findings += scan.findings
    return findings


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    content = base / "content"
    shutil.copytree(HOSTILE / "accepted", content)
    arguments = ["--content", str(content), "--config", str(REPOSITORY / "mkdocs.yml")]
    assert main(["check", *arguments[:2]]) == 0
    code = main(
        ["build", *arguments, "--build-dir", str(base / ".b"), "--output", str(base / "site")]
    )
    assert code == 0
    return base / "site"


def test_no_hostile_markup_reaches_any_html_page(hostile_site: Path) -> None:
    assert len(list(hostile_site.rglob("*.html"))) > 15
    assert scan_site(hostile_site) == []


def test_hostile_looking_text_is_shown_escaped(hostile_site: Path) -> None:
    page = (hostile_site / "beschluss/rat-2021-001/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;" in page
    assert "<title>&lt;script&gt;" in page  # Material prints the title unescaped
    committee = (hostile_site / "gremium/rat/index.html").read_text(encoding="utf-8")
    assert "Rat &lt;script&gt;alert(&quot;gremium&quot;)&lt;/script&gt;" in committee
    topic_pages = [p.parent.name for p in (hostile_site / "thema").glob("*/index.html")]
    assert "thema-script-alert-thema-script" in topic_pages


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The scanner itself must not be blind: each kind of finding is detected."""
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "assets/javascripts/ok.js").write_text("", encoding="utf-8")
    (tmp_path / "a.html").write_text(
        '<script src="assets/javascripts/ok.js"></script><script>x()</script>'
        '<img src=x onerror=alert(1)><a href="JaVa&#x09;script:x">x</a><iframe></iframe>'
        '<script src="https://cdn.example/x.js"></script><a href="data:text/html,x">d</a>',
        encoding="utf-8",
    )
    assert len(scan_site(tmp_path)) == 6


def test_feeds_and_xml_contain_no_markup_elements(hostile_site: Path) -> None:
    for path in hostile_site.rglob("*.xml"):
        for element in ET.parse(path).iter():
            assert element.tag.rsplit("}", 1)[-1] not in {"script", "iframe", "img"}, path
