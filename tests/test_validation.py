"""Each kind of bad input gets the exact message an editor sees: file, line, field, expectation."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.reading.loading import load_archive
from tests.conftest import ContentTree, resolution_text

HA = "resolutions/hauptausschuss/2020"
FILE = f"content/{HA}/2020-04-17-test.md"


def messages(content_tree: ContentTree, files: dict[str, str | bytes]) -> list[str]:
    _, problems = load_archive(content_tree(files))
    return [problem.format() for problem in problems]


def one_file(text: str | bytes) -> dict[str, str | bytes]:
    return {f"{HA}/2020-04-17-test.md": text}


def test_valid_file_has_no_problems(content_tree: ContentTree, in_tmp: Path) -> None:
    catalog, problems = load_archive(content_tree(one_file(resolution_text())))
    assert problems == []
    assert catalog is not None
    assert list(catalog.by_id) == ["ha-2020-001"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param(
            "",
            None,
            id="baseline",
        ),
        pytest.param(
            "public: no\n",
            f"{FILE}:10:1: error: public: erwartet true oder false, gefunden 'no'; "
            "schreiben Sie true oder false, damit keine Verwechslung möglich ist",
            id="yaml-1.1-boolean",
        ),
        pytest.param(
            "paper_type: no\n",
            f"{FILE}:10:1: error: paper_type: erwartet einen Text, gefunden 'no', was YAML "
            'als einen Wahrheitswert (ja/nein) liest; setzen Sie Text in Anführungszeichen: "no"',
            id="no-read-as-false",
        ),
        pytest.param(
            "legal_basis: 2020-04-17\n",
            f"{FILE}:10:1: error: legal_basis: erwartet einen Text, gefunden '2020-04-17', was "
            'YAML als ein Datum liest; setzen Sie Text in Anführungszeichen: "2020-04-17"',
            id="unquoted-date-in-text-field",
        ),
        pytest.param(
            "reference: 2020.10\n",
            f"{FILE}:10:1: error: reference: erwartet einen Text, gefunden '2020.10', was YAML "
            'als eine Zahl liest; setzen Sie Text in Anführungszeichen: "2020.10"',
            id="number-in-text-field",
        ),
        pytest.param(
            "titel: Tippfehler\n",
            f"{FILE}:10:1: error: titel: unbekanntes Feld; meinten Sie 'title'? (erlaubt: "
            "addendum_date, agenda_item, attachments, committee, date, former_ids, id, kind, "
            "legal_basis, mandates, meeting, moved_by, paper_type, public, recommended_to, "
            "reference, referred_to, relations, resolution_file, result, source, title, topics, "
            "vote)",
            id="unknown-field-did-you-mean",
        ),
        pytest.param(
            "addendum_date: 2020-13-01\n",
            f"{FILE}:10:1: error: addendum_date: erwartet ein Datum wie 2020-04-17, "
            "gefunden '2020-13-01'",
            id="impossible-date",
        ),
        pytest.param(
            "vote:\n  for: 3\n  factions:\n    - name: CDU\n      for: 2\n",
            f"{FILE}:11:3: error: vote.for: die Fraktionen ergeben zusammen 2, hier steht 3; "
            "bitte Gesamtzahl oder Aufschlüsselung berichtigen",
            id="faction-sum",
        ),
        pytest.param(
            "vote:\n  unanimous: true\n  against: 2\n",
            f"{FILE}:12:3: error: vote.against: eine einstimmige Abstimmung kann keine "
            "Gegenstimmen haben",
            id="unanimous-with-no-votes",
        ),
        pytest.param(
            "vote:\n  for: 3\n  abstain_count: 2\n",
            f"{FILE}:12:3: error: vote.abstain_count: unbekanntes Feld; meinten Sie 'abstain'? "
            "(erlaubt: abstain, against, excluded_for_bias, excluded_for_bias_count, factions, "
            "for, roll_call, text, unanimous)",
            id="unknown-vote-field",
        ),
        pytest.param(
            "kind: recommendation\n",
            f"{FILE}:10:1: error: kind: das Feld steht doppelt (zuerst in Zeile 8); "
            "löschen Sie eine der beiden Zeilen",
            id="duplicate-key",
        ),
        pytest.param(
            "topics: !!python/object:os.system ls\n",
            f"{FILE}:10:9: error: topics: der YAML-Tag 'tag:yaml.org,2002:python/object:os.system'"
            " ist nicht erlaubt; schreiben Sie den Wert ohne Tag",
            id="python-tag-refused",
        ),
        pytest.param(
            "relations:\n  - type: amends\n    target: ha-2019-999\n",
            f"{FILE}:12:5: error: relations[0].target: es gibt keinen Beschluss mit der "
            "Kennung 'ha-2019-999'",
            id="dangling-relation",
        ),
        pytest.param(
            "relations:\n  - type: amend\n    target: ha-2019-999\n",
            f"{FILE}:11:5: error: relations[0].type: unbekannter Wert 'amend'; meinten Sie "
            "'amends'? (erlaubt: amends, supersedes, ratifies, implements, see_also)",
            id="relation-type",
        ),
        pytest.param(
            "attachments:\n  - title: Anlage\n    file: ../../../../archive.yml\n",
            f"{FILE}:12:5: error: attachments[0].file: die Anlage darf nicht außerhalb von "
            "content/ liegen ('../../../../archive.yml')",
            id="attachment-escapes",
        ),
        pytest.param(
            "attachments:\n  - title: Anlage\n    file: C:\\temp\\x.pdf\n",
            f"{FILE}:12:5: error: attachments[0].file: erwartet einen Dateinamen relativ zum "
            "Beschluss mit '/' als Trenner, gefunden 'C:\\temp\\x.pdf'",
            id="attachment-backslash",
        ),
        pytest.param(
            "attachments:\n  - title: Anlage\n    file: fehlt.pdf\n",
            f"{FILE}:12:5: error: attachments[0].file: die Datei 'fehlt.pdf' gibt es nicht "
            "neben dem Beschluss",
            id="attachment-missing",
        ),
        pytest.param(
            "attachments:\n  - title: Anlage\n    url: javascript:alert(1)\n",
            f"{FILE}:12:5: error: attachments[0].url: erwartet eine Webadresse, die mit "
            "https:// beginnt, gefunden 'javascript:alert(1)'",
            id="unsafe-url",
        ),
        pytest.param(
            "recommended_to: bezirksvertretung-nord\n",
            f"{FILE}:10:1: error: recommended_to: das Gremium 'bezirksvertretung-nord' steht "
            "nicht in content/committees.yml (bekannt: hauptausschuss, rat)",
            id="unknown-committee",
        ),
        pytest.param(
            "referred_to: bauausschuss\n",
            f"{FILE}:10:1: error: referred_to: das Gremium 'bauausschuss' steht "
            "nicht in content/committees.yml (bekannt: hauptausschuss, rat)",
            id="referred-to-unknown-committee",
        ),
        pytest.param(
            "referred_to: rat\n",
            f"{FILE}:10:1: error: referred_to: 'referred_to' nennt das Gremium einer Verweisung "
            "und passt nur zu 'result: referred' (hier: 'adopted')",
            id="referred-to-without-referral",
        ),
    ],
)
def test_field_problem_message(
    content_tree: ContentTree, in_tmp: Path, extra: str, expected: str | None
) -> None:
    found = messages(content_tree, one_file(resolution_text(extra=extra)))
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("field", "typed", "meant", "label"),
    [
        ("result", "beschlossen", "adopted", "beschlossen"),
        ("result", "Abgelehnt", "rejected", "abgelehnt"),
        ("result", "zur Kenntnis genommen", "noted", "zur Kenntnis genommen"),
        ("result", "angenommen", "adopted", "beschlossen"),
        ("kind", "Dringlichkeitsentscheidung", "urgency_decision", "Dringlichkeitsentscheidung"),
        ("kind", "Beschlußempfehlung", "recommendation", "Beschlussempfehlung"),
    ],
)
def test_german_value_names_the_value_meant(
    content_tree: ContentTree, in_tmp: Path, field: str, typed: str, meant: str, label: str
) -> None:
    text = resolution_text().replace(f"{field}: ", f"{field}: {typed}  # ", 1)
    found = messages(content_tree, one_file(text))
    line = 8 if field == "kind" else 9
    assert len(found) == 1
    assert found[0].startswith(
        f"{FILE}:{line}:1: error: {field}: unbekannter Wert '{typed}'; "
        f"meinten Sie '{meant}' (= {label})? (erlaubt: "
    ), found


def test_german_relation_type(content_tree: ContentTree, in_tmp: Path) -> None:
    extra = "relations:\n  - type: ändert\n    target: ha-2020-001\n"
    found = messages(content_tree, one_file(resolution_text(extra=extra)))
    assert found[0] == (
        f"{FILE}:11:5: error: relations[0].type: unbekannter Wert 'ändert'; meinten Sie "
        "'amends' (= ändert)? (erlaubt: amends, supersedes, ratifies, implements, see_also)"
    )


def test_missing_required_field(content_tree: ContentTree, in_tmp: Path) -> None:
    text = resolution_text().replace("result: adopted\n", "")
    assert messages(content_tree, one_file(text)) == [
        f"{FILE}:2:1: error: Pflichtfeld 'result' fehlt"
    ]


def test_yaml_syntax_error_names_line(content_tree: ContentTree, in_tmp: Path) -> None:
    text = resolution_text(extra='legal_basis: "unclosed\n')
    assert messages(content_tree, one_file(text)) == [
        f"{FILE}:10:14: error: YAML-Syntaxfehler: die Anführungszeichen werden in dieser "
        "Zeile nicht geschlossen; setzen Sie am Ende des Wertes das passende Anführungszeichen"
    ]


def test_missing_front_matter(content_tree: ContentTree, in_tmp: Path) -> None:
    assert messages(content_tree, one_file("Nur Text\n")) == [
        f"{FILE}:1:1: error: die Datei muss mit einer Zeile '---' beginnen, gefolgt von den "
        "Kopfdaten (YAML) und einer weiteren Zeile '---'"
    ]


def test_not_utf8(content_tree: ContentTree, in_tmp: Path) -> None:
    data = resolution_text(title="Bürger").encode("latin-1")
    assert messages(content_tree, one_file(data)) == [
        f"{FILE}:3: error: die Datei ist nicht UTF-8-kodiert; speichern Sie sie im Editor als UTF-8"
    ]


def test_empty_resolution_text(content_tree: ContentTree, in_tmp: Path) -> None:
    text = resolution_text(body="\n## Beratung\n\nNur Diskussion.\n")
    assert messages(content_tree, one_file(text)) == [
        f"{FILE}:11:1: error: der Beschlusstext fehlt; er steht unter den Kopfdaten, "
        "vor '## Beratung' (oder nennen Sie unter 'resolution_file' die Datei, in der er steht)"
    ]


def test_level_one_heading_refused(content_tree: ContentTree, in_tmp: Path) -> None:
    text = resolution_text(body="Text.\n\n# Großes Thema\n")
    assert messages(content_tree, one_file(text)) == [
        f"{FILE}:13:1: error: Überschriften der Ebene 1 ('# ') sind dem Titel vorbehalten; "
        "beginnen Sie Zwischenüberschriften mit '### '"
    ]


def test_duplicate_ids_also_after_case_folding(content_tree: ContentTree, in_tmp: Path) -> None:
    found = messages(
        content_tree,
        {
            f"{HA}/2020-04-17-a.md": resolution_text(id="ha-2020-001"),
            f"{HA}/2020-04-17-b.md": resolution_text(id="ha-2020-001", title="Zweiter"),
        },
    )
    assert found == [
        f"content/{HA}/2020-04-17-b.md:2:1: error: id: die Kennung 'ha-2020-001' ist schon "
        f"vergeben an content/{HA}/2020-04-17-a.md; jede Kennung darf nur einmal vorkommen"
    ]


def test_former_id_must_not_collide(content_tree: ContentTree, in_tmp: Path) -> None:
    found = messages(
        content_tree,
        {
            f"{HA}/2020-04-17-a.md": resolution_text(id="ha-2020-001"),
            f"{HA}/2020-04-17-b.md": resolution_text(
                id="ha-2020-002", extra="former_ids:\n  - ha-2020-001\n"
            ),
        },
    )
    assert found == [
        f"content/{HA}/2020-04-17-b.md:11:5: error: former_ids[0]: die frühere Kennung "
        f"'ha-2020-001' ist schon vergeben an content/{HA}/2020-04-17-a.md"
    ]


def test_ratification_must_point_to_urgency_decision(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    found = messages(
        content_tree,
        {
            f"{HA}/2020-04-17-a.md": resolution_text(id="ha-2020-001"),
            "resolutions/rat/2020/2020-05-01-b.md": resolution_text(
                id="rat-2020-001",
                committee="rat",
                date="2020-05-01",
                extra="relations:\n  - type: ratifies\n    target: ha-2020-001\n",
            ).replace("kind: ordinary", "kind: ratification"),
        },
    )
    assert found == [
        "content/resolutions/rat/2020/2020-05-01-b.md:12:5: error: relations[0].target: "
        "'ha-2020-001' ist keine Dringlichkeitsentscheidung (kind: urgency_decision); "
        "genehmigt werden können nur solche"
    ]


def test_ratification_without_relation(content_tree: ContentTree, in_tmp: Path) -> None:
    text = resolution_text().replace("kind: ordinary", "kind: ratification")
    assert messages(content_tree, one_file(text)) == [
        f"{FILE}:8:1: error: kind: eine Genehmigung muss auf die Dringlichkeitsentscheidung "
        "verweisen: relations: [{type: ratifies, target: <Kennung>}]"
    ]


def test_path_must_agree_with_committee_and_date(content_tree: ContentTree, in_tmp: Path) -> None:
    found = messages(content_tree, {"resolutions/rat/2021/2020-04-17-test.md": resolution_text()})
    assert found == [
        "content/resolutions/rat/2021/2020-04-17-test.md:4:1: warning: committee: der "
        "Ablageort passt nicht zu Gremium und Datum; erwartet "
        "content/resolutions/hauptausschuss/2020/2020-04-17-….md"
    ]


def test_unparsed_vote_text_is_a_warning(content_tree: ContentTree, in_tmp: Path) -> None:
    text = resolution_text(extra="vote:\n  text: mit großer Mehrheit\n")
    assert messages(content_tree, one_file(text)) == [
        f"{FILE}:11:3: warning: vote.text: die Abstimmung liegt nur als Wortlaut vor; bitte "
        "'unanimous' oder die Zahlen 'for', 'against', 'abstain' eintragen"
    ]


def test_topics_differing_only_in_case_collide(content_tree: ContentTree, in_tmp: Path) -> None:
    found = messages(
        content_tree,
        {
            f"{HA}/2020-04-17-a.md": resolution_text(extra="topics: [Klimaschutz]\n"),
            f"{HA}/2020-04-17-b.md": resolution_text(
                id="ha-2020-002", extra="topics: [klimaschutz]\n"
            ),
        },
    )
    assert found == [
        f"content/{HA}/2020-04-17-b.md:10:10: error: topics[0]: das Thema 'klimaschutz' ist "
        "kaum von 'Klimaschutz' zu unterscheiden (gleiche Adresse); bitte eine Schreibweise "
        "verwenden"
    ]


def test_nfd_text_is_normalised(content_tree: ContentTree, in_tmp: Path) -> None:
    nfd = "Bu\u0308rgerhaushalt"
    root = content_tree(one_file(resolution_text(extra=f"topics: [{nfd}]\n")))
    catalog, problems = load_archive(root)
    assert problems == []
    assert catalog is not None
    assert catalog.by_id["ha-2020-001"].topics == ("Bürgerhaushalt",)


def test_all_problems_of_all_files_are_reported(content_tree: ContentTree, in_tmp: Path) -> None:
    found = messages(
        content_tree,
        {
            f"{HA}/2020-04-17-a.md": resolution_text(extra="public: maybe\n"),
            f"{HA}/2020-04-17-b.md": resolution_text(id="ha-2020-002", extra="topic: [x]\n"),
        },
    )
    assert len(found) == 2
    assert found[0].startswith(f"content/{HA}/2020-04-17-a.md:10:1: error: public:")
    assert found[1].startswith(f"content/{HA}/2020-04-17-b.md:10:1: error: topic:")


def test_settings_problems_name_the_file(content_tree: ContentTree, in_tmp: Path) -> None:
    found = messages(
        content_tree,
        {"archive.yml": "municipality: Stadt Teststadt\nags: 5999\n"},
    )
    assert (
        "content/archive.yml:2:1: error: ags: erwartet einen Text, gefunden '5999', was YAML "
        'als eine Zahl liest; setzen Sie Text in Anführungszeichen: "5999"'
    ) in found
    assert "content/archive.yml:1:1: error: Pflichtfeld 'site_url' fehlt" in found


def test_file_with_errors_still_claims_its_id(content_tree: ContentTree, in_tmp: Path) -> None:
    """One typo must not cascade into "no such resolution" errors in every file citing it."""
    found = messages(
        content_tree,
        {
            f"{HA}/2020-04-17-a.md": resolution_text(id="ha-2020-001", extra="public: 1\n"),
            f"{HA}/2020-04-17-b.md": resolution_text(
                id="ha-2020-002", extra="relations:\n  - type: amends\n    target: ha-2020-001\n"
            ),
        },
    )
    assert found == [
        f"content/{HA}/2020-04-17-a.md:10:1: error: public: erwartet true oder false, gefunden '1'"
    ]


IMPORTED = (
    "source:\n"
    "  system: oparl\n"
    '  origin: "https://ris.example/agendaitem/1"\n'
    '  checksum: "sha256:0"\n'
)


def test_gaps_of_a_hand_written_file_are_warnings(content_tree: ContentTree, in_tmp: Path) -> None:
    text = resolution_text(extra='vote:\n  text: "mehrheitlich"\n').replace(
        "result: adopted", "result: not_recorded"
    )
    assert messages(content_tree, one_file(text)) == [
        f"{FILE}:9:1: warning: result: das Ergebnis ist nicht erfasst; die Seite sagt das so. "
        "Bitte aus der Niederschrift nachtragen, sobald es bekannt ist",
        f"{FILE}:11:3: warning: vote.text: die Abstimmung liegt nur als Wortlaut vor; bitte "
        "'unanimous' oder die Zahlen 'for', 'against', 'abstain' eintragen",
    ]


def test_gaps_of_an_imported_record_are_notes_that_never_fail(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = resolution_text(extra=IMPORTED, body="").replace(
        "result: adopted", "result: not_recorded"
    )
    content = content_tree(one_file(text))
    _, problems = load_archive(content)
    assert sorted((p.severity, p.field or "") for p in problems) == [
        ("note", ""),
        ("note", "result"),
    ]
    assert main(["check", "--strict", "--content", str(content)]) == 0
    err = capsys.readouterr().err
    assert "  1 × Ergebnis nicht erfasst" in err.replace("     1", "  1")
    assert "2 Hinweise auf Lücken in importierten Unterlagen (scheitern nie)" in err
    assert main(["check", "--notes", "--content", str(content)]) == 0
    assert f"{FILE}:9:1: note: result: das Ergebnis ist nicht erfasst" in capsys.readouterr().out


def test_text_only_in_a_linked_resolution_file_is_valid(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    text = resolution_text(
        extra="resolution_file:\n  url: https://ris.example/b.pdf\n  title: Beschlusstext\n",
        body="",
    )
    assert messages(content_tree, one_file(text)) == [
        f"{FILE}:10:1: warning: resolution_file: der Beschlusstext steht nur in der verlinkten "
        "Datei; die Seite verweist darauf. Liegt die Datei neben dem Beschluss (import oparl "
        "--download-files), zeigt die Seite ihren Text und die Suche findet ihn"
    ]


def test_topic_one_or_two_letters_from_a_frequent_one_is_a_warning(
    content_tree: ContentTree, in_tmp: Path
) -> None:
    files: dict[str, str | bytes] = {
        f"{HA}/2020-04-17-a.md": resolution_text(
            id="ha-2020-001", extra="topics:\n  - Haushalt\n  - Schule\n"
        ),
        f"{HA}/2020-04-17-b.md": resolution_text(
            id="ha-2020-002", extra="topics:\n  - Haushalt\n  - Haushalt 2021\n"
        ),
        f"{HA}/2020-04-17-c.md": resolution_text(
            id="ha-2020-003", extra="topics:\n  - Schule\n  - Hausahlt\n  - Haushalt 2020\n"
        ),
    }
    assert messages(content_tree, files) == [
        f"content/{HA}/2020-04-17-c.md:12:5: warning: topics[1]: das Thema 'Hausahlt' "
        "unterscheidet sich nur in ein, zwei Buchstaben von 'Haushalt' (2 Beschlüsse); "
        "meinten Sie 'Haushalt'?"
    ]
