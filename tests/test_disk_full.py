"""A full disk during a build: a German message with folder and space, never a traceback."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from generator.runtime import disk_space
from generator.runtime.disk_space import full_disk_message


def _full(path: Path) -> OSError:
    return OSError(errno.ENOSPC, "No space left on device", str(path))


def test_names_the_folder_the_free_space_and_what_the_build_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk's free space is fixed here: other processes write while the test runs.
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(
        disk_space.shutil, "disk_usage", lambda _: usage._replace(free=65_696_700_000)
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b"x" * 3_000_000)
    staging = tmp_path / ".site-staging-1"
    staging.mkdir()
    message = full_disk_message(_full(staging / "beschluss" / "a" / "index.html"), site_dir=site)
    assert message == (
        f"kein Platz mehr auf dem Datenträger beim Schreiben in '{staging}' "
        "(frei: 65.697 MB). Der Build braucht dort etwa 3 MB zusätzlich (so groß ist die "
        "bisherige Website; die neue entsteht neben ihr und ersetzt sie erst am Ende). "
        "Schaffen Sie Platz und starten Sie den Build erneut; die bisherige Website in "
        f"'{site}' bleibt unverändert."
    )


def test_without_a_previous_site_it_says_how_large_sites_grow(tmp_path: Path) -> None:
    message = full_disk_message(_full(tmp_path / "x.html"), site_dir=tmp_path / "site")
    assert message is not None
    assert "je Beschluss rund 0,1 MB, dazu die Anlagen" in message


def test_other_os_errors_are_not_a_full_disk(tmp_path: Path) -> None:
    denied = OSError(errno.EACCES, "Permission denied", str(tmp_path))
    assert full_disk_message(denied, site_dir=tmp_path) is None


def test_a_build_on_a_full_disk_says_so_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main
    from generator.publish import site_writer

    repository = Path(__file__).resolve().parent.parent
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("alt", encoding="utf-8")

    def full(staging: Path, site_dir: Path) -> None:
        raise _full(staging / "index.html")

    monkeypatch.setattr(site_writer, "publish", full)
    code = main([
        "build", "--content", str(repository / "content"),
        "--config", str(repository / "mkdocs.yml"),
        "--build-dir", str(tmp_path / ".build"), "--output", str(site),
    ])  # fmt: skip
    errors = capsys.readouterr().err
    assert code == 1
    assert "ratsarchiv: kein Platz mehr auf dem Datenträger beim Schreiben in" in errors
    assert "Traceback" not in errors
    assert (site / "index.html").read_text(encoding="utf-8") == "alt"
    assert not list(tmp_path.glob(".site-staging-*"))
