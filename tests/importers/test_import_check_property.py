"""Whatever ``import oparl`` writes, ``check`` accepts: a property over OParl objects with
the oddities of real council data (line breaks in names, vote wording in ``result``,
pasted tables, "ohne", missing texts, resolution files, odd numbers and keywords)."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from generator.archive.problems import Severity
from generator.cli import main
from generator.importers.runner import run_oparl
from generator.reading.loading import load_archive
from tests.conftest import REPOSITORY
from tests.importers.conftest import ARCHIVE_YML, COMMITTEES_YML

BASE = "https://ris.example/oparl/"
TODAY = datetime.date(2024, 5, 1)

RESULT_WORDINGS = [
    "einstimmig, 0 Enthaltungen",
    "Einstimmig; 1 Enthaltung",
    "13 Ja-Stimmen, 0 Enthaltungen, 0 Nein-Stimmen",
    "4 Ja-Stimmen, 9 Nein-Stimmen, 0 Enthaltungen",
    "JaNeinEnthaltungBM1CDU81SPD6B‘90/Die Grünen3FFH3FDP2Hr. Gilleßen1Gesamt2410",
    "JaNeinEnthaltungBM1CDU121SPD7B‘90/DIE GRÜNEN3FDP11Hr. Gilleßen1Gesamt2611",
    "ohne",
    "Ohne, da Mitteilungsvorlage.",
    "(kein Text vorhanden)",
    "Geändert beschlossen",
    "Beschlussempfehlung an den Rat: Wie Vorlage",
    "Beschlussempfehlung an den Kreistag: Wie Vorlage",
    "Einstimmig empfohlen",
    "Der Ausschuss nimmt die Ausführungen zur Kenntnis.",
    "a) einstimmig, 0 Enthaltungenb) 3 Ja-Stimmen, 9 Nein-Stimmen",
    "in die Fraktionen geschoben",
    "JaNeinEnthaltungOB1CDU5GRÜNE2Sonstige1Gesamt9",
    "JaNeinEnthaltungBM1CDU121SPD7B´90/DIE GRÜNEN3BÜRGRLISTE2Herr Lind1Gesamt2611",
    "JaNeinEnthaltungBürgermeisterin1CDU30SPD7fraktionslos2Gesamt402",
    "Ja: 5 (CDU 3, BÜRGERLISTE 2), Nein: 1 (BM)",
    "dafür: 4 (BÜRGERLISTE)",
]

BREAKDOWNS = [wording for wording in RESULT_WORDINGS if "CDU" in wording or "BÜRGER" in wording]
"""Wordings with votes by faction: what the registry must be able to take or refuse."""

HOSTILE_TEXTS = [
    "<p>Text</p><br>zwei",
    "[Klick](javascript:alert(1))",
    "Siehe ![Plan](https://tracker.example/p.png)",
    '<img src="https://tracker.example/x.gif"> Bild',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<a href="javascript:alert(1)" onclick="x()">Link</a>',
    "[Anlage](anlage.pdf) und [Web](http://ris.example/x)",
    "# Überschrift\n\n## Beratung\n\n---\n",
]

# Text as sources deliver it: line breaks, tabs, non-breaking spaces, quotes, markup.
odd_text = st.text(
    alphabet=st.sampled_from(
        [*"aäbcßdeöüXYZ 0123456789.,;:-/()\"'#&<>\n\t\u00a0*_`|", "\u202e", "\u200b", "\x07"]
    ),
    min_size=0,
    max_size=60,
)
names = st.one_of(
    odd_text,
    st.sampled_from(
        [
            "Anregungen und Beschwerden nach § 24 GO;\nhier: Antrag vom 01.02.2016",
            "Mitteilungen der Verwaltung",
            "Anfragen",
            "Einwohnerfragestunde",
            "- leer -",
            "# Überschrift?",
            "---",
            "key: value",
        ]
    ),
)


@st.composite
def agenda_items(draw: st.DrawFn, index: int) -> dict[str, object]:
    item: dict[str, object] = {
        "id": f"{BASE}agendaitem/{index}",
        "type": "https://schema.oparl.org/1.0/AgendaItem",
        "name": draw(names),
    }
    if draw(st.booleans()):
        item["number"] = draw(st.sampled_from(["1.", "3.10", "Ö 5", "", "\n7\n", "12 a"]))
    if draw(st.booleans()):
        item["result"] = draw(st.one_of(st.sampled_from(RESULT_WORDINGS), odd_text))
    if draw(st.booleans()):
        item["resolutionText"] = draw(st.one_of(odd_text, st.sampled_from(HOSTILE_TEXTS)))
    if draw(st.booleans()):
        item["resolutionFile"] = {
            "id": f"{BASE}file/{index}",
            "type": "https://schema.oparl.org/1.0/File",
            "name": draw(names),
            "accessUrl": f"{BASE}files/{index}.pdf",
        }
    if draw(st.booleans()):
        item["consultation"] = f"{BASE}consultation/{index}"
    if draw(st.booleans()):
        item["keyword"] = draw(st.lists(names, max_size=3))
    if draw(st.booleans()):
        item["public"] = draw(st.booleans())
    return item


@st.composite
def crawls(draw: st.DrawFn) -> list[dict[str, object]]:
    items = [draw(agenda_items(index)) for index in range(draw(st.integers(1, 6)))]
    papers = [
        {
            "id": f"{BASE}paper/{index}",
            "type": "https://schema.oparl.org/1.0/Paper",
            "name": draw(names),
            "reference": draw(st.sampled_from(["30/2015", "2023/0089", "\n12/2016 ", "#1"])),
            "paperType": draw(st.sampled_from(["Beschlussvorlage", "Mitteilungsvorlage", ""])),
            "consultation": [
                {
                    "id": f"{BASE}consultation/{index}",
                    "type": "https://schema.oparl.org/1.0/Consultation",
                    "agendaItem": f"{BASE}agendaitem/{index}",
                }
            ],
        }
        for index, item in enumerate(items)
        if item.get("consultation")
    ]
    organization = {
        "id": f"{BASE}organization/1",
        "type": "https://schema.oparl.org/1.0/Organization",
        "name": draw(st.sampled_from(["Gemeinderat", "Bau- und\nUmweltausschuss", "Rat"])),
        "shortName": draw(st.sampled_from(["GR", "BUA", "", "Rat", "784", "On", "2021-04-14"])),
    }
    meeting = {
        "id": f"{BASE}meeting/1",
        "type": "https://schema.oparl.org/1.0/Meeting",
        "name": draw(st.sampled_from(["Gemeinderat (36. Sitzung)", "", "Sitzung\nNr. 2"])),
        "start": draw(st.sampled_from(["2016-03-17T18:00:00+01:00", "2009-09-22"])),
        "organization": [organization["id"]],
        "agendaItem": items,
    }
    return [organization, meeting, *papers]


# A registry as towns write them: terms that may not cover the crawl's dates, factions
# with aliases (some the crawl uses, some close to it), seats that may be too few.
TERMS = [
    ("2004", "2004-10-01", "2009-10-20"),
    ("2009", "2009-10-21", "2014-05-31"),
    ("2014", "2014-06-01", "2020-10-31"),
    ("2020", "2020-11-01", None),
]
FACTIONS = [
    ("cdu", "CDU"),
    ("spd", "SPD"),
    ("fdp", "FDP"),
    ("gruene", "BÜNDNIS 90/DIE GRÜNEN"),
    ("ffh", "FFH"),
    ("buergerliste", "BÜRGERLISTE"),
    ("fraktionslos", "fraktionslos"),
    ("linke", "DIE LINKE"),
]
ALIASES = [
    "B‘90/Die Grünen",
    "GRÜNE",
    "Grüne",
    "CDU-Fraktion",
    "BÜRGRLISTE",
    "Freie Fraktion Hürtgenwald",
    "Sonstige",
    "Hr. Gilleßen",
    "UWG",
]
COMMITTEES = ["rat", "hauptausschuss", "gr", "bua", "gemeinderat"]
EXTRA_COMMITTEES = [
    ("gr", "Gemeinderat", "GR", "council", ""),
    ("gr", "Grünflächenausschuss", "GRA", "committee", ""),
    ("bua", "Bau- und Umweltausschuss", "BUA", "committee", "2010-12-31"),
    ("gemeinderat", "Gemeinderat Alt", "Gemeinderat", "council", ""),
]
"""Committees an archive may hold already: the crawl's, under its id or another's."""


@st.composite
def committees_ymls(draw: st.DrawFn) -> str:
    extra = draw(st.lists(st.sampled_from(EXTRA_COMMITTEES), unique_by=lambda c: c[0]))
    lines = [COMMITTEES_YML.rstrip("\n")]
    for committee_id, name, short_name, kind, until in extra:
        lines += [f"  - id: {committee_id}", f"    name: {name}", f"    short_name: {short_name}"]
        lines += [f"    kind: {kind}"] + ([f"    active_until: {until}"] if until else [])
    return "\n".join(lines) + "\n"


@st.composite
def registries(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """``factions.yml`` and (term id, short name) of every faction in it."""
    terms = draw(st.lists(st.sampled_from(TERMS), min_size=1, max_size=4, unique=True))
    term_ids = [term for term, _, _ in terms]
    lines = ["terms:"]
    for term, start, end in sorted(terms):
        lines += [f'  - id: "{term}"', f"    name: Wahlperiode {term}", f"    start: {start}"]
        lines += [f"    end: {end}"] if end else []
    if draw(st.booleans()):
        lines.insert(0, f"mayor: {draw(st.sampled_from(['Bürgermeister', 'Bürgermeisterin']))}")
    factions = draw(st.lists(st.sampled_from(FACTIONS), min_size=1, max_size=6, unique=True))
    aliases = draw(st.lists(st.sampled_from(ALIASES), max_size=len(ALIASES), unique=True))
    lines.append("factions:")
    members: list[tuple[str, str, str]] = []
    for index, (faction_id, short_name) in enumerate(factions):
        in_terms = draw(st.lists(st.sampled_from(term_ids), min_size=1, unique=True))
        mine = aliases[index :: len(factions)]
        lines += [
            f"  - id: {faction_id}",
            f"    name: {json.dumps('Fraktion ' + short_name, ensure_ascii=False)}",
            f"    short_name: {json.dumps(short_name, ensure_ascii=False)}",
            f"    terms: {json.dumps(in_terms)}",
        ]
        lines += [f"    aliases: {json.dumps(mine, ensure_ascii=False)}"] if mine else []
        members += [(faction_id, short_name, term) for term in in_terms]
    seats = []
    for committee in draw(st.lists(st.sampled_from(COMMITTEES), max_size=3, unique=True)):
        term = draw(st.sampled_from(term_ids))
        counts = {f: draw(st.integers(1, 12)) for f, _, t in members if t == term}
        if counts:
            seats += [f"  - committee: {committee}", f'    term: "{term}"', "    factions:"]
            seats += [f"      {faction_id}: {n}" for faction_id, n in counts.items()]
    lines += ["seats:", *seats] if seats else []
    if draw(st.booleans()):
        lines += ["persons:", "  - id: peter-gillessen", "    name: Peter Gilleßen"]
    return "\n".join(lines) + "\n", [(term, short) for _, short, term in members]


@st.composite
def existing_resolutions(draw: st.DrawFn, factions: list[tuple[str, str]]) -> dict[str, str]:
    """Hand-written files already in the archive, voting with the registry's names."""
    files = {}
    for index in range(draw(st.integers(0, 2))):
        day = draw(st.sampled_from(["2016-05-12", "2010-02-04", "2021-06-17"]))
        committee = draw(st.sampled_from(["rat", "hauptausschuss"]))
        vote = "vote:\n  unanimous: true\n"
        in_term = sorted({short for term, short in factions if _term_covers(term, day)})
        if in_term and draw(st.booleans()):
            voting = draw(st.lists(st.sampled_from(in_term), min_size=1, unique=True))
            vote = "vote:\n  factions:\n" + "".join(
                f"    - name: {json.dumps(name, ensure_ascii=False)}\n      for: 1\n"
                for name in voting
            )
        files[f"resolutions/{committee}/{day[:4]}/{day}-bestand-{index}.md"] = (
            f"---\nid: bestand-{index}\ntitle: Bestand {index}\ncommittee: {committee}\n"
            f'date: {day}\nagenda_item:\n  number: "{index + 1}"\nkind: ordinary\n'
            f"result: adopted\n{vote}---\nDer Ausschuss beschließt.\n"
        )
    return files


