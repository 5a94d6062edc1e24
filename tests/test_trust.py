"""Issue 15: what a hostile or careless input still got through; each row is a test here.

Legal pages with script, an alias bomb, a far-future date, direction characters in a
title, YAML problems in the parser's English, and staging folders left by killed builds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.cli import main
from generator.publish import site_writer
from generator.reading.fields import INVISIBLE_CHARACTERS, latest_date
from tests.conftest import REPOSITORY, ContentTree, resolution_text
from tests.site_fixtures import small_archive

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "refused"
HOSTILE_FILES = HOSTILE / "resolutions/rat/2021"
FILE = "content/resolutions/hauptausschuss/2020/2020-04-17-test.md"
PATIENCE = 120
"""Seconds a subprocess may take: far more than it needs even on a machine under load."""


def check_output(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", "--content", "content"]) == 1
    return [line for line in capsys.readouterr().out.splitlines() if ": error: " in line]


def build_arguments(base: Path) -> list[str]:
    return [
        "build",
        "--content",
        "content",
        "--config",
        str(REPOSITORY / "mkdocs.yml"),
        "--build-dir",
        str(base / ".build"),
        "--output",
        str(base / "site"),
    ]


def leftovers(base: Path) -> list[str]:
    return sorted(p.name for p in base.iterdir() if p.name.startswith(".site-"))


# --- Legal pages: the same rules as resolution texts, in check and in build -------------

LEGAL_PROBLEMS = [
    "content/legal/impressum.md:5:1: error: das HTML-Element <script> ist nicht erlaubt; "
    "schreiben Sie Markdown (erlaubt sind nur <abbr>, <br>, <del>, <ins>, <kbd>, <mark>, "
    "<s>, <sub>, <sup>, <u>)",
    "content/legal/impressum.md:7:11: error: Links mit 'javascript:' sind nicht erlaubt; "
    "erlaubt sind https://, http://, mailto: und tel:",
    "content/legal/impressum.md:9:1: error: HTML-Attribute wie onclick= (Skripte) sind "
    "nicht erlaubt",
    "content/legal/impressum.md:11:1: error: das HTML-Element <img> ist nicht erlaubt; "
    "schreiben Sie Markdown (erlaubt sind nur <abbr>, <br>, <del>, <ins>, <kbd>, <mark>, "
    "<s>, <sub>, <sup>, <u>)",
    "content/legal/impressum.md:13:11: error: Bilder von anderen Servern sind nicht erlaubt "
    "(jeder Aufruf der Seite würde diesen Server anfragen); legen Sie das Bild als Anlage ab",
]


def hostile_legal_page(base: Path) -> None:
    content = small_archive(base)
    shutil.copy(HOSTILE / "legal/impressum.md", content / "legal/impressum.md")


def test_check_reports_a_hostile_legal_page(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_legal_page(in_tmp)
    assert check_output(in_tmp, capsys) == LEGAL_PROBLEMS


def test_build_refuses_a_hostile_legal_page_without_check(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_legal_page(in_tmp)
    assert main(build_arguments(in_tmp)) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if ": error: " in line] == LEGAL_PROBLEMS
    assert not (in_tmp / "site").exists()
    assert leftovers(in_tmp) == []


def test_relative_links_in_legal_pages_stay_allowed(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = small_archive(in_tmp)
    (content / "legal/impressum.md").write_text(
        "Siehe [Datenschutz](../datenschutz/) und ![Wappen](wappen.png).\n", encoding="utf-8"
    )
    assert main(["check", "--content", "content"]) == 0


# --- Bounded work: an alias bomb is answered at once; no staging folder stays -----------


def test_check_answers_an_alias_bomb_at_once(tmp_path: Path) -> None:
    content = small_archive(tmp_path)
    bomb = content / "resolutions/rat/2021/2021-03-01-alias-bomb.md"
    shutil.copy(HOSTILE_FILES / bomb.name, bomb)
    # A subprocess, so that the unfixed behaviour (minutes of work) fails instead of hanging.
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--content", "content"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=PATIENCE,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "content/resolutions/rat/2021/2021-03-01-alias-bomb.md:11:6: error: YAML-Anker "
        "('&a') sind nicht erlaubt; schreiben Sie den Wert an jeder Stelle aus"
    )


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        (
            "legal_basis: *basis\n",
            "10:14: error: YAML-Verweise ('*basis') sind nicht erlaubt; schreiben Sie den Wert "
            "an jeder Stelle aus",
        ),
        (
            "meeting: &sitzung\n  name: Sitzung\n",
            "10:10: error: YAML-Anker ('&sitzung') sind nicht erlaubt; schreiben Sie den Wert "
            "an jeder Stelle aus",
        ),
    ],
)
def test_anchors_and_aliases_are_refused(
    content_tree: ContentTree,
    in_tmp: Path,
    capsys: pytest.CaptureFixture[str],
    front_matter: str,
    expected: str,
) -> None:
    content_tree({FILE.removeprefix("content/"): resolution_text(extra=front_matter)})
    assert check_output(in_tmp, capsys) == [f"{FILE}:{expected}"]


def test_oversized_front_matter_is_refused(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_value = "legal_basis: " + "x" * 210_000 + "\n"
    content_tree({FILE.removeprefix("content/"): resolution_text(extra=long_value)})
    assert check_output(in_tmp, capsys) == [
        f"{FILE}:2: error: die YAML-Daten sind 210 kB lang; erlaubt sind höchstens 200 kB"
    ]


SIGTERM_DURING_BUILD = """
import os, signal, sys
from generator import build
from generator.cli import main

