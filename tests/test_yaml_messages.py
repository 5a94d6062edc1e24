"""YAML problems reach editors in German, at the place to fix, with a hint of what to do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.reading.resolution_reader import read_resolution_file
from generator.reading.yaml_source import parse_yaml

SOURCE = Path("content/archive.yml")
QUOTE_HINT = 'setzen Sie den ganzen Wert in Anführungszeichen ("…")'
INDENTATION = (
    "die Einrückung passt nicht zu den Zeilen davor; rücken Sie Felder derselben Ebene "
    f"gleich weit ein, und enthält ein Wert einen Doppelpunkt, {QUOTE_HINT}"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "title: Test\ncommittee rat\ndate: 2020-01-01\n",
            "3:1: hier fehlt ein Doppelpunkt nach dem Feldnamen (Feldname: Wert)",
            id="could-not-find-expected-colon",
        ),
        pytest.param(
            "title: Antrag: Radweg\n",
            "1:14: ein Doppelpunkt mit folgendem Leerzeichen ist hier nicht möglich; enthält "
            f"der Wert einen Doppelpunkt, {QUOTE_HINT}; sonst prüfen Sie die Einrückung",
            id="mapping-values-not-allowed",
        ),
        pytest.param(
            "agenda_item:\n\tnumber: 1\n",
            "2:1: Tabulator statt Leerzeichen; rücken Sie nur mit Leerzeichen ein",
            id="tab",
        ),
        pytest.param(
            'agenda_item:\n  number: "1"\n order: 2\n',
            f"3:2: {INDENTATION}",
            id="did-not-find-expected-key",
        ),
        pytest.param(
            'title: "Radweg\ndate: 2020-01-01\n',
            "1:8: die Anführungszeichen werden in dieser Zeile nicht geschlossen; setzen Sie "
            "am Ende des Wertes das passende Anführungszeichen",
            id="unclosed-quote",
        ),
        pytest.param(
            "title: 'Radweg\n",
            "1:8: die Anführungszeichen werden in dieser Zeile nicht geschlossen; setzen Sie "
            "am Ende des Wertes das passende Anführungszeichen",
            id="unclosed-single-quote-unexpected-end",
        ),
        pytest.param(
            "topics: [Haushalt, Verkehr\n",
            "2:1: in der Liste in eckigen Klammern fehlt ein Komma oder die schließende "
            "Klammer ']'",
            id="flow-sequence",
        ),
        pytest.param(
            "meeting: {name: x\n",
            "2:1: in der Zuordnung in geschweiften Klammern fehlt ein Komma oder die "
            "schließende Klammer '}'",
            id="flow-mapping",
        ),
        pytest.param(
            "title: *x\n",
            "1:8: YAML-Verweise ('*x') sind nicht erlaubt; schreiben Sie den Wert an jeder "
            "Stelle aus",
            id="undefined-alias",
        ),
        pytest.param(
            "title: @Rat\n",
            f"1:8: ein Wert darf nicht mit '@' beginnen; {QUOTE_HINT}",
            id="cannot-start-any-token",
        ),
        pytest.param(
            "title: * Punkt\n",
            f"1:9: ein Wert darf nicht mit '&', '*' oder '!' beginnen; {QUOTE_HINT}",
            id="alias-without-name",
        ),
        pytest.param(
            'title: "a\\qb"\n',
            "1:10: unbekannte Zeichenfolge mit '\\' in doppelten Anführungszeichen; schreiben "
            "Sie '\\\\' für einen Backslash oder nehmen Sie einfache Anführungszeichen",
            id="unknown-escape",
        ),
        pytest.param(
            'title: "Rat" der Stadt\n',
            "1:14: nach dem schließenden Anführungszeichen folgt noch Text; setzen Sie den "
            "ganzen Wert in Anführungszeichen oder nehmen Sie die Anführungszeichen weg",
            id="text-after-quote",
        ),
        pytest.param(
            "title: x\n- y\n",
            "2:1: ein Listeneintrag ('- ') ist hier nicht möglich; rücken Sie die Liste unter "
            "ihrem Feldnamen ein",
            id="expected-block-end-sequence",
        ),
        pytest.param(
            "text: | x\n  y\n",
            "1:9: nach '|' oder '>' darf in der Zeile nichts mehr folgen; der Text beginnt in "
            "der nächsten Zeile, eingerückt",
            id="block-scalar",
        ),
        pytest.param(
            "title: x\n---\ny: 1\n",
            "2:1: hier beginnt etwas Neues, wo die Kopfdaten weitergehen müssten; prüfen Sie "
            "die Einrückung und ob eine Zeile mit '---', '...' oder einer Klammer beginnt",
            id="second-document",
        ),
    ],
)
def test_yaml_problem_in_german(text: str, expected: str) -> None:
    _, problems = parse_yaml(text, SOURCE)
    position, _, message = expected.partition(": ")
    prefix = "" if message.startswith("YAML-Verweise") else "YAML-Syntaxfehler: "
    assert [p.format() for p in problems] == [f"{SOURCE}:{position}: error: {prefix}{message}"]


def test_a_control_character_is_named() -> None:
    _, problems = parse_yaml("title: a\x07b\n", SOURCE)
    assert [p.format() for p in problems] == [
        f"{SOURCE}:1:9: error: das Zeichen U+0007 ist in YAML nicht erlaubt; löschen Sie es"
    ]


# --- Mutation fuzz: whatever an editor's typo does, no parser English reaches them -------

VALID = (
    "---\n"
    "id: ha-2020-017\n"
    'title: "IT-Budget 2020: digitale Arbeitsplätze"\n'
    "committee: hauptausschuss\n"
    "date: 2020-04-17\n"
    "meeting:\n"
    "  name: 12. Sitzung des Hauptausschusses\n"
    "  number: 12\n"
    "agenda_item:\n"
    '  number: "3.1"\n'
    "kind: ordinary\n"
    "result: adopted\n"
    "vote:\n"
    "  for: 10\n"
    "  factions:\n"
    "    - name: CDU\n"
    "      for: 10\n"
    "topics: [Digitalisierung, Haushalt]\n"
    "moved_by:\n"
    "  - 'FDP-Fraktion'\n"
    "legal_basis: >\n"
    "  § 60 Abs. 1 GO NRW\n"
    "---\n"
    "\n"
    "Der Hauptausschuss beschließt.\n"
)
FRONT_MATTER_END = VALID.index("---\n", 4)
YAML_CHARACTERS = ":-\"'\t\n #[]{}&*!|>%@`,?\\ ax1"
ENGLISH = re.compile(
    r"\b(expected|found|while|scanning|parsing|mapping|allowed|could not|character|stream|"
    r"document|alias|anchor|block|token|indicator|scalar|unacceptable|special)\b",
    re.IGNORECASE,
)
DISPLAY = Path("content/resolutions/hauptausschuss/2020/2020-04-17-x.md")


@st.composite
def mutations(draw: st.DrawFn) -> str:
    """The valid file with a few characters deleted or inserted in its front matter."""
    text = VALID
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        end = text.index("---\n", 4)
        at = draw(st.integers(min_value=4, max_value=end - 1))
        if draw(st.booleans()):
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + draw(st.sampled_from(YAML_CHARACTERS)) + text[at:]
    return text


@settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(mutations())
def test_no_parser_english_reaches_an_editor(text: str) -> None:
    _, problems = read_resolution_file(
        DISPLAY, text.encode("utf-8"), content_root=Path("/nonexistent"), display_path=DISPLAY
    )
    for problem in problems:
        assert ENGLISH.search(problem.message) is None, problem.format()