def _term_covers(term: str, day: str) -> bool:
    _, start, end = next(t for t in TERMS if t[0] == term)
    return start <= day and (end is None or day <= end)


def _content(root: Path) -> Path:
    content = root / "content"
    (content / "legal").mkdir(parents=True)
    (content / "archive.yml").write_text(ARCHIVE_YML, encoding="utf-8")
    (content / "committees.yml").write_text(COMMITTEES_YML, encoding="utf-8")
    for name in ("impressum", "datenschutz", "barrierefreiheit"):
        (content / "legal" / f"{name}.md").write_text("Text\n", encoding="utf-8")
    return content


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(crawls())
def test_what_import_writes_check_accepts(objects: list[dict[str, object]]) -> None:
    _import_and_check(objects, {})


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
@given(crawls(), st.data())
def test_any_archive_check_accepted_still_passes_after_an_import(
    objects: list[dict[str, object]], data: st.DataObject
) -> None:
    """With a random ``factions.yml`` and hand-written files that ``check`` accepted."""
    meeting = objects[1]
    assert isinstance(meeting["agendaItem"], list)
    for item in meeting["agendaItem"]:
        if data.draw(st.booleans()):
            item["result"] = data.draw(st.sampled_from(BREAKDOWNS))
    registry, factions = data.draw(registries())
    files = {
        "factions.yml": registry,
        "committees.yml": data.draw(committees_ymls()),
        **data.draw(existing_resolutions(factions)),
    }
    _import_and_check(objects, files)