def terminated(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGTERM)  # as a CI timeout or `kill` would, mid-build
    signal.pause()  # the signal arrives; nothing after this runs

build.run_mkdocs = terminated
sys.exit(main(sys.argv[1:]))
"""


def test_sigterm_during_build_leaves_no_staging_folder(tmp_path: Path) -> None:
    small_archive(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", SIGTERM_DURING_BUILD, *build_arguments(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=PATIENCE,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr.splitlines()[-1] == (
        "ratsarchiv: Erstellen abgebrochen; die alte Website bleibt"
    )
    assert leftovers(tmp_path) == []


def test_the_next_build_removes_staging_folders_of_ended_builds(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(timeout=PATIENCE)
    stale = tmp_path / f".site-staging-{gone.pid}-abc123"
    unnamed = tmp_path / ".site-staging-xyz"  # made before staging folders carried a pid
    running = tmp_path / f".site-staging-{os.getpid()}-def456"
    for folder in (stale, unnamed, running):
        (folder / "beschluss").mkdir(parents=True)
    fresh = site_writer.new_staging_dir(tmp_path / "site")
    assert leftovers(tmp_path) == sorted([running.name, fresh.name])


# --- Dates: what check accepts, build builds --------------------------------------------


def test_a_far_future_date_is_a_check_error_not_a_build_traceback(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = small_archive(in_tmp)
    path = content / "resolutions/rat/2021/2021-03-01-date-9999.md"
    shutil.copy(HOSTILE_FILES / path.name, path)
    assert main(build_arguments(in_tmp)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if ": error: " in line] == [
        "content/resolutions/rat/2021/2021-03-01-date-9999.md:5:1: error: date: das Datum "
        "9999-12-31 ist nicht plausibel; erwartet ein Datum zwischen 1800-01-01 und "
        f"{latest_date().isoformat()}, prüfen Sie die Jahreszahl"
    ]


@pytest.mark.parametrize(
    ("value", "accepted"),
    [("1799-12-31", False), ("1800-01-01", True), ("latest", True), ("after", False)],
)
def test_the_plausible_date_range_has_exact_ends(
    content_tree: ContentTree,
    in_tmp: Path,
    capsys: pytest.CaptureFixture[str],
    value: str,
    accepted: bool,
) -> None:
    latest = latest_date()
    date = {"latest": latest.isoformat(), "after": f"{latest.year + 1}-01-01"}.get(value, value)
    year = date[:4]
    path = f"resolutions/hauptausschuss/{year}/{date}-test.md"
    content_tree({path: resolution_text(date=date)})
    code = main(["check", "--content", "content"])
    assert (code == 0) is accepted, capsys.readouterr().out


# --- Invisible and direction characters -------------------------------------------------


@pytest.mark.parametrize("character", sorted(INVISIBLE_CHARACTERS))
def test_invisible_characters_in_a_title_are_refused_by_name(
    content_tree: ContentTree,
    in_tmp: Path,
    capsys: pytest.CaptureFixture[str],
    character: str,
) -> None:
    content_tree({FILE.removeprefix("content/"): resolution_text(title=f'"Haus{character}halt"')})
    name = INVISIBLE_CHARACTERS[character]
    assert check_output(in_tmp, capsys) == [
        f"{FILE}:3:1: error: title: der Text enthält das unsichtbare Steuerzeichen "
        f"U+{ord(character):04X} ({name}) an Stelle 5; löschen Sie es (im Editor mit den "
        "Pfeiltasten zu finden)"
    ]


def test_the_right_to_left_override_is_named_as_the_issue_asks() -> None:
    assert INVISIBLE_CHARACTERS["\u202e"] == "Schreibrichtungs-Umkehrung"


def test_invisible_characters_in_a_committee_name_are_refused(
    content_tree: ContentTree, in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    committees = textwrap.dedent(
        """\
        committees:
          - id: hauptausschuss
            name: "Haupt\u200dausschuss"
            short_name: HA
            kind: committee
        """
    )
    content_tree({"committees.yml": committees})
    assert check_output(in_tmp, capsys) == [
        "content/committees.yml:3:5: error: committees[0].name: der Text enthält das "
        "unsichtbare Steuerzeichen U+200D (Verbinder ohne Breite) an Stelle 6; löschen Sie "
        "es (im Editor mit den Pfeiltasten zu finden)"
    ]