def _import_and_check(objects: list[dict[str, object]], files: dict[str, str]) -> None:
    root = Path(tempfile.mkdtemp(prefix="import-property-"))
    try:
        content = _content(root)
        for name, text in files.items():
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            (content / name).write_text(text, encoding="utf-8")
        _, before = load_archive(content)
        assume(not [p for p in before if p.severity is Severity.ERROR])
        crawl = root / "crawl.json"
        crawl.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
        report = run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY)
        assert report.failed == []
        catalog, problems = load_archive(content)
        errors = [p.format() for p in problems if p.severity is Severity.ERROR]
        assert errors == []
        assert catalog is not None
        written = sum(report.outcomes.values())
        hand_written = [name for name in files if name.startswith("resolutions/")]
        assert len(catalog.by_id) == written + len(hand_written)
        if report.factions is not None:
            event(f"Wortlaut {min(report.factions.as_wording, 1)}")
            event(f"unbekannt {min(len(report.factions.unknown), 1)}")
            rows = sum(len(v.factions) > 0 for r in catalog.by_id.values() for v in r.votes)
            event(f"mit Fraktionen {min(rows, 1)}")
    finally:
        shutil.rmtree(root)


# -- the three archive states a town starts from ---------------------------------------

STATES = ("leer", "init", "demo")
"""An empty archive (settings, committees, legal pages), one made by ``ratsarchiv init``,
and the demo archive with Musterstadt's registry (``content/``: factions with aliases,
terms from 2014, seats, persons, 64 resolutions)."""
MEETING_STARTS = ["2016-03-17T18:00:00+01:00", "2009-09-22", "2021-06-17T17:00:00+02:00"]
"""Inside and outside the demo registry's terms."""


@pytest.fixture(scope="module")
def archive_states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each state once, checked: an import must keep what ``check`` accepted."""
    states = {"leer": _content(tmp_path_factory.mktemp("leer"))}
    initialised = tmp_path_factory.mktemp("init") / "content"
    town = ["--municipality", "Gemeinde Beispielhausen", "--ags", "05999000"]
    town += ["--site-url", "https://ratsarchiv.beispielhausen.test/"]
    town += ["--contact-name", "Büro des Rates", "--address", "Markt 1, 12345 Beispielhausen"]
    town += ["--email", "rat@beispielhausen.test"]
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init", "--content", str(initialised), *town]) == 0
    states["init"] = initialised
    demo = tmp_path_factory.mktemp("demo") / "content"
    shutil.copytree(REPOSITORY / "content", demo)
    states["demo"] = demo
    for state, content in states.items():
        _, problems = load_archive(content)
        assert [p.format() for p in problems if p.severity is Severity.ERROR] == [], state
    assert (demo / "factions.yml").is_file() and not (initialised / "factions.yml").exists()
    return states


@pytest.mark.parametrize("state", STATES)
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(crawls(), st.data())
def test_importing_into_each_archive_state_leaves_check_without_errors(
    archive_states: dict[str, Path],
    state: str,
    objects: list[dict[str, object]],
    data: st.DataObject,
) -> None:
    meeting = objects[1]
    meeting["start"] = data.draw(st.sampled_from(MEETING_STARTS))
    assert isinstance(meeting["agendaItem"], list)
    for item in meeting["agendaItem"]:
        if data.draw(st.booleans()):
            item["result"] = data.draw(st.sampled_from(BREAKDOWNS))
    root = Path(tempfile.mkdtemp(prefix=f"import-{state}-"))
    try:
        content = root / "content"
        shutil.copytree(archive_states[state], content)
        before = len(list((content / "resolutions").rglob("*.md"))) if state == "demo" else 0
        crawl = root / "crawl.json"
        crawl.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
        report = run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY)
        assert report.failed == []
        catalog, problems = load_archive(content)
        assert [p.format() for p in problems if p.severity is Severity.ERROR] == []
        assert catalog is not None
        assert len(catalog.by_id) == before + sum(report.outcomes.values())
        event(f"{state}: Registry {report.factions is not None}")
    finally:
        shutil.rmtree(root)
